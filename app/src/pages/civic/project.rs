//! `/civic-budget/projects/:id`: one project — its facts, description and the history of
//! its verification; the author's appeal against a rejection; and, for clerks and admins,
//! the verification of a submitted project and the decision on an appeal. The project is
//! reloaded after every action.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::civic::{Appeal, Edition, ProjectDetail, ProjectEvent, ProjectStatus, Verification};
use models::error::{ErrorCode, FieldError};

use super::{TextAreaField, category_name, field_of, is_officer, money, parse_zloty, status_badge};
use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, I18n, Msg, use_i18n};
use crate::state::use_session;
use crate::time::warsaw;

/// What an action needs to report back.
#[derive(Debug, Clone, Copy)]
struct Act {
    reload: RwSignal<u32>,
    done: RwSignal<Option<&'static str>>,
}

/// The project, reloaded after every action.
#[component]
pub fn ProjectPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<&'static str>);
    let data = LocalResource::new(move || {
        let id = id.clone();
        reload.track();
        async move {
            let project = api::civic::project(&id).await?;
            let edition = api::civic::edition(&project.edition_id).await?;
            Ok::<_, ApiError>((project, edition))
        }
    });
    use_title(move || {
        data.get()
            .and_then(Result::ok)
            .map(|(p, _)| p.summary.title)
            .unwrap_or_else(|| i18n.c(C::Project).to_owned())
    });
    let act = Act { reload, done };
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || data.get().map(|result| match result {
                Ok((project, edition)) => view! { <ProjectView project edition act /> }.into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
        <StatusMessage text=done />
    }
}

/// The project's facts, description, history and the forms its status allows.
#[component]
fn ProjectView(project: ProjectDetail, edition: Edition, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let s = project.summary;
    let pool = edition
        .pools
        .iter()
        .find(|p| p.id == s.pool_id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let estimate = (project.estimated_cost != s.cost).then_some(project.estimated_cost);
    let map = s.point.map(|p| {
        format!(
            "https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=17/{0}/{1}",
            p.lat, p.lon
        )
    });
    let (id, status, cost, category) = (s.id.clone(), s.status, s.cost, s.category.clone());
    let history = project.history;
    let photos: Vec<(String, String)> = project
        .photos
        .iter()
        .enumerate()
        .map(|(i, name)| (format!("/api/civic/projects/{id}/photos/{i}"), name.clone()))
        .collect();
    let verify_id = id.clone();
    let decide_id = id.clone();
    view! {
        <h1>{s.title}</h1>
        <dl class="facts">
            <dt>{move || i18n.c(C::Number)}</dt><dd>{s.number}</dd>
            <dt>{move || i18n.t(Msg::Status)}</dt><dd>{status_badge(status)}</dd>
            <dt>{move || i18n.c(C::Pool)}</dt><dd>{pool}</dd>
            <dt>{move || i18n.c(C::Category)}</dt><dd>{move || i18n.c(category_name(&category))}</dd>
            <dt>{move || i18n.c(C::Location)}</dt>
            <dd>
                {s.location}
                {map.map(|href| view! { " (" <a href=href rel="external">{move || i18n.c(C::OnMap)}</a> ")" })}
            </dd>
            <dt>{move || i18n.c(C::Cost)}</dt>
            <dd>
                {money(cost)}
                {estimate.map(|e| view! { " " <span class="estimate">{move || i18n.c(C::AuthorsEstimate).replace("{cost}", &money(e))}</span> })}
            </dd>
            {s.conflict_group.map(|g| view! {
                <dt>{move || i18n.c(C::ConflictGroup)}</dt><dd>{g}</dd>
            })}
        </dl>
        <h2>{move || i18n.c(C::Description)}</h2>
        <p class="description">{project.description}</p>
        {(!photos.is_empty()).then(|| view! {
            <h2>{move || i18n.c(C::Gallery)}</h2>
            <ul class="photos">
                {photos.into_iter().map(|(src, name)| view! {
                    <li><img src=src alt=name loading="lazy" /></li>
                }).collect_view()}
            </ul>
        })}
        <h2>{move || i18n.c(C::History)}</h2>
        <ol class="timeline">
            {move || history.iter().map(|e| history_item(i18n, e)).collect_view()}
        </ol>
        {project.can_appeal.then(|| view! { <AppealForm id=id.clone() act /> })}
        {move || (is_officer(session) && status == ProjectStatus::Submitted).then(|| view! {
            <VerifyForm id=verify_id.clone() cost act />
        })}
        {move || (is_officer(session) && status == ProjectStatus::Appealed).then(|| view! {
            <DecisionForm id=decide_id.clone() act />
        })}
        <p><A href=format!("/civic-budget/{}", project.edition_id)>{move || i18n.c(C::BackToEdition)}</A></p>
    }
}

/// One step of the project's history.
fn history_item(i18n: I18n, e: &ProjectEvent) -> impl IntoView + use<> {
    let kind = match e.kind.as_str() {
        "submitted" => Some(C::EvSubmitted),
        "cost_adjusted" => Some(C::EvCostAdjusted),
        "accepted" => Some(C::EvAccepted),
        "rejected" => Some(C::EvRejected),
        "appealed" => Some(C::EvAppealed),
        "appeal_upheld" => Some(C::EvAppealUpheld),
        "appeal_dismissed" => Some(C::EvAppealDismissed),
        _ => None,
    };
    let name = kind.map_or_else(|| e.kind.clone(), |k| i18n.c(k).to_owned());
    let cost = e
        .cost
        .map(|c| i18n.c(C::NewCost).replace("{cost}", &money(c)));
    let note = (!e.note.trim().is_empty()).then(|| e.note.clone());
    view! {
        <li>
            <time class="when" datetime=e.at.clone()>{warsaw(&e.at, i18n.lang())}</time>" "
            <strong>{name}</strong>
            {cost.map(|c| view! { " — "{c} })}
            {note.map(|n| view! { <p class="note">{n}</p> })}
        </li>
    }
}

/// Runs an action on the project and reloads it when it succeeds.
fn run<F>(act: Act, busy: RwSignal<bool>, error: RwSignal<Option<ApiError>>, call: F)
where
    F: std::future::Future<Output = Result<ProjectDetail, ApiError>> + 'static,
{
    busy.set(true);
    error.set(None);
    act.done.set(None);
    spawn_local(async move {
        match call.await {
            Ok(_) => {
                act.done.set(Some(C::Saved.text(crate::i18n::current())));
                act.reload.update(|n| *n += 1);
            }
            Err(e) => error.set(Some(e)),
        }
        busy.set(false);
    });
}

/// The author's appeal against a rejection.
#[component]
fn AppealForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = Appeal {
            reason: reason.get_untracked(),
            upheld: None,
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::civic::appeal(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="appeal-title">
            <h2 id="appeal-title">{move || i18n.c(C::AppealTitle)}</h2>
            <p>{move || i18n.c(C::AppealLead)}</p>
            <form novalidate on:submit=submit>
                <TextAreaField id="appeal-reason" label=Signal::derive(move || i18n.c(C::AppealReason))
                    value=reason error=field_of(error, "reason") maxlength="2000" />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.c(C::SendAppeal)}</button>
            </form>
        </section>
    }
}

