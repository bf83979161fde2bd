//! Public information through the API: budget and register imports (all or nothing,
//! problems by line, in the caller's language), the public tree, search and filters,
//! announcements with their public history and files, and open data: every change is a
//! new dated version whose files verify against the office key, and old versions stay.

use axum::http::{Method, StatusCode};
use base64::Engine;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::{Client, DEMO_PASSWORD, SASIEDNIA, TestApp, TestResponse};

const HEAD: &str = "rodzaj;dzial;rozdzial;paragraf;nazwa;plan;zmiany;wykonanie\n";

async fn clerk(app: &TestApp) -> Client<'_> {
    let mut c = app.client();
    c.login("urzednik@example.pl", DEMO_PASSWORD).await;
    c
}

async fn put_csv(c: &mut Client<'_>, path: &str, text: &str) -> TestResponse {
    c.send_bytes(Method::PUT, path, "text/csv", text.as_bytes().to_vec())
        .await
}

fn message(r: &TestResponse) -> String {
    r.json()["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Checks a version's files: their digests and signatures by the office key.
async fn verify(c: &mut Client<'_>, version: &Value) -> (String, Value) {
    let key = c.get("/api/receipts/public-key").await.json();
    assert_eq!(key["key_id"], version["key_id"]);
    let public: [u8; 32] = hex::decode(key["public_key"].as_str().expect("hex"))
        .expect("hex")
        .try_into()
        .expect("32 bytes");
    let public = VerifyingKey::from_bytes(&public).expect("a key");
    let path = format!(
        "/api/info/data/{}/{}",
        version["dataset"].as_str().expect("dataset"),
        version["version"]
    );
    let mut texts = Vec::new();
    for file in ["csv", "json"] {
        let r = c.get(&format!("{path}/data.{file}")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let bytes = r.text.as_bytes();
        assert_eq!(
            hex::encode(Sha256::digest(bytes)),
            version[format!("{file}_sha256")]
        );
        let signature = base64::engine::general_purpose::STANDARD
            .decode(version[format!("{file}_signature")].as_str().expect("b64"))
            .expect("base64");
        let signature = Signature::from_slice(&signature).expect("64 bytes");
        public
            .verify(bytes, &signature)
            .expect("the office's signature");
        let sig = c.get(&format!("{path}/data.{file}.sig")).await;
        assert_eq!(sig.status, StatusCode::OK);
        assert_eq!(sig.header("content-length"), Some("64"));
        texts.push(r.text);
    }
    let json = serde_json::from_str(&texts[1]).expect("json");
    (texts.swap_remove(0), json)
}

#[tokio::test]
async fn a_budget_import_is_published_signed_and_a_bad_file_changes_nothing() {
    let app = TestApp::spawn().await;
    let mut anyone = app.client();
    // The demo's current year: działy sum their rozdziały.
    let budget = anyone.get("/api/info/budget/2026").await.json();
    let spending = budget["spending"].as_array().expect("działy");
    assert!(spending.len() > 10);
    for dzial in spending {
        let sum: i64 = dzial["children"]
            .as_array()
            .expect("rozdziały")
            .iter()
            .map(|r| r["executed"].as_i64().expect("grosze"))
            .sum();
        assert_eq!(dzial["executed"].as_i64(), Some(sum));
    }
    let mut c = clerk(&app).await;
    let file = format!(
        "{HEAD};801;;;Oświata i wychowanie;;;\n;801;80101;;Szkoły podstawowe;;;\n\
         ;756;;;Dochody od osób prawnych;;;\n;756;75621;;Udziały w podatkach;;;\n\
         wydatki;801;80101;4010;Wynagrodzenia osobowe;1 000 000,00;-2500,5;123456,78\n\
         wydatki;801;80101;4210;Zakup materiałów;20000;;0\n\
         dochody;756;75621;0010;PIT;3000000;;250000\n"
    );
    let r = put_csv(
        &mut c,
        "/api/office/info/budget/2027?as_of=2027-01-31",
        &file,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["lines"], 3);
    assert_eq!(r.json()["version"], 1);
    let year = anyone.get("/api/info/budget/2027").await.json();
    assert_eq!(year["as_of"], "2027-01-31");
    assert_eq!(year["spending"][0]["plan"], 102_000_000);
    assert_eq!(year["spending"][0]["changes"], -250_050);
    assert_eq!(
        year["spending"][0]["children"][0]["name"],
        "Szkoły podstawowe"
    );
    assert_eq!(year["income"][0]["executed"], 25_000_000);
    let versions = anyone.get("/api/info/data/budget-2027").await.json();
    let first = versions[0].clone();
    let (csv, json) = verify(&mut anyone, &first).await;
    assert!(
        csv.contains("wydatki;801;80101;4010;Wynagrodzenia osobowe;1000000,00;-2500,50;123456,78")
    );
    assert_eq!(json["records"]["lines"].as_array().map(Vec::len), Some(3));

    // Bad files: refused whole, each problem with its line, in the caller's language.
    let bad = [
        ("dzial;nazwa\n801;X\n", "brak kolumny „rodzaj”"),
        (HEAD, "nie zawiera żadnego wiersza"),
        (
            &format!("{HEAD};801;;;O;;;\nwydatki;801;80101;4010;W;1;;1\n") as &str,
            "wiersz 3: brak wiersza z nazwą działu lub rozdziału 80101",
        ),
        (
            &format!("{HEAD};801;;;O;;;\n;801;80101;;S;;;\nwydatki;801;80101;4010;W;dużo;;1\n"),
            "wiersz 4: kolumna „plan”",
        ),
        (
            &format!(
                "{HEAD};801;;;O;;;\n;801;80101;;S;;;\nwydatki;801;80101;4010;W;1;;1\nwydatki;801;80101;4010;W;1;;1\n"
            ),
            "wiersz 5: powtarza wiersz 4",
        ),
        (
            &format!("{HEAD};801;;;O;;;\n;801;80101;;S;5;;\n"),
            "wiersz 3: kolumna „plan”",
        ),
        (
            &format!("{HEAD};801;;;O;;;\n;801;80101;;S;;;\nzyski;801;80101;4010;W;1;;1\n"),
            "wiersz 4: kolumna „rodzaj”",
        ),
        (
            &format!("{HEAD};801;;;O;;;\n;801;75023;;S;;;\n"),
            "wiersz 3: kolumna „rozdzial”",
        ),
        (&format!("{HEAD};801;;;O;;\n"), "wiersz 2: 7 pól zamiast 8"),
    ];
    for (text, expected) in bad {
        let r = put_csv(
            &mut c,
            "/api/office/info/budget/2027?as_of=2027-02-28",
            text,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        assert_eq!(r.code(), "invalid_import_file");
        assert!(message(&r).contains(expected), "{text}: {}", message(&r));
    }
    let not_text = c
        .send_bytes(
            Method::PUT,
            "/api/office/info/budget/2027?as_of=2027-02-28",
            "text/csv",
            vec![0, 159, 146, 150],
        )
        .await;
    assert_eq!(not_text.status, StatusCode::UNPROCESSABLE_ENTITY);
    c.lang = Some("uk");
    let r = put_csv(
        &mut c,
        "/api/office/info/budget/2027?as_of=2027-02-28",
        "dzial\n801\n",
    )
    .await;
    assert!(
        message(&r).contains("у заголовку немає стовпця «rodzaj»"),
        "{}",
        message(&r)
    );
    c.lang = None;
    for query in ["as_of=2026-12-31", "as_of=2027-02-30", "as_of="] {
        let r = put_csv(
            &mut c,
            &format!("/api/office/info/budget/2027?{query}"),
            &file,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
    }
    let r = put_csv(
        &mut c,
        "/api/office/info/budget/1999?as_of=1999-12-31",
        &file,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        anyone.get("/api/info/budget/2027").await.json(),
        year,
        "nothing changed"
    );
    assert_eq!(
        anyone
            .get("/api/info/data/budget-2027")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let mut resident = app.client();
    resident
        .login("jan.kowalski@example.pl", DEMO_PASSWORD)
        .await;
    let r = put_csv(
        &mut resident,
        "/api/office/info/budget/2027?as_of=2027-01-31",
        &file,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A new import is a new version; the old one stays, still verifies, and is what
    // was current on its day.
    let changed = file.replace("123456,78", "200000,00");
    let r = put_csv(
        &mut c,
        "/api/office/info/budget/2027?as_of=2027-02-28",
        &changed,
    )
    .await;
    assert_eq!(r.json()["version"], 2);
    let versions = anyone.get("/api/info/data/budget-2027").await.json();
    assert_eq!(versions.as_array().map(Vec::len), Some(2));
    assert_eq!(versions[1], first);
    let (old_csv, _) = verify(&mut anyone, &versions[1]).await;
    assert_eq!(old_csv, csv);
    let (new_csv, _) = verify(&mut anyone, &versions[0]).await;
    assert!(new_csv.contains("200000,00"));
    let today = anyone
        .get(&format!(
            "/api/info/data/budget-2027/on/{}",
            server::time_fmt::today()
        ))
        .await;
    assert_eq!(today.json()["version"], 2);
    let before = anyone.get("/api/info/data/budget-2027/on/2020-01-01").await;
    assert_eq!(before.status, StatusCode::NOT_FOUND);
    assert_eq!(
        anyone
            .get("/api/info/data/budget-2027/on/2020-13-01")
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        anyone
            .get("/api/info/data/budget-2027/9/data.csv")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        anyone
            .get("/api/info/data/budget-2027/1/data.xml")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let pem = anyone
        .get(&format!(
            "/api/info/data/keys/{}",
            first["key_id"].as_str().expect("id")
        ))
        .await;
    assert!(pem.text.starts_with("-----BEGIN PUBLIC KEY-----"));

    // Another gmina sees none of it.
    let mut other = app.client_on(SASIEDNIA);
    assert_eq!(other.get("/api/info/budget").await.json(), json!([]));
    assert_eq!(
        other.get("/api/info/budget/2027").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get("/api/info/data/budget-2027").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn registers_are_searched_filtered_and_replaced_whole() {
    let app = TestApp::spawn().await;
    let mut anyone = app.client();
    let all = anyone.get("/api/info/registers/property").await.json();
    assert_eq!(all["total"], 40);
    let buildings = anyone
        .get("/api/info/registers/property?rodzaj=budynek")
        .await
        .json();
    assert_eq!(buildings["total"], 9);
    let facet = &all["facets"][0];
    assert_eq!(facet["column"], "rodzaj");
    assert_eq!(facet["values"][0], json!({"value": "dzialka", "count": 24}));
    // Words in any column, any case, with or without Polish letters.
    let school = anyone
        .get("/api/info/registers/property?q=SZKOLNA%205")
        .await
        .json();
    assert!(school["total"].as_i64().expect("n") >= 1);
    assert!(
        school["entries"][0]["values"][4]
            .as_str()
            .expect("address")
            .contains("Szkolna 5")
    );
    assert!(
        anyone
            .get("/api/info/registers/property?q=dzialka%20lipowo")
            .await
            .json()["total"]
            .as_i64()
            > Some(0)
    );
    let current = anyone
        .get("/api/info/registers/alcohol?current=true")
        .await
        .json();
    assert_eq!(current["total"], 15);
    assert_eq!(
        anyone.get("/api/info/registers/people").await.status,
        StatusCode::NOT_FOUND
    );

    let mut c = clerk(&app).await;
    let head = "numer;droga;lokalizacja;cel;powierzchnia_m2;od;do;wnioskodawca;szer;dl\n";
    let row = "GK.7230.1.2027;ul. Rzeczna;ul. Rzeczna 3;rusztowanie;12,5;2027-01-02;2027-02-01;Budrex sp. z o.o.;52.15;20.69\n";
    let bad = [
        (
            row.replace("rusztowanie", "festyn"),
            "wiersz 2: kolumna „cel”",
        ),
        (
            row.replace("2027-02-01", "2026-12-01"),
            "wiersz 2: kolumna „do”",
        ),
        (
            row.replace("2027-01-02", "2027-02-30"),
            "wiersz 2: kolumna „od”",
        ),
        (
            row.replace("52.15;20.69", "40.4;-3.7"),
            "wiersz 2: kolumna „szer”",
        ),
        (
            row.replace("52.15;20.69", "52.15;"),
            "wiersz 2: kolumna „dl”",
        ),
        (
            row.replace("12,5", "-3"),
            "wiersz 2: kolumna „powierzchnia_m2”",
        ),
        (format!("{row}{row}"), "wiersz 3: powtarza wiersz 2"),
    ];
    for (rows, expected) in bad {
        let r = put_csv(
            &mut c,
            "/api/office/info/registers/road-lane",
            &format!("{head}{rows}"),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{rows}");
        assert!(message(&r).contains(expected), "{rows}: {}", message(&r));
    }
    assert_eq!(
        anyone.get("/api/info/registers/road-lane").await.json()["total"],
        14
    );
    let r = put_csv(
        &mut c,
        "/api/office/info/registers/road-lane",
        &format!("{head}{row}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["version"], 2);
    let now = anyone.get("/api/info/registers/road-lane").await.json();
    assert_eq!(now["total"], 1);
    assert_eq!(now["entries"][0]["values"][4], "12,50");
    assert_eq!(now["entries"][0]["lat"], 52_150_000);
    let versions = anyone.get("/api/info/data/road-lane").await.json();
    let (csv, json) = verify(&mut anyone, &versions[0]).await;
    assert!(csv.contains("GK.7230.1.2027;ul. Rzeczna;ul. Rzeczna 3;rusztowanie;12,50;2027-01-02;2027-02-01;Budrex sp. z o.o.;52.150000;20.690000"));
    assert_eq!(json["records"][0]["szer"], 52.15);
    let (old, _) = verify(&mut anyone, &versions[1]).await;
    assert_eq!(
        old.lines().count(),
        15,
        "the first version keeps all 14 permits"
    );
    // Money in JSON is grosze.
    let property = anyone.get("/api/info/data/property").await.json();
    let (_, json) = verify(&mut anyone, &property[0]).await;
    assert!(json["records"][0]["wartosc"].as_i64().is_some());
    assert_eq!(
        app.client_on(SASIEDNIA)
            .get("/api/info/registers/property")
            .await
            .json()["total"],
        0
    );
}

#[tokio::test]
async fn announcements_keep_every_version_public() {
    let app = TestApp::spawn().await;
    let mut anyone = app.client();
    let current = anyone.get("/api/info/announcements").await.json();
    assert_eq!(current.as_array().map(Vec::len), Some(4));
    let archive = anyone
        .get("/api/info/announcements?archive=true")
        .await
        .json();
    assert_eq!(archive.as_array().map(Vec::len), Some(1));
    let before = anyone
        .get("/api/info/data/announcements")
        .await
        .json()
        .as_array()
        .map(Vec::len);

    let mut c = clerk(&app).await;
    let pdf = b"%PDF-1.4\n%%EOF\n";
    let uploaded = c.upload("mapa.pdf", "application/pdf", pdf.to_vec()).await;
    assert_eq!(uploaded.status, StatusCode::CREATED, "{}", uploaded.text);
    let file_ref = uploaded.json();
    // Someone else's upload (or a made-up one) cannot be attached.
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let hers = anna
        .upload("jej.pdf", "application/pdf", b"%PDF-1.7 Anna".to_vec())
        .await
        .json();
    let mut made_up = file_ref.clone();
    made_up["size"] = json!(1);
    let form = json!({"title": "Zbiórka odpadów wielkogabarytowych", "body": "W sobotę 12 grudnia od 8:00 do 14:00 na placu przy ul. Polnej.",
        "expires_on": "2030-12-12", "attachments": [file_ref]});
    let r = c.post("/api/office/info/announcements", form.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let made = r.json();
    let id = made["summary"]["id"].as_str().expect("id").to_owned();
    assert_eq!(made["summary"]["published_by"], "Katarzyna Urzędnik");
    let file = &made["attachments"][0];
    let download = anyone
        .get(&format!(
            "/api/info/announcements/{id}/attachments/{}",
            file["id"].as_str().expect("id")
        ))
        .await;
    assert_eq!(download.text.as_bytes(), pdf);
    assert!(
        download
            .header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );

    // Bad forms: nothing stored.
    let bad = [
        (
            json!({"title": "Krót", "body": "Treść ogłoszenia."}),
            "title",
        ),
        (json!({"title": "Tytuł ogłoszenia", "body": ""}), "body"),
        (
            json!({"title": "Tytuł ogłoszenia", "body": "Treść ogłoszenia.", "expires_on": "2020-01-01"}),
            "expires_on",
        ),
        (
            json!({"title": "Tytuł ogłoszenia", "body": "Treść ogłoszenia.", "expires_on": "jutro"}),
            "expires_on",
        ),
        (
            json!({"title": "Tytuł ogłoszenia", "body": "Treść ogłoszenia.", "attachments": [hers]}),
            "attachments",
        ),
        (
            json!({"title": "Tytuł ogłoszenia", "body": "Treść ogłoszenia.", "attachments": [made_up]}),
            "attachments",
        ),
        (
            json!({"title": "Tytuł ogłoszenia", "body": "Treść ogłoszenia.", "attachments": [file_ref.clone(), file_ref.clone(), file_ref.clone(), file_ref.clone(), file_ref.clone(), file_ref.clone()]}),
            "attachments",
        ),
    ];
    for (body, field) in bad {
        let r = c.post("/api/office/info/announcements", body.clone()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            r.json()["error"]["fields"][field].is_object()
                || r.json()["error"]["fields"][field].is_string(),
            "{field}: {}",
            r.text
        );
    }
    assert_eq!(
        anyone
            .get("/api/info/announcements")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(5)
    );

    // A change needs a reason and keeps the first version public.
    let mut change = form.clone();
    change["body"] = json!("W sobotę 19 grudnia od 8:00 do 14:00 na placu przy ul. Polnej.");
    change["attachments"] = json!([]);
    let r = c
        .put(
            &format!("/api/office/info/announcements/{id}"),
            change.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    change["reason"] = json!("Przesunięcie terminu zbiórki.");
    let r = c
        .put(
            &format!("/api/office/info/announcements/{id}"),
            change.clone(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let seen = anyone
        .get(&format!("/api/info/announcements/{id}"))
        .await
        .json();
    assert_eq!(seen["summary"]["revision"], 2);
    assert!(seen["body"].as_str().expect("body").contains("19 grudnia"));
    assert!(
        seen["revisions"][0]["body"]
            .as_str()
            .expect("v1")
            .contains("12 grudnia")
    );
    assert_eq!(
        seen["revisions"][1]["reason"],
        "Przesunięcie terminu zbiórki."
    );
    assert_eq!(seen["attachments"].as_array().map(Vec::len), Some(1));
    let after = anyone.get("/api/info/data/announcements").await.json();
    assert_eq!(after.as_array().map(Vec::len), before.map(|n| n + 2));
    let (csv, _) = verify(&mut anyone, &after[0]).await;
    assert!(csv.contains("19 grudnia"));

    let nobody = "00000000-0000-0000-0000-000000000000";
    assert_eq!(
        c.put(
            &format!("/api/office/info/announcements/{nobody}"),
            change.clone()
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let mut other = app.client_on(SASIEDNIA);
    assert_eq!(
        other
            .get(&format!("/api/info/announcements/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mut resident = app.client();
    resident
        .login("jan.kowalski@example.pl", DEMO_PASSWORD)
        .await;
    assert_eq!(
        resident
            .put(&format!("/api/office/info/announcements/{id}"), change)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
