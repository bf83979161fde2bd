//! Bank statements as Polish banks export them, read into credits: CSV with documented
//! columns, and SWIFT MT940 (fields `:20:`, `:25:`, `:28C:`, `:60F:`, `:61:` with its
//! `:86:`, `:62F:`). Pure: [`parse`] takes the file's text and gives every credit with
//! its line, or every problem with its line (then nothing is imported).
//!
//! The account a credit was paid to is the taxpayer's individual account: in the CSV its
//! `rachunek` column; in MT940 every valid NRB in the `:86:` details (banks put the
//! virtual account in a subfield such as `^31` or `^38`), then the statement's `:25:`
//! account. The caller matches the first that belongs to a taxpayer.

use models::error::FieldError;
use models::taxes::Day;
use models::taxes::office::parse_zloty;

use super::files::{self, Columns, LineError, Problem, Record};

/// The most entries one statement may have.
pub const MAX_ENTRIES: usize = 50_000;

/// The largest single credit accepted (10 million zł).
const MAX_AMOUNT: i64 = 1_000_000_000;

/// A payment into the gmina's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// Where it is in the file.
    pub line: usize,
    /// The booking day.
    pub booked_on: Day,
    /// Grosze, positive.
    pub amount: i64,
    /// The accounts it may have been paid to, most likely first (26 digits each).
    pub accounts: Vec<String>,
    /// The payer as the bank gives it.
    pub payer: String,
    /// The transfer's title.
    pub title: String,
    /// The bank's unique reference of the entry (makes re-imports idempotent).
    pub reference: String,
}

/// A statement read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// `csv` or `mt940`.
    pub format: &'static str,
    pub credits: Vec<Credit>,
    /// Debit entries (money leaving the account), skipped.
    pub debits: u32,
}

/// Reads a statement, recognising MT940 by its fields.
pub fn parse(text: &str) -> Result<Statement, Vec<LineError>> {
    let looks_mt940 = text
        .lines()
        .take(20)
        .any(|l| l.trim_start().starts_with(":20:") || l.trim_start().starts_with(":25:"));
    if looks_mt940 {
        parse_mt940(text)
    } else {
        parse_csv(text)
    }
}

/// The CSV statement's columns.
pub const CSV_COLUMNS: [&str; 6] = [
    "data_ksiegowania",
    "kwota",
    "rachunek",
    "nadawca",
    "tytul",
    "identyfikator",
];

fn parse_csv(text: &str) -> Result<Statement, Vec<LineError>> {
    let rows = files::records(text).map_err(|e| vec![e])?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(vec![LineError::new(1, Problem::Empty)]);
    };
    let columns = Columns::new(header, &CSV_COLUMNS).map_err(|e| vec![e])?;
    if rows.is_empty() {
        return Err(vec![LineError::new(header.line, Problem::Empty)]);
    }
    if rows.len() > MAX_ENTRIES {
        return Err(vec![LineError::new(
            rows[MAX_ENTRIES].line,
            Problem::TooManyRows(MAX_ENTRIES),
        )]);
    }
    let mut errors = vec![];
    let mut credits = vec![];
    let mut debits = 0;
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for row in rows {
        match csv_entry(&columns, row) {
            Ok(Some(credit)) => {
                if let Some(first) = seen.insert(credit.reference.clone(), row.line) {
                    errors.push(LineError::new(row.line, Problem::Repeats(first)));
                }
                credits.push(credit);
            }
            Ok(None) => debits += 1,
            Err(e) => errors.push(e),
        }
    }
    finish("csv", credits, debits, errors)
}

fn finish(
    format: &'static str,
    credits: Vec<Credit>,
    debits: u32,
    errors: Vec<LineError>,
) -> Result<Statement, Vec<LineError>> {
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Statement {
        format,
        credits,
        debits,
    })
}

fn csv_entry(columns: &Columns, row: &Record) -> Result<Option<Credit>, LineError> {
    let bad =
        |column: &'static str, e: FieldError| LineError::new(row.line, Problem::Invalid(column, e));
    if row.fields.len() != columns.len() {
        return Err(LineError::new(
            row.line,
            Problem::FieldCount {
                expected: columns.len(),
                found: row.fields.len(),
            },
        ));
    }
    let booked_on = files::parse_date(columns.get(row, "data_ksiegowania"))
        .ok_or_else(|| bad("data_ksiegowania", FieldError::InvalidDate))?;
    let amount = parse_zloty(columns.get(row, "kwota"))
        .ok_or_else(|| bad("kwota", FieldError::NotANumber))?;
    if amount < 0 {
        return Ok(None);
    }
    check_amount(amount).map_err(|e| bad("kwota", e))?;
    let account = columns.get(row, "rachunek");
    let accounts = if account.is_empty() {
        vec![]
    } else {
        vec![
            files::account_digits(account)
                .ok_or_else(|| bad("rachunek", FieldError::InvalidNrb))?,
        ]
    };
    let reference = columns.get(row, "identyfikator");
    if reference.is_empty() {
        return Err(bad("identyfikator", FieldError::Required));
    }
    if reference.chars().count() > 100 {
        return Err(bad("identyfikator", FieldError::TooLong));
    }
    Ok(Some(Credit {
        line: row.line,
        booked_on,
        amount,
        accounts,
        payer: clip(columns.get(row, "nadawca"), 200),
        title: clip(columns.get(row, "tytul"), 300),
        reference: reference.to_owned(),
    }))
}

