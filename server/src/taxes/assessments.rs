//! Storing imported assessments (read by `import.rs`): the taxpayers, created with their
//! individual accounts when new and linked to the people who may see them, the decisions
//! with their statutory schedules, and every payment of the taxpayers touched allocated
//! again so that an overpayment held is credited to the new instalments (art. 76).

use std::collections::HashMap;

use models::taxes;
use models::taxes::ledger::{LiabilityKind, TaxObject};
use models::taxes::office::AssessmentImport;
use sqlx::AnyConnection;

use super::files::{LineError, Problem};
use super::import::{Parsed, Payer};
use super::ledger::reallocate;
use crate::db::new_id;
use crate::time_fmt::now_ms;

/// The tax settings an import needs.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bank_prefix: String,
    pub account_prefix: String,
    pub waste: Vec<(u8, u8)>,
    pub dog: Vec<(u8, u8)>,
}

impl Settings {
    /// The largest taxpayer number the account prefix leaves room for.
    pub fn max_number(&self) -> u64 {
        let width = 16usize.saturating_sub(self.account_prefix.len()).min(18) as u32;
        10u64.saturating_pow(width).saturating_sub(1)
    }
}

/// A year's amount: the objects' sum, rounded to full złoty for taxes (fees keep grosze).
pub fn annual(kind: LiabilityKind, objects: &[TaxObject]) -> i64 {
    let total: i64 = objects.iter().map(|o| o.amount).sum();
    match kind {
        LiabilityKind::Waste | LiabilityKind::Dog => total,
        _ => taxes::round_to_zloty(total),
    }
}

/// Stores the instalments of an assessment; returns how many.
pub async fn schedule(
    conn: &mut AnyConnection,
    gmina: &str,
    taxpayer: &str,
    assessment: &str,
    plan: &[taxes::ScheduledInstalment],
) -> anyhow::Result<u32> {
    for i in plan {
        sqlx::query(
            "INSERT INTO tax_instalments (id, gmina_id, assessment_id, taxpayer_id, number, due_on, amount) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(assessment)
        .bind(taxpayer)
        .bind(i64::from(i.number))
        .bind(i.due.to_string())
        .bind(i.amount)
        .execute(&mut *conn)
        .await?;
    }
    Ok(plan.len() as u32)
}

/// Stores what was read inside the caller's transaction. A decision already stored refuses
/// the file (`Err` with its line), and the caller rolls back.
pub async fn store(
    conn: &mut AnyConnection,
    gmina: &str,
    settings: &Settings,
    parsed: &Parsed,
) -> anyhow::Result<Result<AssessmentImport, Vec<LineError>>> {
    let mut stored = vec![];
    for d in &parsed.decisions {
        let exists: Option<String> = sqlx::query_scalar(
            "SELECT id FROM tax_assessments WHERE gmina_id = $1 AND decision_number = $2 AND kind = $3",
        )
        .bind(gmina)
        .bind(&d.number)
        .bind(d.kind.as_str())
        .fetch_optional(&mut *conn)
        .await?;
        if exists.is_some() {
            stored.push(LineError::new(d.line, Problem::AlreadyStored));
        }
    }
    if !stored.is_empty() {
        return Ok(Err(stored));
    }
    let mut summary = AssessmentImport {
        rows: parsed.rows,
        taxpayers_created: 0,
        assessments: 0,
        instalments: 0,
        total: 0,
    };
    let mut ids: HashMap<u64, String> = HashMap::new();
    for (&number, payer) in &parsed.payers {
        let (id, created) = taxpayer(conn, gmina, settings, number, payer).await?;
        summary.taxpayers_created += u32::from(created);
        ids.insert(number, id);
    }
    let now = now_ms();
    for d in &parsed.decisions {
        let taxpayer = &ids[&d.taxpayer];
        let amount = annual(d.kind, &d.objects);
        let id = new_id();
        sqlx::query(
            "INSERT INTO tax_assessments (id, gmina_id, taxpayer_id, year, kind, decision_number, \
             decision_date, amount, objects, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(gmina)
        .bind(taxpayer)
        .bind(i64::from(d.year))
        .bind(d.kind.as_str())
        .bind(&d.number)
        .bind(d.date.to_string())
        .bind(amount)
        .bind(serde_json::to_string(&d.objects)?)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        let council: &[(u8, u8)] = match d.kind {
            LiabilityKind::Waste => &settings.waste,
            LiabilityKind::Dog => &settings.dog,
            _ => &[],
        };
        let plan = taxes::schedule(d.kind, d.year, amount, council);
        summary.instalments += schedule(conn, gmina, taxpayer, &id, &plan).await?;
        summary.assessments += 1;
        summary.total += amount;
    }
    // Overpayments already held are credited to the new instalments (art. 76).
    for id in ids.values() {
        reallocate(conn, gmina, id).await?;
    }
    Ok(Ok(summary))
}

/// The taxpayer with this number, created with its individual account when new; the
/// taxpayer's PESEL and those of the access column that belong to accounts of the gmina
/// give those people access (`self`; `co_owner` of a household, `representative`
/// otherwise).
async fn taxpayer(
    conn: &mut AnyConnection,
    gmina: &str,
    settings: &Settings,
    number: u64,
    payer: &Payer,
) -> anyhow::Result<(String, bool)> {
    let existing: Option<String> =
        sqlx::query_scalar("SELECT id FROM taxpayers WHERE gmina_id = $1 AND number = $2")
            .bind(gmina)
            .bind(number as i64)
            .fetch_optional(&mut *conn)
            .await?;
    let (id, created) = match existing {
        Some(id) => (id, false),
        None => {
            let nrb = taxes::nrb_for(&settings.bank_prefix, &settings.account_prefix, number)
                .ok_or_else(|| {
                    anyhow::anyhow!("taxpayer number {number} does not fit the account")
                })?;
            let id = new_id();
            sqlx::query(
                "INSERT INTO taxpayers (id, gmina_id, number, kind, name, nrb, created_at, tax_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(gmina)
            .bind(number as i64)
            .bind(payer.kind)
            .bind(&payer.name)
            .bind(&nrb)
            .bind(now_ms())
            .bind(&payer.tax_id)
            .execute(&mut *conn)
            .await?;
            (id, true)
        }
    };
    let relation = match payer.kind {
        "household" => "co_owner",
        _ => "representative",
    };
    let own = (payer.tax_id.len() == 11).then_some((payer.tax_id.as_str(), "self"));
    let others = payer.access.iter().map(|p| (p.as_str(), relation));
    for (pesel, relation) in own.into_iter().chain(others) {
        let user: Option<String> =
            sqlx::query_scalar("SELECT id FROM users WHERE gmina_id = $1 AND pesel = $2")
                .bind(gmina)
                .bind(pesel)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(user) = user {
            sqlx::query(
                "INSERT INTO taxpayer_access (gmina_id, taxpayer_id, user_id, relation, calendar_token) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (taxpayer_id, user_id) DO NOTHING",
            )
            .bind(gmina)
            .bind(&id)
            .bind(&user)
            .bind(relation)
            .bind(crate::auth::session::new_token()?)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok((id, created))
}
