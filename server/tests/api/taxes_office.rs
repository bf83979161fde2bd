//! The tax clerks' desk through the API: importing assessments (statutory schedules, all
//! or nothing with line numbers), bank statements in CSV and MT940 (matched by account,
//! unknown accounts queued, the same file or the same entry never counted twice), manual
//! matching and corrections with a reason in the audit chain, the arrears list, e-mail
//! reminders sent once, and other gminy kept out.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Client, DEMO_PASSWORD, SASIEDNIA, TestApp};

const ASSESSMENTS: &str = "/api/office/taxes/assessments/import";
const HEADER: &str = "numer_podatnika;nazwa;rodzaj;pesel_nip;rok;zobowiazanie;numer_decyzji;data_decyzji;przedmiot;podstawa;jednostka;stawka;kwota";

async fn clerk(app: &TestApp) -> Client<'_> {
    let mut c = app.client();
    c.login("urzednik@example.pl", DEMO_PASSWORD).await;
    c
}

async fn csv(c: &mut Client<'_>, path: &str, text: &str) -> crate::helpers::TestResponse {
    c.post_bytes(path, "text/csv", text.as_bytes().to_vec())
        .await
}

/// The ledger of the taxpayer with this number, as the desk sees it.
async fn ledger_of(c: &mut Client<'_>, number: i64) -> Value {
    let list = c
        .get(&format!("/api/office/taxes/taxpayers?q={number}"))
        .await
        .json();
    let id = list
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["number"] == number)
        .unwrap_or_else(|| panic!("taxpayer {number} in {list}"))["id"]
        .as_str()
        .expect("id")
        .to_owned();
    c.get(&format!("/api/office/taxes/taxpayers/{id}"))
        .await
        .json()
}

