//! `GET /api/services` and `GET /api/services/{slug}`.

use axum::extract::{Path, Query, State};
use models::error::ErrorBody;
use models::forms::FormDefinition;
use models::services::{LifeSituation, Service, ServiceSummary};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{db, fold};
use crate::AppState;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;

/// The area's API routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(form))
}

/// Catalogue filters.
#[derive(Debug, Deserialize, IntoParams)]
struct Filter {
    /// Words to look for in the title and summary (any language, accents optional).
    q: Option<String>,
    /// Only this life situation.
    situation: Option<LifeSituation>,
}

/// The gmina's e-services, optionally searched and filtered — public.
#[utoipa::path(get, path = "/services", tag = "services", params(Filter),
    responses((status = 200, body = Vec<ServiceSummary>), (status = 400, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    Query(filter): Query<Filter>,
) -> Result<AppJson<Vec<ServiceSummary>>, ApiError> {
    let words: Vec<String> = filter
        .q
        .as_deref()
        .map(fold)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let found = db::all(&state.db.pool, &tenant.id)
        .await?
        .into_iter()
        .map(|s| s.summary)
        .filter(|s| filter.situation.is_none_or(|f| f == s.life_situation))
        .filter(|s| {
            let haystack = fold(
                &[
                    &s.title.pl,
                    &s.title.en,
                    &s.title.uk,
                    &s.summary.pl,
                    &s.summary.en,
                    &s.summary.uk,
                ]
                .map(|t| t.as_str())
                .join(" "),
            );
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect();
    Ok(AppJson(found))
}

/// One e-service's card — public.
#[utoipa::path(get, path = "/services/{slug}", tag = "services",
    params(("slug" = String, Path, description = "The service's slug")),
    responses((status = 200, body = Service), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(slug): Path<String>,
) -> Result<AppJson<Service>, ApiError> {
    let (service, _) = db::by_slug(&state.db.pool, &tenant.id, &slug)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(service))
}

/// One e-service's form definition — public (filing needs an account).
#[utoipa::path(get, path = "/services/{slug}/form", tag = "services",
    params(("slug" = String, Path, description = "The service's slug")),
    responses((status = 200, body = FormDefinition), (status = 404, body = ErrorBody)))]
async fn form(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(slug): Path<String>,
) -> Result<AppJson<FormDefinition>, ApiError> {
    let (_, form) = db::by_slug(&state.db.pool, &tenant.id, &slug)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(form))
}
