//! Stored cases, their timeline and documents, and how they map to the wire.

use models::cases::{
    CaseDetail, CaseDocument, CaseEvent, CaseStatus, CaseSummary, Channel, CompletionRequest,
    EventKind, OfficeCase,
};
use models::forms::Localized;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use crate::time_fmt::{today, warsaw_rfc3339};

/// A stored case (not a wire type).
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub id: String,
    pub gmina_id: String,
    pub reference: String,
    pub registry_number: String,
    pub channel: Channel,
    pub service_id: Option<String>,
    pub applicant_id: Option<String>,
    pub applicant_name: String,
    pub title: Localized,
    pub department_id: String,
    pub department_code: String,
    pub department_name: String,
    pub jrwa_symbol: Option<String>,
    pub assignee_id: Option<String>,
    pub assignee_name: Option<String>,
    pub status: CaseStatus,
    pub period: String,
    pub received_at: i64,
    pub received_on: String,
    pub due_on: Option<String>,
    pub completion_text: Option<String>,
    pub completion_due_on: Option<String>,
    pub paused_since: Option<String>,
    pub paused_days: i64,
    /// Days added by delay notices (KPA art. 36).
    pub extension_days: i64,
    pub retention: Option<String>,
}

const SELECT: &str = "SELECT c.id, c.gmina_id, c.reference, c.registry_number, c.channel, c.service_id, \
    c.applicant_id, c.applicant_name, c.title_json, c.department_id, d.code AS department_code, \
    d.name AS department_name, c.jrwa_symbol, c.assignee_id, u.full_name AS assignee_name, c.status, \
    c.period, c.received_at, c.received_on, c.due_on, c.completion_text, c.completion_due_on, \
    c.paused_since, c.paused_days, c.extension_days, c.retention \
    FROM cases c JOIN departments d ON d.id = c.department_id \
    LEFT JOIN users u ON u.id = c.assignee_id";

fn to_row(r: &AnyRow) -> anyhow::Result<CaseRow> {
    let status: String = r.get("status");
    let channel: String = r.get("channel");
    Ok(CaseRow {
        id: r.get("id"),
        gmina_id: r.get("gmina_id"),
        reference: r.get("reference"),
        registry_number: r.get("registry_number"),
        channel: Channel::parse(&channel)
            .ok_or_else(|| anyhow::anyhow!("unknown channel {channel}"))?,
        service_id: r.get("service_id"),
        applicant_id: r.get("applicant_id"),
        applicant_name: r.get("applicant_name"),
        title: serde_json::from_str(&r.get::<String, _>("title_json"))?,
        department_id: r.get("department_id"),
        department_code: r.get("department_code"),
        department_name: r.get("department_name"),
        jrwa_symbol: r.get("jrwa_symbol"),
        assignee_id: r.get("assignee_id"),
        assignee_name: r.get("assignee_name"),
        status: CaseStatus::parse(&status)
            .ok_or_else(|| anyhow::anyhow!("unknown status {status}"))?,
        period: r.get("period"),
        received_at: r.get("received_at"),
        received_on: r.get("received_on"),
        due_on: r.get("due_on"),
        completion_text: r.get("completion_text"),
        completion_due_on: r.get("completion_due_on"),
        paused_since: r.get("paused_since"),
        paused_days: r.get("paused_days"),
        extension_days: r.get("extension_days"),
        retention: r.get("retention"),
    })
}

