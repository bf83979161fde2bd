//! Reading the files clerks import: text in UTF-8 or Windows-1250 (what Polish banks and
//! spreadsheets export), CSV with `;` or `,` between fields and quotes by RFC 4180, and
//! the problems of a line, translated for the clerk. A file with any problem is refused
//! whole; the error names up to [`MAX_REPORTED`] lines.

use models::error::FieldError;
use models::lang::Lang;

/// How many problems one refusal lists.
pub const MAX_REPORTED: usize = 10;

/// What is wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is neither UTF-8 nor Windows-1250 text.
    NotText,
    /// No data rows.
    Empty,
    /// The header lacks a column.
    MissingColumn(&'static str),
    /// A row has a different number of fields from the header.
    FieldCount { expected: usize, found: usize },
    /// A quoted field is not closed.
    OpenQuote,
    /// A value is refused.
    Invalid(&'static str, FieldError),
    /// The same row (or reference) as an earlier line.
    Repeats(usize),
    /// A row disagrees with an earlier row of the same decision or taxpayer.
    Disagrees(&'static str, usize),
    /// The decision is already stored.
    AlreadyStored,
    /// An MT940 field is missing or out of place.
    Mt940(&'static str),
    /// Too many rows for one file.
    TooManyRows(usize),
    /// A budget dział or rozdział used without a row naming it.
    Unnamed(String),
}

/// A problem at a line (1-based, the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub problem: Problem,
}

impl LineError {
    pub fn new(line: usize, problem: Problem) -> LineError {
        LineError { line, problem }
    }

    /// "wiersz 3: kolumna „kwota”: To nie jest liczba." in the language.
    pub fn describe(&self, lang: Lang) -> String {
        let pick = |pl: String, en: String, uk: String| match lang {
            Lang::Pl => pl,
            Lang::En => en,
            Lang::Uk => uk,
        };
        let what = match &self.problem {
            Problem::NotText => pick(
                "to nie jest tekst w UTF-8 ani Windows-1250".into(),
                "this is not UTF-8 or Windows-1250 text".into(),
                "це не текст у UTF-8 чи Windows-1250".into(),
            ),
            Problem::Empty => pick(
                "plik nie zawiera żadnego wiersza danych".into(),
                "the file has no data rows".into(),
                "файл не містить жодного рядка даних".into(),
            ),
            Problem::MissingColumn(c) => pick(
                format!("brak kolumny „{c}” w nagłówku"),
                format!("the header has no column \"{c}\""),
                format!("у заголовку немає стовпця «{c}»"),
            ),
            Problem::FieldCount { expected, found } => pick(
                format!("{found} pól zamiast {expected}"),
                format!("{found} fields instead of {expected}"),
                format!("{found} полів замість {expected}"),
            ),
            Problem::OpenQuote => pick(
                "niezamknięty cudzysłów".into(),
                "a quote is not closed".into(),
                "незакриті лапки".into(),
            ),
            Problem::Invalid(c, e) => pick(
                format!("kolumna „{c}”: {}", e.message(lang)),
                format!("column \"{c}\": {}", e.message(lang)),
                format!("стовпець «{c}»: {}", e.message(lang)),
            ),
            Problem::Repeats(n) => pick(
                format!("powtarza wiersz {n}"),
                format!("repeats line {n}"),
                format!("повторює рядок {n}"),
            ),
            Problem::Disagrees(c, n) => pick(
                format!("kolumna „{c}” różni się od wiersza {n} tej samej decyzji lub podatnika"),
                format!("column \"{c}\" differs from line {n} of the same decision or taxpayer"),
                format!("стовпець «{c}» відрізняється від рядка {n} того ж рішення чи платника"),
            ),
            Problem::AlreadyStored => pick(
                "ta decyzja jest już w rejestrze".into(),
                "this decision is already in the register".into(),
                "це рішення вже є в реєстрі".into(),
            ),
            Problem::Mt940(what) => pick(
                format!("MT940: {what}"),
                format!("MT940: {what}"),
                format!("MT940: {what}"),
            ),
            Problem::Unnamed(code) => pick(
                format!("brak wiersza z nazwą działu lub rozdziału {code}"),
                format!("no row names the dział or rozdział {code}"),
                format!("немає рядка з назвою розділу чи підрозділу {code}"),
            ),
            Problem::TooManyRows(max) => pick(
                format!("więcej niż {max} wierszy w jednym pliku"),
                format!("more than {max} rows in one file"),
                format!("понад {max} рядків в одному файлі"),
            ),
        };
        let line = match lang {
            Lang::Pl => "wiersz",
            Lang::En => "line",
            Lang::Uk => "рядок",
        };
        format!("{line} {}: {what}", self.line)
    }
}

/// The refusal's detail: the first problems, in the language.
pub fn describe_all(errors: &[LineError], lang: Lang) -> String {
    let mut parts: Vec<String> = errors
        .iter()
        .take(MAX_REPORTED)
        .map(|e| e.describe(lang))
        .collect();
    if errors.len() > MAX_REPORTED {
        parts.push(format!("… (+{})", errors.len() - MAX_REPORTED));
    }
    parts.join("; ")
}

/// The file as text: UTF-8 (a byte-order mark is dropped), else Windows-1250.
pub fn decode(bytes: &[u8]) -> Result<String, LineError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    encoding_rs::WINDOWS_1250
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .filter(|s| !s.contains('\0'))
        .ok_or(LineError::new(1, Problem::NotText))
}

/// One CSV record with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Splits CSV text into records (RFC 4180 quoting; `;` or `,` as the header uses; blank
/// lines skipped). The first record is the header.
pub fn records(text: &str) -> Result<Vec<Record>, LineError> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut out = vec![];
    let mut fields = vec![];
    let mut field = String::new();
    let (mut line, mut start) = (1usize, 1usize);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == delimiter => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut out, start, std::mem::take(&mut fields));
                line += 1;
                start = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(LineError::new(start, Problem::OpenQuote));
    }
    fields.push(field);
    push_record(&mut out, start, fields);
    Ok(out)
}

