//! Statutory time limits for settling a case — Code of Administrative Procedure (KPA).
//!
//! - art. 35 § 3: a case needing an explanatory procedure is settled within one month,
//!   a particularly complicated one within two months, of the start of proceedings;
//! - art. 35 § 5: periods set by law for specific actions, suspension, mediation and
//!   delays caused by the party (e.g. waiting for a completion of documents) do not count;
//! - art. 57 § 1: a period in days does not count the day of the starting event;
//! - art. 57 § 3: a period in months ends on the day of the last month matching the
//!   starting day, or on that month's last day when it has no such day;
//! - art. 57 § 4: a limit ending on a Saturday or a public holiday moves to the next day
//!   that is neither.

use jiff::Span;
use jiff::civil::Date;

use super::holidays::is_working_day;

/// How long the office has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A number of days (art. 57 § 1), e.g. 7 days to complete documents.
    Days(u16),
    /// A number of months (art. 57 § 3): 1 for a case, 2 for a complicated one.
    Months(u8),
}

impl Period {
    /// art. 35 § 3: one month.
    pub const STANDARD: Period = Period::Months(1);
    /// art. 35 § 3: two months for a particularly complicated case.
    pub const COMPLEX: Period = Period::Months(2);
}

/// Days that do not count (art. 35 § 5): from `from` up to, not including, `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    /// First day not counted.
    pub from: Date,
    /// First day counted again.
    pub until: Date,
}

/// The day the limit ends, before the weekend and holiday rule.
pub fn nominal_end(start: Date, period: Period) -> Date {
    let span = match period {
        Period::Days(n) => Span::new().days(i64::from(n)),
        Period::Months(n) => Span::new().months(i64::from(n)),
    };
    // jiff clamps a month step to the month's last day, as art. 57 § 3 says.
    start.checked_add(span).unwrap_or(Date::MAX)
}

/// Calendar days covered by the pauses on or after `start`, overlaps counted once.
pub fn paused_days(start: Date, pauses: &[Pause]) -> i64 {
    let mut spans: Vec<(Date, Date)> = pauses
        .iter()
        .map(|p| (p.from.max(start), p.until))
        .filter(|(from, until)| from < until)
        .collect();
    spans.sort();
    let mut total = 0;
    let mut covered_until: Option<Date> = None;
    for (from, until) in spans {
        let from = covered_until.map_or(from, |c| from.max(c));
        if from < until {
            total += (until - from).get_days() as i64;
            covered_until = Some(until);
        } else if covered_until.is_some_and(|c| until > c) {
            covered_until = Some(until);
        }
    }
    total
}

