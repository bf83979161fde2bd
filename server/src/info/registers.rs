//! The public registers: reading one from CSV (all or nothing, problems named by line),
//! replacing its entries and publishing it as a dataset, and the public search with
//! filters and the points for the map. Columns: `models::info::registers`.

use std::collections::{BTreeMap, HashMap};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, FieldError};
use models::info::registers::{
    Entry, Facet, FacetValue, Kind, LOCATION, PAGE_SIZE, Register, RegisterImport, RegisterPage,
    parse_degrees,
};
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::opendata::{self, Files, csv_line};
use crate::AppState;
use crate::audit::{self, Entry as AuditEntry};
use crate::auth::CurrentUser;
use crate::db::values_placeholders;
use crate::error::{ApiError, AppJson};
use crate::services::fold;
use crate::taxes::files::{self, LineError, Problem};
use crate::tenancy::Tenant;
use crate::time_fmt::{now_ms, today};

/// The most entries one register may hold.
pub const MAX_ROWS: usize = 50_000;

/// Poland's extent in degrees (latitude, longitude), with a margin.
const EXTENT: ((i64, i64), (i64, i64)) = ((48_900_000, 55_000_000), (14_000_000, 24_300_000));

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(import))
        .layer(DefaultBodyLimit::max(16 * 1024 * 1024))
}

fn register(key: &str) -> Result<Register, ApiError> {
    Register::parse(key).ok_or_else(ApiError::not_found)
}

/// Reads a register's file; any problem refuses it whole.
pub fn parse(register: Register, text: &str) -> Result<Vec<Entry>, Vec<LineError>> {
    let keys: Vec<&'static str> = register.columns().iter().map(|c| c.key).collect();
    let (columns, rows) = files::table(text, &keys, MAX_ROWS).map_err(|e| vec![e])?;
    let mut entries = Vec::with_capacity(rows.len());
    let mut errors = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        if row.fields.len() != columns.len() {
            let found = row.fields.len();
            errors.push(LineError::new(
                row.line,
                Problem::FieldCount {
                    expected: columns.len(),
                    found,
                },
            ));
            continue;
        }
        let raw: Vec<&str> = keys.iter().map(|k| columns.get(row, k)).collect();
        let values = match register.check_row(&raw) {
            Ok(v) => v,
            Err((column, e)) => {
                errors.push(LineError::new(row.line, Problem::Invalid(column, e)));
                continue;
            }
        };
        let point = match (columns.get(row, LOCATION[0]), columns.get(row, LOCATION[1])) {
            ("", "") => Ok((None, None)),
            ("", _) => Err(Problem::Invalid("szer", FieldError::Required)),
            (_, "") => Err(Problem::Invalid("dl", FieldError::Required)),
            (lat, lon) => located(lat, lon),
        };
        let (lat, lon) = match point {
            Ok(p) => p,
            Err(problem) => {
                errors.push(LineError::new(row.line, problem));
                continue;
            }
        };
        if let Some(&first) = ids.get(&values[0]) {
            errors.push(LineError::new(row.line, Problem::Repeats(first)));
            continue;
        }
        ids.insert(values[0].clone(), row.line);
        entries.push(Entry { values, lat, lon });
    }
    if errors.is_empty() {
        entries.sort_by(|a, b| a.values[0].cmp(&b.values[0]));
        Ok(entries)
    } else {
        Err(errors)
    }
}

fn located(lat: &str, lon: &str) -> Result<(Option<i64>, Option<i64>), Problem> {
    let lat = parse_degrees(lat, 90).map_err(|e| Problem::Invalid("szer", e))?;
    let lon = parse_degrees(lon, 180).map_err(|e| Problem::Invalid("dl", e))?;
    let ((lat_min, lat_max), (lon_min, lon_max)) = EXTENT;
    if !(lat_min..=lat_max).contains(&lat) {
        return Err(Problem::Invalid("szer", FieldError::InvalidChoice));
    }
    if !(lon_min..=lon_max).contains(&lon) {
        return Err(Problem::Invalid("dl", FieldError::InvalidChoice));
    }
    Ok((Some(lat), Some(lon)))
}

