//! `/cases/my`: the resident's cases with their status and the decision date.

use leptos::prelude::*;
use leptos_router::components::A;
use models::cases::CaseSummary;

use super::status_name;
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};
use crate::state::use_session;

/// The list of the person's own cases, newest first.
#[component]
pub fn MyCases() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_title(move || i18n.t(Msg::MyCases).to_owned());
    let cases = LocalResource::new(move || {
        let logged_in = session.logged_in();
        async move {
            if logged_in {
                api::cases::mine().await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    view! {
        <h1>{move || i18n.t(Msg::MyCases)}</h1>
        <p class="lead">{move || i18n.t(Msg::MyCasesLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || cases.get().map(|result| match result {
                Ok(None) => view! { <p><A href="/login">{i18n.t(Msg::LoginToSeeCases)}</A></p> }.into_any(),
                Ok(Some(list)) if list.is_empty() => view! { <p>{i18n.t(Msg::NoCases)}</p> }.into_any(),
                Ok(Some(list)) => view! {
                    <ul class="cards case-list">
                        {list.into_iter().map(|c| view! { <CaseItem case=c /> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <Drafts />
        <p><A href="/verify">{move || i18n.t(Msg::CheckReceipt)}</A></p>
    }
}

/// Unfinished applications, to continue (on this or another device).
#[component]
fn Drafts() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let drafts = LocalResource::new(move || {
        let logged_in = session.logged_in();
        async move {
            if logged_in {
                api::cases::drafts().await.unwrap_or_default()
            } else {
                vec![]
            }
        }
    });
    move || {
        let list = drafts.get().unwrap_or_default();
        (!list.is_empty()).then(|| view! {
            <h2>{i18n.t(Msg::Drafts)}</h2>
            <ul class="documents">
                {list.into_iter().map(|d| {
                    let href = format!("/cases/services/{}/file?draft={}", d.service_slug, d.id);
                    let title = d.title.clone();
                    view! { <li><A href=href>{move || title.get(i18n.lang()).to_owned()}</A></li> }
                }).collect_view()}
            </ul>
        })
    }
}

/// One case in the list: title, reference, status and decision date.
#[component]
fn CaseItem(case: CaseSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/cases/my/{}", case.id);
    let title = case.title.clone();
    let status = case.status;
    let due = case.due_on.clone();
    view! {
        <li class="card">
            <A href=href>
                <span class="card-title">{move || title.get(i18n.lang()).to_owned()}</span>
                <span class="card-text">{case.reference.clone()}</span>
                <span class=format!("badge status-{}", status.as_str())>{move || i18n.t(status_name(status))}</span>
                {due.map(|d| view! {
                    <span class="card-text">{move || format!("{}: {d}", i18n.t(Msg::DecisionBy))}</span>
                })}
            </A>
        </li>
    }
}
