//! Civic-budget elections in the pabulib format (<https://pabulib.org/format>) and the two
//! counting rules Polish cities use: greedy by votes, and the Method of Equal Shares with
//! cost utilities and the "add1" completion. The same code runs in the CLI
//! (`okienko pb tally`), on the server and in the browser's "re-count it yourself" page.
//!
//! Money is kept in grosze (integers); the file's amounts are in its currency's units.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A parsed election: its metadata, projects and approval ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Election {
    /// META's key/value pairs, in file order.
    pub meta: Vec<(String, String)>,
    /// The budget in grosze.
    pub budget: i64,
    /// Projects in file order.
    pub projects: Vec<Project>,
    /// Ballots: indices into `projects`, each ballot without repeats.
    pub ballots: Vec<Vec<usize>>,
    /// The most projects a ballot may approve (`max_length`), if set.
    pub max_length: Option<usize>,
}

/// A project of an election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// `project_id`.
    pub id: String,
    /// Cost in grosze.
    pub cost: i64,
    /// `name`, if given.
    pub name: String,
    /// The official `selected` column, if the file has one.
    pub selected: Option<bool>,
    /// Okienko's `conflict_group` column: projects on the same site, at most one of
    /// which can be funded (empty: none).
    pub group: String,
}

impl Election {
    /// Per project, the index of its exclusive group, for [`choose`].
    pub fn groups(&self) -> Vec<Option<usize>> {
        let mut names: Vec<&str> = vec![];
        self.projects
            .iter()
            .map(|p| {
                if p.group.is_empty() {
                    return None;
                }
                Some(match names.iter().position(|n| *n == p.group) {
                    Some(i) => i,
                    None => {
                        names.push(&p.group);
                        names.len() - 1
                    }
                })
            })
            .collect()
    }
}

/// Why a `.pb` file was refused: the line (1-based) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number (0 when the problem is the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

