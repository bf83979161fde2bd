//! Reading assessments (decisions) from the gmina's tax system as CSV (stored by
//! `assessments.rs`): one row per taxed
//! object, rows of one decision grouped by `numer_decyzji` and `zobowiazanie`. The year's
//! amount is the sum of the objects (taxes rounded to full złoty, Ordynacja podatkowa
//! art. 63 § 1) and the instalments follow the statutes (`models::taxes::schedule`).
//! New taxpayers get their individual account; a PESEL that belongs to an account of the
//! gmina gives that person access to the ledger. All or nothing: any problem refuses the
//! whole file with its lines. Columns: docs/TAXES.md.

use std::collections::{BTreeMap, HashMap};

use models::error::FieldError;
use models::taxes::Day;
use models::taxes::ledger::{LiabilityKind, TaxObject};
use models::taxes::office::parse_zloty;

use super::files::{self, Columns, LineError, Problem, Record};

/// The columns, in the documented order.
pub const COLUMNS: [&str; 13] = [
    "numer_podatnika",
    "nazwa",
    "rodzaj",
    "pesel_nip",
    "rok",
    "zobowiazanie",
    "numer_decyzji",
    "data_decyzji",
    "przedmiot",
    "podstawa",
    "jednostka",
    "stawka",
    "kwota",
];

/// An optional column: PESELs (separated by spaces or commas) of the people who may see
/// the taxpayer's ledger besides the taxpayer — co-owners of a household, a company's
/// representatives.
pub const ACCESS_COLUMN: &str = "dostep";

/// The most rows one file may have.
pub const MAX_ROWS: usize = 100_000;

/// One decision read from the file.
#[derive(Debug, Clone)]
pub struct Decision {
    pub line: usize,
    pub taxpayer: u64,
    pub year: i32,
    pub kind: LiabilityKind,
    pub number: String,
    pub date: Day,
    pub objects: Vec<TaxObject>,
}

/// A taxpayer read from the file.
#[derive(Debug, Clone)]
pub struct Payer {
    pub line: usize,
    pub name: String,
    pub kind: &'static str,
    pub tax_id: String,
    /// PESELs of other people who may see the ledger.
    pub access: Vec<String>,
}

/// The file read: taxpayers by number and their decisions.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub rows: u32,
    pub payers: BTreeMap<u64, Payer>,
    pub decisions: Vec<Decision>,
}

fn payer_kind(s: &str) -> Option<&'static str> {
    match s.to_lowercase().as_str() {
        "person" | "osoba" | "osoba_fizyczna" => Some("person"),
        "household" | "gospodarstwo" | "wspolwlasciciele" => Some("household"),
        "company" | "firma" | "osoba_prawna" => Some("company"),
        _ => None,
    }
}

fn liability(s: &str) -> Option<LiabilityKind> {
    let pl = match s.to_lowercase().as_str() {
        "nieruchomosci" | "podatek_od_nieruchomosci" => "property",
        "rolny" => "agricultural",
        "lesny" => "forest",
        "laczne" | "laczne_zobowiazanie" => "joint",
        "srodki_transportowe" => "vehicle",
        "odpady" => "waste",
        "psy" => "dog",
        other => return LiabilityKind::parse(other),
    };
    LiabilityKind::parse(pl)
}

/// A decimal base such as `142,5` or `54.30`, kept as text with a dot.
fn base(s: &str) -> Option<String> {
    let t = s.trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    (!whole.is_empty() && whole.len() <= 12 && frac.len() <= 4 && digits(whole) && digits(frac))
        .then_some(t)
}

/// A PESEL (11 digits, valid) or a NIP (10 digits, valid), or nothing.
fn tax_id(s: &str) -> Result<String, FieldError> {
    let d: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    match d.len() {
        0 => Ok(String::new()),
        11 => models::pesel::Pesel::parse(&d)
            .map(|p| p.as_str().to_owned())
            .map_err(|_| FieldError::InvalidPesel),
        10 => models::validate::nip(&d).map(|()| d),
        _ => Err(FieldError::InvalidPesel),
    }
}

