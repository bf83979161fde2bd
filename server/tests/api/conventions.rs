//! Cross-cutting conventions: health, OpenAPI coverage, security headers, cross-site
//! refusal, metrics and the SPA fallback.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use crate::helpers::{DEMO_PASSWORD, TestApp};

#[tokio::test]
async fn health_answers_ok() {
    let app = TestApp::spawn().await;
    let r = app.client().get("/api/health").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!({"status": "ok"}));
    assert!(r.header("x-request-id").is_some_and(|id| id.len() == 36));
}

#[tokio::test]
async fn every_documented_route_exists_and_the_document_names_the_contract_routes() {
    let app = TestApp::spawn().await;
    let doc = app.client().get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    let paths = doc["paths"].as_object().expect("paths");
    for (path, method) in [
        ("/api/health", "get"),
        ("/api/openapi.json", "get"),
        ("/api/gmina", "get"),
        ("/api/auth/register", "post"),
        ("/api/auth/login", "post"),
        ("/api/auth/logout", "post"),
        ("/api/auth/me", "get"),
        ("/api/auth/session", "get"),
        ("/api/auth/password", "post"),
        ("/api/auth/sessions", "get"),
        ("/api/auth/sessions/{id}", "delete"),
        ("/api/auth/logout-everywhere", "post"),
        ("/api/receipts/public-key", "get"),
        ("/api/services", "get"),
        ("/api/services/{slug}", "get"),
        ("/api/services/{slug}/form", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing from the document"
        );
    }
    // The other way round: every documented operation is routed (not the unknown-route 404).
    for (path, ops) in paths {
        for method in ops.as_object().expect("operations").keys() {
            let concrete = path
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{slug}", "nie-ma");
            let mut c = app.client();
            let m = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let body = (m == Method::POST).then(|| "{}".to_owned());
            let r = c.send(m, &concrete, body).await;
            assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            if r.status == StatusCode::NOT_FOUND {
                // Only an object lookup may 404, never the route itself: logged in it must differ.
                let mut logged = app.client();
                logged.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
                let again = logged
                    .send(
                        Method::from_bytes(method.to_uppercase().as_bytes()).expect("m"),
                        &concrete,
                        None,
                    )
                    .await;
                assert!(
                    path.contains('{'),
                    "{method} {path} answered 404: {}",
                    again.text
                );
            }
        }
    }
}