fn instalments(ledger: &Value, kind: &str, year: i64) -> Vec<Value> {
    ledger["ledger"]["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .find(|a| a["kind"] == kind && a["year"] == year)
        .unwrap_or_else(|| panic!("{kind} {year}"))["instalments"]
        .as_array()
        .expect("instalments")
        .clone()
}

async fn counts(app: &TestApp) -> [i64; 4] {
    [
        app.count("taxpayers").await,
        app.count("tax_assessments").await,
        app.count("tax_instalments").await,
        app.count("tax_payments").await,
    ]
}

#[tokio::test]
async fn imported_assessments_get_statutory_schedules_and_new_taxpayers_their_accounts() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    // Two objects of one decision (rounded to full złoty: 138,58 + 358,91 = 497,49 → 497),
    // a waste fee on the council's four dates, and a company's 80 zł (one instalment).
    // Jan's PESEL links the new taxpayer 101 to his account.
    let file = format!(
        "{HEADER}\n\
         101;Jan i Maria Kowalscy;household;90020301234;2027;property;FN.3120.101.2027;2027-02-01;Dom, ul. Polna 1;120,5;m2;1,15;138,58\n\
         101;Jan i Maria Kowalscy;household;90020301234;2027;property;FN.3120.101.2027;2027-02-01;Grunt, ul. Polna 1;600;m2;0,6;358,91\n\
         101;Jan i Maria Kowalscy;household;90020301234;2027;waste;FN.3120.101.2027;2027-02-01;Gospodarstwo, 3 osoby;36;person_month;35,00;1260,00\n\
         102;\"Piekarnia \"\"Kłos\"\" sp. z o.o.\";company;5261040828;2027;nieruchomosci;FN.3120.102.2027;2027-02-03;Grunt;80;m2;1,00;80,00\n"
    );
    let r = csv(&mut c, ASSESSMENTS, &file).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let s = r.json();
    assert_eq!(
        (
            s["rows"].clone(),
            s["taxpayers_created"].clone(),
            s["assessments"].clone(),
            s["instalments"].clone()
        ),
        (json!(4), json!(2), json!(3), json!(9)),
        "{s}"
    );
    assert_eq!(s["total"], 49_700 + 126_000 + 8_000);
    let l = ledger_of(&mut c, 101).await;
    let account = l["ledger"]["taxpayer"]["account"]
        .as_str()
        .expect("account")
        .replace(' ', "");
    assert!(models::validate::nrb(&account).is_ok(), "{account}");
    let property: Vec<(String, i64)> = instalments(&l, "property", 2027)
        .iter()
        .map(|i| {
            (
                i["due_on"].as_str().expect("due").to_owned(),
                i["amount"].as_i64().expect("amount"),
            )
        })
        .collect();
    // 15 March 2027 is a Monday; 15 May a Saturday (→ 17th); 497 zł = 4 × 124,25.
    assert_eq!(
        property,
        [
            ("2027-03-15".into(), 12_425),
            ("2027-05-17".into(), 12_425),
            ("2027-09-15".into(), 12_425),
            ("2027-11-15".into(), 12_425)
        ]
    );
    assert_eq!(instalments(&l, "waste", 2027).len(), 4);
    let company = ledger_of(&mut c, 102).await;
    assert_eq!(
        company["ledger"]["taxpayer"]["name"],
        "Piekarnia \"Kłos\" sp. z o.o."
    );
    let single = instalments(&company, "property", 2027);
    assert_eq!(
        (single.len(), single[0]["amount"].as_i64()),
        (1, Some(8_000))
    );
    // Jan now sees his own ledger and the household's.
    let mut jan = app.client();
    jan.login("jan.kowalski@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        jan.get("/api/taxes/taxpayers")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // The same file again: refused whole, with each decision's line; nothing changes.
    let before = counts(&app).await;
    let r = csv(&mut c, ASSESSMENTS, &file).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.code(), "invalid_import_file");
    let message = r.json()["error"]["message"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(
        message.contains("wiersz 2: ta decyzja jest już w rejestrze"),
        "{message}"
    );
    assert!(message.contains("wiersz 5"), "{message}");
    assert_eq!(counts(&app).await, before);
}

#[tokio::test]
async fn a_bad_assessment_file_is_refused_whole_with_its_lines_in_the_callers_language() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let good = "7;Ewa Lis;person;;2027;dog;FN.7.2027;2027-02-01;Pies;1;dog;50,00;50,00";
    let cases: Vec<(String, &str)> = vec![
        (
            "numer_podatnika;nazwa\n1;x\n".into(),
            "wiersz 1: brak kolumny „rodzaj”",
        ),
        (
            format!("{HEADER}\n"),
            "wiersz 1: plik nie zawiera żadnego wiersza danych",
        ),
        (
            format!(
                "{HEADER}\n{good}\n7;Ewa Lis;person;;2027;dog;FN.8.2027;2027-02-01;Pies;1;dog;50,00;x\n"
            ),
            "wiersz 3: kolumna „kwota”",
        ),
        (
            format!(
                "{HEADER}\n{good}\n7;Ewa Lis;person;;2027;dog;FN.9.2027;2027-02-30;Pies;1;dog;50,00;50,00\n"
            ),
            "wiersz 3: kolumna „data_decyzji”",
        ),
        (
            format!(
                "{HEADER}\n7;Ewa Lis;person;;2027;tax;FN.7.2027;2027-02-01;Pies;1;dog;50,00;50,00\n"
            ),
            "wiersz 2: kolumna „zobowiazanie”",
        ),
        (
            format!("{HEADER}\n{good};extra\n"),
            "wiersz 2: 14 pól zamiast 13",
        ),
        (
            format!("{HEADER}\n{good}\n{good}\n"),
            "wiersz 3: powtarza wiersz 2",
        ),
        (
            format!(
                "{HEADER}\n{good}\n7;Ewa Lisowska;person;;2027;dog;FN.10.2027;2027-02-01;Pies;1;dog;50,00;50,00\n"
            ),
            "wiersz 3: kolumna „nazwa” różni się od wiersza 2",
        ),
        (
            format!(
                "{HEADER}\n7;Ewa Lis;person;12345678901;2027;dog;FN.7.2027;2027-02-01;Pies;1;dog;50,00;50,00\n"
            ),
            "wiersz 2: kolumna „pesel_nip”",
        ),
        (
            format!("{HEADER}\n7;\"Ewa Lis;person\n"),
            "wiersz 2: niezamknięty cudzysłów",
        ),
        (
            format!(
                "{HEADER}\n99999999999999;Ewa Lis;person;;2027;dog;FN.7.2027;2027-02-01;Pies;1;dog;50,00;50,00\n"
            ),
            "wiersz 2: kolumna „numer_podatnika”",
        ),
    ];
    let before = counts(&app).await;
    for (file, expected) in &cases {
        let r = csv(&mut c, ASSESSMENTS, file).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{file}: {}",
            r.text
        );
        let message = r.json()["error"]["message"]
            .as_str()
            .expect("message")
            .to_owned();
        assert!(message.contains(expected), "{file}\n→ {message}");
        assert!(message.starts_with("Pliku nie zaimportowano"), "{message}");
    }
    // Not text at all.
    let r = c
        .post_bytes(ASSESSMENTS, "text/csv", vec![0, 159, 146, 150, 0])
        .await;
    assert_eq!(r.code(), "invalid_import_file");
    assert_eq!(counts(&app).await, before);
    // In English for an English-speaking clerk.
    c.lang = Some("en");
    let r = csv(&mut c, ASSESSMENTS, &cases[2].0).await;
    let message = r.json()["error"]["message"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(message.contains("line 3: column \"kwota\": "), "{message}");
    c.lang = Some("uk");
    let r = csv(&mut c, ASSESSMENTS, &cases[2].0).await;
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .expect("m")
            .contains("рядок 3")
    );
}

