//! The test harness: a fresh database per test and a cookie-keeping client that
//! drives the router in-process.

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use server::AppState;
use server::config::Config;
use server::db::Db;
use tower::ServiceExt;

pub const DEMO_PASSWORD: &str = "Okienko-demo-2026";
pub const SASIEDNIA: &str = "sasiednia.localhost";

/// A migrated database with the demo data, and the router over it.
pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    sqlite_file: Option<PathBuf>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(file) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

impl TestApp {
    /// A fresh database with both demo gminy.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(Config::default()).await
    }

    /// A fresh database with both demo gminy and a given configuration.
    pub async fn spawn_with(mut config: Config) -> TestApp {
        let (url, sqlite_file) = fresh_database_url().await;
        config.database_url = url.clone();
        if config.dist_dir == Config::default().dist_dir {
            config.dist_dir = PathBuf::from("/nonexistent-okienko-dist");
        }
        let db = Db::connect(&url)
            .await
            .expect("connect to the test database");
        db.migrate().await.expect("migrate");
        server::demo::seed(&db, config.receipt_key_dir.as_deref())
            .await
            .expect("demo data");
        let state = AppState::new(db, config).expect("state");
        let router = server::startup::router(state.clone());
        TestApp {
            state,
            router,
            sqlite_file,
        }
    }

    /// Another server process over the same database, as behind a load balancer.
    pub async fn second_instance(&self) -> TestApp {
        let db = Db::connect(&self.state.config.database_url)
            .await
            .expect("connect again");
        let config = (*self.state.config).clone();
        let state = AppState::new(db, config).expect("state");
        let router = server::startup::router(state.clone());
        TestApp {
            state,
            router,
            sqlite_file: None,
        }
    }

    /// A client on the default gmina's host.
    pub fn client(&self) -> Client<'_> {
        self.client_on("localhost:8080")
    }

    /// A client on a given host.
    pub fn client_on(&self, host: &str) -> Client<'_> {
        Client {
            app: self,
            host: host.to_owned(),
            cookie: None,
            lang: None,
        }
    }

    /// Counts rows of a table.
    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.state.db.pool)
            .await
            .expect("count")
    }
}

/// Creates an empty database for one test.
pub async fn fresh_database_url() -> (String, Option<PathBuf>) {
    let name = format!("okienko_test_{}", uuid::Uuid::new_v4().simple());
    match std::env::var("OKIENKO_TEST_DATABASE_URL") {
        Ok(base) if base.starts_with("postgres") => {
            sqlx::any::install_default_drivers();
            let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create database");
            let (prefix, _) = base.rsplit_once('/').expect("URL with a database");
            (format!("{prefix}/{name}"), None)
        }
        _ => {
            let dir = std::env::temp_dir().join("okienko-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            let file = dir.join(format!("{name}.db"));
            (format!("sqlite://{}", file.display()), Some(file))
        }
    }
}

/// A browser-like client: keeps the session cookie, sends same-origin headers.
pub struct Client<'a> {
    app: &'a TestApp,
    pub host: String,
    pub cookie: Option<String>,
    pub lang: Option<&'static str>,
}

