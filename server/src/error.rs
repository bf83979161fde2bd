//! The one API error type: every failure becomes the shared JSON envelope.
//!
//! Handlers return `Result<_, ApiError>`. The status and the machine-readable code go
//! to the caller with a message in their language; 5xx details are logged once and the
//! body stays opaque. [`AppJson`] gives malformed JSON the same envelope, and
//! [`envelope_bare_errors`] wraps the few errors axum makes itself (404, 405, 413).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use models::error::{ErrorBody, ErrorCode};
use models::validate::FieldErrors;
use serde::Serialize;

use crate::i18n;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400 / 413 / 415: the body could not be read as the expected JSON.
    #[error("bad body: {0:?}")]
    Body(ErrorCode, StatusCode),
    /// 422: fields failed validation.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// Any other client error with its status.
    #[error("{1:?}")]
    Status(StatusCode, ErrorCode),
    /// 422 with a code whose message is followed by a detail (e.g. a file's line).
    #[error("{0:?}: {1}")]
    Detailed(ErrorCode, String),
    /// 429 with the seconds to wait.
    #[error("throttled")]
    TooManyRequests(u64),
    /// 500: logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// 401.
    pub fn unauthenticated() -> Self {
        ApiError::Status(StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated)
    }
    /// 404 — also for objects that exist but belong to someone else.
    pub fn not_found() -> Self {
        ApiError::Status(StatusCode::NOT_FOUND, ErrorCode::NotFound)
    }
    /// 403 for a role that may not do this.
    pub fn forbidden() -> Self {
        ApiError::Status(StatusCode::FORBIDDEN, ErrorCode::Forbidden)
    }
    /// 422 with a single field.
    pub fn field(name: &str, error: models::error::FieldError) -> Self {
        ApiError::Validation(FieldErrors::from([(name.to_owned(), error)]))
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        ApiError::Internal(err.into())
    }
}

/// Builds the envelope response for a code and status.
pub fn envelope(status: StatusCode, code: ErrorCode, fields: FieldErrors) -> Response {
    let mut body = ErrorBody::new(code, i18n::current());
    body.error.fields = fields;
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Body(code, status) => envelope(status, code, FieldErrors::new()),
            ApiError::Validation(fields) => envelope(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                fields,
            ),
            ApiError::Status(status, code) => envelope(status, code, FieldErrors::new()),
            ApiError::Detailed(code, detail) => {
                let mut body = ErrorBody::new(code, i18n::current());
                body.error.message = format!("{}: {detail}", body.error.message);
                (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
            }
            ApiError::TooManyRequests(retry_after) => {
                let mut response = envelope(
                    StatusCode::TOO_MANY_REQUESTS,
                    ErrorCode::TooManyRequests,
                    FieldErrors::new(),
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
                response
            }
            ApiError::Internal(err) => {
                tracing::error!(error = %format!("{err:#}"), "request failed");
                envelope(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorCode::Internal,
                    FieldErrors::new(),
                )
            }
        }
    }
}

/// `Json` whose rejections use the shared envelope, for requests and responses.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<T, S> FromRequest<S> for AppJson<T>
where
    Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(AppJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::Body(
            ErrorCode::UnsupportedMediaType,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        JsonRejection::BytesRejection(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::Body(ErrorCode::PayloadTooLarge, StatusCode::PAYLOAD_TOO_LARGE)
        }
        _ => ApiError::Body(ErrorCode::MalformedJson, StatusCode::BAD_REQUEST),
    }
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        Json(self.0).into_response()
    }
}

/// Middleware: an API error response that is not JSON (axum's own 404/405/413, a
/// layer's rejection) is replaced by the envelope, so every `/api` error looks alike.
pub async fn envelope_bare_errors(request: Request, next: Next) -> Response {
    let is_api = request.uri().path() == "/api" || request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_api {
        return response;
    }
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let code = match status {
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::TooManyRequests,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::MalformedJson,
    };
    let mut wrapped = envelope(status, code, FieldErrors::new());
    if let Some(allow) = response.headers().get(header::ALLOW) {
        wrapped.headers_mut().insert(header::ALLOW, allow.clone());
    }
    wrapped
}
