//! Reusable pieces of the layout and of forms.

pub mod alert;
pub mod banner;
pub mod field;
pub mod footer;
#[cfg(feature = "office")]
pub mod form;
pub mod header;
pub mod lang_switch;
pub mod money;
pub mod page;
