//! `cargo xtask test`: every check, in order, timed; stops at the first failure.

use std::time::Instant;

use anyhow::bail;

use crate::pg::Cluster;
use crate::sh::{capture, cmd, human, run, step};
use crate::{e2e, spa, tools};

const STEPS: [(&str, &str); 10] = [
    ("fmt", "cargo fmt --check"),
    ("clippy", "clippy -D warnings, native crates"),
    (
        "clippy-wasm",
        "clippy -D warnings, wasm crates on wasm32 (all seven bundles)",
    ),
    (
        "models-guard",
        "models builds for wasm32 and depends on no server or UI crate",
    ),
    ("test-sqlite", "unit and integration tests on SQLite"),
    ("test-postgres", "integration tests on PostgreSQL"),
    (
        "schemathesis",
        "schemathesis on /api/openapi.json: no 5xx, every response as documented",
    ),
    ("spa", "release SPA build and its size budget"),
    ("e2e", "Playwright journeys in headless Chromium"),
    (
        "e2e-postgres",
        "the gradebook's Playwright journeys against PostgreSQL",
    ),
];

/// Crates `models` must never depend on.
const FORBIDDEN_IN_MODELS: [&str; 6] = ["sqlx", "axum", "tokio", "leptos", "hyper", "tower"];

fn selected(args: &[String]) -> anyhow::Result<Vec<&'static str>> {
    let mut only: Option<Vec<String>> = None;
    let mut skip: Vec<String> = vec![];
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let list = |v: Option<&String>| -> anyhow::Result<Vec<String>> {
            let v = v.ok_or_else(|| anyhow::anyhow!("{arg} needs a list of steps"))?;
            Ok(v.split(',').map(|s| s.trim().to_owned()).collect())
        };
        match arg.as_str() {
            "--only" => only = Some(list(it.next())?),
            "--skip" => skip = list(it.next())?,
            "--list" => {
                for (name, what) in STEPS {
                    println!("{name:<14} {what}");
                }
                std::process::exit(0);
            }
            other => bail!("unknown option {other:?} (see cargo xtask --help)"),
        }
    }
    for name in only.iter().flatten().chain(&skip) {
        if !STEPS.iter().any(|(n, _)| n == name) {
            bail!("unknown step {name:?} (see cargo xtask test --list)");
        }
    }
    Ok(STEPS
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| only.as_ref().is_none_or(|o| o.iter().any(|x| x == n)))
        .filter(|n| !skip.iter().any(|x| x == n))
        .collect())
}

/// Runs the selected checks and prints a summary table.
pub fn test(args: &[String]) -> anyhow::Result<()> {
    let steps = selected(args)?;
    let spa_built = steps.contains(&"spa");
    let mut done: Vec<(&str, u64, bool)> = vec![];
    let mut failure = None;
    for name in steps {
        let what = STEPS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, w)| *w)
            .unwrap_or_default();
        let started = Instant::now();
        let result = step(&format!("{name}: {what}"), || run_step(name, spa_built));
        let ok = result.is_ok();
        done.push((name, started.elapsed().as_secs(), ok));
        if let Err(e) = result {
            failure = Some(e.context(format!("step {name} failed")));
            break;
        }
    }
    println!("\n{:<14} {:>12}  result", "step", "time");
    for (name, secs, ok) in &done {
        println!(
            "{name:<14} {:>12}  {}",
            human(*secs),
            if *ok { "ok" } else { "FAILED" }
        );
    }
    match failure {
        Some(e) => Err(e),
        None => {
            println!("\nAll checks passed.");
            Ok(())
        }
    }
}

