//! The resident's cases: `GET /api/cases`, one case with its timeline and documents,
//! document downloads, the receipt, and answering a request for completion.
//!
//! Only the applicant's own cases answer; anyone else's are 404 (their existence is not
//! revealed). Clerks work on cases through [`super::office`].

use axum::extract::{Path, State};
use axum::response::Response;
use models::cases::{CaseDetail, CaseStatus, CaseSummary, Completion, EventKind};
use models::error::{ErrorBody, FieldError};
use models::receipts::SignedReceipt;
use serde_json::json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, CaseRow, Scope};
use super::files::{all_uploaded_by, blob, download};
use super::workflow::{Change, record};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(document))
        .routes(routes!(receipt))
        .routes(routes!(receipt_qr))
        .routes(routes!(complete))
}

async fn own_case(state: &AppState, user: &CurrentUser, id: &str) -> Result<CaseRow, ApiError> {
    db::by_id(&state.db.pool, &user.gmina_id, id)
        .await?
        .filter(|c| c.applicant_id.as_deref() == Some(user.id.as_str()))
        .ok_or_else(ApiError::not_found)
}

/// The caller's own cases, newest first.
#[utoipa::path(get, path = "/cases", tag = "cases",
    responses((status = 200, body = Vec<CaseSummary>), (status = 401, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<CaseSummary>>, ApiError> {
    let rows = db::list(&state.db.pool, &user.gmina_id, Scope::Applicant(&user.id)).await?;
    Ok(AppJson(rows.iter().map(CaseRow::summary).collect()))
}

/// One of the caller's cases with its timeline and documents.
#[utoipa::path(get, path = "/cases/{id}", tag = "cases",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = CaseDetail), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<CaseDetail>, ApiError> {
    let case = own_case(&state, &user, &id).await?;
    Ok(AppJson(case.detail(&state.db.pool).await?))
}

/// Downloads a document of one of the caller's cases.
#[utoipa::path(get, path = "/cases/{id}/documents/{doc}", tag = "cases",
    params(("id" = String, Path, description = "Case id"), ("doc" = String, Path, description = "Document id")),
    responses((status = 200, description = "The file, as an attachment"),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn document(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let case = own_case(&state, &user, &id).await?;
    send_document(&state, &case, &doc).await
}

/// A case document as a download (shared with the office routes).
pub async fn send_document(
    state: &AppState,
    case: &CaseRow,
    doc: &str,
) -> Result<Response, ApiError> {
    let pool = &state.db.pool;
    let (name, content_type, sha256, _) = db::document(pool, &case.id, doc)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let bytes = blob(pool, &case.gmina_id, &sha256)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(download(&name, &content_type, bytes))
}

/// The case's receipt (UPO) as JSON, for checking at the verify page or with the CLI.
#[utoipa::path(get, path = "/cases/{id}/receipt", tag = "cases",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = SignedReceipt), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<SignedReceipt>, ApiError> {
    let case = own_case(&state, &user, &id).await?;
    let json: Option<String> =
        sqlx::query_scalar("SELECT receipt_json FROM submissions WHERE case_id = $1")
            .bind(&case.id)
            .fetch_optional(&state.db.pool)
            .await?;
    let json = json.ok_or_else(ApiError::not_found)?;
    Ok(AppJson(
        serde_json::from_str(&json).map_err(anyhow::Error::from)?,
    ))
}

/// The address that checks a receipt: the verify page with the receipt in the fragment
/// (which never reaches a server), so a phone scanning the printed QR code checks it.
pub fn verify_url(origin: &str, receipt_json: &str) -> String {
    use base64::Engine;
    let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(receipt_json);
    format!("{origin}/verify#upo={packed}")
}

/// The receipt as a QR code (SVG) for the printable UPO: it holds [`verify_url`].
#[utoipa::path(get, path = "/cases/{id}/receipt/qr.svg", tag = "cases",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, content_type = "image/svg+xml", body = String),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn receipt_qr(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: axum::http::HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let AppJson(receipt) = receipt(State(state.clone()), user, Path(id)).await?;
    let compact = serde_json::to_string(&receipt).map_err(anyhow::Error::from)?;
    // The tenant was found by this Host, so it is one of the gmina's own names.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if state.config.secure_cookies {
        "https"
    } else {
        "http"
    };
    let url = verify_url(&format!("{scheme}://{host}"), &compact);
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::L)
        .map_err(|e| anyhow::anyhow!("receipt too long for a QR code: {e}"))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(320, 320)
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

/// Answers the office's request for completion with a message and files; the case goes
/// back to the clerk and the statutory period runs again.
#[utoipa::path(post, path = "/cases/{id}/completion", tag = "cases", request_body = Completion,
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = CaseDetail), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn complete(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<Completion>,
) -> Result<AppJson<CaseDetail>, ApiError> {
    let message = req.message.trim();
    if message.is_empty() && req.files.is_empty() {
        return Err(ApiError::field("message", FieldError::Required));
    }
    if message.chars().count() > 5000 {
        return Err(ApiError::field("message", FieldError::TooLong));
    }
    if req.files.len() > 10 {
        return Err(ApiError::field("files", FieldError::TooMany));
    }
    own_case(&state, &user, &id).await?;
    let mut tx = state.db.begin_write().await?;
    let case = db::by_id_in(&mut tx, &user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if case.status != CaseStatus::NeedsCompletion {
        return Err(super::office::wrong_state());
    }
    if !all_uploaded_by(&mut tx, &user.gmina_id, &user.id, &req.files).await? {
        return Err(ApiError::field("files", FieldError::WrongType));
    }
    let now = now_ms();
    db::attach_files(
        &mut tx,
        &user.gmina_id,
        &case.id,
        "completion",
        &req.files,
        &user.id,
        now,
    )
    .await?;
    // art. 35 § 5 KPA: the days spent waiting for the applicant do not count.
    let paused = case
        .paused_since
        .as_deref()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .map_or(0, |since| (today() - since).get_days().max(0) as i64);
    let paused_days = case.paused_days + paused;
    let start: jiff::civil::Date = case.received_on.parse().map_err(anyhow::Error::from)?;
    // A delay notice's extra days (art. 36) stay on top of the recomputed date.
    let due = super::due_on(start, &case.period, paused_days + case.extension_days).to_string();
    sqlx::query(
        "UPDATE cases SET paused_since = NULL, paused_days = $1, due_on = $2, completion_text = NULL, \
         completion_due_on = NULL WHERE id = $3",
    )
    .bind(paused_days)
    .bind(&due)
    .bind(&case.id)
    .execute(&mut *tx)
    .await?;
    let note = (!message.is_empty()).then_some(message);
    record(
        &mut tx,
        &case,
        Change {
            kind: EventKind::Completed,
            status: CaseStatus::InProgress,
            actor: Some(&user.id),
            note,
            at: now,
            detail: json!({"files": req.files.len(), "paused_days": paused_days}),
        },
    )
    .await?;
    tx.commit().await?;
    let case = own_case(&state, &user, &id).await?;
    Ok(AppJson(case.detail(&state.db.pool).await?))
}
