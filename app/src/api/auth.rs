//! `/api/auth/*` calls.

use models::auth::{
    ChangePasswordRequest, LoggedOut, LoginRequest, Me, RegisterRequest, SessionInfo, SessionState,
};

use super::{ApiError, delete, get, post, post_no_content};

/// Who is logged in (no failed request when nobody is).
pub async fn session() -> Result<Option<Me>, ApiError> {
    get::<SessionState>("/api/auth/session")
        .await
        .map(|s| s.user)
}

/// Logs in; the server sets the session cookie.
pub async fn login(req: &LoginRequest) -> Result<Me, ApiError> {
    post("/api/auth/login", req).await
}

/// A secret for an authenticator app (accounts that need a second factor and have none).
pub async fn totp_setup(req: &LoginRequest) -> Result<models::auth::TotpSetup, ApiError> {
    post("/api/auth/totp", req).await
}

/// Creates an account (does not log in).
pub async fn register(req: &RegisterRequest) -> Result<Me, ApiError> {
    post("/api/auth/register", req).await
}

/// Ends the current session.
pub async fn logout() -> Result<(), ApiError> {
    post_no_content("/api/auth/logout", &serde_json::json!({})).await
}

/// Changes the password.
pub async fn change_password(req: &ChangePasswordRequest) -> Result<(), ApiError> {
    post_no_content("/api/auth/password", req).await
}

/// The caller's sessions.
pub async fn sessions() -> Result<Vec<SessionInfo>, ApiError> {
    get("/api/auth/sessions").await
}

/// Ends one session.
pub async fn end_session(id: &str) -> Result<(), ApiError> {
    delete(&format!("/api/auth/sessions/{id}")).await
}

/// Ends every session, this one included.
pub async fn logout_everywhere() -> Result<LoggedOut, ApiError> {
    post("/api/auth/logout-everywhere", &serde_json::json!({})).await
}

/// Sets the first password of an account from its e-mailed link.
pub async fn activate(req: &models::auth::ActivateRequest) -> Result<(), ApiError> {
    post_no_content("/api/auth/activate", req).await
}
