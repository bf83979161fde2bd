//! The structure the school office keeps: subjects, classes of the current school year,
//! form teachers, who teaches what, and moving a pupil to another class of the same
//! year. Every change is in the audit log. A teacher's access follows at once: what a
//! teacher may see is read from `teaching` and the form teacher on every request.
//!
//! Nothing already recorded is rewritten: a subject with lessons or grades in a class
//! keeps a teacher (it can be handed to another one, who then takes the class's weekly
//! lessons of it), and a pupil who moves leaves their grades and attendance in the first
//! class's register, where they stay the pupil's.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, FieldError};
use models::school::admin::{
    AdminClass, AdminSchool, AdminSubject, MovePupil, NewClass, NewSubject, SubjectScale,
    TeacherChoice, TeacherPick, check_class, check_subject,
};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::{kept_class, office};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::is_unique_violation;
use crate::error::{ApiError, AppJson};
use crate::school::structure;

/// The caller's schools with their subjects, the year new classes go into and the
/// gmina's teachers.
#[utoipa::path(get, path = "/school/admin/schools", tag = "school",
    responses((status = 200, body = Vec<AdminSchool>), (status = 403, body = ErrorBody)))]
pub(super) async fn schools(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<AdminSchool>>, ApiError> {
    office(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    let rows = sqlx::query(
        "SELECT s.id, s.name FROM schools s JOIN school_admins a ON a.school_id = s.id \
         WHERE s.gmina_id = $1 AND a.user_id = $2 ORDER BY s.name",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    let subjects = sqlx::query(
        "SELECT j.id, j.name, j.school_id, j.scale_in_early FROM subjects j JOIN school_admins a ON a.school_id = j.school_id \
         WHERE j.gmina_id = $1 AND a.user_id = $2 ORDER BY j.position, j.name",
    )
    .bind(&user.gmina_id)
    .bind(&user.id)
    .fetch_all(&mut *conn)
    .await?;
    let teachers = teachers(&mut conn, &user.gmina_id).await?;
    let mut schools = vec![];
    for r in rows {
        let id: String = r.get("id");
        let years = super::years::years(&mut conn, &id).await?;
        schools.push(AdminSchool {
            name: r.get("name"),
            year_name: years.first().map(|y| y.name.clone()),
            rules: super::years::rules(&mut conn, &user.gmina_id, &id).await?,
            years,
            subjects: subjects
                .iter()
                .filter(|s| s.get::<String, _>("school_id") == id)
                .map(|s| AdminSubject {
                    id: s.get("id"),
                    name: s.get("name"),
                    scale_in_early: s.get::<i64, _>("scale_in_early") == 1,
                })
                .collect(),
            teachers: teachers.clone(),
            id,
        });
    }
    Ok(AppJson(schools))
}

/// The gmina's teachers by name.
pub(super) async fn teachers(
    conn: &mut AnyConnection,
    gmina: &str,
) -> Result<Vec<TeacherChoice>, ApiError> {
    let rows = sqlx::query(
        "SELECT u.id, u.full_name, t.confirmed FROM users u JOIN user_roles r ON r.user_id = u.id \
         LEFT JOIN user_totp t ON t.user_id = u.id AND t.gmina_id = r.gmina_id AND t.confirmed = 1 \
         WHERE r.gmina_id = $1 AND r.role = 'teacher' ORDER BY u.full_name, u.id",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| TeacherChoice {
            id: r.get("id"),
            full_name: r.get("full_name"),
            authenticator: r.get::<Option<i64>, _>("confirmed").is_some(),
        })
        .collect())
}

/// 422 on `field` unless the id is a teacher of the caller's gmina.
async fn check_teacher(
    conn: &mut AnyConnection,
    gmina: &str,
    teacher: &str,
    field: &str,
) -> Result<(), ApiError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM user_roles WHERE gmina_id = $1 AND user_id = $2 AND role = 'teacher'",
    )
    .bind(gmina)
    .bind(teacher)
    .fetch_optional(&mut *conn)
    .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(ApiError::field(field, FieldError::InvalidChoice)),
    }
}

/// 404 unless the caller keeps the school.
pub(super) async fn kept_school(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    school: &str,
) -> Result<(), ApiError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM school_admins WHERE gmina_id = $1 AND school_id = $2 AND user_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(school)
    .bind(&user.id)
    .fetch_optional(&mut *conn)
    .await?;
    found.map(|_| ()).ok_or_else(ApiError::not_found)
}

/// Whether an error is the database refusing a second row with the same name.
fn name_taken(e: &anyhow::Error) -> bool {
    e.downcast_ref::<sqlx::Error>()
        .is_some_and(is_unique_violation)
}

