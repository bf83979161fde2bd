//! The home page: a welcome for visitors, a dashboard for a logged-in person.

use leptos::prelude::*;
use leptos_router::components::A;
use models::auth::Role;

use crate::components::header::{AREAS, rel_for};
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};
use crate::state::{use_gmina, use_session};

/// The role's name in the current language.
pub fn role_name(role: Role) -> Msg {
    match role {
        Role::Resident => Msg::RoleResident,
        Role::Clerk => Msg::RoleClerk,
        Role::Teacher => Msg::RoleTeacher,
        Role::Parent => Msg::RoleParent,
        Role::Pupil => Msg::RolePupil,
        Role::Admin => Msg::RoleAdmin,
        Role::Crisis => Msg::RoleCrisis,
        Role::SchoolAdmin => Msg::RoleSchoolAdmin,
    }
}

/// `/`.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let gmina = use_gmina();
    use_title(move || i18n.t(Msg::NavHome).to_owned());
    let heading = move || match session.user.get() {
        Some(me) => i18n.t(Msg::Welcome).replace("{name}", &me.full_name),
        None => i18n.t(Msg::HomeTitle).to_owned(),
    };
    view! {
        <h1>{heading}</h1>
        <Show
            when=move || session.logged_in()
            fallback=move || view! {
                <p class="lead">{move || gmina.name()}</p>
                <p>{move || i18n.t(Msg::HomeLead)}</p>
                <p>{move || i18n.t(Msg::HomeLoginLead)}</p>
                <p class="actions">
                    <A href="/login" attr:class="button">{move || i18n.t(Msg::LogIn)}</A>
                    <A href="/register" attr:class="button button-secondary">{move || i18n.t(Msg::CreateAccount)}</A>
                </p>
            }
        >
            <p class="roles">
                {move || i18n.t(Msg::YourRoles)} ": "
                {move || {
                    session.user.get().map(|me| {
                        me.roles.iter().map(|r| i18n.t(role_name(*r))).collect::<Vec<_>>().join(", ")
                    })
                }}
            </p>
        </Show>
        <h2>{move || i18n.t(Msg::Services)}</h2>
        <ul class="cards">
            {AREAS
                .into_iter()
                .map(|(href, name, desc)| {
                    view! {
                        <li class="card">
                            <A href=href attr:rel=rel_for(href)>
                                <span class="card-title">{move || i18n.t(name)}</span>
                                <span class="card-text">{move || i18n.t(desc)}</span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
