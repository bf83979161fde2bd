//! Who may vote, the one-per-person voter key, ballot receipts and age bands.
//!
//! The voter key is derived from the PESEL, so a person voting online and on paper, or
//! from two accounts, meets the database's `UNIQUE (edition_id, voter_key)`. The receipt
//! is a random code the voter keeps; only its SHA-256 is stored, and the published list
//! of hashes proves a ballot is counted without linking it to its choices.

use models::civic::age_band;
use models::error::ErrorCode;
use models::pesel::Pesel;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use super::db::EditionRow;

/// A voter who passed the eligibility check.
#[derive(Debug, Clone)]
pub struct Voter {
    /// One per person and gmina.
    pub key: String,
    /// `<18`, `18-24`…
    pub age_band: &'static str,
}

/// The key of a person (by PESEL) in a gmina.
pub fn voter_key(gmina: &str, pesel: &Pesel) -> String {
    let digest = Sha256::digest(format!("okienko-civic|{gmina}|{}", pesel.as_str()));
    hex::encode(digest)
}

/// Full years from a birth date to a day (`YYYY-MM-DD`).
pub fn age_on(pesel: &Pesel, day: &str) -> u32 {
    let born = pesel.birth_date();
    let mut parts = day.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (y, m, d) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let years = y.saturating_sub(u32::from(born.year));
    if (m, d) < (u32::from(born.month), u32::from(born.day)) {
        years.saturating_sub(1)
    } else {
        years
    }
}

/// Whether a person with `pesel` may vote in `edition`: the age on the last voting day
/// against the minimum, or a guardian's consent where the edition allows it.
pub async fn eligible(
    conn: &mut AnyConnection,
    edition: &EditionRow,
    user_id: Option<&str>,
    pesel: &Pesel,
) -> Result<Voter, ErrorCode> {
    let age = age_on(pesel, &edition.edition.timetable.voting_to);
    let rules = &edition.edition.rules;
    if let Some(min) = rules.min_age
        && age < u32::from(min)
    {
        let consented =
            match user_id {
                Some(user) if rules.guardian_consent => sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM civic_consents WHERE edition_id = $1 AND pupil_id = $2",
                )
                .bind(&edition.edition.id)
                .bind(user)
                .fetch_one(&mut *conn)
                .await
                .unwrap_or(0)
                    > 0,
                _ => false,
            };
        if !consented {
            return Err(ErrorCode::ConsentRequired);
        }
    }
    Ok(Voter {
        key: voter_key(&edition.gmina_id, pesel),
        age_band: age_band(age),
    })
}

/// A new receipt code: 80 random bits as four groups of base32, e.g. `K7Q2-M9XA-…`.
pub fn new_receipt() -> anyhow::Result<String> {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let mut code = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            code.push('-');
        }
        let index = ((bits >> (75 - 5 * i)) & 31) as usize;
        code.push(char::from(ALPHABET[index]));
    }
    Ok(code)
}

/// The stored hash of a receipt code, ignoring case, spaces and dashes.
pub fn receipt_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hex::encode(Sha256::digest(normal.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_four_groups_and_hash_without_formatting() -> anyhow::Result<()> {
        let code = new_receipt()?;
        assert_eq!(code.len(), 19);
        assert_eq!(code.split('-').count(), 4);
        assert_ne!(code, new_receipt()?);
        let loose = code.to_lowercase().replace('-', " ");
        assert_eq!(receipt_hash(&code), receipt_hash(&loose));
        Ok(())
    }

    #[test]
    fn age_counts_full_years_on_the_day() -> anyhow::Result<()> {
        // Born 2010-06-15 (PESEL month 26 = June of the 2000s).
        let pesel = Pesel::parse("10261512345").map_err(|e| anyhow::anyhow!("{e}"))?;
        assert_eq!(age_on(&pesel, "2026-06-14"), 15);
        assert_eq!(age_on(&pesel, "2026-06-15"), 16);
        Ok(())
    }
}
