//! The office's civic-budget screens: `/civic-budget/new` (admins create an edition with
//! its timetable, rules and pools) and `/civic-budget/:edition/manage` (admins change the
//! timetable and rules and import a pabulib `.pb` file; clerks and admins enter paper
//! ballots). Every refusal comes back next to its field.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use models::civic::{
    Ballot, BallotKind, Edition, EditionChange, NewEdition, NewPool, PaperBallot, Phase,
    PoolChoice, ProjectStatus, ProjectSummary, Rules, Timetable,
};
use models::error::FieldError;
use models::pb::Rule;

use super::{SelectField, field_of, is_admin, is_officer, money, parse_zloty};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, Msg, use_i18n};
use crate::state::use_session;

/// The timetable's six dates as editable signals.
#[derive(Clone, Copy)]
struct Dates([RwSignal<String>; 6]);

const DATE_FIELDS: [(&str, C); 6] = [
    ("proposals_from", C::ProposalsFrom),
    ("proposals_to", C::ProposalsTo),
    ("verification_to", C::VerificationTo),
    ("appeals_to", C::AppealsTo),
    ("voting_from", C::VotingFrom),
    ("voting_to", C::VotingTo),
];

impl Dates {
    fn of(t: &Timetable) -> Dates {
        let v = [
            &t.proposals_from,
            &t.proposals_to,
            &t.verification_to,
            &t.appeals_to,
            &t.voting_from,
            &t.voting_to,
        ];
        Dates(v.map(|d| RwSignal::new(d.clone())))
    }

    fn timetable(self) -> Timetable {
        let [a, b, c, d, e, f] = self.0.map(|s| s.get_untracked());
        Timetable {
            proposals_from: a,
            proposals_to: b,
            verification_to: c,
            appeals_to: d,
            voting_from: e,
            voting_to: f,
        }
    }
}

/// The rules as editable signals.
#[derive(Clone, Copy)]
struct RuleFields {
    ballot: RwSignal<String>,
    rule: RwSignal<String>,
    min_age: RwSignal<String>,
    consent: RwSignal<bool>,
    change: RwSignal<bool>,
}

impl RuleFields {
    fn of(r: &Rules) -> RuleFields {
        RuleFields {
            ballot: RwSignal::new(r.ballot.as_str().to_owned()),
            rule: RwSignal::new(r.rule.as_str().to_owned()),
            min_age: RwSignal::new(r.min_age.map(|a| a.to_string()).unwrap_or_default()),
            consent: RwSignal::new(r.guardian_consent),
            change: RwSignal::new(r.allow_change),
        }
    }

    fn rules(self) -> Result<Rules, (&'static str, FieldError)> {
        let min_age = self.min_age.get_untracked();
        let min_age = match min_age.trim() {
            "" => None,
            n => Some(
                n.parse::<u8>()
                    .map_err(|_| ("min_age", FieldError::NotANumber))?,
            ),
        };
        Ok(Rules {
            ballot: BallotKind::parse(&self.ballot.get_untracked()).unwrap_or(BallotKind::Approval),
            rule: Rule::parse(&self.rule.get_untracked()).unwrap_or(Rule::Greedy),
            min_age,
            guardian_consent: self.consent.get_untracked(),
            allow_change: self.change.get_untracked(),
        })
    }
}

/// The date inputs and rule controls shared by both forms.
#[component]
fn TimetableAndRules(
    dates: Dates,
    rules: RuleFields,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="stack">
            <legend>{move || i18n.c(C::Timetable)}</legend>
            {DATE_FIELDS.into_iter().zip(dates.0).map(|((id, label), value)| view! {
                <TextField id=id kind="date" label=Signal::derive(move || i18n.c(label)) value
                    error=field_of(error, id) required=true />
            }).collect_view()}
        </fieldset>
        <fieldset class="stack">
            <legend>{move || i18n.c(C::Rules)}</legend>
            <SelectField id="ballot" label=Signal::derive(move || i18n.c(C::BallotKind)) value=rules.ballot
                error=Signal::derive(|| None::<FieldError>)>
                <option value="approval">{move || i18n.c(C::BallotApprovalName)}</option>
                <option value="choose_one">{move || i18n.c(C::BallotChooseOneName)}</option>
                <option value="cost_limited">{move || i18n.c(C::BallotCostLimitedName)}</option>
            </SelectField>
            <SelectField id="rule" label=Signal::derive(move || i18n.c(C::CountingRule)) value=rules.rule
                error=Signal::derive(|| None::<FieldError>)>
                <option value="greedy">{move || i18n.c(C::RuleGreedyName)}</option>
                <option value="mes">{move || i18n.c(C::RuleMesName)}</option>
            </SelectField>
            <TextField id="min_age" label=Signal::derive(move || i18n.c(C::MinAgeField)) value=rules.min_age
                error=field_of(error, "min_age") inputmode="numeric" />
            <label class="check"><input type="checkbox" prop:checked=move || rules.consent.get()
                on:change=move |ev| rules.consent.set(event_target_checked(&ev)) />" "{move || i18n.c(C::GuardianConsent)}</label>
            <label class="check"><input type="checkbox" prop:checked=move || rules.change.get()
                on:change=move |ev| rules.change.set(event_target_checked(&ev)) />" "{move || i18n.c(C::ChangeAllowed)}</label>
        </fieldset>
    }
}

