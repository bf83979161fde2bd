//! `/api/alerts/…` and `/api/crisis/…` calls: alerts in force, areas, subscriptions,
//! and the crisis team's alerts with their delivery counts.

use models::alerts::{
    Alert, AlertArea, AlertStatus, ConfirmSms, NewAlert, RecipientPage, SubscribeAnswer,
    SubscribeRequest, Subscription, Token,
};

use super::{ApiError, get, post};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The alerts in force now (the banner).
pub async fn active() -> Result<Vec<Alert>, ApiError> {
    get("/api/alerts").await
}

/// The gmina's areas.
pub async fn areas() -> Result<Vec<AlertArea>, ApiError> {
    get("/api/alerts/areas").await
}

/// Subscribes an address and/or phone.
pub async fn subscribe(req: &SubscribeRequest) -> Result<SubscribeAnswer, ApiError> {
    post("/api/alerts/subscriptions", req).await
}

/// Confirms an e-mail subscription with its link's token.
pub async fn confirm(token: &str) -> Result<Subscription, ApiError> {
    post(
        "/api/alerts/subscriptions/confirm",
        &Token {
            token: token.to_owned(),
        },
    )
    .await
}

/// Confirms a phone with its SMS code.
pub async fn confirm_sms(req: &ConfirmSms) -> Result<Subscription, ApiError> {
    post("/api/alerts/subscriptions/confirm-sms", req).await
}

/// Unsubscribes with a message's link.
pub async fn unsubscribe(token: &str) -> Result<Subscription, ApiError> {
    post(
        "/api/alerts/subscriptions/unsubscribe",
        &Token {
            token: token.to_owned(),
        },
    )
    .await
}

/// The crisis team's alerts, newest first.
pub async fn team_alerts() -> Result<Vec<AlertStatus>, ApiError> {
    get("/api/crisis/alerts").await
}

/// A page of an alert's recipients (`status` empty for all).
pub async fn recipients(id: &str, status: &str, page: i64) -> Result<RecipientPage, ApiError> {
    get(&format!(
        "/api/crisis/alerts/{}/recipients?status={}&page={page}",
        enc(id),
        enc(status)
    ))
    .await
}

/// Issues an alert.
pub async fn issue(alert: &NewAlert) -> Result<AlertStatus, ApiError> {
    post("/api/crisis/alerts", alert).await
}

/// Ends an alert now.
pub async fn cancel(id: &str) -> Result<AlertStatus, ApiError> {
    post(&format!("/api/crisis/alerts/{}/cancel", enc(id)), &()).await
}
