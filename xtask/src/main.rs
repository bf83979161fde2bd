//! `cargo xtask run`, `cargo xtask test` and `cargo xtask bench`: everything a fresh
//! machine needs.
//!
//! Both install what is missing (and say how long it takes), never redo what is done,
//! and print every command before running it.

mod bench;
mod crash;
mod e2e;
mod fuzz;
mod pg;
mod run;
mod schema;
mod sh;
mod spa;
mod test;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask — Okienko's build and check commands

USAGE:
    cargo xtask run                 install missing tools, build in release mode and
                                    start the demo portal at http://127.0.0.1:8080
    cargo xtask test [OPTIONS]      run every check (what CI runs)
    cargo xtask bench               measure filing rate, latencies and bundle sizes on
                                    SQLite and a durable PostgreSQL against the targets
    cargo xtask crash               the crash test with 40 SIGKILLs on SQLite and on
                                    PostgreSQL: every acknowledged ballot and application
                                    exists once, receipts and the audit chain verify
    cargo xtask fuzz [TARGET…]      each fuzz target for 60 s (OKIENKO_FUZZ_SECONDS) from
                                    its corpus in fuzz/corpus/ (not part of test)

TEST OPTIONS:
    --only STEP[,STEP…]             run only these steps
    --skip STEP[,STEP…]             run all but these steps
    --list                          list the steps

STEPS (in order): fmt, clippy, clippy-wasm, models-guard, test-sqlite, test-postgres,
                  schemathesis, spa, e2e, e2e-postgres

EXAMPLES:
    cargo xtask test --only e2e               the browser journeys (builds dist/ and the
                                              server first)
    cargo xtask test --only e2e-postgres      the gradebook's journeys on PostgreSQL
    cargo xtask test --skip spa,e2e,e2e-postgres   everything but the browser side
    cargo xtask test --only test-postgres     the API tests on a private PostgreSQL

ENVIRONMENT (run):
    DATABASE_URL   default sqlite://data/okienko.db
    OKIENKO_ADDR   default 127.0.0.1:8080
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") if args[1..].iter().any(|a| a == "-h" || a == "--help") => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some("test") => test::test(&args[1..]),
        Some("bench") => bench::bench(),
        Some("crash") => crash::crash(),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(anyhow::anyhow!("unknown command {other:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
