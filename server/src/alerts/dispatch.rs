//! The alerts' outbox sender: one loop per channel claims due deliveries in batches
//! (a lease written with a compare-and-set, so several instances share the work and
//! never send one delivery at once), sends them a few at a time under the channel's
//! rate limit, and records each result at once.
//!
//! A delivery is `queued` until sent; a failure waits 5 s, 10 s, 20 s… (at most 10
//! minutes) and after [`MAX_ATTEMPTS`] it is `failed`. A crash leaves a claimed
//! delivery `queued`; its lease runs out and it is sent then. The SMS gateway refuses
//! a repeated key, so a resend after a crash between "sent" and its record sends
//! nothing; an e-mail carries the delivery's id as its `Message-ID`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::{AsyncTransport, Message};
use models::alerts::Category;
use models::lang::Lang;
use sqlx::{AnyPool, Row};
use tokio::sync::Mutex;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::sms::{Outcome, SmsGateway};
use crate::db::new_id;
use crate::mail::SmtpMailer;
use crate::time_fmt::{now_ms, warsaw_rfc3339};

/// Attempts before a delivery is given up as failed.
pub const MAX_ATTEMPTS: i64 = 8;
/// The most deliveries claimed at once.
const BATCH: i64 = 200;

fn backoff_ms(attempts: i64) -> i64 {
    (5_000i64 << attempts.clamp(0, 10)).min(600_000)
}

/// An e-mail to send.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Unique per delivery: the `Message-ID`.
    pub id: String,
    /// The one-click unsubscribe address (RFC 8058), if any.
    pub unsubscribe: Option<String>,
}

/// Sends alert e-mails.
pub trait AlertMailer: Send + Sync + 'static {
    /// Sends one.
    fn send(&self, email: &Email) -> impl std::future::Future<Output = anyhow::Result<()>> + Send;
}

