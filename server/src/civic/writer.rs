//! Group commit for ballots: requests queue their write, one task stores every write
//! that is waiting in one transaction, and each request is answered only after that
//! transaction is committed (SQLite `synchronous=FULL`, PostgreSQL's default commit), so
//! an acknowledged ballot survives a crash. Under load one fsync carries hundreds of
//! ballots; alone, a ballot waits for no one.
//!
//! Rules live in SQL, not only in code: `UNIQUE (edition_id, voter_key)` keeps one ballot
//! per person across requests and server instances, and every write re-checks that the
//! edition's voting window is open inside the transaction. On PostgreSQL the batch holds
//! a share lock on each edition row, so closing (which updates that row) waits for ballots
//! in flight and counts them.

use std::collections::BTreeSet;

use anyhow::Context;
use tokio::sync::{mpsc, oneshot};

use crate::db::{Backend, Db};
use crate::mail;

/// A ballot to insert.
#[derive(Debug, Clone)]
pub struct NewBallot {
    pub id: String,
    pub gmina_id: String,
    pub edition_id: String,
    pub voter_key: String,
    pub user_id: Option<String>,
    pub receipt_hash: String,
    pub choices: String,
    pub district_id: Option<String>,
    pub age_band: String,
    pub channel: &'static str,
    pub entered_by: Option<String>,
    pub at: i64,
    /// The confirmation e-mail (to, subject, body), queued in the same transaction.
    pub mail: Option<(String, String, String)>,
}

/// A change of an online ballot.
#[derive(Debug, Clone)]
pub struct ChangeBallot {
    pub edition_id: String,
    pub voter_key: String,
    pub choices: String,
    pub district_id: Option<String>,
    pub at: i64,
}

/// One write.
#[derive(Debug, Clone)]
pub enum Write {
    Cast(Box<NewBallot>),
    Change(ChangeBallot),
}

impl Write {
    fn edition(&self) -> &str {
        match self {
            Write::Cast(b) => &b.edition_id,
            Write::Change(c) => &c.edition_id,
        }
    }
}

/// What became of a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Committed.
    Stored,
    /// This person already has a ballot in the edition (nothing changed).
    Duplicate,
    /// The voting window is closed (nothing changed).
    Closed,
    /// There is no online ballot to change.
    Missing,
}

struct Job {
    write: Write,
    done: oneshot::Sender<Result<Written, String>>,
}

/// The most writes one transaction carries.
const BATCH: usize = 512;

/// The handle requests queue their writes on.
#[derive(Debug, Clone)]
pub struct BallotWriter {
    queue: mpsc::Sender<Job>,
}

impl BallotWriter {
    /// Starts the writer task on the current Tokio runtime.
    pub fn start(db: Db) -> BallotWriter {
        let (queue, mut jobs) = mpsc::channel::<Job>(BATCH * 8);
        tokio::spawn(async move {
            while let Some(first) = jobs.recv().await {
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match jobs.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                run(&db, batch).await;
            }
        });
        BallotWriter { queue }
    }

    /// Queues a write and waits until it is committed (or refused).
    pub async fn write(&self, write: Write) -> anyhow::Result<Written> {
        let (done, answer) = oneshot::channel();
        self.queue
            .send(Job { write, done })
            .await
            .map_err(|_| anyhow::anyhow!("the ballot writer has stopped"))?;
        answer
            .await
            .context("the ballot writer dropped a write")?
            .map_err(|e| anyhow::anyhow!(e))
    }
}

async fn run(db: &Db, batch: Vec<Job>) {
    let writes: Vec<&Write> = batch.iter().map(|j| &j.write).collect();
    match store(db, &writes).await {
        Ok(results) => {
            for (job, result) in batch.into_iter().zip(results) {
                let _ = job.done.send(Ok(result));
            }
        }
        // One bad write must not fail the others: retry each in its own transaction.
        Err(err) if batch.len() > 1 => {
            tracing::warn!(error = %format!("{err:#}"), size = batch.len(), "ballot batch failed; retrying one by one");
            for job in batch {
                let result = store(db, &[&job.write]).await;
                let _ = job.done.send(
                    result
                        .map(|r| r.first().copied().unwrap_or(Written::Closed))
                        .map_err(|e| format!("{e:#}")),
                );
            }
        }
        Err(err) => {
            for job in batch {
                let _ = job.done.send(Err(format!("{err:#}")));
            }
        }
    }
}

