//! `/accessibility`: the accessibility declaration Polish law requires.

use leptos::prelude::*;

use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Declaration as D, use_i18n};
use crate::state::use_gmina;

/// Deklaracja dostępności.
#[component]
pub fn Accessibility() -> impl IntoView {
    let i18n = use_i18n();
    let gmina = use_gmina();
    use_title(move || i18n.d(D::Title).to_owned());
    // The contact details come from `/api/gmina`; until it answers they are blank, and if
    // it fails the alert says so.
    let filled = move |part: D| {
        move || {
            let (email, phone, address) = gmina
                .info
                .get()
                .map(|g| (g.contact_email, g.contact_phone, g.address))
                .unwrap_or_default();
            i18n.d(part)
                .replace("{gmina}", &gmina.name())
                .replace("{email}", &email)
                .replace("{phone}", &phone)
                .replace("{address}", &address)
        }
    };
    view! {
        <h1>{move || i18n.d(D::Title)}</h1>
        <ErrorAlert error=gmina.error />
        <p>{filled(D::Intro)}</p>
        <h2>{move || i18n.d(D::DatesHeading)}</h2>
        <p>{move || i18n.d(D::Dates)}</p>
        <h2>{move || i18n.d(D::StatusHeading)}</h2>
        <p>{move || i18n.d(D::Status)}</p>
        <p>{move || i18n.d(D::NonCompliant)}</p>
        <h2>{move || i18n.d(D::PreparedHeading)}</h2>
        <p>{move || i18n.d(D::Prepared)}</p>
        <p>{move || i18n.d(D::Shortcuts)}</p>
        <h2>{move || i18n.d(D::FeedbackHeading)}</h2>
        <p>{filled(D::Feedback)}</p>
        <h2>{move || i18n.d(D::ProcedureHeading)}</h2>
        <p>{move || i18n.d(D::Procedure)}</p>
        <p>{move || i18n.d(D::Complaint)}</p>
        <h2>{move || i18n.d(D::ArchitectureHeading)}</h2>
        <p>{filled(D::Architecture)}</p>
    }
}
