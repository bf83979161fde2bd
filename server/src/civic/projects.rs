//! Projects: residents propose them, the office verifies them (formal and legal check,
//! cost adjusted with a reason, accepted or rejected with a reason), the author may
//! appeal a rejection once, and every step shows on the project's public page.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use models::auth::Role;
use models::civic::{
    Appeal, NewProject, Phase, ProjectDetail, ProjectStatus, ProjectSummary, Verification,
};
use models::error::{ErrorBody, FieldError};
use sqlx::Row;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, ProjectRow, Step};
use super::editions::{find, wrong_phase};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::cases::files::{all_uploaded_by, blob};
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, propose))
        .routes(routes!(one))
        .routes(routes!(verify))
        .routes(routes!(appeal))
        .routes(routes!(decide_appeal))
        .routes(routes!(photo))
}

/// An edition's projects by number, each with its status — public.
#[utoipa::path(get, path = "/civic/editions/{id}/projects", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Vec<ProjectSummary>), (status = 404, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<AppJson<Vec<ProjectSummary>>, ApiError> {
    find(&state, &tenant.id, &id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let rows = db::projects(&mut conn, &tenant.id, &id).await?;
    Ok(AppJson(rows.into_iter().map(|r| r.summary).collect()))
}

async fn detail(
    state: &AppState,
    gmina: &str,
    row: ProjectRow,
    caller: Option<&CurrentUser>,
) -> Result<ProjectDetail, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let history = db::history(&mut conn, &row.summary.id).await?;
    let photos: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM civic_project_photos WHERE project_id = $1 ORDER BY position",
    )
    .bind(&row.summary.id)
    .fetch_all(&mut *conn)
    .await?;
    let mine = caller.is_some_and(|u| row.author_id.as_deref() == Some(u.id.as_str()));
    let edition = find(state, gmina, &row.edition_id).await?;
    let before_voting = before_voting(edition.edition.phase);
    Ok(ProjectDetail {
        can_appeal: mine
            && !row.appealed
            && row.summary.status == ProjectStatus::Rejected
            && before_voting,
        mine,
        edition_id: row.edition_id,
        description: row.description,
        estimated_cost: row.estimated_cost,
        history,
        photos,
        summary: row.summary,
    })
}

fn before_voting(phase: Phase) -> bool {
    matches!(
        phase,
        Phase::Announced | Phase::Proposals | Phase::Verification | Phase::Appeals
    )
}

async fn project(state: &AppState, gmina: &str, id: &str) -> Result<ProjectRow, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    db::project(&mut conn, gmina, id)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// One project with its verification history — public.
#[utoipa::path(get, path = "/civic/projects/{id}", tag = "civic",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = ProjectDetail), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    tenant: Tenant,
    user: Option<CurrentUser>,
    Path(id): Path<String>,
) -> Result<AppJson<ProjectDetail>, ApiError> {
    let row = project(&state, &tenant.id, &id).await?;
    Ok(AppJson(
        detail(&state, &tenant.id, row, user.as_ref()).await?,
    ))
}

