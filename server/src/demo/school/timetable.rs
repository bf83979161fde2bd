//! The demo school's week: the bell, a timetable for every class (each teacher in one
//! place at a time where the week allows), a substitution and a cancellation in 6b on the
//! next school day, and 6b's attendance from the first day to yesterday — Ola was ill
//! last Monday (not excused yet) and had an earlier day excused by her mother.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use std::collections::HashSet;

use sqlx::AnyConnection;

use super::{Dice, People};
use crate::db::{new_id, values_placeholders};
use crate::time_fmt::{now_ms, parse_warsaw_local, today};

/// A class as the demo built it.
pub struct Class {
    /// Class id.
    pub id: String,
    /// e.g. `6b`.
    pub name: String,
    /// 1–8.
    pub level: u8,
    /// Pupils by number.
    pub pupils: Vec<String>,
    /// (subject name, subject id, teacher id).
    pub taught: Vec<(&'static str, String, String)>,
}

/// Lessons a week of a subject at a level (after the MEN framework timetable, rounded).
fn hours(subject: &str, level: u8) -> usize {
    match (subject, level) {
        ("Edukacja wczesnoszkolna", _) => 16,
        ("Język polski", 4..=6) => 5,
        ("Język polski", _) => 4,
        ("Matematyka", _) => 4,
        ("Język angielski", 1..=3) => 2,
        ("Język angielski", _) => 3,
        ("Przyroda", _) => 3,
        ("Biologia", 7..=8) | ("Geografia", 7..=8) => 2,
        ("Fizyka", _) | ("Chemia", _) | ("Historia", _) | ("Religia", _) => 2,
        ("Wychowanie fizyczne", _) => 4,
        _ => 1,
    }
}

/// Loads the bell, the timetable, today's changes in 6b and 6b's attendance.
pub async fn seed(
    c: &mut AnyConnection,
    gmina: &str,
    school: &str,
    classes: &[Class],
    (starts, ends): (Date, Date),
    people: &People<'_>,
    dice: &mut Dice,
) -> anyhow::Result<()> {
    crate::school::structure::add_bell(c, gmina, school).await?;
    // (teacher, weekday, period) already taken.
    let mut busy: HashSet<(String, i64, i64)> = HashSet::new();
    let mut six_b = vec![];
    for class in classes {
        let mut queue: Vec<(&str, &String, &String)> = vec![];
        for (subject, id, teacher) in &class.taught {
            for _ in 0..hours(subject, class.level) {
                queue.push((subject, id, teacher));
            }
        }
        // Spread each subject over the week: interleave by taking every subject in turn.
        queue.sort_by_key(|(s, _, _)| *s);
        let mut spread = vec![];
        let mut k = 0;
        while !queue.is_empty() {
            let i = k % queue.len();
            spread.push(queue.remove(i));
            k += 3;
        }
        // The class's days as short as they can be: the first periods first, later ones
        // only where the teacher is taken; a teacher is never booked twice at one time.
        let per_day = spread.len().div_ceil(5) as i64;
        let mut free: Vec<(i64, i64)> = (1..=5)
            .flat_map(|d| {
                (1..=crate::school::structure::DEFAULT_BELL.len() as i64).map(move |p| (d, p))
            })
            .collect();
        free.sort_by_key(|(d, p)| (*p > per_day, *p, *d));
        for (n, (subject, id, teacher)) in spread.into_iter().enumerate() {
            let Some(pick) = free
                .iter()
                .position(|(d, p)| !busy.contains(&(teacher.clone(), *d, *p)))
            else {
                continue;
            };
            let (day, period) = free.remove(pick);
            busy.insert((teacher.clone(), day, period));
            let lesson = new_id();
            let room = if subject == "Wychowanie fizyczne" {
                "sala gimnastyczna".to_owned()
            } else {
                format!("{}", 10 + (class.level as usize * 3 + n % 3))
            };
            sqlx::query(
                "INSERT INTO lessons (id, gmina_id, class_id, subject_id, teacher_id, weekday, period, room) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&lesson)
            .bind(gmina)
            .bind(&class.id)
            .bind(id)
            .bind(teacher)
            .bind(day)
            .bind(period)
            .bind(room)
            .execute(&mut *c)
            .await?;
            if class.name == "6b" {
                six_b.push((lesson, day, period, teacher.clone(), subject));
            }
        }
    }
    let Some(class) = classes.iter().find(|c| c.name == "6b") else {
        return Ok(());
    };
    changes(c, gmina, &six_b, people, &busy).await?;
    attendance(c, gmina, class, &six_b, (starts, ends), people, dice).await
}

/// The next school day from today (today if it is one).
fn next_school_day(from: Date) -> Date {
    let mut d = from;
    while matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
        d = d.tomorrow().expect("a day");
    }
    d
}

async fn changes(
    c: &mut AnyConnection,
    gmina: &str,
    six_b: &[(String, i64, i64, String, &str)],
    people: &People<'_>,
    busy: &HashSet<(String, i64, i64)>,
) -> anyhow::Result<()> {
    let day = next_school_day(today());
    let weekday = i64::from(day.weekday().to_monday_one_offset());
    let mut of_day: Vec<_> = six_b.iter().filter(|l| l.1 == weekday).collect();
    of_day.sort_by_key(|l| l.2);
    // The last lesson is cancelled; one not Tomasz's, at a time he has none, is covered by him.
    if let Some(last) = of_day.last() {
        insert_change(
            c,
            gmina,
            &last.0,
            day,
            "cancelled",
            None,
            "Wycieczka klasy 6a — nauczyciel jest opiekunem.",
        )
        .await?;
    }
    let free = |l: &&&(String, i64, i64, String, &str)| {
        l.3 != people.teacher && !busy.contains(&(people.teacher.to_owned(), l.1, l.2))
    };
    if let Some(other) = of_day.iter().rev().skip(1).find(free) {
        insert_change(
            c,
            gmina,
            &other.0,
            day,
            "substitution",
            Some(people.teacher),
            "Zastępstwo za nieobecnego nauczyciela.",
        )
        .await?;
    }
    Ok(())
}

async fn insert_change(
    c: &mut AnyConnection,
    gmina: &str,
    lesson: &str,
    day: Date,
    kind: &str,
    teacher: Option<&str>,
    note: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO lesson_changes (gmina_id, lesson_id, on_date, kind, teacher_id, note) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(gmina)
    .bind(lesson)
    .bind(day.to_string())
    .bind(kind)
    .bind(teacher)
    .bind(note)
    .execute(&mut *c)
    .await?;
    Ok(())
}

/// 6b's registers from the first day to yesterday.
async fn attendance(
    c: &mut AnyConnection,
    gmina: &str,
    class: &Class,
    six_b: &[(String, i64, i64, String, &str)],
    (starts, ends): (Date, Date),
    people: &People<'_>,
    dice: &mut Dice,
) -> anyhow::Result<()> {
    let last = today().yesterday()?.min(ends);
    let ill = last_monday(today());
    let excused_day = ill.checked_sub(21.days())?;
    let mut rows: Vec<(String, String, String, &'static str, String, i64)> = vec![];
    let mut day = starts;
    while day <= last {
        let weekday = i64::from(day.weekday().to_monday_one_offset());
        let at = parse_warsaw_local(&format!("{day}T08:10")).unwrap_or_else(now_ms);
        for (lesson, _, _, teacher, _) in six_b.iter().filter(|l| l.1 == weekday) {
            for pupil in &class.pupils {
                let status = if pupil == people.ola {
                    if day == ill {
                        "absent"
                    } else if day == excused_day {
                        "excused"
                    } else {
                        "present"
                    }
                } else {
                    match dice.below(60) {
                        0 | 1 => "absent",
                        2 => "late",
                        3 => "excused",
                        _ => "present",
                    }
                };
                rows.push((
                    lesson.clone(),
                    day.to_string(),
                    pupil.clone(),
                    status,
                    teacher.clone(),
                    at,
                ));
            }
        }
        day = day.tomorrow()?;
    }
    for chunk in rows.chunks(100) {
        let sql = format!(
            "INSERT INTO attendance (gmina_id, lesson_id, on_date, pupil_id, status, taken_by, taken_at) VALUES {}",
            values_placeholders(chunk.len(), 7)
        );
        let mut q = sqlx::query(&sql);
        for (lesson, date, pupil, status, teacher, at) in chunk {
            q = q
                .bind(gmina)
                .bind(lesson)
                .bind(date)
                .bind(pupil)
                .bind(*status)
                .bind(teacher)
                .bind(*at);
        }
        q.execute(&mut *c).await?;
    }
    // The excuse Anna sent for the earlier day, accepted by the form teacher.
    if excused_day >= starts {
        let at = parse_warsaw_local(&format!("{}T19:00", excused_day.checked_add(1.days())?))
            .unwrap_or_else(now_ms);
        sqlx::query(
            "INSERT INTO excuses (id, gmina_id, pupil_id, class_id, from_date, to_date, reason, submitted_by, \
             submitted_at, status, decided_by, decided_at, note) \
             VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, 'accepted', $9, $10, '')",
        )
        .bind(new_id())
        .bind(gmina)
        .bind(people.ola)
        .bind(&class.id)
        .bind(excused_day.to_string())
        .bind("Wizyta u lekarza specjalisty.")
        .bind(people.anna)
        .bind(at)
        .bind(people.teacher)
        .bind(at + 3600 * 1000)
        .execute(&mut *c)
        .await?;
    }
    Ok(())
}

/// The Monday before this week's (so a whole week ago or more).
fn last_monday(day: Date) -> Date {
    let monday = crate::school::timetable::monday_of(day);
    monday.checked_sub(7.days()).unwrap_or(monday)
}
