//! The ledger as of a day, and recording a payment: open instalments oldest first, interest
//! to the payment day, allocation by Ordynacja podatkowa art. 55 § 2 and art. 62 § 1,
//! stored in one transaction (`docs/TAXES.md`).

use models::taxes::ledger::{
    Assessment, Balance, Instalment, InstalmentStatus, Ledger, Payment, Taxpayer,
};
use models::taxes::{self, Day, OpenItem};
use sqlx::AnyConnection;

use super::db::{self, InstalmentRow};
use crate::db::new_id;
use crate::time_fmt::now_ms;

/// Days ahead in which an instalment counts as "due soon".
const SOON_DAYS: i64 = 30;

fn day(s: &str) -> anyhow::Result<Day> {
    Day::parse(s).ok_or_else(|| anyhow::anyhow!("stored date {s} is not a date"))
}

/// Interest on what is left of an instalment, as of `as_of` (0 before the due date, or
/// under the statutory minimum).
fn interest_on(row: &InstalmentRow, as_of: Day) -> anyhow::Result<i64> {
    let outstanding = row.amount - row.paid;
    if outstanding <= 0 {
        return Ok(0);
    }
    Ok(taxes::interest(outstanding, day(&row.due_on)?, as_of))
}

/// A taxpayer's ledger as of a day.
pub async fn ledger(
    conn: &mut AnyConnection,
    taxpayer: Taxpayer,
    as_of: Day,
    qr: impl Fn(i64) -> String,
) -> anyhow::Result<Ledger> {
    let rows = db::instalments(conn, &taxpayer.id).await?;
    let mut views = Vec::with_capacity(rows.len());
    let mut balance = Balance {
        as_of: as_of.to_string(),
        overdue: 0,
        interest: 0,
        to_pay_now: 0,
        next_due_on: None,
        next_amount: 0,
        upcoming: 0,
        overpayment: 0,
    };
    for row in &rows {
        let due = day(&row.due_on)?;
        let outstanding = (row.amount - row.paid).max(0);
        let interest = interest_on(row, as_of)?;
        let status = if outstanding == 0 {
            InstalmentStatus::Paid
        } else if due < as_of {
            InstalmentStatus::Overdue
        } else if due.days_until(as_of.add_days(SOON_DAYS)) >= 0 {
            InstalmentStatus::DueSoon
        } else {
            InstalmentStatus::Upcoming
        };
        match status {
            InstalmentStatus::Overdue => {
                balance.overdue += outstanding;
                balance.interest += interest;
            }
            InstalmentStatus::DueSoon | InstalmentStatus::Upcoming => {
                balance.upcoming += outstanding;
                if balance.next_due_on.is_none() {
                    balance.next_due_on = Some(row.due_on.clone());
                    balance.next_amount = outstanding;
                }
            }
            InstalmentStatus::Paid => {}
        }
        views.push((
            row.assessment_id.clone(),
            Instalment {
                id: row.id.clone(),
                number: row.number,
                due_on: row.due_on.clone(),
                amount: row.amount,
                paid: row.paid,
                outstanding,
                interest,
                status,
            },
        ));
    }
    balance.to_pay_now = balance.overdue + balance.interest;
    let assessments = db::assessments(conn, &taxpayer.id)
        .await?
        .into_iter()
        .map(|a| Assessment {
            instalments: views
                .iter()
                .filter(|(owner, _)| *owner == a.id)
                .map(|(_, i)| i.clone())
                .collect(),
            id: a.id,
            year: a.year,
            kind: a.kind,
            decision_number: a.decision_number,
            decision_date: a.decision_date,
            amount: a.amount,
            objects: a.objects,
        })
        .collect();
    let payments: Vec<Payment> = db::payments(conn, &taxpayer.id)
        .await?
        .into_iter()
        .map(|p| {
            let allocated: i64 = p.parts.iter().map(|x| x.principal + x.interest).sum();
            Payment {
                overpayment: p.amount - allocated,
                id: p.id,
                paid_on: p.paid_on,
                amount: p.amount,
                source: p.source,
                parts: p.parts,
            }
        })
        .collect();
    balance.overpayment = payments.iter().map(|p| p.overpayment).sum();
    let qr_payload = qr(balance.to_pay_now);
    Ok(Ledger {
        taxpayer,
        balance,
        assessments,
        payments,
        qr_payload,
        calendar_url: String::new(),
        reminders: false,
    })
}

/// A payment to store.
#[derive(Debug, Clone)]
pub struct NewPayment<'a> {
    pub gmina: &'a str,
    pub taxpayer: Option<&'a str>,
    pub nrb: &'a str,
    pub amount: i64,
    pub paid_on: Day,
    pub source: &'a str,
    pub external_ref: &'a str,
    pub payer: &'a str,
    pub title: &'a str,
    /// The instalment the payer named (art. 62 § 1: a payment goes to the liability the
    /// taxpayer indicates; otherwise to the oldest).
    pub designated: Option<&'a str>,
    /// The imported statement it came from.
    pub statement: Option<&'a str>,
}