/// Degrees with six decimals.
fn degrees(millionths: i64) -> String {
    let sign = if millionths < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:06}",
        millionths.abs() / 1_000_000,
        millionths.abs() % 1_000_000
    )
}

/// A value for JSON: money as integer grosze, everything else as its text.
fn json_value(kind: Kind, value: &str) -> serde_json::Value {
    match kind {
        Kind::Money => models::taxes::office::parse_zloty(value).map_or(json!(value), |g| json!(g)),
        _ => json!(value),
    }
}

fn dataset_files(
    gmina: &str,
    register: Register,
    entries: &[Entry],
    version: i64,
    at: i64,
) -> Files {
    let columns = register.columns();
    let mut header: Vec<&str> = columns.iter().map(|c| c.key).collect();
    header.extend(LOCATION);
    let mut csv = csv_line(&header);
    let mut records = Vec::with_capacity(entries.len());
    for e in entries {
        let (lat, lon) = match (e.lat, e.lon) {
            (Some(lat), Some(lon)) => (degrees(lat), degrees(lon)),
            _ => (String::new(), String::new()),
        };
        csv.push_str(&csv_line(
            e.values
                .iter()
                .map(String::as_str)
                .chain([lat.as_str(), lon.as_str()]),
        ));
        let mut object = serde_json::Map::new();
        for (c, v) in columns.iter().zip(&e.values) {
            object.insert(c.key.to_owned(), json_value(c.kind, v));
        }
        object.insert(
            "szer".into(),
            e.lat.map_or(json!(null), |v| json!(v as f64 / 1e6)),
        );
        object.insert(
            "dl".into(),
            e.lon.map_or(json!(null), |v| json!(v as f64 / 1e6)),
        );
        records.push(serde_json::Value::Object(object));
    }
    Files {
        rows: entries.len() as i64,
        csv,
        json: opendata::envelope(gmina, register.as_str(), version, at, json!(records)),
    }
}

/// Replaces a register's entries and publishes it, inside the transaction.
pub async fn store(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    gmina: &str,
    register: Register,
    entries: &[Entry],
) -> anyhow::Result<i64> {
    sqlx::query("DELETE FROM register_entries WHERE gmina_id = $1 AND register = $2")
        .bind(gmina)
        .bind(register.as_str())
        .execute(&mut *tx)
        .await?;
    for chunk in entries.chunks(100) {
        let placeholders = values_placeholders(chunk.len(), 7);
        let sql = format!(
            "INSERT INTO register_entries (gmina_id, register, entry_id, values_json, search, lat, lon) VALUES {}",
            placeholders
        );
        let mut query = sqlx::query(&sql);
        for e in chunk {
            query = query
                .bind(gmina)
                .bind(register.as_str())
                .bind(&e.values[0])
                .bind(serde_json::to_string(&e.values)?)
                .bind(fold(&e.values.join(" ")))
                .bind(e.lat)
                .bind(e.lon);
        }
        query.execute(&mut *tx).await?;
    }
    let at = now_ms();
    let published = opendata::publish(tx, key, gmina, register.as_str(), at, |v| {
        dataset_files(gmina, register, entries, v, at)
    })
    .await?;
    Ok(published.version)
}

/// Whether a permit's validity includes `day` (`YYYY-MM-DD`).
fn in_force(register: Register, values: &[String], day: &str) -> bool {
    register
        .validity()
        .is_some_and(|(from, to)| values[from].as_str() <= day && day <= values[to].as_str())
}

/// A register's entries matching the search: `q` (any words, in any column), a value
/// per filterable column (`?rodzaj=budynek`), `current=true` for permits in force
/// today. Filters are counted over the whole register.
#[utoipa::path(get, path = "/info/registers/{register}", tag = "public-info",
    params(("register" = String, Path, description = "property, alcohol or road-lane"),
        ("q" = Option<String>, Query), ("current" = Option<bool>, Query)),
    responses((status = 200, body = RegisterPage), (status = 404, body = ErrorBody)))]
