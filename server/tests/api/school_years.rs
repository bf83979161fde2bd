//! The school's rules for averages and its years, through the API: bad rules and bad
//! years change nothing; new rules reach every pupil's grades at once; the next year
//! takes the classes up a year group with their pupils, numbers and teachers while the
//! present stays as it is for parents and teachers; a pupil not promoted is moved in the
//! new year; and every change is in the audit log.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::school::{as_user, by_name, children};

const OFFICE: &str = "sekretariat@sp1.example.pl";

async fn audit_actions(app: &TestApp, action: &str) -> Vec<Value> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = $1 ORDER BY seq")
            .bind(action)
            .fetch_all(&app.state.db.pool)
            .await
            .expect("audit");
    rows.iter()
        .map(|d| serde_json::from_str(d).expect("json"))
        .collect()
}

async fn counts(app: &TestApp) -> Vec<i64> {
    let mut out = vec![];
    for table in [
        "school_years",
        "school_classes",
        "enrolments",
        "teaching",
        "grade_columns",
        "audit_log",
    ] {
        out.push(app.count(table).await);
    }
    out
}

#[tokio::test]
async fn the_office_sets_the_grading_rules_and_every_pupils_grades_follow() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let school = office.get("/api/school/admin/schools").await.json()[0].clone();
    let id = school["id"].as_str().expect("id").to_owned();
    let rules = school["rules"].clone();
    assert_eq!(rules["rule"], json!({"plus": 50, "minus": 25}), "{rules}");
    let categories = rules["categories"].as_array().expect("categories").clone();
    assert_eq!(categories.len(), 5, "{rules}");
    let test = by_name(&rules["categories"], "category", "test").clone();
    let url = format!("/api/school/admin/schools/{id}/rules");

    // Bad rules: the right field, nothing stored.
    let with = |plus: i64, minus: i64, cats: Value| json!({"rule": {"plus": plus, "minus": minus}, "categories": cats});
    let mut heavy = test.clone();
    heavy["weight"] = json!(11);
    let mut stranger = test.clone();
    stranger["id"] = json!("nobody");
    let stored = (counts(&app).await, school.clone());
    for (body, field, says) in [
        (with(100, 25, json!([])), "plus", "too_large"),
        (with(50, 250, json!([])), "minus", "too_large"),
        (with(50, 25, json!([heavy])), "weight-test", "too_large"),
        (
            with(50, 25, json!([stranger])),
            "categories",
            "invalid_choice",
        ),
        (
            with(50, 25, json!([test, test])),
            "categories",
            "invalid_choice",
        ),
    ] {
        let r = office.put(&url, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(
            r.json()["error"]["fields"][field],
            says,
            "{body}: {}",
            r.text
        );
    }
    let r = office.put(&url, with(-1, 25, json!([]))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let r = office
        .put(
            "/api/school/admin/schools/nobody/rules",
            with(50, 25, json!([])),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let r = tomasz.put(&url, with(50, 25, json!([]))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(counts(&app).await, stored.0);
    assert_eq!(
        office.get("/api/school/admin/schools").await.json()[0],
        stored.1
    );

    // +0.33 / −0.33 and tests weigh 5: Ola's grades are read with them at once.
    let (ola, _) = children(&app).await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let grades = format!("/api/school/pupils/{ola}/grades");
    let before = anna.get(&grades).await.json();
    assert_eq!(before["rule"], json!({"plus": 50, "minus": 25}));
    let mut weighted = test.clone();
    weighted["weight"] = json!(5);
    let r = office.put(&url, with(33, 33, json!([weighted]))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        by_name(&r.json()["categories"], "category", "test")["weight"],
        5
    );
    // The other weights stay as they were.
    assert_eq!(
        by_name(&r.json()["categories"], "category", "quiz")["weight"],
        by_name(&rules["categories"], "category", "quiz")["weight"]
    );
    let after = anna.get(&grades).await.json();
    assert_eq!(after["rule"], json!({"plus": 33, "minus": 33}));
    assert_eq!(
        by_name(&after["categories"], "category", "test")["weight"],
        5
    );
    assert_ne!(before["subjects"], after["subjects"], "the averages moved");
    let logged = audit_actions(&app, "school.rules_set").await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["from"]["plus"], 50);
    assert_eq!(logged[0]["to"]["weights"]["test"], 5);
    // The same rules again change nothing and log nothing.
    let r = office.put(&url, with(33, 33, json!([weighted]))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(audit_actions(&app, "school.rules_set").await.len(), 1);
}

#[tokio::test]
async fn the_next_year_takes_the_classes_up_and_the_present_stays() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let school = office.get("/api/school/admin/schools").await.json()[0].clone();
    let id = school["id"].as_str().expect("id").to_owned();
    let years = school["years"].as_array().expect("years").clone();
    assert_eq!(years.len(), 1, "{school}");
    let now = &years[0];
    let y: i32 = now["ends_on"].as_str().expect("ends")[..4]
        .parse()
        .expect("year");
    let url = format!("/api/school/admin/schools/{id}/years");
    let year = |starts: &str, term2: &str, ends: &str| json!({"starts_on": starts, "term2_on": term2, "ends_on": ends, "promote": true});
    let (sep, feb, jun) = (
        format!("{y}-09-01"),
        format!("{}-02-01", y + 1),
        format!("{}-06-25", y + 1),
    );

    // Bad years: the right field, nothing stored.
    let stored = counts(&app).await;
    for (body, field, says) in [
        (year("", &feb, &jun), "starts_on", "invalid_date"),
        (
            year(&sep, &format!("{}-02-30", y + 1), &jun),
            "term2_on",
            "invalid_date",
        ),
        (year(&sep, &sep, &jun), "term2_on", "dates_out_of_order"),
        (year(&sep, &jun, &feb), "ends_on", "dates_out_of_order"),
        (
            year(&sep, &feb, &format!("{}-06-25", y + 2)),
            "ends_on",
            "not_a_school_year",
        ),
        (
            year("2019-09-01", "2020-02-01", "2020-06-25"),
            "starts_on",
            "date_in_past",
        ),
        // Starts on the current year's last day.
        (
            year(now["ends_on"].as_str().expect("ends"), &feb, &jun),
            "starts_on",
            "overlaps_year",
        ),
    ] {
        let r = office.post(&url, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(
            r.json()["error"]["fields"][field],
            says,
            "{body}: {}",
            r.text
        );
    }
    let r = office
        .post(
            "/api/school/admin/schools/nobody/years",
            year(&sep, &feb, &jun),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    assert_eq!(counts(&app).await, stored);

    // What the last year has: classes below 8 go up, the eighth classes leave.
    let present = office.get("/api/school/admin/classes").await.json();
    let list = present.as_array().expect("classes").clone();
    let pupils_in = |level: &str| -> u64 {
        list.iter()
            .filter(|c| c["name"].as_str().is_some_and(|n| n.starts_with(level)))
            .map(|c| c["pupils"].as_u64().expect("pupils"))
            .sum()
    };
    let (below, eighth) = (
        list.iter()
            .filter(|c| !c["name"].as_str().expect("name").starts_with('8'))
            .count(),
        pupils_in("8"),
    );
    let total: u64 = list
        .iter()
        .map(|c| c["pupils"].as_u64().expect("pupils"))
        .sum();
    let six_b = by_name(&present, "name", "6b").clone();

    let r = office.post(&url, year(&sep, &feb, &jun)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let report = r.json();
    let name = format!("{y}/{}", y + 1);
    assert_eq!(report["year"]["name"], name.as_str());
    assert_eq!(report["classes"], below as u64);
    assert_eq!(report["pupils"], total - eighth);
    assert_eq!(report["graduates"], eighth);
    assert!(eighth > 0, "the demo has eighth classes");
    let new_year = report["year"]["id"].as_str().expect("id").to_owned();
    // Once is enough.
    let r = office.post(&url, year(&sep, &feb, &jun)).await;
    assert_eq!(
        r.json()["error"]["fields"]["starts_on"],
        "overlaps_year",
        "{}",
        r.text
    );

    // The present is unchanged: the office's list, Ola's class, the teacher's classes.
    assert_eq!(
        office.get("/api/school/admin/classes").await.json(),
        present
    );
    let (ola, _) = children(&app).await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let me = anna.get("/api/school/me").await.json();
    assert_eq!(
        by_name(&me["children"], "full_name", "Ola Nowak")["class_name"],
        "6b"
    );
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let mut taught: Vec<&str> = me["teaching"]
        .as_array()
        .expect("teaching")
        .iter()
        .filter_map(|t| t["class_name"].as_str())
        .collect();
    taught.dedup();
    assert_eq!(taught, ["5a", "6a", "6b"], "{me}");

    // The next year: 6b is 7b with the same pupils, numbers, form teacher and teachers.
    let next = office
        .get(&format!("/api/school/admin/classes?year={new_year}"))
        .await
        .json();
    let names: Vec<&str> = next
        .as_array()
        .expect("classes")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with('1')), "{names:?}");
    let seven_b = by_name(&next, "name", "7b").clone();
    assert_eq!(seven_b["year_name"], name.as_str());
    assert_eq!(seven_b["pupils"], six_b["pupils"]);
    assert_eq!(seven_b["form_teacher"], six_b["form_teacher"]);
    let old_roll = office
        .get(&format!(
            "/api/school/admin/classes/{}",
            six_b["id"].as_str().expect("id")
        ))
        .await
        .json();
    let seven_b_id = seven_b["id"].as_str().expect("id").to_owned();
    let new_roll = office
        .get(&format!("/api/school/admin/classes/{seven_b_id}"))
        .await
        .json();
    let numbered = |roll: &Value| -> Vec<(Value, Value)> {
        roll["pupils"]
            .as_array()
            .expect("pupils")
            .iter()
            .map(|p| (p["number"].clone(), p["id"].clone()))
            .collect()
    };
    assert_eq!(numbered(&new_roll), numbered(&old_roll));
    assert_eq!(new_roll["teaching"], old_roll["teaching"]);
    // Each promoted subject has its proposed and final grade columns in the new year.
    let columns: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM grade_columns WHERE class_id = $1 AND kind IN ('proposed', 'final')",
    )
    .bind(&seven_b_id)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("columns");
    let subjects = new_roll["teaching"]
        .as_array()
        .expect("teaching")
        .iter()
        .filter(|t| t["teacher_id"].is_string())
        .count();
    assert_eq!(columns, 4 * subjects as i64);

    // Ola is not promoted: in the new year she goes to the new 6b (last year's 5b);
    // this year she stays in 6b.
    let new_six_b = by_name(&next, "name", "6b")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = office
        .post(
            &format!("/api/school/admin/pupils/{ola}/move"),
            json!({"class_id": new_six_b}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["year_name"], name.as_str());
    let me = anna.get("/api/school/me").await.json();
    assert_eq!(
        by_name(&me["children"], "full_name", "Ola Nowak")["class_name"],
        "6b"
    );
    let still = office
        .get(&format!(
            "/api/school/admin/classes/{}",
            six_b["id"].as_str().expect("id")
        ))
        .await
        .json();
    assert_eq!(numbered(&still), numbered(&old_roll));

    // A first class for the new year, and a year that is not the school's.
    let classes = format!("/api/school/admin/schools/{id}/classes");
    let r = office
        .post(&classes, json!({"name": "1a", "year_id": new_year}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["year_name"], name.as_str());
    let r = office
        .post(&classes, json!({"name": "1a", "year_id": new_year}))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["name"],
        "name_taken",
        "{}",
        r.text
    );
    let r = office
        .post(&classes, json!({"name": "1z", "year_id": "nobody"}))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["year_id"],
        "invalid_choice",
        "{}",
        r.text
    );

    let logged = audit_actions(&app, "school_year.added").await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0]["graduates"], eighth);
    let years = office.get("/api/school/admin/schools").await.json()[0]["years"].clone();
    assert_eq!(years.as_array().map(Vec::len), Some(2), "{years}");
    assert_eq!(years[1]["name"], name.as_str());
}
