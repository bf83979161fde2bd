//! Demo taxes and fees for Gmina Przykładowo: Anna (property tax, waste fee) and Jan
//! (property tax, vehicle tax, waste fee) over the last three years. Everything due up to
//! the day the demo is loaded is paid on time, except: Jan's second vehicle tax instalment
//! of last year was paid 45 days late (with interest), and some of this year's are unpaid,
//! so the ledgers show arrears with interest today. Rates are sample council rates.

use anyhow::Context;
use models::taxes::ledger::{LiabilityKind, TaxObject};
use models::taxes::{self, Day};
use sqlx::AnyConnection;

use crate::db::{Db, new_id};
use crate::taxes::ledger::{NewPayment, record_payment};
use crate::time_fmt::{now_ms, today};

/// The council's waste-fee schedule (month, day) and the dog fee's.
const WASTE_SCHEDULE: [(u8, u8); 4] = [(3, 15), (5, 15), (9, 15), (11, 15)];
const DOG_SCHEDULE: [(u8, u8); 1] = [(3, 15)];

fn object(description: &str, base: &str, unit: &str, rate: i64, amount: i64) -> TaxObject {
    TaxObject {
        description: description.to_owned(),
        base: base.to_owned(),
        unit: unit.to_owned(),
        rate,
        amount,
    }
}

/// (kind, objects) of a taxpayer's liabilities in a year.
fn liabilities(who: &str, year: i32) -> Vec<(LiabilityKind, Vec<TaxObject>)> {
    let step = i64::from(year - 2024);
    match who {
        "anna" => vec![
            (
                LiabilityKind::Property,
                vec![
                    object(
                        "Budynek mieszkalny, ul. Lipowa 5",
                        "142.00",
                        "m2",
                        115 + 4 * step,
                        142 * (115 + 4 * step),
                    ),
                    object(
                        "Grunt pod budynkiem, ul. Lipowa 5",
                        "820.00",
                        "m2",
                        61 + 2 * step,
                        820 * (61 + 2 * step),
                    ),
                ],
            ),
            (
                LiabilityKind::Waste,
                vec![object(
                    "Gospodarstwo domowe, 2 osoby",
                    "24",
                    "person_month",
                    3300 + 200 * step,
                    24 * (3300 + 200 * step),
                )],
            ),
        ],
        _ => vec![
            (
                LiabilityKind::Property,
                vec![object(
                    "Lokal mieszkalny, ul. Polna 12/4",
                    "54.30",
                    "m2",
                    115 + 4 * step,
                    5430 * (115 + 4 * step) / 100,
                )],
            ),
            (
                LiabilityKind::Vehicle,
                vec![object(
                    "Ciągnik siodłowy, DMC 40 t, 3 osie, PZ 1234X",
                    "1",
                    "vehicle",
                    290_000 + 10_000 * step,
                    290_000 + 10_000 * step,
                )],
            ),
            (
                LiabilityKind::Waste,
                vec![object(
                    "Gospodarstwo domowe, 1 osoba",
                    "12",
                    "person_month",
                    3300 + 200 * step,
                    12 * (3300 + 200 * step),
                )],
            ),
        ],
    }
}

async fn taxpayer(
    conn: &mut AnyConnection,
    gmina: &str,
    user_email: &str,
    name: &str,
    number: u64,
) -> anyhow::Result<(String, String)> {
    let id = new_id();
    let nrb = taxes::nrb_for(BANK_PREFIX, ACCOUNT_PREFIX, number).context("demo account")?;
    sqlx::query(
        "INSERT INTO taxpayers (id, gmina_id, number, kind, name, nrb, created_at) \
         VALUES ($1, $2, $3, 'person', $4, $5, $6)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(number as i64)
    .bind(name)
    .bind(&nrb)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO taxpayer_access (gmina_id, taxpayer_id, user_id, relation, calendar_token) \
         SELECT $1, $2, id, 'self', $3 FROM users WHERE gmina_id = $1 AND email = $4",
    )
    .bind(gmina)
    .bind(&id)
    .bind(crate::auth::session::new_token()?)
    .bind(user_email)
    .execute(&mut *conn)
    .await?;
    Ok((id, nrb))
}

/// How late the one late payment was.
const LATE_DAYS: i64 = 45;

/// The demo bank's routing number and the gmina's account prefix.
const BANK_PREFIX: &str = "10901014";
const ACCOUNT_PREFIX: &str = "0000";

