//! The gmina's admin keeps its schools, through the API: bad schools and offices change
//! nothing; a second school gets a year and a bell; its new secretary sets a password
//! from the e-mailed link, adds an authenticator, keeps only that school, and enrols a
//! pupil whose guardian is Anna — who then has children in two schools, each seen in
//! full. The admin ends the secretary's lost authenticator and takes them off the office.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Client, DEMO_PASSWORD, TestApp};
use crate::school::{as_user, by_name};

const SP2: &str = "Szkoła Podstawowa nr 2 w Przykładowie Górnym";
const EWA: &str = "ewa.sekretarz@sp2.example.pl";
const EWA_PASSWORD: &str = "Haslo-Sekretariatu-2";

async fn counts(app: &TestApp) -> [i64; 5] {
    [
        app.count("schools").await,
        app.count("school_admins").await,
        app.count("users").await,
        app.count("mail_outbox").await,
        app.count("audit_log").await,
    ]
}

/// The link in the newest invitation to an address.
async fn invitation(app: &TestApp, to: &str) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body FROM mail_outbox WHERE to_address = $1 AND subject = 'Konto w portalu: ustaw hasło' \
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(to)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("an invitation");
    body.split_whitespace()
        .find_map(|w| w.split("/activate/").nth(1).map(str::to_owned))
        .expect("a link")
}

/// Logs in a school office with its own authenticator's secret.
async fn log_in_with<'a>(app: &'a TestApp, secret: &[u8]) -> Client<'a> {
    let mut c = app.client();
    let step = server::auth::totp::step_at(server::time_fmt::now_ms());
    let body = json!({"email": EWA, "password": EWA_PASSWORD,
        "code": format!("{:06}", server::auth::totp::code(secret, step))});
    let r = c.post("/api/auth/login", body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    c
}

