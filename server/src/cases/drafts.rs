//! Drafts: an application being written, saved on the server as the resident types, so
//! it can be resumed on another device. A draft is only ever turned into a submission by
//! an explicit, password-confirmed submit ([`super::submit`]).
//!
//! Saves carry the revision they build on; a save from a device holding an older
//! revision gets 409 instead of silently overwriting newer work.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::cases::{Draft, NewDraft, SaveDraft};
use models::error::{ErrorBody, ErrorCode, FieldError};
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::services::db::filing;
use crate::time_fmt::{now_ms, rfc3339};

/// The most drafts one person keeps.
const MAX_DRAFTS: i64 = 50;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one, save, remove))
}

const SELECT: &str = "SELECT d.id, s.slug, s.card_json, d.data_json, d.revision, d.updated_at \
    FROM drafts d JOIN services s ON s.id = d.service_id";

fn to_draft(r: &AnyRow) -> anyhow::Result<Draft> {
    let card: Value = serde_json::from_str(&r.get::<String, _>("card_json"))?;
    Ok(Draft {
        id: r.get("id"),
        service_slug: r.get("slug"),
        title: serde_json::from_value(card["title"].clone())?,
        data: serde_json::from_str(&r.get::<String, _>("data_json"))?,
        revision: r.get("revision"),
        updated_at: rfc3339(r.get("updated_at")),
    })
}

/// The caller's draft, or `None` (also for someone else's).
pub async fn own(pool: &AnyPool, user: &CurrentUser, id: &str) -> anyhow::Result<Option<Draft>> {
    let row = sqlx::query(&format!(
        "{SELECT} WHERE d.id = $1 AND d.gmina_id = $2 AND d.user_id = $3"
    ))
    .bind(id)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(to_draft).transpose()
}

/// The caller's drafts, last saved first.
#[utoipa::path(get, path = "/drafts", tag = "cases",
    responses((status = 200, body = Vec<Draft>), (status = 401, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Draft>>, ApiError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE d.gmina_id = $1 AND d.user_id = $2 ORDER BY d.updated_at DESC"
    ))
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&state.db.pool)
    .await?;
    let drafts = rows.iter().map(to_draft).collect::<anyhow::Result<_>>()?;
    Ok(AppJson(drafts))
}

/// Starts an empty draft of an e-service.
#[utoipa::path(post, path = "/drafts", tag = "cases", request_body = NewDraft,
    responses((status = 201, body = Draft), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(req): AppJson<NewDraft>,
) -> Result<(StatusCode, AppJson<Draft>), ApiError> {
    let pool = &state.db.pool;
    let service = filing(pool, &user.gmina_id, &req.service_slug)
        .await?
        .filter(|s| s.slug == req.service_slug)
        .ok_or_else(|| ApiError::field("service_slug", FieldError::InvalidChoice))?;
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE gmina_id = $1 AND user_id = $2")
            .bind(&user.gmina_id)
            .bind(&user.id)
            .fetch_one(pool)
            .await?;
    if count >= MAX_DRAFTS {
        return Err(ApiError::field("service_slug", FieldError::TooMany));
    }
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO drafts (id, gmina_id, user_id, service_id, data_json, revision, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, '{}', 1, $5, $5)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(&service.id)
    .bind(now)
    .execute(pool)
    .await?;
    let draft = own(pool, &user, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((StatusCode::CREATED, AppJson(draft)))
}

/// One of the caller's drafts.
#[utoipa::path(get, path = "/drafts/{id}", tag = "cases",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, body = Draft), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<Draft>, ApiError> {
    let draft = own(&state.db.pool, &user, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(draft))
}

/// Saves the whole form data (need not be valid yet) over the named revision.
#[utoipa::path(put, path = "/drafts/{id}", tag = "cases", request_body = SaveDraft,
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, body = Draft), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<SaveDraft>,
) -> Result<AppJson<Draft>, ApiError> {
    if !req.data.is_object() {
        return Err(ApiError::field("data", FieldError::WrongType));
    }
    let pool = &state.db.pool;
    let updated = sqlx::query(
        "UPDATE drafts SET data_json = $1, revision = revision + 1, updated_at = $2 \
         WHERE id = $3 AND gmina_id = $4 AND user_id = $5 AND revision = $6",
    )
    .bind(req.data.to_string())
    .bind(now_ms())
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(req.revision)
    .execute(pool)
    .await?;
    let draft = own(pool, &user, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if updated.rows_affected() != 1 {
        return Err(ApiError::Status(StatusCode::CONFLICT, ErrorCode::Conflict));
    }
    Ok(AppJson(draft))
}

/// Deletes one of the caller's drafts.
#[utoipa::path(delete, path = "/drafts/{id}", tag = "cases",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let done = sqlx::query("DELETE FROM drafts WHERE id = $1 AND gmina_id = $2 AND user_id = $3")
        .bind(&id)
        .bind(&user.gmina_id)
        .bind(&user.id)
        .execute(&state.db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(ApiError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}
