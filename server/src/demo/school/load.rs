//! `okienko load-school`: the demo school as `cargo xtask bench` measures it at the
//! morning peak — a year of grades in every class from 4a to 8b (the demo has them to
//! today in 5a, 6a and 6b) and a parent with an open session for every pupil.

use jiff::civil::Date;
use models::auth::Role;
use sqlx::Row;

use super::{Dice, GRADED, bulk_pupils, grade, link};
use crate::auth::session::{COOKIE, new_token, token_hash};
use crate::db::Db;
use crate::demo::PRZYKLADOWO;
use crate::time_fmt::{now_ms, today};

/// Fills the school and returns, per pupil, a parent's cookie and the pupil's id.
pub async fn load_school(db: &Db) -> anyhow::Result<Vec<(String, String)>> {
    let g = PRZYKLADOWO;
    let secret = new_token()?;
    let hash = tokio::task::spawn_blocking(move || crate::auth::password::hash_blocking(&secret))
        .await??;
    let mut dice = Dice(0x0bad_5eed_0001);
    let mut tx = db.begin_write().await?;
    let classes = sqlx::query(
        "SELECT c.id, c.name, y.starts_on, y.term2_on, y.ends_on FROM school_classes c \
         JOIN school_years y ON y.id = c.year_id WHERE c.gmina_id = $1 ORDER BY c.name",
    )
    .bind(g)
    .fetch_all(&mut *tx)
    .await?;
    let mut orphans: Vec<String> = vec![];
    for class in &classes {
        let (id, name): (String, String) = (class.get("id"), class.get("name"));
        let dates: [Date; 3] = [
            class.get::<String, _>("starts_on").parse()?,
            class.get::<String, _>("term2_on").parse()?,
            class.get::<String, _>("ends_on").parse()?,
        ];
        let pupils: Vec<String> = sqlx::query_scalar(
            "SELECT pupil_id FROM enrolments WHERE gmina_id = $1 AND class_id = $2 ORDER BY number",
        )
        .bind(g)
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        orphans.extend(
            sqlx::query_scalar::<_, String>(
                "SELECT e.pupil_id FROM enrolments e WHERE e.gmina_id = $1 AND e.class_id = $2 \
                 AND NOT EXISTS (SELECT 1 FROM parent_links l WHERE l.pupil_id = e.pupil_id)",
            )
            .bind(g)
            .bind(&id)
            .fetch_all(&mut *tx)
            .await?,
        );
        if name.as_bytes().first().is_some_and(|l| *l < b'4') {
            continue;
        }
        // The graded classes have their grades to today already.
        let from = if GRADED.contains(&name.as_str()) {
            today().tomorrow()?
        } else {
            dates[0]
        };
        let taught = sqlx::query(
            "SELECT subject_id, teacher_id FROM teaching WHERE gmina_id = $1 AND class_id = $2",
        )
        .bind(g)
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        for t in &taught {
            let (subject, teacher): (String, String) = (t.get("subject_id"), t.get("teacher_id"));
            grade(
                &mut tx,
                g,
                (&id, &subject, &teacher),
                &pupils,
                (from, dates[1], dates[2]),
                &mut dice,
            )
            .await?;
        }
    }
    let parents: Vec<(String, String)> = orphans
        .iter()
        .enumerate()
        .map(|(n, _)| {
            (
                format!("Rodzic {n}"),
                format!("rodzic-{n}@loadtest.invalid"),
            )
        })
        .collect();
    let mut parent_ids = vec![];
    for chunk in parents.chunks(200) {
        parent_ids.extend(bulk_pupils(&mut tx, g, chunk, &hash).await?);
    }
    sqlx::query("UPDATE user_roles SET role = $1 WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'rodzic-%@loadtest.invalid')")
        .bind(Role::Parent.as_str())
        .execute(&mut *tx)
        .await?;
    for (parent, pupil) in parent_ids.iter().zip(&orphans) {
        link(&mut tx, g, parent, pupil).await?;
    }
    tx.commit().await?;
    let expires = now_ms() + 86_400_000;
    let mut out = vec![];
    for (parent, pupil) in parent_ids.iter().zip(orphans) {
        let token = new_token()?;
        crate::auth::db::insert_session(
            &db.pool,
            g,
            parent,
            &token_hash(&token),
            "load test",
            expires,
        )
        .await?;
        out.push((format!("{COOKIE}={token}"), pupil));
    }
    Ok(out)
}