#[tokio::test]
async fn the_admin_adds_a_school_whose_office_enrols_a_child_of_a_family_of_two_schools() {
    let app = TestApp::spawn().await;
    let mut admin = as_user(&app, "admin@example.pl").await;
    let r = admin.get("/api/school/gmina/schools").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = r.json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let sp1 = list[0].clone();
    assert_eq!(sp1["classes"], 16);
    assert!(sp1["pupils"].as_u64().is_some_and(|n| n > 300), "{sp1}");
    assert_eq!(sp1["offices"][0]["email"], "sekretariat@sp1.example.pl");
    assert_eq!(sp1["offices"][0]["authenticator"], true);
    // Nobody else keeps the gmina's schools; another gmina's admin sees none of them.
    let mut sp1_office = as_user(&app, "sekretariat@sp1.example.pl").await;
    let mut teacher = as_user(&app, "nauczyciel@example.pl").await;
    let mut anna = as_user(&app, "anna.nowak@example.pl").await;
    for c in [&mut sp1_office, &mut teacher, &mut anna] {
        let r = c.get("/api/school/gmina/schools").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    }
    let mut other = app.client_on("sasiednia.localhost");
    other.login("admin@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        other.get("/api/school/gmina/schools").await.json(),
        json!([])
    );

    // Bad schools: the field named, nothing stored.
    let stored = counts(&app).await;
    let sp1_name = sp1["name"].as_str().expect("name").to_uppercase();
    for (body, field, says) in [
        (json!({"name": ""}), "name", "required"),
        (json!({"name": "SP"}), "name", "too_short"),
        (json!({"name": "x".repeat(201)}), "name", "too_long"),
        (json!({"name": sp1_name}), "name", "name_taken"),
    ] {
        let r = admin.post("/api/school/gmina/schools", body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], says, "{body}");
    }
    let r = admin
        .post("/api/school/gmina/schools", json!({"nazwa": SP2}))
        .await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::BAD_REQUEST, "malformed_json".into()),
        "{}",
        r.text
    );
    assert_eq!(counts(&app).await, stored);

    let r = admin
        .post(
            "/api/school/gmina/schools",
            json!({"name": format!("  {SP2} ")}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let sp2 = r.json();
    assert_eq!(sp2["name"], SP2);
    assert!(
        sp2["year_name"].as_str().is_some_and(|y| y.len() == 9),
        "{sp2}"
    );
    assert_eq!(
        (sp2["classes"].clone(), sp2["offices"].clone()),
        (json!(0), json!([]))
    );
    let school = sp2["id"].as_str().expect("id").to_owned();
    let bell: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM school_periods WHERE school_id = $1")
        .bind(&school)
        .fetch_one(&app.state.db.pool)
        .await
        .expect("bell");
    assert_eq!(bell, 8);

    // Bad offices: nothing stored; an unknown school is 404.
    let offices = format!("/api/school/gmina/schools/{school}/offices");
    let stored = counts(&app).await;
    for (body, field, says) in [
        (
            json!({"full_name": "Ewa Sekretarz", "email": "nie-adres"}),
            "email",
            "invalid_email",
        ),
        (
            json!({"full_name": "E", "email": EWA}),
            "full_name",
            "too_short",
        ),
        (json!({"full_name": "", "email": ""}), "email", "required"),
    ] {
        let r = admin.post(&offices, body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.json()["error"]["fields"][field], says, "{body}");
    }
    let r = admin
        .post(
            "/api/school/gmina/schools/nobody/offices",
            json!({"full_name": "Ewa Sekretarz", "email": EWA}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(counts(&app).await, stored);

    // A new secretary: an account waiting for its password, and the link by e-mail.
    let r = admin
        .post(
            &offices,
            json!({"full_name": "Ewa Sekretarz", "email": "Ewa.Sekretarz@SP2.example.pl"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let office = r.json()["offices"][0].clone();
    assert_eq!(
        (office["email"].as_str(), office["waiting"].as_bool()),
        (Some(EWA), Some(true))
    );
    let r = admin
        .post(
            &offices,
            json!({"full_name": "Ewa Sekretarz", "email": EWA}),
        )
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["email"],
        "name_taken",
        "{}",
        r.text
    );
    let token = invitation(&app, EWA).await;
    let r = app
        .client()
        .post(
            "/api/auth/activate",
            json!({"token": token, "password": EWA_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    // Her first login asks for an authenticator, confirmed by its first code.
    let password = json!({"email": EWA, "password": EWA_PASSWORD});
    let r = app.client().post("/api/auth/login", password.clone()).await;
    assert_eq!(r.code(), "second_factor_setup_required", "{}", r.text);
    let setup = app.client().post("/api/auth/totp", password).await.json();
    let secret =
        server::auth::totp::from_base32(setup["secret"].as_str().expect("secret")).expect("base32");
    let mut ewa = log_in_with(&app, &secret).await;

    // She keeps SP2 only; SP1's office does not see SP2.
    let kept = ewa.get("/api/school/admin/schools").await.json();
    assert_eq!(kept.as_array().map(Vec::len), Some(1), "{kept}");
    assert_eq!(kept[0]["name"], SP2);
    let r = ewa
        .post(
            &format!("/api/school/admin/schools/{school}/subjects"),
            json!({"name": "Matematyka"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let maths = r.json()["id"].as_str().expect("id").to_owned();
    let r = ewa
        .post(
            &format!("/api/school/admin/schools/{school}/classes"),
            json!({"name": "1a"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let class = r.json()["id"].as_str().expect("id").to_owned();
    let r = sp1_office
        .get(&format!("/api/school/admin/classes/{class}"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Tomasz teaches in both schools.
    let tomasz = by_name(&kept[0]["teachers"], "full_name", "Tomasz Nauczyciel")["id"].clone();
    let r = ewa
        .put(
            &format!("/api/school/admin/classes/{class}/teaching/{maths}"),
            json!({"teacher_id": tomasz}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    let csv = "uczen;pesel;email_ucznia;opiekun;email_opiekuna\nJaś Nowak;19231512345;;Anna Nowak;anna.nowak@example.pl\n";
    let r = ewa
        .send(
            Method::POST,
            &format!("/api/school/admin/classes/{class}/import"),
            Some(csv.to_owned()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["links_added"], 1);

    // Anna: three children in two schools, each day and grades hers to see.
    let me = anna.get("/api/school/me").await.json();
    let children = me["children"].as_array().expect("children").clone();
    assert_eq!(children.len(), 3, "{me}");
    let jas = by_name(&me["children"], "full_name", "Jaś Nowak").clone();
    assert_eq!(jas["class_name"], "1a", "{jas}");
    for child in &children {
        let id = child["id"].as_str().expect("id");
        for what in ["today", "grades", "attendance"] {
            let r = anna.get(&format!("/api/school/pupils/{id}/{what}")).await;
            assert_eq!(r.status, StatusCode::OK, "{what} of {child}: {}", r.text);
        }
    }
    let jas_id = jas["id"].as_str().expect("id");
    // SP1's office and a teacher of SP1 who does not teach Jaś: not theirs.
    let r = sp1_office
        .get(&format!("/api/school/pupils/{jas_id}/grades"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = as_user(&app, "m.polonska@sp1.example.pl")
        .await
        .get(&format!("/api/school/pupils/{jas_id}/grades"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let teaching = teacher.get("/api/school/me").await.json();
    assert!(
        teaching["teaching"]
            .as_array()
            .expect("teaching")
            .iter()
            .any(|t| t["class_id"] == class.as_str()),
        "{teaching}"
    );

    // Her phone is lost: the admin ends the authenticator; her sessions end, she is told.
    let account = office["id"].as_str().expect("id").to_owned();
    let r = admin
        .delete("/api/school/gmina/offices/nobody/authenticator")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = admin
        .delete(&format!(
            "/api/school/gmina/offices/{}/authenticator",
            tomasz.as_str().expect("id")
        ))
        .await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "a teacher's is the school office's to end"
    );
    let r = admin
        .delete(&format!(
            "/api/school/gmina/offices/{account}/authenticator"
        ))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
    assert_eq!(
        ewa.get("/api/auth/me").await.status,
        StatusCode::UNAUTHORIZED
    );
    let told: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_address = $1 AND body LIKE '%Administrator portalu gminy wyłączył%'",
    )
    .bind(EWA)
    .fetch_one(&app.state.db.pool)
    .await
    .expect("outbox");
    assert_eq!(told, 1);
    let r = app
        .client()
        .post(
            "/api/auth/login",
            json!({"email": EWA, "password": EWA_PASSWORD}),
        )
        .await;
    assert_eq!(
        r.code(),
        "second_factor_setup_required",
        "a new key at the next login"
    );

    // Taken off the office: the role goes with her last school.
    let r = admin
        .delete(&format!(
            "/api/school/gmina/schools/{school}/offices/{account}"
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["offices"], json!([]));
    let r = admin
        .delete(&format!(
            "/api/school/gmina/schools/{school}/offices/{account}"
        ))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let roles: Vec<String> = sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1")
        .bind(&account)
        .fetch_all(&app.state.db.pool)
        .await
        .expect("roles");
    assert!(roles.is_empty(), "{roles:?}");

    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'school.%' OR action LIKE 'school_office.%' ORDER BY seq",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .expect("audit");
    assert_eq!(
        actions,
        [
            "school.added",
            "school.office_added",
            "school_office.authenticator_reset",
            "school.office_removed"
        ]
    );
}

#[tokio::test]
async fn an_account_of_the_gmina_named_to_an_office_gets_the_role_without_a_new_account() {
    let app = TestApp::spawn().await;
    let mut admin = as_user(&app, "admin@example.pl").await;
    let school = admin
        .post("/api/school/gmina/schools", json!({"name": SP2}))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (users, mail) = (app.count("users").await, app.count("mail_outbox").await);
    let r = admin
        .post(
            &format!("/api/school/gmina/schools/{school}/offices"),
            json!({"full_name": "ignored", "email": "sekretariat@sp1.example.pl"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["offices"][0]["full_name"], "Barbara Sekretarz");
    assert_eq!(
        (app.count("users").await, app.count("mail_outbox").await),
        (users, mail)
    );
    let kept: Value = as_user(&app, "sekretariat@sp1.example.pl")
        .await
        .get("/api/school/admin/schools")
        .await
        .json();
    assert_eq!(kept.as_array().map(Vec::len), Some(2), "{kept}");
}
