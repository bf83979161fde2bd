//! `/office/registry?year=`: the registry of incoming correspondence (dziennik
//! korespondencji) — electronic submissions and registered paper letters in one list.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::cases::RegistryEntry;

use super::{DeskNav, channel_name};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};
use crate::time::warsaw;

fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// The registry for one year.
#[component]
pub fn Registry() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    use_title(move || i18n.o(O::Registry).to_owned());
    let year = move || {
        query
            .with(|q| q.get("year"))
            .and_then(|y| y.parse::<i32>().ok())
            .unwrap_or_else(this_year)
    };
    let entries = LocalResource::new(move || {
        let year = year();
        async move { api::office::registry(year).await }
    });
    let change = move |ev: leptos::ev::Event| {
        navigate(
            &format!("/office/registry?year={}", event_target_value(&ev)),
            Default::default(),
        );
    };
    let years: Vec<i32> = (0..5).map(|n| this_year() - n).collect();
    view! {
        <h1>{move || i18n.o(O::Registry)}</h1>
        <DeskNav />
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="year">{move || i18n.o(O::Year)}</label>
                <select id="year" on:change=change prop:value=move || year().to_string()>
                    {years.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </div>
        </form>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || entries.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p>{i18n.o(O::NoEntries)}</p> }.into_any(),
                Ok(list) => view! { <EntryTable list=list /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn EntryTable(list: Vec<RegistryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.o(O::Registry)>
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Msg::RegistryNumber)}</th>
                        <th scope="col">{i18n.t(Msg::ReceivedAt)}</th>
                        <th scope="col">{i18n.o(O::Channel)}</th>
                        <th scope="col">{i18n.o(O::Sender)}</th>
                        <th scope="col">{i18n.o(O::Subject)}</th>
                        <th scope="col">{i18n.o(O::CaseLink)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|e| view! {
                        <tr>
                            <th scope="row">{e.number}</th>
                            <td>{warsaw(&e.received_at, lang)}</td>
                            <td>{i18n.o(channel_name(e.channel))}</td>
                            <td>{e.sender}</td>
                            <td>{e.subject}</td>
                            <td><A href=format!("/office/cases/{}", e.case_id)>{e.case_reference}</A></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
