//! The tests-and-homework calendar: a pupil's (`/school/pupils/ID/agenda`) and a class's
//! for its teachers, where they set homework and withdraw their own
//! (`/school/classes/ID/agenda`).

use leptos::prelude::*;
use leptos_router::components::A;
use models::school::messages::{Agenda, AgendaItem, AgendaKind, HomeworkForm};

use super::pupil::{PupilNav, Section};
use super::week::weekday_name;
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

fn kind_label(kind: AgendaKind) -> S {
    match kind {
        AgendaKind::Test => S::CatTest,
        AgendaKind::Quiz => S::CatQuiz,
        AgendaKind::Homework => S::Homework,
    }
}

/// The items by day; `withdraw` adds a button to the caller's own homework.
#[component]
fn Days(agenda: Agenda, #[prop(optional)] withdraw: Option<Callback<String>>) -> impl IntoView {
    let i18n = use_i18n();
    if agenda.items.is_empty() {
        return view! { <p>{move || i18n.sc(S::NoAgenda)}</p> }.into_any();
    }
    let mut days: Vec<(String, Vec<AgendaItem>)> = vec![];
    for item in agenda.items {
        match days.last_mut() {
            Some((d, list)) if *d == item.on_date => list.push(item),
            _ => days.push((item.on_date.clone(), vec![item])),
        }
    }
    view! {
        {days.into_iter().map(|(day, items)| {
            let label = day.clone();
            let shown = day.clone();
            view! {
                <section class="agenda-day">
                    <h2>{move || weekday_name(&label, i18n.lang())} " " {shown}</h2>
                    <ul class="excuses">
                        {items.into_iter().map(|i| {
                            let kind = i.kind;
                            let id = i.id.clone();
                            let own = i.mine && kind == AgendaKind::Homework;
                            view! {
                                <li class=if kind == AgendaKind::Homework { "box" } else { "box agenda-test" }>
                                    <h3 class="box-title">
                                        {move || i18n.sc(kind_label(kind))} ": " {i.subject_name.clone()} " — " {i.title.clone()}
                                    </h3>
                                    {(!i.details.is_empty()).then(|| view! { <p>{i.details.clone()}</p> })}
                                    <p class="hint">{i.teacher_name.clone()}</p>
                                    {own.then(|| withdraw.map(|w| view! {
                                        <button type="button" class="button button-secondary" on:click=move |_| w.run(id.clone())>
                                            {move || i18n.sc(S::Withdraw)}
                                        </button>
                                    }))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
    .into_any()
}

/// `/school/pupils/ID/agenda`.
#[component]
pub fn PupilAgenda(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Agenda).to_owned());
    let p = pupil.clone();
    let agenda = LocalResource::new(move || {
        let p = p.clone();
        async move { api::school::agenda(&p).await }
    });
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::Agenda)}</h1>
        <PupilNav pupil=pupil here=Section::Agenda />
        <p class="lead">{move || i18n.sc(S::AgendaLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || agenda.get().map(|r| match r {
                Ok(a) => view! { <Days agenda=a /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// `/school/classes/ID/agenda`: the class's agenda and the homework form for the
/// subjects the caller teaches there.
#[component]
pub fn ClassAgenda(class: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::ClassAgenda).to_owned());
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<ApiError>);
    let c = class.clone();
    let agenda = LocalResource::new(move || {
        reload.get();
        let c = c.clone();
        async move { api::school::class_agenda(&c).await }
    });
    let me = LocalResource::new(api::school::me);
    let withdraw = Callback::new(move |id: String| {
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::remove_homework(&id).await {
                Ok(()) => {
                    error.set(None);
                    done.set(Some(i18n.sc(S::Withdrawn)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let form_class = class.clone();
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <Transition fallback=|| ()>
            {move || me.get().and_then(Result::ok).map(|m| {
                let subjects: Vec<(String, String)> = m.teaching.iter().filter(|t| t.class_id == form_class)
                    .map(|t| (t.subject_id.clone(), t.subject_name.clone())).collect();
                let name = m.teaching.iter().map(|t| (&t.class_id, &t.class_name))
                    .chain(m.form_classes.iter().map(|c| (&c.id, &c.name)))
                    .find(|(id, _)| **id == form_class).map(|(_, n)| n.clone()).unwrap_or_default();
                view! {
                    <h1>{move || i18n.sc(S::ClassAgenda)} " " {name.clone()}</h1>
                    {(!subjects.is_empty()).then(|| view! { <HomeworkBox class=form_class.clone() subjects reload done /> })}
                }
            })}
        </Transition>
        <StatusMessage text=done />
        <ErrorAlert error=Signal::derive(move || error.get()) />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || agenda.get().map(|r| match r {
                Ok(a) => view! { <Days agenda=a withdraw /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn HomeworkBox(
    class: String,
    subjects: Vec<(String, String)>,
    reload: RwSignal<u32>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let subject = RwSignal::new(subjects.first().map(|s| s.0.clone()).unwrap_or_default());
    let title = RwSignal::new(String::new());
    let details = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = HomeworkForm {
            title: title.get_untracked(),
            details: details.get_untracked(),
            due_on: due.get_untracked(),
        };
        let class = class.clone();
        let subject = subject.get_untracked();
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::set_homework(&class, &subject, &form).await {
                Ok(_) => {
                    error.set(None);
                    title.set(String::new());
                    details.set(String::new());
                    done.set(Some(i18n.sc(S::HomeworkSet)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let fe = move |name| super::field_error(i18n, error, name);
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::SetHomework)}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="hw-subject">{move || i18n.sc(S::Subject)}</label>
                    <select id="hw-subject" prop:value=move || subject.get() on:change=move |ev| subject.set(event_target_value(&ev))>
                        {subjects.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="hw-title">{move || i18n.sc(S::Topic)}</label>
                    <input id="hw-title" type="text" maxlength="120" prop:value=move || title.get()
                        aria-invalid=move || fe("title")().is_some().then_some("true")
                        aria-describedby="hw-title-error"
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                    <p class="field-error" id="hw-title-error">{fe("title")}</p>
                </div>
                <div class="field">
                    <label for="hw-details">{move || i18n.sc(S::Details)}</label>
                    <textarea id="hw-details" rows="3" maxlength="4000" prop:value=move || details.get()
                        aria-invalid=move || fe("details")().is_some().then_some("true")
                        aria-describedby="hw-details-error"
                        on:input=move |ev| details.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id="hw-details-error">{fe("details")}</p>
                </div>
                <div class="field">
                    <label for="hw-due">{move || i18n.sc(S::DueOn)}</label>
                    <input id="hw-due" type="date" prop:value=move || due.get()
                        aria-invalid=move || fe("due_on")().is_some().then_some("true")
                        aria-describedby="hw-due-error"
                        on:input=move |ev| due.set(event_target_value(&ev)) />
                    <p class="field-error" id="hw-due-error">{fe("due_on")}</p>
                </div>
                <button type="submit" class="button">{move || i18n.sc(S::SetHomework)}</button>
            </form>
        </section>
    }
}
