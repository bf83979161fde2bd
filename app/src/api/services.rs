//! `/api/services` calls.

use models::forms::FormDefinition;
use models::services::{Service, ServiceSummary};

use super::{ApiError, get};

/// The catalogue, searched by `q` (empty: everything).
pub async fn list(q: &str) -> Result<Vec<ServiceSummary>, ApiError> {
    let query: String = js_sys::encode_uri_component(q).into();
    get(&format!("/api/services?q={query}")).await
}

/// One service with its form.
pub async fn one(slug: &str) -> Result<Service, ApiError> {
    let slug: String = js_sys::encode_uri_component(slug).into();
    get(&format!("/api/services/{slug}")).await
}

/// A service's form definition.
pub async fn form(slug: &str) -> Result<FormDefinition, ApiError> {
    let slug: String = js_sys::encode_uri_component(slug).into();
    get(&format!("/api/services/{slug}/form")).await
}
