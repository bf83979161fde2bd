//! `cargo xtask crash`: the crash test with many kills — clients cast ballots and file
//! signed applications against a real server that is killed with SIGKILL at random moments
//! and restarted; afterwards every acknowledged item must exist exactly once, every receipt
//! verify and the audit chain hold (`server/tests/api/crash.rs`), and an alert reaches each
//! contact once per channel (`crash_alerts.rs`). On SQLite, then on a
//! durable private PostgreSQL. `cargo xtask test` runs the same test with 3 kills.

use crate::pg::Cluster;
use crate::sh::{cmd, run, step};

/// Kills per backend.
const ROUNDS: &str = "40";

pub fn crash() -> anyhow::Result<()> {
    let test = || {
        let mut c = cmd(
            "cargo",
            &[
                "test",
                "-p",
                "server",
                "--test",
                "api",
                "crash",
                "--",
                "--nocapture",
            ],
        );
        c.env("OKIENKO_CRASH_ROUNDS", ROUNDS);
        c
    };
    step(&format!("crash test on SQLite, {ROUNDS} kills"), || {
        run(test().env_remove("OKIENKO_TEST_DATABASE_URL"))
    })?;
    let cluster = Cluster::start_with(true)?;
    step(
        &format!("crash test on PostgreSQL (fsync on), {ROUNDS} kills"),
        || run(test().env("OKIENKO_TEST_DATABASE_URL", cluster.url())),
    )
}
