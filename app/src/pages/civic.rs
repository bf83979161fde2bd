//! `/civic-budget/…`: the civic budget (budżet obywatelski) — the editions, one edition
//! with its timetable, rules, pools and projects, proposing a project, a project's page
//! with its verification, voting on a phone, the results, and re-counting the published
//! ballots in the browser.
//!
//! The screens live in their own bundle (cargo feature `civic`), so the other areas never
//! download them; without it the page only says where the civic budget is.

#[cfg(feature = "civic")]
mod admin;
#[cfg(feature = "civic")]
mod edition;
#[cfg(feature = "civic")]
mod editions;
#[cfg(feature = "civic")]
mod project;
#[cfg(feature = "civic")]
mod propose;
#[cfg(feature = "civic")]
mod recount;
#[cfg(feature = "civic")]
mod results;
#[cfg(feature = "civic")]
mod vote;

use leptos::prelude::*;

#[cfg(not(feature = "civic"))]
use crate::components::page::use_title;
#[cfg(not(feature = "civic"))]
use crate::i18n::{Msg, use_i18n};

/// The civic budget: picks the screen from the address (routes `/civic-budget` and
/// `/civic-budget/*` in the router).
#[cfg(feature = "civic")]
#[component]
pub fn CivicBudget() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    move || {
        let path = location.pathname.get();
        let rest = path
            .trim_start_matches("/civic-budget")
            .trim_matches('/')
            .to_owned();
        let parts: Vec<&str> = rest.split('/').collect();
        match parts.as_slice() {
            [""] => view! { <editions::Editions /> }.into_any(),
            ["recount"] => view! { <recount::Recount /> }.into_any(),
            ["new"] => view! { <admin::NewEditionPage /> }.into_any(),
            ["projects", id] => {
                let id = (*id).to_owned();
                view! { <project::ProjectPage id=id /> }.into_any()
            }
            [id] => {
                let id = (*id).to_owned();
                view! { <edition::EditionPage id=id /> }.into_any()
            }
            [id, "vote"] => {
                let id = (*id).to_owned();
                view! { <vote::VotePage id=id /> }.into_any()
            }
            [id, "propose"] => {
                let id = (*id).to_owned();
                view! { <propose::ProposePage id=id /> }.into_any()
            }
            [id, "manage"] => {
                let id = (*id).to_owned();
                view! { <admin::ManagePage id=id /> }.into_any()
            }
            [id, "results"] => {
                let id = (*id).to_owned();
                view! { <results::ResultsPage id=id /> }.into_any()
            }
            _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

/// In a bundle built without the civic budget: says so.
#[cfg(not(feature = "civic"))]
#[component]
pub fn CivicBudget() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavCivicBudget).to_owned());
    view! {
        <h1>{move || i18n.t(Msg::NavCivicBudget)}</h1>
        <p class="lead">{move || i18n.t(Msg::AreaCivicBudgetDesc)}</p>
        <p class="notice">{move || i18n.t(Msg::CivicNotBuilt)}</p>
    }
}

#[cfg(feature = "civic")]
use self::shared::*;

/// What the civic screens share: money, names of phases, statuses and categories, and
/// form fields.
#[cfg(feature = "civic")]
mod shared {
    use leptos::prelude::*;
    use models::civic::{Phase, ProjectStatus};
    use models::error::FieldError;

    use crate::api::ApiError;
    use crate::i18n::{Civic as C, use_i18n};
    use crate::state::Session;

    /// Grosze as złoty with thin spaces between thousands, e.g. `150 000 zł`,
    /// `1 234,50 zł`.
    pub use crate::components::money::money_short as money;

    /// Złoty as typed (`1234`, `1234,50`, `1 234,50`, `1234.5 zł`) into grosze, exactly
    /// (integers only); `None` when it is not an amount.
    pub fn parse_zloty(text: &str) -> Option<i64> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let amount = compact.strip_suffix("zł").unwrap_or(&compact);
        let (whole, frac) = amount.split_once([',', '.']).unwrap_or((amount, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || frac.len() > 2 || !digits(frac) {
            return None;
        }
        let cents = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse::<i64>().ok()?,
        };
        whole
            .parse::<i64>()
            .ok()?
            .checked_mul(100)?
            .checked_add(cents)
    }

    /// A phase's name and the class of its badge.
    pub fn phase_name(p: Phase) -> (C, &'static str) {
        match p {
            Phase::Announced => (C::PhaseAnnounced, "phase-announced"),
            Phase::Proposals => (C::PhaseProposals, "phase-proposals"),
            Phase::Verification => (C::PhaseVerification, "phase-verification"),
            Phase::Appeals => (C::PhaseAppeals, "phase-appeals"),
            Phase::Voting => (C::PhaseVoting, "phase-voting"),
            Phase::Counting => (C::PhaseCounting, "phase-counting"),
            Phase::Results => (C::PhaseResults, "phase-results"),
        }
    }

