//! The `okienko` binary: migrate, seed, user add, and a real server whose logs carry
//! no personal data.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{DEMO_PASSWORD, fresh_database_url};

fn okienko(url: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_okienko"));
    cmd.args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run okienko")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[tokio::test]
async fn migrate_seed_and_user_add_work_and_refuse_bad_input() {
    let (url, _file) = fresh_database_url().await;
    let out = okienko(&url, &["migrate"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = okienko(&url, &["seed", "--demo"], &[]);
    assert!(text(&out).contains("demo data loaded"), "{}", text(&out));
    let out = okienko(&url, &["seed", "--demo"], &[]);
    assert!(
        text(&out).contains("already present"),
        "seeding twice changes nothing: {}",
        text(&out)
    );

    let pw = [("OKIENKO_PASSWORD", "Pierwszy-admin-2026")];
    let out = okienko(
        &url,
        &[
            "user",
            "add",
            "--email",
            "Wojt@Example.pl",
            "--role",
            "admin,clerk",
            "--name",
            "Wójt Gminy",
        ],
        &pw,
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("wojt@example.pl"));

    for (args, why) in [
        (
            vec![
                "user",
                "add",
                "--email",
                "x@example.pl",
                "--role",
                "burmistrz",
            ],
            "unknown role",
        ),
        (
            vec!["user", "add", "--email", "not-an-email", "--role", "admin"],
            "e-mail",
        ),
        (
            vec![
                "user",
                "add",
                "--email",
                "y@example.pl",
                "--role",
                "admin",
                "--gmina",
                "nie-ma",
            ],
            "no gmina",
        ),
    ] {
        let out = okienko(&url, &args, &pw);
        assert!(!out.status.success(), "{args:?}");
        assert!(text(&out).contains(why), "{args:?}: {}", text(&out));
    }
    let out = okienko(
        &url,
        &["user", "add", "--email", "z@example.pl", "--role", "admin"],
        &[("OKIENKO_PASSWORD", "krotkie")],
    );
    assert!(
        !out.status.success() && text(&out).contains("10–128"),
        "{}",
        text(&out)
    );
    let out = okienko("mysql://nope", &["migrate"], &[]);
    assert!(
        !out.status.success() && text(&out).contains("DATABASE_URL"),
        "{}",
        text(&out)
    );
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["user", "add", "--help"],
    ] {
        assert!(okienko(&url, &args, &[]).status.success(), "{args:?}");
    }
}

/// Sends one HTTP/1.1 request over TCP and returns the raw response.
async fn http(addr: &str, request: String) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).await.expect("read");
    String::from_utf8_lossy(&buf).into_owned()
}

#[tokio::test]
async fn a_served_portal_logs_requests_without_personal_data() {
    let (url, _file) = fresh_database_url().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_okienko"))
        .args(["serve", "--demo"])
        .env("DATABASE_URL", &url)
        .env("OKIENKO_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve");
    let stdout = child.stdout.take().expect("stdout");
    // Drain the logs as they come: a full pipe would block the server.
    let mut stderr = child.stderr.take().expect("stderr");
    let collector = std::thread::spawn(move || {
        let mut logs = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut logs);
        logs
    });
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("server printed its address")
            .expect("line");
        if let Some(a) = line.strip_prefix("Okienko: http://") {
            break a.to_owned();
        }
    };
    let body = format!(r#"{{"email":"anna.nowak@example.pl","password":"{DEMO_PASSWORD}"}}"#);
    let login = format!(
        "POST /api/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response = tokio::time::timeout(Duration::from_secs(30), http(&addr, login))
        .await
        .expect("in time");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let bad = r#"{"email":"jan.kowalski@example.pl","password":"zle-haslo-tajne"}"#;
    let wrong = format!(
        "POST /api/auth/login?pesel=85071512348 HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{bad}",
        bad.len()
    );
    assert!(http(&addr, wrong).await.starts_with("HTTP/1.1 401"));
    let _ = child.kill();
    let _ = child.wait();
    let logs = collector.join().expect("logs");
    assert!(
        logs.contains("/api/auth/login"),
        "requests are logged: {logs}"
    );
    for secret in [
        "anna.nowak",
        "Anna Nowak",
        "jan.kowalski",
        "zle-haslo-tajne",
        DEMO_PASSWORD,
        "85071512348",
        "okienko_session=",
    ] {
        assert!(!logs.contains(secret), "{secret:?} leaked into the logs");
    }
}

#[test]
fn pb_tally_prints_the_outcome_and_refuses_a_bad_file_with_its_line() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../models/tests/data/poland_swiecie_2023_.pb"
    );
    let out = okienko(
        "sqlite::memory:",
        &["pb", "tally", "--rule", "mes", fixture],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let outcome: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(outcome["rule"], "mes");
    assert_eq!(outcome["total_cost"], 1_040_337);
    assert_eq!(outcome["selected"].as_array().expect("list").len(), 17);

    let out = okienko(
        "sqlite::memory:",
        &["pb", "tally", "--rule", "greedy", fixture],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));

    let dir = std::env::temp_dir().join(format!("okienko-pb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.pb");
    std::fs::write(
        &bad,
        "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\np1;10\nVOTES\nvoter_id;vote\nv1;p7\n",
    )
    .expect("write");
    let out = okienko(
        "sqlite::memory:",
        &[
            "pb",
            "tally",
            "--rule",
            "greedy",
            bad.to_str().expect("path"),
        ],
        &[],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("line 9"), "{}", text(&out));
    let out = okienko(
        "sqlite::memory:",
        &["pb", "tally", "--rule", "borda", fixture],
        &[],
    );
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn backup_and_restore_from_the_command_line() {
    let (url, _file) = fresh_database_url().await;
    let out = okienko(&url, &["seed", "--demo"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let dir = std::env::temp_dir().join("okienko-tests");
    let backup = dir.join(format!("cli-{}.bak", uuid::Uuid::new_v4().simple()));
    let file = backup.display().to_string();
    let out = okienko(&url, &["backup", &file], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("backup written"), "{}", text(&out));
    // Never over an existing file.
    let out = okienko(&url, &["backup", &file], &[]);
    assert!(!out.status.success());
    assert!(text(&out).contains("already exists"), "{}", text(&out));
    // Into a new, empty database: the demo is there and the audit chain verifies.
    let (target, target_file) = fresh_database_url().await;
    let out = okienko(&target, &["restore", &file], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = okienko(&target, &["audit", "verify"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = okienko(&target, &["seed", "--demo"], &[]);
    assert!(text(&out).contains("already present"), "{}", text(&out));
    let out = okienko(&target, &["restore", "/nonexistent/okienko.bak"], &[]);
    assert!(!out.status.success());
    for f in [Some(backup), target_file].into_iter().flatten() {
        let _ = std::fs::remove_file(f);
    }
}