fn push_record(out: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    if fields.iter().all(|f| f.trim().is_empty()) {
        return;
    }
    out.push(Record {
        line,
        fields: fields.into_iter().map(|f| f.trim().to_owned()).collect(),
    });
}

/// A header's column positions, by name (case and Polish letters ignored).
#[derive(Debug)]
pub struct Columns(Vec<String>);

/// A column's name for comparison: folded like searches (case, Polish letters), `_` for
/// spaces and dashes.
fn key(name: &str) -> String {
    crate::services::fold(name.trim())
        .chars()
        .map(|c| if matches!(c, ' ' | '-') { '_' } else { c })
        .collect()
}

impl Columns {
    /// The header record, checked for the required columns.
    pub fn new(header: &Record, required: &[&'static str]) -> Result<Columns, LineError> {
        let names: Vec<String> = header.fields.iter().map(|f| key(f)).collect();
        for column in required {
            if !names.iter().any(|n| n == column) {
                return Err(LineError::new(header.line, Problem::MissingColumn(column)));
            }
        }
        Ok(Columns(names))
    }

    /// How many fields a row must have.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the header is empty (never, once checked).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A row's value of a column ("" when the column is optional and absent).
    pub fn get<'r>(&self, row: &'r Record, column: &str) -> &'r str {
        self.0
            .iter()
            .position(|n| n == column)
            .and_then(|i| row.fields.get(i))
            .map_or("", String::as_str)
    }
}

/// A file's header, checked for the `required` columns, and its data rows: at least one,
/// at most `max_rows`.
pub fn table(
    text: &str,
    required: &[&'static str],
    max_rows: usize,
) -> Result<(Columns, Vec<Record>), LineError> {
    let mut rows = records(text)?;
    if rows.is_empty() {
        return Err(LineError::new(1, Problem::Empty));
    }
    let header = rows.remove(0);
    let columns = Columns::new(&header, required)?;
    if rows.is_empty() {
        return Err(LineError::new(1, Problem::Empty));
    }
    if rows.len() > max_rows {
        return Err(LineError::new(1, Problem::TooManyRows(max_rows)));
    }
    Ok((columns, rows))
}

/// A date as banks and spreadsheets write it: `2026-03-16`, `16.03.2026` or `20260316`.
pub fn parse_date(s: &str) -> Option<models::taxes::Day> {
    use models::taxes::Day;
    let s = s.trim();
    if let Some(d) = Day::parse(s) {
        return Some(d);
    }
    if let [d, m, y] = s.split('.').collect::<Vec<_>>().as_slice()
        && y.len() == 4
        && (1..=2).contains(&d.len())
        && (1..=2).contains(&m.len())
    {
        return Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Day::from_ymd(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        );
    }
    None
}

/// The 26 digits of an account written with spaces, dashes or `PL`, if it is a valid NRB.
pub fn account_digits(s: &str) -> Option<String> {
    let trimmed = s.trim();
    let body = trimmed
        .strip_prefix("PL")
        .or_else(|| trimmed.strip_prefix("pl"))
        .unwrap_or(trimmed);
    let digits: String = body.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (digits.len() == 26
        && digits.bytes().all(|b| b.is_ascii_digit())
        && models::validate::nrb(&digits).is_ok())
    .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_quoted_delimiters_and_newlines_and_counts_lines() {
        let text = "a;b\n\"x;1\";\"two\nlines\"\n\n3;\"say \"\"hi\"\"\"\n";
        let r = records(text).expect("csv");
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].fields, ["x;1", "two\nlines"]);
        assert_eq!(r[2].line, 5);
        assert_eq!(r[2].fields, ["3", "say \"hi\""]);
        assert_eq!(
            records("a,b\n\"open,1\n").expect_err("an open quote"),
            LineError::new(2, Problem::OpenQuote)
        );
    }

    #[test]
    fn windows_1250_text_is_read() {
        // "Łódź" in Windows-1250.
        assert_eq!(decode(b"\xA3\xF3d\x9F").expect("text"), "Łódź");
        assert_eq!(decode("Łódź".as_bytes()).expect("text"), "Łódź");
    }

    #[test]
    fn dates_and_accounts_in_the_forms_banks_write_them() {
        assert_eq!(
            parse_date("16.03.2026").map(|d| d.to_string()),
            Some("2026-03-16".into())
        );
        assert_eq!(
            parse_date("20260316").map(|d| d.to_string()),
            Some("2026-03-16".into())
        );
        assert_eq!(parse_date("31.02.2026"), None);
        let nrb = models::taxes::nrb_for("10901014", "0000", 2).expect("nrb");
        let spaced = format!("PL{} {}", &nrb[..2], &nrb[2..]);
        assert_eq!(account_digits(&spaced), Some(nrb.clone()));
        let mut wrong = nrb.into_bytes();
        wrong[25] = if wrong[25] == b'9' {
            b'0'
        } else {
            wrong[25] + 1
        };
        assert_eq!(
            account_digits(&String::from_utf8(wrong).expect("ascii")),
            None
        );
    }
}
