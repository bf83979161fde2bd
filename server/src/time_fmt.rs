//! Time as stored (UTC milliseconds since the epoch) and as sent (RFC 3339 UTC).

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_milliseconds_as_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_347_290_123), "2026-11-22T11:34:50.123Z");
    }
}
