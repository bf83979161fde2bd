//! Editions: the public list and page, and the admin's creating and editing them (title,
//! timetable, rules; pools are fixed once created).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::civic::{Edition, EditionChange, NewEdition, NewPool, Rules, Timetable};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::forms::parse_date;
use models::validate::FieldErrors;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, EditionRow};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{Db, new_id};
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{OFFICE_TZ, now_ms};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one, change))
}

/// 409 for an action the edition's phase does not allow.
pub fn wrong_phase() -> ApiError {
    ApiError::Status(StatusCode::CONFLICT, ErrorCode::WrongPhase)
}

/// An edition of the request's gmina, or 404.
pub async fn find(state: &AppState, gmina: &str, id: &str) -> Result<EditionRow, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    db::edition(&mut conn, gmina, id)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The gmina's civic-budget editions, newest first — public.
#[utoipa::path(get, path = "/civic/editions", tag = "civic",
    responses((status = 200, body = Vec<Edition>)))]
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<Vec<Edition>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = db::editions(&mut conn, &tenant.id).await?;
    Ok(AppJson(rows.into_iter().map(|r| r.edition).collect()))
}

/// One edition with its timetable, rules and pools — public.
#[utoipa::path(get, path = "/civic/editions/{id}", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Edition), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<AppJson<Edition>, ApiError> {
    Ok(AppJson(find(&state, &tenant.id, &id).await?.edition))
}

/// The voting window in UTC ms: from `voting_from` 00:00 to the day after `voting_to`,
/// 00:00, both in Europe/Warsaw.
fn voting_window(timetable: &Timetable) -> anyhow::Result<(i64, i64)> {
    let tz = jiff::tz::TimeZone::get(OFFICE_TZ)?;
    let start = jiff::civil::Date::strptime("%Y-%m-%d", &timetable.voting_from)?;
    let last = jiff::civil::Date::strptime("%Y-%m-%d", &timetable.voting_to)?;
    let end = last.tomorrow()?;
    let ms = |d: jiff::civil::Date| -> anyhow::Result<i64> {
        Ok(d.to_zoned(tz.clone())?.timestamp().as_millisecond())
    };
    Ok((ms(start)?, ms(end)?))
}

fn check_common(title: &str, timetable: &Timetable, rules: &Rules, errors: &mut FieldErrors) {
    let n = title.trim().chars().count();
    if n == 0 {
        errors.insert("title".into(), FieldError::Required);
    } else if n > 200 {
        errors.insert("title".into(), FieldError::TooLong);
    }
    errors.extend(timetable.problems());
    if rules.min_age.is_some_and(|a| a > 100) {
        errors.insert("min_age".into(), FieldError::TooLarge);
    }
    if parse_date(&timetable.voting_to).is_some() && voting_window(timetable).is_err() {
        errors.insert("voting_to".into(), FieldError::InvalidDate);
    }
}

fn check_pool(i: usize, pool: &NewPool, errors: &mut FieldErrors) {
    let n = pool.name.trim().chars().count();
    if n == 0 {
        errors.insert(format!("pools.{i}.name"), FieldError::Required);
    } else if n > 100 {
        errors.insert(format!("pools.{i}.name"), FieldError::TooLong);
    }
    if pool.budget < 100 {
        errors.insert(format!("pools.{i}.budget"), FieldError::TooSmall);
    } else if pool.budget > 10_000_000_000_000 {
        errors.insert(format!("pools.{i}.budget"), FieldError::TooLarge);
    }
    if !(1..=50).contains(&pool.max_choices) {
        errors.insert(format!("pools.{i}.max_choices"), FieldError::InvalidChoice);
    }
    if pool.min_choices > pool.max_choices {
        errors.insert(format!("pools.{i}.min_choices"), FieldError::TooLarge);
    }
}

