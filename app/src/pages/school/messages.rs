//! Messages: a pupil's threads with a new-message form (`/school/pupils/ID/messages`),
//! the caller's inbox (`/school/messages`), one thread with its read receipts and the
//! reply (`/school/messages/ID`), and which school e-mails the caller gets
//! (`/school/settings`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use models::school::messages::{
    ClassMessage, Contact, ContactKind, MailKind, MailPreference, NewThread, Reply, Thread,
    ThreadSummary,
};
use models::school::{ClassRef, SchoolMe};

use super::field_error;
use super::pupil::{PupilNav, Section};
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{I18n, Msg, School as S, use_i18n};
use crate::time::warsaw;

/// Threads as a list of links, unread ones marked.
#[component]
fn ThreadList(threads: Vec<ThreadSummary>, show_pupil: bool) -> impl IntoView {
    let i18n = use_i18n();
    if threads.is_empty() {
        return view! { <p>{move || i18n.sc(S::NoMessages)}</p> }.into_any();
    }
    view! {
        <ul class="cards">
            {threads.into_iter().map(|t| {
                let at = t.last_message_at.clone();
                let unread = t.unread;
                view! {
                    <li class="card">
                        <A href=format!("/school/messages/{}", t.id)>
                            <span class="card-title">
                                {if unread > 0 { view! { <strong>{t.subject.clone()}</strong> }.into_any() } else { t.subject.clone().into_any() }}
                            </span>
                            <span class="card-text">
                                {move || i18n.sc(S::With)} " " {t.with.join(", ")}
                                {show_pupil.then(|| view! { " · " {t.pupil_name.clone()} })}
                                " · " {move || warsaw(&at, i18n.lang())}
                                {(unread > 0).then(|| view! { " · " <strong>{move || i18n.sc(S::UnreadCount)} " " {unread}</strong> })}
                            </span>
                        </A>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn kind_label(i18n: I18n, c: &Contact) -> String {
    match c.kind {
        ContactKind::FormTeacher if c.subjects.is_empty() => i18n.sc(S::KindFormTeacher).to_owned(),
        ContactKind::FormTeacher => {
            format!("{}, {}", i18n.sc(S::KindFormTeacher), c.subjects.join(", "))
        }
        ContactKind::Teacher => c.subjects.join(", "),
        ContactKind::Guardian => i18n.sc(S::KindGuardian).to_owned(),
        ContactKind::Pupil => i18n.sc(S::KindPupil).to_owned(),
    }
}

/// `/school/pupils/ID/messages`: the threads about the pupil and a new message.
#[component]
pub fn PupilMessages(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Messages).to_owned());
    let p = pupil.clone();
    let threads = LocalResource::new(move || {
        let p = p.clone();
        async move { api::school::pupil_threads(&p).await }
    });
    let p = pupil.clone();
    let contacts = LocalResource::new(move || {
        let p = p.clone();
        async move { api::school::contacts(&p).await }
    });
    let nav_pupil = pupil.clone();
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::Messages)}</h1>
        <PupilNav pupil=nav_pupil here=Section::Messages />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || threads.get().map(|r| match r {
                Ok(list) => view! { <ThreadList threads=list show_pupil=false /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || contacts.get().and_then(Result::ok).map(|list| {
                view! { <NewMessage pupil=pupil.clone() contacts=list /> }
            })}
        </Transition>
    }
}

/// The new-message form; on success it opens the thread.
#[component]
fn NewMessage(pupil: String, contacts: Vec<Contact>) -> impl IntoView {
    let i18n = use_i18n();
    let to = RwSignal::new(contacts.first().map(|c| c.id.clone()).unwrap_or_default());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = NewThread {
            to: to.get_untracked(),
            subject: subject.get_untracked(),
            body: body.get_untracked(),
        };
        let pupil = pupil.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::school::start_thread(&pupil, &form).await {
                Ok(t) => navigate(&format!("/school/messages/{}", t.id), Default::default()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let fe = move |name| field_error(i18n, error, name);
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::NewMessage)}</h2>
            <ErrorAlert error=Signal::derive(move || error.get().filter(|e| e.fields.is_empty())) />
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="message-to">{move || i18n.sc(S::To)}</label>
                    <select id="message-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))
                        aria-describedby="message-to-error">
                        {contacts.into_iter().map(|c| {
                            let id = c.id.clone();
                            let label = move || format!("{} ({})", c.full_name, kind_label(i18n, &c));
                            view! { <option value=id>{label}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" id="message-to-error">{fe("to")}</p>
                </div>
                <div class="field">
                    <label for="message-subject">{move || i18n.sc(S::Topic)}</label>
                    <input id="message-subject" type="text" maxlength="120" prop:value=move || subject.get()
                        aria-invalid=move || fe("subject")().is_some().then_some("true")
                        aria-describedby="message-subject-error"
                        on:input=move |ev| subject.set(event_target_value(&ev)) />
                    <p class="field-error" id="message-subject-error">{fe("subject")}</p>
                </div>
                <div class="field">
                    <label for="message-body">{move || i18n.sc(S::Body)}</label>
                    <textarea id="message-body" rows="6" maxlength="4000" prop:value=move || body.get()
                        aria-invalid=move || fe("body")().is_some().then_some("true")
                        aria-describedby="message-body-error"
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id="message-body-error">{fe("body")}</p>
                </div>
                <button type="submit" class="button">{move || i18n.sc(S::SendMessage)}</button>
            </form>
        </section>
    }
}

/// `/school/messages`: every thread of the caller.
#[component]
pub fn Inbox() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Messages).to_owned());
    let reload = RwSignal::new(0u32);
    let threads = LocalResource::new(move || {
        reload.get();
        api::school::inbox()
    });
    let me = LocalResource::new(api::school::me);
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::Messages)}</h1>
        <p class="actions"><A href="/school/settings" attr:class="button button-secondary">{move || i18n.sc(S::MailSettings)}</A></p>
        <Transition fallback=|| ()>
            {move || me.get().and_then(Result::ok).and_then(|me| {
                let classes = classes_of(me);
                (!classes.is_empty()).then(|| view! { <ClassMessageForm classes reload /> })
            })}
        </Transition>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || threads.get().map(|r| match r {
                Ok(list) => view! { <ThreadList threads=list show_pupil=true /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// The classes a teacher teaches or leads, each once.
fn classes_of(me: SchoolMe) -> Vec<ClassRef> {
    let mut out: Vec<ClassRef> = me.form_classes;
    for t in me.teaching {
        if !out.iter().any(|c| c.id == t.class_id) {
            out.push(ClassRef {
                id: t.class_id,
                name: t.class_name,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A teacher's message to the families of a class.
#[component]
fn ClassMessageForm(classes: Vec<ClassRef>, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let class = RwSignal::new(classes.first().map(|c| c.id.clone()).unwrap_or_default());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let form = ClassMessage {
            subject: subject.get_untracked(),
            body: body.get_untracked(),
        };
        let to = class.get_untracked();
        busy.set(true);
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::write_to_class(&to, &form).await {
                Ok(r) => {
                    error.set(None);
                    subject.set(String::new());
                    body.set(String::new());
                    done.set(Some(
                        i18n.sc(S::SentToClass)
                            .replace("{threads}", &r.threads.to_string())
                            .replace("{none}", &r.without_guardian.to_string()),
                    ));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let fe = move |name| field_error(i18n, error, name);
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::WriteToClass)}</h2>
            <p class="hint">{move || i18n.sc(S::WriteToClassHint)}</p>
            <ErrorAlert error=Signal::derive(move || error.get().filter(|e| e.fields.is_empty())) />
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="class-message-class">{move || i18n.sc(S::Class)}</label>
                    <select id="class-message-class" prop:value=move || class.get() on:change=move |ev| class.set(event_target_value(&ev))>
                        {classes.into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="class-message-subject">{move || i18n.sc(S::Topic)}</label>
                    <input id="class-message-subject" type="text" maxlength="120" prop:value=move || subject.get()
                        aria-invalid=move || fe("subject")().is_some().then_some("true")
                        aria-describedby="class-message-subject-error"
                        on:input=move |ev| subject.set(event_target_value(&ev)) />
                    <p class="field-error" id="class-message-subject-error">{fe("subject")}</p>
                </div>
                <div class="field">
                    <label for="class-message-body">{move || i18n.sc(S::Body)}</label>
                    <textarea id="class-message-body" rows="5" maxlength="4000" prop:value=move || body.get()
                        aria-invalid=move || fe("body")().is_some().then_some("true")
                        aria-describedby="class-message-body-error"
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id="class-message-body-error">{fe("body")}</p>
                </div>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.sc(S::SendMessage)}</button>
                <p role="status" class="success">{move || done.get()}</p>
            </form>
        </section>
    }
}

/// `/school/messages/ID`: the messages, who read them, the reply. Opening it marks it read.
#[component]
pub fn ThreadPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Messages).to_owned());
    let thread = RwSignal::new(None::<Result<Thread, ApiError>>);
    let session = crate::state::use_session();
    let load_id = id.clone();
    leptos::task::spawn_local(async move {
        let loaded = api::school::thread(&load_id).await;
        if loaded.is_ok() {
            // The receipt: the others see it was read; a failure only leaves it unread.
            let _ = api::school::mark_read(&load_id).await;
        }
        thread.set(Some(loaded));
    });
    let answer = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<&'static str>);
    let reply_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = Reply {
            body: answer.get_untracked(),
        };
        let id = reply_id.clone();
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::reply(&id, &form).await {
                Ok(t) => {
                    error.set(None);
                    answer.set(String::new());
                    thread.set(Some(Ok(t)));
                    done.set(Some(i18n.sc(S::Sent)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let fe = field_error(i18n, error, "body");
    let my_id = move || session.user.get().map(|m| m.id).unwrap_or_default();
    view! {
        <p><A href="/school/messages">{move || i18n.sc(S::Messages)}</A></p>
        {move || match thread.get() {
            None => view! { <p role="status">{i18n.t(Msg::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            Some(Ok(t)) => {
                let mine = my_id();
                let others: Vec<String> = t.members.iter().filter(|m| m.id != mine).map(|m| m.full_name.clone()).collect();
                view! {
                    <h1>{t.subject.clone()}</h1>
                    <p class="lead">
                        {move || i18n.sc(S::About)} " " <A href=format!("/school/pupils/{}", t.pupil_id)>{t.pupil_name.clone()}</A>
                        " · " {move || i18n.sc(S::With)} " " {others.join(", ")}
                    </p>
                    <ol class="excuses messages">
                        {t.messages.into_iter().map(|m| {
                            let at = m.sent_at.clone();
                            let own = m.author_id == mine;
                            let receipt = own.then(|| if m.read_by.is_empty() {
                                view! { <p class="hint">{move || i18n.sc(S::NotYetRead)}</p> }.into_any()
                            } else {
                                view! { <p class="hint">{move || i18n.sc(S::ReadBy)} " " {m.read_by.join(", ")}</p> }.into_any()
                            });
                            view! {
                                <li class="box">
                                    <p class="hint"><strong>{m.author.clone()}</strong> " · " {move || warsaw(&at, i18n.lang())}</p>
                                    <p class="message-body">{m.body.clone()}</p>
                                    {receipt}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }
        }}
        <StatusMessage text=done />
        <Show when=move || matches!(thread.get(), Some(Ok(_)))>
            <section class="box">
                <h2 class="box-title">{move || i18n.sc(S::Answer)}</h2>
                <form on:submit=submit.clone() novalidate>
                    <div class="field">
                        <label for="reply-body">{move || i18n.sc(S::YourAnswer)}</label>
                        <textarea id="reply-body" rows="4" maxlength="4000" prop:value=move || answer.get()
                            aria-invalid=move || fe().is_some().then_some("true")
                            aria-describedby="reply-body-error"
                            on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                        <p class="field-error" id="reply-body-error">{fe}</p>
                    </div>
                    <button type="submit" class="button">{move || i18n.sc(S::SendMessage)}</button>
                </form>
            </section>
        </Show>
    }
}

fn mail_label(kind: MailKind) -> S {
    match kind {
        MailKind::Message => S::MailMessage,
        MailKind::Notice => S::MailNotice,
        MailKind::Grade => S::MailGrade,
        MailKind::Excuse => S::MailExcuse,
        MailKind::Timetable => S::MailTimetable,
    }
}

/// `/school/settings`: the kinds of school e-mail, each switched on or off.
#[component]
pub fn MailSettings() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::MailSettings).to_owned());
    let loaded = LocalResource::new(api::school::mail_preferences);
    view! {
        <p><A href="/school/messages">{move || i18n.sc(S::Messages)}</A></p>
        <h1>{move || i18n.sc(S::MailSettings)}</h1>
        <p class="lead">{move || i18n.sc(S::MailLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || loaded.get().map(|r| match r {
                Ok(list) => view! { <MailForm list /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// One checkbox per kind; saving sends them all.
#[component]
fn MailForm(list: Vec<MailPreference>) -> impl IntoView {
    let i18n = use_i18n();
    let boxes: Vec<(MailKind, RwSignal<bool>)> = list
        .iter()
        .map(|p| (p.kind, RwSignal::new(p.enabled)))
        .collect();
    let done = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<ApiError>);
    let wanted = boxes.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted: Vec<MailPreference> = wanted
            .iter()
            .map(|(kind, on)| MailPreference {
                kind: *kind,
                enabled: on.get_untracked(),
            })
            .collect();
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::set_mail_preferences(&wanted).await {
                Ok(_) => {
                    error.set(None);
                    done.set(Some(i18n.sc(S::SettingsSaved)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <ErrorAlert error=Signal::derive(move || error.get()) />
        <form on:submit=submit novalidate>
            <fieldset class="checkboxes">
                <legend>{move || i18n.sc(S::MailSettings)}</legend>
                {boxes.into_iter().map(|(kind, on)| {
                    let id = format!("mail-{}", kind.as_str());
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=id.clone() prop:checked=move || on.get()
                                on:change=move |ev| on.set(event_target_checked(&ev)) />
                            <label for=id>{move || i18n.sc(mail_label(kind))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <p><button type="submit" class="button">{move || i18n.sc(S::SaveSettings)}</button></p>
            <StatusMessage text=done />
        </form>
    }
}
