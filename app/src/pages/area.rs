//! A service area whose issue has not landed yet.

use leptos::prelude::*;

use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// The area's name, what it will offer, and that it is being prepared.
#[component]
pub fn AreaPage(title: Msg, lead: Msg) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(title).to_owned());
    view! {
        <h1>{move || i18n.t(title)}</h1>
        <p class="lead">{move || i18n.t(lead)}</p>
        <p class="notice">{move || i18n.t(Msg::InPreparation)}</p>
    }
}
