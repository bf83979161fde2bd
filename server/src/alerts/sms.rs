//! SMS through a gateway, behind the [`SmsGateway`] seam.
//!
//! [`HttpGateway`] speaks the HTTP API Polish bulk-SMS gateways share (modelled on
//! SMSAPI.pl's `sms.do`: a form POST with `to`, `message`, `from`, `encoding=utf-8`,
//! `format=json`, a bearer token, and `idx` with `check_idx=1` so the gateway refuses a
//! second message with the same key). The key is the delivery's id, which makes a
//! resend after a crash harmless: the gateway answers "already sent" and sends nothing.
//!
//! [`simulator`] is a local gateway with the same API (`okienko sms-simulator`), for
//! the demo and the tests; it keeps what it receives and honours `check_idx`.

use std::time::Duration;

use serde_json::Value;

/// What the gateway said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted for delivery.
    Sent,
    /// Sent before under this key; nothing sent now.
    AlreadySent,
}

/// Sends one SMS.
pub trait SmsGateway: Send + Sync + 'static {
    /// Sends `text` to `to` (`+48…`); `key` is unique per message and makes a repeat
    /// a no-op.
    fn send(
        &self,
        to: &str,
        text: &str,
        key: &str,
    ) -> impl std::future::Future<Output = anyhow::Result<Outcome>> + Send;
}

/// The gateway's error code for an `idx` used before (SMSAPI: 105).
const DUPLICATE_IDX: i64 = 105;

/// A gateway over HTTP.
#[derive(Clone)]
pub struct HttpGateway {
    agent: ureq::Agent,
    url: String,
    token: String,
    from: String,
}

impl HttpGateway {
    /// `url` is the `sms.do` endpoint; `from` the registered sender name.
    pub fn new(url: &str, token: &str, from: &str) -> HttpGateway {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(10))
            .build();
        HttpGateway {
            agent,
            url: url.to_owned(),
            token: token.to_owned(),
            from: from.to_owned(),
        }
    }
}

impl SmsGateway for HttpGateway {
    async fn send(&self, to: &str, text: &str, key: &str) -> anyhow::Result<Outcome> {
        let (agent, url, token, from) = (
            self.agent.clone(),
            self.url.clone(),
            self.token.clone(),
            self.from.clone(),
        );
        let (to, text, key) = (
            to.trim_start_matches('+').to_owned(),
            text.to_owned(),
            key.to_owned(),
        );
        tokio::task::spawn_blocking(move || {
            let answer = agent
                .post(&url)
                .set("Authorization", &format!("Bearer {token}"))
                .send_form(&[
                    ("to", to.as_str()),
                    ("message", text.as_str()),
                    ("from", from.as_str()),
                    ("encoding", "utf-8"),
                    ("format", "json"),
                    ("idx", key.as_str()),
                    ("check_idx", "1"),
                ]);
            let body: Value = match answer {
                Ok(r) => r.into_json()?,
                Err(ureq::Error::Status(code, r)) => {
                    let body: Value = r.into_json().unwrap_or(Value::Null);
                    if body["error"].as_i64() == Some(DUPLICATE_IDX) {
                        return Ok(Outcome::AlreadySent);
                    }
                    anyhow::bail!("the SMS gateway answered {code}: {}", body["message"]);
                }
                Err(e) => return Err(e.into()),
            };
            match body["error"].as_i64() {
                None if body["count"].as_i64().unwrap_or(0) >= 1 => Ok(Outcome::Sent),
                Some(DUPLICATE_IDX) => Ok(Outcome::AlreadySent),
                _ => anyhow::bail!("the SMS gateway refused the message: {}", body["message"]),
            }
        })
        .await?
    }
}

pub mod simulator;
