//! `cargo xtask bench`: the speed and size targets, measured on this machine.
//!
//! Starts the release server on SQLite and on a durable private PostgreSQL (fsync on),
//! each with the demo gmina, and drives it over loopback like residents do:
//! - **filing**: log in, start a draft, save it, sign and submit it with a fresh
//!   idempotency key (the password check — argon2id — is part of every submission),
//!   with 1 and 4 clients at once; a submission counts once its receipt is back, which
//!   the server sends only after the commit;
//! - **reading**: `GET /api/cases` (the resident's list) and `GET /api/services`;
//! - **ballots**: 3000 different voters (accounts made by `okienko load-voters`) cast a
//!   civic-budget ballot each from 32 connections at once; a ballot counts once the
//!   server answers 201, which it sends only after the group commit that stored it.
//!
//! - **school**: the gradebook's morning peak — every parent of a school of ~380 pupils
//!   with a year of grades opens "today" and "grades" at once (32 connections);
//! - **alerts**: an alert to 10 000 e-mail subscribers, sent to a local SMTP server
//!   (aiosmtpd): time to queue, e-mails per second, reads' p99 while it sends.
//!
//! - **Lighthouse** on the first page with the mobile preset (SQLite only).
//!
//! - **HTTP reads at 64 connections** with Debian's `wrk`: a raw `GET /api/hello` (same
//!   binary and layers, no database) as the ceiling, then health, Jan's cases, his tax
//!   ledger, Anna's "today" for Ola and the civic-budget project list, each with its
//!   share of the ceiling; and Jan's cases again while wrong passwords flood the login
//!   from many addresses (each one an argon2id check).
//!
//! Then the tally beside pabutools and the SPA bundles' sizes. Everything lands in one
//! table, the backends side by side, also written as `target/bench/bench.json`. Each
//! number is checked against its target; the command fails if one is missed.

mod alerts;
mod lighthouse;
mod school;
mod table;
mod wrk;

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::e2e::demo_server;
use crate::pg::Cluster;
use crate::sh::{cmd, root, run};

const PASSWORD: &str = "Okienko-demo-2026";

/// Targets (what a gmina's portal must do on this 2-core machine).
const MIN_FILINGS_PER_SEC_1: f64 = 10.0;
const MIN_FILINGS_PER_SEC_4: f64 = 20.0;
const MAX_SUBMIT_P99_MS: f64 = 250.0;
const MAX_READ_P99_MS: f64 = 50.0;
const MIN_BALLOTS_PER_SEC: f64 = 1000.0;
const MAX_BALLOT_P99_MS: f64 = 250.0;
const VOTERS: usize = 3000;
const VOTING_CLIENTS: usize = 32;

/// Runs the benchmarks.
pub fn bench() -> anyhow::Result<()> {
    run(&mut cmd("cargo", &["build", "--release", "-p", "server"]))?;
    let mut failures = vec![];
    let dir = root().join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("okienko.db{suffix}")));
    }
    let sqlite = format!("sqlite://{}", dir.join("okienko.db").display());
    let everything = std::env::var("OKIENKO_BENCH_ONLY").is_err();
    if !only("tally") {
        failures.extend(backend("SQLite", &sqlite)?);
        let cluster = Cluster::start_with(true)?;
        failures.extend(backend("PostgreSQL (fsync on)", &cluster.url())?);
        drop(cluster);
    }
    if everything || only("tally") {
        failures.extend(tallies(&dir)?);
        failures.extend(spa_sizes());
    }
    table::finish()?;
    if failures.is_empty() {
        println!("\nEvery target met.");
        Ok(())
    } else {
        bail!("targets missed:\n  {}", failures.join("\n  "))
    }
}

