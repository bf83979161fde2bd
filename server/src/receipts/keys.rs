//! The office keys: created once per gmina, never deleted (old receipts must verify).

use std::path::{Path, PathBuf};

use anyhow::Context;
use ed25519_dalek::SigningKey;
use models::receipts::{ALGORITHM, PublicKeyInfo, key_id};
use sqlx::{AnyPool, Row};

use crate::db::is_unique_violation;
use crate::time_fmt::now_ms;

/// A gmina's signing key (no `Debug`, no `Serialize`: it holds the secret).
pub struct OfficeKey {
    /// The key's id.
    pub key_id: String,
    /// The secret key.
    pub signing: SigningKey,
}

fn key_file(dir: &Path, gmina: &str, key_id: &str) -> PathBuf {
    dir.join(format!("{gmina}-{key_id}.ed25519"))
}

fn decode_secret(hex_text: &str) -> anyhow::Result<SigningKey> {
    let bytes: [u8; 32] = hex::decode(hex_text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .context("a stored office key is not 32 hex-encoded bytes")?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// The gmina's current key, created on first use.
pub async fn current(pool: &AnyPool, dir: Option<&Path>, gmina: &str) -> anyhow::Result<OfficeKey> {
    for _ in 0..2 {
        let row = sqlx::query(
            "SELECT key_id, secret_key_hex FROM office_keys WHERE gmina_id = $1 AND is_current = 1",
        )
        .bind(gmina)
        .fetch_optional(pool)
        .await?;
        if let Some(row) = row {
            let key_id: String = row.get("key_id");
            let stored: String = row.get("secret_key_hex");
            let secret = match dir {
                Some(dir) if stored.is_empty() => {
                    std::fs::read_to_string(key_file(dir, gmina, &key_id)).with_context(|| {
                        format!("cannot read the office key file for key {key_id}")
                    })?
                }
                _ => stored,
            };
            return Ok(OfficeKey {
                key_id,
                signing: decode_secret(&secret)?,
            });
        }
        create(pool, dir, gmina).await?;
    }
    anyhow::bail!("no office key for gmina {gmina}")
}

/// Generates and stores a key; another instance winning the race is fine.
async fn create(pool: &AnyPool, dir: Option<&Path>, gmina: &str) -> anyhow::Result<()> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let signing = SigningKey::from_bytes(&seed);
    let public = signing.verifying_key().to_bytes();
    let id = key_id(&public);
    let stored_secret = match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_private(&key_file(dir, gmina, &id), &hex::encode(seed))?;
            String::new()
        }
        None => hex::encode(seed),
    };
    let inserted = sqlx::query(
        "INSERT INTO office_keys (key_id, gmina_id, public_key_hex, secret_key_hex, is_current, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(hex::encode(public))
    .bind(stored_secret)
    .bind(now_ms())
    .execute(pool)
    .await;
    match inserted {
        Ok(_) => {
            tracing::info!(gmina, key_id = %id, "office key created");
            Ok(())
        }
        Err(e) if is_unique_violation(&e) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        Ok(())
    }
    #[cfg(not(unix))]
    {
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// A stored public key by id, with its office's name (for verifying old receipts too).
pub async fn public_key(
    pool: &AnyPool,
    key_id: &str,
) -> Result<Option<PublicKeyInfo>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT k.key_id, k.public_key_hex, g.name FROM office_keys k JOIN gminy g ON g.id = k.gmina_id WHERE k.key_id = $1",
    )
    .bind(key_id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| PublicKeyInfo {
        algorithm: ALGORITHM.to_owned(),
        key_id: r.get("key_id"),
        public_key: r.get("public_key_hex"),
        office: r.get("name"),
    }))
}

/// Makes sure every gmina has a key (at start-up, so the first receipt does not wait).
pub async fn ensure_all(pool: &AnyPool, dir: Option<&Path>) -> anyhow::Result<()> {
    let gminy: Vec<String> = sqlx::query_scalar("SELECT id FROM gminy")
        .fetch_all(pool)
        .await?;
    for gmina in gminy {
        current(pool, dir, &gmina).await?;
    }
    Ok(())
}
