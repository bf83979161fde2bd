//! Paying online through a payment provider (PayU / Przelewy24-style): the resident
//! starts a payment, the provider's page takes the money, and the provider notifies the
//! office with a signed message. [`Provider`] is the seam; [`Simulator`] is the local
//! provider of the demo and the tests (its "bank page" is served at
//! `/payments/simulator/{id}`). A notification is verified (HMAC-SHA256 of the body with
//! `OKIENKO_PAYMENT_SECRET`) before anything is stored, and is idempotent: the provider's
//! transaction id is the payment's `external_ref`, so a repeated notification changes
//! nothing.

use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::taxes::Day;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db;
use super::ledger::{NewPayment, record_payment};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{now_ms, today};

/// The area's API routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start))
        .routes(routes!(notify))
}

/// A payment to start (`POST /api/taxes/taxpayers/{id}/payments`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct StartPayment {
    /// Grosze, 1 gr – 1 000 000 zł.
    pub amount: i64,
}

/// Where to send the resident to pay.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PaymentRedirect {
    /// The provider's payment page.
    pub redirect_url: String,
}

/// What a provider tells the office about a payment (the signed body).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Notification {
    /// The payment started by the office.
    pub intent_id: String,
    /// The provider's transaction id.
    pub transaction_id: String,
    /// Grosze actually paid.
    pub amount: i64,
    /// `paid` or `failed`.
    pub status: String,
}

/// A payment provider.
pub trait Provider {
    /// The page the resident is sent to for a started payment.
    fn payment_page(&self, intent_id: &str) -> String;
}

/// The local simulator: its page is this server's `/payments/simulator/{id}`.
#[derive(Debug, Clone, Copy)]
pub struct Simulator;

impl Provider for Simulator {
    fn payment_page(&self, intent_id: &str) -> String {
        format!("/payments/simulator/{intent_id}")
    }
}

/// HMAC-SHA256 (RFC 2104), hex.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut key = [0u8; 64];
    let k = secret.as_bytes();
    if k.len() > 64 {
        key[..32].copy_from_slice(&Sha256::digest(k));
    } else {
        key[..k.len()].copy_from_slice(k);
    }
    let pad = |byte: u8| key.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(body)
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    hex::encode(outer)
}

