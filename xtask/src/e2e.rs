//! The Playwright suite in Debian's Chromium against a real server on a free port.

use std::fs::File;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::bail;

use crate::sh::{cmd, free_port, root, run, spawn};
use crate::tools::apt_install;

/// A server process, killed on drop.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The journeys that also run against PostgreSQL (`e2e-postgres`): the gradebook's, whose
/// queries differ most between the two databases (Playwright `--grep`).
pub const ON_POSTGRES: &str = "teacher types|takes attendance|Ola sees|Anna writes|switches notices|sets homework|school office|admin adds a school";

/// Which database the demo server of a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// A fresh SQLite file under `target/e2e`: every journey.
    Sqlite,
    /// A fresh private PostgreSQL cluster: the journeys of [`ON_POSTGRES`].
    Postgres,
}

/// Installs what the suite needs, starts the demo server and runs Playwright.
pub fn run_suite(store: Store) -> anyhow::Result<()> {
    if !Path::new("/usr/bin/chromium").exists() {
        apt_install(&["chromium"], "the browser tests")?;
    }
    let e2e = root().join("end2end");
    let npm_args: &[&str] = if e2e.join("package-lock.json").exists() {
        &["ci"]
    } else {
        &["install"]
    };
    let mut npm = cmd("npm", npm_args);
    npm.args(["--no-audit", "--no-fund"])
        .current_dir(&e2e)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("npm_config_update_notifier", "false");
    run(&mut npm)?;
    // Playwright strips types without checking them; a typo in a helper should fail here.
    run(cmd("npx", &["tsc", "--noEmit"]).current_dir(&e2e))?;
    run(&mut cmd("cargo", &["build", "-p", "server"]))?;

    let dir = root().join("target").join("e2e");
    std::fs::create_dir_all(&dir)?;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("okienko.db{suffix}")));
    }
    // The cluster stops when the guard is dropped, after the journeys.
    let (database, _cluster) = match store {
        Store::Sqlite => (
            format!("sqlite://{}", dir.join("okienko.db").display()),
            None,
        ),
        Store::Postgres => {
            let cluster = crate::pg::Cluster::start()?;
            (cluster.url(), Some(cluster))
        }
    };
    let log = dir.join(match store {
        Store::Sqlite => "server.log",
        Store::Postgres => "server-postgres.log",
    });
    // Alerts go out for real: e-mail to a local SMTP server (aiosmtpd, into a maildir)
    // and SMS to the gateway simulator; the journeys read both.
    let python = crate::tools::ensure_smtp_server()?;
    let maildir = dir.join("maildir");
    let _ = std::fs::remove_dir_all(&maildir);
    let smtp_port = free_port()?;
    let _smtp = Server(spawn(
        Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{smtp_port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir),
    )?);
    let sms_port = free_port()?;
    let _sms = Server(spawn(
        Command::new(root().join("target/debug/okienko")).args([
            "sms-simulator",
            "--addr",
            &format!("127.0.0.1:{sms_port}"),
        ]),
    )?);
    let channels = [
        ("OKIENKO_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}")),
        (
            "OKIENKO_SMS_URL",
            format!("http://127.0.0.1:{sms_port}/sms.do"),
        ),
    ];
    let (_server, port) = demo_server("debug", &database, &log, &channels)?;

    let base = format!("http://127.0.0.1:{port}");
    let mut playwright = cmd("npx", &["playwright", "test"]);
    playwright
        .current_dir(&e2e)
        .env("BASE_URL", &base)
        .env("E2E_PORT", port.to_string())
        .env("E2E_MAILDIR", &maildir)
        .env("E2E_SMS_URL", format!("http://127.0.0.1:{sms_port}"));
    // `E2E_GREP=office cargo xtask test --only e2e` runs only the matching journeys.
    match (store, std::env::var("E2E_GREP")) {
        (_, Ok(grep)) => {
            playwright.args(["--grep", &grep]);
        }
        (Store::Postgres, Err(_)) => {
            playwright.args(["--grep", ON_POSTGRES]);
        }
        (Store::Sqlite, Err(_)) => {}
    }
    let result = run(&mut playwright);
    if result.is_err() {
        println!(
            "    report: end2end/playwright-report/index.html (traces of failed tests in \
             end2end/test-results/, open with `npx playwright show-trace`), server log: {}",
            log.display()
        );
    }
    result
}

/// Starts `target/<profile>/okienko serve --demo` on a free loopback port with its output
/// in `log`, and waits until it answers; the server stops when the guard is dropped.
pub fn demo_server(
    profile: &str,
    database_url: &str,
    log: &Path,
    env: &[(&str, String)],
) -> anyhow::Result<(Server, u16)> {
    let port = free_port()?;
    let out = File::create(log)?;
    println!("    server output goes to {}", log.display());
    let child = spawn(
        Command::new(root().join("target").join(profile).join("okienko"))
            .args(["serve", "--demo"])
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .current_dir(root())
            .env("DATABASE_URL", database_url)
            .env("OKIENKO_ADDR", format!("127.0.0.1:{port}"))
            .env("OKIENKO_DIST", root().join("dist"))
            .env("RUST_LOG", "warn")
            .stdout(out.try_clone()?)
            .stderr(out),
    )?;
    let server = Server(child);
    wait_healthy(port, log)?;
    Ok((server, port))
}

fn wait_healthy(port: u16, log: &Path) -> anyhow::Result<()> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if health(port).unwrap_or(false) {
            println!("    server ready on 127.0.0.1:{port}");
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let tail: Vec<&str> = text.lines().rev().take(30).collect();
    bail!(
        "the server did not become healthy in 60 s; log tail:\n{}",
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    )
}

fn health(port: u16) -> std::io::Result<bool> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(
        s,
        "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    s.read_to_string(&mut response)?;
    Ok(response.starts_with("HTTP/1.1 200"))
}
