//! `cargo xtask test`: every check, in order, timed; stops at the first failure.

use std::time::Instant;

use anyhow::bail;

use crate::pg::Cluster;
use crate::sh::{capture, cmd, human, run, step};
use crate::{e2e, spa, tools};

const STEPS: [(&str, &str); 8] = [
    ("fmt", "cargo fmt --check"),
    ("clippy", "clippy -D warnings, native crates"),
    ("clippy-wasm", "clippy -D warnings, wasm crates on wasm32"),
    (
        "models-guard",
        "models builds for wasm32 and depends on no server or UI crate",
    ),
    ("test-sqlite", "unit and integration tests on SQLite"),
    ("test-postgres", "integration tests on PostgreSQL"),
    ("spa", "release SPA build and its size budget"),
    ("e2e", "Playwright journeys in headless Chromium"),
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
            ))
        }
        "models-guard" => models_guard(),
        "test-sqlite" => run(cmd(
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
        .env_remove("OKIENKO_TEST_DATABASE_URL")),
        "test-postgres" => {
            let cluster = Cluster::start()?;
            run(cmd("cargo", &["test", "-p", "server", "--test", "api"])
                .env("OKIENKO_TEST_DATABASE_URL", cluster.url()))
        }
        "spa" => {
            spa::build()?;
            spa::check_size()
        }
        "e2e" => {
            if !spa_built {
                // The journeys test what is in dist/: make sure it is today's app
                // (a warm Trunk build takes seconds).
                spa::build()?;
            }
            e2e::run_suite()
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
    let bad: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| {
            FORBIDDEN_IN_MODELS
                .iter()
                .any(|f| name == f || name.starts_with(&format!("{f}-")))
        })
        .collect();
    if !bad.is_empty() {
        bail!("models depends on {bad:?}; it must stay free of server and UI crates");
    }
    println!("    models: wasm32 build ok, no server or UI dependencies");
    Ok(())
}
