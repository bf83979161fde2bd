//! `/office?queue=&due=`: the work queues — mine, my department's, all (admins) — with
//! the statutory decision dates, overdue and due-soon filters.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::auth::Role;
use models::cases::OfficeCase;

use super::DeskNav;
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};
use crate::pages::cases::status_name;
use crate::state::use_session;

/// The queues with their filters.
#[component]
pub fn Queues() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    use_title(move || i18n.o(O::Queues).to_owned());
    let admin = move || {
        session
            .user
            .with(|u| u.as_ref().is_some_and(|u| u.roles.contains(&Role::Admin)))
    };
    let queue = move || {
        query
            .with(|q| q.get("queue"))
            .unwrap_or_else(|| if admin() { "all" } else { "department" }.to_owned())
    };
    let due = move || query.with(|q| q.get("due")).unwrap_or_default();
    let cases = LocalResource::new(move || {
        let (queue, due) = (queue(), due());
        let ready = session.ready.get();
        async move {
            if ready {
                api::office::queue(&queue, &due).await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    let go = move |queue: String, due: String| {
        let mut url = format!("/office?queue={queue}");
        if !due.is_empty() {
            url.push_str(&format!("&due={due}"));
        }
        navigate(&url, Default::default());
    };
    let go_queue = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(event_target_value(&ev), due())
    };
    let go_due = move |ev: leptos::ev::Event| go(queue(), event_target_value(&ev));
    view! {
        <h1>{move || i18n.o(O::Queues)}</h1>
        <DeskNav />
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="queue">{move || i18n.o(O::Queue)}</label>
                <select id="queue" on:change=go_queue prop:value=queue>
                    <option value="mine">{move || i18n.o(O::QueueMine)}</option>
                    <option value="department">{move || i18n.o(O::QueueDepartment)}</option>
                    {move || admin().then(|| view! { <option value="all">{i18n.o(O::QueueAll)}</option> })}
                </select>
            </div>
            <div class="field">
                <label for="due">{move || i18n.o(O::Deadline)}</label>
                <select id="due" on:change=go_due prop:value=due>
                    <option value="">{move || i18n.o(O::DueAny)}</option>
                    <option value="soon">{move || i18n.o(O::DueSoon)}</option>
                    <option value="overdue">{move || i18n.o(O::DueOverdue)}</option>
                </select>
            </div>
        </form>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || cases.get().map(|result| match result {
                Ok(None) => ().into_any(),
                Ok(Some(list)) if list.is_empty() => view! { <p>{i18n.o(O::NoCases)}</p> }.into_any(),
                Ok(Some(list)) => view! { <CaseTable list=list /> }.into_any(),
                Err(e) => view! {
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                    <p><a href="/login" rel="external">{i18n.t(Msg::LogIn)}</a></p>
                }.into_any(),
            })}
        </Transition>
    }
}

/// The cases as a table (it scrolls sideways inside its box on a phone).
#[component]
fn CaseTable(list: Vec<OfficeCase>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.o(O::Queues)>
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Msg::Reference)}</th>
                        <th scope="col">{i18n.o(O::Subject)}</th>
                        <th scope="col">{i18n.o(O::Applicant)}</th>
                        <th scope="col">{i18n.t(Msg::Status)}</th>
                        <th scope="col">{i18n.o(O::Deadline)}</th>
                        <th scope="col">{i18n.o(O::Assignee)}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|c| {
                        let s = c.summary;
                        view! {
                            <tr class:overdue=c.overdue>
                                <th scope="row"><A href=format!("/office/cases/{}", s.id)>{s.reference.clone()}</A></th>
                                <td>{s.title.get(lang).to_owned()}</td>
                                <td>{c.applicant}</td>
                                <td><span class=format!("badge status-{}", s.status.as_str())>{i18n.t(status_name(s.status))}</span></td>
                                <td>
                                    {s.due_on.unwrap_or_else(|| "—".to_owned())}
                                    {c.overdue.then(|| view! { " "<span class="badge badge-danger">{i18n.o(O::Overdue)}</span> })}
                                </td>
                                <td>{c.assignee.unwrap_or_else(|| i18n.o(O::Nobody).to_owned())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