/// The office's verification of a submitted project.
#[component]
fn VerifyForm(id: String, cost: i64, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let accept = RwSignal::new(true);
    let new_cost = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // Empty keeps the current cost; anything else must be an amount.
        let typed = new_cost.get_untracked();
        let verified = parse_zloty(&typed);
        if verified.is_none() && !typed.trim().is_empty() {
            let mut e = ApiError::new(ErrorCode::ValidationFailed);
            e.0.fields.insert("cost".into(), FieldError::WrongType);
            error.set(Some(e));
            return;
        }
        let group = group.get_untracked();
        let body = Verification {
            accept: accept.get_untracked(),
            cost: verified,
            reason: reason.get_untracked(),
            conflict_group: Some(group.trim().to_owned()).filter(|g| !g.is_empty()),
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::civic::verify(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="verify-title">
            <h2 id="verify-title">{move || i18n.c(C::VerifyTitle)}</h2>
            <form novalidate on:submit=submit>
                <fieldset class="choices">
                    <legend>{move || i18n.c(C::VerifyOutcome)}</legend>
                    <label><input type="radio" name="verify-accept" prop:checked=move || accept.get()
                        on:change=move |_| accept.set(true) />" "{move || i18n.c(C::AcceptProject)}</label>
                    <label><input type="radio" name="verify-accept" prop:checked=move || !accept.get()
                        on:change=move |_| accept.set(false) />" "{move || i18n.c(C::RejectProject)}</label>
                </fieldset>
                <TextField id="verify-cost" label=Signal::derive(move || i18n.c(C::VerifiedCost))
                    hint=Signal::derive(move || i18n.c(C::VerifiedCostHint))
                    value=new_cost error=field_of(error, "cost") inputmode="decimal" />
                <p class="hint">{move || i18n.c(C::CurrentCost).replace("{cost}", &money(cost))}</p>
                <TextAreaField id="verify-reason" label=Signal::derive(move || i18n.c(C::VerifyReason))
                    value=reason error=field_of(error, "reason") maxlength="2000" />
                <TextField id="verify-group" label=Signal::derive(move || i18n.c(C::ConflictGroup))
                    hint=Signal::derive(move || i18n.c(C::ConflictGroupHint))
                    value=group error=field_of(error, "conflict_group") />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.c(C::SaveVerification)}</button>
            </form>
        </section>
    }
}

/// The office's decision on an appeal.
#[component]
fn DecisionForm(id: String, act: Act) -> impl IntoView {
    let i18n = use_i18n();
    let upheld = RwSignal::new(true);
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = Appeal {
            reason: reason.get_untracked(),
            upheld: Some(upheld.get_untracked()),
        };
        let id = id.clone();
        run(act, busy, error, async move {
            api::civic::decide_appeal(&id, &body).await
        });
    };
    view! {
        <section class="panel" aria-labelledby="decision-title">
            <h2 id="decision-title">{move || i18n.c(C::DecideAppeal)}</h2>
            <form novalidate on:submit=submit>
                <fieldset class="choices">
                    <legend>{move || i18n.c(C::DecideAppeal)}</legend>
                    <label><input type="radio" name="appeal-upheld" prop:checked=move || upheld.get()
                        on:change=move |_| upheld.set(true) />" "{move || i18n.c(C::Upheld)}</label>
                    <label><input type="radio" name="appeal-upheld" prop:checked=move || !upheld.get()
                        on:change=move |_| upheld.set(false) />" "{move || i18n.c(C::Dismissed)}</label>
                </fieldset>
                <TextAreaField id="decision-reason" label=Signal::derive(move || i18n.c(C::DecisionReason))
                    value=reason error=field_of(error, "reason") maxlength="2000" />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.c(C::SaveDecision)}</button>
            </form>
        </section>
    }
}
