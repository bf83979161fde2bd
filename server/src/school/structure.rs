//! The school structure as stored: schools with their + and − rule and weights, school
//! years and their terms, classes, subjects, who teaches what, and enrolments. The
//! demo and the tests build schools through these functions.

use models::school::{Category, ColumnKind};
use sqlx::AnyConnection;

use crate::db::new_id;
use crate::time_fmt::now_ms;

/// The weights a new school starts with (the school's statute may change them).
pub const DEFAULT_WEIGHTS: [(Category, u32); 5] = [
    (Category::Test, 3),
    (Category::Quiz, 2),
    (Category::Homework, 1),
    (Category::Oral, 2),
    (Category::Activity, 1),
];

/// Adds a school with the default rule and weights; returns its id.
pub async fn add_school(
    conn: &mut AnyConnection,
    gmina: &str,
    name: &str,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query("INSERT INTO schools (id, gmina_id, name) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(gmina)
        .bind(name)
        .execute(&mut *conn)
        .await?;
    for (category, weight) in DEFAULT_WEIGHTS {
        sqlx::query(
            "INSERT INTO grade_categories (id, gmina_id, school_id, code, weight) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(&id)
        .bind(category.as_str())
        .bind(i64::from(weight))
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The bell a new school starts with: eight 45-minute lessons from 08:00 with 10-minute
/// breaks and a 20-minute one after the third (the school changes it in its statute).
pub const DEFAULT_BELL: [(&str, &str); 8] = [
    ("08:00", "08:45"),
    ("08:55", "09:40"),
    ("09:50", "10:35"),
    ("10:55", "11:40"),
    ("11:50", "12:35"),
    ("12:45", "13:30"),
    ("13:40", "14:25"),
    ("14:35", "15:20"),
];

/// Gives a school the default bell.
pub async fn add_bell(conn: &mut AnyConnection, gmina: &str, school: &str) -> anyhow::Result<()> {
    for (i, (from, to)) in DEFAULT_BELL.iter().enumerate() {
        sqlx::query(
            "INSERT INTO school_periods (gmina_id, school_id, period, starts, ends) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(gmina)
        .bind(school)
        .bind(i as i64 + 1)
        .bind(*from)
        .bind(*to)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The school year around a day: 1 September to the last Friday of June, term 2 from
/// the first Monday of February (the demo's and the tests' calendar).
pub fn year_around(day: jiff::civil::Date) -> (String, [jiff::civil::Date; 3]) {
    let first = if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    };
    let date = |y, m, d| jiff::civil::date(y, m, d);
    let mut term2 = date(first + 1, 2, 1);
    while term2.weekday() != jiff::civil::Weekday::Monday {
        term2 = term2.tomorrow().expect("a February day");
    }
    let mut end = date(first + 1, 6, 30);
    while end.weekday() != jiff::civil::Weekday::Friday {
        end = end.yesterday().expect("a June day");
    }
    (
        format!("{first}/{}", first + 1),
        [date(first, 9, 1), term2, end],
    )
}

/// SQL: the school year `y` is the one in force at its school on the day bound as
/// `$day` — the first of the school's years not over (the current one, else the next).
/// A next year the office has opened stays out of the present until it begins.
pub fn in_force(day: u8) -> String {
    format!(
        "y.starts_on = (SELECT MIN(f.starts_on) FROM school_years f \
         WHERE f.school_id = y.school_id AND f.ends_on >= ${day})"
    )
}

/// Adds a school year; returns its id.
pub async fn add_year(
    conn: &mut AnyConnection,
    gmina: &str,
    school: &str,
    (name, [starts, term2, ends]): &(String, [jiff::civil::Date; 3]),
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO school_years (id, gmina_id, school_id, name, starts_on, term2_on, ends_on) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(school)
    .bind(name)
    .bind(starts.to_string())
    .bind(term2.to_string())
    .bind(ends.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Adds a class with its form teacher (its year group is the name's number); returns its id.
pub async fn add_class(
    conn: &mut AnyConnection,
    gmina: &str,
    year: &str,
    name: &str,
    form_teacher: Option<&str>,
) -> anyhow::Result<String> {
    let id = new_id();
    let level: i64 = name
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    sqlx::query(
        "INSERT INTO school_classes (id, gmina_id, year_id, name, level, form_teacher_id) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(year)
    .bind(name)
    .bind(level)
    .bind(form_teacher)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Adds a subject in the school's order; returns its id.
pub async fn add_subject(
    conn: &mut AnyConnection,
    gmina: &str,
    school: &str,
    name: &str,
    position: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO subjects (id, gmina_id, school_id, name, position) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(school)
    .bind(name)
    .bind(position)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Assigns a teacher to a class × subject, with the proposed and final grade columns of
/// both terms (`on_date` of each is its term's end, set by the caller's year).
pub async fn assign(
    conn: &mut AnyConnection,
    gmina: &str,
    (class, subject, teacher): (&str, &str, &str),
    term_ends: [jiff::civil::Date; 2],
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO teaching (gmina_id, class_id, subject_id, teacher_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(gmina)
    .bind(class)
    .bind(subject)
    .bind(teacher)
    .execute(&mut *conn)
    .await?;
    for (term, end) in [(1i64, term_ends[0]), (2, term_ends[1])] {
        for kind in [ColumnKind::Proposed, ColumnKind::Final] {
            sqlx::query(
                "INSERT INTO grade_columns (id, gmina_id, class_id, subject_id, term, kind, category_id, \
                 title, on_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, '', $7, $8, $9)",
            )
            .bind(new_id())
            .bind(gmina)
            .bind(class)
            .bind(subject)
            .bind(term)
            .bind(kind.as_str())
            .bind(end.to_string())
            .bind(teacher)
            .bind(now_ms())
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Enrols pupils in a class, numbered in the given order from 1.
pub async fn enrol(
    conn: &mut AnyConnection,
    gmina: &str,
    class: &str,
    pupils: &[String],
) -> anyhow::Result<()> {
    for (c, chunk) in pupils.chunks(200).enumerate() {
        let sql = format!(
            "INSERT INTO enrolments (gmina_id, class_id, pupil_id, number) VALUES {}",
            crate::db::values_placeholders(chunk.len(), 4)
        );
        let mut q = sqlx::query(&sql);
        for (i, pupil) in chunk.iter().enumerate() {
            q = q
                .bind(gmina)
                .bind(class)
                .bind(pupil)
                .bind((c * 200 + i) as i64 + 1);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}