/// Adds a subject at the end of the school's order.
#[utoipa::path(post, path = "/school/admin/schools/{school}/subjects", tag = "school",
    params(("school" = String, Path)), request_body = NewSubject,
    responses((status = 201, body = AdminSubject), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn add_subject(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(school): Path<String>,
    AppJson(form): AppJson<NewSubject>,
) -> Result<(StatusCode, AppJson<AdminSubject>), ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    kept_school(&mut tx, &user, &school).await?;
    let problems = check_subject(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let name = form.name.trim();
    // Compared here: SQLite's LOWER() folds ASCII letters only (not Ę, Ó, Ż…).
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM subjects WHERE school_id = $1")
        .bind(&school)
        .fetch_all(&mut *tx)
        .await?;
    if names
        .iter()
        .any(|n| n.to_lowercase() == name.to_lowercase())
    {
        return Err(ApiError::field("name", FieldError::NameTaken));
    }
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM subjects WHERE school_id = $1",
    )
    .bind(&school)
    .fetch_one(&mut *tx)
    .await?;
    let id = match structure::add_subject(&mut tx, &user.gmina_id, &school, name, position).await {
        Ok(id) => id,
        Err(e) if name_taken(&e) => return Err(ApiError::field("name", FieldError::NameTaken)),
        Err(e) => return Err(e.into()),
    };
    changed(
        &mut tx,
        &user,
        ("subject.added", "subject", &id),
        json!({ "name": name }),
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(AdminSubject {
            id,
            name: name.to_owned(),
            scale_in_early: false,
        }),
    ))
}

