//! The public registers a gmina keeps, as one shape: a register is a list of columns
//! (their CSV header names, in order), and an entry is one canonical text per column plus
//! an optional WGS 84 point for the map.
//!
//! - `property`: municipal property (ustawa o gospodarce nieruchomościami art. 23 ust. 1
//!   pkt 3, the gmina's resource of real estate): plots, buildings, premises;
//! - `alcohol`: permits for selling alcoholic beverages (ustawa o wychowaniu
//!   w trzeźwości art. 18; categories A ≤ 4.5 % and beer, B 4.5–18 %, C > 18 %);
//! - `road-lane`: road-lane occupation permits issued (ustawa o drogach publicznych
//!   art. 40).

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// A public register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Register {
    /// Municipal property.
    #[serde(rename = "property")]
    Property,
    /// Alcohol sales permits.
    #[serde(rename = "alcohol")]
    Alcohol,
    /// Road-lane occupation permits.
    #[serde(rename = "road-lane")]
    RoadLane,
}

/// What a column holds, and so how a cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, required.
    Text,
    /// Text, may be empty.
    Optional,
    /// One of the values.
    Choice(&'static [&'static str]),
    /// Złoty with up to 2 decimals; kept as `1234,50`.
    Money,
    /// Square metres with up to 2 decimals; kept as `1234,50`.
    Area,
    /// `YYYY-MM-DD` or `DD.MM.YYYY`; kept as `YYYY-MM-DD`.
    Date,
    /// A land and mortgage register number `WA1G/00012345/6`, may be empty.
    Kw,
    /// Alcohol categories `A`, `B`, `C` joined by `+`; kept sorted, e.g. `A+C`.
    Categories,
}

/// One column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The CSV header name and the JSON key.
    pub key: &'static str,
    /// How it is read.
    pub kind: Kind,
    /// Whether the public list offers a filter by its values.
    pub facet: bool,
}

const fn col(key: &'static str, kind: Kind, facet: bool) -> Column {
    Column { key, kind, facet }
}

/// The property kinds.
pub const PROPERTY_KINDS: [&str; 3] = ["dzialka", "budynek", "lokal"];
/// How the gmina holds a property.
pub const TENURES: [&str; 5] = [
    "własność",
    "użytkowanie wieczyste",
    "trwały zarząd",
    "dzierżawa",
    "najem",
];
/// Where alcohol is sold.
pub const OUTLETS: [&str; 2] = ["sklep", "gastronomia"];
/// What a road lane is occupied for (art. 40 ust. 2).
pub const LANE_PURPOSES: [&str; 6] = [
    "roboty budowlane",
    "umieszczenie urządzenia infrastruktury",
    "umieszczenie obiektu budowlanego",
    "umieszczenie reklamy",
    "ogródek gastronomiczny",
    "rusztowanie",
];

const PROPERTY: [Column; 10] = [
    col("id", Kind::Text, false),
    col("rodzaj", Kind::Choice(&PROPERTY_KINDS), true),
    col("obreb", Kind::Text, true),
    col("nr_dzialki", Kind::Text, false),
    col("adres", Kind::Optional, false),
    col("ksiega_wieczysta", Kind::Kw, false),
    col("powierzchnia_m2", Kind::Area, false),
    col("przeznaczenie", Kind::Text, true),
    col("forma_wladania", Kind::Choice(&TENURES), true),
    col("wartosc", Kind::Money, false),
];

const ALCOHOL: [Column; 8] = [
    col("numer", Kind::Text, false),
    col("przedsiebiorca", Kind::Text, false),
    col("punkt", Kind::Text, false),
    col("adres", Kind::Text, false),
    col("rodzaj_punktu", Kind::Choice(&OUTLETS), true),
    col("kategorie", Kind::Categories, true),
    col("wazne_od", Kind::Date, false),
    col("wazne_do", Kind::Date, false),
];

const ROAD_LANE: [Column; 8] = [
    col("numer", Kind::Text, false),
    col("droga", Kind::Text, true),
    col("lokalizacja", Kind::Text, false),
    col("cel", Kind::Choice(&LANE_PURPOSES), true),
    col("powierzchnia_m2", Kind::Area, false),
    col("od", Kind::Date, false),
    col("do", Kind::Date, false),
    col("wnioskodawca", Kind::Text, false),
];

/// The optional location columns every register's CSV may have (WGS 84 degrees).
pub const LOCATION: [&str; 2] = ["szer", "dl"];

/// The longest text in a cell.
pub const MAX_CELL: usize = 500;

impl Register {
    /// Every register.
    pub const ALL: [Register; 3] = [Register::Property, Register::Alcohol, Register::RoadLane];

