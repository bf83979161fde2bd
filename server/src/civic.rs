//! Civic budget (budżet obywatelski): editions with their timetable, pools and rules;
//! residents' proposals and the office's verification with one appeal; ballots (online,
//! on paper, imported from pabulib) stored through a group-commit writer; closing,
//! counting with greedy or the Method of Equal Shares, results and `.pb` export.
//!
//! Rules and their sources: docs/CIVIC_BUDGET.md.

pub mod ballots;
pub mod db;
pub mod editions;
pub mod import;
pub mod projects;
pub mod results;
pub mod voting;
pub mod writer;

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(editions::router())
        .merge(projects::router())
        .merge(voting::router())
        .merge(results::router())
        .merge(import::router())
}
