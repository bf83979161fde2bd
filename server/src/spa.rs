//! Serving the single-page app built by Trunk from `OKIENKO_DIST`.
//!
//! Files are served as they are; any other path that is not under `/api` gets
//! `index.html`, so deep links and the back button work. `index.html` is read once at
//! start: its `{{GMINA_NAME}}` placeholders are filled per request with the tenant's
//! name (so the header paints before the wasm loads), and the hashes of its inline
//! scripts go into the Content-Security-Policy. `/office/…` gets the back office's shell
//! (`dist/office-app/`), a second bundle with the clerks' screens.

use std::path::{Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;
use crate::security::content_security_policy;
use crate::tenancy::Tenant;

/// The folder of `dist/` holding the back office's bundle (also its URL prefix).
pub const OFFICE_DIR: &str = "office-app";
/// The folder of `dist/` holding the civic budget's bundle (also its URL prefix).
pub const CIVIC_DIR: &str = "civic-app";
/// The folder of `dist/` holding the taxes bundle (also its URL prefix).
pub const TAXES_DIR: &str = "taxes-app";
/// The folder of `dist/` holding the crisis alerts' bundle (also its URL prefix).
pub const ALERTS_DIR: &str = "alerts-app";
/// The folder of `dist/` holding public information's bundle (also its URL prefix).
pub const INFO_DIR: &str = "info-app";
/// The folder of `dist/` holding the gradebook's bundle (also its URL prefix).
pub const SCHOOL_DIR: &str = "school-app";

/// The SPA's shell and policy.
#[derive(Debug, Clone)]
pub struct Spa {
    /// Folder with the built SPA.
    pub dist: PathBuf,
    /// `index.html` with placeholders, or a notice when the SPA is not built.
    pub index: String,
    /// The back office's shell (`office-app/index.html`, the clerks' bundle), if built.
    pub office_index: Option<String>,
    /// The civic budget's shell (`civic-app/index.html`), if built.
    pub civic_index: Option<String>,
    /// The taxes shell (`taxes-app/index.html`), if built.
    pub taxes_index: Option<String>,
    /// The crisis alerts' shell (`alerts-app/index.html`), if built.
    pub alerts_index: Option<String>,
    /// Public information's shell (`info-app/index.html`), if built.
    pub info_index: Option<String>,
    /// The gradebook's shell (`school-app/index.html`), if built.
    pub school_index: Option<String>,
    /// The Content-Security-Policy for every response.
    pub csp: String,
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\">\
<title>{{GMINA_NAME}}</title></head><body><h1>{{GMINA_NAME}}</h1>\
<p>Aplikacja nie została zbudowana. Uruchom <code>cargo xtask run</code>.</p></body></html>";

impl Spa {
    /// Reads `dist/index.html` (a notice page when it is missing).
    pub fn load(dist: &Path, tls: bool) -> Spa {
        let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|_| {
            tracing::warn!(dist = %dist.display(), "no built SPA; serving a notice page");
            NOT_BUILT.to_owned()
        });
        let office_index = std::fs::read_to_string(dist.join(OFFICE_DIR).join("index.html")).ok();
        let civic_index = std::fs::read_to_string(dist.join(CIVIC_DIR).join("index.html")).ok();
        let taxes_index = std::fs::read_to_string(dist.join(TAXES_DIR).join("index.html")).ok();
        let alerts_index = std::fs::read_to_string(dist.join(ALERTS_DIR).join("index.html")).ok();
        let info_index = std::fs::read_to_string(dist.join(INFO_DIR).join("index.html")).ok();
        let school_index = std::fs::read_to_string(dist.join(SCHOOL_DIR).join("index.html")).ok();
        let mut hashes: Vec<String> = inline_scripts(&index)
            .into_iter()
            .chain(
                [
                    &office_index,
                    &civic_index,
                    &taxes_index,
                    &alerts_index,
                    &info_index,
                    &school_index,
                ]
                .into_iter()
                .flat_map(|shell| shell.as_deref().map(inline_scripts).unwrap_or_default()),
            )
            .map(|s| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())))
            .collect();
        hashes.dedup();
        Spa {
            dist: dist.to_owned(),
            csp: content_security_policy(&hashes, tls),
            index,
            office_index,
            civic_index,
            taxes_index,
            alerts_index,
            info_index,
            school_index,
        }
    }
}

/// The bodies of `<script>` elements without a `src`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = &after[tag_end + 1..];
        let Some(close) = body_start.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") && !body_start[..close].trim().is_empty() {
            found.push(&body_start[..close]);
        }
        rest = &body_start[close..];
    }
    found
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The shell for every SPA route, with the tenant's name filled in.
pub async fn index(State(state): State<AppState>, tenant: Tenant) -> Result<Response, ApiError> {
    Ok(shell(&state.spa.index, &tenant))
}

/// The shell for `/office/…`: the clerks' bundle (the residents' one if it is not built,
/// which then says so).
pub async fn office_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.office_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

/// The shell for `/civic-budget/…`: the civic budget's bundle (the residents' one if it
/// is not built, which then says so).
pub async fn civic_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.civic_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

/// The shell for `/taxes/…`: the taxes bundle (the residents' one if it is not built,
/// which then says so).
pub async fn taxes_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.taxes_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

/// The shell for `/alerts/…` and the SMS short links `/a/…`: the crisis alerts' bundle
/// (the residents' one if it is not built, which then says so).
pub async fn alerts_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.alerts_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

/// The shell for `/public-info/…`: public information's bundle (the residents' one if
/// it is not built, which then says what the area is).
pub async fn info_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.info_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

fn shell(template: &str, tenant: &Tenant) -> Response {
    let page = template.replace("{{GMINA_NAME}}", &escape_html(&tenant.name));
    let mut response = Html(page).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// Middleware for static files: hashed build outputs are cached for a year, the rest
/// revalidated; a missing file falls through to the shell.
pub async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.status() == StatusCode::OK {
        let hashed = [".wasm", ".js", ".css"]
            .iter()
            .any(|ext| path.ends_with(ext));
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

/// The shell for `/school/…`: the gradebook's bundle (the residents' one if it is not
/// built, which then says what the area is).
pub async fn school_index(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<Response, ApiError> {
    let spa = &state.spa;
    Ok(shell(
        spa.school_index.as_ref().unwrap_or(&spa.index),
        &tenant,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">import x from '/b.js';</script>
            <script>  </script>"#;
        assert_eq!(inline_scripts(html), vec!["import x from '/b.js';"]);
    }

    #[test]
    fn the_office_shell_is_loaded_and_both_scripts_are_allowed() {
        let dist = std::env::temp_dir().join(format!("okienko-spa-{}", std::process::id()));
        std::fs::create_dir_all(dist.join(OFFICE_DIR)).expect("temp dir");
        std::fs::write(dist.join("index.html"), "<script>residents()</script>").expect("write");
        let spa = Spa::load(&dist, false);
        assert!(spa.office_index.is_none(), "no office bundle yet");
        std::fs::write(
            dist.join(OFFICE_DIR).join("index.html"),
            "<script>office()</script>",
        )
        .expect("write");
        let spa = Spa::load(&dist, false);
        assert_eq!(
            spa.office_index.as_deref(),
            Some("<script>office()</script>")
        );
        for script in ["residents()", "office()"] {
            let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
            assert!(spa.csp.contains(&hash), "{script} allowed by {}", spa.csp);
        }
        let _ = std::fs::remove_dir_all(&dist);
    }
}
