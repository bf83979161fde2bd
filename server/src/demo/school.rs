//! Demo school: Szkoła Podstawowa nr 1 with classes 1a–8b in the school year around the
//! day the demo is loaded, about 20 pupils a class, a teacher per subject, and the grades
//! of classes 5a, 6a and 6b from the start of the year to today. Tomasz Nauczyciel
//! teaches mathematics in 5a, 6a and 6b and is the form teacher of 6b; Ola Nowak is in
//! 6b with two guardians (Anna and Piotr Nowak); Anna's son Staś is in 4a.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use models::auth::Role;
use models::school::{Category, Mark, Modifier};
use sqlx::{AnyConnection, Row};

use crate::auth::second_factor::enrol_confirmed;
use crate::db::{Db, new_id, values_placeholders};
use crate::school::structure::{
    add_class, add_school, add_subject, add_year, assign, enrol, year_around,
};
use crate::time_fmt::{now_ms, parse_warsaw_local, today};

mod load;
mod timetable;

pub use load::load_school;

const FIRST_NAMES: [&str; 24] = [
    "Zuzanna",
    "Jakub",
    "Julia",
    "Antoni",
    "Maja",
    "Jan",
    "Zofia",
    "Szymon",
    "Hanna",
    "Franciszek",
    "Lena",
    "Filip",
    "Alicja",
    "Aleksander",
    "Maria",
    "Mikołaj",
    "Amelia",
    "Wojciech",
    "Oliwia",
    "Kacper",
    "Natalia",
    "Adam",
    "Pola",
    "Michał",
];
const SURNAMES: [&str; 20] = [
    "Wójcik",
    "Kowalczyk",
    "Mazur",
    "Krawczyk",
    "Kaczmarek",
    "Zając",
    "Król",
    "Wróbel",
    "Dudek",
    "Adamczyk",
    "Pawlak",
    "Sikora",
    "Baran",
    "Michalak",
    "Szewczyk",
    "Pietrzak",
    "Jabłoński",
    "Marciniak",
    "Czarnecki",
    "Sadowski",
];

/// Subjects in the school's order, and the levels (1–8) each is taught at.
const SUBJECTS: [(&str, u8, u8); 16] = [
    ("Edukacja wczesnoszkolna", 1, 3),
    ("Język polski", 4, 8),
    ("Matematyka", 4, 8),
    ("Język angielski", 1, 8),
    ("Przyroda", 4, 4),
    ("Biologia", 5, 8),
    ("Geografia", 5, 8),
    ("Historia", 4, 8),
    ("Fizyka", 7, 8),
    ("Chemia", 7, 8),
    ("Muzyka", 4, 7),
    ("Plastyka", 4, 7),
    ("Technika", 4, 6),
    ("Informatyka", 4, 8),
    ("Wychowanie fizyczne", 4, 8),
    ("Religia", 1, 8),
];

/// (e-mail, name, subjects they teach), the first teacher of a subject takes it.
const TEACHERS: [(&str, &str, &[&str]); 18] = [
    (
        "e.rachunek@sp1.example.pl",
        "Ewa Rachunek",
        &["Matematyka", "Fizyka"],
    ),
    (
        "m.polonska@sp1.example.pl",
        "Magdalena Polońska",
        &["Język polski"],
    ),
    (
        "k.brown@sp1.example.pl",
        "Katarzyna Brown",
        &["Język angielski"],
    ),
    (
        "a.lesna@sp1.example.pl",
        "Agnieszka Leśna",
        &["Przyroda", "Biologia"],
    ),
    ("p.mapa@sp1.example.pl", "Paweł Mapa", &["Geografia"]),
    ("j.dziejowy@sp1.example.pl", "Jerzy Dziejowy", &["Historia"]),
    ("b.kolba@sp1.example.pl", "Barbara Kolba", &["Chemia"]),
    (
        "r.nuta@sp1.example.pl",
        "Robert Nuta",
        &["Muzyka", "Plastyka"],
    ),
    (
        "s.majster@sp1.example.pl",
        "Stanisław Majster",
        &["Technika", "Informatyka"],
    ),
    (
        "l.biegowa@sp1.example.pl",
        "Lidia Biegowa",
        &["Wychowanie fizyczne"],
    ),
    ("ks.dobry@sp1.example.pl", "ks. Marek Dobry", &["Religia"]),
    (
        "i.elementarz@sp1.example.pl",
        "Irena Elementarz",
        &["Edukacja wczesnoszkolna"],
    ),
    // Each class 1–3 has its own teacher of early education, its form teacher (below),
    // and the younger classes their own English teacher: nobody teaches two classes at once.
    ("h.literka@sp1.example.pl", "Halina Literka", &[]),
    ("z.kredka@sp1.example.pl", "Zofia Kredka", &[]),
    ("t.abecadlo@sp1.example.pl", "Teresa Abecadło", &[]),
    ("d.liczyk@sp1.example.pl", "Dorota Liczyk", &[]),
    ("j.tabliczka@sp1.example.pl", "Jolanta Tabliczka", &[]),
    ("m.slowko@sp1.example.pl", "Monika Słówko", &[]),
];

