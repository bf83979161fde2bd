//! `/civic-budget/:edition?pool=&category=&q=`: one edition — where it stands, its
//! timetable, its rules in words, the pools with their money, and its projects, filtered
//! by pool, category and words kept in the address so a view can be shared.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::civic::{BallotKind, CATEGORIES, Edition, Phase, Pool, ProjectSummary, Timetable};

use super::{category_name, is_admin, is_officer, money, phase_name, rule_sentence, status_badge};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, I18n, Msg, use_i18n};
use crate::state::use_session;
use crate::time::warsaw;

/// The edition, loaded with its projects.
#[component]
pub fn EditionPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let edition = api::civic::edition(&id).await?;
            let projects = api::civic::projects(&id).await?;
            Ok::<_, ApiError>((edition, projects))
        }
    });
    use_title(move || {
        data.get()
            .and_then(Result::ok)
            .map(|(e, _)| e.title)
            .unwrap_or_else(|| i18n.t(Msg::NavCivicBudget).to_owned())
    });
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || data.get().map(|result| match result {
                Ok((edition, projects)) => view! { <EditionView edition projects /> }.into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
        <p><A href="/civic-budget">{move || i18n.c(C::AllEditions)}</A></p>
    }
}

/// The edition: phase, timetable, rules, pools and projects.
#[component]
fn EditionView(edition: Edition, projects: Vec<ProjectSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (phase, class) = phase_name(edition.phase);
    let base = format!("/civic-budget/{}", edition.id);
    let action = match edition.phase {
        Phase::Proposals => Some((format!("{base}/propose"), C::ProposeProject)),
        Phase::Voting => Some((format!("{base}/vote"), C::Vote)),
        Phase::Results => Some((format!("{base}/results"), C::Results)),
        _ => None,
    };
    let can_close = matches!(edition.phase, Phase::Voting | Phase::Counting);
    let id = edition.id.clone();
    let title = edition.title.clone();
    let (timetable, current, closed_at) = (
        edition.timetable.clone(),
        edition.phase,
        edition.closed_at.clone(),
    );
    let pools = edition.pools.clone();
    let for_rules = edition.clone();
    let manage = format!("/civic-budget/{}", edition.id);
    view! {
        <h1>{title}</h1>
        <p><span class=format!("badge {class}")>{move || i18n.c(phase)}</span></p>
        {action.map(|(href, label)| view! {
            <p class="actions"><A href=href attr:class="button button-big">{move || i18n.c(label)}</A></p>
        })}
        <h2>{move || i18n.c(C::Timetable)}</h2>
        <TimetableList timetable phase=current closed_at />
        <h2>{move || i18n.c(C::Rules)}</h2>
        <RulesText edition=for_rules />
        <h2>{move || i18n.c(C::Pools)}</h2>
        <PoolList edition />
        <h2>{move || i18n.c(C::Projects)}</h2>
        <ProjectList base pools projects />
        {move || (can_close && is_admin(session)).then(|| view! { <CloseVoting id=id.clone() /> })}
        {move || is_officer(session).then(|| view! {
            <p><A href=format!("{manage}/manage")>{move || i18n.c(C::Manage)}</A></p>
        })}
    }
}

