//! The basket: every citywide pool and the chosen district's, each project a checkbox,
//! with a live line of what is left and the validator's problems beside each pool.

use leptos::prelude::*;
use models::civic::{BallotKind, Edition, Pool, ProjectSummary, allowance_left};
use models::error::{ErrorCode, FieldError};
use models::validate::FieldErrors;

use super::{Step, Vote};
use crate::api::ApiError;
use crate::components::alert::ErrorAlert;
use crate::i18n::{Civic as C, I18n, use_i18n};
use crate::pages::civic::money;

/// The allowance left in a pool, in words.
fn allowance_text(
    i18n: I18n,
    edition: &Edition,
    pool: &Pool,
    chosen: &[&ProjectSummary],
) -> String {
    let left = allowance_left(edition, pool, chosen);
    let n = |x: i64| x.to_string();
    match edition.rules.ballot {
        BallotKind::Approval if left > 0 => i18n
            .c(C::LeftApproval)
            .replace("{n}", &n(left))
            .replace("{max}", &pool.max_choices.to_string()),
        BallotKind::ChooseOne if left > 0 => i18n.c(C::ChooseOneLeft).to_owned(),
        BallotKind::Approval | BallotKind::ChooseOne if left == 0 => i18n.c(C::LeftNone).to_owned(),
        BallotKind::Approval | BallotKind::ChooseOne => {
            i18n.c(C::TooManyChosen).replace("{n}", &n(-left))
        }
        BallotKind::CostLimited if left >= 0 => i18n
            .c(C::LeftMoney)
            .replace("{left}", &money(left))
            .replace("{budget}", &money(pool.budget)),
        BallotKind::CostLimited => i18n.c(C::OverBudget).replace("{over}", &money(-left)),
    }
}

/// The basket: every citywide pool, the district select and the district's pool.
#[component]
pub(super) fn Basket(vote: Vote, problems: Memo<FieldErrors>) -> impl IntoView {
    let i18n = use_i18n();
    let tried = RwSignal::new(false);
    let (districts, citywide): (Vec<Pool>, Vec<Pool>) = vote
        .edition
        .with_value(|e| e.pools.iter().cloned().partition(|p| p.district));
    let choose_district = (districts.len() > 1).then(|| view! {
        <div class="field">
            <label for="vote-district">{move || i18n.c(C::YourDistrict)}</label>
            <p class="hint" id="vote-district-hint">{move || i18n.c(C::DistrictHint)}</p>
            <select id="vote-district" aria-describedby="vote-district-hint"
                prop:value=move || vote.district.get()
                on:change=move |ev| { vote.district.set(event_target_value(&ev)); vote.server.set(FieldErrors::new()); }>
                <option value="">{move || i18n.c(C::NoDistrict)}</option>
                {districts.iter().map(|p| view! {
                    <option value=p.id.clone() selected={vote.district.get_untracked() == p.id}>{p.name.clone()}</option>
                }).collect_view()}
            </select>
        </div>
    });
    let districts = StoredValue::new(districts);
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if problems.with_untracked(|p| p.is_empty()) {
            vote.error.set(None);
            vote.go(Step::Review);
        } else {
            vote.error
                .set(Some(ApiError::new(ErrorCode::ValidationFailed)));
        }
    };
    // "Choose something" only once the voter tries to go on; the server's word at once.
    let overall = move || {
        let mine = problems
            .with(|p| p.get("choices").copied())
            .filter(|_| tried.get());
        let e = mine.or_else(|| vote.server.with(|s| s.get("choices").copied()))?;
        Some(match e {
            FieldError::Required => C::ChooseAtLeastOne,
            _ => C::OneDistrictOnly,
        })
    };
    view! {
        <h2 id="vote-step" tabindex="-1">{move || i18n.c(C::ChooseProjects)}</h2>
        <p>{move || i18n.c(C::ChooseLead)}</p>
        <form novalidate on:submit=review>
            {citywide.into_iter().map(|pool| view! { <PoolBasket vote problems pool /> }).collect_view()}
            {choose_district}
            {move || {
                let d = vote.district.get();
                districts
                    .with_value(|all| all.iter().find(|p| p.id == d).cloned())
                    .map(|pool| view! { <PoolBasket vote problems pool /> })
            }}
            {move || overall().map(|m| view! { <p class="field-error">{i18n.c(m)}</p> })}
            <ErrorAlert error=vote.error />
            <button type="submit" class="button">{move || i18n.c(C::ToReview)}</button>
        </form>
    }
}

