//! The caller's language for server-made messages, from `Accept-Language`.
//!
//! A middleware reads the header once and runs the rest of the request inside a
//! task-local scope, so error responses (made far from the request) speak it too.

use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::middleware::Next;
use axum::response::Response;
use models::lang::Lang;

tokio::task_local! {
    static LANG: Lang;
}

/// The language of the request being served (Polish outside a request).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or_default()
}

/// Middleware: scope the request in its `Accept-Language`.
pub async fn scope(request: Request, next: Next) -> Response {
    let lang = request
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default();
    LANG.scope(lang, next.run(request)).await
}
