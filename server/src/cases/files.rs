//! Uploaded files: `POST /api/attachments` takes one file as the raw body.
//!
//! The declared type must be one of the accepted ones *and* match the file's first bytes
//! (a PDF starts with `%PDF-`, a PNG and a JPEG with their signatures), so nothing else
//! gets in under a harmless name. Contents are stored once per gmina by SHA-256; each
//! upload records who sent it, so a form can refer only to its author's files. Files go
//! out only as downloads (`Content-Disposition: attachment`, `nosniff`, a sandboxing CSP).

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use models::error::{ErrorBody, FieldError};
use models::forms::FileRef;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, AnyPool, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::{is_unique_violation, new_id};
use crate::error::{ApiError, AppJson};
use crate::time_fmt::now_ms;

/// The largest file accepted anywhere.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Accepted types and how their files begin.
const SIGNATURES: [(&str, &[u8]); 3] = [
    ("application/pdf", b"%PDF-"),
    ("image/png", b"\x89PNG\r\n\x1a\n"),
    ("image/jpeg", b"\xff\xd8\xff"),
];

/// The area's upload route, with its own body limit.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload))
        .layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 1))
}

/// The file's name.
#[derive(Debug, Deserialize, IntoParams)]
struct UploadName {
    /// File name as the person sees it (1–200 characters).
    name: String,
}

/// Checks a file: its name, size and that its content is what its type says.
pub fn check_file(name: &str, content_type: &str, bytes: &[u8]) -> Result<(), FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::Required);
    }
    if name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(FieldError::WrongType);
    }
    if bytes.is_empty() {
        return Err(FieldError::Required);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FieldError::FileTooLarge);
    }
    match SIGNATURES.iter().find(|(t, _)| *t == content_type) {
        Some((_, magic)) if bytes.starts_with(magic) => Ok(()),
        _ => Err(FieldError::FileTypeNotAllowed),
    }
}

/// Uploads a file (raw body; `Content-Type` its type) for use in a form or a letter.
#[utoipa::path(post, path = "/attachments", tag = "cases", params(UploadName),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file; Content-Type application/pdf, image/png or image/jpeg"),
    responses((status = 201, body = FileRef), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(UploadName { name }): Query<UploadName>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, AppJson<FileRef>), ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    check_file(&name, &content_type, &body).map_err(|e| ApiError::field("file", e))?;
    let file = FileRef {
        name: name.trim().to_owned(),
        sha256: hex::encode(Sha256::digest(&body)),
        size: body.len() as u64,
        content_type,
    };
    let mut tx = state.db.begin_write().await?;
    store_blob(&mut tx, &user.gmina_id, &file.sha256, &body).await?;
    let inserted = sqlx::query(
        "INSERT INTO uploads (id, gmina_id, user_id, sha256, name, content_type, size, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(&file.sha256)
    .bind(&file.name)
    .bind(&file.content_type)
    .bind(file.size as i64)
    .bind(now_ms())
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => {}
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    tracing::info!(size = file.size, "file uploaded");
    Ok((StatusCode::CREATED, AppJson(file)))
}

/// Stores contents once per gmina.
pub async fn store_blob(
    conn: &mut AnyConnection,
    gmina: &str,
    sha256: &str,
    bytes: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO blobs (gmina_id, sha256, size, content, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (gmina_id, sha256) DO NOTHING",
    )
    .bind(gmina)
    .bind(sha256)
    .bind(bytes.len() as i64)
    .bind(bytes.to_vec())
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether every file was uploaded by `user` with the stated name, type and size.
pub async fn all_uploaded_by(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &str,
    files: &[FileRef],
) -> Result<bool, sqlx::Error> {
    for f in files {
        let found: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM uploads WHERE gmina_id = $1 AND user_id = $2 AND sha256 = $3 \
             AND name = $4 AND content_type = $5 AND size = $6",
        )
        .bind(gmina)
        .bind(user)
        .bind(&f.sha256)
        .bind(&f.name)
        .bind(&f.content_type)
        .bind(f.size as i64)
        .fetch_one(&mut *conn)
        .await?;
        if found == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A stored file's contents.
pub async fn blob(
    pool: &AnyPool,
    gmina: &str,
    sha256: &str,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let row = sqlx::query("SELECT content FROM blobs WHERE gmina_id = $1 AND sha256 = $2")
        .bind(gmina)
        .bind(sha256)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| r.get::<Vec<u8>, _>("content")))
}

/// A file as a download: never shown inline, never sniffed, never run.
pub fn download(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_must_be_what_its_type_says() {
        assert_eq!(
            check_file("a.pdf", "application/pdf", b"%PDF-1.7 ..."),
            Ok(())
        );
        assert_eq!(
            check_file("a.png", "image/png", b"\x89PNG\r\n\x1a\nxx"),
            Ok(())
        );
        assert_eq!(
            check_file("a.pdf", "application/pdf", b"<html><script>"),
            Err(FieldError::FileTypeNotAllowed)
        );
        assert_eq!(
            check_file("a.html", "text/html", b"<html>"),
            Err(FieldError::FileTypeNotAllowed)
        );
        assert_eq!(
            check_file(" ", "application/pdf", b"%PDF-"),
            Err(FieldError::Required)
        );
        assert_eq!(
            check_file("a.pdf", "application/pdf", b""),
            Err(FieldError::Required)
        );
        assert_eq!(
            check_file("a\u{0}.pdf", "application/pdf", b"%PDF-"),
            Err(FieldError::WrongType)
        );
    }
}
