//! `/public-info/budget[/YEAR]`: the budget of a year — totals, a chart of the largest
//! spending areas (plan after changes against execution, with the same figures as
//! text), and the classification tree, searchable, as nested disclosure widgets.

use leptos::prelude::*;
use leptos_router::components::A;
use models::info::budget::{Budget, BudgetNode, Side, total};
use models::lang::Lang;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::money::money_short;
use crate::components::page::use_title;
use crate::i18n::{Info as I, Msg, use_i18n};

/// Tenths of a per cent, e.g. `83,9 %` (`83.9%` in English).
pub fn percent(permille: Option<i64>, lang: Lang) -> String {
    match permille {
        None => "—".into(),
        Some(p) => {
            let text = format!(
                "{}{}{}",
                p / 10,
                if lang == Lang::En { "." } else { "," },
                p % 10
            );
            if lang == Lang::En {
                format!("{text}%")
            } else {
                format!("{text}\u{A0}%")
            }
        }
    }
}

/// The budget page of `year`, or of the newest year.
#[component]
pub fn BudgetPage(year: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.pi(I::Budget).to_owned());
    let years = LocalResource::new(api::info::budget_years);
    view! {
        <h1>{move || i18n.pi(I::Budget)}</h1>
        <p class="lead">{move || i18n.pi(I::BudgetDesc)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || years.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! { <p>{i18n.pi(I::NoBudget)}</p> }.into_any(),
                Ok(list) => {
                    let chosen = year.unwrap_or(list[0].year);
                    let years: Vec<i32> = list.iter().map(|y| y.year).collect();
                    view! {
                        <nav class="year-nav" aria-label=i18n.pi(I::Year)>
                            <ul>
                                {years.into_iter().map(|y| {
                                    let href = format!("/public-info/budget/{y}");
                                    let current = y == chosen;
                                    view! { <li><A href=href attr:aria-current=current.then_some("page")>{y}</A></li> }
                                }).collect_view()}
                            </ul>
                        </nav>
                        <YearView year=chosen />
                    }.into_any()
                }
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn YearView(year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let budget = LocalResource::new(move || api::info::budget(year));
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || budget.get().map(|r| match r {
                Ok(b) => view! { <YearBody budget=b /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn YearBody(budget: Budget) -> impl IntoView {
    let i18n = use_i18n();
    let side = RwSignal::new(Side::Spending);
    let query = RwSignal::new(String::new());
    let (income, spending) = (total(&budget.income), total(&budget.spending));
    let balance = income.planned() - spending.planned();
    let Budget {
        year,
        as_of,
        income: income_tree,
        spending: spending_tree,
        ..
    } = budget;
    let chart = spending_tree.clone();
    let shown = move || {
        let nodes = if side.get() == Side::Spending {
            &spending_tree
        } else {
            &income_tree
        };
        let q = query.get();
        nodes
            .iter()
            .filter_map(|n| n.filtered(&q))
            .collect::<Vec<_>>()
    };
    let dataset = models::info::budget_dataset(year);
    let (csv, json) = (
        api::info::file_url(&dataset, "latest", "data.csv"),
        api::info::file_url(&dataset, "latest", "data.json"),
    );
    let toggle = move |value: Side, label: I| {
        view! {
            <button type="button" class="toggle" aria-pressed=move || (side.get() == value).to_string()
                on:click=move |_| side.set(value)>{move || i18n.pi(label)}</button>
        }
    };
    view! {
        <p>{move || i18n.pi(I::AsOf).replace("{date}", &as_of)}</p>
        <dl class="facts budget-totals">
            <dt>{move || i18n.pi(I::Income)}</dt>
            <dd><Amounts node=income.clone() /></dd>
            <dt>{move || i18n.pi(I::Spending)}</dt>
            <dd><Amounts node=spending.clone() /></dd>
            <dt>{move || i18n.pi(I::Balance)}</dt>
            <dd>{money_short(balance)}</dd>
        </dl>
        <Chart nodes=chart />
        <h2 id="budget-tree">{move || i18n.pi(I::Tree)}</h2>
        <div class="budget-tools">
            <div role="group" class="toggles" aria-label=move || i18n.pi(I::Side)>
                {toggle(Side::Spending, I::Spending)}
                {toggle(Side::Income, I::Income)}
            </div>
            <div class="field">
                <label for="budget-q">{move || i18n.pi(I::Search)}</label>
                <p class="hint" id="budget-q-hint">{move || i18n.pi(I::BudgetSearchHint)}</p>
                <input id="budget-q" type="search" aria-describedby="budget-q-hint" prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev)) />
            </div>
        </div>
        {move || {
            let nodes = shown();
            let open = !query.get().trim().is_empty();
            if nodes.is_empty() {
                view! { <p role="status">{i18n.pi(I::NoMatch)}</p> }.into_any()
            } else {
                view! { <ul class="budget-tree">{nodes.into_iter().map(|n| view! { <Node node=n level=0 open=open /> }).collect_view()}</ul> }.into_any()
            }
        }}
        <p class="downloads">
            {move || i18n.pi(I::Download)} ": "
            <a href=csv.clone() download="">"CSV"</a> " · " <a href=json.clone() download="">"JSON"</a>
            " · " <A href="/public-info/data">{move || i18n.pi(I::OpenData)}</A>
        </p>
    }
}

/// Plan after changes and executed, with the share.
#[component]
fn Amounts(node: BudgetNode) -> impl IntoView {
    let i18n = use_i18n();
    let (planned, executed, share) = (node.planned(), node.executed, node.executed_permille());
    view! {
        <span class="amounts">
            <span>{move || i18n.pi(I::Planned)} ": " <strong>{money_short(planned)}</strong></span>
            <span>{move || i18n.pi(I::Executed)} ": " <strong>{money_short(executed)}</strong>
                " (" {move || percent(share, i18n.lang())} " " {move || i18n.pi(I::Share)} ")"</span>
        </span>
    }
}

/// A dział or rozdział as a disclosure widget; a paragraph as an item with every amount.
#[component]
fn Node(node: BudgetNode, level: u8, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let label = format!("{} {}", node.code, node.name);
    if node.children.is_empty() {
        let (plan, changes) = (node.plan, node.changes);
        return view! {
            <li class="budget-leaf">
                <span class="budget-name">"§ " {label}</span>
                <Amounts node=node />
                <span class="amounts-detail">{move || i18n.pi(I::Plan)} ": " {money_short(plan)} " · "
                    {move || i18n.pi(I::Changes)} ": " {money_short(changes)}</span>
            </li>
        }
        .into_any();
    }
    let children = node.children.clone();
    view! {
        <li>
            <details open=open class=format!("budget-level-{level}")>
                <summary>
                    <span class="budget-name">{label}</span>
                    <Amounts node=BudgetNode { children: Vec::new(), ..node } />
                </summary>
                <ul>{children.into_iter().map(|c| view! { <Node node=c level=level + 1 open=open /> }).collect_view()}</ul>
            </details>
        </li>
    }
    .into_any()
}

/// The eight largest spending działy: bars (decorative) and the figures as text.
#[component]
fn Chart(nodes: Vec<BudgetNode>) -> impl IntoView {
    let i18n = use_i18n();
    let mut nodes = nodes;
    nodes.sort_by_key(|n| std::cmp::Reverse(n.planned()));
    nodes.truncate(8);
    let max = nodes.first().map_or(1, |n| n.planned().max(1));
    let width = move |v: i64| format!("{:.2}", (v.max(0) as f64) * 100.0 / max as f64);
    view! {
        <figure class="budget-chart">
            <figcaption>
                <strong>{move || i18n.pi(I::Chart)}</strong>
                <span class="hint">{move || i18n.pi(I::ChartNote)}</span>
            </figcaption>
            <ol>
                {nodes.into_iter().map(|n| {
                    let (wp, we) = (width(n.planned()), width(n.executed));
                    view! {
                        <li>
                            <span class="budget-name">{format!("{} {}", n.code, n.name)}</span>
                            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                <rect class="bar-plan" x="0" y="0" width=wp height="10" />
                                <rect class="bar-done" x="0" y="2.5" width=we height="5" />
                            </svg>
                            <Amounts node=n />
                        </li>
                    }
                }).collect_view()}
            </ol>
        </figure>
    }
}
