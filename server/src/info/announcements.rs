//! The office's announcements (BIP): published by a clerk with its author and date,
//! current until its expiry and then in the archive, with files. A change never
//! overwrites: every version stays in the public register of changes with who changed
//! it, when and why (rozporządzenie MSWiA w sprawie Biuletynu Informacji Publicznej).
//! Every publication and change publishes the `announcements` dataset.

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use models::error::{ErrorBody, FieldError};
use models::forms::FileRef;
use models::info::{
    Announcement, AnnouncementForm, AnnouncementSummary, AttachmentInfo, Revision,
    check_announcement,
};
use serde::Deserialize;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::opendata::{self, Files, csv_line};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::cases::files::{all_uploaded_by, blob, download, store_blob};
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::tenancy::Tenant;
use crate::time_fmt::{now_ms, rfc3339, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(attachment))
        .routes(routes!(publish))
        .routes(routes!(change))
        .layer(DefaultBodyLimit::max(40 * 1024 * 1024))
}

/// Current or archived.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListFilter {
    /// `true`: the expired ones.
    archive: Option<bool>,
}

const SUMMARY_COLUMNS: &str =
    "id, title, body, expires_on, published_by, published_at, revision, changed_at";

fn summary_from(r: &AnyRow) -> AnnouncementSummary {
    AnnouncementSummary {
        id: r.get("id"),
        title: r.get("title"),
        published_at: r.get("published_at"),
        expires_on: r.get("expires_on"),
        published_by: r.get("published_by"),
        revision: r.get("revision"),
        changed_at: r.get("changed_at"),
    }
}

/// The current announcements (or the archive), newest first.
#[utoipa::path(get, path = "/info/announcements", tag = "public-info", params(ListFilter),
    responses((status = 200, body = Vec<AnnouncementSummary>)))]
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    Query(filter): Query<ListFilter>,
) -> Result<AppJson<Vec<AnnouncementSummary>>, ApiError> {
    let condition = if filter.archive == Some(true) {
        "expires_on IS NOT NULL AND expires_on < $2"
    } else {
        "(expires_on IS NULL OR expires_on >= $2)"
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM announcements WHERE gmina_id = $1 AND {condition} \
         ORDER BY published_at DESC LIMIT 500"
    );
    let rows = sqlx::query(&sql)
        .bind(&tenant.id)
        .bind(today().to_string())
        .fetch_all(&state.db.pool)
        .await?;
    Ok(AppJson(rows.iter().map(summary_from).collect()))
}

async fn load(conn: &mut AnyConnection, gmina: &str, id: &str) -> Result<Announcement, ApiError> {
    let sql =
        format!("SELECT {SUMMARY_COLUMNS} FROM announcements WHERE gmina_id = $1 AND id = $2");
    let row = sqlx::query(&sql)
        .bind(gmina)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let revisions = sqlx::query(
        "SELECT revision, title, body, expires_on, changed_by, changed_at, reason \
         FROM announcement_revisions WHERE gmina_id = $1 AND announcement_id = $2 ORDER BY revision",
    )
    .bind(gmina)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Revision {
        revision: r.get("revision"),
        title: r.get("title"),
        body: r.get("body"),
        expires_on: r.get("expires_on"),
        changed_by: r.get("changed_by"),
        changed_at: r.get("changed_at"),
        reason: r.get("reason"),
    })
    .collect();
    let attachments = sqlx::query(
        "SELECT id, name, content_type, size, sha256, revision FROM announcement_attachments \
         WHERE gmina_id = $1 AND announcement_id = $2 ORDER BY revision, name",
    )
    .bind(gmina)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| AttachmentInfo {
        id: r.get("id"),
        name: r.get("name"),
        content_type: r.get("content_type"),
        size: r.get("size"),
        sha256: r.get("sha256"),
        revision: r.get("revision"),
    })
    .collect();
    Ok(Announcement {
        summary: summary_from(&row),
        body: row.get("body"),
        attachments,
        revisions,
    })
}

/// An announcement with its files and every earlier version.
#[utoipa::path(get, path = "/info/announcements/{id}", tag = "public-info",
    params(("id" = String, Path)),
    responses((status = 200, body = Announcement), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<AppJson<Announcement>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(load(&mut conn, &tenant.id, &id).await?))
}

