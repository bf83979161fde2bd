//! Taxes and fees through the API: who sees which ledger, the demo ledgers' consistency
//! (schedules sum to the assessment, allocations to the payment), interest as of a chosen
//! day, bad input.

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::{Client, DEMO_PASSWORD, TestApp};

async fn taxpayer(c: &mut Client<'_>) -> String {
    let list = c.get("/api/taxes/taxpayers").await.json();
    assert_eq!(list.as_array().expect("list").len(), 1, "{list}");
    list[0]["id"].as_str().expect("id").to_owned()
}

fn day(offset: i64) -> String {
    server::time_fmt::today()
        .checked_add(jiff::Span::new().days(offset))
        .expect("date")
        .to_string()
}

#[tokio::test]
async fn each_person_sees_only_their_own_ledger() {
    let app = TestApp::spawn().await;
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let annas = taxpayer(&mut anna).await;
    let jans = taxpayer(&mut jan).await;
    assert_ne!(annas, jans);
    for path in [
        format!("/api/taxes/taxpayers/{jans}"),
        format!("/api/taxes/taxpayers/{jans}/qr.svg"),
    ] {
        assert_eq!(
            anna.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            app.client().get(&path).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    // A clerk has no ledger of their own; another gmina's resident none here.
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        clerk.get("/api/taxes/taxpayers").await.json(),
        serde_json::json!([])
    );
    let mut marta = app.client_on("sasiednia.localhost");
    marta
        .login("marta.zielinska@example.pl", DEMO_PASSWORD)
        .await;
    let r = marta.get(&format!("/api/taxes/taxpayers/{annas}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let qr = anna
        .get(&format!("/api/taxes/taxpayers/{annas}/qr.svg"))
        .await;
    assert_eq!(qr.header("content-type"), Some("image/svg+xml"));
    assert!(qr.text.contains("<svg"));
    // A day that is not a date is refused.
    let r = anna
        .get(&format!("/api/taxes/taxpayers/{annas}?as_of=2026-02-30"))
        .await;
    assert_eq!(r.json()["error"]["fields"]["as_of"], "invalid_date");
}

fn sum(v: &Value, key: &str) -> i64 {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x[key].as_i64().expect("amount"))
        .sum()
}

#[tokio::test]
async fn the_demo_ledgers_add_up_and_interest_grows_with_the_payment_day() {
    let app = TestApp::spawn().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let id = taxpayer(&mut jan).await;
    let ledger = jan.get(&format!("/api/taxes/taxpayers/{id}")).await.json();
    assert!(
        ledger["taxpayer"]["account"]
            .as_str()
            .expect("account")
            .replace(' ', "")
            .len()
            == 26
    );
    // Every schedule sums to its assessment; paid + outstanding = amount.
    for a in ledger["assessments"].as_array().expect("assessments") {
        assert_eq!(
            sum(&a["instalments"], "amount"),
            a["amount"].as_i64().expect("amount"),
            "{a}"
        );
        for i in a["instalments"].as_array().expect("instalments") {
            let (amount, paid, left) = (
                i["amount"].as_i64(),
                i["paid"].as_i64(),
                i["outstanding"].as_i64(),
            );
            assert_eq!(
                amount,
                Some(paid.expect("paid") + left.expect("left")),
                "{i}"
            );
        }
    }
    // Every payment's parts and overpayment add up to it; last year's late vehicle tax
    // instalment was paid with interest.
    let payments = ledger["payments"].as_array().expect("payments");
    for p in payments {
        let parts: i64 = p["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .map(|x| x["principal"].as_i64().expect("p") + x["interest"].as_i64().expect("i"))
            .sum();
        assert_eq!(
            parts + p["overpayment"].as_i64().expect("over"),
            p["amount"].as_i64().expect("amount"),
            "{p}"
        );
    }
    assert!(payments.iter().any(|p| {
        p["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .any(|x| x["interest"].as_i64() > Some(0))
    }));
    // This year's second vehicle tax instalment is unpaid: arrears with interest today.
    let b = &ledger["balance"];
    assert!(b["overdue"].as_i64() > Some(0), "{b}");
    assert_eq!(
        b["to_pay_now"].as_i64(),
        Some(b["overdue"].as_i64().expect("o") + b["interest"].as_i64().expect("i"))
    );
    // Interest as of a later payment day is not lower; as of a day before any due date of
    // the arrears it is zero.
    let later = jan
        .get(&format!("/api/taxes/taxpayers/{id}?as_of={}", day(60)))
        .await
        .json();
    assert!(later["balance"]["interest"].as_i64() >= b["interest"].as_i64());
    assert!(later["balance"]["interest"].as_i64() > Some(0));
    assert_eq!(later["balance"]["as_of"], day(60));
    assert!(ledger["qr_payload"].as_str().expect("qr").contains("|PL|"));
}

#[tokio::test]
async fn an_online_payment_is_verified_stored_once_and_lowers_the_arrears() {
    let app = TestApp::spawn().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let id = taxpayer(&mut jan).await;
    let before = jan.get(&format!("/api/taxes/taxpayers/{id}")).await.json();
    let to_pay = before["balance"]["to_pay_now"].as_i64().expect("to pay");
    assert!(to_pay > 0);
    // Bad amounts are refused; someone else's taxpayer is not found.
    let start = format!("/api/taxes/taxpayers/{id}/payments");
    let r = jan.post(&start, serde_json::json!({"amount": 0})).await;
    assert_eq!(r.json()["error"]["fields"]["amount"], "too_small");
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        anna.post(&start, serde_json::json!({"amount": 100}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = jan
        .post(&start, serde_json::json!({"amount": to_pay}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let page = r.json()["redirect_url"].as_str().expect("url").to_owned();
    let intent = page.rsplit('/').next().expect("intent").to_owned();

    // A forged notification (wrong signature) is refused and stores nothing.
    let payments = app.count("tax_payments").await;
    let body = serde_json::json!({"intent_id": intent, "transaction_id": "T-1", "amount": to_pay, "status": "paid"}).to_string();
    let notify = |signature: String, body: String| {
        axum::http::Request::builder()
            .method(axum::http::Method::POST)
            .uri("/api/taxes/payments/notify")
            .header(axum::http::header::CONTENT_TYPE, "application/json")
            .header("x-signature", signature)
            .body(axum::body::Body::from(body))
            .expect("request")
    };
    let r = app
        .client()
        .raw(notify("00".repeat(32), body.clone()))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("tax_payments").await, payments);
    // The provider's signed notification is stored once, however often it comes.
    let signature =
        server::taxes::payments::sign(&app.state.config.payment_secret, body.as_bytes());
    for _ in 0..3 {
        let r = app
            .client()
            .raw(notify(signature.clone(), body.clone()))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    assert_eq!(app.count("tax_payments").await, payments + 1);
    let after = jan.get(&format!("/api/taxes/taxpayers/{id}")).await.json();
    assert_eq!(after["balance"]["overdue"], 0, "{}", after["balance"]);
    assert_eq!(after["balance"]["interest"], 0);
    let newest = &after["payments"][0];
    assert_eq!(newest["source"], "online");
    assert_eq!(newest["amount"].as_i64(), Some(to_pay));
}

#[tokio::test]
async fn the_simulator_page_takes_the_payment_and_sends_the_resident_back() {
    let app = TestApp::spawn().await;
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let id = taxpayer(&mut anna).await;
    let r = anna
        .post(
            &format!("/api/taxes/taxpayers/{id}/payments"),
            serde_json::json!({"amount": 1234}),
        )
        .await;
    let page = r.json()["redirect_url"].as_str().expect("url").to_owned();
    let html = anna.get(&page).await;
    assert!(html.text.contains("12,34 zł"), "{}", html.text);
    let form = axum::http::Request::builder()
        .method(axum::http::Method::POST)
        .uri(&page)
        .header(
            axum::http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(axum::body::Body::from("action=pay"))
        .expect("request");
    let r = anna.raw(form).await;
    assert!(r.status.is_redirection(), "{}", r.status);
    assert!(
        r.header("location")
            .expect("location")
            .starts_with("/taxes?taxpayer=")
    );
    let ledger = anna.get(&format!("/api/taxes/taxpayers/{id}")).await.json();
    assert_eq!(ledger["payments"][0]["amount"], 1234);
    assert_eq!(ledger["payments"][0]["source"], "online");
}

#[tokio::test]
async fn the_statement_and_the_calendar_feed_carry_the_ledger() {
    let app = TestApp::spawn().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let id = taxpayer(&mut jan).await;
    let ledger = jan.get(&format!("/api/taxes/taxpayers/{id}")).await.json();
    let csv = jan
        .get(&format!("/api/taxes/taxpayers/{id}/statement.csv"))
        .await;
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        csv.text
            .starts_with("\u{feff}data;operacja;opis;kwota;saldo\n")
    );
    assert!(
        csv.text.contains(";wpłata;") && csv.text.contains("podatek od środków transportowych")
    );
    // The final balance is minus what settles the arrears and what is still to come.
    let last = csv.text.lines().last().expect("a line");
    let b = &ledger["balance"];
    let expected = -(b["to_pay_now"].as_i64().expect("due")
        + b["upcoming"].as_i64().expect("upcoming"))
        + b["overpayment"].as_i64().expect("over");
    let shown = last.rsplit(';').next().expect("balance").replace(',', "");
    assert_eq!(shown.parse::<i64>().expect("grosze"), expected, "{last}");
    // The calendar feed is addressed by its secret; a wrong one is not found.
    let url = ledger["calendar_url"].as_str().expect("feed").to_owned();
    let feed = app.client().get(&url).await;
    assert_eq!(
        feed.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(feed.text.starts_with("BEGIN:VCALENDAR\r\n") && feed.text.contains("TRIGGER:-P3D"));
    assert!(
        feed.text
            .contains("SUMMARY:Termin: podatek od środków transportowych")
    );
    assert_eq!(
        app.client()
            .get("/api/taxes/calendar/nope.ics")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