/// One backend: start the server, measure, stop.
fn backend(name: &str, database_url: &str) -> anyhow::Result<Vec<String>> {
    println!("\n== {name}");
    let log = root().join("target").join("bench").join("server.log");
    let python = crate::tools::ensure_smtp_server()?;
    let smtp_port = crate::sh::free_port()?;
    let maildir = root().join("target").join("bench").join("maildir");
    let _ = std::fs::remove_dir_all(&maildir);
    let _smtp = crate::e2e::Server(crate::sh::spawn(
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
    let env = [
        ("OKIENKO_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}")),
        ("OKIENKO_EMAIL_PER_SECOND", "1000".to_owned()),
        // The login flood comes from many addresses, as a botnet's would.
        ("OKIENKO_TRUST_PROXY", "true".to_owned()),
    ];
    let (_server, port) = demo_server("release", database_url, &log, &env)?;
    let base = format!("http://127.0.0.1:{port}");
    let mut failures = vec![];
    if only("school") {
        return school::morning_peak(name, &base, database_url);
    }
    if only("lighthouse") {
        return if name == "SQLite" {
            lighthouse::first_page(&base)
        } else {
            Ok(vec![])
        };
    }
    if only("reads") {
        return http_reads(name, &base);
    }
    if only_alerts() {
        failures.extend(alerts::dispatch(
            name,
            &base,
            database_url,
            MAX_READ_P99_MS,
        )?);
        return Ok(failures);
    }

    // First, on the demo data as seeded (the filing below adds ~180 cases to Jan's list).
    failures.extend(http_reads(name, &base)?);
    for (clients, per_client, min_rate) in [
        (1, 60, MIN_FILINGS_PER_SEC_1),
        (4, 30, MIN_FILINGS_PER_SEC_4),
    ] {
        let (rate, lat) = filing(&base, clients, per_client)?;
        let (p50, p99) = (percentile(&lat, 50.0), percentile(&lat, 99.0));
        println!(
            "    filing, {clients} client(s): {} submissions, {rate:.1} filings/s (draft + save + \
             signed submit), submit p50 {p50:.0} ms, p99 {p99:.0} ms",
            lat.len()
        );
        table::record(
            "durable writes",
            format!("filing with receipt, {clients} client(s)"),
            name,
            &[
                ("", rate, "filings/s"),
                ("submit p50", p50, "ms"),
                ("p99", p99, "ms"),
            ],
        );
        if rate < min_rate {
            failures.push(format!(
                "{name}: {rate:.1} filings/s with {clients} client(s), target ≥ {min_rate}"
            ));
        }
        if p99 > MAX_SUBMIT_P99_MS {
            failures.push(format!(
                "{name}: submit p99 {p99:.0} ms with {clients} client(s), target ≤ {MAX_SUBMIT_P99_MS}"
            ));
        }
    }
    let (rate, lat) = ballots(&base, database_url)?;
    let (p50, p99) = (percentile(&lat, 50.0), percentile(&lat, 99.0));
    println!(
        "    ballots, {VOTING_CLIENTS} clients: {} ballots, {rate:.0} ballots/s (durable, group \
         commit), p50 {p50:.1} ms, p99 {p99:.1} ms",
        lat.len()
    );
    table::record(
        "durable writes",
        format!("ballots, {VOTING_CLIENTS} clients"),
        name,
        &[
            ("", rate, "ballots/s"),
            ("p50", p50, "ms"),
            ("p99", p99, "ms"),
        ],
    );
    if rate < MIN_BALLOTS_PER_SEC {
        failures.push(format!(
            "{name}: {rate:.0} ballots/s, target ≥ {MIN_BALLOTS_PER_SEC}"
        ));
    }
    if p99 > MAX_BALLOT_P99_MS {
        failures.push(format!(
            "{name}: ballot p99 {p99:.1} ms, target ≤ {MAX_BALLOT_P99_MS}"
        ));
    }
    // Jan's tax ledger: three years of assessments, instalments with interest to the day,
    // payments with their allocation.
    let taxpayers: Value = logged_in(&base)?
        .get(&format!("{base}/api/taxes/taxpayers"))
        .call()?
        .into_json()?;
    let ledger = format!(
        "/api/taxes/taxpayers/{}",
        taxpayers[0]["id"].as_str().context("Jan's taxpayer")?
    );
    for path in ["/api/cases", "/api/services", ledger.as_str()] {
        let lat = reads(&base, path, 300)?;
        let (p50, p99) = (percentile(&lat, 50.0), percentile(&lat, 99.0));
        println!("    GET {path}: p50 {p50:.1} ms, p99 {p99:.1} ms (300 requests)");
        if p99 > MAX_READ_P99_MS {
            failures.push(format!(
                "{name}: GET {path} p99 {p99:.1} ms, target ≤ {MAX_READ_P99_MS}"
            ));
        }
    }
    if name == "SQLite" {
        failures.extend(lighthouse::first_page(&base)?);
    }
    failures.extend(school::morning_peak(name, &base, database_url)?);
    failures.extend(alerts::dispatch(
        name,
        &base,
        database_url,
        MAX_READ_P99_MS,
    )?);
    let _ = std::fs::remove_dir_all(&maildir);
    Ok(failures)
}

/// Connections of the HTTP reads.
const CONNECTIONS: u32 = 64;
/// Seconds each read is loaded for.
const SECONDS: u32 = 5;
/// Target of the reads at 64 connections (p99).
const MAX_LOADED_P99_MS: f64 = 100.0;
/// Target of a parent's "today" at 64 connections (p99), as in the morning peak.
const MAX_TODAY_P99_MS: f64 = 250.0;

/// A session cookie (`name=value`) of a demo account without a second factor.
fn session_cookie(base: &str, email: &str) -> anyhow::Result<String> {
    let response = ureq::post(&format!("{base}/api/auth/login"))
        .send_json(json!({"email": email, "password": PASSWORD}))
        .with_context(|| format!("log in as {email}"))?;
    let cookie = response
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .context("no session cookie")?;
    Ok(cookie.to_owned())
}

fn get_json(base: &str, path: &str, cookie: &str) -> anyhow::Result<Value> {
    Ok(ureq::get(&format!("{base}{path}"))
        .set("Cookie", cookie)
        .call()
        .with_context(|| format!("GET {path}"))?
        .into_json()?)
}

/// The reads at [`CONNECTIONS`] with wrk against the hello ceiling, then Jan's cases
/// while wrong passwords flood the login; returns the missed targets.
fn http_reads(name: &str, base: &str) -> anyhow::Result<Vec<String>> {
    wrk::ensure()?;
    let jan = session_cookie(base, "jan.kowalski@example.pl")?;
    let anna = session_cookie(base, "anna.nowak@example.pl")?;
    let taxpayers = get_json(base, "/api/taxes/taxpayers", &jan)?;
    let ledger = format!(
        "/api/taxes/taxpayers/{}",
        taxpayers[0]["id"].as_str().context("Jan's taxpayer")?
    );
    let me = get_json(base, "/api/school/me", &anna)?;
    let ola = me["children"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["full_name"] == "Ola Nowak"))
        .and_then(|c| c["id"].as_str())
        .context("Ola")?
        .to_owned();
    let editions = get_json(base, "/api/civic/editions", &jan)?;
    let edition = editions
        .as_array()
        .and_then(|all| all.iter().find(|e| e["phase"] == "voting"))
        .and_then(|e| e["id"].as_str())
        .context("no demo edition open for voting")?
        .to_owned();
    // (what, path, cookie, p99 target in ms): "today" reads a day's lessons, changes,
    // attendance, notices and the week's grades, so it has the morning peak's target.
    let reads: [(&str, String, Option<&str>, f64); 6] = [
        (
            "GET /api/hello (the ceiling)",
            "/api/hello".into(),
            None,
            MAX_LOADED_P99_MS,
        ),
        (
            "GET /api/health",
            "/api/health".into(),
            None,
            MAX_LOADED_P99_MS,
        ),
        (
            "my cases (Jan)",
            "/api/cases".into(),
            Some(&jan),
            MAX_LOADED_P99_MS,
        ),
        (
            "tax balance (Jan's ledger)",
            ledger,
            Some(&jan),
            MAX_LOADED_P99_MS,
        ),
        (
            "parent's today (Anna, Ola)",
            format!("/api/school/pupils/{ola}/today"),
            Some(&anna),
            MAX_TODAY_P99_MS,
        ),
        (
            "PB project list",
            format!("/api/civic/editions/{edition}/projects"),
            None,
            MAX_LOADED_P99_MS,
        ),
    ];
    let section = "reads at 64 connections (wrk, 5 s each; × = share of the ceiling)";
    let mut failures = vec![];
    let mut ceiling = f64::NAN;
    for (what, path, cookie, target) in &reads {
        let load = wrk::run(
            &format!("{base}{path}"),
            CONNECTIONS,
            SECONDS,
            *cookie,
            None,
        )?;
        if ceiling.is_nan() {
            ceiling = load.rps;
        }
        println!(
            "    {what}: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, {:.2}× the ceiling ({} requests, {} errors)",
            load.rps,
            load.p50,
            load.p99,
            load.rps / ceiling,
            load.requests,
            load.errors
        );
        table::record(
            section,
            *what,
            name,
            &[
                ("", load.rps, "req/s"),
                ("p50", load.p50, "ms"),
                ("p99", load.p99, "ms"),
                ("", load.rps / ceiling, "×"),
            ],
        );
        if load.errors > 0 {
            failures.push(format!(
                "{name}: {what}: {} answers were errors",
                load.errors
            ));
        }
        if load.p99 > *target {
            failures.push(format!(
                "{name}: {what} p99 {:.1} ms at {CONNECTIONS} connections, target ≤ {target}",
                load.p99
            ));
        }
    }
    // Wrong passwords from many addresses (16 connections) while 64 connections read.
    let script = wrk::script(
        "flood",
        "POST",
        r#"{"email": "flood-@N@@example.pl", "password": "wrong-password-2026"}"#,
        true,
    )?;
    let login = format!("{base}/api/auth/login");
    let flood = std::thread::spawn(move || wrk::run(&login, 16, SECONDS + 4, None, Some(&script)));
    std::thread::sleep(Duration::from_secs(2));
    let during = wrk::run(
        &format!("{base}/api/cases"),
        CONNECTIONS,
        SECONDS,
        Some(&jan),
        None,
    )?;
    let flood = flood
        .join()
        .map_err(|_| anyhow::anyhow!("the flood panicked"))??;
    println!(
        "    my cases while {:.0} wrong logins/s flood in: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms",
        flood.rps, during.rps, during.p50, during.p99
    );
    let flooded = "while wrong passwords flood the login (16 connections, many addresses)";
    table::record(
        flooded,
        "wrong logins (an argon2id check each)",
        name,
        &[("", flood.rps, "req/s"), ("p99", flood.p99, "ms")],
    );
    table::record(
        flooded,
        "my cases (Jan), 64 connections",
        name,
        &[
            ("", during.rps, "req/s"),
            ("p50", during.p50, "ms"),
            ("p99", during.p99, "ms"),
        ],
    );
    if during.p99 > MAX_LOADED_P99_MS {
        failures.push(format!(
            "{name}: my cases p99 {:.1} ms during the login flood, target ≤ {MAX_LOADED_P99_MS}",
            during.p99
        ));
    }
    Ok(failures)
}

