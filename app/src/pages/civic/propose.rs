//! `/civic-budget/:edition/propose`: proposing a project while proposals are open — the
//! pool, title, description, place with an optional map point, the estimated cost in
//! złoty and a category. The browser runs the same checks as the server first; the
//! server's answer is shown next to each field.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use models::civic::{CATEGORIES, Edition, NewProject, Phase, Point};
use models::error::{ErrorCode, FieldError};
use models::validate::FieldErrors;

use super::{SelectField, TextAreaField, category_name, login_href, money, parse_zloty};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, Msg, use_i18n};
use crate::state::use_session;

/// The proposal page: the form while proposals are open, otherwise why not.
#[component]
pub fn ProposePage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_title(move || i18n.c(C::ProposeProject).to_owned());
    let back = format!("/civic-budget/{id}/propose");
    let edition = LocalResource::new(move || {
        let id = id.clone();
        async move { api::civic::edition(&id).await }
    });
    view! {
        <h1>{move || i18n.c(C::ProposeProject)}</h1>
        {move || (session.ready.get() && !session.logged_in()).then(|| view! {
            <div class="notice">
                <p>{i18n.c(C::LoginToPropose)}</p>
                <p><A href=login_href(&back) attr:class="button">{i18n.t(Msg::LogIn)}</A></p>
            </div>
        })}
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || edition.get().map(|result| match result {
                Ok(e) if e.phase != Phase::Proposals => view! {
                    <p class="notice">{ErrorCode::WrongPhase.message(i18n.lang())}</p>
                    <p><A href=format!("/civic-budget/{}", e.id)>{i18n.c(C::BackToEdition)}</A></p>
                }.into_any(),
                Ok(e) => view! { <ProposalForm edition=e /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// The map point from the two optional inputs: both empty is none; a comma works as the
/// decimal separator. The range is checked by `NewProject::problems`.
fn point_of(lat: &str, lon: &str) -> Result<Option<Point>, FieldError> {
    let number = |s: &str| {
        s.trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
    };
    if lat.trim().is_empty() && lon.trim().is_empty() {
        return Ok(None);
    }
    match (number(lat), number(lon)) {
        (Some(lat), Some(lon)) => Ok(Some(Point { lat, lon })),
        _ => Err(FieldError::InvalidChoice),
    }
}

/// The form.
#[component]
fn ProposalForm(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let edition_id = edition.id.clone();
    let pool = RwSignal::new(match edition.pools.as_slice() {
        [only] => only.id.clone(),
        _ => String::new(),
    });
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let lat = RwSignal::new(String::new());
    let lon = RwSignal::new(String::new());
    let cost = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let photos_ref = NodeRef::<leptos::html::Input>::new();
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed_cost = cost.get_untracked();
        let estimated = parse_zloty(&typed_cost);
        let point = point_of(&lat.get_untracked(), &lon.get_untracked());
        let project = NewProject {
            pool_id: pool.get_untracked(),
            title: title.get_untracked().trim().to_owned(),
            description: description.get_untracked().trim().to_owned(),
            location: location.get_untracked().trim().to_owned(),
            point: point.unwrap_or_default(),
            estimated_cost: estimated.unwrap_or(0),
            category: category.get_untracked(),
            photos: vec![],
        };
        let mut problems = project.problems();
        if project.pool_id.is_empty() {
            problems.insert("pool_id".into(), FieldError::Required);
        }
        if let Err(e) = point {
            problems.insert("point".into(), e);
        }
        if typed_cost.trim().is_empty() {
            problems.insert("estimated_cost".into(), FieldError::Required);
        } else if estimated.is_none() {
            problems.insert("estimated_cost".into(), FieldError::WrongType);
        }
        if !problems.is_empty() {
            fields.set(problems);
            error.set(Some(ApiError::new(ErrorCode::ValidationFailed)));
            return;
        }
        busy.set(true);
        error.set(None);
        fields.set(FieldErrors::new());
        let navigate = navigate.clone();
        let id = edition_id.clone();
        let chosen = api::cases::chosen_files(photos_ref.get_untracked().as_ref());
        let mut project = project;
        spawn_local(async move {
            match api::cases::upload_all(&chosen).await {
                Ok(photos) => project.photos = photos,
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    busy.set(false);
                    return;
                }
            }
            match api::civic::propose(&id, &project).await {
                Ok(p) => navigate(
                    &format!("/civic-budget/projects/{}", p.summary.id),
                    Default::default(),
                ),
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    let point_error = err("point");
    view! {
        <p class="lead">{move || i18n.c(C::ProposeLead).replace("{title}", &edition.title)}</p>
        <form novalidate on:submit=submit class="stack">
            <SelectField id="pool_id" label=Signal::derive(move || i18n.c(C::Pool)) value=pool error=err("pool_id")>
                <option value="">{move || i18n.t(Msg::ChooseOption)}</option>
                {edition.pools.iter().map(|p| view! {
                    <option value=p.id.clone() selected={pool.get_untracked() == p.id}>
                        {format!("{} ({})", p.name, money(p.budget))}
                    </option>
                }).collect_view()}
            </SelectField>
            <TextField id="title" label=Signal::derive(move || i18n.c(C::ProjectTitle))
                value=title error=err("title") required=true />
            <TextAreaField id="description" label=Signal::derive(move || i18n.c(C::Description))
                hint=Signal::derive(move || i18n.c(C::DescriptionHint))
                value=description error=err("description") rows="8" />
            <TextField id="location" label=Signal::derive(move || i18n.c(C::Location))
                hint=Signal::derive(move || i18n.c(C::LocationHint))
                value=location error=err("location") required=true />
            <fieldset class="point" aria-describedby="point-hint">
                <legend>{move || i18n.c(C::MapPoint)}</legend>
                <p class="hint" id="point-hint">{move || i18n.c(C::MapPointHint)}</p>
                <TextField id="lat" label=Signal::derive(move || i18n.c(C::Latitude))
                    value=lat error=Signal::derive(|| None::<FieldError>) inputmode="decimal" />
                <TextField id="lon" label=Signal::derive(move || i18n.c(C::Longitude))
                    value=lon error=Signal::derive(|| None::<FieldError>) inputmode="decimal" />
                {move || point_error.get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </fieldset>
            <TextField id="estimated_cost" label=Signal::derive(move || i18n.c(C::EstimatedCost))
                hint=Signal::derive(move || i18n.c(C::CostHint))
                value=cost error=err("estimated_cost") inputmode="decimal" required=true />
            <SelectField id="category" label=Signal::derive(move || i18n.c(C::Category)) value=category error=err("category")>
                <option value="">{move || i18n.t(Msg::ChooseOption)}</option>
                {CATEGORIES.into_iter().map(|c| view! {
                    <option value=c>{move || i18n.c(category_name(c))}</option>
                }).collect_view()}
            </SelectField>
            <div class="field" class:field-invalid=move || err("photos").get().is_some()>
                <label for="photos">{move || i18n.c(C::Photos)}</label>
                <p class="hint" id="photos-hint">{move || i18n.c(C::PhotosHint)}</p>
                <input id="photos" type="file" multiple accept="image/png,image/jpeg" node_ref=photos_ref
                    aria-describedby="photos-hint"
                    aria-invalid=move || err("photos").get().is_some().then_some("true") />
                {move || err("photos").get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
            <ErrorAlert error=error />
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Msg::Sending) } else { i18n.c(C::SubmitProposal) }}
            </button>
        </form>
    }
}
