//! The civic-budget tally against three real Polish elections (facts measured with the
//! reference implementation pabutools, see `data/README.md`), the `.pb` parser's refusals
//! with line numbers, and properties of both rules.

use std::io::Read;

use models::pb::{Election, Project, Rule, parse, tally, write};
use proptest::prelude::*;

fn fixture(name: &str) -> Election {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = if name.ends_with(".gz") {
        let file = std::fs::File::open(&path).expect("fixture");
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .expect("gzip");
        text
    } else {
        std::fs::read_to_string(&path).expect("fixture")
    };
    parse(&text).expect("parses")
}

fn official(e: &Election) -> Vec<String> {
    let mut ids: Vec<String> = e
        .projects
        .iter()
        .filter(|p| p.selected == Some(true))
        .map(|p| p.id.clone())
        .collect();
    ids.sort();
    ids
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn greedy_reproduces_warszawa_bemowo_2024() {
    let e = fixture("poland_warszawa_2024_bemowo.pb");
    assert_eq!(e.ballots.len(), 5951);
    assert_eq!(e.budget, 4_868_502 * 100);
    assert_eq!(e.max_length, Some(15));
    let out = tally(&e, Rule::Greedy);
    assert_eq!(out.selected.len(), 26);
    assert_eq!(sorted(out.selected), official(&e));
}

#[test]
fn greedy_reproduces_lodz_2024() {
    let e = fixture("poland_lodz_2024_.pb.gz");
    assert_eq!(e.ballots.len(), 66_045);
    let out = tally(&e, Rule::Greedy);
    assert_eq!(out.selected.len(), 14);
    assert_eq!(sorted(out.selected), official(&e));
}

#[test]
fn equal_shares_with_add1_reproduces_swiecie_2023() {
    let e = fixture("poland_swiecie_2023_.pb");
    assert_eq!(e.ballots.len(), 2553);
    let out = tally(&e, Rule::Mes);
    let expected: Vec<String> = "c1 c2 c3 c4 c5 c7 c9 c10 c11 c12 c13 c14 c17 c18 c19 c20 c21"
        .split(' ')
        .map(str::to_owned)
        .collect();
    assert_eq!(sorted(out.selected), sorted(expected));
    assert_eq!(out.total_cost, 1_040_337);
    assert_eq!(out.rule, "mes");
}

#[test]
fn bad_files_are_refused_with_their_line() {
    let good = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\np1;60;A\np2;50;B\nVOTES\nvoter_id;vote\nv1;p1,p2\nv2;p2\n";
    assert!(parse(good).is_ok());
    for (name, text, line, words) in [
        ("no META", good.replacen("META\n", "", 1), 1, "META"),
        (
            "cost",
            good.replace("p2;50;B", "p2;pięćdziesiąt;B"),
            8,
            "cost",
        ),
        ("unknown project", good.replace("v2;p2", "v2;p9"), 12, "p9"),
        (
            "twice on a ballot",
            good.replace("v2;p2", "v2;p2,p2"),
            12,
            "twice",
        ),
        (
            "second ballot",
            good.replace("v2;p2", "v1;p2"),
            12,
            "already voted",
        ),
        ("short row", good.replace("p1;60;A", "p1;60"), 7, "fields"),
        (
            "duplicate project",
            good.replace("p2;50;B", "p1;50;B"),
            8,
            "twice",
        ),
        (
            "open quote",
            good.replace("p1;60;A", "p1;60;\"A"),
            7,
            "quoted",
        ),
        ("no budget", good.replace("budget;100\n", ""), 0, "budget"),
        (
            "ordinal",
            good.replace("approval", "ordinal"),
            0,
            "vote_type",
        ),
        (
            "no votes",
            good[..good.find("VOTES").expect("votes")].to_owned(),
            0,
            "VOTES",
        ),
    ] {
        let e = parse(&text).expect_err(name);
        assert_eq!(e.line, line, "{name}: {e}");
        assert!(e.to_string().contains(words), "{name}: {e}");
    }
}

#[test]
fn quoted_names_and_decimal_amounts_are_read() {
    let text = "META\nkey;value\nbudget;100.50\nPROJECTS\nproject_id;cost;name\np1;\"60.25\";\"Park; \"\"Zielony\"\"\"\nVOTES\nvoter_id;vote\nv1;p1\n";
    let e = parse(text).expect("parses");
    assert_eq!(e.budget, 10_050);
    assert_eq!(e.projects[0].cost, 6_025);
    assert_eq!(e.projects[0].name, "Park; \"Zielony\"");
}

#[test]
fn an_exported_file_counts_the_same() {
    let e = fixture("poland_warszawa_2024_bemowo.pb");
    let again = parse(&write(&e)).expect("re-parses");
    assert_eq!(tally(&again, Rule::Greedy), tally(&e, Rule::Greedy));
    assert_eq!(tally(&again, Rule::Mes), tally(&e, Rule::Mes));
}

fn election() -> impl Strategy<Value = Election> {
    (
        prop::collection::vec(1i64..=60, 1..8),
        1i64..=200,
        prop::collection::vec(prop::collection::btree_set(0usize..8, 0..5), 0..30),
    )
        .prop_map(|(costs, budget, ballots)| {
            let n = costs.len();
            Election {
                meta: vec![("budget".into(), budget.to_string())],
                budget: budget * 100,
                projects: costs
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Project {
                        id: format!("p{i}"),
                        cost: c * 100,
                        name: String::new(),
                        selected: None,
                        group: String::new(),
                    })
                    .collect(),
                ballots: ballots
                    .into_iter()
                    .map(|b| b.into_iter().filter(|&p| p < n).collect())
                    .collect(),
                max_length: None,
            }
        })
}