/// `OKIENKO_BENCH_ONLY=alerts cargo xtask bench` measures the alert dispatch only.
fn only_alerts() -> bool {
    only("alerts")
}

/// `OKIENKO_BENCH_ONLY=<part>`: only that part (`reads`, `tally`, `alerts`, `school`, `lighthouse`).
fn only(part: &str) -> bool {
    std::env::var("OKIENKO_BENCH_ONLY").is_ok_and(|v| v == part)
}

fn logged_in(base: &str) -> anyhow::Result<ureq::Agent> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .build();
    agent
        .post(&format!("{base}/api/auth/login"))
        .send_json(json!({"email": "jan.kowalski@example.pl", "password": PASSWORD}))
        .context("log in")?;
    Ok(agent)
}

/// `clients` threads, each filing `per_client` general letters; returns filings per
/// second (wall clock) and every submission's latency in ms.
fn filing(base: &str, clients: usize, per_client: usize) -> anyhow::Result<(f64, Vec<f64>)> {
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|worker| {
            let base = base.to_owned();
            std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                let agent = logged_in(&base)?;
                let mut lat = vec![];
                for n in 0..per_client {
                    let draft: Value = agent
                        .post(&format!("{base}/api/drafts"))
                        .send_json(json!({"service_slug": "pismo-ogolne"}))?
                        .into_json()?;
                    let id = draft["id"].as_str().context("draft id")?;
                    agent.put(&format!("{base}/api/drafts/{id}")).send_json(json!({
                        "data": {"letter": {"subject": "Pomiar", "body": "Treść pisma do pomiaru."}},
                        "revision": draft["revision"],
                    }))?;
                    let key = format!("bench-{}-{worker}-{n}", std::process::id());
                    let t = Instant::now();
                    let response = agent
                        .post(&format!("{base}/api/drafts/{id}/submit"))
                        .set("Idempotency-Key", &key)
                        .send_json(json!({"password": PASSWORD}))?;
                    let filed: Value = response.into_json()?;
                    lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    if filed["receipt"]["signature"].as_str().is_none() {
                        bail!("a submission came back without its receipt: {filed}");
                    }
                }
                Ok(lat)
            })
        })
        .collect();
    let mut all = vec![];
    for w in workers {
        all.extend(
            w.join()
                .map_err(|_| anyhow::anyhow!("a client thread panicked"))??,
        );
    }
    let rate = all.len() as f64 / started.elapsed().as_secs_f64();
    Ok((rate, all))
}

