//! The teacher's grid: the pupils of a class down, the columns of a subject and term
//! across. A teacher opens and fills only a class × subject they teach; every saved
//! cell is a new version in `grade_changes`, so nothing a parent saw is ever lost.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, FieldError};
use models::school::messages::MailKind;
use models::school::{
    ClassRef, ColumnEntries, ColumnKind, ColumnSaved, GradeGrid, GridColumn, GridRow, MAX_TITLE,
    Mark, NewColumn, check_entries, weighted_average,
};
use serde::Deserialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::access::log_looks;
use super::grades::{categories, weight_of};
use super::notify::{families, mail_to};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(grid))
        .routes(routes!(add_column))
        .routes(routes!(save_column))
}

/// Which term.
#[derive(Debug, Deserialize, IntoParams)]
pub struct TermQuery {
    /// 1 or 2; the current term when left out.
    term: Option<u8>,
}

/// A class × subject the caller teaches: its school, year dates and names.
pub(super) struct Taught {
    pub(super) class: ClassRef,
    pub(super) subject_name: String,
    school_id: String,
    /// The year group, 1–8.
    level: u8,
    /// Whether the subject's term grades are marks in classes 1–3 too.
    on_scale: bool,
    /// Term 1, term 2, the end.
    pub(super) dates: [String; 3],
}

