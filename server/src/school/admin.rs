//! The school office (sekretariat, role `school_admin`): the classes of the schools it
//! keeps, a class's pupils with their guardians, and the CSV import that enrols pupils
//! and links their parents and guardians — the whole file or nothing, problems named by
//! line. Accounts the import makes get a link to set their password.
//!
//! The file: `uczen;pesel;email_ucznia;opiekun;email_opiekuna`, one row per pupil and
//! guardian (a pupil with two guardians has two rows; a pupil with none, one row with
//! the guardian's columns empty). A pupil is known by PESEL; a guardian by e-mail.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use models::auth::Role;
use models::error::{ErrorBody, FieldError};
use models::pesel::Pesel;
use models::school::admin::{
    AdminClass, AdminGuardian, AdminPupil, ClassRoll, IMPORT_COLUMNS, ImportReport,
};
use models::validate;
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
use crate::auth::db::normalise_email;
use crate::auth::invitations::{NO_PASSWORD, invite};
use crate::db::new_id;
use crate::error::{ApiError, AppJson};
use crate::info::refuse;
use crate::taxes::files::{self, LineError, Problem};
use crate::time_fmt::{now_ms, today};

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(classes))
        .routes(routes!(roll))
        .routes(routes!(import))
        .layer(DefaultBodyLimit::max(2 * 1024 * 1024))
}

/// Rows one import may hold (a large school's year group twice over).
const MAX_ROWS: usize = 2_000;

/// One row of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// Line in the file.
    pub line: usize,
    /// The pupil's name.
    pub pupil: String,
    /// Their PESEL.
    pub pesel: String,
    /// Their e-mail, lower-case, if they log in themselves.
    pub pupil_email: Option<String>,
    /// The guardian's name and e-mail, if the row has one.
    pub guardian: Option<(String, String)>,
}

/// Reads the file: every value checked, repeated rows and a PESEL with two names refused.
pub fn parse(text: &str) -> Result<Vec<ImportRow>, Vec<LineError>> {
    let (columns, records) = files::table(text, &IMPORT_COLUMNS, MAX_ROWS).map_err(|e| vec![e])?;
    let mut rows = vec![];
    let mut errors = vec![];
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut names: HashMap<String, (usize, String, Option<String>)> = HashMap::new();
    for record in &records {
        if record.fields.len() != columns.len() {
            errors.push(LineError::new(
                record.line,
                Problem::FieldCount {
                    expected: columns.len(),
                    found: record.fields.len(),
                },
            ));
            continue;
        }
        let get = |c: &str| columns.get(record, c).trim().to_owned();
        let [pupil, pesel, pupil_email, guardian, guardian_email] = IMPORT_COLUMNS.map(get);
        let invalid = |column: &'static str, e: FieldError| {
            LineError::new(record.line, Problem::Invalid(column, e))
        };
        let checked = (|| {
            validate::full_name(&pupil).map_err(|e| invalid("uczen", e))?;
            Pesel::parse(&pesel).map_err(|_| invalid("pesel", FieldError::InvalidPesel))?;
            if !pupil_email.is_empty() {
                validate::email(&pupil_email).map_err(|e| invalid("email_ucznia", e))?;
            }
            match (guardian.is_empty(), guardian_email.is_empty()) {
                (true, true) => Ok(None),
                (false, true) => Err(invalid("email_opiekuna", FieldError::Required)),
                (true, false) => Err(invalid("opiekun", FieldError::Required)),
                (false, false) => {
                    validate::full_name(&guardian).map_err(|e| invalid("opiekun", e))?;
                    validate::email(&guardian_email).map_err(|e| invalid("email_opiekuna", e))?;
                    Ok(Some((guardian.clone(), normalise_email(&guardian_email))))
                }
            }
        })();
        let guardian = match checked {
            Ok(g) => g,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let pupil_email = (!pupil_email.is_empty()).then(|| normalise_email(&pupil_email));
        let key = (
            pesel.clone(),
            guardian.as_ref().map(|g| g.1.clone()).unwrap_or_default(),
        );
        if let Some(first) = seen.get(&key) {
            errors.push(LineError::new(record.line, Problem::Repeats(*first)));
            continue;
        }
        seen.insert(key, record.line);
        match names.get(&pesel) {
            Some((first, name, _)) if *name != pupil => {
                errors.push(LineError::new(
                    record.line,
                    Problem::Disagrees("uczen", *first),
                ));
                continue;
            }
            Some((first, _, email)) if *email != pupil_email => {
                errors.push(LineError::new(
                    record.line,
                    Problem::Disagrees("email_ucznia", *first),
                ));
                continue;
            }
            Some(_) => {}
            None => {
                names.insert(
                    pesel.clone(),
                    (record.line, pupil.clone(), pupil_email.clone()),
                );
            }
        }
        rows.push(ImportRow {
            line: record.line,
            pupil,
            pesel,
            pupil_email,
            guardian,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// 403 unless the caller keeps a school's records.
fn office(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::SchoolAdmin])
}

const CLASS_COLUMNS: &str = "c.id, c.name, c.year_id, s.name AS school_name, y.name AS year_name, \
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

/// The classes of the caller's schools in school years not over.
#[utoipa::path(get, path = "/school/admin/classes", tag = "school",
    responses((status = 200, body = Vec<AdminClass>), (status = 403, body = ErrorBody)))]
