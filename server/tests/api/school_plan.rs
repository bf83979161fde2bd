//! The timetable the school office keeps, through the API: lessons put into a class's
//! weekly slots with the subject's teacher, who is never booked twice; a lesson already
//! in the register keeps its subject; substitutions and cancellations of a date that
//! the family sees on the day and the substitute in their week; bad input changes
//! nothing.

use axum::http::StatusCode;
use jiff::civil::Date;
use serde_json::{Value, json};

use crate::helpers::{Client, TestApp};
use crate::school::{as_user, by_name};

const OFFICE: &str = "sekretariat@sp1.example.pl";

async fn counts(app: &TestApp) -> [i64; 3] {
    [
        app.count("lessons").await,
        app.count("lesson_changes").await,
        app.count("audit_log").await,
    ]
}

fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").expect("tz"))
        .date()
}

fn days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).expect("a day")
}

async fn plan(office: &mut Client<'_>, class: &str, week: Option<Date>) -> Value {
    let q = week.map(|w| format!("?week={w}")).unwrap_or_default();
    let r = office
        .get(&format!("/api/school/admin/classes/{class}/timetable{q}"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

/// How many timetable e-mails about 6b went to an account saying `text`.
async fn told(app: &TestApp, to: &str, text: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox o JOIN users u ON u.email = o.to_address \
         WHERE u.id = $1 AND o.subject LIKE 'Dziennik: zmiana w planie lekcji klasy 6b%' AND o.body LIKE $2",
    )
    .bind(to)
    .bind(format!("%{text}%"))
    .fetch_one(&app.state.db.pool)
    .await
    .expect("outbox")
}

async fn refused(r: crate::helpers::TestResponse, field: &str, says: &str) {
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}: {}",
        r.text
    );
    assert_eq!(r.json()["error"]["fields"][field], says, "{}", r.text);
}

