//! `cargo xtask run`: install, build in release mode, start the demo portal.

use std::process::Command;

use anyhow::Context;

use crate::sh::{announce, cmd, root, run as sh_run, step};
use crate::spa;

/// Installs missing tools, builds the SPA and the server, and serves the demo.
pub fn run() -> anyhow::Result<()> {
    step(
        "Building the SPA (trunk build --release) — ~2 minutes the first time, seconds after",
        spa::build,
    )?;
    step(
        "Building the server (cargo build --release) — ~3 minutes the first time, seconds after",
        || sh_run(&mut cmd("cargo", &["build", "--release", "-p", "server"])),
    )?;
    let addr = std::env::var("OKIENKO_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let port = addr.rsplit(':').next().unwrap_or("8080");
    println!(
        "\nOkienko — Gmina Przykładowo: http://{addr}\n\
         Second demo gmina (Gmina Sąsiednia): http://sasiednia.localhost:{port}\n\n\
         Demo accounts, all with the password Okienko-demo-2026:\n  \
         anna.nowak@example.pl      resident and parent (mieszkanka, rodzic)\n  \
         jan.kowalski@example.pl    resident (mieszkaniec)\n  \
         urzednik@example.pl        clerk (urzędnik)\n  \
         nauczyciel@example.pl      teacher (nauczyciel)\n  \
         ola.nowak@example.pl       pupil, Anna's daughter (uczennica)\n  \
         admin@example.pl           admin (administrator)\n\n\
         Database: {}\nStop with Ctrl-C.\n",
        std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://data/okienko.db".into())
    );
    let mut server = Command::new(root().join("target/release/okienko"));
    server
        .args(["serve", "--demo"])
        .current_dir(root())
        .env("OKIENKO_ADDR", &addr)
        .env("OKIENKO_DIST", root().join("dist"));
    exec(&mut server)
}

/// Becomes the server (Unix `exec`), so Ctrl-C and other signals reach it directly and no
/// server is ever left behind by a killed xtask.
#[cfg(unix)]
fn exec(server: &mut Command) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt;
    announce(server);
    Err(server.exec()).context("cannot start target/release/okienko")
}

#[cfg(not(unix))]
fn exec(server: &mut Command) -> anyhow::Result<()> {
    sh_run(server)
}
