//! `/civic-budget/recount?edition=&pool=&rule=`: "re-count it yourself". Anyone loads a
//! pool's published ballots (or a `.pb` file of their own), picks a rule and counts in
//! the browser with the very code the office counts with (`models::pb`); when a
//! published pool is chosen, the page says whether the count agrees with its official
//! results (the `.pb` project ids are the projects' ballot numbers).

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::civic::{Edition, Verdict};
use models::pb::{self, Rule};
use wasm_bindgen::JsCast;

use super::money;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, I18n, use_i18n};

/// The official outcome of a pool: its funded numbers and the rule it was counted with.
type Official = (Vec<String>, Rule);

/// What the count found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Recounted {
    /// Not a valid `.pb` file.
    Refused { line: usize, message: String },
    /// Counted.
    Counted {
        source: String,
        projects: usize,
        ballots: usize,
        selected: Vec<String>,
        /// Whole złoty.
        total_cost: i64,
        /// Whether it agrees with the official results, and whether they used this rule.
        official: Option<(bool, bool)>,
    },
}

/// Counts a `.pb` text with a rule and compares the funded projects (as a set) with the
/// official ones, if given.
fn recount(text: &str, rule: Rule, source: String, official: Option<Official>) -> Recounted {
    let election = match pb::parse(text) {
        Ok(election) => election,
        Err(e) => {
            return Recounted::Refused {
                line: e.line,
                message: e.message,
            };
        }
    };
    let outcome = pb::tally(&election, rule);
    let official = official.map(|(mut funded, official_rule)| {
        let mut ours = outcome.selected.clone();
        ours.sort();
        funded.sort();
        (ours == funded, official_rule == rule)
    });
    Recounted::Counted {
        source,
        projects: election.projects.len(),
        ballots: election.ballots.len(),
        selected: outcome.selected,
        total_cost: outcome.total_cost,
        official,
    }
}

/// "Edition — pool" for a select value `edition/pool`.
fn pool_label(list: &[Edition], edition: &str, pool: &str) -> Option<String> {
    let e = list.iter().find(|e| e.id == edition)?;
    let p = e.pools.iter().find(|p| p.id == pool)?;
    Some(format!("{} — {}", e.title, p.name))
}

