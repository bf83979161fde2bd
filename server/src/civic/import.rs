//! Importing a pabulib `.pb` file into an edition (admins): the file becomes a new pool
//! with its projects (accepted, numbered in the edition) and its ballots (marked
//! `imported`), all in one transaction. A malformed file is refused with its line number
//! and nothing is stored.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::civic::{Edition, PoolChoice};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::pb::{self, Election};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, Step};
use super::editions::{find, wrong_phase};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{Db, new_id};
use crate::error::{ApiError, AppJson};
use crate::time_fmt::now_ms;

/// The largest `.pb` file accepted (Łódź 2024, 66 045 ballots, is about 3 MB).
pub const MAX_PB_BYTES: usize = 16 * 1024 * 1024 - 1024;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import))
        .layer(DefaultBodyLimit::max(MAX_PB_BYTES))
}

/// The new pool's name and kind.
#[derive(Debug, Deserialize, IntoParams)]
struct ImportOptions {
    /// The pool's name (default: META `district`, `subunit` or `unit`).
    name: Option<String>,
    /// Whether it is a district pool (default: META has a `district`).
    district: Option<bool>,
}

/// Imports a `.pb` file (the body, UTF-8 text) as a new pool of an edition that is not
/// closed — admins. Answers with the edition, the new pool last.
#[utoipa::path(post, path = "/civic/editions/{id}/import", tag = "civic",
    params(("id" = String, Path, description = "Edition id"), ImportOptions),
    request_body(content = String, content_type = "text/plain", description = "A pabulib .pb file"),
    responses((status = 201, body = Edition), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Query(options): Query<ImportOptions>,
    body: Bytes,
) -> Result<(StatusCode, AppJson<Edition>), ApiError> {
    user.require_any(&[Role::Admin])?;
    let edition = find(&state, &user.gmina_id, &id).await?;
    if edition.closed_at.is_some() {
        return Err(wrong_phase());
    }
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::Detailed(ErrorCode::InvalidPbFile, "not UTF-8 text".into()))?;
    let election =
        pb::parse(text).map_err(|e| ApiError::Detailed(ErrorCode::InvalidPbFile, e.to_string()))?;
    let meta = |k: &str| {
        election
            .meta
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    };
    let name = options
        .name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .or_else(|| meta("district"))
        .or_else(|| meta("subunit"))
        .or_else(|| meta("unit"))
        .unwrap_or_else(|| "Import".to_owned());
    if name.chars().count() > 100 {
        return Err(ApiError::field("name", FieldError::TooLong));
    }
    if election.budget < 100 || election.projects.iter().any(|p| p.cost < 100) {
        return Err(ApiError::Detailed(
            ErrorCode::InvalidPbFile,
            "the budget and every cost must be at least 1".into(),
        ));
    }
    let district = options
        .district
        .unwrap_or_else(|| meta("district").is_some());
    store(&state.db, &user.gmina_id, &id, &name, district, &election).await?;
    tracing::info!(edition = %id, ballots = election.ballots.len(), "pabulib file imported");
    Ok((
        StatusCode::CREATED,
        AppJson(find(&state, &user.gmina_id, &id).await?.edition),
    ))
}

async fn store(
    db: &Db,
    gmina: &str,
    edition: &str,
    name: &str,
    district: bool,
    election: &Election,
) -> anyhow::Result<()> {
    let pool_id = new_id();
    let now = now_ms();
    let max = election
        .max_length
        .unwrap_or(election.projects.len())
        .clamp(1, 50);
    let mut tx = db.begin_write().await?;
    let position: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM civic_pools WHERE edition_id = $1")
            .bind(edition)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO civic_pools (id, gmina_id, edition_id, name, district, budget, max_choices, \
         min_choices, position) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)",
    )
    .bind(&pool_id)
    .bind(gmina)
    .bind(edition)
    .bind(name)
    .bind(i64::from(district))
    .bind(election.budget)
    .bind(max as i64)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    let mut ids = Vec::with_capacity(election.projects.len());
    for project in &election.projects {
        let id = new_id();
        let number = db::next_number(&mut tx, edition).await?;
        let title = if project.name.trim().is_empty() {
            format!("Projekt {}", project.id)
        } else {
            project.name.trim().chars().take(120).collect()
        };
        sqlx::query(
            "INSERT INTO civic_projects (id, gmina_id, edition_id, pool_id, number, title, \
             description, location, category, estimated_cost, cost, status, conflict_group, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, '—', 'other', $8, $8, \
             'accepted', $9, $10, $10)",
        )
        .bind(&id)
        .bind(gmina)
        .bind(edition)
        .bind(&pool_id)
        .bind(number)
        .bind(&title)
        .bind(format!(
            "Zaimportowany z pliku pabulib (project_id {}).",
            project.id
        ))
        .bind(project.cost)
        .bind(Some(project.group.as_str()).filter(|g| !g.is_empty()))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let step = Step {
            kind: "accepted",
            note: "import (pabulib)",
            cost: None,
            actor: None,
        };
        db::record(&mut *tx, gmina, &id, step, now).await?;
        ids.push(id);
    }
    for (n, ballot) in election.ballots.iter().enumerate() {
        let choices = vec![PoolChoice {
            pool_id: pool_id.clone(),
            projects: ballot.iter().map(|&p| ids[p].clone()).collect(),
        }];
        let key = hex::encode(Sha256::digest(format!("import|{pool_id}|{n}")));
        sqlx::query(
            "INSERT INTO civic_ballots (id, gmina_id, edition_id, voter_key, receipt_hash, \
             choices, district_id, age_band, channel, cast_at) \
             VALUES ($1, $2, $3, $4, $4, $5, $6, '?', 'imported', $7)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(edition)
        .bind(&key)
        .bind(serde_json::to_string(&choices)?)
        .bind(district.then_some(pool_id.as_str()))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