/// [`VOTERS`] voters cast one ballot each over [`VOTING_CLIENTS`] connections; returns
/// ballots per second (wall clock) and each ballot's latency in ms.
fn ballots(base: &str, database_url: &str) -> anyhow::Result<(f64, Vec<f64>)> {
    let file = root().join("target").join("bench").join("voters.txt");
    run(
        Command::new(root().join("target").join("release").join("okienko"))
            .args(["load-voters", "--count", &VOTERS.to_string(), "--out"])
            .arg(&file)
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", "warn"),
    )?;
    let cookies: Vec<String> = std::fs::read_to_string(&file)?
        .lines()
        .map(str::to_owned)
        .collect();
    let editions: Value = ureq::get(&format!("{base}/api/civic/editions"))
        .call()?
        .into_json()?;
    let edition = editions
        .as_array()
        .and_then(|all| all.iter().find(|e| e["phase"] == "voting"))
        .context("no demo edition open for voting")?;
    let id = edition["id"].as_str().context("edition id")?.to_owned();
    let projects: Value = ureq::get(&format!("{base}/api/civic/editions/{id}/projects"))
        .call()?
        .into_json()?;
    let city = edition["pools"][0]["id"]
        .as_str()
        .context("pool")?
        .to_owned();
    let choices: Vec<String> = projects
        .as_array()
        .context("projects")?
        .iter()
        .filter(|p| p["pool_id"] == city.as_str())
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    let url = format!("{base}/api/civic/editions/{id}/ballot");
    let started = Instant::now();
    let workers: Vec<_> = (0..VOTING_CLIENTS)
        .map(|worker| {
            let mine: Vec<String> = cookies
                .iter()
                .skip(worker)
                .step_by(VOTING_CLIENTS)
                .cloned()
                .collect();
            let (url, city, choices) = (url.clone(), city.clone(), choices.clone());
            std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(30))
                    .build();
                let mut lat = vec![];
                for (n, cookie) in mine.iter().enumerate() {
                    let picked: Vec<&String> = choices.iter().skip(n % 3).take(1 + n % 3).collect();
                    let t = Instant::now();
                    let response = agent
                        .post(&url)
                        .set("Cookie", cookie)
                        .send_json(json!({"choices": [{"pool_id": city, "projects": picked}]}))?;
                    lat.push(t.elapsed().as_secs_f64() * 1000.0);
                    if response.status() != 201 {
                        bail!("a ballot was answered {}", response.status());
                    }
                }
                Ok(lat)
            })
        })
        .collect();
    let mut all = vec![];
    for w in workers {
        all.extend(
            w.join()
                .map_err(|_| anyhow::anyhow!("a voting thread panicked"))??,
        );
    }
    Ok((all.len() as f64 / started.elapsed().as_secs_f64(), all))
}