/// A file of an announcement, as a download.
#[utoipa::path(get, path = "/info/announcements/{id}/attachments/{attachment}", tag = "public-info",
    params(("id" = String, Path), ("attachment" = String, Path)),
    responses((status = 200, description = "The file"), (status = 404, body = ErrorBody)))]
async fn attachment(
    State(state): State<AppState>,
    tenant: Tenant,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let row = sqlx::query(
        "SELECT name, content_type, sha256 FROM announcement_attachments \
         WHERE gmina_id = $1 AND announcement_id = $2 AND id = $3",
    )
    .bind(&tenant.id)
    .bind(&id)
    .bind(&attachment)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let sha: String = row.get("sha256");
    let bytes = blob(&state.db.pool, &tenant.id, &sha)
        .await?
        .ok_or_else(|| anyhow::anyhow!("attachment blob {sha} is missing"))?;
    Ok(download(
        &row.get::<String, _>("name"),
        &row.get::<String, _>("content_type"),
        bytes,
    ))
}

/// A file of a version: its reference, and its bytes when not stored yet (the
/// clerk's uploads already are).
pub struct File {
    /// Name, digest, size and type.
    pub file: FileRef,
    /// The content to store, if not stored yet.
    pub bytes: Option<Vec<u8>>,
}

/// The form checked, its files the clerk's own uploads, or 422 naming the fields.
async fn checked(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    form: &AnnouncementForm,
    editing: bool,
) -> Result<Vec<File>, ApiError> {
    let mut problems = check_announcement(form, editing, &today().to_string());
    if !all_uploaded_by(conn, &user.gmina_id, &user.id, &form.attachments).await? {
        problems.insert("attachments".into(), FieldError::WrongType);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    Ok(form
        .attachments
        .iter()
        .map(|f| File {
            file: f.clone(),
            bytes: None,
        })
        .collect())
}

async fn author(conn: &mut AnyConnection, user: &CurrentUser) -> Result<String, ApiError> {
    let name: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
        .bind(&user.id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(name)
}

/// Stores the revision, its files, and publishes the dataset.
#[expect(
    clippy::too_many_arguments,
    reason = "one version's fields, stored together"
)]
async fn record(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    (gmina, user_id): (&str, &str),
    id: &str,
    revision: i64,
    form: &AnnouncementForm,
    files: &[File],
    changed_by: &str,
    at: i64,
) -> anyhow::Result<()> {
    let expires = form
        .expires_on
        .as_deref()
        .and_then(models::info::registers::parse_date);
    sqlx::query(
        "INSERT INTO announcement_revisions (announcement_id, gmina_id, revision, title, body, expires_on, \
         changed_by, changed_by_user, changed_at, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(gmina)
    .bind(revision)
    .bind(form.title.trim())
    .bind(form.body.trim())
    .bind(expires)
    .bind(changed_by)
    .bind(user_id)
    .bind(at)
    .bind(form.reason.trim())
    .execute(&mut *tx)
    .await?;
    for File { file: f, bytes } in files {
        if let Some(bytes) = bytes {
            store_blob(tx, gmina, &f.sha256, bytes).await?;
        }
        sqlx::query(
            "INSERT INTO announcement_attachments (id, announcement_id, gmina_id, revision, name, content_type, size, sha256) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(id)
        .bind(gmina)
        .bind(revision)
        .bind(&f.name)
        .bind(&f.content_type)
        .bind(f.size as i64)
        .bind(&f.sha256)
        .execute(&mut *tx)
        .await?;
    }
    audit::append(
        tx,
        gmina,
        Entry {
            actor: Some(user_id),
            action: if revision == 1 {
                "announcement.published"
            } else {
                "announcement.changed"
            },
            object_type: "announcement",
            object_id: id,
            detail: json!({"revision": revision, "files": files.len()}),
        },
    )
    .await?;
    publish_dataset(tx, key, gmina, at).await
}

/// Publishes a new announcement at `at` by `by` (the account `user_id`), in the
/// transaction; gives its id.
pub async fn create(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    (gmina, user_id, by): (&str, &str, &str),
    form: &AnnouncementForm,
    files: &[File],
    at: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO announcements (id, gmina_id, title, body, expires_on, published_by, published_at, revision, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $7)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(form.title.trim())
    .bind(form.body.trim())
    .bind(form.expires_on.as_deref().and_then(models::info::registers::parse_date))
    .bind(by)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    record(tx, key, (gmina, user_id), &id, 1, form, files, by, at).await?;
    Ok(id)
}

/// Changes an announcement to `form` at `at`, in the transaction; `None` if the gmina
/// has no such announcement.
pub async fn amend(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    (gmina, user_id, by): (&str, &str, &str),
    id: &str,
    form: &AnnouncementForm,
    files: &[File],
    at: i64,
) -> anyhow::Result<Option<i64>> {
    let current: Option<i64> =
        sqlx::query_scalar("SELECT revision FROM announcements WHERE gmina_id = $1 AND id = $2")
            .bind(gmina)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(current) = current else {
        return Ok(None);
    };
    let revision = current + 1;
    sqlx::query(
        "UPDATE announcements SET title = $1, body = $2, expires_on = $3, revision = $4, changed_at = $5 \
         WHERE gmina_id = $6 AND id = $7",
    )
    .bind(form.title.trim())
    .bind(form.body.trim())
    .bind(form.expires_on.as_deref().and_then(models::info::registers::parse_date))
    .bind(revision)
    .bind(at)
    .bind(gmina)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    record(tx, key, (gmina, user_id), id, revision, form, files, by, at).await?;
    Ok(Some(revision))
}

/// Publishes the `announcements` dataset as it is now.
pub async fn publish_dataset(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    gmina: &str,
    at: i64,
) -> anyhow::Result<()> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM announcements WHERE gmina_id = $1 ORDER BY published_at, id"
    );
    let rows = sqlx::query(&sql).bind(gmina).fetch_all(&mut *tx).await?;
    let header = [
        "id",
        "tytul",
        "opublikowano",
        "wygasa",
        "opublikowal",
        "wersja",
        "zmieniono",
        "tresc",
    ];
    opendata::publish(tx, key, gmina, "announcements", at, |version| {
        let mut csv = csv_line(header);
        let mut records = Vec::new();
        for r in &rows {
            let s = summary_from(r);
            let body: String = r.get("body");
            let (published, changed) = (rfc3339(s.published_at), rfc3339(s.changed_at));
            let expires = s.expires_on.clone().unwrap_or_default();
            let revision = s.revision.to_string();
            csv.push_str(&csv_line([
                s.id.as_str(),
                &s.title,
                &published,
                &expires,
                &s.published_by,
                &revision,
                &changed,
                &body,
            ]));
            records.push(
                json!({"id": s.id, "tytul": s.title, "opublikowano": published,
                "wygasa": s.expires_on, "opublikowal": s.published_by, "wersja": s.revision,
                "zmieniono": changed, "tresc": body}),
            );
        }
        Files {
            rows: rows.len() as i64,
            csv,
            json: opendata::envelope(gmina, "announcements", version, at, json!(records)),
        }
    })
    .await?;
    Ok(())
}

