//! Descriptive grades: in classes 1–3 the term and year grades are descriptions
//! (ustawa o systemie oświaty, art. 44i ust. 1), kept with every version, shown to the
//! pupil and never counted in an average; a bare mark or a word is refused.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Client, TestApp};
use crate::school::{as_user, by_name};

fn column_of<'v>(grid: &'v Value, kind: &str) -> &'v Value {
    by_name(&grid["columns"], "kind", kind)
}

async fn grid_of(teacher: &mut Client<'_>, class: &str, subject: &str) -> Value {
    teacher
        .get(&format!(
            "/api/school/classes/{class}/subjects/{subject}/grid?term=1"
        ))
        .await
        .json()
}

#[tokio::test]
async fn a_term_grade_of_class_two_is_a_description_kept_with_its_history() {
    let app = TestApp::spawn().await;
    let mut irena = as_user(&app, "i.elementarz@sp1.example.pl").await;
    let me = irena.get("/api/school/me").await.json();
    let taught = me["teaching"]
        .as_array()
        .expect("teaching")
        .iter()
        .find(|t| t["class_name"] == "2a" && t["subject_name"] == "Edukacja wczesnoszkolna")
        .expect("Irena teaches 2a");
    let (class, subject) = (
        taught["class_id"].as_str().expect("id").to_owned(),
        taught["subject_id"].as_str().expect("id").to_owned(),
    );
    let grid = grid_of(&mut irena, &class, &subject).await;
    assert_eq!(column_of(&grid, "proposed")["descriptive"], true);
    assert_eq!(column_of(&grid, "final")["descriptive"], true);
    let final_column = column_of(&grid, "final")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    // Class 6b's term grades stay whole grades.
    let mut tomasz = as_user(&app, "nauczyciel@example.pl").await;
    let six_b = by_name(
        &tomasz.get("/api/school/me").await.json()["teaching"],
        "class_name",
        "6b",
    )
    .clone();
    let six_b_grid = grid_of(
        &mut tomasz,
        six_b["class_id"].as_str().expect("id"),
        six_b["subject_id"].as_str().expect("id"),
    )
    .await;
    assert_eq!(column_of(&six_b_grid, "final")["descriptive"], false);

    let mut pupil = as_user(&app, "uczen.2a.0@sp1.example.pl").await;
    let pupil_id = pupil.get("/api/school/me").await.json()["pupil"]["id"]
        .as_str()
        .expect("a pupil")
        .to_owned();
    let save = format!("/api/school/columns/{final_column}/grades");

    // A mark, a word or too long a text: nothing is stored.
    let before = app.count("grade_changes").await;
    for (mark, code) in [
        ("5", "description_expected"),
        ("4+", "description_expected"),
        ("Dobrze", "description_expected"),
        (&"a".repeat(2001)[..], "too_long"),
    ] {
        let r = irena
            .put(
                &save,
                json!({"entries": [{"pupil_id": pupil_id, "mark": mark}]}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(
            r.json()["error"]["fields"]["entries.0.mark"],
            code,
            "{mark}"
        );
    }
    assert_eq!(app.count("grade_changes").await, before);

    // A description, then a better one; and a regular 5 beside them.
    let first = "Czyta płynnie krótkie teksty.\nDodaje i odejmuje w zakresie 20.";
    let second = "Czyta płynnie i ze zrozumieniem.\nDodaje i odejmuje w zakresie 100.";
    for text in [first, second] {
        let r = irena
            .put(
                &save,
                json!({"entries": [{"pupil_id": pupil_id, "mark": format!("  {text}  ")}]}),
            )
            .await;
        assert_eq!(r.json()["changed"], 1, "{}", r.text);
    }
    let category = by_name(&grid["categories"], "category", "test")["id"].clone();
    let day = grid["columns"][0]["on_date"].clone();
    let r = irena
        .post(
            &format!("/api/school/classes/{class}/subjects/{subject}/columns"),
            json!({"term": 1, "category_id": category, "title": "Dodawanie", "on_date": day}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["descriptive"], false);
    let regular = r.json()["id"].as_str().expect("id").to_owned();
    let r = irena
        .put(
            &format!("/api/school/columns/{regular}/grades"),
            json!({"entries": [{"pupil_id": pupil_id, "mark": "5"}]}),
        )
        .await;
    assert_eq!(r.json()["changed"], 1, "{}", r.text);

    // The pupil sees the description as written, both versions, and an average of the 5 alone.
    let grades = pupil
        .get(&format!("/api/school/pupils/{pupil_id}/grades"))
        .await
        .json();
    let early = by_name(
        &grades["subjects"],
        "subject_name",
        "Edukacja wczesnoszkolna",
    );
    let term = by_name(&early["grades"], "kind", "final");
    assert_eq!(term["descriptive"], true);
    assert_eq!(term["mark"], second);
    let versions: Vec<&Value> = term["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| &h["mark"])
        .collect();
    assert_eq!(versions, [&json!(first), &json!(second)]);
    assert_eq!(early["averages"][0], 500);
    assert_eq!(
        by_name(&early["grades"], "kind", "regular")["descriptive"],
        false
    );

    // The grid shows it in the row, and its average counts only the 5.
    let grid = grid_of(&mut irena, &class, &subject).await;
    let index = grid["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .position(|c| c["kind"] == "final")
        .expect("final");
    let row = by_name(&grid["rows"], "pupil_id", &pupil_id);
    assert_eq!(row["cells"][index], second);
    assert_eq!(row["average"], 500);
}

#[tokio::test]
async fn religion_is_graded_on_the_scale_in_classes_one_to_three_as_the_office_sets_it() {
    let app = TestApp::spawn().await;
    let mut office = as_user(&app, "sekretariat@sp1.example.pl").await;
    let school = office.get("/api/school/admin/schools").await.json()[0].clone();
    let religion = by_name(&school["subjects"], "name", "Religia").clone();
    let english = by_name(&school["subjects"], "name", "Język angielski").clone();
    assert_eq!(
        (
            religion["scale_in_early"].as_bool(),
            english["scale_in_early"].as_bool()
        ),
        (Some(true), Some(false))
    );
    let (religion, english) = (
        religion["id"].as_str().expect("id").to_owned(),
        english["id"].as_str().expect("id").to_owned(),
    );

    // The priest's 2a: whole grades, which the pupil sees as marks.
    let mut priest = as_user(&app, "ks.dobry@sp1.example.pl").await;
    let two_a = by_name(
        &office.get("/api/school/admin/classes").await.json(),
        "name",
        "2a",
    )["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let grid = grid_of(&mut priest, &two_a, &religion).await;
    assert_eq!(column_of(&grid, "final")["descriptive"], false, "{grid}");
    let pupil_id = grid["rows"][0]["pupil_id"]
        .as_str()
        .expect("a pupil")
        .to_owned();
    let save = format!(
        "/api/school/columns/{}/grades",
        column_of(&grid, "final")["id"].as_str().expect("id")
    );
    let r = priest
        .put(
            &save,
            json!({"entries": [{"pupil_id": pupil_id, "mark": "Bardzo ładnie się modli"}]}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a description is not a mark: {}",
        r.text
    );
    let r = priest
        .put(
            &save,
            json!({"entries": [{"pupil_id": pupil_id, "mark": "5"}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Now that 2a has a term grade of religion, the setting stays; English can change.
    let scale_sets = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'subject.scale_set'",
        )
        .fetch_one(&app.state.db.pool)
        .await
        .expect("audit")
    };
    let scale = |subject: &str| format!("/api/school/admin/subjects/{subject}/scale");
    let r = office
        .put(&scale(&religion), json!({"scale_in_early": false}))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(
        r.json()["error"]["fields"]["scale_in_early"],
        "grades_given"
    );
    let r = office
        .put(&scale(&religion), json!({"scale_in_early": true}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "the same setting: {}", r.text);
    assert_eq!(scale_sets().await, 0, "nothing changed, nothing logged");
    let r = office
        .put(&scale(&english), json!({"scale_in_early": true}))
        .await;
    assert_eq!(
        (r.status, r.json()["scale_in_early"].as_bool()),
        (StatusCode::OK, Some(true)),
        "{}",
        r.text
    );
    let mut monika = as_user(&app, "m.slowko@sp1.example.pl").await;
    let grid = grid_of(&mut monika, &two_a, &english).await;
    assert_eq!(column_of(&grid, "proposed")["descriptive"], false, "{grid}");
    let r = office
        .put(&scale(&english), json!({"scale_in_early": false}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        column_of(&grid_of(&mut monika, &two_a, &english).await, "proposed")["descriptive"],
        true
    );
    assert_eq!(scale_sets().await, 2);
    // Not the office's to see: 404; not an office: 403.
    assert_eq!(
        office
            .put(&scale("nobody"), json!({"scale_in_early": true}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        priest
            .put(&scale(&english), json!({"scale_in_early": true}))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
