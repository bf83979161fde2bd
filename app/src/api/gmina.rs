//! `/api/gmina`.

use models::gmina::GminaInfo;

use super::{ApiError, get};

/// The gmina serving this host.
pub async fn info() -> Result<GminaInfo, ApiError> {
    get("/api/gmina").await
}
