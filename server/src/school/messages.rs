//! Messages between a pupil's family and their teachers: a thread is about one pupil and
//! is seen only by its members; each member's last reading gives the read receipts.
//! The family writes to the class's teachers, a teacher to the pupil and their
//! guardians; a new message is e-mailed to the other members who want it.

mod contacts;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::error::{ErrorBody, FieldError};
use models::school::messages::{
    ClassMessage, ClassMessageReport, Contact, MailKind, Member, Message, NewThread, Reply, Thread,
    ThreadSummary, check_class_message, check_new_thread, check_reply,
};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use contacts::contacts_of;

use super::access::{log_looks, pupil_in_view};
use super::notify::mail_to;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, rfc3339};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contacts))
        .routes(routes!(pupil_threads, start))
        .routes(routes!(inbox))
        .routes(routes!(thread))
        .routes(routes!(reply))
        .routes(routes!(mark_read))
        .routes(routes!(to_class))
}

/// Whom the caller may write to about the pupil.
#[utoipa::path(get, path = "/school/pupils/{pupil}/contacts", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Vec<Contact>), (status = 404, body = ErrorBody)))]
async fn contacts(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Vec<Contact>>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let (enrolment, scope) = pupil_in_view(&mut tx, &user, &pupil).await?;
    let list = contacts_of(&mut tx, &user, &enrolment, &scope).await?;
    if scope.is_staff() {
        log_looks(&mut tx, &user, std::slice::from_ref(&pupil), "contacts").await?;
    }
    tx.commit().await?;
    Ok(AppJson(list))
}

/// The caller's threads (about one pupil, or all), latest first.
async fn summaries(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    pupil: Option<&str>,
) -> Result<Vec<ThreadSummary>, ApiError> {
    let filter = if pupil.is_some() {
        "AND t.pupil_id = $3"
    } else {
        ""
    };
    let sql = format!(
        "SELECT t.id, t.pupil_id, p.full_name AS pupil_name, t.subject, t.last_message_at, \
         (SELECT COUNT(*) FROM messages x WHERE x.thread_id = t.id AND x.author_id <> $2 \
          AND x.sent_at > COALESCE(m.last_read_at, -1)) AS unread \
         FROM thread_members m JOIN message_threads t ON t.id = m.thread_id JOIN users p ON p.id = t.pupil_id \
         WHERE m.gmina_id = $1 AND m.user_id = $2 {filter} ORDER BY t.last_message_at DESC LIMIT 200"
    );
    let mut q = sqlx::query(&sql).bind(&user.gmina_id).bind(&user.id);
    if let Some(p) = pupil {
        q = q.bind(p);
    }
    let rows = q.fetch_all(&mut *conn).await?;
    let others = sqlx::query(
        "SELECT o.thread_id, u.full_name FROM thread_members o JOIN users u ON u.id = o.user_id \
         WHERE o.gmina_id = $1 AND o.user_id <> $2 AND o.thread_id IN \
         (SELECT thread_id FROM thread_members WHERE gmina_id = $1 AND user_id = $2) ORDER BY u.full_name",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let id: String = r.get("id");
            let with = others
                .iter()
                .filter(|o| o.get::<String, _>("thread_id") == id)
                .map(|o| o.get("full_name"))
                .collect();
            ThreadSummary {
                pupil_id: r.get("pupil_id"),
                pupil_name: r.get("pupil_name"),
                subject: r.get("subject"),
                with,
                last_message_at: rfc3339(r.get("last_message_at")),
                unread: u32::try_from(r.get::<i64, _>("unread")).unwrap_or(0),
                id,
            }
        })
        .collect())
}

/// The caller's threads, latest first.
#[utoipa::path(get, path = "/school/threads", tag = "school",
    responses((status = 200, body = Vec<ThreadSummary>), (status = 401, body = ErrorBody)))]
async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<ThreadSummary>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(summaries(&mut conn, &user, None).await?))
}

/// The caller's threads about a pupil in their view.
#[utoipa::path(get, path = "/school/pupils/{pupil}/threads", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Vec<ThreadSummary>), (status = 404, body = ErrorBody)))]
async fn pupil_threads(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Vec<ThreadSummary>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    pupil_in_view(&mut conn, &user, &pupil).await?;
    Ok(AppJson(summaries(&mut conn, &user, Some(&pupil)).await?))
}

