//! HTTP load from Debian's `wrk` on loopback: requests per second and the latency
//! percentiles of one URL at a number of connections, parsed from `wrk --latency`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::sh::{output, root};

/// What one run of wrk measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    /// Requests per second.
    pub rps: f64,
    /// Median latency, ms.
    pub p50: f64,
    /// 99th percentile, ms.
    pub p99: f64,
    /// Requests answered.
    pub requests: u64,
    /// Answers that were not 2xx or 3xx, and socket errors.
    pub errors: u64,
}

/// Installs wrk from Debian when it is missing.
pub fn ensure() -> anyhow::Result<()> {
    // `wrk --version` answers with a failing status; that it starts is enough.
    if Command::new("wrk").arg("--version").output().is_ok() {
        return Ok(());
    }
    crate::tools::apt_install(&["wrk"], "the HTTP load generator of `cargo xtask bench`")
}

/// A Lua script for wrk that sends `method` with `body` and headers; `varied` adds a
/// different `X-Forwarded-For` and e-mail to each request (a flood from many addresses).
pub fn script(name: &str, method: &str, body: &str, varied: bool) -> anyhow::Result<PathBuf> {
    let path = root()
        .join("target")
        .join("bench")
        .join(format!("{name}.lua"));
    let lua_body = body.replace('\\', "\\\\").replace('"', "\\\"");
    let request = if varied {
        format!(
            "local n = 0\n\
             request = function()\n\
               n = n + 1\n\
               local b = string.gsub(\"{lua_body}\", \"@N@\", tostring(n) .. \"-\" .. tostring(math.random(1, 1000000000)))\n\
               wrk.headers[\"X-Forwarded-For\"] = \"10.\" .. math.random(0, 255) .. \".\" .. math.random(0, 255) .. \".\" .. math.random(1, 254)\n\
               return wrk.format(\"{method}\", nil, nil, b)\n\
             end\n"
        )
    } else {
        format!("wrk.method = \"{method}\"\nwrk.body = \"{lua_body}\"\n")
    };
    std::fs::write(
        &path,
        format!("wrk.headers[\"Content-Type\"] = \"application/json\"\n{request}"),
    )?;
    Ok(path)
}

/// Runs wrk on `url` for `seconds` with `connections` (2 threads), with a cookie and a
/// script if given.
pub fn run(
    url: &str,
    connections: u32,
    seconds: u32,
    cookie: Option<&str>,
    script: Option<&Path>,
) -> anyhow::Result<Load> {
    let mut c = Command::new("wrk");
    c.args([
        "-t2",
        &format!("-c{connections}"),
        &format!("-d{seconds}s"),
        "--timeout",
        "10s",
        "--latency",
    ]);
    if let Some(cookie) = cookie {
        c.args(["-H", &format!("Cookie: {cookie}")]);
    }
    if let Some(script) = script {
        c.arg("-s").arg(script);
    }
    c.arg(url);
    let text = output(&mut c).with_context(|| format!("wrk {url}"))?;
    parse(&text).with_context(|| format!("wrk's output for {url}:\n{text}"))
}

/// A latency as wrk prints it (`512.00us`, `1.20ms`, `2.01s`) in ms.
fn millis(text: &str) -> Option<f64> {
    let (number, scale) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|v| v * scale)
}

fn parse(text: &str) -> anyhow::Result<Load> {
    let mut load = Load {
        rps: f64::NAN,
        p50: f64::NAN,
        p99: f64::NAN,
        requests: 0,
        errors: 0,
    };
    for line in text.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", t] => load.p50 = millis(t).context("p50")?,
            ["99%", t] => load.p99 = millis(t).context("p99")?,
            ["Requests/sec:", r] => load.rps = r.parse()?,
            [n, "requests", "in", ..] => load.requests = n.parse()?,
            ["Non-2xx", "or", "3xx", "responses:", n] => load.errors += n.parse::<u64>()?,
            ["Socket", "errors:", rest @ ..] => {
                // connect 0, read 0, write 0, timeout 0
                load.errors += rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>();
            }
            _ => {}
        }
    }
    if load.rps.is_nan() || load.p99.is_nan() {
        bail!("no requests/s or latency distribution");
    }
    Ok(load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_wrk_prints() {
        let text = "Running 5s test @ http://127.0.0.1:1/api/hello
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.30ms  612.00us  14.01ms   80.00%
    Req/Sec    24.50k     1.20k   27.00k    70.00%
  Latency Distribution
     50%  820.00us
     75%    1.50ms
     90%    2.10ms
     99%    3.25ms
  243873 requests in 5.00s, 30.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  48774.60
Transfer/sec:      6.00MB
";
        let load = parse(text).expect("parsed");
        assert_eq!(load.requests, 243_873);
        assert!((load.rps - 48_774.6).abs() < 1e-6);
        assert!((load.p50 - 0.82).abs() < 1e-9);
        assert!((load.p99 - 3.25).abs() < 1e-9);
        assert_eq!(load.errors, 7);
        assert!((millis("2.01s").expect("seconds") - 2010.0).abs() < 1e-9);
        assert!(parse("Running 1s test\n").is_err());
    }
}
