//! Crisis alerts through the API: subscribing with double opt-in, issuing, matching by
//! area and category, dispatch through the outbox to a real local SMTP server and the
//! SMS gateway simulator, retries, unsubscribing, the banner, CAP 1.2, and bad input.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};
use server::alerts::dispatch::{Channels, RateLimit, Settings, send_due};
use server::alerts::sms::HttpGateway;
use server::alerts::sms::simulator::{self, Inbox};
use server::mail::SmtpMailer;

use crate::helpers::{Client, DEMO_PASSWORD, SASIEDNIA, TestApp};
use crate::mail::{SmtpServer, free_port, received, start_smtp};

/// The SMS simulator on a loopback port, in this process.
pub async fn start_sms() -> (String, Arc<Mutex<Inbox>>) {
    let (router, inbox) = simulator::router("test-token".into());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/sms.do", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, inbox)
}

struct Senders {
    channels: Arc<Channels<SmtpMailer, HttpGateway>>,
    settings: Settings,
    email_limit: Arc<RateLimit>,
    sms_limit: Arc<RateLimit>,
    smtp: SmtpServer,
    sms: Arc<Mutex<Inbox>>,
}

async fn senders() -> Senders {
    let smtp = start_smtp(free_port()).await;
    let (url, sms) = start_sms().await;
    let mailer = SmtpMailer::new(
        &format!("smtp://127.0.0.1:{}", smtp.port),
        "alerty@przykladowo.example.pl",
    )
    .expect("mailer");
    Senders {
        channels: Arc::new(Channels {
            email: Some(mailer),
            sms: Some(HttpGateway::new(&url, "test-token", "Przykladowo")),
        }),
        settings: Settings {
            portal: "https://portal.example.pl".into(),
            email_per_second: 1000,
            sms_per_second: 1000,
            concurrency: 4,
            lease_ms: 120_000,
        },
        email_limit: Arc::new(RateLimit::new(1000)),
        sms_limit: Arc::new(RateLimit::new(1000)),
        smtp,
        sms,
    }
}

impl Senders {
    /// Sends everything due on both channels; returns how many were sent.
    async fn run(&self, app: &TestApp) -> usize {
        let pool = &app.state.db.pool;
        let email = send_due(
            pool,
            &self.channels,
            &self.settings,
            "email",
            &self.email_limit,
        )
        .await
        .expect("email");
        let sms = send_due(pool, &self.channels, &self.settings, "sms", &self.sms_limit)
            .await
            .expect("sms");
        email + sms
    }

    /// The messages received, their quoted-printable bodies decoded.
    fn mails(&self) -> Vec<String> {
        received(&self.smtp.maildir)
            .iter()
            .map(|m| quoted_printable(m))
            .collect()
    }

    fn texts(&self) -> Vec<(String, String)> {
        self.sms
            .lock()
            .expect("inbox")
            .messages
            .iter()
            .map(|m| (m.to.clone(), m.message.clone()))
            .collect()
    }
}

fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let mut bytes = Vec::with_capacity(joined.len());
    let mut rest = joined.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        match (
            b,
            tail.get(..2)
                .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()),
        ) {
            (b'=', Some(decoded)) => {
                bytes.push(decoded);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The link token of the last confirmation mailed to `address`.
fn link_token(mails: &[String], address: &str) -> String {
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.contains(&format!("To: {address}")))
        .expect("a confirmation e-mail");
    let at = mail.find("/alerts/confirm/").expect("a confirmation link") + "/alerts/confirm/".len();
    mail[at..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

/// The code of the last SMS to `phone` (`48…`).
fn sms_code(texts: &[(String, String)], phone: &str) -> String {
    let (_, text) = texts
        .iter()
        .rev()
        .find(|(to, _)| to == phone)
        .expect("an SMS");
    text.chars().take(6).collect()
}

/// A Warsaw wall-clock time `days` from now, as the form sends it.
fn in_days(days: i64) -> String {
    let at =
        jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Warsaw").expect("tz"));
    at.checked_add(jiff::Span::new().days(days))
        .expect("add")
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

fn alert(areas: &[&str], category: &str) -> Value {
    json!({
        "severity": "severe", "category": category, "areas": areas,
        "valid_to": in_days(2),
        "headline_pl": "Wysoki stan wody na rzece", "text_pl": "Rzeka przekroczyła stan alarmowy. Zabezpiecz dobytek.",
        "headline_en": "High water on the river", "text_en": "The river is above the alarm level. Protect your property.",
        "sms_text": "Alarm powodziowy: rzeka przekroczyla stan alarmowy. Zabezpiecz dobytek."
    })
}

async fn crisis(app: &TestApp) -> Client<'_> {
    let mut c = app.client();
    c.login("kryzys@example.pl", DEMO_PASSWORD).await;
    c
}

async fn subscribe(c: &mut Client<'_>, body: Value) -> Value {
    let r = c.post("/api/alerts/subscriptions", body).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text);
    r.json()
}

#[tokio::test]
async fn an_alert_reaches_each_matching_confirmed_contact_once_per_channel() {
    let app = TestApp::spawn().await;
    let s = senders().await;
    let mut public = app.client();
    // Ewa: a street in the town centre, floods only, by e-mail and SMS.
    let answer = subscribe(
        &mut public,
        json!({"email": "ewa@example.pl", "phone": "600 100 200",
        "areas": ["ul-rzeczna"], "categories": ["flood"], "lang": "pl"}),
    )
    .await;
    assert_eq!(answer["sms_code_sent_to"], "+48600100200");
    // Piotr: the whole gmina, every category, in English, e-mail only.
    subscribe(
        &mut public,
        json!({"email": "piotr@example.pl", "lang": "en"}),
    )
    .await;
    // Lipowo only; storms only; and one who never confirms.
    subscribe(
        &mut public,
        json!({"email": "lipowo@example.pl", "areas": ["sol-lipowo"]}),
    )
    .await;
    subscribe(
        &mut public,
        json!({"email": "burze@example.pl", "categories": ["storm"]}),
    )
    .await;
    subscribe(&mut public, json!({"email": "nigdy@example.pl"})).await;
    assert_eq!(
        s.run(&app).await,
        6,
        "five confirmation e-mails and one SMS code"
    );
    let mails = s.mails();
    for who in ["ewa", "piotr", "lipowo", "burze"] {
        let token = link_token(&mails, &format!("{who}@example.pl"));
        let r = public
            .post("/api/alerts/subscriptions/confirm", json!({"token": token}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{who}: {}", r.text);
        assert_eq!(r.json()["active"], true);
    }
    let code = sms_code(&s.texts(), "48600100200");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = public
        .post(
            "/api/alerts/subscriptions/confirm-sms",
            json!({"phone": "+48600100200", "code": wrong}),
        )
        .await;
    assert_eq!(
        (r.status, r.json()["error"]["fields"]["code"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("invalid_choice"))
    );
    let r = public
        .post(
            "/api/alerts/subscriptions/confirm-sms",
            json!({"phone": "600-100-200", "code": code}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["address"], "+48 *** *** 200");

    // A flood in the Centrum district: Ewa's street lies in it.
    let mut team = crisis(&app).await;
    let r = team
        .post("/api/crisis/alerts", alert(&["os-centrum"], "flood"))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let issued = r.json();
    let id = issued["alert"]["id"].as_str().expect("id").to_owned();
    assert_eq!(issued["email"]["queued"], 2, "Ewa and Piotr by e-mail");
    assert_eq!(issued["sms"]["queued"], 1, "Ewa by SMS");
    assert_eq!(s.run(&app).await, 3);
    // Nothing is sent twice, however often the sender runs.
    assert_eq!(s.run(&app).await, 0);
    let status = team.get(&format!("/api/crisis/alerts/{id}")).await.json();
    assert_eq!(
        (
            status["email"]["sent"].clone(),
            status["sms"]["sent"].clone()
        ),
        (json!(2), json!(1))
    );
    // Each recipient with the address hidden, and a filter by channel.
    let list = team
        .get(&format!("/api/crisis/alerts/{id}/recipients"))
        .await
        .json();
    assert_eq!(list["total"], 3);
    let shown: Vec<(String, String)> = list["recipients"]
        .as_array()
        .expect("recipients")
        .iter()
        .map(|r| {
            (
                r["address"].as_str().unwrap_or_default().to_owned(),
                r["status"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        shown.contains(&("+48 *** *** 200".into(), "sent".into())),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("e***@example.pl".into(), "sent".into())),
        "{shown:?}"
    );
    assert!(
        !list.to_string().contains("ewa@example.pl"),
        "no full address"
    );
    let sms_only = team
        .get(&format!("/api/crisis/alerts/{id}/recipients?channel=sms"))
        .await
        .json();
    assert_eq!(sms_only["total"], 1);
    assert_eq!(
        team.get(&format!("/api/crisis/alerts/{id}/recipients?status=failed"))
            .await
            .json()["total"],
        0
    );
    let mut other_team = app.client_on(SASIEDNIA);
    other_team.login("admin@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        other_team
            .get(&format!("/api/crisis/alerts/{id}/recipients"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mails = s.mails();
    let to = |who: &str| {
        mails
            .iter()
            .filter(|m| m.contains(&format!("To: {who}")))
            .count()
    };
    assert_eq!(
        (
            to("ewa@"),
            to("piotr@"),
            to("lipowo@"),
            to("burze@"),
            to("nigdy@")
        ),
        (2, 2, 1, 1, 1)
    );
    let piotr = mails
        .iter()
        .find(|m| m.contains("To: piotr@") && m.contains("High water"))
        .expect("Piotr's alert in English");
    assert!(
        piotr.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{piotr}"
    );
    let texts = s.texts();
    let (_, sms) = texts.last().expect("the alert SMS");
    assert!(
        sms.starts_with("Alarm powodziowy") && sms.contains("https://portal.example.pl/a/"),
        "{sms}"
    );

    // Ewa unsubscribes from the SMS in one click; the next alert goes to her by e-mail only.
    let token = sms.rsplit("/a/").next().expect("token");
    let r = public
        .post(
            "/api/alerts/subscriptions/unsubscribe",
            json!({"token": token}),
        )
        .await;
    assert_eq!(
        (r.status, r.json()["active"].clone()),
        (StatusCode::OK, json!(false))
    );
    let r = team
        .post("/api/crisis/alerts", alert(&["ul-rzeczna"], "flood"))
        .await;
    assert_eq!(
        (
            r.json()["email"]["queued"].clone(),
            r.json()["sms"]["queued"].clone()
        ),
        (json!(2), json!(0))
    );
    // A storm over Lipowo: the Lipowo subscriber (every category) and the storm one.
    let r = team
        .post("/api/crisis/alerts", alert(&["ul-lesna-lipowo"], "storm"))
        .await;
    assert_eq!(
        r.json()["email"]["queued"],
        3,
        "Piotr, Lipowo (its street), storms"
    );

    // The banner: both of today's alerts are in force; another gmina sees none of them.
    let banner = public.get("/api/alerts").await.json();
    assert_eq!(banner.as_array().map(Vec::len), Some(3));
    let mut neighbour = app.client_on(SASIEDNIA);
    assert_eq!(neighbour.get("/api/alerts").await.json(), json!([]));
    assert_eq!(
        neighbour.get(&format!("/api/alerts/{id}/cap")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = team
        .post(&format!("/api/crisis/alerts/{id}/cancel"), json!({}))
        .await;
    assert_eq!(r.json()["alert"]["cancelled"], true);
    assert_eq!(
        public
            .get("/api/alerts")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn a_failed_send_is_retried_with_backoff_and_then_given_up() {
    let app = TestApp::spawn().await;
    let s = senders().await;
    let pool = &app.state.db.pool;
    let mut public = app.client();
    subscribe(&mut public, json!({"phone": "+48 600 100 300"})).await;
    s.sms.lock().expect("inbox").fail_next = 2;
    assert_eq!(s.run(&app).await, 0, "the gateway is down");
    let (attempts, next): (i64, i64) =
        sqlx::query_as("SELECT attempts, next_attempt_at FROM alert_deliveries")
            .fetch_one(pool)
            .await
            .expect("delivery");
    assert_eq!(attempts, 1);
    assert!(
        next > server::time_fmt::now_ms() + 4_000,
        "waits before the next try"
    );
    assert_eq!(s.run(&app).await, 0, "not yet due");
    for expected in [0, 1] {
        sqlx::query("UPDATE alert_deliveries SET next_attempt_at = 0")
            .execute(pool)
            .await
            .expect("due now");
        assert_eq!(s.run(&app).await, expected);
    }
    assert_eq!(s.texts().len(), 1);
    // A gateway that never answers: the delivery ends as failed, counted for the team.
    let broken = Channels::<SmtpMailer, HttpGateway> {
        email: None,
        sms: Some(HttpGateway::new("http://127.0.0.1:9/sms.do", "x", "x")),
    };
    let broken = Arc::new(broken);
    subscribe(&mut public, json!({"phone": "+48 600 100 301"})).await;
    for _ in 0..server::alerts::dispatch::MAX_ATTEMPTS {
        sqlx::query("UPDATE alert_deliveries SET next_attempt_at = 0")
            .execute(pool)
            .await
            .expect("due now");
        send_due(pool, &broken, &s.settings, "sms", &s.sms_limit)
            .await
            .expect("send");
    }
    let failed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM alert_deliveries WHERE status = 'failed'")
            .fetch_one(pool)
            .await
            .expect("count");
    assert_eq!(failed, 1);
    tokio::time::sleep(Duration::from_millis(1)).await;
}

#[tokio::test]
async fn bad_alerts_and_subscriptions_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let mut team = crisis(&app).await;
    let before = app.count("alerts").await;
    let long_sms = "Ostrzeżenie ".repeat(30);
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"areas": ["nie-ma-takiego"]}),
            "areas",
            "invalid_choice",
        ),
        (
            json!({"valid_to": "2020-01-01T10:00"}),
            "valid_to",
            "date_in_past",
        ),
        (json!({"valid_to": "jutro"}), "valid_to", "invalid_date"),
        (json!({"valid_to": in_days(15)}), "valid_to", "too_large"),
        (
            json!({"severity": "apocalyptic"}),
            "severity",
            "invalid_choice",
        ),
        (json!({"category": "zombies"}), "category", "invalid_choice"),
        (json!({"sms_text": long_sms}), "sms_text", "too_long"),
        (json!({"headline_pl": ""}), "headline_pl", "required"),
        (
            json!({"headline_uk": "Тільки заголовок"}),
            "text_uk",
            "required",
        ),
    ];
    for (change, field, code) in cases {
        let mut body = alert(&[], "flood");
        for (k, v) in change.as_object().expect("object") {
            body[k] = v.clone();
        }
        let r = team.post("/api/crisis/alerts", body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{change}: {}",
            r.text
        );
        assert_eq!(
            r.json()["error"]["fields"][field],
            code,
            "{change}: {}",
            r.text
        );
    }
    assert_eq!(app.count("alerts").await, before);
    let mut public = app.client();
    public.lang = Some("uk");
    let cases = [
        (
            json!({"phone": "+49 600 100 200"}),
            "phone",
            "invalid_phone",
        ),
        (json!({"phone": "600 100 20"}), "phone", "invalid_phone"),
        (json!({"email": "nie-email"}), "email", "invalid_email"),
        (json!({}), "email", "required"),
        (
            json!({"email": "a@example.pl", "areas": ["atlantyda"]}),
            "areas",
            "invalid_choice",
        ),
        (
            json!({"email": "a@example.pl", "categories": ["zombies"]}),
            "categories",
            "invalid_choice",
        ),
    ];
    for (body, field, code) in cases {
        let r = public.post("/api/alerts/subscriptions", body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], code, "{body}");
        assert_eq!(r.json()["error"]["message"], "Виправте позначені поля.");
    }
    assert_eq!(app.count("alert_contacts").await, 0);
    let r = public
        .post(
            "/api/alerts/subscriptions/confirm",
            json!({"token": "0".repeat(64)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Five wrong codes, then even the right one is refused.
    subscribe(&mut public, json!({"phone": "600100400"})).await;
    for _ in 0..5 {
        let r = public
            .post(
                "/api/alerts/subscriptions/confirm-sms",
                json!({"phone": "600100400", "code": "999999"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = public
        .post(
            "/api/alerts/subscriptions/confirm-sms",
            json!({"phone": "600100400", "code": "999999"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Three confirmations a day per address at most (each SMS costs money).
    for _ in 0..2 {
        subscribe(&mut public, json!({"phone": "600100400"})).await;
    }
    let r = public
        .post("/api/alerts/subscriptions", json!({"phone": "600100400"}))
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // Residents and clerks cannot issue alerts.
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        clerk
            .post("/api/crisis/alerts", alert(&[], "flood"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_cap_message_and_feed_follow_the_standard() {
    let app = TestApp::spawn().await;
    let mut team = crisis(&app).await;
    let mut body = alert(&["sol-debina", "ul-rzeczna"], "flood");
    body["headline_uk"] = json!("Високий рівень води");
    body["text_uk"] = json!("Річка перевищила аварійний рівень <увага> & обережно.");
    let r = team.post("/api/crisis/alerts", body).await;
    let id = r.json()["alert"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{}", r.text))
        .to_owned();
    let mut public = app.client();
    let r = public.get(&format!("/api/alerts/{id}/cap")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.header("content-type"),
        Some("application/cap+xml; charset=utf-8")
    );
    for lang in ["pl-PL", "en-GB", "uk-UA"] {
        assert!(
            r.text.contains(&format!("<language>{lang}</language>")),
            "{}",
            r.text
        );
    }
    assert!(r.text.contains("&lt;увага&gt; &amp; обережно"));
    validate_cap(&r.text);
    let feed = public.get("/api/alerts/cap").await;
    assert!(
        feed.text.contains(&format!("/api/alerts/{id}/cap")),
        "{}",
        feed.text
    );
    team.post(&format!("/api/crisis/alerts/{id}/cancel"), json!({}))
        .await;
    let cancelled = public.get(&format!("/api/alerts/{id}/cap")).await.text;
    assert!(
        cancelled.contains("<msgType>Cancel</msgType>") && cancelled.contains("<references>"),
        "{cancelled}"
    );
    validate_cap(&cancelled);
}

/// Validates against the OASIS CAP 1.2 schema (`tests/data/CAP-v1.2.xsd`) with lxml
/// (installed by `cargo xtask test`), then checks what the schema leaves open.
fn validate_cap(xml: &str) {
    let python = std::env::var("OKIENKO_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let xsd = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/CAP-v1.2.xsd");
    let file = std::env::temp_dir().join(format!("cap-{}.xml", uuid::Uuid::new_v4().simple()));
    std::fs::write(&file, xml).expect("write");
    let script = "import sys\nfrom lxml import etree\nschema = etree.XMLSchema(etree.parse(sys.argv[1]))\n\
                  ok = schema.validate(etree.parse(sys.argv[2]))\nprint(schema.error_log)\nsys.exit(0 if ok else 1)";
    let out = std::process::Command::new(&python)
        .args(["-c", script, xsd])
        .arg(&file)
        .output()
        .expect("python with lxml; run the tests with `cargo xtask test`, which installs it");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "not valid CAP 1.2: {}{}\n{xml}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    check_cap_structure(xml);
}

/// Checks a message against the CAP 1.2 standard's structure (OASIS CAP 1.2 §3.2 and
/// its schema's sequences): the `alert` and `info` children in the standard's order,
/// the required ones present, and the enumerated values among the allowed ones.
fn check_cap_structure(xml: &str) {
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"), "{xml}");
    let alert_order = [
        "identifier",
        "sender",
        "sent",
        "status",
        "msgType",
        "source",
        "scope",
        "restriction",
        "addresses",
        "code",
        "note",
        "references",
        "incidents",
        "info",
    ];
    let info_order = [
        "language",
        "category",
        "event",
        "responseType",
        "urgency",
        "severity",
        "certainty",
        "audience",
        "eventCode",
        "effective",
        "onset",
        "expires",
        "senderName",
        "headline",
        "description",
        "instruction",
        "web",
        "contact",
        "parameter",
        "resource",
        "area",
    ];
    let children = |block: &str, depth: usize| -> Vec<String> {
        let indent = " ".repeat(depth);
        block
            .lines()
            .filter_map(|l| {
                let rest = l.strip_prefix(&indent)?;
                if rest.starts_with(' ') || rest.starts_with("</") {
                    return None;
                }
                let name: String = rest
                    .strip_prefix('<')?
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                Some(name)
            })
            .collect()
    };
    let in_order = |found: &[String], order: &[&str]| {
        let positions: Vec<usize> = found
            .iter()
            .map(|n| {
                order
                    .iter()
                    .position(|o| o == n)
                    .unwrap_or_else(|| panic!("unknown element {n}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] <= w[1]),
            "out of order: {found:?}"
        );
    };
    let top = children(xml, 2);
    in_order(&top, &alert_order);
    for required in ["identifier", "sender", "sent", "status", "msgType", "scope"] {
        assert_eq!(
            top.iter().filter(|n| *n == required).count(),
            1,
            "{required} once"
        );
    }
    let enumerated = |name: &str, allowed: &[&str]| {
        for part in xml.split(&format!("<{name}>")).skip(1) {
            let value = part.split('<').next().unwrap_or_default();
            assert!(allowed.contains(&value), "{name} {value}");
        }
    };
    enumerated("status", &["Actual", "Exercise", "System", "Test", "Draft"]);
    enumerated("msgType", &["Alert", "Update", "Cancel", "Ack", "Error"]);
    enumerated("scope", &["Public", "Restricted", "Private"]);
    enumerated(
        "category",
        &[
            "Geo",
            "Met",
            "Safety",
            "Security",
            "Rescue",
            "Fire",
            "Health",
            "Env",
            "Transport",
            "Infra",
            "CBRNE",
            "Other",
        ],
    );
    enumerated(
        "urgency",
        &["Immediate", "Expected", "Future", "Past", "Unknown"],
    );
    enumerated(
        "severity",
        &["Extreme", "Severe", "Moderate", "Minor", "Unknown"],
    );
    enumerated(
        "certainty",
        &["Observed", "Likely", "Possible", "Unlikely", "Unknown"],
    );
    // dateTime with an explicit offset and no fractional seconds (CAP 1.2 §3.3.2).
    for name in ["sent", "effective", "expires"] {
        for part in xml.split(&format!("<{name}>")).skip(1) {
            let v = part.split('<').next().unwrap_or_default();
            let ok = v.len() == 25
                && v.as_bytes()[10] == b'T'
                && matches!(v.as_bytes()[19], b'+' | b'-')
                && !v.contains('.');
            assert!(ok, "{name} {v}");
        }
    }
    for info in xml.split("  <info>\n").skip(1) {
        let info = info.split("  </info>").next().unwrap_or_default();
        let found = children(info, 4);
        in_order(&found, &info_order);
        for required in ["category", "event", "urgency", "severity", "certainty"] {
            assert!(
                found.iter().any(|n| n == required),
                "info without {required}"
            );
        }
    }
    for sender in xml.split("<sender>").skip(1) {
        let v = sender.split('<').next().unwrap_or_default();
        assert!(!v.contains([' ', ',', '<', '&']), "sender {v}");
    }
}
