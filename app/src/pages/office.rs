//! `/office/…`: the clerks' desk — work queues with statutory deadlines, the registry of
//! incoming correspondence, registering a paper letter, and one case with its actions
//! (assignment, request for completion, decision, closing); and the school office's
//! classes, rolls and CSV import of pupils and guardians.
//!
//! The screens live in the back office's own bundle (`office.html`, cargo feature
//! `office`), so residents never download them; the residents' bundle only says where
//! the desk is.

#[cfg(feature = "office")]
mod case;
#[cfg(feature = "office")]
mod letter;
#[cfg(feature = "office")]
mod plan;
#[cfg(feature = "office")]
mod queues;
#[cfg(feature = "office")]
mod registry;
#[cfg(feature = "office")]
mod school;
#[cfg(feature = "office")]
mod schools;
#[cfg(feature = "office")]
mod taxes;

use leptos::prelude::*;

#[cfg(not(feature = "office"))]
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// The desk: picks the screen from the address (one route, `/office/*`, in the router).
#[cfg(feature = "office")]
#[component]
pub fn Office() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    move || {
        let path = location.pathname.get();
        let rest = path
            .trim_start_matches("/office")
            .trim_matches('/')
            .to_owned();
        let parts: Vec<&str> = rest.split('/').collect();
        match parts.as_slice() {
            // The school office has no case queues: its desk is its school's classes.
            [""] if school_office_only() => view! { <school::SchoolOffice /> }.into_any(),
            [""] => view! { <queues::Queues /> }.into_any(),
            ["school"] => view! { <school::SchoolOffice /> }.into_any(),
            ["school", "classes", id] => {
                let id = (*id).to_owned();
                view! { <school::ClassRollPage id=id /> }.into_any()
            }
            ["school", "classes", id, "timetable"] => {
                let id = (*id).to_owned();
                view! { <plan::ClassPlanPage id=id /> }.into_any()
            }
            ["schools"] => view! { <schools::GminaSchools /> }.into_any(),
            ["registry"] => view! { <registry::Registry /> }.into_any(),
            ["letters", "new"] => view! { <letter::NewLetterPage /> }.into_any(),
            ["taxes"] => view! { <taxes::TaxpayerList /> }.into_any(),
            ["taxes", "import"] => view! { <taxes::Imports /> }.into_any(),
            ["taxes", "unmatched"] => view! { <taxes::Unmatched /> }.into_any(),
            ["taxes", "taxpayers", id] => {
                let id = (*id).to_owned();
                view! { <taxes::TaxpayerPage id=id /> }.into_any()
            }
            ["cases", id] => {
                let id = (*id).to_owned();
                view! { <case::CasePage id=id /> }.into_any()
            }
            _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

/// Whether the caller works only in a school office (not a clerk or admin).
#[cfg(feature = "office")]
fn school_office_only() -> bool {
    use models::auth::Role;
    crate::state::use_session().user.with(|u| {
        u.as_ref().is_some_and(|u| {
            u.roles.contains(&Role::SchoolAdmin)
                && !u
                    .roles
                    .iter()
                    .any(|r| matches!(r, Role::Clerk | Role::Admin))
        })
    })
}

/// In the residents' bundle: the desk is a separate bundle the server serves at
/// `/office`; this shows only if that bundle is missing.
#[cfg(not(feature = "office"))]
#[component]
pub fn Office() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavOffice).to_owned());
    view! {
        <h1>{move || i18n.t(Msg::NavOffice)}</h1>
        <p>{move || i18n.t(Msg::OfficeNotBuilt)}</p>
    }
}

/// The desk's own navigation.
#[cfg(feature = "office")]
#[component]
fn DeskNav() -> impl IntoView {
    use leptos_router::components::A;

    use crate::i18n::Office as O;
    let i18n = use_i18n();
    let admin = crate::state::use_session().user.with(|u| {
        u.as_ref()
            .is_some_and(|u| u.roles.contains(&models::auth::Role::Admin))
    });
    view! {
        <nav class="desk-nav" aria-label=move || i18n.t(Msg::NavOffice)>
            <ul>
                <li><A href="/office" exact=true>{move || i18n.o(O::Queues)}</A></li>
                <li><A href="/office/registry">{move || i18n.o(O::Registry)}</A></li>
                <li><A href="/office/letters/new">{move || i18n.o(O::NewLetter)}</A></li>
                <li><A href="/office/taxes">{move || i18n.o(O::TaxDesk)}</A></li>
                {admin.then(|| view! { <li><A href="/office/schools">{move || i18n.o(O::Schools)}</A></li> })}
            </ul>
        </nav>
    }
}

/// The channel's name.
#[cfg(feature = "office")]
fn channel_name(c: models::cases::Channel) -> crate::i18n::Office {
    use crate::i18n::Office as O;
    use models::cases::Channel;
    match c {
        Channel::Portal => O::ChannelPortal,
        Channel::Paper => O::ChannelPaper,
        Channel::Electronic => O::ChannelElectronic,
        Channel::Email => O::ChannelEmail,
    }
}
