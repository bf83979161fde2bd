//! Teachers' notices to a class, a year group or the whole school, read by the pupils
//! and parents of the classes addressed (on "today" and the notices page) and e-mailed to
//! those who want it.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::error::{ErrorBody, FieldError};
use models::school::messages::MailKind;
use models::school::{Audience, Notice, NoticeForm, check_notice};
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{Enrolment, pupil_in_view};
use super::notify::{families, mail_to};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::school::structure::in_force;
use crate::time_fmt::{now_ms, rfc3339, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(publish, sent))
        .routes(routes!(for_pupil))
}

/// Notices are shown for this long.
const SHOWN_DAYS: i64 = 60;

const COLUMNS: &str = "n.id, n.audience, n.class_id, n.level, n.title, n.body, n.published_at, \
     u.full_name AS author, c.name AS class_name, s.name AS school_name";
const JOINS: &str = "notices n JOIN users u ON u.id = n.author_id JOIN schools s ON s.id = n.school_id \
     LEFT JOIN school_classes c ON c.id = n.class_id";

fn notice_from(r: &AnyRow) -> Notice {
    let audience: String = r.get("audience");
    let level = r.get::<Option<i64>, _>("level").unwrap_or(0);
    let (audience, audience_name) = match audience.as_str() {
        "class" => (
            Audience::Class {
                class_id: r.get::<Option<String>, _>("class_id").unwrap_or_default(),
            },
            r.get::<Option<String>, _>("class_name").unwrap_or_default(),
        ),
        "level" => (
            Audience::Level {
                level: u8::try_from(level).unwrap_or(0),
            },
            level.to_string(),
        ),
        _ => (Audience::School, r.get("school_name")),
    };
    Notice {
        id: r.get("id"),
        audience,
        audience_name,
        title: r.get("title"),
        body: r.get("body"),
        author: r.get("author"),
        published_at: rfc3339(r.get("published_at")),
    }
}

/// The notices for a pupil's class, year group and school of the last 60 days, newest
/// first (at most `limit`).
pub async fn of_pupil(
    conn: &mut AnyConnection,
    enrolment: &Enrolment,
    limit: i64,
) -> Result<Vec<Notice>, ApiError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE n.gmina_id = $1 AND n.school_id = $2 AND n.published_at >= $3 \
         AND (n.audience = 'school' OR n.class_id = $4 \
              OR (n.audience = 'level' AND n.level = (SELECT level FROM school_classes WHERE id = $4))) \
         ORDER BY n.published_at DESC LIMIT $5"
    );
    Ok(sqlx::query(&sql)
        .bind(&enrolment.gmina_id)
        .bind(&enrolment.school_id)
        .bind(now_ms() - SHOWN_DAYS * 86_400_000)
        .bind(&enrolment.pupil.class_id)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(notice_from)
        .collect())
}

/// The notices a pupil and their parents read.
#[utoipa::path(get, path = "/school/pupils/{pupil}/notices", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Vec<Notice>), (status = 404, body = ErrorBody)))]
async fn for_pupil(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Vec<Notice>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, _) = pupil_in_view(&mut conn, &user, &pupil).await?;
    Ok(AppJson(of_pupil(&mut conn, &enrolment, 100).await?))
}

/// The caller's notices, newest first.
#[utoipa::path(get, path = "/school/notices", tag = "school",
    responses((status = 200, body = Vec<Notice>), (status = 403, body = ErrorBody)))]
async fn sent(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Notice>>, ApiError> {
    user.require_any(&[Role::Teacher])?;
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE n.gmina_id = $1 AND n.author_id = $2 ORDER BY n.published_at DESC LIMIT 200"
    );
    let rows = sqlx::query(&sql)
        .bind(&user.gmina_id)
        .bind(&user.id)
        .fetch_all(&state.db.pool)
        .await?;
    Ok(AppJson(rows.iter().map(notice_from).collect()))
}

