//! The typed API client: same-origin `fetch` with the session cookie, JSON in and out,
//! and every non-2xx turned into the shared error body.

pub mod alerts;
pub mod auth;
pub mod cases;
#[cfg(feature = "civic")]
pub mod civic;
pub mod gmina;
#[cfg(feature = "info")]
pub mod info;
#[cfg(feature = "office")]
pub mod office;
#[cfg(feature = "office")]
pub mod office_taxes;
#[cfg(feature = "school")]
pub mod school;
pub mod services;
#[cfg(feature = "taxes")]
pub mod taxes;

use std::fmt;
use std::ops::Deref;

use gloo_net::http::{Request, RequestBuilder, Response};
use models::error::{ErrorBody, ErrorCode, ErrorDetail};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A failed call: the server's error body, or `Network` when it could not be reached.
///
/// A newtype so it is a `std::error::Error` (what `<ErrorBoundary>` catches) while the
/// wire type in `models` stays plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub ErrorDetail);

impl ApiError {
    /// An error made in the browser (no server answer to read).
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError(ErrorBody::new(code, crate::i18n::current()).error)
    }
}

impl ApiError {
    /// A refusal of one field made in the browser, before anything is sent.
    pub fn field(name: &str, error: models::error::FieldError) -> ApiError {
        let mut e = ApiError::new(ErrorCode::ValidationFailed);
        e.0.fields.insert(name.to_owned(), error);
        e
    }
}

impl Deref for ApiError {
    type Target = ErrorDetail;

    fn deref(&self) -> &ErrorDetail {
        &self.0
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code.message(crate::i18n::current()))
    }
}

impl std::error::Error for ApiError {}

fn with_language(request: RequestBuilder) -> RequestBuilder {
    request.header("Accept-Language", crate::i18n::current().tag())
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|_| ApiError::new(ErrorCode::MalformedJson))?;
    let response = request
        .send()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Network))?;
    if response.ok() {
        return Ok(response);
    }
    // A proxy's HTML error page has no envelope: fall back on the status.
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(ApiError(body.error)),
        Err(_) => Err(ApiError::new(match response.status() {
            401 => ErrorCode::Unauthenticated,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            413 => ErrorCode::PayloadTooLarge,
            429 => ErrorCode::TooManyRequests,
            _ => ErrorCode::Internal,
        })),
    }
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json::<T>()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal))
}

/// `GET` a JSON document.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json(send(with_language(Request::get(path)).build()).await?).await
}

/// `POST` a JSON body and read a JSON answer.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    json(send(with_language(Request::post(path)).json(body)).await?).await
}

/// `PUT` a JSON body and read a JSON answer.
pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    json(send(with_language(Request::put(path)).json(body)).await?).await
}

/// `POST` a file's bytes as they are, and read a JSON answer.
pub async fn post_file<T: DeserializeOwned>(
    path: &str,
    file: &web_sys::File,
) -> Result<T, ApiError> {
    send_file(Request::post(path), file).await
}

/// `PUT` a file's bytes as they are, and read a JSON answer.
#[cfg(feature = "info")]
pub async fn put_file<T: DeserializeOwned>(
    path: &str,
    file: &web_sys::File,
) -> Result<T, ApiError> {
    send_file(Request::put(path), file).await
}

async fn send_file<T: DeserializeOwned>(
    builder: RequestBuilder,
    file: &web_sys::File,
) -> Result<T, ApiError> {
    let content_type = if file.type_().is_empty() {
        "text/plain".to_owned()
    } else {
        file.type_()
    };
    let request = with_language(builder)
        .header("Content-Type", &content_type)
        .body(wasm_bindgen::JsValue::from(file.clone()));
    json(send(request).await?).await
}

/// `POST` a JSON body, expecting no answer body (204).
pub async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(with_language(Request::post(path)).json(body))
        .await
        .map(|_| ())
}

/// `PUT` a JSON body, expecting no answer body (204).
#[cfg(any(feature = "school", feature = "office"))]
pub async fn put_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(with_language(Request::put(path)).json(body))
        .await
        .map(|_| ())
}

/// `DELETE`, expecting 204.
pub async fn delete(path: &str) -> Result<(), ApiError> {
    send(with_language(Request::delete(path)).build())
        .await
        .map(|_| ())
}