    /// The counting rule in one sentence.
    pub fn rule_sentence(rule: models::pb::Rule) -> C {
        match rule {
            models::pb::Rule::Greedy => C::RuleGreedy,
            models::pb::Rule::Mes => C::RuleMes,
        }
    }

    /// A project status's name.
    pub fn status_name(s: ProjectStatus) -> C {
        match s {
            ProjectStatus::Submitted => C::StatusSubmitted,
            ProjectStatus::Accepted => C::StatusAccepted,
            ProjectStatus::Rejected => C::StatusRejected,
            ProjectStatus::Appealed => C::StatusAppealed,
        }
    }

    /// A category's name (one of `models::civic::CATEGORIES`).
    pub fn category_name(c: &str) -> C {
        match c {
            "greenery" => C::CatGreenery,
            "sport" => C::CatSport,
            "culture" => C::CatCulture,
            "education" => C::CatEducation,
            "transport" => C::CatTransport,
            "safety" => C::CatSafety,
            "social" => C::CatSocial,
            _ => C::CatOther,
        }
    }

    /// A status badge (the status in words, coloured as well).
    pub fn status_badge(s: ProjectStatus) -> impl IntoView + use<> {
        let i18n = use_i18n();
        view! { <span class=format!("badge status-{}", s.as_str())>{move || i18n.c(status_name(s))}</span> }
    }

    /// Whether the logged-in person works in the office (reactive).
    pub fn is_officer(session: Session) -> bool {
        session.user.with(|u| {
            u.as_ref().is_some_and(|u| {
                u.roles
                    .iter()
                    .any(|r| matches!(r, models::auth::Role::Clerk | models::auth::Role::Admin))
            })
        })
    }

    /// Whether the logged-in person is an administrator (reactive).
    pub fn is_admin(session: Session) -> bool {
        session.user.with(|u| {
            u.as_ref()
                .is_some_and(|u| u.roles.contains(&models::auth::Role::Admin))
        })
    }

    /// The address of the login page that comes back here.
    pub fn login_href(back: &str) -> String {
        let back: String = js_sys::encode_uri_component(back).into();
        format!("/login?next={back}")
    }

    /// One field's problem from the last request's answer, as a signal for a field.
    pub fn field_of(
        error: RwSignal<Option<ApiError>>,
        name: &'static str,
    ) -> Signal<Option<FieldError>> {
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.fields.get(name).copied())))
    }

    /// Moves focus to the element with `id` once it is in the page (after a step of a
    /// form changes, so keyboard and screen reader users start at the new step).
    pub fn focus_later(id: &'static str) {
        request_animation_frame(move || {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        });
    }

    /// A labelled `<select>` with its error.
    #[component]
    pub fn SelectField(
        id: &'static str,
        #[prop(into)] label: Signal<&'static str>,
        value: RwSignal<String>,
        #[prop(into)] error: Signal<Option<FieldError>>,
        children: Children,
    ) -> impl IntoView {
        let i18n = use_i18n();
        let error_id = format!("{id}-error");
        let described = error_id.clone();
        view! {
            <div class="field" class:field-invalid=move || error.get().is_some()>
                <label for=id>{move || label.get()}</label>
                <select id=id name=id
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=move || error.get().is_some().then(|| described.clone())
                    prop:value=move || value.get()
                    on:change=move |ev| value.set(event_target_value(&ev))>
                    {children()}
                </select>
                {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
            </div>
        }
    }

    /// A labelled `<textarea>` with an optional hint and its error.
    #[component]
    pub fn TextAreaField(
        id: &'static str,
        #[prop(into)] label: Signal<&'static str>,
        value: RwSignal<String>,
        #[prop(into)] error: Signal<Option<FieldError>>,
        #[prop(optional, into)] hint: Option<Signal<&'static str>>,
        #[prop(default = "4")] rows: &'static str,
        #[prop(default = "5000")] maxlength: &'static str,
    ) -> impl IntoView {
        let i18n = use_i18n();
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let has_hint = hint.is_some();
        let described_by = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            move || {
                let mut ids = vec![];
                if has_hint {
                    ids.push(hint_id.clone());
                }
                if error.get().is_some() {
                    ids.push(error_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        view! {
            <div class="field" class:field-invalid=move || error.get().is_some()>
                <label for=id>{move || label.get()}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
                <textarea id=id name=id rows=rows maxlength=maxlength
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))></textarea>
                {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
            </div>
        }
    }
}
