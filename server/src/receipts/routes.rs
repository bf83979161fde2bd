//! `GET /api/receipts/public-key`.

use axum::extract::State;
use models::error::ErrorBody;
use models::receipts::PublicKeyInfo;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::keys;
use crate::AppState;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;

/// The area's API routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(public_key))
}

/// The office's public key for checking receipts (UPO) — public, no account needed.
#[utoipa::path(get, path = "/receipts/public-key", tag = "receipts",
    responses((status = 200, body = PublicKeyInfo), (status = 500, body = ErrorBody)))]
async fn public_key(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<PublicKeyInfo>, ApiError> {
    let pool = &state.db.pool;
    let key = keys::current(pool, state.config.receipt_key_dir.as_deref(), &tenant.id).await?;
    let info = keys::public_key(pool, &key.key_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(info))
}
