//! E-mail reminders before due dates: once a day (and at start), every instalment due in
//! the next [`DAYS_BEFORE`] days and not fully paid gets one e-mail to each person who
//! sees the taxpayer's ledger and has not switched reminders off. `tax_reminders` holds
//! what was sent (its primary key is the instalment and the person), inserted in the same
//! transaction as the outbox message, so restarts and several server instances never send
//! a reminder twice.

use std::time::Duration;

use models::taxes::Day;
use sqlx::Row;

use crate::db::Db;
use crate::time_fmt::now_ms;

/// How many days ahead a reminder goes out.
pub const DAYS_BEFORE: i64 = 7;

fn zloty(grosze: i64) -> String {
    format!("{},{:02} zł", grosze / 100, grosze % 100)
}

/// Queues the reminders due on `today`; returns how many.
pub async fn queue(db: &Db, today: Day, portal_url: &str) -> anyhow::Result<usize> {
    let until = today.add_days(DAYS_BEFORE).to_string();
    let rows = sqlx::query(
        "SELECT i.id, i.gmina_id, i.due_on, i.amount, a.user_id, u.email, t.nrb, s.kind, \
         CAST(COALESCE((SELECT SUM(x.principal) FROM tax_allocations x WHERE x.instalment_id = i.id), 0) AS BIGINT) AS paid \
         FROM tax_instalments i \
         JOIN tax_assessments s ON s.id = i.assessment_id \
         JOIN taxpayers t ON t.id = i.taxpayer_id \
         JOIN taxpayer_access a ON a.taxpayer_id = i.taxpayer_id AND a.reminders = 1 \
         JOIN users u ON u.id = a.user_id \
         WHERE i.due_on >= $1 AND i.due_on <= $2 \
         AND NOT EXISTS (SELECT 1 FROM tax_reminders r WHERE r.instalment_id = i.id AND r.user_id = a.user_id)",
    )
    .bind(today.to_string())
    .bind(&until)
    .fetch_all(&db.pool)
    .await?;
    let mut queued = 0;
    for r in &rows {
        let left = r.get::<i64, _>("amount") - r.get::<i64, _>("paid");
        if left <= 0 {
            continue;
        }
        let (instalment, user, gmina): (String, String, String) =
            (r.get("id"), r.get("user_id"), r.get("gmina_id"));
        let mut tx = db.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO tax_reminders (instalment_id, user_id, gmina_id, sent_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (instalment_id, user_id) DO NOTHING",
        )
        .bind(&instalment)
        .bind(&user)
        .bind(&gmina)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            continue;
        }
        let due: String = r.get("due_on");
        let nrb: String = r.get("nrb");
        let body = format!(
            "Dzień dobry,\n\n{due} mija termin raty ({kind}): do zapłaty {amount}.\n\
             Numer rachunku: {account}\n\nSaldo, odsetki i płatność: {portal_url}/taxes\n\n\
             Przypomnienia można wyłączyć na stronie Podatki i opłaty.\n\n---\n\
             Reminder: an instalment of {amount} is due on {due}. Account: {account}.\n",
            kind = r.get::<String, _>("kind"),
            amount = zloty(left),
            account = super::db::grouped(&nrb),
        );
        crate::mail::enqueue(
            &mut tx,
            &gmina,
            &r.get::<String, _>("email"),
            &format!("Przypomnienie: rata do {due}"),
            &body,
            now_ms(),
        )
        .await?;
        tx.commit().await?;
        queued += 1;
    }
    if queued > 0 {
        tracing::info!(queued, "tax reminders queued");
    }
    Ok(queued)
}

/// Runs [`queue`] at start and then every hour (a day's reminders go out once).
pub fn spawn(db: Db, portal_url: String) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            let today = Day::parse(&crate::time_fmt::today().to_string());
            if let Some(today) = today
                && let Err(e) = queue(&db, today, &portal_url).await
            {
                tracing::warn!(error = %e, "queueing tax reminders failed");
            }
        }
    });
}
