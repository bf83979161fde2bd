//! `/api/auth/*`: register, login, logout, me, password change and sessions.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use models::auth::{
    ChangePasswordRequest, LoggedOut, LoginRequest, Me, RegisterRequest, Role, SessionInfo,
    SessionState,
};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::validate::{self, EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ClientIp, CurrentUser, db, session, throttle};
use crate::AppState;
use crate::db::is_unique_violation;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{now_ms, rfc3339};

/// The area's API routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(current_session))
        .routes(routes!(change_password))
        .routes(routes!(list_sessions))
        .routes(routes!(end_session))
        .routes(routes!(logout_everywhere))
        .merge(super::second_factor::router())
        .merge(super::invitations::router())
}

/// Creates a resident account in the request's gmina (does not log in).
#[utoipa::path(post, path = "/auth/register", tag = "auth", request_body = RegisterRequest,
    responses((status = 201, body = Me), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody)))]
async fn register(
    State(state): State<AppState>,
    tenant: Tenant,
    ClientIp(ip): ClientIp,
    AppJson(req): AppJson<RegisterRequest>,
) -> Result<(StatusCode, AppJson<Me>), ApiError> {
    let errors = validate::register(&req);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let pool = &state.db.pool;
    let ip_key = throttle::key("register", &ip);
    if let Some(wait) = throttle::check(pool, &tenant.id, &ip_key, throttle::REGISTRATION).await? {
        return Err(ApiError::TooManyRequests(wait));
    }
    throttle::record(pool, &tenant.id, &[&ip_key]).await?;
    let hash = state.passwords.hash(req.password.clone()).await?;
    let pesel = req
        .pesel
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let new = db::NewUser {
        email: &req.email,
        full_name: &req.full_name,
        password_hash: &hash,
        pesel,
        roles: &[Role::Resident],
    };
    let id = match db::insert_user(pool, &tenant.id, &new).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::Status(
                StatusCode::CONFLICT,
                ErrorCode::EmailTaken,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    tracing::info!(user = %id, "account registered");
    Ok((
        StatusCode::CREATED,
        AppJson(me_of(&state, &tenant.id, &id, None).await?),
    ))
}

/// Logs in with e-mail and password; sets the session cookie.
#[utoipa::path(post, path = "/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = Me, description = "Logged in; the session cookie is set"),
              (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn login(
    State(state): State<AppState>,
    tenant: Tenant,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    AppJson(req): AppJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let pool = &state.db.pool;
    let (user, [account_key, ip_key]) = password_checked(&state, &tenant.id, &ip, &req).await?;
    super::second_factor::check(
        pool,
        &tenant.id,
        &user.id,
        req.code.as_deref(),
        &[&account_key, &ip_key],
    )
    .await?;
    throttle::clear(pool, &tenant.id, &account_key).await?;
    // A new session on every login: an old cookie (fixation) never carries over.
    if let Some(old) = session::token_from(&headers, state.config.secure_cookies)
        && let Some(s) = db::session_by_token(pool, &tenant.id, &session::token_hash(&old)).await?
    {
        db::delete_session_by_id(pool, &s.id).await?;
    }
    let cookie = start_session(&state, &tenant.id, &user.id, &headers).await?;
    tracing::info!(user = %user.id, "logged in");
    let me = me_of(&state, &tenant.id, &user.id, None).await?;
    Ok(([(header::SET_COOKIE, cookie)], AppJson(me)).into_response())
}

/// A login's e-mail and password checked: their sizes, the throttles of the account and
/// the address, and the argon2id hash (a wrong pair counts as a failed attempt). Returns
/// the account and the attempt's throttle keys (account, address).
pub async fn password_checked(
    state: &AppState,
    gmina: &str,
    ip: &str,
    req: &LoginRequest,
) -> Result<(db::UserRow, [String; 2]), ApiError> {
    if req.email.chars().count() > EMAIL_MAX_CHARS {
        return Err(ApiError::field("email", FieldError::TooLong));
    }
    if req.password.chars().count() > PASSWORD_MAX_CHARS {
        return Err(ApiError::field("password", FieldError::TooLong));
    }
    let pool = &state.db.pool;
    let account_key = throttle::key("login", &db::normalise_email(&req.email));
    let ip_key = throttle::key("login-ip", ip);
    for (key, limit) in [
        (&account_key, throttle::ACCOUNT),
        (&ip_key, throttle::ADDRESS),
    ] {
        if let Some(wait) = throttle::check(pool, gmina, key, limit).await? {
            return Err(ApiError::TooManyRequests(wait));
        }
    }
    let user = db::user_by_email(pool, gmina, &req.email).await?;
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    match (
        state.passwords.verify(req.password.clone(), stored).await?,
        user,
    ) {
        (true, Some(user)) => Ok((user, [account_key, ip_key])),
        _ => {
            throttle::record(pool, gmina, &[&account_key, &ip_key]).await?;
            Err(ApiError::Status(
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidCredentials,
            ))
        }
    }
}

/// Creates a session row and returns its `Set-Cookie` value.
async fn start_session(
    state: &AppState,
    gmina: &str,
    user: &str,
    headers: &HeaderMap,
) -> Result<axum::http::HeaderValue, ApiError> {
    let token = session::new_token()?;
    let agent: String = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    let expires = now_ms() + state.config.session_max_hours * 3600 * 1000;
    db::insert_session(
        &state.db.pool,
        gmina,
        user,
        &session::token_hash(&token),
        &agent,
        expires,
    )
    .await?;
    Ok(session::set_cookie(&token, state.config.secure_cookies))
}

/// Ends the current session (no session is fine too).
#[utoipa::path(post, path = "/auth/logout", tag = "auth", responses((status = 204)))]
async fn logout(
    State(state): State<AppState>,
    tenant: Tenant,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = session::token_from(&headers, state.config.secure_cookies) {
        let pool = &state.db.pool;
        if let Some(s) =
            db::session_by_token(pool, &tenant.id, &session::token_hash(&token)).await?
        {
            db::delete_session_by_id(pool, &s.id).await?;
        }
    }
    let clear = session::clear_cookie(state.config.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear)]).into_response())
}

