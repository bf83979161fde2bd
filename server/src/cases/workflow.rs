//! Status changes: each one writes the case, its timeline event, an audit entry and
//! (for the applicant's account) an e-mail to the outbox — all in the caller's transaction.

use models::cases::{CaseStatus, Channel, EventKind};
use models::forms::Localized;
use serde_json::json;
use sqlx::AnyConnection;

use super::db::CaseRow;
use super::{due_on, reference};
use crate::audit::{self, Entry};
use crate::db::new_id;
use crate::mail;
use crate::time_fmt::{warsaw_day, warsaw_rfc3339};

/// Takes the next registry number `RPW/seq/year` of the gmina.
pub async fn next_registry_number(
    conn: &mut AnyConnection,
    gmina: &str,
    year: i64,
) -> Result<(String, i64), sqlx::Error> {
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO registry_counters (gmina_id, year, last_seq) VALUES ($1, $2, 1) \
         ON CONFLICT (gmina_id, year) DO UPDATE SET last_seq = registry_counters.last_seq + 1 \
         RETURNING last_seq",
    )
    .bind(gmina)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    Ok((format!("RPW/{seq}/{year}"), seq))
}

/// A case being opened from an incoming letter or submission.
#[derive(Debug, Clone)]
pub struct NewCase<'a> {
    pub gmina: &'a str,
    pub channel: Channel,
    pub service_id: Option<&'a str>,
    pub applicant_id: Option<&'a str>,
    pub applicant_name: &'a str,
    pub title: &'a Localized,
    pub department_id: &'a str,
    pub department_code: &'a str,
    pub jrwa_symbol: Option<&'a str>,
    pub period: &'a str,
    pub received_at: i64,
    /// The clerk who registered a letter (`None` for the portal).
    pub registered_by: Option<&'a str>,
}

/// Opens a case: registry entry, reference, the first timeline event and audit entry.
/// Returns (case id, reference, registry number).
pub async fn open_case(
    conn: &mut AnyConnection,
    c: &NewCase<'_>,
) -> anyhow::Result<(String, String, String)> {
    let received_on = warsaw_day(c.received_at);
    let year = i64::from(received_on.year());
    let (number, seq) = next_registry_number(conn, c.gmina, year).await?;
    let reference = match c.jrwa_symbol {
        Some(jrwa) => reference::allocate(conn, c.gmina, c.department_code, jrwa, year).await?,
        None => number.clone(),
    };
    let id = new_id();
    let due = due_on(received_on, c.period, 0).to_string();
    sqlx::query(
        "INSERT INTO cases (id, gmina_id, reference, registry_number, channel, service_id, applicant_id, \
         applicant_name, title_json, department_id, jrwa_symbol, status, period, received_at, received_on, \
         due_on, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'submitted', $12, $13, $14, $15, $13, $13)",
    )
    .bind(&id)
    .bind(c.gmina)
    .bind(&reference)
    .bind(&number)
    .bind(c.channel.as_str())
    .bind(c.service_id)
    .bind(c.applicant_id)
    .bind(c.applicant_name)
    .bind(serde_json::to_string(c.title)?)
    .bind(c.department_id)
    .bind(c.jrwa_symbol)
    .bind(c.period)
    .bind(c.received_at)
    .bind(received_on.to_string())
    .bind(&due)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO registry_entries (id, gmina_id, number, year, seq, received_at, channel, sender, \
         subject, case_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $6)",
    )
    .bind(new_id())
    .bind(c.gmina)
    .bind(&number)
    .bind(year)
    .bind(seq)
    .bind(c.received_at)
    .bind(c.channel.as_str())
    .bind(c.applicant_name)
    .bind(&c.title.pl)
    .bind(&id)
    .bind(c.registered_by)
    .execute(&mut *conn)
    .await?;
    insert_event(
        conn,
        c.gmina,
        &id,
        EventKind::Received,
        CaseStatus::Submitted,
        c.registered_by,
        None,
        c.received_at,
    )
    .await?;
    audit::append(
        conn,
        c.gmina,
        Entry {
            actor: c.registered_by.or(c.applicant_id),
            action: "case.received",
            object_type: "case",
            object_id: &id,
            detail: json!({"channel": c.channel.as_str(), "registry": number, "reference": reference}),
        },
    )
    .await?;
    Ok((id, reference, number))
}

#[expect(clippy::too_many_arguments, reason = "one row's columns")]
async fn insert_event(
    conn: &mut AnyConnection,
    gmina: &str,
    case: &str,
    kind: EventKind,
    status: CaseStatus,
    actor: Option<&str>,
    note: Option<&str>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_events (id, gmina_id, case_id, at, kind, status, actor_id, note, created_seq) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, COALESCE(MAX(created_seq), 0) + 1 \
         FROM case_events WHERE case_id = $3",
    )
    .bind(new_id())
    .bind(gmina)
    .bind(case)
    .bind(at)
    .bind(kind.as_str())
    .bind(status.as_str())
    .bind(actor)
    .bind(note)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A change to record on a case.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub kind: EventKind,
    pub status: CaseStatus,
    pub actor: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: i64,
    /// Audit details (ids, no personal data).
    pub detail: serde_json::Value,
}

/// Records a change: the case's status, the event, the audit entry and, when the status
/// changes, an e-mail to the applicant. The caller has already updated other columns.
pub async fn record(
    conn: &mut AnyConnection,
    case: &CaseRow,
    change: Change<'_>,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE cases SET status = $1, updated_at = $2 WHERE id = $3 AND gmina_id = $4")
        .bind(change.status.as_str())
        .bind(change.at)
        .bind(&case.id)
        .bind(&case.gmina_id)
        .execute(&mut *conn)
        .await?;
    insert_event(
        conn,
        &case.gmina_id,
        &case.id,
        change.kind,
        change.status,
        change.actor,
        change.note,
        change.at,
    )
    .await?;
    audit::append(
        conn,
        &case.gmina_id,
        Entry {
            actor: change.actor,
            action: &format!("case.{}", change.kind.as_str()),
            object_type: "case",
            object_id: &case.id,
            detail: change.detail,
        },
    )
    .await?;
    if change.status != case.status
        && let Some(applicant) = &case.applicant_id
    {
        mail::notify_status(
            conn,
            &case.gmina_id,
            applicant,
            case,
            change.status,
            change.at,
        )
        .await?;
    }
    Ok(())
}

/// Records that a clerk opened the case (once per clerk and day), for the applicant to see.
pub async fn record_view(
    conn: &mut AnyConnection,
    case: &CaseRow,
    clerk: &str,
    at: i64,
) -> anyhow::Result<()> {
    let day_start = at - at.rem_euclid(24 * 3600 * 1000);
    let seen: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND kind = 'viewed' AND actor_id = $2 AND at >= $3",
    )
    .bind(&case.id)
    .bind(clerk)
    .bind(day_start)
    .fetch_one(&mut *conn)
    .await?;
    if seen > 0 {
        return Ok(());
    }
    insert_event(
        conn,
        &case.gmina_id,
        &case.id,
        EventKind::Viewed,
        case.status,
        Some(clerk),
        None,
        at,
    )
    .await?;
    audit::append(
        conn,
        &case.gmina_id,
        Entry {
            actor: Some(clerk),
            action: "case.viewed",
            object_type: "case",
            object_id: &case.id,
            detail: json!({}),
        },
    )
    .await?;
    Ok(())
}

/// The received-at time as the receipt states it.
pub fn receipt_time(ms: i64) -> String {
    warsaw_rfc3339(ms)
}
