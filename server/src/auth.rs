//! Accounts and sessions: registration, login, logout, password change, the session
//! list, and the [`CurrentUser`] extractor every protected route uses.
//!
//! Sessions live in the database (several instances can share one PostgreSQL); the
//! browser holds only a random secret in an `HttpOnly`, `SameSite=Lax` cookie. A session
//! ends after `OKIENKO_SESSION_IDLE_MINUTES` of inactivity or `OKIENKO_SESSION_MAX_HOURS`
//! after login. The identity layer is this module: an external provider (login.gov.pl
//! over OIDC/SAML) would create the same session after its own callback.

pub mod db;
pub mod invitations;
pub mod password;
pub mod routes;
pub mod second_factor;
pub mod session;
pub mod throttle;
pub mod totp;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use models::auth::Role;

use crate::AppState;
use crate::error::ApiError;
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// Activity is written at most this often, so reads don't all become writes.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// The person behind the request's session, in the request's gmina.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Account id.
    pub id: String,
    /// The gmina the account (and session) belong to.
    pub gmina_id: String,
    /// Public id of the session in use.
    pub session_id: String,
    /// Roles, sorted.
    pub roles: Vec<Role>,
}

impl CurrentUser {
    /// Whether the person holds a role.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// 403 unless the person holds one of `roles`.
    pub fn require_any(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.iter().any(|r| self.has(*r)) {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let tenant = Tenant::from_request_parts(parts, state).await?;
        let token = session::token_from(&parts.headers, state.config.secure_cookies)
            .ok_or_else(ApiError::unauthenticated)?;
        let pool = &state.db.pool;
        let found = db::session_by_token(pool, &tenant.id, &session::token_hash(&token))
            .await?
            .ok_or_else(ApiError::unauthenticated)?;
        let now = now_ms();
        let idle_ms = state.config.session_idle_minutes * 60 * 1000;
        if found.expires_at <= now || found.last_seen_at + idle_ms <= now {
            db::delete_session_by_id(pool, &found.id).await?;
            return Err(ApiError::unauthenticated());
        }
        if now - found.last_seen_at >= TOUCH_EVERY_MS {
            db::touch_session(pool, &found.id, now).await?;
        }
        let roles = db::roles(pool, &tenant.id, &found.user_id).await?;
        let user = CurrentUser {
            id: found.user_id,
            gmina_id: tenant.id,
            session_id: found.id,
            roles,
        };
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    /// `None` for an anonymous caller (public pages that show more to the signed-in).
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        match <CurrentUser as FromRequestParts<AppState>>::from_request_parts(parts, state).await {
            Ok(user) => Ok(Some(user)),
            Err(ApiError::Status(StatusCode::UNAUTHORIZED, _)) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

/// The client's address for throttling: the socket peer, or the first
/// `X-Forwarded-For` entry when `OKIENKO_TRUST_PROXY` says a proxy sets it.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let forwarded = state
            .config
            .trust_proxy
            .then(|| {
                parts
                    .headers
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok())
            })
            .flatten()
            .and_then(|v| v.split(',').next())
            .map(|ip| ip.trim().to_owned());
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(ClientIp(
            forwarded.or(peer).unwrap_or_else(|| "unknown".into()),
        ))
    }
}