pub(super) async fn taught(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    class: &str,
    subject: &str,
) -> Result<Taught, ApiError> {
    let row = sqlx::query(
        "SELECT c.name AS class_name, c.level, s.name AS subject_name, s.scale_in_early, y.school_id, \
         y.starts_on, y.term2_on, y.ends_on \
         FROM teaching t JOIN school_classes c ON c.id = t.class_id JOIN subjects s ON s.id = t.subject_id \
         JOIN school_years y ON y.id = c.year_id \
         WHERE t.gmina_id = $1 AND t.class_id = $2 AND t.subject_id = $3 AND t.teacher_id = $4",
    )
    .bind(&user.gmina_id)
    .bind(class)
    .bind(subject)
    .bind(&user.id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(ApiError::not_found)?;
    Ok(Taught {
        class: ClassRef {
            id: class.to_owned(),
            name: row.get("class_name"),
        },
        subject_name: row.get("subject_name"),
        school_id: row.get("school_id"),
        level: u8::try_from(row.get::<i64, _>("level")).unwrap_or(1),
        on_scale: row.get::<i64, _>("scale_in_early") == 1,
        dates: [
            row.get("starts_on"),
            row.get("term2_on"),
            row.get("ends_on"),
        ],
    })
}

fn term_or_current(term: Option<u8>, dates: &[String; 3]) -> Result<u8, ApiError> {
    match term {
        None => Ok(if today().to_string() < dates[1] { 1 } else { 2 }),
        Some(t @ (1 | 2)) => Ok(t),
        Some(_) => Err(ApiError::field("term", FieldError::InvalidChoice)),
    }
}

/// The grid of a class × subject and term: pupils by number, columns by date with the
/// proposed and final grade last, each row's average.
#[utoipa::path(get, path = "/school/classes/{class}/subjects/{subject}/grid", tag = "school",
    params(("class" = String, Path), ("subject" = String, Path), TermQuery),
    responses((status = 200, body = GradeGrid), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn grid(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((class, subject)): Path<(String, String)>,
    Query(query): Query<TermQuery>,
) -> Result<AppJson<GradeGrid>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let t = taught(&mut tx, &user, &class, &subject).await?;
    let term = term_or_current(query.term, &t.dates)?;
    let g = &user.gmina_id;
    let categories = categories(&mut tx, g, &t.school_id).await?;
    let columns: Vec<GridColumn> = sqlx::query(
        "SELECT id, kind, category_id, title, on_date FROM grade_columns \
         WHERE gmina_id = $1 AND class_id = $2 AND subject_id = $3 AND term = $4 \
         ORDER BY CASE kind WHEN 'regular' THEN 0 WHEN 'proposed' THEN 1 ELSE 2 END, on_date, created_at",
    )
    .bind(g)
    .bind(&class)
    .bind(&subject)
    .bind(i64::from(term))
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| {
        let kind = ColumnKind::parse(&r.get::<String, _>("kind")).unwrap_or(ColumnKind::Regular);
        let category_id: Option<String> = r.get("category_id");
        let category = categories.iter().find(|c| Some(&c.id) == category_id.as_ref());
        GridColumn {
            id: r.get("id"),
            kind,
            category: category.map(|c| c.category),
            weight: weight_of(kind, category),
            title: r.get("title"),
            on_date: r.get("on_date"),
            descriptive: kind.descriptive_at(t.level, t.on_scale),
        }
    })
    .collect();
    let cells: HashMap<(String, String), (String, String)> = sqlx::query(
        "SELECT g.column_id, g.pupil_id, g.mark, g.comment FROM grades g JOIN grade_columns c ON c.id = g.column_id \
         WHERE g.gmina_id = $1 AND c.class_id = $2 AND c.subject_id = $3 AND c.term = $4 AND g.mark IS NOT NULL",
    )
    .bind(g)
    .bind(&class)
    .bind(&subject)
    .bind(i64::from(term))
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| {
        (
            (r.get("pupil_id"), r.get("column_id")),
            (r.get("mark"), r.get("comment")),
        )
    })
    .collect();
    let rule = rule_of(&mut tx, &t.school_id).await?;
    let rows: Vec<GridRow> = pupils(&mut tx, g, &class)
        .await?
        .into_iter()
        .map(|(pupil_id, number, full_name)| {
            let (row, comments): (Vec<Option<String>>, Vec<String>) = columns
                .iter()
                .map(|c| match cells.get(&(pupil_id.clone(), c.id.clone())) {
                    Some((mark, comment)) => (Some(mark.clone()), comment.clone()),
                    None => (None, String::new()),
                })
                .unzip();
            let average = weighted_average(
                row.iter()
                    .zip(&columns)
                    .filter_map(|(m, c)| Some((Mark::parse(m.as_deref()?).ok()?, c.weight))),
                rule,
            );
            GridRow {
                pupil_id,
                number,
                full_name,
                cells: row,
                comments,
                average,
            }
        })
        .collect();
    let ids: Vec<String> = rows.iter().map(|r| r.pupil_id.clone()).collect();
    log_looks(&mut tx, &user, &ids, "grid").await?;
    tx.commit().await?;
    Ok(AppJson(GradeGrid {
        class: t.class,
        subject_id: subject,
        subject_name: t.subject_name,
        term,
        categories,
        columns,
        rows,
    }))
}

async fn rule_of(
    conn: &mut AnyConnection,
    school: &str,
) -> Result<models::school::PlusMinusRule, ApiError> {
    let r = sqlx::query("SELECT plus_hundredths, minus_hundredths FROM schools WHERE id = $1")
        .bind(school)
        .fetch_one(&mut *conn)
        .await?;
    Ok(models::school::PlusMinusRule {
        plus: u32::try_from(r.get::<i64, _>("plus_hundredths")).unwrap_or(0),
        minus: u32::try_from(r.get::<i64, _>("minus_hundredths")).unwrap_or(0),
    })
}

/// The class's pupils: id, number, name, by number.
async fn pupils(
    conn: &mut AnyConnection,
    gmina: &str,
    class: &str,
) -> Result<Vec<(String, u32, String)>, ApiError> {
    Ok(sqlx::query(
        "SELECT e.pupil_id, e.number, u.full_name FROM enrolments e JOIN users u ON u.id = e.pupil_id \
         WHERE e.gmina_id = $1 AND e.class_id = $2 ORDER BY e.number",
    )
    .bind(gmina)
    .bind(class)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        (
            r.get("pupil_id"),
            u32::try_from(r.get::<i64, _>("number")).unwrap_or(0),
            r.get("full_name"),
        )
    })
    .collect())
}

