//! `/civic-budget/:edition/results`: the results of a closed edition — the totals; per
//! pool a bar chart and a table of the projects by votes, each with why it was or was not
//! funded and the funding line; the turnout by district and by age; the published
//! ballots (`.pb`); checking a receipt code; and the way to re-count it yourself.
//!
//! The bars are SVG `<rect width>` attributes: the Content-Security-Policy
//! (`style-src 'self'`) refuses inline `style` widths.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::civic::{Count, Edition, PoolResult, ProjectResult, Results, Verdict};
use models::error::ErrorCode;
use models::pb::Rule;

use super::{field_of, money, rule_sentence};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, I18n, Msg, use_i18n};

/// Percent-encodes a query value.
fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The results page; before the office closes voting, says when they come.
#[component]
pub fn ResultsPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let edition = api::civic::edition(&id).await?;
            let results = api::civic::results(&id).await;
            Ok::<_, ApiError>((edition, results))
        }
    });
    use_title(move || {
        let title = data.get().and_then(Result::ok).map(|(e, _)| e.title);
        i18n.c(C::ResultsOf)
            .replace("{title}", &title.unwrap_or_default())
    });
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || data.get().map(|result| match result {
                Ok((edition, Ok(results))) => view! { <ResultsView edition results /> }.into_any(),
                Ok((edition, Err(e))) => view! {
                    <h1>{i18n.c(C::ResultsOf).replace("{title}", &edition.title)}</h1>
                    {if e.code == ErrorCode::WrongPhase {
                        view! { <p class="notice">{i18n.c(C::ResultsNotYet)}</p> }.into_any()
                    } else {
                        view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any()
                    }}
                    <p><A href=format!("/civic-budget/{}", edition.id)>{i18n.c(C::BackToEdition)}</A></p>
                }.into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// The totals, every pool, the turnout, the receipt check and the recount link.
#[component]
fn ResultsView(edition: Edition, results: Results) -> impl IntoView {
    let i18n = use_i18n();
    let Results {
        rule,
        ballots,
        paper_ballots,
        pools,
        by_district,
        by_age,
        ..
    } = results;
    let id = edition.id;
    let title = edition.title;
    view! {
        <h1>{move || i18n.c(C::ResultsOf).replace("{title}", &title)}</h1>
        <p>{move || i18n.c(rule_sentence(rule))}</p>
        <dl class="facts">
            <dt>{move || i18n.c(C::BallotsCounted)}</dt><dd>{ballots}</dd>
            <dt>{move || i18n.c(C::PaperBallots)}</dt><dd>{paper_ballots}</dd>
        </dl>
        {pools.into_iter().map(|pool| view! { <PoolResults edition_id=id.clone() pool rule /> }).collect_view()}
        <h2>{move || i18n.c(C::Turnout)}</h2>
        {(!by_district.is_empty()).then(|| view! { <CountTable caption=C::ByDistrict label=C::DistrictColumn counts=by_district /> })}
        <CountTable caption=C::ByAge label=C::AgeBand counts=by_age />
        <ReceiptCheckForm edition_id=id.clone() />
        <h2>{move || i18n.c(C::RecountTitle)}</h2>
        <p>{move || i18n.c(C::RecountLead)}</p>
        <p><A href="/civic-budget/recount">{move || i18n.c(C::RecountLink)}</A></p>
        <p><A href=format!("/civic-budget/{id}")>{move || i18n.c(C::BackToEdition)}</A></p>
    }
}

/// Why a project was or was not funded, in words.
fn verdict_text(i18n: I18n, v: &Verdict) -> String {
    match v {
        Verdict::Funded { order } => i18n
            .c(C::VerdictFunded)
            .replace("{order}", &order.to_string()),
        Verdict::NotEnoughMoney { left } => {
            i18n.c(C::VerdictNoMoney).replace("{left}", &money(*left))
        }
        Verdict::SharesTooSmall => i18n.c(C::VerdictShares).to_owned(),
        Verdict::Conflict { with } => i18n.c(C::VerdictConflict).replace("{n}", &with.to_string()),
        Verdict::NoVotes => i18n.c(C::VerdictNoVotes).to_owned(),
    }
}

/// Whether the rule funded the project.
fn funded(r: &ProjectResult) -> bool {
    matches!(r.verdict, Verdict::Funded { .. })
}

/// One pool: its money, the chart, the table, the ballots file and its re-count.
#[component]
fn PoolResults(edition_id: String, pool: PoolResult, rule: Rule) -> impl IntoView {
    let i18n = use_i18n();
    let mut rows = pool.projects;
    rows.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.number.cmp(&b.number)));
    let max = rows.iter().map(|r| r.votes).max().unwrap_or(0);
    // Greedy funds in the order of votes, so the funding line falls after the last funded
    // project; under equal shares the funded ones need not be the top ones.
    let line = if rule == Rule::Greedy {
        rows.iter()
            .rposition(funded)
            .filter(|&i| i + 1 < rows.len())
    } else {
        None
    };
    // Children are built before their parent's attributes: each id gets its own copy.
    let heading = format!("pool-{}", pool.pool_id);
    let heading_ref = heading.clone();
    let caption = format!("pool-{}-caption", pool.pool_id);
    let caption_ref = caption.clone();
    let download = api::civic::ballots_url(&edition_id, &pool.pool_id);
    let file = format!("{}.pb", pool.name);
    let recount = format!(
        "/civic-budget/recount?edition={}&pool={}&rule={}",
        enc(&edition_id),
        enc(&pool.pool_id),
        rule.as_str()
    );
    let (budget, spent, ballots, name) = (pool.budget, pool.spent, pool.ballots, pool.name);
    let rows = StoredValue::new(rows);
    let number = move |n: u32| i18n.c(C::NumberN).replace("{n}", &n.to_string());
    view! {
        <section class="pool-results" aria-labelledby=heading_ref>
            <h2 id=heading>{name.clone()}</h2>
            <p>{move || i18n.c(C::PoolSummary)
                .replace("{budget}", &money(budget))
                .replace("{spent}", &money(spent))
                .replace("{ballots}", &ballots.to_string())}</p>
            // The chart repeats the table below, which is what assistive technology reads.
            <figure class="bars" aria-hidden="true">
                <ol class="bar-list">
                    {move || rows.with_value(|rows| rows.iter().enumerate().map(|(i, r)| {
                        let width = if max == 0 { 0.0 } else { r.votes as f64 * 100.0 / max as f64 };
                        view! {
                            <li class="bar-row" class:funded=funded(r)>
                                <span class="bar-label">{format!("{}: {}", number(r.number), r.title)}</span>
                                <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                                    <rect class="bar-fill" x="0" y="0" height="10" width=format!("{width:.2}") />
                                </svg>
                                <span class="bar-value">
                                    {r.votes}{funded(r).then(|| format!(" — {}", i18n.c(C::Funded)))}
                                </span>
                                <svg class="bar bar-cost" viewBox="0 0 100 6" preserveAspectRatio="none" focusable="false">
                                    <rect class="bar-fill" x="0" y="0" height="6"
                                        width=format!("{:.2}", (r.cost as f64 * 100.0 / budget.max(1) as f64).min(100.0)) />
                                </svg>
                                <span class="bar-value">{money(r.cost)}</span>
                            </li>
                            {(line == Some(i)).then(|| view! { <li class="funding-line">{i18n.c(C::FundingLine)}</li> })}
                        }
                    }).collect_view())}
                </ol>
            </figure>
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby=caption_ref>
                <table class="data results-table">
                    <caption id=caption>{move || i18n.c(C::ResultsTable).replace("{pool}", &name)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.c(C::Number)}</th>
                            <th scope="col">{move || i18n.c(C::Project)}</th>
                            <th scope="col">{move || i18n.c(C::Cost)}</th>
                            <th scope="col">{move || i18n.c(C::Votes)}</th>
                            <th scope="col">{move || i18n.c(C::Outcome)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.with_value(|rows| rows.iter().enumerate().map(|(i, r)| view! {
                            <tr class:funded=funded(r)>
                                <th scope="row">{r.number}</th>
                                <td>{r.title.clone()}</td>
                                <td>{money(r.cost)}</td>
                                <td>{r.votes}</td>
                                <td>{verdict_text(i18n, &r.verdict)}</td>
                            </tr>
                            {(line == Some(i)).then(|| view! {
                                <tr class="funding-line"><td colspan="5">{i18n.c(C::FundingLineNote)}</td></tr>
                            })}
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="actions">
                <a href=download download=file>{move || i18n.c(C::DownloadPb)}</a>
                <A href=recount>{move || i18n.c(C::RecountPool)}</A>
            </p>
        </section>
    }
}

/// Ballots under labels (districts or age bands) as a small table.
#[component]
fn CountTable(caption: C, label: C, counts: Vec<Count>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data counts">
            <caption>{move || i18n.c(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.c(label)}</th>
                    <th scope="col">{move || i18n.c(C::Ballots)}</th>
                </tr>
            </thead>
            <tbody>
                {counts.into_iter().map(|c| {
                    let unknown = c.label == "?";
                    view! {
                        <tr>
                            <th scope="row">{move || if unknown { i18n.c(C::Unknown).to_owned() } else { c.label.clone() }}</th>
                            <td>{c.ballots}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Whether a receipt code is among the counted ballots.
#[component]
fn ReceiptCheckForm(edition_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<bool>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        answer.set(None);
        let (id, typed) = (edition_id.clone(), code.get_untracked());
        spawn_local(async move {
            match api::civic::check_receipt(&id, &typed).await {
                Ok(check) => answer.set(check.counted),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="receipt-check-title">
            <h2 id="receipt-check-title">{move || i18n.c(C::CheckReceiptTitle)}</h2>
            <p>{move || i18n.c(C::CheckReceiptLead)}</p>
            <form novalidate on:submit=submit>
                <TextField id="receipt-code-input" label=Signal::derive(move || i18n.c(C::ReceiptCode))
                    value=code error=field_of(error, "code") />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.c(C::Check)}</button>
            </form>
            <div role="status" class="status-region">
                {move || answer.get().map(|counted| if counted {
                    view! { <p class="alert alert-success">{i18n.c(C::ReceiptCounted)}</p> }.into_any()
                } else {
                    view! { <p class="alert alert-error">{i18n.c(C::ReceiptNotCounted)}</p> }.into_any()
                })}
            </div>
        </section>
    }
}
