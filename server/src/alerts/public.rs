//! What anyone may read without logging in: the alerts in force (the portal's banner and
//! the public alerts page), the gmina's areas (for the subscription form), and the
//! CAP 1.2 publication for other systems and media: an Atom index of the alerts in
//! force, and each alert as a CAP message.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use models::alerts::{Alert, AlertArea};
use models::error::ErrorBody;
use models::lang::Lang;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ALERT_COLUMNS, alert_from, areas, cap, with_areas};
use crate::AppState;
use crate::error::{ApiError, AppJson};
use crate::i18n;
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(active))
        .routes(routes!(area_list))
        .routes(routes!(feed))
        .routes(routes!(one_cap))
}

/// The alerts in force now, most severe first, in the caller's language.
#[utoipa::path(get, path = "/alerts", tag = "alerts",
    responses((status = 200, body = Vec<Alert>)))]
async fn active(State(state): State<AppState>, tenant: Tenant) -> Result<Response, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let alerts = in_force(&mut conn, &tenant.id, now_ms(), i18n::current()).await?;
    let mut response = AppJson(alerts).into_response();
    // Every page asks for the banner: a few seconds of caching keep that cheap.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=15"),
    );
    Ok(response)
}

/// The alerts of a gmina in force at `now`, most severe first, in the caller's language.
pub async fn in_force(
    conn: &mut sqlx::AnyConnection,
    gmina: &str,
    now: i64,
    lang: Lang,
) -> anyhow::Result<Vec<Alert>> {
    let sql = format!(
        "SELECT {ALERT_COLUMNS} FROM alerts a WHERE a.gmina_id = $1 AND a.cancelled_at IS NULL \
         AND a.valid_from <= $2 AND a.valid_to > $2 ORDER BY a.issued_at DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(gmina)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
    let mut alerts = rows
        .iter()
        .map(|r| alert_from(r, lang))
        .collect::<anyhow::Result<Vec<_>>>()?;
    alerts.sort_by_key(|a| a.severity);
    with_areas(conn, gmina, &mut alerts).await?;
    Ok(alerts)
}

/// The gmina's sołectwa, districts and streets.
#[utoipa::path(get, path = "/alerts/areas", tag = "alerts",
    responses((status = 200, body = Vec<AlertArea>)))]
async fn area_list(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<Vec<AlertArea>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(areas(&mut conn, &tenant.id).await?))
}

/// The alerts in force as an Atom feed whose entries link to their CAP 1.2 messages
/// (the index format CAP aggregators read).
#[utoipa::path(get, path = "/alerts/cap", tag = "alerts",
    responses((status = 200, description = "application/atom+xml")))]
async fn feed(State(state): State<AppState>, tenant: Tenant) -> Result<Response, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let alerts = in_force(&mut conn, &tenant.id, now_ms(), Lang::Pl).await?;
    let base = state.config.public_url.clone().unwrap_or_default();
    let body = cap::atom(&tenant, &base, &alerts, now_ms());
    Ok(xml(body, "application/atom+xml; charset=utf-8"))
}

/// One alert as a CAP 1.2 message (every language the team wrote, one `info` each).
#[utoipa::path(get, path = "/alerts/{id}/cap", tag = "alerts", params(("id" = String, Path)),
    responses((status = 200, description = "application/cap+xml"), (status = 404, body = ErrorBody)))]
async fn one_cap(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let sql = format!("SELECT {ALERT_COLUMNS} FROM alerts a WHERE a.id = $1 AND a.gmina_id = $2");
    let row = sqlx::query(&sql)
        .bind(&id)
        .bind(&tenant.id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let mut alert = [alert_from(&row, Lang::Pl)?];
    with_areas(&mut conn, &tenant.id, &mut alert).await?;
    let texts = cap::Texts::from_row(&row);
    Ok(xml(
        cap::message(&tenant, &alert[0], &texts),
        "application/cap+xml; charset=utf-8",
    ))
}

fn xml(body: String, content_type: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}