fn run_step(name: &str, spa_built: bool) -> anyhow::Result<()> {
    match name {
        "fmt" => run(&mut cmd("cargo", &["fmt", "--all", "--", "--check"])),
        "clippy" => run(&mut cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "app",
                "--exclude",
                "frontend",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )),
        "clippy-wasm" => {
            tools::ensure_wasm_target()?;
            run(&mut cmd(
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "models",
                    "-p",
                    "app",
                    "-p",
                    "frontend",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--",
                    "-D",
                    "warnings",
                ],
            ))?;
            // The clerk's desk and the civic budget are the same crates with a feature.
            for feature in [
                "frontend/office",
                "frontend/civic",
                "frontend/taxes",
                "frontend/alerts",
                "frontend/info",
                "frontend/school",
            ] {
                run(&mut cmd(
                    "cargo",
                    &[
                        "clippy",
                        "-p",
                        "app",
                        "-p",
                        "frontend",
                        "--features",
                        feature,
                        "--target",
                        "wasm32-unknown-unknown",
                        "--",
                        "-D",
                        "warnings",
                    ],
                ))?;
            }
            Ok(())
        }
        "models-guard" => models_guard(),
        "test-sqlite" => {
            let python = crate::tools::ensure_smtp_server()?;
            run(cmd(
                "cargo",
                &[
                    "test",
                    "--workspace",
                    "--exclude",
                    "app",
                    "--exclude",
                    "frontend",
                ],
            )
            .env_remove("OKIENKO_TEST_DATABASE_URL")
            .env("OKIENKO_TEST_PYTHON", python))
        }
        "test-postgres" => {
            let python = crate::tools::ensure_smtp_server()?;
            let cluster = Cluster::start()?;
            run(cmd("cargo", &["test", "-p", "server", "--test", "api"])
                .env("OKIENKO_TEST_DATABASE_URL", cluster.url())
                .env("OKIENKO_TEST_PYTHON", python))
        }
        "schemathesis" => crate::schema::run_step(),
        "spa" => {
            spa::build()?;
            spa::check_size().map(drop)
        }
        "e2e" => {
            if !spa_built {
                // The journeys test what is in dist/: make sure it is today's app
                // (a warm Trunk build takes seconds).
                spa::build()?;
            }
            e2e::run_suite(e2e::Store::Sqlite)
        }
        "e2e-postgres" => {
            if !spa_built {
                spa::build()?;
            }
            e2e::run_suite(e2e::Store::Postgres)
        }
        other => bail!("unknown step {other}"),
    }
}

fn models_guard() -> anyhow::Result<()> {
    tools::ensure_wasm_target()?;
    run(&mut cmd(
        "cargo",
        &[
            "check",
            "-p",
            "models",
            "--target",
            "wasm32-unknown-unknown",
        ],
    ))?;
    let tree = capture(&mut cmd(
        "cargo",
        &["tree", "-p", "models", "-e", "normal", "--prefix", "none"],
    ))?;
    let bad = forbidden_in(&tree);
    if !bad.is_empty() {
        bail!("models depends on {bad:?}; it must stay free of server and UI crates");
    }
    println!("    models: wasm32 build ok, no server or UI dependencies");
    Ok(())
}

/// The crates of a `cargo tree --prefix none` listing that `models` must not pull in
/// (the crate itself or one of its family: `tokio-util`, `leptos_dom`, `sqlx-core`…).
fn forbidden_in(tree: &str) -> Vec<&str> {
    let mut bad: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| {
            FORBIDDEN_IN_MODELS.iter().any(|f| {
                name.strip_prefix(f)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_']))
            })
        })
        .collect();
    bad.sort_unstable();
    bad.dedup();
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn all_steps_run_in_order_by_default() {
        let all: Vec<&str> = STEPS.iter().map(|(n, _)| *n).collect();
        assert_eq!(selected(&[]).ok(), Some(all));
    }

    #[test]
    fn only_and_skip_pick_steps_but_keep_the_order() {
        assert_eq!(
            selected(&args("--only e2e,fmt")).ok(),
            Some(vec!["fmt", "e2e"])
        );
        let skipped = selected(&args("--skip spa,e2e,e2e-postgres"))
            .ok()
            .unwrap_or_default();
        assert_eq!(skipped.last(), Some(&"schemathesis"));
        assert_eq!(skipped.len(), STEPS.len() - 3);
    }

    #[test]
    fn unknown_steps_and_options_are_refused() {
        assert!(selected(&args("--only lint")).is_err());
        assert!(selected(&args("--fast")).is_err());
        assert!(selected(&args("--only")).is_err());
    }

    #[test]
    fn the_models_guard_sees_server_and_ui_crates_but_not_lookalikes() {
        let tree = "models v0.1.0 (/w/models)\nserde v1.0.228\ntokio-util v0.7.1\n\
                    leptos_dom v0.8.8\nsqlx v0.8.6\nsqlx v0.8.6\ntowel v1.0.0\nhyperloglog v1.0.0";
        assert_eq!(forbidden_in(tree), vec!["leptos_dom", "sqlx", "tokio-util"]);
        assert!(forbidden_in("models v0.1.0\nserde v1.0.228\nthiserror v2.0.0").is_empty());
    }
}
