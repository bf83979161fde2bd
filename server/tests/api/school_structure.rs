//! The structure the school office keeps, through the API: bad subjects and classes
//! change nothing; a new class with its form teacher; a subject handed to a teacher
//! opens the class's grid to them at once; a pupil moved to another class of the year
//! is numbered last there; what has records (grades, lessons) is refused, not rewritten;
//! and every change is in the audit log.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Client, TestApp};
use crate::school::as_user;

const OFFICE: &str = "sekretariat@sp1.example.pl";

fn id_of<'v>(list: &'v Value, key: &str, name: &str) -> &'v str {
    list.as_array()
        .and_then(|l| l.iter().find(|x| x[key] == name))
        .and_then(|x| x["id"].as_str())
        .unwrap_or_else(|| panic!("no {name} in {list}"))
}

async fn counts(app: &TestApp) -> [i64; 5] {
    [
        app.count("subjects").await,
        app.count("school_classes").await,
        app.count("teaching").await,
        app.count("enrolments").await,
        app.count("audit_log").await,
    ]
}

async fn actions(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'subject.%' OR action LIKE 'class.%' \
         OR action = 'pupil.moved' ORDER BY seq",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .expect("audit")
}

async fn roll(office: &mut Client<'_>, class: &str) -> Value {
    let r = office
        .get(&format!("/api/school/admin/classes/{class}"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

#[tokio::test]
async fn the_office_keeps_subjects_classes_and_teachers_and_moves_a_pupil() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let r = office.get("/api/school/admin/schools").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let schools = r.json();
    assert_eq!(schools.as_array().map(Vec::len), Some(1), "{schools}");
    let school = schools[0]["id"].as_str().expect("id").to_owned();
    assert!(schools[0]["year_name"].is_string(), "{schools}");
    let teachers = schools[0]["teachers"].clone();
    let tomasz = id_of(&teachers, "full_name", "Tomasz Nauczyciel").to_owned();
    let polonska = id_of(&teachers, "full_name", "Magdalena Polońska").to_owned();
    let ewa = id_of(&teachers, "full_name", "Ewa Rachunek").to_owned();
    let maths = id_of(&schools[0]["subjects"], "name", "Matematyka").to_owned();
    let subjects_before = schools[0]["subjects"]
        .as_array()
        .map(Vec::len)
        .expect("subjects");

    // Bad subjects and classes: the right field, nothing stored.
    let stored = counts(&app).await;
    let subjects = format!("/api/school/admin/schools/{school}/subjects");
    for (body, says) in [
        (json!({"name": ""}), "required"),
        (json!({"name": "   "}), "required"),
        (json!({"name": "x".repeat(61)}), "too_long"),
        (json!({"name": "matematyka"}), "name_taken"),
        // Letters beyond ASCII fold too (SQLite's LOWER() would not).
        (json!({"name": "JĘZYK POLSKI"}), "name_taken"),
    ] {
        let r = office.post(&subjects, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"]["name"], says, "{body}");
    }
    let classes = format!("/api/school/admin/schools/{school}/classes");
    for (body, field, says) in [
        (json!({"name": ""}), "name", "required"),
        (json!({"name": "9a"}), "name", "invalid_class_name"),
        (json!({"name": "4"}), "name", "invalid_class_name"),
        (json!({"name": "4A"}), "name", "invalid_class_name"),
        (json!({"name": "4 a"}), "name", "invalid_class_name"),
        (json!({"name": "6b"}), "name", "name_taken"),
        (
            json!({"name": "4c", "form_teacher_id": "nobody"}),
            "form_teacher_id",
            "invalid_choice",
        ),
    ] {
        let r = office.post(&classes, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], says, "{body}");
    }
    // Anna is an account of the gmina, but not a teacher.
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let anna_id = anna.get("/api/auth/me").await.json()["id"].clone();
    let r = office
        .post(&classes, json!({"name": "4c", "form_teacher_id": anna_id}))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["form_teacher_id"],
        "invalid_choice",
        "{}",
        r.text
    );
    let r = office.post(&classes, json!({"name": 4})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert_eq!(r.code(), "malformed_json");
    let r = office
        .post(
            "/api/school/admin/schools/elsewhere/subjects",
            json!({"name": "Astronomia"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    assert_eq!(counts(&app).await, stored);

    // A subject goes last in the school's order.
    let r = office
        .post(&subjects, json!({"name": "  Edukacja dla bezpieczeństwa "}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["name"], "Edukacja dla bezpieczeństwa");
    let schools = office.get("/api/school/admin/schools").await.json();
    let names = schools[0]["subjects"].as_array().expect("subjects");
    assert_eq!(names.len(), subjects_before + 1);
    assert_eq!(
        names[subjects_before]["name"],
        "Edukacja dla bezpieczeństwa"
    );

    // 4c with Magdalena Polońska as its form teacher.
    let r = office
        .post(&classes, json!({"name": "4c", "form_teacher_id": polonska}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let four_c = r.json();
    assert_eq!(four_c["name"], "4c");
    assert_eq!(four_c["form_teacher"], "Magdalena Polońska");
    assert_eq!(four_c["pupils"], 0);
    let four_c = four_c["id"].as_str().expect("id").to_owned();
    let listed = office.get("/api/school/admin/classes").await.json();
    assert_eq!(id_of(&listed, "name", "4c"), four_c);
    let four_a = id_of(&listed, "name", "4a").to_owned();
    let six_b = id_of(&listed, "name", "6b").to_owned();
    let r = office
        .put(
            &format!("/api/school/admin/classes/{four_c}/form-teacher"),
            json!({"teacher_id": "nobody"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["error"]["fields"]["teacher_id"], "invalid_choice");

    // Matematyka in 4c to Tomasz: his grid of it opens at once.
    let grid = format!("/api/school/classes/{four_c}/subjects/{maths}/grid?term=1");
    let mut teacher = as_user(&app, "nauczyciel@example.pl").await;
    assert_eq!(teacher.get(&grid).await.status, StatusCode::NOT_FOUND);
    let teaching = format!("/api/school/admin/classes/{four_c}/teaching/{maths}");
    let r = office.put(&teaching, json!({"teacher_id": "nobody"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = office.put(&teaching, json!({"teacher_id": tomasz})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = teacher.get(&grid).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let four_c_roll = roll(&mut office, &four_c).await;
    let row = four_c_roll["teaching"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["subject_id"] == maths.as_str()))
        .expect("maths row")
        .clone();
    assert_eq!(row["teacher_id"], tomasz.as_str());
    assert_eq!(four_c_roll["form_teacher_id"], polonska.as_str());
    // Nothing recorded yet: it can be taken away again, and the grid closes.
    let r = office.put(&teaching, json!({"teacher_id": null})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(teacher.get(&grid).await.status, StatusCode::NOT_FOUND);
    let r = office.put(&teaching, json!({"teacher_id": tomasz})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // A subject of no school of the office's.
    let r = office
        .put(
            &format!("/api/school/admin/classes/{four_c}/teaching/elsewhere"),
            json!({"teacher_id": tomasz}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    // 6b's maths has lessons and grades: it cannot be left to nobody, but it can be
    // handed to Ewa Rachunek, who then takes its lessons, and Tomasz no longer sees it.
    let six_b_maths = format!("/api/school/admin/classes/{six_b}/teaching/{maths}");
    let before = counts(&app).await;
    let r = office.put(&six_b_maths, json!({"teacher_id": null})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json()["error"]["fields"]["teacher_id"], "in_use");
    assert_eq!(counts(&app).await, before);
    let six_b_grid = format!("/api/school/classes/{six_b}/subjects/{maths}/grid?term=1");
    assert_eq!(teacher.get(&six_b_grid).await.status, StatusCode::OK);
    let r = office.put(&six_b_maths, json!({"teacher_id": ewa})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(teacher.get(&six_b_grid).await.status, StatusCode::NOT_FOUND);
    let lessons: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT teacher_id FROM lessons WHERE class_id = $1 AND subject_id = $2",
    )
    .bind(&six_b)
    .bind(&maths)
    .fetch_all(&app.state.db.pool)
    .await
    .expect("lessons");
    assert_eq!(lessons, vec![ewa.clone()]);

    // A pupil imported into 4c moves to 4a, numbered last there.
    let r = office
        .send(
            axum::http::Method::POST,
            &format!("/api/school/admin/classes/{four_c}/import"),
            Some(
                "uczen;pesel;email_ucznia;opiekun;email_opiekuna\n\
                 Zofia Lis;16270512349;;Marek Lis;marek.lis@example.pl\n"
                    .to_owned(),
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let zofia = roll(&mut office, &four_c).await["pupils"][0]["id"]
        .as_str()
        .expect("Zofia")
        .to_owned();
    let last_in_4a = roll(&mut office, &four_a).await["pupils"]
        .as_array()
        .and_then(|p| p.iter().filter_map(|x| x["number"].as_u64()).max())
        .expect("numbers");
    let moving = format!("/api/school/admin/pupils/{zofia}/move");
    let before = counts(&app).await;
    for to in [four_c.as_str(), "elsewhere", ""] {
        let r = office.post(&moving, json!({"class_id": to})).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{to}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"]["class_id"], "invalid_choice");
    }
    assert_eq!(counts(&app).await, before);
    let r = office.post(&moving, json!({"class_id": four_a})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["name"], "4a");
    let in_4a = roll(&mut office, &four_a).await;
    let moved = in_4a["pupils"]
        .as_array()
        .and_then(|p| p.iter().find(|x| x["id"] == zofia.as_str()))
        .expect("Zofia in 4a");
    assert_eq!(moved["number"].as_u64(), Some(last_in_4a + 1));
    assert_eq!(moved["guardians"][0]["full_name"], "Marek Lis");
    assert_eq!(roll(&mut office, &four_c).await["pupils"], json!([]));

    let six_a = id_of(&listed, "name", "6a").to_owned();
    // An account that is no pupil of the office's schools.
    let r = office
        .post(
            &format!("/api/school/admin/pupils/{tomasz}/move"),
            json!({"class_id": six_a}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    assert_eq!(
        actions(&app).await,
        [
            "subject.added",
            "class.added",
            "class.teaching_set",
            "class.teaching_set",
            "class.teaching_set",
            "class.teaching_set",
            "pupil.moved",
        ]
    );
}

#[tokio::test]
async fn only_the_school_office_keeps_the_structure() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let schools = office.get("/api/school/admin/schools").await.json();
    let school = schools[0]["id"].as_str().expect("id").to_owned();
    let (subjects, classes) = (
        app.count("subjects").await,
        app.count("school_classes").await,
    );
    for email in [
        "nauczyciel@example.pl",
        "anna.nowak@example.pl",
        "urzednik@example.pl",
    ] {
        let mut other = as_user(&app, email).await;
        assert_eq!(
            other.get("/api/school/admin/schools").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let r = other
            .post(
                &format!("/api/school/admin/schools/{school}/subjects"),
                json!({"name": "Astronomia"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        let r = other
            .post(
                &format!("/api/school/admin/schools/{school}/classes"),
                json!({"name": "4c"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(app.count("subjects").await, subjects);
    assert_eq!(app.count("school_classes").await, classes);
}

#[tokio::test]
async fn the_office_ends_a_lost_authenticator_and_the_teacher_adds_a_new_one() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let schools = office.get("/api/school/admin/schools").await.json();
    let teachers = &schools[0]["teachers"];
    let ewa = id_of(teachers, "full_name", "Ewa Rachunek").to_owned();
    assert!(
        teachers
            .as_array()
            .is_some_and(|t| t.iter().all(|t| t["authenticator"] == true)),
        "the demo's teachers have one: {teachers}"
    );
    let mut ewa_phone = as_user(&app, "e.rachunek@sp1.example.pl").await;
    let path = |id: &str| format!("/api/school/admin/teachers/{id}/authenticator");

    // Who may not, and what is not a teacher: nothing changes.
    let before = (
        app.count("user_totp").await,
        app.count("audit_log").await,
        app.count("mail_outbox").await,
    );
    for email in ["anna.nowak@example.pl", "nauczyciel@example.pl"] {
        let r = as_user(&app, email).await.delete(&path(&ewa)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}: {}", r.text);
    }
    let me = office.get("/api/auth/me").await.json();
    let own = me["id"].as_str().expect("id").to_owned();
    let r = office.delete(&path(&own)).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::CONFLICT, "wrong_state".into()),
        "{}",
        r.text
    );
    let anna = sqlx::query_scalar::<_, String>(
        "SELECT id FROM users WHERE email = 'anna.nowak@example.pl'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .expect("anna");
    for id in [anna.as_str(), "no-such-teacher", "%27%20OR%201%3D1"] {
        let r = office.delete(&path(id)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{id}: {}", r.text);
    }
    let now = (
        app.count("user_totp").await,
        app.count("audit_log").await,
        app.count("mail_outbox").await,
    );
    assert_eq!(now, before);
    assert_eq!(ewa_phone.get("/api/auth/me").await.status, StatusCode::OK);

    // Ended: Ewa is logged out, told by e-mail, and it is in the audit log.
    let r = office.delete(&path(&ewa)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        ewa_phone.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
    let schools = office.get("/api/school/admin/schools").await.json();
    let listed = &schools[0]["teachers"];
    assert!(
        listed
            .as_array()
            .and_then(|t| t.iter().find(|t| t["id"] == ewa.as_str()))
            .is_some_and(|t| t["authenticator"] == false),
        "{listed}"
    );
    let (to, subject): (String, String) = sqlx::query_as(
        "SELECT to_address, subject FROM mail_outbox ORDER BY created_at DESC, id LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .expect("mail");
    assert_eq!(to, "e.rachunek@sp1.example.pl");
    assert!(subject.contains("uwierzytelniaj"), "{subject}");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'teacher.authenticator_reset' AND object_id = $1",
    )
    .bind(&ewa)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // Once more: nothing to end, nothing logged or sent again.
    let again = (app.count("audit_log").await, app.count("mail_outbox").await);
    assert_eq!(
        office.delete(&path(&ewa)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        (app.count("audit_log").await, app.count("mail_outbox").await),
        again
    );

    // The password alone now gets a new key, with its QR code; its first code confirms it.
    let login =
        json!({"email": "e.rachunek@sp1.example.pl", "password": crate::helpers::DEMO_PASSWORD});
    let r = app.client().post("/api/auth/login", login.clone()).await;
    assert_eq!(r.code(), "second_factor_setup_required", "{}", r.text);
    let setup = app
        .client()
        .post("/api/auth/totp", login.clone())
        .await
        .json();
    let qr = setup["qr"].as_str().expect("qr");
    let svg = {
        use base64::Engine;
        let b64 = qr
            .strip_prefix("data:image/svg+xml;base64,")
            .expect("a data URL");
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .expect("base64"),
        )
        .expect("utf-8")
    };
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    assert!(
        !svg.contains(setup["secret"].as_str().expect("secret")),
        "the image is not text"
    );
    let secret =
        server::auth::totp::from_base32(setup["secret"].as_str().expect("secret")).expect("base32");
    let step = server::auth::totp::step_at(server::time_fmt::now_ms());
    let mut with_code = login;
    with_code["code"] = json!(format!("{:06}", server::auth::totp::code(&secret, step)));
    let r = app.client().post("/api/auth/login", with_code).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
}

#[tokio::test]
async fn a_pupil_moved_with_grades_and_attendance_keeps_them_and_nothing_is_rewritten() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let (ola, _) = crate::school::children(&app).await;
    let listed = office.get("/api/school/admin/classes").await.json();
    let (six_a, six_b) = (
        id_of(&listed, "name", "6a").to_owned(),
        id_of(&listed, "name", "6b").to_owned(),
    );
    let grades = |v: &Value| -> Vec<(String, String)> {
        let mut ids: Vec<(String, String)> = v["subjects"]
            .as_array()
            .expect("subjects")
            .iter()
            .flat_map(|s| s["grades"].as_array().expect("grades").iter())
            .map(|g| {
                (
                    g["id"].as_str().expect("id").to_owned(),
                    g["mark"].to_string(),
                )
            })
            .collect();
        ids.sort();
        ids
    };
    let before_grades = anna
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await
        .json();
    let before_attendance = anna
        .get(&format!("/api/school/pupils/{ola}/attendance?term=1"))
        .await
        .json();
    assert!(!grades(&before_grades).is_empty());
    let stored = [
        app.count("grades").await,
        app.count("grade_changes").await,
        app.count("attendance").await,
    ];

    let r = office
        .post(
            &format!("/api/school/admin/pupils/{ola}/move"),
            json!({"class_id": six_a}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["name"], "6a");
    // Nothing of the register was rewritten, and all of it is still Ola's.
    assert_eq!(
        [
            app.count("grades").await,
            app.count("grade_changes").await,
            app.count("attendance").await
        ],
        stored
    );
    let me = anna.get("/api/school/me").await.json();
    assert_eq!(
        crate::school::by_name(&me["children"], "full_name", "Ola Nowak")["class_name"],
        "6a"
    );
    let after_grades = anna
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await
        .json();
    assert_eq!(grades(&after_grades), grades(&before_grades));
    let maths = |v: &Value| {
        crate::school::by_name(&v["subjects"], "subject_name", "Matematyka")["averages"].clone()
    };
    assert_eq!(maths(&after_grades), maths(&before_grades));
    let after_attendance = anna
        .get(&format!("/api/school/pupils/{ola}/attendance?term=1"))
        .await
        .json();
    assert_eq!(after_attendance["subjects"], before_attendance["subjects"]);
    // Tomasz teaches mathematics in 6a too: he sees her grades from 6b.
    let seen = tomasz
        .get(&format!("/api/school/pupils/{ola}/grades"))
        .await
        .json();
    let his = crate::school::by_name(&seen["subjects"], "subject_name", "Matematyka")["grades"]
        .as_array()
        .map(Vec::len);
    assert!(his.is_some_and(|n| n > 0), "{seen}");
    // 6b's roll no longer has her; the audit entry counts what stayed behind.
    let roll = office
        .get(&format!("/api/school/admin/classes/{six_b}"))
        .await
        .json();
    assert!(
        !roll["pupils"]
            .as_array()
            .expect("pupils")
            .iter()
            .any(|p| p["id"] == ola.as_str())
    );
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'pupil.moved'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("audit");
    let detail: Value = serde_json::from_str(&detail).expect("json");
    assert!(detail["grades"].as_i64().is_some_and(|n| n > 0), "{detail}");
    assert!(
        detail["attendance"].as_i64().is_some_and(|n| n > 0),
        "{detail}"
    );
}
