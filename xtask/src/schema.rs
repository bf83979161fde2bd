//! The `schemathesis` step of `cargo xtask test`: schemathesis (PyPI) generates requests
//! from `/api/openapi.json` of a demo server, logged in as the admin, and fails on any 5xx
//! answer or any response that breaks the document's schema. Bounded (a fixed number of
//! cases per operation, a fixed seed), so the run takes about a minute. Operations that
//! end the session (logout, password change, ending sessions) are left out so the rest
//! run logged in.

use std::path::PathBuf;

use anyhow::Context;

use crate::e2e::demo_server;
use crate::sh::{cmd, probe, root, run, step};

/// The schemathesis release the step was written against.
const VERSION: &str = "4.32.5";
/// Cases per operation.
const EXAMPLES: &str = "20";
/// One seed: the same cases every run.
const SEED: &str = "20261201";

/// `schemathesis` in `.tools/py` (the venv of the mail tests), installed once.
fn ensure() -> anyhow::Result<PathBuf> {
    let python = crate::tools::ensure_smtp_server()?;
    let st = root()
        .join(".tools")
        .join("py")
        .join("bin")
        .join("schemathesis");
    if probe(std::process::Command::new(&st).arg("--version")).is_some_and(|v| v.contains(VERSION))
    {
        return Ok(st);
    }
    step(
        &format!("Installing schemathesis {VERSION} from PyPI into .tools/py (~20 s)"),
        || crate::tools::pip_install(&python, &[format!("schemathesis=={VERSION}")]),
    )?;
    Ok(st)
}

/// Runs schemathesis against a fresh demo server.
pub fn run_step() -> anyhow::Result<()> {
    let st = ensure()?;
    run(&mut cmd("cargo", &["build", "-p", "server"]))?;
    let dir = root().join("target").join("schemathesis");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let database = format!("sqlite://{}", dir.join("okienko.db").display());
    let (_server, port) = demo_server("debug", &database, &dir.join("server.log"), &[])?;
    let base = format!("http://127.0.0.1:{port}");
    let login = ureq::post(&format!("{base}/api/auth/login"))
        .send_json(
            serde_json::json!({"email": "admin@example.pl", "password": "Okienko-demo-2026"}),
        )
        .context("logging in as the demo admin")?;
    let cookie = login
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .context("no session cookie")?
        .to_owned();
    run(cmd(
        st.to_str().context("schemathesis path")?,
        &[
            "run",
            &format!("{base}/api/openapi.json"),
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--max-examples",
            EXAMPLES,
            "--seed",
            SEED,
            "--phases",
            "examples,fuzzing",
            "--header",
            &format!("Cookie: {cookie}"),
            "--exclude-path-regex",
            "logout|/auth/password|/auth/sessions",
            "--no-color",
        ],
    )
    .current_dir(&dir))
}
