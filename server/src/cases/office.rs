//! The clerks' back office: work queues, the registry of incoming correspondence
//! (registering paper letters), assignment (dekretacja), requests for completion,
//! decisions signed with the office key, and closing with the archive category.
//!
//! Clerks see and act on their department's cases; admins on all of the gmina's.
//! A case of another department answers 404, a person without a back-office role 403.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use models::auth::Role;
use models::cases::{
    Assign, CaseDetail, CaseStatus, Channel, Clerk, Department, EventKind, JrwaClass,
    NewCompletionRequest, NewDecision, NewDelay, NewLetter, OfficeCase, RegistryEntry,
};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::forms::{Localized, parse_date};
use models::receipts::{ReceiptDocument, VERSION};
use models::validate::FieldErrors;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, CaseRow, NewDocument, Scope, department_by_code};
use super::files::{all_uploaded_by, store_blob};
use super::workflow::{Change, NewCase, open_case, receipt_time, record, record_view};
use super::{deadline, parse_period, reference};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::delivery::{Delivery, LegalDelivery, Simulator};
use crate::error::{ApiError, AppJson};
use crate::receipts::{keys, sign_with};
use crate::time_fmt::{now_ms, today, warsaw_rfc3339};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(one))
        .routes(routes!(document))
        .routes(routes!(register_letter))
        .routes(routes!(registry))
        .routes(routes!(assign))
        .routes(routes!(request_completion))
        .routes(routes!(decide))
        .routes(routes!(delay))
        .routes(routes!(close))
        .routes(routes!(departments))
        .routes(routes!(clerks))
        .routes(routes!(jrwa))
}

/// 409 for an action the case's status does not allow.
pub fn wrong_state() -> ApiError {
    ApiError::Status(StatusCode::CONFLICT, ErrorCode::WrongState)
}

/// Who is acting in the back office.
struct Officer {
    user: CurrentUser,
    admin: bool,
    department_id: Option<String>,
}

impl Officer {
    async fn of(state: &AppState, user: CurrentUser) -> Result<Officer, ApiError> {
        user.require_any(&[Role::Clerk, Role::Admin])?;
        let department_id = db::clerk_department(&state.db.pool, &user.id).await?;
        Ok(Officer {
            admin: user.has(Role::Admin),
            department_id,
            user,
        })
    }

    fn sees(&self, case: &CaseRow) -> bool {
        self.admin || self.department_id.as_deref() == Some(case.department_id.as_str())
    }

    async fn case(&self, state: &AppState, id: &str) -> Result<CaseRow, ApiError> {
        db::by_id(&state.db.pool, &self.user.gmina_id, id)
            .await?
            .filter(|c| self.sees(c))
            .ok_or_else(ApiError::not_found)
    }

    async fn case_in(&self, conn: &mut AnyConnection, id: &str) -> Result<CaseRow, ApiError> {
        db::by_id_in(conn, &self.user.gmina_id, id)
            .await?
            .filter(|c| self.sees(c))
            .ok_or_else(ApiError::not_found)
    }
}

/// Queue filters.
#[derive(Debug, Deserialize, IntoParams)]
struct QueueFilter {
    /// `mine` (assigned to me), `department` (default for clerks) or `all` (admins).
    queue: Option<String>,
    /// `overdue` or `soon` (due within 7 days).
    due: Option<String>,
}

/// A work queue: the caller's, their department's or (admins) all cases.
#[utoipa::path(get, path = "/office/cases", tag = "office", params(QueueFilter),
    responses((status = 200, body = Vec<OfficeCase>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn queue(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(filter): Query<QueueFilter>,
) -> Result<AppJson<Vec<OfficeCase>>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let g = &officer.user.gmina_id;
    let dept = officer.department_id.clone().unwrap_or_default();
    let scope = match filter.queue.as_deref() {
        Some("mine") => Scope::Assignee(&officer.user.id),
        Some("all") if officer.admin => Scope::All,
        None if officer.admin => Scope::All,
        Some("department") | None => Scope::Department(&dept),
        Some(_) => return Err(ApiError::field("queue", FieldError::InvalidChoice)),
    };
    let soon = deadline::next_working_day(today())
        .checked_add(jiff::Span::new().days(7))
        .map_err(anyhow::Error::from)?
        .to_string();
    let rows = db::list(&state.db.pool, g, scope).await?;
    let cases: Vec<OfficeCase> = rows
        .iter()
        .filter(|c| officer.sees(c))
        .map(CaseRow::office)
        .filter(|c| match filter.due.as_deref() {
            Some("overdue") => c.overdue,
            Some("soon") => c
                .summary
                .due_on
                .as_deref()
                .is_some_and(|d| d <= soon.as_str()),
            _ => true,
        })
        .collect();
    if filter
        .due
        .as_deref()
        .is_some_and(|d| d != "overdue" && d != "soon")
    {
        return Err(ApiError::field("due", FieldError::InvalidChoice));
    }
    Ok(AppJson(cases))
}

/// One case of the caller's department; opening it is recorded for the applicant to see.
#[utoipa::path(get, path = "/office/cases/{id}", tag = "office",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = CaseDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<CaseDetail>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let case = officer.case(&state, &id).await?;
    let mut tx = state.db.begin_write().await?;
    record_view(&mut tx, &case, &officer.user.id, now_ms()).await?;
    tx.commit().await?;
    Ok(AppJson(case.detail(&state.db.pool).await?))
}

