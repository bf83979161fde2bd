//! The audit log: every action on a case (who, what, when), append-only and hash-chained
//! per gmina, so that removing, reordering or editing an entry is detected by
//! `okienko audit verify`.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields
//! as canonical JSON. The chain's head (last sequence number and hash) lives in
//! `audit_heads`; taking the next number updates that row first, which serialises
//! appends per gmina on both engines. Entries are written in the same transaction as the
//! change they record: no change without its entry, no entry without its change.

use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, AnyPool, Row};

use crate::time_fmt::now_ms;

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What is recorded.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Who acted (an account id), `None` for the system.
    pub actor: Option<&'a str>,
    /// What, e.g. `case.submitted`.
    pub action: &'a str,
    /// The kind of object, e.g. `case`.
    pub object_type: &'a str,
    /// Its id.
    pub object_id: &'a str,
    /// Details without personal data (ids, statuses, digests).
    pub detail: Value,
}

#[expect(
    clippy::too_many_arguments,
    reason = "the hashed fields, in their fixed order"
)]
fn entry_hash(
    prev: &str,
    gmina: &str,
    seq: i64,
    at: i64,
    actor: Option<&str>,
    action: &str,
    object: (&str, &str),
    detail: &str,
) -> String {
    let canonical = serde_json::json!([
        prev, gmina, seq, at, actor, action, object.0, object.1, detail
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Appends an entry inside the caller's transaction.
pub async fn append(conn: &mut AnyConnection, gmina: &str, entry: Entry<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO audit_heads (gmina_id, seq, hash) VALUES ($1, 0, $2) \
         ON CONFLICT (gmina_id) DO NOTHING",
    )
    .bind(gmina)
    .bind(GENESIS)
    .execute(&mut *conn)
    .await?;
    let head =
        sqlx::query("UPDATE audit_heads SET seq = seq + 1 WHERE gmina_id = $1 RETURNING seq, hash")
            .bind(gmina)
            .fetch_one(&mut *conn)
            .await?;
    let seq: i64 = head.get("seq");
    let prev: String = head.get("hash");
    let at = now_ms();
    let detail = entry.detail.to_string();
    let hash = entry_hash(
        &prev,
        gmina,
        seq,
        at,
        entry.actor,
        entry.action,
        (entry.object_type, entry.object_id),
        &detail,
    );
    sqlx::query(
        "INSERT INTO audit_log (gmina_id, seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(gmina)
    .bind(seq)
    .bind(at)
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.object_type)
    .bind(entry.object_id)
    .bind(&detail)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_heads SET hash = $1 WHERE gmina_id = $2")
        .bind(&hash)
        .bind(gmina)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What `verify` found for one gmina.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    /// The gmina.
    pub gmina: String,
    /// Entries checked.
    pub entries: i64,
    /// The first problem, if any.
    pub problem: Option<String>,
}

/// Checks every gmina's chain: consecutive numbers from 1, each entry's `prev_hash` equal
/// to the previous hash, each hash recomputed, and the head matching the last entry.
pub async fn verify(pool: &AnyPool) -> anyhow::Result<Vec<ChainReport>> {
    let heads = sqlx::query("SELECT gmina_id, seq, hash FROM audit_heads ORDER BY gmina_id")
        .fetch_all(pool)
        .await?;
    let mut reports = vec![];
    for head in heads {
        let gmina: String = head.get("gmina_id");
        let rows = sqlx::query(
            "SELECT seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash \
             FROM audit_log WHERE gmina_id = $1 ORDER BY seq",
        )
        .bind(&gmina)
        .fetch_all(pool)
        .await?;
        let mut prev = GENESIS.to_owned();
        let mut expected = 1i64;
        let mut problem = None;
        for r in &rows {
            let seq: i64 = r.get("seq");
            let stored_prev: String = r.get("prev_hash");
            let stored: String = r.get("hash");
            let actor: Option<String> = r.get("actor_id");
            let action: String = r.get("action");
            let object_type: String = r.get("object_type");
            let object_id: String = r.get("object_id");
            let detail: String = r.get("detail");
            let at: i64 = r.get("at");
            let hash = entry_hash(
                &prev,
                &gmina,
                seq,
                at,
                actor.as_deref(),
                &action,
                (&object_type, &object_id),
                &detail,
            );
            if seq != expected {
                problem = Some(format!("entry {expected} is missing (found {seq})"));
            } else if stored_prev != prev {
                problem = Some(format!("entry {seq} does not follow entry {}", seq - 1));
            } else if stored != hash {
                problem = Some(format!("entry {seq} was altered"));
            }
            if problem.is_some() {
                break;
            }
            prev = stored;
            expected += 1;
        }
        let head_seq: i64 = head.get("seq");
        let head_hash: String = head.get("hash");
        if problem.is_none() && (head_seq != expected - 1 || head_hash != prev) {
            problem = Some(format!(
                "the chain ends at entry {} but its head says {head_seq}",
                expected - 1
            ));
        }
        reports.push(ChainReport {
            gmina,
            entries: rows.len() as i64,
            problem,
        });
    }
    Ok(reports)
}
