//! Prometheus metrics at `GET /metrics`: request counts and latency by route.
//!
//! Labels are the route template (`/api/auth/sessions/{id}`), never the concrete path,
//! so no ids or personal data reach the metrics.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Debug, Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Collected request metrics.
#[derive(Debug, Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut series) = self.series.lock() else {
            return;
        };
        let s = series
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                s.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let series = self.series.lock().map(|s| s.clone()).unwrap_or_default();
        out.push_str("# HELP okienko_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE okienko_http_requests_total counter\n");
        for ((method, route, status), s) in &series {
            let _ = writeln!(
                out,
                "okienko_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}",
                s.count
            );
        }
        out.push_str("# HELP okienko_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE okienko_http_request_duration_seconds histogram\n");
        let mut by_route: BTreeMap<(&str, &str), Series> = BTreeMap::new();
        for ((method, route, _), s) in &series {
            let agg = by_route.entry((method, route)).or_default();
            agg.count += s.count;
            agg.sum += s.sum;
            for (a, b) in agg.buckets.iter_mut().zip(s.buckets) {
                *a += b;
            }
        }
        for ((method, route), s) in by_route {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (bound, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(
                    out,
                    "okienko_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "okienko_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "okienko_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "okienko_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        let _ = writeln!(
            out,
            "# TYPE okienko_build_info gauge\nokienko_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        out
    }
}

/// Middleware: times every request.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = match request.extensions().get::<MatchedPath>() {
        Some(p) => p.as_str().to_owned(),
        None if request.uri().path().starts_with("/api/") => "/api (unmatched)".to_owned(),
        None => "static".to_owned(),
    };
    let response = next.run(request).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn render(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        state.metrics.render(),
    )
}