/// Stores writes in one transaction; nothing is acknowledged before the commit.
async fn store(db: &Db, writes: &[&Write]) -> anyhow::Result<Vec<Written>> {
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        let editions: BTreeSet<&str> = writes.iter().map(|w| w.edition()).collect();
        for edition in editions {
            sqlx::query("SELECT id FROM civic_editions WHERE id = $1 FOR SHARE")
                .bind(edition)
                .fetch_optional(&mut *tx)
                .await?;
        }
    }
    let mut results = Vec::with_capacity(writes.len());
    for write in writes {
        let result = match write {
            Write::Cast(b) => cast(&mut tx, b).await?,
            Write::Change(c) => change(&mut tx, c).await?,
        };
        results.push(result);
    }
    tx.commit().await?;
    Ok(results)
}

/// The condition that the edition `edition` (a placeholder) is open at `at`.
fn open(edition: &str, at: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM civic_editions e WHERE e.id = {edition} AND e.closed_at IS NULL \
         AND e.voting_starts_at <= {at} AND {at} < e.voting_ends_at)"
    )
}

async fn has_ballot(
    conn: &mut sqlx::AnyConnection,
    edition: &str,
    voter: &str,
    online_only: bool,
) -> anyhow::Result<bool> {
    let sql = if online_only {
        "SELECT COUNT(*) FROM civic_ballots WHERE edition_id = $1 AND voter_key = $2 AND channel = 'online'"
    } else {
        "SELECT COUNT(*) FROM civic_ballots WHERE edition_id = $1 AND voter_key = $2"
    };
    let n: i64 = sqlx::query_scalar(sql)
        .bind(edition)
        .bind(voter)
        .fetch_one(&mut *conn)
        .await?;
    Ok(n > 0)
}

async fn cast(conn: &mut sqlx::AnyConnection, b: &NewBallot) -> anyhow::Result<Written> {
    let sql = format!(
        "INSERT INTO civic_ballots (edition_id, cast_at, id, gmina_id, voter_key, user_id, \
         receipt_hash, choices, district_id, age_band, channel, entered_by) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 WHERE {} \
         ON CONFLICT (edition_id, voter_key) DO NOTHING",
        open("$1", "$2")
    );
    let done = sqlx::query(&sql)
        .bind(&b.edition_id)
        .bind(b.at)
        .bind(&b.id)
        .bind(&b.gmina_id)
        .bind(&b.voter_key)
        .bind(b.user_id.as_deref())
        .bind(&b.receipt_hash)
        .bind(&b.choices)
        .bind(b.district_id.as_deref())
        .bind(&b.age_band)
        .bind(b.channel)
        .bind(b.entered_by.as_deref())
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 1 {
        if let Some((to, subject, body)) = &b.mail {
            mail::enqueue(conn, &b.gmina_id, to, subject, body, b.at).await?;
        }
        return Ok(Written::Stored);
    }
    if has_ballot(conn, &b.edition_id, &b.voter_key, false).await? {
        Ok(Written::Duplicate)
    } else {
        Ok(Written::Closed)
    }
}

async fn change(conn: &mut sqlx::AnyConnection, c: &ChangeBallot) -> anyhow::Result<Written> {
    let sql = format!(
        "UPDATE civic_ballots SET changed_at = $1, choices = $2, district_id = $3 \
         WHERE edition_id = $4 AND voter_key = $5 AND channel = 'online' AND {}",
        open("$4", "$1")
    );
    let done = sqlx::query(&sql)
        .bind(c.at)
        .bind(&c.choices)
        .bind(c.district_id.as_deref())
        .bind(&c.edition_id)
        .bind(&c.voter_key)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 1 {
        return Ok(Written::Stored);
    }
    if has_ballot(conn, &c.edition_id, &c.voter_key, true).await? {
        Ok(Written::Closed)
    } else {
        Ok(Written::Missing)
    }
}