/// The timetable as a definition list, the current stage marked in words too.
#[component]
fn TimetableList(timetable: Timetable, phase: Phase, closed_at: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = &timetable;
        let until = |date: &str| i18n.c(C::Until).replace("{date}", date);
        let results = match &closed_at {
            Some(at) => warsaw(at, i18n.lang()),
            None => i18n.c(C::AfterDate).replace("{date}", &t.voting_to),
        };
        let rows = [
            (
                Phase::Proposals,
                format!("{} – {}", t.proposals_from, t.proposals_to),
            ),
            (Phase::Verification, until(&t.verification_to)),
            (Phase::Appeals, until(&t.appeals_to)),
            (
                Phase::Voting,
                format!("{} – {}", t.voting_from, t.voting_to),
            ),
            (Phase::Results, results),
        ];
        view! {
            <dl class="timetable">
                {rows.into_iter().map(|(stage, dates)| {
                    // Counting is the last stage's first part.
                    let current = stage == phase || (stage == Phase::Results && phase == Phase::Counting);
                    let (name, _) = phase_name(if current { phase } else { stage });
                    view! {
                        <div class="stage" class:current=current aria-current=current.then_some("step")>
                            <dt>
                                {i18n.c(name)}
                                {current.then(|| view! { " "<span class="badge badge-now">{i18n.c(C::Now)}</span> })}
                            </dt>
                            <dd>{dates}</dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        }
    }
}

/// The rules in words: the ballot, the districts, the counting, who may vote.
#[component]
fn RulesText(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let rules = edition.rules;
    let ballot = match rules.ballot {
        BallotKind::Approval => C::BallotApproval,
        BallotKind::ChooseOne => C::BallotChooseOne,
        BallotKind::CostLimited => C::BallotCostLimited,
    };
    let rule = rule_sentence(rules.rule);
    let districts = edition.pools.iter().any(|p| p.district);
    let min_age = rules.min_age;
    let consent = rules.guardian_consent && min_age.is_some();
    let change = if rules.allow_change {
        C::ChangeAllowed
    } else {
        C::ChangeNotAllowed
    };
    view! {
        <ul class="rules">
            <li>{move || i18n.c(ballot)}</li>
            {districts.then(|| view! { <li>{move || i18n.c(C::OneDistrict)}</li> })}
            <li>{move || i18n.c(rule)}</li>
            {min_age.map(|age| view! { <li>{move || i18n.c(C::MinAge).replace("{age}", &age.to_string())}</li> })}
            {consent.then(|| view! { <li>{move || i18n.c(C::GuardianConsent)}</li> })}
            <li>{move || i18n.c(change)}</li>
        </ul>
    }
}

/// The pools with their budgets (and the most projects a ballot may choose).
#[component]
fn PoolList(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let approval = edition.rules.ballot == BallotKind::Approval;
    view! {
        <ul class="pools">
            {edition.pools.into_iter().map(|p| {
                let kind = if p.district { C::District } else { C::Citywide };
                let max = p.max_choices.to_string();
                view! {
                    <li>
                        <strong>{p.name}</strong>" ("{move || i18n.c(kind)}"): "{money(p.budget)}
                        {approval.then(|| view! { " — "{move || i18n.c(C::UpTo).replace("{n}", &max)} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The address of the project list with its filters.
fn filter_url(base: &str, pool: &str, category: &str, words: &str) -> String {
    let parts: Vec<String> = [("pool", pool), ("category", category), ("q", words.trim())]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect();
    if parts.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", parts.join("&"))
    }
}

/// The projects with the filters (pool, category, words) kept in the address.
#[component]
fn ProjectList(base: String, pools: Vec<Pool>, projects: Vec<ProjectSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let pool = move || query.with(|q| q.get("pool")).unwrap_or_default();
    let category = move || query.with(|q| q.get("category")).unwrap_or_default();
    let words = move || query.with(|q| q.get("q")).unwrap_or_default();
    let typed = RwSignal::new(words());
    let go = move |pool: String, category: String, words: String| {
        navigate(
            &filter_url(&base, &pool, &category, &words),
            Default::default(),
        );
    };
    let go_pool = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(event_target_value(&ev), category(), words())
    };
    let go_category = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(pool(), event_target_value(&ev), words())
    };
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(pool(), category(), typed.get_untracked());
    };
    let pools = StoredValue::new(pools);
    let shown = Memo::new(move |_| {
        let (pool, category, words) = (pool(), category(), words().to_lowercase());
        projects
            .iter()
            .filter(|p| pool.is_empty() || p.pool_id == pool)
            .filter(|p| category.is_empty() || p.category == category)
            .filter(|p| {
                words.is_empty()
                    || p.title.to_lowercase().contains(&words)
                    || p.location.to_lowercase().contains(&words)
                    || p.number.to_string() == words
            })
            .cloned()
            .collect::<Vec<_>>()
    });
    view! {
        <form class="filters" role="search" on:submit=search>
            <div class="field">
                <label for="filter-pool">{move || i18n.c(C::Pool)}</label>
                <select id="filter-pool" on:change=go_pool prop:value=pool>
                    <option value="">{move || i18n.c(C::AllPools)}</option>
                    {pools.with_value(|all| all.iter().map(|p| view! {
                        <option value=p.id.clone() selected={pool() == p.id}>{p.name.clone()}</option>
                    }).collect_view())}
                </select>
            </div>
            <div class="field">
                <label for="filter-category">{move || i18n.c(C::Category)}</label>
                <select id="filter-category" on:change=go_category prop:value=category>
                    <option value="">{move || i18n.c(C::AllCategories)}</option>
                    {CATEGORIES.into_iter().map(|c| view! {
                        <option value=c selected={category() == c}>{move || i18n.c(category_name(c))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-q">{move || i18n.c(C::SearchProjects)}</label>
                <div class="search-row">
                    <input id="filter-q" type="search" prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button type="submit" class="button">{move || i18n.t(Msg::Search)}</button>
                </div>
            </div>
        </form>
        <p role="status">{move || i18n.c(C::ProjectsFound).replace("{n}", &shown.with(Vec::len).to_string())}</p>
        {move || shown.with(|list| project_map(i18n, list))}
        <ul class="cards">
            {move || shown.get().into_iter().map(|p| {
                let pool = pools.with_value(|all| all.iter().find(|x| x.id == p.pool_id).map(|x| x.name.clone()));
                project_card(i18n, p, pool.unwrap_or_default())
            }).collect_view()}
        </ul>
    }
}

/// One project as a card linking to its page.
fn project_card(i18n: I18n, p: ProjectSummary, pool: String) -> impl IntoView + use<> {
    let number = i18n.c(C::NumberN).replace("{n}", &p.number.to_string());
    view! {
        <li class="card">
            <A href=format!("/civic-budget/projects/{}", p.id)>
                <span class="card-title">{format!("{number}: {}", p.title)}</span>
                <span class="card-text">{p.location}</span>
                <span class="card-text">
                    {pool}" · "{i18n.c(category_name(&p.category))}" · "{money(p.cost)}
                </span>
                <span>{status_badge(p.status)}</span>
            </A>
        </li>
    }
}

/// Closing voting and counting (administrators).
#[component]
fn CloseVoting(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let id = id.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::civic::close(&id).await {
                Ok(_) => navigate(&format!("/civic-budget/{id}/results"), Default::default()),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="close-title">
            <h2 id="close-title">{move || i18n.c(C::CloseVoting)}</h2>
            <p>{move || i18n.c(C::CloseNote)}</p>
            <form on:submit=submit>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || i18n.c(C::CloseVoting)}
                </button>
            </form>
        </section>
    }
}

/// The shown projects that have a map point, as numbered dots on a schematic map (no map
/// tiles: nothing is loaded from elsewhere). The list below is the same information in
/// text, with the links.
fn project_map(
    i18n: crate::i18n::I18n,
    projects: &[ProjectSummary],
) -> Option<impl IntoView + use<>> {
    let points: Vec<(u32, String, f64, f64)> = projects
        .iter()
        .filter_map(|p| {
            p.point
                .map(|pt| (p.number, p.title.clone(), pt.lat, pt.lon))
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let (w, h, pad) = (400.0, 260.0, 24.0);
    let fold = |f: fn(f64, f64) -> f64, start: f64, get: fn(&(u32, String, f64, f64)) -> f64| {
        points.iter().map(get).fold(start, f)
    };
    let (lat_min, lat_max) = (
        fold(f64::min, f64::MAX, |p| p.2),
        fold(f64::max, f64::MIN, |p| p.2),
    );
    let (lon_min, lon_max) = (
        fold(f64::min, f64::MAX, |p| p.3),
        fold(f64::max, f64::MIN, |p| p.3),
    );
    // A degree of longitude is shorter than one of latitude away from the equator.
    let squash = lat_min.to_radians().cos().max(0.1);
    let span = ((lon_max - lon_min) * squash)
        .max(lat_max - lat_min)
        .max(1e-4);
    let scale = ((w - 2.0 * pad) / span).min((h - 2.0 * pad) / span);
    let dots = points
        .into_iter()
        .map(|(number, title, lat, lon)| {
            let x = pad + (lon - lon_min) * squash * scale;
            let y = h - pad - (lat - lat_min) * scale;
            let label = format!("{number}. {title}");
            view! {
                <g class="map-dot">
                    <title>{label}</title>
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="11"></circle>
                    <text x=format!("{x:.1}") y=format!("{:.1}", y + 4.0) text-anchor="middle">{number}</text>
                </g>
            }
        })
        .collect_view();
    Some(view! {
        <figure class="project-map">
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby="project-map-caption">
                <rect class="map-land" x="0" y="0" width=w.to_string() height=h.to_string()></rect>
                {dots}
            </svg>
            <figcaption id="project-map-caption">{move || i18n.c(C::MapCaption)}</figcaption>
        </figure>
    })
}
