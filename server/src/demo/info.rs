//! Demo public information of Gmina Przykładowo: the budgets of 2025 (closed) and 2026
//! (to 30 November), the municipal property register, the alcohol and road-lane permit
//! registers (the CSV files in `data/`, imported as a clerk would), and announcements,
//! one of them changed once and one expired. Every import publishes its dataset.

use models::forms::FileRef;
use models::info::AnnouncementForm;
use models::info::registers::Register;
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::info::announcements::{self, File};
use crate::info::{budget, registers};
use crate::receipts::keys;
use crate::time_fmt::now_ms;

const BUDGETS: [(i32, &str, &str); 2] = [
    (2025, "2025-12-31", include_str!("data/budget-2025.csv")),
    (2026, "2026-11-30", include_str!("data/budget-2026.csv")),
];

const REGISTERS: [(Register, &str); 3] = [
    (Register::Property, include_str!("data/property.csv")),
    (Register::Alcohol, include_str!("data/alcohol.csv")),
    (Register::RoadLane, include_str!("data/road-lane.csv")),
];

/// A one-page PDF (the demo resolution's scan).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

fn form(title: &str, body: &str, expires_on: Option<&str>) -> AnnouncementForm {
    AnnouncementForm {
        title: title.into(),
        body: body.into(),
        expires_on: expires_on.map(str::to_owned),
        ..AnnouncementForm::default()
    }
}

/// Loads it all, as the clerk `clerk_id`.
pub async fn seed(
    db: &Db,
    gmina: &str,
    clerk_id: &str,
    key_dir: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let key = keys::current(&db.pool, key_dir, gmina).await?;
    let mut tx = db.pool.begin().await?;
    for (year, as_of, csv) in BUDGETS {
        let parsed = budget::parse(csv)
            .map_err(|e| anyhow::anyhow!("demo budget {year}: {:?}", e.first()))?;
        budget::store(&mut tx, &key, gmina, year, as_of, &parsed).await?;
    }
    for (register, csv) in REGISTERS {
        let entries = registers::parse(register, csv)
            .map_err(|e| anyhow::anyhow!("demo register {}: {:?}", register.as_str(), e.first()))?;
        registers::store(&mut tx, &key, gmina, register, &entries).await?;
    }
    let day = 86_400_000;
    let now = now_ms();
    let who = (
        gmina,
        clerk_id,
        "Katarzyna Urzędnik, inspektor ds. gospodarki komunalnej",
    );
    let session = form(
        "Sesja Rady Gminy Przykładowo 17 grudnia 2026 r.",
        "Zawiadamiam, że XXIV sesja Rady Gminy Przykładowo odbędzie się 17 grudnia 2026 r. \
         o godz. 10:00 w sali narad Urzędu Gminy, Rynek 1.\n\nPorządek obrad: uchwała budżetowa \
         na 2027 rok, wieloletnia prognoza finansowa, program współpracy z organizacjami \
         pozarządowymi. Obrady są transmitowane i nagrywane.",
        Some("2026-12-17"),
    );
    let scan = File {
        file: FileRef {
            name: "projekt-uchwaly-budzetowej-2027.pdf".into(),
            sha256: hex::encode(Sha256::digest(PDF)),
            size: PDF.len() as u64,
            content_type: "application/pdf".into(),
        },
        bytes: Some(PDF.to_vec()),
    };
    let notices = [
        (
            "Obwieszczenie o wyłożeniu projektu planu miejscowego dla Lipowa",
            "Wójt Gminy Przykładowo zawiadamia o wyłożeniu do publicznego wglądu projektu \
             miejscowego planu zagospodarowania przestrzennego dla obrębu Lipowo w dniach \
             od 1 do 29 grudnia 2026 r. w Urzędzie Gminy, pokój 12.\n\nUwagi można składać na \
             piśmie lub przez Okienko do 12 stycznia 2027 r.",
            Some("2027-01-12"),
            12,
        ),
        (
            "Przetarg ustny nieograniczony na sprzedaż działki nr 214/7 w Dębinie",
            "Wójt Gminy Przykładowo ogłasza przetarg na sprzedaż niezabudowanej działki nr 214/7 \
             (obręb 0003 Dębina, 1 245 m²). Cena wywoławcza: 98 000 zł. Wadium 9 800 zł \
             należy wpłacić do 5 stycznia 2027 r.",
            Some("2027-01-08"),
            9,
        ),
        (
            "Harmonogram odbioru odpadów na 2027 rok",
            "Harmonogram odbioru odpadów komunalnych na 2027 rok dla wszystkich sołectw \
             i osiedli jest dostępny w Urzędzie Gminy i w załączniku.",
            None,
            4,
        ),
        (
            "Konsultacje programu współpracy z organizacjami pozarządowymi na 2026 rok",
            "Konsultacje trwały od 2 do 23 października 2025 r. Dziękujemy za uwagi.",
            Some("2025-10-23"),
            420,
        ),
    ];
    // Oldest first, so the dataset's versions follow the calendar.
    let [plan, tender, waste, consultation] = notices;
    for (title, body, expires, days_ago) in [consultation, plan, tender] {
        announcements::create(
            &mut tx,
            &key,
            who,
            &form(title, body, expires),
            &[],
            now - days_ago * day,
        )
        .await?;
    }
    let session_id =
        announcements::create(&mut tx, &key, who, &session, &[scan], now - 6 * day).await?;
    let (title, body, expires, days_ago) = waste;
    announcements::create(
        &mut tx,
        &key,
        who,
        &form(title, body, expires),
        &[],
        now - days_ago * day,
    )
    .await?;
    let changed = AnnouncementForm {
        body: session.body.replace("10:00", "12:00"),
        reason: "Zmiana godziny rozpoczęcia sesji na wniosek Przewodniczącego Rady.".into(),
        ..session.clone()
    };
    announcements::amend(
        &mut tx,
        &key,
        who,
        &session_id,
        &changed,
        &[],
        now - 2 * day,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
