//! Tenancy: which gmina a request is for, chosen by its host name.
//!
//! One deployment serves several gminy. `gmina_hosts` maps host names to gminy; an
//! unknown host gets the default gmina, so a single-gmina install needs no set-up.
//! Every query below the extractor filters by the [`Tenant`]'s id.

pub mod db;
pub mod routes;

use axum::extract::FromRequestParts;
use axum::http::header::HOST;
use axum::http::request::Parts;

use crate::AppState;
use crate::error::ApiError;

/// The gmina the current request is served for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    /// Slug, the `gmina_id` of every row it owns.
    pub id: String,
    /// Official name.
    pub name: String,
}

/// Lower-cases a `Host` header and drops its port (IPv6 literals keep their brackets).
pub fn host_name(host: &str) -> String {
    let host = host.trim().to_ascii_lowercase();
    if let Some(end) = host.strip_prefix('[').and_then(|h| h.find(']')) {
        return host[..end + 2].to_owned();
    }
    host.split(':').next().unwrap_or_default().to_owned()
}

impl FromRequestParts<AppState> for Tenant {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(tenant) = parts.extensions.get::<Tenant>() {
            return Ok(tenant.clone());
        }
        let host = parts
            .headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .or_else(|| parts.uri.host())
            .map(host_name)
            .unwrap_or_default();
        let tenant = db::resolve(&state.db.pool, &host)
            .await?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no default gmina configured")))?;
        parts.extensions.insert(tenant.clone());
        Ok(tenant)
    }
}

#[cfg(test)]
mod tests {
    use super::host_name;

    #[test]
    fn host_names_lose_their_port_and_case() {
        assert_eq!(host_name("Sasiednia.LOCALHOST:8080"), "sasiednia.localhost");
        assert_eq!(host_name("127.0.0.1"), "127.0.0.1");
        assert_eq!(host_name("[::1]:8080"), "[::1]");
    }
}