/// A pool being defined.
#[derive(Clone, Copy)]
struct PoolFields {
    name: RwSignal<String>,
    district: bool,
    budget: RwSignal<String>,
    max: RwSignal<String>,
}

impl PoolFields {
    fn new(district: bool) -> PoolFields {
        PoolFields {
            name: RwSignal::new(String::new()),
            district,
            budget: RwSignal::new(String::new()),
            max: RwSignal::new("5".to_owned()),
        }
    }
}

/// `/civic-budget/new`: an admin announces an edition.
#[component]
pub fn NewEditionPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    use_title(move || i18n.c(C::NewEdition).to_owned());
    let title = RwSignal::new(String::new());
    let empty = Timetable {
        proposals_from: String::new(),
        proposals_to: String::new(),
        verification_to: String::new(),
        appeals_to: String::new(),
        voting_from: String::new(),
        voting_to: String::new(),
    };
    let dates = Dates::of(&empty);
    let rules = RuleFields::of(&Rules {
        ballot: BallotKind::Approval,
        rule: Rule::Greedy,
        min_age: None,
        guardian_consent: false,
        allow_change: true,
    });
    let pools = RwSignal::new(vec![PoolFields::new(false)]);
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let rules = match rules.rules() {
            Ok(r) => r,
            Err((field, problem)) => {
                error.set(Some(ApiError::field(field, problem)));
                return;
            }
        };
        let new = NewEdition {
            title: title.get_untracked(),
            timetable: dates.timetable(),
            rules,
            pools: pools
                .get_untracked()
                .iter()
                .map(|p| NewPool {
                    name: p.name.get_untracked(),
                    district: p.district,
                    budget: parse_zloty(&p.budget.get_untracked()).unwrap_or(0),
                    max_choices: p.max.get_untracked().trim().parse().unwrap_or(0),
                    min_choices: 0,
                })
                .collect(),
        };
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::civic::create_edition(&new).await {
                Ok(e) => navigate(&format!("/civic-budget/{}", e.id), Default::default()),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <h1>{move || i18n.c(C::NewEdition)}</h1>
        <Show when=move || is_admin(session) fallback=move || view! { <p>{models::error::ErrorCode::Forbidden.message(i18n.lang())}</p> }>
            <form novalidate on:submit=submit.clone() class="stack">
                <TextField id="title" label=Signal::derive(move || i18n.c(C::EditionTitle)) value=title
                    error=field_of(error, "title") required=true />
                <TimetableAndRules dates rules error />
                <fieldset class="stack">
                    <legend>{move || i18n.c(C::Pools)}</legend>
                    {move || pools.get().into_iter().enumerate().map(|(i, p)| pool_row(i, p, error)).collect_view()}
                    <p class="actions">
                        <button type="button" class="button button-secondary" prop:disabled=move || pools.with(|p| p.len() >= MAX_POOLS)
                            on:click=move |_| pools.update(|p| p.push(PoolFields::new(false)))>{move || i18n.c(C::AddCitywidePool)}</button>
                        <button type="button" class="button button-secondary" prop:disabled=move || pools.with(|p| p.len() >= MAX_POOLS)
                            on:click=move |_| pools.update(|p| p.push(PoolFields::new(true)))>{move || i18n.c(C::AddDistrictPool)}</button>
                    </p>
                </fieldset>
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.c(C::CreateEdition)}</button>
            </form>
        </Show>
    }
}