/// Downloads a document of a case of the caller's department.
#[utoipa::path(get, path = "/office/cases/{id}/documents/{doc}", tag = "office",
    params(("id" = String, Path, description = "Case id"), ("doc" = String, Path, description = "Document id")),
    responses((status = 200, description = "The file, as an attachment"), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn document(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let case = officer.case(&state, &id).await?;
    super::routes::send_document(&state, &case, &doc).await
}

fn text(errors: &mut FieldErrors, name: &str, value: &str, max: usize) {
    let len = value.trim().chars().count();
    if len == 0 {
        errors.insert(name.into(), FieldError::Required);
    } else if len > max {
        errors.insert(name.into(), FieldError::TooLong);
    }
}

async fn jrwa_exists(
    conn: &mut AnyConnection,
    gmina: &str,
    symbol: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jrwa_classes WHERE gmina_id = $1 AND symbol = $2")
            .bind(gmina)
            .bind(symbol)
            .fetch_one(&mut *conn)
            .await?;
    Ok(n > 0)
}

/// Registers an incoming letter (paper, e-mail or another electronic channel) in the
/// registry of correspondence and opens its case.
#[utoipa::path(post, path = "/office/letters", tag = "office", request_body = NewLetter,
    responses((status = 201, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn register_letter(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(req): AppJson<NewLetter>,
) -> Result<(StatusCode, AppJson<OfficeCase>), ApiError> {
    let officer = Officer::of(&state, user).await?;
    let g = officer.user.gmina_id.clone();
    let mut errors = FieldErrors::new();
    text(&mut errors, "sender_name", &req.sender_name, 200);
    text(&mut errors, "subject", &req.subject, 300);
    let pesel = req
        .sender_pesel
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    if let Err(e) = models::validate::optional_pesel(pesel) {
        errors.insert("sender_pesel".into(), e);
    }
    let today = today();
    match parse_date(&req.received_on) {
        None => {
            errors.insert("received_on".into(), FieldError::InvalidDate);
        }
        Some(_) if req.received_on.as_str() > today.to_string().as_str() => {
            errors.insert("received_on".into(), FieldError::DateInFuture);
        }
        Some(_) => {}
    }
    if parse_period(&req.period).is_none() {
        errors.insert("period".into(), FieldError::InvalidChoice);
    }
    if req.channel == Channel::Portal {
        errors.insert("channel".into(), FieldError::InvalidChoice);
    }
    if req.channel == Channel::Paper && req.scans.is_empty() {
        errors.insert("scans".into(), FieldError::Required);
    }
    if req.scans.len() > 10 {
        errors.insert("scans".into(), FieldError::TooMany);
    }
    let mut tx = state.db.begin_write().await?;
    let department = department_by_code(&mut tx, &g, &req.department_code).await?;
    if department.is_none() {
        errors.insert("department_code".into(), FieldError::InvalidChoice);
    }
    if reference::check_parts("OR", &req.jrwa_symbol).is_err()
        || !jrwa_exists(&mut tx, &g, &req.jrwa_symbol).await?
    {
        errors.insert("jrwa_symbol".into(), FieldError::InvalidChoice);
    }
    if !all_uploaded_by(&mut tx, &g, &officer.user.id, &req.scans).await? {
        errors.insert("scans".into(), FieldError::WrongType);
    }
    let (Some((department_id, _)), true) = (department, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let applicant: Option<String> = match pesel {
        Some(p) => {
            sqlx::query_scalar("SELECT id FROM users WHERE gmina_id = $1 AND pesel = $2")
                .bind(&g)
                .bind(p)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let now = now_ms();
    let received_at = if req.received_on == today.to_string() {
        now
    } else {
        let day: jiff::civil::Date = req.received_on.parse().map_err(anyhow::Error::from)?;
        day.at(12, 0, 0, 0)
            .in_tz(crate::time_fmt::OFFICE_TZ)
            .map_err(anyhow::Error::from)?
            .timestamp()
            .as_millisecond()
    };
    let subject = req.subject.trim();
    let title = Localized {
        pl: subject.into(),
        en: subject.into(),
        uk: subject.into(),
    };
    let (case_id, _, _) = open_case(
        &mut tx,
        &NewCase {
            gmina: &g,
            channel: req.channel,
            service_id: None,
            applicant_id: applicant.as_deref(),
            applicant_name: req.sender_name.trim(),
            title: &title,
            department_id: &department_id,
            department_code: &req.department_code,
            jrwa_symbol: Some(&req.jrwa_symbol),
            period: &req.period,
            received_at,
            registered_by: Some(&officer.user.id),
        },
    )
    .await?;
    db::attach_files(
        &mut tx,
        &g,
        &case_id,
        "scan",
        &req.scans,
        &officer.user.id,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(case = %case_id, "letter registered");
    let case = db::by_id(&state.db.pool, &g, &case_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((StatusCode::CREATED, AppJson(case.office())))
}

/// Registry filter.
#[derive(Debug, Deserialize, IntoParams)]
struct RegistryFilter {
    /// The year (default: this year).
    year: Option<i64>,
}

/// The registry of incoming correspondence for a year, newest first.
#[utoipa::path(get, path = "/office/registry", tag = "office", params(RegistryFilter),
    responses((status = 200, body = Vec<RegistryEntry>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn registry(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(filter): Query<RegistryFilter>,
) -> Result<AppJson<Vec<RegistryEntry>>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let year = filter.year.unwrap_or(i64::from(today().year()));
    let rows = sqlx::query(
        "SELECT r.number, r.received_at, r.channel, r.sender, r.subject, r.case_id, c.reference \
         FROM registry_entries r JOIN cases c ON c.id = r.case_id \
         WHERE r.gmina_id = $1 AND r.year = $2 ORDER BY r.seq DESC LIMIT 500",
    )
    .bind(&officer.user.gmina_id)
    .bind(year)
    .fetch_all(&state.db.pool)
    .await?;
    let entries = rows
        .iter()
        .map(|r| RegistryEntry {
            number: r.get("number"),
            received_at: warsaw_rfc3339(r.get("received_at")),
            channel: Channel::parse(&r.get::<String, _>("channel")).unwrap_or(Channel::Paper),
            sender: r.get("sender"),
            subject: r.get("subject"),
            case_id: r.get("case_id"),
            case_reference: r.get("reference"),
        })
        .collect();
    Ok(AppJson(entries))
}

/// Assigns (dekretacja) or reassigns a case to a department and optionally a clerk;
/// classifies it (JRWA) when it has no class yet.
#[utoipa::path(post, path = "/office/cases/{id}/assign", tag = "office", request_body = Assign,
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn assign(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<Assign>,
) -> Result<AppJson<OfficeCase>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let g = officer.user.gmina_id.clone();
    let mut tx = state.db.begin_write().await?;
    let case = officer.case_in(&mut tx, &id).await?;
    assign_case(&mut tx, &g, &officer.user.id, &case, &req, now_ms()).await?;
    tx.commit().await?;
    let case = db::by_id(&state.db.pool, &g, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(case.office()))
}

/// Asks the applicant to complete the application (KPA art. 64 § 2: at least 7 days);
/// the statutory period stops until they do.
#[utoipa::path(post, path = "/office/cases/{id}/completion-request", tag = "office",
    request_body = NewCompletionRequest, params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn request_completion(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<NewCompletionRequest>,
) -> Result<AppJson<OfficeCase>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    officer.case(&state, &id).await?;
    let mut errors = FieldErrors::new();
    text(&mut errors, "text", &req.text, 2000);
    if req.days < 7 {
        errors.insert("days".into(), FieldError::TooSmall);
    } else if req.days > 60 {
        errors.insert("days".into(), FieldError::TooLarge);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut tx = state.db.begin_write().await?;
    let case = officer.case_in(&mut tx, &id).await?;
    ask_completion(&mut tx, &officer.user.id, &case, &req, today(), now_ms()).await?;
    tx.commit().await?;
    let case = db::by_id(&state.db.pool, &officer.user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(case.office()))
}

/// Notifies the applicant that the case will not be settled in time, with the reason
/// and a new date (KPA art. 36 § 1); the applicant may then file a ponaglenie (art. 37).
#[utoipa::path(post, path = "/office/cases/{id}/delay", tag = "office", request_body = NewDelay,
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn delay(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<NewDelay>,
) -> Result<AppJson<OfficeCase>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    officer.case(&state, &id).await?;
    let mut errors = FieldErrors::new();
    text(&mut errors, "reason", &req.reason, 2000);
    let today = today();
    let new_due = match parse_date(&req.new_due_on) {
        None => {
            errors.insert("new_due_on".into(), FieldError::InvalidDate);
            None
        }
        Some(_) => req.new_due_on.parse::<jiff::civil::Date>().ok(),
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let new_due = new_due.ok_or_else(|| ApiError::field("new_due_on", FieldError::InvalidDate))?;
    let mut tx = state.db.begin_write().await?;
    let case = officer.case_in(&mut tx, &id).await?;
    postpone(
        &mut tx,
        &officer.user.id,
        &case,
        req.reason.trim(),
        new_due,
        today,
        now_ms(),
    )
    .await?;
    tx.commit().await?;
    let case = db::by_id(&state.db.pool, &officer.user.gmina_id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(case.office()))
}

/// Moves the decision date (inside the caller's transaction): only while the period runs,
/// only later than both the current date and today, at most a year ahead; the date falls
/// on a working day (art. 57 § 4). Tells the applicant by e-mail.
pub async fn postpone(
    conn: &mut AnyConnection,
    officer_id: &str,
    case: &CaseRow,
    reason: &str,
    new_due: jiff::civil::Date,
    today: jiff::civil::Date,
    now: i64,
) -> Result<(), ApiError> {
    if !matches!(case.status, CaseStatus::Registered | CaseStatus::InProgress) {
        return Err(wrong_state());
    }
    let current = case
        .due_on
        .as_deref()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .ok_or_else(wrong_state)?;
    let new_due = deadline::next_working_day(new_due);
    let latest = today
        .checked_add(jiff::Span::new().days(366))
        .map_err(anyhow::Error::from)?;
    if new_due <= current || new_due <= today {
        return Err(ApiError::field("new_due_on", FieldError::TooSmall));
    }
    if new_due > latest {
        return Err(ApiError::field("new_due_on", FieldError::TooLarge));
    }
    // Counted from the limit's end before the working-day rule moved it, so that a later
    // recomputation (due_on with paused + extension days) lands on this very date.
    let start: jiff::civil::Date = case.received_on.parse().map_err(anyhow::Error::from)?;
    let base = crate::cases::limit_end(start, &case.period, case.paused_days + case.extension_days);
    let added = (new_due - base).get_days() as i64;
    let due = new_due.to_string();
    sqlx::query("UPDATE cases SET due_on = $1, extension_days = extension_days + $2 WHERE id = $3")
        .bind(&due)
        .bind(added)
        .bind(&case.id)
        .execute(&mut *conn)
        .await?;
    let note = format!("{due} — {reason}");
    record(
        conn,
        case,
        Change {
            kind: EventKind::Delayed,
            status: case.status,
            actor: Some(officer_id),
            note: Some(&note),
            at: now,
            detail: json!({"due_on": due, "added_days": added}),
        },
    )
    .await?;
    if let Some(applicant) = &case.applicant_id {
        crate::mail::notify_delay(conn, &case.gmina_id, applicant, case, &due, reason, now).await?;
    }
    Ok(())
}

/// Issues the decision: a document signed with the office key, added to the case and
/// delivered to the applicant (and through the e-Doręczenia seam).
#[utoipa::path(post, path = "/office/cases/{id}/decision", tag = "office", request_body = NewDecision,
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(req): AppJson<NewDecision>,
) -> Result<AppJson<OfficeCase>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    officer.case(&state, &id).await?;
    let g = officer.user.gmina_id.clone();
    let mut errors = FieldErrors::new();
    text(&mut errors, "text", &req.text, 20_000);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let pool = &state.db.pool;
    let key = keys::current(pool, state.config.receipt_key_dir.as_deref(), &g).await?;
    let office: String = sqlx::query_scalar("SELECT name FROM gminy WHERE id = $1")
        .bind(&g)
        .fetch_one(pool)
        .await?;
    let mut tx = state.db.begin_write().await?;
    let case = officer.case_in(&mut tx, &id).await?;
    issue_decision(
        &mut tx,
        &key,
        &office,
        &g,
        &officer.user.id,
        &case,
        &req,
        now_ms(),
    )
    .await?;
    tx.commit().await?;
    let case = db::by_id(pool, &g, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(case.office()))
}

/// Closes a decided case and archives it with its JRWA archive category.
#[utoipa::path(post, path = "/office/cases/{id}/close", tag = "office",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = OfficeCase), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<OfficeCase>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let g = officer.user.gmina_id.clone();
    let mut tx = state.db.begin_write().await?;
    let case = officer.case_in(&mut tx, &id).await?;
    close_case(&mut tx, &g, &officer.user.id, &case, now_ms()).await?;
    tx.commit().await?;
    let case = db::by_id(&state.db.pool, &g, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(AppJson(case.office()))
}

/// The office's departments (for assignment and registering letters).
#[utoipa::path(get, path = "/office/departments", tag = "office",
    responses((status = 200, body = Vec<Department>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn departments(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Department>>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let rows = sqlx::query(
        "SELECT d.code, d.name FROM departments d JOIN org_units o ON o.id = d.unit_id \
         WHERE d.gmina_id = $1 AND o.kind = 'office' ORDER BY d.code",
    )
    .bind(&officer.user.gmina_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| Department {
                code: r.get("code"),
                name: r.get("name"),
            })
            .collect(),
    ))
}

/// The office's JRWA classes (for classifying letters and cases).
#[utoipa::path(get, path = "/office/jrwa", tag = "office",
    responses((status = 200, body = Vec<JrwaClass>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn jrwa(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<JrwaClass>>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let rows = sqlx::query(
        "SELECT symbol, title, retention FROM jrwa_classes WHERE gmina_id = $1 ORDER BY symbol",
    )
    .bind(&officer.user.gmina_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| JrwaClass {
                symbol: r.get("symbol"),
                title: r.get("title"),
                retention: r.get("retention"),
            })
            .collect(),
    ))
}

/// The office's clerks with their departments (for assignment).
#[utoipa::path(get, path = "/office/clerks", tag = "office",
    responses((status = 200, body = Vec<Clerk>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn clerks(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Clerk>>, ApiError> {
    let officer = Officer::of(&state, user).await?;
    let rows = sqlx::query(
        "SELECT u.id, u.full_name, d.code FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'clerk' \
         JOIN departments d ON d.id = u.department_id WHERE u.gmina_id = $1 ORDER BY d.code, u.full_name",
    )
    .bind(&officer.user.gmina_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| Clerk {
                id: r.get("id"),
                name: r.get("full_name"),
                department_code: r.get("code"),
            })
            .collect(),
    ))
}

/// Assigns a case (inside the caller's transaction).
pub async fn assign_case(
    conn: &mut AnyConnection,
    g: &str,
    officer_id: &str,
    case: &CaseRow,
    req: &Assign,
    now: i64,
) -> Result<(), ApiError> {
    if matches!(case.status, CaseStatus::DecisionReady | CaseStatus::Closed) {
        return Err(wrong_state());
    }
    let (department_id, _) = department_by_code(conn, g, &req.department_code)
        .await?
        .ok_or_else(|| ApiError::field("department_code", FieldError::InvalidChoice))?;
    let assignee = match &req.assignee_id {
        Some(a) => Some(
            sqlx::query(
                "SELECT u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'clerk' \
                 WHERE u.id = $1 AND u.gmina_id = $2 AND u.department_id = $3",
            )
            .bind(a)
            .bind(g)
            .bind(&department_id)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| r.get::<String, _>("full_name"))
            .ok_or_else(|| ApiError::field("assignee_id", FieldError::InvalidChoice))?,
        ),
        None => None,
    };
    if case.jrwa_symbol.is_none() {
        let jrwa = req
            .jrwa_symbol
            .as_deref()
            .ok_or_else(|| ApiError::field("jrwa_symbol", FieldError::Required))?;
        if reference::check_parts(&req.department_code, jrwa).is_err()
            || !jrwa_exists(conn, g, jrwa).await?
        {
            return Err(ApiError::field("jrwa_symbol", FieldError::InvalidChoice));
        }
        let year = i64::from(today().year());
        let reference = reference::allocate(conn, g, &req.department_code, jrwa, year).await?;
        sqlx::query("UPDATE cases SET jrwa_symbol = $1, reference = $2 WHERE id = $3")
            .bind(jrwa)
            .bind(&reference)
            .bind(&case.id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("UPDATE cases SET department_id = $1, assignee_id = $2 WHERE id = $3")
        .bind(&department_id)
        .bind(&req.assignee_id)
        .bind(&case.id)
        .execute(&mut *conn)
        .await?;
    let (kind, status) = match (case.status, &req.assignee_id) {
        (CaseStatus::Submitted, None) => (EventKind::Registered, CaseStatus::Registered),
        (CaseStatus::Submitted | CaseStatus::Registered, Some(_)) => {
            (EventKind::Assigned, CaseStatus::InProgress)
        }
        (other, _) => (EventKind::Assigned, other),
    };
    let note = match &assignee {
        Some(name) => format!("{} → {name}", req.department_code),
        None => req.department_code.clone(),
    };
    if case.status == CaseStatus::Submitted && req.assignee_id.is_some() {
        // Registration and assignment in one step: both show on the timeline, and the
        // applicant gets one e-mail, about where the case ends up (the row as recorded
        // here already says "registered", so this step sends none).
        let registered = CaseRow {
            status: CaseStatus::Registered,
            ..case.clone()
        };
        record(
            conn,
            &registered,
            Change {
                kind: EventKind::Registered,
                status: CaseStatus::Registered,
                actor: Some(officer_id),
                note: Some(&req.department_code),
                at: now,
                detail: json!({}),
            },
        )
        .await?;
    }
    record(
        conn,
        case,
        Change {
            kind,
            status,
            actor: Some(officer_id),
            note: Some(&note),
            at: now,
            detail: json!({"department": req.department_code, "assignee": req.assignee_id}),
        },
    )
    .await?;
    Ok(())
}

/// Asks for completion (inside the caller's transaction).
pub async fn ask_completion(
    conn: &mut AnyConnection,
    officer_id: &str,
    case: &CaseRow,
    req: &NewCompletionRequest,
    today: jiff::civil::Date,
    now: i64,
) -> Result<(), ApiError> {
    if !matches!(case.status, CaseStatus::Registered | CaseStatus::InProgress) {
        return Err(wrong_state());
    }
    let due = deadline::next_working_day(
        today
            .checked_add(jiff::Span::new().days(i64::from(req.days)))
            .map_err(anyhow::Error::from)?,
    )
    .to_string();
    sqlx::query(
        "UPDATE cases SET completion_text = $1, completion_due_on = $2, paused_since = $3, due_on = NULL WHERE id = $4",
    )
    .bind(req.text.trim())
    .bind(&due)
    .bind(today.to_string())
    .bind(&case.id)
    .execute(&mut *conn)
    .await?;
    record(
        conn,
        case,
        Change {
            kind: EventKind::CompletionRequested,
            status: CaseStatus::NeedsCompletion,
            actor: Some(officer_id),
            note: Some(req.text.trim()),
            at: now,
            detail: json!({"due_on": due}),
        },
    )
    .await?;
    Ok(())
}

/// Issues a decision (inside the caller's transaction).
#[expect(clippy::too_many_arguments, reason = "the decision's parts")]
pub async fn issue_decision(
    conn: &mut AnyConnection,
    key: &keys::OfficeKey,
    office: &str,
    g: &str,
    officer_id: &str,
    case: &CaseRow,
    req: &NewDecision,
    now: i64,
) -> Result<(), ApiError> {
    if !matches!(case.status, CaseStatus::Registered | CaseStatus::InProgress) {
        return Err(wrong_state());
    }
    let issued = warsaw_rfc3339(now);
    let outcome = if req.granted {
        "orzeka pozytywnie (uwzględnia wniosek)"
    } else {
        "odmawia uwzględnienia wniosku"
    };
    let body = format!(
        "{office}\n{place_date}\n\nZnak sprawy: {reference}\n\nDECYZJA\n\n\
         Na podstawie art. 104 Kodeksu postępowania administracyjnego, po rozpatrzeniu sprawy \
         „{title}” (wnioskodawca: {applicant}), organ {outcome}.\n\n{text}\n\n\
         Pouczenie: od decyzji przysługuje odwołanie do samorządowego kolegium odwoławczego \
         za pośrednictwem organu, który ją wydał, w terminie 14 dni od dnia jej doręczenia (art. 127–129 KPA).\n\n\
         Dokument podpisany elektronicznie pieczęcią urzędu (Ed25519, klucz {key_id}).\n",
        place_date = issued,
        reference = case.reference,
        title = case.title.pl,
        applicant = case.applicant_name,
        text = req.text.trim(),
        key_id = key.key_id,
    );
    let sha = hex::encode(Sha256::digest(body.as_bytes()));
    store_blob(conn, g, &sha, body.as_bytes()).await?;
    let name = format!("decyzja-{}.txt", case.reference.replace(['.', '/'], "-"));
    let doc = |kind, name, content_type, size, sha256, signed| NewDocument {
        case_id: &case.id,
        direction: "out",
        kind,
        name,
        content_type,
        size,
        sha256,
        signed_json: signed,
        created_by: Some(officer_id),
    };
    let decision_id = db::insert_document(
        conn,
        g,
        &doc(
            "decision",
            &name,
            "text/plain; charset=utf-8",
            body.len() as u64,
            &sha,
            None,
        ),
        now,
    )
    .await?;
    let signed = sign_with(
        key,
        ReceiptDocument {
            attachments: vec![],
            case_reference: case.reference.clone(),
            content_sha256: sha.clone(),
            kind: "DECISION".into(),
            office: office.to_owned(),
            office_id: g.to_owned(),
            received_at: receipt_time(now),
            submission_id: decision_id.clone(),
            version: VERSION,
        },
    );
    let signed_json = serde_json::to_string_pretty(&signed).map_err(anyhow::Error::from)?;
    let signed_sha = hex::encode(Sha256::digest(signed_json.as_bytes()));
    store_blob(conn, g, &signed_sha, signed_json.as_bytes()).await?;
    let sig_name = name.replace(".txt", "-podpis.json");
    db::insert_document(
        conn,
        g,
        &doc(
            "signature",
            &sig_name,
            "application/json",
            signed_json.len() as u64,
            &signed_sha,
            Some(&signed_json),
        ),
        now,
    )
    .await?;
    if let Some(applicant) = &case.applicant_id {
        let address = format!("AE:PL-SIM-{applicant}");
        Simulator
            .deliver(
                conn,
                &Delivery {
                    gmina: g,
                    case_id: &case.id,
                    document_id: &decision_id,
                    address: &address,
                    at: now,
                },
            )
            .await?;
    }
    sqlx::query("UPDATE cases SET due_on = NULL WHERE id = $1")
        .bind(&case.id)
        .execute(&mut *conn)
        .await?;
    let note = if req.granted { "granted" } else { "refused" };
    record(
        conn,
        case,
        Change {
            kind: EventKind::DecisionIssued,
            status: CaseStatus::DecisionReady,
            actor: Some(officer_id),
            note: Some(note),
            at: now,
            detail: json!({"document": decision_id, "sha256": sha}),
        },
    )
    .await?;
    Ok(())
}

/// Closes a case (inside the caller's transaction).
pub async fn close_case(
    conn: &mut AnyConnection,
    g: &str,
    officer_id: &str,
    case: &CaseRow,
    now: i64,
) -> Result<(), ApiError> {
    if case.status != CaseStatus::DecisionReady {
        return Err(wrong_state());
    }
    let retention: Option<String> = sqlx::query_scalar(
        "SELECT retention FROM jrwa_classes WHERE gmina_id = $1 AND symbol = $2",
    )
    .bind(g)
    .bind(case.jrwa_symbol.as_deref().unwrap_or(""))
    .fetch_optional(&mut *conn)
    .await?;
    let retention = retention.ok_or_else(wrong_state)?;
    sqlx::query("UPDATE cases SET retention = $1, closed_at = $2 WHERE id = $3")
        .bind(&retention)
        .bind(now)
        .bind(&case.id)
        .execute(&mut *conn)
        .await?;
    record(
        conn,
        case,
        Change {
            kind: EventKind::Closed,
            status: CaseStatus::Closed,
            actor: Some(officer_id),
            note: Some(&retention),
            at: now,
            detail: json!({"retention": retention}),
        },
    )
    .await?;
    Ok(())
}
