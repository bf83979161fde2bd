//! Subscribing to alerts, with or without an account: an e-mail address and/or a Polish
//! mobile number, areas and categories. Double opt-in (RODO art. 7, and the ePrivacy
//! rules on unsolicited messages): nothing but the confirmation is sent until the
//! person clicks the link or types the SMS code. The chosen areas and categories take
//! effect only on confirming, so nobody can change another person's subscription.
//! Every message ends with a one-click unsubscribe link.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::alerts::{
    Category, ConfirmSms, SubscribeAnswer, SubscribeRequest, Subscription, Token, normalise_phone,
};
use models::error::{ErrorBody, FieldError};
use models::lang::Lang;
use models::validate;
use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::session::{new_token, token_hash};
use crate::auth::{ClientIp, throttle};
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// How long a confirmation link or code stays valid.
const CONFIRM_MS: i64 = 24 * 3_600_000;
/// Wrong SMS codes allowed before a new subscription is needed.
const MAX_CODE_ATTEMPTS: i64 = 5;
/// Confirmations sent to one address per day (each SMS costs the gmina money).
const MAX_CONFIRMATIONS: i64 = 3;
/// Subscriptions from one network address per hour.
const PER_ADDRESS: throttle::Limit = throttle::Limit {
    max: 30,
    window_ms: 3_600_000,
};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscribe))
        .routes(routes!(confirm))
        .routes(routes!(confirm_sms))
        .routes(routes!(unsubscribe))
        .routes(routes!(one_click))
}

/// What applies on confirming.
#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    areas: Vec<String>,
    categories: Vec<String>,
}

/// The portal's address for links in messages.
pub fn portal(state: &AppState) -> String {
    state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", state.config.addr))
        .trim_end_matches('/')
        .to_owned()
}

/// A short random capability for links (16 characters of `a–z2–7`, 80 bits).
pub fn short_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect())
}

fn six_digits() -> anyhow::Result<String> {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(format!("{:06}", u32::from_le_bytes(bytes) % 1_000_000))
}

