//! `/api/civic/…` calls: editions, projects and their verification, voting, results and
//! the published ballot files.

use gloo_net::http::Request;
use models::civic::{
    Appeal, Ballot, Edition, EditionChange, MyBallot, NewConsent, NewEdition, NewProject,
    PaperBallot, ProjectDetail, ProjectSummary, ReceiptCheck, Results, Verification, VoterStatus,
};
use models::error::ErrorCode;

use super::{ApiError, get, post, post_no_content};

/// Percent-encodes a path segment.
fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Every edition of the gmina, newest first.
pub async fn editions() -> Result<Vec<Edition>, ApiError> {
    get("/api/civic/editions").await
}

/// One edition.
pub async fn edition(id: &str) -> Result<Edition, ApiError> {
    get(&format!("/api/civic/editions/{}", enc(id))).await
}

/// An edition's projects, whatever their status.
pub async fn projects(edition: &str) -> Result<Vec<ProjectSummary>, ApiError> {
    get(&format!("/api/civic/editions/{}/projects", enc(edition))).await
}

/// Proposes a project (only while proposals are open).
pub async fn propose(edition: &str, project: &NewProject) -> Result<ProjectDetail, ApiError> {
    post(
        &format!("/api/civic/editions/{}/projects", enc(edition)),
        project,
    )
    .await
}

/// One project with its history.
pub async fn project(id: &str) -> Result<ProjectDetail, ApiError> {
    get(&format!("/api/civic/projects/{}", enc(id))).await
}

/// The office's verification of a submitted project (clerks and admins).
pub async fn verify(id: &str, body: &Verification) -> Result<ProjectDetail, ApiError> {
    post(
        &format!("/api/civic/projects/{}/verification", enc(id)),
        body,
    )
    .await
}

/// The author's appeal against a rejection (`upheld: None`).
pub async fn appeal(id: &str, body: &Appeal) -> Result<ProjectDetail, ApiError> {
    post(&format!("/api/civic/projects/{}/appeal", enc(id)), body).await
}

/// The office's decision on an appeal (`upheld: Some(…)`, clerks and admins).
pub async fn decide_appeal(id: &str, body: &Appeal) -> Result<ProjectDetail, ApiError> {
    post(
        &format!("/api/civic/projects/{}/appeal-decision", enc(id)),
        body,
    )
    .await
}

/// The caller as a voter in an edition.
pub async fn me(edition: &str) -> Result<VoterStatus, ApiError> {
    get(&format!("/api/civic/editions/{}/me", enc(edition))).await
}

/// Casts the caller's ballot; the answer carries the receipt code.
pub async fn cast(edition: &str, ballot: &Ballot) -> Result<MyBallot, ApiError> {
    post(
        &format!("/api/civic/editions/{}/ballot", enc(edition)),
        ballot,
    )
    .await
}

/// Changes the caller's ballot (`PUT`), while the edition allows it.
pub async fn change(edition: &str, ballot: &Ballot) -> Result<MyBallot, ApiError> {
    let path = format!("/api/civic/editions/{}/ballot", enc(edition));
    let request = super::with_language(Request::put(&path)).json(ballot);
    super::json(super::send(request).await?).await
}

/// A guardian's consent for a pupil to vote.
pub async fn consent(edition: &str, body: &NewConsent) -> Result<(), ApiError> {
    post_no_content(
        &format!("/api/civic/editions/{}/consents", enc(edition)),
        body,
    )
    .await
}

/// Closes voting and counts (admins).
pub async fn close(edition: &str) -> Result<Results, ApiError> {
    post(
        &format!("/api/civic/editions/{}/close", enc(edition)),
        &serde_json::json!({}),
    )
    .await
}

/// Announces an edition (admins).
pub async fn create_edition(new: &NewEdition) -> Result<Edition, ApiError> {
    post("/api/civic/editions", new).await
}

/// Changes an open edition's title, timetable and rules (admins).
pub async fn change_edition(edition: &str, change: &EditionChange) -> Result<Edition, ApiError> {
    let path = format!("/api/civic/editions/{}", enc(edition));
    let request = super::with_language(Request::put(&path)).json(change);
    super::json(super::send(request).await?).await
}

/// Imports a pabulib `.pb` file as a new pool (admins); an empty name takes the file's.
pub async fn import(edition: &str, name: &str, text: String) -> Result<Edition, ApiError> {
    let mut path = format!("/api/civic/editions/{}/import", enc(edition));
    if !name.trim().is_empty() {
        path.push_str(&format!("?name={}", enc(name.trim())));
    }
    let request = super::with_language(Request::post(&path))
        .header("Content-Type", "text/plain; charset=utf-8")
        .body(text);
    super::json(super::send(request).await?).await
}

/// Enters a paper ballot (clerks and admins); the answer carries its receipt code.
pub async fn paper_ballot(edition: &str, paper: &PaperBallot) -> Result<MyBallot, ApiError> {
    post(
        &format!("/api/civic/editions/{}/paper-ballots", enc(edition)),
        paper,
    )
    .await
}

/// The results of a closed edition.
pub async fn results(edition: &str) -> Result<Results, ApiError> {
    get(&format!("/api/civic/editions/{}/results", enc(edition))).await
}

/// Where a pool's anonymised ballots are published as a pabulib `.pb` file.
pub fn ballots_url(edition: &str, pool: &str) -> String {
    format!(
        "/api/civic/editions/{}/pools/{}/ballots.pb",
        enc(edition),
        enc(pool)
    )
}

/// A pool's published `.pb` file, as text.
pub async fn ballots(edition: &str, pool: &str) -> Result<String, ApiError> {
    get_text(&ballots_url(edition, pool)).await
}

/// Whether a receipt code is among the counted ballots.
pub async fn check_receipt(edition: &str, code: &str) -> Result<ReceiptCheck, ApiError> {
    let body = ReceiptCheck {
        code: code.trim().to_owned(),
        counted: None,
    };
    post(
        &format!("/api/civic/editions/{}/receipt-check", enc(edition)),
        &body,
    )
    .await
}

/// `GET` a text document (errors still come as the JSON envelope).
async fn get_text(path: &str) -> Result<String, ApiError> {
    let response = super::send(super::with_language(Request::get(path)).build()).await?;
    response
        .text()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal))
}