async fn search(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(key): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<AppJson<RegisterPage>, ApiError> {
    let register = register(&key)?;
    let pool = &state.db.pool;
    let rows = sqlx::query(
        "SELECT values_json, search, lat, lon FROM register_entries \
         WHERE gmina_id = $1 AND register = $2 ORDER BY entry_id",
    )
    .bind(&tenant.id)
    .bind(register.as_str())
    .fetch_all(pool)
    .await?;
    let columns = register.columns();
    let words: Vec<String> = query
        .get("q")
        .map(|q| fold(q).split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    let current = query.get("current").is_some_and(|v| v == "true");
    let day = today().to_string();
    let mut counts: Vec<BTreeMap<String, i64>> = vec![BTreeMap::new(); columns.len()];
    let mut total = 0;
    let mut entries = Vec::new();
    for row in &rows {
        let values: Vec<String> = serde_json::from_str(&row.get::<String, _>("values_json"))
            .map_err(anyhow::Error::from)?;
        for (i, c) in columns.iter().enumerate() {
            if c.facet {
                *counts[i].entry(values[i].clone()).or_default() += 1;
            }
        }
        let text: String = row.get("search");
        let matches = words.iter().all(|w| text.contains(w.as_str()))
            && columns.iter().enumerate().all(|(i, c)| {
                !c.facet
                    || query
                        .get(c.key)
                        .is_none_or(|want| want.is_empty() || *want == values[i])
            })
            && (!current || in_force(register, &values, &day));
        if matches {
            total += 1;
            if entries.len() < PAGE_SIZE {
                entries.push(Entry {
                    values,
                    lat: row.get("lat"),
                    lon: row.get("lon"),
                });
            }
        }
    }
    let facets = columns
        .iter()
        .zip(counts)
        .filter(|(c, _)| c.facet)
        .map(|(c, counted)| {
            let mut values: Vec<FacetValue> = counted
                .into_iter()
                .map(|(value, count)| FacetValue { value, count })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            Facet {
                column: c.key.to_owned(),
                values,
            }
        })
        .collect();
    let latest = sqlx::query(
        "SELECT version, published_at FROM dataset_versions WHERE gmina_id = $1 AND dataset = $2 \
         ORDER BY version DESC LIMIT 1",
    )
    .bind(&tenant.id)
    .bind(register.as_str())
    .fetch_optional(pool)
    .await?;
    Ok(AppJson(RegisterPage {
        register,
        columns: columns.iter().map(|c| c.key.to_owned()).collect(),
        version: latest.as_ref().map_or(0, |r| r.get("version")),
        published_at: latest.as_ref().map_or(0, |r| r.get("published_at")),
        total,
        entries,
        facets,
    }))
}

/// Replaces a register with the entries of a CSV file and publishes it.
#[utoipa::path(put, path = "/office/info/registers/{register}", tag = "public-info-office",
    params(("register" = String, Path)),
    request_body(content = String, content_type = "text/csv", description = "Register CSV"),
    responses((status = 201, body = RegisterImport), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(key): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, AppJson<RegisterImport>), ApiError> {
    super::publisher(&user)?;
    let register = register(&key)?;
    let text = files::decode(&body).map_err(|e| super::refuse(&[e]))?;
    let entries = parse(register, &text).map_err(|e| super::refuse(&e))?;
    let key = opendata::signing_key(&state, &user.gmina_id).await?;
    let mut tx = state.db.begin_write().await?;
    let version = store(&mut tx, &key, &user.gmina_id, register, &entries).await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        AuditEntry {
            actor: Some(&user.id),
            action: "register.imported",
            object_type: "register",
            object_id: register.as_str(),
            detail: json!({"entries": entries.len(), "version": version}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(RegisterImport {
            register,
            entries: entries.len() as i64,
            version,
        }),
    ))
}
