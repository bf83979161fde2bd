//! Tenancy: two demo gminy on one deployment share nothing.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{DEMO_PASSWORD, SASIEDNIA, TestApp};

#[tokio::test]
async fn each_host_gets_its_own_gmina_and_unknown_hosts_the_default() {
    let app = TestApp::spawn().await;
    for (host, name) in [
        ("localhost:8080", "Gmina Przykładowo"),
        ("127.0.0.1:8080", "Gmina Przykładowo"),
        ("portal.example.org", "Gmina Przykładowo"),
        ("SASIEDNIA.localhost:8080", "Gmina Sąsiednia"),
    ] {
        let r = app.client_on(host).get("/api/gmina").await;
        assert_eq!(r.json()["name"], name, "{host}");
    }
    let info = app.client().get("/api/gmina").await.json();
    let units: Vec<&str> = info["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        units,
        ["office", "school", "kindergarten", "social_welfare"]
    );
    assert!(
        info["units"][0]["departments"]
            .as_array()
            .expect("departments")
            .iter()
            .any(|d| d["code"] == "GK")
    );
    let other = app.client_on(SASIEDNIA).get("/api/gmina").await.json();
    assert_eq!(other["units"].as_array().expect("units").len(), 1);
}

#[tokio::test]
async fn an_account_of_one_gmina_does_not_exist_in_another() {
    let app = TestApp::spawn().await;
    let r = app
        .client_on(SASIEDNIA)
        .post(
            "/api/auth/login",
            json!({"email": "anna.nowak@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "invalid_credentials");
    // The same e-mail in both gminy is two separate accounts.
    let here = app.client().login("admin@example.pl", DEMO_PASSWORD).await;
    let there = app
        .client_on(SASIEDNIA)
        .login("admin@example.pl", DEMO_PASSWORD)
        .await;
    assert_ne!(here["id"], there["id"]);
    assert_eq!(there["full_name"], "Administrator Sąsiedniej");
}

#[tokio::test]
async fn a_session_cookie_from_one_gmina_is_worthless_on_another() {
    let app = TestApp::spawn().await;
    let mut here = app.client();
    here.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mut there = app.client_on(SASIEDNIA);
    there.cookie = here.cookie.clone();
    assert_eq!(
        there.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        there.get("/api/auth/sessions").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(here.get("/api/auth/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn registering_the_same_email_in_two_gminy_makes_two_accounts() {
    let app = TestApp::spawn().await;
    let body = json!({"email": "wspolny@example.pl", "password": "Wspolne-haslo-1", "full_name": "Wspólny Mieszkaniec"});
    assert_eq!(
        app.client()
            .post("/api/auth/register", body.clone())
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.client_on(SASIEDNIA)
            .post("/api/auth/register", body.clone())
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.client_on(SASIEDNIA)
            .post("/api/auth/register", body)
            .await
            .status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn every_row_of_every_table_belongs_to_an_existing_gmina() {
    let app = TestApp::spawn().await;
    let pool = &app.state.db.pool;
    let mut c = app.client_on(SASIEDNIA);
    c.login("marta.zielinska@example.pl", DEMO_PASSWORD).await;
    for table in [
        "org_units",
        "departments",
        "users",
        "user_roles",
        "parent_links",
        "sessions",
        "auth_attempts",
        "office_keys",
        "case_counters",
        "services",
        "gmina_hosts",
    ] {
        let orphans: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM gminy g WHERE g.id = t.gmina_id)"
        ))
        .fetch_one(pool)
        .await
        .expect("count");
        assert_eq!(orphans, 0, "{table}");
    }
    // Rows that link two rows never link across gminy.
    let crossing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM parent_links p JOIN users a ON a.id = p.parent_id JOIN users b ON b.id = p.pupil_id \
         WHERE a.gmina_id <> p.gmina_id OR b.gmina_id <> p.gmina_id",
    )
    .fetch_one(pool)
    .await
    .expect("count");
    assert_eq!(crossing, 0);
    let sessions_crossing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.gmina_id <> s.gmina_id",
    )
    .fetch_one(pool)
    .await
    .expect("count");
    assert_eq!(sessions_crossing, 0);
}
