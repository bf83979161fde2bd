//! Installing the tools the build needs, once, with honest time estimates.
//!
//! Only package registries are reachable on the target machines, so: Trunk and
//! wasm-bindgen-cli come from crates.io, wasm-opt from npm's `binaryen` (never Debian's,
//! whose old version produces a wasm that leaves the page blank), PostgreSQL and
//! Chromium from Debian.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, bail};

use crate::sh::{cmd, is_root, output, probe, root, run, step};

/// The Trunk release that builds with this machine's rustc (0.22 needs a newer one).
pub const TRUNK_VERSION: &str = "0.21.14";
/// wasm-opt from npm `binaryen`; Trunk.toml pins the same version.
pub const BINARYEN_VERSION: &str = "132.0.0";

/// `~/.cargo/bin`, where `cargo install` puts tools.
fn cargo_bin() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|p| p.join("bin"))
}

/// `<repo>/.tools/node_modules/.bin`, where wasm-opt is installed.
fn npm_tools_bin() -> PathBuf {
    root().join(".tools").join("node_modules").join(".bin")
}

/// PATH with the project's tools first.
pub fn tool_path() -> OsString {
    let mut dirs = vec![npm_tools_bin()];
    dirs.extend(cargo_bin());
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// `program --version` with the project's tools first on PATH.
fn version_of(program: &str) -> Option<String> {
    probe(cmd(program, &["--version"]).env("PATH", tool_path()))
}

/// Everything the SPA build needs.
pub fn ensure_spa_tools() -> anyhow::Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()
}

/// The wasm32 target of the one toolchain.
pub fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed =
        output(&mut cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    let present = installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown");
    println!(
        "$ rustup target list --installed -> wasm32-unknown-unknown {}",
        if present { "installed" } else { "missing" }
    );
    if present {
        return Ok(());
    }
    step(
        "Installing the wasm32-unknown-unknown target (seconds)",
        || {
            run(&mut cmd(
                "rustup",
                &["target", "add", "wasm32-unknown-unknown"],
            ))
        },
    )
}

fn ensure_trunk() -> anyhow::Result<()> {
    if version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    let title = format!(
        "Installing Trunk {TRUNK_VERSION} with cargo install — takes 9 to 17 minutes and ~2 GB of memory on 2 cores (measured), once"
    );
    step(&title, || {
        run(&mut cmd(
            "cargo",
            &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
        ))
    })
}

/// The `wasm-bindgen` version recorded in Cargo.lock.
pub fn locked_wasm_bindgen() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    wasm_bindgen_in(&lock)
}

fn wasm_bindgen_in(lock: &str) -> anyhow::Result<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package; run `cargo generate-lockfile`")
}

fn ensure_wasm_bindgen() -> anyhow::Result<()> {
    if !root().join("Cargo.lock").exists() {
        run(&mut cmd("cargo", &["generate-lockfile"]))?;
    }
    let want = locked_wasm_bindgen()?;
    if version_of("wasm-bindgen")
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(want.as_str()))
    {
        return Ok(());
    }
    let title = format!(
        "Installing wasm-bindgen-cli {want} (the Cargo.lock version) — takes 3 to 4 minutes on 2 cores, once"
    );
    // Without --locked: its lockfile names a dependency version the registry mirror lacks.
    step(&title, || {
        run(&mut cmd(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &want],
        ))
    })
}

fn ensure_wasm_opt() -> anyhow::Result<()> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let wasm_opt = npm_tools_bin().join("wasm-opt");
    let have = probe(std::process::Command::new(&wasm_opt).arg("--version")).unwrap_or_default();
    if have.contains(&format!("version {major}")) {
        return Ok(());
    }
    let title = format!(
        "Installing wasm-opt {major} from npm binaryen@{BINARYEN_VERSION} into .tools/ (seconds)"
    );
    step(&title, || {
        std::fs::create_dir_all(root().join(".tools"))?;
        run(cmd(
            "npm",
            &[
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                ".tools",
                &format!("binaryen@{BINARYEN_VERSION}"),
            ],
        )
        .env("npm_config_update_notifier", "false"))
    })
}