fn reads(base: &str, path: &str, n: usize) -> anyhow::Result<Vec<f64>> {
    let agent = logged_in(base)?;
    let mut lat = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        agent.get(&format!("{base}{path}")).call()?.into_string()?;
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(lat)
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Runs `program` and reads its JSON answer's `selected` ids, sorted; and its seconds
/// (wall clock).
fn selected_by(c: &mut Command) -> anyhow::Result<(Vec<String>, f64)> {
    let started = Instant::now();
    let out = c.output()?;
    let took = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("the tally failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let answer: Value = serde_json::from_slice(&out.stdout).context("the tally's JSON")?;
    let mut selected: Vec<String> = answer["selected"]
        .as_array()
        .context("selected")?
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    selected.sort();
    Ok((selected, answer["seconds"].as_f64().unwrap_or(took)))
}

/// `okienko pb tally` (release, process start and parse included) beside pabutools
/// (parse and tally, its own clock) on the real elections: the same projects, and how
/// many times faster.
fn tallies(dir: &std::path::Path) -> anyhow::Result<Vec<String>> {
    use std::io::Read;
    println!("\n== Civic-budget tally beside pabutools (one run each, parse included)");
    let python = crate::tools::ensure_pabutools()?;
    let script = root().join("xtask").join("py").join("pabutools_tally.py");
    let data = root().join("models").join("tests").join("data");
    let mut lodz = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(data.join("poland_lodz_2024_.pb.gz"))?)
        .read_to_string(&mut lodz)?;
    let lodz_path = dir.join("poland_lodz_2024_.pb");
    std::fs::write(&lodz_path, lodz)?;
    let mut failures = vec![];
    for (name, rule, path) in [
        ("Łódź 2024 (66,045 ballots)", "greedy", lodz_path),
        (
            "Świecie 2023 (2,553 ballots)",
            "mes",
            data.join("poland_swiecie_2023_.pb"),
        ),
    ] {
        let (ours, took) = selected_by(
            Command::new(root().join("target/release/okienko"))
                .args(["pb", "tally", "--rule", rule])
                .arg(&path),
        )?;
        let (theirs, pabutools) =
            selected_by(Command::new(&python).arg(&script).arg(rule).arg(&path))?;
        let same = ours == theirs;
        let speedup = pabutools / took;
        println!(
            "    {rule} on {name}: {:.0} ms, pabutools {pabutools:.1} s: {speedup:.0}× faster; {} projects, {}",
            took * 1000.0,
            ours.len(),
            if same {
                "the same as pabutools"
            } else {
                "NOT the same as pabutools"
            }
        );
        table::record(
            "civic-budget tally beside pabutools 1.2.3 (one run each, parse included)",
            format!("{rule} on {name}"),
            "release binary",
            &[
                ("", took * 1000.0, "ms"),
                ("pabutools", pabutools, "s"),
                ("faster", speedup, "×"),
                ("same projects", if same { 1.0 } else { 0.0 }, "yes/no"),
            ],
        );
        if !same {
            failures.push(format!(
                "{rule} on {name}: Okienko selects {ours:?}, pabutools {theirs:?}"
            ));
        }
        if speedup < 100.0 {
            failures.push(format!(
                "{rule} on {name}: only {speedup:.0}× pabutools, target ≥ 100×"
            ));
        }
    }
    Ok(failures)
}

/// The SPA bundles against their budgets (when `dist/` is built).
fn spa_sizes() -> Vec<String> {
    println!("\n== SPA bundles (raw, gzip, brotli)");
    if !root().join("dist").join("index.html").exists() {
        println!("    dist/ not built: `cargo xtask test --only spa` builds and checks it");
        return vec![];
    }
    match crate::spa::check_size() {
        Ok(sizes) => {
            for (what, raw, gzip, brotli) in sizes {
                table::record(
                    "the release SPA (bytes)",
                    what,
                    "dist/",
                    &[
                        ("raw", raw as f64, "B"),
                        ("gzip", gzip as f64, "B"),
                        ("brotli", brotli as f64, "B"),
                    ],
                );
            }
            vec![]
        }
        Err(e) => vec![format!("{e:#}")],
    }
}
