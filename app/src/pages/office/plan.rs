//! A class's timetable as the school office keeps it
//! (`/office/school/classes/ID/timetable?week=`): the weekly plan by period and weekday,
//! a form that puts a subject into a slot (or frees it), and the week's substitutions
//! and cancellations with a form to set or take one away.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::school::plan::{ChangeForm, ClassPlan, SlotForm};
use models::school::timetable::{Change, Lesson};

use super::letter::Select;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::form::{FormEnd, Sending};
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

/// The weekdays' names, Monday first.
const WEEKDAYS: [O; 5] = [O::Monday, O::Tuesday, O::Wednesday, O::Thursday, O::Friday];

/// A weekday's name (1 = Monday).
fn weekday_name(day: u32) -> O {
    WEEKDAYS[(day.clamp(1, 5) - 1) as usize]
}

/// The weekday (1 = Monday) of a `YYYY-MM-DD` day, by the browser's calendar.
fn weekday_of(day: &str) -> u32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{day}T12:00:00Z"
    )));
    match date.get_utc_day() {
        0 => 7,
        d => d,
    }
}

/// A class's timetable and its changes.
#[component]
pub fn ClassPlanPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::Timetable).to_owned());
    let query = use_query_map();
    let week = Memo::new(move |_| query.with(|q| q.get("week")));
    let reload = RwSignal::new(0u32);
    let class = StoredValue::new(id.clone());
    let plan = LocalResource::new(move || {
        reload.get();
        let week = week.get();
        async move { api::office::class_plan(&class.get_value(), week.as_deref()).await }
    });
    // Kept here: the forms are drawn again when the plan reloads.
    let done = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    view! {
        <p><A href=format!("/office/school/classes/{id}")>{move || i18n.o(O::BackToClass)}</A></p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || plan.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(plan) => view! { <PlanView plan reload done /> }.into_any(),
            })}
        </Transition>
    }
}

/// The plan, the week's changes and the two forms.
#[component]
fn PlanView(
    plan: ClassPlan,
    reload: RwSignal<u32>,
    done: (RwSignal<Option<String>>, RwSignal<Option<String>>),
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/office/school/classes/{}/timetable", plan.class.id);
    let monday = plan.week.monday.clone();
    let friday = crate::time::shift_day(&monday, 4);
    let (before, after) = (
        format!("{base}?week={}", crate::time::shift_day(&monday, -7)),
        format!("{base}?week={}", crate::time::shift_day(&monday, 7)),
    );
    let slots = plan.slots.clone();
    let rows = plan
        .bell
        .iter()
        .map(|b| {
            let cells = (1..=5u32)
                .map(|d| {
                    let slot = slots.iter().find(|s| s.weekday == d && s.period == b.period);
                    view! {
                        <td>{slot.map(|s| view! {
                            <strong>{s.subject_name.clone()}</strong><br />
                            <span class="hint">{s.teacher_name.clone()} " · " {s.room.clone()}</span>
                        })}</td>
                    }
                })
                .collect_view();
            view! {
                <tr><th scope="row">{b.period} ". " {b.starts.clone()} "–" {b.ends.clone()}</th>{cells}</tr>
            }
        })
        .collect_view();
    let changed: Vec<Lesson> = plan
        .week
        .lessons
        .iter()
        .filter(|l| l.change.is_some())
        .cloned()
        .collect();
    let none_changed = changed.is_empty();
    view! {
        <h1>{move || i18n.o(O::Timetable)} " · " {move || i18n.o(O::ClassCol)} " " {plan.class.name.clone()}</h1>
        <p class="lead">{plan.class.school_name.clone()} " · " {plan.class.year_name.clone()}</p>
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="weekly-plan">
            <table class="data">
                <caption id="weekly-plan">{move || i18n.o(O::WeeklyPlan)}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n.o(O::PeriodCol)}</th>
                    {WEEKDAYS.iter().map(|d| { let d = *d; view! { <th scope="col">{move || i18n.o(d)}</th> } }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <SlotEditor plan=plan.clone() reload done=done.0 />
        <section class="panel" aria-labelledby="changes">
            <h2 id="changes">{move || i18n.o(O::ChangesOfWeek)} " " {monday.clone()} " – " {friday}</h2>
            <nav class="pager" aria-label=move || i18n.o(O::ChangesOfWeek)>
                <A href=before>{move || i18n.o(O::WeekBefore)}</A> " "
                <A href=after>{move || i18n.o(O::WeekAfter)}</A>
            </nav>
            <ul class="teaching-list">
                {changed.into_iter().map(|l| view! { <li><ChangeRow lesson=l reload /></li> }).collect_view()}
            </ul>
            {none_changed.then(|| view! { <p class="hint">{move || i18n.o(O::NoChanges)}</p> })}
            <ChangeEditor plan reload done=done.1 />
        </section>
    }
}

/// The form that puts a subject into a slot, changes its room or frees it.
#[component]
fn SlotEditor(
    plan: ClassPlan,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (weekday, period) = (RwSignal::new("1".to_owned()), RwSignal::new("1".to_owned()));
    let (subject, room) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let state = Sending::new(done);
    let class = StoredValue::new(plan.class.id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slot = (
            weekday.get_untracked().parse().unwrap_or(0),
            period.get_untracked().parse().unwrap_or(0),
        );
        let body = SlotForm {
            subject_id: Some(subject.get_untracked()).filter(|s| !s.is_empty()),
            room: room.get_untracked().trim().to_owned(),
        };
        state.send(Box::pin(async move {
            api::office::set_slot(&class.get_value(), slot, &body).await?;
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::SlotSaved).to_owned())
        }));
    };
    view! {
        <section class="panel" aria-labelledby="slot-editor">
            <h2 id="slot-editor">{move || i18n.o(O::SlotEditor)}</h2>
            <p class="hint">{move || i18n.o(O::SlotEditorHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="weekday" label=O::Weekday value=weekday error=state.field("weekday")>
                    {(1..=5u32).map(|d| view! { <option value=d.to_string()>{move || i18n.o(weekday_name(d))}</option> }).collect_view()}
                </Select>
                <Select id="period" label=O::PeriodCol value=period error=state.field("period")>
                    {plan.bell.iter().map(|b| view! {
                        <option value=b.period.to_string()>{format!("{}. {}–{}", b.period, b.starts, b.ends)}</option>
                    }).collect_view()}
                </Select>
                <Select id="subject_id" label=O::SubjectCol value=subject error=state.field("subject_id")>
                    <option value="">{move || i18n.o(O::FreeSlot)}</option>
                    {plan.subjects.iter().map(|s| view! {
                        <option value=s.subject_id.clone()>{format!("{} ({})", s.subject_name, s.teacher_name)}</option>
                    }).collect_view()}
                </Select>
                <TextField id="room" label=Signal::derive(move || i18n.o(O::RoomCol)) value=room error=state.field("room") />
                <FormEnd state label=O::SaveSlot />
            </form>
        </section>
    }
}

/// A lesson's line in the list of the week's changes, with its remove button.
#[component]
fn ChangeRow(lesson: Lesson, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let state = Sending::new(RwSignal::new(None));
    let (id, date) = (
        StoredValue::new(lesson.id.clone()),
        StoredValue::new(lesson.on_date.clone()),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.send(Box::pin(async move {
            api::office::remove_change(&id.get_value(), &date.get_value()).await?;
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::Done).to_owned())
        }));
    };
    let what = match lesson.change {
        Some(Change::Cancelled) => O::Cancelled,
        _ => O::Substitution,
    };
    let about = format!(
        "{} {}, {}",
        lesson.on_date, lesson.period, lesson.subject_name
    );
    view! {
        <form class="inline-form" novalidate on:submit=submit>
            <p>
                <strong>{move || i18n.o(weekday_name(weekday_of(&date.get_value())))} " " {lesson.on_date.clone()}
                    ", " {lesson.period} ". " {lesson.starts.clone()} " · " {lesson.subject_name.clone()}</strong>
                " — " <span class="badge">{move || i18n.o(what)}</span>
                {(lesson.change == Some(Change::Substitution)).then(|| format!(" {}", lesson.teacher_name))}
                {(!lesson.note.is_empty()).then(|| format!(" · {}", lesson.note))}
            </p>
            <FormEnd state label=O::RemoveChange about inline=true />
        </form>
    }
}