/// The PESELs of the access column, each valid, sorted, without repeats.
fn access(s: &str) -> Result<Vec<String>, FieldError> {
    let mut out = vec![];
    for p in s.split([' ', ',']).filter(|p| !p.is_empty()) {
        let pesel = models::pesel::Pesel::parse(p).map_err(|_| FieldError::InvalidPesel)?;
        out.push(pesel.as_str().to_owned());
    }
    if out.len() > 20 {
        return Err(FieldError::TooMany);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Reads one row into its taxpayer, decision key and object.
fn row(
    columns: &Columns,
    r: &Record,
    max_number: u64,
) -> Result<(u64, Payer, Decision), LineError> {
    let bad = |c: &'static str, e: FieldError| LineError::new(r.line, Problem::Invalid(c, e));
    if r.fields.len() != columns.len() {
        return Err(LineError::new(
            r.line,
            Problem::FieldCount {
                expected: columns.len(),
                found: r.fields.len(),
            },
        ));
    }
    let get = |c: &str| columns.get(r, c);
    let text = |c: &'static str, max: usize| -> Result<String, LineError> {
        let v = get(c);
        if v.is_empty() {
            Err(bad(c, FieldError::Required))
        } else if v.chars().count() > max {
            Err(bad(c, FieldError::TooLong))
        } else {
            Ok(v.to_owned())
        }
    };
    let number: u64 = get("numer_podatnika")
        .parse()
        .map_err(|_| bad("numer_podatnika", FieldError::NotANumber))?;
    if number == 0 || number > max_number {
        return Err(bad("numer_podatnika", FieldError::TooLarge));
    }
    let payer = Payer {
        line: r.line,
        name: text("nazwa", 200)?,
        kind: payer_kind(get("rodzaj")).ok_or_else(|| bad("rodzaj", FieldError::InvalidChoice))?,
        tax_id: tax_id(get("pesel_nip")).map_err(|e| bad("pesel_nip", e))?,
        access: access(get(ACCESS_COLUMN)).map_err(|e| bad(ACCESS_COLUMN, e))?,
    };
    let year: i32 = get("rok")
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| bad("rok", FieldError::NotANumber))?;
    let money = |c: &'static str| -> Result<i64, LineError> {
        let v = parse_zloty(get(c)).ok_or_else(|| bad(c, FieldError::NotANumber))?;
        if v < 0 {
            Err(bad(c, FieldError::TooSmall))
        } else if v > 10_000_000_000 {
            Err(bad(c, FieldError::TooLarge))
        } else {
            Ok(v)
        }
    };
    let object = TaxObject {
        description: text("przedmiot", 200)?,
        base: base(get("podstawa")).ok_or_else(|| bad("podstawa", FieldError::NotANumber))?,
        unit: text("jednostka", 20)?,
        rate: money("stawka")?,
        amount: money("kwota")?,
    };
    let decision = Decision {
        line: r.line,
        taxpayer: number,
        year,
        kind: liability(get("zobowiazanie"))
            .ok_or_else(|| bad("zobowiazanie", FieldError::InvalidChoice))?,
        number: text("numer_decyzji", 60)?,
        date: files::parse_date(get("data_decyzji"))
            .ok_or_else(|| bad("data_decyzji", FieldError::InvalidDate))?,
        objects: vec![object],
    };
    Ok((number, payer, decision))
}

/// Reads the file (`max_number`: the largest taxpayer number the gmina's account prefix
/// leaves room for). Every problem is reported, with its line.
pub fn parse(text: &str, max_number: u64) -> Result<Parsed, Vec<LineError>> {
    let records = files::records(text).map_err(|e| vec![e])?;
    let Some((header, rows)) = records.split_first() else {
        return Err(vec![LineError::new(1, Problem::Empty)]);
    };
    let columns = Columns::new(header, &COLUMNS).map_err(|e| vec![e])?;
    if rows.is_empty() {
        return Err(vec![LineError::new(header.line, Problem::Empty)]);
    }
    if rows.len() > MAX_ROWS {
        return Err(vec![LineError::new(
            rows[MAX_ROWS].line,
            Problem::TooManyRows(MAX_ROWS),
        )]);
    }
    let mut out = Parsed::default();
    let mut errors = vec![];
    let mut by_key: HashMap<(String, LiabilityKind), usize> = HashMap::new();
    let mut seen_rows: HashMap<&[String], usize> = HashMap::new();
    for r in rows {
        if let Some(first) = seen_rows.insert(&r.fields, r.line) {
            errors.push(LineError::new(r.line, Problem::Repeats(first)));
            continue;
        }
        let (number, payer, decision) = match row(&columns, r, max_number) {
            Ok(x) => x,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        out.rows += 1;
        match out.payers.get(&number) {
            Some(p) if p.name != payer.name => {
                errors.push(LineError::new(r.line, Problem::Disagrees("nazwa", p.line)));
            }
            Some(p) if p.kind != payer.kind => {
                errors.push(LineError::new(r.line, Problem::Disagrees("rodzaj", p.line)));
            }
            Some(p) if p.tax_id != payer.tax_id => {
                errors.push(LineError::new(
                    r.line,
                    Problem::Disagrees("pesel_nip", p.line),
                ));
            }
            Some(_) => {}
            None => {
                out.payers.insert(number, payer);
            }
        }
        let key = (decision.number.clone(), decision.kind);
        match by_key.get(&key).map(|&i| &mut out.decisions[i]) {
            Some(d) => {
                let differs = if d.taxpayer != decision.taxpayer {
                    Some("numer_podatnika")
                } else if d.year != decision.year {
                    Some("rok")
                } else if d.date != decision.date {
                    Some("data_decyzji")
                } else {
                    None
                };
                match differs {
                    Some(c) => errors.push(LineError::new(r.line, Problem::Disagrees(c, d.line))),
                    None => d.objects.extend(decision.objects),
                }
            }
            None => {
                by_key.insert(key, out.decisions.len());
                out.decisions.push(decision);
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}
