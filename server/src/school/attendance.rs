//! Attendance: the teacher (or that day's substitute) takes a lesson's register from
//! the timetable, all or nothing; a pupil's term by subject with percentages; parents
//! excuse absences online and the form teacher accepts or rejects (rozporządzenie MEN
//! w sprawie sposobu prowadzenia dokumentacji przebiegu nauczania, § 10: the register
//! records attendance per lesson; the school statute sets how absences are excused).

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use models::error::{ErrorBody, FieldError};
use models::school::attendance::{
    Absence, AttendanceForm, Excuse, ExcuseForm, ExcuseStatus, LessonRegister, PupilAttendance,
    RegisterRow, Status, SubjectAttendance, check_excuse, percentage_permille,
};
use models::school::messages::MailKind;
use serde::Deserialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{log_looks, pupil_in_view};
use super::notify::mail_to;
use super::timetable::{Whose, lessons_between, weekday_number};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, rfc3339, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register, take))
        .routes(routes!(pupil_attendance))
        .routes(routes!(excuse))
        .routes(routes!(pending_excuses))
        .routes(routes!(decide))
}

/// Which date.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DateQuery {
    /// `YYYY-MM-DD`.
    date: String,
}

/// A lesson slot the caller teaches on a date that has it: (class id, the lesson).
async fn lesson_on(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    lesson: &str,
    date: &str,
) -> Result<(String, models::school::timetable::Lesson), ApiError> {
    let slot = sqlx::query(
        "SELECT l.class_id, l.weekday, l.teacher_id, y.starts_on, y.ends_on, x.kind, x.teacher_id AS substitute \
         FROM lessons l JOIN school_classes c ON c.id = l.class_id JOIN school_years y ON y.id = c.year_id \
         LEFT JOIN lesson_changes x ON x.lesson_id = l.id AND x.on_date = $3 \
         WHERE l.gmina_id = $1 AND l.id = $2",
    )
    .bind(&user.gmina_id)
    .bind(lesson)
    .bind(date)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let substitute: Option<String> = slot.get("substitute");
    let teaches = match substitute {
        Some(s) => s == user.id,
        None => slot.get::<String, _>("teacher_id") == user.id,
    };
    if !teaches {
        return Err(ApiError::not_found());
    }
    let day: Date = date
        .parse()
        .map_err(|_| ApiError::field("date", FieldError::InvalidDate))?;
    let (starts, ends): (String, String) = (slot.get("starts_on"), slot.get("ends_on"));
    let kind: Option<String> = slot.get("kind");
    if weekday_number(day) != slot.get::<i64, _>("weekday")
        || date < starts.as_str()
        || date > ends.as_str()
        || day > today()
        || kind.as_deref() == Some("cancelled")
    {
        return Err(ApiError::field("date", FieldError::NotInTimetable));
    }
    let class: String = slot.get("class_id");
    let found = lessons_between(conn, &user.gmina_id, Whose::Class(&class), day, day)
        .await?
        .into_iter()
        .find(|l| l.id == lesson)
        .ok_or_else(|| ApiError::field("date", FieldError::NotInTimetable))?;
    Ok((class, found))
}

/// The lesson's register on a date: the class by number with what was taken.
#[utoipa::path(get, path = "/school/lessons/{lesson}/attendance", tag = "school",
    params(("lesson" = String, Path), DateQuery),
    responses((status = 200, body = LessonRegister), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn register(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(lesson): Path<String>,
    Query(q): Query<DateQuery>,
) -> Result<AppJson<LessonRegister>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let (class, found) = lesson_on(&mut tx, &user, &lesson, &q.date).await?;
    let rows = sqlx::query(
        "SELECT e.pupil_id, e.number, u.full_name, a.status FROM enrolments e JOIN users u ON u.id = e.pupil_id \
         LEFT JOIN attendance a ON a.pupil_id = e.pupil_id AND a.lesson_id = $3 AND a.on_date = $4 \
         WHERE e.gmina_id = $1 AND e.class_id = $2 ORDER BY e.number",
    )
    .bind(&user.gmina_id)
    .bind(&class)
    .bind(&lesson)
    .bind(&q.date)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| RegisterRow {
        pupil_id: r.get("pupil_id"),
        number: u32::try_from(r.get::<i64, _>("number")).unwrap_or(0),
        full_name: r.get("full_name"),
        status: r
            .get::<Option<String>, _>("status")
            .and_then(|s| Status::parse(&s)),
    })
    .collect::<Vec<_>>();
    let ids: Vec<String> = rows.iter().map(|r| r.pupil_id.clone()).collect();
    log_looks(&mut tx, &user, &ids, "attendance").await?;
    tx.commit().await?;
    Ok(AppJson(LessonRegister {
        lesson: found,
        rows,
    }))
}