/// One pool of the basket: its projects as checkboxes and a live line of what is left.
#[component]
fn PoolBasket(vote: Vote, problems: Memo<FieldErrors>, pool: Pool) -> impl IntoView {
    let i18n = use_i18n();
    let pool_id = pool.id.clone();
    let field = format!("pool:{}", pool.id);
    // Children are built before their parent's attributes: each use gets its own copy.
    let status_id = format!("pool-{}-status", pool.id);
    let described_by = status_id.clone();
    let items: Vec<ProjectSummary> = vote.projects.with_value(|all| {
        all.iter()
            .filter(|p| p.pool_id == pool.id)
            .cloned()
            .collect()
    });
    let legend = format!("{} — {}", pool.name, money(pool.budget));
    let at_least = (pool.min_choices > 1).then(|| pool.min_choices.to_string());
    let pool = StoredValue::new(pool);
    let status = {
        let pool_id = pool_id.clone();
        move || {
            let ids = vote.picks.with(|picks| {
                picks
                    .iter()
                    .find(|c| c.pool_id == pool_id)
                    .map(|c| c.projects.clone())
                    .unwrap_or_default()
            });
            vote.edition.with_value(|e| {
                vote.projects.with_value(|all| {
                    let chosen: Vec<&ProjectSummary> =
                        all.iter().filter(|p| ids.contains(&p.id)).collect();
                    pool.with_value(|pool| allowance_text(i18n, e, pool, &chosen))
                })
            })
        }
    };
    let problem = move || {
        problems
            .with(|p| p.get(&field).copied())
            .or_else(|| vote.server.with(|s| s.get(&field).copied()))
    };
    view! {
        <fieldset class="basket-pool" aria-describedby=described_by>
            <legend>{legend}</legend>
            {at_least.map(|n| view! { <p class="hint">{move || i18n.c(C::AtLeast).replace("{n}", &n)}</p> })}
            <div class="basket-status" id=status_id aria-live="polite">
                <p>{status}</p>
                {move || problem().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
            {items.is_empty().then(|| view! { <p>{move || i18n.c(C::NoProjectsHere)}</p> })}
            <ul class="basket-list">
                {items.into_iter().map(|p| {
                    let input_id = format!("choice-{}", p.id);
                    let (id, pool_id) = (p.id.clone(), pool_id.clone());
                    let checked = {
                        let (id, pool_id) = (id.clone(), pool_id.clone());
                        move || vote.picks.with(|all| all.iter().any(|c| c.pool_id == pool_id && c.projects.contains(&id)))
                    };
                    let number = p.number.to_string();
                    let title = p.title.clone();
                    view! {
                        <li class="basket-item">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked
                                on:change=move |ev| vote.toggle(&pool_id, &id, event_target_checked(&ev)) />
                            <label for=input_id>
                                <span class="basket-title">{move || i18n.c(C::NumberN).replace("{n}", &number)}": "{p.title}</span>
                                <span class="basket-meta">{money(p.cost)}" · "{p.location}</span>
                            </label>
                            <a class="basket-more" href=format!("/civic-budget/projects/{}", p.id) target="_blank" rel="noopener">
                                {move || i18n.c(C::Details)}
                                <span class="visually-hidden">{format!(": {title}")}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
