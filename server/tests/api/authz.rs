//! The authorization matrix: every API operation × anonymous and every role, with the
//! status each must get. A documented operation missing from the matrix fails the test,
//! so every new route must state who may use it.

use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{DEMO_PASSWORD, TestApp};

/// Who calls: nobody, or a demo account holding the role.
const CALLERS: [(&str, Option<&str>); 10] = [
    ("anonymous", None),
    ("resident", Some("jan.kowalski@example.pl")),
    ("parent", Some("anna.nowak@example.pl")),
    ("clerk", Some("urzednik@example.pl")),
    ("teacher", Some("nauczyciel@example.pl")),
    ("pupil", Some("ola.nowak@example.pl")),
    ("admin", Some("admin@example.pl")),
    ("crisis", Some("kryzys@example.pl")),
    ("school office", Some("sekretariat@sp1.example.pl")),
    // Teaches Polish in 6b (Ola's class) and 4a (Staś's) but leads neither.
    ("subject teacher", Some("m.polonska@sp1.example.pl")),
];

/// The expected status for a caller (anonymous first, then any logged-in role).
#[derive(Clone, Copy)]
enum Rule {
    /// Everyone gets this status.
    Everyone(StatusCode),
    /// Anonymous gets 401, logged-in roles get this status.
    LoggedIn(StatusCode),
    /// One status per caller, in the order of [`CALLERS`].
    PerRole([u16; 10]),
}

/// Objects the matrix points at: Anna's draft and her case in OR (a department the
/// demo clerk, who works in GK, does not handle), and one of its documents.
struct Objects {
    other_session: String,
    anna_draft: String,
    anna_case: String,
    anna_doc: String,
    /// The demo civic-budget edition open for voting, one of its projects, and the
    /// closed edition with one of its pools.
    edition: String,
    project: String,
    closed: String,
    closed_pool: String,
    /// Anna's taxpayer (her ledger).
    anna_taxpayer: String,
    /// Anna's children Ola (6b, whose form teacher is the demo teacher) and Staś (4a),
    /// the demo teacher's 6b mathematics and one of its grade columns.
    ola: String,
    stas: String,
    maths_6b: (String, String),
    column: String,
    /// One of the demo teacher's lessons and a past date it was held.
    lesson: (String, String),
    /// The demo school.
    school: String,
}

