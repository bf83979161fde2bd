//! `/civic-budget/:edition/vote`: voting, made for a phone. First the voter's standing
//! (why they may not vote, or the ballot they cast); then the basket — the citywide
//! pools and one district — with a live line of what is left, checked on every change by
//! the validator the server runs; a review; and the receipt code.

mod basket;
mod consents;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::civic::{
    Ballot, Edition, MyBallot, Phase, Pool, PoolChoice, ProjectStatus, ProjectSummary, VoterStatus,
    check_ballot,
};
use models::error::ErrorCode;
use models::validate::FieldErrors;

use self::basket::Basket;
use self::consents::Consents;
use super::{focus_later, login_href, money};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Civic as C, I18n, Msg, use_i18n};
use crate::time::warsaw;

/// Where the voter is.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Status,
    Choose,
    Review,
    Done(MyBallot),
}

/// What every step reads and writes.
#[derive(Debug, Clone, Copy)]
struct Vote {
    edition: StoredValue<Edition>,
    /// The projects on the ballot (accepted ones).
    projects: StoredValue<Vec<ProjectSummary>>,
    /// One entry per pool of the edition, in ballot order.
    picks: RwSignal<Vec<PoolChoice>>,
    /// The district pool voted in (empty: none).
    district: RwSignal<String>,
    step: RwSignal<Step>,
    /// Changing a cast ballot (`PUT`) rather than casting (`POST`).
    changing: RwSignal<bool>,
    /// The server's field errors from the last attempt.
    server: RwSignal<FieldErrors>,
    error: RwSignal<Option<ApiError>>,
    busy: RwSignal<bool>,
}

/// The ballot as it would be cast: the citywide pools and the chosen district.
fn ballot_of(edition: &Edition, picks: &[PoolChoice], district: &str) -> Ballot {
    let counted = |id: &str| {
        edition
            .pools
            .iter()
            .any(|p| p.id == id && (!p.district || p.id == district))
    };
    Ballot {
        choices: picks
            .iter()
            .filter(|c| counted(&c.pool_id) && !c.projects.is_empty())
            .cloned()
            .collect(),
    }
}

impl Vote {
    fn ballot(self) -> Ballot {
        self.picks.with_untracked(|picks| {
            self.district
                .with_untracked(|d| self.edition.with_value(|e| ballot_of(e, picks, d)))
        })
    }

    fn go(self, step: Step) {
        self.step.set(step);
        focus_later("vote-step");
    }

    fn toggle(self, pool: &str, project: &str, on: bool) {
        self.picks.update(|picks| {
            if let Some(c) = picks.iter_mut().find(|c| c.pool_id == pool) {
                c.projects.retain(|p| p != project);
                if on {
                    c.projects.push(project.to_owned());
                }
            }
        });
        self.server.set(FieldErrors::new());
        self.error.set(None);
    }

    /// Fills the basket with the cast ballot, to change it.
    fn start_change(self, choices: &[PoolChoice]) {
        self.picks.update(|picks| {
            for p in picks.iter_mut() {
                p.projects = choices
                    .iter()
                    .find(|c| c.pool_id == p.pool_id)
                    .map(|c| c.projects.clone())
                    .unwrap_or_default();
            }
        });
        let district = self.edition.with_value(|e| {
            choices
                .iter()
                .find(|c| e.pools.iter().any(|p| p.district && p.id == c.pool_id))
                .map(|c| c.pool_id.clone())
        });
        if let Some(d) = district {
            self.district.set(d);
        }
        self.changing.set(true);
        self.go(Step::Choose);
    }

    /// Casts (or changes) the ballot; field errors send the voter back to the basket.
    fn send(self) {
        if self.busy.get_untracked() {
            return;
        }
        let ballot = self.ballot();
        let id = self.edition.with_value(|e| e.id.clone());
        let changing = self.changing.get_untracked();
        self.busy.set(true);
        self.error.set(None);
        spawn_local(async move {
            let answer = if changing {
                api::civic::change(&id, &ballot).await
            } else {
                api::civic::cast(&id, &ballot).await
            };
            self.busy.set(false);
            match answer {
                Ok(mine) => self.go(Step::Done(mine)),
                Err(e) if !e.fields.is_empty() => {
                    self.server.set(e.fields.clone());
                    self.error.set(Some(e));
                    self.go(Step::Choose);
                }
                Err(e) => self.error.set(Some(e)),
            }
        });
    }
}

