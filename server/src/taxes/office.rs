//! The tax clerks' desk (`/api/office/taxes/…`, clerks and admins): taxpayers with their
//! arrears, one taxpayer's ledger with its corrections, importing assessments and bank
//! statements, and the queue of payments to unknown accounts. Corrections are in
//! `corrections.rs`. Opening a ledger is recorded in the audit log (tax secrecy,
//! Ordynacja podatkowa art. 293).

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::error::{ErrorBody, ErrorCode};
use models::taxes::office::{
    AssessmentImport, OfficeLedger, OfficePayment, StatementImport, StatementInfo, TaxpayerSummary,
};
use models::taxes::{self, Day};
use serde::Deserialize;
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::files::{self, describe_all};
use super::routes::AsOf;
use super::{assessments, bank, corrections, db, import, ledger, statements};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::i18n;
use crate::time_fmt::today;

/// The largest file accepted (a year's statement of a gmina of 20 000 residents is a few MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(import_assessments))
        .routes(routes!(import_statement, statements_list))
        .routes(routes!(unmatched))
        .merge(corrections::router())
        .layer(DefaultBodyLimit::max(MAX_FILE_BYTES))
}

/// 422 for a file that was not imported, naming its lines in the caller's language.
pub fn refuse(errors: &[files::LineError]) -> ApiError {
    ApiError::Detailed(
        ErrorCode::InvalidImportFile,
        describe_all(errors, i18n::current()),
    )
}

/// 403 unless a clerk or an admin.
pub fn officer(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::Clerk, Role::Admin])
}

fn parse_day(s: &str) -> anyhow::Result<Day> {
    Day::parse(s).ok_or_else(|| anyhow::anyhow!("stored date {s}"))
}

/// Filters of the taxpayers' list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListFilter {
    /// Part of the name, the number or the account's digits.
    q: Option<String>,
    /// Only those with arrears today.
    arrears: Option<bool>,
}

/// The gmina's taxpayers with their balance today (four queries whatever their number),
/// those in arrears first, by amount.
#[utoipa::path(get, path = "/office/taxes/taxpayers", tag = "taxes-office", params(ListFilter),
    responses((status = 200, body = Vec<TaxpayerSummary>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(filter): Query<ListFilter>,
) -> Result<AppJson<Vec<TaxpayerSummary>>, ApiError> {
    officer(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    let today = parse_day(&today().to_string())?;
    let mut all = summaries(&mut conn, &user.gmina_id, today).await?;
    let q = filter.q.unwrap_or_default().trim().to_lowercase();
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    all.retain(|t| {
        (q.is_empty()
            || t.name.to_lowercase().contains(&q)
            || (!digits.is_empty()
                && (t.number.to_string() == digits
                    || t.account.replace(' ', "").contains(&digits))))
            && (filter.arrears != Some(true) || t.overdue > 0)
    });
    all.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.number.cmp(&b.number)));
    all.truncate(500);
    Ok(AppJson(all))
}

