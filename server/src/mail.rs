//! E-mail: messages go into an outbox table in the same transaction as the change they
//! report, and a background sender delivers them through the [`Mailer`] seam (SMTP in
//! production and in tests against a real local SMTP server). An acknowledged change
//! therefore never loses its e-mail, and a crash before sending only delays it.

pub mod sender;

use models::cases::CaseStatus;
use sqlx::AnyConnection;

use crate::cases::db::CaseRow;
use crate::db::new_id;

pub use sender::{Mailer, SmtpMailer, spawn_sender};

fn status_text(status: CaseStatus) -> (&'static str, &'static str) {
    match status {
        CaseStatus::Submitted => ("złożona", "submitted"),
        CaseStatus::Registered => ("zarejestrowana", "registered"),
        CaseStatus::InProgress => ("w toku", "in progress"),
        CaseStatus::NeedsCompletion => ("wymaga uzupełnienia", "needs completion"),
        CaseStatus::DecisionReady => ("decyzja gotowa", "decision ready"),
        CaseStatus::Closed => ("zakończona", "closed"),
    }
}

/// Puts a message in the outbox.
pub async fn enqueue(
    conn: &mut AnyConnection,
    gmina: &str,
    to: &str,
    subject: &str,
    body: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_outbox (id, gmina_id, to_address, subject, body, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(new_id())
    .bind(gmina)
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The applicant's login e-mail (none for a paper sender without an account).
async fn applicant_email(
    conn: &mut AnyConnection,
    gmina: &str,
    applicant: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT email FROM users WHERE id = $1 AND gmina_id = $2")
        .bind(applicant)
        .bind(gmina)
        .fetch_optional(&mut *conn)
        .await
}

/// Tells the applicant their case's new status (Polish, with English below).
pub async fn notify_status(
    conn: &mut AnyConnection,
    gmina: &str,
    applicant: &str,
    case: &CaseRow,
    status: CaseStatus,
    at: i64,
) -> anyhow::Result<()> {
    let Some(email) = applicant_email(conn, gmina, applicant).await? else {
        return Ok(());
    };
    let (pl, en) = status_text(status);
    let subject = format!("Sprawa {}: {pl}", case.reference);
    let body = format!(
        "Dzień dobry,\n\nstatus Twojej sprawy {reference} zmienił się na: {pl}.\n\
         Szczegóły zobaczysz po zalogowaniu w portalu, w zakładce „Moje sprawy”.\n\n\
         The status of your case {reference} is now: {en}.\n\n\
         Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n",
        reference = case.reference,
    );
    enqueue(conn, gmina, &email, &subject, &body, at).await?;
    Ok(())
}

/// Tells the applicant the case will be late, why, and the new date (KPA art. 36), and
/// that they may file a ponaglenie (art. 37).
pub async fn notify_delay(
    conn: &mut AnyConnection,
    gmina: &str,
    applicant: &str,
    case: &CaseRow,
    due_on: &str,
    reason: &str,
    at: i64,
) -> anyhow::Result<()> {
    let Some(email) = applicant_email(conn, gmina, applicant).await? else {
        return Ok(());
    };
    let subject = format!(
        "Sprawa {}: nowy termin załatwienia {due_on}",
        case.reference
    );
    let body = format!(
        "Dzień dobry,\n\nna podstawie art. 36 § 1 Kodeksu postępowania administracyjnego urząd \
         zawiadamia, że sprawa {reference} nie zostanie załatwiona w terminie.\n\
         Przyczyna: {reason}\nNowy termin załatwienia sprawy: {due_on}.\n\
         Przysługuje Pani/Panu prawo do wniesienia ponaglenia (art. 37 KPA).\n\n\
         Your case {reference} will not be settled in time. Reason: {reason}. \
         New date: {due_on}. You may file a reminder (ponaglenie, KPA art. 37).\n\n\
         Ta wiadomość została wysłana automatycznie. / This message was sent automatically.\n",
        reference = case.reference,
    );
    enqueue(conn, gmina, &email, &subject, &body, at).await?;
    Ok(())
}