/// Stores a message, moves the thread up and e-mails the other members.
async fn post_message(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    thread: &str,
    body: &str,
) -> Result<(), ApiError> {
    let now = now_ms();
    sqlx::query(
        "INSERT INTO messages (id, gmina_id, thread_id, author_id, body, sent_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(&user.gmina_id)
    .bind(thread)
    .bind(&user.id)
    .bind(body.trim())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE message_threads SET last_message_at = $1 WHERE id = $2")
        .bind(now)
        .bind(thread)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE thread_members SET last_read_at = $1 WHERE thread_id = $2 AND user_id = $3",
    )
    .bind(now)
    .bind(thread)
    .bind(&user.id)
    .execute(&mut *conn)
    .await?;
    let row = sqlx::query(
        "SELECT t.subject, p.full_name AS pupil_name, a.full_name AS author FROM message_threads t \
         JOIN users p ON p.id = t.pupil_id JOIN users a ON a.id = $2 WHERE t.id = $1",
    )
    .bind(thread)
    .bind(&user.id)
    .fetch_one(&mut *conn)
    .await?;
    let others: Vec<String> = sqlx::query_scalar(
        "SELECT user_id FROM thread_members WHERE thread_id = $1 AND user_id <> $2",
    )
    .bind(thread)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    let subject: String = row.get("subject");
    let text = format!(
        "{} napisał(a) nową wiadomość w wątku „{subject}” ({}).",
        row.get::<String, _>("author"),
        row.get::<String, _>("pupil_name"),
    );
    mail_to(
        conn,
        &user.gmina_id,
        &others,
        MailKind::Message,
        &format!("Dziennik: nowa wiadomość — {subject}"),
        &text,
    )
    .await?;
    Ok(())
}

