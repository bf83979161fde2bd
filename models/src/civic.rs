//! Civic budget (budżet obywatelski): editions with their timetable and pools, project
//! proposals and their verification, ballots and results.
//!
//! [`check_ballot`] is the one ballot validator: the voting page runs it on every change
//! of the basket, the server runs it before a ballot is stored. Money is in grosze.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::pb::Rule;
use crate::validate::FieldErrors;

/// What a ballot may hold in each pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BallotKind {
    /// Up to the pool's `max_choices` projects (Warsaw 15 district / 10 citywide, Łódź 5).
    Approval,
    /// Exactly one project per pool (Wrocław).
    ChooseOne,
    /// Any projects whose total cost fits the pool's budget (knapsack ballot).
    CostLimited,
}

impl BallotKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            BallotKind::Approval => "approval",
            BallotKind::ChooseOne => "choose_one",
            BallotKind::CostLimited => "cost_limited",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<BallotKind> {
        [
            BallotKind::Approval,
            BallotKind::ChooseOne,
            BallotKind::CostLimited,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Where an edition stands, from its timetable (dates in Europe/Warsaw, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Announced; proposals not yet open.
    Announced,
    /// Residents submit projects.
    Proposals,
    /// The office verifies them.
    Verification,
    /// Authors of rejected projects may appeal.
    Appeals,
    /// Voting is open.
    Voting,
    /// Voting has ended; the office has not yet closed and counted.
    Counting,
    /// Closed and counted: results are public.
    Results,
}

/// The timetable, each a `YYYY-MM-DD` date (Europe/Warsaw), every stage inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timetable {
    /// First day of proposals.
    pub proposals_from: String,
    /// Last day of proposals.
    pub proposals_to: String,
    /// Last day of verification.
    pub verification_to: String,
    /// Last day of appeals.
    pub appeals_to: String,
    /// First day of voting.
    pub voting_from: String,
    /// Last day of voting.
    pub voting_to: String,
}

impl Timetable {
    /// The phase on a day (`YYYY-MM-DD`), before any closing by the office.
    pub fn phase_on(&self, day: &str) -> Phase {
        if day < self.proposals_from.as_str() {
            Phase::Announced
        } else if day <= self.proposals_to.as_str() {
            Phase::Proposals
        } else if day <= self.verification_to.as_str() {
            Phase::Verification
        } else if day < self.voting_from.as_str() {
            Phase::Appeals
        } else if day <= self.voting_to.as_str() {
            Phase::Voting
        } else {
            Phase::Counting
        }
    }

    /// Field errors for dates that are not real or not in order.
    pub fn problems(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let fields = [
            ("proposals_from", &self.proposals_from),
            ("proposals_to", &self.proposals_to),
            ("verification_to", &self.verification_to),
            ("appeals_to", &self.appeals_to),
            ("voting_from", &self.voting_from),
            ("voting_to", &self.voting_to),
        ];
        let mut previous: Option<&str> = None;
        for (name, value) in fields {
            if crate::forms::parse_date(value).is_none() {
                errors.insert(name.to_owned(), FieldError::InvalidDate);
                previous = None;
                continue;
            }
            // Each stage ends on or after the previous one; voting starts after appeals.
            let strictly = name == "voting_from";
            if let Some(p) = previous
                && (value.as_str() < p || (strictly && value.as_str() == p))
            {
                errors.insert(name.to_owned(), FieldError::TooSmall);
            }
            previous = Some(value);
        }
        errors
    }
}

/// A pool of money: citywide or one district (osiedle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pool {
    /// Id.
    pub id: String,
    /// Name, e.g. "Ogólnogminny" or "Osiedle Północ".
    pub name: String,
    /// A district pool (a ballot may choose one district) or citywide.
    pub district: bool,
    /// Budget in grosze.
    pub budget: i64,
    /// For approval ballots: the most projects a ballot may choose here.
    pub max_choices: u32,
    /// The fewest projects a ballot must choose here if it votes in this pool (0: none).
    pub min_choices: u32,
}

