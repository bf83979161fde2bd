//! A week of lessons as a list of days (readable at 360 px), each lesson with its time,
//! subject, teacher and room, a substitution or cancellation shown as a badge with the
//! school's note; for a pupil (`/school/pupils/ID/timetable`) or the teacher
//! (`/school/timetable`, where each lesson opens its register). The week is in the
//! address (`?week=YYYY-MM-DD`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::school::timetable::{Change, Lesson, Week};

use super::pupil::{PupilNav, Section};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

/// A lesson's line: period and time, subject, class or teacher, room, its change.
#[component]
pub fn LessonLine(
    lesson: Lesson,
    #[prop(optional)] register: bool,
    #[prop(default = None)] attendance: Option<models::school::attendance::Status>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = lesson.change;
    let class = match change {
        Some(Change::Cancelled) => "lesson lesson-cancelled",
        Some(Change::Substitution) => "lesson lesson-substitution",
        None => "lesson",
    };
    let subject = if register && change != Some(Change::Cancelled) {
        let href = format!("/school/lessons/{}?date={}", lesson.id, lesson.on_date);
        view! { <A href=href>{format!("{} · {}", lesson.subject_name, lesson.class_name)}</A> }
            .into_any()
    } else if register {
        view! { <span>{format!("{} · {}", lesson.subject_name, lesson.class_name)}</span> }
            .into_any()
    } else {
        view! { <span>{lesson.subject_name.clone()}</span> }.into_any()
    };
    view! {
        <li class=class>
            <span class="lesson-time">{lesson.period} ". " {lesson.starts.clone()} "–" {lesson.ends.clone()}</span>
            <span class="lesson-subject">{subject}</span>
            <span class="hint">{lesson.teacher_name.clone()} " · " {move || i18n.sc(S::Room)} " " {lesson.room.clone()}</span>
            {change.map(|c| {
                let label = if c == Change::Cancelled { S::Cancelled } else { S::Substitution };
                view! { <span class="badge">{move || i18n.sc(label)}</span> <span class="hint">{lesson.note.clone()}</span> }
            })}
            {attendance.map(|s| view! { <span class="hint">{move || i18n.sc(super::attendance::status_name(s))}</span> })}
        </li>
    }
}

/// The days of a week with their lessons.
#[component]
pub fn WeekView(week: Week, base: String, #[prop(optional)] register: bool) -> impl IntoView {
    let i18n = use_i18n();
    let mut days: Vec<(String, Vec<Lesson>)> = vec![];
    for l in week.lessons {
        match days.last_mut() {
            Some((d, list)) if *d == l.on_date => list.push(l),
            _ => days.push((l.on_date.clone(), vec![l])),
        }
    }
    let prev = format!("{base}?week={}", crate::time::shift_day(&week.monday, -7));
    let next = format!("{base}?week={}", crate::time::shift_day(&week.monday, 7));
    view! {
        <p class="hint">{move || i18n.sc(S::WeekOf)} " " {week.monday.clone()}</p>
        <nav class="toggles" aria-label=move || i18n.sc(S::Timetable)>
            <A href=prev attr:class="toggle">{move || i18n.sc(S::PrevWeek)}</A>
            <A href=next attr:class="toggle">{move || i18n.sc(S::NextWeek)}</A>
        </nav>
        {if days.is_empty() {
            view! { <p>{move || i18n.sc(S::NoLessons)}</p> }.into_any()
        } else {
            days.into_iter().map(|(day, lessons)| view! {
                <section class="box day">
                    <h2 class="box-title">{weekday_name(&day, i18n.lang())} " " {day.clone()}</h2>
                    <ol class="lessons">
                        {lessons.into_iter().map(|l| view! { <LessonLine lesson=l register /> }).collect_view()}
                    </ol>
                </section>
            }).collect_view().into_any()
        }}
    }
}

/// The weekday's name in the language, from the browser.
pub fn weekday_name(day: &str, lang: models::lang::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{day}T12:00:00Z"
    )));
    let options = js_sys::Object::new();
    for (k, v) in [("weekday", "long"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_date_string(lang.tag(), &options).into()
}

/// `/school/pupils/ID/timetable`.
#[component]
pub fn PupilWeek(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Timetable).to_owned());
    let query = use_query_map();
    let week = {
        let pupil = pupil.clone();
        LocalResource::new(move || {
            let (pupil, week) = (pupil.clone(), query.with(|q| q.get("week")));
            async move { api::school::pupil_week(&pupil, week.as_deref()).await }
        })
    };
    let base = Section::Timetable.href(&pupil);
    view! {
        <PupilNav pupil=pupil.clone() here=Section::Timetable />
        <h1>{move || i18n.sc(S::Timetable)}</h1>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || week.get().map(|r| match r {
                Ok(w) => view! { <WeekView week=w base=base.clone() /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <Feed pupil />
    }
}

/// The pupil's calendar address for the family's phones (`webcal://`).
#[component]
fn Feed(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    let renew = RwSignal::new(0u32);
    let address = LocalResource::new(move || {
        let (pupil, new) = (pupil.clone(), renew.get() > 0);
        async move { api::school::calendar(&pupil, new).await }
    });
    let host = web_sys::window()
        .and_then(|w| w.location().host().ok())
        .unwrap_or_default();
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::Feed)}</h2>
            <p class="hint">{move || i18n.sc(S::FeedHint)}</p>
            <Transition fallback=|| ()>
                {move || address.get().and_then(Result::ok).map(|a| {
                    let webcal = format!("webcal://{host}{}", a.path);
                    view! {
                        <p class="actions">
                            <a class="button" href=webcal>{move || i18n.sc(S::Subscribe)}</a>
                            <button type="button" class="button button-secondary" on:click=move |_| renew.update(|n| *n += 1)>
                                {move || i18n.sc(S::NewAddress)}</button>
                        </p>
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/school/timetable`: the teacher's week; each lesson opens its register.
#[component]
pub fn TeacherWeek() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::MyTimetable).to_owned());
    let query = use_query_map();
    let week = LocalResource::new(move || {
        let week = query.with(|q| q.get("week"));
        async move { api::school::teacher_week(week.as_deref()).await }
    });
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::MyTimetable)}</h1>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || week.get().map(|r| match r {
                Ok(w) => view! { <WeekView week=w base="/school/timetable".to_owned() register=true /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}