/// aiosmtpd, the real local SMTP server the mail tests send to (from PyPI).
const AIOSMTPD_VERSION: &str = "1.4.6";

/// lxml, which validates the CAP 1.2 alerts against the standard's schema in the tests.
const LXML_VERSION: &str = "6.1.3";

/// `pip install` of pinned packages (`name==version`) into a venv's interpreter.
pub fn pip_install(python: &std::path::Path, packages: &[String]) -> anyhow::Result<()> {
    let mut args = vec![
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ];
    args.extend(packages.iter().map(String::as_str));
    run(&mut cmd(python.to_str().context("python path")?, &args))
}

/// A venv in `.tools/<dir>` (created once) whose interpreter passes `check`, or else gets
/// `packages` from PyPI; returns its interpreter.
fn python_with(dir: &str, check: &str, packages: &[String]) -> anyhow::Result<PathBuf> {
    let python = root().join(".tools").join(dir).join("bin").join("python");
    if probe(std::process::Command::new(&python).args(["-c", check])).is_some() {
        return Ok(python);
    }
    let title = format!(
        "Installing {} from PyPI into .tools/{dir} (seconds)",
        packages.join(" ")
    );
    step(&title, || {
        std::fs::create_dir_all(root().join(".tools"))?;
        if !python.exists() {
            run(&mut cmd(
                "python3",
                &["-m", "venv", &format!(".tools/{dir}")],
            ))?;
        }
        pip_install(&python, packages)
    })?;
    Ok(python)
}

/// A Python with aiosmtpd and lxml in `.tools/py` (a venv, created once); returns its
/// interpreter.
pub fn ensure_smtp_server() -> anyhow::Result<PathBuf> {
    python_with(
        "py",
        &format!(
            "import aiosmtpd, lxml; assert aiosmtpd.__version__ == '{AIOSMTPD_VERSION}' and lxml.__version__ == '{LXML_VERSION}'"
        ),
        &[
            format!("aiosmtpd=={AIOSMTPD_VERSION}"),
            format!("lxml=={LXML_VERSION}"),
        ],
    )
}

/// The reference civic-budget tally the bench compares with.
const PABUTOOLS_VERSION: &str = "1.2.3";

/// A Python with pabutools in `.tools/pabutools` (a venv of its own, created once; only
/// the bench uses it); returns its interpreter.
pub fn ensure_pabutools() -> anyhow::Result<PathBuf> {
    python_with(
        "pabutools",
        &format!(
            "import importlib.metadata as m; assert m.version('pabutools') == '{PABUTOOLS_VERSION}'"
        ),
        &[format!("pabutools=={PABUTOOLS_VERSION}")],
    )
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// Installs Debian packages (as root, or through sudo), running `apt-get update` once.
pub fn apt_install(packages: &[&str], why: &str) -> anyhow::Result<()> {
    let title = format!(
        "Installing Debian packages {} for {why} with apt-get — takes ~1 minute, once",
        packages.join(" ")
    );
    step(&title, || {
        let sudo = !is_root();
        if sudo && output(std::process::Command::new("sudo").arg("--version")).is_none() {
            bail!(
                "not root and no sudo: install the Debian packages {} yourself, then run again",
                packages.join(" ")
            );
        }
        let apt = |args: &[&str]| {
            let mut c = if sudo {
                cmd(
                    "sudo",
                    &["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"],
                )
            } else {
                cmd("apt-get", &[])
            };
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        if !APT_UPDATED.swap(true, Ordering::SeqCst) {
            run(&mut apt(&["update"]))?;
        }
        let mut args = vec!["install", "-y"];
        args.extend(packages);
        run(&mut apt(&args)).context("apt-get install failed (are you root or allowed to sudo?)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wasm_bindgen_version_comes_from_its_own_lock_entry() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.80\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(wasm_bindgen_in(lock).ok().as_deref(), Some("0.2.130"));
        assert!(wasm_bindgen_in("[[package]]\nname = \"serde\"\n").is_err());
    }
}