/// A new column of graded work in the term, dated within it.
#[utoipa::path(post, path = "/school/classes/{class}/subjects/{subject}/columns", tag = "school",
    params(("class" = String, Path), ("subject" = String, Path)), request_body = NewColumn,
    responses((status = 201, body = GridColumn), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_column(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((class, subject)): Path<(String, String)>,
    AppJson(form): AppJson<NewColumn>,
) -> Result<(StatusCode, AppJson<GridColumn>), ApiError> {
    let mut tx = state.db.begin_write().await?;
    let t = taught(&mut tx, &user, &class, &subject).await?;
    let categories = categories(&mut tx, &user.gmina_id, &t.school_id).await?;
    let mut problems = models::validate::FieldErrors::new();
    let title = form.title.trim();
    if title.is_empty() {
        problems.insert("title".into(), FieldError::Required);
    } else if title.chars().count() > MAX_TITLE {
        problems.insert("title".into(), FieldError::TooLong);
    }
    let category = categories.iter().find(|c| c.id == form.category_id);
    if category.is_none() {
        problems.insert("category_id".into(), FieldError::InvalidChoice);
    }
    let within = |d: &str| match form.term {
        1 => t.dates[0].as_str() <= d && d < t.dates[1].as_str(),
        2 => t.dates[1].as_str() <= d && d <= t.dates[2].as_str(),
        _ => false,
    };
    if !matches!(form.term, 1 | 2) {
        problems.insert("term".into(), FieldError::InvalidChoice);
    } else if form.on_date.parse::<jiff::civil::Date>().is_err() {
        problems.insert("on_date".into(), FieldError::InvalidDate);
    } else if !within(&form.on_date) {
        problems.insert("on_date".into(), FieldError::OutsideTerm);
    }
    let Some(category) = category.filter(|_| problems.is_empty()) else {
        return Err(ApiError::Validation(problems));
    };
    let id = new_id();
    sqlx::query(
        "INSERT INTO grade_columns (id, gmina_id, class_id, subject_id, term, kind, category_id, title, \
         on_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, 'regular', $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(&user.gmina_id)
    .bind(&class)
    .bind(&subject)
    .bind(i64::from(form.term))
    .bind(&category.id)
    .bind(title)
    .bind(&form.on_date)
    .bind(&user.id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(GridColumn {
            id,
            kind: ColumnKind::Regular,
            category: Some(category.category),
            weight: category.weight,
            title: title.to_owned(),
            on_date: form.on_date,
            descriptive: false,
        }),
    ))
}

/// Saves cells of one column, all or nothing: an empty mark removes the grade (the
/// history keeps it), an unchanged cell is left alone. Marks are checked against the
/// column's kind; pupils must be in the class.
#[utoipa::path(put, path = "/school/columns/{column}/grades", tag = "school",
    params(("column" = String, Path)), request_body = ColumnEntries,
    responses((status = 200, body = ColumnSaved), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn save_column(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(column): Path<String>,
    AppJson(form): AppJson<ColumnEntries>,
) -> Result<AppJson<ColumnSaved>, ApiError> {
    let mut tx = state.db.begin_write().await?;
    let g = &user.gmina_id;
    let col = sqlx::query(
        "SELECT c.kind, c.class_id, c.title, k.level, s.name AS subject_name, s.scale_in_early FROM grade_columns c JOIN teaching t \
         ON t.class_id = c.class_id AND t.subject_id = c.subject_id JOIN subjects s ON s.id = c.subject_id \
         JOIN school_classes k ON k.id = c.class_id \
         WHERE c.gmina_id = $1 AND c.id = $2 AND t.teacher_id = $3",
    )
    .bind(g)
    .bind(&column)
    .bind(&user.id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(ApiError::not_found)?;
    let kind = ColumnKind::parse(&col.get::<String, _>("kind")).unwrap_or(ColumnKind::Regular);
    let class: String = col.get("class_id");
    let descriptive = kind.descriptive_at(
        u8::try_from(col.get::<i64, _>("level")).unwrap_or(1),
        col.get::<i64, _>("scale_in_early") == 1,
    );
    let mut problems = check_entries(kind, descriptive, &form);
    let in_class: std::collections::HashSet<String> = pupils(&mut tx, g, &class)
        .await?
        .into_iter()
        .map(|p| p.0)
        .collect();
    for (i, e) in form.entries.iter().enumerate() {
        if !in_class.contains(&e.pupil_id) {
            problems.insert(format!("entries.{i}.pupil_id"), FieldError::InvalidChoice);
        }
    }
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let mut changed = 0u32;
    let mut graded = vec![];
    for e in &form.entries {
        let mark = (!e.mark.trim().is_empty())
            .then(|| kind.cell_text(descriptive, &e.mark))
            .transpose()
            .map_err(|err| ApiError::field("mark", err))?;
        let given = mark.is_some();
        if set_cell(&mut tx, &user, &column, &e.pupil_id, mark, e.comment.trim()).await? {
            changed += 1;
            if given {
                graded.push(e.pupil_id.clone());
            }
        }
    }
    let subject: String = col.get("subject_name");
    let title: String = col.get("title");
    // One e-mail per person: a parent of two graded pupils gets one.
    let people = families(&mut tx, g, &graded).await?;
    mail_to(
        &mut tx,
        g,
        &people,
        MailKind::Grade,
        &format!("Dziennik: nowa ocena — {subject}"),
        &format!("W dzienniku jest nowa lub zmieniona ocena z przedmiotu {subject} ({title})."),
    )
    .await?;
    audit::append(
        &mut tx,
        g,
        Entry {
            actor: Some(&user.id),
            action: "grades.saved",
            object_type: "grade_column",
            object_id: &column,
            detail: json!({ "changed": changed }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(AppJson(ColumnSaved { changed }))
}

/// Sets one cell; returns whether it changed (and so got a new version).
async fn set_cell(
    tx: &mut AnyConnection,
    user: &CurrentUser,
    column: &str,
    pupil: &str,
    mark: Option<String>,
    comment: &str,
) -> Result<bool, ApiError> {
    let g = &user.gmina_id;
    let existing = sqlx::query(
        "SELECT id, mark, comment, revision FROM grades WHERE gmina_id = $1 AND column_id = $2 AND pupil_id = $3",
    )
    .bind(g)
    .bind(column)
    .bind(pupil)
    .fetch_optional(&mut *tx)
    .await?;
    let now = now_ms();
    let (id, revision) = match existing {
        None if mark.is_none() => return Ok(false),
        None => {
            let id = new_id();
            sqlx::query(
                "INSERT INTO grades (id, gmina_id, column_id, pupil_id, mark, comment, revision, changed_by, changed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)",
            )
            .bind(&id)
            .bind(g)
            .bind(column)
            .bind(pupil)
            .bind(&mark)
            .bind(comment)
            .bind(&user.id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            (id, 1i64)
        }
        Some(r) => {
            let (old_mark, old_comment): (Option<String>, String) =
                (r.get("mark"), r.get("comment"));
            if old_mark == mark && (old_comment == comment || mark.is_none()) {
                return Ok(false);
            }
            let id: String = r.get("id");
            let revision = r.get::<i64, _>("revision") + 1;
            sqlx::query(
                "UPDATE grades SET mark = $1, comment = $2, revision = $3, changed_by = $4, changed_at = $5 WHERE id = $6",
            )
            .bind(&mark)
            .bind(comment)
            .bind(revision)
            .bind(&user.id)
            .bind(now)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            (id, revision)
        }
    };
    sqlx::query(
        "INSERT INTO grade_changes (grade_id, gmina_id, pupil_id, revision, mark, comment, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(g)
    .bind(pupil)
    .bind(revision)
    .bind(&mark)
    .bind(comment)
    .bind(&user.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}