/// The teacher of early education (and form teacher) of each class 1–3.
const EARLY: [(&str, &str); 6] = [
    ("1a", "h.literka@sp1.example.pl"),
    ("1b", "z.kredka@sp1.example.pl"),
    ("2a", "i.elementarz@sp1.example.pl"),
    ("2b", "t.abecadlo@sp1.example.pl"),
    ("3a", "d.liczyk@sp1.example.pl"),
    ("3b", "j.tabliczka@sp1.example.pl"),
];
/// The English teacher of classes 1–3.
const YOUNG_ENGLISH: &str = "m.slowko@sp1.example.pl";
/// The teachers who are form teachers of classes 4–8 (the first twelve).
const SUBJECT_TEACHERS: usize = 12;

/// A demo teacher's account id by e-mail.
fn teacher_by_email<'t>(teachers: &'t [String], email: &str) -> &'t String {
    let i = TEACHERS.iter().position(|t| t.0 == email).unwrap_or(0);
    &teachers[i]
}

/// Classes whose grades the demo fills in.
pub(super) const GRADED: [&str; 3] = ["5a", "6a", "6b"];
/// What Tomasz Nauczyciel teaches.
const TOMASZ_MATHS: [&str; 3] = ["5a", "6a", "6b"];

/// The demo's people the school needs.
pub struct People<'a> {
    /// Tomasz Nauczyciel.
    pub teacher: &'a str,
    /// Ola Nowak.
    pub ola: &'a str,
    /// Anna Nowak.
    pub anna: &'a str,
    /// The one password hash of the demo.
    pub hash: &'a str,
}