/// Which cases a list shows.
#[derive(Debug, Clone)]
pub enum Scope<'a> {
    /// The applicant's own.
    Applicant(&'a str),
    /// A department's (a clerk's view).
    Department(&'a str),
    /// A clerk's own queue.
    Assignee(&'a str),
    /// All of the gmina's (an admin's view).
    All,
}

/// Cases of a gmina in a scope, newest first.
pub async fn list(pool: &AnyPool, gmina: &str, scope: Scope<'_>) -> anyhow::Result<Vec<CaseRow>> {
    let (filter, value) = match scope {
        Scope::Applicant(id) => (" AND c.applicant_id = $2", Some(id)),
        Scope::Department(id) => (" AND c.department_id = $2", Some(id)),
        Scope::Assignee(id) => (" AND c.assignee_id = $2", Some(id)),
        Scope::All => ("", None),
    };
    let sql = format!(
        "{SELECT} WHERE c.gmina_id = $1{filter} ORDER BY c.received_at DESC, c.id DESC LIMIT 500"
    );
    let mut query = sqlx::query(&sql).bind(gmina);
    if let Some(v) = value {
        query = query.bind(v);
    }
    query.fetch_all(pool).await?.iter().map(to_row).collect()
}

/// One case of a gmina.
pub async fn by_id(pool: &AnyPool, gmina: &str, id: &str) -> anyhow::Result<Option<CaseRow>> {
    let row = sqlx::query(&format!("{SELECT} WHERE c.gmina_id = $1 AND c.id = $2"))
        .bind(gmina)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(to_row).transpose()
}

/// One case, read inside a write transaction (its status may be about to change).
pub async fn by_id_in(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> anyhow::Result<Option<CaseRow>> {
    let row = sqlx::query(&format!("{SELECT} WHERE c.gmina_id = $1 AND c.id = $2"))
        .bind(gmina)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(to_row).transpose()
}

impl CaseRow {
    /// The list fields.
    pub fn summary(&self) -> CaseSummary {
        CaseSummary {
            id: self.id.clone(),
            reference: self.reference.clone(),
            status: self.status,
            title: self.title.clone(),
            received_at: warsaw_rfc3339(self.received_at),
            due_on: self.due_on.clone(),
            department: self.department_name.clone(),
        }
    }

    /// The clerks' list fields.
    pub fn office(&self) -> OfficeCase {
        let overdue = self
            .due_on
            .as_deref()
            .is_some_and(|d| d < today().to_string().as_str());
        OfficeCase {
            summary: self.summary(),
            applicant: self.applicant_name.clone(),
            assignee: self.assignee_name.clone(),
            registry_number: self.registry_number.clone(),
            overdue,
        }
    }

    /// The full case with its timeline and documents.
    pub async fn detail(&self, pool: &AnyPool) -> anyhow::Result<CaseDetail> {
        Ok(CaseDetail {
            summary: self.summary(),
            registry_number: self.registry_number.clone(),
            channel: self.channel,
            applicant: self.applicant_name.clone(),
            assignee: self.assignee_name.clone(),
            completion: match (&self.status, &self.completion_text, &self.completion_due_on) {
                (CaseStatus::NeedsCompletion, Some(text), Some(due)) => Some(CompletionRequest {
                    text: text.clone(),
                    due_on: due.clone(),
                }),
                _ => None,
            },
            period: self.period.clone(),
            retention: self.retention.clone(),
            events: events(pool, &self.id).await?,
            documents: documents(pool, &self.id).await?,
        })
    }
}

/// A case's timeline, oldest first.
pub async fn events(pool: &AnyPool, case: &str) -> anyhow::Result<Vec<CaseEvent>> {
    let rows = sqlx::query(
        "SELECT e.at, e.kind, e.status, e.note, u.full_name, d.code \
         FROM case_events e LEFT JOIN users u ON u.id = e.actor_id \
         LEFT JOIN departments d ON d.id = u.department_id \
         WHERE e.case_id = $1 ORDER BY e.created_seq",
    )
    .bind(case)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.get("kind");
            let status: String = r.get("status");
            let name: Option<String> = r.get("full_name");
            let code: Option<String> = r.get("code");
            Ok(CaseEvent {
                at: warsaw_rfc3339(r.get("at")),
                kind: EventKind::parse(&kind)
                    .ok_or_else(|| anyhow::anyhow!("unknown event {kind}"))?,
                status: CaseStatus::parse(&status)
                    .ok_or_else(|| anyhow::anyhow!("unknown status {status}"))?,
                actor: name.map(|n| match code {
                    Some(c) => format!("{n} ({c})"),
                    None => n,
                }),
                note: r.get("note"),
            })
        })
        .collect()
}

/// A case's documents, oldest first.
pub async fn documents(pool: &AnyPool, case: &str) -> anyhow::Result<Vec<CaseDocument>> {
    let rows = sqlx::query(
        "SELECT id, direction, kind, name, content_type, size, sha256, created_at \
         FROM case_documents WHERE case_id = $1 ORDER BY created_at, \
         CASE kind WHEN 'application' THEN 0 WHEN 'receipt' THEN 2 WHEN 'signature' THEN 3 ELSE 1 END, name",
    )
    .bind(case)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| CaseDocument {
            id: r.get("id"),
            direction: r.get("direction"),
            kind: r.get("kind"),
            name: r.get("name"),
            content_type: r.get("content_type"),
            size: r.get::<i64, _>("size") as u64,
            sha256: r.get("sha256"),
            created_at: warsaw_rfc3339(r.get("created_at")),
        })
        .collect())
}

