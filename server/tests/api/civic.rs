//! Civic budget through the API: a project proposed, verified, appealed; voting with one
//! ballot per person under concurrency, changes, paper ballots, eligibility by age and a
//! guardian's consent; closing, results, the `.pb` export recounted to the same outcome,
//! and receipts.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Client, DEMO_PASSWORD, TestApp};

/// A valid PESEL for a birth date and serial (4 digits).
pub fn pesel(year: u32, month: u32, day: u32, serial: u32) -> String {
    let mm = match year {
        1900..=1999 => month,
        _ => month + 20,
    };
    let digits = format!("{:02}{:02}{:02}{:04}", year % 100, mm, day, serial);
    let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    let sum: u32 = digits
        .bytes()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

fn day(offset: i64) -> String {
    let today = server::time_fmt::today();
    today
        .checked_add(jiff::Span::new().days(offset))
        .expect("date")
        .to_string()
}

/// A timetable whose phase today is proposals (`voting` false) or voting (`true`).
fn timetable(voting: bool) -> Value {
    if voting {
        json!({"proposals_from": day(-40), "proposals_to": day(-30), "verification_to": day(-20),
            "appeals_to": day(-10), "voting_from": day(-1), "voting_to": day(10)})
    } else {
        json!({"proposals_from": day(-1), "proposals_to": day(5), "verification_to": day(10),
            "appeals_to": day(15), "voting_from": day(20), "voting_to": day(30)})
    }
}

fn rules(ballot: &str, rule: &str) -> Value {
    json!({"ballot": ballot, "rule": rule, "min_age": 16, "guardian_consent": true, "allow_change": true})
}

/// An edition with a citywide pool (1000 zł, up to 2 choices) and two districts.
async fn new_edition(admin: &mut Client<'_>, ballot: &str, rule: &str) -> Value {
    let r = admin
        .post(
            "/api/civic/editions",
            json!({"title": "BO testowy", "timetable": timetable(false), "rules": rules(ballot, rule),
                "pools": [
                    {"name": "Ogólnogminny", "district": false, "budget": 100_000, "max_choices": 2, "min_choices": 0},
                    {"name": "Północ", "district": true, "budget": 50_000, "max_choices": 2, "min_choices": 0},
                    {"name": "Południe", "district": true, "budget": 50_000, "max_choices": 2, "min_choices": 0}
                ]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.json()
}

fn project(pool: &str, title: &str, cost: i64) -> Value {
    json!({"pool_id": pool, "title": title, "description": "Opis projektu dla mieszkańców gminy.",
        "location": "ul. Lipowa", "point": {"lat": 52.1, "lon": 21.0}, "estimated_cost": cost,
        "category": "greenery"})
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_owned()
}

async fn accept(clerk: &mut Client<'_>, project: &str, group: Option<&str>) {
    let r = clerk
        .post(
            &format!("/api/civic/projects/{project}/verification"),
            json!({"accept": true, "reason": "", "conflict_group": group}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

async fn to_voting(admin: &mut Client<'_>, edition: &str, ballot: &str, rule: &str) {
    let r = admin
        .put(
            &format!("/api/civic/editions/{edition}"),
            json!({"title": "BO testowy", "timetable": timetable(true), "rules": rules(ballot, rule)}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["phase"], "voting");
}

async fn resident<'a>(app: &'a TestApp, name: &str, pesel: &str) -> Client<'a> {
    let mut c = app.client();
    let email = format!("{name}@example.pl");
    let r = c
        .post(
            "/api/auth/register",
            json!({"email": email, "password": DEMO_PASSWORD, "full_name": name, "pesel": pesel}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    c.login(&email, DEMO_PASSWORD).await;
    c
}

fn ballot(pool: &str, projects: &[&str]) -> Value {
    json!({"choices": [{"pool_id": pool, "projects": projects}]})
}

#[tokio::test]
async fn a_project_is_proposed_verified_appealed_and_every_step_is_public() {
    let app = TestApp::spawn().await;
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let edition = new_edition(&mut admin, "approval", "greedy").await;
    let e = id(&edition);
    let city = edition["pools"][0]["id"].as_str().expect("pool").to_owned();
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;

    // Bad input: every field named, nothing stored.
    let before = app.count("civic_projects").await;
    let bad = json!({"pool_id": "nope", "title": "ab", "description": "", "location": "x",
        "point": {"lat": 91.0, "lon": 0.0}, "estimated_cost": 0, "category": "bogus"});
    let r = jan
        .post(&format!("/api/civic/editions/{e}/projects"), bad)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = r.json()["error"]["fields"].clone();
    for f in [
        "pool_id",
        "title",
        "description",
        "location",
        "point",
        "estimated_cost",
        "category",
    ] {
        assert!(fields.get(f).is_some(), "{f} missing in {fields}");
    }
    assert_eq!(app.count("civic_projects").await, before);

    let r = jan
        .post(
            &format!("/api/civic/editions/{e}/projects"),
            project(&city, "Łąka kwietna", 30_000),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let p = r.json();
    assert_eq!(p["status"], "submitted");
    assert_eq!(p["number"], 1);
    assert_eq!(p["mine"], true);
    let pid = id(&p);

    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    // A resident cannot verify; a rejection needs a reason.
    let v = format!("/api/civic/projects/{pid}/verification");
    assert_eq!(
        jan.post(&v, json!({"accept": true, "reason": ""}))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = clerk
        .post(&v, json!({"accept": false, "reason": " "}))
        .await;
    assert_eq!(r.code(), "validation_failed");
    let r = clerk
        .post(
            &v,
            json!({"accept": false, "cost": 45_000, "reason": "Teren nie należy do gminy."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["status"], "rejected");
    assert_eq!(r.json()["cost"], 45_000);
    // Verified once: a second verification is refused.
    assert_eq!(
        clerk
            .post(&v, json!({"accept": true, "reason": ""}))
            .await
            .code(),
        "wrong_phase"
    );

    // The author appeals once; someone else's appeal is 404.
    let a = format!("/api/civic/projects/{pid}/appeal");
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        anna.post(&a, json!({"reason": "Nie moje."})).await.status,
        StatusCode::NOT_FOUND
    );
    let detail = jan.get(&format!("/api/civic/projects/{pid}")).await.json();
    assert_eq!(detail["can_appeal"], true);
    let r = jan
        .post(
            &a,
            json!({"reason": "Działka jest gminna: księga wieczysta w załączeniu."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["status"], "appealed");
    assert_eq!(r.json()["can_appeal"], false);
    let d = format!("/api/civic/projects/{pid}/appeal-decision");
    assert_eq!(
        clerk.post(&d, json!({"reason": "ok"})).await.code(),
        "validation_failed"
    );
    let r = clerk
        .post(
            &d,
            json!({"reason": "Potwierdzono własność gminy.", "upheld": true}),
        )
        .await;
    assert_eq!(r.json()["status"], "accepted");
    // A second appeal is not possible even after another rejection path.
    assert_eq!(
        jan.post(&a, json!({"reason": "Jeszcze raz."})).await.code(),
        "wrong_phase"
    );

    // The public page, seen anonymously, shows every step in order.
    let public = app
        .client()
        .get(&format!("/api/civic/projects/{pid}"))
        .await
        .json();
    let kinds: Vec<&str> = public["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "cost_adjusted",
            "rejected",
            "appealed",
            "appeal_upheld"
        ]
    );
    assert_eq!(public["mine"], false);
    // Another gmina does not see it.
    let r = app
        .client_on("sasiednia.localhost")
        .get(&format!("/api/civic/projects/{pid}"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .client_on("sasiednia.localhost")
        .get(&format!("/api/civic/editions/{e}"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// An edition in voting with projects: city 1–3 (costs 400, 500, 300 zł; 2 and 3 on the
/// same site), north 4, south 5. Returns (edition, city pool, north pool, project ids).
async fn voting_edition(
    app: &TestApp,
    ballot: &str,
    rule: &str,
) -> (String, String, String, Vec<String>) {
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let edition = new_edition(&mut admin, ballot, rule).await;
    let e = id(&edition);
    let pools: Vec<String> = (0..3)
        .map(|i| edition["pools"][i]["id"].as_str().expect("pool").to_owned())
        .collect();
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let mut ids = vec![];
    for (pool, cost, group) in [
        (0, 40_000, None),
        (0, 50_000, Some("skwer")),
        (0, 30_000, Some("skwer")),
        (1, 20_000, None),
        (2, 20_000, None),
    ] {
        let r = jan
            .post(
                &format!("/api/civic/editions/{e}/projects"),
                project(&pools[pool], "Projekt testowy", cost),
            )
            .await;
        let pid = id(&r.json());
        accept(&mut clerk, &pid, group).await;
        ids.push(pid);
    }
    to_voting(&mut admin, &e, ballot, rule).await;
    (e, pools[0].clone(), pools[1].clone(), ids)
}

#[tokio::test]
async fn one_ballot_per_person_even_for_a_hundred_requests_at_once_over_two_instances() {
    let app = TestApp::spawn().await;
    let (e, city, _, p) = voting_edition(&app, "approval", "greedy").await;
    let second = app.second_instance().await;
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let mut jan2 = second.client();
    jan2.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let path = format!("/api/civic/editions/{e}/ballot");
    let body = ballot(&city, &[&p[0]]);
    let mut tasks = vec![];
    for i in 0..100 {
        let (router, cookie) = if i % 2 == 0 {
            (app.router.clone(), jan.cookie.clone().expect("cookie"))
        } else {
            (second.router.clone(), jan2.cookie.clone().expect("cookie"))
        };
        let (path, body) = (path.clone(), body.to_string());
        tasks.push(tokio::spawn(async move {
            crate::helpers::post_raw(router, &path, &cookie, body).await
        }));
    }
    let mut created = 0;
    for t in tasks {
        let (status, code) = t.await.expect("task");
        match status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => assert_eq!(code, "already_voted"),
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(created, 1);
    assert_eq!(app.count("civic_ballots").await, 241);
}

#[tokio::test]
async fn voting_changing_paper_closing_results_export_and_receipts() {
    let app = TestApp::spawn().await;
    let (e, city, north, p) = voting_edition(&app, "approval", "greedy").await;
    let path = format!("/api/civic/editions/{e}/ballot");
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;

    // Bad ballots: refused with the pool named, nothing stored.
    let before = app.count("civic_ballots").await;
    for (body, field, error) in [
        (json!({"choices": []}), "choices", "required"),
        (
            ballot(&city, &[&p[0], &p[1], &p[2]]),
            &*format!("pool:{city}"),
            "too_many",
        ),
        (
            ballot(&city, &[&p[3]]),
            &*format!("pool:{city}"),
            "invalid_choice",
        ),
        (
            ballot(&city, &[&p[0], &p[0]]),
            &*format!("pool:{city}"),
            "invalid_choice",
        ),
        (ballot("nope", &[&p[0]]), "pool:nope", "invalid_choice"),
        (
            json!({"choices": [{"pool_id": north, "projects": [&p[3]]}, {"pool_id": "x", "projects": []}]}),
            "pool:x",
            "invalid_choice",
        ),
    ] {
        let r = jan.post(&path, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(
            r.json()["error"]["fields"][field],
            error,
            "{body}: {}",
            r.text
        );
    }
    assert_eq!(app.count("civic_ballots").await, before);

    // Jan votes for 1 and 2, gets a receipt, then changes to 2 and his district's 4.
    let r = jan.post(&path, ballot(&city, &[&p[0], &p[1]])).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let receipt = r.json()["receipt"].as_str().expect("receipt").to_owned();
    assert_eq!(
        jan.post(&path, ballot(&city, &[&p[0]])).await.code(),
        "already_voted"
    );
    let change = json!({"choices": [{"pool_id": city, "projects": [&p[1]]}, {"pool_id": north, "projects": [&p[3]]}]});
    let r = jan.put(&path, change).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.json()["changed_at"].is_string());
    assert!(r.json()["receipt"].is_null());
    let me = jan.get(&format!("/api/civic/editions/{e}/me")).await.json();
    assert_eq!(me["ballot"]["choices"][1]["projects"][0], p[3].as_str());
    // The confirmation e-mail is queued with the receipt code.
    let mails: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE $1")
        .bind(format!("%{receipt}%"))
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(mails, 1);

    // Anna votes for 2 and 3 (same site), a clerk enters two paper ballots, one of them
    // with Jan's PESEL (refused: he voted online).
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        anna.post(&path, ballot(&city, &[&p[1], &p[2]]))
            .await
            .status,
        StatusCode::CREATED
    );
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    let paper = format!("/api/civic/editions/{e}/paper-ballots");
    let r = clerk
        .post(
            &paper,
            json!({"pesel": "90020301234", "ballot": ballot(&city, &[&p[0]])}),
        )
        .await;
    assert_eq!(r.code(), "already_voted");
    let r = clerk
        .post(
            &paper,
            json!({"pesel": "12345678901", "ballot": ballot(&city, &[&p[0]])}),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["pesel"], "invalid_pesel");
    let r = clerk
        .post(
            &paper,
            json!({"pesel": pesel(1970, 3, 4, 1234), "ballot": ballot(&city, &[&p[2], &p[0]])}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(
        jan.post(
            &paper,
            json!({"pesel": pesel(1970, 3, 4, 1235), "ballot": ballot(&city, &[&p[0]])})
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    // With ballots cast, the ballot type cannot change any more.
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let r = admin
        .put(&format!("/api/civic/editions/{e}"), json!({"title": "BO testowy", "timetable": timetable(true), "rules": rules("choose_one", "greedy")}))
        .await;
    assert_eq!(r.code(), "wrong_phase");

    // Results are not out before closing; a resident cannot close.
    let results = format!("/api/civic/editions/{e}/results");
    assert_eq!(app.client().get(&results).await.code(), "wrong_phase");
    assert_eq!(
        jan.post(&format!("/api/civic/editions/{e}/close"), json!({}))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let r = admin
        .post(&format!("/api/civic/editions/{e}/close"), json!({}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        admin
            .post(&format!("/api/civic/editions/{e}/close"), json!({}))
            .await
            .code(),
        "wrong_phase"
    );
    // After the close nothing more is accepted.
    assert_eq!(
        jan.put(&path, ballot(&city, &[&p[0]])).await.code(),
        "voting_closed"
    );
    assert_eq!(
        clerk
            .post(
                &paper,
                json!({"pesel": pesel(1980, 1, 1, 1), "ballot": ballot(&city, &[&p[0]])})
            )
            .await
            .code(),
        "voting_closed"
    );

    // Votes: 2 → 2 (Jan, Anna), 1 → 1 (paper), 3 → 2 (Anna, paper). Greedy with 1000 zł:
    // 2 (500) funded, 3 excluded (same site), 1 (400) funded.
    let res = app.client().get(&results).await.json();
    assert_eq!(res["ballots"], 3);
    assert_eq!(res["paper_ballots"], 1);
    let city_result = &res["pools"][0];
    assert_eq!(city_result["spent"], 90_000);
    let verdict = |pid: &str| {
        city_result["projects"]
            .as_array()
            .expect("projects")
            .iter()
            .find(|x| x["project_id"] == pid)
            .expect("line")["verdict"]
            .clone()
    };
    assert_eq!(verdict(&p[1]), json!({"kind": "funded", "order": 1}));
    assert_eq!(verdict(&p[2]), json!({"kind": "conflict", "with": 2}));
    assert_eq!(verdict(&p[0]), json!({"kind": "funded", "order": 2}));
    assert_eq!(
        res["by_district"][0],
        json!({"label": "Północ", "ballots": 1})
    );

    // The export recounts to the same outcome with the auditors' engine.
    let pb = app
        .client()
        .get(&format!("/api/civic/editions/{e}/pools/{city}/ballots.pb"))
        .await;
    assert_eq!(pb.status, StatusCode::OK);
    assert!(!pb.text.contains("90020301234") && !pb.text.contains("Jan"));
    let election = models::pb::parse(&pb.text).expect("the export parses");
    let outcome = models::pb::tally(&election, models::pb::Rule::Greedy);
    assert_eq!(outcome.selected, ["2", "1"]);
    assert_eq!(outcome.total_cost, 900);

    // Receipts: one hash per counted ballot; Jan's code is counted, a made-up one is not.
    let hashes = app
        .client()
        .get(&format!("/api/civic/editions/{e}/receipts"))
        .await
        .json();
    assert_eq!(hashes.as_array().expect("list").len(), 3);
    let check = format!("/api/civic/editions/{e}/receipt-check");
    let r = app
        .client()
        .post(&check, json!({"code": receipt.to_lowercase()}))
        .await;
    assert_eq!(r.json()["counted"], true, "{}", r.text);
    let r = app
        .client()
        .post(&check, json!({"code": "AAAA-AAAA-AAAA-AAAA"}))
        .await;
    assert_eq!(r.json()["counted"], false);
    assert_eq!(
        app.client()
            .post(&check, json!({"code": "short"}))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn minors_vote_with_a_guardians_consent_and_voters_need_a_pesel() {
    let app = TestApp::spawn().await;
    let (e, city, _, p) = voting_edition(&app, "cost_limited", "mes").await;
    let path = format!("/api/civic/editions/{e}/ballot");
    // No PESEL in the account: told to add it.
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        clerk.post(&path, ballot(&city, &[&p[0]])).await.code(),
        "pesel_required"
    );
    // Ola (14) is Anna's daughter: refused until Anna consents.
    let young = pesel(2012, 5, 5, 2345);
    sqlx::query("UPDATE users SET pesel = $1 WHERE email = 'ola.nowak@example.pl'")
        .bind(&young)
        .execute(&app.state.db.pool)
        .await
        .expect("pesel");
    let mut ola = app.client();
    ola.login("ola.nowak@example.pl", DEMO_PASSWORD).await;
    let me = ola.get(&format!("/api/civic/editions/{e}/me")).await.json();
    assert_eq!(me["problem"], "consent_required");
    assert_eq!(
        ola.post(&path, ballot(&city, &[&p[0]])).await.code(),
        "consent_required"
    );
    // Jan is not her guardian.
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    let consent = format!("/api/civic/editions/{e}/consents");
    let ola_id: String =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'ola.nowak@example.pl'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("id");
    assert_eq!(
        jan.post(&consent, json!({"pupil_id": ola_id})).await.status,
        StatusCode::NOT_FOUND
    );
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        anna.post(&consent, json!({"pupil_id": ola_id}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let me = anna
        .get(&format!("/api/civic/editions/{e}/me"))
        .await
        .json();
    assert_eq!(me["pupils"][0]["consented"], true);
    // Cost-limited ballot: 400 + 500 + 300 zł exceed the 1000 zł pool.
    let r = ola.post(&path, ballot(&city, &[&p[0], &p[1], &p[2]])).await;
    assert_eq!(
        r.json()["error"]["fields"][format!("pool:{city}")],
        "too_large"
    );
    let r = ola.post(&path, ballot(&city, &[&p[0], &p[1]])).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // A second account with the same PESEL is the same person.
    let mut twin = resident(&app, "ola.druga", &young).await;
    assert_eq!(
        twin.post(&path, ballot(&city, &[&p[0]])).await.code(),
        "consent_required"
    );
    let adult = pesel(1990, 2, 3, 1111);
    let mut a1 = resident(&app, "adam.jeden", &adult).await;
    assert_eq!(
        a1.post(&path, ballot(&city, &[&p[2]])).await.status,
        StatusCode::CREATED
    );
    sqlx::query("UPDATE users SET pesel = NULL WHERE email = 'adam.jeden@example.pl'")
        .execute(&app.state.db.pool)
        .await
        .expect("unset");
    let mut a2 = resident(&app, "adam.drugi", &adult).await;
    assert_eq!(
        a2.post(&path, ballot(&city, &[&p[0]])).await.code(),
        "already_voted"
    );
}

#[tokio::test]
async fn a_pabulib_file_is_imported_counted_with_mes_and_exported_to_the_same_outcome() {
    let app = TestApp::spawn().await;
    let mut admin = app.client();
    admin.login("admin@example.pl", DEMO_PASSWORD).await;
    let edition = new_edition(&mut admin, "approval", "mes").await;
    let e = id(&edition);
    to_voting(&mut admin, &e, "approval", "mes").await;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../models/tests/data/poland_swiecie_2023_.pb"
    ))
    .expect("fixture");
    let import = |name: &str| format!("/api/civic/editions/{e}/import?name={name}");

    // A malformed file: refused with its line, nothing stored.
    let before = (
        app.count("civic_pools").await,
        app.count("civic_ballots").await,
    );
    let broken = text.replacen("VOTES", "VOTES\nvoter_id;vote\nx;999999", 1);
    let r = send_text(&mut admin, &import("Zepsuty"), broken).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "invalid_pb_file");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .expect("message")
            .contains("line "),
        "{}",
        r.text
    );
    assert_eq!(
        (
            app.count("civic_pools").await,
            app.count("civic_ballots").await
        ),
        before
    );
    // Only admins import.
    let mut clerk = app.client();
    clerk.login("urzednik@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        send_text(&mut clerk, &import("x"), text.clone())
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let r = send_text(&mut admin, &import("%C5%9Awiecie"), text.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let pools = r.json()["pools"].clone();
    let pool = pools
        .as_array()
        .expect("pools")
        .iter()
        .find(|p| p["name"] == "Świecie")
        .expect("new pool")
        .clone();
    let r = admin
        .post(&format!("/api/civic/editions/{e}/close"), json!({}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let result = r.json()["pools"]
        .as_array()
        .expect("pools")
        .iter()
        .find(|p| p["pool_id"] == pool["id"])
        .expect("pool result")
        .clone();
    let funded = result["projects"]
        .as_array()
        .expect("lines")
        .iter()
        .filter(|l| l["verdict"]["kind"] == "funded")
        .count();
    assert_eq!(funded, 17);
    assert_eq!(result["spent"], 104_033_700);
    assert_eq!(result["ballots"], 2553);

    // The export counts to the same 17 projects with the auditors' engine.
    let pool_id = pool["id"].as_str().expect("id");
    let pb = app
        .client()
        .get(&format!(
            "/api/civic/editions/{e}/pools/{pool_id}/ballots.pb"
        ))
        .await;
    let exported = models::pb::parse(&pb.text).expect("export parses");
    let outcome = models::pb::tally(&exported, models::pb::Rule::Mes);
    assert_eq!(outcome.selected.len(), 17);
    assert_eq!(outcome.total_cost, 1_040_337);
}

async fn send_text(c: &mut Client<'_>, path: &str, body: String) -> crate::helpers::TestResponse {
    let request = axum::http::Request::builder()
        .method(axum::http::Method::POST)
        .uri(path)
        .header(
            axum::http::header::CONTENT_TYPE,
            "text/plain; charset=utf-8",
        )
        .body(axum::body::Body::from(body))
        .expect("request");
    c.raw(request).await
}
