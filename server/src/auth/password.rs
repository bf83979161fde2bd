//! Password hashing: argon2id with OWASP's parameters, off the async runtime.
//!
//! Hashing costs ~19 MiB and tens of milliseconds of CPU, so it runs on the blocking
//! pool behind a semaphore sized to the cores: a burst of logins queues instead of
//! exhausting memory. Unknown e-mails are verified against a dummy hash so the answer
//! takes as long as for a real account.

use std::sync::Arc;

use anyhow::Context;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password synchronously (for the CLI and start-up).
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hash = argon2()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?;
    Ok(hash.to_string())
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// The shared hasher: a semaphore and the dummy hash.
#[derive(Debug)]
pub struct Passwords {
    permits: Semaphore,
    dummy: String,
}

impl Passwords {
    /// Prepares the hasher (computes the dummy hash once).
    pub fn new() -> anyhow::Result<Arc<Passwords>> {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        Ok(Arc::new(Passwords {
            permits: Semaphore::new(cores.max(1)),
            dummy: hash_blocking("okienko-dummy-password").context("dummy hash")?,
        }))
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await.context("hasher closed")?;
        tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
    }

    /// Checks a password; with no stored hash it spends the same time and says no.
    pub async fn verify(&self, password: String, stored: Option<String>) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await.context("hasher closed")?;
        let real = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.dummy.clone());
        let ok = tokio::task::spawn_blocking(move || verify_blocking(&password, &hash)).await?;
        Ok(ok && real)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let hash = hash_blocking("Okienko-demo-2026").expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("Okienko-demo-2026", &hash));
        assert!(!verify_blocking("okienko-demo-2026", &hash));
        assert!(!verify_blocking("Okienko-demo-2026", "not a hash"));
    }
}
