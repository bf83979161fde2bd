//! Building the application: state, router with its layers, and the listener.
//!
//! [`router`] is what tests drive in-process; [`Application`] binds a port (0 in TCP
//! tests) and serves until a shutdown signal.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{any, get};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::alerts::dispatch;
use crate::alerts::sms::HttpGateway;
use crate::auth::password::Passwords;
use crate::civic::writer::BallotWriter;
use crate::config::Config;
use crate::db::Db;
use crate::error::{ApiError, envelope_bare_errors};
use crate::metrics::Metrics;
use crate::spa::Spa;
use crate::{auth, i18n, metrics, openapi, security, spa, taxes, tenancy};

/// JSON bodies larger than this are refused with 413.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;
/// No request body at all may exceed this (uploads get their own routes and limits).
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Configuration.
    pub config: Arc<Config>,
    /// Password hashing.
    pub passwords: Arc<Passwords>,
    /// Request metrics.
    pub metrics: Arc<Metrics>,
    /// The SPA shell and CSP.
    pub spa: Arc<Spa>,
    /// The civic-budget ballots' group-commit writer, started on first use.
    ballots: Arc<OnceLock<BallotWriter>>,
}

impl AppState {
    /// Prepares the state over a connected, migrated database.
    pub fn new(db: Db, config: Config) -> anyhow::Result<AppState> {
        let spa = Spa::load(&config.dist_dir, config.secure_cookies);
        Ok(AppState {
            db,
            passwords: Passwords::new()?,
            metrics: Arc::new(Metrics::default()),
            spa: Arc::new(spa),
            config: Arc::new(config),
            ballots: Arc::new(OnceLock::new()),
        })
    }

    /// The ballot writer (its task runs on the runtime of the first caller).
    pub fn ballots(&self) -> &BallotWriter {
        self.ballots
            .get_or_init(|| BallotWriter::start(self.db.clone()))
    }
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    let (api, _) = openapi::api().split_for_parts();
    let api = api
        .route("/api/{*rest}", any(api_not_found))
        .route("/api", any(api_not_found))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT));
    let static_files =
        ServeDir::new(&state.spa.dist).fallback(get(spa::index).with_state(state.clone()));
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(api)
        .route("/metrics", get(metrics::render))
        .route("/crest.svg", get(tenancy::routes::crest))
        .route("/", get(spa::index))
        .route("/index.html", get(spa::index))
        .route("/office", get(spa::office_index))
        .route("/office/{*rest}", get(spa::office_index))
        .route("/civic-budget", get(spa::civic_index))
        .route("/civic-budget/{*rest}", get(spa::civic_index))
        .route("/taxes", get(spa::taxes_index))
        .route("/taxes/{*rest}", get(spa::taxes_index))
        .route("/alerts", get(spa::alerts_index))
        .route("/alerts/{*rest}", get(spa::alerts_index))
        .route("/a/{*rest}", get(spa::alerts_index))
        .route("/public-info", get(spa::info_index))
        .route("/public-info/{*rest}", get(spa::info_index))
        .route("/school", get(spa::school_index))
        .route("/school/{*rest}", get(spa::school_index))
        .route(
            "/payments/simulator/{id}",
            get(taxes::payments::simulator_page).post(taxes::payments::simulator_submit),
        )
        .route_layer(from_fn_with_state(state.clone(), metrics::track))
        .fallback_service(ServiceBuilder::new().layer(from_fn(spa::cache_headers)).service(static_files))
        .layer(
            ServiceBuilder::new()
                .layer(CompressionLayer::new())
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
                    // Only the method and path: never query strings, bodies or cookies.
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                }))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(from_fn_with_state(state.clone(), security::headers))
                .layer(from_fn(i18n::scope))
                .layer(from_fn(security::refuse_cross_site))
                .layer(from_fn(envelope_bare_errors))
                // Innermost: it changes the request body type the layers above read.
                .layer(RequestBodyLimitLayer::new(BODY_LIMIT)),
        )
        .with_state(state)
}

async fn api_not_found() -> ApiError {
    ApiError::not_found()
}

/// A bound, ready-to-serve application.
#[derive(Debug)]
pub struct Application {
    listener: tokio::net::TcpListener,
    state: AppState,
}

impl Application {
    /// Binds the configured address (port 0 picks a free one).
    pub async fn bind(state: AppState) -> anyhow::Result<Application> {
        let listener = tokio::net::TcpListener::bind(state.config.addr).await?;
        Ok(Application { listener, state })
    }

    /// The bound address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until Ctrl-C or SIGTERM; purges expired sessions in the background.
    pub async fn run(self) -> anyhow::Result<()> {
        spawn_purger(self.state.clone());
        let portal = self
            .state
            .config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.state.config.addr));
        crate::taxes::reminders::spawn(self.state.db.clone(), portal.clone());
        let config = &self.state.config;
        let email = match &config.smtp_url {
            Some(url) => Some(crate::mail::SmtpMailer::new(url, &config.mail_from)?),
            None => None,
        };
        if let Some(mailer) = &email {
            crate::mail::spawn_sender(self.state.db.pool.clone(), mailer.clone());
        }
        let sms = config
            .sms_url
            .as_ref()
            .map(|url| HttpGateway::new(url, &config.sms_token, &config.sms_from));
        let settings = dispatch::Settings {
            portal: portal.clone(),
            email_per_second: config.email_per_second,
            sms_per_second: config.sms_per_second,
            concurrency: 8,
            lease_ms: config.alert_lease_seconds * 1000,
        };
        dispatch::spawn(
            self.state.db.pool.clone(),
            dispatch::Channels { email, sms },
            settings,
        );
        let app = router(self.state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    }
}

fn spawn_purger(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(600));
        loop {
            every.tick().await;
            let now = crate::time_fmt::now_ms();
            let idle = state.config.session_idle_minutes * 60 * 1000;
            let before = now - auth::throttle::LONGEST_WINDOW_MS;
            if let Err(e) = auth::db::purge_expired(&state.db.pool, now, idle, before).await {
                tracing::warn!(error = %e, "purging expired sessions failed");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down");
}
