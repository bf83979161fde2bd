//! Crisis alerts (ustawa o zarządzaniu kryzysowym, art. 19–20: the wójt warns the
//! population). The crisis team issues an alert; it shows as a banner and on the public
//! alerts page, is published as a CAP 1.2 feed, and goes to every confirmed subscriber
//! whose areas and categories it matches, by e-mail and SMS.
//!
//! - `crisis.rs`: issuing, cancelling and watching alerts (`/api/crisis/…`, the crisis
//!   team and admins);
//! - `recipients.rs`: an alert's deliveries per recipient, addresses masked;
//! - `public.rs`: active alerts, the areas, the CAP feed (no login);
//! - `subscriptions.rs`: subscribing with double opt-in, unsubscribing in one click;
//! - `dispatch.rs`: the outbox sender (leases, retries with backoff, rate limits);
//! - `sms.rs`: the SMS gateway seam, its HTTP adapter and the local simulator;
//! - `cap.rs`: the CAP 1.2 XML.

pub mod cap;
pub mod crisis;
pub mod dispatch;
pub mod public;
pub mod recipients;
pub mod sms;
pub mod subscriptions;

use models::alerts::{Alert, AlertArea, Category, Severity};
use models::lang::Lang;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(crisis::router())
        .merge(public::router())
        .merge(recipients::router())
        .merge(subscriptions::router())
}

/// The columns [`alert_from`] reads.
pub const ALERT_COLUMNS: &str = "a.id, a.severity, a.category, a.whole_gmina, a.valid_from, a.valid_to, \
     a.headline_pl, a.text_pl, a.headline_en, a.text_en, a.headline_uk, a.text_uk, a.sms_text, \
     a.issued_by, a.issued_at, a.cancelled_at";

/// An alert row in `lang` (Polish where the team wrote no translation), without areas.
pub fn alert_from(row: &AnyRow, lang: Lang) -> anyhow::Result<Alert> {
    let text = |field: &str| row.get::<String, _>(format!("{field}_{}", lang.tag()).as_str());
    let (headline, text, lang) = match text("headline") {
        h if !h.is_empty() => (h, text("text"), lang),
        _ => (row.get("headline_pl"), row.get("text_pl"), Lang::Pl),
    };
    let severity: String = row.get("severity");
    let category: String = row.get("category");
    Ok(Alert {
        id: row.get("id"),
        severity: Severity::parse(&severity)
            .ok_or_else(|| anyhow::anyhow!("stored severity {severity}"))?,
        category: Category::parse(&category)
            .ok_or_else(|| anyhow::anyhow!("stored category {category}"))?,
        areas: Vec::new(),
        valid_from: row.get("valid_from"),
        valid_to: row.get("valid_to"),
        headline,
        text,
        lang,
        issued_at: row.get("issued_at"),
        cancelled: row.get::<Option<i64>, _>("cancelled_at").is_some(),
    })
}

/// Fills in the areas of alerts (one query).
pub async fn with_areas(
    conn: &mut AnyConnection,
    gmina: &str,
    alerts: &mut [Alert],
) -> anyhow::Result<()> {
    if alerts.is_empty() {
        return Ok(());
    }
    let placeholders: Vec<String> = (0..alerts.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT t.alert_id, r.code, r.name, r.kind, r.parent_code FROM alert_target_areas t \
         JOIN alert_areas r ON r.gmina_id = t.gmina_id AND r.code = t.area_code \
         WHERE t.gmina_id = $1 AND t.alert_id IN ({}) ORDER BY r.name",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(gmina);
    for alert in alerts.iter() {
        query = query.bind(alert.id.clone());
    }
    let rows = query.fetch_all(&mut *conn).await?;
    for row in rows {
        let id: String = row.get("alert_id");
        if let Some(alert) = alerts.iter_mut().find(|a| a.id == id) {
            alert.areas.push(area_from(&row));
        }
    }
    Ok(())
}

/// An `alert_areas` row.
pub fn area_from(row: &AnyRow) -> AlertArea {
    AlertArea {
        code: row.get("code"),
        name: row.get("name"),
        kind: row.get("kind"),
        parent: row.get("parent_code"),
    }
}

/// Area codes as sent, trimmed, sorted and without repeats, and whether every one is an
/// area of the gmina (one query).
pub async fn checked_areas(
    conn: &mut AnyConnection,
    gmina: &str,
    codes: &[String],
) -> anyhow::Result<(Vec<String>, bool)> {
    let mut codes: Vec<String> = codes.iter().map(|a| a.trim().to_owned()).collect();
    codes.sort();
    codes.dedup();
    if codes.is_empty() {
        return Ok((codes, true));
    }
    let placeholders: Vec<String> = (0..codes.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT COUNT(*) FROM alert_areas WHERE gmina_id = $1 AND code IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(gmina);
    for code in &codes {
        query = query.bind(code.clone());
    }
    let known = query.fetch_one(&mut *conn).await?;
    let all = usize::try_from(known).is_ok_and(|k| k == codes.len());
    Ok((codes, all))
}

/// The gmina's areas, by name.
pub async fn areas(conn: &mut AnyConnection, gmina: &str) -> anyhow::Result<Vec<AlertArea>> {
    let rows = sqlx::query(
        "SELECT code, name, kind, parent_code FROM alert_areas WHERE gmina_id = $1 ORDER BY kind, name",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(area_from).collect())
}
