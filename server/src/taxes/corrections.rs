//! A clerk's corrections of a ledger, each with a reason kept beside the ledger and
//! recorded in the audit chain: matching a payment to a taxpayer by hand, taking a
//! payment off a taxpayer (back to the queue), and correcting an assessment's amount after
//! a changing decision. Every payment of the taxpayers touched is then allocated again in
//! date order (`ledger::reallocate`), in the same transaction.

use axum::extract::{Path, State};
use models::error::{ErrorBody, FieldError};
use models::taxes::ledger::LiabilityKind;
use models::taxes::office::{
    CorrectAssessment, Correction, MatchPayment, OfficeLedger, OfficePayment, UnmatchPayment,
    reason,
};
use models::taxes::{self, Day};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ledger::reallocate;
use super::office::{office_ledger, officer};
use super::{assessments, db};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(match_payment))
        .routes(routes!(unmatch_payment))
        .routes(routes!(correct_assessment))
}

/// A taxpayer's corrections, newest first.
pub async fn of(conn: &mut AnyConnection, taxpayer: &str) -> anyhow::Result<Vec<Correction>> {
    let rows = sqlx::query(
        "SELECT c.id, c.action, c.object_id, c.detail, c.reason, c.created_at, u.full_name \
         FROM tax_corrections c JOIN users u ON u.id = c.actor \
         WHERE c.taxpayer_id = $1 ORDER BY c.created_at DESC, c.id",
    )
    .bind(taxpayer)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let detail: serde_json::Value = serde_json::from_str(&r.get::<String, _>("detail"))?;
            Ok(Correction {
                id: r.get("id"),
                action: r.get("action"),
                object_id: r.get("object_id"),
                before: detail["before"].as_i64(),
                after: detail["after"].as_i64(),
                reason: r.get("reason"),
                actor: r.get("full_name"),
                at: r.get("created_at"),
            })
        })
        .collect()
}

/// What a correction records.
struct Record<'a> {
    gmina: &'a str,
    taxpayer: &'a str,
    actor: &'a str,
    action: &'a str,
    object: &'a str,
    detail: serde_json::Value,
    reason: &'a str,
}