fn statement_csv(rows: &[String]) -> String {
    let mut s = String::from("data_ksiegowania;kwota;rachunek;nadawca;tytul;identyfikator\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

fn today() -> String {
    server::time_fmt::today().to_string()
}

#[tokio::test]
async fn a_statement_is_matched_by_account_and_payments_to_unknown_accounts_wait_for_a_clerk() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let jan = ledger_of(&mut c, 2).await;
    let account = jan["ledger"]["taxpayer"]["account"]
        .as_str()
        .expect("a")
        .to_owned();
    let owed = jan["ledger"]["balance"]["to_pay_now"]
        .as_i64()
        .expect("owed");
    assert!(owed > 0);
    let unknown = models::taxes::nrb_for("10901014", "0000", 999_999).expect("nrb");
    let zl = |g: i64| format!("{},{:02}", g / 100, g % 100);
    let file = statement_csv(&[
        format!(
            "{};{};PL{};JAN KOWALSKI;Podatki;REF-1",
            today(),
            zl(owed),
            account
        ),
        format!("{};150,00;{unknown};A. NOWAK;opłata śmieci;REF-2", today()),
        format!("{};-20,00;;BANK;prowizja;REF-3", today()),
    ]);
    let path = "/api/office/taxes/statements?name=wyciag.csv";
    let r = csv(&mut c, path, &file).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let s = r.json();
    assert_eq!(
        (
            s["matched"].clone(),
            s["unmatched"].clone(),
            s["debits"].clone()
        ),
        (json!(1), json!(1), json!(1))
    );
    assert_eq!(s["total"], owed + 15_000);
    let after = ledger_of(&mut c, 2).await;
    assert_eq!(
        after["ledger"]["balance"]["overdue"], 0,
        "{}",
        after["ledger"]["balance"]
    );
    // The same file: 409, nothing counted again. An overlapping one: REF-1 is known.
    let before = counts(&app).await;
    let r = csv(&mut c, path, &file).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::CONFLICT, "duplicate_statement".into())
    );
    assert_eq!(counts(&app).await, before);
    let overlap = statement_csv(&[
        format!(
            "{};{};{};JAN KOWALSKI;Podatki;REF-1",
            today(),
            zl(owed),
            account
        ),
        format!("{};10,00;{account};JAN KOWALSKI;nadpłata;REF-4", today()),
    ]);
    let s = csv(&mut c, path, &overlap).await.json();
    assert_eq!(
        (s["already_known"].clone(), s["matched"].clone()),
        (json!(1), json!(1)),
        "{s}"
    );
    // The 10 zł goes to what is still to come, the rest is an overpayment.
    let jan_now = ledger_of(&mut c, 2).await;
    let upcoming = after["ledger"]["balance"]["upcoming"]
        .as_i64()
        .expect("upcoming");
    assert_eq!(
        jan_now["ledger"]["balance"]["overpayment"],
        (1_000 - upcoming).max(0)
    );
    // The payment to an unknown account waits in the queue; a clerk matches it to Anna.
    let queue = c.get("/api/office/taxes/payments/unmatched").await.json();
    assert_eq!(queue.as_array().map(Vec::len), Some(1), "{queue}");
    assert_eq!(queue[0]["statement"], "wyciag.csv");
    let id = queue[0]["id"].as_str().expect("id").to_owned();
    let to_anna = |reason: &str| json!({"taxpayer": "1", "reason": reason});
    let r = c
        .post(
            &format!("/api/office/taxes/payments/{id}/match"),
            to_anna("x"),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["reason"], "too_short");
    let r = c
        .post(
            &format!("/api/office/taxes/payments/{id}/match"),
            json!({"taxpayer": "424242", "reason": "Nazwisko w tytule"}),
        )
        .await;
    assert_eq!(r.json()["error"]["fields"]["taxpayer"], "invalid_choice");
    let r = c
        .post(
            &format!("/api/office/taxes/payments/{id}/match"),
            to_anna("Wpłata Anny Nowak na stary numer konta"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        c.get("/api/office/taxes/payments/unmatched").await.json(),
        json!([])
    );
    let anna = ledger_of(&mut c, 1).await;
    let paid: Vec<&Value> = anna["ledger"]["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .filter(|p| p["id"] == id.as_str())
        .collect();
    assert_eq!(paid.len(), 1);
    assert_eq!(anna["corrections"][0]["action"], "payment_matched");
    assert_eq!(
        anna["corrections"][0]["reason"],
        "Wpłata Anny Nowak na stary numer konta"
    );
    assert_eq!(anna["corrections"][0]["actor"], "Katarzyna Urzędnik");
    // Taken off again with a reason: back in the queue, Anna's ledger as before.
    let r = c
        .post(
            &format!("/api/office/taxes/payments/{id}/unmatch"),
            json!({"reason": "Pomyłka w przypisaniu"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        c.get("/api/office/taxes/payments/unmatched")
            .await
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let statements = c.get("/api/office/taxes/statements").await.json();
    assert_eq!(statements.as_array().map(Vec::len), Some(2));
    // Every step is in the audit chain, which still verifies.
    let reports = server::audit::verify(&app.state.db.pool)
        .await
        .expect("verify");
    assert!(reports.iter().all(|r| r.problem.is_none()));
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE action LIKE 'tax.%'")
            .fetch_all(&app.state.db.pool)
            .await
            .expect("audit");
    for a in [
        "tax.statement.imported",
        "tax.payment_matched",
        "tax.payment_unmatched",
        "tax.ledger.viewed",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}

/// An MT940 statement as a Polish bank exports it: the virtual account in `^38`.
fn mt940(entries: &[(String, &str, String)]) -> String {
    let mut s = String::from(
        ":20:ST261201\r\n:25:/PL61109010140000071219812874\r\n:28C:00235/001\r\n:60F:C261130PLN000000100000,00\r\n",
    );
    for (date, amount, account) in entries {
        s.push_str(&format!(
            ":61:{date}{}C{amount}N240NONREF//B{date}{amount}\r\n:86:240^00PRZELEW^20Podatek od nieruch^21omości^27JAN KOWALSKI^28UL. POLNA 12^38{account}\r\n",
            &date[2..]
        ));
    }
    s.push_str(":62F:C261201PLN000000100000,00\r\n-\r\n");
    s
}

#[tokio::test]
async fn mt940_statements_are_matched_and_malformed_ones_refused_with_their_line() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let jan = ledger_of(&mut c, 2).await;
    let account = jan["ledger"]["taxpayer"]["account"]
        .as_str()
        .expect("a")
        .replace(' ', "");
    let date = server::time_fmt::today().strftime("%y%m%d").to_string();
    let file = mt940(&[(date.clone(), "100,00", account.clone())]);
    let path = "/api/office/taxes/statements?name=mt940.sta";
    let r = c.post_bytes(path, "text/plain", file.into_bytes()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let s = r.json();
    assert_eq!(
        (
            s["format"].clone(),
            s["matched"].clone(),
            s["total"].clone()
        ),
        (json!("mt940"), json!(1), json!(10_000))
    );
    let after = ledger_of(&mut c, 2).await;
    let payment = &after["ledger"]["payments"][0];
    assert_eq!(
        (payment["amount"].clone(), payment["source"].clone()),
        (json!(10_000), json!("statement"))
    );
    // A bad amount on the second entry (line 7): nothing of the file is stored.
    let before = counts(&app).await;
    let bad = mt940(&[
        (date.clone(), "5,00", account.clone()),
        (date, "12,3,4", account),
    ]);
    let r = c.post_bytes(path, "text/plain", bad.into_bytes()).await;
    assert_eq!(r.code(), "invalid_import_file", "{}", r.text);
    let message = r.json()["error"]["message"].as_str().expect("m").to_owned();
    assert!(message.contains("wiersz 7: kolumna „:61:”"), "{message}");
    // No closing balance: refused.
    let cut = ":20:X\n:25:/PL61109010140000071219812874\n:60F:C261130PLN0,00\n:61:2612011201C1,00NTRFNONREF\n";
    let r = c
        .post_bytes(path, "text/plain", cut.as_bytes().to_vec())
        .await;
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .expect("m")
            .contains("MT940: no :60F: or :62F: balance")
    );
    assert_eq!(counts(&app).await, before);
}

#[tokio::test]
async fn correcting_an_assessment_reschedules_it_and_allocates_every_payment_again() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let jan = ledger_of(&mut c, 2).await;
    let year = i64::from(server::time_fmt::today().year());
    let property = jan["ledger"]["assessments"]
        .as_array()
        .expect("a")
        .iter()
        .find(|a| a["kind"] == "property" && a["year"] == year)
        .expect("this year's property tax")
        .clone();
    let id = property["id"].as_str().expect("id");
    let path = format!("/api/office/taxes/assessments/{id}/correction");
    let body = |amount: i64, reason: &str| json!({"amount": amount, "decision_number": "FN.3120.2.K", "reason": reason});
    let r = c.post(&path, body(10_050, "Decyzja zmieniająca")).await;
    assert_eq!(r.json()["error"]["fields"]["amount"], "full_zloty");
    let r = c.post(&path, body(10_000, "")).await;
    assert_eq!(r.json()["error"]["fields"]["reason"], "required");
    let r = c
        .post(
            "/api/office/taxes/assessments/nope/correction",
            body(100, "Decyzja zmieniająca"),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Up to 100 zł: still one instalment by 15 March (art. 6 ust. 7a upol), and every
    // payment allocated again: what was paid is all still accounted for.
    let r = c
        .post(&path, body(10_000, "Decyzja zmieniająca po odwołaniu"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let l = r.json();
    let now = instalments(&l, "property", year);
    assert_eq!(now.len(), 1);
    assert_eq!(now[0]["amount"].as_i64(), Some(10_000));
    let money_in: i64 = l["ledger"]["payments"]
        .as_array()
        .expect("p")
        .iter()
        .map(|p| p["amount"].as_i64().expect("a"))
        .sum();
    let principal: i64 = l["ledger"]["assessments"]
        .as_array()
        .expect("a")
        .iter()
        .flat_map(|a| a["instalments"].as_array().expect("i").clone())
        .map(|i| i["paid"].as_i64().expect("paid"))
        .sum();
    let interest: i64 = l["ledger"]["payments"]
        .as_array()
        .expect("p")
        .iter()
        .flat_map(|p| p["parts"].as_array().expect("parts").clone())
        .map(|x| x["interest"].as_i64().expect("i"))
        .sum();
    let over = l["ledger"]["balance"]["overpayment"].as_i64().expect("o");
    assert_eq!(principal + interest + over, money_in);
    assert_eq!(l["corrections"][0]["before"], property["amount"]);
    assert_eq!(l["corrections"][0]["after"], 10_000);
    // Every payment's parts still add up, and no instalment is paid beyond its amount.
    for a in l["ledger"]["assessments"].as_array().expect("a") {
        for i in a["instalments"].as_array().expect("i") {
            assert!(i["paid"].as_i64() <= i["amount"].as_i64(), "{i}");
        }
    }
    let reports = server::audit::verify(&app.state.db.pool)
        .await
        .expect("verify");
    assert!(reports.iter().all(|r| r.problem.is_none()));
}

#[tokio::test]
async fn the_arrears_list_and_reminders_each_sent_once() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let all = c
        .get("/api/office/taxes/taxpayers?arrears=true")
        .await
        .json();
    let names: Vec<&str> = all
        .as_array()
        .expect("list")
        .iter()
        .map(|t| t["name"].as_str().expect("n"))
        .collect();
    assert_eq!(names.len(), 2, "{all}");
    assert!(
        all.as_array()
            .expect("l")
            .windows(2)
            .all(|w| w[0]["overdue"].as_i64() >= w[1]["overdue"].as_i64())
    );
    assert!(all[0]["interest"].as_i64() > Some(0));
    assert!(all[0]["overdue_since"].is_string());
    // Reminders a week ahead: on the day three days before an unpaid instalment of Jan's.
    let jan = ledger_of(&mut c, 2).await;
    let unpaid = jan["ledger"]["assessments"]
        .as_array()
        .expect("a")
        .iter()
        .flat_map(|a| a["instalments"].as_array().expect("i").clone())
        .find(|i| i["status"] == "overdue")
        .expect("an unpaid instalment");
    let due = models::taxes::Day::parse(unpaid["due_on"].as_str().expect("d")).expect("day");
    let mails = app.count("mail_outbox").await;
    let db = &app.state.db;
    let queued = server::taxes::reminders::queue(db, due.add_days(-3), "http://localhost:8080")
        .await
        .expect("queue");
    assert!(queued >= 1);
    assert_eq!(app.count("mail_outbox").await, mails + queued as i64);
    let again = server::taxes::reminders::queue(db, due.add_days(-3), "http://localhost:8080")
        .await
        .expect("queue");
    assert_eq!(again, 0);
    // Switched off by the resident: none for them.
    let mut anna = app.client();
    anna.login("anna.nowak@example.pl", DEMO_PASSWORD).await;
    let mine = anna.get("/api/taxes/taxpayers").await.json()[0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(
        anna.get(&format!("/api/taxes/taxpayers/{mine}"))
            .await
            .json()["reminders"],
        true
    );
    let r = anna
        .put(
            &format!("/api/taxes/taxpayers/{mine}/reminders"),
            json!({"enabled": false}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        anna.get(&format!("/api/taxes/taxpayers/{mine}"))
            .await
            .json()["reminders"],
        false
    );
    let jans = all
        .as_array()
        .expect("l")
        .iter()
        .find(|t| t["number"] == 2)
        .expect("jan")["id"]
        .clone();
    let r = anna
        .put(
            &format!(
                "/api/taxes/taxpayers/{}/reminders",
                jans.as_str().expect("id")
            ),
            json!({"enabled": false}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let annas_mail: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'anna.nowak@example.pl' AND subject LIKE 'Przypomnienie%'")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    for day in 0..400 {
        server::taxes::reminders::queue(db, due.add_days(-day), "http://x")
            .await
            .expect("queue");
    }
    let annas_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'anna.nowak@example.pl' AND subject LIKE 'Przypomnienie%'")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(annas_after, annas_mail);
}

#[tokio::test]
async fn the_desk_is_for_clerks_of_the_same_gmina_only() {
    let app = TestApp::spawn().await;
    let mut c = clerk(&app).await;
    let list = c.get("/api/office/taxes/taxpayers").await.json();
    let id = list[0]["id"].as_str().expect("id").to_owned();
    let mut resident = app.client();
    resident
        .login("jan.kowalski@example.pl", DEMO_PASSWORD)
        .await;
    assert_eq!(
        resident.get("/api/office/taxes/taxpayers").await.status,
        StatusCode::FORBIDDEN
    );
    let mut other = app.client_on(SASIEDNIA);
    other.login("admin@example.pl", DEMO_PASSWORD).await;
    assert_eq!(
        other.get("/api/office/taxes/taxpayers").await.json(),
        json!([])
    );
    assert_eq!(
        other
            .get(&format!("/api/office/taxes/taxpayers/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Sąsiednia has no tax settings: its import is refused as not set up.
    let r = csv(&mut other, ASSESSMENTS, &format!("{HEADER}\n")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}