/// The most pools the form offers.
const MAX_POOLS: usize = 6;

/// Each pool row's field ids, which are also the server's error keys.
const POOL_KEYS: [[&str; 3]; MAX_POOLS] = [
    ["pools.0.name", "pools.0.budget", "pools.0.max_choices"],
    ["pools.1.name", "pools.1.budget", "pools.1.max_choices"],
    ["pools.2.name", "pools.2.budget", "pools.2.max_choices"],
    ["pools.3.name", "pools.3.budget", "pools.3.max_choices"],
    ["pools.4.name", "pools.4.budget", "pools.4.max_choices"],
    ["pools.5.name", "pools.5.budget", "pools.5.max_choices"],
];

fn pool_row(i: usize, p: PoolFields, error: RwSignal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    let [name_key, budget_key, max_key] = POOL_KEYS[i.min(MAX_POOLS - 1)];
    let kind = if p.district { C::District } else { C::Citywide };
    view! {
        <div class="pool-row" role="group" aria-label=move || format!("{} {}", i18n.c(C::Pool), i + 1)>
            <p class="hint">{move || format!("{} {} — {}", i18n.c(C::Pool), i + 1, i18n.c(kind))}</p>
            <TextField id=name_key label=Signal::derive(move || i18n.c(C::PoolName)) value=p.name
                error=field_of(error, name_key) required=true />
            <TextField id=budget_key label=Signal::derive(move || i18n.c(C::PoolBudget)) value=p.budget
                error=field_of(error, budget_key) inputmode="decimal" required=true />
            <TextField id=max_key label=Signal::derive(move || i18n.c(C::PoolMax)) value=p.max
                error=field_of(error, max_key) inputmode="numeric" required=true />
        </div>
    }
}

/// `/civic-budget/:edition/manage`: the office's tools for one edition.
#[component]
pub fn ManagePage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_title(move || i18n.c(C::Manage).to_owned());
    let data = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move {
                let edition = api::civic::edition(&id).await?;
                let projects = api::civic::projects(&id).await?;
                Ok::<_, ApiError>((edition, projects))
            }
        }
    });
    view! {
        <h1>{move || i18n.c(C::Manage)}</h1>
        <Show when=move || is_officer(session) fallback=move || view! { <p>{models::error::ErrorCode::Forbidden.message(i18n.lang())}</p> }>
            <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Ok((edition, projects)) => view! {
                        <p class="lead">{edition.title.clone()}</p>
                        {(edition.phase == Phase::Voting).then(|| view! { <PaperBallotForm edition=edition.clone() projects /> })}
                        {(is_admin(session) && edition.closed_at.is_none()).then(|| view! {
                            <ChangeForm edition=edition.clone() />
                            <ImportForm id=edition.id.clone() />
                        })}
                    }.into_any(),
                    Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                })}
            </Transition>
        </Show>
        <p><A href=format!("/civic-budget/{id}")>{move || i18n.c(C::BackToEdition)}</A></p>
    }
}