/// The form that sets a lesson's substitution or cancellation on its day of the week.
#[component]
fn ChangeEditor(
    plan: ClassPlan,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lesson = RwSignal::new(String::new());
    let kind = RwSignal::new("substitution".to_owned());
    let (teacher, note) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The option's value is the lesson's id and date.
        let chosen = lesson.get_untracked();
        let body = ChangeForm {
            kind: if kind.get_untracked() == "cancelled" {
                Change::Cancelled
            } else {
                Change::Substitution
            },
            teacher_id: Some(teacher.get_untracked()).filter(|t| !t.is_empty()),
            note: note.get_untracked().trim().to_owned(),
        };
        state.send(Box::pin(async move {
            let Some((id, date)) = chosen.split_once('|') else {
                return Err(ApiError::field(
                    "lesson",
                    models::error::FieldError::Required,
                ));
            };
            api::office::set_change(id, date, &body).await?;
            note.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::ChangeSaved).to_owned())
        }));
    };
    let lessons = plan.week.lessons.clone();
    let teachers = plan.teachers.clone();
    view! {
        <h3 id="change-editor">{move || i18n.o(O::ChangeEditor)}</h3>
        <form class="stack" novalidate on:submit=submit aria-labelledby="change-editor">
            <Select id="lesson" label=O::LessonCol value=lesson
                error=Signal::derive(move || state.field("lesson").get().or_else(|| state.field("date").get()))>
                <option value="">{i18n.t(Msg::ChooseOption)}</option>
                {lessons.into_iter().map(|l| {
                    let day = weekday_name(weekday_of(&l.on_date));
                    let text = format!("{} {}, {}. {} · {}", i18n.o(day), l.on_date, l.period, l.starts, l.subject_name);
                    view! { <option value=format!("{}|{}", l.id, l.on_date)>{text}</option> }
                }).collect_view()}
            </Select>
            <Select id="kind" label=O::ChangeKind value=kind error=state.field("kind")>
                <option value="substitution">{move || i18n.o(O::Substitution)}</option>
                <option value="cancelled">{move || i18n.o(O::Cancelled)}</option>
            </Select>
            <Select id="teacher_id" label=O::SubstituteCol value=teacher error=state.field("teacher_id")>
                <option value="">{move || i18n.o(O::NoTeacher)}</option>
                {teachers.into_iter().map(|t| view! { <option value=t.id>{t.full_name}</option> }).collect_view()}
            </Select>
            <TextField id="note" label=Signal::derive(move || i18n.o(O::ChangeNote)) value=note error=state.field("note") />
            <FormEnd state label=O::SaveChange />
        </form>
    }
}