    /// Its key in paths and datasets.
    pub fn as_str(self) -> &'static str {
        match self {
            Register::Property => "property",
            Register::Alcohol => "alcohol",
            Register::RoadLane => "road-lane",
        }
    }

    /// A key.
    pub fn parse(s: &str) -> Option<Register> {
        Register::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Its columns; the first is the entry's id (unique in the register).
    pub fn columns(self) -> &'static [Column] {
        match self {
            Register::Property => &PROPERTY,
            Register::Alcohol => &ALCOHOL,
            Register::RoadLane => &ROAD_LANE,
        }
    }

    /// The columns of a permit's validity (from, to), if its entries have one.
    pub fn validity(self) -> Option<(usize, usize)> {
        match self {
            Register::Property => None,
            Register::Alcohol => Some((6, 7)),
            Register::RoadLane => Some((5, 6)),
        }
    }

    /// Checks a row read in column order, giving the canonical values; rules across
    /// columns included (buildings and premises have an address, validity ends after it
    /// starts).
    pub fn check_row(self, raw: &[&str]) -> Result<Vec<String>, (&'static str, FieldError)> {
        let columns = self.columns();
        let mut values = Vec::with_capacity(columns.len());
        for (column, cell) in columns.iter().zip(raw) {
            values.push(cell_value(column.kind, cell).map_err(|e| (column.key, e))?);
        }
        if self == Register::Property && values[1] != "dzialka" && values[4].is_empty() {
            return Err(("adres", FieldError::Required));
        }
        if let Some((from, to)) = self.validity()
            && values[to] < values[from]
        {
            return Err((columns[to].key, FieldError::DateInPast));
        }
        Ok(values)
    }
}

/// One cell's canonical value.
pub fn cell_value(kind: Kind, cell: &str) -> Result<String, FieldError> {
    let cell = cell.trim();
    if cell.chars().count() > MAX_CELL {
        return Err(FieldError::TooLong);
    }
    let required = |s: &str| {
        if s.is_empty() {
            Err(FieldError::Required)
        } else {
            Ok(())
        }
    };
    match kind {
        Kind::Text => required(cell).map(|()| cell.to_owned()),
        Kind::Optional => Ok(cell.to_owned()),
        Kind::Choice(values) => {
            required(cell)?;
            let lower = cell.to_lowercase();
            values
                .iter()
                .find(|v| **v == lower)
                .map(|v| (*v).to_owned())
                .ok_or(FieldError::InvalidChoice)
        }
        Kind::Money | Kind::Area => {
            required(cell)?;
            let invalid = if kind == Kind::Money {
                FieldError::InvalidAmount
            } else {
                FieldError::InvalidDecimal
            };
            let hundredths = crate::taxes::office::parse_zloty(cell).ok_or(invalid)?;
            if hundredths < 0 {
                return Err(FieldError::TooSmall);
            }
            Ok(format!("{},{:02}", hundredths / 100, hundredths % 100))
        }
        Kind::Date => {
            required(cell)?;
            parse_date(cell).ok_or(FieldError::InvalidDate)
        }
        Kind::Kw => match cell {
            "" => Ok(String::new()),
            kw if is_kw(&kw.to_uppercase()) => Ok(kw.to_uppercase()),
            _ => Err(FieldError::InvalidChoice),
        },
        Kind::Categories => {
            required(cell)?;
            let mut letters: Vec<char> = Vec::new();
            for part in cell.split(['+', ' ', '/']).filter(|p| !p.is_empty()) {
                match part.to_uppercase().as_str() {
                    "A" => letters.push('A'),
                    "B" => letters.push('B'),
                    "C" => letters.push('C'),
                    _ => return Err(FieldError::InvalidChoice),
                }
            }
            letters.sort_unstable();
            letters.dedup();
            required(&String::from_iter(&letters))?;
            Ok(letters
                .iter()
                .map(char::to_string)
                .collect::<Vec<_>>()
                .join("+"))
        }
    }
}

/// `YYYY-MM-DD` from `YYYY-MM-DD` or `DD.MM.YYYY`, if a real date.
pub fn parse_date(s: &str) -> Option<String> {
    let day = match s.split('.').collect::<Vec<_>>().as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            crate::taxes::Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => crate::taxes::Day::parse(s),
    }?;
    Some(day.to_string())
}

