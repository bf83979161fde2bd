//! Closing and counting: the admin closes voting, the ballots are counted per pool with
//! the edition's rule, and the results are frozen. Anyone can then read them, download
//! each pool's anonymised ballots as a pabulib `.pb` file, check a receipt, and count
//! again (`okienko pb tally`, or the recount page) to the same outcome.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use models::auth::Role;
use models::civic::{
    AGE_BANDS, Count, Edition, PoolChoice, PoolResult, ProjectResult, ProjectStatus,
    ProjectSummary, Results, verdicts,
};
use models::error::ErrorBody;
use models::pb::{self, Election, Project};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{self, EditionRow};
use super::editions::{find, wrong_phase};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(close))
        .routes(routes!(results))
        .routes(routes!(export))
        .routes(routes!(receipts))
}

/// A stored ballot as the count reads it.
#[derive(Debug, Clone)]
pub struct CountedBallot {
    pub id: String,
    pub choices: Vec<PoolChoice>,
    pub district_id: Option<String>,
    pub age_band: String,
    pub channel: String,
}

async fn ballots(conn: &mut AnyConnection, edition: &str) -> anyhow::Result<Vec<CountedBallot>> {
    let rows = sqlx::query(
        "SELECT id, choices, district_id, age_band, channel FROM civic_ballots WHERE edition_id = $1",
    )
    .bind(edition)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let choices: String = r.get("choices");
        out.push(CountedBallot {
            id: r.get("id"),
            choices: serde_json::from_str(&choices)?,
            district_id: r.get("district_id"),
            age_band: r.get("age_band"),
            channel: r.get("channel"),
        });
    }
    // A neutral order that reveals nothing about when or by whom a ballot was cast.
    out.sort_by_cached_key(|b| hex::encode(Sha256::digest(b.id.as_bytes())));
    Ok(out)
}

/// One pool as a pabulib election: its accepted projects (ids are their ballot numbers)
/// and the ballots' choices in it.
pub fn election<'p>(
    edition: &Edition,
    gmina_name: &str,
    pool_id: &str,
    projects: &'p [ProjectSummary],
    ballots: &[CountedBallot],
) -> Option<(Election, Vec<&'p ProjectSummary>)> {
    let pool = edition.pools.iter().find(|p| p.id == pool_id)?;
    let listed: Vec<&ProjectSummary> = projects
        .iter()
        .filter(|p| p.pool_id == pool.id && p.status == ProjectStatus::Accepted)
        .collect();
    let mut votes = vec![];
    for ballot in ballots {
        let Some(choice) = ballot.choices.iter().find(|c| c.pool_id == pool.id) else {
            continue;
        };
        let picked: Vec<usize> = choice
            .projects
            .iter()
            .filter_map(|id| listed.iter().position(|p| &p.id == id))
            .collect();
        if !picked.is_empty() {
            votes.push(picked);
        }
    }
    let rule = match edition.rules.rule {
        pb::Rule::Greedy => "greedy",
        pb::Rule::Mes => "equalshares/add1",
    };
    let meta = vec![
        (
            "description".into(),
            format!("{} – {}", edition.title, pool.name),
        ),
        ("country".into(), "Poland".into()),
        ("unit".into(), gmina_name.to_owned()),
        (
            "instance".into(),
            edition.timetable.voting_to[..4].to_owned(),
        ),
        ("district".into(), pool.name.clone()),
        ("num_projects".into(), listed.len().to_string()),
        ("num_votes".into(), votes.len().to_string()),
        ("budget".into(), pb::amount(pool.budget)),
        ("vote_type".into(), "approval".into()),
        ("rule".into(), rule.into()),
        ("currency".into(), "PLN".into()),
    ];
    let election = Election {
        meta,
        budget: pool.budget,
        projects: listed
            .iter()
            .map(|p| Project {
                id: p.number.to_string(),
                cost: p.cost,
                name: p.title.clone(),
                selected: None,
                group: p.conflict_group.clone().unwrap_or_default(),
            })
            .collect(),
        ballots: votes,
        max_length: None,
    };
    Some((election, listed))
}

/// Counts every pool of an edition.
pub fn count(
    edition: &Edition,
    gmina_name: &str,
    projects: &[ProjectSummary],
    ballots: &[CountedBallot],
) -> Results {
    let mut pools = vec![];
    for pool in &edition.pools {
        let Some((election, listed)) = election(edition, gmina_name, &pool.id, projects, ballots)
        else {
            continue;
        };
        let groups = election.groups();
        let chosen = pb::choose(&election, edition.rules.rule, &groups);
        let numbers: Vec<u32> = listed.iter().map(|p| p.number).collect();
        let verdicts = verdicts(&election, edition.rules.rule, &groups, &chosen, &numbers);
        let votes = pb::vote_counts(&election);
        let mut lines: Vec<ProjectResult> = listed
            .iter()
            .enumerate()
            .map(|(i, p)| ProjectResult {
                project_id: p.id.clone(),
                number: p.number,
                title: p.title.clone(),
                cost: p.cost,
                votes: votes[i],
                verdict: verdicts[i].clone(),
            })
            .collect();
        lines.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.number.cmp(&b.number)));
        pools.push(PoolResult {
            pool_id: pool.id.clone(),
            name: pool.name.clone(),
            budget: pool.budget,
            spent: chosen.iter().map(|&p| election.projects[p].cost).sum(),
            ballots: election.ballots.len() as u64,
            projects: lines,
        });
    }
    let by_district = edition
        .pools
        .iter()
        .filter(|p| p.district)
        .map(|p| Count {
            label: p.name.clone(),
            ballots: ballots
                .iter()
                .filter(|b| b.district_id.as_deref() == Some(p.id.as_str()))
                .count() as u64,
        })
        .collect();
    let mut by_age: Vec<Count> = AGE_BANDS
        .iter()
        .map(|band| Count {
            label: (*band).to_owned(),
            ballots: ballots.iter().filter(|b| b.age_band == *band).count() as u64,
        })
        .collect();
    let unknown = ballots
        .iter()
        .filter(|b| !AGE_BANDS.contains(&b.age_band.as_str()))
        .count();
    if unknown > 0 {
        by_age.push(Count {
            label: "?".into(),
            ballots: unknown as u64,
        });
    }
    Results {
        edition_id: edition.id.clone(),
        rule: edition.rules.rule,
        ballots: ballots.len() as u64,
        paper_ballots: ballots.iter().filter(|b| b.channel == "paper").count() as u64,
        pools,
        by_district,
        by_age,
    }
}

