//! What an import does to the database, in the caller's transaction: pupils enrolled,
//! accounts made (with their links to set a password), guardians linked; problems found
//! against what is stored (a pupil of another class, a pupil e-mail of someone else) come
//! back as line errors and the caller rolls back.

use std::collections::HashMap;

use models::auth::Role;
use models::error::FieldError;
use models::school::admin::ImportReport;
use sqlx::{AnyConnection, Row};

use super::file::ImportRow;
use crate::auth::CurrentUser;
use crate::auth::db::{NewUser, grant_role, insert_user_in, link_parent};
use crate::auth::invitations::{NO_LOGIN_DOMAIN, NO_PASSWORD, invite};
use crate::error::ApiError;
use crate::taxes::files::{LineError, Problem};

/// Applies the rows to a class of a school year; line errors leave the transaction to be
/// rolled back.
pub async fn apply(
    tx: &mut AnyConnection,
    user: &CurrentUser,
    (class, year): (&str, &str),
    (school_name, portal): (&str, String),
    rows: &[ImportRow],
) -> Result<Result<ImportReport, Vec<LineError>>, ApiError> {
    let mut importer = Importer {
        user,
        class,
        year,
        portal,
        school_name: school_name.to_owned(),
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
    for row in rows {
        let Some(pupil) = importer.pupil(tx, row).await? else {
            continue;
        };
        if let Some((name, email)) = &row.guardian {
            importer.guardian(tx, &pupil, (name, email)).await?;
        }
    }
    Ok(if importer.errors.is_empty() {
        Ok(importer.report)
    } else {
        Err(importer.errors)
    })
}

/// An account by e-mail: (id, whether it has the role).
pub(super) async fn account(
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

/// A new account with one role and no password (its owner sets one from a link).
pub(super) async fn new_account(
    conn: &mut AnyConnection,
    gmina: &str,
    (email, full_name, pesel): (&str, &str, Option<&str>),
    role: Role,
) -> Result<String, ApiError> {
    let user = NewUser {
        email,
        full_name,
        password_hash: NO_PASSWORD,
        pesel,
        roles: &[role],
    };
    Ok(insert_user_in(conn, gmina, &user).await?)
}

/// The import's state over its rows.
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
                    .unwrap_or_else(|| format!("uczen-{}@{NO_LOGIN_DOMAIN}", row.pesel));
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
                        grant_role(&mut *tx, g, &id, Role::Parent).await?;
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
            link_parent(&mut *tx, g, &id, pupil).await?;
            self.report.links_added += 1;
        }
        Ok(())
    }
}
