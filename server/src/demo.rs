//! The demo data set: "Gmina Przykładowo" (the default gmina) and the smaller
//! "Gmina Sąsiednia" (host `sasiednia.localhost`) that the tenancy tests use.
//! Every demo account's password is [`DEMO_PASSWORD`]. Later areas extend this set.

mod alerts;
mod cases;
mod civic;
mod info;
mod school;

pub use school::load_school;
mod taxes;

use anyhow::Context;
use models::auth::Role;

use crate::auth::db::{NewUser, insert_user, link_parent};
use crate::auth::password::hash_blocking;
use crate::db::Db;
use crate::tenancy::db::{NewGmina, gmina_exists, insert_department, insert_gmina, insert_unit};

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "Okienko-demo-2026";
/// The authenticator secret of every demo teacher (base32): add it to an app, or
/// compute its codes (RFC 6238), to log in as a teacher.
pub const DEMO_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/// Slug of the default demo gmina.
pub const PRZYKLADOWO: &str = "przykladowo";
/// Slug of the second demo gmina.
pub const SASIEDNIA: &str = "sasiednia";

/// A coat of arms: a shield in two colours with a simple charge.
pub fn crest_svg(field: &str, charge: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" role="img"><path d="M5 5h90v55c0 30-20 48-45 55C25 108 5 90 5 60z" fill="{field}" stroke="#1a1a1a" stroke-width="3"/>{charge}</svg>"##
    )
}

/// Loads both demo gminy unless they are already there. Returns whether it loaded.
pub async fn seed(db: &Db, key_dir: Option<&std::path::Path>) -> anyhow::Result<bool> {
    let pool = &db.pool;
    if gmina_exists(pool, PRZYKLADOWO).await? {
        return Ok(false);
    }
    // One hash for all demo accounts: argon2 is slow on purpose.
    let hash = tokio::task::spawn_blocking(|| hash_blocking(DEMO_PASSWORD)).await??;
    seed_przykladowo(db, &hash, key_dir)
        .await
        .context("loading Gmina Przykładowo")?;
    seed_sasiednia(db, &hash)
        .await
        .context("loading Gmina Sąsiednia")?;
    Ok(true)
}

