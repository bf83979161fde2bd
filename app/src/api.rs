//! The typed API client: same-origin `fetch` with the session cookie, JSON in and out,
//! and every non-2xx turned into the shared [`ErrorDetail`].

pub mod auth;
pub mod gmina;

use gloo_net::http::{Request, RequestBuilder, Response};
use models::error::{ErrorBody, ErrorCode, ErrorDetail};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A failed call: the server's error, or `Network` when it could not be reached.
pub type ApiError = ErrorDetail;

fn error(code: ErrorCode) -> ApiError {
    ErrorBody::new(code, crate::i18n::current()).error
}

fn with_language(request: RequestBuilder) -> RequestBuilder {
    request.header("Accept-Language", crate::i18n::current().tag())
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|_| error(ErrorCode::MalformedJson))?;
    let response = request
        .send()
        .await
        .map_err(|_| error(ErrorCode::Network))?;
    if response.ok() {
        return Ok(response);
    }
    Err(match response.json::<ErrorBody>().await {
        Ok(body) => body.error,
        Err(_) => error(if response.status() >= 500 {
            ErrorCode::Internal
        } else {
            ErrorCode::NotFound
        }),
    })
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json::<T>()
        .await
        .map_err(|_| error(ErrorCode::Internal))
}

/// `GET` a JSON document.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json(send(with_language(Request::get(path)).build()).await?).await
}

/// `POST` a JSON body and read a JSON answer.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    json(send(with_language(Request::post(path)).json(body)).await?).await
}

/// `POST` a JSON body, expecting no answer body (204).
pub async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(with_language(Request::post(path)).json(body))
        .await
        .map(|_| ())
}

/// `DELETE`, expecting 204.
pub async fn delete(path: &str) -> Result<(), ApiError> {
    send(with_language(Request::delete(path)).build())
        .await
        .map(|_| ())
}