/// An edition's rules, chosen by the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rules {
    /// The ballot type.
    pub ballot: BallotKind,
    /// The counting rule.
    pub rule: Rule,
    /// The youngest voter's age on the last voting day, if limited.
    pub min_age: Option<u8>,
    /// Whether a younger pupil may vote with a guardian's consent.
    pub guardian_consent: bool,
    /// Whether a voter may change the ballot until voting closes.
    pub allow_change: bool,
}

/// An edition in lists and in full (`GET /api/civic/editions[/{id}]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Edition {
    /// Id.
    pub id: String,
    /// Title, e.g. "Budżet obywatelski 2027".
    pub title: String,
    /// Where it stands today.
    pub phase: Phase,
    /// The timetable.
    pub timetable: Timetable,
    /// The rules.
    pub rules: Rules,
    /// The pools, citywide first.
    pub pools: Vec<Pool>,
    /// When the office closed voting and counted (RFC 3339), if it has.
    pub closed_at: Option<String>,
}

/// An edition as the admin creates or edits it (`POST /api/civic/editions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEdition {
    /// Title.
    pub title: String,
    /// The timetable.
    pub timetable: Timetable,
    /// The rules.
    pub rules: Rules,
    /// The pools (ids are given by the server; ignored here).
    pub pools: Vec<NewPool>,
}

/// A pool as the admin defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPool {
    /// Name.
    pub name: String,
    /// District pool or citywide.
    pub district: bool,
    /// Budget in grosze (at least 1 zł).
    pub budget: i64,
    /// Approval ballots: most projects per ballot (1–50).
    pub max_choices: u32,
    /// Fewest projects per ballot when voting in this pool.
    pub min_choices: u32,
}

/// Where a project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    /// Submitted, waiting for verification.
    Submitted,
    /// Verified positively: on the ballot.
    Accepted,
    /// Rejected with a reason (the author may appeal once).
    Rejected,
    /// Rejected and appealed: waiting for the appeal's decision.
    Appealed,
}

impl ProjectStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Submitted => "submitted",
            ProjectStatus::Accepted => "accepted",
            ProjectStatus::Rejected => "rejected",
            ProjectStatus::Appealed => "appealed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<ProjectStatus> {
        [
            ProjectStatus::Submitted,
            ProjectStatus::Accepted,
            ProjectStatus::Rejected,
            ProjectStatus::Appealed,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Project categories.
pub const CATEGORIES: [&str; 8] = [
    "greenery",
    "sport",
    "culture",
    "education",
    "transport",
    "safety",
    "social",
    "other",
];

/// A point on the map (WGS 84 degrees).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A project in lists (`GET /api/civic/editions/{id}/projects`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectSummary {
    /// Id.
    pub id: String,
    /// Its number on the ballot, e.g. "12".
    pub number: u32,
    /// The pool.
    pub pool_id: String,
    /// Title.
    pub title: String,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// Where (address or place description).
    pub location: String,
    /// Map point (latitude, longitude), if given.
    pub point: Option<Point>,
    /// The cost in grosze after verification (the author's estimate until then).
    pub cost: i64,
    /// Status.
    pub status: ProjectStatus,
    /// Projects on the same site: at most one of a group can be funded.
    pub conflict_group: Option<String>,
}

/// A project in full (`GET /api/civic/projects/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectDetail {
    /// The list fields.
    #[serde(flatten)]
    pub summary: ProjectSummary,
    /// The edition.
    pub edition_id: String,
    /// Description.
    pub description: String,
    /// The author's estimate in grosze.
    pub estimated_cost: i64,
    /// Whether the caller is its author (who may appeal).
    pub mine: bool,
    /// Whether the author may still appeal.
    pub can_appeal: bool,
    /// Every step, oldest first.
    pub history: Vec<ProjectEvent>,
    /// Photos: `GET /api/civic/projects/{id}/photos/{position}`, with their names.
    pub photos: Vec<String>,
}