async fn classes(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<AdminClass>>, ApiError> {
    office(&user)?;
    let sql = format!(
        "SELECT {CLASS_COLUMNS} FROM {CLASS_JOINS} WHERE c.gmina_id = $1 AND y.ends_on >= $2 \
         AND y.school_id IN (SELECT school_id FROM school_admins WHERE user_id = $3) \
         ORDER BY s.name, c.level, c.name"
    );
    let rows = sqlx::query(&sql)
        .bind(&user.gmina_id)
        .bind(today().to_string())
        .bind(&user.id)
        .fetch_all(&state.db.pool)
        .await?;
    Ok(AppJson(rows.iter().map(class_from).collect()))
}

/// A class of the caller's schools (and its year), or 404.
async fn kept_class(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    class: &str,
) -> Result<(AdminClass, String), ApiError> {
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
    Ok((class_from(&row), row.get("year_id")))
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
    let (class_row, _) = kept_class(&mut tx, &user, &class).await?;
    let pupils = sqlx::query(
        "SELECT e.number, u.id, u.full_name, u.email FROM enrolments e JOIN users u ON u.id = e.pupil_id \
         WHERE e.class_id = $1 ORDER BY e.number",
    )
    .bind(&class)
    .fetch_all(&mut *tx)
    .await?;
    let guardians = sqlx::query(
        "SELECT l.pupil_id, g.full_name, g.email FROM parent_links l JOIN users g ON g.id = l.parent_id \
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
                number: u32::try_from(r.get::<i64, _>("number")).unwrap_or(0),
                full_name: r.get("full_name"),
                email: if email.ends_with(".invalid") {
                    String::new()
                } else {
                    email
                },
                guardians: guardians
                    .iter()
                    .filter(|g| g.get::<String, _>("pupil_id") == id)
                    .map(|g| AdminGuardian {
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
    tx.commit().await?;
    Ok(AppJson(ClassRoll {
        class: class_row,
        pupils,
    }))
}

/// An account by e-mail: (id, whether it has the role).
async fn account(
    conn: &mut AnyConnection,
    gmina: &str,
    email: &str,
    role: Role,
) -> Result<Option<(String, bool)>, ApiError> {
    let row = sqlx::query(
        "SELECT u.id, (SELECT COUNT(*) FROM user_roles r WHERE r.user_id = u.id AND r.role = $3) AS has \
         FROM users u WHERE u.gmina_id = $1 AND u.email = $2",
    )
    .bind(gmina)
    .bind(email)
    .bind(role.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (r.get("id"), r.get::<i64, _>("has") > 0)))
}

async fn new_account(
    conn: &mut AnyConnection,
    gmina: &str,
    (email, full_name, pesel): (&str, &str, Option<&str>),
    role: Role,
) -> Result<String, ApiError> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO users (id, gmina_id, email, full_name, password_hash, pesel, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(email)
    .bind(full_name)
    .bind(NO_PASSWORD)
    .bind(pesel)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    grant(conn, gmina, &id, role).await?;
    Ok(id)
}

async fn grant(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &str,
    role: Role,
) -> Result<(), ApiError> {
    sqlx::query("INSERT INTO user_roles (gmina_id, user_id, role) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(user)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What the import does to the database, in the caller's transaction; line problems
/// found against what is stored come back as errors (and the caller rolls back).
struct Importer<'a> {
    user: &'a CurrentUser,
    class: &'a str,
    year: &'a str,
    portal: String,
    school_name: String,
    report: ImportReport,
    errors: Vec<LineError>,
    pupils: HashMap<String, String>,
    guardians: HashMap<String, String>,
}

impl Importer<'_> {
    async fn pupil(
        &mut self,
        tx: &mut AnyConnection,
        row: &ImportRow,
    ) -> Result<Option<String>, ApiError> {
        if let Some(id) = self.pupils.get(&row.pesel) {
            return Ok(Some(id.clone()));
        }
        let g = &self.user.gmina_id;
        let by_pesel: Option<String> = sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'pupil' \
             WHERE u.gmina_id = $1 AND u.pesel = $2",
        )
        .bind(g)
        .bind(&row.pesel)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match (by_pesel, &row.pupil_email) {
            (Some(id), _) => id,
            (None, Some(email)) if account(tx, g, email, Role::Pupil).await?.is_some() => {
                self.errors.push(LineError::new(
                    row.line,
                    Problem::Invalid("email_ucznia", FieldError::InvalidChoice),
                ));
                return Ok(None);
            }
            (None, email) => {
                let login = email
                    .clone()
                    .unwrap_or_else(|| format!("uczen-{}@konto.invalid", row.pesel));
                let id =
                    new_account(tx, g, (&login, &row.pupil, Some(&row.pesel)), Role::Pupil).await?;
                self.report.accounts_created += 1;
                if email.is_some() {
                    let why = format!(
                        "{} założył(a) Ci konto ucznia w dzienniku elektronicznym.",
                        self.school_name
                    );
                    invite(tx, g, (&id, &login, &row.pupil), &self.portal, &why).await?;
                }
                id
            }
        };
        let class: Option<String> = sqlx::query_scalar(
            "SELECT e.class_id FROM enrolments e JOIN school_classes c ON c.id = e.class_id \
             WHERE e.pupil_id = $1 AND c.year_id = $2",
        )
        .bind(&id)
        .bind(self.year)
        .fetch_optional(&mut *tx)
        .await?;
        match class {
            Some(c) if c == self.class => {}
            Some(_) => {
                self.errors.push(LineError::new(
                    row.line,
                    Problem::Invalid("pesel", FieldError::InOtherClass),
                ));
                return Ok(None);
            }
            None => {
                let next: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM enrolments WHERE class_id = $1",
                )
                .bind(self.class)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO enrolments (gmina_id, class_id, pupil_id, number) VALUES ($1, $2, $3, $4)",
                )
                .bind(g)
                .bind(self.class)
                .bind(&id)
                .bind(next)
                .execute(&mut *tx)
                .await?;
                self.report.enrolled += 1;
            }
        }
        self.pupils.insert(row.pesel.clone(), id.clone());
        Ok(Some(id))
    }

    async fn guardian(
        &mut self,
        tx: &mut AnyConnection,
        pupil: &str,
        (name, email): (&str, &str),
    ) -> Result<(), ApiError> {
        let g = &self.user.gmina_id;
        let id = match self.guardians.get(email) {
            Some(id) => id.clone(),
            None => {
                let id = match account(tx, g, email, Role::Parent).await? {
                    Some((id, true)) => id,
                    Some((id, false)) => {
                        grant(tx, g, &id, Role::Parent).await?;
                        id
                    }
                    None => {
                        let id = new_account(tx, g, (email, name, None), Role::Parent).await?;
                        self.report.accounts_created += 1;
                        let why = format!(
                            "{} założył(a) Ci konto rodzica w dzienniku elektronicznym: zobaczysz w nim oceny, frekwencję i plan lekcji dziecka.",
                            self.school_name
                        );
                        invite(tx, g, (&id, email, name), &self.portal, &why).await?;
                        id
                    }
                };
                self.guardians.insert(email.to_owned(), id.clone());
                id
            }
        };
        let linked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM parent_links WHERE parent_id = $1 AND pupil_id = $2",
        )
        .bind(&id)
        .bind(pupil)
        .fetch_one(&mut *tx)
        .await?;
        if linked == 0 {
            sqlx::query(
                "INSERT INTO parent_links (gmina_id, parent_id, pupil_id) VALUES ($1, $2, $3)",
            )
            .bind(g)
            .bind(&id)
            .bind(pupil)
            .execute(&mut *tx)
            .await?;
            self.report.links_added += 1;
        }
        Ok(())
    }
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
    let rows = parse(&text).map_err(|e| refuse(&e))?;
    let mut importer = Importer {
        user: &user,
        class: &class,
        year: &year,
        portal: portal(&state),
        school_name: class_row.school_name.clone(),
        report: ImportReport {
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            enrolled: 0,
            accounts_created: 0,
            links_added: 0,
        },
        errors: vec![],
        pupils: HashMap::new(),
        guardians: HashMap::new(),
    };
    for row in &rows {
        let Some(pupil) = importer.pupil(&mut tx, row).await? else {
            continue;
        };
        if let Some((name, email)) = &row.guardian {
            importer.guardian(&mut tx, &pupil, (name, email)).await?;
        }
    }
    if !importer.errors.is_empty() {
        // Nothing of the file is kept: the transaction is dropped unfinished.
        return Err(refuse(&importer.errors));
    }
    let report = importer.report;
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

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "uczen;pesel;email_ucznia;opiekun;email_opiekuna\n";

    #[test]
    fn a_pupil_with_two_guardians_and_one_with_none() {
        let text = format!(
            "{HEADER}Zofia Lis;16270512349;;Marek Lis;Marek.Lis@example.pl\n\
             Zofia Lis;16270512349;;Ewa Lis;ewa.lis@example.pl\n\
             Jan Wróbel;16250711234;jan.w@example.pl;;\n"
        );
        let rows = parse(&text).expect("valid");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0].guardian,
            Some(("Marek Lis".into(), "marek.lis@example.pl".into()))
        );
        assert_eq!(rows[2].guardian, None);
        assert_eq!(rows[2].pupil_email.as_deref(), Some("jan.w@example.pl"));
    }

    #[test]
    fn bad_rows_are_named_by_line_and_nothing_is_read() {
        let cases: [(&str, usize, Problem); 6] = [
            (
                "Zofia Lis;16270512348;;;",
                2,
                Problem::Invalid("pesel", FieldError::InvalidPesel),
            ),
            (
                "Zofia Lis;16270512349;;Marek Lis;",
                2,
                Problem::Invalid("email_opiekuna", FieldError::Required),
            ),
            (
                "Zofia Lis;16270512349;;;marek@example.pl",
                2,
                Problem::Invalid("opiekun", FieldError::Required),
            ),
            (
                "Zofia Lis;16270512349;;Marek Lis;marek@example.pl\nZofia Lis;16270512349;;Marek Lis;MAREK@example.pl",
                3,
                Problem::Repeats(2),
            ),
            (
                "Zofia Lis;16270512349;;;\nZosia Lis;16270512349;;Ewa Lis;ewa@example.pl",
                3,
                Problem::Disagrees("uczen", 2),
            ),
            (
                "Z;16270512349;;;",
                2,
                Problem::Invalid("uczen", FieldError::TooShort),
            ),
        ];
        for (body, line, problem) in cases {
            let errors = parse(&format!("{HEADER}{body}\n")).expect_err(body);
            assert_eq!(errors, vec![LineError::new(line, problem)], "{body}");
        }
        let missing = parse("uczen;pesel\nZofia Lis;16270512349\n").expect_err("columns");
        assert_eq!(
            missing[0].problem,
            Problem::MissingColumn("email_ucznia"),
            "{missing:?}"
        );
    }
}