/// A small deterministic generator, so every demo load is the same.
pub(super) struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Loads the school.
pub async fn seed(db: &Db, gmina: &str, people: &People<'_>) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let c: &mut AnyConnection = &mut tx;
    let school = add_school(
        c,
        gmina,
        "Szkoła Podstawowa nr 1 im. Marii Konopnickiej w Przykładowie",
    )
    .await?;
    let year = year_around(today());
    let [starts, term2, ends] = year.1;
    let year_id = add_year(c, gmina, &school, &year).await?;
    let term_ends = [term2.yesterday()?, ends];
    let mut subjects = vec![];
    for (i, (name, from, to)) in SUBJECTS.iter().enumerate() {
        subjects.push((
            *name,
            *from,
            *to,
            add_subject(c, gmina, &school, name, i as i64).await?,
        ));
    }
    // Religion is graded on the scale also in classes 1–3 (not a compulsory subject).
    sqlx::query("UPDATE subjects SET scale_in_early = 1 WHERE school_id = $1 AND name = 'Religia'")
        .bind(&school)
        .execute(&mut *c)
        .await?;
    let mut teachers = vec![];
    for (email, name, _) in TEACHERS {
        teachers.push(add_user(c, gmina, email, name, people.hash, Role::Teacher).await?);
    }
    // The school office keeps the pupils and guardians (and imports them from CSV).
    let office = add_user(
        c,
        gmina,
        "sekretariat@sp1.example.pl",
        "Barbara Sekretarz",
        people.hash,
        Role::SchoolAdmin,
    )
    .await?;
    sqlx::query("INSERT INTO school_admins (gmina_id, school_id, user_id) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(&school)
        .bind(&office)
        .execute(&mut *c)
        .await?;
    for teacher in teachers
        .iter()
        .map(String::as_str)
        .chain([people.teacher, office.as_str()])
    {
        enrol_confirmed(c, gmina, teacher, super::DEMO_TOTP_SECRET).await?;
    }
    let mut dice = Dice(0x005e_ed0f_5c01);
    let mut classes = vec![];
    for level in 1..=8u8 {
        for letter in ['a', 'b'] {
            let name = format!("{level}{letter}");
            let early = EARLY.iter().find(|(c, _)| *c == name).map(|(_, e)| *e);
            let form = if name == "6b" {
                people.teacher.to_owned()
            } else if let Some(email) = early {
                teacher_by_email(&teachers, email).clone()
            } else {
                teachers[(usize::from(level) * 2 + usize::from(letter == 'b')) % SUBJECT_TEACHERS]
                    .clone()
            };
            let class = add_class(c, gmina, &year_id, &name, Some(&form)).await?;
            let mut pupils = vec![];
            for n in 0..(18 + dice.below(6)) {
                let first = FIRST_NAMES[dice.below(24) as usize];
                let last = SURNAMES[dice.below(20) as usize];
                let email = format!("uczen.{name}.{n}@sp1.example.pl");
                pupils.push((format!("{last} {first}"), email));
            }
            let mut ids = bulk_pupils(c, gmina, &pupils, people.hash).await?;
            if name == "6b" {
                ids.push(people.ola.to_owned());
            }
            if name == "4a" {
                let stas = add_user(
                    c,
                    gmina,
                    "stas.nowak@example.pl",
                    "Staś Nowak",
                    people.hash,
                    Role::Pupil,
                )
                .await?;
                link(c, gmina, people.anna, &stas).await?;
                ids.push(stas);
            }
            sort_by_surname(c, &mut ids).await?;
            enrol(c, gmina, &class, &ids).await?;
            let mut taught = vec![];
            for (subject, from, to, id) in &subjects {
                if (*from..=*to).contains(&level) {
                    let teacher =
                        if *subject == "Matematyka" && TOMASZ_MATHS.contains(&name.as_str()) {
                            people.teacher.to_owned()
                        } else if *subject == "Edukacja wczesnoszkolna" {
                            form.clone()
                        } else if *subject == "Język angielski" && level <= 3 {
                            teacher_by_email(&teachers, YOUNG_ENGLISH).clone()
                        } else {
                            let t = TEACHERS
                                .iter()
                                .position(|t| t.2.contains(subject))
                                .unwrap_or(0);
                            teachers[t].clone()
                        };
                    assign(c, gmina, (&class, id, &teacher), term_ends).await?;
                    taught.push((*subject, id.clone(), teacher.clone()));
                    if GRADED.contains(&name.as_str()) {
                        grade(
                            c,
                            gmina,
                            (&class, id, &teacher),
                            &ids,
                            (starts, term2, today().min(ends)),
                            &mut dice,
                        )
                        .await?;
                    }
                }
            }
            classes.push(timetable::Class {
                id: class,
                name,
                level,
                pupils: ids,
                taught,
            });
        }
    }
    timetable::seed(
        c,
        gmina,
        &school,
        &classes,
        (starts, ends),
        people,
        &mut dice,
    )
    .await?;
    let piotr = add_user(
        c,
        gmina,
        "piotr.nowak@example.pl",
        "Piotr Nowak",
        people.hash,
        Role::Parent,
    )
    .await?;
    link(c, gmina, &piotr, people.ola).await?;
    correct_olas_first_quiz(c, gmina, people).await?;
    notices(c, gmina, &school, &classes, people).await?;
    tx.commit().await?;
    Ok(())
}

async fn add_user(
    c: &mut AnyConnection,
    gmina: &str,
    email: &str,
    name: &str,
    hash: &str,
    role: Role,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO users (id, gmina_id, email, full_name, password_hash, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(email)
    .bind(name)
    .bind(hash)
    .bind(now_ms())
    .execute(&mut *c)
    .await?;
    sqlx::query("INSERT INTO user_roles (gmina_id, user_id, role) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(&id)
        .bind(role.as_str())
        .execute(&mut *c)
        .await?;
    Ok(id)
}

pub(super) async fn link(
    c: &mut AnyConnection,
    gmina: &str,
    parent: &str,
    pupil: &str,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO parent_links (gmina_id, parent_id, pupil_id) VALUES ($1, $2, $3)")
        .bind(gmina)
        .bind(parent)
        .bind(pupil)
        .execute(&mut *c)
        .await?;
    Ok(())
}

/// Pupils (`Surname Name`, e-mail) with one statement per table; returns their ids.
pub(super) async fn bulk_pupils(
    c: &mut AnyConnection,
    gmina: &str,
    pupils: &[(String, String)],
    hash: &str,
) -> anyhow::Result<Vec<String>> {
    let ids: Vec<String> = pupils.iter().map(|_| new_id()).collect();
    let now = now_ms();
    let sql = format!(
        "INSERT INTO users (id, gmina_id, email, full_name, password_hash, created_at, updated_at) VALUES {}",
        values_placeholders(pupils.len(), 7)
    );
    let mut q = sqlx::query(&sql);
    for (id, (name, email)) in ids.iter().zip(pupils) {
        let (last, first) = name.split_once(' ').unwrap_or((name, ""));
        q = q
            .bind(id)
            .bind(gmina)
            .bind(email)
            .bind(format!("{first} {last}"))
            .bind(hash)
            .bind(now)
            .bind(now);
    }
    q.execute(&mut *c).await?;
    let sql = format!(
        "INSERT INTO user_roles (gmina_id, user_id, role) VALUES {}",
        values_placeholders(pupils.len(), 3)
    );
    let mut q = sqlx::query(&sql);
    for id in &ids {
        q = q.bind(gmina).bind(id).bind(Role::Pupil.as_str());
    }
    q.execute(&mut *c).await?;
    Ok(ids)
}

/// Orders pupils as the class register does: by surname, then name.
async fn sort_by_surname(c: &mut AnyConnection, ids: &mut [String]) -> anyhow::Result<()> {
    let mut named = vec![];
    for id in ids.iter() {
        let name: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *c)
            .await?;
        let (first, last) = name.rsplit_once(' ').unwrap_or(("", &name));
        named.push((format!("{last} {first}"), id.clone()));
    }
    named.sort();
    for (slot, (_, id)) in ids.iter_mut().zip(named) {
        *slot = id;
    }
    Ok(())
}

/// School days (Monday–Friday) from `from` to `to`, every `step`th.
fn school_days(from: Date, to: Date, step: usize) -> Vec<Date> {
    let mut days = vec![];
    let mut d = from;
    while d <= to {
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            days.push(d);
        }
        d = d.tomorrow().expect("a day in the year");
    }
    days.into_iter().skip(3).step_by(step.max(1)).collect()
}

/// Graded work for a class × subject from one day to another: a column about every eight
/// school days, rotating through the categories, a mark for most pupils.
pub(super) async fn grade(
    c: &mut AnyConnection,
    gmina: &str,
    (class, subject, teacher): (&str, &str, &str),
    pupils: &[String],
    (starts, term2, last): (Date, Date, Date),
    dice: &mut Dice,
) -> anyhow::Result<()> {
    let categories: Vec<(String, String)> = sqlx::query(
        "SELECT k.id, k.code FROM grade_categories k JOIN school_years y ON y.school_id = k.school_id \
         JOIN school_classes c ON c.year_id = y.id WHERE c.id = $1",
    )
    .bind(class)
    .fetch_all(&mut *c)
    .await?
    .iter()
    .map(|r| (r.get("id"), r.get("code")))
    .collect();
    let rotation = [
        Category::Quiz,
        Category::Homework,
        Category::Test,
        Category::Oral,
        Category::Activity,
        Category::Quiz,
    ];
    let offset = dice.below(4) as usize + 6;
    for (n, day) in school_days(starts, last, offset).into_iter().enumerate() {
        let category = rotation[n % rotation.len()];
        let Some((category_id, _)) = categories
            .iter()
            .find(|(_, code)| code == category.as_str())
        else {
            continue;
        };
        let column = new_id();
        let term: i64 = if day < term2 { 1 } else { 2 };
        let at = parse_warsaw_local(&format!("{day}T14:30")).unwrap_or_else(now_ms);
        sqlx::query(
            "INSERT INTO grade_columns (id, gmina_id, class_id, subject_id, term, kind, category_id, title, \
             on_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, 'regular', $6, $7, $8, $9, $10)",
        )
        .bind(&column)
        .bind(gmina)
        .bind(class)
        .bind(subject)
        .bind(term)
        .bind(category_id)
        .bind(title(category, n))
        .bind(day.to_string())
        .bind(teacher)
        .bind(at)
        .execute(&mut *c)
        .await?;
        let mut rows = vec![];
        for (i, pupil) in pupils.iter().enumerate() {
            if dice.below(10) == 0 {
                continue;
            }
            let ability = 2 + (i * 7 + subject.len()) % 4;
            rows.push((pupil, demo_mark(category, ability as u8, dice).as_text()));
        }
        insert_grades(c, gmina, &column, teacher, at, &rows).await?;
    }
    Ok(())
}

fn title(category: Category, n: usize) -> String {
    let what = match category {
        Category::Test => "Sprawdzian",
        Category::Quiz => "Kartkówka",
        Category::Homework => "Praca domowa",
        Category::Oral => "Odpowiedź ustna",
        Category::Activity => "Aktywność",
    };
    format!("{what} {}", n / 6 + 1)
}

fn demo_mark(category: Category, ability: u8, dice: &mut Dice) -> Mark {
    if category == Category::Activity {
        return if dice.below(4) == 0 {
            Mark::ActivityMinus
        } else {
            Mark::ActivityPlus
        };
    }
    if matches!(category, Category::Homework | Category::Quiz) && dice.below(25) == 0 {
        return if category == Category::Homework {
            Mark::NoHomework
        } else {
            Mark::Unprepared
        };
    }
    let value = (i64::from(ability) + dice.below(3) as i64 - 1).clamp(1, 6) as u8;
    let modifier = match dice.below(5) {
        0 if value < 6 => Modifier::Plus,
        1 if value > 1 => Modifier::Minus,
        _ => Modifier::None,
    };
    Mark::Grade(value, modifier)
}

/// Grades of one column with their first version, one statement per table.
async fn insert_grades(
    c: &mut AnyConnection,
    gmina: &str,
    column: &str,
    teacher: &str,
    at: i64,
    rows: &[(&String, String)],
) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = rows.iter().map(|_| new_id()).collect();
    let sql = format!(
        "INSERT INTO grades (id, gmina_id, column_id, pupil_id, mark, comment, revision, changed_by, changed_at) VALUES {}",
        values_placeholders(rows.len(), 9)
    );
    let mut q = sqlx::query(&sql);
    for (id, (pupil, mark)) in ids.iter().zip(rows) {
        q = q
            .bind(id)
            .bind(gmina)
            .bind(column)
            .bind(*pupil)
            .bind(mark)
            .bind("")
            .bind(1i64)
            .bind(teacher)
            .bind(at);
    }
    q.execute(&mut *c).await?;
    let sql = format!(
        "INSERT INTO grade_changes (grade_id, gmina_id, pupil_id, revision, mark, comment, changed_by, changed_at) VALUES {}",
        values_placeholders(rows.len(), 8)
    );
    let mut q = sqlx::query(&sql);
    for (id, (pupil, mark)) in ids.iter().zip(rows) {
        q = q
            .bind(id)
            .bind(gmina)
            .bind(*pupil)
            .bind(1i64)
            .bind(mark)
            .bind("")
            .bind(teacher)
            .bind(at);
    }
    q.execute(&mut *c).await?;
    Ok(())
}

