//! `cargo xtask fuzz`: each cargo-fuzz target of `fuzz/` for a while (60 s each by
//! default, `OKIENKO_FUZZ_SECONDS`; `cargo xtask fuzz TARGET…` for some), from its corpus
//! in `fuzz/corpus/TARGET` (kept in the repository; what libFuzzer finds is added there).
//! Not part of `cargo xtask test`: a fuzzer's findings depend on time and chance.
//!
//! On this stable toolchain it runs with `--sanitizer none` (cargo-fuzz's reduced mode):
//! panics, arithmetic overflows (debug assertions on), hangs and broken invariants are
//! found; with a nightly toolchain `cargo +nightly fuzz run TARGET` adds AddressSanitizer.
//! A crash leaves its input in `fuzz/artifacts/TARGET/` and fails the command.

use anyhow::bail;

use crate::sh::{cmd, probe, root, run, step};

/// cargo-fuzz from crates.io.
pub const CARGO_FUZZ_VERSION: &str = "0.13.1";

/// The targets, in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 5] = [
    "pabulib",
    "form_validator",
    "receipt_verifier",
    "csv_imports",
    "bank_statement",
];

/// The longest input tried (the pabulib seed is 47 kB).
const MAX_LEN: &str = "65536";

pub fn fuzz(args: &[String]) -> anyhow::Result<()> {
    let chosen: Vec<&str> = if args.is_empty() {
        TARGETS.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    if let Some(unknown) = chosen.iter().find(|t| !TARGETS.contains(t)) {
        bail!(
            "no fuzz target {unknown:?}; the targets: {}",
            TARGETS.join(", ")
        );
    }
    let seconds = std::env::var("OKIENKO_FUZZ_SECONDS").unwrap_or_else(|_| "60".into());
    if seconds.parse::<u32>().is_err() {
        bail!("OKIENKO_FUZZ_SECONDS must be a whole number of seconds, not {seconds:?}");
    }
    ensure_cargo_fuzz()?;
    for target in chosen {
        let corpus = root().join("fuzz").join("corpus").join(target);
        std::fs::create_dir_all(&corpus)?;
        step(&format!("Fuzzing {target} for {seconds} s"), || {
            run(&mut cmd(
                "cargo",
                &[
                    "fuzz",
                    "run",
                    "--sanitizer",
                    "none",
                    "--debug-assertions",
                    target,
                    &format!("fuzz/corpus/{target}"),
                    "--",
                    &format!("-max_total_time={seconds}"),
                    &format!("-max_len={MAX_LEN}"),
                    "-timeout=10",
                    "-print_final_stats=1",
                ],
            ))
        })?;
    }
    Ok(())
}

fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    let found = probe(&mut cmd("cargo", &["fuzz", "--version"]));
    if found.is_some_and(|v| v.contains(CARGO_FUZZ_VERSION)) {
        return Ok(());
    }
    step(
        &format!(
            "Installing cargo-fuzz {CARGO_FUZZ_VERSION} with cargo install — about 2 minutes, once"
        ),
        || {
            run(&mut cmd(
                "cargo",
                &[
                    "install",
                    "--locked",
                    "cargo-fuzz",
                    "--version",
                    CARGO_FUZZ_VERSION,
                ],
            ))
        },
    )
}
