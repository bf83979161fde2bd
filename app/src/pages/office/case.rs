//! `/office/cases/:id`: one case at the desk — facts, statutory date, documents, history,
//! and the actions its status allows: assignment (dekretacja), request for completion
//! (KPA art. 64 § 2), decision (signed and delivered), closing to the archive.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::cases::{
    Assign, CaseDetail, CaseStatus, Clerk, Department, JrwaClass, NewCompletionRequest,
    NewDecision, NewDelay,
};

use super::letter::Select;
use super::{DeskNav, channel_name};
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};
use crate::pages::cases::detail::event_item;
use crate::pages::cases::status_name;
use crate::time::warsaw;

/// What an action needs to report back.
#[derive(Debug, Clone, Copy)]
struct Act {
    reload: RwSignal<u32>,
    done: RwSignal<Option<&'static str>>,
}

/// The case, reloaded after every action.
#[component]
pub fn CasePage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<&'static str>);
    let case = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            reload.track();
            async move { api::office::case(&id).await }
        }
    });
    let lists = LocalResource::new(|| async {
        Ok::<_, ApiError>((
            api::office::departments().await?,
            api::office::clerks().await?,
            api::office::jrwa().await?,
        ))
    });
    use_title(move || {
        case.get()
            .and_then(Result::ok)
            .map(|c| c.summary.reference)
            .unwrap_or_else(|| i18n.o(O::CaseLink).to_owned())
    });
    let act = Act { reload, done };
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || match (case.get(), lists.get()) {
                (Some(Ok(c)), Some(Ok((departments, clerks, classes)))) => view! {
                    <Desk case=c departments clerks classes act />
                }.into_any(),
                (Some(Err(e)), _) | (_, Some(Err(e))) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
                _ => view! { <p role="status">{i18n.t(Msg::Loading)}</p> }.into_any(),
            }}
        </Transition>
        <StatusMessage text=done />
        <p><A href="/office">{move || i18n.o(O::BackToQueues)}</A></p>
    }
}

#[component]
fn Desk(
    case: CaseDetail,
    departments: Vec<Department>,
    clerks: Vec<Clerk>,
    classes: Vec<JrwaClass>,
    act: Act,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let s = &case.summary;
    let status = s.status;
    let id = s.id.clone();
    let base = format!("/api/office/cases/{id}");
    let can_assign = !matches!(status, CaseStatus::DecisionReady | CaseStatus::Closed);
    let can_decide = matches!(status, CaseStatus::Registered | CaseStatus::InProgress);
    view! {
        <h1>{s.title.get(lang).to_owned()}</h1>
        <DeskNav />
        <dl class="facts">
            <dt>{i18n.t(Msg::Status)}</dt>
            <dd><span class=format!("badge status-{}", status.as_str())>{i18n.t(status_name(status))}</span></dd>
            <dt>{i18n.t(Msg::Reference)}</dt><dd>{s.reference.clone()}</dd>
            <dt>{i18n.t(Msg::RegistryNumber)}</dt><dd>{case.registry_number.clone()}</dd>
            <dt>{i18n.o(O::Channel)}</dt><dd>{i18n.o(channel_name(case.channel))}</dd>
            <dt>{i18n.t(Msg::ReceivedAt)}</dt><dd>{warsaw(&s.received_at, lang)}</dd>
            <dt>{i18n.o(O::Applicant)}</dt><dd>{case.applicant.clone()}</dd>
            <dt>{i18n.t(Msg::HandledBy)}</dt>
            <dd>{s.department.clone()}" — "{case.assignee.clone().unwrap_or_else(|| i18n.o(O::Nobody).to_owned())}</dd>
            <dt>{i18n.o(O::Period)}</dt><dd>{case.period.clone()}</dd>
            <dt>{i18n.t(Msg::DecisionBy)}</dt>
            <dd>{match (&s.due_on, status) {
                (Some(d), _) => d.clone(),
                (None, CaseStatus::NeedsCompletion) => i18n.t(Msg::DeadlinePaused).to_owned(),
                _ => "—".to_owned(),
            }}</dd>
            {case.retention.clone().map(|r| view! { <dt>{i18n.o(O::Retention)}</dt><dd>{r}</dd> })}
        </dl>
        {case.completion.clone().map(|c| view! {
            <section class="panel">
                <h2>{i18n.t(Msg::CompletionTitle)}</h2>
                <p>{c.text}</p>
                <p><strong>{i18n.t(Msg::CompleteBy).replace("{date}", &c.due_on)}</strong></p>
            </section>
        })}
        {can_assign.then(|| view! { <AssignForm id=id.clone() departments clerks classes act /> })}
        {can_decide.then(|| view! {
            <CompletionForm id=id.clone() act />
            <DelayForm id=id.clone() act />
            <DecisionForm id=id.clone() act />
        })}
        {(status == CaseStatus::DecisionReady).then(|| view! { <CloseForm id=id.clone() act /> })}
        <h2>{i18n.t(Msg::Documents)}</h2>
        <ul class="documents">
            {case.documents.iter().map(|d| view! {
                <li>
                    <a href=format!("{base}/documents/{}", d.id) download=d.name.clone()>{d.name.clone()}</a>
                    " "<span class="muted">{format!("({}, {} kB)", d.kind, d.size.div_ceil(1024))}</span>
                </li>
            }).collect_view()}
        </ul>
        <h2>{i18n.t(Msg::Timeline)}</h2>
        <ol class="timeline">
            {case.events.iter().map(|e| event_item(i18n, e)).collect_view()}
        </ol>
    }
}

