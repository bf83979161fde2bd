//! `/office/letters/new`: registering an incoming letter (paper, ePUAP, e-mail) with its
//! scan, so paper and electronic cases share one flow; the office's validation answers
//! next to each field.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use models::cases::{Channel, NewLetter};
use models::error::FieldError;
use models::validate::FieldErrors;

use super::{DeskNav, channel_name};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The registration form.
#[component]
pub fn NewLetterPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    use_title(move || i18n.o(O::NewLetter).to_owned());
    let sender = RwSignal::new(String::new());
    let pesel = RwSignal::new(String::new());
    let received = RwSignal::new(today());
    let channel = RwSignal::new("paper".to_owned());
    let subject = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let jrwa = RwSignal::new(String::new());
    let period = RwSignal::new("1m".to_owned());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let scans_ref = NodeRef::<leptos::html::Input>::new();
    let lists = LocalResource::new(|| async {
        let departments = api::office::departments().await?;
        let classes = api::office::jrwa().await?;
        Ok::<_, ApiError>((departments, classes))
    });
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        fields.set(FieldErrors::new());
        let chosen = api::cases::chosen_files(scans_ref.get_untracked().as_ref());
        let navigate = navigate.clone();
        spawn_local(async move {
            let scans = match api::cases::upload_all(&chosen).await {
                Ok(scans) => scans,
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                    return;
                }
            };
            let pesel = pesel.get_untracked();
            let letter = NewLetter {
                sender_name: sender.get_untracked(),
                sender_pesel: (!pesel.trim().is_empty()).then(|| pesel.trim().to_owned()),
                received_on: received.get_untracked(),
                channel: match channel.get_untracked().as_str() {
                    "electronic" => Channel::Electronic,
                    "email" => Channel::Email,
                    _ => Channel::Paper,
                },
                subject: subject.get_untracked(),
                department_code: department.get_untracked(),
                jrwa_symbol: jrwa.get_untracked(),
                period: period.get_untracked(),
                scans,
            };
            match api::office::register(&letter).await {
                Ok(case) => navigate(
                    &format!("/office/cases/{}", case.summary.id),
                    Default::default(),
                ),
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <h1>{move || i18n.o(O::NewLetter)}</h1>
        <DeskNav />
        <form novalidate on:submit=submit class="stack">
            <TextField id="sender_name" label=Signal::derive(move || i18n.o(O::SenderName))
                value=sender error=err("sender_name") required=true autocomplete="off" />
            <TextField id="sender_pesel" label=Signal::derive(move || i18n.o(O::SenderPesel))
                value=pesel error=err("sender_pesel") inputmode="numeric" />
            <TextField id="received_on" label=Signal::derive(move || i18n.o(O::ReceivedOn))
                value=received error=err("received_on") kind="date" required=true />
            <Select id="channel" label=O::Channel value=channel error=err("channel")>
                {[Channel::Paper, Channel::Electronic, Channel::Email].into_iter().map(|c| view! {
                    <option value=c.as_str()>{move || i18n.o(channel_name(c))}</option>
                }).collect_view()}
            </Select>
            <TextField id="subject" label=Signal::derive(move || i18n.o(O::Subject))
                value=subject error=err("subject") required=true />
            <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
                {move || lists.get().map(|result| match result {
                    Ok((departments, classes)) => view! {
                        <Select id="department_code" label=O::Department value=department error=err("department_code")>
                            <option value="">{i18n.t(Msg::ChooseOption)}</option>
                            {departments.into_iter().map(|d| view! {
                                <option value=d.code.clone()>{format!("{} — {}", d.code, d.name)}</option>
                            }).collect_view()}
                        </Select>
                        <Select id="jrwa_symbol" label=O::Jrwa value=jrwa error=err("jrwa_symbol")>
                            <option value="">{i18n.t(Msg::ChooseOption)}</option>
                            {classes.into_iter().map(|c| view! {
                                <option value=c.symbol.clone()>{format!("{} — {} ({})", c.symbol, c.title, c.retention)}</option>
                            }).collect_view()}
                        </Select>
                    }.into_any(),
                    Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                })}
            </Transition>
            <Select id="period" label=O::Period value=period error=err("period")>
                <option value="1m">{move || i18n.o(O::Period1m)}</option>
                <option value="2m">{move || i18n.o(O::Period2m)}</option>
                <option value="14d">{move || i18n.o(O::Period14d)}</option>
                <option value="7d">{move || i18n.o(O::Period7d)}</option>
            </Select>
            <div class="field" class:field-invalid=move || err("scans").get().is_some()>
                <label for="scans">{move || i18n.o(O::Scans)}</label>
                <input id="scans" type="file" multiple accept="application/pdf,image/jpeg,image/png" node_ref=scans_ref
                    aria-invalid=move || err("scans").get().is_some().then_some("true") />
                {move || err("scans").get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
            <ErrorAlert error=error />
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Msg::Sending) } else { i18n.o(O::Register) }}
            </button>
        </form>
    }
}

/// A `<select>`'s label: a translated key, or a text of the data (a subject's name).
pub enum Label {
    Key(O),
    Text(String),
}

impl From<O> for Label {
    fn from(key: O) -> Self {
        Label::Key(key)
    }
}

impl From<String> for Label {
    fn from(text: String) -> Self {
        Label::Text(text)
    }
}

/// A labelled `<select>` with its error.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: Label,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let label = move || match &label {
        Label::Key(key) => i18n.o(*key).to_owned(),
        Label::Text(text) => text.clone(),
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id.clone() name=id
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {children()}
            </select>
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
        </div>
    }
}