fn check_amount(amount: i64) -> Result<(), FieldError> {
    if amount == 0 {
        Err(FieldError::TooSmall)
    } else if amount > MAX_AMOUNT {
        Err(FieldError::TooLarge)
    } else {
        Ok(())
    }
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect::<String>().trim().to_owned()
}

/// One MT940 field: its tag, its text (continuation lines joined by `\n`) and line.
#[derive(Debug)]
struct Field {
    tag: String,
    value: String,
    line: usize,
}

fn fields(text: &str) -> Vec<Field> {
    let mut out: Vec<Field> = vec![];
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed == "-" || trimmed.starts_with('{') || trimmed == "-}" {
            continue;
        }
        let tag = trimmed
            .strip_prefix(':')
            .and_then(|rest| rest.split_once(':'))
            .filter(|(tag, _)| {
                (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        match tag {
            Some((tag, value)) => out.push(Field {
                tag: tag.to_owned(),
                value: value.to_owned(),
                line: i + 1,
            }),
            None => match out.last_mut() {
                Some(last) => {
                    last.value.push('\n');
                    last.value.push_str(line);
                }
                None => out.push(Field {
                    tag: String::new(),
                    value: line.to_owned(),
                    line: i + 1,
                }),
            },
        }
    }
    out
}

fn parse_mt940(text: &str) -> Result<Statement, Vec<LineError>> {
    let fields = fields(text);
    let mut errors = vec![];
    let mut credits: Vec<Credit> = vec![];
    let mut debits = 0;
    let mut account: Option<String> = None;
    let (mut has_20, mut has_60, mut has_62) = (false, false, false);
    let mut statement_ref = String::new();
    let mut last_was_credit = false;
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for f in &fields {
        let mt = |what: &'static str| LineError::new(f.line, Problem::Mt940(what));
        match f.tag.as_str() {
            "20" => {
                has_20 = true;
                statement_ref = f.value.trim().to_owned();
            }
            "25" => {
                account = files::account_digits(f.value.trim().trim_start_matches('/'));
            }
            "28C" | "28" => {
                statement_ref = format!("{statement_ref}/{}", f.value.trim());
            }
            "60F" | "60M" => has_60 = true,
            "62F" | "62M" => has_62 = true,
            "61" => {
                if !has_20 || !has_60 {
                    errors.push(mt(":61: before :20: and :60F:"));
                    continue;
                }
                match entry(&f.value, f.line) {
                    Ok(Some(mut credit)) => {
                        if credit.reference.is_empty() {
                            credit.reference = format!("{statement_ref}/{}", credits.len() + 1);
                        }
                        if let Some(first) = seen.insert(credit.reference.clone(), f.line) {
                            errors.push(LineError::new(f.line, Problem::Repeats(first)));
                        }
                        credit.accounts.extend(account.clone());
                        credits.push(credit);
                        last_was_credit = true;
                        continue;
                    }
                    Ok(None) => debits += 1,
                    Err(e) => errors.push(e),
                }
            }
            "86" => {
                if last_was_credit && let Some(credit) = credits.last_mut() {
                    details(credit, &f.value);
                }
            }
            "" => errors.push(mt("text outside any field")),
            _ => {}
        }
        last_was_credit = false;
    }
    let last_line = fields.last().map_or(1, |f| f.line);
    if !has_20 {
        errors.push(LineError::new(1, Problem::Mt940("no :20: field")));
    }
    if !has_60 || !has_62 {
        errors.push(LineError::new(
            last_line,
            Problem::Mt940("no :60F: or :62F: balance"),
        ));
    }
    if credits.len() + debits as usize > MAX_ENTRIES {
        errors.push(LineError::new(last_line, Problem::TooManyRows(MAX_ENTRIES)));
    }
    finish("mt940", credits, debits, errors)
}

/// A `:61:` entry: `YYMMDD[MMDD]C|D|RC|RD[funds]amount` then `Nxxx` and the references
/// `customer[//bank]`. `None` for a debit.
fn entry(value: &str, line: usize) -> Result<Option<Credit>, LineError> {
    let mt = |what: &'static str| LineError::new(line, Problem::Mt940(what));
    let first = value.lines().next().unwrap_or_default().trim();
    let b = first.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .filter(|s| s.iter().all(u8::is_ascii_digit))
            .and_then(|s| std::str::from_utf8(s).ok())
    };
    let date = digits(0, 6).ok_or_else(|| mt(":61: does not start with a date YYMMDD"))?;
    let booked_on = Day::from_ymd(
        2000 + date[..2].parse::<i32>().unwrap_or(0),
        date[2..4].parse().unwrap_or(0),
        date[4..].parse().unwrap_or(0),
    )
    .ok_or_else(|| LineError::new(line, Problem::Invalid(":61:", FieldError::InvalidDate)))?;
    let mut i = 6;
    if digits(6, 4).is_some() {
        i += 4;
    }
    let rest = &first[i..];
    let (credit, rest) = if let Some(r) = rest.strip_prefix("RC") {
        (false, r)
    } else if let Some(r) = rest.strip_prefix("RD") {
        (true, r)
    } else if let Some(r) = rest.strip_prefix('C') {
        (true, r)
    } else if let Some(r) = rest.strip_prefix('D') {
        (false, r)
    } else {
        return Err(mt(":61: has no C or D mark"));
    };
    let rest = match rest.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => &rest[1..],
        _ => rest,
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(rest.len());
    let amount = parse_zloty(&rest[..end])
        .ok_or_else(|| LineError::new(line, Problem::Invalid(":61:", FieldError::NotANumber)))?;
    if !credit {
        return Ok(None);
    }
    check_amount(amount).map_err(|e| LineError::new(line, Problem::Invalid(":61:", e)))?;
    let after = &rest[end..];
    // The type: N, F or S and three ASCII letters or digits.
    let typed = after.starts_with(['N', 'F', 'S'])
        && after
            .as_bytes()
            .get(1..4)
            .is_some_and(|t| t.iter().all(u8::is_ascii_alphanumeric));
    let Some(refs) = after.get(4..).filter(|_| typed) else {
        return Err(mt(":61: has no transaction type (N…)"));
    };
    let (customer, bank) = refs.split_once("//").unwrap_or((refs, ""));
    let known = |r: &str| {
        let r = r.trim();
        (!r.is_empty() && !r.eq_ignore_ascii_case("NONREF")).then(|| r.to_owned())
    };
    Ok(Some(Credit {
        line,
        booked_on,
        amount,
        accounts: vec![],
        payer: String::new(),
        title: String::new(),
        reference: known(bank).or_else(|| known(customer)).unwrap_or_default(),
    }))
}

/// Fills a credit from its `:86:` details: subfields `^20`–`^25` are the title, `^27`–
/// `^29`/`^32`/`^33` the payer; any valid NRB in them is a candidate account. Details
/// without subfields are the title.
fn details(credit: &mut Credit, value: &str) {
    let flat = value.replace(['\n', '\r'], "");
    let separator = ['^', '~', '<'].into_iter().find(|c| flat.contains(*c));
    let mut title = vec![];
    let mut payer = vec![];
    let mut found = vec![];
    match separator {
        Some(sep) => {
            for sub in flat.split(sep).skip(1) {
                // The code is two ASCII digits; anything else (a letter of two bytes
                // there) is text of no subfield.
                let (code, text) = sub.split_at_checked(2).unwrap_or(("", sub));
                match code {
                    "20" | "21" | "22" | "23" | "24" | "25" => title.push(text),
                    "27" | "28" | "29" | "32" | "33" => payer.push(text.trim()),
                    _ => {}
                }
                found.extend(accounts_in(text));
            }
        }
        None => {
            title.push(flat.trim());
            found.extend(accounts_in(&flat));
        }
    }
    // ^20–^25 are consecutive pieces of one title, cut at a fixed width.
    credit.title = clip(&title.concat(), 300);
    credit.payer = clip(&payer.join(" "), 200);
    let mut accounts = found;
    accounts.append(&mut credit.accounts);
    accounts.dedup();
    credit.accounts = accounts;
}

/// Every valid 26-digit account in a text (spaces inside the number allowed).
fn accounts_in(text: &str) -> Vec<String> {
    let digits: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                c
            } else if c == ' ' {
                '\0'
            } else {
                '|'
            }
        })
        .filter(|c| *c != '\0')
        .collect();
    digits
        .split('|')
        .filter(|run| run.len() >= 26)
        .flat_map(|run| {
            (0..=run.len() - 26).filter_map(move |i| files::account_digits(&run[i..i + 26]))
        })
        .collect()
}

#[cfg(test)]
mod tests;
