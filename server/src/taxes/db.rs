//! Stored taxpayers, assessments, instalments, payments and allocations.

use models::taxes::ledger::{LiabilityKind, PaymentPart, TaxObject, Taxpayer};
use models::taxes::office::OfficePayment;
use sqlx::{AnyConnection, Row};

/// A stored instalment with the principal paid on it so far.
#[derive(Debug, Clone)]
pub struct InstalmentRow {
    pub id: String,
    pub assessment_id: String,
    pub number: u32,
    pub due_on: String,
    pub amount: i64,
    pub paid: i64,
}

/// A stored assessment.
#[derive(Debug, Clone)]
pub struct AssessmentRow {
    pub id: String,
    pub year: i32,
    pub kind: LiabilityKind,
    pub decision_number: String,
    pub decision_date: String,
    pub amount: i64,
    pub objects: Vec<TaxObject>,
}

/// A stored payment with its allocation.
#[derive(Debug, Clone)]
pub struct PaymentRow {
    pub id: String,
    pub paid_on: String,
    pub amount: i64,
    pub source: String,
    pub parts: Vec<PaymentPart>,
}

/// Groups 26 digits for reading: `12 3456 7890 …`.
pub fn grouped(nrb: &str) -> String {
    let (check, rest) = nrb.split_at(2.min(nrb.len()));
    let mut out = check.to_owned();
    for chunk in rest.as_bytes().chunks(4) {
        out.push(' ');
        out.push_str(&String::from_utf8_lossy(chunk));
    }
    out
}

/// The taxpayers a person may see, with their relation.
pub async fn taxpayers_of(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &str,
) -> anyhow::Result<Vec<Taxpayer>> {
    let rows = sqlx::query(
        "SELECT t.id, t.name, t.kind, t.nrb, a.relation FROM taxpayers t \
         JOIN taxpayer_access a ON a.taxpayer_id = t.id \
         WHERE t.gmina_id = $1 AND a.user_id = $2 ORDER BY t.number",
    )
    .bind(gmina)
    .bind(user)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Taxpayer {
            id: r.get("id"),
            name: r.get("name"),
            kind: r.get("kind"),
            relation: r.get("relation"),
            account: grouped(&r.get::<String, _>("nrb")),
        })
        .collect())
}

/// One taxpayer, if the person may see it.
pub async fn taxpayer_for(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &str,
    id: &str,
) -> anyhow::Result<Option<Taxpayer>> {
    Ok(taxpayers_of(conn, gmina, user)
        .await?
        .into_iter()
        .find(|t| t.id == id))
}

/// A taxpayer's assessments, newest year first.
pub async fn assessments(
    conn: &mut AnyConnection,
    taxpayer: &str,
) -> anyhow::Result<Vec<AssessmentRow>> {
    let rows = sqlx::query(
        "SELECT id, year, kind, decision_number, decision_date, amount, objects \
         FROM tax_assessments WHERE taxpayer_id = $1 ORDER BY year DESC, kind",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = vec![];
    for r in &rows {
        let kind: String = r.get("kind");
        let objects: String = r.get("objects");
        out.push(AssessmentRow {
            id: r.get("id"),
            year: i32::try_from(r.get::<i64, _>("year"))?,
            kind: LiabilityKind::parse(&kind)
                .ok_or_else(|| anyhow::anyhow!("stored liability kind {kind}"))?,
            decision_number: r.get("decision_number"),
            decision_date: r.get("decision_date"),
            amount: r.get("amount"),
            objects: serde_json::from_str(&objects)?,
        });
    }
    Ok(out)
}

/// A taxpayer's instalments by due date, each with the principal paid on it.
pub async fn instalments(
    conn: &mut AnyConnection,
    taxpayer: &str,
) -> anyhow::Result<Vec<InstalmentRow>> {
    let rows = sqlx::query(
        "SELECT i.id, i.assessment_id, i.number, i.due_on, i.amount, \
         CAST(COALESCE((SELECT SUM(a.principal) FROM tax_allocations a WHERE a.instalment_id = i.id), 0) AS BIGINT) AS paid \
         FROM tax_instalments i WHERE i.taxpayer_id = $1 ORDER BY i.due_on, i.number",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(InstalmentRow {
                id: r.get("id"),
                assessment_id: r.get("assessment_id"),
                number: u32::try_from(r.get::<i64, _>("number"))?,
                due_on: r.get("due_on"),
                amount: r.get("amount"),
                paid: r.get("paid"),
            })
        })
        .collect()
}

