//! Stored editions, pools and projects, and how they map to the wire.

use anyhow::Context;
use models::civic::{
    BallotKind, Edition, Phase, Point, Pool, ProjectEvent, ProjectStatus, ProjectSummary, Rules,
    Timetable,
};
use models::pb::Rule;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Executor, Row};

use crate::db::new_id;
use crate::time_fmt::{today, warsaw_rfc3339};

/// A stored edition with its pools (not a wire type: it keeps the window in ms).
#[derive(Debug, Clone)]
pub struct EditionRow {
    pub edition: Edition,
    pub gmina_id: String,
    pub voting_starts_at: i64,
    pub voting_ends_at: i64,
    pub closed_at: Option<i64>,
}

impl EditionRow {
    /// Whether a ballot may be cast or changed at `now` (ms).
    pub fn voting_open(&self, now: i64) -> bool {
        self.closed_at.is_none() && now >= self.voting_starts_at && now < self.voting_ends_at
    }

    /// The pool with this id.
    pub fn pool(&self, id: &str) -> Option<&Pool> {
        self.edition.pools.iter().find(|p| p.id == id)
    }
}

const EDITION: &str = "SELECT id, gmina_id, title, proposals_from, proposals_to, verification_to, \
    appeals_to, voting_from, voting_to, voting_starts_at, voting_ends_at, ballot_kind, rule, min_age, \
    guardian_consent, allow_change, closed_at FROM civic_editions";

fn edition_row(r: &AnyRow) -> anyhow::Result<EditionRow> {
    let timetable = Timetable {
        proposals_from: r.get("proposals_from"),
        proposals_to: r.get("proposals_to"),
        verification_to: r.get("verification_to"),
        appeals_to: r.get("appeals_to"),
        voting_from: r.get("voting_from"),
        voting_to: r.get("voting_to"),
    };
    let closed_at: Option<i64> = r.get("closed_at");
    let phase = if closed_at.is_some() {
        Phase::Results
    } else {
        timetable.phase_on(&today().to_string())
    };
    let ballot: String = r.get("ballot_kind");
    let rule: String = r.get("rule");
    let min_age: Option<i64> = r.get("min_age");
    Ok(EditionRow {
        edition: Edition {
            id: r.get("id"),
            title: r.get("title"),
            phase,
            timetable,
            rules: Rules {
                ballot: BallotKind::parse(&ballot).context("stored ballot kind")?,
                rule: Rule::parse(&rule).context("stored rule")?,
                min_age: min_age.and_then(|a| u8::try_from(a).ok()),
                guardian_consent: r.get::<i64, _>("guardian_consent") != 0,
                allow_change: r.get::<i64, _>("allow_change") != 0,
            },
            pools: vec![],
            closed_at: closed_at.map(warsaw_rfc3339),
        },
        gmina_id: r.get("gmina_id"),
        voting_starts_at: r.get("voting_starts_at"),
        voting_ends_at: r.get("voting_ends_at"),
        closed_at,
    })
}

async fn pools(conn: &mut AnyConnection, edition: &str) -> anyhow::Result<Vec<Pool>> {
    let rows = sqlx::query(
        "SELECT id, name, district, budget, max_choices, min_choices FROM civic_pools \
         WHERE edition_id = $1 ORDER BY district, position",
    )
    .bind(edition)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Pool {
            id: r.get("id"),
            name: r.get("name"),
            district: r.get::<i64, _>("district") != 0,
            budget: r.get("budget"),
            max_choices: u32::try_from(r.get::<i64, _>("max_choices")).unwrap_or(0),
            min_choices: u32::try_from(r.get::<i64, _>("min_choices")).unwrap_or(0),
        })
        .collect())
}