/// Subscribes an e-mail address and/or a phone; sends each a confirmation.
#[utoipa::path(post, path = "/alerts/subscriptions", tag = "alerts", request_body = SubscribeRequest,
    responses((status = 202, body = SubscribeAnswer), (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
async fn subscribe(
    State(state): State<AppState>,
    tenant: Tenant,
    ClientIp(ip): ClientIp,
    AppJson(req): AppJson<SubscribeRequest>,
) -> Result<(StatusCode, AppJson<SubscribeAnswer>), ApiError> {
    let mut problems = models::alerts::Problems::new();
    let email = req.email.trim().to_lowercase();
    if let Err(e) =
        validate::email(&email).or_else(|e| if email.is_empty() { Ok(()) } else { Err(e) })
    {
        problems.insert("email".into(), e);
    }
    let phone = match req.phone.trim() {
        "" => None,
        p => normalise_phone(p)
            .map_err(|e| problems.insert("phone".into(), e))
            .ok(),
    };
    if email.is_empty() && req.phone.trim().is_empty() {
        problems.insert("email".into(), FieldError::Required);
    }
    let mut categories = req.categories.clone();
    categories.sort();
    categories.dedup();
    if categories.iter().any(|c| Category::parse(c).is_none()) {
        problems.insert("categories".into(), FieldError::InvalidChoice);
    }
    let requested = req.areas.len();
    if requested > 200 {
        problems.insert("areas".into(), FieldError::TooMany);
    }
    // Before the transaction: SQLite cannot write from two connections at once.
    let ip_key = throttle::key("alerts-subscribe", &ip);
    if let Some(wait) = throttle::check(&state.db.pool, &tenant.id, &ip_key, PER_ADDRESS).await? {
        return Err(ApiError::TooManyRequests(wait));
    }
    throttle::record(&state.db.pool, &tenant.id, &[&ip_key]).await?;
    let mut tx = state.db.begin_write().await?;
    let (areas, known) = super::checked_areas(&mut tx, &tenant.id, &req.areas).await?;
    if !known {
        problems.insert("areas".into(), FieldError::InvalidChoice);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let pending =
        serde_json::to_string(&Pending { areas, categories }).map_err(anyhow::Error::from)?;
    let now = now_ms();
    let portal = portal(&state);
    let mut answer = SubscribeAnswer::default();
    if !email.is_empty() {
        let token = new_token()?;
        let contact = upsert(
            &mut tx,
            &tenant.id,
            "email",
            &email,
            req.lang,
            &token_hash(&token),
            &pending,
            now,
        )
        .await?;
        let link = format!("{portal}/alerts/confirm/{token}");
        let (subject, body) = email_confirmation(req.lang, &tenant.name, &link);
        queue_confirmation(&mut tx, &tenant.id, &contact, "email", &subject, &body, now).await?;
        answer.email_link_sent = true;
    }
    if let Some(phone) = phone {
        let code = six_digits()?;
        let contact = upsert(
            &mut tx,
            &tenant.id,
            "sms",
            &phone,
            req.lang,
            &code_hash(&phone, &code),
            &pending,
            now,
        )
        .await?;
        let text = req.lang.pick(
            format!(
                "{code} to kod potwierdzenia ostrzezen SMS z {}. Nie podawaj go nikomu.",
                tenant.name
            ),
            format!(
                "{code} is your code confirming SMS alerts from {}.",
                tenant.name
            ),
            format!(
                "{code} — код підтвердження SMS-попереджень від {}.",
                tenant.name
            ),
        );
        queue_confirmation(&mut tx, &tenant.id, &contact, "sms", "", &text, now).await?;
        answer.sms_code_sent_to = Some(phone);
    }
    tx.commit().await?;
    Ok((StatusCode::ACCEPTED, AppJson(answer)))
}

fn code_hash(phone: &str, code: &str) -> String {
    token_hash(&format!("sms-code:{phone}:{code}"))
}

fn email_confirmation(lang: Lang, gmina: &str, link: &str) -> (String, String) {
    let subject = lang.pick(
        format!("Potwierdź ostrzeżenia kryzysowe — {gmina}"),
        format!("Confirm crisis alerts — {gmina}"),
        format!("Підтвердіть кризові попередження — {gmina}"),
    );
    let body = lang.pick(
        format!("Dzień dobry,\n\nktoś (zapewne Ty) zapisał ten adres na ostrzeżenia kryzysowe gminy {gmina}.\nAby je otrzymywać, otwórz link:\n{link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: bez potwierdzenia nic więcej nie wyślemy.\n"),
        format!("Hello,\n\nsomeone (probably you) subscribed this address to crisis alerts from {gmina}.\nTo receive them, open:\n{link}\n\nIf it was not you, ignore this message: nothing else is sent without confirmation.\n"),
        format!("Вітаємо,\n\nхтось (ймовірно, Ви) підписав цю адресу на кризові попередження громади {gmina}.\nЩоб їх отримувати, відкрийте посилання:\n{link}\n\nЯкщо це були не Ви, проігноруйте цей лист.\n"),
    );
    (subject, body)
}

/// Finds or makes the contact, with a new confirmation secret and the pending choices;
/// returns its id. 429 after [`MAX_CONFIRMATIONS`] confirmations in a day.
#[expect(clippy::too_many_arguments, reason = "one row's columns")]
async fn upsert(
    conn: &mut AnyConnection,
    gmina: &str,
    channel: &str,
    address: &str,
    lang: Lang,
    secret_hash: &str,
    pending: &str,
    now: i64,
) -> Result<String, ApiError> {
    let existing: Option<String> = sqlx::query_scalar(
        "SELECT id FROM alert_contacts WHERE gmina_id = $1 AND channel = $2 AND address = $3",
    )
    .bind(gmina)
    .bind(channel)
    .bind(address)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(id) = existing else {
        let id = new_id();
        sqlx::query(
            "INSERT INTO alert_contacts (id, gmina_id, channel, address, lang, confirm_hash, confirm_expires_at, \
             unsubscribe_token, all_areas, all_categories, pending_json, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 0, $9, $10)",
        )
        .bind(&id)
        .bind(gmina)
        .bind(channel)
        .bind(address)
        .bind(lang.tag())
        .bind(secret_hash)
        .bind(now + CONFIRM_MS)
        .bind(short_token()?)
        .bind(pending)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        return Ok(id);
    };
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM alert_deliveries WHERE contact_id = $1 AND alert_id LIKE 'confirm:%' AND created_at > $2",
    )
    .bind(&id)
    .bind(now - 86_400_000)
    .fetch_one(&mut *conn)
    .await?;
    if recent >= MAX_CONFIRMATIONS {
        return Err(ApiError::TooManyRequests(3600));
    }
    sqlx::query(
        "UPDATE alert_contacts SET confirm_hash = $1, confirm_expires_at = $2, confirm_attempts = 0, \
         pending_json = $3, lang = $4 WHERE id = $5",
    )
    .bind(secret_hash)
    .bind(now + CONFIRM_MS)
    .bind(pending)
    .bind(lang.tag())
    .bind(&id)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

async fn queue_confirmation(
    conn: &mut AnyConnection,
    gmina: &str,
    contact: &str,
    channel: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> anyhow::Result<()> {
    let alert_id = format!("confirm:{}", new_id());
    sqlx::query(
        "INSERT INTO alert_deliveries (id, gmina_id, alert_id, contact_id, channel, status, next_attempt_at, created_at, subject, body) \
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $6, $7, $8)",
    )
    .bind(format!("{alert_id}:{contact}"))
    .bind(gmina)
    .bind(&alert_id)
    .bind(contact)
    .bind(channel)
    .bind(now)
    .bind(subject)
    .bind(body)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Confirms an e-mail subscription with the link's token.
#[utoipa::path(post, path = "/alerts/subscriptions/confirm", tag = "alerts", request_body = Token,
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody)))]
async fn confirm(
    State(state): State<AppState>,
    tenant: Tenant,
    AppJson(req): AppJson<Token>,
) -> Result<AppJson<Subscription>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let id: String = sqlx::query_scalar(
        "SELECT id FROM alert_contacts WHERE gmina_id = $1 AND channel = 'email' AND confirm_hash = $2 \
         AND confirm_expires_at > $3",
    )
    .bind(&tenant.id)
    .bind(token_hash(req.token.trim()))
    .bind(now_ms())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    apply_pending(&mut tx, &id).await?;
    let found = subscription(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(AppJson(found))
}

/// Confirms a phone with the code sent by SMS (five tries).
#[utoipa::path(post, path = "/alerts/subscriptions/confirm-sms", tag = "alerts", request_body = ConfirmSms,
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn confirm_sms(
    State(state): State<AppState>,
    tenant: Tenant,
    AppJson(req): AppJson<ConfirmSms>,
) -> Result<AppJson<Subscription>, ApiError> {
    let phone = normalise_phone(&req.phone).map_err(|e| ApiError::field("phone", e))?;
    let code = req.code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::field("code", FieldError::InvalidChoice));
    }
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT id, confirm_hash, confirm_attempts FROM alert_contacts WHERE gmina_id = $1 AND channel = 'sms' \
         AND address = $2 AND confirm_hash IS NOT NULL AND confirm_expires_at > $3",
    )
    .bind(&tenant.id)
    .bind(&phone)
    .bind(now_ms())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let id: String = row.get("id");
    let attempts: i64 = row.get("confirm_attempts");
    if attempts >= MAX_CODE_ATTEMPTS {
        return Err(ApiError::not_found());
    }
    if row.get::<String, _>("confirm_hash") != code_hash(&phone, code) {
        sqlx::query(
            "UPDATE alert_contacts SET confirm_attempts = confirm_attempts + 1 WHERE id = $1",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        return Err(ApiError::field("code", FieldError::InvalidChoice));
    }
    apply_pending(&mut tx, &id).await?;
    let found = subscription(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(AppJson(found))
}

/// Makes the pending choices the contact's, and the contact confirmed and subscribed.
async fn apply_pending(conn: &mut AnyConnection, id: &str) -> anyhow::Result<()> {
    let pending: Option<String> =
        sqlx::query_scalar("SELECT pending_json FROM alert_contacts WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let Some(pending) = pending else {
        return Ok(());
    };
    let pending: Pending = serde_json::from_str(&pending)?;
    for table in ["alert_contact_areas", "alert_contact_categories"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE contact_id = $1"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    for area in &pending.areas {
        sqlx::query("INSERT INTO alert_contact_areas (contact_id, area_code) VALUES ($1, $2)")
            .bind(id)
            .bind(area)
            .execute(&mut *conn)
            .await?;
    }
    for category in &pending.categories {
        sqlx::query("INSERT INTO alert_contact_categories (contact_id, category) VALUES ($1, $2)")
            .bind(id)
            .bind(category)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "UPDATE alert_contacts SET confirmed_at = COALESCE(confirmed_at, $1), unsubscribed_at = NULL, \
         confirm_hash = NULL, pending_json = NULL, all_areas = $2, all_categories = $3 WHERE id = $4",
    )
    .bind(now_ms())
    .bind(i64::from(pending.areas.is_empty()))
    .bind(i64::from(pending.categories.is_empty()))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Unsubscribes the contact whose link this is (the page behind every message's link).
#[utoipa::path(post, path = "/alerts/subscriptions/unsubscribe", tag = "alerts", request_body = Token,
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody)))]
async fn unsubscribe(
    State(state): State<AppState>,
    tenant: Tenant,
    AppJson(req): AppJson<Token>,
) -> Result<AppJson<Subscription>, ApiError> {
    Ok(AppJson(end(&state, &tenant, req.token.trim()).await?))
}

