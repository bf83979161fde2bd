//! Accounts made for someone else (a school office's import of pupils and guardians) get
//! no password: their owner receives a one-time link, valid for 14 days, and sets it at
//! `/activate/<secret>`. Only the secret's SHA-256 is stored; until then the account
//! cannot log in (its stored hash is not a password hash).

use axum::extract::State;
use axum::http::StatusCode;
use models::auth::ActivateRequest;
use models::error::{ErrorBody, FieldError};
use models::validate;
use serde_json::json;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::session::{new_token, token_hash};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::error::{ApiError, AppJson};
use crate::mail;
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(activate))
}

/// What an account waiting for its first password stores instead of a hash.
pub const NO_PASSWORD: &str = "!";

/// The domain of the addresses of accounts that never log in themselves (a young pupil
/// whose parents use theirs): `.invalid` is reserved (RFC 2606), so nothing is sent there.
pub const NO_LOGIN_DOMAIN: &str = "konto.invalid";

/// Whether an address is one of those.
pub fn is_no_login(email: &str) -> bool {
    email.ends_with(".invalid")
}

/// How long a link works.
const VALID_MS: i64 = 14 * 86_400_000;

/// Stores a link for the account and e-mails it to them (in the caller's transaction).
pub async fn invite(
    conn: &mut AnyConnection,
    gmina: &str,
    (user, email, full_name): (&str, &str, &str),
    portal: &str,
    why: &str,
) -> anyhow::Result<()> {
    let token = new_token()?;
    let now = now_ms();
    sqlx::query(
        "INSERT INTO account_invitations (token_hash, gmina_id, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(gmina)
    .bind(user)
    .bind(now)
    .bind(now + VALID_MS)
    .execute(&mut *conn)
    .await?;
    let body = format!(
        "Dzień dobry, {full_name},\n\n{why}\n\
         Aby zacząć, ustaw hasło pod adresem (ważnym 14 dni, jeden raz):\n{portal}/activate/{token}\n\n\
         Potem logujesz się adresem {email} i tym hasłem.\n\
         Jeśli nie spodziewasz się tej wiadomości, zignoruj ją.\n\n\
         An account was made for you. Set its password at the link above (valid 14 days, once).\n\n\
         Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n"
    );
    mail::enqueue(
        conn,
        gmina,
        email,
        "Konto w portalu: ustaw hasło",
        &body,
        now,
    )
    .await?;
    Ok(())
}

/// Sets the first password of an account from its link; the link then stops working.
#[utoipa::path(post, path = "/auth/activate", tag = "auth", request_body = ActivateRequest,
    responses((status = 204), (status = 422, body = ErrorBody)))]
async fn activate(
    State(state): State<AppState>,
    tenant: Tenant,
    AppJson(req): AppJson<ActivateRequest>,
) -> Result<StatusCode, ApiError> {
    validate::new_password(&req.password).map_err(|e| ApiError::field("password", e))?;
    let hash = state.passwords.hash(req.password).await?;
    let mut tx = state.db.begin_write().await?;
    let now = now_ms();
    let user: Option<String> = sqlx::query_scalar(
        "SELECT user_id FROM account_invitations WHERE gmina_id = $1 AND token_hash = $2 \
         AND used_at IS NULL AND expires_at > $3",
    )
    .bind(&tenant.id)
    .bind(token_hash(req.token.trim()))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let user = user.ok_or_else(|| ApiError::field("token", FieldError::InvalidLink))?;
    // Every link of the account ends with the first one used.
    sqlx::query(
        "UPDATE account_invitations SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
    )
    .bind(now)
    .bind(&user)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(&hash)
        .bind(now)
        .bind(&user)
        .execute(&mut *tx)
        .await?;
    audit::append(
        &mut tx,
        &tenant.id,
        Entry {
            actor: Some(&user),
            action: "account.activated",
            object_type: "user",
            object_id: &user,
            detail: json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