fn err(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

/// Splits one `;`-separated line, honouring double quotes (`""` inside quotes is `"`).
fn split_row(line: &str) -> Option<Vec<String>> {
    let mut fields = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if field.is_empty() => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            (';', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(field);
    Some(fields)
}

/// Parses an amount (`1070000`, `1070000.0`, `37387.5`) into grosze.
fn money(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ if frac[2..].bytes().all(|b| b == b'0') => frac[..2].parse::<i64>().ok()?,
        _ => return None,
    };
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Meta,
    Projects,
    Votes,
}

/// Parses a `.pb` file. Only approval ballots (`vote_type` `approval`, or `choose-1`
/// files written as approval with `max_length` 1) are accepted.
pub fn parse(text: &str) -> Result<Election, ParseError> {
    let mut section = Section::None;
    let mut header: Vec<String> = vec![];
    let mut meta = vec![];
    let mut projects: Vec<Project> = vec![];
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut raw_votes: Vec<(usize, String)> = vec![];
    let mut seen_voters: HashMap<String, usize> = HashMap::new();
    let mut expect_header = false;
    let mut sections_seen = [false; 3];
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if n == 1 {
            let line = line.trim_start_matches('\u{feff}');
            if line.trim() != "META" {
                return Err(err(n, "a .pb file starts with the META section"));
            }
        }
        match line.trim() {
            "META" | "PROJECTS" | "VOTES" => {
                let next = match line.trim() {
                    "META" => Section::Meta,
                    "PROJECTS" => Section::Projects,
                    _ => Section::Votes,
                };
                let i = match next {
                    Section::Meta => 0,
                    Section::Projects => 1,
                    _ => 2,
                };
                if sections_seen[i] {
                    return Err(err(n, format!("section {} appears twice", line.trim())));
                }
                sections_seen[i] = true;
                section = next;
                expect_header = true;
                continue;
            }
            "" => continue,
            _ => {}
        }
        let Some(row) = split_row(line) else {
            return Err(err(n, "a quoted field is not closed"));
        };
        if expect_header {
            header = row.iter().map(|h| h.trim().to_owned()).collect();
            expect_header = false;
            let needed: &[&str] = match section {
                Section::Meta => &["key", "value"],
                Section::Projects => &["project_id", "cost"],
                Section::Votes => &["voter_id", "vote"],
                Section::None => &[],
            };
            for column in needed {
                if !header.iter().any(|h| h == column) {
                    return Err(err(n, format!("the header has no `{column}` column")));
                }
            }
            continue;
        }
        if row.len() != header.len() {
            return Err(err(
                n,
                format!("{} fields where the header has {}", row.len(), header.len()),
            ));
        }
        let get = |column: &str| {
            header
                .iter()
                .position(|h| h == column)
                .map(|i| row[i].trim())
        };
        match section {
            Section::None => return Err(err(n, "text before the META section")),
            Section::Meta => meta.push((
                get("key").unwrap_or_default().to_owned(),
                get("value").unwrap_or_default().to_owned(),
            )),
            Section::Projects => {
                let id = get("project_id").unwrap_or_default().to_owned();
                if id.is_empty() {
                    return Err(err(n, "a project without an id"));
                }
                if index.contains_key(&id) {
                    return Err(err(n, format!("project {id} appears twice")));
                }
                let cost = get("cost")
                    .and_then(money)
                    .ok_or_else(|| err(n, format!("project {id}: the cost is not an amount")))?;
                let selected = match get("selected") {
                    None | Some("") => None,
                    Some("1") => Some(true),
                    Some("0") => Some(false),
                    Some(other) => {
                        return Err(err(
                            n,
                            format!("project {id}: `selected` is {other}, not 0 or 1"),
                        ));
                    }
                };
                index.insert(id.clone(), projects.len());
                projects.push(Project {
                    id,
                    cost,
                    name: get("name").unwrap_or_default().to_owned(),
                    selected,
                    group: get("conflict_group").unwrap_or_default().to_owned(),
                });
            }
            Section::Votes => {
                let voter = get("voter_id").unwrap_or_default().to_owned();
                if let Some(first) = seen_voters.insert(voter.clone(), n) {
                    return Err(err(
                        n,
                        format!("voter {voter} already voted on line {first}"),
                    ));
                }
                raw_votes.push((n, get("vote").unwrap_or_default().to_owned()));
            }
        }
    }
    if !sections_seen[1] {
        return Err(err(0, "the file has no PROJECTS section"));
    }
    if !sections_seen[2] {
        return Err(err(0, "the file has no VOTES section"));
    }
    let meta_value = |k: &str| {
        meta.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let budget = meta_value("budget")
        .and_then(money)
        .ok_or_else(|| err(0, "META has no budget amount"))?;
    match meta_value("vote_type") {
        Some("approval") | None => {}
        Some(other) => {
            return Err(err(
                0,
                format!("vote_type {other} is not supported (approval only)"),
            ));
        }
    }
    let max_length = match meta_value("max_length") {
        None | Some("") => None,
        Some(v) => Some(
            v.parse::<f64>()
                .ok()
                .filter(|x| *x >= 1.0 && x.fract() == 0.0)
                .map(|x| x as usize)
                .ok_or_else(|| err(0, format!("max_length {v} is not a whole number")))?,
        ),
    };
    let mut ballots = Vec::with_capacity(raw_votes.len());
    for (n, vote) in raw_votes {
        let mut ballot: Vec<usize> = vec![];
        for id in vote.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let p = *index.get(id).ok_or_else(|| {
                err(
                    n,
                    format!("the ballot names project {id}, which is not listed"),
                )
            })?;
            if ballot.contains(&p) {
                return Err(err(n, format!("the ballot names project {id} twice")));
            }
            ballot.push(p);
        }
        ballots.push(ballot);
    }
    Ok(Election {
        meta,
        budget,
        projects,
        ballots,
        max_length,
    })
}

/// A counting rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Most votes first; a project that no longer fits is skipped.
    Greedy,
    /// The Method of Equal Shares, cost utilities, with the "add1" completion.
    Mes,
}

impl Rule {
    /// The rule's name on the command line and in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::Mes => "mes",
        }
    }

    /// Parses `greedy` or `mes`.
    pub fn parse(s: &str) -> Option<Rule> {
        match s {
            "greedy" => Some(Rule::Greedy),
            "mes" => Some(Rule::Mes),
            _ => None,
        }
    }
}

/// The outcome of a tally, as `okienko pb tally` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The funded projects' ids, in the order the rule chose them.
    pub selected: Vec<String>,
    /// Their total cost in the file's currency units (whole units; grosze are rounded
    /// down, which never happens with Polish data).
    pub total_cost: i64,
    /// `greedy` or `mes`.
    pub rule: String,
}

/// Counts an election with a rule.
pub fn tally(election: &Election, rule: Rule) -> Outcome {
    let chosen = choose(election, rule, &election.groups());
    let total: i64 = chosen.iter().map(|&p| election.projects[p].cost).sum();
    Outcome {
        selected: chosen
            .iter()
            .map(|&p| election.projects[p].id.clone())
            .collect(),
        total_cost: total / 100,
        rule: rule.as_str().to_owned(),
    }
}

