//! Session expiry, the sessions list, role changes.

use axum::http::StatusCode;
use models::auth::Role;
use serde_json::json;

use crate::helpers::{DEMO_PASSWORD, TestApp};

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let idle = app.state.config.session_idle_minutes * 60 * 1000;
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - $1")
        .bind(idle + 1000)
        .execute(&app.state.db.pool)
        .await
        .expect("age the session");
    let r = c.get("/api/auth/me").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "unauthenticated");
    assert_eq!(
        app.count("sessions").await,
        0,
        "the expired session is deleted"
    );
}

#[tokio::test]
async fn a_session_past_its_absolute_limit_expires_even_when_active() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(server::time_fmt::now_ms() - 1)
        .execute(&app.state.db.pool)
        .await
        .expect("expire");
    assert_eq!(c.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_forged_or_garbage_cookie_is_just_unauthenticated() {
    let app = TestApp::spawn().await;
    for cookie in [
        "okienko_session=abc",
        "okienko_session=",
        &format!("okienko_session={}", "a".repeat(64)),
        "x=y; okienko_session=zz",
    ] {
        let mut c = app.client();
        c.cookie = Some(cookie.to_owned());
        assert_eq!(
            c.get("/api/auth/me").await.status,
            StatusCode::UNAUTHORIZED,
            "{cookie}"
        );
    }
}

#[tokio::test]
async fn the_sessions_list_marks_the_current_one_and_others_cannot_be_ended_by_strangers() {
    let app = TestApp::spawn().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let mut jan2 = app.client();
    jan2.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;

    let list = jan.get("/api/auth/sessions").await.json();
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let other = list
        .iter()
        .find(|s| s["current"] == false)
        .expect("the other session");
    let other_id = other["id"].as_str().expect("id");
    assert!(other["created_at"].as_str().expect("time").ends_with('Z'));

    // Anna cannot see or end Jan's session: 404, as if it did not exist.
    let r = anna.delete(&format!("/api/auth/sessions/{other_id}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(jan2.get("/api/auth/me").await.status, StatusCode::OK);

    assert_eq!(
        jan.delete(&format!("/api/auth/sessions/{other_id}"))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        jan2.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(jan.get("/api/auth/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn logging_out_everywhere_ends_every_session_including_this_one() {
    let app = TestApp::spawn().await;
    let mut a = app.client();
    a.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mut b = app.client();
    b.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let r = a.post("/api/auth/logout-everywhere", json!({})).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["sessions_ended"], 2);
    assert_eq!(a.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(b.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(jan.get("/api/auth/me").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_role_change_ends_the_sessions_so_the_next_login_carries_the_new_roles() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let me = c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let id = me["id"].as_str().expect("id");
    server::auth::db::set_roles(
        &app.state.db.pool,
        "przykladowo",
        id,
        &[Role::Resident, Role::Clerk],
    )
    .await
    .expect("set roles");
    assert_eq!(c.get("/api/auth/me").await.status, StatusCode::UNAUTHORIZED);
    let me = c.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    assert_eq!(me["roles"], json!(["resident", "clerk"]));
}

#[tokio::test]
async fn a_session_made_by_one_instance_works_on_another_and_logout_ends_it_on_both() {
    let first = TestApp::spawn().await;
    let second = first.second_instance().await;
    let mut on_first = first.client();
    on_first.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mut on_second = second.client();
    on_second.cookie = on_first.cookie.clone();
    assert_eq!(
        on_second.get("/api/auth/me").await.json()["full_name"],
        "Anna Nowak"
    );
    assert_eq!(
        on_second.post("/api/auth/logout", json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        on_first.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn throttling_counts_are_shared_between_instances() {
    let first = TestApp::spawn().await;
    let second = first.second_instance().await;
    let wrong = json!({"email": "jan.kowalski@example.pl", "password": "zle-haslo-123"});
    for i in 0..5 {
        let app = if i % 2 == 0 { &first } else { &second };
        assert_eq!(
            app.client()
                .post("/api/auth/login", wrong.clone())
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    let r = second.client().post("/api/auth/login", wrong).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_synchronous_writes() {
    let app = TestApp::spawn().await;
    if app.state.db.backend != server::db::Backend::Sqlite {
        return;
    }
    let mut conn = app.state.db.pool.acquire().await.expect("connection");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .expect("mode");
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await
        .expect("sync");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .expect("fk");
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
}
