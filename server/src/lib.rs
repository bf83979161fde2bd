//! Okienko's server: the JSON API under `/api`, the CLI, and the static SPA.
//!
//! One module per domain area (`auth`, `tenancy`, …), each with `routes`, `db` and
//! domain code beside it; [`startup::router`] merges them.

pub mod alerts;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cases;
pub mod civic;
pub mod cli;
pub mod config;
pub mod db;
pub mod delivery;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod info;
pub mod mail;
pub mod metrics;
pub mod openapi;
pub mod receipts;
pub mod school;
pub mod security;
pub mod services;
pub mod spa;
pub mod startup;
pub mod taxes;
pub mod tenancy;
pub mod time_fmt;

pub use startup::AppState;