async fn seed_przykladowo(
    db: &Db,
    hash: &str,
    key_dir: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let pool = &db.pool;
    let g = PRZYKLADOWO;
    let window = r##"<rect x="30" y="30" width="40" height="46" fill="#f2c200" stroke="#1a1a1a" stroke-width="2"/><path d="M50 30v46M30 53h40" stroke="#1a1a1a" stroke-width="3"/>"##;
    insert_gmina(
        pool,
        &NewGmina {
            id: g,
            name: "Gmina Przykładowo",
            crest_svg: &crest_svg("#1d4f91", window),
            address: "ul. Rynek 1, 00-950 Przykładowo",
            contact_email: "sekretariat@przykladowo.example.pl",
            contact_phone: "+48 12 345 67 89",
            is_default: true,
            hosts: &["przykladowo.localhost", "localhost", "127.0.0.1"],
        },
    )
    .await?;
    let office = insert_unit(pool, g, "Urząd Gminy Przykładowo", "office", 0).await?;
    for (code, name) in [
        ("OR", "Referat Organizacyjny"),
        ("SO", "Referat Spraw Obywatelskich"),
        ("FN", "Referat Finansowy"),
        ("GK", "Referat Gospodarki Komunalnej i Ochrony Środowiska"),
        ("RB", "Referat Rozwoju i Budownictwa"),
        ("USC", "Urząd Stanu Cywilnego"),
    ] {
        insert_department(pool, g, &office, code, name).await?;
    }
    let school = insert_unit(
        pool,
        g,
        "Szkoła Podstawowa nr 1 im. Marii Konopnickiej w Przykładowie",
        "school",
        1,
    )
    .await?;
    insert_department(pool, g, &school, "SEK", "Sekretariat szkoły").await?;
    let kindergarten = insert_unit(
        pool,
        g,
        "Przedszkole Samorządowe „Słoneczko”",
        "kindergarten",
        2,
    )
    .await?;
    insert_department(pool, g, &kindergarten, "SEK", "Sekretariat przedszkola").await?;
    let gops = insert_unit(
        pool,
        g,
        "Gminny Ośrodek Pomocy Społecznej",
        "social_welfare",
        3,
    )
    .await?;
    insert_department(pool, g, &gops, "PS", "Dział Pomocy Środowiskowej").await?;

    let user = |email, full_name, pesel, roles| NewUser {
        email,
        full_name,
        password_hash: hash,
        pesel,
        roles,
    };
    let anna = insert_user(
        pool,
        g,
        &user(
            "anna.nowak@example.pl",
            "Anna Nowak",
            Some("85071512348"),
            &[Role::Resident, Role::Parent],
        ),
    )
    .await?;
    insert_user(
        pool,
        g,
        &user(
            "jan.kowalski@example.pl",
            "Jan Kowalski",
            Some("90020301234"),
            &[Role::Resident],
        ),
    )
    .await?;
    let clerk = insert_user(
        pool,
        g,
        &user(
            "urzednik@example.pl",
            "Katarzyna Urzędnik",
            None,
            &[Role::Clerk],
        ),
    )
    .await?;
    let teacher = insert_user(
        pool,
        g,
        &user(
            "nauczyciel@example.pl",
            "Tomasz Nauczyciel",
            None,
            &[Role::Teacher],
        ),
    )
    .await?;
    let ola = insert_user(
        pool,
        g,
        &user(
            "ola.nowak@example.pl",
            "Ola Nowak",
            Some("12250523459"),
            &[Role::Pupil],
        ),
    )
    .await?;
    insert_user(
        pool,
        g,
        &user(
            "admin@example.pl",
            "Administrator Portalu",
            None,
            &[Role::Admin],
        ),
    )
    .await?;
    insert_user(
        pool,
        g,
        &user(
            "kancelaria@example.pl",
            "Piotr Kancelaryjny",
            None,
            &[Role::Clerk],
        ),
    )
    .await?;
    let crisis = insert_user(
        pool,
        g,
        &user(
            "kryzys@example.pl",
            "Marek Kryzysowy",
            None,
            &[Role::Crisis],
        ),
    )
    .await?;
    link_parent(pool, g, &anna, &ola).await?;
    for (email, department) in [
        ("urzednik@example.pl", "GK"),
        ("kancelaria@example.pl", "OR"),
    ] {
        sqlx::query(
            "UPDATE users SET department_id = (SELECT d.id FROM departments d JOIN org_units o \
             ON o.id = d.unit_id WHERE d.gmina_id = $1 AND d.code = $2 AND o.kind = 'office') \
             WHERE gmina_id = $1 AND email = $3",
        )
        .bind(g)
        .bind(department)
        .bind(email)
        .execute(pool)
        .await?;
    }
    crate::services::db::load_catalogue(pool, g, crate::services::db::DEMO_CATALOGUE).await?;
    crate::cases::db::load_jrwa(pool, g, crate::cases::db::DEMO_JRWA).await?;
    cases::seed(db, g, key_dir).await.context("demo cases")?;
    civic::seed(db, g).await.context("demo civic budget")?;
    taxes::seed(db, g).await.context("demo taxes")?;
    alerts::seed(db, g, &crisis).await.context("demo alerts")?;
    info::seed(db, g, &clerk, key_dir)
        .await
        .context("demo public information")?;
    let people = school::People {
        teacher: &teacher,
        ola: &ola,
        anna: &anna,
        hash,
    };
    school::seed(db, g, &people).await.context("demo school")?;
    Ok(())
}

