//! Who may see which pupil (RODO): a parent or guardian their own children, a pupil
//! themselves, a teacher the subjects they teach in the pupil's class, a form teacher
//! their whole class; everyone else gets 404. Every look by staff at a pupil's data is
//! an entry of the audit log (`pupil.viewed`), and the pupil and their parents see who
//! looked.

use axum::extract::{Path, State};
use models::auth::Role;
use models::error::ErrorBody;
use models::school::{ClassRef, PupilSummary, SchoolMe, StaffAccess, Teaching};
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::school::structure::in_force;
use crate::time_fmt::{rfc3339, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(staff_access))
}

/// A pupil's class this school year, with its year and school.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The pupil as the caller sees them.
    pub pupil: PupilSummary,
    /// The gmina.
    pub gmina_id: String,
    /// The class's school.
    pub school_id: String,
    /// The school year.
    pub year_name: String,
    /// Term 1, term 2 and the end, `YYYY-MM-DD`.
    pub dates: [String; 3],
    /// The form teacher.
    pub form_teacher_id: Option<String>,
    /// The class's year group, 1–8.
    pub level: u8,
    /// The school's + and −, in hundredths.
    pub rule: models::school::PlusMinusRule,
}

impl Enrolment {
    /// The term a day is in (1 before term 2 starts).
    pub fn term_of(&self, day: &str) -> u8 {
        if day < self.dates[1].as_str() { 1 } else { 2 }
    }
}

/// The pupil's class of the year today is in, else of the latest year.
pub async fn enrolment(
    conn: &mut AnyConnection,
    gmina: &str,
    pupil: &str,
) -> Result<Option<Enrolment>, ApiError> {
    let row = sqlx::query(
        "SELECT u.id, u.full_name, c.id AS class_id, c.name AS class_name, c.form_teacher_id, c.level, \
         s.id AS school_id, s.name AS school_name, s.plus_hundredths, s.minus_hundredths, \
         y.name AS year_name, y.starts_on, y.term2_on, y.ends_on \
         FROM enrolments e JOIN users u ON u.id = e.pupil_id \
         JOIN school_classes c ON c.id = e.class_id JOIN school_years y ON y.id = c.year_id \
         JOIN schools s ON s.id = y.school_id \
         WHERE e.gmina_id = $1 AND e.pupil_id = $2 \
         ORDER BY CASE WHEN y.starts_on <= $3 THEN 0 ELSE 1 END, y.starts_on DESC LIMIT 1",
    )
    .bind(gmina)
    .bind(pupil)
    .bind(today().to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Enrolment {
        pupil: PupilSummary {
            id: r.get("id"),
            full_name: r.get("full_name"),
            class_id: r.get("class_id"),
            class_name: r.get("class_name"),
            school_name: r.get("school_name"),
        },
        gmina_id: gmina.to_owned(),
        school_id: r.get("school_id"),
        year_name: r.get("year_name"),
        dates: [r.get("starts_on"), r.get("term2_on"), r.get("ends_on")],
        form_teacher_id: r.get("form_teacher_id"),
        level: u8::try_from(r.get::<i64, _>("level")).unwrap_or(1),
        rule: models::school::PlusMinusRule {
            plus: u32::try_from(r.get::<i64, _>("plus_hundredths")).unwrap_or(0),
            minus: u32::try_from(r.get::<i64, _>("minus_hundredths")).unwrap_or(0),
        },
    }))
}

/// What of a pupil the caller sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The pupil themselves or their parent: everything.
    Family,
    /// The form teacher: every subject; their looks are logged.
    FormTeacher,
    /// A teacher: only these subjects; their looks are logged.
    Subjects(Vec<String>),
}

impl Scope {
    /// Whether a subject is in view.
    pub fn sees(&self, subject: &str) -> bool {
        match self {
            Scope::Family | Scope::FormTeacher => true,
            Scope::Subjects(s) => s.iter().any(|x| x == subject),
        }
    }

    /// Whether the caller is on the staff (and their look is logged).
    pub fn is_staff(&self) -> bool {
        !matches!(self, Scope::Family)
    }
}

/// The pupil's enrolment and what the caller may see of it, or 404.
pub async fn pupil_in_view(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    pupil: &str,
) -> Result<(Enrolment, Scope), ApiError> {
    let enrolment = enrolment(conn, &user.gmina_id, pupil)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if user.has(Role::Pupil) && user.id == pupil {
        return Ok((enrolment, Scope::Family));
    }
    if user.has(Role::Parent) {
        let linked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM parent_links WHERE gmina_id = $1 AND parent_id = $2 AND pupil_id = $3",
        )
        .bind(&user.gmina_id)
        .bind(&user.id)
        .bind(pupil)
        .fetch_one(&mut *conn)
        .await?;
        if linked > 0 {
            return Ok((enrolment, Scope::Family));
        }
    }
    if user.has(Role::Teacher) {
        if enrolment.form_teacher_id.as_deref() == Some(user.id.as_str()) {
            return Ok((enrolment, Scope::FormTeacher));
        }
        let subjects: Vec<String> = sqlx::query_scalar(
            "SELECT subject_id FROM teaching WHERE gmina_id = $1 AND class_id = $2 AND teacher_id = $3",
        )
        .bind(&user.gmina_id)
        .bind(&enrolment.pupil.class_id)
        .bind(&user.id)
        .fetch_all(&mut *conn)
        .await?;
        if !subjects.is_empty() {
            return Ok((enrolment, Scope::Subjects(subjects)));
        }
    }
    Err(ApiError::not_found())
}