/// A stored document of a case: (name, content type, sha256, signed envelope).
pub async fn document(
    pool: &AnyPool,
    case: &str,
    id: &str,
) -> Result<Option<(String, String, String, Option<String>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT name, content_type, sha256, signed_json FROM case_documents WHERE case_id = $1 AND id = $2",
    )
    .bind(case)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| {
        (
            r.get("name"),
            r.get("content_type"),
            r.get("sha256"),
            r.get("signed_json"),
        )
    }))
}

/// A new document row.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    pub case_id: &'a str,
    pub direction: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: u64,
    pub sha256: &'a str,
    pub signed_json: Option<&'a str>,
    pub created_by: Option<&'a str>,
}

/// Adds a document to a case; returns its id.
pub async fn insert_document(
    conn: &mut AnyConnection,
    gmina: &str,
    d: &NewDocument<'_>,
    at: i64,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO case_documents (id, gmina_id, case_id, direction, kind, name, content_type, size, \
         sha256, signed_json, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(d.case_id)
    .bind(d.direction)
    .bind(d.kind)
    .bind(d.name)
    .bind(d.content_type)
    .bind(d.size as i64)
    .bind(d.sha256)
    .bind(d.signed_json)
    .bind(d.created_by)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Adds files the applicant or a clerk uploaded to a case, as incoming documents of `kind`.
pub async fn attach_files(
    conn: &mut AnyConnection,
    gmina: &str,
    case_id: &str,
    kind: &str,
    files: &[models::forms::FileRef],
    by: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    for f in files {
        let doc = NewDocument {
            case_id,
            direction: "in",
            kind,
            name: &f.name,
            content_type: &f.content_type,
            size: f.size,
            sha256: &f.sha256,
            signed_json: None,
            created_by: Some(by),
        };
        insert_document(conn, gmina, &doc, at).await?;
    }
    Ok(())
}

/// The department of a gmina's office by code: (id, name).
pub async fn department_by_code(
    conn: &mut AnyConnection,
    gmina: &str,
    code: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT d.id, d.name FROM departments d JOIN org_units o ON o.id = d.unit_id \
         WHERE d.gmina_id = $1 AND d.code = $2 AND o.kind = 'office'",
    )
    .bind(gmina)
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (r.get("id"), r.get("name"))))
}

/// A clerk's department id, if they have one.
pub async fn clerk_department(pool: &AnyPool, user: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT department_id FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(pool)
        .await
        .map(Option::flatten)
}

/// The demo gmina's JRWA subset.
pub const DEMO_JRWA: &str = include_str!("../../seeds/jrwa.json");

/// One class of a JRWA file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JrwaClass {
    symbol: String,
    title: String,
    retention: String,
}

/// Loads a gmina's JRWA classes (symbol, title, archive category), refusing unsound ones.
pub async fn load_jrwa(pool: &AnyPool, gmina: &str, json: &str) -> anyhow::Result<usize> {
    let classes: Vec<JrwaClass> = serde_json::from_str(json)?;
    for c in &classes {
        anyhow::ensure!(
            c.symbol.len() == 4 && c.symbol.bytes().all(|b| b.is_ascii_digit()),
            "JRWA symbol {} is not four digits",
            c.symbol
        );
        let r = c.retention.trim_start_matches("BE").trim_start_matches('B');
        anyhow::ensure!(
            c.retention == "A" || (r != c.retention && r.parse::<u8>().is_ok()),
            "JRWA {}: archive category {} is not A, B<n> or BE<n>",
            c.symbol,
            c.retention
        );
    }
    let mut tx = pool.begin().await?;
    for c in &classes {
        sqlx::query(
            "INSERT INTO jrwa_classes (gmina_id, symbol, title, retention) VALUES ($1, $2, $3, $4)",
        )
        .bind(gmina)
        .bind(&c.symbol)
        .bind(&c.title)
        .bind(&c.retention)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(classes.len())
}