/// Creates an edition with its pools — admins.
#[utoipa::path(post, path = "/civic/editions", tag = "civic", request_body = NewEdition,
    responses((status = 201, body = Edition), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(new): AppJson<NewEdition>,
) -> Result<(StatusCode, AppJson<Edition>), ApiError> {
    user.require_any(&[Role::Admin])?;
    let mut errors = FieldErrors::new();
    check_common(&new.title, &new.timetable, &new.rules, &mut errors);
    if new.pools.is_empty() {
        errors.insert("pools".into(), FieldError::Required);
    } else if new.pools.len() > 50 {
        errors.insert("pools".into(), FieldError::TooMany);
    }
    for (i, pool) in new.pools.iter().enumerate() {
        check_pool(i, pool, &mut errors);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let id = insert(&state.db, &user.gmina_id, &new).await?;
    Ok((
        StatusCode::CREATED,
        AppJson(find(&state, &user.gmina_id, &id).await?.edition),
    ))
}

/// Stores a checked edition and its pools in one transaction; returns its id.
pub async fn insert(db: &Db, gmina: &str, new: &NewEdition) -> anyhow::Result<String> {
    let (starts, ends) = voting_window(&new.timetable)?;
    let id = new_id();
    let t = &new.timetable;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO civic_editions (id, gmina_id, title, proposals_from, proposals_to, \
         verification_to, appeals_to, voting_from, voting_to, voting_starts_at, voting_ends_at, \
         ballot_kind, rule, min_age, guardian_consent, allow_change, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(new.title.trim())
    .bind(&t.proposals_from)
    .bind(&t.proposals_to)
    .bind(&t.verification_to)
    .bind(&t.appeals_to)
    .bind(&t.voting_from)
    .bind(&t.voting_to)
    .bind(starts)
    .bind(ends)
    .bind(new.rules.ballot.as_str())
    .bind(new.rules.rule.as_str())
    .bind(new.rules.min_age.map(i64::from))
    .bind(i64::from(new.rules.guardian_consent))
    .bind(i64::from(new.rules.allow_change))
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    for (i, pool) in new.pools.iter().enumerate() {
        sqlx::query(
            "INSERT INTO civic_pools (id, gmina_id, edition_id, name, district, budget, \
             max_choices, min_choices, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(&id)
        .bind(pool.name.trim())
        .bind(i64::from(pool.district))
        .bind(pool.budget)
        .bind(i64::from(pool.max_choices))
        .bind(i64::from(pool.min_choices))
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Changes an edition's title, timetable and rules until it is closed — admins.
#[utoipa::path(put, path = "/civic/editions/{id}", tag = "civic", request_body = EditionChange,
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Edition), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(change): AppJson<EditionChange>,
) -> Result<AppJson<Edition>, ApiError> {
    user.require_any(&[Role::Admin])?;
    let mut errors = FieldErrors::new();
    check_common(&change.title, &change.timetable, &change.rules, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    // Ballots already cast were checked against the ballot type: it stays as it is.
    let current = find(&state, &user.gmina_id, &id).await?;
    if current.edition.rules.ballot != change.rules.ballot {
        let cast: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM civic_ballots WHERE edition_id = $1")
                .bind(&id)
                .fetch_one(&state.db.pool)
                .await?;
        if cast > 0 {
            return Err(wrong_phase());
        }
    }
    let (starts, ends) = voting_window(&change.timetable)?;
    let t = &change.timetable;
    let done = sqlx::query(
        "UPDATE civic_editions SET title = $1, proposals_from = $2, proposals_to = $3, \
         verification_to = $4, appeals_to = $5, voting_from = $6, voting_to = $7, \
         voting_starts_at = $8, voting_ends_at = $9, ballot_kind = $10, rule = $11, min_age = $12, \
         guardian_consent = $13, allow_change = $14 \
         WHERE gmina_id = $15 AND id = $16 AND closed_at IS NULL",
    )
    .bind(change.title.trim())
    .bind(&t.proposals_from)
    .bind(&t.proposals_to)
    .bind(&t.verification_to)
    .bind(&t.appeals_to)
    .bind(&t.voting_from)
    .bind(&t.voting_to)
    .bind(starts)
    .bind(ends)
    .bind(change.rules.ballot.as_str())
    .bind(change.rules.rule.as_str())
    .bind(change.rules.min_age.map(i64::from))
    .bind(i64::from(change.rules.guardian_consent))
    .bind(i64::from(change.rules.allow_change))
    .bind(&user.gmina_id)
    .bind(&id)
    .execute(&state.db.pool)
    .await?;
    let edition = find(&state, &user.gmina_id, &id).await?;
    if done.rows_affected() == 0 {
        return Err(wrong_phase());
    }
    Ok(AppJson(edition.edition))
}
