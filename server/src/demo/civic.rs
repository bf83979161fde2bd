//! Demo civic budget: last year's edition, closed and counted from 240 generated ballots;
//! this year's, open for voting; next year's, open for proposals. Dates are relative to
//! the day the demo is loaded.

use jiff::ToSpan;
use jiff::civil::Date;
use models::civic::{BallotKind, NewEdition, NewPool, PoolChoice, Rules, Timetable, age_band};
use models::pb::Rule;

use crate::civic::{db, editions, results};
use crate::db::{Db, new_id};
use crate::time_fmt::{now_ms, today};

/// (pool index, title, location, category, cost in złoty, conflict group).
type DemoProject = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    i64,
    Option<&'static str>,
);

const PROJECTS: [DemoProject; 12] = [
    (
        0,
        "Zielona ścieżka rowerowa wzdłuż rzeki",
        "Bulwar nad Wartą",
        "transport",
        180_000,
        None,
    ),
    (0, "Letnie kino plenerowe", "Rynek", "culture", 40_000, None),
    (
        0,
        "Defibrylatory AED w szkołach",
        "Szkoły gminne",
        "safety",
        60_000,
        None,
    ),
    (
        0,
        "Nowe nasadzenia drzew na osiedlach",
        "Cała gmina",
        "greenery",
        90_000,
        None,
    ),
    (
        0,
        "Warsztaty programowania dla seniorów",
        "Biblioteka gminna",
        "education",
        25_000,
        None,
    ),
    (
        0,
        "Zadaszona wiata przystankowa przy szkole",
        "ul. Szkolna 3",
        "transport",
        35_000,
        None,
    ),
    (
        1,
        "Plac zabaw przy ul. Lipowej",
        "Skwer przy ul. Lipowej",
        "sport",
        95_000,
        Some("skwer-lipowa"),
    ),
    (
        1,
        "Ogród deszczowy przy ul. Lipowej",
        "Skwer przy ul. Lipowej",
        "greenery",
        70_000,
        Some("skwer-lipowa"),
    ),
    (
        1,
        "Ławki i kosze na ul. Polnej",
        "ul. Polna",
        "other",
        20_000,
        None,
    ),
    (
        2,
        "Siłownia plenerowa",
        "Park Południowy",
        "sport",
        80_000,
        None,
    ),
    (
        2,
        "Oświetlenie boiska",
        "Boisko przy ul. Leśnej",
        "safety",
        55_000,
        None,
    ),
    (
        2,
        "Budki lęgowe i łąka kwietna",
        "Park Południowy",
        "greenery",
        15_000,
        None,
    ),
];

/// Map points of the demo projects (latitude, longitude), in the same order.
const POINTS: [(f64, f64); 12] = [
    (52.4102, 16.9321),
    (52.4075, 16.9335),
    (52.4131, 16.9252),
    (52.4060, 16.9180),
    (52.4088, 16.9290),
    (52.4115, 16.9402),
    (52.4190, 16.9260),
    (52.4193, 16.9265),
    (52.4210, 16.9330),
    (52.3990, 16.9300),
    (52.4005, 16.9220),
    (52.3985, 16.9310),
];

fn timetable(voting_from: Date, voting_to: Date) -> anyhow::Result<Timetable> {
    let day = |d: Date| d.to_string();
    Ok(Timetable {
        proposals_from: day(voting_from.checked_sub(120.days())?),
        proposals_to: day(voting_from.checked_sub(90.days())?),
        verification_to: day(voting_from.checked_sub(45.days())?),
        appeals_to: day(voting_from.checked_sub(30.days())?),
        voting_from: day(voting_from),
        voting_to: day(voting_to),
    })
}

fn pools() -> Vec<NewPool> {
    let pool = |name: &str, district: bool, zl: i64, max: u32| NewPool {
        name: name.to_owned(),
        district,
        budget: zl * 100,
        max_choices: max,
        min_choices: 0,
    };
    vec![
        pool("Ogólnogminny", false, 300_000, 5),
        pool("Osiedle Północ", true, 150_000, 3),
        pool("Osiedle Południe", true, 120_000, 3),
    ]
}

async fn edition(
    db: &Db,
    gmina: &str,
    title: &str,
    timetable: Timetable,
    rule: Rule,
) -> anyhow::Result<String> {
    let new = NewEdition {
        title: title.to_owned(),
        timetable,
        rules: Rules {
            ballot: BallotKind::Approval,
            rule,
            min_age: Some(16),
            guardian_consent: true,
            allow_change: true,
        },
        pools: pools(),
    };
    editions::insert(db, gmina, &new).await
}

