//! The gradebook's days through the API: the week with its substitutions and
//! cancellations, a register taken from the timetable (and refused for a day the lesson
//! is not held), and an absence excused by a parent and accepted by the form teacher.

use axum::http::StatusCode;
use jiff::ToSpan;
use serde_json::{Value, json};

use crate::helpers::{Client, TestApp};
use crate::school::{as_user, assert_field_refused};

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").expect("tz"))
        .date()
}

fn monday(day: jiff::civil::Date) -> jiff::civil::Date {
    day - i64::from(day.weekday().to_monday_zero_offset()).days()
}

async fn ola(anna: &mut Client<'_>) -> String {
    let me = anna.get("/api/school/me").await.json();
    me["children"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["full_name"] == "Ola Nowak"))
        .and_then(|x| x["id"].as_str())
        .expect("Ola")
        .to_owned()
}

fn lessons(week: &Value) -> &Vec<Value> {
    week["lessons"].as_array().expect("lessons")
}

#[tokio::test]
async fn the_week_shows_changes_and_the_teacher_takes_attendance_from_the_timetable() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = ola(&mut anna).await;
    // The next school day: a cancellation and a substitution by Tomasz in 6b.
    let mut next = today();
    while next.weekday().to_monday_one_offset() > 5 {
        next = next.tomorrow().expect("a day");
    }
    let week = anna
        .get(&format!("/api/school/pupils/{ola}/timetable?week={next}"))
        .await;
    assert_eq!(week.status, StatusCode::OK, "{}", week.text);
    let week = week.json();
    let day: Vec<&Value> = lessons(&week)
        .iter()
        .filter(|l| l["on_date"] == next.to_string())
        .collect();
    // A short day (a Friday of 6b has three lessons) still has both changes.
    assert!(day.len() >= 2, "{week}");
    assert!(day.iter().any(|l| l["change"] == "cancelled"));
    let covered = day
        .iter()
        .find(|l| l["change"] == "substitution")
        .expect("a substitution");
    assert_eq!(covered["teacher_name"], "Tomasz Nauczyciel");
    // Each lesson starts at its period's bell.
    let bells = [
        "08:00", "08:55", "09:50", "10:55", "11:50", "12:45", "13:40", "14:35",
    ];
    for lesson in &day {
        let period = lesson["period"].as_u64().expect("a period") as usize;
        assert_eq!(lesson["starts"], bells[period - 1], "{lesson}");
    }

    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let mine = tomasz
        .get(&format!("/api/school/timetable?week={next}"))
        .await
        .json();
    assert!(
        lessons(&mine)
            .iter()
            .any(|l| l["id"] == covered["id"] && l["on_date"] == next.to_string())
    );
    assert!(
        lessons(&mine)
            .iter()
            .all(|l| l["class_name"] == "5a" || l["class_name"] == "6a" || l["class_name"] == "6b")
    );

    // Last week's 6b mathematics lesson: the register as taken, then corrected.
    let last_week = tomasz
        .get(&format!(
            "/api/school/timetable?week={}",
            today() - 7.days()
        ))
        .await
        .json();
    let lesson = lessons(&last_week)
        .iter()
        .find(|l| {
            l["class_name"] == "6b" && l["subject_name"] == "Matematyka" && l["change"].is_null()
        })
        .expect("a 6b maths lesson last week")
        .clone();
    let (id, date) = (
        lesson["id"].as_str().expect("id"),
        lesson["on_date"].as_str().expect("date"),
    );
    let path = format!("/api/school/lessons/{id}/attendance?date={date}");
    let register = tomasz.get(&path).await.json();
    let row = register["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["pupil_id"] == ola.as_str())
        .expect("Ola");
    assert_eq!(
        row["status"], "absent",
        "Ola was ill last Monday or present: {row}"
    );
    let r = tomasz
        .put(
            &path,
            json!({"entries": [{"pupil_id": ola, "status": "late"}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let register = tomasz.get(&path).await.json();
    let row = register["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["pupil_id"] == ola.as_str())
        .expect("Ola");
    assert_eq!(row["status"], "late");

    // Not in the timetable that day, not a pupil of the class, not his lesson.
    let before = app.count("attendance").await;
    let day_after = (date.parse::<jiff::civil::Date>().expect("date") + 1.days()).to_string();
    let next_week = (date.parse::<jiff::civil::Date>().expect("date") + 14.days()).to_string();
    let entries = json!({"entries": [{"pupil_id": ola, "status": "present"}]});
    for bad in [day_after.as_str(), next_week.as_str(), "2001-01-01"] {
        let r = tomasz
            .put(
                &format!("/api/school/lessons/{id}/attendance?date={bad}"),
                entries.clone(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            r.text
        );
        assert_eq!(
            r.json()["error"]["fields"]["date"],
            "not_in_timetable",
            "{bad}"
        );
    }
    let r = tomasz
        .put(
            &format!("/api/school/lessons/{id}/attendance?date=jutro"),
            entries.clone(),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["date"], "invalid_date");
    let stranger = app.client().get("/api/auth/me").await;
    assert_eq!(stranger.status, StatusCode::UNAUTHORIZED);
    let r = tomasz
        .put(&path, json!({"entries": [{"pupil_id": "00000000-0000-0000-0000-000000000000", "status": "present"}]}))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["entries.0.pupil_id"],
        "invalid_choice",
        "{}",
        r.text
    );
    let r = tomasz
        .put(
            &path,
            json!({"entries": [{"pupil_id": ola, "status": "asleep"}]}),
        )
        .await;
    assert!(r.status.is_client_error(), "{}", r.text);
    let mut ewa = as_user(&app, "e.rachunek@sp1.example.pl").await;
    assert_eq!(
        ewa.put(&path, entries.clone()).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(ewa.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("attendance").await, before);
}

#[tokio::test]
async fn a_parent_excuses_an_absence_and_the_form_teacher_accepts_it() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = ola(&mut anna).await;
    let ill = monday(today()) - 7.days();
    let attendance = anna
        .get(&format!("/api/school/pupils/{ola}/attendance"))
        .await
        .json();
    let absent: Vec<&Value> = attendance["absences"]
        .as_array()
        .expect("absences")
        .iter()
        .filter(|a| a["status"] == "absent")
        .collect();
    assert!(
        !absent.is_empty() && absent.iter().all(|a| a["on_date"] == ill.to_string()),
        "{attendance}"
    );
    assert!(
        attendance["permille"]
            .as_u64()
            .is_some_and(|p| p < 1000 && p > 800),
        "{attendance}"
    );
    assert_eq!(attendance["excuses"][0]["status"], "accepted");
    let today_view = anna
        .get(&format!("/api/school/pupils/{ola}/today"))
        .await
        .json();
    assert_eq!(
        today_view["unexcused"].as_u64(),
        Some(absent.len() as u64),
        "{today_view}"
    );

    // A day she was at school: nothing to excuse, nothing stored.
    let before = app.count("excuses").await;
    let present_day = (ill - 14.days()).to_string();
    let r = anna
        .post(
            &format!("/api/school/pupils/{ola}/excuses"),
            json!({"from_date": present_day, "to_date": present_day, "reason": "Choroba"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(
        r.json()["error"]["fields"]["from_date"],
        "nothing_to_excuse"
    );
    for (body, field) in [
        (
            json!({"from_date": ill.to_string(), "to_date": ill.to_string(), "reason": ""}),
            "reason",
        ),
        (
            json!({"from_date": ill.to_string(), "to_date": (ill - 1.days()).to_string(), "reason": "x"}),
            "to_date",
        ),
        (
            json!({"from_date": "2026-02-30", "to_date": ill.to_string(), "reason": "x"}),
            "from_date",
        ),
    ] {
        let r = anna
            .post(&format!("/api/school/pupils/{ola}/excuses"), body)
            .await;
        assert!(
            r.json()["error"]["fields"][field].is_string(),
            "{field}: {}",
            r.text
        );
    }
    // Ola herself and another parent cannot excuse.
    let mut pupil = as_user(&app, "ola.nowak@example.pl").await;
    let body =
        json!({"from_date": ill.to_string(), "to_date": ill.to_string(), "reason": "Choroba"});
    assert_eq!(
        pupil
            .post(&format!("/api/school/pupils/{ola}/excuses"), body.clone())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.count("excuses").await, before);

    let r = anna
        .post(&format!("/api/school/pupils/{ola}/excuses"), body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let excuse = r.json();
    assert_eq!(excuse["absences"].as_u64(), Some(absent.len() as u64));
    assert_eq!(excuse["status"], "pending");
    let id = excuse["id"].as_str().expect("id").to_owned();

    // The form teacher sees it; another teacher neither sees nor decides it.
    let mut ewa = as_user(&app, "e.rachunek@sp1.example.pl").await;
    assert_eq!(ewa.get("/api/school/excuses").await.json(), json!([]));
    let decision = format!("/api/school/excuses/{id}/decision");
    assert_eq!(
        ewa.post(&decision, json!({"accept": true})).await.status,
        StatusCode::NOT_FOUND
    );
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let pending = tomasz.get("/api/school/excuses").await.json();
    assert_eq!(pending[0]["id"], id.as_str(), "{pending}");
    assert_eq!(pending[0]["submitted_by"], "Anna Nowak");
    let r = tomasz
        .post(&decision, json!({"accept": false, "note": " "}))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["note"],
        "required",
        "{}",
        r.text
    );
    let r = tomasz.post(&decision, json!({"accept": true})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["status"], "accepted");
    assert_eq!(
        tomasz
            .post(&decision, json!({"accept": false, "note": "x"}))
            .await
            .status,
        StatusCode::CONFLICT
    );

    let attendance = anna
        .get(&format!("/api/school/pupils/{ola}/attendance"))
        .await
        .json();
    assert!(
        attendance["absences"]
            .as_array()
            .expect("absences")
            .iter()
            .all(|a| a["status"] != "absent"),
        "{attendance}"
    );
    let today_view = anna
        .get(&format!("/api/school/pupils/{ola}/today"))
        .await
        .json();
    assert_eq!(today_view["unexcused"], 0);
}

#[tokio::test]
async fn a_pupils_calendar_feed_has_the_lessons_changes_and_announced_tests() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = ola(&mut anna).await;
    // Tomasz announces a test in a week.
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let maths = me["teaching"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .expect("6b")
        .clone();
    let (class, subject) = (
        maths["class_id"].as_str().expect("id"),
        maths["subject_id"].as_str().expect("id"),
    );
    let grid = tomasz
        .get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid"
        ))
        .await
        .json();
    let test = grid["categories"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["category"] == "test"))
        .expect("test")["id"]
        .clone();
    let in_a_week = (today() + 7.days()).to_string();
    let r = tomasz
        .post(
            &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
            json!({"term": grid["term"], "category_id": test, "title": "Procenty", "on_date": in_a_week}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);

    let address = anna
        .get(&format!("/api/school/pupils/{ola}/calendar"))
        .await
        .json();
    let path = address["path"].as_str().expect("path").to_owned();
    assert_eq!(
        anna.get(&format!("/api/school/pupils/{ola}/calendar"))
            .await
            .json(),
        address,
        "one address"
    );
    // A calendar app, without a session.
    let feed = app.client().get(&path).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.header("content-type")
            .is_some_and(|c| c.starts_with("text/calendar"))
    );
    let ics = feed.text;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.contains("SUMMARY:Odwołana: ") && ics.contains("STATUS:CANCELLED"),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:Zastępstwo: "), "{ics}");
    assert!(
        ics.contains(&format!(
            "DTSTART;VALUE=DATE:{}",
            in_a_week.replace('-', "")
        )),
        "{ics}"
    );
    assert!(
        ics.contains("SUMMARY:Sprawdzian: Matematyka — Procenty"),
        "{ics}"
    );
    assert!(
        ics.lines()
            .filter(|l| l.starts_with("BEGIN:VEVENT"))
            .count()
            > 20
    );
    // A new address revokes the old; staff and strangers have none.
    let renewed = anna
        .post(&format!("/api/school/pupils/{ola}/calendar"), json!({}))
        .await
        .json();
    assert_ne!(renewed, address);
    assert_eq!(app.client().get(&path).await.status, StatusCode::NOT_FOUND);
    let new_path = renewed["path"].as_str().expect("path");
    assert_eq!(app.client().get(new_path).await.status, StatusCode::OK);
    assert_eq!(
        tomasz
            .get(&format!("/api/school/pupils/{ola}/calendar"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mut pupil = as_user(&app, "ola.nowak@example.pl").await;
    assert_eq!(
        pupil
            .get(&format!("/api/school/pupils/{ola}/calendar"))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.client()
            .get("/api/school/calendar/nope.ics")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_notice_reaches_the_classes_it_is_addressed_to_and_no_others() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = ola(&mut anna).await;
    let me = anna.get("/api/school/me").await.json();
    let stas = me["children"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["full_name"] == "Staś Nowak"))
        .and_then(|x| x["id"].as_str())
        .expect("Staś")
        .to_owned();
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let teaching = tomasz.get("/api/school/me").await.json()["teaching"].clone();
    let six_b = teaching
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .and_then(|x| x["class_id"].as_str())
        .expect("6b")
        .to_owned();
    let before = app.count("notices").await;
    for (body, field) in [
        (
            json!({"audience": {"kind": "class", "class_id": "nope"}, "title": "x", "body": "y"}),
            "audience",
        ),
        (
            json!({"audience": {"kind": "level", "level": 9}, "title": "x", "body": "y"}),
            "audience",
        ),
        (
            json!({"audience": {"kind": "school"}, "title": " ", "body": "y"}),
            "title",
        ),
        (
            json!({"audience": {"kind": "school"}, "title": "x", "body": "y".repeat(4001)}),
            "body",
        ),
    ] {
        let r = tomasz.post("/api/school/notices", body).await;
        assert_field_refused(&r, field);
    }
    assert_eq!(app.count("notices").await, before);
    let r = tomasz
        .post(
            "/api/school/notices",
            json!({"audience": {"kind": "class", "class_id": six_b}, "title": "Kółko matematyczne", "body": "W czwartek po 6. lekcji."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["audience_name"], "6b");
    // Ola's class sees it (and the demo's school and sixth-class notices); Staś's 4a does not.
    let olas = anna
        .get(&format!("/api/school/pupils/{ola}/notices"))
        .await
        .json();
    let titles: Vec<&str> = olas
        .as_array()
        .expect("notices")
        .iter()
        .filter_map(|n| n["title"].as_str())
        .collect();
    assert_eq!(titles[0], "Kółko matematyczne", "{olas}");
    assert!(
        titles.contains(&"Wycieczka klas szóstych do Krakowa")
            && titles.contains(&"Zebrania z rodzicami")
    );
    let stas_notices = anna
        .get(&format!("/api/school/pupils/{stas}/notices"))
        .await
        .json();
    let titles: Vec<&str> = stas_notices
        .as_array()
        .expect("notices")
        .iter()
        .filter_map(|n| n["title"].as_str())
        .collect();
    assert_eq!(titles, ["Zebrania z rodzicami"], "{stas_notices}");
    let today_view = anna
        .get(&format!("/api/school/pupils/{ola}/today"))
        .await
        .json();
    assert_eq!(today_view["notices"][0]["title"], "Kółko matematyczne");
    assert_eq!(
        tomasz.get("/api/school/notices").await.json()[0]["title"],
        "Kółko matematyczne"
    );
    // Parents do not publish.
    assert_eq!(
        anna.post(
            "/api/school/notices",
            json!({"audience": {"kind": "school"}, "title": "x", "body": "y"})
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}