/// A response with its body read.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// The error envelope's code.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code in {}", self.text))
            .to_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Client<'_> {
    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&mut self, path: &str, body: Value) -> TestResponse {
        self.send(Method::POST, path, Some(body.to_string())).await
    }

    pub async fn put(&mut self, path: &str, body: Value) -> TestResponse {
        self.send(Method::PUT, path, Some(body.to_string())).await
    }

    /// Uploads a file as `POST /api/attachments`.
    pub async fn upload(&mut self, name: &str, content_type: &str, bytes: Vec<u8>) -> TestResponse {
        let request = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/attachments?name={name}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(bytes))
            .expect("request");
        self.raw(request).await
    }

    /// `POST`s a file's bytes as they are (imports of CSV, MT940, `.pb`).
    pub async fn post_bytes(
        &mut self,
        path: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> TestResponse {
        self.send_bytes(Method::POST, path, content_type, bytes)
            .await
    }

    /// Sends a file's bytes as they are with any method.
    pub async fn send_bytes(
        &mut self,
        method: Method,
        path: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> TestResponse {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(bytes))
            .expect("request");
        self.raw(request).await
    }

    /// Submits a draft with a password and an idempotency key.
    pub async fn submit(&mut self, draft: &str, password: &str, key: Option<&str>) -> TestResponse {
        let mut builder = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/drafts/{draft}/submit"))
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(key) = key {
            builder = builder.header("idempotency-key", key);
        }
        let body = serde_json::json!({ "password": password }).to_string();
        self.raw(builder.body(Body::from(body)).expect("request"))
            .await
    }

    pub async fn delete(&mut self, path: &str) -> TestResponse {
        self.send(Method::DELETE, path, None).await
    }

    pub async fn send(&mut self, method: Method, path: &str, body: Option<String>) -> TestResponse {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, &self.host);
        if body.is_some() {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
        }
        let request = builder
            .body(Body::from(body.unwrap_or_default()))
            .expect("request");
        self.raw(request).await
    }

    /// Sends a request as it is, adding only the host, cookie and language.
    pub async fn raw(&mut self, mut request: Request<Body>) -> TestResponse {
        let headers = request.headers_mut();
        headers
            .entry(header::HOST)
            .or_insert(HeaderValue::from_str(&self.host).expect("host"));
        if let Some(cookie) = &self.cookie {
            headers.insert(
                header::COOKIE,
                HeaderValue::from_str(cookie).expect("cookie"),
            );
        }
        if let Some(lang) = self.lang {
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(lang));
        }
        let response = self
            .app
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().expect("ascii cookie");
            let pair = set.split(';').next().unwrap_or_default();
            if set.contains("Max-Age=0") {
                self.cookie = None;
            } else {
                self.cookie = Some(pair.to_owned());
            }
        }
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        TestResponse {
            status,
            headers,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// Logs in and asserts success. A teacher's login gives the code of the demo
    /// authenticator; a code is taken once, so a second login in the same 30 seconds
    /// waits for the next step.
    pub async fn login(&mut self, email: &str, password: &str) -> Value {
        let body = serde_json::json!({"email": email, "password": password});
        let mut r = self.post("/api/auth/login", body.clone()).await;
        for _ in 0..3 {
            if r.status != StatusCode::UNAUTHORIZED
                || !matches!(
                    r.code().as_str(),
                    "second_factor_required" | "invalid_second_factor"
                )
            {
                break;
            }
            if r.code() == "invalid_second_factor" {
                let now = server::time_fmt::now_ms();
                let next = (server::auth::totp::step_at(now) + 1) * 30_000;
                tokio::time::sleep(std::time::Duration::from_millis((next - now + 50) as u64))
                    .await;
            }
            let mut with_code = body.clone();
            with_code["code"] = Value::String(totp_now());
            r = self.post("/api/auth/login", with_code).await;
        }
        assert_eq!(r.status, StatusCode::OK, "login {email}: {}", r.text);
        r.json()
    }
}

/// The demo authenticator's code now.
pub fn totp_now() -> String {
    let secret = server::auth::totp::from_base32(server::demo::DEMO_TOTP_SECRET).expect("base32");
    let step = server::auth::totp::step_at(server::time_fmt::now_ms());
    format!("{:06}", server::auth::totp::code(&secret, step))
}

/// A JSON `POST` with a session cookie on a router, owned so it can run in its own task
/// (concurrency tests). Returns the status and the error code (empty on success).
pub async fn post_raw(
    router: Router,
    path: &str,
    cookie: &str,
    body: String,
) -> (StatusCode, String) {
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::HOST, "localhost:8080")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .expect("request");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let json: Value = serde_json::from_slice(&bytes).unwrap_or_default();
    (
        status,
        json["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}