/// Every taxpayer of the gmina with the balance on `day`.
pub async fn summaries(
    conn: &mut AnyConnection,
    gmina: &str,
    day: Day,
) -> anyhow::Result<Vec<TaxpayerSummary>> {
    let instalments = sqlx::query(
        "SELECT i.taxpayer_id, i.due_on, i.amount, \
         CAST(COALESCE((SELECT SUM(a.principal) FROM tax_allocations a WHERE a.instalment_id = i.id), 0) AS BIGINT) AS paid \
         FROM tax_instalments i WHERE i.gmina_id = $1 ORDER BY i.due_on",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    let paid: Vec<(String, i64)> = sqlx::query_as(
        "SELECT taxpayer_id, CAST(SUM(amount) AS BIGINT) FROM tax_payments \
         WHERE gmina_id = $1 AND taxpayer_id IS NOT NULL GROUP BY taxpayer_id",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    let allocated: Vec<(String, i64)> = sqlx::query_as(
        "SELECT p.taxpayer_id, CAST(SUM(a.principal + a.interest) AS BIGINT) FROM tax_allocations a \
         JOIN tax_payments p ON p.id = a.payment_id WHERE a.gmina_id = $1 GROUP BY p.taxpayer_id",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    let mut over: HashMap<String, i64> = paid.into_iter().collect();
    for (id, sum) in allocated {
        *over.entry(id).or_default() -= sum;
    }
    let rows = sqlx::query(
        "SELECT id, number, kind, name, nrb FROM taxpayers WHERE gmina_id = $1 ORDER BY number",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: HashMap<String, TaxpayerSummary> = HashMap::new();
    let mut order = vec![];
    for r in &rows {
        let id: String = r.get("id");
        order.push(id.clone());
        out.insert(
            id.clone(),
            TaxpayerSummary {
                overpayment: over.get(&id).copied().unwrap_or(0).max(0),
                id,
                number: r.get("number"),
                name: r.get("name"),
                kind: r.get("kind"),
                account: db::grouped(&r.get::<String, _>("nrb")),
                overdue: 0,
                interest: 0,
                overdue_since: None,
                upcoming: 0,
            },
        );
    }
    for r in &instalments {
        let id: String = r.get("taxpayer_id");
        let Some(t) = out.get_mut(&id) else { continue };
        let due_on: String = r.get("due_on");
        let due = parse_day(&due_on)?;
        let left = (r.get::<i64, _>("amount") - r.get::<i64, _>("paid")).max(0);
        if left == 0 {
            continue;
        }
        if due < day {
            t.overdue += left;
            t.interest += taxes::interest(left, due, day);
            t.overdue_since.get_or_insert(due_on);
        } else {
            t.upcoming += left;
        }
    }
    Ok(order.into_iter().filter_map(|id| out.remove(&id)).collect())
}

/// One taxpayer's ledger as of a day, with its corrections.
#[utoipa::path(get, path = "/office/taxes/taxpayers/{id}", tag = "taxes-office",
    params(("id" = String, Path), AsOf),
    responses((status = 200, body = OfficeLedger), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<AsOf>,
) -> Result<AppJson<OfficeLedger>, ApiError> {
    officer(&user)?;
    let as_of = super::routes::as_of_day(&query)?;
    let mut tx = state.db.begin_write().await?;
    let found = office_ledger(&mut tx, &user.gmina_id, &id, as_of).await?;
    crate::audit::append(
        &mut tx,
        &user.gmina_id,
        crate::audit::Entry {
            actor: Some(&user.id),
            action: "tax.ledger.viewed",
            object_type: "taxpayer",
            object_id: &id,
            detail: serde_json::json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AppJson(found))
}

/// A taxpayer's ledger for the desk (404 for another gmina's or no such taxpayer).
pub async fn office_ledger(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
    as_of: Day,
) -> Result<OfficeLedger, ApiError> {
    let taxpayer = db::taxpayer_in(conn, gmina, id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let ledger = ledger::ledger(conn, taxpayer.0, as_of, |_| String::new()).await?;
    Ok(OfficeLedger {
        number: taxpayer.1,
        ledger,
        corrections: corrections::of(conn, id).await?,
    })
}

/// Imports assessments from CSV (the body; UTF-8 or Windows-1250; columns in
/// docs/TAXES.md). All or nothing: a refusal lists the lines and their problems.
#[utoipa::path(post, path = "/office/taxes/assessments/import", tag = "taxes-office",
    request_body(content = String, content_type = "text/csv", description = "Assessments CSV"),
    responses((status = 201, body = AssessmentImport), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import_assessments(
    State(state): State<AppState>,
    user: CurrentUser,
    body: Bytes,
) -> Result<(StatusCode, AppJson<AssessmentImport>), ApiError> {
    officer(&user)?;
    let text = files::decode(&body).map_err(|e| refuse(&[e]))?;
    let mut tx = state.db.begin_write().await?;
    let settings = db::settings(&mut tx, &user.gmina_id)
        .await?
        .ok_or(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::WrongState,
        ))?;
    let parsed = import::parse(&text, settings.max_number()).map_err(|e| refuse(&e))?;
    let summary = assessments::store(&mut tx, &user.gmina_id, &settings, &parsed)
        .await?
        .map_err(|e| refuse(&e))?;
    crate::audit::append(
        &mut tx,
        &user.gmina_id,
        crate::audit::Entry {
            actor: Some(&user.id),
            action: "tax.assessments.imported",
            object_type: "gmina",
            object_id: &user.gmina_id,
            detail: serde_json::json!({"assessments": summary.assessments, "total": summary.total}),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(assessments = summary.assessments, "assessments imported");
    Ok((StatusCode::CREATED, AppJson(summary)))
}

/// The statement file's name.
#[derive(Debug, Deserialize, IntoParams)]
pub struct FileName {
    /// The file's name as the clerk chose it.
    name: Option<String>,
}

/// Imports a bank statement (the body: CSV or MT940, recognised by its content). The same
/// file twice: 409 and nothing counted again. Every credit is matched by account or
/// queued; all or nothing.
#[utoipa::path(post, path = "/office/taxes/statements", tag = "taxes-office", params(FileName),
    request_body(content = String, content_type = "text/plain", description = "CSV or MT940"),
    responses((status = 201, body = StatementImport), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import_statement(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(name): Query<FileName>,
    body: Bytes,
) -> Result<(StatusCode, AppJson<StatementImport>), ApiError> {
    officer(&user)?;
    let text = files::decode(&body).map_err(|e| refuse(&[e]))?;
    let statement = bank::parse(&text).map_err(|e| refuse(&e))?;
    let file_name: String = name.name.unwrap_or_default().chars().take(200).collect();
    let mut tx = state.db.begin_write().await?;
    if statements::seen_before(&mut tx, &user.gmina_id, &body).await? {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            ErrorCode::DuplicateStatement,
        ));
    }
    let summary = statements::store(
        &mut tx,
        &user.gmina_id,
        &user.id,
        &file_name,
        &body,
        &statement,
    )
    .await?;
    crate::audit::append(
        &mut tx,
        &user.gmina_id,
        crate::audit::Entry {
            actor: Some(&user.id),
            action: "tax.statement.imported",
            object_type: "tax_statement",
            object_id: &summary.id,
            detail: serde_json::json!({"matched": summary.matched, "unmatched": summary.unmatched, "total": summary.total}),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(statement = %summary.id, matched = summary.matched, unmatched = summary.unmatched, "statement imported");
    Ok((StatusCode::CREATED, AppJson(summary)))
}

/// The statements imported, newest first.
#[utoipa::path(get, path = "/office/taxes/statements", tag = "taxes-office",
    responses((status = 200, body = Vec<StatementInfo>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn statements_list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<StatementInfo>>, ApiError> {
    officer(&user)?;
    let rows = sqlx::query(
        "SELECT id, file_name, format, imported_at, credits, matched, total FROM tax_statements \
         WHERE gmina_id = $1 ORDER BY imported_at DESC LIMIT 200",
    )
    .bind(&user.gmina_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| StatementInfo {
                id: r.get("id"),
                file_name: r.get("file_name"),
                format: r.get("format"),
                imported_at: r.get("imported_at"),
                credits: r.get("credits"),
                matched: r.get("matched"),
                total: r.get("total"),
            })
            .collect(),
    ))
}

/// Payments to accounts of no taxpayer, oldest first: the queue for manual matching.
#[utoipa::path(get, path = "/office/taxes/payments/unmatched", tag = "taxes-office",
    responses((status = 200, body = Vec<OfficePayment>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn unmatched(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<OfficePayment>>, ApiError> {
    officer(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(
        db::office_payments(&mut conn, &user.gmina_id, None).await?,
    ))
}
