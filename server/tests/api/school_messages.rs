//! The gradebook's messages, calendar and e-mails through the API: a parent writes to
//! the form teacher, who reads (the receipt shows) and answers; only the thread's members
//! see it; homework shows in the family's calendar and feed; notices, grades and
//! messages are e-mailed to those who have not switched that kind off.

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

async fn child(anna: &mut Client<'_>, name: &str) -> String {
    let me = anna.get("/api/school/me").await.json();
    me["children"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["full_name"] == name))
        .and_then(|x| x["id"].as_str())
        .expect("a child")
        .to_owned()
}

/// The outbox's messages to an address with a subject starting so.
async fn mails(app: &TestApp, to: &str, subject: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT body FROM mail_outbox WHERE to_address = $1 AND subject LIKE $2 ORDER BY created_at",
    )
    .bind(to)
    .bind(format!("{subject}%"))
    .fetch_all(&app.state.db.pool)
    .await
    .expect("outbox")
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|x| x[key].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_parent_and_the_form_teacher_write_read_and_answer_and_no_one_else_sees_it() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = child(&mut anna, "Ola Nowak").await;
    let contacts = anna
        .get(&format!("/api/school/pupils/{ola}/contacts"))
        .await
        .json();
    let tomasz = contacts[0].clone();
    assert_eq!(tomasz["full_name"], "Tomasz Nauczyciel", "{contacts}");
    assert_eq!(tomasz["kind"], "form_teacher");
    assert_eq!(tomasz["subjects"], json!(["Matematyka"]));
    assert!(
        contacts
            .as_array()
            .expect("list")
            .iter()
            .skip(1)
            .all(|c| c["kind"] == "teacher" && !c["subjects"].as_array().expect("s").is_empty()),
        "{contacts}"
    );
    let tomasz_id = tomasz["id"].as_str().expect("id").to_owned();

    // Bad input stores nothing: a stranger as the recipient, empty or long texts.
    let stas = child(&mut anna, "Staś Nowak").await;
    let threads_before = app.count("message_threads").await;
    let path = format!("/api/school/pupils/{ola}/threads");
    for (body, field) in [
        (
            json!({"to": stas, "subject": "Wycieczka", "body": "Dzień dobry"}),
            "to",
        ),
        (
            json!({"to": tomasz_id, "subject": "  ", "body": "Dzień dobry"}),
            "subject",
        ),
        (
            json!({"to": tomasz_id, "subject": "Wycieczka", "body": "x".repeat(4001)}),
            "body",
        ),
    ] {
        assert_field_refused(&anna.post(&path, body).await, field);
    }
    assert_eq!(app.count("message_threads").await, threads_before);
    // Writing about a child not hers is 404.
    let mut stranger = as_user(&app, "jan.kowalski@example.pl").await;
    let r = stranger
        .post(
            &path,
            json!({"to": tomasz_id, "subject": "Wycieczka", "body": "Dzień dobry"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);

    let r = anna
        .post(
            &path,
            json!({"to": tomasz_id, "subject": "Wycieczka do Krakowa",
                   "body": "Dzień dobry, Ola ma alergię na orzechy — proszę o uwagę w czasie wycieczki."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let thread = r.json();
    let id = thread["id"].as_str().expect("id").to_owned();
    assert_eq!(thread["messages"][0]["read_by"], json!([]));
    // The teacher is e-mailed that there is a message, not what it says.
    let sent = mails(&app, "nauczyciel@example.pl", "Dziennik: nowa wiadomość").await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].contains("Anna Nowak") && sent[0].contains("Wycieczka do Krakowa"));
    assert!(!sent[0].contains("orzechy"), "{}", sent[0]);

    let mut teacher = as_user(&app, "nauczyciel@example.pl").await;
    let inbox = teacher.get("/api/school/threads").await.json();
    assert_eq!(inbox[0]["id"], id.as_str(), "{inbox}");
    assert_eq!(inbox[0]["unread"], 1);
    assert_eq!(inbox[0]["with"], json!(["Anna Nowak"]));
    assert_eq!(inbox[0]["pupil_name"], "Ola Nowak");

    // Only members: not the other guardian, not Ola, not another gmina.
    let thread_path = format!("/api/school/threads/{id}");
    for email in ["piotr.nowak@example.pl", "ola.nowak@example.pl"] {
        let mut other = as_user(&app, email).await;
        assert_eq!(
            other.get(&thread_path).await.status,
            StatusCode::NOT_FOUND,
            "{email}"
        );
        assert_eq!(
            other
                .post(&format!("{thread_path}/messages"), json!({"body": "Hej"}))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{email}"
        );
        assert_eq!(
            other
                .post(&format!("{thread_path}/read"), json!({}))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
    let mut neighbour = app.client_on("sasiednia.localhost:8080");
    neighbour
        .login("marta.zielinska@example.pl", crate::helpers::DEMO_PASSWORD)
        .await;
    assert_eq!(
        neighbour.get(&thread_path).await.status,
        StatusCode::NOT_FOUND
    );

    // The teacher reads: Anna sees the receipt.
    let r = teacher
        .post(&format!("{thread_path}/read"), json!({}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let seen = anna.get(&thread_path).await.json();
    assert_eq!(seen["messages"][0]["read_by"], json!(["Tomasz Nauczyciel"]));
    assert_eq!(
        teacher.get("/api/school/threads").await.json()[0]["unread"],
        0
    );

    // The teacher answers with e-mails about messages switched off; Anna still gets hers.
    let prefs = teacher
        .put(
            "/api/school/mail-preferences",
            json!([{"kind": "message", "enabled": false}]),
        )
        .await;
    assert_eq!(prefs.status, StatusCode::OK, "{}", prefs.text);
    assert_eq!(
        prefs.json(),
        json!([{"kind": "message", "enabled": false}, {"kind": "notice", "enabled": true},
               {"kind": "grade", "enabled": true}, {"kind": "excuse", "enabled": true},
               {"kind": "timetable", "enabled": true}])
    );
    assert_field_refused(
        &teacher
            .post(&format!("{thread_path}/messages"), json!({"body": " \n "}))
            .await,
        "body",
    );
    let r = teacher
        .post(
            &format!("{thread_path}/messages"),
            json!({"body": "Dziękuję, przekażę opiekunom wycieczki."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let after = r.json();
    assert_eq!(after["messages"].as_array().map(Vec::len), Some(2));
    assert_eq!(after["messages"][1]["read_by"], json!([]));
    let box_ = anna
        .get(&format!("/api/school/pupils/{ola}/threads"))
        .await
        .json();
    assert_eq!(box_[0]["unread"], 1, "{box_}");
    assert_eq!(
        anna.get(&format!("/api/school/pupils/{stas}/threads"))
            .await
            .json(),
        json!([]),
        "threads are about one child"
    );
    assert_eq!(
        mails(&app, "anna.nowak@example.pl", "Dziennik: nowa wiadomość")
            .await
            .len(),
        1
    );
    let r = anna
        .post(
            &format!("{thread_path}/messages"),
            json!({"body": "Dziękuję!"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        mails(&app, "nauczyciel@example.pl", "Dziennik: nowa wiadomość")
            .await
            .len(),
        1,
        "switched off"
    );

    // The teacher's contacts for Ola are Ola and her guardians; the look is logged.
    let theirs = teacher
        .get(&format!("/api/school/pupils/{ola}/contacts"))
        .await
        .json();
    assert_eq!(
        names(&theirs, "kind"),
        ["pupil", "guardian", "guardian"],
        "{theirs}"
    );
    let looks = anna
        .get(&format!("/api/school/pupils/{ola}/access"))
        .await
        .json();
    assert_eq!(looks[0]["what"], "contacts", "{looks}");
}

#[tokio::test]
async fn homework_is_in_the_familys_calendar_and_feed_and_only_its_teacher_withdraws_it() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = child(&mut anna, "Ola Nowak").await;
    let stas = child(&mut anna, "Staś Nowak").await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let six_b = me["teaching"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .expect("6b")
        .clone();
    let (class, subject) = (
        six_b["class_id"].as_str().expect("id").to_owned(),
        six_b["subject_id"].as_str().expect("id").to_owned(),
    );
    let path = format!("/api/school/classes/{class}/subjects/{subject}/homework");
    let due = (today() + 2.days()).to_string();
    let before = app.count("homework").await;
    for (due_on, title) in [
        ((today() - 1.days()).to_string(), "Zadania"),
        ("2026-02-30".to_owned(), "Zadania"),
        (due.clone(), ""),
    ] {
        let r = tomasz
            .post(
                &path,
                json!({"title": title, "details": "", "due_on": due_on}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    }
    assert_eq!(app.count("homework").await, before);
    let r = tomasz
        .post(
            &path,
            json!({"title": "Zadania 1–5, str. 42", "details": "Ułamki; pokaż obliczenia.", "due_on": due}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let homework = r.json()["id"].as_str().expect("id").to_owned();

    let agenda = anna
        .get(&format!("/api/school/pupils/{ola}/agenda"))
        .await
        .json();
    let item = agenda["items"]
        .as_array()
        .and_then(|i| i.iter().find(|x| x["id"] == homework.as_str()))
        .unwrap_or_else(|| panic!("homework in {agenda}"));
    assert_eq!(item["kind"], "homework");
    assert_eq!(item["on_date"], due.as_str());
    assert_eq!(item["subject_name"], "Matematyka");
    assert_eq!(item["teacher_name"], "Tomasz Nauczyciel");
    let stas_agenda = anna
        .get(&format!("/api/school/pupils/{stas}/agenda"))
        .await
        .json();
    assert!(!stas_agenda.to_string().contains(&homework));
    // The class's agenda for its teachers; others get 404.
    let class_agenda = tomasz
        .get(&format!("/api/school/classes/{class}/agenda"))
        .await;
    assert_eq!(class_agenda.status, StatusCode::OK);
    assert!(class_agenda.text.contains(&homework));
    assert_eq!(
        anna.get(&format!("/api/school/classes/{class}/agenda"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // In the feed.
    let feed = anna
        .get(&format!("/api/school/pupils/{ola}/calendar"))
        .await
        .json();
    let ics = app
        .client()
        .get(feed["path"].as_str().expect("path"))
        .await
        .text;
    assert!(
        ics.contains("SUMMARY:Zadanie domowe: Matematyka — Zadania 1–5\\, str. 42"),
        "{ics}"
    );

    // Only the teacher who set it withdraws it.
    let mut polish = as_user(&app, "m.polonska@sp1.example.pl").await;
    assert_eq!(
        polish
            .delete(&format!("/api/school/homework/{homework}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let polish_view = polish
        .get(&format!("/api/school/pupils/{ola}/agenda"))
        .await
        .json();
    assert!(
        !polish_view.to_string().contains(&homework),
        "a teacher sees their own subjects: {polish_view}"
    );
    assert_eq!(
        tomasz
            .delete(&format!("/api/school/homework/{homework}"))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert!(
        !anna
            .get(&format!("/api/school/pupils/{ola}/agenda"))
            .await
            .text
            .contains(&homework)
    );
}

#[tokio::test]
async fn notices_and_grades_are_emailed_to_the_families_who_want_them() {
    let app = TestApp::spawn().await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let ola = child(&mut anna, "Ola Nowak").await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let class = me["teaching"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .and_then(|x| x["class_id"].as_str())
        .expect("6b")
        .to_owned();
    // Everyone of 6b with an address: the pupils and their guardians.
    let families: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT u.email) FROM users u WHERE u.email <> '' AND (u.id IN \
         (SELECT pupil_id FROM enrolments WHERE class_id = $1) OR u.id IN (SELECT l.parent_id \
         FROM parent_links l JOIN enrolments e ON e.pupil_id = l.pupil_id WHERE e.class_id = $1))",
    )
    .bind(&class)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("count");
    let publish = |title: &str| json!({"audience": {"kind": "class", "class_id": class}, "title": title, "body": "Zebranie w sali 12 o 17:00."});
    let r = tomasz
        .post("/api/school/notices", publish("Zebranie z rodzicami"))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE subject = $1")
        .bind("Dziennik: ogłoszenie — Zebranie z rodzicami")
        .fetch_one(&app.state.db.pool)
        .await
        .expect("count");
    assert_eq!(sent, families);
    assert!(families > 20, "{families}");
    let anna_got = mails(&app, "anna.nowak@example.pl", "Dziennik: ogłoszenie").await;
    assert!(anna_got[0].contains("sali 12"), "{anna_got:?}");

    // Anna switches notices off; Piotr still gets them.
    let prefs = anna
        .put(
            "/api/school/mail-preferences",
            json!([{"kind": "notice", "enabled": false}]),
        )
        .await;
    assert_eq!(prefs.status, StatusCode::OK);
    assert_eq!(
        anna.get("/api/school/mail-preferences").await.json()[1],
        json!({"kind": "notice", "enabled": false})
    );
    let bad = anna
        .put(
            "/api/school/mail-preferences",
            json!([{"kind": "spam", "enabled": false}]),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);
    assert_eq!(
        anna.get("/api/school/mail-preferences").await.json()[1]["enabled"],
        false,
        "unchanged"
    );
    tomasz
        .post("/api/school/notices", publish("Dzień sportu"))
        .await;
    assert!(
        mails(
            &app,
            "anna.nowak@example.pl",
            "Dziennik: ogłoszenie — Dzień sportu"
        )
        .await
        .is_empty()
    );
    assert_eq!(
        mails(
            &app,
            "piotr.nowak@example.pl",
            "Dziennik: ogłoszenie — Dzień sportu"
        )
        .await
        .len(),
        1
    );

    // A new grade is e-mailed to Ola's family.
    let subject = me["teaching"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .and_then(|x| x["subject_id"].as_str())
        .expect("maths")
        .to_owned();
    let grid = tomasz
        .get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid"
        ))
        .await
        .json();
    let quiz = grid["categories"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["category"] == "quiz"))
        .expect("quiz")["id"]
        .clone();
    let r = tomasz
        .post(
            &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
            json!({"term": grid["term"], "category_id": quiz, "title": "Potęgi", "on_date": grid["columns"][0]["on_date"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let column = r.json()["id"].as_str().expect("id").to_owned();
    let r = tomasz
        .put(
            &format!("/api/school/columns/{column}/grades"),
            json!({"entries": [{"pupil_id": ola, "mark": "2", "comment": "Poprawa możliwa"}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let graded = mails(&app, "anna.nowak@example.pl", "Dziennik: nowa ocena").await;
    assert_eq!(graded.len(), 1, "{graded:?}");
    assert!(graded[0].contains("Matematyka"));
    assert_eq!(
        mails(&app, "piotr.nowak@example.pl", "Dziennik: nowa ocena")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn a_teacher_writes_to_a_classs_families_each_in_a_thread_of_its_own() {
    let app = TestApp::spawn().await;
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let me = tomasz.get("/api/school/me").await.json();
    let six_b = me["form_classes"][0]["id"].as_str().expect("6b").to_owned();
    let url = format!("/api/school/classes/{six_b}/threads");

    // Bad texts, a class he does not teach, a parent: nothing stored.
    let stored = (
        app.count("message_threads").await,
        app.count("messages").await,
    );
    for (body, field) in [
        (json!({"subject": "", "body": "Zebranie"}), "subject"),
        (json!({"subject": "Zebranie", "body": "   "}), "body"),
        (
            json!({"subject": "x".repeat(121), "body": "Zebranie"}),
            "subject",
        ),
        (
            json!({"subject": "Zebranie", "body": "x".repeat(4001)}),
            "body",
        ),
    ] {
        let r = tomasz.post(&url, body.clone()).await;
        assert_field_refused(&r, field);
    }
    let mut office = as_user(&app, "sekretariat@sp1.example.pl").await;
    let classes = office.get("/api/school/admin/classes").await.json();
    let one_a = classes
        .as_array()
        .and_then(|l| l.iter().find(|c| c["name"] == "1a"))
        .and_then(|c| c["id"].as_str())
        .expect("1a")
        .to_owned();
    let message =
        json!({"subject": "Zebranie", "body": "Zapraszam na zebranie w czwartek o 17:00."});
    for class in [one_a.as_str(), "nobody"] {
        let r = tomasz
            .post(
                &format!("/api/school/classes/{class}/threads"),
                message.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{class}: {}", r.text);
    }
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let r = anna.post(&url, message.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(
        (
            app.count("message_threads").await,
            app.count("messages").await
        ),
        stored
    );

    // One thread per family: Ola's has both her guardians, and the families who want it
    // get an e-mail.
    let roll = office
        .get(&format!("/api/school/admin/classes/{six_b}"))
        .await
        .json();
    let pupils = roll["pupils"].as_array().expect("pupils");
    let with_guardian = pupils
        .iter()
        .filter(|p| !p["guardians"].as_array().expect("guardians").is_empty())
        .count();
    let r = tomasz.post(&url, message.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["threads"], with_guardian as u64);
    assert_eq!(
        r.json()["without_guardian"],
        (pupils.len() - with_guardian) as u64
    );
    assert_eq!(
        app.count("message_threads").await,
        stored.0 + with_guardian as i64
    );
    let ola = child(&mut anna, "Ola Nowak").await;
    let threads = anna
        .get(&format!("/api/school/pupils/{ola}/threads"))
        .await
        .json();
    let meeting = threads
        .as_array()
        .and_then(|l| l.iter().find(|t| t["subject"] == "Zebranie"))
        .expect("Ola's thread")
        .clone();
    let id = meeting["id"].as_str().expect("id").to_owned();
    let thread = anna.get(&format!("/api/school/threads/{id}")).await.json();
    let mut members = names(&thread["members"], "full_name");
    members.sort();
    assert_eq!(members, ["Anna Nowak", "Piotr Nowak", "Tomasz Nauczyciel"]);
    assert_eq!(
        mails(
            &app,
            "anna.nowak@example.pl",
            "Dziennik: nowa wiadomość — Zebranie"
        )
        .await
        .len(),
        1
    );

    // Anna's answer stays in her family's thread: no other family's thread has it.
    let r = anna
        .post(
            &format!("/api/school/threads/{id}/messages"),
            json!({"body": "Będę."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let answered: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT thread_id) FROM messages WHERE body = 'Będę.'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("count");
    assert_eq!(answered, 1);
    let mut piotr = as_user(&app, "piotr.nowak@example.pl").await;
    let seen = piotr.get(&format!("/api/school/threads/{id}")).await.json();
    assert_eq!(seen["messages"].as_array().map(Vec::len), Some(2), "{seen}");
}
