//! Time as stored (UTC milliseconds since the epoch) and as sent: RFC 3339 UTC for
//! technical times (sessions), RFC 3339 in Europe/Warsaw for the office's legal times
//! (receipts, case timelines), and calendar days in Europe/Warsaw for statutory limits.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Now, in UTC milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Formats stored milliseconds as RFC 3339 UTC, e.g. `2026-11-22T11:34:50.123Z`.
pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// The office's time zone.
pub const OFFICE_TZ: &str = "Europe/Warsaw";

fn zoned(ms: i64) -> Option<jiff::Zoned> {
    let tz = jiff::tz::TimeZone::get(OFFICE_TZ).ok()?;
    Some(jiff::Timestamp::from_millisecond(ms).ok()?.to_zoned(tz))
}

/// Stored milliseconds as RFC 3339 in Europe/Warsaw, whole seconds, e.g.
/// `2026-11-22T12:34:50+01:00`.
pub fn warsaw_rfc3339(ms: i64) -> String {
    zoned(ms.div_euclid(1000) * 1000)
        .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_default()
}

/// The calendar day in Europe/Warsaw of stored milliseconds.
pub fn warsaw_day(ms: i64) -> jiff::civil::Date {
    zoned(ms).map_or(jiff::civil::Date::MIN, |z| z.date())
}

/// A Warsaw wall-clock time `YYYY-MM-DDTHH:MM` as UTC milliseconds (in the autumn's
/// repeated hour, the earlier one).
pub fn parse_warsaw_local(s: &str) -> Option<i64> {
    let tz = jiff::tz::TimeZone::get(OFFICE_TZ).ok()?;
    let civil: jiff::civil::DateTime = s.trim().parse().ok()?;
    Some(civil.to_zoned(tz).ok()?.timestamp().as_millisecond())
}

/// Today in Europe/Warsaw.
pub fn today() -> jiff::civil::Date {
    warsaw_day(now_ms())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_times_are_in_warsaw_with_summer_time() {
        // 2026-11-22 11:34:50 UTC is 12:34:50 CET; 2026-07-01 10:00 UTC is 12:00 CEST.
        assert_eq!(
            warsaw_rfc3339(1_795_347_290_123),
            "2026-11-22T12:34:50+01:00"
        );
        assert_eq!(
            warsaw_rfc3339(1_782_900_000_000),
            "2026-07-01T12:00:00+02:00"
        );
        // 23:30 UTC on 31 December is already 1 January in Warsaw.
        assert_eq!(warsaw_day(1_798_759_800_000).to_string(), "2027-01-01");
    }

    #[test]
    fn formats_milliseconds_as_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_347_290_123), "2026-11-22T11:34:50.123Z");
    }
}
