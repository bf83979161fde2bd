//! The gmina's admin keeps its schools (the gmina runs its primary schools, art. 8
//! ust. 15 of the Prawo oświatowe): adds a school — with the default bell, weights and
//! the school year in force, so its office can start at once — and names who works in
//! each school's office (sekretariat). A new person gets an account and an e-mailed link
//! to set its password; an account of the gmina gets the role. The admin also takes
//! someone off an office and ends an office's lost authenticator (the office ends
//! teachers'). Every change is in the audit log.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use models::auth::Role;
use models::error::{ErrorBody, FieldError};
use models::school::gmina::{
    GminaSchool, NewOffice, NewSchool, OfficeAccount, check_office, check_school,
};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::enrol::{account, new_account};
use super::keep::changed;
use crate::AppState;
use crate::auth::CurrentUser;
use crate::auth::db::{grant_role, normalise_email};
use crate::auth::invitations::{NO_PASSWORD, invite};
use crate::error::{ApiError, AppJson};
use crate::school::structure::{self, in_force};
use crate::time_fmt::today;

/// 403 unless the caller is the gmina's admin.
fn admin(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::Admin])
}

/// The gmina's schools with their year in force, its classes and pupils, and who works
/// in each office.
async fn list(conn: &mut AnyConnection, gmina: &str) -> Result<Vec<GminaSchool>, ApiError> {
    let sql = format!(
        "SELECT s.id, s.name, \
         (SELECT y.name FROM school_years y WHERE y.school_id = s.id AND {year}) AS year_name, \
         (SELECT COUNT(*) FROM school_classes c JOIN school_years y ON y.id = c.year_id \
          WHERE y.school_id = s.id AND {year}) AS classes, \
         (SELECT COUNT(*) FROM enrolments e JOIN school_classes c ON c.id = e.class_id \
          JOIN school_years y ON y.id = c.year_id WHERE y.school_id = s.id AND {year}) AS pupils \
         FROM schools s WHERE s.gmina_id = $1 ORDER BY s.name",
        year = in_force(2)
    );
    let schools = sqlx::query(&sql)
        .bind(gmina)
        .bind(today().to_string())
        .fetch_all(&mut *conn)
        .await?;
    let offices = sqlx::query(
        "SELECT a.school_id, u.id, u.full_name, u.email, u.password_hash, t.confirmed \
         FROM school_admins a JOIN users u ON u.id = a.user_id \
         LEFT JOIN user_totp t ON t.user_id = u.id AND t.confirmed = 1 \
         WHERE a.gmina_id = $1 ORDER BY u.full_name, u.id",
    )
    .bind(gmina)
    .fetch_all(&mut *conn)
    .await?;
    Ok(schools
        .iter()
        .map(|s| {
            let id: String = s.get("id");
            GminaSchool {
                name: s.get("name"),
                year_name: s.get("year_name"),
                classes: u32::try_from(s.get::<i64, _>("classes")).unwrap_or(0),
                pupils: u32::try_from(s.get::<i64, _>("pupils")).unwrap_or(0),
                offices: offices
                    .iter()
                    .filter(|o| o.get::<String, _>("school_id") == id)
                    .map(|o| OfficeAccount {
                        id: o.get("id"),
                        full_name: o.get("full_name"),
                        email: o.get("email"),
                        authenticator: o.get::<Option<i64>, _>("confirmed").is_some(),
                        waiting: o.get::<String, _>("password_hash") == NO_PASSWORD,
                    })
                    .collect(),
                id,
            }
        })
        .collect())
}

/// The gmina's schools.
#[utoipa::path(get, path = "/school/gmina/schools", tag = "school",
    responses((status = 200, body = Vec<GminaSchool>), (status = 403, body = ErrorBody)))]
