//! `/civic-budget`: the editions of the civic budget, with where each stands and when
//! voting is; an edition open for voting gets a big "Vote" link.

use leptos::prelude::*;
use leptos_router::components::A;
use models::civic::{Edition, Phase};

use super::{is_admin, phase_name};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, Msg, use_i18n};
use crate::state::use_session;

/// The list of editions.
#[component]
pub fn Editions() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavCivicBudget).to_owned());
    let editions = LocalResource::new(api::civic::editions);
    let session = use_session();
    view! {
        <h1>{move || i18n.t(Msg::NavCivicBudget)}</h1>
        <p class="lead">{move || i18n.t(Msg::AreaCivicBudgetDesc)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || editions.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p>{i18n.c(C::NoEditions)}</p> }.into_any(),
                Ok(list) => view! { <EditionList list=list /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        {move || is_admin(session).then(|| view! {
            <p><A href="/civic-budget/new" attr:class="button button-secondary">{move || i18n.c(C::NewEdition)}</A></p>
        })}
        <h2>{move || i18n.c(C::RecountTitle)}</h2>
        <p>{move || i18n.c(C::RecountLead)}</p>
        <p><A href="/civic-budget/recount">{move || i18n.c(C::RecountLink)}</A></p>
    }
}

/// The editions as cards; the one open for voting, if only one is, comes first as a
/// big link.
#[component]
fn EditionList(list: Vec<Edition>) -> impl IntoView {
    let i18n = use_i18n();
    let voting: Vec<&Edition> = list.iter().filter(|e| e.phase == Phase::Voting).collect();
    let highlight = match voting.as_slice() {
        [only] => Some((only.id.clone(), only.title.clone())),
        _ => None,
    };
    view! {
        {highlight.map(|(id, title)| view! {
            <p class="vote-now">
                <A href=format!("/civic-budget/{id}/vote") attr:class="button button-big">
                    {move || i18n.c(C::VoteIn).replace("{title}", &title)}
                </A>
            </p>
        })}
        <ul class="cards">
            {list.into_iter().map(|e| {
                let (phase, class) = phase_name(e.phase);
                let t = e.timetable.clone();
                view! {
                    <li class="card">
                        <A href=format!("/civic-budget/{}", e.id)>
                            <span class="card-title">{e.title.clone()}</span>
                            <span><span class=format!("badge {class}")>{move || i18n.c(phase)}</span></span>
                            <span class="card-text">
                                {move || i18n.c(C::VotingDates)
                                    .replace("{from}", &t.voting_from)
                                    .replace("{to}", &t.voting_to)}
                            </span>
                        </A>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
