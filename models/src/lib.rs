//! Wire types shared by the Okienko browser app and server.
//!
//! Serde types and the pure validation both sides must run identically. This crate
//! depends on no server or UI crate and compiles for `wasm32-unknown-unknown`.

pub mod alerts;
pub mod auth;
pub mod cases;
pub mod civic;
pub mod error;
pub mod forms;
pub mod gmina;
pub mod info;
pub mod lang;
pub mod pb;
pub mod pesel;
pub mod receipts;
pub mod school;
pub mod services;
pub mod taxes;
pub mod validate;

/// `GET /api/health` answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `"ok"` when the server and its database answer.
    pub status: String,
}