/// The recount page.
#[component]
pub fn Recount() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    use_title(move || i18n.c(C::RecountTitle).to_owned());
    let editions = LocalResource::new(api::civic::editions);
    let chosen = RwSignal::new(
        query.with_untracked(|q| match (q.get("edition"), q.get("pool")) {
            (Some(e), Some(p)) => format!("{e}/{p}"),
            _ => String::new(),
        }),
    );
    let rule = RwSignal::new(
        query
            .with_untracked(|q| q.get("rule"))
            .filter(|r| Rule::parse(r).is_some())
            .unwrap_or_else(|| Rule::Greedy.as_str().to_owned()),
    );
    let file = RwSignal::new(None::<(String, String)>);
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<Recounted>);
    let error = RwSignal::new(None::<ApiError>);
    let missing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        // A published pool is counted with its edition's rule unless the person changes it.
        let official_rule = editions
            .get_untracked()
            .and_then(Result::ok)
            .and_then(|list| {
                let (e, _) = value.split_once('/')?;
                list.iter().find(|x| x.id == e).map(|x| x.rules.rule)
            });
        if let Some(r) = official_rule {
            rule.set(r.as_str().to_owned());
        }
        chosen.set(value);
        outcome.set(None);
    };
    let file_chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        outcome.set(None);
        let Some(chosen_file) = input.files().and_then(|f| f.get(0)) else {
            file.set(None);
            return;
        };
        let name = chosen_file.name();
        spawn_local(async move {
            if let Ok(value) = wasm_bindgen_futures::JsFuture::from(chosen_file.text()).await {
                file.set(Some((name, value.as_string().unwrap_or_default())));
            }
        });
    };
    let forget_file = move |_: leptos::ev::MouseEvent| {
        if let Some(input) = file_ref.get_untracked() {
            input.set_value("");
        }
        file.set(None);
        outcome.set(None);
    };
    let count = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(rule_now) = Rule::parse(&rule.get_untracked()) else {
            return;
        };
        let pool = chosen.with_untracked(|c| {
            c.split_once('/')
                .filter(|(e, p)| !e.is_empty() && !p.is_empty())
                .map(|(e, p)| (e.to_owned(), p.to_owned()))
        });
        let local = file.get_untracked();
        missing.set(local.is_none() && pool.is_none());
        if local.is_none() && pool.is_none() {
            return;
        }
        let label = pool.as_ref().and_then(|(e, p)| {
            editions
                .get_untracked()
                .and_then(Result::ok)
                .and_then(|list| pool_label(&list, e, p))
        });
        busy.set(true);
        error.set(None);
        outcome.set(None);
        spawn_local(async move {
            let (name, text) = match (local, &pool) {
                (Some(loaded), _) => loaded,
                (None, Some((e, p))) => match api::civic::ballots(e, p).await {
                    Ok(text) => (label.unwrap_or_default(), text),
                    Err(err) => {
                        error.set(Some(err));
                        busy.set(false);
                        return;
                    }
                },
                (None, None) => {
                    busy.set(false);
                    return;
                }
            };
            let official = match &pool {
                Some((e, p)) => official_of(e, p).await,
                None => None,
            };
            // Let "Counting…" paint before the count takes the thread.
            set_timeout(
                move || {
                    outcome.set(Some(recount(&text, rule_now, name, official)));
                    busy.set(false);
                },
                Duration::from_millis(30),
            );
        });
    };
    view! {
        <h1>{move || i18n.c(C::RecountTitle)}</h1>
        <p class="lead">{move || i18n.c(C::RecountLead)}</p>
        <form novalidate on:submit=count class="stack">
            <div class="field">
                <label for="recount-pool">{move || i18n.c(C::PublishedBallots)}</label>
                <select id="recount-pool" prop:value=move || chosen.get() on:change=choose>
                    <option value="">{move || i18n.c(C::NoPool)}</option>
                    {move || editions.get().and_then(Result::ok).map(|list| {
                        let now = chosen.get_untracked();
                        list.into_iter().filter(|e| e.closed_at.is_some()).map(|e| view! {
                            <optgroup label=e.title.clone()>
                                {e.pools.iter().map(|p| {
                                    let value = format!("{}/{}", e.id, p.id);
                                    view! { <option value=value.clone() selected={now == value}>{p.name.clone()}</option> }
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()
                    })}
                </select>
            </div>
            <div class="field">
                <label for="recount-file">{move || i18n.c(C::OwnFile)}</label>
                <p class="hint" id="recount-file-hint">{move || i18n.c(C::OwnFileHint)}</p>
                <input id="recount-file" type="file" accept=".pb,text/plain" aria-describedby="recount-file-hint"
                    node_ref=file_ref on:change=file_chosen />
                {move || file.with(|f| f.as_ref().map(|(name, _)| name.clone())).map(|name| view! {
                    <p>
                        {i18n.c(C::FileLoaded).replace("{name}", &name)}" "
                        <button type="button" class="button button-secondary" on:click=forget_file>{i18n.c(C::ForgetFile)}</button>
                    </p>
                })}
            </div>
            <div class="field">
                <label for="recount-rule">{move || i18n.c(C::CountingRule)}</label>
                <select id="recount-rule" prop:value=move || rule.get()
                    on:change=move |ev| { rule.set(event_target_value(&ev)); outcome.set(None); }>
                    <option value="greedy" selected={rule.get_untracked() == "greedy"}>{move || i18n.c(C::RuleGreedyName)}</option>
                    <option value="mes" selected={rule.get_untracked() == "mes"}>{move || i18n.c(C::RuleMesName)}</option>
                </select>
            </div>
            {move || missing.get().then(|| view! { <p class="field-error">{i18n.c(C::ChooseSource)}</p> })}
            {move || editions.get().and_then(Result::err).map(|e| view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> })}
            <ErrorAlert error=error />
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {move || if busy.get() { i18n.c(C::Counting) } else { i18n.c(C::Count) }}
            </button>
        </form>
        <div role="status" class="status-region">
            {move || outcome.get().map(|o| outcome_view(i18n, o))}
        </div>
        <p><A href="/civic-budget">{move || i18n.c(C::AllEditions)}</A></p>
    }
}

/// The official funded projects of a pool, when the results are published.
async fn official_of(edition: &str, pool: &str) -> Option<Official> {
    let results = api::civic::results(edition).await.ok()?;
    let pool = results.pools.into_iter().find(|p| p.pool_id == pool)?;
    let funded = pool
        .projects
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Funded { .. }))
        .map(|r| r.number.to_string())
        .collect();
    Some((funded, results.rule))
}

/// What the count found, in words.
fn outcome_view(i18n: I18n, o: Recounted) -> AnyView {
    match o {
        Recounted::Refused { line, message } => {
            let place = if line == 0 {
                String::new()
            } else {
                format!("{}: ", i18n.c(C::LineN).replace("{n}", &line.to_string()))
            };
            view! { <p class="alert alert-error">{i18n.c(C::FileRefused)}" "{place}{message}</p> }
                .into_any()
        }
        Recounted::Counted {
            source,
            projects,
            ballots,
            selected,
            total_cost,
            official,
        } => {
            let funded = if selected.is_empty() {
                "—".to_owned()
            } else {
                selected.join(", ")
            };
            let sizes = i18n
                .c(C::ProjectsAndBallots)
                .replace("{projects}", &projects.to_string())
                .replace("{ballots}", &ballots.to_string());
            view! {
                <section class="panel" aria-labelledby="recount-outcome-title">
                    <h2 id="recount-outcome-title">{i18n.c(C::RecountOutcome)}</h2>
                    <dl class="facts">
                        <dt>{i18n.c(C::CountedWhat)}</dt><dd>{source}</dd>
                        <dt>{i18n.c(C::Size)}</dt><dd>{sizes}</dd>
                        <dt>{i18n.c(C::FundedInOrder)}</dt><dd>{funded}</dd>
                        <dt>{i18n.c(C::TotalCost)}</dt><dd>{money(total_cost.saturating_mul(100))}</dd>
                    </dl>
                    {official.map(|(agrees, same_rule)| {
                        let (class, text) = if agrees {
                            ("alert alert-success", C::Agrees)
                        } else {
                            ("alert alert-error", C::Differs)
                        };
                        view! {
                            <p class=class>{i18n.c(text)}</p>
                            {(!same_rule).then(|| view! { <p>{i18n.c(C::OtherRule)}</p> })}
                        }
                    })}
                </section>
            }.into_any()
        }
    }
}
