//! The one table a bench run ends with, also written as `target/bench/bench.json`: each
//! measurement is recorded where it is taken (section, what, backend, figures) and
//! printed at the end with the backends side by side.

use std::sync::Mutex;

use serde_json::{Value, json};

use crate::sh::root;

/// One measured thing on one backend.
struct Entry {
    section: &'static str,
    what: String,
    backend: String,
    figures: Vec<(&'static str, f64, &'static str)>,
}

static ENTRIES: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

/// Records figures `(name, value, unit)` of `what` in `section` on `backend`.
pub fn record(
    section: &'static str,
    what: impl Into<String>,
    backend: &str,
    figures: &[(&'static str, f64, &'static str)],
) {
    if let Ok(mut entries) = ENTRIES.lock() {
        entries.push(Entry {
            section,
            what: what.into(),
            backend: backend.to_owned(),
            figures: figures.to_vec(),
        });
    }
}

fn number(value: f64, unit: &str) -> String {
    if value.is_nan() {
        return "—".into();
    }
    let digits = match unit {
        "×" if value.abs() < 10.0 => 2,
        _ if value.abs() >= 100.0 => 0,
        _ if value.abs() >= 10.0 => 1,
        _ => 2,
    };
    let text = format!("{value:.digits$}");
    // Thousands apart, as 52 310.
    let (whole, rest) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(w, r)| (w, r));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && c.is_ascii_digit() {
            grouped.push('\u{2009}');
        }
        grouped.push(c);
    }
    if rest.is_empty() {
        grouped
    } else {
        format!("{grouped}.{rest}")
    }
}

fn cell(figures: &[(&'static str, f64, &'static str)]) -> String {
    figures
        .iter()
        .map(|(name, value, unit)| {
            let n = number(*value, unit);
            match (*name, *unit) {
                (name, "yes/no") => format!("{name}: {}", if *value > 0.5 { "yes" } else { "no" }),
                ("", "×") => format!("{n}×"),
                ("", u) => format!("{n} {u}"),
                (name, "×") => format!("{name} {n}×"),
                (name, u) => format!("{name} {n} {u}"),
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Prints the table and writes it as JSON; returns the file's path.
pub fn finish() -> anyhow::Result<std::path::PathBuf> {
    let entries = ENTRIES.lock().map_err(|_| anyhow::anyhow!("the table"))?;
    let mut backends: Vec<&str> = vec![];
    let mut sections: Vec<&str> = vec![];
    for e in entries.iter() {
        if !backends.contains(&e.backend.as_str()) {
            backends.push(&e.backend);
        }
        if !sections.contains(&e.section) {
            sections.push(e.section);
        }
    }
    let path = root().join("target").join("bench").join("bench.json");
    println!("\n== The table (also {})", path.display());
    for section in &sections {
        let mut whats: Vec<&str> = vec![];
        for e in entries.iter().filter(|e| e.section == *section) {
            if !whats.contains(&e.what.as_str()) {
                whats.push(&e.what);
            }
        }
        let here: Vec<&str> = backends
            .iter()
            .copied()
            .filter(|b| {
                entries
                    .iter()
                    .any(|e| e.section == *section && e.backend == *b)
            })
            .collect();
        let cells: Vec<Vec<String>> = whats
            .iter()
            .map(|w| {
                here.iter()
                    .map(|b| {
                        entries
                            .iter()
                            .find(|e| e.section == *section && e.what == *w && e.backend == *b)
                            .map_or_else(String::new, |e| cell(&e.figures))
                    })
                    .collect()
            })
            .collect();
        let first = whats.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let widths: Vec<usize> = (0..here.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|row| row[i].chars().count())
                    .chain([here[i].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        println!("\n  {section}");
        let pad =
            |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
        let head: Vec<String> = here.iter().zip(&widths).map(|(b, w)| pad(b, *w)).collect();
        println!("    {}  {}", pad("", first), head.join("  │  "));
        for (w, row) in whats.iter().zip(&cells) {
            let row: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
            println!("    {}  {}", pad(w, first), row.join("  │  "));
        }
    }
    let json: Vec<Value> = entries
        .iter()
        .map(|e| {
            json!({
                "section": e.section,
                "what": e.what,
                "backend": e.backend,
                "figures": e.figures.iter().map(|(n, v, u)| json!({"name": n, "value": if v.is_finite() { json!(v) } else { Value::Null }, "unit": u})).collect::<Vec<_>>(),
            })
        })
        .collect();
    std::fs::create_dir_all(path.parent().unwrap_or(&root()))?;
    std::fs::write(&path, serde_json::to_string_pretty(&json)?)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_rounded_by_size() {
        assert_eq!(number(52310.4, "req/s"), "52\u{2009}310");
        assert_eq!(number(1234567.0, "B"), "1\u{2009}234\u{2009}567");
        assert_eq!(number(3.214, "ms"), "3.21");
        assert_eq!(number(12.34, "ms"), "12.3");
        assert_eq!(number(0.4312, "×"), "0.43");
        assert_eq!(number(164.46, "×"), "164");
        assert_eq!(cell(&[("same", 1.0, "yes/no")]), "same: yes");
        assert_eq!(number(f64::NAN, "ms"), "—");
        assert_eq!(
            cell(&[
                ("", 900.0, "req/s"),
                ("p99", 2.5, "ms"),
                ("of hello", 0.5, "×")
            ]),
            "900 req/s  p99 2.50 ms  of hello 0.50×"
        );
    }
}