async fn seed_sasiednia(db: &Db, hash: &str) -> anyhow::Result<()> {
    let pool = &db.pool;
    let g = SASIEDNIA;
    let tree = r##"<path d="M50 22l22 38H58l14 22H28l14-22H28z" fill="#f5f5f5" stroke="#1a1a1a" stroke-width="2"/><rect x="45" y="82" width="10" height="14" fill="#6b3e1f"/>"##;
    insert_gmina(
        pool,
        &NewGmina {
            id: g,
            name: "Gmina Sąsiednia",
            crest_svg: &crest_svg("#1f6b3a", tree),
            address: "ul. Lipowa 2, 00-951 Sąsiednia",
            contact_email: "urzad@sasiednia.example.pl",
            contact_phone: "+48 12 765 43 21",
            is_default: false,
            hosts: &["sasiednia.localhost"],
        },
    )
    .await?;
    let office = insert_unit(pool, g, "Urząd Gminy Sąsiednia", "office", 0).await?;
    insert_department(pool, g, &office, "OR", "Referat Organizacyjny").await?;
    let user = |email, full_name, roles| NewUser {
        email,
        full_name,
        password_hash: hash,
        pesel: None,
        roles,
    };
    insert_user(
        pool,
        g,
        &user(
            "marta.zielinska@example.pl",
            "Marta Zielińska",
            &[Role::Resident],
        ),
    )
    .await?;
    // The same e-mail as in Przykładowo, but a different account: gminy share nothing.
    insert_user(
        pool,
        g,
        &user(
            "admin@example.pl",
            "Administrator Sąsiedniej",
            &[Role::Admin],
        ),
    )
    .await?;
    Ok(())
}

/// Load-test alert subscribers: `count` confirmed e-mail contacts of the default demo
/// gmina, for every area and category (one transaction).
pub async fn load_subscribers(db: &Db, count: usize) -> anyhow::Result<()> {
    let now = crate::time_fmt::now_ms();
    let mut tx = db.pool.begin().await?;
    for n in 0..count {
        sqlx::query(
            "INSERT INTO alert_contacts (id, gmina_id, channel, address, lang, unsubscribe_token, \
             all_areas, all_categories, confirmed_at, created_at) \
             VALUES ($1, $2, 'email', $3, 'pl', $4, 1, 1, $5, $5)",
        )
        .bind(crate::db::new_id())
        .bind(PRZYKLADOWO)
        .bind(format!("bench-{n}@example.pl"))
        .bind(crate::alerts::subscriptions::short_token()?)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Load-test voters: `count` residents of the default demo gmina, each with a PESEL and
/// an open session (24 hours); returns their session cookies. One password hash for
/// all of them (a random password nobody knows): argon2 is slow on purpose.
pub async fn load_voters(db: &Db, count: usize) -> anyhow::Result<Vec<String>> {
    use crate::auth::session::{COOKIE, new_token, token_hash};
    let secret = new_token()?;
    let hash = tokio::task::spawn_blocking(move || hash_blocking(&secret)).await??;
    let run = &new_token()?[..8];
    let mut cookies = Vec::with_capacity(count);
    let expires = crate::time_fmt::now_ms() + 86_400_000;
    for n in 0..count {
        // Born on a day of 1950–2004, serial from n: a distinct, valid PESEL each.
        let (year, day, serial) = (1950 + n % 55, 1 + (n / 55) % 28, (n / 1540) % 10_000);
        let digits = format!("{:02}01{:02}{:04}", year % 100, day, serial);
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        let sum: u32 = digits
            .bytes()
            .zip(weights)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let pesel = format!("{digits}{}", (10 - sum % 10) % 10);
        let email = format!("wyborca-{run}-{n}@loadtest.invalid");
        let user = NewUser {
            email: &email,
            full_name: "Wyborca testowy",
            password_hash: &hash,
            pesel: Some(&pesel),
            roles: &[Role::Resident],
        };
        let id = insert_user(&db.pool, PRZYKLADOWO, &user).await?;
        let token = new_token()?;
        crate::auth::db::insert_session(
            &db.pool,
            PRZYKLADOWO,
            &id,
            &token_hash(&token),
            "load test",
            expires,
        )
        .await?;
        cookies.push(format!("{COOKIE}={token}"));
    }
    Ok(cookies)
}
