//! The school office (sekretariat, role `school_admin`): the classes of the schools it
//! keeps, a class's pupils with their guardians, and the CSV import that enrols pupils
//! and links their parents and guardians — the whole file or nothing, problems named by
//! line. Accounts the import makes get a link to set their password. The structure the
//! office keeps (subjects, classes, teachers, moving a pupil) is in `keep`.
//!
//! The file: `uczen;pesel;email_ucznia;opiekun;email_opiekuna`, one row per pupil and
//! guardian (a pupil with two guardians has two rows; a pupil with none, one row with
//! the guardian's columns empty). A pupil is known by PESEL; a guardian by e-mail.

pub(crate) mod authenticator;
mod enrol;
pub mod file;
mod gmina;
mod keep;
mod links;
mod plan;
mod years;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use models::auth::Role;
use models::error::ErrorBody;
use models::school::admin::{
    AdminClass, AdminGuardian, AdminPupil, AdminTeaching, ClassChoice, ClassRoll, ImportReport,
};
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::log_looks;
use crate::AppState;
use crate::alerts::subscriptions::portal;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::auth::invitations::{NO_PASSWORD, is_no_login};
use crate::error::{ApiError, AppJson};
use crate::info::refuse;
use crate::school::structure::in_force;
use crate::taxes::files;
use crate::time_fmt::today;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(classes))
        .routes(routes!(roll))
        .routes(routes!(import))
        .routes(routes!(keep::schools))
        .routes(routes!(keep::add_subject))
        .routes(routes!(keep::set_scale))
        .routes(routes!(keep::add_class))
        .routes(routes!(keep::set_form_teacher))
        .routes(routes!(keep::set_teaching))
        .routes(routes!(keep::move_pupil))
        .routes(routes!(authenticator::reset))
        .routes(routes!(links::send_again))
        .routes(routes!(years::set_rules))
        .routes(routes!(years::add_year))
        .routes(routes!(plan::class_plan))
        .routes(routes!(plan::set_slot))
        .routes(routes!(plan::set_change, plan::remove_change))
        .routes(routes!(gmina::schools, gmina::add_school))
        .routes(routes!(gmina::add_office))
        .routes(routes!(gmina::remove_office))
        .routes(routes!(gmina::end_authenticator))
        .layer(DefaultBodyLimit::max(2 * 1024 * 1024))
}

/// 403 unless the caller keeps a school's records.
fn office(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::SchoolAdmin])
}

const CLASS_COLUMNS: &str = "c.id, c.name, c.year_id, c.form_teacher_id, s.name AS school_name, y.name AS year_name, \
     f.full_name AS form_teacher, \
     (SELECT COUNT(*) FROM enrolments e WHERE e.class_id = c.id) AS pupils, \
     (SELECT COUNT(*) FROM enrolments e WHERE e.class_id = c.id AND NOT EXISTS \
       (SELECT 1 FROM parent_links l WHERE l.pupil_id = e.pupil_id)) AS without_guardian";
const CLASS_JOINS: &str = "school_classes c JOIN school_years y ON y.id = c.year_id \
     JOIN schools s ON s.id = y.school_id LEFT JOIN users f ON f.id = c.form_teacher_id";

fn class_from(r: &AnyRow) -> AdminClass {
    AdminClass {
        id: r.get("id"),
        name: r.get("name"),
        school_name: r.get("school_name"),
        year_name: r.get("year_name"),
        form_teacher: r.get("form_teacher"),
        pupils: u32::try_from(r.get::<i64, _>("pupils")).unwrap_or(0),
        without_guardian: u32::try_from(r.get::<i64, _>("without_guardian")).unwrap_or(0),
    }
}

/// `?year=`: which school year's classes.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
struct YearQuery {
    /// A school year's id (none: the year in force at each school, else the next).
    year: Option<String>,
}

/// The classes of the caller's schools in a school year: the one in force (the current
/// one, else the next) or a chosen one.
#[utoipa::path(get, path = "/school/admin/classes", tag = "school", params(YearQuery),
    responses((status = 200, body = Vec<AdminClass>), (status = 403, body = ErrorBody)))]
async fn classes(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<YearQuery>,
) -> Result<AppJson<Vec<AdminClass>>, ApiError> {
    office(&user)?;
    let year = match q.year {
        Some(_) => "c.year_id = $4".to_owned(),
        None => in_force(2),
    };
    let sql = format!(
        "SELECT {CLASS_COLUMNS} FROM {CLASS_JOINS} WHERE c.gmina_id = $1 AND {year} \
         AND y.school_id IN (SELECT school_id FROM school_admins WHERE user_id = $3) \
         ORDER BY s.name, c.level, c.name"
    );
    let mut query = sqlx::query(&sql)
        .bind(&user.gmina_id)
        .bind(today().to_string())
        .bind(&user.id);
    if let Some(y) = &q.year {
        query = query.bind(y);
    }
    let rows = query.fetch_all(&state.db.pool).await?;
    Ok(AppJson(rows.iter().map(class_from).collect()))
}

/// A class of the caller's schools (and its year), or 404.
async fn kept_class(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    class: &str,
) -> Result<(AdminClass, String), ApiError> {
    let (row, year, _) = kept_class_row(conn, user, class).await?;
    Ok((row, year))
}

