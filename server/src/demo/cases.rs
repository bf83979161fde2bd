//! Demo cases of Gmina Przykładowo: Anna's and Jan's applications in every status, filed
//! and handled through the same functions the API uses, dated in the recent past so the
//! timelines, due dates and the clerks' overdue list have something to show.

use anyhow::Context;
use models::cases::{Assign, Channel, NewCompletionRequest, NewDecision};
use models::forms::{self, FileRef, Localized};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::cases::db::{self as case_db, department_by_code};
use crate::cases::files::store_blob;
use crate::cases::office::{ask_completion, assign_case, close_case, issue_decision};
use crate::cases::submit::{Application, Filed, file_application};
use crate::cases::workflow::{NewCase, open_case};
use crate::db::{Db, new_id};
use crate::receipts::keys;
use crate::services::db::filing;
use crate::time_fmt::{now_ms, warsaw_day};

const DAY_MS: i64 = 24 * 3600 * 1000;

/// A tiny but real PDF, the demo's attachment and scan.
fn demo_pdf(title: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n% {title}\n%%EOF\n"
    )
    .into_bytes()
}

/// Stores a file as if `user` uploaded it.
async fn upload(db: &Db, gmina: &str, user: &str, name: &str, at: i64) -> anyhow::Result<FileRef> {
    let bytes = demo_pdf(name);
    let file = FileRef {
        name: name.to_owned(),
        sha256: hex::encode(Sha256::digest(&bytes)),
        size: bytes.len() as u64,
        content_type: "application/pdf".into(),
    };
    let mut tx = db.begin_write().await?;
    store_blob(&mut tx, gmina, &file.sha256, &bytes).await?;
    sqlx::query(
        "INSERT INTO uploads (id, gmina_id, user_id, sha256, name, content_type, size, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(gmina)
    .bind(user)
    .bind(&file.sha256)
    .bind(&file.name)
    .bind(&file.content_type)
    .bind(file.size as i64)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(file)
}

async fn user_id(db: &Db, gmina: &str, email: &str) -> anyhow::Result<String> {
    sqlx::query_scalar("SELECT id FROM users WHERE gmina_id = $1 AND email = $2")
        .bind(gmina)
        .bind(email)
        .fetch_one(&db.pool)
        .await
        .with_context(|| format!("demo account {email}"))
}

/// Files an application as the resident did `days_ago`, after checking it is valid.
async fn file(
    db: &Db,
    key_dir: Option<&std::path::Path>,
    gmina: &str,
    user: &str,
    slug: &str,
    data: Value,
    days_ago: i64,
) -> anyhow::Result<String> {
    let pool = &db.pool;
    let service = filing(pool, gmina, slug)
        .await?
        .with_context(|| format!("service {slug}"))?;
    let errors = forms::validate(&service.form, &data, {
        let t = crate::time_fmt::today();
        (i32::from(t.year()), t.month() as u32, t.day() as u32)
    });
    anyhow::ensure!(
        errors.is_empty(),
        "demo application {slug} is invalid: {errors:?}"
    );
    let key = keys::current(pool, key_dir, gmina).await?;
    let filed = file_application(
        db,
        &key,
        &Application {
            gmina,
            user_id: user,
            service: &service,
            data: &data,
            idempotency_key: &new_id(),
            draft_id: None,
            received_at: now_ms() - days_ago * DAY_MS,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("filing {slug}: {e}"))?;
    match filed {
        Filed::New(done) => Ok(done.case_id),
        Filed::Replay => anyhow::bail!("demo application filed twice"),
    }
}

/// Registers a paper letter as the clerk did `days_ago`.
#[expect(clippy::too_many_arguments, reason = "a letter's metadata")]
async fn letter(
    db: &Db,
    gmina: &str,
    clerk: &str,
    applicant: &str,
    name: &str,
    subject: &str,
    jrwa: &str,
    days_ago: i64,
) -> anyhow::Result<String> {
    let at = now_ms() - days_ago * DAY_MS;
    let scan = upload(db, gmina, clerk, &format!("skan-{}.pdf", days_ago), at).await?;
    let mut tx = db.begin_write().await?;
    let (department_id, _) = department_by_code(&mut tx, gmina, "GK")
        .await?
        .context("GK")?;
    let title = Localized {
        pl: subject.into(),
        en: subject.into(),
        uk: subject.into(),
    };
    let (case_id, _, _) = open_case(
        &mut tx,
        &NewCase {
            gmina,
            channel: Channel::Paper,
            service_id: None,
            applicant_id: Some(applicant),
            applicant_name: name,
            title: &title,
            department_id: &department_id,
            department_code: "GK",
            jrwa_symbol: Some(jrwa),
            period: "1m",
            received_at: at,
            registered_by: Some(clerk),
        },
    )
    .await?;
    case_db::attach_files(
        &mut tx,
        gmina,
        &case_id,
        "scan",
        std::slice::from_ref(&scan),
        clerk,
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(case_id)
}

/// One step of handling, `days_ago`.
enum Step<'a> {
    Assign(&'a str, Option<&'a str>),
    AskCompletion(&'a str),
    Decide(&'a str),
    Close,
}

async fn handle(
    db: &Db,
    key_dir: Option<&std::path::Path>,
    gmina: &str,
    clerk: &str,
    case_id: &str,
    step: Step<'_>,
    days_ago: i64,
) -> anyhow::Result<()> {
    let pool = &db.pool;
    let at = now_ms() - days_ago * DAY_MS;
    let key = keys::current(pool, key_dir, gmina).await?;
    let office: String = sqlx::query_scalar("SELECT name FROM gminy WHERE id = $1")
        .bind(gmina)
        .fetch_one(pool)
        .await?;
    let mut tx = db.begin_write().await?;
    let case = case_db::by_id_in(&mut tx, gmina, case_id)
        .await?
        .context("demo case")?;
    let result = match step {
        Step::Assign(dept, assignee) => {
            let req = Assign {
                department_code: dept.into(),
                assignee_id: assignee.map(str::to_owned),
                jrwa_symbol: None,
            };
            assign_case(&mut tx, gmina, clerk, &case, &req, at).await
        }
        Step::AskCompletion(text) => {
            let req = NewCompletionRequest {
                text: text.into(),
                days: 14,
            };
            ask_completion(&mut tx, clerk, &case, &req, warsaw_day(at), at).await
        }
        Step::Decide(text) => {
            let req = NewDecision {
                granted: true,
                text: text.into(),
            };
            issue_decision(&mut tx, &key, &office, gmina, clerk, &case, &req, at).await
        }
        Step::Close => close_case(&mut tx, gmina, clerk, &case, at).await,
    };
    result.map_err(|e| anyhow::anyhow!("demo step on {}: {e}", case.reference))?;
    tx.commit().await?;
    Ok(())
}

fn tree_application(name: &str, street: &str, plot: &str, map: &FileRef) -> Value {
    json!({
        "applicant": {
            "name": name,
            "phone": "600 123 456",
            "address": {"street": street, "building": "5", "apartment": "", "postal_code": "00-950", "city": "Przykładowo"},
            "is_owner": true
        },
        "property": {"plot": plot, "map": [map]},
        "trees": [
            {"species": "Topola kanadyjska", "circumference_cm": 240, "reason": "danger"},
            {"species": "Świerk pospolity", "circumference_cm": 95, "reason": "danger"}
        ],
        "planting": {"planned": true, "planting_date": "2027-04-15"}
    })
}

/// Loads the demo cases.
pub async fn seed(db: &Db, gmina: &str, key_dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    let anna = user_id(db, gmina, "anna.nowak@example.pl").await?;
    let jan = user_id(db, gmina, "jan.kowalski@example.pl").await?;
    let clerk = user_id(db, gmina, "urzednik@example.pl").await?;
    let registry = user_id(db, gmina, "kancelaria@example.pl").await?;
    let now = now_ms();

    // Jan: a general letter, just received (submitted).
    let body = "Proszę o naprawę lampy ulicznej przy ul. Polnej 12, nie świeci od dwóch tygodni.";
    file(
        db,
        key_dir,
        gmina,
        &jan,
        "pismo-ogolne",
        json!({"letter": {"subject": "Niedziałająca latarnia", "body": body}}),
        1,
    )
    .await?;

    // Anna: a public-information request, registered in OR (no clerk yet).
    let info = json!({"request": {"information": "Proszę o udostępnienie umowy na odbiór odpadów komunalnych zawartej w 2026 r.", "delivery": "email", "email": "anna.nowak@example.pl"}});
    let case = file(db, key_dir, gmina, &anna, "informacja-publiczna", info, 4).await?;
    handle(
        db,
        key_dir,
        gmina,
        &registry,
        &case,
        Step::Assign("OR", None),
        3,
    )
    .await?;

    // Anna: tree removal, with the GK clerk (in progress).
    let map = upload(
        db,
        gmina,
        &anna,
        "mapa-dzialki-123-4.pdf",
        now - 21 * DAY_MS,
    )
    .await?;
    let case = file(
        db,
        key_dir,
        gmina,
        &anna,
        "usuniecie-drzew",
        tree_application("Anna Nowak", "ul. Lipowa", "123/4, obręb Przykładowo", &map),
        20,
    )
    .await?;
    handle(
        db,
        key_dir,
        gmina,
        &registry,
        &case,
        Step::Assign("GK", Some(&clerk)),
        19,
    )
    .await?;

    // Jan: tree removal, the clerk asked for the owner's consent (needs completion).
    let map = upload(db, gmina, &jan, "mapa-dzialki-77-2.pdf", now - 16 * DAY_MS).await?;
    let case = file(
        db,
        key_dir,
        gmina,
        &jan,
        "usuniecie-drzew",
        tree_application("Jan Kowalski", "ul. Polna", "77/2, obręb Przykładowo", &map),
        15,
    )
    .await?;
    handle(
        db,
        key_dir,
        gmina,
        &registry,
        &case,
        Step::Assign("GK", Some(&clerk)),
        14,
    )
    .await?;
    handle(
        db,
        key_dir,
        gmina,
        &clerk,
        &case,
        Step::AskCompletion(
            "Proszę dołączyć zgodę współwłaściciela działki 77/2 na usunięcie drzew.",
        ),
        5,
    )
    .await?;

    // Anna: a paper application for a road-lane occupation, decided (decision ready).
    let case = letter(
        db,
        gmina,
        &registry,
        &anna,
        "Anna Nowak",
        "Wniosek o zajęcie pasa drogowego ul. Lipowa (rusztowanie)",
        "7230",
        30,
    )
    .await?;
    handle(
        db,
        key_dir,
        gmina,
        &registry,
        &case,
        Step::Assign("GK", Some(&clerk)),
        29,
    )
    .await?;
    handle(db, key_dir, gmina, &clerk, &case, Step::Decide("Zezwala się na zajęcie 12 m² pasa drogowego ul. Lipowej od 1 do 14 grudnia 2026 r. w celu ustawienia rusztowania."), 2).await?;

    // Jan: last year's tree removal on paper, decided and archived (closed).
    let case = letter(
        db,
        gmina,
        &registry,
        &jan,
        "Jan Kowalski",
        "Wniosek o usunięcie drzewa (brzoza) z działki 77/2",
        "6131",
        70,
    )
    .await?;
    handle(
        db,
        key_dir,
        gmina,
        &registry,
        &case,
        Step::Assign("GK", Some(&clerk)),
        69,
    )
    .await?;
    handle(db, key_dir, gmina, &clerk, &case, Step::Decide("Zezwala się na usunięcie jednej brzozy brodawkowatej o obwodzie 110 cm, z nasadzeniem zastępczym."), 45).await?;
    handle(db, key_dir, gmina, &clerk, &case, Step::Close, 40).await?;
    Ok(())
}