/// (method, path, body, rule). Paths with `{id}` use another person's object (404).
fn matrix(objects: &Objects, caller: &str) -> Vec<(Method, String, Option<String>, Rule)> {
    use Rule::*;
    let Objects {
        other_session,
        anna_draft,
        anna_case,
        anna_doc,
        edition,
        project,
        closed,
        closed_pool,
        anna_taxpayer,
        ola,
        stas,
        maths_6b: (class_6b, maths),
        column,
        lesson: (lesson, lesson_date),
        school,
    } = objects;
    // anonymous, resident (Jan), parent (Anna), clerk (GK), teacher (Ola's form teacher),
    // pupil, admin, crisis team, the school office, a subject teacher of Ola's class.
    let only_anna = |ok: u16| PerRole([401, 404, ok, 404, 404, 404, 404, 404, 404, 404]);
    let office =
        |clerk: u16, admin: u16| PerRole([401, 403, 403, clerk, 403, 403, admin, 403, 403, 403]);
    let crisis = |ok: u16| PerRole([401, 403, 403, 403, 403, 403, ok, ok, 403, 403]);
    let nobody = "00000000-0000-0000-0000-000000000000";
    let bad_alert = r#"{"severity":"x","category":"x","valid_to":"x","headline_pl":"","text_pl":"","sms_text":""}"#;
    let body = |s: &str| Some(s.to_owned());
    let bad_timetable = r#"{"proposals_from":"x","proposals_to":"x","verification_to":"x","appeals_to":"x","voting_from":"x","voting_to":"x"}"#;
    let rules = r#"{"ballot":"approval","rule":"greedy","min_age":null,"guardian_consent":false,"allow_change":true}"#;
    // One unknown account per caller, so the failed logins stay under the throttle.
    let login = format!(r#"{{"email":"{caller}@nobody.example.pl","password":"nope-nope-1"}}"#);
    vec![
        // The gradebook: a family sees its own pupils, a teacher the classes they teach.
        (
            Method::GET,
            "/api/school/me".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/grades"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{stas}/grades"),
            None,
            // The subject teacher teaches Staś Polish: she sees that subject only.
            PerRole([401, 404, 200, 404, 404, 404, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/access"),
            None,
            PerRole([401, 404, 200, 404, 404, 200, 404, 404, 404, 404]),
        ),
        (
            Method::GET,
            format!("/api/school/classes/{class_6b}/subjects/{maths}/grid"),
            None,
            PerRole([401, 404, 404, 404, 200, 404, 404, 404, 404, 404]),
        ),
        (
            Method::POST,
            format!("/api/school/classes/{class_6b}/subjects/{maths}/columns"),
            body(r#"{"term":3,"category_id":"x","title":"x","on_date":"x"}"#),
            PerRole([401, 404, 404, 404, 422, 404, 404, 404, 404, 404]),
        ),
        (
            Method::PUT,
            format!("/api/school/columns/{column}/grades"),
            body(r#"{"entries":[]}"#),
            PerRole([401, 404, 404, 404, 200, 404, 404, 404, 404, 404]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/timetable"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/today"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/attendance"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::POST,
            format!("/api/school/pupils/{ola}/excuses"),
            body(r#"{"from_date":"x","to_date":"x","reason":""}"#),
            PerRole([401, 404, 422, 404, 404, 404, 404, 404, 404, 404]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/calendar"),
            None,
            PerRole([401, 404, 200, 404, 404, 200, 404, 404, 404, 404]),
        ),
        (
            Method::POST,
            format!("/api/school/pupils/{stas}/calendar"),
            body("{}"),
            only_anna(200),
        ),
        (
            Method::GET,
            "/api/school/calendar/nope.ics".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/notices"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            "/api/school/notices".into(),
            None,
            PerRole([401, 403, 403, 403, 200, 403, 403, 403, 403, 200]),
        ),
        (
            Method::POST,
            "/api/school/notices".into(),
            body(r#"{"audience":{"kind":"school"},"title":"","body":""}"#),
            PerRole([401, 403, 403, 403, 422, 403, 403, 403, 403, 422]),
        ),
        (
            Method::GET,
            "/api/school/timetable".into(),
            None,
            PerRole([401, 403, 403, 403, 200, 403, 403, 403, 403, 200]),
        ),
        (
            Method::GET,
            "/api/school/excuses".into(),
            None,
            PerRole([401, 403, 403, 403, 200, 403, 403, 403, 403, 200]),
        ),
        (
            Method::POST,
            format!("/api/school/excuses/{nobody}/decision"),
            body(r#"{"accept":true}"#),
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            format!("/api/school/lessons/{lesson}/attendance?date={lesson_date}"),
            None,
            PerRole([401, 404, 404, 404, 200, 404, 404, 404, 404, 404]),
        ),
        (
            Method::PUT,
            format!("/api/school/lessons/{lesson}/attendance?date={lesson_date}"),
            body(r#"{"entries":[]}"#),
            PerRole([401, 404, 404, 404, 204, 404, 404, 404, 404, 404]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/contacts"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/threads"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::POST,
            format!("/api/school/pupils/{ola}/threads"),
            body(r#"{"to":"x","subject":"","body":""}"#),
            PerRole([401, 404, 422, 404, 422, 422, 404, 404, 404, 422]),
        ),
        (
            Method::POST,
            format!("/api/school/classes/{class_6b}/threads"),
            body(r#"{"subject":"","body":""}"#),
            PerRole([401, 403, 403, 403, 422, 403, 403, 403, 403, 422]),
        ),
        (
            Method::POST,
            format!("/api/school/classes/{nobody}/threads"),
            body(r#"{"subject":"Zebranie","body":"W czwartek."}"#),
            PerRole([401, 403, 403, 403, 404, 403, 403, 403, 403, 404]),
        ),
        (
            Method::GET,
            "/api/school/threads".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/school/threads/{nobody}"),
            None,
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            format!("/api/school/threads/{nobody}/messages"),
            body(r#"{"body":"Dzień dobry"}"#),
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            format!("/api/school/threads/{nobody}/read"),
            None,
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            format!("/api/school/pupils/{ola}/agenda"),
            None,
            PerRole([401, 404, 200, 404, 200, 200, 404, 404, 404, 200]),
        ),
        (
            Method::GET,
            format!("/api/school/classes/{class_6b}/agenda"),
            None,
            PerRole([401, 404, 404, 404, 200, 404, 404, 404, 404, 200]),
        ),
        (
            Method::POST,
            format!("/api/school/classes/{class_6b}/subjects/{maths}/homework"),
            body(r#"{"title":"","details":"","due_on":"x"}"#),
            PerRole([401, 404, 404, 404, 422, 404, 404, 404, 404, 404]),
        ),
        (
            Method::DELETE,
            format!("/api/school/homework/{nobody}"),
            None,
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            "/api/school/mail-preferences".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::PUT,
            "/api/school/mail-preferences".into(),
            body("[]"),
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/school/admin/classes".into(),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 200, 403]),
        ),
        (
            Method::GET,
            format!("/api/school/admin/classes/{class_6b}"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 200, 403]),
        ),
        (
            Method::GET,
            format!("/api/school/admin/classes/{nobody}"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/classes/{class_6b}/import"),
            body("uczen;pesel"),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        // The structure the office keeps: bad bodies, so the matrix changes nothing.
        (
            Method::GET,
            "/api/school/admin/schools".into(),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 200, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/schools/{school}/subjects"),
            body(r#"{"name":""}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/schools/{nobody}/subjects"),
            body(r#"{"name":"Astronomia"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/schools/{school}/classes"),
            body(r#"{"name":"9z"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/schools/{school}/rules"),
            body(r#"{"rule":{"plus":100,"minus":25},"categories":[]}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/schools/{nobody}/rules"),
            body(r#"{"rule":{"plus":50,"minus":25},"categories":[]}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/schools/{school}/years"),
            body(r#"{"starts_on":"2019-09-01","term2_on":"2020-02-01","ends_on":"2020-06-25"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/schools/{nobody}/years"),
            body(r#"{"starts_on":"2099-09-01","term2_on":"2100-02-01","ends_on":"2100-06-25"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/classes/{class_6b}/form-teacher"),
            body(r#"{"teacher_id":"nobody"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/classes/{nobody}/form-teacher"),
            body(r#"{"teacher_id":null}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/classes/{class_6b}/teaching/{maths}"),
            body(r#"{"teacher_id":"nobody"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/pupils/{ola}/move"),
            body(r#"{"class_id":"nobody"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/pupils/{nobody}/move"),
            body(r#"{"class_id":"nobody"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/admin/accounts/{nobody}/link"),
            body("{}"),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::DELETE,
            format!("/api/school/admin/teachers/{nobody}/authenticator"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/subjects/{nobody}/scale"),
            body(r#"{"scale_in_early":true}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        // The office's timetable: bad input or other objects, so nothing changes.
        (
            Method::GET,
            format!("/api/school/admin/classes/{class_6b}/timetable"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 200, 403]),
        ),
        (
            Method::GET,
            format!("/api/school/admin/classes/{nobody}/timetable"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/classes/{class_6b}/timetable/6/1"),
            body(r#"{"subject_id":null}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/classes/{nobody}/timetable/1/1"),
            body(r#"{"subject_id":null}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/lessons/{lesson}/changes/2026-13-01"),
            body(r#"{"kind":"cancelled"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::PUT,
            format!("/api/school/admin/lessons/{nobody}/changes/{lesson_date}"),
            body(r#"{"kind":"cancelled"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        (
            Method::DELETE,
            format!("/api/school/admin/lessons/{lesson}/changes/jutro"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 422, 403]),
        ),
        (
            Method::DELETE,
            format!("/api/school/admin/lessons/{nobody}/changes/{lesson_date}"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 403, 403, 404, 403]),
        ),
        // The gmina's schools: its admin only.
        (
            Method::GET,
            "/api/school/gmina/schools".into(),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 200, 403, 403, 403]),
        ),
        (
            Method::POST,
            "/api/school/gmina/schools".into(),
            body(r#"{"name":""}"#),
            PerRole([401, 403, 403, 403, 403, 403, 422, 403, 403, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/gmina/schools/{school}/offices"),
            body(r#"{"full_name":"","email":""}"#),
            PerRole([401, 403, 403, 403, 403, 403, 422, 403, 403, 403]),
        ),
        (
            Method::POST,
            format!("/api/school/gmina/schools/{nobody}/offices"),
            body(r#"{"full_name":"Ewa Sekretarz","email":"ewa@sp2.example.pl"}"#),
            PerRole([401, 403, 403, 403, 403, 403, 404, 403, 403, 403]),
        ),
        (
            Method::DELETE,
            format!("/api/school/gmina/schools/{school}/offices/{nobody}"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 404, 403, 403, 403]),
        ),
        (
            Method::DELETE,
            format!("/api/school/gmina/offices/{nobody}/authenticator"),
            None,
            PerRole([401, 403, 403, 403, 403, 403, 404, 403, 403, 403]),
        ),
        (
            Method::POST,
            "/api/auth/activate".into(),
            body(r#"{"token":"nope","password":"Okienko-demo-2026-nowe"}"#),
            Everyone(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::POST,
            "/api/crisis/alerts".into(),
            body(bad_alert),
            crisis(422),
        ),
        (Method::GET, "/api/crisis/alerts".into(), None, crisis(200)),
        (
            Method::GET,
            format!("/api/crisis/alerts/{nobody}"),
            None,
            crisis(404),
        ),
        (
            Method::GET,
            format!("/api/crisis/alerts/{nobody}/recipients"),
            None,
            crisis(404),
        ),
        (
            Method::POST,
            format!("/api/crisis/alerts/{nobody}/cancel"),
            None,
            crisis(404),
        ),
        (
            Method::GET,
            "/api/alerts".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/alerts/areas".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/alerts/cap".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/alerts/{nobody}/cap"),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/alerts/subscriptions".into(),
            body(r#"{"email":"x"}"#),
            Everyone(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::POST,
            "/api/alerts/subscriptions/confirm".into(),
            body(r#"{"token":"x"}"#),
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/alerts/subscriptions/confirm-sms".into(),
            body(r#"{"phone":"600100200","code":"123456"}"#),
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/alerts/subscriptions/unsubscribe".into(),
            body(r#"{"token":"x"}"#),
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/alerts/unsubscribe/x".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        // Public information: everyone reads; clerks and admins publish.
        (
            Method::GET,
            "/api/info/budget".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/budget/2026".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/budget/1999".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::PUT,
            "/api/office/info/budget/2027?as_of=2027-01-31".into(),
            body("x"),
            office(422, 422),
        ),
        (
            Method::GET,
            "/api/info/registers/property?q=szkoła".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::PUT,
            "/api/office/info/registers/alcohol".into(),
            body("x"),
            office(422, 422),
        ),
        (
            Method::GET,
            "/api/info/announcements".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/info/announcements/{nobody}"),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            format!("/api/info/announcements/{nobody}/attachments/{nobody}"),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/office/info/announcements".into(),
            body(r#"{"title":"","body":""}"#),
            office(422, 422),
        ),
        (
            Method::PUT,
            format!("/api/office/info/announcements/{nobody}"),
            body(
                r#"{"title":"Tytuł ogłoszenia","body":"Treść ogłoszenia testowa","reason":"Powód zmiany"}"#,
            ),
            office(404, 404),
        ),
        (
            Method::GET,
            "/api/info/data".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/data/property".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/data/users".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            "/api/info/data/property/on/2099-01-01".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/data/property/latest/data.csv".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/info/data/keys/0000000000000000".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            "/api/health".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/hello".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/openapi.json".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/gmina".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/auth/session".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/receipts/public-key".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services/usuniecie-drzew".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/services/usuniecie-drzew/form".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/register".into(),
            body("{}"),
            Everyone(StatusCode::BAD_REQUEST),
        ),
        (
            Method::POST,
            "/api/auth/login".into(),
            Some(login.clone()),
            Everyone(StatusCode::UNAUTHORIZED),
        ),
        (
            Method::POST,
            "/api/auth/totp".into(),
            Some(login.clone()),
            Everyone(StatusCode::UNAUTHORIZED),
        ),
        (
            Method::GET,
            "/api/auth/me".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/auth/sessions".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/password".into(),
            body(r#"{"current_password":"","new_password":""}"#),
            LoggedIn(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::DELETE,
            format!("/api/auth/sessions/{other_session}"),
            None,
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::GET,
            "/api/drafts".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/drafts".into(),
            body(r#"{"service_slug":"no-such-service"}"#),
            LoggedIn(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::GET,
            format!("/api/drafts/{anna_draft}"),
            None,
            only_anna(200),
        ),
        (
            Method::PUT,
            format!("/api/drafts/{anna_draft}"),
            body(r#"{"data":{},"revision":999}"#),
            only_anna(409),
        ),
        (
            Method::POST,
            format!("/api/drafts/{anna_draft}/submit"),
            body(r#"{"password":"x"}"#),
            LoggedIn(StatusCode::BAD_REQUEST),
        ),
        (
            Method::DELETE,
            format!("/api/drafts/{anna_draft}"),
            None,
            only_anna(204),
        ),
        (
            Method::POST,
            "/api/attachments?name=a.pdf".into(),
            body("{}"),
            LoggedIn(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::GET,
            "/api/cases".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/cases/{anna_case}"),
            None,
            only_anna(200),
        ),
        (
            Method::GET,
            format!("/api/cases/{anna_case}/receipt"),
            None,
            only_anna(200),
        ),
        (
            Method::GET,
            format!("/api/cases/{anna_case}/receipt/qr.svg"),
            None,
            only_anna(200),
        ),
        (
            Method::GET,
            format!("/api/cases/{anna_case}/documents/{anna_doc}"),
            None,
            only_anna(200),
        ),
        (
            Method::POST,
            format!("/api/cases/{anna_case}/completion"),
            body(r#"{"message":"x"}"#),
            only_anna(409),
        ),
        (
            Method::GET,
            "/api/office/cases".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            format!("/api/office/cases/{anna_case}"),
            None,
            office(404, 200),
        ),
        (
            Method::GET,
            format!("/api/office/cases/{anna_case}/documents/{anna_doc}"),
            None,
            office(404, 200),
        ),
        (
            Method::POST,
            "/api/office/letters".into(),
            body(
                r#"{"sender_name":"","received_on":"x","channel":"paper","subject":"","department_code":"XX","jrwa_symbol":"1","period":"x"}"#,
            ),
            office(422, 422),
        ),
        (
            Method::GET,
            "/api/office/registry".into(),
            None,
            office(200, 200),
        ),
        (
            Method::POST,
            format!("/api/office/cases/{anna_case}/assign"),
            body(r#"{"department_code":"XX"}"#),
            office(404, 422),
        ),
        (
            Method::POST,
            format!("/api/office/cases/{anna_case}/completion-request"),
            body(r#"{"text":"","days":1}"#),
            office(404, 422),
        ),
        (
            Method::POST,
            format!("/api/office/cases/{anna_case}/delay"),
            body(r#"{"reason":"","new_due_on":"x"}"#),
            office(404, 422),
        ),
        (
            Method::POST,
            format!("/api/office/cases/{anna_case}/decision"),
            body(r#"{"granted":true,"text":""}"#),
            office(404, 422),
        ),
        (
            Method::POST,
            format!("/api/office/cases/{anna_case}/close"),
            body("{}"),
            office(404, 409),
        ),
        (
            Method::GET,
            "/api/office/departments".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            "/api/office/clerks".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            "/api/office/jrwa".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            "/api/civic/editions".into(),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{edition}"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/civic/editions".into(),
            body(&format!(
                r#"{{"title":"","timetable":{bad_timetable},"rules":{rules},"pools":[]}}"#
            )),
            office(403, 422),
        ),
        (
            Method::PUT,
            format!("/api/civic/editions/{edition}"),
            body(&format!(
                r#"{{"title":"","timetable":{bad_timetable},"rules":{rules}}}"#
            )),
            office(403, 422),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{edition}/projects"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{edition}/projects"),
            body(
                r#"{"pool_id":"x","title":"","description":"","location":"","point":null,"estimated_cost":0,"category":"x"}"#,
            ),
            LoggedIn(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::GET,
            format!("/api/civic/projects/{project}"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::POST,
            format!("/api/civic/projects/{project}/verification"),
            body(r#"{"accept":false,"cost":null,"reason":"","conflict_group":null}"#),
            office(422, 422),
        ),
        (
            Method::POST,
            format!("/api/civic/projects/{project}/appeal"),
            body(r#"{"reason":""}"#),
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            format!("/api/civic/projects/{project}/appeal-decision"),
            body(r#"{"reason":""}"#),
            office(422, 422),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{edition}/me"),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{edition}/ballot"),
            body(r#"{"choices":[]}"#),
            PerRole([401, 422, 422, 403, 403, 403, 403, 403, 403, 403]),
        ),
        (
            Method::PUT,
            format!("/api/civic/editions/{edition}/ballot"),
            body(r#"{"choices":[]}"#),
            PerRole([401, 422, 422, 403, 403, 403, 403, 403, 403, 403]),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{edition}/consents"),
            body(r#"{"pupil_id":"nobody"}"#),
            LoggedIn(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{edition}/paper-ballots"),
            body(r#"{"pesel":"1","ballot":{"choices":[]}}"#),
            office(422, 422),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{closed}/receipt-check"),
            body(r#"{"code":"x","counted":null}"#),
            Everyone(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        (
            Method::POST,
            format!("/api/civic/editions/{closed}/close"),
            body("{}"),
            office(403, 409),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{closed}/results"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{closed}/pools/{closed_pool}/ballots.pb"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/civic/editions/{closed}/receipts"),
            None,
            Everyone(StatusCode::OK),
        ),
        (
            Method::GET,
            "/api/taxes/taxpayers".into(),
            None,
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::GET,
            format!("/api/taxes/taxpayers/{anna_taxpayer}"),
            None,
            only_anna(200),
        ),
        (
            Method::GET,
            format!("/api/taxes/taxpayers/{anna_taxpayer}/qr.svg"),
            None,
            only_anna(200),
        ),
        (
            Method::POST,
            format!("/api/taxes/taxpayers/{anna_taxpayer}/payments"),
            body(r#"{"amount":0}"#),
            PerRole([401, 422, 422, 422, 422, 422, 422, 422, 422, 422]),
        ),
        (
            Method::GET,
            format!("/api/taxes/taxpayers/{anna_taxpayer}/statement.csv"),
            None,
            only_anna(200),
        ),
        (
            Method::GET,
            "/api/taxes/calendar/not-a-token.ics".into(),
            None,
            Everyone(StatusCode::NOT_FOUND),
        ),
        (
            Method::POST,
            "/api/taxes/payments/notify".into(),
            body(r#"{"intent_id":"x","transaction_id":"x","amount":1,"status":"paid"}"#),
            Everyone(StatusCode::FORBIDDEN),
        ),
        (
            Method::PUT,
            format!("/api/taxes/taxpayers/{anna_taxpayer}/reminders"),
            body(r#"{"enabled":true}"#),
            only_anna(200),
        ),
        (
            Method::GET,
            "/api/office/taxes/taxpayers".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            format!("/api/office/taxes/taxpayers/{anna_taxpayer}"),
            None,
            office(200, 200),
        ),
        (
            Method::POST,
            "/api/office/taxes/assessments/import".into(),
            body(""),
            office(422, 422),
        ),
        (
            Method::POST,
            "/api/office/taxes/assessments/not-an-assessment/correction".into(),
            body(r#"{"amount":100,"decision_number":"FN.1","reason":"Decyzja zmieniająca"}"#),
            office(404, 404),
        ),
        (
            Method::POST,
            "/api/office/taxes/statements?name=x.csv".into(),
            body("x"),
            office(422, 422),
        ),
        (
            Method::GET,
            "/api/office/taxes/statements".into(),
            None,
            office(200, 200),
        ),
        (
            Method::GET,
            "/api/office/taxes/payments/unmatched".into(),
            None,
            office(200, 200),
        ),
        (
            Method::POST,
            "/api/office/taxes/payments/not-a-payment/match".into(),
            body(r#"{"taxpayer":"1","reason":"Wpłata z tytułem"}"#),
            office(404, 404),
        ),
        (
            Method::POST,
            "/api/office/taxes/payments/not-a-payment/unmatch".into(),
            body(r#"{"reason":"Pomyłka w przypisaniu"}"#),
            office(404, 404),
        ),
        (
            Method::POST,
            "/api/auth/logout-everywhere".into(),
            body("{}"),
            LoggedIn(StatusCode::OK),
        ),
        (
            Method::POST,
            "/api/auth/logout".into(),
            body("{}"),
            Everyone(StatusCode::NO_CONTENT),
        ),
    ]
}

#[tokio::test]
async fn every_operation_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    // A session that belongs to someone else (Sąsiednia's resident): never reachable.
    let mut marta = app.client_on("sasiednia.localhost");
    marta
        .login("marta.zielinska@example.pl", DEMO_PASSWORD)
        .await;
    let other: Value = marta.get("/api/auth/sessions").await.json();
    let other_session = other[0]["id"].as_str().expect("session id").to_owned();
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let cases = anna.get("/api/cases").await.json();
    let anna_case = cases
        .as_array()
        .expect("cases")
        .iter()
        .find(|c| {
            c["reference"]
                .as_str()
                .is_some_and(|r| r.starts_with("OR."))
        })
        .expect("Anna's case in OR")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let detail = anna.get(&format!("/api/cases/{anna_case}")).await.json();
    let anna_doc = detail["documents"][0]["id"]
        .as_str()
        .expect("doc")
        .to_owned();
    let editions = app.client().get("/api/civic/editions").await.json();
    let edition_in = |phase: &str| {
        editions
            .as_array()
            .expect("editions")
            .iter()
            .find(|e| e["phase"] == phase)
            .expect("a demo edition in this phase")
            .clone()
    };
    let edition = edition_in("voting")["id"].as_str().expect("id").to_owned();
    let closed_edition = edition_in("results");
    let projects = app
        .client()
        .get(&format!("/api/civic/editions/{edition}/projects"))
        .await
        .json();
    let mut objects = Objects {
        other_session,
        anna_draft: String::new(),
        anna_case,
        anna_doc,
        project: projects[0]["id"].as_str().expect("project").to_owned(),
        edition,
        closed: closed_edition["id"].as_str().expect("id").to_owned(),
        closed_pool: closed_edition["pools"][0]["id"]
            .as_str()
            .expect("pool")
            .to_owned(),
        anna_taxpayer: anna.get("/api/taxes/taxpayers").await.json()[0]["id"]
            .as_str()
            .expect("Anna's taxpayer")
            .to_owned(),
        ola: String::new(),
        stas: String::new(),
        maths_6b: (String::new(), String::new()),
        column: String::new(),
        lesson: (String::new(), String::new()),
        school: String::new(),
    };
    let children = anna.get("/api/school/me").await.json()["children"].clone();
    let child = |name: &str| {
        children
            .as_array()
            .and_then(|c| c.iter().find(|x| x["full_name"] == name))
            .and_then(|x| x["id"].as_str())
            .expect("Anna's child")
            .to_owned()
    };
    objects.ola = child("Ola Nowak");
    objects.stas = child("Staś Nowak");
    let mut teacher = app.client();
    teacher.login("nauczyciel@example.pl", DEMO_PASSWORD).await;
    let teaching = teacher.get("/api/school/me").await.json()["teaching"].clone();
    let six_b = teaching
        .as_array()
        .and_then(|t| t.iter().find(|x| x["class_name"] == "6b"))
        .expect("6b mathematics")
        .clone();
    let id = |v: &Value| v.as_str().expect("id").to_owned();
    objects.maths_6b = (id(&six_b["class_id"]), id(&six_b["subject_id"]));
    let grid = teacher
        .get(&format!(
            "/api/school/classes/{}/subjects/{}/grid",
            objects.maths_6b.0, objects.maths_6b.1
        ))
        .await
        .json();
    objects.column = id(&grid["columns"][0]["id"]);
    let week_ago = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Warsaw").expect("tz"))
        .date()
        .checked_sub(jiff::Span::new().days(7))
        .expect("a week ago");
    let week = teacher
        .get(&format!("/api/school/timetable?week={week_ago}"))
        .await
        .json();
    let lesson = week["lessons"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["change"].is_null()))
        .expect("a lesson last week")
        .clone();
    objects.lesson = (id(&lesson["id"]), id(&lesson["on_date"]));
    let mut office = app.client();
    office
        .login("sekretariat@sp1.example.pl", DEMO_PASSWORD)
        .await;
    objects.school = id(&office.get("/api/school/admin/schools").await.json()[0]["id"]);
    let rows = matrix(&objects, "anyone");

    let doc = app.client().get("/api/openapi.json").await.json();
    for (path, ops) in doc["paths"].as_object().expect("paths") {
        for method in ops.as_object().expect("ops").keys() {
            let covered = rows.iter().any(|(m, p, _, _)| {
                let p = p.split('?').next().unwrap_or_default();
                m.as_str().eq_ignore_ascii_case(method)
                    && (p == path
                        || path.contains('{')
                            && p.starts_with(path.split('{').next().unwrap_or("")))
            });
            assert!(
                covered,
                "{method} {path} is not in the authorization matrix"
            );
        }
    }

    let mut wrong = vec![];
    for (i, (role, email)) in CALLERS.into_iter().enumerate() {
        // Anna's draft is made afresh for each caller (she deletes it in her turn, and
        // her turn ends all her sessions).
        anna = app.client();
        anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
        let draft = anna
            .post(
                "/api/drafts",
                serde_json::json!({"service_slug": "pismo-ogolne"}),
            )
            .await;
        objects.anna_draft = draft.json()["id"].as_str().expect("draft").to_owned();
        let mut c = app.client();
        let mut needs_login = true;
        for (method, path, body, rule) in &matrix(&objects, role) {
            // Log in again after a row that ended the session.
            if needs_login && let Some(email) = email {
                c = app.client();
                c.login(email, DEMO_PASSWORD).await;
            }
            needs_login = path.contains("logout");
            let r = c.send(method.clone(), path, body.clone()).await;
            let want = match (rule, email) {
                (Rule::Everyone(s), _) => *s,
                (Rule::LoggedIn(_), None) => StatusCode::UNAUTHORIZED,
                (Rule::LoggedIn(s), Some(_)) => *s,
                (Rule::PerRole(codes), _) => StatusCode::from_u16(codes[i]).expect("status"),
            };
            if r.status != want {
                wrong.push(format!(
                    "{role} {method} {path}: got {} want {want}: {}",
                    r.status, r.text
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Marta's session survived every attempt on it.
    assert_eq!(marta.get("/api/auth/me").await.status, StatusCode::OK);
}