/// A step of a project's verification, shown on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectEvent {
    /// When (RFC 3339, Europe/Warsaw).
    pub at: String,
    /// `submitted`, `cost_adjusted`, `accepted`, `rejected`, `appealed`,
    /// `appeal_upheld`, `appeal_dismissed`.
    pub kind: String,
    /// The reason or note.
    pub note: String,
    /// The new cost for `cost_adjusted`.
    pub cost: Option<i64>,
}

/// A resident's proposal (`POST /api/civic/editions/{id}/projects`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProject {
    /// The pool it is proposed for.
    pub pool_id: String,
    /// Title (5–120 characters).
    pub title: String,
    /// Description (20–5000 characters).
    pub description: String,
    /// Place (3–200 characters).
    pub location: String,
    /// Optional map point.
    pub point: Option<Point>,
    /// Estimated cost in grosze.
    pub estimated_cost: i64,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// Photos (PNG or JPEG uploads of the author, at most [`MAX_PHOTOS`]).
    #[serde(default)]
    pub photos: Vec<crate::forms::FileRef>,
}

/// The most photos a project may have.
pub const MAX_PHOTOS: usize = 5;

impl NewProject {
    /// Field errors of the proposal on its own (the pool is checked by the server).
    pub fn problems(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let mut length = |name: &str, value: &str, min: usize, max: usize| {
            let n = value.trim().chars().count();
            if n == 0 {
                errors.insert(name.to_owned(), FieldError::Required);
            } else if n < min {
                errors.insert(name.to_owned(), FieldError::TooShort);
            } else if n > max {
                errors.insert(name.to_owned(), FieldError::TooLong);
            }
        };
        length("title", &self.title, 5, 120);
        length("description", &self.description, 20, 5000);
        length("location", &self.location, 3, 200);
        if self.estimated_cost < 100 {
            errors.insert("estimated_cost".into(), FieldError::TooSmall);
        }
        if !CATEGORIES.contains(&self.category.as_str()) {
            errors.insert("category".into(), FieldError::InvalidChoice);
        }
        if self.photos.len() > MAX_PHOTOS {
            errors.insert("photos".into(), FieldError::TooMany);
        } else if self
            .photos
            .iter()
            .any(|f| !matches!(f.content_type.as_str(), "image/png" | "image/jpeg"))
        {
            errors.insert("photos".into(), FieldError::FileTypeNotAllowed);
        }
        if let Some(Point { lat, lon }) = self.point
            && !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        {
            errors.insert("point".into(), FieldError::InvalidChoice);
        }
        errors
    }
}

/// A clerk's verification (`POST /api/civic/projects/{id}/verification`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verification {
    /// Accept (on the ballot) or reject.
    pub accept: bool,
    /// The verified cost in grosze, if it differs from the current one.
    pub cost: Option<i64>,
    /// The reason (required for a rejection and for a changed cost).
    pub reason: String,
    /// A conflict group (same site) to put it in, if any.
    pub conflict_group: Option<String>,
}

/// The author's appeal, or the office's decision on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Appeal {
    /// The appeal's grounds, or the decision's reason.
    pub reason: String,
    /// For the office's decision: whether the appeal is upheld (project accepted).
    pub upheld: Option<bool>,
}

/// The projects a ballot chooses in one pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PoolChoice {
    /// The pool.
    pub pool_id: String,
    /// Project ids.
    pub projects: Vec<String>,
}

/// A ballot (`POST` to cast, `PUT` to change `/api/civic/editions/{id}/ballot`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ballot {
    /// The choices, one entry per pool voted in.
    pub choices: Vec<PoolChoice>,
}

/// The answer to a cast or changed ballot, and `GET …/ballot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyBallot {
    /// The choices as stored.
    pub choices: Vec<PoolChoice>,
    /// The receipt code: only in the answer to casting (and in the e-mail); the server
    /// keeps just its hash.
    pub receipt: Option<String>,
    /// When first cast (RFC 3339).
    pub cast_at: String,
    /// When last changed, if it was.
    pub changed_at: Option<String>,
    /// Whether it may still be changed.
    pub can_change: bool,
}

