//! Signing and submitting a draft: `POST /api/drafts/{id}/submit`.
//!
//! The resident confirms with their password (re-authentication; a qualified signature or
//! the login.gov.pl signing service would plug in here instead). The form is validated
//! by the same `models::forms::validate` the browser runs; every referenced file must be
//! the resident's own upload. Then one transaction opens the case, stores the content and
//! documents, signs the receipt (UPO), records the submission under its idempotency key
//! and deletes the draft. The receipt is returned only after the commit; a replay of the
//! same key returns the same receipt, so a double click never files twice.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use models::cases::{Channel, SubmitRequest, Submitted};
use models::error::{ErrorBody, ErrorCode, FieldError};
use models::forms::{self, FormDefinition};
use models::receipts::{AttachmentDigest, ReceiptDocument, SignedReceipt, VERSION};
use serde_json::Value;
use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::db::{NewDocument, attach_files, department_by_code, insert_document};
use super::drafts;
use super::files::{all_uploaded_by, store_blob};
use super::workflow::{NewCase, open_case, receipt_time};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::{CurrentUser, db as auth_db, throttle};
use crate::db::{Db, is_unique_violation, new_id};
use crate::error::{ApiError, AppJson};
use crate::receipts::{keys, sign_with};
use crate::services::db::{Filing, filing};
use crate::time_fmt::{now_ms, today};

/// The route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(submit))
}

fn idempotency_key(headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| (8..=100).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .ok_or(ApiError::Status(
            StatusCode::BAD_REQUEST,
            ErrorCode::IdempotencyKeyRequired,
        ))
}

async fn earlier(
    pool: &AnyPool,
    user: &CurrentUser,
    key: &str,
) -> anyhow::Result<Option<Submitted>> {
    let row = sqlx::query(
        "SELECT s.case_id, s.receipt_json, c.reference FROM submissions s JOIN cases c ON c.id = s.case_id \
         WHERE s.gmina_id = $1 AND s.user_id = $2 AND s.idempotency_key = $3",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .bind(key)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Submitted {
            case_id: r.get("case_id"),
            reference: r.get("reference"),
            receipt: serde_json::from_str(&r.get::<String, _>("receipt_json"))?,
        })
    })
    .transpose()
}

