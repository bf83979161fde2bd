//! The tests-and-homework calendar (terminarz): the tests and quizzes teachers announce
//! as graded-work columns dated ahead, and the homework they set, due on a day. A pupil
//! and their parents see their class's; a teacher sees the whole class's agenda for the
//! classes they teach (to spread the tests out) and sets homework in their subjects.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::ToSpan;
use models::error::{ErrorBody, FieldError};
use models::school::messages::{Agenda, AgendaItem, AgendaKind, HomeworkForm, check_homework};
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::pupil_in_view;
use super::grid::taught;
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(for_pupil))
        .routes(routes!(for_class))
        .routes(routes!(set_homework))
        .routes(routes!(remove_homework))
}

/// Days before today the agenda shows.
const PAST_DAYS: i64 = 7;
/// Days after today.
const AHEAD_DAYS: i64 = 56;

/// The agenda's window around today.
pub fn window() -> Result<(String, String), ApiError> {
    let day = today();
    let from = day
        .checked_sub(PAST_DAYS.days())
        .map_err(anyhow::Error::from)?;
    let to = day
        .checked_add(AHEAD_DAYS.days())
        .map_err(anyhow::Error::from)?;
    Ok((from.to_string(), to.to_string()))
}

/// A class's tests, quizzes and homework between two days (inclusive), each with its
/// subject's id, by date and subject; `mine` marks what the viewer set. Two queries.
pub async fn of_class(
    conn: &mut AnyConnection,
    gmina: &str,
    class: &str,
    (from, to): (&str, &str),
    viewer: &str,
) -> Result<Vec<(String, AgendaItem)>, ApiError> {
    let tests = sqlx::query(
        "SELECT c.id, c.title, c.on_date, c.subject_id, s.name AS subject_name, s.position, k.code, \
         c.created_by AS teacher_id, u.full_name AS teacher FROM grade_columns c JOIN subjects s ON s.id = c.subject_id \
         JOIN grade_categories k ON k.id = c.category_id JOIN users u ON u.id = c.created_by \
         WHERE c.gmina_id = $1 AND c.class_id = $2 AND c.on_date >= $3 AND c.on_date <= $4 \
         AND c.kind = 'regular' AND k.code IN ('test', 'quiz')",
    )
    .bind(gmina)
    .bind(class)
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?;
    let homework = sqlx::query(
        "SELECT h.id, h.title, h.details, h.due_on, h.subject_id, s.name AS subject_name, s.position, \
         h.teacher_id, u.full_name AS teacher FROM homework h JOIN subjects s ON s.id = h.subject_id \
         JOIN users u ON u.id = h.teacher_id \
         WHERE h.gmina_id = $1 AND h.class_id = $2 AND h.due_on >= $3 AND h.due_on <= $4",
    )
    .bind(gmina)
    .bind(class)
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?;
    let mut items: Vec<(i64, String, AgendaItem)> = tests
        .iter()
        .map(|r| {
            let kind = if r.get::<String, _>("code") == "test" {
                AgendaKind::Test
            } else {
                AgendaKind::Quiz
            };
            (
                r.get("position"),
                r.get("subject_id"),
                AgendaItem {
                    id: r.get("id"),
                    kind,
                    on_date: r.get("on_date"),
                    subject_name: r.get("subject_name"),
                    title: r.get("title"),
                    details: String::new(),
                    teacher_name: r.get("teacher"),
                    mine: r.get::<String, _>("teacher_id") == viewer,
                },
            )
        })
        .chain(homework.iter().map(|r| {
            (
                r.get("position"),
                r.get("subject_id"),
                AgendaItem {
                    id: r.get("id"),
                    kind: AgendaKind::Homework,
                    on_date: r.get("due_on"),
                    subject_name: r.get("subject_name"),
                    title: r.get("title"),
                    details: r.get("details"),
                    teacher_name: r.get("teacher"),
                    mine: r.get::<String, _>("teacher_id") == viewer,
                },
            )
        }))
        .collect();
    items.sort_by(|a, b| {
        (&a.2.on_date, a.0, a.2.kind as u8, &a.2.id).cmp(&(
            &b.2.on_date,
            b.0,
            b.2.kind as u8,
            &b.2.id,
        ))
    });
    Ok(items.into_iter().map(|(_, s, i)| (s, i)).collect())
}

