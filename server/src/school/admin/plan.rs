//! The timetable the school office keeps: a class's weekly lessons in the slots of the
//! school's bell, and the substitutions and cancellations of given dates that families
//! see on the day ("today", the week, the calendar feed) and teachers in their week.
//!
//! The register is not rewritten (rozporządzenie MEN z 25 sierpnia 2017 r. w sprawie
//! sposobu prowadzenia dokumentacji przebiegu nauczania, § 10: the dziennik records the
//! lessons held): a slot whose lesson already has attendance or changes keeps its
//! subject (only its room changes), and a lesson whose attendance was taken that day
//! gets no change. A teacher is never booked twice at one time: their own lessons at
//! overlapping bell times (in any school of the gmina whose year is on) and the lessons
//! they already cover that day count.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use models::error::{ErrorBody, FieldError};
use models::school::plan::{
    BellPeriod, ChangeForm, ClassPlan, PlanSlot, PlanSubject, SlotForm, check_change, check_slot,
};
use models::school::timetable::Change;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::keep::{changed, teachers};
use super::{kept_class, office};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::school::timetable::{WeekQuery, Whose, week_from, week_of, weekday_number};

/// A class's year: its school and first and last days.
struct YearSpan {
    school: String,
    starts_on: String,
    ends_on: String,
}

async fn year_span(conn: &mut AnyConnection, year: &str) -> Result<YearSpan, ApiError> {
    let r = sqlx::query("SELECT school_id, starts_on, ends_on FROM school_years WHERE id = $1")
        .bind(year)
        .fetch_one(&mut *conn)
        .await?;
    Ok(YearSpan {
        school: r.get("school_id"),
        starts_on: r.get("starts_on"),
        ends_on: r.get("ends_on"),
    })
}

/// A period's bell times, or 422 on `field` when the school's bell has no such period.
async fn bell_times(
    conn: &mut AnyConnection,
    school: &str,
    period: i64,
    field: &str,
) -> Result<(String, String), ApiError> {
    let r =
        sqlx::query("SELECT starts, ends FROM school_periods WHERE school_id = $1 AND period = $2")
            .bind(school)
            .bind(period)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| ApiError::field(field, FieldError::InvalidChoice))?;
    Ok((r.get("starts"), r.get("ends")))
}

/// A class's weekly timetable, a week of its lessons with their changes, and what the
/// office's forms pick from.
#[utoipa::path(get, path = "/school/admin/classes/{class}/timetable", tag = "school",
    params(("class" = String, Path), WeekQuery),
    responses((status = 200, body = ClassPlan), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn class_plan(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
    Query(q): Query<WeekQuery>,
) -> Result<AppJson<ClassPlan>, ApiError> {
    office(&user)?;
    let monday = week_of(q.week.as_deref())?;
    let mut conn = state.db.pool.acquire().await?;
    let (class_row, year) = kept_class(&mut conn, &user, &class).await?;
    let span = year_span(&mut conn, &year).await?;
    let bell = sqlx::query(
        "SELECT period, starts, ends FROM school_periods WHERE school_id = $1 ORDER BY period",
    )
    .bind(&span.school)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| BellPeriod {
        period: u32::try_from(r.get::<i64, _>("period")).unwrap_or(0),
        starts: r.get("starts"),
        ends: r.get("ends"),
    })
    .collect();
    let slots = sqlx::query(
        "SELECT l.id, l.weekday, l.period, l.subject_id, l.room, s.name AS subject_name, u.full_name \
         FROM lessons l JOIN subjects s ON s.id = l.subject_id JOIN users u ON u.id = l.teacher_id \
         WHERE l.gmina_id = $1 AND l.class_id = $2 ORDER BY l.weekday, l.period",
    )
    .bind(&user.gmina_id)
    .bind(&class)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| PlanSlot {
        id: r.get("id"),
        weekday: u32::try_from(r.get::<i64, _>("weekday")).unwrap_or(0),
        period: u32::try_from(r.get::<i64, _>("period")).unwrap_or(0),
        subject_id: r.get("subject_id"),
        subject_name: r.get("subject_name"),
        teacher_name: r.get("full_name"),
        room: r.get("room"),
    })
    .collect();
    let subjects = sqlx::query(
        "SELECT t.subject_id, s.name, u.full_name FROM teaching t JOIN subjects s ON s.id = t.subject_id \
         JOIN users u ON u.id = t.teacher_id WHERE t.gmina_id = $1 AND t.class_id = $2 \
         ORDER BY s.position, s.name",
    )
    .bind(&user.gmina_id)
    .bind(&class)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| PlanSubject {
        subject_id: r.get("subject_id"),
        subject_name: r.get("name"),
        teacher_name: r.get("full_name"),
    })
    .collect();
    let week = week_from(&mut conn, &user.gmina_id, Whose::Class(&class), monday).await?;
    Ok(AppJson(ClassPlan {
        class: class_row,
        bell,
        slots,
        subjects,
        week,
        teachers: teachers(&mut conn, &user.gmina_id).await?,
    }))
}