/// The school a teacher may address for an audience: a class they teach or lead, a
/// year group of a school they teach in (this school year), or that school.
async fn school_for(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    audience: &Audience,
) -> Result<Option<String>, ApiError> {
    let day = today().to_string();
    let mine = format!(
        "SELECT c.id, c.level, y.school_id FROM school_classes c JOIN school_years y ON y.id = c.year_id \
         WHERE c.gmina_id = $1 AND {} AND (c.form_teacher_id = $3 OR c.id IN \
         (SELECT class_id FROM teaching WHERE gmina_id = $1 AND teacher_id = $3))",
        in_force(2)
    );
    let rows = sqlx::query(&mine)
        .bind(&user.gmina_id)
        .bind(&day)
        .bind(&user.id)
        .fetch_all(&mut *conn)
        .await?;
    let school = |r: &AnyRow| r.get::<String, _>("school_id");
    Ok(match audience {
        Audience::Class { class_id } => rows
            .iter()
            .find(|r| r.get::<String, _>("id") == *class_id)
            .map(school),
        Audience::Level { level } => {
            let schools: Vec<String> = rows.iter().map(school).collect();
            let mut found = None;
            for s in schools {
                let sql = format!(
                    "SELECT COUNT(*) FROM school_classes c JOIN school_years y ON y.id = c.year_id \
                     WHERE y.school_id = $1 AND {} AND c.level = $3",
                    in_force(2)
                );
                let n: i64 = sqlx::query_scalar(&sql)
                    .bind(&s)
                    .bind(&day)
                    .bind(i64::from(*level))
                    .fetch_one(&mut *conn)
                    .await?;
                if n > 0 {
                    found = Some(s);
                    break;
                }
            }
            found
        }
        Audience::School => rows.first().map(school),
    })
}

/// Publishes a notice.
#[utoipa::path(post, path = "/school/notices", tag = "school", request_body = NoticeForm,
    responses((status = 201, body = Notice), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(form): AppJson<NoticeForm>,
) -> Result<(StatusCode, AppJson<Notice>), ApiError> {
    user.require_any(&[Role::Teacher])?;
    let mut problems = check_notice(&form);
    let mut tx = state.db.begin_write().await?;
    let school = school_for(&mut tx, &user, &form.audience).await?;
    if school.is_none() {
        problems.insert("audience".into(), FieldError::InvalidChoice);
    }
    let Some(school) = school.filter(|_| problems.is_empty()) else {
        return Err(ApiError::Validation(problems));
    };
    let id = new_id();
    let (kind, class, level) = match &form.audience {
        Audience::Class { class_id } => ("class", Some(class_id.clone()), None),
        Audience::Level { level } => ("level", None, Some(i64::from(*level))),
        Audience::School => ("school", None, None),
    };
    sqlx::query(
        "INSERT INTO notices (id, gmina_id, school_id, audience, class_id, level, title, body, author_id, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&school)
    .bind(kind)
    .bind(&class)
    .bind(level)
    .bind(form.title.trim())
    .bind(form.body.trim())
    .bind(&user.id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "notice.published",
            object_type: "notice",
            object_id: &id,
            detail: json!({ "audience": kind }),
        },
    )
    .await?;
    let sql = format!("SELECT {COLUMNS} FROM {JOINS} WHERE n.id = $1");
    let row = sqlx::query(&sql).bind(&id).fetch_one(&mut *tx).await?;
    let notice = notice_from(&row);
    let pupils = audience_pupils(&mut tx, &user.gmina_id, &school, &form.audience).await?;
    let people = families(&mut tx, &user.gmina_id, &pupils).await?;
    let text = format!(
        "{} ogłasza ({}): „{}”\n\n{}",
        notice.author, notice.audience_name, notice.title, notice.body
    );
    mail_to(
        &mut tx,
        &user.gmina_id,
        &people,
        MailKind::Notice,
        &format!("Dziennik: ogłoszenie — {}", notice.title),
        &text,
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(notice)))
}

/// The pupils a notice is for, in the school year in force.
async fn audience_pupils(
    conn: &mut AnyConnection,
    gmina: &str,
    school: &str,
    audience: &Audience,
) -> Result<Vec<String>, ApiError> {
    let base = format!(
        "SELECT e.pupil_id FROM enrolments e JOIN school_classes c ON c.id = e.class_id \
         JOIN school_years y ON y.id = c.year_id WHERE e.gmina_id = $1 AND y.school_id = $2 AND {}",
        in_force(3)
    );
    let (filter, class, level) = match audience {
        Audience::Class { class_id } => (" AND c.id = $4", Some(class_id.clone()), None),
        Audience::Level { level } => (" AND c.level = $4", None, Some(i64::from(*level))),
        Audience::School => ("", None, None),
    };
    let sql = format!("{base}{filter}");
    let mut q = sqlx::query_scalar(&sql)
        .bind(gmina)
        .bind(school)
        .bind(today().to_string());
    if let Some(c) = class {
        q = q.bind(c);
    }
    if let Some(l) = level {
        q = q.bind(l);
    }
    Ok(q.fetch_all(&mut *conn).await?)
}
