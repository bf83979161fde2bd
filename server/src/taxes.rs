//! Local taxes and fees: taxpayers and who may see them, yearly assessments with their
//! statutory instalments, payments allocated by the Ordynacja podatkowa, interest on
//! arrears as of any day. Rules and their articles: docs/TAXES.md.

pub mod assessments;
pub mod bank;
pub mod corrections;
pub mod db;
pub mod exports;
pub mod files;
pub mod import;
pub mod ledger;
pub mod office;
pub mod payments;
pub mod reminders;
pub mod routes;
pub mod statements;

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    routes::router()
        .merge(payments::router())
        .merge(exports::router())
        .merge(office::router())
}
