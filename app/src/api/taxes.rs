//! `/api/taxes/…` calls: the caller's taxpayers and a ledger as of a day.

use models::taxes::ledger::{Ledger, Reminders, Taxpayer};

use super::{ApiError, get, post, put};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The taxpayers the caller may see.
pub async fn taxpayers() -> Result<Vec<Taxpayer>, ApiError> {
    get("/api/taxes/taxpayers").await
}

/// A taxpayer's ledger as of a day (`None`: today).
pub async fn ledger(id: &str, as_of: Option<&str>) -> Result<Ledger, ApiError> {
    let mut path = format!("/api/taxes/taxpayers/{}", enc(id));
    if let Some(day) = as_of.filter(|d| !d.is_empty()) {
        path.push_str(&format!("?as_of={}", enc(day)));
    }
    get(&path).await
}

/// Starts an online payment of `amount` grosze; answers with the provider's page.
pub async fn pay(id: &str, amount: i64) -> Result<String, ApiError> {
    let answer: serde_json::Value = post(
        &format!("/api/taxes/taxpayers/{}/payments", enc(id)),
        &serde_json::json!({ "amount": amount }),
    )
    .await?;
    Ok(answer["redirect_url"]
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

/// The QR transfer code (SVG) for paying `amount` grosze to the taxpayer's account.
pub fn qr_url(id: &str, as_of: &str) -> String {
    format!(
        "/api/taxes/taxpayers/{}/qr.svg?as_of={}",
        enc(id),
        enc(as_of)
    )
}

/// Switches the caller's e-mail reminders for a taxpayer on or off.
pub async fn set_reminders(id: &str, enabled: bool) -> Result<Reminders, ApiError> {
    put(
        &format!("/api/taxes/taxpayers/{}/reminders", enc(id)),
        &Reminders { enabled },
    )
    .await
}
