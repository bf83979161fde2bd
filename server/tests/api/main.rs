//! Server integration tests: one binary, a fresh database per test.
//!
//! SQLite by default; PostgreSQL when `OKIENKO_TEST_DATABASE_URL=postgres://…` is set
//! (`cargo xtask test` runs the binary both ways).

mod helpers;

mod alerts;
mod auth_flow;
mod authz;
mod backup;
mod bad_input;
mod cases;
mod civic;
mod cli;
mod conventions;
mod crash;
mod crash_alerts;
mod filing;
mod info;
mod mail;
mod office;
mod receipts;
mod school;
mod school_days;
mod school_descriptive;
mod school_gmina;
mod school_messages;
mod school_office;
mod school_plan;
mod school_structure;
mod school_years;
mod services;
mod sessions;
mod taxes;
mod taxes_office;
mod tenancy;
