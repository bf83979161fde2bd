//! An alert's recipients for the crisis team: each delivery's status, tries and last
//! failure, with the address masked (the team needs to see that Ewa's phone failed,
//! not whose phone it is), failed ones first, a page at a time.

use axum::extract::{Path, Query, State};
use models::alerts::{Recipient, RecipientPage};
use models::error::ErrorBody;
use serde::Deserialize;
use sqlx::Row;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::subscriptions::hide;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};

/// Recipients per page.
pub const PER_PAGE: i64 = 100;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(recipients))
}

/// Which recipients.
#[derive(Debug, Deserialize, IntoParams)]
pub struct Filter {
    /// `queued`, `sent`, `failed` or `cancelled`; all when absent.
    status: Option<String>,
    /// `email` or `sms`; both when absent.
    channel: Option<String>,
    /// 1-based.
    page: Option<i64>,
}

/// An alert's deliveries, one per recipient and channel.
#[utoipa::path(get, path = "/crisis/alerts/{id}/recipients", tag = "alerts",
    params(("id" = String, Path), Filter),
    responses((status = 200, body = RecipientPage), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn recipients(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(filter): Query<Filter>,
) -> Result<AppJson<RecipientPage>, ApiError> {
    user.require_any(&[models::auth::Role::Crisis, models::auth::Role::Admin])?;
    let pool = &state.db.pool;
    let exists: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM alerts WHERE id = $1 AND gmina_id = $2")
            .bind(&id)
            .bind(&user.gmina_id)
            .fetch_one(pool)
            .await?;
    if exists == 0 {
        return Err(ApiError::not_found());
    }
    let status = filter.status.unwrap_or_default();
    let channel = filter.channel.unwrap_or_default();
    let page = filter.page.unwrap_or(1).clamp(1, 100_000);
    // Empty filters match everything: one statement for every combination.
    let conditions = "d.alert_id = $1 AND d.gmina_id = $2 AND ($3 = '' OR d.status = $3) \
                      AND ($4 = '' OR d.channel = $4)";
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM alert_deliveries d WHERE {conditions}"
    ))
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&status)
    .bind(&channel)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query(&format!(
        "SELECT d.channel, c.address, d.status, d.attempts, d.sent_at, d.next_attempt_at, d.last_error \
         FROM alert_deliveries d JOIN alert_contacts c ON c.id = d.contact_id \
         WHERE {conditions} \
         ORDER BY CASE d.status WHEN 'failed' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END, c.address, d.channel \
         LIMIT $5 OFFSET $6"
    ))
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&status)
    .bind(&channel)
    .bind(PER_PAGE)
    .bind((page - 1) * PER_PAGE)
    .fetch_all(pool)
    .await?;
    let recipients = rows
        .iter()
        .map(|r| {
            let channel: String = r.get("channel");
            let address: String = r.get("address");
            let masked = hide(&address);
            let status: String = r.get("status");
            let error: Option<String> = r.get("last_error");
            Recipient {
                next_attempt_at: (status == "queued").then(|| r.get("next_attempt_at")),
                error: error.map(|e| e.replace(&address, &masked).chars().take(300).collect()),
                channel,
                address: masked,
                status,
                attempts: r.get("attempts"),
                sent_at: r.get("sent_at"),
            }
        })
        .collect();
    Ok(AppJson(RecipientPage {
        total,
        page,
        per_page: PER_PAGE,
        recipients,
    }))
}