/// Runs an office action and reloads the case when it succeeds.
fn run<F>(act: Act, busy: RwSignal<bool>, error: RwSignal<Option<ApiError>>, call: F)
where
    F: std::future::Future<Output = Result<models::cases::OfficeCase, ApiError>> + 'static,
{
    busy.set(true);
    error.set(None);
    act.done.set(None);
    spawn_local(async move {
        match call.await {
            Ok(_) => {
                act.done.set(Some(O::Done.text(crate::i18n::current())));
                act.reload.update(|n| *n += 1);
            }
            Err(e) => error.set(Some(e)),
        }
        busy.set(false);
    });
}

#[component]
fn AssignForm(
    id: String,
    departments: Vec<Department>,
    clerks: Vec<Clerk>,
    classes: Vec<JrwaClass>,
    act: Act,
) -> impl IntoView {
    let i18n = use_i18n();
    let department = RwSignal::new(String::new());
    let assignee = RwSignal::new(String::new());
    let jrwa = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let field = move |name: &'static str| {
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.fields.get(name).copied())))
    };
    let clerks = StoredValue::new(clerks);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = Assign {
            department_code: department.get_untracked(),
            assignee_id: Some(assignee.get_untracked()).filter(|a| !a.is_empty()),
            jrwa_symbol: Some(jrwa.get_untracked()).filter(|j| !j.is_empty()),
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::office::assign(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="assign-title">
            <h2 id="assign-title">{move || i18n.o(O::Assign)}</h2>
            <form novalidate on:submit=submit>
                <Select id="assign-department" label=O::Department value=department error=field("department_code")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {departments.into_iter().map(|d| view! {
                        <option value=d.code.clone()>{format!("{} — {}", d.code, d.name)}</option>
                    }).collect_view()}
                </Select>
                <Select id="assign-clerk" label=O::Assignee value=assignee error=field("assignee_id")>
                    <option value="">{i18n.o(O::DepartmentQueue)}</option>
                    {move || {
                        let dept = department.get();
                        clerks.with_value(|all| all.iter()
                            .filter(|c| c.department_code == dept)
                            .map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> })
                            .collect_view())
                    }}
                </Select>
                <Select id="assign-jrwa" label=O::Jrwa value=jrwa error=field("jrwa_symbol")>
                    <option value="">{i18n.o(O::KeepJrwa)}</option>
                    {classes.into_iter().map(|c| view! {
                        <option value=c.symbol.clone()>{format!("{} — {}", c.symbol, c.title)}</option>
                    }).collect_view()}
                </Select>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::AssignTo)}</button>
            </form>
        </section>
    }
}