/// A taxpayer's payments, newest first, with their allocations.
pub async fn payments(conn: &mut AnyConnection, taxpayer: &str) -> anyhow::Result<Vec<PaymentRow>> {
    let rows = sqlx::query(
        "SELECT id, paid_on, amount, source FROM tax_payments WHERE taxpayer_id = $1 \
         ORDER BY paid_on DESC, created_at DESC",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    let parts = sqlx::query(
        "SELECT a.payment_id, a.instalment_id, a.principal, a.interest FROM tax_allocations a \
         JOIN tax_payments p ON p.id = a.payment_id WHERE p.taxpayer_id = $1",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let id: String = r.get("id");
            PaymentRow {
                parts: parts
                    .iter()
                    .filter(|p| p.get::<String, _>("payment_id") == id)
                    .map(|p| PaymentPart {
                        instalment_id: p.get("instalment_id"),
                        principal: p.get("principal"),
                        interest: p.get("interest"),
                    })
                    .collect(),
                id,
                paid_on: r.get("paid_on"),
                amount: r.get("amount"),
                source: r.get("source"),
            }
        })
        .collect())
}

/// Any taxpayer of the gmina (for the desk) with its number.
pub async fn taxpayer_in(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> anyhow::Result<Option<(Taxpayer, i64)>> {
    let row = sqlx::query(
        "SELECT id, name, kind, nrb, number FROM taxpayers WHERE gmina_id = $1 AND id = $2",
    )
    .bind(gmina)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| {
        (
            Taxpayer {
                id: r.get("id"),
                name: r.get("name"),
                kind: r.get("kind"),
                relation: "office".to_owned(),
                account: grouped(&r.get::<String, _>("nrb")),
            },
            r.get("number"),
        )
    }))
}

/// The gmina's tax settings, if taxes are set up there.
pub async fn settings(
    conn: &mut AnyConnection,
    gmina: &str,
) -> anyhow::Result<Option<super::assessments::Settings>> {
    let row = sqlx::query(
        "SELECT bank_prefix, account_prefix, waste_schedule, dog_schedule FROM tax_settings \
         WHERE gmina_id = $1",
    )
    .bind(gmina)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let schedule = |column: &str| -> anyhow::Result<Vec<(u8, u8)>> {
        Ok(serde_json::from_str(&r.get::<String, _>(column))?)
    };
    Ok(Some(super::assessments::Settings {
        bank_prefix: r.get("bank_prefix"),
        account_prefix: r.get("account_prefix"),
        waste: schedule("waste_schedule")?,
        dog: schedule("dog_schedule")?,
    }))
}

/// Payments of the gmina for the desk: the unmatched queue (oldest first), or one payment.
pub async fn office_payments(
    conn: &mut AnyConnection,
    gmina: &str,
    one: Option<&str>,
) -> anyhow::Result<Vec<OfficePayment>> {
    let filter = if one.is_some() {
        "p.id = $2"
    } else {
        "p.taxpayer_id IS NULL"
    };
    let sql = format!(
        "SELECT p.id, p.paid_on, p.amount, p.nrb, p.payer, p.title, p.source, p.taxpayer_id, \
         COALESCE(s.file_name, '') AS statement FROM tax_payments p \
         LEFT JOIN tax_statements s ON s.id = p.statement_id \
         WHERE p.gmina_id = $1 AND {filter} ORDER BY p.paid_on, p.created_at LIMIT 1000"
    );
    let mut query = sqlx::query(&sql).bind(gmina);
    if let Some(id) = one {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    Ok(rows
        .iter()
        .map(|r| OfficePayment {
            id: r.get("id"),
            paid_on: r.get("paid_on"),
            amount: r.get("amount"),
            account: grouped(&r.get::<String, _>("nrb")),
            payer: r.get("payer"),
            title: r.get("title"),
            source: r.get("source"),
            statement: r.get("statement"),
            taxpayer_id: r.get("taxpayer_id"),
        })
        .collect())
}
