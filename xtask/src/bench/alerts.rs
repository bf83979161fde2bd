//! The alert benchmark: an alert to 10 000 confirmed e-mail subscribers (made by
//! `okienko load-subscribers`) of a server sending to a real local SMTP server
//! (aiosmtpd). Measured: the time until every delivery is queued (the issuing request
//! answers after the commit that queued them), the e-mail rate until all are sent, and
//! the p99 of `GET /api/services` while it sends, beside the same read before.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use serde_json::{Value, json};

use super::{PASSWORD, percentile, reads};
use crate::sh::root;

pub const SUBSCRIBERS: usize = 10_000;
const MAX_QUEUE_S: f64 = 10.0;
const MIN_EMAILS_PER_SEC: f64 = 50.0;

/// Runs it against a server at `base` (which sends to an SMTP server) over `database_url`;
/// returns the missed targets.
pub fn dispatch(
    name: &str,
    base: &str,
    database_url: &str,
    max_read_p99: f64,
) -> anyhow::Result<Vec<String>> {
    let status = Command::new(root().join("target/release/okienko"))
        .args(["load-subscribers", "--count", &SUBSCRIBERS.to_string()])
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .status()?;
    anyhow::ensure!(status.success(), "okienko load-subscribers failed");
    let before = reads(base, "/api/services", 200)?;
    let team = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build();
    team.post(&format!("{base}/api/auth/login"))
        .send_json(json!({"email": "kryzys@example.pl", "password": PASSWORD}))
        .context("log in as the crisis team")?;
    let t = Instant::now();
    let issued: Value = team
        .post(&format!("{base}/api/crisis/alerts"))
        .send_json(json!({"severity": "severe", "category": "storm", "valid_to": in_hours(6),
            "headline_pl": "Silny wiatr do 100 km/h", "text_pl": "Zabezpiecz przedmioty na balkonach i nie parkuj pod drzewami.",
            "sms_text": "Silny wiatr do 100 km/h. Nie parkuj pod drzewami."}))?
        .into_json()?;
    let queue_s = t.elapsed().as_secs_f64();
    let queued = issued["email"]["queued"].as_i64().unwrap_or(0);
    let id = issued["alert"]["id"]
        .as_str()
        .context("the alert's id")?
        .to_owned();
    // Reads from another client while it sends.
    let sending = Arc::new(AtomicBool::new(true));
    let reader = {
        let (base, sending) = (base.to_owned(), sending.clone());
        std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
            let mut lat = vec![];
            while sending.load(Ordering::Relaxed) {
                lat.extend(reads(&base, "/api/services", 20)?);
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(lat)
        })
    };
    let deadline = Instant::now() + Duration::from_secs(900);
    let sent = loop {
        let s: Value = team
            .get(&format!("{base}/api/crisis/alerts/{id}"))
            .call()?
            .into_json()?;
        let sent = s["email"]["sent"].as_i64().unwrap_or(0);
        if sent >= queued || Instant::now() > deadline {
            break sent;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    let send_s = t.elapsed().as_secs_f64();
    sending.store(false, Ordering::Relaxed);
    let during = reader
        .join()
        .map_err(|_| anyhow::anyhow!("the reader panicked"))??;
    let rate = sent as f64 / send_s;
    let (p99_before, p99_during) = (percentile(&before, 99.0), percentile(&during, 99.0));
    println!(
        "    alert to {queued} e-mail subscribers: queued in {queue_s:.2} s, {sent} sent in {send_s:.1} s \
         ({rate:.0} e-mails/s to aiosmtpd); GET /api/services p99 {p99_before:.1} ms before, \
         {p99_during:.1} ms while sending ({} requests)",
        during.len()
    );
    let section = "an alert to 10 000 e-mail subscribers (aiosmtpd)";
    super::table::record(section, "queued", name, &[("", queue_s, "s")]);
    super::table::record(section, "sent", name, &[("", rate, "e-mails/s")]);
    super::table::record(
        section,
        "GET /api/services p99, before / while sending",
        name,
        &[("", p99_before, "ms"), ("/", p99_during, "ms")],
    );
    let mut failures = vec![];
    if queued != SUBSCRIBERS as i64 {
        failures.push(format!(
            "{name}: {queued} deliveries queued, expected {SUBSCRIBERS}"
        ));
    }
    if queue_s > MAX_QUEUE_S {
        failures.push(format!(
            "{name}: alert queued in {queue_s:.1} s, target ≤ {MAX_QUEUE_S}"
        ));
    }
    if rate < MIN_EMAILS_PER_SEC {
        failures.push(format!(
            "{name}: {rate:.0} e-mails/s, target ≥ {MIN_EMAILS_PER_SEC}"
        ));
    }
    if p99_during > max_read_p99 {
        failures.push(format!("{name}: GET /api/services p99 {p99_during:.1} ms while sending, target ≤ {max_read_p99}"));
    }
    Ok(failures)
}

/// A Warsaw wall-clock time some hours on, as the form sends it (`YYYY-MM-DDTHH:MM`); the
/// machine's `date` knows the zone.
fn in_hours(hours: u32) -> String {
    let out = Command::new("date")
        .args(["-d", &format!("+{hours} hours"), "+%Y-%m-%dT%H:%M"])
        .env("TZ", "Europe/Warsaw")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .unwrap_or_default();
    out.trim().to_owned()
}