/// The logged-in person.
#[utoipa::path(get, path = "/auth/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(State(state): State<AppState>, user: CurrentUser) -> Result<AppJson<Me>, ApiError> {
    Ok(AppJson(
        me_of(&state, &user.gmina_id, &user.id, Some(user.roles.clone())).await?,
    ))
}

/// Who is logged in, or `null` — always 200, for the app's start-up check.
#[utoipa::path(get, path = "/auth/session", tag = "auth", responses((status = 200, body = SessionState)))]
async fn current_session(
    State(state): State<AppState>,
    user: Result<CurrentUser, ApiError>,
) -> Result<AppJson<SessionState>, ApiError> {
    let user = match user {
        Ok(user) => Some(me_of(&state, &user.gmina_id, &user.id, Some(user.roles.clone())).await?),
        Err(ApiError::Status(..)) => None,
        Err(e) => return Err(e),
    };
    Ok(AppJson(SessionState { user }))
}

/// The person as `Me`; `known_roles` saves the query when the session already read them.
async fn me_of(
    state: &AppState,
    gmina: &str,
    id: &str,
    known_roles: Option<Vec<Role>>,
) -> Result<Me, ApiError> {
    let pool = &state.db.pool;
    let user = db::user_by_id(pool, gmina, id)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let roles = match known_roles {
        Some(roles) => roles,
        None => db::roles(pool, gmina, id).await?,
    };
    let children = if roles.contains(&Role::Parent) {
        db::children(pool, gmina, id).await?
    } else {
        vec![]
    };
    Ok(Me {
        id: user.id,
        email: user.email,
        full_name: user.full_name,
        roles,
        has_pesel: user.pesel.is_some(),
        children,
    })
}

/// Changes the password after checking the current one; ends every other session and
/// renews this one.
#[utoipa::path(post, path = "/auth/password", tag = "auth", request_body = ChangePasswordRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    AppJson(req): AppJson<ChangePasswordRequest>,
) -> Result<Response, ApiError> {
    let errors = validate::change_password(&req);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let pool = &state.db.pool;
    let key = throttle::key("password", &user.id);
    if let Some(wait) = throttle::check(pool, &user.gmina_id, &key, throttle::ACCOUNT).await? {
        return Err(ApiError::TooManyRequests(wait));
    }
    let row = db::user_by_id(pool, &user.gmina_id, &user.id)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    if !state
        .passwords
        .verify(req.current_password, Some(row.password_hash))
        .await?
    {
        throttle::record(pool, &user.gmina_id, &[&key]).await?;
        return Err(ApiError::field(
            "current_password",
            FieldError::WrongPassword,
        ));
    }
    let hash = state.passwords.hash(req.new_password).await?;
    db::set_password(pool, &user.gmina_id, &user.id, &hash).await?;
    db::delete_sessions_except(pool, &user.gmina_id, &user.id, None).await?;
    let cookie = start_session(&state, &user.gmina_id, &user.id, &headers).await?;
    tracing::info!(user = %user.id, "password changed");
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// The caller's sessions, newest activity first.
#[utoipa::path(get, path = "/auth/sessions", tag = "auth",
    responses((status = 200, body = Vec<SessionInfo>), (status = 401, body = ErrorBody)))]
async fn list_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<SessionInfo>>, ApiError> {
    let rows = db::sessions(&state.db.pool, &user.gmina_id, &user.id).await?;
    Ok(AppJson(
        rows.into_iter()
            .map(|(id, user_agent, created, seen)| SessionInfo {
                current: id == user.session_id,
                id,
                created_at: rfc3339(created),
                last_seen_at: rfc3339(seen),
                user_agent,
            })
            .collect(),
    ))
}

/// Ends one of the caller's sessions (another person's session id answers 404).
#[utoipa::path(delete, path = "/auth/sessions/{id}", tag = "auth",
    params(("id" = String, Path, description = "Session id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn end_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if db::delete_session(&state.db.pool, &user.gmina_id, &user.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// Ends every session of the caller, this one included.
#[utoipa::path(post, path = "/auth/logout-everywhere", tag = "auth",
    responses((status = 200, body = LoggedOut), (status = 401, body = ErrorBody)))]
async fn logout_everywhere(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, ApiError> {
    let ended = db::delete_sessions_except(&state.db.pool, &user.gmina_id, &user.id, None).await?;
    let clear = session::clear_cookie(state.config.secure_cookies);
    let body = LoggedOut {
        sessions_ended: u32::try_from(ended).unwrap_or(u32::MAX),
    };
    Ok(([(header::SET_COOKIE, clear)], AppJson(body)).into_response())
}
