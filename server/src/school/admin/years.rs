//! The school's rules for averages and its school years: the office sets what `+` and
//! `−` are worth and each category's weight (the statute's rule, art. 44b ust. 3 of the
//! Act on the education system), and opens the next school year with its two terms,
//! optionally taking the last year's classes up a year group (art. 44o: a pupil is
//! promoted to the next class; the eighth class finishes school). Every change is in
//! the audit log.
//!
//! A promoted class keeps its letters, pupils and their numbers, form teacher and
//! subject teachers (each with the new year's proposed and final grade columns); its
//! timetable is the new year's to make. A pupil who is not promoted is moved to a class
//! of their year group in the new year before it begins (`move`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, FieldError};
use models::school::admin::{
    AdminYear, NewYear, SchoolRules, YearReport, check_rules, check_year, promoted,
};
use models::school::{CategoryWeight, PlusMinusRule};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::keep::{changed, kept_school, year_dates};
use super::office;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, AppJson};
use crate::school::{grades, structure};
use crate::time_fmt::today;

/// The school's rules for averages.
pub(super) async fn rules(
    conn: &mut AnyConnection,
    gmina: &str,
    school: &str,
) -> Result<SchoolRules, ApiError> {
    let row = sqlx::query("SELECT plus_hundredths, minus_hundredths FROM schools WHERE id = $1")
        .bind(school)
        .fetch_one(&mut *conn)
        .await?;
    Ok(SchoolRules {
        rule: PlusMinusRule {
            plus: u32::try_from(row.get::<i64, _>("plus_hundredths")).unwrap_or(0),
            minus: u32::try_from(row.get::<i64, _>("minus_hundredths")).unwrap_or(0),
        },
        categories: grades::categories(conn, gmina, school).await?,
    })
}

/// The school's years not over, the current one first.
pub(super) async fn years(
    conn: &mut AnyConnection,
    school: &str,
) -> Result<Vec<AdminYear>, ApiError> {
    let rows = sqlx::query(
        "SELECT y.id, y.name, y.starts_on, y.term2_on, y.ends_on, \
         (SELECT COUNT(*) FROM school_classes c WHERE c.year_id = y.id) AS classes \
         FROM school_years y WHERE y.school_id = $1 AND y.ends_on >= $2 ORDER BY y.starts_on",
    )
    .bind(school)
    .bind(today().to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| AdminYear {
            id: r.get("id"),
            name: r.get("name"),
            starts_on: r.get("starts_on"),
            term2_on: r.get("term2_on"),
            ends_on: r.get("ends_on"),
            classes: u32::try_from(r.get::<i64, _>("classes")).unwrap_or(0),
        })
        .collect())
}