/// A resident proposes a project while proposals are open.
#[utoipa::path(post, path = "/civic/editions/{id}/projects", tag = "civic",
    params(("id" = String, Path, description = "Edition id")), request_body = NewProject,
    responses((status = 201, body = ProjectDetail), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn propose(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(new): AppJson<NewProject>,
) -> Result<(StatusCode, AppJson<ProjectDetail>), ApiError> {
    let edition = find(&state, &user.gmina_id, &id).await?;
    let mut errors = new.problems();
    if edition.pool(&new.pool_id).is_none() {
        errors.insert("pool_id".into(), FieldError::InvalidChoice);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if edition.edition.phase != Phase::Proposals {
        return Err(wrong_phase());
    }
    let project_id = new_id();
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    if !all_uploaded_by(&mut tx, &user.gmina_id, &user.id, &new.photos).await? {
        return Err(ApiError::field("photos", FieldError::InvalidChoice));
    }
    let number = db::next_number(&mut tx, &id).await?;
    let point = new
        .point
        .map(|p| ((p.lat * 1e6).round() as i64, (p.lon * 1e6).round() as i64));
    sqlx::query(
        "INSERT INTO civic_projects (id, gmina_id, edition_id, pool_id, number, title, description, \
         location, lat_e6, lon_e6, category, estimated_cost, cost, status, author_id, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, 'submitted', \
         $13, $14, $14)",
    )
    .bind(&project_id)
    .bind(&user.gmina_id)
    .bind(&id)
    .bind(&new.pool_id)
    .bind(number)
    .bind(new.title.trim())
    .bind(new.description.trim())
    .bind(new.location.trim())
    .bind(point.map(|p| p.0))
    .bind(point.map(|p| p.1))
    .bind(&new.category)
    .bind(new.estimated_cost)
    .bind(&user.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let step = Step {
        kind: "submitted",
        note: "",
        cost: Some(new.estimated_cost),
        actor: None,
    };
    db::record(&mut *tx, &user.gmina_id, &project_id, step, now).await?;
    tx.commit().await?;
    let row = project(&state, &user.gmina_id, &project_id).await?;
    Ok((
        StatusCode::CREATED,
        AppJson(detail(&state, &user.gmina_id, row, Some(&user)).await?),
    ))
}

fn reason_required(reason: &str) -> Result<(), ApiError> {
    let n = reason.trim().chars().count();
    if n == 0 {
        Err(ApiError::field("reason", FieldError::Required))
    } else if n > 2000 {
        Err(ApiError::field("reason", FieldError::TooLong))
    } else {
        Ok(())
    }
}

/// The office verifies a submitted project: accepts or rejects it with a reason, may
/// adjust its cost (with a reason) and put it in a conflict group — clerks and admins.
#[utoipa::path(post, path = "/civic/projects/{id}/verification", tag = "civic",
    params(("id" = String, Path, description = "Project id")), request_body = Verification,
    responses((status = 200, body = ProjectDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn verify(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(v): AppJson<Verification>,
) -> Result<AppJson<ProjectDetail>, ApiError> {
    user.require_any(&[Role::Clerk, Role::Admin])?;
    let row = project(&state, &user.gmina_id, &id).await?;
    let new_cost = v.cost.filter(|&c| c != row.summary.cost);
    if new_cost.is_some_and(|c| c < 100) {
        return Err(ApiError::field("cost", FieldError::TooSmall));
    }
    if !v.accept || new_cost.is_some() {
        reason_required(&v.reason)?;
    }
    let group = v
        .conflict_group
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty());
    if group.is_some_and(|g| g.chars().count() > 60) {
        return Err(ApiError::field("conflict_group", FieldError::TooLong));
    }
    let edition = find(&state, &user.gmina_id, &row.edition_id).await?;
    if row.summary.status != ProjectStatus::Submitted || !before_voting(edition.edition.phase) {
        return Err(wrong_phase());
    }
    let now = now_ms();
    let status = if v.accept { "accepted" } else { "rejected" };
    let mut tx = state.db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE civic_projects SET status = $1, cost = $2, conflict_group = $3, updated_at = $4 \
         WHERE id = $5 AND status = 'submitted'",
    )
    .bind(status)
    .bind(new_cost.unwrap_or(row.summary.cost))
    .bind(group)
    .bind(now)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(wrong_phase());
    }
    let g = &user.gmina_id;
    if let Some(cost) = new_cost {
        let step = Step {
            kind: "cost_adjusted",
            note: v.reason.trim(),
            cost: Some(cost),
            actor: Some(&user.id),
        };
        db::record(&mut *tx, g, &id, step, now).await?;
    }
    let note = if v.accept && new_cost.is_some() {
        ""
    } else {
        v.reason.trim()
    };
    let step = Step {
        kind: status,
        note,
        cost: None,
        actor: Some(&user.id),
    };
    db::record(&mut *tx, g, &id, step, now + 1).await?;
    tx.commit().await?;
    let row = project(&state, g, &id).await?;
    Ok(AppJson(
        detail(&state, &user.gmina_id, row, Some(&user)).await?,
    ))
}

/// The author appeals a rejection, once, before voting starts.
#[utoipa::path(post, path = "/civic/projects/{id}/appeal", tag = "civic",
    params(("id" = String, Path, description = "Project id")), request_body = Appeal,
    responses((status = 200, body = ProjectDetail), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn appeal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(a): AppJson<Appeal>,
) -> Result<AppJson<ProjectDetail>, ApiError> {
    let row = project(&state, &user.gmina_id, &id).await?;
    if row.author_id.as_deref() != Some(user.id.as_str()) {
        return Err(ApiError::not_found());
    }
    reason_required(&a.reason)?;
    let edition = find(&state, &user.gmina_id, &row.edition_id).await?;
    if !before_voting(edition.edition.phase) {
        return Err(wrong_phase());
    }
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE civic_projects SET status = 'appealed', appealed = 1, updated_at = $1 \
         WHERE id = $2 AND status = 'rejected' AND appealed = 0",
    )
    .bind(now)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(wrong_phase());
    }
    let step = Step {
        kind: "appealed",
        note: a.reason.trim(),
        cost: None,
        actor: Some(&user.id),
    };
    db::record(&mut *tx, &user.gmina_id, &id, step, now).await?;
    tx.commit().await?;
    let row = project(&state, &user.gmina_id, &id).await?;
    Ok(AppJson(
        detail(&state, &user.gmina_id, row, Some(&user)).await?,
    ))
}