/// Stores a payment and, when its taxpayer is known, allocates it to the open instalments
/// as of its day. Returns `None` when a payment with the same `external_ref` is already
/// stored (a repeated notification or statement line): nothing is counted twice.
pub async fn record_payment(
    conn: &mut AnyConnection,
    payment: &NewPayment<'_>,
) -> anyhow::Result<Option<String>> {
    let Some(id) = insert_payment(conn, payment).await? else {
        return Ok(None);
    };
    if let Some(taxpayer) = payment.taxpayer {
        // A payment dated before one already allocated changes what the later ones found
        // open: allocate them all again, in date order.
        let later: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tax_payments WHERE taxpayer_id = $1 AND paid_on > $2",
        )
        .bind(taxpayer)
        .bind(payment.paid_on.to_string())
        .fetch_one(&mut *conn)
        .await?;
        if later > 0 {
            reallocate(conn, payment.gmina, taxpayer).await?;
            return Ok(Some(id));
        }
        let target = Target {
            taxpayer,
            payment: &id,
            designated: payment.designated,
        };
        allocate(
            conn,
            payment.gmina,
            &target,
            payment.amount,
            payment.paid_on,
        )
        .await?;
    }
    Ok(Some(id))
}

/// Stores a payment without allocating it (the caller allocates, e.g. once per taxpayer
/// after a whole statement). `None` when its `external_ref` is already stored.
pub async fn insert_payment(
    conn: &mut AnyConnection,
    payment: &NewPayment<'_>,
) -> anyhow::Result<Option<String>> {
    let id = new_id();
    let done = sqlx::query(
        "INSERT INTO tax_payments (id, gmina_id, taxpayer_id, nrb, amount, paid_on, source, \
         external_ref, payer, title, created_at, designated, statement_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (gmina_id, external_ref) DO NOTHING",
    )
    .bind(&id)
    .bind(payment.gmina)
    .bind(payment.taxpayer)
    .bind(payment.nrb)
    .bind(payment.amount)
    .bind(payment.paid_on.to_string())
    .bind(payment.source)
    .bind(payment.external_ref)
    .bind(payment.payer)
    .bind(payment.title)
    .bind(now_ms())
    .bind(payment.designated)
    .bind(payment.statement)
    .execute(&mut *conn)
    .await?;
    Ok((done.rows_affected() > 0).then_some(id))
}

/// What a payment is allocated to.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub taxpayer: &'a str,
    pub payment: &'a str,
    pub designated: Option<&'a str>,
}

/// Allocates a stored payment of a taxpayer to their open instalments: the one the payer
/// named first (with its interest), then the rest oldest first.
pub async fn allocate(
    conn: &mut AnyConnection,
    gmina: &str,
    target: &Target<'_>,
    amount: i64,
    paid_on: Day,
) -> anyhow::Result<()> {
    let rows = db::instalments(conn, target.taxpayer).await?;
    let mut open = vec![];
    for row in rows.iter().filter(|r| r.amount > r.paid) {
        open.push(OpenItem {
            id: row.id.clone(),
            due: day(&row.due_on)?,
            principal: row.amount - row.paid,
        });
    }
    let (named, rest): (Vec<OpenItem>, Vec<OpenItem>) = open
        .into_iter()
        .partition(|item| Some(item.id.as_str()) == target.designated);
    let first = taxes::allocate(amount, &named, paid_on);
    let second = taxes::allocate(first.overpayment, &rest, paid_on);
    let parts = first.parts.iter().chain(&second.parts);
    for part in parts.filter(|p| p.principal + p.interest > 0) {
        sqlx::query(
            "INSERT INTO tax_allocations (payment_id, instalment_id, gmina_id, principal, interest) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(target.payment)
        .bind(&part.id)
        .bind(gmina)
        .bind(part.principal)
        .bind(part.interest)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Allocates every payment of a taxpayer again, in the order they were paid, as of each
/// one's day — after a correction (a payment matched or taken off, an assessment changed)
/// or a new assessment (an overpayment is then credited to it, art. 76 § 1, art. 76a § 1).
/// Each payment first goes to the instalment its payer named, if that still exists.
pub async fn reallocate(
    conn: &mut AnyConnection,
    gmina: &str,
    taxpayer: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "DELETE FROM tax_allocations WHERE payment_id IN \
         (SELECT id FROM tax_payments WHERE taxpayer_id = $1)",
    )
    .bind(taxpayer)
    .execute(&mut *conn)
    .await?;
    let payments: Vec<(String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, amount, paid_on, designated FROM tax_payments WHERE taxpayer_id = $1 \
         ORDER BY paid_on, created_at, id",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    for (id, amount, paid_on, designated) in &payments {
        let target = Target {
            taxpayer,
            payment: id,
            designated: designated.as_deref(),
        };
        allocate(conn, gmina, &target, *amount, day(paid_on)?).await?;
    }
    Ok(())
}
