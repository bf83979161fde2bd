//! A pupil's grades of the year, subject by subject, with the weighted averages of each
//! term and the year and every version of every grade: what parents and pupils open
//! most, so it is a fixed handful of queries whatever the number of grades.

use std::collections::HashMap;

use axum::extract::{Path, State};
use models::error::ErrorBody;
use models::school::{
    Category, CategoryWeight, ColumnKind, Grade, GradeChange, Mark, PupilGrades, SubjectGrades,
    weighted_average,
};
use sqlx::{AnyConnection, Row};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::{Enrolment, Scope, log_looks, pupil_in_view};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{rfc3339, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(pupil_grades))
}

/// SQL: the classes of the school year of the class bound as `$3`. A pupil moved to
/// another class keeps the grades and attendance of the first: they stay with its
/// columns and lessons (the register is not rewritten) and are read as the pupil's.
pub const YEAR_CLASSES: &str = "SELECT k.id FROM school_classes k WHERE k.year_id = (SELECT year_id FROM school_classes WHERE id = $3)";

/// The school's categories with their weights.
pub async fn categories(
    conn: &mut AnyConnection,
    gmina: &str,
    school: &str,
) -> Result<Vec<CategoryWeight>, ApiError> {
    let rows = sqlx::query(
        "SELECT id, code, weight FROM grade_categories WHERE gmina_id = $1 AND school_id = $2",
    )
    .bind(gmina)
    .bind(school)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<CategoryWeight> = rows
        .iter()
        .filter_map(|r| {
            Some(CategoryWeight {
                id: r.get("id"),
                category: Category::parse(&r.get::<String, _>("code"))?,
                weight: u32::try_from(r.get::<i64, _>("weight")).unwrap_or(0),
            })
        })
        .collect();
    out.sort_by_key(|c| Category::ALL.iter().position(|x| *x == c.category));
    Ok(out)
}

/// The weight a grade of a column counts with: its category's for graded work, 0 for
/// proposed and final grades (they are not part of the average).
pub fn weight_of(kind: ColumnKind, category: Option<&CategoryWeight>) -> u32 {
    match kind {
        ColumnKind::Regular => category.map_or(0, |c| c.weight),
        _ => 0,
    }
}

/// Every change of the pupil's grades in a class, by grade, oldest first.
async fn changes(
    conn: &mut AnyConnection,
    gmina: &str,
    pupil: &str,
) -> Result<HashMap<String, Vec<GradeChange>>, ApiError> {
    let rows = sqlx::query(
        "SELECT h.grade_id, h.revision, h.mark, h.comment, u.full_name, h.changed_at \
         FROM grade_changes h JOIN users u ON u.id = h.changed_by \
         WHERE h.gmina_id = $1 AND h.pupil_id = $2 ORDER BY h.grade_id, h.revision",
    )
    .bind(gmina)
    .bind(pupil)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: HashMap<String, Vec<GradeChange>> = HashMap::new();
    for r in rows {
        out.entry(r.get("grade_id")).or_default().push(GradeChange {
            revision: r.get("revision"),
            mark: r.get("mark"),
            comment: r.get("comment"),
            changed_by: r.get("full_name"),
            changed_at: rfc3339(r.get("changed_at")),
        });
    }
    Ok(out)
}

/// The pupil's grades of the year with averages and history. Staff see only the
/// subjects they teach (form teachers all), and their look is logged.
#[utoipa::path(get, path = "/school/pupils/{pupil}/grades", tag = "school",
    params(("pupil" = String, Path)),
    responses((status = 200, body = PupilGrades), (status = 404, body = ErrorBody)))]
