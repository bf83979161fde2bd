//! The back office: a paper letter registered, assigned, completed by the resident,
//! decided with a signed decision, closed; e-mails queued; the audit chain verifies.

use std::process::Command;

use axum::http::StatusCode;
use models::receipts::{SignedReceipt, verify};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::helpers::{DEMO_PASSWORD, TestApp};
use crate::receipts::public_key;

const SCAN: &[u8] = b"%PDF-1.4\n% scanned letter\n%%EOF\n";

fn audit_verify(app: &TestApp) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .args(["audit", "verify"])
        .env("DATABASE_URL", &app.state.config.database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run okienko");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[tokio::test]
async fn a_paper_letter_goes_from_registry_to_decision_and_archive() {
    let app = TestApp::spawn().await;
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let scan = clerk
        .upload("skan.pdf", "application/pdf", SCAN.to_vec())
        .await
        .json();
    let letter = json!({
        "sender_name": "Jan Kowalski", "sender_pesel": "90020301234", "received_on": "2026-11-20",
        "channel": "paper", "subject": "Wniosek o usunięcie topoli", "department_code": "GK",
        "jrwa_symbol": "6131", "period": "1m", "scans": [scan]
    });
    let r = clerk.post("/api/office/letters", letter.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let case = r.json();
    let id = case["id"].as_str().expect("present").to_owned();
    assert!(
        case["reference"]
            .as_str()
            .expect("present")
            .starts_with("GK.6131.")
    );
    assert!(
        case["registry_number"]
            .as_str()
            .expect("present")
            .starts_with("RPW/")
    );
    assert_eq!(case["status"], "submitted");
    let registry = clerk.get("/api/office/registry?year=2026").await.json();
    assert_eq!(registry[0]["case_id"], id.as_str());
    assert_eq!(registry[0]["channel"], "paper");

    // Bad letters: a table of refusals, nothing stored.
    let before = app.count("cases").await;
    for (field, value, code) in [
        ("sender_pesel", json!("90020301235"), "invalid_pesel"),
        ("received_on", json!("2999-01-01"), "date_in_future"),
        ("received_on", json!("2026-02-30"), "invalid_date"),
        ("department_code", json!("XX"), "invalid_choice"),
        ("jrwa_symbol", json!("9999"), "invalid_choice"),
        ("scans", json!([]), "required"),
        ("subject", json!(" "), "required"),
    ] {
        let mut bad = letter.clone();
        bad[field] = value;
        let r = clerk.post("/api/office/letters", bad).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], code, "{field}");
    }
    assert_eq!(app.count("cases").await, before);

    // Jan, matched by PESEL, sees his paper case.
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    assert!(jan.get("/api/cases").await.text.contains(&id));

    // The filing plan the letter was classified by.
    let plan = clerk.get("/api/office/jrwa").await.json();
    assert!(
        plan.as_array()
            .expect("a list")
            .iter()
            .any(|c| c["symbol"] == "6131" && c["retention"] == "B5"),
        "{plan}"
    );

    // Assignment (dekretacja) to the clerk, then a request for completion.
    let clerks = clerk.get("/api/office/clerks").await.json();
    let me = clerks
        .as_array()
        .expect("present")
        .iter()
        .find(|c| c["department_code"] == "GK")
        .expect("present");
    let mails = app.count("mail_outbox").await;
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/assign"),
            json!({"department_code": "GK", "assignee_id": me["id"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Registered and assigned in one step: one e-mail to Jan, not two.
    assert_eq!(app.count("mail_outbox").await, mails + 1);
    assert_eq!(r.json()["status"], "in_progress");
    let mine = clerk.get("/api/office/cases?queue=mine").await.json();
    assert!(
        mine.as_array()
            .expect("present")
            .iter()
            .any(|c| c["id"] == id.as_str())
    );
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/completion-request"),
            json!({"text": "Proszę dołączyć zgodę właściciela.", "days": 5}),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["days"], "too_small");
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/completion-request"),
            json!({"text": "Proszę dołączyć zgodę właściciela.", "days": 7}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["status"], "needs_completion");
    assert!(r.json()["due_on"].is_null(), "the period is paused");
    // A decision cannot be issued while waiting for the applicant.
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/decision"),
            json!({"granted": true, "text": "x"}),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "wrong_state")
    );

    // Jan sees what is missing and who opened his case, and completes it.
    let detail = jan.get(&format!("/api/cases/{id}")).await.json();
    assert_eq!(detail["status"], "needs_completion");
    assert_eq!(
        detail["completion"]["text"],
        "Proszę dołączyć zgodę właściciela."
    );
    assert!(
        detail["events"]
            .as_array()
            .expect("present")
            .iter()
            .any(|e| e["kind"] == "completion_requested"
                && e["actor"].as_str().is_some_and(|a| a.contains("(GK)")))
    );
    let consent = jan
        .upload("zgoda.pdf", "application/pdf", b"%PDF-1.4 zgoda".to_vec())
        .await
        .json();
    let r = jan
        .post(
            &format!("/api/cases/{id}/completion"),
            json!({"message": "W załączeniu zgoda.", "files": [consent]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let detail = r.json();
    assert_eq!(detail["status"], "in_progress");
    assert!(detail["due_on"].as_str().is_some());
    assert!(
        detail["documents"]
            .as_array()
            .expect("present")
            .iter()
            .any(|d| d["kind"] == "completion")
    );
    let r = jan
        .post(
            &format!("/api/cases/{id}/completion"),
            json!({"message": "again"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // The decision: a signed document the resident downloads and anyone can verify.
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/decision"),
            json!({"granted": true, "text": "Zezwala się na usunięcie topoli."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let detail = jan.get(&format!("/api/cases/{id}")).await.json();
    assert_eq!(detail["status"], "decision_ready");
    let docs = detail["documents"].as_array().expect("present");
    let decision = docs
        .iter()
        .find(|d| d["kind"] == "decision")
        .expect("decision");
    let signature = docs
        .iter()
        .find(|d| d["kind"] == "signature")
        .expect("signature");
    let text = jan
        .get(&format!(
            "/api/cases/{id}/documents/{}",
            decision["id"].as_str().expect("present")
        ))
        .await;
    assert!(
        text.text.contains("DECYZJA") && text.text.contains("Zezwala się na usunięcie topoli.")
    );
    let signed: SignedReceipt = serde_json::from_str(
        &jan.get(&format!(
            "/api/cases/{id}/documents/{}",
            signature["id"].as_str().expect("present")
        ))
        .await
        .text,
    )
    .expect("signed decision");
    assert_eq!(signed.document.kind, "DECISION");
    assert_eq!(
        signed.document.content_sha256,
        hex::encode(Sha256::digest(text.text.as_bytes()))
    );
    assert_eq!(
        verify(&signed, &public_key(&app, "localhost:8080").await),
        Ok(())
    );
    let delivered: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE case_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .expect("present");
    assert_eq!(delivered, 1, "handed to the e-Doręczenia seam");

    let r = clerk
        .post(&format!("/api/office/cases/{id}/close"), json!({}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let detail = jan.get(&format!("/api/cases/{id}")).await.json();
    assert_eq!(
        (detail["status"].as_str(), detail["retention"].as_str()),
        (Some("closed"), Some("B5"))
    );
    let kinds: Vec<&str> = detail["events"]
        .as_array()
        .expect("present")
        .iter()
        .map(|e| e["kind"].as_str().expect("present"))
        .collect();
    for k in [
        "received",
        "registered",
        "assigned",
        "completion_requested",
        "completed",
        "decision_issued",
        "closed",
    ] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }

    // Jan got an e-mail for every status change.
    let mails: Vec<String> =
        sqlx::query_scalar("SELECT subject FROM mail_outbox WHERE to_address = $1")
            .bind("jan.kowalski@example.pl")
            .fetch_all(&app.state.db.pool)
            .await
            .expect("present");
    let reference = detail["reference"].as_str().expect("present");
    for status in [
        "w toku",
        "wymaga uzupełnienia",
        "decyzja gotowa",
        "zakończona",
    ] {
        assert!(
            mails
                .iter()
                .any(|m| m.contains(reference) && m.contains(status)),
            "{status}: {mails:?}"
        );
    }

    // The audit chain verifies, and a single altered entry is found.
    let (ok, out) = audit_verify(&app);
    assert!(ok && out.contains("valid"), "{out}");
    sqlx::query("UPDATE audit_log SET actor_id = NULL WHERE seq = 3 AND gmina_id = 'przykladowo'")
        .execute(&app.state.db.pool)
        .await
        .expect("present");
    let (ok, out) = audit_verify(&app);
    assert!(!ok && out.contains("entry 3 was altered"), "{out}");
}

#[tokio::test]
async fn clerks_see_only_their_department_and_residents_none_of_the_back_office() {
    let app = TestApp::spawn().await;
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let queue = clerk.get("/api/office/cases").await.json();
    let queue = queue.as_array().expect("present");
    assert!(!queue.is_empty());
    assert!(
        queue
            .iter()
            .all(|c| c["reference"].as_str().expect("present").starts_with("GK.")),
        "{queue:?}"
    );
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let all = admin.get("/api/office/cases?queue=all").await.json();
    assert!(all.as_array().expect("present").len() > queue.len());
    let r = clerk.get("/api/office/cases?queue=everything").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Every status shows in the demo.
    let statuses: std::collections::BTreeSet<&str> = all
        .as_array()
        .expect("present")
        .iter()
        .map(|c| c["status"].as_str().expect("present"))
        .collect();
    assert_eq!(statuses.len(), 6, "{statuses:?}");
}

#[tokio::test]
async fn a_late_case_gets_a_new_date_with_its_reason_and_the_applicant_is_told() {
    use server::cases::deadline::next_working_day;
    let app = TestApp::spawn().await;
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let scan = clerk
        .upload("skan.pdf", "application/pdf", SCAN.to_vec())
        .await
        .json();
    let today = server::time_fmt::today();
    let r = clerk
        .post(
            "/api/office/letters",
            json!({
                "sender_name": "Jan Kowalski", "sender_pesel": "90020301234",
                "received_on": today.to_string(), "channel": "paper",
                "subject": "Wniosek o zajęcie pasa drogowego", "department_code": "GK",
                "jrwa_symbol": "7230", "period": "1m", "scans": [scan]
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().expect("id").to_owned();
    let me = clerk.get("/api/office/clerks").await.json()[0]["id"].clone();
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/assign"),
            json!({"department_code": "GK", "assignee_id": me}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let due: jiff::civil::Date = r.json()["due_on"]
        .as_str()
        .expect("due")
        .parse()
        .expect("date");
    let later = |days: i64| (due + jiff::Span::new().days(days)).to_string();
    let url = format!("/api/office/cases/{id}/delay");

    // Bad notices are refused next to their field; nothing changes, nobody is told.
    let mails = app.count("mail_outbox").await;
    for (body, field, code) in [
        (
            json!({"reason": " ", "new_due_on": later(20)}),
            "reason",
            "required",
        ),
        (
            json!({"reason": "Opinia", "new_due_on": "2026-02-30"}),
            "new_due_on",
            "invalid_date",
        ),
        (
            json!({"reason": "Opinia", "new_due_on": due.to_string()}),
            "new_due_on",
            "too_small",
        ),
        (
            json!({"reason": "Opinia", "new_due_on": later(400)}),
            "new_due_on",
            "too_large",
        ),
    ] {
        let r = clerk.post(&url, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], code, "{body}");
    }
    assert_eq!(app.count("mail_outbox").await, mails);
    let case = clerk.get(&format!("/api/office/cases/{id}")).await.json();
    assert_eq!(case["due_on"], due.to_string());

    // A proper notice moves the date (to a working day), tells Jan why, and shows on the
    // timeline he sees.
    let reason = "Oczekiwanie na opinię zarządcy sieci wodociągowej.";
    let r = clerk
        .post(&url, json!({"reason": reason, "new_due_on": later(20)}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let new_due = next_working_day(due + jiff::Span::new().days(20)).to_string();
    assert_eq!(r.json()["due_on"], new_due);
    assert_eq!(app.count("mail_outbox").await, mails + 1);
    let subject: String = sqlx::query_scalar(
        "SELECT subject FROM mail_outbox ORDER BY created_at DESC, subject LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .expect("mail");
    assert!(subject.contains(&new_due), "{subject}");
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let seen = jan.get(&format!("/api/cases/{id}")).await.json();
    assert_eq!(seen["due_on"], new_due);
    let events = seen["events"].as_array().expect("events");
    assert!(
        events
            .iter()
            .any(|e| e["kind"] == "delayed"
                && e["note"].as_str().is_some_and(|n| n.contains(reason))),
        "{seen}"
    );

    // A request for completion answered the same day pauses nothing: the new date stays.
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/completion-request"),
            json!({"text": "Proszę o projekt organizacji ruchu.", "days": 7}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = jan
        .post(
            &format!("/api/cases/{id}/completion"),
            json!({"message": "Projekt w załączeniu u projektanta, przesyłam jutro.", "files": []}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["due_on"], new_due);

    // A decided case cannot be delayed any more.
    let r = clerk
        .post(
            &format!("/api/office/cases/{id}/decision"),
            json!({"granted": true, "text": "Zezwala się na zajęcie pasa drogowego."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = clerk
        .post(&url, json!({"reason": reason, "new_due_on": later(40)}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
}

#[tokio::test]
async fn two_clerks_assigning_one_case_at_once_leave_a_history_that_matches_the_case() {
    use axum::body::Body;
    use axum::http::{Request, header};
    use tower::ServiceExt;
    let app = TestApp::spawn().await;
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let scan = clerk
        .upload("skan.pdf", "application/pdf", SCAN.to_vec())
        .await
        .json();
    let r = clerk
        .post(
            "/api/office/letters",
            json!({
                "sender_name": "Jan Kowalski", "received_on": server::time_fmt::today().to_string(),
                "channel": "paper", "subject": "Wniosek", "department_code": "GK",
                "jrwa_symbol": "7230", "period": "1m", "scans": [scan]
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_str().expect("id").to_owned();
    let clerks = admin.get("/api/office/clerks").await.json();
    let of = |dept: &str| {
        clerks
            .as_array()
            .expect("clerks")
            .iter()
            .find(|c| c["department_code"] == dept)
            .expect("a clerk")["id"]
            .clone()
    };
    let (gk, or) = (of("GK"), of("OR"));
    // Twelve assignments at once from two clerks: to GK's clerk or to OR's.
    let mut tasks = vec![];
    for i in 0..12 {
        let (cookie, body) = if i % 2 == 0 {
            (
                clerk.cookie.clone(),
                json!({"department_code": "GK", "assignee_id": gk}),
            )
        } else {
            (
                admin.cookie.clone(),
                json!({"department_code": "OR", "assignee_id": or}),
            )
        };
        let router = app.router.clone();
        let request = Request::builder()
            .method("POST")
            .uri(format!("/api/office/cases/{id}/assign"))
            .header(header::HOST, "localhost:8080")
            .header(header::COOKIE, cookie.expect("cookie"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        tasks.push(tokio::spawn(async move {
            router.oneshot(request).await.expect("infallible").status()
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let status = t.await.expect("task");
        match status {
            StatusCode::OK => ok += 1,
            // Once the case is in OR, GK's clerk no longer sees it.
            StatusCode::NOT_FOUND => {}
            other => panic!("unexpected {other}"),
        }
    }
    let detail = admin.get(&format!("/api/office/cases/{id}")).await.json();
    let assigned: Vec<&str> = detail["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["kind"] == "assigned")
        .map(|e| e["note"].as_str().expect("note"))
        .collect();
    assert_eq!(
        assigned.len(),
        ok,
        "one history entry per accepted assignment"
    );
    let last = assigned.last().expect("at least one");
    let assignee = detail["assignee"].as_str().expect("assignee");
    assert!(
        last.ends_with(assignee),
        "the case ({assignee}) is where its last entry ({last}) says"
    );
    let reports = server::audit::verify(&app.state.db.pool)
        .await
        .expect("verify");
    assert!(reports.iter().all(|r| r.problem.is_none()));
}
