//! `/taxes`: the resident's local taxes and fees — the balance as of today or a chosen
//! payment day (arrears, interest, the next instalment), the individual account with a
//! QR transfer code, every assessment with its instalments, and the payments with how
//! each was allocated.
//!
//! The screens live in their own bundle (cargo feature `taxes`); without it the page only
//! says where they are.

#[cfg(feature = "taxes")]
mod ledger;

use leptos::prelude::*;

#[cfg(not(feature = "taxes"))]
use crate::components::page::use_title;
#[cfg(not(feature = "taxes"))]
use crate::i18n::{Msg, use_i18n};

/// Taxes and fees (routes `/taxes` and `/taxes/*`).
#[cfg(feature = "taxes")]
#[component]
pub fn Taxes() -> impl IntoView {
    view! { <ledger::TaxesPage /> }
}

/// In a bundle built without the taxes area: says so.
#[cfg(not(feature = "taxes"))]
#[component]
pub fn Taxes() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavTaxes).to_owned());
    view! {
        <h1>{move || i18n.t(Msg::NavTaxes)}</h1>
        <p class="lead">{move || i18n.t(Msg::AreaTaxesDesc)}</p>
        <p class="notice">{move || i18n.t(Msg::CivicNotBuilt)}</p>
    }
}
