//! `/alerts/…`: crisis alerts — the alerts in force, subscribing (with the SMS code),
//! the confirmation and unsubscribe links (`/a/…` is an SMS's short link), and the
//! crisis team's console with live delivery counts.
//!
//! The screens live in their own bundle (cargo feature `alerts`); without it the page
//! only says where they are.

#[cfg(feature = "alerts")]
mod public;
#[cfg(feature = "alerts")]
mod recipients;
#[cfg(feature = "alerts")]
mod team;

use leptos::prelude::*;

#[cfg(not(feature = "alerts"))]
use crate::components::page::use_title;
#[cfg(not(feature = "alerts"))]
use crate::i18n::{Msg, use_i18n};

/// Crisis alerts (routes `/alerts`, `/alerts/*` and `/a/:token`).
#[cfg(feature = "alerts")]
#[component]
pub fn Alerts() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    move || {
        let path = location.pathname.get();
        let parts: Vec<String> = path
            .trim_matches('/')
            .split('/')
            .map(str::to_owned)
            .collect();
        match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["alerts"] => view! { <public::InForce /> }.into_any(),
            ["alerts", "subscribe"] => view! { <public::SubscribePage /> }.into_any(),
            ["alerts", "team"] => view! { <team::TeamPage /> }.into_any(),
            ["alerts", "team", id] => {
                let id = (*id).to_owned();
                view! { <recipients::RecipientsPage id=id /> }.into_any()
            }
            ["alerts", "confirm", token] => {
                let token = (*token).to_owned();
                view! { <public::ConfirmPage token=token /> }.into_any()
            }
            ["alerts", "unsubscribe", token] | ["a", token] => {
                let token = (*token).to_owned();
                view! { <public::UnsubscribePage token=token /> }.into_any()
            }
            _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

/// In a bundle built without the alerts area: says so.
#[cfg(not(feature = "alerts"))]
#[component]
pub fn Alerts() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavAlerts).to_owned());
    view! {
        <h1>{move || i18n.t(Msg::NavAlerts)}</h1>
        <p class="lead">{move || i18n.t(Msg::AreaAlertsDesc)}</p>
        <p class="notice">{move || i18n.t(Msg::CivicNotBuilt)}</p>
    }
}
