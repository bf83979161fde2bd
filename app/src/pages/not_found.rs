//! The 404 page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NotFoundTitle).to_owned());
    view! {
        <h1>{move || i18n.t(Msg::NotFoundTitle)}</h1>
        <p>{move || i18n.t(Msg::NotFoundText)}</p>
        <p><A href="/">{move || i18n.t(Msg::BackHome)}</A></p>
    }
}
