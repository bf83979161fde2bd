//! `/school/lessons/ID?date=`: the teacher takes a lesson's attendance — each pupil a
//! choice of present, absent, late, excused or released (a native select, so the
//! keyboard and screen readers need nothing special), "everyone present" to start, and
//! one save for the whole register.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::school::attendance::{AttendanceEntry, AttendanceForm, LessonRegister, Status};

use super::attendance::status_name;
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

/// The page.
#[component]
pub fn RegisterPage(lesson: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::TakeAttendance).to_owned());
    let query = use_query_map();
    let date = move || query.with(|q| q.get("date")).unwrap_or_default();
    let saved = RwSignal::new(None::<&'static str>);
    let register = {
        let lesson = lesson.clone();
        LocalResource::new(move || {
            let (lesson, date) = (lesson.clone(), date());
            async move { api::school::register(&lesson, &date).await }
        })
    };
    view! {
        <p><A href="/school/timetable">{move || i18n.sc(S::MyTimetable)}</A></p>
        <h1>{move || i18n.sc(S::TakeAttendance)}</h1>
        <StatusMessage text=saved />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || register.get().map(|r| match r {
                Ok(reg) => view! { <Sheet register=reg saved /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Sheet(register: LessonRegister, saved: RwSignal<Option<&'static str>>) -> impl IntoView {
    let i18n = use_i18n();
    let l = register.lesson.clone();
    let statuses = RwSignal::new(
        register
            .rows
            .iter()
            .map(|r| (r.pupil_id.clone(), r.status))
            .collect::<BTreeMap<String, Option<Status>>>(),
    );
    let error = RwSignal::new(None::<ApiError>);
    let everyone = move |_| {
        statuses.update(|m| {
            for v in m.values_mut() {
                if v.is_none() {
                    *v = Some(Status::Present);
                }
            }
        });
    };
    let (lesson, date) = (l.id.clone(), l.on_date.clone());
    let save = move |_| {
        let form = AttendanceForm {
            entries: statuses
                .get_untracked()
                .into_iter()
                .filter_map(|(pupil_id, s)| {
                    Some(AttendanceEntry {
                        pupil_id,
                        status: s?,
                    })
                })
                .collect(),
        };
        let (lesson, date) = (lesson.clone(), date.clone());
        saved.set(None);
        leptos::task::spawn_local(async move {
            match api::school::take(&lesson, &date, &form).await {
                Ok(()) => {
                    error.set(None);
                    saved.set(Some(i18n.sc(S::AttendanceSaved)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <p class="lead">{l.subject_name.clone()} " · " {l.class_name.clone()} " · " {l.on_date.clone()} ", " {l.period} ". " {l.starts.clone()}</p>
        <ErrorAlert error=error />
        <p><button type="button" class="button button-secondary" on:click=everyone>{move || i18n.sc(S::AllPresent)}</button></p>
        <ol class="register">
            {register.rows.into_iter().map(|r| {
                let id = format!("status-{}", r.pupil_id);
                let pupil = r.pupil_id.clone();
                let pupil_for_value = r.pupil_id.clone();
                view! {
                    <li class="field register-row">
                        <label for=id.clone()>{r.number} ". " {r.full_name}</label>
                        <select id=id
                            prop:value=move || statuses.with(|m| m.get(&pupil_for_value).copied().flatten().map(|s| s.as_str()).unwrap_or(""))
                            on:change=move |ev| {
                                let v = Status::parse(&event_target_value(&ev));
                                statuses.update(|m| { m.insert(pupil.clone(), v); });
                            }>
                            <option value="">{move || i18n.sc(S::NotTaken)}</option>
                            {Status::ALL.into_iter().map(|s| view! {
                                <option value=s.as_str()>{move || i18n.sc(status_name(s))}</option>
                            }).collect_view()}
                        </select>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p><button type="button" class="button" on:click=save>{move || i18n.sc(S::SaveAttendance)}</button></p>
    }
}
