//! `cargo xtask run` and `cargo xtask test`: everything a fresh machine needs.
//!
//! Both install what is missing (and say how long it takes), never redo what is done,
//! and print every command before running it.

mod e2e;
mod pg;
mod run;
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

TEST OPTIONS:
    --only STEP[,STEP…]             run only these steps
    --skip STEP[,STEP…]             run all but these steps
    --list                          list the steps

STEPS (in order): fmt, clippy, clippy-wasm, models-guard, test-sqlite, test-postgres,
                  spa, e2e
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") => test::test(&args[1..]),
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