/// Records that someone on the staff opened pupils' data, one entry per pupil.
pub async fn log_looks(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    pupils: &[String],
    what: &str,
) -> anyhow::Result<()> {
    for pupil in pupils {
        audit::append(
            conn,
            &user.gmina_id,
            Entry {
                actor: Some(&user.id),
                action: "pupil.viewed",
                object_type: "pupil",
                object_id: pupil,
                detail: json!({ "what": what }),
            },
        )
        .await?;
    }
    Ok(())
}

/// The caller's gradebooks: their children, themselves, the classes they teach.
#[utoipa::path(get, path = "/school/me", tag = "school",
    responses((status = 200, body = SchoolMe), (status = 401, body = ErrorBody)))]
async fn me(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<SchoolMe>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let g = &user.gmina_id;
    let mut children = vec![];
    if user.has(Role::Parent) {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT l.pupil_id FROM parent_links l JOIN users u ON u.id = l.pupil_id \
             WHERE l.gmina_id = $1 AND l.parent_id = $2 ORDER BY u.full_name",
        )
        .bind(g)
        .bind(&user.id)
        .fetch_all(&mut *conn)
        .await?;
        for id in ids {
            if let Some(e) = enrolment(&mut conn, g, &id).await? {
                children.push(e.pupil);
            }
        }
    }
    let pupil = if user.has(Role::Pupil) {
        enrolment(&mut conn, g, &user.id).await?.map(|e| e.pupil)
    } else {
        None
    };
    let (teaching, form_classes) = if user.has(Role::Teacher) {
        teaching_of(&mut conn, g, &user.id).await?
    } else {
        (vec![], vec![])
    };
    Ok(AppJson(SchoolMe {
        children,
        pupil,
        teaching,
        form_classes,
    }))
}

/// What a teacher teaches in the school year in force, and the classes they are form
/// teacher of.
async fn teaching_of(
    conn: &mut AnyConnection,
    gmina: &str,
    teacher: &str,
) -> Result<(Vec<Teaching>, Vec<ClassRef>), ApiError> {
    let day = today().to_string();
    let teaching = format!(
        "SELECT c.id AS class_id, c.name AS class_name, sub.id AS subject_id, sub.name AS subject_name, \
         s.name AS school_name FROM teaching t JOIN school_classes c ON c.id = t.class_id \
         JOIN school_years y ON y.id = c.year_id JOIN schools s ON s.id = y.school_id \
         JOIN subjects sub ON sub.id = t.subject_id \
         WHERE t.gmina_id = $1 AND t.teacher_id = $2 AND {} \
         ORDER BY c.name, sub.position",
        in_force(3)
    );
    let teaching = sqlx::query(&teaching)
        .bind(gmina)
        .bind(teacher)
        .bind(&day)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Teaching {
            class_id: r.get("class_id"),
            class_name: r.get("class_name"),
            subject_id: r.get("subject_id"),
            subject_name: r.get("subject_name"),
            school_name: r.get("school_name"),
        })
        .collect();
    let form_classes = format!(
        "SELECT c.id, c.name FROM school_classes c JOIN school_years y ON y.id = c.year_id \
         WHERE c.gmina_id = $1 AND c.form_teacher_id = $2 AND {} ORDER BY c.name",
        in_force(3)
    );
    let form_classes = sqlx::query(&form_classes)
        .bind(gmina)
        .bind(teacher)
        .bind(&day)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| ClassRef {
            id: r.get("id"),
            name: r.get("name"),
        })
        .collect();
    Ok((teaching, form_classes))
}

/// Who on the staff opened the pupil's data, newest first (the last 200): for the pupil
/// and their parents.
#[utoipa::path(get, path = "/school/pupils/{pupil}/access", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = Vec<StaffAccess>), (status = 404, body = ErrorBody)))]
async fn staff_access(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<Vec<StaffAccess>>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (_, scope) = pupil_in_view(&mut conn, &user, &pupil).await?;
    if scope.is_staff() {
        return Err(ApiError::not_found());
    }
    let rows = sqlx::query(
        "SELECT a.at, a.detail, u.full_name FROM audit_log a JOIN users u ON u.id = a.actor_id \
         WHERE a.gmina_id = $1 AND a.object_type = 'pupil' AND a.object_id = $2 \
         AND a.action = 'pupil.viewed' ORDER BY a.seq DESC LIMIT 200",
    )
    .bind(&user.gmina_id)
    .bind(&pupil)
    .fetch_all(&mut *conn)
    .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| {
                let detail: serde_json::Value =
                    serde_json::from_str(&r.get::<String, _>("detail")).unwrap_or_default();
                StaffAccess {
                    who: r.get("full_name"),
                    what: detail["what"].as_str().unwrap_or("grades").to_owned(),
                    at: rfc3339(r.get("at")),
                }
            })
            .collect(),
    ))
}
