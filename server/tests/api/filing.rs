//! Filing an application: uploads, drafts, signed submission with its receipt, replays.

use axum::http::StatusCode;
use models::receipts::{SignedReceipt, verify};
use serde_json::{Value, json};

use crate::helpers::{Client, DEMO_PASSWORD, TestApp};
use crate::receipts::{public_key, verify_cli};

const PDF: &[u8] = b"%PDF-1.4\n% a map of the plot\n%%EOF\n";

async fn resident<'a>(app: &'a TestApp, email: &str) -> Client<'a> {
    let mut c = app.client();
    c.login(email, DEMO_PASSWORD).await;
    c
}

fn tree_data(map: &Value) -> Value {
    json!({
        "applicant": {
            "name": "Jan Kowalski",
            "address": {"street": "ul. Polna", "building": "12", "postal_code": "00-950", "city": "Przykładowo"},
            "is_owner": true
        },
        "property": {"plot": "77/2", "map": [map]},
        "trees": [{"species": "Brzoza", "circumference_cm": 120, "reason": "danger"}],
        "planting": {"planned": false}
    })
}

async fn draft_with(c: &mut Client<'_>, data: Value) -> String {
    let d = c
        .post("/api/drafts", json!({"service_slug": "usuniecie-drzew"}))
        .await;
    assert_eq!(d.status, StatusCode::CREATED, "{}", d.text);
    let id = d.json()["id"].as_str().expect("id").to_owned();
    let saved = c
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": data, "revision": 1}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    id
}

