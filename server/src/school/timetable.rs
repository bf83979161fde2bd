//! The timetable: each class's weekly lessons with the school's bell, and the changes of
//! given dates (substitutions, cancellations) laid over it; a pupil's week and day, and
//! a teacher's week (their own lessons and the ones they cover).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use jiff::civil::Date;
use models::error::{ErrorBody, FieldError};
use models::school::attendance::Status;
use models::school::timetable::{Change, Lesson, RecentGrade, Today, TodayLesson, Week};
use serde::Deserialize;
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{log_looks, pupil_in_view};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(pupil_week))
        .routes(routes!(teacher_week))
        .routes(routes!(pupil_today))
}

/// Which week.
#[derive(Debug, Deserialize, IntoParams)]
pub struct WeekQuery {
    /// Any day of the week, `YYYY-MM-DD`; this week when left out.
    pub week: Option<String>,
}

/// Whose lessons.
#[derive(Debug, Clone, Copy)]
pub enum Whose<'a> {
    /// A class's.
    Class(&'a str),
    /// A teacher's: their own and the ones they cover.
    Teacher(&'a str),
}

/// The Monday of a day's week.
pub fn monday_of(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
}

/// 1 = Monday … 7 = Sunday.
pub fn weekday_number(day: Date) -> i64 {
    i64::from(day.weekday().to_monday_one_offset())
}

pub(crate) fn week_of(query: Option<&str>) -> Result<Date, ApiError> {
    match query {
        None => Ok(monday_of(today())),
        // A school's calendar: years far off are refused, not overflowed.
        Some(s) => s
            .parse::<Date>()
            .ok()
            .filter(|d| (2000..=2200).contains(&d.year()))
            .map(monday_of)
            .ok_or_else(|| ApiError::field("week", FieldError::InvalidDate)),
    }
}

const SLOT_COLUMNS: &str = "l.id, l.weekday, l.period, l.room, l.teacher_id, s.name AS subject_name, \
     c.name AS class_name, u.full_name AS teacher_name, p.starts, p.ends";
const SLOT_JOINS: &str = "lessons l JOIN subjects s ON s.id = l.subject_id \
     JOIN school_classes c ON c.id = l.class_id JOIN users u ON u.id = l.teacher_id \
     JOIN school_years y ON y.id = c.year_id \
     LEFT JOIN school_periods p ON p.school_id = y.school_id AND p.period = l.period";

/// The lessons from `from` to `to` (inclusive), by date and period, with their changes.
pub async fn lessons_between(
    conn: &mut AnyConnection,
    gmina: &str,
    whose: Whose<'_>,
    from: Date,
    to: Date,
) -> Result<Vec<Lesson>, ApiError> {
    let (condition, who) = match whose {
        Whose::Class(c) => ("l.class_id = $2", c),
        Whose::Teacher(t) => (
            "(l.teacher_id = $2 OR l.id IN (SELECT lesson_id FROM lesson_changes \
             WHERE gmina_id = $1 AND teacher_id = $2 AND on_date >= $3 AND on_date <= $4))",
            t,
        ),
    };
    let sql = format!(
        "SELECT {SLOT_COLUMNS} FROM {SLOT_JOINS} WHERE l.gmina_id = $1 AND {condition} \
         AND $3 <= $4 ORDER BY l.weekday, l.period"
    );
    let (from_s, to_s) = (from.to_string(), to.to_string());
    let slots = sqlx::query(&sql)
        .bind(gmina)
        .bind(who)
        .bind(&from_s)
        .bind(&to_s)
        .fetch_all(&mut *conn)
        .await?;
    let changes: HashMap<(String, String), (Change, Option<String>, String)> = sqlx::query(
        "SELECT x.lesson_id, x.on_date, x.kind, u.full_name, x.teacher_id, x.note FROM lesson_changes x \
         LEFT JOIN users u ON u.id = x.teacher_id \
         WHERE x.gmina_id = $1 AND x.on_date >= $2 AND x.on_date <= $3",
    )
    .bind(gmina)
    .bind(&from_s)
    .bind(&to_s)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .filter_map(|r| {
        let kind = Change::parse(&r.get::<String, _>("kind"))?;
        Some((
            (r.get("lesson_id"), r.get("on_date")),
            (kind, r.get("full_name"), r.get("note")),
        ))
    })
    .collect();
    let mut out = vec![];
    let mut day = from;
    while day <= to {
        let n = weekday_number(day);
        let date = day.to_string();
        for r in slots.iter().filter(|r| r.get::<i64, _>("weekday") == n) {
            let id: String = r.get("id");
            let change = changes.get(&(id.clone(), date.clone()));
            if let Whose::Teacher(t) = whose {
                // A lesson of someone else's shows only on the days this teacher covers it.
                let own = r.get::<String, _>("teacher_id") == t;
                let covering = change.is_some_and(|c| c.0 == Change::Substitution);
                if !own && !covering {
                    continue;
                }
            }
            out.push(Lesson {
                on_date: date.clone(),
                period: u32::try_from(r.get::<i64, _>("period")).unwrap_or(0),
                starts: r.get::<Option<String>, _>("starts").unwrap_or_default(),
                ends: r.get::<Option<String>, _>("ends").unwrap_or_default(),
                subject_name: r.get("subject_name"),
                class_name: r.get("class_name"),
                teacher_name: change
                    .and_then(|c| c.1.clone())
                    .unwrap_or_else(|| r.get("teacher_name")),
                room: r.get("room"),
                change: change.map(|c| c.0),
                note: change.map(|c| c.2.clone()).unwrap_or_default(),
                id,
            });
        }
        day = day.tomorrow().map_err(anyhow::Error::from)?;
    }
    Ok(out)
}

/// The lessons of the week from `monday` to Friday.
pub async fn week_from(
    conn: &mut AnyConnection,
    gmina: &str,
    whose: Whose<'_>,
    monday: Date,
) -> Result<Week, ApiError> {
    let friday = monday
        .checked_add(jiff::Span::new().days(4))
        .map_err(anyhow::Error::from)?;
    Ok(Week {
        monday: monday.to_string(),
        lessons: lessons_between(conn, gmina, whose, monday, friday).await?,
    })
}

/// A pupil's week.
#[utoipa::path(get, path = "/school/pupils/{pupil}/timetable", tag = "school",
    params(("pupil" = String, Path), WeekQuery),
    responses((status = 200, body = Week), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn pupil_week(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
    Query(q): Query<WeekQuery>,
) -> Result<AppJson<Week>, ApiError> {
    let monday = week_of(q.week.as_deref())?;
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, _) = pupil_in_view(&mut conn, &user, &pupil).await?;
    let week = week_from(
        &mut conn,
        &user.gmina_id,
        Whose::Class(&enrolment.pupil.class_id),
        monday,
    )
    .await?;
    Ok(AppJson(week))
}

/// The caller's week as a teacher: their lessons and the ones they cover.
#[utoipa::path(get, path = "/school/timetable", tag = "school", params(WeekQuery),
    responses((status = 200, body = Week), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn teacher_week(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<WeekQuery>,
) -> Result<AppJson<Week>, ApiError> {
    user.require_any(&[models::auth::Role::Teacher])?;
    let monday = week_of(q.week.as_deref())?;
    let mut conn = state.db.pool.acquire().await?;
    let week = week_from(&mut conn, &user.gmina_id, Whose::Teacher(&user.id), monday).await?;
    Ok(AppJson(week))
}

/// A pupil's day: today's lessons with changes and attendance, the grades of the last
/// week, and how many absences wait for an excuse.
#[utoipa::path(get, path = "/school/pupils/{pupil}/today", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Today), (status = 404, body = ErrorBody)))]
async fn pupil_today(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Today>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, scope) = pupil_in_view(&mut conn, &user, &pupil).await?;
    let g = &user.gmina_id;
    let day = today();
    let date = day.to_string();
    let lessons = lessons_between(
        &mut conn,
        g,
        Whose::Class(&enrolment.pupil.class_id),
        day,
        day,
    )
    .await?;
    let taken: HashMap<String, Status> = sqlx::query(
        "SELECT lesson_id, status FROM attendance WHERE gmina_id = $1 AND pupil_id = $2 AND on_date = $3",
    )
    .bind(g)
    .bind(&pupil)
    .bind(&date)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .filter_map(|r| Some((r.get("lesson_id"), Status::parse(&r.get::<String, _>("status"))?)))
    .collect();
    let week_ago = now_ms() - 7 * 24 * 3600 * 1000;
    let new_grades = super::grades::recent(&mut conn, &enrolment, &scope, week_ago).await?;
    let unexcused: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM attendance WHERE gmina_id = $1 AND pupil_id = $2 AND status = 'absent' \
         AND on_date >= $3",
    )
    .bind(g)
    .bind(&pupil)
    .bind(if date.as_str() < enrolment.dates[1].as_str() { &enrolment.dates[0] } else { &enrolment.dates[1] })
    .fetch_one(&mut *conn)
    .await?;
    let notices = super::notices::of_pupil(&mut conn, &enrolment, 5).await?;
    drop(conn);
    if scope.is_staff() {
        let mut tx = state.db.begin_write().await?;
        log_looks(&mut tx, &user, std::slice::from_ref(&pupil), "today").await?;
        tx.commit().await?;
    }
    Ok(AppJson(Today {
        pupil: enrolment.pupil,
        date,
        lessons: lessons
            .into_iter()
            .map(|l| TodayLesson {
                attendance: taken.get(&l.id).copied(),
                lesson: l,
            })
            .collect(),
        new_grades: new_grades
            .into_iter()
            .map(|(subject_name, grade)| RecentGrade {
                subject_name,
                grade,
            })
            .collect(),
        unexcused: u32::try_from(unexcused).unwrap_or(0),
        notices,
    }))
}