/// Sets whether a subject's term and year grades are marks of the scale also in classes
/// 1–3 (religion, ethics). Refused once such a grade is stored in a class 1–3: it would
/// be read the other way (a description as a mark, or a mark as a description).
#[utoipa::path(put, path = "/school/admin/subjects/{subject}/scale", tag = "school",
    params(("subject" = String, Path)), request_body = SubjectScale,
    responses((status = 200, body = AdminSubject), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_scale(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(subject): Path<String>,
    AppJson(form): AppJson<SubjectScale>,
) -> Result<AppJson<AdminSubject>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT j.name, j.scale_in_early FROM subjects j JOIN school_admins a ON a.school_id = j.school_id \
         WHERE j.gmina_id = $1 AND j.id = $2 AND a.user_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(&subject)
    .bind(&user.id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let name: String = row.get("name");
    if (row.get::<i64, _>("scale_in_early") == 1) != form.scale_in_early {
        let graded: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM grades g JOIN grade_columns c ON c.id = g.column_id \
             JOIN school_classes k ON k.id = c.class_id \
             WHERE c.subject_id = $1 AND c.kind <> 'regular' AND k.level <= 3 AND g.mark IS NOT NULL",
        )
        .bind(&subject)
        .fetch_one(&mut *tx)
        .await?;
        if graded > 0 {
            return Err(ApiError::field("scale_in_early", FieldError::GradesGiven));
        }
        sqlx::query("UPDATE subjects SET scale_in_early = $1 WHERE id = $2")
            .bind(i64::from(form.scale_in_early))
            .bind(&subject)
            .execute(&mut *tx)
            .await?;
        changed(
            &mut tx,
            &user,
            ("subject.scale_set", "subject", &subject),
            json!({ "scale_in_early": form.scale_in_early }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(AppJson(AdminSubject {
        id: subject,
        name,
        scale_in_early: form.scale_in_early,
    }))
}

/// Adds a class to the school's current year, with its form teacher.
#[utoipa::path(post, path = "/school/admin/schools/{school}/classes", tag = "school",
    params(("school" = String, Path)), request_body = NewClass,
    responses((status = 201, body = AdminClass), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn add_class(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(school): Path<String>,
    AppJson(form): AppJson<NewClass>,
) -> Result<(StatusCode, AppJson<AdminClass>), ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    kept_school(&mut tx, &user, &school).await?;
    let problems = check_class(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    if let Some(t) = &form.form_teacher_id {
        check_teacher(&mut tx, &user.gmina_id, t, "form_teacher_id").await?;
    }
    // The year chosen, else the current one (else the next): the first not over.
    let years = super::years::years(&mut tx, &school).await?;
    let year = match &form.year_id {
        None => years.first(),
        Some(id) => Some(
            years
                .iter()
                .find(|y| y.id == *id)
                .ok_or_else(|| ApiError::field("year_id", FieldError::InvalidChoice))?,
        ),
    };
    let Some(year) = year else {
        return Err(ApiError::field("name", FieldError::OutsideTerm));
    };
    let name = form.name.trim();
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM school_classes WHERE year_id = $1 AND name = $2")
            .bind(&year.id)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(ApiError::field("name", FieldError::NameTaken));
    }
    let teacher = form.form_teacher_id.as_deref();
    let id = match structure::add_class(&mut tx, &user.gmina_id, &year.id, name, teacher).await {
        Ok(id) => id,
        Err(e) if name_taken(&e) => return Err(ApiError::field("name", FieldError::NameTaken)),
        Err(e) => return Err(e.into()),
    };
    changed(
        &mut tx,
        &user,
        ("class.added", "school_class", &id),
        json!({ "name": name, "year": year.name, "form_teacher": teacher }),
    )
    .await?;
    let (class, _) = kept_class(&mut tx, &user, &id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(class)))
}

/// Sets or takes away a class's form teacher.
#[utoipa::path(put, path = "/school/admin/classes/{class}/form-teacher", tag = "school",
    params(("class" = String, Path)), request_body = TeacherPick,
    responses((status = 200, body = AdminClass), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_form_teacher(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
    AppJson(pick): AppJson<TeacherPick>,
) -> Result<AppJson<AdminClass>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    kept_class(&mut tx, &user, &class).await?;
    if let Some(t) = &pick.teacher_id {
        check_teacher(&mut tx, &user.gmina_id, t, "teacher_id").await?;
    }
    sqlx::query("UPDATE school_classes SET form_teacher_id = $1 WHERE id = $2")
        .bind(pick.teacher_id.as_deref())
        .bind(&class)
        .execute(&mut *tx)
        .await?;
    changed(
        &mut tx,
        &user,
        ("class.form_teacher_set", "school_class", &class),
        json!({ "teacher": pick.teacher_id }),
    )
    .await?;
    let (row, _) = kept_class(&mut tx, &user, &class).await?;
    tx.commit().await?;
    Ok(AppJson(row))
}

/// Sets who teaches a subject of the school in the class. A new assignment gets the
/// term's proposed and final grade columns; a change hands the class's weekly lessons
/// of the subject to the new teacher; taking it away is refused once the subject has
/// lessons or grades in the class.
#[utoipa::path(put, path = "/school/admin/classes/{class}/teaching/{subject}", tag = "school",
    params(("class" = String, Path), ("subject" = String, Path)), request_body = TeacherPick,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_teaching(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((class, subject)): Path<(String, String)>,
    AppJson(pick): AppJson<TeacherPick>,
) -> Result<StatusCode, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let (_, year) = kept_class(&mut tx, &user, &class).await?;
    let of_school: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM subjects j JOIN school_years y ON y.school_id = j.school_id \
         WHERE j.id = $1 AND y.id = $2",
    )
    .bind(&subject)
    .bind(&year)
    .fetch_optional(&mut *tx)
    .await?;
    if of_school.is_none() {
        return Err(ApiError::not_found());
    }
    let current: Option<String> = sqlx::query_scalar(
        "SELECT teacher_id FROM teaching WHERE class_id = $1 AND subject_id = $2",
    )
    .bind(&class)
    .bind(&subject)
    .fetch_optional(&mut *tx)
    .await?;
    match (&current, &pick.teacher_id) {
        (None, None) => {}
        (Some(old), Some(new)) if old == new => {}
        (None, Some(new)) => {
            check_teacher(&mut tx, &user.gmina_id, new, "teacher_id").await?;
            let dates = year_dates(&mut tx, &year).await?;
            structure::assign(&mut tx, &user.gmina_id, (&class, &subject, new), dates).await?;
        }
        (Some(_), Some(new)) => {
            check_teacher(&mut tx, &user.gmina_id, new, "teacher_id").await?;
            for sql in [
                "UPDATE teaching SET teacher_id = $1 WHERE class_id = $2 AND subject_id = $3",
                "UPDATE lessons SET teacher_id = $1 WHERE class_id = $2 AND subject_id = $3",
            ] {
                sqlx::query(sql)
                    .bind(new)
                    .bind(&class)
                    .bind(&subject)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        (Some(_), None) => {
            let used: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM lessons WHERE class_id = $1 AND subject_id = $2) + \
                 (SELECT COUNT(*) FROM grades g JOIN grade_columns c ON c.id = g.column_id \
                  WHERE c.class_id = $1 AND c.subject_id = $2) + \
                 (SELECT COUNT(*) FROM homework WHERE class_id = $1 AND subject_id = $2)",
            )
            .bind(&class)
            .bind(&subject)
            .fetch_one(&mut *tx)
            .await?;
            if used > 0 {
                return Err(ApiError::field("teacher_id", FieldError::InUse));
            }
            for sql in [
                "DELETE FROM grade_columns WHERE class_id = $1 AND subject_id = $2",
                "DELETE FROM teaching WHERE class_id = $1 AND subject_id = $2",
            ] {
                sqlx::query(sql)
                    .bind(&class)
                    .bind(&subject)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    if current != pick.teacher_id {
        changed(
            &mut tx,
            &user,
            ("class.teaching_set", "school_class", &class),
            json!({ "subject": subject, "from": current, "to": pick.teacher_id }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The last days of a year's two terms.
pub(super) async fn year_dates(
    conn: &mut AnyConnection,
    year: &str,
) -> Result<[jiff::civil::Date; 2], ApiError> {
    let row = sqlx::query("SELECT term2_on, ends_on FROM school_years WHERE id = $1")
        .bind(year)
        .fetch_one(&mut *conn)
        .await?;
    let parse = |s: String| -> Result<jiff::civil::Date, ApiError> {
        s.parse()
            .map_err(|e: jiff::Error| ApiError::Internal(e.into()))
    };
    let term2 = parse(row.get("term2_on"))?;
    let end_of_term1 = term2
        .yesterday()
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok([end_of_term1, parse(row.get("ends_on"))?])
}

/// Moves a pupil to another class of a school year they are in, numbered last there
/// (also a pupil not promoted, into a class of the next year before it begins). Grades
/// and attendance of the first class stay with its register and remain the pupil's.
#[utoipa::path(post, path = "/school/admin/pupils/{pupil}/move", tag = "school",
    params(("pupil" = String, Path)), request_body = MovePupil,
    responses((status = 200, body = AdminClass), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn move_pupil(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
    AppJson(form): AppJson<MovePupil>,
) -> Result<AppJson<AdminClass>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    // A pupil of a school the caller keeps, in any year; else 404.
    let kept: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM enrolments e JOIN school_classes c ON c.id = e.class_id \
         JOIN school_years y ON y.id = c.year_id JOIN school_admins a ON a.school_id = y.school_id \
         WHERE e.gmina_id = $1 AND e.pupil_id = $2 AND a.user_id = $3 LIMIT 1",
    )
    .bind(&user.gmina_id)
    .bind(&pupil)
    .bind(&user.id)
    .fetch_optional(&mut *tx)
    .await?;
    kept.ok_or_else(ApiError::not_found)?;
    let wrong_class = || ApiError::field("class_id", FieldError::InvalidChoice);
    let (to, year) = match kept_class(&mut tx, &user, &form.class_id).await {
        Ok(found) => found,
        Err(ApiError::Status(StatusCode::NOT_FOUND, _)) => return Err(wrong_class()),
        Err(e) => return Err(e),
    };
    // The pupil's class in that school year.
    let from: Option<String> = sqlx::query_scalar(
        "SELECT e.class_id FROM enrolments e JOIN school_classes c ON c.id = e.class_id \
         WHERE e.gmina_id = $1 AND e.pupil_id = $2 AND c.year_id = $3",
    )
    .bind(&user.gmina_id)
    .bind(&pupil)
    .bind(&year)
    .fetch_optional(&mut *tx)
    .await?;
    let from = from.ok_or_else(wrong_class)?;
    if from == to.id {
        return Err(wrong_class());
    }
    let (from_class, _) = kept_class(&mut tx, &user, &from).await?;
    // What the pupil has in the first class stays there (the register is not rewritten)
    // and is still read as theirs: the family and the new class's teachers see it.
    let records: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM grades g JOIN grade_columns c ON c.id = g.column_id \
          WHERE c.class_id = $1 AND g.pupil_id = $2), \
         (SELECT COUNT(*) FROM attendance a JOIN lessons l ON l.id = a.lesson_id \
          WHERE l.class_id = $1 AND a.pupil_id = $2)",
    )
    .bind(&from)
    .bind(&pupil)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM enrolments WHERE class_id = $1 AND pupil_id = $2")
        .bind(&from)
        .bind(&pupil)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO enrolments (gmina_id, class_id, pupil_id, number) \
         SELECT $1, $2, $3, COALESCE(MAX(number), 0) + 1 FROM enrolments WHERE class_id = $2",
    )
    .bind(&user.gmina_id)
    .bind(&to.id)
    .bind(&pupil)
    .execute(&mut *tx)
    .await?;
    changed(
        &mut tx,
        &user,
        ("pupil.moved", "pupil", &pupil),
        json!({ "from": from_class.name, "to": to.name, "grades": records.0, "attendance": records.1 }),
    )
    .await?;
    let (to, _) = kept_class(&mut tx, &user, &to.id).await?;
    tx.commit().await?;
    Ok(AppJson(to))
}

/// Writes a change of the structure to the audit log.
pub(super) async fn changed(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    (action, object_type, object_id): (&str, &str, &str),
    detail: serde_json::Value,
) -> Result<(), ApiError> {
    audit::append(
        conn,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action,
            object_type,
            object_id,
            detail,
        },
    )
    .await?;
    Ok(())
}