/// How many entries of the register a lesson has: attendance and changes.
async fn held(conn: &mut AnyConnection, lesson: &str) -> Result<i64, ApiError> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM attendance WHERE lesson_id = $1) + \
         (SELECT COUNT(*) FROM lesson_changes WHERE lesson_id = $1)",
    )
    .bind(lesson)
    .fetch_one(&mut *conn)
    .await?)
}

/// Puts a subject taught in the class (with its teacher) into a weekday × period slot,
/// changes its room, or leaves the slot free.
#[utoipa::path(put, path = "/school/admin/classes/{class}/timetable/{weekday}/{period}", tag = "school",
    params(("class" = String, Path), ("weekday" = String, Path), ("period" = String, Path)),
    request_body = SlotForm,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_slot(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((class, weekday, period)): Path<(String, String, String)>,
    AppJson(form): AppJson<SlotForm>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let (class_row, year) = kept_class(&mut tx, &user, &class).await?;
    let span = year_span(&mut tx, &year).await?;
    let weekday: i64 = weekday
        .parse()
        .ok()
        .filter(|d| (1..=5).contains(d))
        .ok_or_else(|| ApiError::field("weekday", FieldError::InvalidChoice))?;
    let period: i64 = period
        .parse()
        .map_err(|_| ApiError::field("period", FieldError::InvalidChoice))?;
    let (starts, ends) = bell_times(&mut tx, &span.school, period, "period").await?;
    let problems = check_slot(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let room = form.room.trim();
    let existing = sqlx::query(
        "SELECT id, subject_id, room FROM lessons WHERE class_id = $1 AND weekday = $2 AND period = $3",
    )
    .bind(&class)
    .bind(weekday)
    .bind(period)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| (r.get::<String, _>("id"), r.get::<String, _>("subject_id"), r.get::<String, _>("room")));
    let held_lesson = match &existing {
        Some((id, _, _)) => held(&mut tx, id).await? > 0,
        None => false,
    };
    let detail = json!({ "class": class_row.name, "weekday": weekday, "period": period,
        "subject": form.subject_id, "room": room });
    let Some(subject) = form.subject_id.as_deref().filter(|s| !s.is_empty()) else {
        let Some((id, _, _)) = existing else {
            return Ok(StatusCode::NO_CONTENT);
        };
        if held_lesson {
            return Err(ApiError::field("subject_id", FieldError::LessonHeld));
        }
        sqlx::query("DELETE FROM lessons WHERE id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        changed(
            &mut tx,
            &user,
            ("timetable.lesson_removed", "lesson", &id),
            detail,
        )
        .await?;
        tx.commit().await?;
        return Ok(StatusCode::NO_CONTENT);
    };
    let teacher = taught_by(&mut tx, &span.school, &class, subject).await?;
    match existing {
        Some((id, old_subject, old_room)) if old_subject == subject => {
            if old_room != room {
                sqlx::query("UPDATE lessons SET room = $1 WHERE id = $2")
                    .bind(room)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                changed(
                    &mut tx,
                    &user,
                    ("timetable.lesson_set", "lesson", &id),
                    detail,
                )
                .await?;
            }
        }
        Some(_) if held_lesson => {
            return Err(ApiError::field("subject_id", FieldError::LessonHeld));
        }
        existing => {
            let slot = (weekday, starts.as_str(), ends.as_str());
            if teacher_has_lesson(&mut tx, &user.gmina_id, &teacher, slot, (&year, &class)).await? {
                return Err(ApiError::field("subject_id", FieldError::TeacherBusy));
            }
            let id = match existing {
                Some((id, _, _)) => {
                    sqlx::query("UPDATE lessons SET subject_id = $1, teacher_id = $2, room = $3 WHERE id = $4")
                        .bind(subject)
                        .bind(&teacher)
                        .bind(room)
                        .bind(&id)
                        .execute(&mut *tx)
                        .await?;
                    id
                }
                None => {
                    let id = new_id();
                    sqlx::query(
                        "INSERT INTO lessons (id, gmina_id, class_id, subject_id, teacher_id, weekday, period, room) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(&id)
                    .bind(&user.gmina_id)
                    .bind(&class)
                    .bind(subject)
                    .bind(&teacher)
                    .bind(weekday)
                    .bind(period)
                    .bind(room)
                    .execute(&mut *tx)
                    .await?;
                    id
                }
            };
            changed(
                &mut tx,
                &user,
                ("timetable.lesson_set", "lesson", &id),
                detail,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The teacher of a subject in the class: 422 `invalid_choice` for a subject the school
/// does not have, `no_teacher` for one nobody teaches in the class yet.
async fn taught_by(
    conn: &mut AnyConnection,
    school: &str,
    class: &str,
    subject: &str,
) -> Result<String, ApiError> {
    let teacher: Option<String> = sqlx::query_scalar(
        "SELECT teacher_id FROM teaching WHERE class_id = $1 AND subject_id = $2",
    )
    .bind(class)
    .bind(subject)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(t) = teacher {
        return Ok(t);
    }
    let of_school: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM subjects WHERE id = $1 AND school_id = $2")
            .bind(subject)
            .bind(school)
            .fetch_optional(&mut *conn)
            .await?;
    Err(ApiError::field(
        "subject_id",
        if of_school.is_some() {
            FieldError::NoTeacher
        } else {
            FieldError::InvalidChoice
        },
    ))
}

/// Whether a teacher has a weekly lesson in another class at bell times overlapping
/// `starts`–`ends` on the weekday, in a school year overlapping the class's.
async fn teacher_has_lesson(
    conn: &mut AnyConnection,
    gmina: &str,
    teacher: &str,
    (weekday, starts, ends): (i64, &str, &str),
    (year, class): (&str, &str),
) -> Result<bool, ApiError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM lessons l JOIN school_classes c ON c.id = l.class_id \
         JOIN school_years y ON y.id = c.year_id \
         JOIN school_periods p ON p.school_id = y.school_id AND p.period = l.period \
         WHERE l.gmina_id = $1 AND l.teacher_id = $2 AND l.weekday = $3 AND l.class_id <> $4 \
         AND p.starts < $5 AND p.ends > $6 AND EXISTS (SELECT 1 FROM school_years me \
           WHERE me.id = $7 AND y.starts_on <= me.ends_on AND y.ends_on >= me.starts_on) LIMIT 1",
    )
    .bind(gmina)
    .bind(teacher)
    .bind(weekday)
    .bind(class)
    .bind(ends)
    .bind(starts)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// A lesson of a class the caller keeps (else 404) on a day a change may be set for.
struct LessonOn {
    /// Its teacher.
    teacher: String,
    weekday: i64,
    period: i64,
    span: YearSpan,
    day: Date,
}

async fn lesson_on(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    lesson: &str,
    date: &str,
) -> Result<LessonOn, ApiError> {
    let r = sqlx::query(
        "SELECT class_id, teacher_id, weekday, period FROM lessons WHERE gmina_id = $1 AND id = $2",
    )
    .bind(&user.gmina_id)
    .bind(lesson)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let class: String = r.get("class_id");
    let (_, year) = kept_class(conn, user, &class).await?;
    let span = year_span(conn, &year).await?;
    let weekday: i64 = r.get("weekday");
    let day = change_day(conn, (lesson, weekday), &span, date).await?;
    Ok(LessonOn {
        teacher: r.get("teacher_id"),
        weekday,
        period: r.get("period"),
        span,
        day,
    })
}

/// The day of a change: a real date of the class's school year on the lesson's weekday,
/// whose attendance has not been taken.
async fn change_day(
    conn: &mut AnyConnection,
    (lesson, weekday): (&str, i64),
    span: &YearSpan,
    date: &str,
) -> Result<Date, ApiError> {
    let day: Date = date
        .parse()
        .ok()
        .filter(|d: &Date| (2000..=2200).contains(&d.year()))
        .ok_or_else(|| ApiError::field("date", FieldError::InvalidDate))?;
    let s = day.to_string();
    if s < span.starts_on || s > span.ends_on {
        return Err(ApiError::field("date", FieldError::OutsideTerm));
    }
    if weekday_number(day) != weekday {
        return Err(ApiError::field("date", FieldError::NotInTimetable));
    }
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM attendance WHERE lesson_id = $1 AND on_date = $2 LIMIT 1",
    )
    .bind(lesson)
    .bind(&s)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_some() {
        return Err(ApiError::field("date", FieldError::AttendanceTaken));
    }
    Ok(day)
}

/// Sets a lesson's substitution or cancellation on a date (replacing one set before).
#[utoipa::path(put, path = "/school/admin/lessons/{lesson}/changes/{date}", tag = "school",
    params(("lesson" = String, Path), ("date" = String, Path)), request_body = ChangeForm,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_change(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((lesson, date)): Path<(String, String)>,
    AppJson(form): AppJson<ChangeForm>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let LessonOn {
        teacher: own_teacher,
        weekday,
        period,
        span,
        day,
    } = lesson_on(&mut tx, &user, &lesson, &date).await?;
    let problems = check_change(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let substitute = match form.kind {
        Change::Cancelled => None,
        Change::Substitution => {
            let t = form.teacher_id.clone().unwrap_or_default();
            let teacher: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM user_roles WHERE gmina_id = $1 AND user_id = $2 AND role = 'teacher'",
            )
            .bind(&user.gmina_id)
            .bind(&t)
            .fetch_optional(&mut *tx)
            .await?;
            if teacher.is_none() || t == own_teacher {
                return Err(ApiError::field("teacher_id", FieldError::InvalidChoice));
            }
            let times = bell_times(&mut tx, &span.school, period, "date").await?;
            if busy_on(&mut tx, &user.gmina_id, &t, (day, weekday, &times), &lesson).await? {
                return Err(ApiError::field("teacher_id", FieldError::TeacherBusy));
            }
            Some(t)
        }
    };
    let on_date = day.to_string();
    sqlx::query("DELETE FROM lesson_changes WHERE lesson_id = $1 AND on_date = $2")
        .bind(&lesson)
        .bind(&on_date)
        .execute(&mut *tx)
        .await?;
    let note = form.note.trim();
    sqlx::query(
        "INSERT INTO lesson_changes (gmina_id, lesson_id, on_date, kind, teacher_id, note) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&user.gmina_id)
    .bind(&lesson)
    .bind(&on_date)
    .bind(form.kind.as_str())
    .bind(substitute.as_deref())
    .bind(note)
    .execute(&mut *tx)
    .await?;
    let what = match &substitute {
        None => "lekcja odwołana.".to_owned(),
        Some(t) => {
            let name: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
                .bind(t)
                .fetch_one(&mut *tx)
                .await?;
            format!("zastępstwo, prowadzi {name}.")
        }
    };
    let what = if note.is_empty() {
        what
    } else {
        format!("{what}\nUwaga: {note}")
    };
    tell(
        &mut tx,
        &user.gmina_id,
        (&lesson, day),
        &what,
        substitute.as_deref(),
    )
    .await?;
    changed(
        &mut tx,
        &user,
        ("timetable.change_set", "lesson", &lesson),
        json!({ "date": on_date, "kind": form.kind.as_str(), "teacher": substitute, "note": note }),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether a teacher is taken on a day at the given bell times: by a weekly lesson of
/// theirs that is held that day (not cancelled or given to someone else), or by another
/// lesson they cover.
async fn busy_on(
    conn: &mut AnyConnection,
    gmina: &str,
    teacher: &str,
    (day, weekday, (starts, ends)): (Date, i64, &(String, String)),
    lesson: &str,
) -> Result<bool, ApiError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM lessons l JOIN school_classes c ON c.id = l.class_id \
         JOIN school_years y ON y.id = c.year_id \
         JOIN school_periods p ON p.school_id = y.school_id AND p.period = l.period \
         WHERE l.gmina_id = $1 AND l.id <> $2 AND l.weekday = $3 AND y.starts_on <= $4 AND y.ends_on >= $4 \
         AND p.starts < $5 AND p.ends > $6 AND ( \
           (l.teacher_id = $7 AND NOT EXISTS (SELECT 1 FROM lesson_changes x WHERE x.lesson_id = l.id AND x.on_date = $4)) \
           OR EXISTS (SELECT 1 FROM lesson_changes x WHERE x.lesson_id = l.id AND x.on_date = $4 \
             AND x.kind = 'substitution' AND x.teacher_id = $7)) LIMIT 1",
    )
    .bind(gmina)
    .bind(lesson)
    .bind(weekday)
    .bind(day.to_string())
    .bind(ends)
    .bind(starts)
    .bind(teacher)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// The Polish name of a weekday (1 = Monday).
fn weekday_pl(n: i64) -> &'static str {
    [
        "poniedziałek",
        "wtorek",
        "środa",
        "czwartek",
        "piątek",
        "sobota",
        "niedziela",
    ][usize::try_from(n - 1).unwrap_or(0).min(6)]
}

/// E-mails a change of a lesson on a day from today on to the class's pupils and their
/// families (and a substitute, to the lesson they cover), unless they switched
/// timetable e-mails off. `what` says what happens to the lesson.
async fn tell(
    conn: &mut AnyConnection,
    gmina: &str,
    (lesson, day): (&str, Date),
    what: &str,
    substitute: Option<&str>,
) -> anyhow::Result<()> {
    if day < crate::time_fmt::today() {
        return Ok(());
    }
    let r = sqlx::query(
        "SELECT l.class_id, c.name AS class_name, s.name AS subject_name, l.period, p.starts FROM lessons l \
         JOIN school_classes c ON c.id = l.class_id JOIN subjects s ON s.id = l.subject_id \
         JOIN school_years y ON y.id = c.year_id \
         LEFT JOIN school_periods p ON p.school_id = y.school_id AND p.period = l.period WHERE l.id = $1",
    )
    .bind(lesson)
    .fetch_one(&mut *conn)
    .await?;
    let class: String = r.get("class_id");
    let pupils: Vec<String> =
        sqlx::query_scalar("SELECT pupil_id FROM enrolments WHERE class_id = $1")
            .bind(&class)
            .fetch_all(&mut *conn)
            .await?;
    let mut people = crate::school::notify::families(conn, gmina, &pupils).await?;
    people.extend(substitute.map(str::to_owned));
    let (class_name, subject): (String, String) = (r.get("class_name"), r.get("subject_name"));
    let text = format!(
        "Zmiana w planie lekcji klasy {class_name}: {} {day}, lekcja {} ({}) — {subject}: {what}",
        weekday_pl(weekday_number(day)),
        r.get::<i64, _>("period"),
        r.get::<Option<String>, _>("starts").unwrap_or_default(),
    );
    crate::school::notify::mail_to(
        conn,
        gmina,
        &people,
        models::school::messages::MailKind::Timetable,
        &format!("Dziennik: zmiana w planie lekcji klasy {class_name} ({day})"),
        &text,
    )
    .await
}

/// Takes a lesson's change of a date away: the lesson is held as timetabled.
#[utoipa::path(delete, path = "/school/admin/lessons/{lesson}/changes/{date}", tag = "school",
    params(("lesson" = String, Path), ("date" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn remove_change(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((lesson, date)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let day = lesson_on(&mut tx, &user, &lesson, &date).await?.day;
    let on_date = day.to_string();
    let removed = sqlx::query("DELETE FROM lesson_changes WHERE lesson_id = $1 AND on_date = $2")
        .bind(&lesson)
        .bind(&on_date)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed == 0 {
        return Err(ApiError::not_found());
    }
    tell(
        &mut tx,
        &user.gmina_id,
        (&lesson, day),
        "lekcja odbędzie się zgodnie z planem (zmiana odwołana).",
        None,
    )
    .await?;
    changed(
        &mut tx,
        &user,
        ("timetable.change_removed", "lesson", &lesson),
        json!({ "date": on_date }),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