/// One edition of the gmina, with its pools.
pub async fn edition(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> anyhow::Result<Option<EditionRow>> {
    let sql = format!("{EDITION} WHERE gmina_id = $1 AND id = $2");
    let Some(row) = sqlx::query(&sql)
        .bind(gmina)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let mut edition = edition_row(&row)?;
    edition.edition.pools = pools(conn, id).await?;
    Ok(Some(edition))
}

/// The gmina's editions, newest voting first, with their pools.
pub async fn editions(conn: &mut AnyConnection, gmina: &str) -> anyhow::Result<Vec<EditionRow>> {
    let sql = format!("{EDITION} WHERE gmina_id = $1 ORDER BY voting_from DESC, created_at DESC");
    let rows = sqlx::query(&sql).bind(gmina).fetch_all(&mut *conn).await?;
    let mut out = vec![];
    for row in &rows {
        let mut edition = edition_row(row)?;
        edition.edition.pools = pools(conn, &edition.edition.id).await?;
        out.push(edition);
    }
    Ok(out)
}

/// A stored project (not a wire type).
#[derive(Debug, Clone)]
pub struct ProjectRow {
    pub summary: ProjectSummary,
    pub edition_id: String,
    pub description: String,
    pub estimated_cost: i64,
    pub author_id: Option<String>,
    pub appealed: bool,
}

const PROJECT: &str = "SELECT id, edition_id, pool_id, number, title, description, location, \
    lat_e6, lon_e6, category, estimated_cost, cost, status, conflict_group, author_id, appealed \
    FROM civic_projects";

fn project_row(r: &AnyRow) -> anyhow::Result<ProjectRow> {
    let status: String = r.get("status");
    let lat: Option<i64> = r.get("lat_e6");
    let lon: Option<i64> = r.get("lon_e6");
    Ok(ProjectRow {
        summary: ProjectSummary {
            id: r.get("id"),
            number: u32::try_from(r.get::<i64, _>("number")).context("project number")?,
            pool_id: r.get("pool_id"),
            title: r.get("title"),
            category: r.get("category"),
            location: r.get("location"),
            point: lat.zip(lon).map(|(lat, lon)| Point {
                lat: lat as f64 / 1e6,
                lon: lon as f64 / 1e6,
            }),
            cost: r.get("cost"),
            status: ProjectStatus::parse(&status).context("stored project status")?,
            conflict_group: r.get("conflict_group"),
        },
        edition_id: r.get("edition_id"),
        description: r.get("description"),
        estimated_cost: r.get("estimated_cost"),
        author_id: r.get("author_id"),
        appealed: r.get::<i64, _>("appealed") != 0,
    })
}

/// An edition's projects by number.
pub async fn projects(
    conn: &mut AnyConnection,
    gmina: &str,
    edition: &str,
) -> anyhow::Result<Vec<ProjectRow>> {
    let sql = format!("{PROJECT} WHERE gmina_id = $1 AND edition_id = $2 ORDER BY number");
    let rows = sqlx::query(&sql)
        .bind(gmina)
        .bind(edition)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(project_row).collect()
}

/// An edition's projects without their descriptions (for checking ballots).
pub async fn summaries(
    conn: &mut AnyConnection,
    gmina: &str,
    edition: &str,
) -> anyhow::Result<Vec<ProjectSummary>> {
    let sql = PROJECT.replace("description,", "'' AS description,");
    let sql = format!("{sql} WHERE gmina_id = $1 AND edition_id = $2 ORDER BY number");
    let rows = sqlx::query(&sql)
        .bind(gmina)
        .bind(edition)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(|r| Ok(project_row(r)?.summary)).collect()
}

/// One project of the gmina.
pub async fn project(
    conn: &mut AnyConnection,
    gmina: &str,
    id: &str,
) -> anyhow::Result<Option<ProjectRow>> {
    let sql = format!("{PROJECT} WHERE gmina_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(gmina)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(project_row).transpose()
}

/// A project's history, oldest first.
pub async fn history(conn: &mut AnyConnection, project: &str) -> anyhow::Result<Vec<ProjectEvent>> {
    let rows = sqlx::query(
        "SELECT at, kind, note, cost FROM civic_project_events WHERE project_id = $1 ORDER BY at, id",
    )
    .bind(project)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ProjectEvent {
            at: warsaw_rfc3339(r.get("at")),
            kind: r.get("kind"),
            note: r.get("note"),
            cost: r.get("cost"),
        })
        .collect())
}

/// A step of a project's history.
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    pub kind: &'a str,
    pub note: &'a str,
    pub cost: Option<i64>,
    pub actor: Option<&'a str>,
}

/// Records a step of a project's history.
pub async fn record<'c, E: Executor<'c, Database = sqlx::Any>>(
    conn: E,
    gmina: &str,
    project: &str,
    step: Step<'_>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO civic_project_events (id, gmina_id, project_id, at, kind, note, cost, actor_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(gmina)
    .bind(project)
    .bind(at)
    .bind(step.kind)
    .bind(step.note)
    .bind(step.cost)
    .bind(step.actor)
    .execute(conn)
    .await?;
    Ok(())
}

/// The next project number of an edition (one atomic update: no repeats under
/// concurrency on either engine).
pub async fn next_number(conn: &mut AnyConnection, edition: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE civic_editions SET next_number = next_number + 1 WHERE id = $1 RETURNING next_number",
    )
    .bind(edition)
    .fetch_one(&mut *conn)
    .await
}