async fn gmina_name(conn: &mut AnyConnection, gmina: &str) -> anyhow::Result<String> {
    Ok(sqlx::query_scalar("SELECT name FROM gminy WHERE id = $1")
        .bind(gmina)
        .fetch_one(&mut *conn)
        .await?)
}

/// Closes voting and counts — admins, once voting has started. Ballots in flight are
/// either stored before the close (and counted) or refused.
#[utoipa::path(post, path = "/civic/editions/{id}/close", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Results), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn close(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<Results>, ApiError> {
    user.require_any(&[Role::Admin])?;
    find(&state, &user.gmina_id, &id).await?;
    let results = close_and_count(&state.db, &user.gmina_id, &id, now_ms())
        .await?
        .ok_or_else(wrong_phase)?;
    tracing::info!(edition = %id, ballots = results.ballots, "civic budget closed and counted");
    Ok(AppJson(results))
}

/// Closes voting at `now` and counts, in one transaction; `None` when the edition is
/// already closed or voting has not started.
pub async fn close_and_count(
    db: &Db,
    gmina: &str,
    id: &str,
    now: i64,
) -> anyhow::Result<Option<Results>> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE civic_editions SET closed_at = $1 WHERE gmina_id = $2 AND id = $3 \
         AND closed_at IS NULL AND voting_starts_at <= $1",
    )
    .bind(now)
    .bind(gmina)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    let edition = db::edition(&mut tx, gmina, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the edition vanished while closing"))?;
    let projects = db::summaries(&mut tx, gmina, id).await?;
    let counted = ballots(&mut tx, id).await?;
    let name = gmina_name(&mut tx, gmina).await?;
    let results = count(&edition.edition, &name, &projects, &counted);
    sqlx::query("UPDATE civic_editions SET results = $1 WHERE id = $2")
        .bind(serde_json::to_string(&results)?)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(results))
}

async fn closed(state: &AppState, gmina: &str, id: &str) -> Result<EditionRow, ApiError> {
    let edition = find(state, gmina, id).await?;
    if edition.closed_at.is_none() {
        return Err(wrong_phase());
    }
    Ok(edition)
}

/// The results of a closed edition — public.
#[utoipa::path(get, path = "/civic/editions/{id}/results", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Results), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn results(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<AppJson<Results>, ApiError> {
    closed(&state, &tenant.id, &id).await?;
    let json: Option<String> =
        sqlx::query_scalar("SELECT results FROM civic_editions WHERE id = $1")
            .bind(&id)
            .fetch_one(&state.db.pool)
            .await?;
    let json = json.ok_or_else(wrong_phase)?;
    Ok(AppJson(
        serde_json::from_str(&json).map_err(anyhow::Error::from)?,
    ))
}

/// A pool's anonymised ballots as a pabulib `.pb` file — public, once closed.
#[utoipa::path(get, path = "/civic/editions/{id}/pools/{pool}/ballots.pb", tag = "civic",
    params(("id" = String, Path, description = "Edition id"),
        ("pool" = String, Path, description = "Pool id")),
    responses((status = 200, description = "The .pb file", content_type = "text/plain"),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn export(
    State(state): State<AppState>,
    tenant: Tenant,
    Path((id, pool)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let edition = closed(&state, &tenant.id, &id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let projects = db::summaries(&mut conn, &tenant.id, &id).await?;
    let counted = ballots(&mut conn, &id).await?;
    let (election, _) = election(&edition.edition, &tenant.name, &pool, &projects, &counted)
        .ok_or_else(ApiError::not_found)?;
    let name = format!(
        "attachment; filename=\"okienko-{}.pb\"",
        &pool[..8.min(pool.len())]
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        pb::write(&election),
    )
        .into_response())
}

/// The SHA-256 hashes of every counted ballot's receipt code, sorted — public, once
/// closed. Their number equals the ballots counted; none links to its choices.
#[utoipa::path(get, path = "/civic/editions/{id}/receipts", tag = "civic",
    params(("id" = String, Path, description = "Edition id")),
    responses((status = 200, body = Vec<String>), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn receipts(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<AppJson<Vec<String>>, ApiError> {
    closed(&state, &tenant.id, &id).await?;
    let hashes: Vec<String> = sqlx::query_scalar(
        "SELECT receipt_hash FROM civic_ballots WHERE edition_id = $1 ORDER BY receipt_hash",
    )
    .bind(&id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(AppJson(hashes))
}
