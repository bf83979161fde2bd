//! A teacher who lost their authenticator (a new phone, a stolen one) cannot log in: the
//! school office ends it. The teacher's sessions end with it, so a stolen phone that is
//! still logged in is logged out. The next login with the password gives a new key to
//! add (`POST /api/auth/totp`), confirmed by its first code. The teacher is told by
//! e-mail, so a reset they did not ask for does not go unnoticed; the audit log keeps
//! who did it. Only teachers' authenticators are ended here, and nobody ends their own.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, ErrorCode};
use serde_json::json;
use sqlx::Row;

use super::keep::changed;
use super::office;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::mail;
use crate::time_fmt::now_ms;

/// Ends a teacher's authenticator and their sessions, and tells them by e-mail. A teacher
/// without one: nothing changes (204 all the same).
#[utoipa::path(delete, path = "/school/admin/teachers/{teacher}/authenticator", tag = "school",
    params(("teacher" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub(super) async fn reset(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(teacher): Path<String>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    if teacher == user.id {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ));
    }
    let mut tx = state.db.begin_write().await?;
    let who = sqlx::query(
        "SELECT u.email, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.gmina_id = $1 AND u.id = $2 AND r.role = 'teacher'",
    )
    .bind(&user.gmina_id)
    .bind(&teacher)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let ended = sqlx::query("DELETE FROM user_totp WHERE gmina_id = $1 AND user_id = $2")
        .bind(&user.gmina_id)
        .bind(&teacher)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if ended == 0 {
        return Ok(StatusCode::NO_CONTENT);
    }
    sqlx::query("DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2")
        .bind(&user.gmina_id)
        .bind(&teacher)
        .execute(&mut *tx)
        .await?;
    changed(
        &mut tx,
        &user,
        ("teacher.authenticator_reset", "user", &teacher),
        json!({}),
    )
    .await?;
    let (email, full_name): (String, String) = (who.get("email"), who.get("full_name"));
    let portal = crate::alerts::subscriptions::portal(&state);
    let body = format!(
        "Dzień dobry, {full_name},\n\n\
         sekretariat szkoły wyłączył aplikację uwierzytelniającą Twojego konta \
         i wylogował je na wszystkich urządzeniach.\n\
         Przy następnym logowaniu ({portal}/login) podasz hasło i dodasz nowy klucz do aplikacji.\n\
         Jeśli nie prosiłeś(-aś) o to, zadzwoń do sekretariatu i zmień hasło.\n\n\
         The school office turned off your account's authenticator and logged it out everywhere. \
         At your next login you will add a new key. If you did not ask for this, call the office \
         and change your password.\n\n\
         Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n"
    );
    mail::enqueue(
        &mut tx,
        &user.gmina_id,
        &email,
        "Konto w portalu: wyłączono aplikację uwierzytelniającą",
        &body,
        now_ms(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(teacher = %teacher, "authenticator reset by the school office");
    Ok(StatusCode::NO_CONTENT)
}