/// A księga wieczysta number: court code (4 letters/digits), 8 digits, a check digit.
fn is_kw(s: &str) -> bool {
    match s.split('/').collect::<Vec<_>>().as_slice() {
        [court, number, check] => {
            court.len() == 4
                && court.bytes().all(|b| b.is_ascii_alphanumeric())
                && number.len() == 8
                && number.bytes().all(|b| b.is_ascii_digit())
                && check.len() == 1
                && check.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// A coordinate in degrees (`52.15012` or `52,15012`) as millionths, within `limit`.
pub fn parse_degrees(s: &str, limit: i64) -> Result<i64, FieldError> {
    let s = s.trim().replace(',', ".");
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_owned()),
        None => (false, s),
    };
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!frac.is_empty() && !digits(frac)) || frac.len() > 6 || whole.len() > 3 {
        return Err(FieldError::NotANumber);
    }
    let value = whole.parse::<i64>().map_err(|_| FieldError::NotANumber)? * 1_000_000
        + format!("{frac:0<6}")
            .parse::<i64>()
            .map_err(|_| FieldError::NotANumber)?;
    if value > limit * 1_000_000 {
        return Err(FieldError::TooLarge);
    }
    Ok(if negative { -value } else { value })
}

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entry {
    /// The values, in the register's column order.
    pub values: Vec<String>,
    /// Latitude in millionths of a degree, if located.
    pub lat: Option<i64>,
    /// Longitude in millionths of a degree, if located.
    pub lon: Option<i64>,
}

/// A value of a filterable column with how many entries have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetValue {
    /// The value.
    pub value: String,
    /// Entries with it (in the whole register).
    pub count: i64,
}

/// A filterable column's values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facet {
    /// The column's key.
    pub column: String,
    /// Its values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// A register's entries matching a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterPage {
    /// The register.
    pub register: Register,
    /// Its column keys, in order.
    pub columns: Vec<String>,
    /// The open-data version shown (0 before the first import).
    pub version: i64,
    /// When that version was published (UTC milliseconds; 0 before the first).
    pub published_at: i64,
    /// How many entries match.
    pub total: i64,
    /// The matching entries, by id (at most [`PAGE_SIZE`]).
    pub entries: Vec<Entry>,
    /// The filters offered.
    pub facets: Vec<Facet>,
}

/// The most entries one answer lists.
pub const PAGE_SIZE: usize = 500;

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterImport {
    /// The register.
    pub register: Register,
    /// Entries stored (the register now holds exactly these).
    pub entries: i64,
    /// The open-data version published.
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_read_into_canonical_values() {
        assert_eq!(cell_value(Kind::Money, "1 234,5").as_deref(), Ok("1234,50"));
        assert_eq!(cell_value(Kind::Area, "54.3").as_deref(), Ok("54,30"));
        assert_eq!(cell_value(Kind::Money, "-5"), Err(FieldError::TooSmall));
        assert_eq!(
            cell_value(Kind::Money, "dużo"),
            Err(FieldError::InvalidAmount)
        );
        assert_eq!(cell_value(Kind::Area, "x"), Err(FieldError::InvalidDecimal));
        assert_eq!(
            cell_value(Kind::Date, "01.02.2026").as_deref(),
            Ok("2026-02-01")
        );
        assert_eq!(
            cell_value(Kind::Date, "2026-02-30"),
            Err(FieldError::InvalidDate)
        );
        assert_eq!(cell_value(Kind::Categories, "c+a+A").as_deref(), Ok("A+C"));
        assert_eq!(
            cell_value(Kind::Categories, "D"),
            Err(FieldError::InvalidChoice)
        );
        assert_eq!(
            cell_value(Kind::Kw, "wa1g/00012345/6").as_deref(),
            Ok("WA1G/00012345/6")
        );
        assert_eq!(
            cell_value(Kind::Kw, "WA1G/123/6"),
            Err(FieldError::InvalidChoice)
        );
        assert_eq!(
            cell_value(Kind::Choice(&TENURES), "Własność").as_deref(),
            Ok("własność")
        );
        assert_eq!(cell_value(Kind::Text, " "), Err(FieldError::Required));
        assert_eq!(parse_degrees("52,15", 90), Ok(52_150_000));
        assert_eq!(parse_degrees("-0.000001", 90), Ok(-1));
        assert_eq!(parse_degrees("91", 90), Err(FieldError::TooLarge));
        assert_eq!(parse_degrees("5x", 90), Err(FieldError::NotANumber));
    }

    #[test]
    fn rows_are_checked_across_columns() {
        let building = [
            "P-1",
            "budynek",
            "0001 X",
            "12/3",
            "",
            "",
            "100",
            "oświata",
            "własność",
            "10",
        ];
        assert_eq!(
            Register::Property.check_row(&building),
            Err(("adres", FieldError::Required))
        );
        let permit = [
            "N/1",
            "Firma",
            "Sklep",
            "Rynek 1",
            "sklep",
            "A",
            "2026-05-01",
            "2026-04-30",
        ];
        assert_eq!(
            Register::Alcohol.check_row(&permit),
            Err(("wazne_do", FieldError::DateInPast))
        );
    }
}