#[tokio::test]
async fn a_resident_files_with_an_attachment_and_gets_a_receipt_that_verifies() {
    let app = TestApp::spawn().await;
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let up = jan
        .upload("mapa.pdf", "application/pdf", PDF.to_vec())
        .await;
    assert_eq!(up.status, StatusCode::CREATED, "{}", up.text);
    let map = up.json();
    let draft = draft_with(&mut jan, tree_data(&map)).await;
    let cases_before = app.count("cases").await;

    // Signing needs the one-time key and the right password; neither failure stores anything.
    let r = jan.submit(&draft, DEMO_PASSWORD, None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "idempotency_key_required")
    );
    let r = jan
        .submit(&draft, "wrong-password-1", Some("key-00000001"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"]["password"], "wrong_password");
    assert_eq!(app.count("cases").await, cases_before);

    let r = jan
        .submit(&draft, DEMO_PASSWORD, Some("key-00000001"))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let filed = r.json();
    let receipt: SignedReceipt = serde_json::from_value(filed["receipt"].clone()).expect("receipt");
    assert_eq!(receipt.document.kind, "UPO");
    assert!(receipt.document.case_reference.starts_with("GK.6131."));
    assert!(
        receipt.document.received_at.ends_with("+01:00")
            || receipt.document.received_at.ends_with("+02:00")
    );
    assert_eq!(receipt.document.attachments.len(), 1);
    assert_eq!(
        receipt.document.attachments[0].sha256,
        map["sha256"].as_str().expect("present")
    );
    let key = public_key(&app, "localhost:8080").await;
    assert_eq!(verify(&receipt, &key), Ok(()));
    let (ok, out) = verify_cli(
        &app,
        &serde_json::to_string(&receipt).expect("present"),
        &[],
    );
    assert!(ok && out.contains("valid"), "{out}");

    // A double click (same key) answers with the same receipt and files nothing new.
    let again = jan
        .submit(&draft, DEMO_PASSWORD, Some("key-00000001"))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["receipt"], filed["receipt"]);
    assert_eq!(app.count("cases").await, cases_before + 1);
    // The draft became the submission; a new key cannot file it again.
    assert_eq!(
        jan.get(&format!("/api/drafts/{draft}")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = jan
        .submit(&draft, DEMO_PASSWORD, Some("key-00000002"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // My cases: newest first, with the contract fields.
    let case_id = filed["case_id"].as_str().expect("present");
    let list = jan.get("/api/cases").await.json();
    assert_eq!(list[0]["id"], case_id);
    assert_eq!(list[0]["reference"], filed["reference"]);
    assert_eq!(list[0]["status"], "submitted");
    let detail = jan.get(&format!("/api/cases/{case_id}")).await.json();
    assert_eq!(detail["events"][0]["kind"], "received");
    assert!(detail["due_on"].as_str().is_some(), "{detail}");
    let docs = detail["documents"].as_array().expect("present");
    let kinds: Vec<&str> = docs
        .iter()
        .map(|d| d["kind"].as_str().expect("present"))
        .collect();
    assert_eq!(kinds, ["application", "attachment", "receipt"]);
    let att = docs
        .iter()
        .find(|d| d["kind"] == "attachment")
        .expect("present");
    let file = jan
        .get(&format!(
            "/api/cases/{case_id}/documents/{}",
            att["id"].as_str().expect("present")
        ))
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.text.as_bytes(), PDF);
    assert!(
        file.header("content-disposition")
            .expect("present")
            .starts_with("attachment;")
    );
    assert!(
        file.header("content-security-policy")
            .expect("present")
            .contains("sandbox")
    );
    let upo = jan
        .get(&format!("/api/cases/{case_id}/receipt"))
        .await
        .json();
    assert_eq!(upo, filed["receipt"]);

    // The printable UPO's QR code holds the verify page with this very receipt.
    let qr = jan
        .get(&format!("/api/cases/{case_id}/receipt/qr.svg"))
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert_eq!(qr.header("content-type"), Some("image/svg+xml"));
    let url = server::cases::verify_url(
        "http://localhost:8080",
        &serde_json::to_string(&upo).expect("json"),
    );
    let expected = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::L)
        .expect("fits")
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(320, 320)
        .build();
    assert_eq!(qr.text, expected);

    // Anna sees none of it.
    let mut anna = resident(&app, "anna.nowak@example.pl").await;
    assert_eq!(
        anna.get(&format!("/api/cases/{case_id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!anna.get("/api/cases").await.text.contains(case_id));
}

#[tokio::test]
async fn invalid_forms_and_someone_elses_files_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let mut anna = resident(&app, "anna.nowak@example.pl").await;
    let annas_map = anna
        .upload("mapa.pdf", "application/pdf", PDF.to_vec())
        .await
        .json();
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let before = (
        app.count("cases").await,
        app.count("submissions").await,
        app.count("audit_log").await,
    );

    let mut data = tree_data(&annas_map);
    data["trees"][0]["circumference_cm"] = json!("thick");
    data["applicant"]["address"]["postal_code"] = json!("00950");
    let draft = draft_with(&mut jan, data).await;
    let r = jan
        .submit(&draft, DEMO_PASSWORD, Some("key-invalid-1"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let fields = &r.json()["error"]["fields"];
    assert_eq!(fields["trees[0].circumference_cm"], "not_a_number");
    assert_eq!(fields["applicant.address"], "invalid_postal_code");

    let draft = draft_with(&mut jan, tree_data(&annas_map)).await;
    let r = jan
        .submit(&draft, DEMO_PASSWORD, Some("key-invalid-2"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["error"]["fields"]["files"], "wrong_type");
    let after = (
        app.count("cases").await,
        app.count("submissions").await,
        app.count("audit_log").await,
    );
    assert_eq!(before, after);
}

#[tokio::test]
async fn uploads_must_be_what_they_say_and_within_the_limit() {
    let app = TestApp::spawn().await;
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let uploads = app.count("uploads").await;
    let cases: [(&str, &str, Vec<u8>, StatusCode, &str); 4] = [
        (
            "x.pdf",
            "application/pdf",
            b"<html><script>alert(1)</script>".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_not_allowed",
        ),
        (
            "x.html",
            "text/html",
            b"<html></html>".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "file_type_not_allowed",
        ),
        (
            "x.pdf",
            "application/pdf",
            vec![],
            StatusCode::UNPROCESSABLE_ENTITY,
            "required",
        ),
        (
            "big.pdf",
            "application/pdf",
            [b"%PDF-".as_slice(), &vec![b'a'; 10 * 1024 * 1024]].concat(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "",
        ),
    ];
    for (name, kind, bytes, status, field) in cases {
        let r = jan.upload(name, kind, bytes).await;
        assert_eq!(r.status, status, "{name}: {}", r.text);
        if !field.is_empty() {
            assert_eq!(r.json()["error"]["fields"]["file"], field, "{name}");
        }
    }
    assert_eq!(app.count("uploads").await, uploads);
    // Uploading needs an account.
    assert_eq!(
        app.client()
            .upload("a.pdf", "application/pdf", PDF.to_vec())
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_draft_resumes_on_another_device_and_a_stale_save_is_refused() {
    let app = TestApp::spawn().await;
    let mut phone = resident(&app, "jan.kowalski@example.pl").await;
    let mut laptop = resident(&app, "jan.kowalski@example.pl").await;
    let d = phone
        .post("/api/drafts", json!({"service_slug": "pismo-ogolne"}))
        .await
        .json();
    let id = d["id"].as_str().expect("present");
    let saved = phone
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": {"letter": {"subject": "Latarnia"}}, "revision": 1}),
        )
        .await;
    assert_eq!(saved.json()["revision"], 2);
    let resumed = laptop.get(&format!("/api/drafts/{id}")).await.json();
    assert_eq!(resumed["data"]["letter"]["subject"], "Latarnia");
    // The phone, still at revision 1, cannot overwrite the newer save.
    let stale = phone
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": {}, "revision": 1}),
        )
        .await;
    assert_eq!(
        (stale.status, stale.code().as_str()),
        (StatusCode::CONFLICT, "conflict")
    );
    assert_eq!(
        laptop.get("/api/drafts").await.json()[0]["data"]["letter"]["subject"],
        "Latarnia"
    );
    let r = phone
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": [1], "revision": 2}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        laptop.delete(&format!("/api/drafts/{id}")).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        phone.get(&format!("/api/drafts/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_same_submission_sent_many_times_at_once_files_one_case() {
    let app = TestApp::spawn().await;
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let d = jan
        .post("/api/drafts", json!({"service_slug": "pismo-ogolne"}))
        .await
        .json();
    let id = d["id"].as_str().expect("present").to_owned();
    jan.put(
        &format!("/api/drafts/{id}"),
        json!({"data": {"letter": {"subject": "Latarnia", "body": "Nie świeci."}}, "revision": 1}),
    )
    .await;
    let before = app.count("cases").await;
    let cookie = jan.cookie.clone();
    let mut tasks = vec![];
    for _ in 0..8 {
        let mut c = app.client();
        c.cookie = cookie.clone();
        let id = id.clone();
        tasks.push(async move { c.submit(&id, DEMO_PASSWORD, Some("double-click-1")).await });
    }
    let results = futures_join(tasks).await;
    let receipts: std::collections::BTreeSet<String> = results
        .iter()
        .map(|r| {
            assert!(
                r.status == StatusCode::CREATED || r.status == StatusCode::OK,
                "{}",
                r.text
            );
            r.json()["receipt"]["signature"]
                .as_str()
                .expect("present")
                .to_owned()
        })
        .collect();
    assert_eq!(receipts.len(), 1, "every answer carries the one receipt");
    assert_eq!(app.count("cases").await, before + 1);
}

async fn futures_join<F: std::future::Future>(tasks: Vec<F>) -> Vec<F::Output> {
    let mut out = vec![];
    let mut pinned: Vec<_> = tasks.into_iter().map(Box::pin).collect();
    // Poll all together so the requests overlap.
    let mut done: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, t) in pinned.iter_mut().enumerate() {
            if done[i].is_none() {
                match t.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => done[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.extend(done.into_iter().map(|d| d.expect("done")));
    out
}

#[tokio::test]
async fn a_certificate_request_goes_to_so_with_its_seven_day_limit() {
    let app = TestApp::spawn().await;
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let d = jan
        .post("/api/drafts", json!({"service_slug": "zaswiadczenie"}))
        .await;
    assert_eq!(d.status, StatusCode::CREATED, "{}", d.text);
    let id = d.json()["id"].as_str().expect("id").to_owned();
    // By post: the address is needed; the e-Doręczenia address is not.
    let mut data = json!({
        "certificate": {"kind": "residence", "purpose": "Do banku"},
        "applicant": {"name": "Jan Kowalski", "pesel": "90020301234"},
        "delivery": {"method": "post"}
    });
    let r = jan
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": data, "revision": 1}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = jan.submit(&id, DEMO_PASSWORD, Some("cert-0000001")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["error"]["fields"]["delivery.address"], "required");
    data["delivery"]["address"] = json!({"street": "ul. Polna", "building": "12", "postal_code": "00-950", "city": "Przykładowo"});
    let r = jan
        .put(
            &format!("/api/drafts/{id}"),
            json!({"data": data, "revision": 2}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = jan.submit(&id, DEMO_PASSWORD, Some("cert-0000002")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let reference = r.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    assert!(reference.starts_with("SO.5341."), "{reference}");
    let case_id = r.json()["case_id"].as_str().expect("case").to_owned();
    let case = jan.get(&format!("/api/cases/{case_id}")).await.json();
    assert_eq!(case["period"], "7d");
    // KPA art. 217 § 3: seven days, ending on a working day.
    let expected = server::cases::deadline::next_working_day(
        server::time_fmt::today() + jiff::Span::new().days(7),
    );
    assert_eq!(case["due_on"], expected.to_string());
}

/// Submits a draft straight through the router (so many can run at once).
async fn submit_raw(
    router: axum::Router,
    cookie: String,
    draft: String,
    key: String,
) -> (StatusCode, Value) {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = Request::builder()
        .method("POST")
        .uri(format!("/api/drafts/{draft}/submit"))
        .header(header::HOST, "localhost:8080")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key)
        .body(Body::from(json!({"password": DEMO_PASSWORD}).to_string()))
        .expect("request");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn a_form_submitted_twenty_times_at_once_over_two_instances_makes_one_case() {
    let app = TestApp::spawn().await;
    let second = app.second_instance().await;
    let mut jan = resident(&app, "jan.kowalski@example.pl").await;
    let map = jan
        .upload("mapa.pdf", "application/pdf", PDF.to_vec())
        .await
        .json();
    let draft = draft_with(&mut jan, tree_data(&map)).await;
    let cookie = jan.cookie.clone().expect("cookie");
    let cases_before = app.count("cases").await;
    // Half repeat one key (a double click, a retried request), half bring their own (two
    // tabs): one case either way.
    let mut tasks = vec![];
    for i in 0..20 {
        let router = if i % 2 == 0 {
            app.router.clone()
        } else {
            second.router.clone()
        };
        let key = if i < 10 {
            "same-key-000001".to_owned()
        } else {
            format!("other-key-{i:06}")
        };
        let (cookie, draft) = (cookie.clone(), draft.clone());
        tasks.push(tokio::spawn(submit_raw(router, cookie, draft, key)));
    }
    let mut cases = std::collections::BTreeSet::new();
    for t in tasks {
        let (status, body) = t.await.expect("task");
        if status.is_success() {
            cases.insert(body["case_id"].as_str().map(str::to_owned));
        } else {
            assert!(
                matches!(status, StatusCode::CONFLICT | StatusCode::NOT_FOUND),
                "{status}: {body}"
            );
        }
    }
    assert_eq!(app.count("cases").await, cases_before + 1);
    assert_eq!(
        cases.len(),
        1,
        "every success names the same case: {cases:?}"
    );
}
