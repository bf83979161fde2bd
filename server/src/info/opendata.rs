//! Open data: every public dataset as CSV and JSON, each published version dated, signed
//! with the office key (Ed25519 over the file's bytes) and kept for good, so anyone can
//! get what was published on any date and check it with the office's public key
//! (`openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in data.csv -sigfile
//! data.csv.sig`). A version is published in the transaction that changes its data.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use ed25519_dalek::Signer;
use models::info::{Dataset, DatasetVersion, is_dataset};
use models::receipts::key_id;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::cases::files::{blob, store_blob};
use crate::error::{ApiError, AppJson};
use crate::receipts::keys::{self, OfficeKey};
use crate::tenancy::Tenant;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(versions))
        .routes(routes!(on_date))
        .routes(routes!(file))
        .routes(routes!(key_pem))
}

/// A dataset's two files, built for the version being published.
pub struct Files {
    /// Records in it.
    pub rows: i64,
    /// The CSV (`;`, UTF-8 with a byte-order mark), in the import format where there is one.
    pub csv: String,
    /// The JSON document.
    pub json: serde_json::Value,
}

/// Publishes the next version of a dataset inside the caller's transaction: both files
/// are stored (content-addressed) and signed; `build` gets the version and its time.
pub async fn publish(
    tx: &mut AnyConnection,
    key: &OfficeKey,
    gmina: &str,
    dataset: &str,
    published_at: i64,
    build: impl FnOnce(i64) -> Files,
) -> anyhow::Result<DatasetVersion> {
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(version) FROM dataset_versions WHERE gmina_id = $1 AND dataset = $2",
    )
    .bind(gmina)
    .bind(dataset)
    .fetch_one(&mut *tx)
    .await?;
    let version = last.unwrap_or(0) + 1;
    let files = build(version);
    let csv = format!("\u{feff}{}", files.csv).into_bytes();
    let json = serde_json::to_vec_pretty(&files.json)?;
    let sign = |bytes: &[u8]| {
        base64::engine::general_purpose::STANDARD.encode(key.signing.sign(bytes).to_bytes())
    };
    let published = DatasetVersion {
        dataset: dataset.to_owned(),
        version,
        published_at,
        rows: files.rows,
        csv_sha256: hex::encode(Sha256::digest(&csv)),
        json_sha256: hex::encode(Sha256::digest(&json)),
        key_id: key.key_id.clone(),
        csv_signature: sign(&csv),
        json_signature: sign(&json),
    };
    store_blob(tx, gmina, &published.csv_sha256, &csv).await?;
    store_blob(tx, gmina, &published.json_sha256, &json).await?;
    sqlx::query(
        "INSERT INTO dataset_versions (gmina_id, dataset, version, published_at, rows_count, \
         csv_sha256, json_sha256, key_id, csv_signature, json_signature) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(gmina)
    .bind(dataset)
    .bind(version)
    .bind(published_at)
    .bind(published.rows)
    .bind(&published.csv_sha256)
    .bind(&published.json_sha256)
    .bind(&published.key_id)
    .bind(&published.csv_signature)
    .bind(&published.json_signature)
    .execute(&mut *tx)
    .await?;
    Ok(published)
}

/// The office key that signs, fetched (or created) before a publishing transaction.
pub async fn signing_key(state: &AppState, gmina: &str) -> anyhow::Result<OfficeKey> {
    keys::current(
        &state.db.pool,
        state.config.receipt_key_dir.as_deref(),
        gmina,
    )
    .await
}

/// The JSON envelope of a dataset's records.
pub fn envelope(
    gmina: &str,
    dataset: &str,
    version: i64,
    published_at: i64,
    records: serde_json::Value,
) -> serde_json::Value {
    serde_json::json!({
        "gmina": gmina,
        "dataset": dataset,
        "version": version,
        "published_at": crate::time_fmt::rfc3339(published_at),
        "records": records,
    })
}

/// One CSV field: quoted when it holds the delimiter, a quote or a line break.
pub fn csv_field(value: &str) -> String {
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A CSV line of fields.
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(";");
    line.push_str("\r\n");
    line
}

const VERSION_COLUMNS: &str = "dataset, version, published_at, rows_count, csv_sha256, json_sha256, \
     key_id, csv_signature, json_signature";

fn version_from(r: &AnyRow) -> DatasetVersion {
    DatasetVersion {
        dataset: r.get("dataset"),
        version: r.get("version"),
        published_at: r.get("published_at"),
        rows: r.get("rows_count"),
        csv_sha256: r.get("csv_sha256"),
        json_sha256: r.get("json_sha256"),
        key_id: r.get("key_id"),
        csv_signature: r.get("csv_signature"),
        json_signature: r.get("json_signature"),
    }
}

/// Every dataset of the gmina with its newest version, by name.
#[utoipa::path(get, path = "/info/data", tag = "public-info",
    responses((status = 200, body = Vec<Dataset>)))]
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<Vec<Dataset>>, ApiError> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS}, (SELECT COUNT(*) FROM dataset_versions c \
           WHERE c.gmina_id = v.gmina_id AND c.dataset = v.dataset) AS versions \
         FROM dataset_versions v WHERE v.gmina_id = $1 AND v.version = \
           (SELECT MAX(m.version) FROM dataset_versions m WHERE m.gmina_id = v.gmina_id AND m.dataset = v.dataset) \
         ORDER BY v.dataset"
    );
    let rows = sqlx::query(&sql)
        .bind(&tenant.id)
        .fetch_all(&state.db.pool)
        .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| Dataset {
                dataset: r.get("dataset"),
                versions: r.get("versions"),
                latest: version_from(r),
            })
            .collect(),
    ))
}

