//! `/public-info/…`: public information — the budget, the public registers with their
//! map, the office's announcements with their history, open data with every signed
//! version, and the clerks' publishing page.
//!
//! The screens live in their own bundle (cargo feature `info`); without it the page
//! only says what the area is.

#[cfg(feature = "info")]
mod announcements;
#[cfg(feature = "info")]
mod budget;
#[cfg(feature = "info")]
mod data;
#[cfg(feature = "info")]
mod map;
#[cfg(feature = "info")]
mod office;
#[cfg(feature = "info")]
mod registers;

use leptos::prelude::*;

/// Public information (routes `/public-info` and `/public-info/*`).
#[cfg(feature = "info")]
#[component]
pub fn PublicInfo() -> impl IntoView {
    use models::info::registers::Register;
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
            ["public-info"] => view! { <Hub /> }.into_any(),
            ["public-info", "budget"] => view! { <budget::BudgetPage year=None /> }.into_any(),
            ["public-info", "budget", year] => match year.parse::<i32>() {
                Ok(y) => view! { <budget::BudgetPage year=Some(y) /> }.into_any(),
                Err(_) => view! { <crate::pages::not_found::NotFound /> }.into_any(),
            },
            ["public-info", "registers", key] => match Register::parse(key) {
                Some(r) => view! { <registers::RegisterPage register=r /> }.into_any(),
                None => view! { <crate::pages::not_found::NotFound /> }.into_any(),
            },
            ["public-info", "announcements"] => view! { <announcements::List /> }.into_any(),
            ["public-info", "announcements", id] => {
                let id = (*id).to_owned();
                view! { <announcements::Detail id=id /> }.into_any()
            }
            ["public-info", "data"] => view! { <data::OpenData /> }.into_any(),
            ["public-info", "office"] => view! { <office::Publishing /> }.into_any(),
            _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

/// `/public-info`: what there is.
#[cfg(feature = "info")]
#[component]
fn Hub() -> impl IntoView {
    use leptos_router::components::A;

    use crate::components::page::use_title;
    use crate::i18n::{Info as I, Msg, use_i18n};
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavPublicInfo).to_owned());
    let session = crate::state::use_session();
    let clerk = move || {
        session.user.with(|u| {
            u.as_ref().is_some_and(|u| {
                u.roles
                    .iter()
                    .any(|r| matches!(r, models::auth::Role::Clerk | models::auth::Role::Admin))
            })
        })
    };
    let cards = [
        ("/public-info/budget", I::Budget, I::BudgetDesc),
        (
            "/public-info/registers/property",
            I::Property,
            I::PropertyDesc,
        ),
        ("/public-info/registers/alcohol", I::Alcohol, I::AlcoholDesc),
        (
            "/public-info/registers/road-lane",
            I::RoadLane,
            I::RoadLaneDesc,
        ),
        (
            "/public-info/announcements",
            I::Announcements,
            I::AnnouncementsDesc,
        ),
        ("/public-info/data", I::OpenData, I::OpenDataDesc),
    ];
    view! {
        <h1>{move || i18n.t(Msg::NavPublicInfo)}</h1>
        <p class="lead">{move || i18n.pi(I::Lead)}</p>
        <ul class="cards">
            {cards.into_iter().map(|(href, title, desc)| view! {
                <li class="card">
                    <A href=href>
                        <span class="card-title">{move || i18n.pi(title)}</span>
                        <span class="card-text">{move || i18n.pi(desc)}</span>
                    </A>
                </li>
            }).collect_view()}
        </ul>
        {move || clerk().then(|| view! {
            <p><A href="/public-info/office" attr:class="button button-secondary">{i18n.pi(I::Publishing)}</A></p>
        })}
    }
}

/// In a bundle built without public information: says what the area is.
#[cfg(not(feature = "info"))]
#[component]
pub fn PublicInfo() -> impl IntoView {
    use crate::i18n::Msg;
    use crate::pages::area::AreaPage;
    view! { <AreaPage title=Msg::NavPublicInfo lead=Msg::AreaPublicInfoDesc /> }
}
