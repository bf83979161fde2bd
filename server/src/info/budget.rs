//! The budget: reading a year's plan and execution from CSV (all or nothing, problems
//! named by line), storing it, publishing it as the `budget-YYYY` dataset, and the
//! public tree. Columns and rules: docs/PUBLIC_INFO.md.

use std::collections::{BTreeMap, HashMap};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use models::error::{ErrorBody, FieldError};
use models::info::budget::{
    Budget, BudgetImport, BudgetLine, BudgetYear, FIRST_YEAR, LAST_YEAR, Side, is_code, tree,
};
use models::info::budget_dataset;
use models::taxes::office::parse_zloty;
use serde::Deserialize;
use serde_json::json;
use sqlx::{AnyConnection, Row};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::opendata::{self, Files, csv_line};
use crate::AppState;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::db::values_placeholders;
use crate::error::{ApiError, AppJson};
use crate::taxes::files::{self, Columns, LineError, Problem, Record};
use crate::tenancy::Tenant;
use crate::time_fmt::now_ms;

/// The columns, in the documented order.
pub const COLUMNS: [&str; 8] = [
    "rodzaj",
    "dzial",
    "rozdzial",
    "paragraf",
    "nazwa",
    "plan",
    "zmiany",
    "wykonanie",
];

/// The most rows one file may have.
pub const MAX_ROWS: usize = 20_000;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(years))
        .routes(routes!(one_year))
        .routes(routes!(import))
        .layer(DefaultBodyLimit::max(8 * 1024 * 1024))
}

/// A year read from a file.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Names of działy and rozdziały, by code.
    pub names: BTreeMap<String, String>,
    /// The paragraphs.
    pub lines: Vec<BudgetLine>,
}