#[tokio::test]
async fn the_office_puts_lessons_into_slots_and_never_books_a_teacher_twice() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let schools = office.get("/api/school/admin/schools").await.json();
    let school = schools[0]["id"].as_str().expect("id").to_owned();
    let maths = by_name(&schools[0]["subjects"], "name", "Matematyka")["id"].clone();
    let history = by_name(&schools[0]["subjects"], "name", "Historia")["id"].clone();
    let tomasz = by_name(&schools[0]["teachers"], "full_name", "Tomasz Nauczyciel")["id"].clone();
    let class = office
        .post(
            &format!("/api/school/admin/schools/{school}/classes"),
            json!({"name": "5c"}),
        )
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = office
        .put(
            &format!(
                "/api/school/admin/classes/{class}/teaching/{}",
                maths.as_str().expect("id")
            ),
            json!({"teacher_id": tomasz}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let empty = plan(&mut office, &class, None).await;
    assert_eq!(empty["bell"].as_array().map(Vec::len), Some(8), "{empty}");
    assert_eq!(empty["slots"], json!([]));
    assert_eq!(empty["subjects"][0]["teacher_name"], "Tomasz Nauczyciel");

    // Tomasz's own weekly slots (6b's, 6a's and 5a's mathematics).
    let taken: Vec<(i64, i64)> =
        sqlx::query_as("SELECT weekday, period FROM lessons WHERE teacher_id = $1")
            .bind(tomasz.as_str())
            .fetch_all(&app.state.db.pool)
            .await
            .expect("lessons");
    let busy = taken[0];
    let free = (1..=5)
        .flat_map(|d| (1..=8).map(move |p| (d, p)))
        .find(|s| !taken.contains(s))
        .expect("a free slot");
    let slot = |(d, p): (i64, i64)| format!("/api/school/admin/classes/{class}/timetable/{d}/{p}");

    // Bad slots: the field named, nothing stored.
    let stored = counts(&app).await;
    let base = json!({"subject_id": maths, "room": "12"});
    for (path, body, field, says) in [
        (
            format!("/api/school/admin/classes/{class}/timetable/6/1"),
            base.clone(),
            "weekday",
            "invalid_choice",
        ),
        (
            format!("/api/school/admin/classes/{class}/timetable/x/1"),
            base.clone(),
            "weekday",
            "invalid_choice",
        ),
        (
            format!("/api/school/admin/classes/{class}/timetable/1/9"),
            base.clone(),
            "period",
            "invalid_choice",
        ),
        (
            format!("/api/school/admin/classes/{class}/timetable/1/-1"),
            base.clone(),
            "period",
            "invalid_choice",
        ),
        (
            slot(free),
            json!({"subject_id": maths, "room": "x".repeat(31)}),
            "room",
            "too_long",
        ),
        (
            slot(free),
            json!({"subject_id": "nobody", "room": ""}),
            "subject_id",
            "invalid_choice",
        ),
        (
            slot(free),
            json!({"subject_id": history, "room": ""}),
            "subject_id",
            "no_teacher",
        ),
        (slot(busy), base.clone(), "subject_id", "teacher_busy"),
    ] {
        refused(office.put(&path, body).await, field, says).await;
    }
    let r = office
        .put(
            "/api/school/admin/classes/nobody/timetable/1/1",
            base.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(counts(&app).await, stored);

    // A free slot: the lesson with Tomasz, then a new room, then free again.
    let r = office.put(&slot(free), base.clone()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let with = plan(&mut office, &class, None).await;
    assert_eq!(with["slots"].as_array().map(Vec::len), Some(1), "{with}");
    assert_eq!(with["slots"][0]["teacher_name"], "Tomasz Nauczyciel");
    assert_eq!(
        (
            with["slots"][0]["weekday"].as_i64(),
            with["slots"][0]["period"].as_i64()
        ),
        (Some(free.0), Some(free.1))
    );
    let r = office
        .put(&slot(free), json!({"subject_id": maths, "room": "sala 4"}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        plan(&mut office, &class, None).await["slots"][0]["room"],
        "sala 4"
    );
    // Tomasz's week shows it.
    let mut teacher = as_user(&app, "nauczyciel@example.pl").await;
    let week = teacher.get("/api/school/timetable").await.json();
    assert!(
        week["lessons"]
            .as_array()
            .expect("lessons")
            .iter()
            .any(|l| l["class_name"] == "5c"),
        "{week}"
    );
    let r = office.put(&slot(free), json!({"subject_id": null})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(plan(&mut office, &class, None).await["slots"], json!([]));

    // 6b's lesson that has attendance keeps its subject; only its room changes.
    let (six_b, held, weekday, period, subject): (String, String, i64, i64, String) = sqlx::query_as(
        "SELECT l.class_id, l.id, l.weekday, l.period, l.subject_id FROM lessons l JOIN school_classes c ON c.id = l.class_id \
         WHERE c.name = '6b' AND EXISTS (SELECT 1 FROM attendance a WHERE a.lesson_id = l.id) LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .expect("a lesson of 6b with attendance");
    let held_slot = format!("/api/school/admin/classes/{six_b}/timetable/{weekday}/{period}");
    let other = plan(&mut office, &six_b, None).await["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .find(|s| s["subject_id"] != subject.as_str())
        .expect("another subject")["subject_id"]
        .clone();
    let stored = counts(&app).await;
    refused(
        office.put(&held_slot, json!({"subject_id": other})).await,
        "subject_id",
        "lesson_held",
    )
    .await;
    refused(
        office.put(&held_slot, json!({"subject_id": null})).await,
        "subject_id",
        "lesson_held",
    )
    .await;
    assert_eq!(counts(&app).await, stored);
    let r = office
        .put(&held_slot, json!({"subject_id": subject, "room": "aula"}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let room: String = sqlx::query_scalar("SELECT room FROM lessons WHERE id = $1")
        .bind(&held)
        .fetch_one(&app.state.db.pool)
        .await
        .expect("room");
    assert_eq!(room, "aula");

    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'timetable.%' ORDER BY seq",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(
        actions,
        [
            "timetable.lesson_set",
            "timetable.lesson_set",
            "timetable.lesson_removed",
            "timetable.lesson_set"
        ]
    );
}

#[tokio::test]
async fn substitutions_and_cancellations_show_on_the_day_and_never_double_book() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, OFFICE).await;
    let classes = office.get("/api/school/admin/classes").await.json();
    let six_b = by_name(&classes, "name", "6b")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let next_week = days(today(), 14);
    let week = plan(&mut office, &six_b, Some(next_week)).await;
    let lesson = week["week"]["lessons"]
        .as_array()
        .expect("lessons")
        .iter()
        .find(|l| l["change"].is_null())
        .expect("a lesson next week")
        .clone();
    let (id, date) = (
        lesson["id"].as_str().expect("id").to_owned(),
        lesson["on_date"].as_str().expect("date").to_owned(),
    );
    let day: Date = date.parse().expect("date");
    let (own, weekday, period): (String, i64, i64) =
        sqlx::query_as("SELECT teacher_id, weekday, period FROM lessons WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.state.db.pool)
            .await
            .expect("lesson");
    // A teacher with a lesson of another class at that time (one: the demo's generated
    // timetable gives the teachers of many classes two at once), and one free then.
    let (busy_teacher, busy_lesson): (String, String) = sqlx::query_as(
        "SELECT teacher_id, MIN(id) FROM lessons WHERE weekday = $1 AND period = $2 AND id <> $3 AND teacher_id <> $4 \
         GROUP BY teacher_id HAVING COUNT(*) = 1 ORDER BY teacher_id LIMIT 1",
    )
    .bind(weekday)
    .bind(period)
    .bind(&id)
    .bind(&own)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("a busy teacher");
    let (free, free_name): (String, String) = sqlx::query_as(
        "SELECT u.id, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'teacher' \
         WHERE u.id <> $1 AND NOT EXISTS (SELECT 1 FROM lessons l WHERE l.teacher_id = u.id AND l.weekday = $2 AND l.period = $3) \
         ORDER BY u.full_name LIMIT 1",
    )
    .bind(&own)
    .bind(weekday)
    .bind(period)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("a free teacher");
    let change = |d: &str| format!("/api/school/admin/lessons/{id}/changes/{d}");
    let sub = |t: &str| json!({"kind": "substitution", "teacher_id": t, "note": "Sala 12"});

    // A lesson already held (attendance taken): no change.
    let (held, held_date): (String, String) = sqlx::query_as(
        "SELECT a.lesson_id, a.on_date FROM attendance a JOIN lessons l ON l.id = a.lesson_id WHERE l.class_id = $1 LIMIT 1",
    )
    .bind(&six_b)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("attendance");

    // Bad changes: the field named, nothing stored.
    let stored = counts(&app).await;
    let wrong_day = days(day, 1).to_string();
    for (path, body, field, says) in [
        (change("2026-13-01"), sub(&free), "date", "invalid_date"),
        (change("jutro"), sub(&free), "date", "invalid_date"),
        (change(&wrong_day), sub(&free), "date", "not_in_timetable"),
        (change("2099-09-07"), sub(&free), "date", "outside_term"),
        (
            change(&date),
            json!({"kind": "substitution", "teacher_id": null}),
            "teacher_id",
            "required",
        ),
        (
            change(&date),
            json!({"kind": "substitution", "teacher_id": "nobody"}),
            "teacher_id",
            "invalid_choice",
        ),
        (change(&date), sub(&own), "teacher_id", "invalid_choice"),
        (
            change(&date),
            json!({"kind": "cancelled", "note": "x".repeat(201)}),
            "note",
            "too_long",
        ),
        (
            change(&date),
            sub(&busy_teacher),
            "teacher_id",
            "teacher_busy",
        ),
        (
            format!("/api/school/admin/lessons/{held}/changes/{held_date}"),
            json!({"kind": "cancelled"}),
            "date",
            "attendance_taken",
        ),
    ] {
        refused(office.put(&path, body).await, field, says).await;
    }
    let r = office
        .put(
            &format!("/api/school/admin/lessons/nobody/changes/{date}"),
            json!({"kind": "cancelled"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = office
        .put(&change(&date), json!({"kind": "zastępstwo"}))
        .await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::BAD_REQUEST, "malformed_json".into())
    );
    assert_eq!(counts(&app).await, stored);

    // A substitution: Ola's week shows it with the substitute and the note.
    let r = office.put(&change(&date), sub(&free)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let me = anna.get("/api/school/me").await.json();
    let ola = by_name(&me["children"], "full_name", "Ola Nowak")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let seen = |week: &Value| {
        week["lessons"]
            .as_array()
            .expect("lessons")
            .iter()
            .find(|l| l["id"] == id.as_str() && l["on_date"] == date.as_str())
            .cloned()
            .expect("the lesson")
    };
    let ola_week = anna
        .get(&format!("/api/school/pupils/{ola}/timetable?week={date}"))
        .await
        .json();
    let line = seen(&ola_week);
    assert_eq!(
        (
            line["change"].as_str(),
            line["teacher_name"].as_str(),
            line["note"].as_str()
        ),
        (
            Some("substitution"),
            Some(free_name.as_str()),
            Some("Sala 12")
        )
    );
    // Ola's family and the substitute are told by e-mail (a timetable e-mail, free).
    let anna_id: String =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'anna.nowak@example.pl'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("Anna");
    let covers = format!("zastępstwo, prowadzi {free_name}.");
    assert_eq!(told(&app, &anna_id, &covers).await, 1);
    assert_eq!(told(&app, &free, &covers).await, 1);
    // The substitute is now taken at that time that day: not a second class at once.
    let other_lesson: Option<String> = sqlx::query_scalar(
        "SELECT id FROM lessons WHERE weekday = $1 AND period = $2 AND id <> $3 AND teacher_id <> $4 LIMIT 1",
    )
    .bind(weekday)
    .bind(period)
    .bind(&id)
    .bind(&free)
    .fetch_optional(&app.state.db.pool)
    .await
    .expect("lessons");
    if let Some(other_lesson) = other_lesson {
        let r = office
            .put(
                &format!("/api/school/admin/lessons/{other_lesson}/changes/{date}"),
                sub(&free),
            )
            .await;
        refused(r, "teacher_id", "teacher_busy").await;
    }
    // Once the busy teacher's own lesson is cancelled that day, they are free to cover.
    let r = office
        .put(
            &format!("/api/school/admin/lessons/{busy_lesson}/changes/{date}"),
            json!({"kind": "cancelled"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = office.put(&change(&date), sub(&busy_teacher)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);

    // A cancellation replaces it; taking it away leaves the lesson as timetabled.
    let r = office
        .put(
            &change(&date),
            json!({"kind": "cancelled", "note": "Wycieczka"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let line = seen(
        &anna
            .get(&format!("/api/school/pupils/{ola}/timetable?week={date}"))
            .await
            .json(),
    );
    assert_eq!(
        (line["change"].as_str(), line["note"].as_str()),
        (Some("cancelled"), Some("Wycieczka"))
    );
    let r = office.delete(&change(&date)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        office.delete(&change(&date)).await.status,
        StatusCode::NOT_FOUND
    );
    let line = seen(
        &anna
            .get(&format!("/api/school/pupils/{ola}/timetable?week={date}"))
            .await
            .json(),
    );
    assert!(line["change"].is_null(), "{line}");
    assert_eq!(told(&app, &anna_id, "zgodnie z planem").await, 1);
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'timetable.change%' ORDER BY seq",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(actions.len(), 5, "{actions:?}");
    assert_eq!(
        actions.last().map(String::as_str),
        Some("timetable.change_removed")
    );
}

#[tokio::test]
async fn the_demo_timetable_books_no_teacher_twice_and_gives_every_class_its_week() {
    let app = TestApp::spawn().await;
    let pool = &app.state.db.pool;
    let twice: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT teacher_id, weekday, period FROM lessons GROUP BY teacher_id, weekday, period HAVING COUNT(*) > 1",
    )
    .fetch_all(pool)
    .await
    .expect("lessons");
    assert!(twice.is_empty(), "{twice:?}");
    // The demo's changes too: the substitute has no lesson of their own then.
    let covering: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM lesson_changes x JOIN lessons l ON l.id = x.lesson_id \
         JOIN lessons own ON own.teacher_id = x.teacher_id AND own.weekday = l.weekday AND own.period = l.period",
    )
    .fetch_one(pool)
    .await
    .expect("changes");
    assert_eq!(covering, 0);
    let weeks: Vec<(String, i64)> = sqlx::query_as(
        "SELECT c.name, COUNT(l.id) FROM school_classes c LEFT JOIN lessons l ON l.class_id = c.id GROUP BY c.name ORDER BY c.name",
    )
    .fetch_all(pool)
    .await
    .expect("weeks");
    assert_eq!(weeks.len(), 16);
    assert!(weeks.iter().all(|(_, n)| *n >= 20), "{weeks:?}");
    // Early education is taught by each class's own (form) teacher, all 16 lessons of it.
    let early: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT c.name, COUNT(*), SUM(CASE WHEN l.teacher_id = c.form_teacher_id THEN 1 ELSE 0 END) \
         FROM lessons l JOIN school_classes c ON c.id = l.class_id JOIN subjects s ON s.id = l.subject_id \
         WHERE s.name = 'Edukacja wczesnoszkolna' GROUP BY c.name ORDER BY c.name",
    )
    .fetch_all(pool)
    .await
    .expect("early education");
    assert_eq!(early.len(), 6, "{early:?}");
    assert!(
        early.iter().all(|(_, n, own)| *n == 16 && own == n),
        "{early:?}"
    );
}
