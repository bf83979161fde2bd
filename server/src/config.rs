//! Configuration from environment variables, read and typed once at start.
//!
//! Every variable is listed, with its default, in `.env.sample`.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

/// The server's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default `sqlite://data/okienko.db`) or `postgres://…`.
    pub database_url: String,
    /// `OKIENKO_ADDR`: where to listen (default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// `OKIENKO_PUBLIC_URL`: the address people use, for links in messages.
    pub public_url: Option<String>,
    /// `OKIENKO_DIST`: the built SPA (default `dist`).
    pub dist_dir: PathBuf,
    /// `OKIENKO_SECURE_COOKIES`: `true` behind TLS — adds `Secure`, `__Host-` and HSTS.
    pub secure_cookies: bool,
    /// `OKIENKO_TRUST_PROXY`: `true` when a reverse proxy sets `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `OKIENKO_SESSION_IDLE_MINUTES`: sessions end after this much inactivity (default 30).
    pub session_idle_minutes: i64,
    /// `OKIENKO_SESSION_MAX_HOURS`: sessions end this long after login regardless (default 12).
    pub session_max_hours: i64,
    /// `OKIENKO_GMINA_NAME`: name of the default gmina (overrides the stored one).
    pub gmina_name: Option<String>,
    /// `OKIENKO_GMINA_CREST`: path of an SVG coat of arms for the default gmina.
    pub gmina_crest: Option<PathBuf>,
    /// `OKIENKO_RECEIPT_KEY_DIR`: keep the offices' secret signing keys in files here
    /// (mode 0600) instead of in the database.
    pub receipt_key_dir: Option<PathBuf>,
    /// `OKIENKO_SMTP_URL`: `smtp://host:port` of the relay that sends e-mail (plain SMTP
    /// to a local MTA; unset: messages wait in the outbox).
    pub smtp_url: Option<String>,
    /// `OKIENKO_MAIL_FROM`: the sender address (default `no-reply@okienko.localhost`).
    pub mail_from: String,
    /// `OKIENKO_PAYMENT_SECRET`: the key the payment provider signs its notifications
    /// with (HMAC-SHA256). The default is the local simulator's, for the demo and tests
    /// only; set a real one with a real provider.
    pub payment_secret: String,
    /// `OKIENKO_SMS_URL`: the SMS gateway's `sms.do` endpoint (unset: SMS alerts wait in
    /// the outbox; `serve --demo` then starts a local simulator).
    pub sms_url: Option<String>,
    /// `OKIENKO_SMS_TOKEN`: the gateway's bearer token.
    pub sms_token: String,
    /// `OKIENKO_SMS_FROM`: the registered sender name.
    pub sms_from: String,
    /// `OKIENKO_EMAIL_PER_SECOND` / `OKIENKO_SMS_PER_SECOND`: each channel's rate limit
    /// for alerts (defaults 100 and 20).
    pub email_per_second: u32,
    pub sms_per_second: u32,
    /// `OKIENKO_ALERT_LEASE_SECONDS`: how long a sender's claimed batch is its own
    /// before another instance may send it (default 120).
    pub alert_lease_seconds: i64,
}

/// The local SMS simulator's token (the demo and tests only).
pub const SIMULATOR_SMS_TOKEN: &str = "okienko-local-sms-simulator";

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/okienko.db".into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            dist_dir: PathBuf::from("dist"),
            secure_cookies: false,
            trust_proxy: false,
            session_idle_minutes: 30,
            session_max_hours: 12,
            gmina_name: None,
            gmina_crest: None,
            receipt_key_dir: None,
            smtp_url: None,
            mail_from: "no-reply@okienko.localhost".into(),
            payment_secret: "okienko-local-payment-simulator".into(),
            sms_url: None,
            sms_token: SIMULATOR_SMS_TOKEN.into(),
            sms_from: "Okienko".into(),
            email_per_second: 100,
            sms_per_second: 20,
            alert_lease_seconds: 120,
        }
    }
}

impl Config {
    /// Reads the environment; unset variables take their defaults.
    pub fn from_env() -> anyhow::Result<Config> {
        let d = Config::default();
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or(d.database_url),
            addr: match var("OKIENKO_ADDR") {
                Some(a) => a
                    .parse()
                    .with_context(|| format!("OKIENKO_ADDR={a} is not host:port"))?,
                None => d.addr,
            },
            public_url: var("OKIENKO_PUBLIC_URL"),
            dist_dir: var("OKIENKO_DIST").map(PathBuf::from).unwrap_or(d.dist_dir),
            secure_cookies: flag("OKIENKO_SECURE_COOKIES")?,
            trust_proxy: flag("OKIENKO_TRUST_PROXY")?,
            session_idle_minutes: number("OKIENKO_SESSION_IDLE_MINUTES", d.session_idle_minutes)?,
            session_max_hours: number("OKIENKO_SESSION_MAX_HOURS", d.session_max_hours)?,
            gmina_name: var("OKIENKO_GMINA_NAME"),
            gmina_crest: var("OKIENKO_GMINA_CREST").map(PathBuf::from),
            receipt_key_dir: var("OKIENKO_RECEIPT_KEY_DIR").map(PathBuf::from),
            smtp_url: var("OKIENKO_SMTP_URL"),
            mail_from: var("OKIENKO_MAIL_FROM").unwrap_or(d.mail_from),
            payment_secret: var("OKIENKO_PAYMENT_SECRET").unwrap_or(d.payment_secret),
            sms_url: var("OKIENKO_SMS_URL"),
            sms_token: var("OKIENKO_SMS_TOKEN").unwrap_or(d.sms_token),
            sms_from: var("OKIENKO_SMS_FROM").unwrap_or(d.sms_from),
            email_per_second: number("OKIENKO_EMAIL_PER_SECOND", d.email_per_second.into())?
                .clamp(1, 10_000) as u32,
            sms_per_second: number("OKIENKO_SMS_PER_SECOND", d.sms_per_second.into())?
                .clamp(1, 10_000) as u32,
            alert_lease_seconds: number("OKIENKO_ALERT_LEASE_SECONDS", d.alert_lease_seconds)?,
        })
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str) -> anyhow::Result<bool> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no" | "off") => Ok(false),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some(other) => anyhow::bail!("{name}={other} is not true/false"),
    }
}

fn number(name: &str, default: i64) -> anyhow::Result<i64> {
    match var(name) {
        None => Ok(default),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => anyhow::bail!("{name}={v} is not a positive whole number"),
        },
    }
}