/// The pupil's class's tests and homework from a week ago to eight weeks ahead; a
/// teacher sees their own subjects', a form teacher all.
#[utoipa::path(get, path = "/school/pupils/{pupil}/agenda", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Agenda), (status = 404, body = ErrorBody)))]
async fn for_pupil(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Agenda>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, scope) = pupil_in_view(&mut conn, &user, &pupil).await?;
    let (from, to) = window()?;
    let items = of_class(
        &mut conn,
        &user.gmina_id,
        &enrolment.pupil.class_id,
        (&from, &to),
        &user.id,
    )
    .await?
    .into_iter()
    .filter(|(subject, _)| scope.sees(subject))
    .map(|(_, i)| i)
    .collect();
    Ok(AppJson(Agenda { from, to, items }))
}

/// The whole agenda of a class the caller teaches or leads.
#[utoipa::path(get, path = "/school/classes/{class}/agenda", tag = "school",
    params(("class" = String, Path)),
    responses((status = 200, body = Agenda), (status = 404, body = ErrorBody)))]
async fn for_class(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
) -> Result<AppJson<Agenda>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let teaches: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM school_classes c WHERE c.gmina_id = $1 AND c.id = $2 AND (c.form_teacher_id = $3 \
         OR EXISTS (SELECT 1 FROM teaching t WHERE t.class_id = c.id AND t.teacher_id = $3))",
    )
    .bind(&user.gmina_id)
    .bind(&class)
    .bind(&user.id)
    .fetch_one(&mut *conn)
    .await?;
    if teaches == 0 {
        return Err(ApiError::not_found());
    }
    let (from, to) = window()?;
    let items = of_class(&mut conn, &user.gmina_id, &class, (&from, &to), &user.id)
        .await?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    Ok(AppJson(Agenda { from, to, items }))
}

/// Sets homework in a class × subject the caller teaches, due today or later within
/// the school year.
#[utoipa::path(post, path = "/school/classes/{class}/subjects/{subject}/homework", tag = "school",
    params(("class" = String, Path), ("subject" = String, Path)), request_body = HomeworkForm,
    responses((status = 201, body = AgendaItem), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_homework(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((class, subject)): Path<(String, String)>,
    AppJson(form): AppJson<HomeworkForm>,
) -> Result<(StatusCode, AppJson<AgendaItem>), ApiError> {
    let mut tx = state.db.begin_write().await?;
    let t = taught(&mut tx, &user, &class, &subject).await?;
    let mut problems = check_homework(&form);
    if !problems.contains_key("due_on") {
        if form.due_on < today().to_string() {
            problems.insert("due_on".into(), FieldError::DateInPast);
        } else if form.due_on > t.dates[2] {
            problems.insert("due_on".into(), FieldError::OutsideTerm);
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO homework (id, gmina_id, class_id, subject_id, teacher_id, title, details, due_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&class)
    .bind(&subject)
    .bind(&user.id)
    .bind(form.title.trim())
    .bind(form.details.trim())
    .bind(&form.due_on)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "homework.set",
            object_type: "homework",
            object_id: &id,
            detail: json!({ "class": t.class.name, "due_on": form.due_on }),
        },
    )
    .await?;
    let teacher_name: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
        .bind(&user.id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(AgendaItem {
            id,
            kind: AgendaKind::Homework,
            on_date: form.due_on,
            subject_name: t.subject_name,
            title: form.title.trim().to_owned(),
            details: form.details.trim().to_owned(),
            teacher_name,
            mine: true,
        }),
    ))
}

/// Withdraws homework the caller set.
#[utoipa::path(delete, path = "/school/homework/{homework}", tag = "school",
    params(("homework" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
async fn remove_homework(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let n = sqlx::query("DELETE FROM homework WHERE gmina_id = $1 AND id = $2 AND teacher_id = $3")
        .bind(&user.gmina_id)
        .bind(&id)
        .bind(&user.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(ApiError::not_found());
    }
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "homework.removed",
            object_type: "homework",
            object_id: &id,
            detail: json!({}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