/// A class of the caller's schools, its year and its form teacher's id, or 404.
async fn kept_class_row(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    class: &str,
) -> Result<(AdminClass, String, Option<String>), ApiError> {
    let sql = format!(
        "SELECT {CLASS_COLUMNS} FROM {CLASS_JOINS} WHERE c.gmina_id = $1 AND c.id = $2 \
         AND y.school_id IN (SELECT school_id FROM school_admins WHERE user_id = $3)"
    );
    let row = sqlx::query(&sql)
        .bind(&user.gmina_id)
        .bind(class)
        .bind(&user.id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok((
        class_from(&row),
        row.get("year_id"),
        row.get("form_teacher_id"),
    ))
}

/// Whether an account has not set its first password from its link yet.
fn waiting(r: &AnyRow) -> bool {
    r.get::<String, _>("password_hash") == NO_PASSWORD
}

/// A class's pupils by number with their guardians (each look is logged per pupil).
#[utoipa::path(get, path = "/school/admin/classes/{class}", tag = "school",
    params(("class" = String, Path)),
    responses((status = 200, body = ClassRoll), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn roll(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
) -> Result<AppJson<ClassRoll>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let (class_row, year, form_teacher_id) = kept_class_row(&mut tx, &user, &class).await?;
    let pupils = sqlx::query(
        "SELECT e.number, u.id, u.full_name, u.email, u.password_hash FROM enrolments e \
         JOIN users u ON u.id = e.pupil_id WHERE e.class_id = $1 ORDER BY e.number",
    )
    .bind(&class)
    .fetch_all(&mut *tx)
    .await?;
    let guardians = sqlx::query(
        "SELECT l.pupil_id, g.id, g.full_name, g.email, g.password_hash FROM parent_links l JOIN users g ON g.id = l.parent_id \
         JOIN enrolments e ON e.pupil_id = l.pupil_id WHERE e.class_id = $1 ORDER BY g.full_name",
    )
    .bind(&class)
    .fetch_all(&mut *tx)
    .await?;
    let pupils: Vec<AdminPupil> = pupils
        .iter()
        .map(|r| {
            let id: String = r.get("id");
            let email: String = r.get("email");
            AdminPupil {
                waiting: waiting(r) && !is_no_login(&email),
                number: u32::try_from(r.get::<i64, _>("number")).unwrap_or(0),
                full_name: r.get("full_name"),
                email: if is_no_login(&email) {
                    String::new()
                } else {
                    email
                },
                guardians: guardians
                    .iter()
                    .filter(|g| g.get::<String, _>("pupil_id") == id)
                    .map(|g| AdminGuardian {
                        id: g.get("id"),
                        waiting: waiting(g),
                        full_name: g.get("full_name"),
                        email: g.get("email"),
                    })
                    .collect(),
                id,
            }
        })
        .collect();
    let ids: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    log_looks(&mut tx, &user, &ids, "records").await?;
    let teaching = sqlx::query(
        "SELECT j.id, j.name, t.teacher_id FROM subjects j JOIN school_years y ON y.school_id = j.school_id \
         LEFT JOIN teaching t ON t.subject_id = j.id AND t.class_id = $1 \
         WHERE y.id = $2 ORDER BY j.position, j.name",
    )
    .bind(&class)
    .bind(&year)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| AdminTeaching {
        subject_id: r.get("id"),
        subject_name: r.get("name"),
        teacher_id: r.get("teacher_id"),
    })
    .collect();
    let other_classes = sqlx::query(
        "SELECT id, name FROM school_classes WHERE year_id = $1 AND id <> $2 ORDER BY level, name",
    )
    .bind(&year)
    .bind(&class)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| ClassChoice {
        id: r.get("id"),
        name: r.get("name"),
    })
    .collect();
    tx.commit().await?;
    Ok(AppJson(ClassRoll {
        class: class_row,
        form_teacher_id,
        pupils,
        teaching,
        other_classes,
    }))
}

/// Enrols a file's pupils in the class and links their guardians, all or nothing.
#[utoipa::path(post, path = "/school/admin/classes/{class}/import", tag = "school",
    params(("class" = String, Path)),
    request_body(content = String, content_type = "text/csv", description = "uczen;pesel;email_ucznia;opiekun;email_opiekuna"),
    responses((status = 200, body = ImportReport), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(class): Path<String>,
    body: Bytes,
) -> Result<AppJson<ImportReport>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    let (class_row, year) = kept_class(&mut tx, &user, &class).await?;
    let text = files::decode(&body).map_err(|e| refuse(&[e]))?;
    let rows = file::parse(&text).map_err(|e| refuse(&e))?;
    let school = (class_row.school_name.as_str(), portal(&state));
    // On line errors the transaction is dropped unfinished: nothing of the file is kept.
    let report = enrol::apply(&mut tx, &user, (&class, &year), school, &rows)
        .await?
        .map_err(|e| refuse(&e))?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "pupils.imported",
            object_type: "school_class",
            object_id: &class,
            detail: json!({"rows": report.rows, "enrolled": report.enrolled,
                "accounts_created": report.accounts_created, "links_added": report.links_added}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AppJson(report))
}