pub(super) async fn schools(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<AppJson<Vec<GminaSchool>>, ApiError> {
    admin(&user)?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(AppJson(list(&mut conn, &user.gmina_id).await?))
}

/// One school of the list, or 404.
async fn one(conn: &mut AnyConnection, gmina: &str, school: &str) -> Result<GminaSchool, ApiError> {
    list(conn, gmina)
        .await?
        .into_iter()
        .find(|s| s.id == school)
        .ok_or_else(ApiError::not_found)
}

/// Adds a school with the default bell, grade weights and + / − rule, and the school
/// year in force today (1 September to the last Friday of June; in the summer, the
/// coming one).
#[utoipa::path(post, path = "/school/gmina/schools", tag = "school", request_body = NewSchool,
    responses((status = 201, body = GminaSchool), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(super) async fn add_school(
    State(state): State<AppState>,
    user: CurrentUser,
    AppJson(form): AppJson<NewSchool>,
) -> Result<(StatusCode, AppJson<GminaSchool>), ApiError> {
    admin(&user)?;
    let problems = check_school(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let name = form.name.trim();
    let mut tx = state.db.begin_write().await?;
    // Compared here: SQLite's LOWER() folds ASCII letters only (not Ł, Ó, Ż…).
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM schools WHERE gmina_id = $1")
        .bind(&user.gmina_id)
        .fetch_all(&mut *tx)
        .await?;
    if names
        .iter()
        .any(|n| n.to_lowercase() == name.to_lowercase())
    {
        return Err(ApiError::field("name", FieldError::NameTaken));
    }
    let g = &user.gmina_id;
    let id = structure::add_school(&mut tx, g, name).await?;
    structure::add_bell(&mut tx, g, &id).await?;
    let day = today();
    let mut year = structure::year_around(day);
    if year.1[2] < day {
        year = structure::year_around(jiff::civil::date(day.year(), 9, 1));
    }
    structure::add_year(&mut tx, g, &id, &year).await?;
    changed(
        &mut tx,
        &user,
        ("school.added", "school", &id),
        json!({ "name": name, "year": year.0 }),
    )
    .await?;
    let school = one(&mut tx, g, &id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(school)))
}

/// Names a person of a school's office: an account of the gmina (by e-mail) gets the
/// role, a new one is made and sent a link to set its password. Like teachers, they log
/// in with a second factor, added at their first login.
#[utoipa::path(post, path = "/school/gmina/schools/{school}/offices", tag = "school",
    params(("school" = String, Path)), request_body = NewOffice,
    responses((status = 201, body = GminaSchool), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub(super) async fn add_office(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(school): Path<String>,
    AppJson(form): AppJson<NewOffice>,
) -> Result<(StatusCode, AppJson<GminaSchool>), ApiError> {
    admin(&user)?;
    let g = user.gmina_id.clone();
    let mut tx = state.db.begin_write().await?;
    let before = one(&mut tx, &g, &school).await?;
    let problems = check_office(&form);
    if !problems.is_empty() {
        return Err(ApiError::Validation(problems));
    }
    let email = normalise_email(&form.email);
    if before.offices.iter().any(|o| o.email == email) {
        return Err(ApiError::field("email", FieldError::NameTaken));
    }
    let account = match account(&mut tx, &g, &email, Role::SchoolAdmin).await? {
        Some((id, true)) => id,
        Some((id, false)) => {
            grant_role(&mut *tx, &g, &id, Role::SchoolAdmin).await?;
            id
        }
        None => {
            let full_name = form.full_name.trim();
            let id = new_account(&mut tx, &g, (&email, full_name, None), Role::SchoolAdmin).await?;
            let portal = crate::alerts::subscriptions::portal(&state);
            let why = format!(
                "Gmina założyła Ci konto sekretariatu szkoły ({}) w portalu: prowadzisz w nim klasy, uczniów i ich opiekunów, plan lekcji i zastępstwa. Przy pierwszym logowaniu dodasz aplikację uwierzytelniającą.",
                before.name
            );
            invite(&mut tx, &g, (&id, &email, full_name), &portal, &why).await?;
            id
        }
    };
    sqlx::query("INSERT INTO school_admins (gmina_id, school_id, user_id) VALUES ($1, $2, $3)")
        .bind(&g)
        .bind(&school)
        .bind(&account)
        .execute(&mut *tx)
        .await?;
    changed(
        &mut tx,
        &user,
        ("school.office_added", "school", &school),
        json!({ "account": account }),
    )
    .await?;
    let after = one(&mut tx, &g, &school).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, AppJson(after)))
}

/// Takes a person off a school's office; with no school left they lose the role (and
/// their sessions end, as with every change of roles).
#[utoipa::path(delete, path = "/school/gmina/schools/{school}/offices/{account}", tag = "school",
    params(("school" = String, Path), ("account" = String, Path)),
    responses((status = 200, body = GminaSchool), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(super) async fn remove_office(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((school, account)): Path<(String, String)>,
) -> Result<AppJson<GminaSchool>, ApiError> {
    admin(&user)?;
    let g = user.gmina_id.clone();
    let mut tx = state.db.begin_write().await?;
    let removed = sqlx::query(
        "DELETE FROM school_admins WHERE gmina_id = $1 AND school_id = $2 AND user_id = $3",
    )
    .bind(&g)
    .bind(&school)
    .bind(&account)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if removed == 0 {
        return Err(ApiError::not_found());
    }
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM school_admins WHERE user_id = $1")
        .bind(&account)
        .fetch_one(&mut *tx)
        .await?;
    if left == 0 {
        for sql in [
            "DELETE FROM user_roles WHERE gmina_id = $1 AND user_id = $2 AND role = 'school_admin'",
            "DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2",
        ] {
            sqlx::query(sql)
                .bind(&g)
                .bind(&account)
                .execute(&mut *tx)
                .await?;
        }
    }
    changed(
        &mut tx,
        &user,
        ("school.office_removed", "school", &school),
        json!({ "account": account }),
    )
    .await?;
    let after = one(&mut tx, &g, &school).await?;
    tx.commit().await?;
    Ok(AppJson(after))
}

/// Ends a school office's lost authenticator and its sessions, and tells them by e-mail.
#[utoipa::path(delete, path = "/school/gmina/offices/{account}/authenticator", tag = "school",
    params(("account" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub(super) async fn end_authenticator(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(account): Path<String>,
) -> Result<StatusCode, ApiError> {
    admin(&user)?;
    super::authenticator::end(&state, &user, &account, Role::SchoolAdmin).await
}
