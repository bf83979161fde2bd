//! Backup and restore: a backup taken while residents keep saving drafts holds every
//! draft acknowledged before it started, restores into an empty database, and its audit
//! chain verifies (SQLite `VACUUM INTO`; `pg_dump`/`pg_restore` on PostgreSQL).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tokio::sync::Mutex;
use tower::ServiceExt;

use crate::helpers::{DEMO_PASSWORD, TestApp, fresh_database_url};

/// Creates a draft; its id once the server has answered 201.
async fn draft(router: axum::Router, cookie: String) -> Option<String> {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/drafts")
        .header(header::HOST, "localhost:8080")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"service_slug":"pismo-ogolne"}"#))
        .expect("request");
    let response = router.oneshot(request).await.expect("infallible");
    if response.status() != StatusCode::CREATED {
        return None;
    }
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    v["id"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn a_backup_under_load_holds_every_acknowledged_draft_and_restores() {
    let app = TestApp::spawn().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let cookie = jan.cookie.clone().expect("cookie");
    let acked: Arc<Mutex<Vec<(Instant, String)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = vec![];
    for _ in 0..3 {
        let (router, cookie, acked, stop) = (
            app.router.clone(),
            cookie.clone(),
            acked.clone(),
            stop.clone(),
        );
        writers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                if let Some(id) = draft(router.clone(), cookie.clone()).await {
                    acked.lock().await.push((Instant::now(), id));
                }
            }
        }));
    }
    // Let some drafts land, then back up while the writers go on.
    while acked.lock().await.len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let dir = std::env::temp_dir().join("okienko-tests");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(format!("backup-{}.bak", uuid::Uuid::new_v4().simple()));
    let started = Instant::now();
    let url = &app.state.config.database_url;
    let report = server::backup::backup(url, &file).await.expect("backup");
    assert!(report.bytes > 0);
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer");
    }
    let before: Vec<String> = acked
        .lock()
        .await
        .iter()
        .filter(|(at, _)| *at < started)
        .map(|(_, id)| id.clone())
        .collect();
    assert!(before.len() >= 20);
    // A second backup to the same file is refused; the first is untouched.
    assert!(server::backup::backup(url, &file).await.is_err());

    // Restore into an empty database and look for every draft acknowledged before.
    let (target, target_file) = fresh_database_url().await;
    server::backup::restore(&target, &file)
        .await
        .expect("restore");
    let db = server::db::Db::connect(&target)
        .await
        .expect("connect restored");
    for id in &before {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .expect("count");
        assert_eq!(n, 1, "draft {id} acknowledged before the backup is missing");
    }
    let reports = server::audit::verify(&db.pool).await.expect("verify");
    assert!(!reports.is_empty() && reports.iter().all(|r| r.problem.is_none()));
    // A file that is not a backup is refused and the database stays as it was.
    let junk = dir.join(format!("junk-{}.bak", uuid::Uuid::new_v4().simple()));
    std::fs::write(&junk, b"not a database").expect("write");
    if target_file.is_some() {
        assert!(server::backup::restore(&target, &junk).await.is_err());
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts")
            .fetch_one(&db.pool)
            .await
            .expect("still readable");
        assert!(n >= before.len() as i64);
    }
    for f in [Some(file), Some(junk), target_file].into_iter().flatten() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", f.display()));
        }
    }
}