/// Loads the demo ledgers.
pub async fn seed(db: &Db, gmina: &str) -> anyhow::Result<()> {
    let mut conn = db.pool.acquire().await?;
    let schedule = |s: &[(u8, u8)]| serde_json::to_string(s);
    sqlx::query(
        "INSERT INTO tax_settings (gmina_id, bank_prefix, account_prefix, recipient, recipient_nip, \
         waste_schedule, dog_schedule, next_number) VALUES ($1, $2, $3, $4, '', $5, $6, 2)",
    )
    .bind(gmina)
    .bind(BANK_PREFIX)
    .bind(ACCOUNT_PREFIX)
    .bind("Gmina Przykładowo")
    .bind(schedule(&WASTE_SCHEDULE)?)
    .bind(schedule(&DOG_SCHEDULE)?)
    .execute(&mut *conn)
    .await?;
    let now = Day::parse(&today().to_string()).context("today")?;
    let this_year = now.year();
    for (who, email, name, number) in [
        ("anna", "anna.nowak@example.pl", "Anna Nowak", 1),
        ("jan", "jan.kowalski@example.pl", "Jan Kowalski", 2),
    ] {
        let (id, nrb) = taxpayer(&mut conn, gmina, email, name, number).await?;
        let mut due: Vec<(String, Day, i64, bool, String)> = vec![];
        for year in this_year - 2..=this_year {
            for (kind, objects) in liabilities(who, year) {
                let total: i64 = objects.iter().map(|o| o.amount).sum();
                let amount = match kind {
                    LiabilityKind::Waste | LiabilityKind::Dog => total,
                    _ => taxes::round_to_zloty(total),
                };
                let council: &[(u8, u8)] = match kind {
                    LiabilityKind::Waste => &WASTE_SCHEDULE,
                    LiabilityKind::Dog => &DOG_SCHEDULE,
                    _ => &[],
                };
                let plan = taxes::schedule(kind, year, amount, council);
                let assessment = new_id();
                sqlx::query(
                    "INSERT INTO tax_assessments (id, gmina_id, taxpayer_id, year, kind, \
                     decision_number, decision_date, amount, objects, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&assessment)
                .bind(gmina)
                .bind(&id)
                .bind(i64::from(year))
                .bind(kind.as_str())
                .bind(format!("FN.3120.{number}.{year}.{}", kind.as_str()))
                .bind(format!("{year}-02-10"))
                .bind(amount)
                .bind(serde_json::to_string(&objects)?)
                .bind(now_ms())
                .execute(&mut *conn)
                .await?;
                for instalment in plan {
                    let instalment_id = new_id();
                    sqlx::query(
                        "INSERT INTO tax_instalments (id, gmina_id, assessment_id, taxpayer_id, \
                         number, due_on, amount) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(&instalment_id)
                    .bind(gmina)
                    .bind(&assessment)
                    .bind(&id)
                    .bind(i64::from(instalment.number))
                    .bind(instalment.due.to_string())
                    .bind(instalment.amount)
                    .execute(&mut *conn)
                    .await?;
                    // Unpaid: Anna's last property tax instalment of last year and last waste
                    // instalment of this year; Jan's second vehicle tax instalment and last
                    // property tax instalment of this year.
                    let unpaid = match (who, kind) {
                        ("anna", LiabilityKind::Waste) => {
                            year == this_year && instalment.number == 4
                        }
                        ("anna", LiabilityKind::Property) => {
                            year == this_year - 1 && instalment.number == 4
                        }
                        ("jan", LiabilityKind::Vehicle) => {
                            year == this_year && instalment.number == 2
                        }
                        ("jan", LiabilityKind::Property) => {
                            year == this_year && instalment.number == 4
                        }
                        _ => false,
                    };
                    // Late: Jan's second vehicle tax instalment of last year, 45 days late.
                    let late = who == "jan"
                        && kind == LiabilityKind::Vehicle
                        && year == this_year - 1
                        && instalment.number == 2;
                    if !unpaid && instalment.due <= now {
                        let paid_on = if late {
                            instalment.due.add_days(LATE_DAYS)
                        } else {
                            instalment.due
                        };
                        due.push((
                            nrb.clone(),
                            paid_on,
                            instalment.amount,
                            late,
                            instalment_id.clone(),
                        ));
                    }
                }
            }
        }
        // Payments in date order, each allocated as of its day.
        due.sort_by_key(|(_, day, _, _, _)| *day);
        for (n, (nrb, paid_on, amount, late, instalment)) in due.into_iter().enumerate() {
            let with_interest = if late {
                amount + taxes::interest(amount, paid_on.add_days(-LATE_DAYS), paid_on)
            } else {
                amount
            };
            let reference = format!("demo-{who}-{n}");
            let payment = NewPayment {
                gmina,
                taxpayer: Some(&id),
                nrb: &nrb,
                amount: with_interest,
                paid_on,
                source: "statement",
                external_ref: &reference,
                payer: name,
                title: "Podatki i opłaty",
                designated: Some(&instalment),
                statement: None,
            };
            record_payment(&mut conn, &payment).await?;
        }
    }
    Ok(())
}
