//! Building the single-page app with Trunk and checking its size budget.

use std::io::Write;

use anyhow::{Context, bail};

use crate::sh::{cmd, root, run};
use crate::tools::{ensure_spa_tools, tool_path};

/// The residents' bundle budget: wasm + JS, brotli-compressed (see docs/ARCHITECTURE.md).
pub const BUDGET_BROTLI_BYTES: usize = 320_000;

/// The back office's bundle (every resident page plus the clerks' screens).
pub const OFFICE_BUDGET_BROTLI_BYTES: usize = 462_000;

/// Where the back-office bundle goes, inside `dist/` (its URL prefix too).
pub const OFFICE_DIR: &str = "office-app";

/// The civic budget's bundle (every resident page plus voting, proposals, results and
/// the in-browser recount with the counting engine).
pub const CIVIC_BUDGET_BROTLI_BYTES: usize = 386_000;

/// Where the civic budget's bundle goes, inside `dist/` (its URL prefix too).
pub const CIVIC_DIR: &str = "civic-app";

/// The taxes bundle (the account pages plus the ledger and payments).
pub const TAXES_BUDGET_BROTLI_BYTES: usize = 260_000;

/// Where the taxes bundle goes, inside `dist/` (its URL prefix too).
pub const TAXES_DIR: &str = "taxes-app";

/// The crisis alerts' bundle (the account pages plus alerts, subscriptions and the
/// crisis team's console).
pub const ALERTS_BUDGET_BROTLI_BYTES: usize = 260_000;

/// Where the alerts bundle goes, inside `dist/` (its URL prefix too).
pub const ALERTS_DIR: &str = "alerts-app";

/// Public information's bundle (the account pages plus the budget, the registers with
/// their map, announcements, open data and the clerks' publishing page).
pub const INFO_BUDGET_BROTLI_BYTES: usize = 306_000;

/// Where the public-information bundle goes, inside `dist/` (its URL prefix too).
pub const INFO_DIR: &str = "info-app";

/// The gradebook's bundle (the account pages plus grades with their history, who looked,
/// the teacher's grid, attendance, notices, messages and the agenda).
pub const SCHOOL_BUDGET_BROTLI_BYTES: usize = 356_000;

/// Where the gradebook's bundle goes, inside `dist/` (its URL prefix too).
pub const SCHOOL_DIR: &str = "school-app";

/// `trunk build --release` of the seven bundles into `dist/`, `dist/office-app/`,
/// `dist/civic-app/`, `dist/taxes-app/`, `dist/alerts-app/`, `dist/info-app/` and
/// `dist/school-app/` (tools
/// installed first). The residents' build comes first: Trunk empties its `dist`.
pub fn build() -> anyhow::Result<()> {
    ensure_spa_tools()?;
    run(&mut cmd("cargo", &["fetch"]))?;
    run(cmd("trunk", &["build", "--release", "--offline"]).env("PATH", tool_path()))?;
    for (html, dir) in [
        ("office.html", OFFICE_DIR),
        ("civic.html", CIVIC_DIR),
        ("taxes.html", TAXES_DIR),
        ("alerts.html", ALERTS_DIR),
        ("info.html", INFO_DIR),
        ("school.html", SCHOOL_DIR),
    ] {
        let dist = format!("dist/{dir}");
        let url = format!("/{dir}/");
        run(cmd(
            "trunk",
            &[
                "build",
                html,
                "--release",
                "--offline=true",
                "--dist",
                &dist,
                "--public-url",
                &url,
            ],
        )
        .env("PATH", tool_path()))?;
    }
    Ok(())
}

/// Prints the sizes of the seven bundles (the residents' is the first route's, the
/// others load with their area) and fails when one is over its budget.
pub fn check_size() -> anyhow::Result<Sizes> {
    let dist = root().join("dist");
    let mut sizes = vec![];
    for (name, dir, budget) in [
        ("residents (first route)", dist.clone(), BUDGET_BROTLI_BYTES),
        (
            "back office",
            dist.join(OFFICE_DIR),
            OFFICE_BUDGET_BROTLI_BYTES,
        ),
        (
            "civic budget",
            dist.join(CIVIC_DIR),
            CIVIC_BUDGET_BROTLI_BYTES,
        ),
        ("taxes", dist.join(TAXES_DIR), TAXES_BUDGET_BROTLI_BYTES),
        ("alerts", dist.join(ALERTS_DIR), ALERTS_BUDGET_BROTLI_BYTES),
        (
            "public information",
            dist.join(INFO_DIR),
            INFO_BUDGET_BROTLI_BYTES,
        ),
        ("school", dist.join(SCHOOL_DIR), SCHOOL_BUDGET_BROTLI_BYTES),
    ] {
        bundle_size(name, &dir, budget, &mut sizes)?;
    }
    Ok(sizes)
}

/// A bundle's files: (bundle: kind, raw, gzip, brotli bytes).
pub type Sizes = Vec<(String, usize, usize, usize)>;

fn bundle_size(
    name: &str,
    dist: &std::path::Path,
    budget: usize,
    sizes: &mut Sizes,
) -> anyhow::Result<()> {
    let mut total = 0;
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dist)
        .context("no dist/: build the SPA first")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    // The wasm first, then the js.
    files.sort_by_key(|p| std::cmp::Reverse(p.extension().map(|e| e.to_os_string())));
    for path in files {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if ext != "wasm" && ext != "js" {
            continue;
        }
        let raw = std::fs::read(&path)?;
        let compressed = brotli_len(&raw)?;
        let gzip = gzip_len(&raw)?;
        total += compressed;
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "    {file:<40} {:>9} bytes raw {gzip:>9} gzip {compressed:>9} brotli",
            raw.len(),
        );
        sizes.push((format!("{name}: {ext}"), raw.len(), gzip, compressed));
    }
    println!("    {name}: wasm + js brotli total {total} bytes (budget {budget})");
    if total == 0 {
        bail!("{} holds no .wasm or .js", dist.display());
    }
    if total > budget {
        bail!("the {name} bundle is {total} bytes brotli, over the {budget}-byte budget");
    }
    Ok(())
}

fn gzip_len(data: &[u8]) -> anyhow::Result<usize> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(data)?;
    Ok(w.finish()?.len())
}

fn brotli_len(data: &[u8]) -> anyhow::Result<usize> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(data)?;
    }
    Ok(out.len())
}
