//! A teacher or a school office's secretary who lost their authenticator (a new phone, a
//! stolen one) cannot log in: someone else ends it — the school office a teacher's, the
//! gmina's admin a school office's. The person's sessions end with it, so a stolen
//! phone that is still logged in is logged out. The next login with the password gives
//! a new key to add (`POST /api/auth/totp`), confirmed by its first code. The person is
//! told by e-mail, so a reset they did not ask for does not go unnoticed; the audit log
//! keeps who did it. Nobody ends their own.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
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
    end(&state, &user, &teacher, Role::Teacher).await
}

/// Who ends the authenticator of an account of `role`, in the e-mail's words (Polish,
/// English): the gmina's admin a school office's, the school office a teacher's.
fn ended_by(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::SchoolAdmin => (
            "Administrator portalu gminy",
            "The gmina's portal administrator",
        ),
        _ => ("Sekretariat szkoły", "The school office"),
    }
}

/// Ends the authenticator of an account holding `role` (404 for anyone else) and its
/// sessions, and tells its owner by e-mail; the audit log keeps who did it.
pub(crate) async fn end(
    state: &AppState,
    user: &CurrentUser,
    account: &str,
    role: Role,
) -> Result<StatusCode, ApiError> {
    if account == user.id {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ));
    }
    let mut tx = state.db.begin_write().await?;
    let who = sqlx::query(
        "SELECT u.email, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE r.gmina_id = $1 AND u.id = $2 AND r.role = $3",
    )
    .bind(&user.gmina_id)
    .bind(account)
    .bind(role.as_str())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let ended = sqlx::query("DELETE FROM user_totp WHERE gmina_id = $1 AND user_id = $2")
        .bind(&user.gmina_id)
        .bind(account)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if ended == 0 {
        return Ok(StatusCode::NO_CONTENT);
    }
    sqlx::query("DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2")
        .bind(&user.gmina_id)
        .bind(account)
        .execute(&mut *tx)
        .await?;
    let action = match role {
        Role::SchoolAdmin => "school_office.authenticator_reset",
        _ => "teacher.authenticator_reset",
    };
    changed(&mut tx, user, (action, "user", account), json!({})).await?;
    let (email, full_name): (String, String) = (who.get("email"), who.get("full_name"));
    let portal = crate::alerts::subscriptions::portal(state);
    let (pl, en) = ended_by(role);
    let body = format!(
        "Dzień dobry, {full_name},\n\n\
         {pl} wyłączył aplikację uwierzytelniającą Twojego konta \
         i wylogował je na wszystkich urządzeniach.\n\
         Przy następnym logowaniu ({portal}/login) podasz hasło i dodasz nowy klucz do aplikacji.\n\
         Jeśli nie prosiłeś(-aś) o to, zadzwoń do urzędu lub szkoły i zmień hasło.\n\n\
         {en} turned off your account's authenticator and logged it out everywhere. \
         At your next login you will add a new key. If you did not ask for this, call them \
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
    tracing::info!(account = %account, role = role.as_str(), "authenticator reset");
    Ok(StatusCode::NO_CONTENT)
}
