//! `GET /api/gmina` and the crest image.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use models::gmina::GminaInfo;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Tenant, db};
use crate::AppState;
use crate::error::{ApiError, AppJson};

/// The area's API routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(gmina_info))
}

/// Public facts about the gmina serving this host, with its organisation.
#[utoipa::path(get, path = "/gmina", tag = "gmina",
    responses((status = 200, body = GminaInfo)))]
async fn gmina_info(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<GminaInfo>, ApiError> {
    let g = db::gmina(&state.db.pool, &tenant.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let units = db::units(&state.db.pool, &tenant.id).await?;
    Ok(AppJson(GminaInfo {
        slug: g.id,
        name: g.name,
        crest_url: "/crest.svg".into(),
        address: g.address,
        contact_email: g.contact_email,
        contact_phone: g.contact_phone,
        units,
    }))
}

/// `GET /crest.svg`: the coat of arms of the gmina serving this host.
pub async fn crest(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<impl IntoResponse, ApiError> {
    let g = db::gmina(&state.db.pool, &tenant.id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=300"),
            // SVG can carry script: never let it run, even if opened directly.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
        ],
        g.crest_svg,
    ))
}
