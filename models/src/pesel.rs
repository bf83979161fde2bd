//! PESEL, the Polish personal identification number: checksum and encoded birth date.

use serde::{Deserialize, Serialize};

/// A PESEL whose checksum and birth date are valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Pesel(String);

/// A calendar date decoded from a PESEL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BirthDate {
    /// Full year, 1800–2299.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

/// Why a string is not a PESEL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeselError {
    /// Not exactly eleven ASCII digits.
    Format,
    /// The check digit does not match.
    Checksum,
    /// The encoded birth date does not exist.
    BirthDate,
}

impl std::fmt::Display for PeselError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PeselError::Format => "PESEL must be 11 digits",
            PeselError::Checksum => "PESEL check digit does not match",
            PeselError::BirthDate => "PESEL encodes a date that does not exist",
        })
    }
}

const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

impl Pesel {
    /// Parses and checks a PESEL (surrounding whitespace is ignored).
    pub fn parse(input: &str) -> Result<Pesel, PeselError> {
        let s = input.trim();
        if s.len() != 11 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PeselError::Format);
        }
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = WEIGHTS.iter().zip(&d).map(|(w, x)| w * x).sum();
        if (10 - sum % 10) % 10 != d[10] {
            return Err(PeselError::Checksum);
        }
        decode_birth_date(&d).ok_or(PeselError::BirthDate)?;
        Ok(Pesel(s.to_owned()))
    }

    /// The eleven digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date the number encodes.
    pub fn birth_date(&self) -> BirthDate {
        let d: Vec<u32> = self.0.bytes().map(|b| u32::from(b - b'0')).collect();
        decode_birth_date(&d).unwrap_or(BirthDate {
            year: 1900,
            month: 1,
            day: 1,
        })
    }

    /// Whether the tenth digit marks a woman (even) or a man (odd).
    pub fn is_female(&self) -> bool {
        (self.0.as_bytes()[9] - b'0').is_multiple_of(2)
    }
}

fn decode_birth_date(d: &[u32]) -> Option<BirthDate> {
    let yy = d[0] * 10 + d[1];
    let mm = d[2] * 10 + d[3];
    let dd = d[4] * 10 + d[5];
    let (century, month) = match mm {
        81..=92 => (1800, mm - 80),
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        _ => return None,
    };
    let year = century + yy;
    if dd == 0 || dd > days_in_month(year, month) {
        return None;
    }
    Some(BirthDate {
        year: year as u16,
        month: month as u8,
        day: dd as u8,
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl TryFrom<String> for Pesel {
    type Error = PeselError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Pesel::parse(&value)
    }
}

impl From<Pesel> for String {
    fn from(p: Pesel) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Builds a PESEL with a correct check digit from its first ten digits.
    fn with_check_digit(first10: &str) -> String {
        let sum: u32 = first10
            .bytes()
            .zip(WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        format!("{first10}{}", (10 - sum % 10) % 10)
    }

    #[test]
    fn known_valid_numbers_parse_with_their_birth_dates() {
        // The example from the Ministry of Digital Affairs' description of PESEL.
        let p = Pesel::parse("44051401359").expect("valid");
        assert_eq!(
            p.birth_date(),
            BirthDate {
                year: 1944,
                month: 5,
                day: 14
            }
        );
        assert!(!p.is_female());
        let p = Pesel::parse(&with_check_digit("0227080362")).expect("valid");
        assert_eq!(
            p.birth_date(),
            BirthDate {
                year: 2002,
                month: 7,
                day: 8
            }
        );
        assert!(p.is_female());
    }

    #[test]
    fn bad_numbers_are_refused_with_the_reason() {
        assert_eq!(Pesel::parse("4405140135"), Err(PeselError::Format));
        assert_eq!(Pesel::parse("4405140135a"), Err(PeselError::Format));
        assert_eq!(Pesel::parse("44051401358"), Err(PeselError::Checksum));
        // 30 February 1990, with a correct check digit.
        assert_eq!(
            Pesel::parse(&with_check_digit("9002300000")),
            Err(PeselError::BirthDate)
        );
        // 29 February 2001 is not a date; 29 February 2000 is.
        assert_eq!(
            Pesel::parse(&with_check_digit("0122290000")),
            Err(PeselError::BirthDate)
        );
        assert!(Pesel::parse(&with_check_digit("0022290000")).is_ok());
    }

    proptest! {
        #[test]
        fn changing_any_single_digit_breaks_the_checksum(
            year in 1900u32..2099, month in 1u32..=12, day in 1u32..=28,
            serial in 0u32..10000, pos in 0usize..11, delta in 1u32..10,
        ) {
            let (yy, mm) = (year % 100, if year >= 2000 { month + 20 } else { month });
            let valid = with_check_digit(&format!("{yy:02}{mm:02}{day:02}{serial:04}"));
            let parsed = Pesel::parse(&valid).expect("constructed valid");
            prop_assert_eq!(parsed.birth_date(), BirthDate { year: year as u16, month: month as u8, day: day as u8 });
            let mut bytes = valid.into_bytes();
            bytes[pos] = b'0' + ((u32::from(bytes[pos] - b'0') + delta) % 10) as u8;
            let changed = String::from_utf8(bytes).expect("ascii");
            prop_assert!(Pesel::parse(&changed).is_err());
        }
    }
}