/// Stores a correction and its audit entry (with the reason's digest, not its words).
async fn record(conn: &mut AnyConnection, c: Record<'_>) -> anyhow::Result<()> {
    use sha2::{Digest, Sha256};
    let id = new_id();
    sqlx::query(
        "INSERT INTO tax_corrections (id, gmina_id, taxpayer_id, action, object_id, detail, reason, actor, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(c.gmina)
    .bind(c.taxpayer)
    .bind(c.action)
    .bind(c.object)
    .bind(c.detail.to_string())
    .bind(c.reason.trim())
    .bind(c.actor)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    let mut detail = c.detail;
    detail["correction"] = id.into();
    detail["taxpayer"] = c.taxpayer.into();
    detail["reason_sha256"] = hex::encode(Sha256::digest(c.reason.trim().as_bytes())).into();
    crate::audit::append(
        conn,
        c.gmina,
        crate::audit::Entry {
            actor: Some(c.actor),
            action: &format!("tax.{}", c.action),
            object_type: if c.action.starts_with("payment") {
                "tax_payment"
            } else {
                "tax_assessment"
            },
            object_id: c.object,
            detail,
        },
    )
    .await
}

fn check_reason(text: &str) -> Result<(), ApiError> {
    reason(text).map_err(|e| ApiError::field("reason", e))
}

async fn payment(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> Result<OfficePayment, ApiError> {
    db::office_payments(conn, gmina, Some(id))
        .await?
        .pop()
        .ok_or_else(ApiError::not_found)
}

/// Matches a payment to a taxpayer (given by id or by number), or moves it from one to
/// another; both ledgers are allocated again.
#[utoipa::path(post, path = "/office/taxes/payments/{id}/match", tag = "taxes-office",
    params(("id" = String, Path)), request_body = MatchPayment,
    responses((status = 200, body = OfficePayment), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn match_payment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(body): AppJson<MatchPayment>,
) -> Result<AppJson<OfficePayment>, ApiError> {
    officer(&user)?;
    check_reason(&body.reason)?;
    let g = &user.gmina_id;
    let mut tx = state.db.begin_write().await?;
    let before = payment(&mut tx, g, &id).await?;
    let wanted = body.taxpayer.trim();
    let target: Option<String> = sqlx::query_scalar(
        "SELECT id FROM taxpayers WHERE gmina_id = $1 AND (id = $2 OR CAST(number AS TEXT) = $2)",
    )
    .bind(g)
    .bind(wanted)
    .fetch_optional(&mut *tx)
    .await?;
    let target = target.ok_or_else(|| ApiError::field("taxpayer", FieldError::InvalidChoice))?;
    if before.taxpayer_id.as_deref() == Some(target.as_str()) {
        return Err(ApiError::field("taxpayer", FieldError::InvalidChoice));
    }
    sqlx::query("UPDATE tax_payments SET taxpayer_id = $1, designated = NULL WHERE id = $2")
        .bind(&target)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    if let Some(old) = &before.taxpayer_id {
        reallocate(&mut tx, g, old).await?;
    }
    reallocate(&mut tx, g, &target).await?;
    let detail =
        serde_json::json!({"from": before.taxpayer_id, "to": target, "amount": before.amount});
    let r = Record {
        gmina: g,
        taxpayer: &target,
        actor: &user.id,
        action: "payment_matched",
        object: &id,
        detail,
        reason: &body.reason,
    };
    record(&mut tx, r).await?;
    let after = payment(&mut tx, g, &id).await?;
    tx.commit().await?;
    Ok(AppJson(after))
}

/// Takes a payment off its taxpayer, back to the queue of unmatched payments.
#[utoipa::path(post, path = "/office/taxes/payments/{id}/unmatch", tag = "taxes-office",
    params(("id" = String, Path)), request_body = UnmatchPayment,
    responses((status = 200, body = OfficePayment), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn unmatch_payment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(body): AppJson<UnmatchPayment>,
) -> Result<AppJson<OfficePayment>, ApiError> {
    officer(&user)?;
    check_reason(&body.reason)?;
    let g = &user.gmina_id;
    let mut tx = state.db.begin_write().await?;
    let before = payment(&mut tx, g, &id).await?;
    let old = before
        .taxpayer_id
        .clone()
        .ok_or_else(|| ApiError::field("payment", FieldError::InvalidChoice))?;
    sqlx::query("UPDATE tax_payments SET taxpayer_id = NULL, designated = NULL WHERE id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM tax_allocations WHERE payment_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    reallocate(&mut tx, g, &old).await?;
    let detail = serde_json::json!({"from": old, "amount": before.amount});
    let r = Record {
        gmina: g,
        taxpayer: &old,
        actor: &user.id,
        action: "payment_unmatched",
        object: &id,
        detail,
        reason: &body.reason,
    };
    record(&mut tx, r).await?;
    let after = payment(&mut tx, g, &id).await?;
    tx.commit().await?;
    Ok(AppJson(after))
}

/// Corrects an assessment's amount (a changing decision): the schedule is computed again
/// for the new amount and every payment of the taxpayer allocated again.
#[utoipa::path(post, path = "/office/taxes/assessments/{id}/correction", tag = "taxes-office",
    params(("id" = String, Path)), request_body = CorrectAssessment,
    responses((status = 200, body = OfficeLedger), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn correct_assessment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(body): AppJson<CorrectAssessment>,
) -> Result<AppJson<OfficeLedger>, ApiError> {
    officer(&user)?;
    check_reason(&body.reason)?;
    let number = body.decision_number.trim();
    if number.is_empty() || number.chars().count() > 60 {
        let e = if number.is_empty() {
            FieldError::Required
        } else {
            FieldError::TooLong
        };
        return Err(ApiError::field("decision_number", e));
    }
    let g = &user.gmina_id;
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT taxpayer_id, year, kind, amount, decision_number FROM tax_assessments WHERE gmina_id = $1 AND id = $2",
    )
    .bind(g)
    .bind(&id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let kind_name: String = row.get("kind");
    let kind =
        LiabilityKind::parse(&kind_name).ok_or_else(|| anyhow::anyhow!("kind {kind_name}"))?;
    let fee = matches!(kind, LiabilityKind::Waste | LiabilityKind::Dog);
    let amount = body.amount;
    if !(0..=10_000_000_000).contains(&amount) {
        let e = if amount < 0 {
            FieldError::TooSmall
        } else {
            FieldError::TooLarge
        };
        return Err(ApiError::field("amount", e));
    }
    if !fee && amount % 100 != 0 {
        // Taxes are assessed in full złoty (art. 63 § 1).
        return Err(ApiError::field("amount", FieldError::FullZloty));
    }
    let taxpayer: String = row.get("taxpayer_id");
    let before: i64 = row.get("amount");
    let year = i32::try_from(row.get::<i64, _>("year")).map_err(anyhow::Error::from)?;
    let settings = db::settings(&mut tx, g)
        .await?
        .unwrap_or(assessments::Settings {
            bank_prefix: String::new(),
            account_prefix: String::new(),
            waste: vec![],
            dog: vec![],
        });
    sqlx::query("DELETE FROM tax_allocations WHERE payment_id IN (SELECT id FROM tax_payments WHERE taxpayer_id = $1)")
        .bind(&taxpayer)
        .execute(&mut *tx)
        .await?;
    // The old schedule goes, with the reminders sent for it.
    for sql in [
        "DELETE FROM tax_reminders WHERE instalment_id IN \
         (SELECT id FROM tax_instalments WHERE assessment_id = $1)",
        "DELETE FROM tax_instalments WHERE assessment_id = $1",
    ] {
        sqlx::query(sql).bind(&id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE tax_assessments SET amount = $1, decision_number = $2 WHERE id = $3")
        .bind(amount)
        .bind(number)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let council: &[(u8, u8)] = match kind {
        LiabilityKind::Waste => &settings.waste,
        LiabilityKind::Dog => &settings.dog,
        _ => &[],
    };
    let plan = taxes::schedule(kind, year, amount, council);
    assessments::schedule(&mut tx, g, &taxpayer, &id, &plan).await?;
    reallocate(&mut tx, g, &taxpayer).await?;
    let previous: String = row.get("decision_number");
    let detail = serde_json::json!({"before": before, "after": amount,
        "decision_number": number, "previous_decision_number": previous});
    let r = Record {
        gmina: g,
        taxpayer: &taxpayer,
        actor: &user.id,
        action: "assessment_corrected",
        object: &id,
        detail,
        reason: &body.reason,
    };
    record(&mut tx, r).await?;
    let today = Day::parse(&today().to_string()).ok_or_else(|| anyhow::anyhow!("today"))?;
    let ledger = office_ledger(&mut tx, g, &taxpayer, today).await?;
    tx.commit().await?;
    Ok(AppJson(ledger))
}