impl AlertMailer for SmtpMailer {
    async fn send(&self, email: &Email) -> anyhow::Result<()> {
        let domain = self.from.email.domain().to_owned();
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(email.to.parse()?)
            .subject(email.subject.clone())
            .message_id(Some(format!("<{}@{domain}>", email.id)))
            .header(ContentType::TEXT_PLAIN)
            .header(ContentTransferEncoding::QuotedPrintable);
        if let Some(link) = &email.unsubscribe {
            builder = builder
                .raw_header(lettre::message::header::HeaderValue::new(
                    lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{link}>"),
                ))
                .raw_header(lettre::message::header::HeaderValue::new(
                    lettre::message::header::HeaderName::new_from_ascii_str(
                        "List-Unsubscribe-Post",
                    ),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        self.transport
            .send(builder.body(email.body.clone())?)
            .await?;
        Ok(())
    }
}

/// At most `per_second` starts per second.
#[derive(Debug)]
pub struct RateLimit {
    gap: Duration,
    next: Mutex<Instant>,
}

impl RateLimit {
    /// A limit of `per_second` (at least 1).
    pub fn new(per_second: u32) -> RateLimit {
        RateLimit {
            gap: Duration::from_secs(1) / per_second.max(1),
            next: Mutex::new(Instant::now()),
        }
    }

    /// Waits for the next free slot.
    pub async fn wait(&self) {
        let at = {
            let mut next = self.next.lock().await;
            let at = (*next).max(Instant::now());
            *next = at + self.gap;
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

/// How the senders run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Links in messages start with this.
    pub portal: String,
    pub email_per_second: u32,
    pub sms_per_second: u32,
    /// Messages in flight at once per channel.
    pub concurrency: usize,
    /// How long a claimed batch belongs to its sender (a crashed sender's batch goes
    /// out again after it); batches are sized to take at most half of it.
    pub lease_ms: i64,
}

/// A claimed delivery with what its message needs.
#[derive(Debug, Clone)]
struct Due {
    id: String,
    alert_id: String,
    attempts: i64,
    address: String,
    lang: Lang,
    unsubscribe: String,
    subject: Option<String>,
    body: Option<String>,
}

/// An alert's texts, as messages use them.
#[derive(Debug, Clone)]
struct AlertText {
    gmina: String,
    category: Category,
    valid_to: i64,
    texts: HashMap<Lang, (String, String)>,
    sms: String,
}

/// This instance's writes to the outbox, one at a time. On SQLite two writers that meet
/// wait in its busy handler, which sleeps up to 100 ms between tries; a result waiting
/// there is a message the relay has taken but the outbox does not yet know is sent — what
/// a crash at that moment would send again. Taken in turn here, a result is recorded
/// within one commit of the relay's answer.
static OUTBOX_WRITES: Mutex<()> = Mutex::const_new(());

/// Claims due deliveries of a channel, as many as the rate limit sends in half the
/// lease (at most [`BATCH`]); returns them.
async fn claim(
    pool: &AnyPool,
    channel: &str,
    per_second: u32,
    lease_ms: i64,
) -> anyhow::Result<Vec<Due>> {
    let now = now_ms();
    let lease = new_id();
    let batch = (i64::from(per_second) * lease_ms / 2000).clamp(1, BATCH);
    let turn = OUTBOX_WRITES.lock().await;
    sqlx::query(
        "UPDATE alert_deliveries SET lease_owner = $1, next_attempt_at = $2 \
         WHERE status = 'queued' AND channel = $3 AND next_attempt_at <= $4 AND id IN \
         (SELECT id FROM alert_deliveries WHERE status = 'queued' AND channel = $3 AND next_attempt_at <= $4 \
          ORDER BY next_attempt_at LIMIT $5)",
    )
    .bind(&lease)
    .bind(now + lease_ms)
    .bind(channel)
    .bind(now)
    .bind(batch)
    .execute(pool)
    .await?;
    drop(turn);
    let rows = sqlx::query(
        "SELECT d.id, d.alert_id, d.attempts, d.subject, d.body, c.address, c.lang, c.unsubscribe_token \
         FROM alert_deliveries d JOIN alert_contacts c ON c.id = d.contact_id \
         WHERE d.lease_owner = $1 AND d.status = 'queued'",
    )
    .bind(&lease)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Due {
            id: r.get("id"),
            alert_id: r.get("alert_id"),
            attempts: r.get("attempts"),
            address: r.get("address"),
            lang: Lang::from_tag(&r.get::<String, _>("lang")).unwrap_or_default(),
            unsubscribe: r.get("unsubscribe_token"),
            subject: r.get("subject"),
            body: r.get("body"),
        })
        .collect())
}

async fn alert_text(pool: &AnyPool, id: &str) -> anyhow::Result<Option<AlertText>> {
    let row = sqlx::query(
        "SELECT a.category, a.valid_to, a.headline_pl, a.text_pl, a.headline_en, a.text_en, a.headline_uk, \
         a.text_uk, a.sms_text, g.name FROM alerts a JOIN gminy g ON g.id = a.gmina_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut texts = HashMap::new();
    for lang in Lang::ALL {
        let headline: String = row.get(format!("headline_{}", lang.tag()).as_str());
        if !headline.is_empty() {
            texts.insert(
                lang,
                (headline, row.get(format!("text_{}", lang.tag()).as_str())),
            );
        }
    }
    let category: String = row.get("category");
    Ok(Some(AlertText {
        gmina: row.get("name"),
        category: Category::parse(&category).unwrap_or(Category::Other),
        valid_to: row.get("valid_to"),
        texts,
        sms: row.get("sms_text"),
    }))
}

fn email_for(due: &Due, alert: &AlertText, portal: &str) -> Email {
    let link = format!("{portal}/alerts/unsubscribe/{}", due.unsubscribe);
    let lang = if alert.texts.contains_key(&due.lang) {
        due.lang
    } else {
        Lang::Pl
    };
    let (headline, text) = alert.texts.get(&lang).cloned().unwrap_or_default();
    let until = warsaw_rfc3339(alert.valid_to).replace('T', " ");
    let (prefix, valid, more, stop) = match lang {
        Lang::Pl => (
            "Ostrzeżenie",
            "Ważne do",
            "Aktualne ostrzeżenia",
            "Wypisz się jednym kliknięciem",
        ),
        Lang::En => (
            "Alert",
            "Valid until",
            "Alerts in force",
            "Unsubscribe in one click",
        ),
        Lang::Uk => (
            "Попередження",
            "Дійсне до",
            "Чинні попередження",
            "Відписатися одним кліком",
        ),
    };
    Email {
        to: due.address.clone(),
        subject: format!("{prefix}: {headline} — {}", alert.gmina),
        body: format!(
            "{}: {}\n\n{text}\n\n{valid}: {until}\n{more}: {portal}/alerts\n\n{stop}: {link}\n",
            alert.category.label(lang),
            headline
        ),
        id: due.id.replace(':', "."),
        unsubscribe: Some(format!(
            "{portal}/api/alerts/unsubscribe/{}",
            due.unsubscribe
        )),
    }
}

fn sms_for(due: &Due, alert: &AlertText, portal: &str) -> String {
    format!("{} Wypisz: {portal}/a/{}", alert.sms, due.unsubscribe)
}

async fn record(pool: &AnyPool, due: &Due, result: anyhow::Result<()>) -> anyhow::Result<bool> {
    let _turn = OUTBOX_WRITES.lock().await;
    match result {
        Ok(()) => {
            sqlx::query(
                "UPDATE alert_deliveries SET status = 'sent', sent_at = $1, attempts = attempts + 1, \
                 lease_owner = NULL, body = NULL WHERE id = $2",
            )
            .bind(now_ms())
            .bind(&due.id)
            .execute(pool)
            .await?;
            Ok(true)
        }
        Err(e) => {
            // The error may name the address: it goes to the row the crisis team sees,
            // never to the log.
            tracing::warn!(delivery_id = %due.id, attempts = due.attempts + 1, "an alert delivery failed; will retry");
            let give_up = due.attempts + 1 >= MAX_ATTEMPTS;
            sqlx::query(
                "UPDATE alert_deliveries SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2, \
                 lease_owner = NULL, status = $3 WHERE id = $4",
            )
            .bind(now_ms() + backoff_ms(due.attempts))
            .bind(e.to_string().chars().take(500).collect::<String>())
            .bind(if give_up { "failed" } else { "queued" })
            .bind(&due.id)
            .execute(pool)
            .await?;
            Ok(false)
        }
    }
}

/// The two channels' transports; a missing one leaves its deliveries queued.
pub struct Channels<M, S> {
    pub email: Option<M>,
    pub sms: Option<S>,
}

/// Sends what is due on one channel once; returns how many were sent.
pub async fn send_due<M: AlertMailer, S: SmsGateway>(
    pool: &AnyPool,
    channels: &Arc<Channels<M, S>>,
    settings: &Settings,
    channel: &'static str,
    limit: &Arc<RateLimit>,
) -> anyhow::Result<usize> {
    let per_second = if channel == "sms" {
        settings.sms_per_second
    } else {
        settings.email_per_second
    };
    let batch = claim(pool, channel, per_second, settings.lease_ms).await?;
    let mut alerts: HashMap<String, Option<AlertText>> = HashMap::new();
    for due in &batch {
        if !due.alert_id.starts_with("confirm:") && !alerts.contains_key(&due.alert_id) {
            alerts.insert(due.alert_id.clone(), alert_text(pool, &due.alert_id).await?);
        }
    }
    let alerts = Arc::new(alerts);
    let mut running = JoinSet::new();
    let mut sent = 0;
    for due in batch {
        while running.len() >= settings.concurrency.max(1) {
            if let Some(done) = running.join_next().await {
                sent += usize::from(done??);
            }
        }
        let (pool, channels, alerts, limit, portal) = (
            pool.clone(),
            channels.clone(),
            alerts.clone(),
            limit.clone(),
            settings.portal.clone(),
        );
        running.spawn(async move {
            limit.wait().await;
            let result = deliver(
                &channels,
                channel,
                &due,
                alerts.get(&due.alert_id).cloned().flatten(),
                &portal,
            )
            .await;
            record(&pool, &due, result).await
        });
    }
    while let Some(done) = running.join_next().await {
        sent += usize::from(done??);
    }
    Ok(sent)
}

async fn deliver<M: AlertMailer, S: SmsGateway>(
    channels: &Channels<M, S>,
    channel: &str,
    due: &Due,
    alert: Option<AlertText>,
    portal: &str,
) -> anyhow::Result<()> {
    let confirmation = due.body.clone().zip(due.subject.clone());
    if channel == "sms" {
        let gateway = channels
            .sms
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("no SMS gateway configured"))?;
        let text = match (&confirmation, &alert) {
            (Some((body, _)), _) => body.clone(),
            (None, Some(alert)) => sms_for(due, alert, portal),
            (None, None) => anyhow::bail!("the alert is gone"),
        };
        match gateway
            .send(&due.address, &text, &due.id.replace(':', "."))
            .await?
        {
            Outcome::Sent | Outcome::AlreadySent => Ok(()),
        }
    } else {
        let mailer = channels
            .email
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!("no SMTP relay configured"))?;
        let email = match (confirmation, &alert) {
            (Some((body, subject)), _) => Email {
                to: due.address.clone(),
                subject,
                body,
                id: due.id.replace(':', "."),
                unsubscribe: None,
            },
            (None, Some(alert)) => email_for(due, alert, portal),
            (None, None) => anyhow::bail!("the alert is gone"),
        };
        mailer.send(&email).await
    }
}

/// Runs both channels' senders in the background: each looks for due deliveries every
/// half second.
pub fn spawn<M: AlertMailer, S: SmsGateway>(
    pool: AnyPool,
    channels: Channels<M, S>,
    settings: Settings,
) {
    let channels = Arc::new(channels);
    for (channel, per_second) in [
        ("email", settings.email_per_second),
        ("sms", settings.sms_per_second),
    ] {
        let (pool, channels, settings) = (pool.clone(), channels.clone(), settings.clone());
        let limit = Arc::new(RateLimit::new(per_second));
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_millis(500));
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                if let Err(e) = send_due(&pool, &channels, &settings, channel, &limit).await {
                    tracing::warn!(channel, error = %e, "the alert sender failed");
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_ten_minutes() {
        assert_eq!(backoff_ms(0), 5_000);
        assert_eq!(backoff_ms(1), 10_000);
        assert_eq!(backoff_ms(20), 600_000);
    }

    #[tokio::test]
    async fn the_rate_limit_spaces_starts_evenly() {
        // 11 starts at 100 a second cannot take less than 100 ms (only a lower bound:
        // a slow machine makes it longer, never shorter).
        let limit = RateLimit::new(100);
        let start = Instant::now();
        for _ in 0..11 {
            limit.wait().await;
        }
        assert!(
            start.elapsed() >= Duration::from_millis(99),
            "{:?}",
            start.elapsed()
        );
    }
}