/// Approvals per project.
pub fn vote_counts(election: &Election) -> Vec<u64> {
    let mut votes = vec![0u64; election.projects.len()];
    for ballot in &election.ballots {
        for &p in ballot {
            votes[p] += 1;
        }
    }
    votes
}

/// The projects a rule chooses, in order. `groups[p]` puts project `p` in a group of
/// mutually exclusive projects (the same site): once one is chosen the others are out.
/// An empty `groups` means no such groups.
pub fn choose(election: &Election, rule: Rule, groups: &[Option<usize>]) -> Vec<usize> {
    match rule {
        Rule::Greedy => greedy_with(election, groups),
        Rule::Mes => equal_shares_add1_with(election, groups),
    }
}

/// Whether projects `a` and `b` are in the same exclusive group.
pub fn clash(groups: &[Option<usize>], a: usize, b: usize) -> bool {
    let group = |p: usize| groups.get(p).copied().flatten();
    a != b && group(a).is_some() && group(a) == group(b)
}

/// Projects in greedy's order: most votes first, ties by the lower project id (as
/// pabutools' lexicographic tie-breaking).
pub fn by_votes(election: &Election, votes: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..election.projects.len()).collect();
    order.sort_by(|&a, &b| {
        votes[b]
            .cmp(&votes[a])
            .then_with(|| election.projects[a].id.cmp(&election.projects[b].id))
    });
    order
}

/// Greedy by votes: returns the chosen projects in order.
pub fn greedy(election: &Election) -> Vec<usize> {
    greedy_with(election, &[])
}

fn greedy_with(election: &Election, groups: &[Option<usize>]) -> Vec<usize> {
    let votes = vote_counts(election);
    let mut left = election.budget;
    let mut chosen: Vec<usize> = vec![];
    for p in by_votes(election, &votes) {
        let cost = election.projects[p].cost;
        let excluded = chosen.iter().any(|&q| clash(groups, p, q));
        if votes[p] > 0 && cost <= left && !excluded {
            left -= cost;
            chosen.push(p);
        }
    }
    chosen
}

/// Relative tolerance of the floating-point comparisons in MES.
const EPSILON: f64 = 1e-9;

/// Identical ballots counted once with their multiplicity: MES is much faster on them.
struct Groups {
    /// Per group: how many voters cast it.
    weight: Vec<f64>,
    /// Per project: the groups approving it.
    approvers: Vec<Vec<usize>>,
    /// Number of voters.
    voters: usize,
}

fn groups(election: &Election) -> Groups {
    let mut seen: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut weight = vec![];
    let mut approvers = vec![vec![]; election.projects.len()];
    for ballot in &election.ballots {
        let mut key = ballot.clone();
        key.sort_unstable();
        let next = weight.len();
        let g = *seen.entry(key.clone()).or_insert(next);
        if g == next {
            weight.push(0.0);
            for &p in &key {
                approvers[p].push(g);
            }
        }
        weight[g] += 1.0;
    }
    Groups {
        weight,
        approvers,
        voters: election.ballots.len(),
    }
}

/// MES with cost utilities for a total budget (in grosze): each voter starts with an
/// equal share; the next project is the one its supporters can buy with the most even
/// split of its cost (the highest "effective vote count" cost / largest payment).
fn equal_shares(
    election: &Election,
    g: &Groups,
    total: f64,
    exclusive: &[Option<usize>],
) -> Vec<usize> {
    let n = g.voters as f64;
    // Per group, each voter's remaining money.
    let mut budget = vec![total / n; g.weight.len()];
    let projects = &election.projects;
    // Candidates with their last effective vote count (an upper bound of the next one).
    let mut remaining: Vec<(usize, f64)> = (0..projects.len())
        .filter(|&p| projects[p].cost > 0 && !g.approvers[p].is_empty())
        .map(|p| {
            let votes: f64 = g.approvers[p].iter().map(|&a| g.weight[a]).sum();
            (p, votes)
        })
        .collect();
    let mut chosen = vec![];
    let mut supporters: Vec<usize> = vec![];
    loop {
        // Highest previous count first; ties by id (lexicographic tie-breaking).
        remaining.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| projects[a.0].id.cmp(&projects[b.0].id))
        });
        let mut best: Option<(usize, f64)> = None;
        let mut drop = vec![];
        for (slot, entry) in remaining.iter_mut().enumerate() {
            let (p, previous) = *entry;
            if best.is_some_and(|(_, b)| previous < b * (1.0 - EPSILON)) {
                break;
            }
            let cost = projects[p].cost as f64;
            let money: f64 = g.approvers[p]
                .iter()
                .map(|&a| budget[a] * g.weight[a])
                .sum();
            if money < cost * (1.0 - EPSILON) {
                drop.push(slot);
                continue;
            }
            supporters.clear();
            supporters.extend_from_slice(&g.approvers[p]);
            supporters.sort_by(|&a, &b| budget[a].total_cmp(&budget[b]));
            let mut paid = 0.0;
            let mut count: f64 = supporters.iter().map(|&a| g.weight[a]).sum();
            for &a in &supporters {
                let max_payment = (cost - paid) / count;
                if max_payment > budget[a] {
                    paid += budget[a] * g.weight[a];
                    count -= g.weight[a];
                } else {
                    let effective = cost / max_payment;
                    entry.1 = effective;
                    let better = match best {
                        None => true,
                        // Equal up to rounding: the lower id wins, whatever order the
                        // sums were taken in.
                        Some((bp, b)) if (effective - b).abs() <= b * EPSILON => {
                            projects[p].id < projects[bp].id
                        }
                        Some((_, b)) => effective > b,
                    };
                    if better {
                        best = Some((p, effective));
                    }
                    break;
                }
            }
        }
        for slot in drop.into_iter().rev() {
            remaining.remove(slot);
        }
        let Some((p, effective)) = best else {
            break;
        };
        chosen.push(p);
        remaining.retain(|&(q, _)| q != p && !clash(exclusive, p, q));
        let payment = projects[p].cost as f64 / effective;
        for &a in &g.approvers[p] {
            budget[a] = (budget[a] - payment).max(0.0);
        }
    }
    chosen
}

