//! The session cookie: a random secret the browser holds, its SHA-256 in the database.

use axum::http::{HeaderMap, HeaderValue, header};
use sha2::{Digest, Sha256};

/// Cookie name on plain HTTP.
pub const COOKIE: &str = "okienko_session";
/// Cookie name behind TLS: the `__Host-` prefix pins it to this host, path `/`, `Secure`.
pub const SECURE_COOKIE: &str = "__Host-okienko_session";

/// A fresh 256-bit secret, hex-encoded.
pub fn new_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(hex::encode(bytes))
}

/// What the database stores for a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The session token from the `Cookie` header, if any.
pub fn token_from(headers: &HeaderMap, secure: bool) -> Option<String> {
    let name = if secure { SECURE_COOKIE } else { COOKIE };
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a new session (no `Max-Age`: the server decides expiry).
pub fn set_cookie(token: &str, secure: bool) -> HeaderValue {
    let value = if secure {
        format!("{SECURE_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Secure")
    } else {
        format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax")
    };
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(secure: bool) -> HeaderValue {
    if secure {
        HeaderValue::from_static(
            "__Host-okienko_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0",
        )
    } else {
        HeaderValue::from_static("okienko_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}
