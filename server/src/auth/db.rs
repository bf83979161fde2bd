//! Accounts, roles, parent links and sessions in the database. Every query is
//! scoped by `gmina_id`.

use models::auth::{PersonRef, Role};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

use crate::db::new_id;
use crate::time_fmt::now_ms;

/// A stored account (the hash never leaves the server: no `Serialize`).
#[derive(Debug, Clone)]
pub struct UserRow {
    /// Id.
    pub id: String,
    /// Lower-case e-mail.
    pub email: String,
    /// Name and surname.
    pub full_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// PESEL, when given.
    pub pesel: Option<String>,
}

fn user_row(r: &AnyRow) -> UserRow {
    UserRow {
        id: r.get("id"),
        email: r.get("email"),
        full_name: r.get("full_name"),
        password_hash: r.get("password_hash"),
        pesel: r.get("pesel"),
    }
}

/// Normalises an e-mail for storage and lookup.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A new account's data.
#[derive(Debug)]
pub struct NewUser<'a> {
    /// E-mail (normalised here).
    pub email: &'a str,
    /// Name and surname.
    pub full_name: &'a str,
    /// Argon2id hash.
    pub password_hash: &'a str,
    /// Valid PESEL or none.
    pub pesel: Option<&'a str>,
    /// Roles to grant.
    pub roles: &'a [Role],
}

/// Inserts an account with its roles in one transaction; a taken e-mail gives a
/// unique violation.
pub async fn insert_user(
    pool: &AnyPool,
    gmina: &str,
    user: &NewUser<'_>,
) -> Result<String, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let id = insert_user_in(&mut tx, gmina, user).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts an account with its roles in the caller's transaction.
pub async fn insert_user_in(
    conn: &mut AnyConnection,
    gmina: &str,
    user: &NewUser<'_>,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO users (id, gmina_id, email, full_name, password_hash, pesel, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(normalise_email(user.email))
    .bind(user.full_name.trim())
    .bind(user.password_hash)
    .bind(user.pesel.map(str::trim))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    for role in user.roles {
        grant_role(&mut *conn, gmina, &id, *role).await?;
    }
    Ok(id)
}

/// Gives an account a role (which it must not have yet).
pub async fn grant_role<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    executor: E,
    gmina: &str,
    user: &str,
    role: Role,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO user_roles (gmina_id, user_id, role) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(user)
        .bind(role.as_str())
        .execute(executor)
        .await?;
    Ok(())
}

/// Finds an account by e-mail within a gmina.
pub async fn user_by_email(
    pool: &AnyPool,
    gmina: &str,
    email: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, full_name, password_hash, pesel FROM users WHERE gmina_id = $1 AND email = $2",
    )
    .bind(gmina)
    .bind(normalise_email(email))
    .fetch_optional(pool)
    .await?;
    Ok(row.as_ref().map(user_row))
}

/// Finds an account by id within a gmina.
pub async fn user_by_id(
    pool: &AnyPool,
    gmina: &str,
    id: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, full_name, password_hash, pesel FROM users WHERE gmina_id = $1 AND id = $2",
    )
    .bind(gmina)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.as_ref().map(user_row))
}

/// An account's roles, sorted.
pub async fn roles(pool: &AnyPool, gmina: &str, user: &str) -> Result<Vec<Role>, sqlx::Error> {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT role FROM user_roles WHERE gmina_id = $1 AND user_id = $2")
            .bind(gmina)
            .bind(user)
            .fetch_all(pool)
            .await?;
    let mut roles: Vec<Role> = names.iter().filter_map(|n| Role::parse(n)).collect();
    roles.sort();
    Ok(roles)
}