async fn pupil_grades(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(pupil): Path<String>,
) -> Result<AppJson<PupilGrades>, ApiError> {
    let mut conn = state.db.pool.acquire().await?;
    let (enrolment, scope) = pupil_in_view(&mut conn, &user, &pupil).await?;
    let g = &user.gmina_id;
    let categories = categories(&mut conn, g, &enrolment.school_id).await?;
    let taught = sqlx::query(
        "SELECT t.subject_id, s.name, u.full_name FROM teaching t JOIN subjects s ON s.id = t.subject_id \
         JOIN users u ON u.id = t.teacher_id WHERE t.gmina_id = $1 AND t.class_id = $2 ORDER BY s.position",
    )
    .bind(g)
    .bind(&enrolment.pupil.class_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_subject: HashMap<String, Vec<Grade>> = HashMap::new();
    for (subject, _, grade) in grades_of(&mut conn, &enrolment, &categories, None).await? {
        by_subject.entry(subject).or_default().push(grade);
    }
    let subjects: Vec<SubjectGrades> = taught
        .iter()
        .filter(|r| scope.sees(&r.get::<String, _>("subject_id")))
        .map(|r| {
            let subject_id: String = r.get("subject_id");
            let grades = by_subject.remove(&subject_id).unwrap_or_default();
            SubjectGrades {
                averages: averages(&grades, enrolment.rule),
                subject_id,
                subject_name: r.get("name"),
                teacher_name: r.get("full_name"),
                grades,
            }
        })
        .collect();
    if scope.is_staff() {
        let mut tx = state.db.begin_write().await?;
        log_looks(&mut tx, &user, std::slice::from_ref(&pupil), "grades").await?;
        tx.commit().await?;
    }
    Ok(AppJson(PupilGrades {
        current_term: enrolment.term_of(&today().to_string()),
        year_name: enrolment.year_name,
        rule: enrolment.rule,
        pupil: enrolment.pupil,
        categories,
        subjects,
    }))
}

/// The pupil's grades in their class (changed since `since`, if given), by date, with
/// their history: (subject id, subject name, grade). Three queries.
async fn grades_of(
    conn: &mut AnyConnection,
    enrolment: &Enrolment,
    categories: &[CategoryWeight],
    since: Option<i64>,
) -> Result<Vec<(String, String, Grade)>, ApiError> {
    let g = enrolment.gmina_id.as_str();
    let pupil = enrolment.pupil.id.as_str();
    let sql = format!(
        "SELECT g.id, g.mark, g.comment, g.changed_at, c.subject_id, s.name AS subject_name, s.scale_in_early, c.term, \
         c.kind, c.category_id, c.title, c.on_date FROM grades g JOIN grade_columns c ON c.id = g.column_id \
         JOIN subjects s ON s.id = c.subject_id \
         WHERE g.gmina_id = $1 AND g.pupil_id = $2 AND c.class_id IN ({YEAR_CLASSES}) AND g.changed_at >= $4 \
         ORDER BY c.on_date, c.created_at"
    );
    let rows = sqlx::query(&sql)
        .bind(g)
        .bind(pupil)
        .bind(&enrolment.pupil.class_id)
        .bind(since.unwrap_or(0))
        .fetch_all(&mut *conn)
        .await?;
    let mut history = changes(conn, g, pupil).await?;
    Ok(rows
        .iter()
        .map(|r| {
            let kind =
                ColumnKind::parse(&r.get::<String, _>("kind")).unwrap_or(ColumnKind::Regular);
            let category_id: Option<String> = r.get("category_id");
            let category = categories
                .iter()
                .find(|c| Some(&c.id) == category_id.as_ref());
            let id: String = r.get("id");
            let grade = Grade {
                history: history.remove(&id).unwrap_or_default(),
                id,
                mark: r.get("mark"),
                term: u8::try_from(r.get::<i64, _>("term")).unwrap_or(1),
                kind,
                category: category.map(|c| c.category),
                weight: weight_of(kind, category),
                title: r.get("title"),
                on_date: r.get("on_date"),
                comment: r.get("comment"),
                descriptive: kind
                    .descriptive_at(enrolment.level, r.get::<i64, _>("scale_in_early") == 1),
                changed_at: rfc3339(r.get("changed_at")),
            };
            (r.get("subject_id"), r.get("subject_name"), grade)
        })
        .collect())
}

/// Grades given or changed since `since` (UTC ms) in the subjects in view, newest
/// first: (subject name, grade).
pub async fn recent(
    conn: &mut AnyConnection,
    enrolment: &Enrolment,
    scope: &Scope,
    since: i64,
) -> Result<Vec<(String, Grade)>, ApiError> {
    let categories = categories(conn, &enrolment.gmina_id, &enrolment.school_id).await?;
    let mut out: Vec<(String, Grade)> = grades_of(conn, enrolment, &categories, Some(since))
        .await?
        .into_iter()
        .filter(|(subject, _, _)| scope.sees(subject))
        .map(|(_, name, grade)| (name, grade))
        .collect();
    out.sort_by(|a, b| b.1.changed_at.cmp(&a.1.changed_at));
    Ok(out)
}

/// Term 1, term 2 and the year.
pub fn averages(grades: &[Grade], rule: models::school::PlusMinusRule) -> [Option<i64>; 3] {
    let of = |term: Option<u8>| {
        weighted_average(
            grades
                .iter()
                .filter(|g| !g.descriptive && term.is_none_or(|t| g.term == t))
                .filter_map(|g| Some((Mark::parse(g.mark.as_deref()?).ok()?, g.weight))),
            rule,
        )
    };
    [of(Some(1)), of(Some(2)), of(None)]
}
