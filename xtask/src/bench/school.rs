//! The gradebook's morning peak: every parent of the demo school (a year of grades in
//! every class, `okienko load-school`) opens the child's "today" and "grades" at once,
//! from [`CLIENTS`] connections; requests per second and p50/p99 of each endpoint.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context;

use super::percentile;
use crate::sh::{root, run};

/// Parents opening at once.
pub const CLIENTS: usize = 32;
/// Targets on this 2-core machine (each request reads a year of a pupil's grades with
/// their history, or today's lessons, changes, attendance and the week's grades): every
/// parent of the school (~340) served both pages within 5 seconds, each in ≤ 250 ms.
const MIN_PER_SEC: f64 = 150.0;
const MAX_P99_MS: f64 = 250.0;

/// Loads the school into the database and measures; returns the missed targets.
pub fn morning_peak(name: &str, base: &str, database_url: &str) -> anyhow::Result<Vec<String>> {
    let file = root().join("target").join("bench").join("parents.txt");
    let started = Instant::now();
    run(
        Command::new(root().join("target").join("release").join("okienko"))
            .args(["load-school", "--out"])
            .arg(&file)
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", "warn"),
    )?;
    println!("    load-school: {:.1} s", started.elapsed().as_secs_f64());
    let parents: Vec<(String, String)> = std::fs::read_to_string(&file)?
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, p)| (c.to_owned(), p.to_owned()))
        .collect();
    println!("    {} pupils with a parent each", parents.len());
    let mut failures = vec![];
    for endpoint in ["today", "grades"] {
        let started = Instant::now();
        let chunks: Vec<Vec<(String, String)>> = parents
            .chunks(parents.len().div_ceil(CLIENTS).max(1))
            .map(<[_]>::to_vec)
            .collect();
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|mine| {
                let base = base.to_owned();
                std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                    let agent = ureq::AgentBuilder::new()
                        .timeout(Duration::from_secs(30))
                        .build();
                    let mut lat = vec![];
                    // Each parent opens the page twice (a reload), as at 7:30.
                    for (cookie, pupil) in mine.iter().chain(mine.iter()) {
                        let t = Instant::now();
                        let body = agent
                            .get(&format!("{base}/api/school/pupils/{pupil}/{endpoint}"))
                            .set("Cookie", cookie)
                            .call()
                            .with_context(|| format!("GET {endpoint}"))?
                            .into_string()?;
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                        anyhow::ensure!(body.contains(pupil.as_str()), "another pupil's answer");
                    }
                    Ok(lat)
                })
            })
            .collect();
        let mut lat = vec![];
        for w in workers {
            lat.extend(
                w.join()
                    .map_err(|_| anyhow::anyhow!("a client panicked"))??,
            );
        }
        let rate = lat.len() as f64 / started.elapsed().as_secs_f64();
        let (p50, p99) = (percentile(&lat, 50.0), percentile(&lat, 99.0));
        println!(
            "    morning peak, GET …/{endpoint}, {CLIENTS} clients: {} requests, {rate:.0} req/s, \
             p50 {p50:.1} ms, p99 {p99:.1} ms",
            lat.len()
        );
        super::table::record(
            "the school's morning peak (every parent of the demo school at once, 32 connections)",
            format!("GET …/{endpoint}"),
            name,
            &[("", rate, "req/s"), ("p50", p50, "ms"), ("p99", p99, "ms")],
        );
        if rate < MIN_PER_SEC {
            failures.push(format!(
                "{name}: {endpoint} {rate:.0} req/s, target ≥ {MIN_PER_SEC}"
            ));
        }
        if p99 > MAX_P99_MS {
            failures.push(format!(
                "{name}: {endpoint} p99 {p99:.1} ms, target ≤ {MAX_P99_MS}"
            ));
        }
    }
    Ok(failures)
}
