//! The school e-gradebook through the API: who sees which pupil (others' pupils are
//! 404), averages by the school's rule, a teacher's column saved all or nothing with
//! every version kept and shown to the family, and staff looks in the audit log.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Client, DEMO_PASSWORD, TestApp, TestResponse};

/// Asserts a 422 that names the refused field.
pub fn assert_field_refused(r: &TestResponse, field: &str) {
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}: {}",
        r.text
    );
    assert!(
        r.json()["error"]["fields"][field].is_string(),
        "{field}: {}",
        r.text
    );
}

/// A client logged in as a demo account.
pub async fn as_user<'a>(app: &'a TestApp, email: &str) -> Client<'a> {
    let mut c = app.client();
    c.login(email, DEMO_PASSWORD).await;
    c
}

pub fn by_name<'v>(list: &'v Value, key: &str, name: &str) -> &'v Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|x| x[key] == name)
        .unwrap_or_else(|| panic!("no {name} in {list}"))
}

/// Ola's and Staś's ids, as Anna sees them.
pub async fn children(app: &TestApp) -> (String, String) {
    let me = as_user(app, "anna.nowak@example.pl")
        .await
        .get("/api/school/me")
        .await
        .json();
    let ola = by_name(&me["children"], "full_name", "Ola Nowak")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let stas = by_name(&me["children"], "full_name", "Staś Nowak")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    (ola, stas)
}

