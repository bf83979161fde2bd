//! The school office through the API: its classes, a CSV import that enrols pupils and
//! links guardians all or nothing (bad rows, repeated rows and a pupil of another class
//! refuse the whole file), the links new accounts get to set their password, and
//! importing the same file again changes nothing.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Client, TestApp};
use crate::school::as_user;

const HEADER: &str = "uczen;pesel;email_ucznia;opiekun;email_opiekuna\n";

fn class_id(classes: &Value, name: &str) -> String {
    classes
        .as_array()
        .and_then(|c| c.iter().find(|x| x["name"] == name))
        .and_then(|x| x["id"].as_str())
        .unwrap_or_else(|| panic!("{name} in {classes}"))
        .to_owned()
}

async fn import(office: &mut Client<'_>, class: &str, csv: &str) -> crate::helpers::TestResponse {
    office
        .send(
            Method::POST,
            &format!("/api/school/admin/classes/{class}/import"),
            Some(csv.to_owned()),
        )
        .await
}

async fn counts(app: &TestApp) -> [i64; 4] {
    [
        app.count("users").await,
        app.count("enrolments").await,
        app.count("parent_links").await,
        app.count("mail_outbox").await,
    ]
}

/// The link in the newest invitation to an address.
async fn invitation(app: &TestApp, to: &str) -> Option<String> {
    let body: Option<String> = sqlx::query_scalar(
        "SELECT body FROM mail_outbox WHERE to_address = $1 AND subject = 'Konto w portalu: ustaw hasło' \
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(to)
    .fetch_optional(&app.state.db.pool)
    .await
    .expect("outbox");
    body.and_then(|b| {
        b.split_whitespace()
            .find_map(|w| w.split("/activate/").nth(1).map(str::to_owned))
    })
}

#[tokio::test]
async fn the_office_imports_a_class_all_or_nothing_and_new_accounts_set_their_password() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, "sekretariat@sp1.example.pl").await;
    let classes = office.get("/api/school/admin/classes").await;
    assert_eq!(classes.status, StatusCode::OK, "{}", classes.text);
    let classes = classes.json();
    assert_eq!(classes.as_array().map(Vec::len), Some(16), "{classes}");
    let (one_a, one_b) = (class_id(&classes, "1a"), class_id(&classes, "1b"));
    let before_1a = classes[0]["pupils"].as_u64().expect("count");
    for email in ["nauczyciel@example.pl", "anna.nowak@example.pl"] {
        let mut other = as_user(&app, email).await;
        assert_eq!(
            other.get("/api/school/admin/classes").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            import(&mut other, &one_a, HEADER).await.status,
            StatusCode::FORBIDDEN
        );
    }

    // Bad files: nothing is stored and the lines are named.
    let stored = counts(&app).await;
    for (body, says) in [
        (
            "Zofia Lis;16270512348;;Marek Lis;marek.lis@example.pl\n",
            "2",
        ),
        (
            "Zofia Lis;16270512349;;Marek Lis;marek.lis@example.pl\nZofia Lis;16270512349;;Marek Lis;Marek.Lis@example.pl\n",
            "3",
        ),
        ("Zofia Lis;16270512349;;Marek Lis;\n", "2"),
    ] {
        let r = import(&mut office, &one_a, &format!("{HEADER}{body}")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.code(), "invalid_import_file");
        assert!(r.text.contains(says), "{}", r.text);
    }
    let r = import(&mut office, &one_a, "imie;nazwisko\nZofia;Lis\n").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(counts(&app).await, stored);

    // A good file: Zofia (no login of her own) with her father (new) and Anna (known),
    // Jan with his own login and no guardian.
    let file = format!(
        "{HEADER}Zofia Lis;16270512349;;Marek Lis;marek.lis@example.pl\n\
         Zofia Lis;16270512349;;Anna Nowak;anna.nowak@example.pl\n\
         Jan Wróbel;16250711234;jan.wrobel@example.pl;;\n"
    );
    let r = import(&mut office, &one_a, &file).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.json(),
        json!({"rows": 3, "enrolled": 2, "accounts_created": 3, "links_added": 2})
    );
    let roll = office
        .get(&format!("/api/school/admin/classes/{one_a}"))
        .await
        .json();
    assert_eq!(
        roll["class"]["pupils"].as_u64(),
        Some(before_1a + 2),
        "{roll}"
    );
    let zofia = roll["pupils"]
        .as_array()
        .and_then(|p| p.iter().find(|x| x["full_name"] == "Zofia Lis"))
        .expect("Zofia")
        .clone();
    assert_eq!(zofia["email"], "");
    let guardians: Vec<(&str, &str, bool)> = zofia["guardians"]
        .as_array()
        .expect("guardians")
        .iter()
        .map(|g| {
            (
                g["full_name"].as_str().unwrap_or_default(),
                g["email"].as_str().unwrap_or_default(),
                g["waiting"] == true,
            )
        })
        .collect();
    assert_eq!(
        guardians,
        [
            ("Anna Nowak", "anna.nowak@example.pl", false),
            ("Marek Lis", "marek.lis@example.pl", true)
        ]
    );
    assert_eq!(zofia["waiting"], false, "no login of her own");
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    let children = anna.get("/api/school/me").await.json()["children"].clone();
    assert_eq!(children.as_array().map(Vec::len), Some(3), "{children}");
    // The office's look at the roll is in each pupil's log of staff looks.
    let looks = anna
        .get(&format!(
            "/api/school/pupils/{}/access",
            zofia["id"].as_str().expect("id")
        ))
        .await
        .json();
    assert_eq!(looks[0]["who"], "Barbara Sekretarz", "{looks}");

    // Only the new accounts with an address are sent a link; Anna is not.
    assert!(invitation(&app, "jan.wrobel@example.pl").await.is_some());
    assert!(invitation(&app, "anna.nowak@example.pl").await.is_none());
    let token = invitation(&app, "marek.lis@example.pl")
        .await
        .expect("Marek's link");

    // The same file again changes nothing; Zofia cannot also be in 1b.
    let again = counts(&app).await;
    let r = import(&mut office, &one_a, &file).await;
    assert_eq!(
        r.json(),
        json!({"rows": 3, "enrolled": 0, "accounts_created": 0, "links_added": 0})
    );
    assert_eq!(counts(&app).await, again);
    let r = import(&mut office, &one_b, &file).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(counts(&app).await, again);

    // Marek sets his password from the link, once.
    let mut marek = app.client();
    let r = marek
        .post(
            "/api/auth/login",
            json!({"email": "marek.lis@example.pl", "password": "Haslo-Marka-2026"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = marek
        .post(
            "/api/auth/activate",
            json!({"token": token, "password": "krotkie"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["password"].is_string());
    let r = marek
        .post(
            "/api/auth/activate",
            json!({"token": token, "password": "Haslo-Marka-2026"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let r = marek
        .post(
            "/api/auth/activate",
            json!({"token": token, "password": "Inne-Haslo-2026"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"]["token"], "invalid_link");
    marek
        .login("marek.lis@example.pl", "Haslo-Marka-2026")
        .await;
    let me = marek.get("/api/school/me").await.json();
    assert_eq!(me["children"][0]["full_name"], "Zofia Lis", "{me}");
}

#[tokio::test]
async fn the_office_sends_a_new_link_and_only_the_newest_one_works() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, "sekretariat@sp1.example.pl").await;
    let classes = office.get("/api/school/admin/classes").await.json();
    let one_a = class_id(&classes, "1a");
    let file = format!(
        "{HEADER}Zofia Lis;16270512349;;Marek Lis;marek.lis@example.pl\n\
         Zofia Lis;16270512349;;Anna Nowak;anna.nowak@example.pl\n"
    );
    assert_eq!(
        import(&mut office, &one_a, &file).await.status,
        StatusCode::OK
    );
    let roll = office
        .get(&format!("/api/school/admin/classes/{one_a}"))
        .await
        .json();
    let zofia = roll["pupils"]
        .as_array()
        .and_then(|p| p.iter().find(|x| x["full_name"] == "Zofia Lis"))
        .expect("Zofia")
        .clone();
    let guardian = |name: &str| {
        zofia["guardians"]
            .as_array()
            .and_then(|g| g.iter().find(|x| x["full_name"] == name))
            .and_then(|g| g["id"].as_str())
            .expect("guardian")
            .to_owned()
    };
    let (marek, anna) = (guardian("Marek Lis"), guardian("Anna Nowak"));
    let link = |id: &str| format!("/api/school/admin/accounts/{id}/link");

    // Fourteen days later: the first link has expired.
    let first = invitation(&app, "marek.lis@example.pl")
        .await
        .expect("link");
    sqlx::query("UPDATE account_invitations SET expires_at = 1 WHERE user_id = $1")
        .bind(&marek)
        .execute(&app.state.db.pool)
        .await
        .expect("expire");
    let activate = |token: &str| json!({"token": token, "password": "Haslo-Marka-2026"});
    let mut marek_phone = app.client();
    let r = marek_phone
        .post("/api/auth/activate", activate(&first))
        .await;
    assert_eq!(r.json()["error"]["fields"]["token"], "invalid_link");

    // Who may not, and whom not: nothing is sent.
    let stored = counts(&app).await;
    let mut anna_client = as_user(&app, "anna.nowak@example.pl").await;
    assert_eq!(
        anna_client.post(&link(&marek), json!({})).await.status,
        StatusCode::FORBIDDEN
    );
    let teacher: String =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'nauczyciel@example.pl'")
            .fetch_one(&app.state.db.pool)
            .await
            .expect("teacher");
    for (id, status) in [
        (anna.as_str(), StatusCode::CONFLICT),
        (zofia["id"].as_str().expect("id"), StatusCode::CONFLICT),
        (teacher.as_str(), StatusCode::NOT_FOUND),
        ("no-such-account", StatusCode::NOT_FOUND),
    ] {
        let r = office.post(&link(id), json!({})).await;
        assert_eq!(r.status, status, "{id}: {}", r.text);
    }
    assert_eq!(counts(&app).await, stored);

    // Two new links: only the newest works, once.
    assert_eq!(
        office.post(&link(&marek), json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    let second = invitation(&app, "marek.lis@example.pl")
        .await
        .expect("link");
    assert_ne!(second, first);
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(
        office.post(&link(&marek), json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    let third = invitation(&app, "marek.lis@example.pl")
        .await
        .expect("link");
    assert_ne!(third, second);
    let r = marek_phone
        .post("/api/auth/activate", activate(&second))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["token"],
        "invalid_link",
        "an earlier link"
    );
    let r = marek_phone
        .post("/api/auth/activate", activate(&third))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'account.link_sent_again' AND object_id = $1",
    )
    .bind(&marek)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(sent, 2);
    // Now he has a password: no more links.
    let r = office.post(&link(&marek), json!({})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    marek_phone
        .login("marek.lis@example.pl", "Haslo-Marka-2026")
        .await;
}
