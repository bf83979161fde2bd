//! `/cases`: the e-services catalogue (searchable, grouped by life situation), each
//! service's card at `/cases/services/:slug`, the person's own cases at `/cases/my` and
//! one case at `/cases/my/:id`.

mod card;
pub mod detail;
mod file;
mod mine;
mod upo;

pub use card::ServiceCard;
pub use detail::CaseView;
pub use file::FileService;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
pub use mine::MyCases;
use models::services::{LifeSituation, ServiceSummary};
pub use upo::PrintableReceipt;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// A status's name.
pub fn status_name(s: models::cases::CaseStatus) -> Msg {
    use models::cases::CaseStatus::*;
    match s {
        Submitted => Msg::StatusSubmitted,
        Registered => Msg::StatusRegistered,
        InProgress => Msg::StatusInProgress,
        NeedsCompletion => Msg::StatusNeedsCompletion,
        DecisionReady => Msg::StatusDecisionReady,
        Closed => Msg::StatusClosed,
    }
}

/// A life situation's name.
pub fn situation_name(s: LifeSituation) -> Msg {
    match s {
        LifeSituation::Office => Msg::SituationOffice,
        LifeSituation::Documents => Msg::SituationDocuments,
        LifeSituation::Environment => Msg::SituationEnvironment,
        LifeSituation::Roads => Msg::SituationRoads,
        LifeSituation::Taxes => Msg::SituationTaxes,
        LifeSituation::Information => Msg::SituationInformation,
    }
}

/// The catalogue page; the search words live in the URL (`?q=`), so results can be shared.
#[component]
pub fn Cases() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    use_title(move || i18n.t(Msg::NavCases).to_owned());
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let typed = RwSignal::new(q());
    let found = LocalResource::new(move || {
        let q = q();
        async move { api::services::list(&q).await }
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words: String = js_sys::encode_uri_component(typed.get_untracked().trim()).into();
        navigate(&format!("/cases?q={words}"), Default::default());
    };
    view! {
        <h1>{move || i18n.t(Msg::NavCases)}</h1>
        <p class="lead">{move || i18n.t(Msg::AreaCasesDesc)}</p>
        <p><A href="/cases/my">{move || i18n.t(Msg::MyCases)}</A></p>
        <h2>{move || i18n.t(Msg::Catalogue)}</h2>
        <form class="search" role="search" on:submit=search>
            <label for="service-search">{move || i18n.t(Msg::SearchServices)}</label>
            <div class="search-row">
                <input id="service-search" type="search" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <button type="submit" class="button">{move || i18n.t(Msg::Search)}</button>
            </div>
        </form>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || found.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p role="status">{i18n.t(Msg::NoServicesFound)}</p> }.into_any(),
                Ok(list) => view! { <ServiceGroups list=list /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// The services grouped by life situation, in catalogue order.
#[component]
fn ServiceGroups(list: Vec<ServiceSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let mut groups: Vec<(LifeSituation, Vec<ServiceSummary>)> = vec![];
    for s in list {
        match groups.iter_mut().find(|(g, _)| *g == s.life_situation) {
            Some((_, items)) => items.push(s),
            None => groups.push((s.life_situation, vec![s])),
        }
    }
    groups
        .into_iter()
        .map(|(situation, items)| {
            view! {
                <section class="service-group">
                    <h3>{move || i18n.t(situation_name(situation))}</h3>
                    <ul class="cards">
                        {items.into_iter().map(|s| {
                            let href = format!("/cases/services/{}", s.slug);
                            let (title, summary) = (s.title.clone(), s.summary.clone());
                            view! {
                                <li class="card">
                                    <A href=href>
                                        <span class="card-title">{move || title.get(i18n.lang()).to_owned()}</span>
                                        <span class="card-text">{move || summary.get(i18n.lang()).to_owned()}</span>
                                    </A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}