/// Publishes an announcement now.
#[utoipa::path(post, path = "/office/info/announcements", tag = "public-info-office",
    request_body = AnnouncementForm,
    responses((status = 201, body = Announcement), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(form): AppJson<AnnouncementForm>,
) -> Result<(StatusCode, AppJson<Announcement>), ApiError> {
    super::publisher(&user)?;
    let key = opendata::signing_key(&state, &user.gmina_id).await?;
    let mut tx = state.db.begin_write().await?;
    let files = checked(&mut tx, &user, &form, false).await?;
    let by = author(&mut tx, &user).await?;
    let who = (user.gmina_id.as_str(), user.id.as_str(), by.as_str());
    let id = create(&mut tx, &key, who, &form, &files, now_ms()).await?;
    let stored = load(&mut tx, &user.gmina_id, &id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(stored)))
}

/// Changes an announcement: a new version with a reason; the earlier ones stay public.
#[utoipa::path(put, path = "/office/info/announcements/{id}", tag = "public-info-office",
    params(("id" = String, Path)), request_body = AnnouncementForm,
    responses((status = 200, body = Announcement), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(form): AppJson<AnnouncementForm>,
) -> Result<AppJson<Announcement>, ApiError> {
    super::publisher(&user)?;
    let key = opendata::signing_key(&state, &user.gmina_id).await?;
    let mut tx = state.db.begin_write().await?;
    let files = checked(&mut tx, &user, &form, true).await?;
    let by = author(&mut tx, &user).await?;
    let who = (user.gmina_id.as_str(), user.id.as_str(), by.as_str());
    amend(&mut tx, &key, who, &id, &form, &files, now_ms())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let stored = load(&mut tx, &user.gmina_id, &id).await?;
    tx.commit().await?;
    Ok(AppJson(stored))
}