fn cost(e: &Election, ids: &[String]) -> i64 {
    ids.iter()
        .map(|id| {
            e.projects
                .iter()
                .find(|p| &p.id == id)
                .expect("listed")
                .cost
        })
        .sum()
}

proptest! {
    #[test]
    fn greedy_never_exceeds_the_budget(e in election()) {
        let out = tally(&e, Rule::Greedy);
        prop_assert!(cost(&e, &out.selected) <= e.budget);
    }

    #[test]
    fn equal_shares_is_affordable_and_picks_only_supported_projects(e in election()) {
        let out = tally(&e, Rule::Mes);
        let spent = cost(&e, &out.selected);
        prop_assert!(spent <= e.budget);
        // Nothing chosen twice, and only projects somebody voted for.
        let mut ids = out.selected.clone();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), out.selected.len());
        let voted: std::collections::BTreeSet<usize> = e.ballots.iter().flatten().copied().collect();
        for id in &out.selected {
            let p = e.projects.iter().position(|p| &p.id == id).expect("listed");
            prop_assert!(voted.contains(&p));
        }
    }

    #[test]
    fn the_tally_does_not_depend_on_ballot_order(e in election(), seed in any::<u64>()) {
        let mut shuffled = e.clone();
        let n = shuffled.ballots.len();
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.ballots.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(sorted(tally(&e, Rule::Greedy).selected), sorted(tally(&shuffled, Rule::Greedy).selected));
        prop_assert_eq!(sorted(tally(&e, Rule::Mes).selected), sorted(tally(&shuffled, Rule::Mes).selected));
    }
}

/// The same elections with projects put in up to two groups of the same site.
fn grouped() -> impl Strategy<Value = Election> {
    (election(), prop::collection::vec(0u8..3, 8)).prop_map(|(mut e, groups)| {
        for (p, g) in e.projects.iter_mut().zip(groups) {
            p.group = match g {
                1 => "a".into(),
                2 => "b".into(),
                _ => String::new(),
            };
        }
        e
    })
}

proptest! {
    #[test]
    fn at_most_one_project_of_a_site_is_funded_and_the_rest_is_explained(e in grouped()) {
        use models::civic::{Verdict, verdicts};
        let groups = e.groups();
        for rule in [Rule::Greedy, Rule::Mes] {
            let chosen = models::pb::choose(&e, rule, &groups);
            prop_assert!(chosen.iter().map(|&p| e.projects[p].cost).sum::<i64>() <= e.budget);
            for (i, &a) in chosen.iter().enumerate() {
                for &b in &chosen[i + 1..] {
                    prop_assert!(!models::pb::clash(&groups, a, b));
                }
            }
            let numbers: Vec<u32> = (1..=e.projects.len() as u32).collect();
            let why = verdicts(&e, rule, &groups, &chosen, &numbers);
            for (p, verdict) in why.iter().enumerate() {
                let funded = matches!(verdict, Verdict::Funded { .. });
                prop_assert_eq!(funded, chosen.contains(&p));
                if let Verdict::NotEnoughMoney { left } = verdict {
                    // Greedy skipped it because it did not fit what was left then.
                    prop_assert!(e.projects[p].cost > *left);
                }
                if let Verdict::Conflict { with } = verdict {
                    let q = (*with - 1) as usize;
                    prop_assert!(chosen.contains(&q) && models::pb::clash(&groups, p, q));
                }
            }
        }
    }
}