/// Title, timetable and rules of an open edition (admins).
#[component]
fn ChangeForm(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(edition.title.clone());
    let dates = Dates::of(&edition.timetable);
    let rules = RuleFields::of(&edition.rules);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let id = edition.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rules = match rules.rules() {
            Ok(r) => r,
            Err((field, problem)) => return error.set(Some(ApiError::field(field, problem))),
        };
        let change = EditionChange {
            title: title.get_untracked(),
            timetable: dates.timetable(),
            rules,
        };
        let id = id.clone();
        saved.set(false);
        spawn_local(async move {
            match api::civic::change_edition(&id, &change).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="change-title">
            <h2 id="change-title">{move || i18n.c(C::EditEdition)}</h2>
            <form novalidate on:submit=submit class="stack">
                <TextField id="title" label=Signal::derive(move || i18n.c(C::EditionTitle)) value=title
                    error=field_of(error, "title") required=true />
                <TimetableAndRules dates rules error />
                <ErrorAlert error=error />
                <p role="status">{move || saved.get().then(|| i18n.c(C::Saved))}</p>
                <button type="submit" class="button">{move || i18n.c(C::SaveEdition)}</button>
            </form>
        </section>
    }
}

/// Importing a `.pb` file as a new pool (admins).
#[component]
fn ImportForm(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let files = api::cases::chosen_files(file_ref.get_untracked().as_ref());
        let Some(file) = files.into_iter().next() else {
            return error.set(Some(ApiError::field("file", FieldError::Required)));
        };
        let (id, name) = (id.clone(), name.get_untracked());
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let Some(text) = text.ok().and_then(|v| v.as_string()) else {
                return error.set(Some(ApiError::field("file", FieldError::WrongType)));
            };
            match api::civic::import(&id, &name, text).await {
                Ok(e) => {
                    error.set(None);
                    done.set(
                        e.pools
                            .last()
                            .map(|p| format!("{} ({})", p.name, money(p.budget))),
                    );
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">{move || i18n.c(C::ImportTitle)}</h2>
            <p>{move || i18n.c(C::ImportLead)}</p>
            <form novalidate on:submit=submit class="stack">
                <TextField id="pool-name" label=Signal::derive(move || i18n.c(C::PoolName)) value=name
                    error=field_of(error, "name") />
                <div class="field">
                    <label for="pb-file">{move || i18n.c(C::PbFile)}</label>
                    <input id="pb-file" type="file" accept=".pb,text/plain" node_ref=file_ref />
                </div>
                {move || error.get().map(|e| view! { <div class="alert alert-error" role="alert">{e.message.clone()}</div> })}
                <p role="status">{move || done.get().map(|p| i18n.c(C::Imported).replace("{pool}", &p))}</p>
                <button type="submit" class="button">{move || i18n.c(C::Import)}</button>
            </form>
        </section>
    }
}

/// A paper ballot entered by a clerk: the voter's PESEL and their choices in one pool.
#[component]
fn PaperBallotForm(edition: Edition, projects: Vec<ProjectSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let pesel = RwSignal::new(String::new());
    let pool = RwSignal::new(
        edition
            .pools
            .first()
            .map(|p| p.id.clone())
            .unwrap_or_default(),
    );
    let picked = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<ApiError>);
    let receipt = RwSignal::new(None::<String>);
    let projects = StoredValue::new(projects);
    let id = edition.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let paper = PaperBallot {
            pesel: pesel.get_untracked(),
            ballot: Ballot {
                choices: vec![PoolChoice {
                    pool_id: pool.get_untracked(),
                    projects: picked.get_untracked(),
                }],
            },
        };
        let id = id.clone();
        spawn_local(async move {
            match api::civic::paper_ballot(&id, &paper).await {
                Ok(b) => {
                    error.set(None);
                    pesel.set(String::new());
                    picked.set(vec![]);
                    receipt.set(b.receipt);
                }
                Err(e) => {
                    receipt.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="paper-title">
            <h2 id="paper-title">{move || i18n.c(C::PaperBallotTitle)}</h2>
            <form novalidate on:submit=submit class="stack">
                <TextField id="pesel" label=Signal::derive(move || i18n.c(C::VoterPesel)) value=pesel
                    error=field_of(error, "pesel") inputmode="numeric" required=true />
                <SelectField id="paper-pool" label=Signal::derive(move || i18n.c(C::Pool)) value=pool
                    error=Signal::derive(|| None::<FieldError>)>
                    {edition.pools.iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> }).collect_view()}
                </SelectField>
                <fieldset>
                    <legend>{move || i18n.c(C::ChooseProjects)}</legend>
                    {move || {
                        let current = pool.get();
                        projects.with_value(|all| all.iter()
                            .filter(|p| p.pool_id == current && p.status == ProjectStatus::Accepted)
                            .map(|p| {
                                let (pid, input) = (p.id.clone(), format!("paper-{}", p.id));
                                let checked = { let pid = pid.clone(); move || picked.with(|v| v.contains(&pid)) };
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=input.clone() prop:checked=checked
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let pid = pid.clone();
                                                picked.update(|v| { v.retain(|x| *x != pid); if on { v.push(pid) } });
                                            } />
                                        <label for=input>{format!("{}. {} ({})", p.number, p.title, money(p.cost))}</label>
                                    </div>
                                }
                            }).collect_view())
                    }}
                </fieldset>
                <ErrorAlert error=error />
                <p role="status">{move || receipt.get().map(|r| i18n.c(C::PaperSaved).replace("{code}", &r))}</p>
                <button type="submit" class="button">{move || i18n.c(C::SavePaperBallot)}</button>
            </form>
        </section>
    }
}
