//! Calendar days for due dates: a day number, Polish public holidays, and the rule that a
//! due date on a Saturday, Sunday or holiday moves to the next working day (Ordynacja
//! podatkowa art. 12 § 5).

use std::fmt;

/// A calendar day (days since 1970-01-01), Europe/Warsaw dates as the office counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

/// Days from 1970-01-01 to a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl Day {
    /// A date; `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        Day::parse(&text)
    }

    /// Parses `YYYY-MM-DD` (only real dates).
    pub fn parse(s: &str) -> Option<Day> {
        let (y, m, d) = crate::forms::parse_date(s.trim())?;
        Some(Day(days_from_civil(
            i64::from(y),
            i64::from(m),
            i64::from(d),
        )))
    }

    /// The year.
    pub fn year(self) -> i32 {
        civil_from_days(self.0).0 as i32
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(self.0);
        (y as i32, m as u32, d as u32)
    }

    /// The day `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        other.0 - self.0
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.0);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Easter Sunday (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> Day {
    let y = year;
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
    Day(days_from_civil(
        i64::from(y),
        i64::from(month),
        i64::from(day),
    ))
}

/// Whether a day is a public holiday in Poland (ustawa o dniach wolnych od pracy, art. 1;
/// 24 December from 2025 by the amendment of 6 December 2024). The same list as the
/// office's deadlines use (`server/src/cases/holidays.rs`).
pub fn is_holiday(day: Day) -> bool {
    let (y, m, d) = day.ymd();
    let fixed = matches!(
        (m, d),
        (1, 1) | (1, 6) | (5, 1) | (5, 3) | (8, 15) | (11, 1) | (11, 11) | (12, 25) | (12, 26)
    ) || ((m, d) == (12, 24) && y >= 2025);
    let easter = easter_sunday(y);
    fixed || [0, 1, 49, 60].iter().any(|&n| easter.add_days(n) == day)
}

/// Whether a day is a working day (not Saturday, Sunday or a holiday).
pub fn is_working_day(day: Day) -> bool {
    day.weekday() < 5 && !is_holiday(day)
}

/// The day itself if it is a working day, else the next one (Ordynacja podatkowa art. 12
/// § 5: a deadline ending on a Saturday or a public holiday ends on the next working day).
pub fn next_working_day(day: Day) -> Day {
    let mut d = day;
    while !is_working_day(d) {
        d = d.add_days(1);
    }
    d
}
