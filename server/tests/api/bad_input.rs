//! Table-driven bad input: every refusal has the right status and code, a message in
//! the caller's language, and leaves what is stored unchanged.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use crate::helpers::{DEMO_PASSWORD, TestApp};

/// A case: name, body, expected status, code, and the field with its reason.
type Case<'a> = (
    &'a str,
    String,
    StatusCode,
    &'a str,
    Option<(&'a str, &'a str)>,
);

#[tokio::test]
async fn registration_refuses_bad_input_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let users_before = app.count("users").await;
    let ok = json!({"email": "nowy@example.pl", "password": "Dobre-haslo-1", "full_name": "Nowy Mieszkaniec"});
    let with = |field: &str, value: serde_json::Value| {
        let mut body = ok.clone();
        body[field] = value;
        body.to_string()
    };
    let cases: Vec<Case> = vec![
        (
            "not JSON",
            "{email:".into(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "empty body",
            String::new(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "array",
            "[]".into(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "missing field",
            json!({"email": "a@b.pl"}).to_string(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "number as name",
            with("full_name", json!(12)),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "null password",
            with("password", json!(null)),
            StatusCode::BAD_REQUEST,
            "malformed_json",
            None,
        ),
        (
            "bad e-mail",
            with("email", json!("nowy.example.pl")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("email", "invalid_email")),
        ),
        (
            "empty e-mail",
            with("email", json!("  ")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("email", "required")),
        ),
        (
            "short password",
            with("password", json!("krotkie")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("password", "too_short")),
        ),
        (
            "long password",
            with("password", json!("x".repeat(129))),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("password", "too_long")),
        ),
        (
            "empty name",
            with("full_name", json!("")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("full_name", "required")),
        ),
        (
            "PESEL checksum",
            with("pesel", json!("44051401358")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("pesel", "invalid_pesel")),
        ),
        (
            "PESEL letters",
            with("pesel", json!("4405140135x")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("pesel", "invalid_pesel")),
        ),
        (
            "PESEL date",
            with("pesel", json!("12345678901")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some(("pesel", "invalid_pesel")),
        ),
        (
            "taken e-mail",
            with("email", json!("ANNA.NOWAK@example.pl")),
            StatusCode::CONFLICT,
            "email_taken",
            None,
        ),
    ];
    let mut c = app.client();
    for (name, body, status, code, field) in cases {
        let r = c.send(Method::POST, "/api/auth/register", Some(body)).await;
        assert_eq!(r.status, status, "{name}: {}", r.text);
        assert_eq!(r.code(), code, "{name}");
        assert!(
            !r.json()["error"]["message"]
                .as_str()
                .unwrap_or("")
                .is_empty(),
            "{name}: message"
        );
        if let Some((f, why)) = field {
            assert_eq!(r.json()["error"]["fields"][f], why, "{name}");
        }
    }
    assert_eq!(app.count("users").await, users_before, "nothing was stored");
}

#[tokio::test]
async fn shapes_the_router_refuses_still_get_the_envelope() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let r = c.get("/api/no-such-route").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = c.get("/api").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = c.get("/api/auth/login").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let r = c.delete("/api/health").await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);

    let big = json!({"email": "a@b.pl", "password": "x".repeat(100_000)}).to_string();
    let r = c.send(Method::POST, "/api/auth/login", Some(big)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
    );

    let huge = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/logout")
        .header(header::CONTENT_LENGTH, 20 * 1024 * 1024)
        .body(Body::from(vec![b'x'; 20 * 1024 * 1024]))
        .expect("request");
    let r = c.raw(huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "payload_too_large");

    let form = Request::builder()
        .method(Method::POST)
        .uri("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("email=a&password=b"))
        .expect("request");
    let r = c.raw(form).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
    );
}

#[tokio::test]
async fn login_refuses_overlong_input_before_hashing() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let r = c
        .post(
            "/api/auth/login",
            json!({"email": "a@b.pl", "password": "p".repeat(129)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"]["password"], "too_long");
    let r = c
        .post(
            "/api/auth/login",
            json!({"email": format!("{}@b.pl", "a".repeat(300)), "password": "x"}),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["email"], "too_long");
}

#[tokio::test]
async fn password_change_refuses_a_short_new_password_and_keeps_the_old_one() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    c.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let r = c
        .post(
            "/api/auth/password",
            json!({"current_password": DEMO_PASSWORD, "new_password": "krotkie"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"]["new_password"], "too_short");
    app.client()
        .login("anna.nowak@example.pl", DEMO_PASSWORD)
        .await;
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let app = TestApp::spawn().await;
    for (lang, message) in [
        ("pl-PL,pl;q=0.9", "Zaloguj się, aby kontynuować."),
        ("en-GB,en;q=0.9", "Please log in to continue."),
        ("uk", "Увійдіть, щоб продовжити."),
        ("de", "Zaloguj się, aby kontynuować."),
    ] {
        let mut c = app.client();
        c.lang = Some(lang);
        let r = c.get("/api/auth/me").await;
        assert_eq!(r.json()["error"]["message"], message, "{lang}");
    }
}
