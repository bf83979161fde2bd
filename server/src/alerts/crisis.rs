//! The crisis team's routes (`/api/crisis/…`; the crisis team and admins): issuing an
//! alert, which queues one delivery per matching confirmed contact in the same
//! transaction (so an acknowledged alert is never lost), watching its delivery counts,
//! and ending it early.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::alerts::{AlertStatus, ChannelCounts, NewAlert, check_alert};
use models::auth::Role;
use models::error::{ErrorBody, FieldError};
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ALERT_COLUMNS, alert_from, checked_areas, with_areas};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::i18n;
use crate::time_fmt::{now_ms, parse_warsaw_local};

/// The longest an alert may stay valid.
const MAX_VALIDITY_MS: i64 = 14 * 86_400_000;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(issue, list))
        .routes(routes!(status))
        .routes(routes!(cancel))
}

/// 403 unless on the crisis team or an admin.
fn crisis_team(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::Crisis, Role::Admin])
}

/// Issues an alert: checks it, stores it with its areas, and queues its deliveries.
#[utoipa::path(post, path = "/crisis/alerts", tag = "alerts", request_body = NewAlert,
    responses((status = 201, body = AlertStatus), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn issue(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(new): AppJson<NewAlert>,
) -> Result<(StatusCode, AppJson<AlertStatus>), ApiError> {
    crisis_team(&user)?;
    let now = now_ms();
    let mut problems = check_alert(&new);
    let from = if new.valid_from.trim().is_empty() {
        Some(now)
    } else {
        parse_warsaw_local(&new.valid_from)
    };
    let to = parse_warsaw_local(&new.valid_to);
    match (from, to) {
        (None, _) => {
            problems.insert("valid_from".into(), FieldError::InvalidDate);
        }
        (_, None) => {
            problems.insert("valid_to".into(), FieldError::InvalidDate);
        }
        (Some(from), Some(to)) if to <= now.max(from) => {
            problems.insert("valid_to".into(), FieldError::DateInPast);
        }
        (Some(from), Some(to)) if to - from > MAX_VALIDITY_MS => {
            problems.insert("valid_to".into(), FieldError::TooLarge);
        }
        _ => {}
    }
    let mut tx = state.db.pool.begin().await?;
    let (areas, known) = checked_areas(&mut tx, &user.gmina_id, &new.areas).await?;
    if !known {
        problems.insert("areas".into(), FieldError::InvalidChoice);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let (from, to) = (from.unwrap_or(now), to.unwrap_or(now));
    let id = new_id();
    sqlx::query(
        "INSERT INTO alerts (id, gmina_id, severity, category, whole_gmina, valid_from, valid_to, \
         headline_pl, text_pl, headline_en, text_en, headline_uk, text_uk, sms_text, issued_by, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(new.severity.trim())
    .bind(new.category.trim())
    .bind(i64::from(areas.is_empty()))
    .bind(from)
    .bind(to)
    .bind(new.headline_pl.trim())
    .bind(new.text_pl.trim())
    .bind(new.headline_en.trim())
    .bind(new.text_en.trim())
    .bind(new.headline_uk.trim())
    .bind(new.text_uk.trim())
    .bind(new.sms_text.trim())
    .bind(&user.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    for code in &areas {
        sqlx::query(
            "INSERT INTO alert_target_areas (alert_id, gmina_id, area_code) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(&user.gmina_id)
        .bind(code)
        .execute(&mut *tx)
        .await?;
    }
    let queued = queue_deliveries(
        &mut tx,
        &user.gmina_id,
        &id,
        new.category.trim(),
        areas.is_empty(),
        from,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "alert.issued",
            object_type: "alert",
            object_id: &id,
            detail: json!({"severity": new.severity.trim(), "category": new.category.trim(),
                "areas": areas, "valid_from": from, "valid_to": to, "queued": queued}),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(alert_id = %id, queued, "alert issued");
    let mut conn = state.db.pool.acquire().await?;
    let found = load_status(&mut conn, &user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((StatusCode::CREATED, AppJson(found)))
}

/// Queues one delivery per confirmed, subscribed contact whose categories and areas
/// match (a street matches its sołectwo and the other way round); returns how many.
/// The id `alert:contact` makes a second delivery to a contact impossible.
pub async fn queue_deliveries(
    conn: &mut AnyConnection,
    gmina: &str,
    alert: &str,
    category: &str,
    whole_gmina: bool,
    from: i64,
    now: i64,
) -> anyhow::Result<u64> {
    let done = sqlx::query(
        "INSERT INTO alert_deliveries (id, gmina_id, alert_id, contact_id, channel, status, next_attempt_at, created_at) \
         SELECT CAST($1 AS TEXT) || ':' || c.id, c.gmina_id, $1, c.id, c.channel, 'queued', $2, $3 \
         FROM alert_contacts c \
         WHERE c.gmina_id = $4 AND c.confirmed_at IS NOT NULL AND c.unsubscribed_at IS NULL \
         AND (c.all_categories = 1 OR EXISTS (SELECT 1 FROM alert_contact_categories k \
              WHERE k.contact_id = c.id AND k.category = $5)) \
         AND ($6 = 1 OR c.all_areas = 1 OR EXISTS (SELECT 1 FROM alert_contact_areas ca \
              JOIN alert_target_areas t ON t.alert_id = $1 \
              JOIN alert_areas sa ON sa.gmina_id = c.gmina_id AND sa.code = ca.area_code \
              JOIN alert_areas ta ON ta.gmina_id = c.gmina_id AND ta.code = t.area_code \
              WHERE ca.contact_id = c.id AND (ca.area_code = t.area_code \
                OR sa.parent_code = t.area_code OR ta.parent_code = ca.area_code)))",
    )
    .bind(alert)
    .bind(from)
    .bind(now)
    .bind(gmina)
    .bind(category)
    .bind(i64::from(whole_gmina))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// The gmina's alerts, newest first, with their delivery counts.
#[utoipa::path(get, path = "/crisis/alerts", tag = "alerts",
    responses((status = 200, body = Vec<AlertStatus>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<AlertStatus>>, ApiError> {
    crisis_team(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM alerts WHERE gmina_id = $1 ORDER BY issued_at DESC LIMIT 50",
    )
    .bind(&user.gmina_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut all = Vec::with_capacity(ids.len());
    for id in ids {
        all.extend(load_status(&mut conn, &user.gmina_id, &id).await?);
    }
    Ok(AppJson(all))
}

/// One alert with its live delivery counts per channel.
#[utoipa::path(get, path = "/crisis/alerts/{id}", tag = "alerts", params(("id" = String, Path)),
    responses((status = 200, body = AlertStatus), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn status(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<AlertStatus>, ApiError> {
    crisis_team(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    let found = load_status(&mut conn, &user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(found))
}

/// Ends an alert now: it leaves the banner and the feed, and what was not sent yet is
/// not sent.
#[utoipa::path(post, path = "/crisis/alerts/{id}/cancel", tag = "alerts", params(("id" = String, Path)),
    responses((status = 200, body = AlertStatus), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<AlertStatus>, ApiError> {
    crisis_team(&user)?;
    let now = now_ms();
    let mut tx = state.db.pool.begin().await?;
    let done = sqlx::query("UPDATE alerts SET cancelled_at = $1 WHERE id = $2 AND gmina_id = $3 AND cancelled_at IS NULL")
        .bind(now)
        .bind(&id)
        .bind(&user.gmina_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE alert_deliveries SET status = 'cancelled' WHERE alert_id = $1 AND gmina_id = $2 AND status = 'queued'")
            .bind(&id)
            .bind(&user.gmina_id)
            .execute(&mut *tx)
            .await?;
        let entry = Entry {
            actor: Some(&user.id),
            action: "alert.cancelled",
            object_type: "alert",
            object_id: &id,
            detail: json!({}),
        };
        audit::append(&mut tx, &user.gmina_id, entry).await?;
    }
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    let found = load_status(&mut conn, &user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(found))
}

/// An alert of the gmina with its delivery counts (two queries).
pub async fn load_status(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> anyhow::Result<Option<AlertStatus>> {
    let sql = format!(
        "SELECT {ALERT_COLUMNS}, u.full_name FROM alerts a JOIN users u ON u.id = a.issued_by \
         WHERE a.id = $1 AND a.gmina_id = $2"
    );
    let Some(row) = sqlx::query(&sql)
        .bind(id)
        .bind(gmina)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let mut alert = [alert_from(&row, i18n::current())?];
    with_areas(conn, gmina, &mut alert).await?;
    let [alert] = alert;
    let counts = sqlx::query(
        "SELECT channel, status, COUNT(*) AS n FROM alert_deliveries \
         WHERE alert_id = $1 AND gmina_id = $2 GROUP BY channel, status",
    )
    .bind(id)
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    let (mut email, mut sms) = (ChannelCounts::default(), ChannelCounts::default());
    for c in counts {
        let channel: String = c.get("channel");
        let status: String = c.get("status");
        let n: i64 = c.get("n");
        let counts = if channel == "sms" {
            &mut sms
        } else {
            &mut email
        };
        match status.as_str() {
            "queued" => counts.queued = n,
            "sent" => counts.sent = n,
            "failed" => counts.failed = n,
            _ => counts.cancelled = n,
        }
    }
    Ok(Some(AlertStatus {
        alert,
        headline_pl: row.get("headline_pl"),
        sms_text: row.get("sms_text"),
        email,
        sms,
        issued_by: row.get("full_name"),
    }))
}
