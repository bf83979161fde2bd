//! The authorization matrix: every API operation × anonymous and every role, with the
//! status each must get. A documented operation missing from the matrix fails the test,
//! so every new route must state who may use it.

use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{DEMO_PASSWORD, TestApp};

/// Who calls: nobody, or a demo account holding the role.
const CALLERS: [(&str, Option<&str>); 7] = [
    ("anonymous", None),
    ("resident", Some("jan.kowalski@example.pl")),
    ("parent", Some("anna.nowak@example.pl")),
    ("clerk", Some("urzednik@example.pl")),
    ("teacher", Some("nauczyciel@example.pl")),
    ("pupil", Some("ola.nowak@example.pl")),
    ("admin", Some("admin@example.pl")),
];

/// The expected status for a caller (anonymous first, then any logged-in role).
#[derive(Clone, Copy)]
enum Rule {
    /// Everyone gets this status.
    Everyone(StatusCode),
    /// Anonymous gets 401, logged-in roles get this status.
    LoggedIn(StatusCode),
}

/// (method, path, body, rule). Paths with `{id}` use another person's object (404).
fn matrix(other_session: &str, caller: &str) -> Vec<(Method, String, Option<String>, Rule)> {
    use Rule::*;
    let body = |s: &str| Some(s.to_owned());
    // One unknown account per caller, so the failed logins stay under the throttle.
    let login = format!(r#"{{"email":"{caller}@nobody.example.pl","password":"nope-nope-1"}}"#);
    vec![
        (
            Method::GET,
            "/api/health".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/openapi.json".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/gmina".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/auth/session".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/receipts/public-key".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services/usuniecie-drzew".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services/usuniecie-drzew/form".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/register".into(),
            body("{}"),
            Everyone(StatusCode::BAD_REQUEST),
        ),
        (
            Method::POST,
            "/api/auth/login".into(),
            Some(login),
            Everyone(StatusCode::UNAUTHORIZED),
        ),
        (
            Method::GET,
            "/api/auth/me".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/auth/sessions".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/password".into(),
            body(r#"{"current_password":"","new_password":""}"#),
            LoggedIn(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::DELETE,
            format!("/api/auth/sessions/{other_session}"),
            None,
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/auth/logout-everywhere".into(),
            body("{}"),
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/logout".into(),
            body("{}"),
            Everyone(StatusCode::NO_CONTENT),
        ),
    ]
}

#[tokio::test]
async fn every_operation_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    // A session that belongs to someone else (Sąsiednia's resident): never reachable.
    let mut marta = app.client_on("sasiednia.localhost");
    marta
        .login("marta.zielinska@example.pl", DEMO_PASSWORD)
        .await;
    let other: Value = marta.get("/api/auth/sessions").await.json();
    let other_session = other[0]["id"].as_str().expect("session id").to_owned();
    let rows = matrix(&other_session, "anyone");

    let doc = app.client().get("/api/openapi.json").await.json();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ops.as_object().expect("ops").keys() {
            let covered = rows.iter().any(|(m, p, _, _)| {
                m.as_str().eq_ignore_ascii_case(method)
                    && (p == path
                        || path.contains('{')
                            && p.starts_with(path.split('{').next().unwrap_or("")))
            });
            assert!(
                covered,
                "{method} {path} is not in the authorization matrix"
            );
        }
    }

    for (role, email) in CALLERS {
        for (method, path, body, rule) in &matrix(&other_session, role) {
            // Log in afresh for every row: some rows end the session.
            let mut c = app.client();
            if let Some(email) = email {
                c.login(email, DEMO_PASSWORD).await;
            }
            let r = c.send(method.clone(), path, body.clone()).await;
            let want = match (rule, email) {
                (Rule::Everyone(s), _) => *s,
                (Rule::LoggedIn(_), None) => StatusCode::UNAUTHORIZED,
                (Rule::LoggedIn(s), Some(_)) => *s,
            };
            assert_eq!(r.status, want, "{role} {method} {path}: {}", r.text);
        }
    }
    // Marta's session survived every attempt on it.
    assert_eq!(marta.get("/api/auth/me").await.status, StatusCode::OK);
}
