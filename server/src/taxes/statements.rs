//! Storing an imported bank statement: the file once (its SHA-256 is unique per gmina, so
//! the same file twice is refused and nothing counts twice), every credit once (the bank's
//! reference is the payment's `external_ref`, so a credit in two overlapping statements is
//! stored once), matched to a taxpayer by the individual account it was paid to and
//! allocated (each taxpayer once, after the whole file), or queued unmatched for a clerk — never dropped. One transaction.

use std::collections::{BTreeSet, HashMap};

use models::taxes::office::StatementImport;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::bank::Statement;
use super::ledger::{NewPayment, insert_payment, reallocate};
use crate::db::new_id;
use crate::time_fmt::now_ms;

/// Whether this file (by its SHA-256) was imported before.
pub async fn seen_before(
    conn: &mut AnyConnection,
    gmina: &str,
    bytes: &[u8],
) -> anyhow::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM tax_statements WHERE gmina_id = $1 AND sha256 = $2",
    )
    .bind(gmina)
    .bind(hex::encode(Sha256::digest(bytes)))
    .fetch_one(&mut *conn)
    .await?;
    Ok(n > 0)
}

/// The gmina's taxpayers by account.
async fn accounts(
    conn: &mut AnyConnection,
    gmina: &str,
) -> anyhow::Result<HashMap<String, String>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT nrb, id FROM taxpayers WHERE gmina_id = $1")
            .bind(gmina)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().collect())
}

/// Stores the statement and its credits inside the caller's transaction.
pub async fn store(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &str,
    file_name: &str,
    bytes: &[u8],
    statement: &Statement,
) -> anyhow::Result<StatementImport> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO tax_statements (id, gmina_id, sha256, format, lines, imported_by, imported_at, file_name) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(hex::encode(Sha256::digest(bytes)))
    .bind(statement.format)
    .bind(statement.credits.len() as i64 + i64::from(statement.debits))
    .bind(user)
    .bind(now_ms())
    .bind(file_name)
    .execute(&mut *conn)
    .await?;
    let known = accounts(conn, gmina).await?;
    let mut summary = StatementImport {
        id: id.clone(),
        format: statement.format.to_owned(),
        credits: statement.credits.len() as u32,
        matched: 0,
        unmatched: 0,
        already_known: 0,
        debits: statement.debits,
        total: 0,
    };
    // Stored first; each taxpayer touched is then allocated once, every payment in date
    // order as of its day (the statement's and those already held).
    let mut touched = BTreeSet::new();
    let mut credits: Vec<_> = statement.credits.iter().collect();
    credits.sort_by_key(|c| (c.booked_on, c.line));
    for credit in credits {
        let matched = credit.accounts.iter().find_map(|a| known.get_key_value(a));
        let nrb = matched
            .map(|(a, _)| a.as_str())
            .or(credit.accounts.first().map(String::as_str))
            .unwrap_or_default();
        let reference = format!("bank:{}", credit.reference);
        let payment = NewPayment {
            gmina,
            taxpayer: matched.map(|(_, t)| t.as_str()),
            nrb,
            amount: credit.amount,
            paid_on: credit.booked_on,
            source: "statement",
            external_ref: &reference,
            payer: &credit.payer,
            title: &credit.title,
            designated: None,
            statement: Some(&id),
        };
        if insert_payment(conn, &payment).await?.is_none() {
            summary.already_known += 1;
            continue;
        }
        summary.total += credit.amount;
        if let Some((_, taxpayer)) = matched {
            touched.insert(taxpayer.as_str());
            summary.matched += 1;
        } else {
            summary.unmatched += 1;
        }
    }
    for taxpayer in touched {
        reallocate(conn, gmina, taxpayer).await?;
    }
    sqlx::query("UPDATE tax_statements SET credits = $1, matched = $2, total = $3 WHERE id = $4")
        .bind(i64::from(summary.matched + summary.unmatched))
        .bind(i64::from(summary.matched))
        .bind(summary.total)
        .bind(&id)
        .execute(&mut *conn)
        .await?;
    Ok(summary)
}
