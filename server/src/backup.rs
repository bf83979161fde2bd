//! `okienko backup FILE` and `okienko restore FILE`.
//!
//! SQLite: the backup is `VACUUM INTO` a temporary file beside FILE — a consistent copy of
//! everything committed when it starts, taken while the server keeps serving (readers and
//! writers are not stopped; WAL mode) — then checked (`PRAGMA integrity_check`, the
//! migrations table) and renamed to FILE. The restore checks the file the same way, then
//! puts it in place of the database file atomically (rename), removing the old WAL and
//! shared-memory files; the server must be stopped while it runs.
//!
//! PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists`, when they are
//! on PATH; otherwise the commands to run are printed.

use std::path::{Path, PathBuf};

use anyhow::Context;
use sqlx::Connection;

/// What a backup or restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Where the data went.
    pub file: PathBuf,
    /// Bytes written.
    pub bytes: u64,
}

/// The SQLite database file of a `sqlite://` URL (`None` for other databases).
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// Checks that a SQLite file is whole and is an Okienko database.
async fn check_sqlite(file: &Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    let mut conn = sqlx::sqlite::SqliteConnection::connect(&url)
        .await
        .with_context(|| format!("opening {}", file.display()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?;
    anyhow::ensure!(
        integrity == "ok",
        "{}: integrity check says {integrity}",
        file.display()
    );
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is not an Okienko database", file.display()))?;
    anyhow::ensure!(
        migrations > 0,
        "{} has no migrations applied",
        file.display()
    );
    conn.close().await?;
    Ok(())
}

/// Backs up the database at `url` into `file` (which must not exist yet).
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<Report> {
    anyhow::ensure!(!file.exists(), "{} already exists", file.display());
    if is_postgres(url) {
        run_tool(
            "pg_dump",
            &[
                "--format=custom",
                "--no-owner",
                "--file",
                &file.display().to_string(),
                url,
            ],
            &format!(
                "pg_dump --format=custom --no-owner --file {} \"$DATABASE_URL\"",
                file.display()
            ),
        )?;
        return report(file);
    }
    let source = sqlite_path(url).context("DATABASE_URL is neither sqlite:// nor postgres://")?;
    let tmp = with_suffix(file, ".part");
    let _ = std::fs::remove_file(&tmp);
    let mut conn =
        sqlx::sqlite::SqliteConnection::connect(&format!("sqlite://{}", source.display()))
            .await
            .with_context(|| format!("opening {}", source.display()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(tmp.display().to_string())
        .execute(&mut conn)
        .await
        .context("VACUUM INTO")?;
    conn.close().await?;
    if let Err(e) = check_sqlite(&tmp).await {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, file)?;
    report(file)
}

/// Restores `file` into the database at `url`. SQLite: the database file is replaced
/// (stop the server first). PostgreSQL: `pg_restore --clean --if-exists`.
pub async fn restore(url: &str, file: &Path) -> anyhow::Result<Report> {
    anyhow::ensure!(file.exists(), "{} does not exist", file.display());
    if is_postgres(url) {
        run_tool(
            "pg_restore",
            &[
                "--clean",
                "--if-exists",
                "--no-owner",
                "--dbname",
                url,
                &file.display().to_string(),
            ],
            &format!(
                "pg_restore --clean --if-exists --no-owner --dbname \"$DATABASE_URL\" {}",
                file.display()
            ),
        )?;
        return report(file);
    }
    let target = sqlite_path(url).context("DATABASE_URL is neither sqlite:// nor postgres://")?;
    check_sqlite(file).await?;
    let tmp = with_suffix(&target, ".restoring");
    std::fs::copy(file, &tmp).with_context(|| format!("copying to {}", tmp.display()))?;
    std::fs::File::open(&tmp)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&target, suffix));
    }
    std::fs::rename(&tmp, &target)?;
    report(&target)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn report(file: &Path) -> anyhow::Result<Report> {
    Ok(Report {
        file: file.to_owned(),
        bytes: std::fs::metadata(file)?.len(),
    })
}

/// Runs a PostgreSQL client tool, or says what to run when it is not installed.
fn run_tool(tool: &str, args: &[&str], by_hand: &str) -> anyhow::Result<()> {
    match std::process::Command::new(tool).args(args).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => anyhow::bail!("{tool} failed ({status})"),
        Err(_) => anyhow::bail!(
            "{tool} is not installed (Debian: apt-get install postgresql-client); run by hand:\n  {by_hand}"
        ),
    }
}
