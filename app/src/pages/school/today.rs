//! `/school/pupils/ID`: the pupil's day, what a parent opens at 7:30 — today's lessons
//! with substitutions and cancellations first in sight, the attendance taken so far, the
//! grades of the last week and the absences still to excuse.

use leptos::prelude::*;
use leptos_router::components::A;
use models::school::timetable::Today;

use super::notices::NoticeList;
use super::pupil::{PupilNav, Section};
use super::week::{LessonLine, weekday_name};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

/// The page.
#[component]
pub fn TodayPage(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Today).to_owned());
    let day = {
        let pupil = pupil.clone();
        LocalResource::new(move || {
            let pupil = pupil.clone();
            async move { api::school::today(&pupil).await }
        })
    };
    view! {
        <PupilNav pupil=pupil.clone() here=Section::Today />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || day.get().map(|r| match r {
                Ok(t) => view! { <TodayView today=t /> }.into_any(),
                Err(e) => view! {
                    <h1>{move || i18n.sc(S::Today)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TodayView(today: Today) -> impl IntoView {
    let i18n = use_i18n();
    let p = today.pupil.clone();
    let date = today.date.clone();
    let attendance = Section::Attendance.href(&p.id);
    view! {
        <h1>{move || i18n.sc(S::Today)} " — " {p.full_name.clone()}</h1>
        <p class="hint">{move || weekday_name(&date, i18n.lang())} " " {today.date.clone()} " · " {move || i18n.sc(S::Class)} " " {p.class_name.clone()}</p>
        {(today.unexcused > 0).then(|| view! {
            <p class="notice">{move || i18n.sc(S::Unexcused)} " " <strong>{today.unexcused}</strong> " "
                <A href=attendance.clone()>{move || i18n.sc(S::ExcuseThem)}</A></p>
        })}
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::Timetable)}</h2>
            {if today.lessons.is_empty() {
                view! { <p>{move || i18n.sc(S::NoLessons)}</p> }.into_any()
            } else {
                view! {
                    <ol class="lessons">
                        {today.lessons.into_iter().map(|t| view! {
                            <LessonLine lesson=t.lesson attendance=t.attendance />
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::Notices)}</h2>
            <NoticeList notices=today.notices />
        </section>
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::NewGrades)}</h2>
            {if today.new_grades.is_empty() {
                view! { <p>{move || i18n.sc(S::NoNewGrades)}</p> }.into_any()
            } else {
                view! {
                    <ul class="recent">
                        {today.new_grades.into_iter().map(|g| view! {
                            <li>{if g.grade.descriptive {
                                    view! { <strong>{move || i18n.sc(S::Descriptive)}</strong> }.into_any()
                                } else {
                                    view! { <strong class="mark-value">{g.grade.mark.clone().unwrap_or_else(|| "×".into())}</strong> }.into_any()
                                }}
                                " " {g.subject_name} " — " {g.grade.title.clone()}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