/// Takes (or corrects) the lesson's register on a date, all or nothing: every pupil
/// must be in the class, each once.
#[utoipa::path(put, path = "/school/lessons/{lesson}/attendance", tag = "school",
    params(("lesson" = String, Path), DateQuery), request_body = AttendanceForm,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn take(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(lesson): Path<String>,
    Query(q): Query<DateQuery>,
    AppJson(form): AppJson<AttendanceForm>,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let (class, _) = lesson_on(&mut tx, &user, &lesson, &q.date).await?;
    let in_class: HashSet<String> =
        sqlx::query_scalar("SELECT pupil_id FROM enrolments WHERE gmina_id = $1 AND class_id = $2")
            .bind(&user.gmina_id)
            .bind(&class)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect();
    let mut problems = models::validate::FieldErrors::new();
    let mut seen = HashSet::new();
    for (i, e) in form.entries.iter().enumerate() {
        if !in_class.contains(&e.pupil_id) || !seen.insert(&e.pupil_id) {
            problems.insert(format!("entries.{i}.pupil_id"), FieldError::InvalidChoice);
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let now = now_ms();
    for e in &form.entries {
        sqlx::query(
            "INSERT INTO attendance (gmina_id, lesson_id, on_date, pupil_id, status, taken_by, taken_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (lesson_id, on_date, pupil_id) \
             DO UPDATE SET status = excluded.status, taken_by = excluded.taken_by, taken_at = excluded.taken_at",
        )
        .bind(&user.gmina_id)
        .bind(&lesson)
        .bind(&q.date)
        .bind(&e.pupil_id)
        .bind(e.status.as_str())
        .bind(&user.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "attendance.taken",
            object_type: "lesson",
            object_id: &lesson,
            detail: json!({ "date": q.date, "pupils": form.entries.len() }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Which term.
#[derive(Debug, Deserialize, IntoParams)]
pub struct TermQuery {
    /// 1 or 2; the current term when left out.
    term: Option<u8>,
}

/// The pupil's attendance in a term: by subject (the subjects in view), the absences and
/// lateness, and the excuses.
#[utoipa::path(get, path = "/school/pupils/{pupil}/attendance", tag = "school",
    params(("pupil" = String, Path), TermQuery),
    responses((status = 200, body = PupilAttendance), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn pupil_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
    Query(q): Query<TermQuery>,
) -> Result<AppJson<PupilAttendance>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, scope) = pupil_in_view(&mut conn, &user, &pupil).await?;
    let term = match q.term {
        None => enrolment.term_of(&today().to_string()),
        Some(t @ (1 | 2)) => t,
        Some(_) => return Err(ApiError::field("term", FieldError::InvalidChoice)),
    };
    // Term 1 ends the day before term 2 starts.
    let (from, before) = if term == 1 {
        (&enrolment.dates[0], enrolment.dates[1].clone())
    } else {
        // `YYYY-MM-DDT` sorts after the last day and before the next.
        (&enrolment.dates[1], format!("{}T", enrolment.dates[2]))
    };
    let sql = format!(
        "SELECT a.on_date, a.status, l.period, l.subject_id, s.name FROM attendance a \
         JOIN lessons l ON l.id = a.lesson_id JOIN subjects s ON s.id = l.subject_id \
         WHERE a.gmina_id = $1 AND a.pupil_id = $2 AND l.class_id IN ({}) AND a.on_date >= $4 AND a.on_date < $5 \
         ORDER BY s.position, a.on_date DESC, l.period DESC",
        super::grades::YEAR_CLASSES
    );
    let rows = sqlx::query(&sql)
        .bind(&user.gmina_id)
        .bind(&pupil)
        .bind(&enrolment.pupil.class_id)
        .bind(from)
        .bind(&before)
        .fetch_all(&mut *conn)
        .await?;
    let mut subjects: Vec<(String, Vec<Status>)> = vec![];
    let mut absences = vec![];
    for r in rows
        .iter()
        .filter(|r| scope.sees(&r.get::<String, _>("subject_id")))
    {
        let Some(status) = Status::parse(&r.get::<String, _>("status")) else {
            continue;
        };
        let name: String = r.get("name");
        match subjects.last_mut() {
            Some((n, list)) if *n == name => list.push(status),
            _ => subjects.push((name.clone(), vec![status])),
        }
        if status != Status::Present {
            absences.push(Absence {
                on_date: r.get("on_date"),
                period: u32::try_from(r.get::<i64, _>("period")).unwrap_or(0),
                subject_name: name,
                status,
            });
        }
    }
    absences.sort_by(|a, b| (&b.on_date, b.period).cmp(&(&a.on_date, a.period)));
    let all: Vec<Status> = subjects
        .iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    let excuses = excuses_where(&mut conn, &user.gmina_id, "x.pupil_id = $2", &pupil).await?;
    drop(conn);
    if scope.is_staff() {
        let mut tx = state.db.begin_write().await?;
        log_looks(&mut tx, &user, std::slice::from_ref(&pupil), "attendance").await?;
        tx.commit().await?;
    }
    Ok(AppJson(PupilAttendance {
        term,
        permille: percentage_permille(all),
        subjects: subjects
            .into_iter()
            .map(|(subject_name, s)| SubjectAttendance {
                subject_name,
                lessons: s.iter().filter(|x| x.counts()).count() as u32,
                attended: s.iter().filter(|x| x.attended()).count() as u32,
                permille: percentage_permille(s),
            })
            .collect(),
        absences,
        excuses: if scope.is_staff() && !matches!(scope, super::access::Scope::FormTeacher) {
            vec![]
        } else {
            excuses
        },
    }))
}

/// Excuses matching a condition on `x` (with `$1` the gmina and `$2` the value), newest
/// first, with the unexcused absences each covers.
async fn excuses_where(
    conn: &mut AnyConnection,
    gmina: &str,
    condition: &str,
    value: &str,
) -> Result<Vec<Excuse>, ApiError> {
    let sql = format!(
        "SELECT x.id, x.pupil_id, p.full_name AS pupil_name, x.from_date, x.to_date, x.reason, \
         s.full_name AS submitted_by, x.submitted_at, x.status, x.note, \
         (SELECT COUNT(*) FROM attendance a WHERE a.gmina_id = x.gmina_id AND a.pupil_id = x.pupil_id \
          AND a.status = 'absent' AND a.on_date >= x.from_date AND a.on_date <= x.to_date) AS absences \
         FROM excuses x JOIN users p ON p.id = x.pupil_id JOIN users s ON s.id = x.submitted_by \
         WHERE x.gmina_id = $1 AND {condition} ORDER BY x.submitted_at DESC LIMIT 200"
    );
    Ok(sqlx::query(&sql)
        .bind(gmina)
        .bind(value)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Excuse {
            id: r.get("id"),
            pupil_id: r.get("pupil_id"),
            pupil_name: r.get("pupil_name"),
            from_date: r.get("from_date"),
            to_date: r.get("to_date"),
            reason: r.get("reason"),
            submitted_by: r.get("submitted_by"),
            submitted_at: rfc3339(r.get("submitted_at")),
            status: ExcuseStatus::parse(&r.get::<String, _>("status"))
                .unwrap_or(ExcuseStatus::Pending),
            note: r.get("note"),
            absences: u32::try_from(r.get::<i64, _>("absences")).unwrap_or(0),
        })
        .collect())
}

/// A parent excuses the pupil's absences of some days; the days must hold at least one
/// unexcused absence.
#[utoipa::path(post, path = "/school/pupils/{pupil}/excuses", tag = "school",
    params(("pupil" = String, Path)), request_body = ExcuseForm,
    responses((status = 201, body = Excuse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn excuse(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
    AppJson(form): AppJson<ExcuseForm>,
) -> Result<(StatusCode, AppJson<Excuse>), ApiError> {
    let mut tx = state.db.begin_write().await?;
    let (enrolment, scope) = pupil_in_view(&mut tx, &user, &pupil).await?;
    // Parents excuse; a pupil or the staff do not.
    if scope.is_staff() || !user.has(models::auth::Role::Parent) || user.id == pupil {
        return Err(ApiError::not_found());
    }
    let problems = check_excuse(&form, &today().to_string());
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let absences: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM attendance WHERE gmina_id = $1 AND pupil_id = $2 AND status = 'absent' \
         AND on_date >= $3 AND on_date <= $4",
    )
    .bind(&user.gmina_id)
    .bind(&pupil)
    .bind(&form.from_date)
    .bind(&form.to_date)
    .fetch_one(&mut *tx)
    .await?;
    if absences == 0 {
        return Err(ApiError::field("from_date", FieldError::NothingToExcuse));
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO excuses (id, gmina_id, pupil_id, class_id, from_date, to_date, reason, submitted_by, \
         submitted_at, status, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', '')",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&pupil)
    .bind(&enrolment.pupil.class_id)
    .bind(&form.from_date)
    .bind(&form.to_date)
    .bind(form.reason.trim())
    .bind(&user.id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "excuse.submitted",
            object_type: "excuse",
            object_id: &id,
            detail: json!({ "absences": absences }),
        },
    )
    .await?;
    let stored = excuses_where(&mut tx, &user.gmina_id, "x.id = $2", &id)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("excuse {id} just stored is missing"))?;
    if let Some(form_teacher) = &enrolment.form_teacher_id {
        mail_to(
            &mut tx,
            &user.gmina_id,
            std::slice::from_ref(form_teacher),
            MailKind::Excuse,
            &format!("Dziennik: usprawiedliwienie — {}", enrolment.pupil.full_name),
            &format!(
                "Rodzic ucznia {} (klasa {}) usprawiedliwia nieobecności z dni {}–{}. Czeka na Twoją decyzję.",
                enrolment.pupil.full_name, enrolment.pupil.class_name, form.from_date, form.to_date
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(stored)))
}

/// The excuses waiting in the caller's form classes.
#[utoipa::path(get, path = "/school/excuses", tag = "school",
    responses((status = 200, body = Vec<Excuse>), (status = 403, body = ErrorBody)))]
async fn pending_excuses(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<Excuse>>, ApiError> {
    user.require_any(&[models::auth::Role::Teacher])?;
    let mut conn = state.db.pool.acquire().await?;
    let list = excuses_where(
        &mut conn,
        &user.gmina_id,
        "x.status = 'pending' AND x.class_id IN (SELECT id FROM school_classes WHERE form_teacher_id = $2)",
        &user.id,
    )
    .await?;
    Ok(AppJson(list))
}

/// The form teacher's decision.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct Decision {
    /// Accept (the covered absences become excused) or reject.
    pub accept: bool,
    /// Required when rejecting, up to 500 characters.
    #[serde(default)]
    pub note: String,
}

/// Accepts or rejects a pending excuse of the caller's form class; accepting excuses
/// every absence of those days.
#[utoipa::path(post, path = "/school/excuses/{excuse}/decision", tag = "school",
    params(("excuse" = String, Path)), request_body = Decision,
    responses((status = 200, body = Excuse), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    AppJson(form): AppJson<Decision>,
) -> Result<AppJson<Excuse>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT x.pupil_id, x.from_date, x.to_date, x.status, x.submitted_by FROM excuses x \
         JOIN school_classes c ON c.id = x.class_id WHERE x.gmina_id = $1 AND x.id = $2 AND c.form_teacher_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(&id)
    .bind(&user.id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    if row.get::<String, _>("status") != "pending" {
        return Err(ApiError::Status(
            StatusCode::CONFLICT,
            models::error::ErrorCode::WrongState,
        ));
    }
    let note = form.note.trim();
    if !form.accept && note.is_empty() {
        return Err(ApiError::field("note", FieldError::Required));
    }
    if note.chars().count() > models::school::attendance::MAX_REASON {
        return Err(ApiError::field("note", FieldError::TooLong));
    }
    let status = if form.accept {
        ExcuseStatus::Accepted
    } else {
        ExcuseStatus::Rejected
    };
    let mut changed = HashMap::new();
    if form.accept {
        let n = sqlx::query(
            "UPDATE attendance SET status = 'excused' WHERE gmina_id = $1 AND pupil_id = $2 \
             AND status = 'absent' AND on_date >= $3 AND on_date <= $4",
        )
        .bind(&user.gmina_id)
        .bind(row.get::<String, _>("pupil_id"))
        .bind(row.get::<String, _>("from_date"))
        .bind(row.get::<String, _>("to_date"))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        changed.insert("excused", n);
    }
    sqlx::query(
        "UPDATE excuses SET status = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5",
    )
    .bind(status.as_str())
    .bind(&user.id)
    .bind(now_ms())
    .bind(note)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "excuse.decided",
            object_type: "excuse",
            object_id: &id,
            detail: json!({ "status": status.as_str(), "excused": changed.get("excused") }),
        },
    )
    .await?;
    let decided = excuses_where(&mut tx, &user.gmina_id, "x.id = $2", &id)
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("excuse {id} is missing"))?;
    let verdict = if form.accept {
        "przyjęte"
    } else {
        "odrzucone"
    };
    mail_to(
        &mut tx,
        &user.gmina_id,
        &[row.get::<String, _>("submitted_by")],
        MailKind::Excuse,
        &format!("Dziennik: usprawiedliwienie {verdict}"),
        &format!(
            "Wychowawca rozpatrzył usprawiedliwienie z dni {}–{}: {verdict}.",
            row.get::<String, _>("from_date"),
            row.get::<String, _>("to_date")
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(AppJson(decided))
}