#[tokio::test]
async fn a_parent_sees_each_child_and_a_pupil_only_themselves() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let me = anna.get("/api/school/me").await.json();
    assert_eq!(me["children"].as_array().map(Vec::len), Some(2), "{me}");
    assert_eq!(
        by_name(&me["children"], "full_name", "Ola Nowak")["class_name"],
        "6b"
    );
    assert_eq!(
        by_name(&me["children"], "full_name", "Staś Nowak")["class_name"],
        "4a"
    );
    let (ola, stas) = children(&app).await;

    let grades = anna.get(&format!("/api/school/pupils/{ola}/grades")).await;
    assert_eq!(grades.status, StatusCode::OK, "{}", grades.text);
    let grades = grades.json();
    let maths = by_name(&grades["subjects"], "subject_name", "Matematyka");
    assert_eq!(maths["teacher_name"], "Tomasz Nauczyciel");
    // The corrected quiz: both versions, the first by the teacher, as the family sees them.
    let corrected = maths["grades"]
        .as_array()
        .expect("grades")
        .iter()
        .find(|g| g["history"].as_array().map(Vec::len) == Some(2))
        .expect("the corrected quiz");
    assert_eq!(corrected["mark"], "4+");
    assert_eq!(corrected["history"][0]["mark"], "2");
    assert_eq!(corrected["history"][0]["changed_by"], "Tomasz Nauczyciel");
    assert_eq!(corrected["history"][1]["comment"], "Poprawa kartkówki");
    // The average the server gives is the one the rule gives from the listed grades.
    let rule = models::school::PlusMinusRule::default();
    let listed = maths["grades"]
        .as_array()
        .expect("grades")
        .iter()
        .filter_map(|g| {
            let mark = models::school::Mark::parse(g["mark"].as_str()?).ok()?;
            Some((mark, g["weight"].as_u64()? as u32))
        });
    let expected = models::school::weighted_average(listed, rule);
    assert!(expected.is_some());
    assert_eq!(maths["averages"][2].as_i64(), expected);

    // Ola sees herself, not her brother; Jan sees neither.
    let mut ola_client = as_user(&app, "ola.nowak@example.pl").await;
    let me = ola_client.get("/api/school/me").await.json();
    assert_eq!(me["pupil"]["id"], ola.as_str());
    assert!(me["children"].as_array().is_some_and(Vec::is_empty));
    let own = ola_client
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await;
    assert_eq!(own.status, StatusCode::OK);
    for path in [
        format!("/api/school/pupils/{stas}/grades"),
        format!("/api/school/pupils/{stas}/access"),
    ] {
        assert_eq!(
            ola_client.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let mut jan = as_user(&app, "jan.kowalski@example.pl").await;
    assert_eq!(
        jan.get(&format!("/api/school/pupils/{ola}/grades"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The other gmina knows nobody of this one.
    let mut marta = app.client_on(crate::helpers::SASIEDNIA);
    marta
        .login("marta.zielinska@example.pl", DEMO_PASSWORD)
        .await;
    assert_eq!(
        marta
            .get(&format!("/api/school/pupils/{ola}/grades"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_teacher_sees_only_the_subjects_they_teach_and_their_looks_are_logged() {
    let app = TestApp::spawn().await;
    let (ola, stas) = children(&app).await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let classes: Vec<&str> = me["teaching"]
        .as_array()
        .expect("teaching")
        .iter()
        .map(|t| t["class_name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(classes, ["5a", "6a", "6b"]);
    assert_eq!(me["form_classes"][0]["name"], "6b");
    // As 6b's form teacher: every subject of Ola's.
    let grades = tomasz
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await
        .json();
    assert!(
        grades["subjects"].as_array().map(Vec::len) > Some(8),
        "{grades}"
    );
    // In 5a he teaches mathematics only.
    let grid_5a = by_name(&me["teaching"], "class_name", "5a");
    let grid = tomasz
        .get(&format!(
            "/api/school/classes/{}/subjects/{}/grid?term=1",
            grid_5a["class_id"].as_str().expect("id"),
            grid_5a["subject_id"].as_str().expect("id")
        ))
        .await
        .json();
    let pupil_5a = grid["rows"][0]["pupil_id"]
        .as_str()
        .expect("a pupil")
        .to_owned();
    let theirs = tomasz
        .get(&format!("/api/school/pupils/{pupil_5a}/grades"))
        .await
        .json();
    let names: Vec<&str> = theirs["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| s["subject_name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Matematyka"]);
    // Staś's 4a is not his.
    for path in [
        format!("/api/school/pupils/{stas}/grades"),
        format!("/api/school/pupils/{stas}/access"),
        format!("/api/school/pupils/{ola}/access"),
    ] {
        assert_eq!(
            tomasz.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // Anna sees who looked at Ola's data: Tomasz, in the grades view.
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let looks = anna
        .get(&format!("/api/school/pupils/{ola}/access"))
        .await
        .json();
    assert_eq!(looks[0]["who"], "Tomasz Nauczyciel", "{looks}");
    assert_eq!(looks[0]["what"], "grades");
    let before = app.count("audit_log").await;
    anna.get(&format!("/api/school/pupils/{ola}/grades")).await;
    assert_eq!(
        app.count("audit_log").await,
        before,
        "a parent's look is not staff access"
    );
}

/// Tomasz's 6b mathematics: class and subject ids.
async fn six_b_maths(tomasz: &mut Client<'_>) -> (String, String) {
    let me = tomasz.get("/api/school/me").await.json();
    let t = by_name(&me["teaching"], "class_name", "6b");
    (
        t["class_id"].as_str().expect("id").to_owned(),
        t["subject_id"].as_str().expect("id").to_owned(),
    )
}

#[tokio::test]
async fn a_saved_column_keeps_every_version_and_bad_cells_store_nothing() {
    let app = TestApp::spawn().await;
    let (ola, stas) = children(&app).await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let (class, subject) = six_b_maths(&mut tomasz).await;
    let grid = tomasz
        .get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid?term=1"
        ))
        .await
        .json();
    let test = by_name(&grid["categories"], "category", "test")["id"].clone();
    let term_day = grid["columns"][0]["on_date"]
        .as_str()
        .expect("a date")
        .to_owned();
    let r = tomasz
        .post(
            &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
            json!({"term": 1, "category_id": test, "title": "Ułamki dziesiętne", "on_date": term_day}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let column = r.json()["id"].as_str().expect("id").to_owned();
    let save = format!("/api/school/columns/{column}/grades");
    let others: Vec<String> = grid["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["pupil_id"].as_str().unwrap_or_default().to_owned())
        .filter(|p| *p != ola)
        .collect();

    // Bad cells: nothing is stored, and each problem names its cell.
    let grades_before = app.count("grades").await;
    let cases = [
        (
            json!([{"pupil_id": ola, "mark": "6+"}]),
            "entries.0.mark",
            "invalid_grade",
        ),
        (
            json!([{"pupil_id": ola, "mark": "5"}, {"pupil_id": others[0], "mark": "0"}]),
            "entries.1.mark",
            "invalid_grade",
        ),
        (
            json!([{"pupil_id": stas, "mark": "5"}]),
            "entries.0.pupil_id",
            "invalid_choice",
        ),
        (
            json!([{"pupil_id": ola, "mark": "5"}, {"pupil_id": ola, "mark": "4"}]),
            "entries.1.pupil_id",
            "invalid_choice",
        ),
        (
            json!([{"pupil_id": ola, "mark": "5", "comment": "x".repeat(501)}]),
            "entries.0.comment",
            "too_long",
        ),
    ];
    for (entries, field, code) in cases {
        let r = tomasz.put(&save, json!({ "entries": entries })).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{entries}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], code, "{}", r.text);
    }
    assert_eq!(app.count("grades").await, grades_before);

    // A column typed in: Ola 5, the next pupil 3−; then Ola's becomes 4+ and the other's is removed.
    let r = tomasz
        .put(&save, json!({"entries": [{"pupil_id": ola, "mark": "5"}, {"pupil_id": others[0], "mark": "3-"}]}))
        .await;
    assert_eq!(r.json()["changed"], 2, "{}", r.text);
    let again = tomasz
        .put(&save, json!({"entries": [{"pupil_id": ola, "mark": "5"}]}))
        .await;
    assert_eq!(
        again.json()["changed"],
        0,
        "an unchanged cell is no new version"
    );
    let r = tomasz
        .put(
            &save,
            json!({"entries": [
                {"pupil_id": ola, "mark": "4+", "comment": "Błąd w zadaniu 3"},
                {"pupil_id": others[0], "mark": ""}
            ]}),
        )
        .await;
    assert_eq!(r.json()["changed"], 2, "{}", r.text);

    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let grades = anna
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await
        .json();
    let maths = by_name(&grades["subjects"], "subject_name", "Matematyka");
    let new = by_name(&maths["grades"], "title", "Ułamki dziesiętne");
    assert_eq!(new["mark"], "4+");
    assert_eq!(new["weight"], 3);
    assert_eq!(new["comment"], "Błąd w zadaniu 3");
    let marks: Vec<&Value> = new["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| &h["mark"])
        .collect();
    assert_eq!(marks, [&json!("5"), &json!("4+")]);
    // The removed grade keeps its history, shown as removed.
    let grid = tomasz
        .get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid?term=1"
        ))
        .await
        .json();
    let index = grid["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .position(|c| c["id"] == column.as_str())
        .expect("the column");
    let row = by_name(&grid["rows"], "pupil_id", &others[0]);
    assert_eq!(row["cells"][index], Value::Null);
    let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM grade_changes g JOIN grades x ON x.id = g.grade_id WHERE x.column_id = $1")
        .bind(&column)
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(
        changes, 4,
        "5, 4+ for Ola; 3− and its removal for the other"
    );

    // A final grade is whole; a column outside the term or of another class is refused.
    let final_column = grid["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .find(|c| c["kind"] == "final")
        .expect("final")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = tomasz
        .put(
            &format!("/api/school/columns/{final_column}/grades"),
            json!({"entries": [{"pupil_id": ola, "mark": "4+"}]}),
        )
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["entries.0.mark"],
        "whole_grade_only",
        "{}",
        r.text
    );
    let r = tomasz
        .post(
            &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
            json!({"term": 2, "category_id": test, "title": "Za wcześnie", "on_date": term_day}),
        )
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["on_date"],
        "outside_term",
        "{}",
        r.text
    );
    for (body, field) in [
        (
            json!({"term": 3, "category_id": test, "title": "x", "on_date": term_day}),
            "term",
        ),
        (
            json!({"term": 1, "category_id": "nope", "title": "x", "on_date": term_day}),
            "category_id",
        ),
        (
            json!({"term": 1, "category_id": test, "title": " ", "on_date": term_day}),
            "title",
        ),
        (
            json!({"term": 1, "category_id": test, "title": "x", "on_date": "31.02.2026"}),
            "on_date",
        ),
    ] {
        let r = tomasz
            .post(
                &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
                body,
            )
            .await;
        assert_field_refused(&r, field);
    }
    // Another teacher's column, grid and class: 404.
    let mut ewa = as_user(&app, "e.rachunek@sp1.example.pl").await;
    assert_eq!(
        ewa.put(&save, json!({"entries": []})).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ewa.get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid"
        ))
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_teacher_logs_in_only_with_a_fresh_code_of_their_authenticator() {
    let app = TestApp::spawn().await;
    let login = |code: Option<String>| {
        let mut body = json!({"email": "nauczyciel@example.pl", "password": DEMO_PASSWORD});
        if let Some(c) = code {
            body["code"] = Value::String(c);
        }
        body
    };
    let mut c = app.client();
    let r = c.post("/api/auth/login", login(None)).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::UNAUTHORIZED, "second_factor_required".into())
    );
    assert_eq!(
        c.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED,
        "no session without the code"
    );
    for wrong in ["000000", "12345", "abcdef", ""] {
        let r = c.post("/api/auth/login", login(Some(wrong.into()))).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{wrong}");
    }
    let code = crate::helpers::totp_now();
    let r = c.post("/api/auth/login", login(Some(code.clone()))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // The same code again (overheard): refused.
    let r = app
        .client()
        .post("/api/auth/login", login(Some(code)))
        .await;
    assert_eq!(r.code(), "invalid_second_factor");
    // A confirmed authenticator is not replaced by the password alone.
    let r = app
        .client()
        .post(
            "/api/auth/totp",
            json!({"email": "nauczyciel@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    // Parents and pupils need no second factor.
    let r = app
        .client()
        .post(
            "/api/auth/totp",
            json!({"email": "anna.nowak@example.pl", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // A new teacher: the password alone gets a secret; the first code confirms it.
    sqlx::query("DELETE FROM user_totp WHERE user_id = (SELECT id FROM users WHERE email = 'e.rachunek@sp1.example.pl')")
        .execute(&app.state.db.pool)
        .await
        .expect("reset");
    let ewa = json!({"email": "e.rachunek@sp1.example.pl", "password": DEMO_PASSWORD});
    let r = app.client().post("/api/auth/login", ewa.clone()).await;
    assert_eq!(r.code(), "second_factor_setup_required");
    let r = app
        .client()
        .post(
            "/api/auth/totp",
            json!({"email": "e.rachunek@sp1.example.pl", "password": "wrong-password-1"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let setup = app
        .client()
        .post("/api/auth/totp", ewa.clone())
        .await
        .json();
    let secret =
        server::auth::totp::from_base32(setup["secret"].as_str().expect("secret")).expect("base32");
    assert!(
        setup["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("otpauth://totp/") && u.contains("issuer="))
    );
    let step = server::auth::totp::step_at(server::time_fmt::now_ms());
    let mut with_code = ewa.clone();
    with_code["code"] = Value::String(format!("{:06}", server::auth::totp::code(&secret, step)));
    let r = app.client().post("/api/auth/login", with_code).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app.client().post("/api/auth/totp", ewa).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "confirmed now");
}
