//! A new link to set the first password, for a pupil or guardian of the office's school
//! whose link (14 days, once) expired or got lost. The earlier links stop working: only
//! the newest one, in the newest e-mail, sets the password. An account whose password is
//! set already gets none (they use "forgot password" like everyone).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, ErrorCode};
use serde_json::json;
use sqlx::Row;

use super::keep::changed;
use super::office;
use crate::AppState;
use crate::alerts::subscriptions::portal;
use crate::auth::CurrentUser;
use crate::auth::invitations::{NO_PASSWORD, invite, is_no_login};
use crate::error::ApiError;
use crate::time_fmt::now_ms;

/// Sends a pupil or guardian of the caller's school a new link to set their password.
#[utoipa::path(post, path = "/school/admin/accounts/{account}/link", tag = "school",
    params(("account" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub(super) async fn send_again(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(account): Path<String>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    // A pupil enrolled in the office's school, or a guardian of one.
    let row = sqlx::query(
        "SELECT u.email, u.full_name, u.password_hash, s.name AS school_name FROM users u \
         JOIN enrolments e ON e.pupil_id = u.id \
            OR e.pupil_id IN (SELECT l.pupil_id FROM parent_links l WHERE l.parent_id = u.id) \
         JOIN school_classes c ON c.id = e.class_id JOIN school_years y ON y.id = c.year_id \
         JOIN schools s ON s.id = y.school_id JOIN school_admins a ON a.school_id = s.id \
         WHERE u.gmina_id = $1 AND u.id = $2 AND a.user_id = $3 ORDER BY y.starts_on DESC LIMIT 1",
    )
    .bind(&user.gmina_id)
    .bind(&account)
    .bind(&user.id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let email: String = row.get("email");
    if row.get::<String, _>("password_hash") != NO_PASSWORD || is_no_login(&email) {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ));
    }
    let now = now_ms();
    sqlx::query(
        "UPDATE account_invitations SET expires_at = $1 \
         WHERE gmina_id = $2 AND user_id = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(&user.gmina_id)
    .bind(&account)
    .execute(&mut *tx)
    .await?;
    let full_name: String = row.get("full_name");
    let why = format!(
        "{} wysyła Ci nowy link do konta w dzienniku elektronicznym; poprzednie linki już nie działają.",
        row.get::<String, _>("school_name")
    );
    invite(
        &mut tx,
        &user.gmina_id,
        (&account, &email, &full_name),
        &portal(&state),
        &why,
    )
    .await?;
    changed(
        &mut tx,
        &user,
        ("account.link_sent_again", "user", &account),
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
