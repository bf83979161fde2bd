//! Case references (znak sprawy) in the Polish form `DEPT.JRWA.seq.year`, e.g.
//! `GK.6131.12.2026`: the department's symbol, the JRWA class of the matter, the next
//! number in that class for the year, and the year (instrukcja kancelaryjna, 2011).
//!
//! Numbers come from one upsert per allocation, atomic on both engines, so concurrent
//! registrations never share or skip a number.

use sqlx::AnyConnection;

/// Why a reference cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReferenceError {
    /// A department symbol is 1–10 capital letters.
    #[error("department symbol must be 1–10 capital letters")]
    Department,
    /// A JRWA class symbol at case level is four digits.
    #[error("JRWA class must be four digits")]
    Jrwa,
}

/// Checks the parts of a reference.
pub fn check_parts(department: &str, jrwa: &str) -> Result<(), ReferenceError> {
    if department.is_empty()
        || department.len() > 10
        || !department.bytes().all(|b| b.is_ascii_uppercase())
    {
        return Err(ReferenceError::Department);
    }
    if jrwa.len() != 4 || !jrwa.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReferenceError::Jrwa);
    }
    Ok(())
}

/// Formats a reference.
pub fn format(department: &str, jrwa: &str, seq: i64, year: i64) -> String {
    format!("{department}.{jrwa}.{seq}.{year}")
}

/// Takes the next number for the department, class and year, inside the caller's
/// transaction (so a rolled-back registration gives its number back).
pub async fn allocate(
    conn: &mut AnyConnection,
    gmina: &str,
    department: &str,
    jrwa: &str,
    year: i64,
) -> anyhow::Result<String> {
    check_parts(department, jrwa)?;
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO case_counters (gmina_id, department_code, jrwa_symbol, year, last_seq) \
         VALUES ($1, $2, $3, $4, 1) \
         ON CONFLICT (gmina_id, department_code, jrwa_symbol, year) \
         DO UPDATE SET last_seq = case_counters.last_seq + 1 \
         RETURNING last_seq",
    )
    .bind(gmina)
    .bind(department)
    .bind(jrwa)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    Ok(format(department, jrwa, seq, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_checked_and_formatted() {
        assert_eq!(format("GK", "6131", 12, 2026), "GK.6131.12.2026");
        assert_eq!(check_parts("USC", "5360"), Ok(()));
        assert_eq!(check_parts("gk", "6131"), Err(ReferenceError::Department));
        assert_eq!(check_parts("GK.", "6131"), Err(ReferenceError::Department));
        assert_eq!(check_parts("GK", "613"), Err(ReferenceError::Jrwa));
        assert_eq!(check_parts("GK", "61a1"), Err(ReferenceError::Jrwa));
    }
}