/// Why a ballot is not valid, before anything is stored.
pub fn check_ballot(
    edition: &Edition,
    projects: &[ProjectSummary],
    ballot: &Ballot,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if ballot.choices.iter().all(|c| c.projects.is_empty()) {
        errors.insert("choices".into(), FieldError::Required);
        return errors;
    }
    let mut districts = 0;
    let mut seen_pools: Vec<&str> = vec![];
    for choice in &ballot.choices {
        let field = format!("pool:{}", choice.pool_id);
        let Some(pool) = edition.pools.iter().find(|p| p.id == choice.pool_id) else {
            errors.insert(field, FieldError::InvalidChoice);
            continue;
        };
        if seen_pools.contains(&pool.id.as_str()) {
            errors.insert(field, FieldError::InvalidChoice);
            continue;
        }
        seen_pools.push(&pool.id);
        if choice.projects.is_empty() {
            continue;
        }
        if pool.district {
            districts += 1;
        }
        let mut cost = 0i64;
        let mut picked: Vec<&str> = vec![];
        for id in &choice.projects {
            let project = projects.iter().find(|p| {
                &p.id == id && p.pool_id == pool.id && p.status == ProjectStatus::Accepted
            });
            match project {
                Some(p) if !picked.contains(&p.id.as_str()) => {
                    picked.push(&p.id);
                    cost += p.cost;
                }
                _ => {
                    errors.insert(field.clone(), FieldError::InvalidChoice);
                }
            }
        }
        if errors.contains_key(&field) {
            continue;
        }
        let n = picked.len() as u32;
        let problem = match edition.rules.ballot {
            BallotKind::ChooseOne if n > 1 => Some(FieldError::TooMany),
            BallotKind::Approval if n > pool.max_choices => Some(FieldError::TooMany),
            BallotKind::CostLimited if cost > pool.budget => Some(FieldError::TooLarge),
            _ if n < pool.min_choices => Some(FieldError::TooFew),
            _ => None,
        };
        if let Some(problem) = problem {
            errors.insert(field, problem);
        }
    }
    if districts > 1 {
        errors.insert("choices".into(), FieldError::TooMany);
    }
    errors
}

/// What the remaining allowance of a pool is, for the basket: projects left for approval
/// and choose-one ballots, grosze left for cost-limited ones.
pub fn allowance_left(edition: &Edition, pool: &Pool, chosen: &[&ProjectSummary]) -> i64 {
    match edition.rules.ballot {
        BallotKind::Approval => i64::from(pool.max_choices) - chosen.len() as i64,
        BallotKind::ChooseOne => 1 - chosen.len() as i64,
        BallotKind::CostLimited => pool.budget - chosen.iter().map(|p| p.cost).sum::<i64>(),
    }
}

/// Why a project was or was not funded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Verdict {
    /// Funded, chosen `order`-th.
    Funded {
        /// 1-based position in which the rule chose it.
        order: u32,
    },
    /// Greedy: when its turn came, less money was left than it costs.
    NotEnoughMoney {
        /// Grosze left at its turn.
        left: i64,
    },
    /// Method of Equal Shares: its voters' shares could not pay for it.
    SharesTooSmall,
    /// Another project on the same site was funded first.
    Conflict {
        /// The funded project's number.
        with: u32,
    },
    /// Nobody voted for it.
    NoVotes,
}

/// One project's line in the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectResult {
    /// Project id.
    pub project_id: String,
    /// Its ballot number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Cost in grosze.
    pub cost: i64,
    /// Votes.
    pub votes: u64,
    /// Why funded or not.
    pub verdict: Verdict,
}

/// One pool's results, projects by votes (most first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PoolResult {
    /// Pool id.
    pub pool_id: String,
    /// Pool name.
    pub name: String,
    /// Budget in grosze.
    pub budget: i64,
    /// Funded total in grosze.
    pub spent: i64,
    /// Ballots that voted in this pool.
    pub ballots: u64,
    /// The projects.
    pub projects: Vec<ProjectResult>,
}

/// A count of ballots under a label (district name, age band, channel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    /// Label.
    pub label: String,
    /// Ballots.
    pub ballots: u64,
}

