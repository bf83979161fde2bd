//! `/school/…`: the e-gradebook — a parent's children and a pupil's own grades with
//! averages and every change, who on the staff looked at them, and the teacher's grid.
//!
//! The screens live in their own bundle (cargo feature `school`); without it the page
//! only says what the area is.

#[cfg(feature = "school")]
mod access;
#[cfg(feature = "school")]
mod agenda;
#[cfg(feature = "school")]
mod attendance;
#[cfg(feature = "school")]
mod excuses;
#[cfg(feature = "school")]
mod grades;
#[cfg(feature = "school")]
mod grid;
#[cfg(feature = "school")]
mod messages;
#[cfg(feature = "school")]
mod notices;
#[cfg(feature = "school")]
mod pupil;
#[cfg(feature = "school")]
mod register;
#[cfg(feature = "school")]
mod today;
#[cfg(feature = "school")]
mod week;

use leptos::prelude::*;

/// The message of a field the server refused, in the language, for the field's hint.
#[cfg(feature = "school")]
fn field_error(
    i18n: crate::i18n::I18n,
    error: RwSignal<Option<crate::api::ApiError>>,
    name: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        error.with(|e| {
            e.as_ref()
                .and_then(|e| e.fields.get(name).map(|f| f.message(i18n.lang())))
        })
    }
}

/// The gradebook (routes `/school` and `/school/*`).
#[cfg(feature = "school")]
#[component]
pub fn School() -> impl IntoView {
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
            ["school"] => view! { <Hub /> }.into_any(),
            ["school", "pupils", id] => {
                view! { <today::TodayPage pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "grades"] => {
                view! { <grades::GradesPage pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "attendance"] => {
                view! { <attendance::AttendancePage pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "timetable"] => {
                view! { <week::PupilWeek pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "agenda"] => {
                view! { <agenda::PupilAgenda pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "messages"] => {
                view! { <messages::PupilMessages pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "messages"] => view! { <messages::Inbox /> }.into_any(),
            ["school", "messages", id] => {
                view! { <messages::ThreadPage id=(*id).to_owned() /> }.into_any()
            }
            ["school", "settings"] => view! { <messages::MailSettings /> }.into_any(),
            ["school", "classes", class, "agenda"] => {
                view! { <agenda::ClassAgenda class=(*class).to_owned() /> }.into_any()
            }
            ["school", "timetable"] => view! { <week::TeacherWeek /> }.into_any(),
            ["school", "excuses"] => view! { <excuses::ExcusesPage /> }.into_any(),
            ["school", "notices"] => view! { <notices::NoticesPage /> }.into_any(),
            ["school", "lessons", id] => {
                view! { <register::RegisterPage lesson=(*id).to_owned() /> }.into_any()
            }
            ["school", "pupils", id, "access"] => {
                view! { <access::AccessPage pupil=(*id).to_owned() /> }.into_any()
            }
            ["school", "classes", class, "subjects", subject] => view! {
                <grid::GridPage class=(*class).to_owned() subject=(*subject).to_owned() />
            }
            .into_any(),
            _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

/// `/school`: the caller's children, their own gradebook, the classes they teach.
#[cfg(feature = "school")]
#[component]
fn Hub() -> impl IntoView {
    use leptos_router::components::A;
    use models::error::ErrorCode;

    use crate::api;
    use crate::components::alert::ErrorAlert;
    use crate::components::page::use_title;
    use crate::i18n::{Msg, School as S, use_i18n};
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavSchool).to_owned());
    let me = LocalResource::new(api::school::me);
    view! {
        <h1>{move || i18n.t(Msg::NavSchool)}</h1>
        <p class="lead">{move || i18n.sc(S::Lead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || me.get().map(|r| match r {
                Err(e) if e.code == ErrorCode::Unauthenticated => view! {
                    <p>{i18n.sc(S::LoginFirst)}</p>
                    <p><A href="/login?next=%2Fschool" attr:class="button">{i18n.t(Msg::LogIn)}</A></p>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(me) if me.children.is_empty() && me.pupil.is_none() && me.teaching.is_empty() => {
                    view! { <p class="notice">{i18n.sc(S::NothingHere)}</p> }.into_any()
                }
                Ok(me) => {
                    let pupils = |title: S, list: Vec<models::school::PupilSummary>| (!list.is_empty()).then(|| view! {
                        <h2>{move || i18n.sc(title)}</h2>
                        <ul class="cards">
                            {list.into_iter().map(|p| view! {
                                <li class="card">
                                    <A href=format!("/school/pupils/{}", p.id)>
                                        <span class="card-title">{p.full_name}</span>
                                        <span class="card-text">{move || i18n.sc(S::Class)} " " {p.class_name.clone()} " · " {p.school_name.clone()}</span>
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    });
                    let form = me.form_classes.clone();
                    let mut classes: Vec<(String, String)> = me.teaching.iter().map(|t| (t.class_id.clone(), t.class_name.clone()))
                        .chain(me.form_classes.iter().map(|c| (c.id.clone(), c.name.clone()))).collect();
                    classes.sort_by(|a, b| a.1.cmp(&b.1));
                    classes.dedup();
                    view! {
                        <p class="actions">
                            <A href="/school/messages" attr:class="button button-secondary">{move || i18n.sc(S::Messages)}</A>
                            " "
                            <A href="/school/settings" attr:class="button button-secondary">{move || i18n.sc(S::MailSettings)}</A>
                        </p>
                        {pupils(S::Children, me.children)}
                        {pupils(S::Myself, me.pupil.into_iter().collect())}
                        {(!me.teaching.is_empty()).then(|| view! {
                            <h2>{move || i18n.sc(S::Teaching)}</h2>
                            <p class="actions">
                                <A href="/school/timetable" attr:class="button">{move || i18n.sc(S::MyTimetable)}</A>
                                " "
                                <A href="/school/notices" attr:class="button button-secondary">{move || i18n.sc(S::Notices)}</A>
                                " "
                                {(!form.is_empty()).then(|| view! {
                                    <A href="/school/excuses" attr:class="button button-secondary">{move || i18n.sc(S::PendingExcuses)}</A>
                                })}
                            </p>
                            <h3>{move || i18n.sc(S::ClassAgenda)}</h3>
                            <p class="actions">
                                {classes.into_iter().map(|(id, name)| view! {
                                    <A href=format!("/school/classes/{id}/agenda") attr:class="toggle">{name}</A>
                                }).collect_view()}
                            </p>
                            <ul class="cards">
                                {me.teaching.into_iter().map(|t| {
                                    let form_teacher = form.iter().any(|c| c.id == t.class_id);
                                    view! {
                                        <li class="card">
                                            <A href=format!("/school/classes/{}/subjects/{}", t.class_id, t.subject_id)>
                                                <span class="card-title">{t.class_name.clone()} " · " {t.subject_name}</span>
                                                <span class="card-text">{t.school_name}
                                                    {form_teacher.then(|| view! { " · " {move || i18n.sc(S::FormClass)} " " {t.class_name.clone()} })}
                                                </span>
                                            </A>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                }
            })}
        </Transition>
    }
}