/// Ola rewrote her first mathematics quiz (poprawa): the grade changed a week later and
/// both versions stay.
async fn correct_olas_first_quiz(
    c: &mut AnyConnection,
    gmina: &str,
    people: &People<'_>,
) -> anyhow::Result<()> {
    let row = sqlx::query(
        "SELECT g.id, g.revision, c.on_date FROM grades g JOIN grade_columns c ON c.id = g.column_id \
         JOIN subjects s ON s.id = c.subject_id \
         WHERE g.gmina_id = $1 AND g.pupil_id = $2 AND s.name = 'Matematyka' AND c.kind = 'regular' \
         AND c.title LIKE 'Kartkówka%' ORDER BY c.on_date LIMIT 1",
    )
    .bind(gmina)
    .bind(people.ola)
    .fetch_optional(&mut *c)
    .await?;
    let Some(row) = row else { return Ok(()) };
    let id: String = row.get("id");
    let on: String = row.get("on_date");
    let day: Date = on.parse()?;
    let at =
        parse_warsaw_local(&format!("{}T15:10", day.checked_add(7.days())?)).unwrap_or_else(now_ms);
    sqlx::query("UPDATE grades SET mark = '2', comment = '' , revision = 1 WHERE id = $1")
        .bind(&id)
        .execute(&mut *c)
        .await?;
    sqlx::query("UPDATE grade_changes SET mark = '2' WHERE grade_id = $1 AND revision = 1")
        .bind(&id)
        .execute(&mut *c)
        .await?;
    let comment = "Poprawa kartkówki";
    sqlx::query(
        "UPDATE grades SET mark = '4+', comment = $1, revision = 2, changed_at = $2 WHERE id = $3",
    )
    .bind(comment)
    .bind(at)
    .bind(&id)
    .execute(&mut *c)
    .await?;
    sqlx::query(
        "INSERT INTO grade_changes (grade_id, gmina_id, pupil_id, revision, mark, comment, changed_by, changed_at) \
         VALUES ($1, $2, $3, 2, '4+', $4, $5, $6)",
    )
    .bind(&id)
    .bind(gmina)
    .bind(people.ola)
    .bind(comment)
    .bind(people.teacher)
    .bind(at)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// The demo's notices: one to the school, one to the sixth classes, one to 6b.
async fn notices(
    c: &mut AnyConnection,
    gmina: &str,
    school: &str,
    classes: &[timetable::Class],
    people: &People<'_>,
) -> anyhow::Result<()> {
    let six_b = classes
        .iter()
        .find(|k| k.name == "6b")
        .map(|k| k.id.clone());
    let day = 86_400_000;
    for (audience, class, level, title, body, ago) in [
        (
            "school",
            None,
            None,
            "Zebrania z rodzicami",
            "Zapraszamy na zebrania z rodzicami we wtorek o 17:00. Wychowawcy przedstawią oceny przewidywane.",
            6 * day,
        ),
        (
            "level",
            None,
            Some(6i64),
            "Wycieczka klas szóstych do Krakowa",
            "Wyjazd w piątek o 7:30 spod szkoły, powrót ok. 19:00. Zgody rodziców do środy.",
            3 * day,
        ),
        (
            "class",
            six_b.clone(),
            None,
            "Sprawdzian z ułamków",
            "W przyszłym tygodniu sprawdzian z ułamków zwykłych i dziesiętnych. Proszę powtórzyć działy 3 i 4.",
            day,
        ),
    ] {
        sqlx::query(
            "INSERT INTO notices (id, gmina_id, school_id, audience, class_id, level, title, body, author_id, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(school)
        .bind(audience)
        .bind(class)
        .bind(level)
        .bind(title)
        .bind(body)
        .bind(people.teacher)
        .bind(now_ms() - ago)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}
