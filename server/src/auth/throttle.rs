//! Throttling of failed logins and of registrations, stored in the database so that
//! every server instance behind a load balancer sees the same counts.
//!
//! Keys are SHA-256 hashes of `kind:value` (an e-mail or an IP address is never stored).

use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::time_fmt::now_ms;

/// A limit: at most `max` attempts per `window_ms`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Attempts allowed in the window.
    pub max: i64,
    /// Window length in milliseconds.
    pub window_ms: i64,
}

/// Failed logins for one account: 5 per 15 minutes.
pub const ACCOUNT: Limit = Limit {
    max: 5,
    window_ms: 15 * 60 * 1000,
};
/// Failed logins from one address: 50 per 15 minutes (shared offices, schools).
pub const ADDRESS: Limit = Limit {
    max: 50,
    window_ms: 15 * 60 * 1000,
};
/// Registrations from one address: 20 per hour.
pub const REGISTRATION: Limit = Limit {
    max: 20,
    window_ms: 60 * 60 * 1000,
};
/// The longest window, for purging.
pub const LONGEST_WINDOW_MS: i64 = 60 * 60 * 1000;

/// The stored key for a kind and value.
pub fn key(kind: &str, value: &str) -> String {
    hex::encode(Sha256::digest(format!("{kind}:{value}").as_bytes()))
}

/// `Some(seconds to wait)` when the key is over its limit.
pub async fn check(
    pool: &AnyPool,
    gmina: &str,
    key: &str,
    limit: Limit,
) -> Result<Option<u64>, sqlx::Error> {
    let now = now_ms();
    let since = now - limit.window_ms;
    let (count, oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(at) FROM auth_attempts WHERE gmina_id = $1 AND key_hash = $2 AND at > $3",
    )
    .bind(gmina)
    .bind(key)
    .bind(since)
    .fetch_one(pool)
    .await?;
    if count < limit.max {
        return Ok(None);
    }
    let until = oldest.unwrap_or(now) + limit.window_ms;
    Ok(Some(((until - now).max(1000) / 1000) as u64))
}

/// Records an attempt against each key.
pub async fn record(pool: &AnyPool, gmina: &str, keys: &[&str]) -> Result<(), sqlx::Error> {
    let now = now_ms();
    for key in keys {
        sqlx::query("INSERT INTO auth_attempts (gmina_id, key_hash, at) VALUES ($1, $2, $3)")
            .bind(gmina)
            .bind(key)
            .bind(now)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// Forgets a key's attempts (after a successful login).
pub async fn clear(pool: &AnyPool, gmina: &str, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM auth_attempts WHERE gmina_id = $1 AND key_hash = $2")
        .bind(gmina)
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}