/// The results of a closed edition (`GET /api/civic/editions/{id}/results`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Results {
    /// The edition.
    pub edition_id: String,
    /// The rule used.
    pub rule: Rule,
    /// Ballots counted.
    pub ballots: u64,
    /// Of which paper ballots entered by the office.
    pub paper_ballots: u64,
    /// Per pool.
    pub pools: Vec<PoolResult>,
    /// Ballots per district pool.
    pub by_district: Vec<Count>,
    /// Ballots per age band (`<18`, `18-24`, `25-39`, `40-59`, `60+`).
    pub by_age: Vec<Count>,
}

/// The age band of a voter of `age` years.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=17 => "<18",
        18..=24 => "18-24",
        25..=39 => "25-39",
        40..=59 => "40-59",
        _ => "60+",
    }
}

/// The age bands in order.
pub const AGE_BANDS: [&str; 5] = ["<18", "18-24", "25-39", "40-59", "60+"];

/// Why each project of a counted pool was or was not funded. `numbers[p]` is project
/// `p`'s ballot number, `chosen` what [`crate::pb::choose`] returned for `rule`.
pub fn verdicts(
    election: &crate::pb::Election,
    rule: Rule,
    groups: &[Option<usize>],
    chosen: &[usize],
    numbers: &[u32],
) -> Vec<Verdict> {
    let votes = crate::pb::vote_counts(election);
    let order = crate::pb::by_votes(election, &votes);
    let mut verdicts = vec![Verdict::NoVotes; election.projects.len()];
    let mut spent = 0i64;
    let mut before: Vec<usize> = vec![];
    for p in order {
        if let Some(i) = chosen.iter().position(|&q| q == p) {
            verdicts[p] = Verdict::Funded {
                order: i as u32 + 1,
            };
            spent += election.projects[p].cost;
        } else if votes[p] == 0 {
            verdicts[p] = Verdict::NoVotes;
        } else if let Some(&q) = chosen.iter().find(|&&q| {
            crate::pb::clash(groups, p, q) && (rule == Rule::Mes || before.contains(&q))
        }) {
            verdicts[p] = Verdict::Conflict { with: numbers[q] };
        } else if rule == Rule::Greedy {
            verdicts[p] = Verdict::NotEnoughMoney {
                left: election.budget - spent,
            };
        } else {
            verdicts[p] = Verdict::SharesTooSmall;
        }
        before.push(p);
    }
    verdicts
}

/// What the admin may change in an edition (`PUT /api/civic/editions/{id}`); pools are
/// fixed once created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditionChange {
    /// Title.
    pub title: String,
    /// The timetable.
    pub timetable: Timetable,
    /// The rules.
    pub rules: Rules,
}

/// A pupil a guardian may consent for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PupilConsent {
    /// The pupil's account id.
    pub pupil_id: String,
    /// The pupil's name.
    pub name: String,
    /// Whether the guardian has consented for this edition.
    pub consented: bool,
}

/// The caller as a voter in an edition (`GET /api/civic/editions/{id}/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoterStatus {
    /// Why the caller may not vote (`pesel_required`, `consent_required`), if so.
    pub problem: Option<crate::error::ErrorCode>,
    /// The caller's ballot, if cast.
    pub ballot: Option<MyBallot>,
    /// Pupils the caller is the guardian of, with their consent for this edition.
    pub pupils: Vec<PupilConsent>,
}

/// A guardian's consent (`POST /api/civic/editions/{id}/consents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewConsent {
    /// The pupil's account id.
    pub pupil_id: String,
}

/// A paper ballot entered by a clerk (`POST /api/civic/editions/{id}/paper-ballots`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaperBallot {
    /// The voter's PESEL, as written on the paper ballot (checked, never shown again).
    pub pesel: String,
    /// The choices.
    pub ballot: Ballot,
}

/// Whether a receipt code is on the list of counted ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptCheck {
    /// The code from the ballot receipt.
    pub code: String,
    /// Answer: whether a ballot with this receipt is in the count.
    pub counted: Option<bool>,
}
