//! Cases (sprawy): applications and letters from filing to decision and archive.
//!
//! - [`files`]: uploads, stored content-addressed (SHA-256) and served only as downloads;
//! - [`drafts`]: applications being written, saved on the server;
//! - [`submit`]: signing (re-authentication) and submission with its receipt (UPO);
//! - [`routes`]: the resident's cases, documents and answers to requests for completion;
//! - [`office`]: the clerks' back office — registry of correspondence, assignment,
//!   requests for completion, decisions, closing;
//! - [`workflow`]: status changes with their timeline event, audit entry and e-mail;
//! - [`deadline`], [`holidays`], [`reference`]: the KPA limits and case references.

pub mod db;
pub mod deadline;
pub mod drafts;
pub mod files;
pub mod holidays;
pub mod office;
pub mod reference;
pub mod routes;
pub mod submit;
pub mod workflow;

pub use routes::verify_url;

use jiff::civil::Date;

use self::deadline::{Pause, Period};

/// Parses a stored period: `1m`, `2m` or `<n>d`.
pub fn parse_period(text: &str) -> Option<Period> {
    if let Some(m) = text.strip_suffix('m') {
        return m
            .parse()
            .ok()
            .filter(|m| (1..=6).contains(m))
            .map(Period::Months);
    }
    text.strip_suffix('d')?
        .parse()
        .ok()
        .filter(|d| *d > 0)
        .map(Period::Days)
}

/// The decision's statutory date for a case received on `start` with `paused` days
/// not counted (art. 35 § 5 KPA).
pub fn due_on(start: Date, period: &str, paused: i64) -> Date {
    let period = parse_period(period).unwrap_or(Period::STANDARD);
    let until = start
        .checked_add(jiff::Span::new().days(paused))
        .unwrap_or(start);
    deadline::due_date(start, period, &[Pause { from: start, until }])
}

/// The day the limit ends with `days` added, before a weekend or holiday moves it (art. 57
/// § 4): what a delay's extra days are counted from, so that recomputing the date later
/// (after a completion, say) gives the date the applicant was told.
pub fn limit_end(start: Date, period: &str, days: i64) -> Date {
    let period = parse_period(period).unwrap_or(Period::STANDARD);
    deadline::nominal_end(start, period)
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(Date::MAX)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn periods_parse_and_paused_days_push_the_due_date() {
        assert_eq!(parse_period("1m"), Some(Period::Months(1)));
        assert_eq!(parse_period("14d"), Some(Period::Days(14)));
        assert_eq!(parse_period("0d"), None);
        assert_eq!(parse_period("x"), None);
        // Received Monday 2 Nov 2026; a month ends Wednesday 2 Dec.
        assert_eq!(due_on(date(2026, 11, 2), "1m", 0), date(2026, 12, 2));
        // Ten days waiting for the applicant: Saturday 12 Dec moves to Monday 14 Dec.
        assert_eq!(due_on(date(2026, 11, 2), "1m", 10), date(2026, 12, 14));
    }

    #[test]
    fn a_delay_counted_from_the_unmoved_end_survives_a_recomputation() {
        // Received 1 Dec 2026: a month ends on New Year's Day (a Friday, a holiday), moved
        // past the weekend to 4 Jan 2027. A delay to 25 Jan adds the days from 1 Jan, not
        // from 4 Jan, so the date recomputed after a completion is still 25 Jan.
        let start = date(2026, 12, 1);
        assert_eq!(due_on(start, "1m", 0), date(2027, 1, 4));
        let added = (date(2027, 1, 25) - limit_end(start, "1m", 0)).get_days() as i64;
        assert_eq!(due_on(start, "1m", added), date(2027, 1, 25));
    }
}