/// Compares two strings in time independent of where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Starts an online payment for a taxpayer the caller may see; answers with the
/// provider's page.
#[utoipa::path(post, path = "/taxes/taxpayers/{id}/payments", tag = "taxes",
    params(("id" = String, Path)), request_body = StartPayment,
    responses((status = 201, body = PaymentRedirect), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn start(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(body): AppJson<StartPayment>,
) -> Result<(StatusCode, AppJson<PaymentRedirect>), ApiError> {
    if body.amount < 1 {
        return Err(ApiError::field("amount", FieldError::TooSmall));
    }
    if body.amount > 100_000_000 {
        return Err(ApiError::field("amount", FieldError::TooLarge));
    }
    let mut conn = state.db.pool.acquire().await?;
    let taxpayer = db::taxpayer_for(&mut conn, &user.gmina_id, &user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let intent = new_id();
    sqlx::query(
        "INSERT INTO tax_payment_intents (id, gmina_id, taxpayer_id, user_id, amount, status, \
         provider, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', 'simulator', $6)",
    )
    .bind(&intent)
    .bind(&user.gmina_id)
    .bind(&taxpayer.id)
    .bind(&user.id)
    .bind(body.amount)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    let redirect_url = Simulator.payment_page(&intent);
    Ok((
        StatusCode::CREATED,
        AppJson(PaymentRedirect { redirect_url }),
    ))
}

/// The provider's notification: verified, then stored once (repeats change nothing).
#[utoipa::path(post, path = "/taxes/payments/notify", tag = "taxes",
    request_body = Notification,
    responses((status = 200, description = "Accepted (or already known)"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn notify(
    State(state): State<AppState>,
    tenant: Tenant,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let signature = headers
        .get("x-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    handle(&state, &tenant.id, &body, signature).await
}

/// Verifies and stores a notification (the simulator calls this like the HTTP route).
pub async fn handle(
    state: &AppState,
    gmina: &str,
    body: &[u8],
    signature: &str,
) -> Result<StatusCode, ApiError> {
    if !same(&sign(&state.config.payment_secret, body), signature) {
        tracing::warn!("payment notification with a wrong signature refused");
        return Err(ApiError::Status(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
        ));
    }
    let n: Notification =
        serde_json::from_slice(body).map_err(|_| ApiError::field("body", FieldError::WrongType))?;
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT i.taxpayer_id, i.amount, t.nrb, t.name FROM tax_payment_intents i \
         JOIN taxpayers t ON t.id = i.taxpayer_id WHERE i.gmina_id = $1 AND i.id = $2",
    )
    .bind(gmina)
    .bind(&n.intent_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let status = if n.status == "paid" { "paid" } else { "failed" };
    sqlx::query(
        "UPDATE tax_payment_intents SET status = $1, completed_at = $2 WHERE id = $3 AND status = 'pending'",
    )
    .bind(status)
    .bind(now_ms())
    .bind(&n.intent_id)
    .execute(&mut *tx)
    .await?;
    if status == "paid" && n.amount > 0 {
        let (taxpayer, nrb, name): (String, String, String) =
            (row.get("taxpayer_id"), row.get("nrb"), row.get("name"));
        let paid_on = Day::parse(&today().to_string()).ok_or_else(|| anyhow::anyhow!("today"))?;
        let reference = format!("online:{}", n.transaction_id);
        let payment = NewPayment {
            gmina,
            taxpayer: Some(&taxpayer),
            nrb: &nrb,
            amount: n.amount,
            paid_on,
            source: "online",
            external_ref: &reference,
            payer: &name,
            title: "Płatność internetowa",
            designated: None,
            statement: None,
        };
        if record_payment(&mut tx, &payment).await?.is_some() {
            tracing::info!(intent = %n.intent_id, "online payment recorded");
        }
    }
    tx.commit().await?;
    Ok(StatusCode::OK)
}

/// The simulator's "bank page".
pub async fn simulator_page(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let row = sqlx::query(
        "SELECT amount, status FROM tax_payment_intents WHERE gmina_id = $1 AND id = $2",
    )
    .bind(&tenant.id)
    .bind(&id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let amount: i64 = row.get("amount");
    let status: String = row.get("status");
    let page = format!(
        "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Symulator płatności</title></head><body><main>\
         <h1>Symulator płatności (demo)</h1>\
         <p>Odbiorca: {name}. Kwota: <strong>{zl},{gr:02} zł</strong>. Stan: {status}.</p>\
         <p>To lokalny symulator operatora płatności: żadne pieniądze nie są pobierane.</p>\
         <form method=\"post\"><button name=\"action\" value=\"pay\">Zapłać</button> \
         <button name=\"action\" value=\"cancel\">Anuluj</button></form></main></body></html>",
        name = html_escape(&tenant.name),
        zl = amount / 100,
        gr = amount % 100,
    );
    Ok(([(header::CACHE_CONTROL, "no-store")], Html(page)).into_response())
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The simulator's form.
#[derive(Debug, Deserialize)]
pub struct SimulatorAction {
    action: String,
}

/// The simulator takes (or refuses) the money and notifies the office, signed, through
/// the same handler the HTTP notification uses; then sends the resident back.
pub async fn simulator_submit(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    Form(form): Form<SimulatorAction>,
) -> Result<Response, ApiError> {
    let row = sqlx::query(
        "SELECT amount, taxpayer_id FROM tax_payment_intents WHERE gmina_id = $1 AND id = $2",
    )
    .bind(&tenant.id)
    .bind(&id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let taxpayer: String = row.get("taxpayer_id");
    let paid = form.action == "pay";
    let notification = Notification {
        intent_id: id.clone(),
        transaction_id: format!("SIM-{id}"),
        amount: row.get("amount"),
        status: if paid { "paid" } else { "failed" }.to_owned(),
    };
    let body = serde_json::to_vec(&notification).map_err(anyhow::Error::from)?;
    handle(
        &state,
        &tenant.id,
        &body,
        &sign(&state.config.payment_secret, &body),
    )
    .await?;
    let back = format!(
        "/taxes?taxpayer={taxpayer}&payment={}",
        if paid { "paid" } else { "cancelled" }
    );
    Ok(Redirect::to(&back).into_response())
}