/// Starts a thread about the pupil with one of their contacts.
#[utoipa::path(post, path = "/school/pupils/{pupil}/threads", tag = "school",
    params(("pupil" = String, Path)), request_body = NewThread,
    responses((status = 201, body = Thread), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn start(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
    AppJson(form): AppJson<NewThread>,
) -> Result<(StatusCode, AppJson<Thread>), ApiError> {
    let mut tx = state.db.begin_write().await?;
    let (enrolment, scope) = pupil_in_view(&mut tx, &user, &pupil).await?;
    let mut problems = check_new_thread(&form);
    let contacts = contacts_of(&mut tx, &user, &enrolment, &scope).await?;
    if !contacts.iter().any(|c| c.id == form.to) {
        problems.insert("to".into(), FieldError::InvalidChoice);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let id = open_thread(
        &mut tx,
        &user,
        (&pupil, &form.subject),
        &[user.id.as_str(), form.to.as_str()],
    )
    .await?;
    post_message(&mut tx, &user, &id, &form.body).await?;
    let stored = load(&mut tx, &user, &id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(stored)))
}

/// Opens a thread about a pupil with its members; returns its id.
async fn open_thread(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    (pupil, subject): (&str, &str),
    members: &[&str],
) -> Result<String, ApiError> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO message_threads (id, gmina_id, pupil_id, subject, created_by, created_at, last_message_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(pupil)
    .bind(subject.trim())
    .bind(&user.id)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    for member in members {
        sqlx::query(
            "INSERT INTO thread_members (thread_id, user_id, gmina_id) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(member)
        .bind(&user.gmina_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// A teacher writes to the families of a class they teach or lead (in the year in
/// force): each pupil's guardians get a thread of their own with the teacher, so no
/// family sees another's answer. Pupils without a guardian in the system are counted,
/// not written to.
#[utoipa::path(post, path = "/school/classes/{class}/threads", tag = "school",
    params(("class" = String, Path)), request_body = ClassMessage,
    responses((status = 201, body = ClassMessageReport), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn to_class(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
    AppJson(form): AppJson<ClassMessage>,
) -> Result<(StatusCode, AppJson<ClassMessageReport>), ApiError> {
    user.require_any(&[Role::Teacher])?;
    let mut tx = state.db.begin_write().await?;
    let sql = format!(
        "SELECT c.id FROM school_classes c JOIN school_years y ON y.id = c.year_id \
         WHERE c.gmina_id = $1 AND c.id = $2 AND {} AND (c.form_teacher_id = $3 OR EXISTS \
         (SELECT 1 FROM teaching t WHERE t.class_id = c.id AND t.teacher_id = $3))",
        super::structure::in_force(4)
    );
    let mine: Option<String> = sqlx::query_scalar(&sql)
        .bind(&user.gmina_id)
        .bind(&class)
        .bind(&user.id)
        .bind(crate::time_fmt::today().to_string())
        .fetch_optional(&mut *tx)
        .await?;
    mine.ok_or_else(ApiError::not_found)?;
    let problems = check_class_message(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let rows = sqlx::query(
        "SELECT e.pupil_id, l.parent_id FROM enrolments e \
         LEFT JOIN parent_links l ON l.pupil_id = e.pupil_id AND l.gmina_id = e.gmina_id \
         WHERE e.gmina_id = $1 AND e.class_id = $2 ORDER BY e.number, l.parent_id",
    )
    .bind(&user.gmina_id)
    .bind(&class)
    .fetch_all(&mut *tx)
    .await?;
    let mut families: Vec<(String, Vec<String>)> = vec![];
    for r in &rows {
        let pupil: String = r.get("pupil_id");
        let parent: Option<String> = r.get("parent_id");
        match families.last_mut() {
            Some((p, parents)) if *p == pupil => parents.extend(parent),
            _ => families.push((pupil, parent.into_iter().collect())),
        }
    }
    let mut report = ClassMessageReport {
        threads: 0,
        without_guardian: 0,
    };
    for (pupil, parents) in &families {
        if parents.is_empty() {
            report.without_guardian += 1;
            continue;
        }
        let mut members = vec![user.id.as_str()];
        // A teacher who is also the pupil's parent is a member once.
        members.extend(parents.iter().map(String::as_str).filter(|p| *p != user.id));
        let id = open_thread(&mut tx, &user, (pupil, &form.subject), &members).await?;
        post_message(&mut tx, &user, &id, &form.body).await?;
        report.threads += 1;
    }
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(report)))
}

/// A thread the caller is a member of, or 404.
async fn load(conn: &mut AnyConnection, user: &CurrentUser, id: &str) -> Result<Thread, ApiError> {
    let head = sqlx::query(
        "SELECT t.pupil_id, p.full_name AS pupil_name, t.subject FROM message_threads t \
         JOIN thread_members m ON m.thread_id = t.id JOIN users p ON p.id = t.pupil_id \
         WHERE t.gmina_id = $1 AND t.id = $2 AND m.user_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(id)
    .bind(&user.id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let members = sqlx::query(
        "SELECT m.user_id, u.full_name, m.last_read_at FROM thread_members m JOIN users u ON u.id = m.user_id \
         WHERE m.thread_id = $1 ORDER BY u.full_name",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let read: Vec<(String, String, Option<i64>)> = members
        .iter()
        .map(|r| (r.get("user_id"), r.get("full_name"), r.get("last_read_at")))
        .collect();
    let messages = sqlx::query(
        "SELECT x.id, x.author_id, u.full_name, x.body, x.sent_at FROM messages x JOIN users u ON u.id = x.author_id \
         WHERE x.thread_id = $1 ORDER BY x.sent_at, x.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        let author: String = r.get("author_id");
        let sent: i64 = r.get("sent_at");
        Message {
            id: r.get("id"),
            read_by: read
                .iter()
                .filter(|(who, _, at)| *who != author && at.is_some_and(|a| a >= sent))
                .map(|(_, name, _)| name.clone())
                .collect(),
            author: r.get("full_name"),
            author_id: author,
            body: r.get("body"),
            sent_at: rfc3339(sent),
        }
    })
    .collect();
    Ok(Thread {
        id: id.to_owned(),
        pupil_id: head.get("pupil_id"),
        pupil_name: head.get("pupil_name"),
        subject: head.get("subject"),
        members: read
            .into_iter()
            .map(|(id, full_name, at)| Member {
                id,
                full_name,
                last_read_at: at.map(rfc3339),
            })
            .collect(),
        messages,
    })
}

/// A thread with its messages and who read them.
#[utoipa::path(get, path = "/school/threads/{thread}", tag = "school",
    params(("thread" = String, Path)),
    responses((status = 200, body = Thread), (status = 404, body = ErrorBody)))]
async fn thread(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<AppJson<Thread>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(load(&mut conn, &user, &id).await?))
}

/// Answers in a thread.
#[utoipa::path(post, path = "/school/threads/{thread}/messages", tag = "school",
    params(("thread" = String, Path)), request_body = Reply,
    responses((status = 201, body = Thread), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn reply(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(form): AppJson<Reply>,
) -> Result<(StatusCode, AppJson<Thread>), ApiError> {
    let mut tx = state.db.begin_write().await?;
    load(&mut tx, &user, &id).await?;
    let problems = check_reply(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    post_message(&mut tx, &user, &id, &form.body).await?;
    let stored = load(&mut tx, &user, &id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(stored)))
}

/// Marks the thread read by the caller up to now (the others see the receipt).
#[utoipa::path(post, path = "/school/threads/{thread}/read", tag = "school",
    params(("thread" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let n = sqlx::query(
        "UPDATE thread_members SET last_read_at = $1 WHERE gmina_id = $2 AND thread_id = $3 AND user_id = $4",
    )
    .bind(now_ms())
    .bind(&user.gmina_id)
    .bind(&id)
    .bind(&user.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(ApiError::not_found());
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
