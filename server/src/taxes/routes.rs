//! The resident's taxes and fees: the taxpayers they may see and each one's ledger as of
//! today or a chosen day. Someone else's taxpayer answers 404.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use models::error::{ErrorBody, FieldError};
use models::taxes::Day;
use models::taxes::ledger::{Ledger, Reminders, Taxpayer};
use serde::Deserialize;
use sqlx::Row;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{db, ledger};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::today;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(qr))
        .routes(routes!(set_reminders))
}

/// Switches the caller's e-mail reminders for a taxpayer on or off.
#[utoipa::path(put, path = "/taxes/taxpayers/{id}/reminders", tag = "taxes",
    params(("id" = String, Path)), request_body = Reminders,
    responses((status = 200, body = Reminders), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_reminders(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(body): AppJson<Reminders>,
) -> Result<AppJson<Reminders>, ApiError> {
    let done = sqlx::query(
        "UPDATE taxpayer_access SET reminders = $1 WHERE gmina_id = $2 AND taxpayer_id = $3 AND user_id = $4",
    )
    .bind(i64::from(body.enabled))
    .bind(&user.gmina_id)
    .bind(&id)
    .bind(&user.id)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(ApiError::not_found());
    }
    Ok(AppJson(body))
}

/// The taxpayers the caller may see (themself, a household, a company they act for).
#[utoipa::path(get, path = "/taxes/taxpayers", tag = "taxes",
    responses((status = 200, body = Vec<Taxpayer>), (status = 401, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Taxpayer>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(
        db::taxpayers_of(&mut conn, &user.gmina_id, &user.id).await?,
    ))
}

/// The day to show the ledger for.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AsOf {
    /// `YYYY-MM-DD` (default: today in Europe/Warsaw): interest is computed to this day,
    /// e.g. a planned payment date.
    pub as_of: Option<String>,
}

/// One taxpayer's ledger: assessments, instalments, payments and the balance.
#[utoipa::path(get, path = "/taxes/taxpayers/{id}", tag = "taxes", params(("id" = String, Path), AsOf),
    responses((status = 200, body = Ledger), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<AsOf>,
) -> Result<AppJson<Ledger>, ApiError> {
    Ok(AppJson(build(&state, &user, &id, query).await?))
}

/// The day asked for (today in Europe/Warsaw by default); 422 when it is not a date.
pub fn as_of_day(query: &AsOf) -> Result<Day, ApiError> {
    Ok(match query.as_of.as_deref() {
        None | Some("") => {
            Day::parse(&today().to_string()).ok_or_else(|| anyhow::anyhow!("today is a date"))?
        }
        Some(s) => {
            Day::parse(s).ok_or_else(|| ApiError::field("as_of", FieldError::InvalidDate))?
        }
    })
}

/// The ledger of a taxpayer the caller may see (404 otherwise), as of the asked day.
pub async fn build(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    query: AsOf,
) -> Result<Ledger, ApiError> {
    let as_of = as_of_day(&query)?;
    let mut conn = state.db.pool.acquire().await?;
    let taxpayer = db::taxpayer_for(&mut conn, &user.gmina_id, &user.id, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let settings =
        sqlx::query("SELECT recipient, recipient_nip FROM tax_settings WHERE gmina_id = $1")
            .bind(&user.gmina_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (recipient, nip) = settings
        .map(|r| {
            (
                r.get::<String, _>("recipient"),
                r.get::<String, _>("recipient_nip"),
            )
        })
        .unwrap_or_default();
    let account: String = taxpayer
        .account
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let title = format!("Podatki i opłaty {}", taxpayer.name);
    let qr =
        |amount: i64| models::taxes::zbp_qr_payload(&nip, &account, amount, &recipient, &title);
    let access: Option<(String, i64)> = sqlx::query_as(
        "SELECT calendar_token, reminders FROM taxpayer_access WHERE taxpayer_id = $1 AND user_id = $2",
    )
    .bind(&taxpayer.id)
    .bind(&user.id)
    .fetch_optional(&mut *conn)
    .await?;
    let mut ledger = ledger::ledger(&mut conn, taxpayer, as_of, qr).await?;
    if let Some((token, reminders)) = access {
        ledger.calendar_url = format!("/api/taxes/calendar/{token}.ics");
        ledger.reminders = reminders == 1;
    }
    Ok(ledger)
}

/// The QR transfer code (Polish banks' ZBP standard) for what settles the arrears on the
/// day — an SVG drawn by the server.
#[utoipa::path(get, path = "/taxes/taxpayers/{id}/qr.svg", tag = "taxes", params(("id" = String, Path), AsOf),
    responses((status = 200, description = "image/svg+xml"), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn qr(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<AsOf>,
) -> Result<Response, ApiError> {
    let ledger = build(&state, &user, &id, query).await?;
    let code = qrcode::QrCode::with_error_correction_level(
        ledger.qr_payload.as_bytes(),
        qrcode::EcLevel::M,
    )
    .map_err(|e| anyhow::anyhow!("transfer data too long for a QR code: {e}"))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    let mut response = svg.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    Ok(response)
}
