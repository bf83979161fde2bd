//! Building the single-page app with Trunk and checking its size budget.

use std::io::Write;

use anyhow::{Context, bail};

use crate::sh::{cmd, root, run};
use crate::tools::{ensure_spa_tools, tool_path};

/// The SPA's budget: wasm + JS, brotli-compressed (see docs/ARCHITECTURE.md).
pub const BUDGET_BROTLI_BYTES: usize = 300_000;

/// `trunk build --release` into `dist/` (tools installed first).
pub fn build() -> anyhow::Result<()> {
    ensure_spa_tools()?;
    run(&mut cmd("cargo", &["fetch"]))?;
    run(cmd("trunk", &["build", "--release", "--offline"]).env("PATH", tool_path()))
}

/// Prints the sizes of the built wasm and JS and fails above the budget.
pub fn check_size() -> anyhow::Result<()> {
    let dist = root().join("dist");
    let mut total = 0;
    for entry in std::fs::read_dir(&dist).context("no dist/: build the SPA first")? {
        let path = entry?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if ext != "wasm" && ext != "js" {
            continue;
        }
        let raw = std::fs::read(&path)?;
        let compressed = brotli_len(&raw)?;
        total += compressed;
        println!(
            "    {:<40} {:>9} bytes raw {:>9} bytes brotli",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            raw.len(),
            compressed
        );
    }
    println!("    wasm + js brotli total: {total} bytes (budget {BUDGET_BROTLI_BYTES})");
    if total == 0 {
        bail!("dist/ holds no .wasm or .js");
    }
    if total > BUDGET_BROTLI_BYTES {
        bail!("the SPA is {total} bytes brotli, over the {BUDGET_BROTLI_BYTES}-byte budget");
    }
    Ok(())
}

fn brotli_len(data: &[u8]) -> anyhow::Result<usize> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(data)?;
    }
    Ok(out.len())
}