/// Sets what `+` and `−` are worth and the categories' weights. Every average of the
/// school follows at once (they are computed when read); the earlier rules are in the
/// audit log.
#[utoipa::path(put, path = "/school/admin/schools/{school}/rules", tag = "school",
    params(("school" = String, Path)), request_body = SchoolRules,
    responses((status = 200, body = SchoolRules), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn set_rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(school): Path<String>,
    AppJson(form): AppJson<SchoolRules>,
) -> Result<AppJson<SchoolRules>, ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    kept_school(&mut tx, &user, &school).await?;
    let mut problems = check_rules(&form);
    let before = rules(&mut tx, &user.gmina_id, &school).await?;
    let known = |c: &CategoryWeight| before.categories.iter().any(|k| k.id == c.id);
    if !form.categories.iter().all(known) {
        problems.insert("categories".into(), FieldError::InvalidChoice);
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    sqlx::query("UPDATE schools SET plus_hundredths = $1, minus_hundredths = $2 WHERE id = $3")
        .bind(i64::from(form.rule.plus))
        .bind(i64::from(form.rule.minus))
        .bind(&school)
        .execute(&mut *tx)
        .await?;
    for c in &form.categories {
        sqlx::query("UPDATE grade_categories SET weight = $1 WHERE id = $2 AND school_id = $3")
            .bind(i64::from(c.weight))
            .bind(&c.id)
            .bind(&school)
            .execute(&mut *tx)
            .await?;
    }
    let after = rules(&mut tx, &user.gmina_id, &school).await?;
    if after != before {
        let weights = |r: &SchoolRules| -> serde_json::Value {
            r.categories
                .iter()
                .map(|c| (c.category.as_str().to_owned(), json!(c.weight)))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        changed(
            &mut tx,
            &user,
            ("school.rules_set", "school", &school),
            json!({
                "from": { "plus": before.rule.plus, "minus": before.rule.minus, "weights": weights(&before) },
                "to": { "plus": after.rule.plus, "minus": after.rule.minus, "weights": weights(&after) },
            }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(AppJson(after))
}

/// Opens a school year of the school with its terms, on days no other year of it has;
/// with `promote`, the classes of the year before it go up into it.
#[utoipa::path(post, path = "/school/admin/schools/{school}/years", tag = "school",
    params(("school" = String, Path)), request_body = NewYear,
    responses((status = 201, body = YearReport), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub(super) async fn add_year(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(school): Path<String>,
    AppJson(form): AppJson<NewYear>,
) -> Result<(StatusCode, AppJson<YearReport>), ApiError> {
    office(&user)?;
    let mut tx = state.db.begin_write().await?;
    kept_school(&mut tx, &user, &school).await?;
    let name = check_year(&form).map_err(ApiError::Validation)?;
    let (starts, term2, ends) = (
        form.starts_on.trim(),
        form.term2_on.trim(),
        form.ends_on.trim(),
    );
    if starts <= today().to_string().as_str() {
        return Err(ApiError::field("starts_on", FieldError::DateInPast));
    }
    // No two years of a school share a day.
    let overlaps: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM school_years WHERE school_id = $1 AND starts_on <= $2 AND ends_on >= $3 LIMIT 1",
    )
    .bind(&school)
    .bind(ends)
    .bind(starts)
    .fetch_optional(&mut *tx)
    .await?;
    // Two years that share no day start in different calendar years, so the name
    // (`2027/2028`) is new too (and UNIQUE in the table).
    if overlaps.is_some() {
        return Err(ApiError::field("starts_on", FieldError::OverlapsYear));
    }
    let dates = [starts, term2, ends].map(|d| d.parse::<jiff::civil::Date>());
    let [Ok(d1), Ok(d2), Ok(d3)] = dates else {
        return Err(ApiError::field("starts_on", FieldError::InvalidDate));
    };
    let year = structure::add_year(
        &mut tx,
        &user.gmina_id,
        &school,
        &(name.clone(), [d1, d2, d3]),
    )
    .await?;
    let (mut classes, mut pupils, mut graduates) = (0u32, 0u32, 0u32);
    // The year before it, whose classes go up.
    let before: Option<String> = if form.promote {
        sqlx::query_scalar(
            "SELECT id FROM school_years WHERE school_id = $1 AND starts_on < $2 \
             ORDER BY starts_on DESC LIMIT 1",
        )
        .bind(&school)
        .bind(starts)
        .fetch_optional(&mut *tx)
        .await?
    } else {
        None
    };
    if let Some(old) = before {
        let term_ends = year_dates(&mut tx, &year).await?;
        let rows = sqlx::query(
            "SELECT c.id, c.name, c.form_teacher_id, \
             (SELECT COUNT(*) FROM enrolments e WHERE e.class_id = c.id) AS pupils \
             FROM school_classes c WHERE c.year_id = $1 ORDER BY c.level, c.name",
        )
        .bind(&old)
        .fetch_all(&mut *tx)
        .await?;
        for r in rows {
            let count = u32::try_from(r.get::<i64, _>("pupils")).unwrap_or(0);
            let Some(next) = promoted(&r.get::<String, _>("name")) else {
                graduates += count;
                continue;
            };
            let from: String = r.get("id");
            let teacher: Option<String> = r.get("form_teacher_id");
            let class =
                structure::add_class(&mut tx, &user.gmina_id, &year, &next, teacher.as_deref())
                    .await?;
            sqlx::query(
                "INSERT INTO enrolments (gmina_id, class_id, pupil_id, number) \
                 SELECT gmina_id, $1, pupil_id, number FROM enrolments WHERE class_id = $2",
            )
            .bind(&class)
            .bind(&from)
            .execute(&mut *tx)
            .await?;
            let teaching =
                sqlx::query("SELECT subject_id, teacher_id FROM teaching WHERE class_id = $1")
                    .bind(&from)
                    .fetch_all(&mut *tx)
                    .await?;
            for t in teaching {
                let (subject, teacher): (String, String) =
                    (t.get("subject_id"), t.get("teacher_id"));
                structure::assign(
                    &mut tx,
                    &user.gmina_id,
                    (&class, &subject, &teacher),
                    term_ends,
                )
                .await?;
            }
            classes += 1;
            pupils += count;
        }
    }
    changed(
        &mut tx,
        &user,
        ("school_year.added", "school_year", &year),
        json!({
            "name": name, "starts_on": starts, "term2_on": term2, "ends_on": ends,
            "promoted_classes": classes, "promoted_pupils": pupils, "graduates": graduates,
        }),
    )
    .await?;
    let added = years(&mut tx, &school)
        .await?
        .into_iter()
        .find(|y| y.id == year)
        .ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(YearReport {
            year: added,
            classes,
            pupils,
            graduates,
        }),
    ))
}
