//! Delivering the outbox: the [`Mailer`] seam, its SMTP implementation, and the loop that
//! claims due messages, sends them, and retries failures with growing pauses.
//!
//! Claiming a message moves its next attempt forward with a compare-and-set, so several
//! server instances never send the same message at once. A crash between sending and
//! marking it sent sends it again later: delivery is at least once, never zero times.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use sqlx::{AnyPool, Row};

use crate::time_fmt::now_ms;

/// Sends one message.
pub trait Mailer: Send + Sync + 'static {
    /// Sends `body` (plain text) to `to`.
    fn send(
        &self,
        to: &str,
        subject: &str,
        body: &str,
    ) -> impl std::future::Future<Output = anyhow::Result<()>> + Send;
}

/// Plain SMTP to a relay.
#[derive(Clone)]
pub struct SmtpMailer {
    pub(crate) transport: AsyncSmtpTransport<Tokio1Executor>,
    pub(crate) from: lettre::message::Mailbox,
}

impl SmtpMailer {
    /// From `smtp://host:port` and a sender address.
    pub fn new(url: &str, from: &str) -> anyhow::Result<SmtpMailer> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| anyhow::anyhow!("OKIENKO_SMTP_URL must start with smtp://"))?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), p.parse::<u16>()?),
            None => (rest.to_owned(), 25),
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(Duration::from_secs(10)))
            .build();
        Ok(SmtpMailer {
            transport,
            from: from.parse()?,
        })
    }
}

impl Mailer for SmtpMailer {
    async fn send(&self, to: &str, subject: &str, body: &str) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())?;
        self.transport.send(message).await?;
        Ok(())
    }
}

/// How long a claimed message is left to its sender before another may try.
const LEASE_MS: i64 = 60_000;

fn backoff_ms(attempts: i64) -> i64 {
    (30_000i64 << attempts.clamp(0, 7)).min(3_600_000)
}

/// Sends what is due once; returns how many were sent.
pub async fn send_due(pool: &AnyPool, mailer: &impl Mailer) -> anyhow::Result<usize> {
    let now = now_ms();
    let due = sqlx::query(
        "SELECT id, to_address, subject, body, attempts, next_attempt_at FROM mail_outbox \
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 50",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    let mut sent = 0;
    for row in due {
        let id: String = row.get("id");
        let attempts: i64 = row.get("attempts");
        let claimed = sqlx::query(
            "UPDATE mail_outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL",
        )
        .bind(now + LEASE_MS)
        .bind(&id)
        .bind(row.get::<i64, _>("next_attempt_at"))
        .execute(pool)
        .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let to: String = row.get("to_address");
        let subject: String = row.get("subject");
        let body: String = row.get("body");
        match mailer.send(&to, &subject, &body).await {
            Ok(()) => {
                sqlx::query(
                    "UPDATE mail_outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2",
                )
                .bind(now_ms())
                .bind(&id)
                .execute(pool)
                .await?;
                sent += 1;
            }
            Err(e) => {
                tracing::warn!(message_id = %id, error = %e, "sending an e-mail failed; will retry");
                sqlx::query(
                    "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3",
                )
                .bind(now_ms() + backoff_ms(attempts))
                .bind(e.to_string())
                .bind(&id)
                .execute(pool)
                .await?;
            }
        }
    }
    Ok(sent)
}

/// Runs the sender in the background, every two seconds.
pub fn spawn_sender(pool: AnyPool, mailer: impl Mailer) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(2));
        loop {
            every.tick().await;
            if let Err(e) = send_due(&pool, &mailer).await {
                tracing::warn!(error = %e, "the mail sender failed");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(backoff_ms(0), 30_000);
        assert_eq!(backoff_ms(1), 60_000);
        assert_eq!(backoff_ms(20), 3_600_000);
    }
}
