//! `/cases/my/:id`: one case — status, decision date, who handles it, the request for
//! completion and the answer to it, the history and the documents both ways.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use models::cases::{CaseDetail, CaseEvent, CaseStatus, Completion, EventKind};

use super::status_name;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{I18n, Msg, use_i18n};
use crate::time::warsaw;

/// An event's name in the timeline.
pub fn event_name(kind: EventKind) -> Msg {
    match kind {
        EventKind::Received => Msg::EventReceived,
        EventKind::Registered => Msg::EventRegistered,
        EventKind::Assigned => Msg::EventAssigned,
        EventKind::Viewed => Msg::EventViewed,
        EventKind::CompletionRequested => Msg::EventCompletionRequested,
        EventKind::Completed => Msg::EventCompleted,
        EventKind::DecisionIssued => Msg::EventDecisionIssued,
        EventKind::Closed => Msg::EventClosed,
        EventKind::Delayed => Msg::EventDelayed,
    }
}

/// One case of the person's own.
#[component]
pub fn CaseView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reload = RwSignal::new(0u32);
    let case = LocalResource::new(move || {
        let id = id();
        reload.track();
        async move { api::cases::one(&id).await }
    });
    use_title(move || {
        case.get()
            .and_then(Result::ok)
            .map(|c| c.summary.reference)
            .unwrap_or_else(|| i18n.t(Msg::MyCases).to_owned())
    });
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || case.get().map(|result| match result {
                Ok(c) => view! { <Details case=c reload=reload /> }.into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
        <p><A href="/cases/my">{move || i18n.t(Msg::BackToMyCases)}</A></p>
    }
}

/// The case's facts, completion box, history and documents.
#[component]
fn Details(case: CaseDetail, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let s = &case.summary;
    let status = s.status;
    let due = match (&s.due_on, status) {
        (Some(d), _) => Some(format!("{}: {d}", i18n.t(Msg::DecisionBy))),
        (None, CaseStatus::NeedsCompletion) => Some(i18n.t(Msg::DeadlinePaused).to_owned()),
        _ => None,
    };
    let handler = match &case.assignee {
        Some(a) => format!("{} — {a}", s.department),
        None => s.department.clone(),
    };
    let base = format!("/api/cases/{}", s.id);
    let has_receipt = case.documents.iter().any(|d| d.kind == "receipt");
    view! {
        <h1>{s.title.get(lang).to_owned()}</h1>
        <dl class="facts">
            <dt>{i18n.t(Msg::Status)}</dt>
            <dd><span class=format!("badge status-{}", status.as_str())>{i18n.t(status_name(status))}</span></dd>
            <dt>{i18n.t(Msg::Reference)}</dt>
            <dd>{s.reference.clone()}</dd>
            <dt>{i18n.t(Msg::RegistryNumber)}</dt>
            <dd>{case.registry_number.clone()}</dd>
            <dt>{i18n.t(Msg::ReceivedAt)}</dt>
            <dd>{warsaw(&s.received_at, lang)}</dd>
            <dt>{i18n.t(Msg::HandledBy)}</dt>
            <dd>{handler}</dd>
        </dl>
        {due.map(|d| view! { <p class="notice">{d}</p> })}
        {case.completion.clone().map(|c| view! {
            <CompletionBox case_id=s.id.clone() text=c.text due_on=c.due_on reload=reload />
        })}
        <h2>{i18n.t(Msg::Timeline)}</h2>
        <ol class="timeline">
            {case.events.iter().map(|e| event_item(i18n, e)).collect_view()}
        </ol>
        <h2>{i18n.t(Msg::Documents)}</h2>
        <ul class="documents">
            {case.documents.iter().map(|d| {
                let from = if d.direction == "in" { Msg::FromYou } else { Msg::FromOffice };
                view! {
                    <li>
                        <a href=format!("{base}/documents/{}", d.id) download=d.name.clone()>{d.name.clone()}</a>
                        " "<span class="muted">{format!("({}, {} kB)", i18n.t(from), d.size.div_ceil(1024))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {has_receipt.then(|| view! {
            <p class="actions">
                <a class="button" href=format!("{base}/receipt") download="UPO.json">{i18n.t(Msg::DownloadReceipt)}</a>
                " "<A href=format!("/cases/my/{}/upo", s.id)>{i18n.t(Msg::PrintableReceipt)}</A>
                " "<A href="/verify">{i18n.t(Msg::CheckReceipt)}</A>
            </p>
        })}
    }
}

/// One timeline entry.
pub fn event_item(i18n: I18n, e: &CaseEvent) -> impl IntoView + use<> {
    let lang = i18n.lang();
    let who = e.actor.clone().map(|a| format!(" — {a}"));
    let note = e
        .note
        .clone()
        .filter(|_| e.kind != EventKind::Assigned || e.actor.is_some());
    view! {
        <li>
            <span class="when">{warsaw(&e.at, lang)}</span>" "
            <strong>{i18n.t(event_name(e.kind))}</strong>{who}
            {note.map(|n| view! { <p class="note">{n}</p> })}
        </li>
    }
}

/// What the office asks for, and the form to answer with a message and files.
#[component]
fn CompletionBox(
    case_id: String,
    text: String,
    due_on: String,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let files_ref = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let id = case_id.clone();
        let chosen = api::cases::chosen_files(files_ref.get_untracked().as_ref());
        spawn_local(async move {
            let files = match api::cases::upload_all(&chosen).await {
                Ok(files) => files,
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                    return;
                }
            };
            let answer = Completion {
                message: message.get_untracked(),
                files,
            };
            match api::cases::complete(&id, &answer).await {
                Ok(_) => reload.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel completion" aria-labelledby="completion-title">
            <h2 id="completion-title">{move || i18n.t(Msg::CompletionTitle)}</h2>
            <p>{text}</p>
            <p><strong>{move || i18n.t(Msg::CompleteBy).replace("{date}", &due_on)}</strong></p>
            <form on:submit=submit>
                <label for="completion-message">{move || i18n.t(Msg::YourAnswer)}</label>
                <textarea id="completion-message" rows="4" maxlength="5000"
                    prop:value=move || message.get()
                    on:input=move |ev| message.set(event_target_value(&ev))></textarea>
                <label for="completion-files">{move || i18n.t(Msg::AttachFiles)}</label>
                <input id="completion-files" type="file" multiple accept="application/pdf,image/jpeg,image/png" node_ref=files_ref />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::SendCompletion) }}
                </button>
            </form>
        </section>
    }
}
