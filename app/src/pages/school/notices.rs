//! Teachers' notices: the list a pupil's family reads (on today), and `/school/notices`
//! where a teacher writes one to a class they teach, its year group or the school.

use leptos::prelude::*;
use leptos_router::components::A;
use models::school::{Audience, Notice, NoticeForm};

use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};
use crate::time::warsaw;

/// Notices as boxes.
#[component]
pub fn NoticeList(notices: Vec<Notice>) -> impl IntoView {
    let i18n = use_i18n();
    if notices.is_empty() {
        return view! { <p>{move || i18n.sc(S::NoNotices)}</p> }.into_any();
    }
    view! {
        <ul class="excuses">
            {notices.into_iter().map(|n| {
                let at = n.published_at.clone();
                let whom = match n.audience {
                    Audience::School => n.audience_name.clone(),
                    Audience::Level { .. } => format!("{} {}", i18n.sc(S::YearGroup), n.audience_name),
                    Audience::Class { .. } => format!("{} {}", i18n.sc(S::Class), n.audience_name),
                };
                view! {
                    <li class="box">
                        <h3 class="box-title">{n.title.clone()}</h3>
                        <p>{n.body.clone()}</p>
                        <p class="hint">{n.author.clone()} " · " {whom} " · " {move || warsaw(&at, i18n.lang())}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/school/notices`: a new notice and the teacher's own.
#[component]
pub fn NoticesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Notices).to_owned());
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<&'static str>);
    let mine = LocalResource::new(move || {
        reload.get();
        api::school::my_notices()
    });
    let me = LocalResource::new(api::school::me);
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::Notices)}</h1>
        <StatusMessage text=done />
        <Transition fallback=|| ()>
            {move || me.get().and_then(Result::ok).map(|m| {
                let mut classes: Vec<(String, String)> = m.teaching.iter().map(|t| (t.class_id.clone(), t.class_name.clone()))
                    .chain(m.form_classes.iter().map(|c| (c.id.clone(), c.name.clone()))).collect();
                classes.sort_by(|a, b| a.1.cmp(&b.1));
                classes.dedup();
                view! { <NoticeForm classes reload done /> }
            })}
        </Transition>
        <h2>{move || i18n.sc(S::MyNotices)}</h2>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || mine.get().map(|r| match r {
                Ok(list) => view! { <NoticeList notices=list /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// The form; the audience choice is `class:ID`, `level:N` or `school`.
#[component]
fn NoticeForm(
    classes: Vec<(String, String)>,
    reload: RwSignal<u32>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let first = classes
        .first()
        .map(|c| format!("class:{}", c.0))
        .unwrap_or_else(|| "school".into());
    let audience = RwSignal::new(first);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let mut levels: Vec<String> = classes
        .iter()
        .map(|c| {
            c.1.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|l| !l.is_empty())
        .collect();
    levels.dedup();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let choice = audience.get_untracked();
        let audience = match choice.split_once(':') {
            Some(("class", id)) => Audience::Class {
                class_id: id.to_owned(),
            },
            Some(("level", n)) => Audience::Level {
                level: n.parse().unwrap_or(0),
            },
            _ => Audience::School,
        };
        let form = NoticeForm {
            audience,
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::publish_notice(&form).await {
                Ok(_) => {
                    error.set(None);
                    title.set(String::new());
                    body.set(String::new());
                    done.set(Some(i18n.sc(S::Published)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field_error = move |name| super::field_error(i18n, error, name);
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::NewNotice)}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="notice-for">{move || i18n.sc(S::For)}</label>
                    <select id="notice-for" prop:value=move || audience.get() on:change=move |ev| audience.set(event_target_value(&ev))>
                        {classes.into_iter().map(|(id, name)| view! {
                            <option value=format!("class:{id}")>{move || i18n.sc(S::Class)} " " {name.clone()}</option>
                        }).collect_view()}
                        {levels.into_iter().map(|l| view! {
                            <option value=format!("level:{l}")>{move || i18n.sc(S::YearGroup)} " " {l.clone()}</option>
                        }).collect_view()}
                        <option value="school">{move || i18n.sc(S::WholeSchool)}</option>
                    </select>
                    <p class="field-error">{field_error("audience")}</p>
                </div>
                <div class="field">
                    <label for="notice-title">{move || i18n.sc(S::Topic)}</label>
                    <input id="notice-title" type="text" maxlength="120" prop:value=move || title.get()
                        aria-invalid=move || field_error("title")().is_some().then_some("true")
                        aria-describedby="notice-title-error"
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                    <p class="field-error" id="notice-title-error">{field_error("title")}</p>
                </div>
                <div class="field">
                    <label for="notice-body">{move || i18n.sc(S::Body)}</label>
                    <textarea id="notice-body" rows="5" maxlength="4000" prop:value=move || body.get()
                        aria-invalid=move || field_error("body")().is_some().then_some("true")
                        aria-describedby="notice-body-error"
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <p class="field-error" id="notice-body-error">{field_error("body")}</p>
                </div>
                <button type="submit" class="button">{move || i18n.sc(S::Publish)}</button>
            </form>
        </section>
    }
}
