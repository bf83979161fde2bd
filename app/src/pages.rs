//! One module per page.

pub mod accessibility;
pub mod account;
#[cfg(not(any(
    feature = "civic",
    feature = "taxes",
    feature = "alerts",
    feature = "info",
    feature = "school"
)))]
pub mod activate;
pub mod alerts;
pub mod area;
pub mod cases;
pub mod civic;
pub mod home;
pub mod info;
pub mod login;
pub mod not_found;
pub mod office;
pub mod register;
#[cfg(feature = "school")]
pub mod school;
pub mod taxes;
pub mod verify;