/// The voting page: loads the edition, its projects and the caller's standing.
#[component]
pub fn VotePage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let back = format!("/civic-budget/{id}/vote");
    let data = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let edition = api::civic::edition(&id).await?;
            let projects = api::civic::projects(&id).await?;
            let status = api::civic::me(&id).await;
            Ok::<_, ApiError>((edition, projects, status))
        }
    });
    use_title(move || {
        let title = data.get().and_then(Result::ok).map(|(e, _, _)| e.title);
        i18n.c(C::VoteIn)
            .replace("{title}", &title.unwrap_or_default())
    });
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || data.get().map(|result| match result {
                Ok((edition, projects, Ok(status))) => view! { <Voting edition projects status /> }.into_any(),
                Ok((edition, _, Err(e))) if e.code == ErrorCode::Unauthenticated => view! {
                    <h1>{i18n.c(C::VoteIn).replace("{title}", &edition.title)}</h1>
                    <p>{i18n.c(C::LoginToVote)}</p>
                    <p><A href=login_href(&back) attr:class="button">{i18n.t(Msg::LogIn)}</A></p>
                }.into_any(),
                Ok((_, _, Err(e))) | Err(e) => view! {
                    <h1>{i18n.c(C::Vote)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// The voting steps over one basket, kept while the voter moves between them.
#[component]
fn Voting(edition: Edition, projects: Vec<ProjectSummary>, status: VoterStatus) -> impl IntoView {
    let i18n = use_i18n();
    let title = edition.title.clone();
    let edition_href = format!("/civic-budget/{}", edition.id);
    let districts: Vec<&Pool> = edition.pools.iter().filter(|p| p.district).collect();
    let only_district = match districts.as_slice() {
        [only] => only.id.clone(),
        _ => String::new(),
    };
    let may_vote = status.problem.is_none() && edition.phase == Phase::Voting;
    let first = if may_vote && status.ballot.is_none() {
        Step::Choose
    } else {
        Step::Status
    };
    let consents = (edition.rules.guardian_consent && !status.pupils.is_empty())
        .then(|| (edition.id.clone(), status.pupils.clone()));
    let vote = Vote {
        picks: RwSignal::new(
            edition
                .pools
                .iter()
                .map(|p| PoolChoice {
                    pool_id: p.id.clone(),
                    projects: vec![],
                })
                .collect(),
        ),
        edition: StoredValue::new(edition),
        projects: StoredValue::new(
            projects
                .into_iter()
                .filter(|p| p.status == ProjectStatus::Accepted)
                .collect(),
        ),
        district: RwSignal::new(only_district),
        step: RwSignal::new(first),
        changing: RwSignal::new(false),
        server: RwSignal::new(FieldErrors::new()),
        error: RwSignal::new(None),
        busy: RwSignal::new(false),
    };
    let problems = Memo::new(move |_| {
        vote.picks.with(|picks| {
            vote.district.with(|d| {
                vote.edition.with_value(|e| {
                    vote.projects
                        .with_value(|all| check_ballot(e, all, &ballot_of(e, picks, d)))
                })
            })
        })
    });
    let status = StoredValue::new(status);
    view! {
        <h1>{move || i18n.c(C::VoteIn).replace("{title}", &title)}</h1>
        {move || match vote.step.get() {
            Step::Status => view! { <Standing vote status=status.get_value() /> }.into_any(),
            Step::Choose => view! { <Basket vote problems /> }.into_any(),
            Step::Review => view! { <Review vote /> }.into_any(),
            Step::Done(ballot) => view! { <Done vote ballot /> }.into_any(),
        }}
        {consents.map(|(edition_id, pupils)| view! { <Consents edition_id pupils /> })}
        <p><A href=edition_href>{move || i18n.c(C::BackToEdition)}</A></p>
    }
}

/// Why the caller may not vote, or the ballot they cast (with "Change my vote").
#[component]
fn Standing(vote: Vote, status: VoterStatus) -> impl IntoView {
    let i18n = use_i18n();
    let open = vote.edition.with_value(|e| e.phase == Phase::Voting);
    let problem = status.problem.map(|code| {
        view! {
            <div class="notice">
                <p><strong>{move || code.message(i18n.lang())}</strong></p>
                {(code == ErrorCode::PeselRequired).then(|| view! {
                    <p><A href="/account">{move || i18n.c(C::AddPesel)}</A></p>
                })}
            </div>
        }
    });
    let closed = (status.problem.is_none() && status.ballot.is_none() && !open).then(|| {
        view! {
            <p class="notice">{move || ErrorCode::VotingClosed.message(i18n.lang())}</p>
        }
    });
    let cast = status.ballot.map(|b| {
        let choices = b.choices.clone();
        let again = b.choices;
        view! {
            <h2 id="vote-step" tabindex="-1">
                {move || i18n.c(C::YouVoted).replace("{date}", &warsaw(&b.cast_at, i18n.lang()))}
            </h2>
            {b.changed_at.map(|at| view! {
                <p>{move || i18n.c(C::ChangedOn).replace("{date}", &warsaw(&at, i18n.lang()))}</p>
            })}
            {move || chosen_list(i18n, vote, &choices)}
            {b.can_change.then(|| view! {
                <p><button type="button" class="button" on:click=move |_| vote.start_change(&again)>
                    {move || i18n.c(C::ChangeVote)}
                </button></p>
            })}
        }
    });
    view! { {problem} {closed} {cast} }
}

/// A pool's name with its chosen projects (number, title, cost).
type ChosenInPool = (String, Vec<(u32, String, i64)>);

/// The chosen projects per pool with their costs and each pool's total.
fn chosen_list(i18n: I18n, vote: Vote, choices: &[PoolChoice]) -> impl IntoView + use<> {
    let groups: Vec<ChosenInPool> = vote.edition.with_value(|e| {
        vote.projects.with_value(|all| {
            choices
                .iter()
                .filter(|c| !c.projects.is_empty())
                .filter_map(|c| {
                    let pool = e.pools.iter().find(|p| p.id == c.pool_id)?;
                    let items = c
                        .projects
                        .iter()
                        .filter_map(|id| all.iter().find(|p| &p.id == id))
                        .map(|p| (p.number, p.title.clone(), p.cost))
                        .collect();
                    Some((pool.name.clone(), items))
                })
                .collect()
        })
    });
    groups.into_iter().map(|(name, items)| {
        let total: i64 = items.iter().map(|i| i.2).sum();
        view! {
            <h3>{name}</h3>
            <ul class="chosen">
                {items.into_iter().map(|(n, title, cost)| view! {
                    <li>{i18n.c(C::NumberN).replace("{n}", &n.to_string())}": "{title}" — "{money(cost)}</li>
                }).collect_view()}
            </ul>
            <p class="chosen-total">{i18n.c(C::Total).replace("{sum}", &money(total))}</p>
        }
    }).collect_view()
}

/// The chosen projects, to confirm before casting.
#[component]
fn Review(vote: Vote) -> impl IntoView {
    let i18n = use_i18n();
    let choices = vote.ballot().choices;
    let send = if vote.changing.get_untracked() {
        C::SaveChange
    } else {
        C::CastVote
    };
    view! {
        <h2 id="vote-step" tabindex="-1">{move || i18n.c(C::ReviewTitle)}</h2>
        <p>{move || i18n.c(C::ReviewLead)}</p>
        {move || chosen_list(i18n, vote, &choices)}
        <ErrorAlert error=vote.error />
        <p class="actions">
            <button type="button" class="button button-secondary" on:click=move |_| vote.go(Step::Choose)>
                {move || i18n.c(C::Back)}
            </button>
            <button type="button" class="button" aria-disabled=move || vote.busy.get().then_some("true")
                on:click=move |_| vote.send()>
                {move || if vote.busy.get() { i18n.t(Msg::Sending) } else { i18n.c(send) }}
            </button>
        </p>
    }
}

/// The vote is stored: the receipt code (only when casting) and how to check it.
#[component]
fn Done(vote: Vote, ballot: MyBallot) -> impl IntoView {
    let i18n = use_i18n();
    let choices = ballot.choices;
    view! {
        <h2 id="vote-step" tabindex="-1">{move || i18n.c(C::VoteRecorded)}</h2>
        {match ballot.receipt {
            Some(code) => view! {
                <p>{move || i18n.c(C::YourReceipt)}</p>
                <p class="receipt-code" id="receipt-code">{code}</p>
                <p>{move || i18n.c(C::ReceiptEmailed)}</p>
                <p>{move || i18n.c(C::ReceiptHowToCheck)}</p>
                <p>{move || i18n.c(C::ReceiptSecret)}</p>
            }.into_any(),
            None => view! { <p>{move || i18n.c(C::ChangeSaved)}</p> }.into_any(),
        }}
        <p><strong>{move || i18n.c(C::YourChoices)}</strong></p>
        {move || chosen_list(i18n, vote, &choices)}
    }
}
