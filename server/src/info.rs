//! Public information, the BIP side of the office (ustawa o dostępie do informacji
//! publicznej, art. 8: the Biuletyn Informacji Publicznej): everyone reads, no login;
//! clerks and admins publish.
//!
//! - `budget.rs`: the budget plan and execution by the budget classification;
//! - `registers.rs`: municipal property and the permit registers, with their map points;
//! - `announcements.rs`: the office's announcements with their public history;
//! - `opendata.rs`: every dataset's signed, dated versions as CSV and JSON.

pub mod announcements;
pub mod budget;
pub mod opendata;
pub mod registers;

pub use crate::taxes::office::refuse;

use models::auth::Role;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::ApiError;

/// The area's routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(budget::router())
        .merge(registers::router())
        .merge(announcements::router())
        .merge(opendata::router())
}

/// 403 unless a clerk or an admin: who publishes public information.
pub fn publisher(user: &CurrentUser) -> Result<(), ApiError> {
    user.require_any(&[Role::Clerk, Role::Admin])
}
