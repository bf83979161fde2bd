//! Stored services and loading a catalogue file.

use anyhow::Context;
use models::forms::{FormDefinition, Localized, check_definition};
use models::services::{LifeSituation, Service, ServiceSummary};
use serde::Deserialize;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::db::new_id;
use crate::time_fmt::now_ms;

/// The demo catalogue.
pub const DEMO_CATALOGUE: &str = include_str!("../../seeds/services.json");

/// One entry of a catalogue file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueEntry {
    slug: String,
    life_situation: LifeSituation,
    department: String,
    jrwa: Option<String>,
    period: String,
    fee_grosze: i64,
    title: Localized,
    summary: Localized,
    who_may_file: Localized,
    documents: Localized,
    form: FormDefinition,
}

/// The catalogue card stored as JSON beside the columns.
#[derive(Debug, serde::Serialize, Deserialize)]
struct Card {
    title: Localized,
    summary: Localized,
    who_may_file: Localized,
    documents: Localized,
}

fn check_period(period: &str) -> bool {
    matches!(period, "1m" | "2m")
        || period
            .strip_suffix('d')
            .is_some_and(|n| n.parse::<u16>().is_ok_and(|n| n > 0))
}

/// Loads a catalogue file into a gmina; refuses the whole file if any entry is unsound.
pub async fn load_catalogue(pool: &AnyPool, gmina: &str, json: &str) -> anyhow::Result<usize> {
    let entries: Vec<CatalogueEntry> =
        serde_json::from_str(json).context("the catalogue file is not valid")?;
    for e in &entries {
        let problems = check_definition(&e.form);
        anyhow::ensure!(
            problems.is_empty(),
            "service {}: {}",
            e.slug,
            problems.join("; ")
        );
        anyhow::ensure!(
            check_period(&e.period),
            "service {}: period {:?} is not 1m, 2m or <n>d",
            e.slug,
            e.period
        );
        if let Some(jrwa) = &e.jrwa {
            crate::cases::reference::check_parts(&e.department, jrwa)
                .with_context(|| format!("service {}", e.slug))?;
        }
    }
    let mut tx = pool.begin().await?;
    for (position, e) in entries.iter().enumerate() {
        let card = Card {
            title: e.title.clone(),
            summary: e.summary.clone(),
            who_may_file: e.who_may_file.clone(),
            documents: e.documents.clone(),
        };
        sqlx::query(
            "INSERT INTO services (id, gmina_id, slug, life_situation, department_code, jrwa_symbol, period, \
             fee_grosze, card_json, form_json, position, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(&e.slug)
        .bind(serde_json::to_value(e.life_situation)?.as_str().unwrap_or_default().to_owned())
        .bind(&e.department)
        .bind(e.jrwa.as_deref())
        .bind(&e.period)
        .bind(e.fee_grosze)
        .bind(serde_json::to_string(&card)?)
        .bind(serde_json::to_string(&e.form)?)
        .bind(position as i64)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(entries.len())
}

fn to_service(r: &AnyRow) -> anyhow::Result<Service> {
    let card: Card = serde_json::from_str(&r.get::<String, _>("card_json"))?;
    let situation: LifeSituation =
        serde_json::from_value(serde_json::Value::String(r.get("life_situation")))?;
    let service = Service {
        summary: ServiceSummary {
            slug: r.get("slug"),
            life_situation: situation,
            title: card.title,
            summary: card.summary,
            fee_grosze: r.get("fee_grosze"),
            period: r.get("period"),
        },
        who_may_file: card.who_may_file,
        documents: card.documents,
        department_code: r.get("department_code"),
    };
    Ok(service)
}

/// The card's columns; the form definition is read only where it is needed.
const COLUMNS: &str = "slug, life_situation, department_code, period, fee_grosze, card_json";

/// Every service card of a gmina, in catalogue order (no forms parsed).
pub async fn all(pool: &AnyPool, gmina: &str) -> anyhow::Result<Vec<Service>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM services WHERE gmina_id = $1 ORDER BY position, slug"
    ))
    .bind(gmina)
    .fetch_all(pool)
    .await?;
    rows.iter().map(to_service).collect()
}

/// One service by slug, with its form.
pub async fn by_slug(
    pool: &AnyPool,
    gmina: &str,
    slug: &str,
) -> anyhow::Result<Option<(Service, FormDefinition)>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS}, form_json FROM services WHERE gmina_id = $1 AND slug = $2"
    ))
    .bind(gmina)
    .bind(slug)
    .fetch_optional(pool)
    .await?;
    row.as_ref()
        .map(|r| {
            Ok((
                to_service(r)?,
                serde_json::from_str(&r.get::<String, _>("form_json"))?,
            ))
        })
        .transpose()
}

/// What filing an application needs to know about its service.
#[derive(Debug, Clone)]
pub struct Filing {
    /// Row id.
    pub id: String,
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: Localized,
    /// Handling department's code.
    pub department_code: String,
    /// Default JRWA class (`None`: chosen at registration).
    pub jrwa_symbol: Option<String>,
    /// Statutory period.
    pub period: String,
    /// The form.
    pub form: FormDefinition,
}

/// A service for filing, by slug or row id.
pub async fn filing(
    pool: &AnyPool,
    gmina: &str,
    slug_or_id: &str,
) -> anyhow::Result<Option<Filing>> {
    let row = sqlx::query(
        "SELECT id, slug, department_code, jrwa_symbol, period, card_json, form_json \
         FROM services WHERE gmina_id = $1 AND (slug = $2 OR id = $2)",
    )
    .bind(gmina)
    .bind(slug_or_id)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let card: Card = serde_json::from_str(&r.get::<String, _>("card_json"))?;
    Ok(Some(Filing {
        id: r.get("id"),
        slug: r.get("slug"),
        title: card.title,
        department_code: r.get("department_code"),
        jrwa_symbol: r.get("jrwa_symbol"),
        period: r.get("period"),
        form: serde_json::from_str(&r.get::<String, _>("form_json"))?,
    }))
}