/// Replaces an account's roles and ends its sessions, so the next login carries the
/// new roles in a new session.
pub async fn set_roles(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    roles: &[Role],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM user_roles WHERE gmina_id = $1 AND user_id = $2")
        .bind(gmina)
        .bind(user)
        .execute(&mut *tx)
        .await?;
    for role in roles {
        sqlx::query("INSERT INTO user_roles (gmina_id, user_id, role) VALUES ($1, $2, $3)")
            .bind(gmina)
            .bind(user)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2")
        .bind(gmina)
        .bind(user)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Links a parent to a pupil.
pub async fn link_parent<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    executor: E,
    gmina: &str,
    parent: &str,
    pupil: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO parent_links (gmina_id, parent_id, pupil_id) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(parent)
        .bind(pupil)
        .execute(executor)
        .await?;
    Ok(())
}

/// The pupils a parent is linked to.
pub async fn children(
    pool: &AnyPool,
    gmina: &str,
    parent: &str,
) -> Result<Vec<PersonRef>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.full_name FROM parent_links p JOIN users u ON u.id = p.pupil_id \
         WHERE p.gmina_id = $1 AND p.parent_id = $2 AND u.gmina_id = $1 ORDER BY u.full_name",
    )
    .bind(gmina)
    .bind(parent)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| PersonRef {
            id: r.get("id"),
            full_name: r.get("full_name"),
        })
        .collect())
}

/// Sets a new password hash.
pub async fn set_password(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2 WHERE gmina_id = $3 AND id = $4",
    )
    .bind(hash)
    .bind(now_ms())
    .bind(gmina)
    .bind(user)
    .execute(pool)
    .await?;
    Ok(())
}

/// A stored session joined with its account.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// Public session id.
    pub id: String,
    /// Account id.
    pub user_id: String,
    /// Last request, ms.
    pub last_seen_at: i64,
    /// Absolute end, ms.
    pub expires_at: i64,
}

/// Creates a session and returns its public id.
pub async fn insert_session(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    token_hash: &str,
    user_agent: &str,
    expires_at: i64,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO sessions (id, gmina_id, user_id, token_hash, user_agent, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(user)
    .bind(token_hash)
    .bind(user_agent)
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(id)
}

/// Finds a session by its token hash within a gmina.
pub async fn session_by_token(
    pool: &AnyPool,
    gmina: &str,
    token_hash: &str,
) -> Result<Option<SessionRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, user_id, last_seen_at, expires_at FROM sessions WHERE gmina_id = $1 AND token_hash = $2",
    )
    .bind(gmina)
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| SessionRow {
        id: r.get("id"),
        user_id: r.get("user_id"),
        last_seen_at: r.get("last_seen_at"),
        expires_at: r.get("expires_at"),
    }))
}

/// Records activity on a session.
pub async fn touch_session(pool: &AnyPool, id: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes one session of a user; false when it is not theirs or gone.
pub async fn delete_session(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2 AND id = $3")
        .bind(gmina)
        .bind(user)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Deletes a session by id (expired or logged out).
pub async fn delete_session_by_id(pool: &AnyPool, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes all of a user's sessions except `keep`; returns how many ended.
pub async fn delete_sessions_except(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
    keep: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM sessions WHERE gmina_id = $1 AND user_id = $2 AND id <> $3")
            .bind(gmina)
            .bind(user)
            .bind(keep.unwrap_or(""))
            .execute(pool)
            .await?;
    Ok(done.rows_affected())
}

/// A user's sessions, newest activity first.
pub async fn sessions(
    pool: &AnyPool,
    gmina: &str,
    user: &str,
) -> Result<Vec<(String, String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, user_agent, created_at, last_seen_at FROM sessions \
         WHERE gmina_id = $1 AND user_id = $2 ORDER BY last_seen_at DESC",
    )
    .bind(gmina)
    .bind(user)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.get("id"),
                r.get("user_agent"),
                r.get("created_at"),
                r.get("last_seen_at"),
            )
        })
        .collect())
}

/// Removes sessions past their absolute end or idle limit, and old auth attempts.
pub async fn purge_expired(
    pool: &AnyPool,
    now: i64,
    idle_ms: i64,
    attempts_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
        .bind(now)
        .bind(now - idle_ms)
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM auth_attempts WHERE at < $1")
        .bind(attempts_before)
        .execute(pool)
        .await?;
    Ok(())
}