/// The first day on or after `day` on which a limit may end (art. 57 § 4).
pub fn next_working_day(day: Date) -> Date {
    let mut d = day;
    while !is_working_day(d) {
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    d
}

/// The statutory due date of a case started on `start`, with the periods that do not count.
pub fn due_date(start: Date, period: Period, pauses: &[Pause]) -> Date {
    let end = nominal_end(start, period);
    let extended = end
        .checked_add(Span::new().days(paused_days(start, pauses)))
        .unwrap_or(Date::MAX);
    next_working_day(extended)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_month_from_the_last_of_january_ends_on_the_last_of_february_then_moves_past_the_weekend() {
        // 2026-02-28 is a Saturday: the limit moves to Monday 2 March.
        assert_eq!(
            due_date(date(2026, 1, 31), Period::STANDARD, &[]),
            date(2026, 3, 2)
        );
        assert_eq!(
            due_date(date(2026, 1, 30), Period::STANDARD, &[]),
            date(2026, 3, 2)
        );
        // 2028 is a leap year: 29 February is a Tuesday.
        assert_eq!(
            due_date(date(2028, 1, 31), Period::STANDARD, &[]),
            date(2028, 2, 29)
        );
    }

    #[test]
    fn christmas_pushes_the_limit_into_the_next_week() {
        // 24 Dec 2026 (Thursday) and 25 Dec are holidays, 26–27 a weekend.
        assert_eq!(
            due_date(date(2026, 11, 24), Period::STANDARD, &[]),
            date(2026, 12, 28)
        );
        assert_eq!(
            due_date(date(2026, 10, 24), Period::COMPLEX, &[]),
            date(2026, 12, 28)
        );
    }

    #[test]
    fn days_do_not_count_the_starting_day() {
        // 7 days from Monday 16 Nov 2026 end on Monday 23 Nov.
        assert_eq!(
            due_date(date(2026, 11, 16), Period::Days(7), &[]),
            date(2026, 11, 23)
        );
        // 14 days from 28 Oct 2026 end on 11 Nov, Independence Day: moved to the 12th.
        assert_eq!(
            due_date(date(2026, 10, 28), Period::Days(14), &[]),
            date(2026, 11, 12)
        );
    }

    #[test]
    fn waiting_for_the_residents_documents_does_not_count() {
        let start = date(2026, 3, 2);
        let waiting = Pause {
            from: date(2026, 3, 10),
            until: date(2026, 3, 20),
        };
        assert_eq!(due_date(start, Period::STANDARD, &[]), date(2026, 4, 2));
        // Ten paused days: 2 April + 10 = 12 April (Sunday) → Monday 13 April.
        assert_eq!(
            due_date(start, Period::STANDARD, &[waiting]),
            date(2026, 4, 13)
        );
        // The same pause recorded twice, or overlapping, counts once.
        let overlap = Pause {
            from: date(2026, 3, 15),
            until: date(2026, 3, 18),
        };
        assert_eq!(
            due_date(start, Period::STANDARD, &[waiting, waiting, overlap]),
            date(2026, 4, 13)
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2020i16..2040, 1i8..=12, 1i8..=31)
            .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_else(|_| date(y, m, 28)))
    }

    fn any_period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (1u16..60).prop_map(Period::Days),
            (1u8..=2).prop_map(Period::Months)
        ]
    }

    fn any_pauses() -> impl Strategy<Value = Vec<Pause>> {
        proptest::collection::vec((any_date(), 0i64..40), 0..4).prop_map(|v| {
            v.into_iter()
                .map(|(from, len)| Pause {
                    from,
                    until: from.checked_add(Span::new().days(len)).unwrap_or(from),
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn the_due_date_is_a_working_day_not_before_the_nominal_end_and_at_most_a_long_weekend_after(
            start in any_date(), period in any_period(), pauses in any_pauses(),
        ) {
            let due = due_date(start, period, &pauses);
            prop_assert!(is_working_day(due));
            let earliest = nominal_end(start, period).checked_add(Span::new().days(paused_days(start, &pauses))).expect("in range");
            prop_assert!(due >= earliest);
            // The longest run of days a limit cannot end on is five: 24–28 December when
            // Christmas Eve is a Wednesday (found by this very test for 2036).
            prop_assert!((due - earliest).get_days() <= 5, "{} → {}", earliest, due);
        }

        #[test]
        fn a_later_start_never_gives_an_earlier_due_date(start in any_date(), later in 0i64..400, period in any_period()) {
            let after = start.checked_add(Span::new().days(later)).expect("in range");
            prop_assert!(due_date(after, period, &[]) >= due_date(start, period, &[]));
        }

        #[test]
        fn another_pause_never_shortens_the_limit(
            start in any_date(), period in any_period(), pauses in any_pauses(), extra in any_pauses(),
        ) {
            let mut more = pauses.clone();
            more.extend(extra);
            prop_assert!(due_date(start, period, &more) >= due_date(start, period, &pauses));
            let mut doubled = pauses.clone();
            doubled.extend(pauses.iter().copied());
            prop_assert_eq!(due_date(start, period, &doubled), due_date(start, period, &pauses));
        }
    }
}
