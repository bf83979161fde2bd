//! `/api/office/taxes/…` calls: the tax clerks' desk — taxpayers and their ledgers,
//! imports of assessments and bank statements, the unmatched payments and corrections.

use models::taxes::office::{
    AssessmentImport, CorrectAssessment, MatchPayment, OfficeLedger, OfficePayment,
    StatementImport, StatementInfo, TaxpayerSummary, UnmatchPayment,
};

use super::{ApiError, get, post, post_file};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Taxpayers matching `q` (name, number, account), optionally only those in arrears.
pub async fn taxpayers(q: &str, arrears: bool) -> Result<Vec<TaxpayerSummary>, ApiError> {
    get(&format!(
        "/api/office/taxes/taxpayers?q={}&arrears={arrears}",
        enc(q)
    ))
    .await
}

/// One taxpayer's ledger today, with its corrections.
pub async fn ledger(id: &str) -> Result<OfficeLedger, ApiError> {
    get(&format!("/api/office/taxes/taxpayers/{}", enc(id))).await
}

/// Imports assessments from a CSV file.
pub async fn import_assessments(file: &web_sys::File) -> Result<AssessmentImport, ApiError> {
    post_file("/api/office/taxes/assessments/import", file).await
}

/// Imports a bank statement (CSV or MT940).
pub async fn import_statement(file: &web_sys::File) -> Result<StatementImport, ApiError> {
    post_file(
        &format!("/api/office/taxes/statements?name={}", enc(&file.name())),
        file,
    )
    .await
}

/// The statements imported so far.
pub async fn statements() -> Result<Vec<StatementInfo>, ApiError> {
    get("/api/office/taxes/statements").await
}

/// Payments to accounts of no taxpayer.
pub async fn unmatched() -> Result<Vec<OfficePayment>, ApiError> {
    get("/api/office/taxes/payments/unmatched").await
}

/// Matches a payment to a taxpayer.
pub async fn match_payment(id: &str, body: &MatchPayment) -> Result<OfficePayment, ApiError> {
    post(
        &format!("/api/office/taxes/payments/{}/match", enc(id)),
        body,
    )
    .await
}

/// Takes a payment off its taxpayer.
pub async fn unmatch(id: &str, body: &UnmatchPayment) -> Result<OfficePayment, ApiError> {
    post(
        &format!("/api/office/taxes/payments/{}/unmatch", enc(id)),
        body,
    )
    .await
}

/// Corrects an assessment's amount.
pub async fn correct(id: &str, body: &CorrectAssessment) -> Result<OfficeLedger, ApiError> {
    post(
        &format!("/api/office/taxes/assessments/{}/correction", enc(id)),
        body,
    )
    .await
}