#[component]
fn CompletionForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let days = RwSignal::new("7".to_owned());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // Not a number → 0, which the office refuses next to the field.
        let days = days.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let body = NewCompletionRequest {
            text: text.get_untracked(),
            days,
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::office::ask_completion(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="completion-request-title">
            <h2 id="completion-request-title">{move || i18n.o(O::AskCompletion)}</h2>
            <form novalidate on:submit=submit>
                <div class="field">
                    <label for="completion-text">{move || i18n.o(O::WhatMissing)}</label>
                    <textarea id="completion-text" rows="3" maxlength="5000"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <FieldProblem error=error name="text" />
                </div>
                <div class="field">
                    <label for="completion-days">{move || i18n.o(O::Days)}</label>
                    <input id="completion-days" type="number" inputmode="numeric" min="7" max="60"
                        prop:value=move || days.get()
                        on:input=move |ev| days.set(event_target_value(&ev)) />
                    <FieldProblem error=error name="days" />
                </div>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::SendRequest)}</button>
            </form>
        </section>
    }
}

#[component]
fn DelayForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = NewDelay {
            reason: reason.get_untracked(),
            new_due_on: date.get_untracked(),
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::office::delay(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="delay-title">
            <h2 id="delay-title">{move || i18n.o(O::Delay)}</h2>
            <form novalidate on:submit=submit>
                <div class="field">
                    <label for="delay-reason">{move || i18n.o(O::DelayReason)}</label>
                    <textarea id="delay-reason" rows="3" maxlength="2000"
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <FieldProblem error=error name="reason" />
                </div>
                <div class="field">
                    <label for="delay-date">{move || i18n.o(O::NewDueOn)}</label>
                    <input id="delay-date" type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) />
                    <FieldProblem error=error name="new_due_on" />
                </div>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::SendDelay)}</button>
            </form>
        </section>
    }
}

#[component]
fn DecisionForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let granted = RwSignal::new(true);
    let text = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = NewDecision {
            granted: granted.get_untracked(),
            text: text.get_untracked(),
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::office::decide(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="decision-title">
            <h2 id="decision-title">{move || i18n.o(O::Decision)}</h2>
            <form novalidate on:submit=submit>
                <fieldset class="choices">
                    <legend>{move || i18n.o(O::Decision)}</legend>
                    <label><input type="radio" name="granted" prop:checked=move || granted.get()
                        on:change=move |_| granted.set(true) />" "{move || i18n.o(O::Granted)}</label>
                    <label><input type="radio" name="granted" prop:checked=move || !granted.get()
                        on:change=move |_| granted.set(false) />" "{move || i18n.o(O::Refused)}</label>
                </fieldset>
                <div class="field">
                    <label for="decision-text">{move || i18n.o(O::DecisionText)}</label>
                    <textarea id="decision-text" rows="6" maxlength="20000"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <FieldProblem error=error name="text" />
                </div>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::IssueDecision)}</button>
            </form>
        </section>
    }
}

#[component]
fn CloseForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let id = id.clone();
        run(
            act,
            busy,
            error,
            async move { api::office::close(&id).await },
        );
    };
    view! {
        <section class="panel" aria-labelledby="close-title">
            <h2 id="close-title">{move || i18n.o(O::Close)}</h2>
            <p>{move || i18n.o(O::CloseNote)}</p>
            <form on:submit=submit>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::Close)}</button>
            </form>
        </section>
    }
}

/// The office's complaint about one field of the last request, under that field.
#[component]
fn FieldProblem(error: RwSignal<Option<ApiError>>, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error
            .with(|e| e.as_ref().and_then(|e| e.fields.get(name).copied()))
            .map(|f| view! { <p class="field-error">{f.message(i18n.lang())}</p> })
    }
}