/// Puts the demo projects, accepted, in an edition; returns (id, pool id) by demo index.
async fn projects(db: &Db, gmina: &str, edition: &str) -> anyhow::Result<Vec<(String, String)>> {
    let mut conn = db.pool.acquire().await?;
    let stored = db::edition(&mut conn, gmina, edition)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo edition missing"))?;
    let mut out = vec![];
    let now = now_ms();
    for ((pool, title, location, category, zl, group), (lat, lon)) in
        PROJECTS.into_iter().zip(POINTS)
    {
        let pool_id = stored.edition.pools[pool].id.clone();
        let id = new_id();
        let number = db::next_number(&mut conn, edition).await?;
        sqlx::query(
            "INSERT INTO civic_projects (id, gmina_id, edition_id, pool_id, number, title, \
             description, location, category, estimated_cost, cost, status, conflict_group, \
             created_at, updated_at, lat_e6, lon_e6) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
             $10, $10, 'accepted', $11, $12, $12, $13, $14)",
        )
        .bind(&id)
        .bind(gmina)
        .bind(edition)
        .bind(&pool_id)
        .bind(number)
        .bind(title)
        .bind(format!(
            "{title}. Projekt zgłoszony przez mieszkańców; koszt oszacowany z urzędem.\n\
             Miejsce: {location}."
        ))
        .bind(location)
        .bind(category)
        .bind(zl * 100)
        .bind(group)
        .bind(now)
        .bind((lat * 1e6).round() as i64)
        .bind((lon * 1e6).round() as i64)
        .execute(&mut *conn)
        .await?;
        let step = db::Step {
            kind: "accepted",
            note: "",
            cost: None,
            actor: None,
        };
        db::record(&mut *conn, gmina, &id, step, now).await?;
        out.push((id, pool_id));
    }
    Ok(out)
}

/// Loads the three demo editions.
pub async fn seed(db: &Db, gmina: &str) -> anyhow::Result<()> {
    let day = today();
    // Last year's: closed and counted.
    let past = timetable(day.checked_sub(60.days())?, day.checked_sub(40.days())?)?;
    let last = edition(db, gmina, "Budżet obywatelski 2026", past, Rule::Greedy).await?;
    let listed = projects(db, gmina, &last).await?;
    let mut seed: u64 = 2026;
    let mut next = move || {
        // A small linear congruential generator: the same ballots on every load.
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let cast_at = now_ms() - 45 * 86_400_000;
    for voter in 0..240 {
        let district = 1 + next() % 2;
        let mut choices = vec![];
        for pool in [0, district] {
            let candidates: Vec<&(String, String)> = listed
                .iter()
                .enumerate()
                .filter(|(i, _)| PROJECTS[*i].0 == pool)
                .map(|(_, p)| p)
                .collect();
            let mut picked: Vec<String> = vec![];
            for _ in 0..(1 + next() % 3) {
                // Earlier projects are more popular.
                let i = (next() % candidates.len()).min(next() % candidates.len());
                if !picked.contains(&candidates[i].0) {
                    picked.push(candidates[i].0.clone());
                }
            }
            choices.push(PoolChoice {
                pool_id: candidates[0].1.clone(),
                projects: picked,
            });
        }
        let district_id = choices[1].pool_id.clone();
        sqlx::query(
            "INSERT INTO civic_ballots (id, gmina_id, edition_id, voter_key, receipt_hash, \
             choices, district_id, age_band, channel, cast_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(&last)
        .bind(format!("demo-{voter}"))
        .bind(format!("{:064x}", voter * 7919 + 1))
        .bind(serde_json::to_string(&choices)?)
        .bind(district_id)
        .bind(age_band(16 + (next() % 70) as u32))
        .bind(if voter % 10 == 0 { "paper" } else { "online" })
        .bind(cast_at + voter as i64 * 60_000)
        .execute(&db.pool)
        .await?;
    }
    results::close_and_count(db, gmina, &last, now_ms() - 39 * 86_400_000).await?;
    // This year's: voting open.
    let open = timetable(day.checked_sub(3.days())?, day.checked_add(14.days())?)?;
    let current = edition(db, gmina, "Budżet obywatelski 2027", open, Rule::Mes).await?;
    projects(db, gmina, &current).await?;
    // Next year's: proposals open.
    let mut next_year = timetable(day.checked_add(60.days())?, day.checked_add(80.days())?)?;
    next_year.proposals_from = day.checked_sub(5.days())?.to_string();
    next_year.proposals_to = day.checked_add(20.days())?.to_string();
    edition(
        db,
        gmina,
        "Budżet obywatelski 2028",
        next_year,
        Rule::Greedy,
    )
    .await?;
    Ok(())
}
