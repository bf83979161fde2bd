//! A guardian's consents for their pupils under the minimum age to vote.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::civic::{NewConsent, PupilConsent};

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::i18n::{Civic as C, use_i18n};

/// A guardian's consents for their pupils to vote.
#[component]
pub(super) fn Consents(edition_id: String, pupils: Vec<PupilConsent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="consents-title">
            <h2 id="consents-title">{move || i18n.c(C::ConsentsTitle)}</h2>
            <p>{move || i18n.c(C::ConsentsLead)}</p>
            <ul class="consents">
                {pupils.into_iter().map(|pupil| view! { <ConsentRow edition_id=edition_id.clone() pupil /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One pupil: consent given, or the button to give it.
#[component]
fn ConsentRow(edition_id: String, pupil: PupilConsent) -> impl IntoView {
    let i18n = use_i18n();
    let given = RwSignal::new(pupil.consented);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let pupil_id = pupil.pupil_id;
    let give = move |_: leptos::ev::MouseEvent| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (id, body) = (
            edition_id.clone(),
            NewConsent {
                pupil_id: pupil_id.clone(),
            },
        );
        spawn_local(async move {
            match api::civic::consent(&id, &body).await {
                Ok(()) => given.set(true),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let name = pupil.name;
    let shown = name.clone();
    view! {
        <li>
            <strong>{shown}</strong>" — "
            {move || if given.get() {
                view! { <span class="badge status-accepted">{i18n.c(C::ConsentGiven)}</span> }.into_any()
            } else {
                let label = i18n.c(C::GiveConsent).replace("{name}", &name);
                view! { <button type="button" class="button button-secondary" on:click=give.clone()>{label}</button> }.into_any()
            }}
            <ErrorAlert error=error />
        </li>
    }
}
