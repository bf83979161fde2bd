//! Which accounts need a second factor (teachers: their accounts were taken over in
//! 2026 to post fake grades) and checking it at login; `POST /api/auth/totp` gives an
//! account without a confirmed authenticator a secret to add, which the first login
//! with one of its codes confirms. A confirmed authenticator is never replaced by
//! someone who only knows the password.

use axum::extract::State;
use axum::http::StatusCode;
use models::auth::{LoginRequest, Role, TotpSetup};
use models::error::{ErrorBody, ErrorCode};
use sqlx::{AnyPool, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::totp::{base32, from_base32, new_secret, otpauth_uri, qr_data_url, verify};
use super::{ClientIp, db, throttle};
use crate::AppState;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(setup))
}

/// Roles whose accounts need a second factor.
pub const ROLES: [Role; 2] = [Role::Teacher, Role::SchoolAdmin];

fn refused(code: ErrorCode) -> ApiError {
    ApiError::Status(StatusCode::UNAUTHORIZED, code)
}

async fn needs_it(pool: &AnyPool, gmina: &str, user: &str) -> Result<bool, ApiError> {
    Ok(db::roles(pool, gmina, user)
        .await?
        .iter()
        .any(|r| ROLES.contains(r)))
}

/// Checks the second factor of a login whose password was right: nothing for accounts
/// that need none; otherwise the code of the account's authenticator, for a step later
/// than the last one used. A wrong code counts as a failed login.
pub async fn check(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    code: Option<&str>,
    throttle_keys: &[&str],
) -> Result<(), ApiError> {
    if !needs_it(pool, gmina, user).await? {
        return Ok(());
    }
    let row = sqlx::query(
        "SELECT secret, confirmed, last_step FROM user_totp WHERE user_id = $1 AND gmina_id = $2",
    )
    .bind(user)
    .bind(gmina)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Err(refused(ErrorCode::SecondFactorSetupRequired));
    };
    let confirmed = row.get::<i64, _>("confirmed") == 1;
    let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
        return Err(refused(if confirmed {
            ErrorCode::SecondFactorRequired
        } else {
            ErrorCode::SecondFactorSetupRequired
        }));
    };
    let secret = from_base32(&row.get::<String, _>("secret"))
        .ok_or_else(|| anyhow::anyhow!("stored TOTP secret of {user} is not base32"))?;
    let last: Option<i64> = row.get("last_step");
    let taken = match verify(&secret, code, now_ms(), last) {
        // Only one login takes a step, even two at once with the same code.
        Some(step) => {
            sqlx::query(
                "UPDATE user_totp SET last_step = $1, confirmed = 1 WHERE user_id = $2 \
             AND (last_step IS NULL OR last_step < $1)",
            )
            .bind(step)
            .bind(user)
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }
        None => false,
    };
    if !taken {
        throttle::record(pool, gmina, throttle_keys).await?;
        return Err(refused(ErrorCode::InvalidSecondFactor));
    }
    Ok(())
}

/// Stores a confirmed secret (the demo's teachers).
pub async fn enrol_confirmed(
    conn: &mut sqlx::AnyConnection,
    gmina: &str,
    user: &str,
    secret_base32: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO user_totp (user_id, gmina_id, secret, confirmed, last_step) VALUES ($1, $2, $3, 1, NULL)")
        .bind(user)
        .bind(gmina)
        .bind(secret_base32)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A secret for an authenticator app, for an account that needs a second factor and has
/// none confirmed (the e-mail and password prove who asks; throttled as logins). It
/// takes effect with the first login that gives one of its codes.
#[utoipa::path(post, path = "/auth/totp", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = TotpSetup), (status = 401, body = ErrorBody),
              (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn setup(
    State(state): State<AppState>,
    tenant: Tenant,
    ClientIp(ip): ClientIp,
    AppJson(req): AppJson<LoginRequest>,
) -> Result<AppJson<TotpSetup>, ApiError> {
    let pool = &state.db.pool;
    let (user, _) = super::routes::password_checked(&state, &tenant.id, &ip, &req).await?;
    if !needs_it(pool, &tenant.id, &user.id).await? {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ));
    }
    let secret = new_secret()?;
    let encoded = base32(&secret);
    let replaced = sqlx::query(
        "INSERT INTO user_totp (user_id, gmina_id, secret, confirmed, last_step) VALUES ($1, $2, $3, 0, NULL) \
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret WHERE user_totp.confirmed = 0",
    )
    .bind(&user.id)
    .bind(&tenant.id)
    .bind(&encoded)
    .execute(pool)
    .await?
    .rows_affected();
    if replaced == 0 {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ));
    }
    tracing::info!(user = %user.id, "second factor set up (unconfirmed)");
    let uri = otpauth_uri(&format!("Okienko {}", tenant.name), &user.email, &secret);
    Ok(AppJson(TotpSetup {
        qr: qr_data_url(&uri)?,
        uri,
        secret: encoded,
    }))
}
