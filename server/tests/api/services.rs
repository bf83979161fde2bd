//! The e-services catalogue: listing, search, cards with forms, loading catalogues.

use axum::http::StatusCode;
use models::forms::validate;
use models::services::Service;
use serde_json::{Value, json};

use crate::helpers::{SASIEDNIA, TestApp};

fn slugs(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("list")
        .iter()
        .map(|s| s["slug"].as_str().expect("slug").to_owned())
        .collect()
}

#[tokio::test]
async fn the_catalogue_is_listed_searched_and_filtered_per_gmina() {
    let app = TestApp::spawn().await;
    let mut c = app.client();
    let all = c.get("/api/services").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(
        slugs(&all.json()),
        [
            "pismo-ogolne",
            "usuniecie-drzew",
            "informacja-publiczna",
            "zameldowanie",
            "zaswiadczenie",
            "zajecie-pasa-drogowego",
            "deklaracja-odpady",
            "informacja-in1"
        ]
    );
    for (query, expected) in [
        ("/api/services?q=drzew", vec!["usuniecie-drzew"]),
        ("/api/services?q=USUNIECIE%20drzew", vec!["usuniecie-drzew"]),
        ("/api/services?q=trees", vec!["usuniecie-drzew"]),
        (
            "/api/services?q=%D0%B4%D0%B5%D1%80%D0%B5%D0%B2",
            vec!["usuniecie-drzew"],
        ),
        (
            "/api/services?q=informacj%C4%99%20publiczn%C4%85",
            vec!["informacja-publiczna"],
        ),
        (
            "/api/services?situation=information",
            vec!["informacja-publiczna"],
        ),
        ("/api/services?q=paszport", vec![]),
    ] {
        let r = c.get(query).await;
        assert_eq!(slugs(&r.json()), expected, "{query}");
    }
    let r = c.get("/api/services?situation=space_travel").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(!r.code().is_empty());
    // The other gmina has its own (empty) catalogue.
    let there = app.client_on(SASIEDNIA).get("/api/services").await;
    assert_eq!(there.json(), json!([]));
    assert_eq!(
        app.client_on(SASIEDNIA)
            .get("/api/services/usuniecie-drzew")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_card_carries_its_form_and_the_form_validates_real_answers() {
    let app = TestApp::spawn().await;
    let r = app.client().get("/api/services/usuniecie-drzew").await;
    assert_eq!(r.status, StatusCode::OK);
    let service: Service = serde_json::from_str(&r.text).expect("service");
    let r = app.client().get("/api/services/usuniecie-drzew/form").await;
    assert_eq!(r.status, StatusCode::OK);
    let form: models::forms::FormDefinition = serde_json::from_str(&r.text).expect("form");
    assert_eq!(service.department_code, "GK");
    assert_eq!(service.summary.period, "1m");
    assert!(service.who_may_file.pl.contains("Kodeksu cywilnego"));
    let answers = json!({
        "applicant": {"name": "Anna Nowak", "address": {"street": "Lipowa", "building": "5", "postal_code": "00-950", "city": "Przykładowo"}, "is_owner": true},
        "property": {"plot": "123/4, obręb Przykładowo", "map": [{"name": "mapa.pdf", "sha256": "a".repeat(64), "size": 20000, "content_type": "application/pdf"}]},
        "trees": [{"species": "Topola", "circumference_cm": 240, "reason": "other", "reason_other": "Pochyla się nad domem."}],
        "planting": {"planned": false}
    });
    assert_eq!(
        validate(&form, &answers, (2026, 11, 22)),
        Default::default()
    );
    let mut missing = answers.clone();
    missing["trees"][0]["reason_other"] = Value::Null;
    assert_eq!(
        validate(&form, &missing, (2026, 11, 22))
            .keys()
            .collect::<Vec<_>>(),
        ["trees[0].reason_other"]
    );
    assert_eq!(
        app.client().get("/api/services/nie-ma").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_unsound_catalogue_is_refused_whole() {
    let app = TestApp::spawn().await;
    let pool = &app.state.db.pool;
    let before = app.count("services").await;
    let mut entries: Vec<Value> =
        serde_json::from_str(server::services::db::DEMO_CATALOGUE).expect("json");
    for e in &mut entries {
        e["slug"] = json!(format!("{}-2", e["slug"].as_str().expect("slug")));
    }
    let mut bad_period = entries.clone();
    bad_period[2]["period"] = json!("soon");
    let mut bad_condition = entries.clone();
    bad_condition[1]["form"]["sections"][0]["fields"][4]["visible_if"]["field"] = json!("nobody");
    let mut bad_jrwa = entries.clone();
    bad_jrwa[1]["jrwa"] = json!("61");
    for (name, file) in [
        ("period", bad_period),
        ("condition", bad_condition),
        ("jrwa", bad_jrwa),
    ] {
        let err = server::services::db::load_catalogue(
            pool,
            "sasiednia",
            &Value::Array(file).to_string(),
        )
        .await;
        assert!(err.is_err(), "{name}");
    }
    assert_eq!(app.count("services").await, before, "nothing stored");
    let n =
        server::services::db::load_catalogue(pool, "sasiednia", &Value::Array(entries).to_string())
            .await
            .expect("load");
    assert_eq!(n, 8);
    assert_eq!(
        slugs(&app.client_on(SASIEDNIA).get("/api/services").await.json()).len(),
        8
    );
}
