//! The alerts' crash test: an alert to 200 confirmed contacts (100 e-mail, 100 SMS)
//! goes out from a real `okienko serve` to a real local SMTP server (aiosmtpd) and the
//! SMS gateway simulator (`okienko sms-simulator`, a process of its own), while the
//! server is killed with SIGKILL at random moments and started again. Afterwards every
//! delivery is `sent`, every phone got the alert exactly once, and every address got
//! exactly one message (by `Message-ID`; a repeat of the same message is counted and
//! reported, it cannot be told from a mail server's point of view).
//!
//! `cargo xtask test` runs 3 kills; `cargo xtask crash` more (`OKIENKO_CRASH_ROUNDS`).

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::db::Db;

use crate::helpers::{DEMO_PASSWORD, fresh_database_url};
use crate::mail::{free_port, received, start_smtp};

const CONTACTS: usize = 100;

#[expect(
    clippy::zombie_processes,
    reason = "returned running; the caller kills and waits"
)]
fn serve(url: &str, addr: &str, smtp: u16, sms: u16) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("OKIENKO_ADDR", addr)
        .env("OKIENKO_DIST", "/nonexistent-okienko-dist")
        .env("OKIENKO_SMTP_URL", format!("smtp://127.0.0.1:{smtp}"))
        .env("OKIENKO_SMS_URL", format!("http://127.0.0.1:{sms}/sms.do"))
        // Slow enough to be killed mid-way; short leases so a killed batch goes out again soon.
        .env("OKIENKO_EMAIL_PER_SECOND", "60")
        .env("OKIENKO_SMS_PER_SECOND", "60")
        .env("OKIENKO_ALERT_LEASE_SECONDS", "2")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start okienko serve");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if ureq::get(&format!("http://{addr}/api/health"))
            .call()
            .is_ok()
        {
            return child;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("the server did not come up on {addr}");
}

async fn contacts(url: &str) {
    let db = Db::connect(url).await.expect("connect");
    let now = server::time_fmt::now_ms();
    for n in 0..CONTACTS {
        for (channel, address) in [
            ("email", format!("mieszkaniec{n}@example.pl")),
            ("sms", format!("+48600{n:06}")),
        ] {
            sqlx::query(
                "INSERT INTO alert_contacts (id, gmina_id, channel, address, lang, unsubscribe_token, \
                 all_areas, all_categories, confirmed_at, created_at) \
                 VALUES ($1, 'przykladowo', $2, $3, 'pl', $4, 1, 1, $5, $5)",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(channel)
            .bind(&address)
            .bind(format!("t{channel}{n}"))
            .bind(now)
            .execute(&db.pool)
            .await
            .expect("contact");
        }
    }
}

async fn unsent(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM alert_deliveries WHERE status <> 'sent'")
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

#[tokio::test]
async fn every_contact_gets_the_alert_once_per_channel_across_kills() {
    let rounds: u64 = std::env::var("OKIENKO_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let (url, _file) = fresh_database_url().await;
    let okienko = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_okienko"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("okienko")
    };
    assert!(okienko(&["seed", "--demo"]).status.success());
    contacts(&url).await;
    let db = Db::connect(&url).await.expect("connect");
    let smtp = start_smtp(free_port()).await;
    let sms_port = free_port();
    let mut sms = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .args(["sms-simulator", "--addr", &format!("127.0.0.1:{sms_port}")])
        .stdout(Stdio::null())
        .spawn()
        .expect("simulator");
    let addr = format!("127.0.0.1:{}", free_port());
    let mut child = serve(&url, &addr, smtp.port, sms_port);
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    agent
        .post(&format!("http://{addr}/api/auth/login"))
        .send_json(json!({"email": "kryzys@example.pl", "password": DEMO_PASSWORD}))
        .expect("login");
    let valid_to = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Warsaw").expect("tz"))
        .checked_add(jiff::Span::new().hours(6))
        .expect("later")
        .strftime("%Y-%m-%dT%H:%M")
        .to_string();
    let issued: Value = agent
        .post(&format!("http://{addr}/api/crisis/alerts"))
        .send_json(json!({"severity": "extreme", "category": "water_supply", "valid_to": valid_to,
            "headline_pl": "Woda niezdatna do picia", "text_pl": "Woda z wodociągu nie nadaje się do picia. Beczkowozy na Rynku.",
            "sms_text": "Woda z wodociagu niezdatna do picia. Beczkowozy na Rynku."}))
        .expect("issue")
        .into_json()
        .expect("json");
    assert_eq!(issued["email"]["queued"], CONTACTS as i64);
    let mut rng = (std::process::id() as u64) | 1;
    for round in 0..rounds {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_millis(300 + rng % 900));
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
        println!(
            "kill {round}: {} deliveries not sent yet",
            unsent(&db).await
        );
        child = serve(&url, &addr, smtp.port, sms_port);
    }
    let deadline = Instant::now() + Duration::from_secs(90);
    while unsent(&db).await > 0 {
        assert!(Instant::now() < deadline, "deliveries still not sent");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    child.kill().expect("stop");
    child.wait().expect("wait");
    let texts: Vec<Value> = ureq::get(&format!("http://127.0.0.1:{sms_port}/messages"))
        .call()
        .expect("messages")
        .into_json()
        .expect("json");
    let _ = sms.kill();
    let _ = sms.wait();
    let mut per_phone: HashMap<String, usize> = HashMap::new();
    let texts: Vec<Value> = texts
        .into_iter()
        .filter(|t| {
            t["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Woda z wodociagu"))
        })
        .collect();
    for t in &texts {
        *per_phone
            .entry(t["to"].as_str().unwrap_or_default().to_owned())
            .or_default() += 1;
    }
    assert_eq!(per_phone.len(), CONTACTS, "every phone got the alert");
    assert!(
        per_phone.values().all(|n| *n == 1),
        "an SMS twice: {per_phone:?}"
    );
    // The demo's own e-mails (case notices) go to the same server: only the alert's count.
    let mails: Vec<String> = received(&smtp.maildir)
        .into_iter()
        .filter(|m| m.contains("To: mieszkaniec"))
        .collect();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    for m in &mails {
        let header = |name: &str| {
            m.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        ids.entry(header("To:"))
            .or_default()
            .insert(header("Message-ID:"));
    }
    assert_eq!(ids.len(), CONTACTS, "every address got the alert");
    assert!(
        ids.values().all(|set| set.len() == 1),
        "two different messages to one address"
    );
    println!(
        "{rounds} kills: {} SMS to {} phones, {} e-mails ({} repeats of the same Message-ID) to {} addresses",
        texts.len(),
        per_phone.len(),
        mails.len(),
        mails.len() - CONTACTS,
        ids.len()
    );
}
