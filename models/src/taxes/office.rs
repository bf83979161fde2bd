//! The wire types of the tax clerks' desk (`/api/office/taxes/…`): taxpayers with their
//! arrears, one taxpayer's ledger with its corrections, imports of assessments and bank
//! statements, the queue of payments to unknown accounts, and the corrections a clerk
//! makes (always with a reason).

use serde::{Deserialize, Serialize};

use super::ledger::Ledger;
use crate::error::FieldError;

/// A taxpayer in the clerk's list, with the balance as of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaxpayerSummary {
    /// Id.
    pub id: String,
    /// The gmina's number of the taxpayer.
    pub number: i64,
    /// Name.
    pub name: String,
    /// `person`, `household` or `company`.
    pub kind: String,
    /// The individual account, grouped for reading.
    pub account: String,
    /// Overdue principal today.
    pub overdue: i64,
    /// Interest on it today.
    pub interest: i64,
    /// The oldest unpaid due date that has passed, `YYYY-MM-DD`.
    pub overdue_since: Option<String>,
    /// Everything not yet due.
    pub upcoming: i64,
    /// Money paid and not allocated (nadpłata).
    pub overpayment: i64,
}

/// One correction of a taxpayer's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Correction {
    /// Id.
    pub id: String,
    /// `payment_matched`, `payment_unmatched` or `assessment_corrected`.
    pub action: String,
    /// The payment or assessment corrected.
    pub object_id: String,
    /// Amount before (grosze), for an assessment.
    pub before: Option<i64>,
    /// Amount after (grosze), for an assessment.
    pub after: Option<i64>,
    /// Why (the clerk's words).
    pub reason: String,
    /// Who (the clerk's name).
    pub actor: String,
    /// When (ms since the epoch, UTC).
    pub at: i64,
}

/// A taxpayer's ledger as a clerk sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeLedger {
    /// The gmina's number of the taxpayer.
    pub number: i64,
    /// The ledger as of the day asked.
    pub ledger: Ledger,
    /// Corrections, newest first.
    pub corrections: Vec<Correction>,
}

/// A payment in the clerk's list (the queue of unmatched payments).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficePayment {
    /// Id.
    pub id: String,
    /// The day the money reached the gmina's account.
    pub paid_on: String,
    /// Grosze.
    pub amount: i64,
    /// The account it was paid to, as given by the bank.
    pub account: String,
    /// The payer as the bank gives it.
    pub payer: String,
    /// The transfer's title.
    pub title: String,
    /// `statement`, `online`, `manual`.
    pub source: String,
    /// The statement file it came from, if any.
    pub statement: String,
    /// The taxpayer it is matched to, if any.
    pub taxpayer_id: Option<String>,
}

/// Matching a payment to a taxpayer by hand (`POST …/payments/{id}/match`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchPayment {
    /// The taxpayer's id, or their number in the gmina (digits).
    pub taxpayer: String,
    /// Why (5–500 characters): it goes into the audit log.
    pub reason: String,
}

/// Taking a payment off a taxpayer, back to the queue (`POST …/payments/{id}/unmatch`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnmatchPayment {
    /// Why (5–500 characters).
    pub reason: String,
}

/// Correcting an assessment's amount after a decision changed it
/// (`POST …/assessments/{id}/correction`): the schedule is computed again and every payment
/// of the taxpayer allocated again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectAssessment {
    /// The year's new amount in grosze (full złoty for taxes, art. 63).
    pub amount: i64,
    /// The changing decision's number.
    pub decision_number: String,
    /// Why (5–500 characters).
    pub reason: String,
}

/// What an import of assessments stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentImport {
    /// Data rows read.
    pub rows: u32,
    /// New taxpayers (with their individual accounts).
    pub taxpayers_created: u32,
    /// Assessments stored.
    pub assessments: u32,
    /// Instalments scheduled.
    pub instalments: u32,
    /// The assessments' total in grosze.
    pub total: i64,
}

/// What an import of a bank statement did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementImport {
    /// The stored statement's id.
    pub id: String,
    /// `csv` or `mt940`.
    pub format: String,
    /// Credit entries read.
    pub credits: u32,
    /// Matched to a taxpayer by account and allocated.
    pub matched: u32,
    /// To an account of no taxpayer: queued for a clerk (never lost).
    pub unmatched: u32,
    /// Already known from an earlier statement (the bank's reference): not counted twice.
    pub already_known: u32,
    /// Debit entries, which are not payments to the gmina.
    pub debits: u32,
    /// The new credits' total in grosze.
    pub total: i64,
}

/// A statement imported before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementInfo {
    /// Id.
    pub id: String,
    /// The file's name.
    pub file_name: String,
    /// `csv` or `mt940`.
    pub format: String,
    /// When (ms since the epoch, UTC).
    pub imported_at: i64,
    /// New credits it brought.
    pub credits: i64,
    /// Of them matched by account.
    pub matched: i64,
    /// Their total in grosze.
    pub total: i64,
}

/// A correction's reason: 5 to 500 characters, not blank.
pub fn reason(value: &str) -> Result<(), FieldError> {
    let n = value.trim().chars().count();
    if n == 0 {
        Err(FieldError::Required)
    } else if n < 5 {
        Err(FieldError::TooShort)
    } else if n > 500 {
        Err(FieldError::TooLong)
    } else {
        Ok(())
    }
}

/// Parses an amount in złoty as written in Polish files — `1234,56`, `1 234.5`, `-12` —
/// into grosze, exactly (no floating point). At most two decimals.
pub fn parse_zloty(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let (whole, frac) = match t.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (t, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 12 || frac.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse::<i64>().ok()?,
    };
    let value = whole.parse::<i64>().ok()? * 100 + cents;
    Some(if negative { -value } else { value })
}