/// The office decides an appeal: upheld puts the project on the ballot, dismissed keeps
/// it rejected — clerks and admins.
#[utoipa::path(post, path = "/civic/projects/{id}/appeal-decision", tag = "civic",
    params(("id" = String, Path, description = "Project id")), request_body = Appeal,
    responses((status = 200, body = ProjectDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn decide_appeal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(a): AppJson<Appeal>,
) -> Result<AppJson<ProjectDetail>, ApiError> {
    user.require_any(&[Role::Clerk, Role::Admin])?;
    let row = project(&state, &user.gmina_id, &id).await?;
    reason_required(&a.reason)?;
    let Some(upheld) = a.upheld else {
        return Err(ApiError::field("upheld", FieldError::Required));
    };
    let edition = find(&state, &user.gmina_id, &row.edition_id).await?;
    if !before_voting(edition.edition.phase) {
        return Err(wrong_phase());
    }
    let now = now_ms();
    let (status, kind) = if upheld {
        ("accepted", "appeal_upheld")
    } else {
        ("rejected", "appeal_dismissed")
    };
    let mut tx = state.db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE civic_projects SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'appealed'",
    )
    .bind(status)
    .bind(now)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(wrong_phase());
    }
    let step = Step {
        kind,
        note: a.reason.trim(),
        cost: None,
        actor: Some(&user.id),
    };
    db::record(&mut *tx, &user.gmina_id, &id, step, now).await?;
    tx.commit().await?;
    let row = project(&state, &user.gmina_id, &id).await?;
    Ok(AppJson(
        detail(&state, &user.gmina_id, row, Some(&user)).await?,
    ))
}

/// A project's photo (PNG or JPEG, checked on upload) — public, shown inline.
#[utoipa::path(get, path = "/civic/projects/{id}/photos/{position}", tag = "civic",
    params(("id" = String, Path, description = "Project id"),
        ("position" = u32, Path, description = "0-based position")),
    responses((status = 200, description = "The image"), (status = 404, body = ErrorBody)))]
async fn photo(
    State(state): State<AppState>,
    tenant: Tenant,
    Path((id, position)): Path<(String, u32)>,
) -> Result<Response, ApiError> {
    let row = sqlx::query(
        "SELECT sha256, content_type FROM civic_project_photos \
         WHERE gmina_id = $1 AND project_id = $2 AND position = $3",
    )
    .bind(&tenant.id)
    .bind(&id)
    .bind(i64::from(position))
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let sha: String = row.get("sha256");
    let content_type: String = row.get("content_type");
    let bytes = blob(&state.db.pool, &tenant.id, &sha)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
