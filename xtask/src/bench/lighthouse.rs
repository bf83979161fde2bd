//! Lighthouse (npm `lighthouse`, with Debian's Chromium) on the first page, the mobile
//! preset (Lighthouse's default: a mid-range phone, slow 4G, 4× CPU slowdown): its four
//! scores printed, the report kept as `target/bench/lighthouse.json`. Accessibility
//! below 0.9 is a missed target (WCAG 2.1 AA is the law for a gmina); the others are
//! reported.

use anyhow::Context;
use serde_json::Value;

use crate::sh::{cmd, probe, root, run, step};

/// Lighthouse from npm, in `.tools/lighthouse` (its own prefix: an `npm install` next to
/// binaryen would prune it).
const LIGHTHOUSE_VERSION: &str = "12.8.2";

/// The lowest accessibility score accepted.
const MIN_ACCESSIBILITY: f64 = 0.9;

fn ensure_lighthouse() -> anyhow::Result<std::path::PathBuf> {
    let prefix = root().join(".tools").join("lighthouse");
    let bin = prefix.join("node_modules").join(".bin").join("lighthouse");
    let have = probe(std::process::Command::new(&bin).arg("--version")).unwrap_or_default();
    if have.trim() == LIGHTHOUSE_VERSION {
        return Ok(bin);
    }
    step(
        &format!(
            "Installing lighthouse {LIGHTHOUSE_VERSION} from npm into .tools/lighthouse (a minute)"
        ),
        || {
            std::fs::create_dir_all(&prefix)?;
            run(cmd(
                "npm",
                &[
                    "install",
                    "--no-save",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    ".tools/lighthouse",
                    &format!("lighthouse@{LIGHTHOUSE_VERSION}"),
                ],
            )
            .env("npm_config_update_notifier", "false"))
        },
    )?;
    Ok(bin)
}

/// Runs Lighthouse on `base`'s first page; returns the missed targets.
pub fn first_page(base: &str) -> anyhow::Result<Vec<String>> {
    println!("\n== Lighthouse, the first page, mobile preset");
    if !root().join("dist").join("index.html").exists() {
        println!("    dist/ not built: `cargo xtask test --only spa` builds it");
        return Ok(vec![]);
    }
    let bin = ensure_lighthouse()?;
    let report = root().join("target").join("bench").join("lighthouse.json");
    run(std::process::Command::new(&bin)
        .args([
            &format!("{base}/"),
            "--quiet",
            "--output=json",
            &format!("--output-path={}", report.display()),
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking \
             --disable-component-update --disable-sync --no-first-run",
        ])
        .env("CHROME_PATH", "/usr/bin/chromium"))?;
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(&report).context("reading the Lighthouse report")?,
    )?;
    let mut failures = vec![];
    let metric = |id: &str| {
        json["audits"][id]["displayValue"]
            .as_str()
            .unwrap_or("?")
            .to_owned()
    };
    for (key, name) in [
        ("performance", "performance"),
        ("accessibility", "accessibility"),
        ("best-practices", "best practices"),
        ("seo", "SEO"),
    ] {
        let score = json["categories"][key]["score"].as_f64().unwrap_or(0.0);
        println!("    {name}: {:.0}", score * 100.0);
        super::table::record(
            "Lighthouse, the first page (mobile preset, release server)",
            name,
            "SQLite",
            &[("score", score * 100.0, "")],
        );
        if key == "accessibility" && score < MIN_ACCESSIBILITY {
            failures.push(format!(
                "Lighthouse accessibility {:.0}, target ≥ {:.0}",
                score * 100.0,
                MIN_ACCESSIBILITY * 100.0
            ));
        }
    }
    println!(
        "    first contentful paint {}, largest contentful paint {}, total blocking time {}, \
         cumulative layout shift {} (report: target/bench/lighthouse.json)",
        metric("first-contentful-paint"),
        metric("largest-contentful-paint"),
        metric("total-blocking-time"),
        metric("cumulative-layout-shift"),
    );
    Ok(failures)
}
