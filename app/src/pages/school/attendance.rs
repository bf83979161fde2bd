//! `/school/pupils/ID/attendance`: the term's attendance by subject with percentages,
//! the absences and lateness, and the excuses; a parent excuses days of absence here
//! and the form teacher decides.

use leptos::prelude::*;
use models::school::attendance::{ExcuseForm, ExcuseStatus, PupilAttendance, Status};

use super::pupil::{PupilNav, Section};
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

/// A status's name.
pub fn status_name(s: Status) -> S {
    match s {
        Status::Present => S::StPresent,
        Status::Absent => S::StAbsent,
        Status::Late => S::StLate,
        Status::Excused => S::StExcused,
        Status::Released => S::StReleased,
    }
}

/// Per mille as a percentage, `96,4 %`.
pub fn percent(permille: Option<u32>, comma: bool) -> String {
    match permille {
        Some(p) => {
            let text = format!("{}.{} %", p / 10, p % 10);
            if comma { text.replace('.', ",") } else { text }
        }
        None => "—".into(),
    }
}

/// The page.
#[component]
pub fn AttendancePage(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Attendance).to_owned());
    let reload = RwSignal::new(0u32);
    let sent = RwSignal::new(None::<&'static str>);
    let data = {
        let pupil = pupil.clone();
        LocalResource::new(move || {
            reload.get();
            let pupil = pupil.clone();
            async move { api::school::attendance(&pupil).await }
        })
    };
    let session = crate::state::use_session();
    let parent = move || {
        session.user.with(|u| {
            u.as_ref()
                .is_some_and(|u| u.roles.contains(&models::auth::Role::Parent))
        })
    };
    view! {
        <PupilNav pupil=pupil.clone() here=Section::Attendance />
        <h1>{move || i18n.sc(S::Attendance)}</h1>
        <StatusMessage text=sent />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Ok(a) => view! { <AttendanceView data=a /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        {move || parent().then(|| view! { <ExcuseFormView pupil=pupil.clone() reload sent /> })}
    }
}

#[component]
fn AttendanceView(data: PupilAttendance) -> impl IntoView {
    let i18n = use_i18n();
    let comma = move || i18n.lang() != models::lang::Lang::En;
    let term = if data.term == 1 { S::Term1 } else { S::Term2 };
    view! {
        <p class="average">{move || i18n.sc(term)} " · " {move || i18n.sc(S::Overall)} ": "
            <strong>{move || percent(data.permille, comma())}</strong></p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.sc(S::Attendance)>
            <table>
                <thead><tr>
                    <th scope="col">{move || i18n.sc(S::Grades)}</th>
                    <th scope="col">{move || i18n.sc(S::Lessons)}</th>
                    <th scope="col">"%"</th>
                </tr></thead>
                <tbody>
                    {data.subjects.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">{s.subject_name}</th>
                            <td>{s.attended} " / " {s.lessons}</td>
                            <td>{move || percent(s.permille, comma())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{move || i18n.sc(S::Absences)}</h2>
        {if data.absences.is_empty() {
            view! { <p>{move || i18n.sc(S::NoAbsences)}</p> }.into_any()
        } else {
            view! {
                <ul class="absences">
                    {data.absences.into_iter().map(|a| view! {
                        <li class=format!("absence absence-{}", a.status.as_str())>
                            {a.on_date.clone()} ", " {a.period} ". " {a.subject_name.clone()} " — "
                            <strong>{move || i18n.sc(status_name(a.status))}</strong>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!data.excuses.is_empty()).then(|| view! {
            <h2>{move || i18n.sc(S::Excuses)}</h2>
            <ul class="excuses">
                {data.excuses.into_iter().map(|e| {
                    let status = match e.status {
                        ExcuseStatus::Pending => S::ExPending,
                        ExcuseStatus::Accepted => S::ExAccepted,
                        ExcuseStatus::Rejected => S::ExRejected,
                    };
                    view! {
                        <li class="box">
                            <strong>{e.from_date.clone()} {(e.to_date != e.from_date).then(|| format!(" – {}", e.to_date))}</strong>
                            " — " {move || i18n.sc(status)}
                            <p>{e.reason.clone()}</p>
                            {(!e.note.is_empty()).then(|| view! { <p class="hint">{e.note.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

/// A parent's excuse for some days.
#[component]
fn ExcuseFormView(
    pupil: String,
    reload: RwSignal<u32>,
    sent: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from_date = from.get_untracked();
        let to_date = {
            let t = to.get_untracked();
            if t.is_empty() { from_date.clone() } else { t }
        };
        let form = ExcuseForm {
            from_date,
            to_date,
            reason: reason.get_untracked(),
        };
        let pupil = pupil.clone();
        sent.set(None);
        leptos::task::spawn_local(async move {
            match api::school::excuse(&pupil, &form).await {
                Ok(_) => {
                    error.set(None);
                    reason.set(String::new());
                    sent.set(Some(i18n.sc(S::ExcuseSent)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field_error = move |name| super::field_error(i18n, error, name);
    let field = move |id: &'static str,
                      label: S,
                      kind: &'static str,
                      value: RwSignal<String>,
                      name: &'static str| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{move || i18n.sc(label)}</label>
                <input id=id type=kind prop:value=move || value.get()
                    aria-invalid=move || field_error(name)().is_some().then_some("true")
                    aria-describedby=error_id.clone()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
                <p class="field-error" id=error_id>{field_error(name)}</p>
            </div>
        }
    };
    view! {
        <section class="box">
            <h2 class="box-title">{move || i18n.sc(S::NewExcuse)}</h2>
            <form on:submit=submit novalidate>
                {field("excuse-from", S::FromDate, "date", from, "from_date")}
                {field("excuse-to", S::ToDate, "date", to, "to_date")}
                {field("excuse-reason", S::Reason, "text", reason, "reason")}
                <button type="submit" class="button">{move || i18n.sc(S::Send)}</button>
            </form>
        </section>
    }
}
