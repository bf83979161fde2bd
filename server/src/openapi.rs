//! The OpenAPI 3 document, generated from the handlers' annotations.
//!
//! Every API route is registered through [`api`] with `utoipa_axum::routes!`, which
//! adds it to the router and to the document at once; `GET /api/openapi.json` serves it.

use std::sync::LazyLock;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use models::Health;
use models::error::ErrorBody;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, AppJson};
use crate::{
    AppState, alerts, auth, cases, civic, info, receipts, school, services, taxes, tenancy,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Okienko API", description = "E-services portal of a Polish gmina. \
        Errors: `{\"error\": {\"code\", \"message\", \"fields\"}}`; see docs/API.md."),
    components(schemas(ErrorBody)),
    tags((name = "system"), (name = "auth"), (name = "gmina"), (name = "receipts"), (name = "services"), (name = "cases"), (name = "office"), (name = "civic"), (name = "taxes"), (name = "taxes-office"), (name = "alerts"), (name = "crisis"), (name = "public-info"), (name = "public-info-office"), (name = "school"))
)]
struct ApiDoc;

/// Every API route, with `/api` in front, and its document.
pub fn api() -> OpenApiRouter<AppState> {
    let inner = OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(hello))
        .routes(routes!(openapi_json))
        .merge(auth::routes::router())
        .merge(tenancy::routes::router())
        .merge(receipts::routes::router())
        .merge(services::routes::router())
        .merge(cases::files::router())
        .merge(cases::drafts::router())
        .merge(cases::submit::router())
        .merge(cases::routes::router())
        .merge(cases::office::router())
        .merge(civic::router())
        .merge(taxes::router())
        .merge(alerts::router())
        .merge(info::router())
        .merge(school::router());
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest("/api", inner)
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    let (_, doc) = api().split_for_parts();
    doc.to_pretty_json().unwrap_or_default()
});

/// The document as JSON.
pub fn document() -> &'static str {
    &DOCUMENT
}

/// Liveness and database check.
#[utoipa::path(get, path = "/health", tag = "system",
    responses((status = 200, body = Health), (status = 500, body = ErrorBody)))]
async fn health(State(state): State<AppState>) -> Result<AppJson<Health>, ApiError> {
    let _: i64 = sqlx::query_scalar("SELECT CAST(1 AS BIGINT)")
        .fetch_one(&state.db.pool)
        .await?;
    Ok(AppJson(Health {
        status: "ok".into(),
    }))
}

/// A fixed text through the same router and layers as every route, with no database:
/// the ceiling `cargo xtask bench` measures the other endpoints against.
#[utoipa::path(get, path = "/hello", tag = "system",
    responses((status = 200, description = "The text `hello`", content_type = "text/plain")))]
async fn hello() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "hello",
    )
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "system",
    responses((status = 200, description = "The OpenAPI 3 document")))]
async fn openapi_json() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], document())
}