/// Reads the file; any problem refuses it whole.
pub fn parse(text: &str) -> Result<Parsed, Vec<LineError>> {
    let (columns, rows) = files::table(text, &COLUMNS, MAX_ROWS).map_err(|e| vec![e])?;
    let mut parsed = Parsed::default();
    let mut errors = Vec::new();
    let mut name_lines: HashMap<String, usize> = HashMap::new();
    let mut line_keys: HashMap<(Side, String, String), usize> = HashMap::new();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for row in &rows {
        if row.fields.len() != columns.len() {
            let found = row.fields.len();
            errors.push(LineError::new(
                row.line,
                Problem::FieldCount {
                    expected: columns.len(),
                    found,
                },
            ));
            continue;
        }
        match read_row(&columns, row) {
            Err(problem) => errors.push(LineError::new(row.line, problem)),
            Ok(Read::Name(code, name)) => match name_lines.get(&code) {
                Some(&first) => errors.push(LineError::new(row.line, Problem::Repeats(first))),
                None => {
                    name_lines.insert(code.clone(), row.line);
                    parsed.names.insert(code, name);
                }
            },
            Ok(Read::Line(line)) => {
                let key = (line.side, line.rozdzial.clone(), line.paragraf.clone());
                if let Some(&first) = line_keys.get(&key) {
                    errors.push(LineError::new(row.line, Problem::Repeats(first)));
                    continue;
                }
                line_keys.insert(key, row.line);
                used.entry(line.dzial.clone()).or_insert(row.line);
                used.entry(line.rozdzial.clone()).or_insert(row.line);
                parsed.lines.push(line);
            }
        }
    }
    for (code, line) in used {
        if !parsed.names.contains_key(&code) {
            errors.push(LineError::new(line, Problem::Unnamed(code)));
        }
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

enum Read {
    Name(String, String),
    Line(BudgetLine),
}

fn read_row(columns: &Columns, row: &Record) -> Result<Read, Problem> {
    let get = |c: &str| columns.get(row, c);
    let invalid = |c: &'static str, e: FieldError| Problem::Invalid(c, e);
    let dzial = get("dzial");
    if !is_code(dzial, 3) {
        return Err(invalid("dzial", FieldError::InvalidChoice));
    }
    let rozdzial = get("rozdzial");
    let rozdzial_ok = rozdzial.is_empty() || (is_code(rozdzial, 5) && rozdzial.starts_with(dzial));
    if !rozdzial_ok {
        return Err(invalid("rozdzial", FieldError::InvalidChoice));
    }
    let name = get("nazwa");
    if name.is_empty() {
        return Err(invalid("nazwa", FieldError::Required));
    }
    if name.chars().count() > 300 {
        return Err(invalid("nazwa", FieldError::TooLong));
    }
    let paragraf = get("paragraf");
    if paragraf.is_empty() {
        for column in ["plan", "zmiany", "wykonanie"] {
            if !get(column).is_empty() {
                return Err(invalid(column, FieldError::UnknownField));
            }
        }
        let code = if rozdzial.is_empty() { dzial } else { rozdzial };
        return Ok(Read::Name(code.to_owned(), name.to_owned()));
    }
    if rozdzial.is_empty() {
        return Err(invalid("rozdzial", FieldError::Required));
    }
    if !is_code(paragraf, 4) {
        return Err(invalid("paragraf", FieldError::InvalidChoice));
    }
    let side = Side::parse(get("rodzaj")).ok_or(invalid("rodzaj", FieldError::InvalidChoice))?;
    let amount = |c: &'static str, empty_is_zero: bool| match get(c) {
        "" if empty_is_zero => Ok(0),
        "" => Err(invalid(c, FieldError::Required)),
        v => parse_zloty(v).ok_or(invalid(c, FieldError::InvalidAmount)),
    };
    Ok(Read::Line(BudgetLine {
        side,
        dzial: dzial.to_owned(),
        rozdzial: rozdzial.to_owned(),
        paragraf: paragraf.to_owned(),
        name: name.to_owned(),
        plan: amount("plan", false)?,
        changes: amount("zmiany", true)?,
        executed: amount("wykonanie", false)?,
    }))
}

/// złoty with a comma, as the import reads them.
fn zloty(grosze: i64) -> String {
    let sign = if grosze < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", grosze.abs() / 100, grosze.abs() % 100)
}

/// The dataset files: the CSV in the import format (so it can be imported again).
fn dataset_files(
    gmina: &str,
    year: i32,
    as_of: &str,
    parsed: &Parsed,
    version: i64,
    at: i64,
) -> Files {
    let mut csv = csv_line(COLUMNS);
    for (code, name) in &parsed.names {
        let (dzial, rozdzial) = if code.len() == 3 {
            (code.as_str(), "")
        } else {
            (&code[..3], code.as_str())
        };
        csv.push_str(&csv_line(["", dzial, rozdzial, "", name, "", "", ""]));
    }
    let mut lines: Vec<&BudgetLine> = parsed.lines.iter().collect();
    lines.sort_by(|a, b| {
        (a.side, &a.rozdzial, &a.paragraf).cmp(&(b.side, &b.rozdzial, &b.paragraf))
    });
    let word = |s: Side| {
        if s == Side::Income {
            "dochody"
        } else {
            "wydatki"
        }
    };
    for l in &lines {
        csv.push_str(&csv_line([
            word(l.side),
            &l.dzial,
            &l.rozdzial,
            &l.paragraf,
            &l.name,
            &zloty(l.plan),
            &zloty(l.changes),
            &zloty(l.executed),
        ]));
    }
    let records = json!({
        "year": year,
        "as_of": as_of,
        "amounts_in": "grosze",
        "names": parsed.names,
        "lines": lines,
    });
    let dataset = budget_dataset(year);
    Files {
        rows: lines.len() as i64,
        csv,
        json: opendata::envelope(gmina, &dataset, version, at, records),
    }
}

/// Replaces a year's budget with `parsed` and publishes it, inside the transaction.
pub async fn store(
    tx: &mut AnyConnection,
    key: &crate::receipts::keys::OfficeKey,
    gmina: &str,
    year: i32,
    as_of: &str,
    parsed: &Parsed,
) -> anyhow::Result<i64> {
    for table in ["budget_lines", "budget_names"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE gmina_id = $1 AND year = $2"
        ))
        .bind(gmina)
        .bind(year)
        .execute(&mut *tx)
        .await?;
    }
    for (code, name) in &parsed.names {
        sqlx::query(
            "INSERT INTO budget_names (gmina_id, year, code, name) VALUES ($1, $2, $3, $4)",
        )
        .bind(gmina)
        .bind(year)
        .bind(code)
        .bind(name)
        .execute(&mut *tx)
        .await?;
    }
    for chunk in parsed.lines.chunks(100) {
        let placeholders = values_placeholders(chunk.len(), 10);
        let sql = format!(
            "INSERT INTO budget_lines (gmina_id, year, side, dzial, rozdzial, paragraf, name, plan, changes, executed) VALUES {}",
            placeholders
        );
        let mut query = sqlx::query(&sql);
        for l in chunk {
            query = query
                .bind(gmina)
                .bind(year)
                .bind(l.side.as_str())
                .bind(&l.dzial)
                .bind(&l.rozdzial)
                .bind(&l.paragraf)
                .bind(&l.name)
                .bind(l.plan)
                .bind(l.changes)
                .bind(l.executed);
        }
        query.execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO budget_years (gmina_id, year, as_of) VALUES ($1, $2, $3) \
         ON CONFLICT (gmina_id, year) DO UPDATE SET as_of = excluded.as_of",
    )
    .bind(gmina)
    .bind(year)
    .bind(as_of)
    .execute(&mut *tx)
    .await?;
    let dataset = budget_dataset(year);
    let at = now_ms();
    let published = opendata::publish(tx, key, gmina, &dataset, at, |v| {
        dataset_files(gmina, year, as_of, parsed, v, at)
    })
    .await?;
    Ok(published.version)
}

