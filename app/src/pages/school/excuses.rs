//! `/school/excuses`: the form teacher's excuses to decide — each with the days, the
//! parent's words and how many unexcused lessons it covers; accepting excuses them,
//! rejecting needs a reason the parent will read.

use leptos::prelude::*;
use leptos_router::components::A;
use models::school::attendance::Excuse;

use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};
use crate::time::warsaw;

/// The page.
#[component]
pub fn ExcusesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::PendingExcuses).to_owned());
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<&'static str>);
    let list = LocalResource::new(move || {
        reload.get();
        api::school::pending_excuses()
    });
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <h1>{move || i18n.sc(S::PendingExcuses)}</h1>
        <StatusMessage text=done />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                Ok(items) if items.is_empty() => view! { <p>{i18n.sc(S::NoPendingExcuses)}</p> }.into_any(),
                Ok(items) => view! {
                    <ul class="excuses">{items.into_iter().map(|e| view! { <Item excuse=e reload done /> }).collect_view()}</ul>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Item(
    excuse: Excuse,
    reload: RwSignal<u32>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let id = excuse.id.clone();
    let decide = move |accept: bool| {
        let id = id.clone();
        let text = note.get_untracked();
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::school::decide(&id, accept, &text).await {
                Ok(_) => {
                    done.set(Some(i18n.sc(S::Decided)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let decide_reject = decide.clone();
    let note_id = format!("note-{}", excuse.id);
    let days = if excuse.from_date == excuse.to_date {
        excuse.from_date.clone()
    } else {
        format!("{} – {}", excuse.from_date, excuse.to_date)
    };
    let at = excuse.submitted_at.clone();
    view! {
        <li class="box">
            <h2 class="box-title">{excuse.pupil_name.clone()} ": " {days}</h2>
            <p>{excuse.reason.clone()}</p>
            <p class="hint">{move || i18n.sc(S::SentBy)} " " {excuse.submitted_by.clone()} ", " {move || warsaw(&at, i18n.lang())}
                " · " {move || i18n.sc(S::CoversAbsences)} " " {excuse.absences}</p>
            <ErrorAlert error=error />
            <div class="field">
                <label for=note_id.clone()>{move || i18n.sc(S::RejectNote)}</label>
                <input id=note_id type="text" maxlength="500" prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev)) />
            </div>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| decide(true)>{move || i18n.sc(S::Accept)}</button>
                " "
                <button type="button" class="button button-secondary" on:click=move |_| decide_reject(false)>{move || i18n.sc(S::Reject)}</button>
            </p>
        </li>
    }
}
