//! Demo crisis-alert areas of Gmina Przykładowo (two town districts and four sołectwa,
//! with streets), and one alert from last month, long over. No alert is in force: the
//! banner appears when the crisis team (kryzys@example.pl) issues one.

use sqlx::AnyConnection;

use crate::db::{Db, new_id};
use crate::time_fmt::now_ms;

/// (code, name, kind, parent).
pub const AREAS: [(&str, &str, &str, Option<&str>); 14] = [
    ("os-centrum", "Osiedle Centrum", "district", None),
    ("os-polnoc", "Osiedle Północ", "district", None),
    ("sol-lipowo", "Sołectwo Lipowo", "solectwo", None),
    ("sol-debina", "Sołectwo Dębina", "solectwo", None),
    ("sol-brzozow", "Sołectwo Brzozów", "solectwo", None),
    ("sol-kamionka", "Sołectwo Kamionka", "solectwo", None),
    ("ul-rzeczna", "ul. Rzeczna", "street", Some("os-centrum")),
    ("ul-mostowa", "ul. Mostowa", "street", Some("os-centrum")),
    ("ul-rynek", "Rynek", "street", Some("os-centrum")),
    ("ul-kwiatowa", "ul. Kwiatowa", "street", Some("os-polnoc")),
    ("ul-szkolna", "ul. Szkolna", "street", Some("os-polnoc")),
    (
        "ul-lesna-lipowo",
        "ul. Leśna (Lipowo)",
        "street",
        Some("sol-lipowo"),
    ),
    (
        "ul-nadrzeczna-debina",
        "ul. Nadrzeczna (Dębina)",
        "street",
        Some("sol-debina"),
    ),
    (
        "ul-polna-kamionka",
        "ul. Polna (Kamionka)",
        "street",
        Some("sol-kamionka"),
    ),
];

/// Stores a gmina's areas.
pub async fn insert_areas(conn: &mut AnyConnection, gmina: &str) -> anyhow::Result<()> {
    for (code, name, kind, parent) in AREAS {
        sqlx::query("INSERT INTO alert_areas (gmina_id, code, name, kind, parent_code) VALUES ($1, $2, $3, $4, $5)")
            .bind(gmina)
            .bind(code)
            .bind(name)
            .bind(kind)
            .bind(parent)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The areas and last month's road closure.
pub async fn seed(db: &Db, gmina: &str, issued_by: &str) -> anyhow::Result<()> {
    let mut tx = db.pool.begin().await?;
    insert_areas(&mut tx, gmina).await?;
    let day = 86_400_000;
    let issued = now_ms() - 30 * day;
    let id = new_id();
    sqlx::query(
        "INSERT INTO alerts (id, gmina_id, severity, category, whole_gmina, valid_from, valid_to, headline_pl, \
         text_pl, headline_en, text_en, headline_uk, text_uk, sms_text, issued_by, issued_at) \
         VALUES ($1, $2, 'minor', 'road_closure', 0, $3, $4, $5, $6, '', '', '', '', $7, $8, $3)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(issued)
    .bind(issued + 2 * day)
    .bind("Remont mostu na ul. Mostowej")
    .bind("Most na ul. Mostowej jest zamknięty na dwa dni z powodu remontu. Objazd przez ul. Rzeczną.")
    .bind("Most na ul. Mostowej zamkniety na 2 dni. Objazd ul. Rzeczna.")
    .bind(issued_by)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO alert_target_areas (alert_id, gmina_id, area_code) VALUES ($1, $2, 'ul-mostowa')")
        .bind(&id)
        .bind(gmina)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