fn day(d: jiff::civil::Date) -> forms::Day {
    (i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// Signs and submits a draft; answers with the case and its receipt (UPO).
#[utoipa::path(post, path = "/drafts/{id}/submit", tag = "cases", request_body = SubmitRequest,
    params(("id" = String, Path, description = "Draft id"),
        ("Idempotency-Key" = String, Header, description = "8–100 characters, one per submission attempt")),
    responses((status = 201, body = Submitted), (status = 200, body = Submitted, description = "A replay"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    AppJson(req): AppJson<SubmitRequest>,
) -> Result<(StatusCode, AppJson<Submitted>), ApiError> {
    let key = idempotency_key(&headers)?;
    let pool = &state.db.pool;
    if let Some(done) = earlier(pool, &user, &key).await? {
        return Ok((StatusCode::OK, AppJson(done)));
    }
    let draft = drafts::own(pool, &user, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    confirm_password(&state, &user, req.password).await?;
    let service = filing(pool, &user.gmina_id, &draft.service_slug)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let errors = forms::validate(&service.form, &draft.data, day(today()));
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let office_key = keys::current(
        pool,
        state.config.receipt_key_dir.as_deref(),
        &user.gmina_id,
    )
    .await?;
    let filed = file_application(
        &state.db,
        &office_key,
        &Application {
            gmina: &user.gmina_id,
            user_id: &user.id,
            service: &service,
            data: &draft.data,
            idempotency_key: &key,
            draft_id: Some(&id),
            received_at: now_ms(),
        },
    )
    .await?;
    match filed {
        Filed::New(done) => {
            tracing::info!(case = %done.case_id, "application submitted");
            Ok((StatusCode::CREATED, AppJson(*done)))
        }
        Filed::Replay => {
            let done = earlier(pool, &user, &key)
                .await?
                .ok_or_else(ApiError::not_found)?;
            Ok((StatusCode::OK, AppJson(done)))
        }
    }
}

/// A validated application to file.
#[derive(Debug, Clone)]
pub struct Application<'a> {
    pub gmina: &'a str,
    pub user_id: &'a str,
    pub service: &'a Filing,
    pub data: &'a Value,
    pub idempotency_key: &'a str,
    /// The draft it came from, deleted in the same transaction.
    pub draft_id: Option<&'a str>,
    pub received_at: i64,
}

/// What filing did.
#[derive(Debug)]
pub enum Filed {
    /// A new case with its receipt.
    New(Box<Submitted>),
    /// The idempotency key was used meanwhile: nothing new was stored.
    Replay,
}

/// Files a validated application in one transaction: the case, its documents, the
/// signed receipt, the submission under its idempotency key, the audit entry, and the
/// draft's deletion. Nothing is stored unless all of it is.
pub async fn file_application(
    db: &Db,
    office_key: &keys::OfficeKey,
    a: &Application<'_>,
) -> Result<Filed, ApiError> {
    let files = forms::files(&a.service.form, a.data);
    let content = a.data.to_string();
    let content_sha256 = hex::encode(Sha256::digest(content.as_bytes()));
    let office = office_name(&db.pool, a.gmina).await?;
    let mut tx = db.begin_write().await?;
    if !all_uploaded_by(&mut tx, a.gmina, a.user_id, &files).await? {
        return Err(ApiError::field("files", FieldError::WrongType));
    }
    let (department_id, _) = department_by_code(&mut tx, a.gmina, &a.service.department_code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("service {} has no department", a.service.slug))?;
    let applicant: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
        .bind(a.user_id)
        .fetch_one(&mut *tx)
        .await?;
    let (case_id, reference, _) = open_case(
        &mut tx,
        &NewCase {
            gmina: a.gmina,
            channel: Channel::Portal,
            service_id: Some(&a.service.id),
            applicant_id: Some(a.user_id),
            applicant_name: &applicant,
            title: &a.service.title,
            department_id: &department_id,
            department_code: &a.service.department_code,
            jrwa_symbol: a.service.jrwa_symbol.as_deref(),
            period: &a.service.period,
            received_at: a.received_at,
            registered_by: None,
        },
    )
    .await?;
    let submission_id = new_id();
    let receipt = sign_with(
        office_key,
        ReceiptDocument {
            attachments: files
                .iter()
                .map(|f| AttachmentDigest {
                    name: f.name.clone(),
                    sha256: f.sha256.clone(),
                    size: f.size,
                })
                .collect(),
            case_reference: reference.clone(),
            content_sha256: content_sha256.clone(),
            kind: "UPO".into(),
            office,
            office_id: a.gmina.to_owned(),
            received_at: receipt_time(a.received_at),
            submission_id: submission_id.clone(),
            version: VERSION,
        },
    );
    let parts = Parts {
        gmina: a.gmina,
        user_id: a.user_id,
        case_id: &case_id,
        form: &a.service.form,
        content: &content,
        content_sha256: &content_sha256,
        files: &files,
        receipt: &receipt,
        at: a.received_at,
    };
    store_documents(&mut tx, &parts).await?;
    let inserted = sqlx::query(
        "INSERT INTO submissions (id, gmina_id, user_id, idempotency_key, service_id, form_version, \
         content_json, content_sha256, case_id, receipt_json, received_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&submission_id)
    .bind(a.gmina)
    .bind(a.user_id)
    .bind(a.idempotency_key)
    .bind(&a.service.id)
    .bind(i64::from(a.service.form.version))
    .bind(&content)
    .bind(&content_sha256)
    .bind(&case_id)
    .bind(serde_json::to_string(&receipt).map_err(anyhow::Error::from)?)
    .bind(a.received_at)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        // The same key won a race on another connection; this attempt rolls back.
        Err(e) if is_unique_violation(&e) => return Ok(Filed::Replay),
        Err(e) => return Err(e.into()),
    }
    if let Some(draft) = a.draft_id {
        let deleted = sqlx::query("DELETE FROM drafts WHERE id = $1 AND user_id = $2")
            .bind(draft)
            .bind(a.user_id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() != 1 {
            // Submitted meanwhile under another key: nothing of this attempt is kept.
            return Err(ApiError::not_found());
        }
    }
    audit::append(
        &mut tx,
        a.gmina,
        Entry {
            actor: Some(a.user_id),
            action: "submission.received",
            object_type: "submission",
            object_id: &submission_id,
            detail: json!({"case": case_id, "content_sha256": content_sha256, "files": files.len()}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Filed::New(Box::new(Submitted {
        case_id,
        reference,
        receipt,
    })))
}

async fn office_name(pool: &AnyPool, gmina: &str) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM gminy WHERE id = $1")
        .bind(gmina)
        .fetch_one(pool)
        .await
}

/// The password check that stands for the signature, throttled like a login.
async fn confirm_password(
    state: &AppState,
    user: &CurrentUser,
    password: String,
) -> Result<(), ApiError> {
    let pool = &state.db.pool;
    let key = throttle::key("password", &user.id);
    if let Some(wait) = throttle::check(pool, &user.gmina_id, &key, throttle::ACCOUNT).await? {
        return Err(ApiError::TooManyRequests(wait));
    }
    let row = auth_db::user_by_id(pool, &user.gmina_id, &user.id)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    if !state
        .passwords
        .verify(password, Some(row.password_hash))
        .await?
    {
        throttle::record(pool, &user.gmina_id, &[&key]).await?;
        return Err(ApiError::field("password", FieldError::WrongPassword));
    }
    Ok(())
}

/// The stored parts of one submission.
struct Parts<'a> {
    gmina: &'a str,
    user_id: &'a str,
    case_id: &'a str,
    form: &'a FormDefinition,
    content: &'a str,
    content_sha256: &'a str,
    files: &'a [models::forms::FileRef],
    receipt: &'a SignedReceipt,
    at: i64,
}

async fn store_documents(conn: &mut sqlx::AnyConnection, p: &Parts<'_>) -> anyhow::Result<()> {
    let Parts {
        gmina: g,
        user_id,
        case_id,
        form,
        content,
        content_sha256,
        files,
        receipt,
        at,
    } = *p;
    store_blob(conn, g, content_sha256, content.as_bytes()).await?;
    let name = format!("{}-v{}.json", form.id, form.version);
    let doc = |kind, name, content_type, size, sha256, signed| NewDocument {
        case_id,
        direction: "in",
        kind,
        name,
        content_type,
        size,
        sha256,
        signed_json: signed,
        created_by: Some(user_id),
    };
    insert_document(
        conn,
        g,
        &doc(
            "application",
            &name,
            "application/json",
            content.len() as u64,
            content_sha256,
            None,
        ),
        at,
    )
    .await?;
    attach_files(conn, g, case_id, "attachment", files, user_id, at).await?;
    let receipt_json = serde_json::to_string_pretty(receipt)?;
    let receipt_sha = hex::encode(Sha256::digest(receipt_json.as_bytes()));
    store_blob(conn, g, &receipt_sha, receipt_json.as_bytes()).await?;
    insert_document(
        conn,
        g,
        &NewDocument {
            direction: "out",
            ..doc(
                "receipt",
                "UPO.json",
                "application/json",
                receipt_json.len() as u64,
                &receipt_sha,
                Some(&receipt_json),
            )
        },
        at,
    )
    .await?;
    Ok(())
}
