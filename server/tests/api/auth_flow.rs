//! Registration, login, me, logout and password change.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{DEMO_PASSWORD, TestApp};

#[tokio::test]
async fn a_new_resident_registers_logs_in_sees_themself_and_logs_out() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let r = c
        .post(
            "/api/auth/register",
            json!({"email": " Ewa.Testowa@Example.PL ", "password": "Haslo-testowe-2026", "full_name": "Ewa Testowa", "pesel": "44051401359"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["email"], "ewa.testowa@example.pl");
    assert_eq!(r.json()["roles"], json!(["resident"]));
    assert!(c.cookie.is_none(), "registration does not log in");
    assert_eq!(c.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);

    let me = c
        .login("ewa.testowa@example.pl", "Haslo-testowe-2026")
        .await;
    assert_eq!(me["full_name"], "Ewa Testowa");
    assert_eq!(me["has_pesel"], true);
    assert!(
        me.get("pesel").is_none(),
        "the PESEL itself is never sent back"
    );
    let r = c.get("/api/auth/me").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["id"], me["id"]);

    let r = c.get("/api/auth/session").await;
    assert_eq!(r.json()["user"]["id"], me["id"]);

    let r = c.post("/api/auth/logout", json!({})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(c.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);
    let r = c.get("/api/auth/session").await;
    assert_eq!(
        (r.status, r.json()),
        (StatusCode::OK, json!({"user": null}))
    );
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax_and_secure_behind_tls() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let r = c
        .post(
            "/api/auth/login",
            json!({"email": "jan.kowalski@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    let cookie = r.header("set-cookie").expect("cookie");
    assert!(cookie.starts_with("okienko_session="));
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure")
    );

    let tls = TestApp::spawn_with(server::config::Config {
        secure_cookies: true,
        ..Default::default()
    })
    .await;
    let mut c = tls.client();
    let r = c
        .post(
            "/api/auth/login",
            json!({"email": "jan.kowalski@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    let cookie = r.header("set-cookie").expect("cookie");
    assert!(
        cookie.starts_with("__Host-okienko_session=") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert!(r.header("strict-transport-security").is_some());
    assert_eq!(c.get("/api/auth/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn every_demo_account_logs_in_with_its_roles_and_the_parent_sees_her_daughter() {
    let app = TestApp::spawn().await;
    for (email, roles) in [
        ("anna.nowak@example.pl", json!(["resident", "parent"])),
        ("jan.kowalski@example.pl", json!(["resident"])),
        ("urzednik@example.pl", json!(["clerk"])),
        ("nauczyciel@example.pl", json!(["teacher"])),
        ("ola.nowak@example.pl", json!(["pupil"])),
        ("admin@example.pl", json!(["admin"])),
    ] {
        let me = app.client().login(email, DEMO_PASSWORD).await;
        assert_eq!(me["roles"], roles, "{email}");
        if email.starts_with("anna") {
            assert_eq!(me["children"][0]["full_name"], "Ola Nowak");
        }
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let wrong = app
        .client()
        .post(
            "/api/auth/login",
            json!({"email": "jan.kowalski@example.pl", "password": "zle-haslo-123"}),
        )
        .await;
    let unknown = app
        .client()
        .post(
            "/api/auth/login",
            json!({"email": "nikt@example.pl", "password": "zle-haslo-123"}),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.text, unknown.text);
    assert_eq!(wrong.code(), "invalid_credentials");
    assert_eq!(
        wrong.json()["error"]["message"],
        "Nieprawidłowy e-mail lub hasło."
    );
}

#[tokio::test]
async fn repeated_failures_are_throttled_per_account_with_retry_after() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    for _ in 0..5 {
        let r = c
            .post(
                "/api/auth/login",
                json!({"email": "jan.kowalski@example.pl", "password": "zle-haslo-123"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password waits now: the account is throttled, not the guess.
    let r = c
        .post(
            "/api/auth/login",
            json!({"email": "JAN.kowalski@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.code(), "too_many_requests");
    let wait: u64 = r
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=900).contains(&wait), "{wait}");
    // Another account is not affected.
    c.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let mut phone = app.client();
    phone.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let mut laptop = app.client();
    laptop.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;

    let r = laptop
        .post(
            "/api/auth/password",
            json!({"current_password": "nie-to-haslo", "new_password": "Nowe-haslo-2026"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.json()["error"]["fields"]["current_password"],
        "wrong_password"
    );

    let before = laptop.cookie.clone();
    let r = laptop
        .post(
            "/api/auth/password",
            json!({"current_password": DEMO_PASSWORD, "new_password": "Nowe-haslo-2026"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_ne!(laptop.cookie, before, "the session is renewed");
    assert_eq!(laptop.get("/api/auth/me").await.status, StatusCode::OK);
    assert_eq!(
        phone.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );

    let old = app
        .client()
        .post(
            "/api/auth/login",
            json!({"email": "jan.kowalski@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    app.client()
        .login("jan.kowalski@example.pl", "Nowe-haslo-2026")
        .await;
}

#[tokio::test]
async fn logging_in_again_replaces_the_old_session() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let first = c.cookie.clone();
    c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    assert_ne!(c.cookie, first);
    let mut stale = app.client();
    stale.cookie = first;
    assert_eq!(
        stale.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
}