async fn all_versions(
    conn: &mut AnyConnection,
    gmina: &str,
    dataset: &str,
) -> Result<Vec<DatasetVersion>, ApiError> {
    if !is_dataset(dataset) {
        return Err(ApiError::not_found());
    }
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM dataset_versions WHERE gmina_id = $1 AND dataset = $2 \
         ORDER BY version DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(gmina)
        .bind(dataset)
        .fetch_all(&mut *conn)
        .await?;
    if rows.is_empty() {
        return Err(ApiError::not_found());
    }
    Ok(rows.iter().map(version_from).collect())
}

/// Every published version of a dataset, newest first.
#[utoipa::path(get, path = "/info/data/{dataset}", tag = "public-info",
    params(("dataset" = String, Path)),
    responses((status = 200, body = Vec<DatasetVersion>), (status = 404, body = models::error::ErrorBody)))]
async fn versions(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(dataset): Path<String>,
) -> Result<AppJson<Vec<DatasetVersion>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(
        all_versions(&mut conn, &tenant.id, &dataset).await?,
    ))
}

/// The version that was current at the end of a day (Warsaw), `YYYY-MM-DD`.
#[utoipa::path(get, path = "/info/data/{dataset}/on/{date}", tag = "public-info",
    params(("dataset" = String, Path), ("date" = String, Path)),
    responses((status = 200, body = DatasetVersion), (status = 404, body = models::error::ErrorBody),
        (status = 422, body = models::error::ErrorBody)))]
async fn on_date(
    State(state): State<AppState>,
    tenant: Tenant,
    Path((dataset, date)): Path<(String, String)>,
) -> Result<AppJson<DatasetVersion>, ApiError> {
    let day: jiff::civil::Date = date
        .parse()
        .map_err(|_| ApiError::field("date", models::error::FieldError::InvalidDate))?;
    let end =
        crate::time_fmt::parse_warsaw_local(&format!("{}T00:00", day.tomorrow().unwrap_or(day)))
            .ok_or_else(|| ApiError::field("date", models::error::FieldError::InvalidDate))?;
    let mut conn = state.db.pool.acquire().await?;
    all_versions(&mut conn, &tenant.id, &dataset)
        .await?
        .into_iter()
        .find(|v| v.published_at < end)
        .map(AppJson)
        .ok_or_else(ApiError::not_found)
}

/// A version's file: `data.csv`, `data.json`, or their raw 64-byte signatures
/// `data.csv.sig`, `data.json.sig`. `version` is a number or `latest`.
#[utoipa::path(get, path = "/info/data/{dataset}/{version}/{file}", tag = "public-info",
    params(("dataset" = String, Path), ("version" = String, Path), ("file" = String, Path)),
    responses((status = 200, description = "The file"), (status = 404, body = models::error::ErrorBody)))]
async fn file(
    State(state): State<AppState>,
    tenant: Tenant,
    Path((dataset, version, file)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let all = all_versions(&mut conn, &tenant.id, &dataset).await?;
    let found = match version.as_str() {
        "latest" => all.first(),
        n => {
            let n: i64 = n.parse().map_err(|_| ApiError::not_found())?;
            all.iter().find(|v| v.version == n)
        }
    }
    .ok_or_else(ApiError::not_found)?;
    let signature = |b64: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| ApiError::Internal(e.into()))
    };
    let (bytes, content_type) = match file.as_str() {
        "data.csv" | "data.json" => {
            let sha = if file == "data.csv" {
                &found.csv_sha256
            } else {
                &found.json_sha256
            };
            let bytes = blob(&state.db.pool, &tenant.id, sha)
                .await?
                .ok_or_else(|| anyhow::anyhow!("dataset file {sha} is missing"))?;
            let kind = if file == "data.csv" {
                "text/csv; charset=utf-8"
            } else {
                "application/json"
            };
            (bytes, kind)
        }
        "data.csv.sig" => (signature(&found.csv_signature)?, "application/octet-stream"),
        "data.json.sig" => (
            signature(&found.json_signature)?,
            "application/octet-stream",
        ),
        _ => return Err(ApiError::not_found()),
    };
    let day = crate::time_fmt::warsaw_day(found.published_at);
    let name = format!(
        "{}-v{}-{day}.{}",
        found.dataset,
        found.version,
        file.trim_start_matches("data.")
    );
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&found.key_id) {
        headers.insert("x-okienko-key-id", v);
    }
    Ok(response)
}

/// An office public key (current or retired) as PEM, for `openssl pkeyutl -verify`.
#[utoipa::path(get, path = "/info/data/keys/{key_id}", tag = "public-info",
    params(("key_id" = String, Path)),
    responses((status = 200, description = "PEM text"), (status = 404, body = models::error::ErrorBody)))]
async fn key_pem(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let hex_key: Option<String> = sqlx::query_scalar(
        "SELECT public_key_hex FROM office_keys WHERE gmina_id = $1 AND key_id = $2",
    )
    .bind(&tenant.id)
    .bind(&id)
    .fetch_optional(&state.db.pool)
    .await?;
    let public = hex_key
        .and_then(|h| hex::decode(h).ok())
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .filter(|b| key_id(b) == id)
        .ok_or_else(ApiError::not_found)?;
    Ok((
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        pem(&public),
    )
        .into_response())
}

/// An Ed25519 public key as a PEM `PUBLIC KEY` (SubjectPublicKeyInfo, RFC 8410).
pub fn pem(public: &[u8]) -> String {
    let mut der = hex::decode("302a300506032b6570032100").expect("a constant");
    der.extend_from_slice(public);
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    format!("-----BEGIN PUBLIC KEY-----\n{b64}\n-----END PUBLIC KEY-----\n")
}