/// RFC 8058 one-click unsubscribe: mail programs POST here from the `List-Unsubscribe`
/// header, with any body.
#[utoipa::path(post, path = "/alerts/unsubscribe/{token}", tag = "alerts", params(("token" = String, Path)),
    responses((status = 200, body = Subscription), (status = 404, body = ErrorBody)))]
async fn one_click(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(token): Path<String>,
) -> Result<AppJson<Subscription>, ApiError> {
    Ok(AppJson(end(&state, &tenant, token.trim()).await?))
}

async fn end(state: &AppState, tenant: &Tenant, token: &str) -> Result<Subscription, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let id: String = sqlx::query_scalar(
        "SELECT id FROM alert_contacts WHERE gmina_id = $1 AND unsubscribe_token = $2",
    )
    .bind(&tenant.id)
    .bind(token)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let now = now_ms();
    sqlx::query(
        "UPDATE alert_contacts SET unsubscribed_at = COALESCE(unsubscribed_at, $1) WHERE id = $2",
    )
    .bind(now)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    // What was queued for this contact and not sent yet is not sent.
    sqlx::query("UPDATE alert_deliveries SET status = 'cancelled' WHERE contact_id = $1 AND status = 'queued'")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let found = subscription(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(found)
}

/// The contact as shown to its owner, its address partly hidden.
async fn subscription(conn: &mut AnyConnection, id: &str) -> anyhow::Result<Subscription> {
    let row = sqlx::query(
        "SELECT channel, address, confirmed_at, unsubscribed_at FROM alert_contacts WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let areas: Vec<String> = sqlx::query_scalar(
        "SELECT area_code FROM alert_contact_areas WHERE contact_id = $1 ORDER BY area_code",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let categories: Vec<String> = sqlx::query_scalar(
        "SELECT category FROM alert_contact_categories WHERE contact_id = $1 ORDER BY category",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let address: String = row.get("address");
    Ok(Subscription {
        channel: row.get("channel"),
        address: hide(&address),
        areas,
        categories: categories
            .iter()
            .filter_map(|c| Category::parse(c))
            .collect(),
        active: row.get::<Option<i64>, _>("confirmed_at").is_some()
            && row.get::<Option<i64>, _>("unsubscribed_at").is_none(),
    })
}

/// `a***@example.pl`, `+48 *** *** 789`.
pub fn hide(address: &str) -> String {
    if let Some((user, domain)) = address.split_once('@') {
        let first: String = user.chars().take(1).collect();
        format!("{first}***@{domain}")
    } else {
        let last: String = address
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("+48 *** *** {last}")
    }
}