#[test]
fn api_routes_are_only_registered_through_the_openapi_router() {
    // `.route(` outside startup.rs would add a route the document does not know (the SMS
    // gateway simulator is a server of its own, not the portal's).
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = vec![];
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .is_some_and(|n| n != "startup.rs" && n != "simulator.rs")
                && std::fs::read_to_string(&path)
                    .expect("read")
                    .contains(".route(")
            {
                offenders.push(path.display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use OpenApiRouter::routes(routes!(…)) instead of .route( in {offenders:?}"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/account", "/api/health", "/api/nope", "/crest.svg"] {
        let r = app.client().get(path).await;
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"));
        assert!(
            !csp.contains("unsafe-inline") || path == "/crest.svg",
            "{path}: {csp}"
        );
        assert!(
            csp.contains("frame-ancestors 'none'") || path == "/crest.svg",
            "{path}: {csp}"
        );
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(r.header("referrer-policy").is_some(), "{path}");
        assert!(
            r.header("strict-transport-security").is_none(),
            "no HSTS without TLS"
        );
    }
    let csp = app
        .client()
        .get("/")
        .await
        .header("content-security-policy")
        .expect("csp")
        .to_owned();
    assert!(
        csp.contains("'wasm-unsafe-eval'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
}

#[tokio::test]
async fn cross_site_state_changes_are_refused_and_same_origin_ones_pass() {
    let app = TestApp::spawn().await;
    let login = json!({"email": "jan.kowalski@example.pl", "password": DEMO_PASSWORD}).to_string();
    let request = |headers: &[(&str, &str)]| {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/api/auth/login")
            .header(header::CONTENT_TYPE, "application/json");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::from(login.clone())).expect("request")
    };
    for (name, headers, status) in [
        (
            "cross-site fetch",
            vec![("sec-fetch-site", "cross-site")],
            StatusCode::FORBIDDEN,
        ),
        (
            "sibling subdomain",
            vec![("sec-fetch-site", "same-site")],
            StatusCode::FORBIDDEN,
        ),
        (
            "foreign origin",
            vec![("origin", "https://evil.example")],
            StatusCode::FORBIDDEN,
        ),
        (
            "other gmina's origin",
            vec![("origin", "http://sasiednia.localhost:8080")],
            StatusCode::FORBIDDEN,
        ),
        (
            "same origin",
            vec![
                ("sec-fetch-site", "same-origin"),
                ("origin", "http://localhost:8080"),
            ],
            StatusCode::OK,
        ),
        ("no browser headers", vec![], StatusCode::OK),
    ] {
        let r = app.client().raw(request(&headers)).await;
        assert_eq!(r.status, status, "{name}: {}", r.text);
        if status == StatusCode::FORBIDDEN {
            assert_eq!(r.code(), "cross_site_request", "{name}");
        }
    }
    // Reads are not state changes.
    let mut c = app.client();
    let get = Request::builder()
        .uri("/api/health")
        .header("sec-fetch-site", "cross-site")
        .body(Body::empty())
        .expect("r");
    assert_eq!(c.raw(get).await.status, StatusCode::OK);
}

#[tokio::test]
async fn metrics_count_requests_by_route_template() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    c.get("/api/health").await;
    c.delete("/api/auth/sessions/abc").await;
    let r = c.get("/metrics").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.text.contains(
            r#"okienko_http_requests_total{method="GET",route="/api/health",status="200"} 1"#
        ),
        "{}",
        r.text
    );
    assert!(
        r.text.contains(r#"route="/api/auth/sessions/{id}""#),
        "template, not the id"
    );
    assert!(!r.text.contains("abc"));
}

#[tokio::test]
async fn spa_routes_get_the_shell_with_the_gmina_name_and_api_routes_never_do() {
    let app = TestApp::spawn().await;
    for path in ["/", "/account", "/civic-budget/2026/projekty"] {
        let r = app.client().get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.header("content-type")
                .is_some_and(|t| t.starts_with("text/html"))
        );
        assert!(r.text.contains("Gmina Przykładowo"), "{path}");
    }
    let r = app.client_on("sasiednia.localhost").get("/").await;
    assert!(r.text.contains("Gmina Sąsiednia") && !r.text.contains("Przykładowo"));
    let r = app.client().get("/api/no-such-area/123").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        r.header("content-type")
            .is_some_and(|t| t.starts_with("application/json"))
    );
    let r = app.client().get("/crest.svg").await;
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
    assert!(r.text.starts_with("<svg"));
}

#[tokio::test]
async fn the_built_shell_is_templated_and_its_loader_script_is_allowed_by_hash() {
    let dist = std::env::temp_dir().join(format!("okienko-dist-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dist).expect("dist");
    let script = "import init from '/frontend.js'; await init();";
    std::fs::write(
        dist.join("index.html"),
        format!("<html><head><title>{{{{GMINA_NAME}}}}</title><script type=\"module\">{script}</script></head><body><span>{{{{GMINA_NAME}}}}</span></body></html>"),
    )
    .expect("index");
    std::fs::write(dist.join("app-0123.wasm"), b"\0asm").expect("wasm");
    let app = TestApp::spawn_with(server::config::Config {
        dist_dir: dist.clone(),
        ..Default::default()
    })
    .await;
    use base64::Engine;
    use sha2::Digest;
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    for path in ["/", "/index.html", "/account", "/civic-budget/2026"] {
        let r = app.client().get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.text.contains("<span>Gmina Przykładowo</span>") && !r.text.contains("{{"),
            "{path}: {}",
            r.text
        );
        let csp = r.header("content-security-policy").expect("csp");
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
    }
    let r = app.client().get("/app-0123.wasm").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.header("cache-control")
            .is_some_and(|c| c.contains("immutable"))
    );
    let r = app.client_on("sasiednia.localhost").get("/").await;
    assert!(r.text.contains("<span>Gmina Sąsiednia</span>"));
    let _ = std::fs::remove_dir_all(&dist);
}
