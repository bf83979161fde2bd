//! Polish public holidays (dni ustawowo wolne od pracy), from the Act of 18 January 1951
//! on public holidays (ustawa o dniach wolnych od pracy), art. 1 — with Christmas Eve
//! (24 December) a holiday from 2025 on (amendment of 6 December 2024).

use jiff::civil::{Date, Weekday, date};

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian / Meeus algorithm).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as i8, day as i8)
}

/// Whether `day` is a public holiday in Poland.
pub fn is_public_holiday(day: Date) -> bool {
    let (m, d) = (day.month(), day.day());
    let fixed = matches!(
        (m, d),
        (1, 1) | (1, 6) | (5, 1) | (5, 3) | (8, 15) | (11, 1) | (11, 11) | (12, 25) | (12, 26)
    ) || ((m, d) == (12, 24) && day.year() >= 2025);
    if fixed {
        return true;
    }
    let easter = easter_sunday(day.year());
    // Easter Sunday and Monday, Pentecost Sunday (49 days on), Corpus Christi (60 days on).
    [0, 1, 49, 60]
        .iter()
        .any(|offset| easter.checked_add(jiff::Span::new().days(*offset)).ok() == Some(day))
}

/// Whether a time limit may end on `day` (KPA art. 57 § 4): not a Saturday, not a
/// Sunday, not a public holiday.
pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_falls_on_the_known_dates() {
        for (year, month, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2000, 4, 23),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, day), "{year}");
        }
    }

    #[test]
    fn the_2026_holidays_are_the_statutory_ones() {
        let holidays: Vec<Date> = (0..365)
            .filter_map(|n| date(2026, 1, 1).checked_add(jiff::Span::new().days(n)).ok())
            .filter(|d| is_public_holiday(*d))
            .collect();
        let expected = [
            date(2026, 1, 1),
            date(2026, 1, 6),
            date(2026, 4, 5),
            date(2026, 4, 6),
            date(2026, 5, 1),
            date(2026, 5, 3),
            date(2026, 5, 24),
            date(2026, 6, 4),
            date(2026, 8, 15),
            date(2026, 11, 1),
            date(2026, 11, 11),
            date(2026, 12, 24),
            date(2026, 12, 25),
            date(2026, 12, 26),
        ];
        assert_eq!(holidays, expected);
        assert!(
            !is_public_holiday(date(2024, 12, 24)),
            "Christmas Eve became a holiday in 2025"
        );
    }
}