/// MES with the "add1" completion: while some unchosen project would still fit the real
/// budget, raise every voter's share by one currency unit and count again; keep the last
/// outcome that does not overspend the real budget.
pub fn equal_shares_add1(election: &Election) -> Vec<usize> {
    equal_shares_add1_with(election, &[])
}

fn equal_shares_add1_with(election: &Election, exclusive: &[Option<usize>]) -> Vec<usize> {
    let g = groups(election);
    let cost_of =
        |chosen: &[usize]| -> i64 { chosen.iter().map(|&p| election.projects[p].cost).sum() };
    let mut total = election.budget as f64;
    let mut chosen = equal_shares(election, &g, total, exclusive);
    let step = 100.0 * g.voters as f64;
    loop {
        let spent = cost_of(&chosen);
        // Only projects someone voted for (at a cost) can ever be chosen by MES.
        let exhaustive = (0..election.projects.len())
            .filter(|&p| election.projects[p].cost > 0 && !g.approvers[p].is_empty())
            .all(|p| {
                chosen.contains(&p)
                    || spent + election.projects[p].cost > election.budget
                    || chosen.iter().any(|&q| clash(exclusive, p, q))
            });
        if exhaustive || g.voters == 0 {
            break;
        }
        total += step;
        let next = equal_shares(election, &g, total, exclusive);
        if cost_of(&next) <= election.budget {
            chosen = next;
        } else {
            break;
        }
    }
    chosen
}

/// An amount in grosze as the file writes it: whole units, or units with two decimals.
pub fn amount(grosze: i64) -> String {
    if grosze % 100 == 0 {
        (grosze / 100).to_string()
    } else {
        format!("{}.{:02}", grosze / 100, grosze % 100)
    }
}

/// Writes an election as a `.pb` file (approval ballots; projects with their cost in
/// whole units and name).
pub fn write(election: &Election) -> String {
    let quote = |s: &str| {
        if s.contains([';', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let votes = vote_counts(election);
    let mut out = String::from("META\nkey;value\n");
    for (k, v) in &election.meta {
        out.push_str(&format!("{};{}\n", quote(k), quote(v)));
    }
    let grouped = election.projects.iter().any(|p| !p.group.is_empty());
    out.push_str("PROJECTS\nproject_id;cost;votes;name");
    out.push_str(if grouped { ";conflict_group\n" } else { "\n" });
    for (p, project) in election.projects.iter().enumerate() {
        out.push_str(&format!(
            "{};{};{};{}",
            quote(&project.id),
            amount(project.cost),
            votes[p],
            quote(&project.name)
        ));
        if grouped {
            out.push(';');
            out.push_str(&quote(&project.group));
        }
        out.push('\n');
    }
    out.push_str("VOTES\nvoter_id;vote\n");
    for (i, ballot) in election.ballots.iter().enumerate() {
        let ids: Vec<&str> = ballot
            .iter()
            .map(|&p| election.projects[p].id.as_str())
            .collect();
        out.push_str(&format!("v{};{}\n", i + 1, ids.join(",")));
    }
    out
}