/// The years with a published budget, newest first.
#[utoipa::path(get, path = "/info/budget", tag = "public-info",
    responses((status = 200, body = Vec<BudgetYear>)))]
async fn years(
    State(state): State<AppState>,
    tenant: Tenant,
) -> Result<AppJson<Vec<BudgetYear>>, ApiError> {
    let rows =
        sqlx::query("SELECT year, as_of FROM budget_years WHERE gmina_id = $1 ORDER BY year DESC")
            .bind(&tenant.id)
            .fetch_all(&state.db.pool)
            .await?;
    Ok(AppJson(
        rows.iter()
            .map(|r| BudgetYear {
                year: r.get::<i32, _>("year"),
                as_of: r.get("as_of"),
            })
            .collect(),
    ))
}

/// A year's budget as a tree: dział → rozdział → paragraf, with sums.
#[utoipa::path(get, path = "/info/budget/{year}", tag = "public-info",
    params(("year" = i32, Path)),
    responses((status = 200, body = Budget), (status = 404, body = ErrorBody)))]
async fn one_year(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(year): Path<i32>,
) -> Result<AppJson<Budget>, ApiError> {
    let pool = &state.db.pool;
    let as_of: String =
        sqlx::query_scalar("SELECT as_of FROM budget_years WHERE gmina_id = $1 AND year = $2")
            .bind(&tenant.id)
            .bind(year)
            .fetch_optional(pool)
            .await?
            .ok_or_else(ApiError::not_found)?;
    let names: HashMap<String, String> =
        sqlx::query("SELECT code, name FROM budget_names WHERE gmina_id = $1 AND year = $2")
            .bind(&tenant.id)
            .bind(year)
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| (r.get("code"), r.get("name")))
            .collect();
    let rows = sqlx::query(
        "SELECT side, dzial, rozdzial, paragraf, name, plan, changes, executed FROM budget_lines \
         WHERE gmina_id = $1 AND year = $2",
    )
    .bind(&tenant.id)
    .bind(year)
    .fetch_all(pool)
    .await?;
    let lines = rows
        .iter()
        .map(|r| {
            let side: String = r.get("side");
            Ok(BudgetLine {
                side: Side::parse(&side).ok_or_else(|| anyhow::anyhow!("stored side {side}"))?,
                dzial: r.get("dzial"),
                rozdzial: r.get("rozdzial"),
                paragraf: r.get("paragraf"),
                name: r.get("name"),
                plan: r.get("plan"),
                changes: r.get("changes"),
                executed: r.get("executed"),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let version: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(version) FROM dataset_versions WHERE gmina_id = $1 AND dataset = $2",
    )
    .bind(&tenant.id)
    .bind(budget_dataset(year))
    .fetch_one(pool)
    .await?;
    let name = |code: &str| names.get(code).cloned().unwrap_or_default();
    Ok(AppJson(Budget {
        year,
        as_of,
        version: version.unwrap_or(0),
        income: tree(&lines, Side::Income, name),
        spending: tree(&lines, Side::Spending, name),
    }))
}

/// The day the execution is reported to.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AsOf {
    /// `YYYY-MM-DD`, within the year (or after it, for a closed year).
    as_of: String,
}

/// Imports a year's budget from CSV, replacing what the year had, and publishes it.
#[utoipa::path(put, path = "/office/info/budget/{year}", tag = "public-info-office",
    params(("year" = i32, Path), AsOf),
    request_body(content = String, content_type = "text/csv", description = "Budget CSV"),
    responses((status = 201, body = BudgetImport), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(year): Path<i32>,
    Query(query): Query<AsOf>,
    body: Bytes,
) -> Result<(StatusCode, AppJson<BudgetImport>), ApiError> {
    super::publisher(&user)?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(ApiError::field("year", FieldError::InvalidChoice));
    }
    let as_of = models::info::registers::parse_date(&query.as_of)
        .filter(|d| {
            d.get(..4)
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| y >= year)
        })
        .ok_or_else(|| ApiError::field("as_of", FieldError::InvalidDate))?;
    let text = files::decode(&body).map_err(|e| super::refuse(&[e]))?;
    let parsed = parse(&text).map_err(|e| super::refuse(&e))?;
    let key = opendata::signing_key(&state, &user.gmina_id).await?;
    let mut tx = state.db.begin_write().await?;
    let version = store(&mut tx, &key, &user.gmina_id, year, &as_of, &parsed).await?;
    audit::append(
        &mut tx,
        &user.gmina_id,
        Entry {
            actor: Some(&user.id),
            action: "budget.imported",
            object_type: "budget",
            object_id: &year.to_string(),
            detail: json!({"lines": parsed.lines.len(), "version": version}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        AppJson(BudgetImport {
            year,
            lines: parsed.lines.len() as i64,
            version,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "rodzaj;dzial;rozdzial;paragraf;nazwa;plan;zmiany;wykonanie\n";

    #[test]
    fn a_good_file_and_a_bad_one() {
        let good = format!(
            "{HEAD};801;;;Oświata i wychowanie;;;\n;801;80101;;Szkoły podstawowe;;;\n\
             wydatki;801;80101;4010;Wynagrodzenia;1000000,00;-500;990000,5\n"
        );
        let parsed = parse(&good).expect("good");
        assert_eq!(parsed.lines[0].changes, -50_000);
        assert_eq!(parsed.lines[0].executed, 99_000_050);
        assert_eq!(parsed.names.len(), 2);
        let bad = format!(
            "{HEAD};801;;;Oświata;;;\nwydatki;801;80101;4010;W;1;;1\nwydatki;801;80101;4010;W;1;;1\n\
             zyski;801;80101;4020;W;1;;1\nwydatki;801;75023;4030;W;1;;1\nwydatki;801;80101;4040;W;dużo;;1\n\
             ;801;80101;;Szkoły;5;;\n"
        );
        let errors = parse(&bad).expect_err("bad");
        let described: Vec<String> = errors
            .iter()
            .map(|e| e.describe(models::lang::Lang::En))
            .collect();
        assert_eq!(
            described,
            [
                "line 3: no row names the dział or rozdział 80101",
                "line 4: repeats line 3",
                "line 5: column \"rodzaj\": Choose one of the available options.",
                "line 6: column \"rozdzial\": Choose one of the available options.",
                "line 7: column \"plan\": Enter an amount in złoty, e.g. 1234.56.",
                "line 8: column \"plan\": The form has no such field.",
            ]
        );
    }
}
