//! Stored gminy, host names, organisational units and departments.

use sqlx::{AnyPool, Row};

use super::Tenant;
use crate::time_fmt::now_ms;

/// Finds the gmina for a host name, or the default gmina.
pub async fn resolve(pool: &AnyPool, host: &str) -> Result<Option<Tenant>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT g.id, g.name FROM gminy g JOIN gmina_hosts h ON h.gmina_id = g.id WHERE h.host = $1",
    )
    .bind(host)
    .fetch_optional(pool)
    .await?;
    let row = match row {
        Some(row) => Some(row),
        None => {
            sqlx::query(
                "SELECT id, name FROM gminy WHERE is_default = 1 ORDER BY created_at LIMIT 1",
            )
            .fetch_optional(pool)
            .await?
        }
    };
    Ok(row.map(|r| Tenant {
        id: r.get("id"),
        name: r.get("name"),
    }))
}

/// A gmina's stored public profile.
#[derive(Debug, Clone)]
pub struct GminaRow {
    /// Slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// Coat of arms, SVG markup.
    pub crest_svg: String,
    /// Office address.
    pub address: String,
    /// Office e-mail.
    pub contact_email: String,
    /// Office phone.
    pub contact_phone: String,
}

/// Loads a gmina's profile.
pub async fn gmina(pool: &AnyPool, id: &str) -> Result<Option<GminaRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, name, crest_svg, address, contact_email, contact_phone FROM gminy WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| GminaRow {
        id: r.get("id"),
        name: r.get("name"),
        crest_svg: r.get("crest_svg"),
        address: r.get("address"),
        contact_email: r.get("contact_email"),
        contact_phone: r.get("contact_phone"),
    }))
}

/// A new gmina.
#[derive(Debug, Clone)]
pub struct NewGmina<'a> {
    /// Slug.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Coat of arms, SVG markup.
    pub crest_svg: &'a str,
    /// Office address.
    pub address: &'a str,
    /// Office e-mail.
    pub contact_email: &'a str,
    /// Office phone.
    pub contact_phone: &'a str,
    /// Served for unknown host names.
    pub is_default: bool,
    /// Host names that choose it.
    pub hosts: &'a [&'a str],
}

/// Inserts a gmina with its host names.
pub async fn insert_gmina(pool: &AnyPool, g: &NewGmina<'_>) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO gminy (id, name, crest_svg, address, contact_email, contact_phone, is_default, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(g.id)
    .bind(g.name)
    .bind(g.crest_svg)
    .bind(g.address)
    .bind(g.contact_email)
    .bind(g.contact_phone)
    .bind(i64::from(g.is_default))
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    for host in g.hosts {
        sqlx::query("INSERT INTO gmina_hosts (host, gmina_id) VALUES ($1, $2)")
            .bind(host.to_ascii_lowercase())
            .bind(g.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Whether any gmina exists.
pub async fn any_gmina(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gminy")
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// Whether a gmina with this slug exists.
pub async fn gmina_exists(pool: &AnyPool, id: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gminy WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// The default gmina's slug.
pub async fn default_gmina(pool: &AnyPool) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM gminy WHERE is_default = 1 ORDER BY created_at LIMIT 1")
        .fetch_optional(pool)
        .await
}

/// Overrides the default gmina's name and, if given, its crest (from configuration).
pub async fn configure_default(
    pool: &AnyPool,
    name: Option<&str>,
    crest_svg: Option<&str>,
) -> Result<(), sqlx::Error> {
    if let Some(name) = name {
        sqlx::query("UPDATE gminy SET name = $1 WHERE is_default = 1")
            .bind(name)
            .execute(pool)
            .await?;
    }
    if let Some(crest) = crest_svg {
        sqlx::query("UPDATE gminy SET crest_svg = $1 WHERE is_default = 1")
            .bind(crest)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// Inserts an organisational unit and returns its id.
pub async fn insert_unit(
    pool: &AnyPool,
    gmina: &str,
    name: &str,
    kind: &str,
    position: i64,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO org_units (id, gmina_id, name, kind, position, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id)
        .bind(gmina)
        .bind(name)
        .bind(kind)
        .bind(position)
        .bind(now_ms())
        .execute(pool)
        .await?;
    Ok(id)
}

/// Inserts a department of a unit and returns its id.
pub async fn insert_department(
    pool: &AnyPool,
    gmina: &str,
    unit: &str,
    code: &str,
    name: &str,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query("INSERT INTO departments (id, gmina_id, unit_id, code, name, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id)
        .bind(gmina)
        .bind(unit)
        .bind(code)
        .bind(name)
        .bind(now_ms())
        .execute(pool)
        .await?;
    Ok(id)
}

/// A gmina's units with their departments, in display order.
pub async fn units(
    pool: &AnyPool,
    gmina: &str,
) -> Result<Vec<models::gmina::OrgUnit>, sqlx::Error> {
    let units = sqlx::query(
        "SELECT id, name, kind FROM org_units WHERE gmina_id = $1 ORDER BY position, name",
    )
    .bind(gmina)
    .fetch_all(pool)
    .await?;
    let departments = sqlx::query(
        "SELECT id, unit_id, code, name FROM departments WHERE gmina_id = $1 ORDER BY code",
    )
    .bind(gmina)
    .fetch_all(pool)
    .await?;
    Ok(units
        .into_iter()
        .map(|u| {
            let id: String = u.get("id");
            let departments = departments
                .iter()
                .filter(|d| d.get::<String, _>("unit_id") == id)
                .map(|d| models::gmina::Department {
                    id: d.get("id"),
                    code: d.get("code"),
                    name: d.get("name"),
                })
                .collect();
            models::gmina::OrgUnit {
                id,
                name: u.get("name"),
                kind: models::gmina::UnitKind::parse(u.get::<String, _>("kind").as_str()),
                departments,
            }
        })
        .collect())
}
