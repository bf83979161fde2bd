//! The timetable as the school office keeps it: a class's weekly lessons (subject,
//! teacher, room in a weekday × period slot of the school's bell) and the changes of
//! given dates — a substitution by another teacher or a cancellation.

use serde::{Deserialize, Serialize};

use super::admin::{AdminClass, TeacherChoice};
use super::timetable::{Change, Week};
use crate::error::FieldError;
use crate::validate::FieldErrors;

/// A period of the school's bell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BellPeriod {
    /// From 1.
    pub period: u32,
    /// `08:00`.
    pub starts: String,
    /// `08:45`.
    pub ends: String,
}

/// A lesson of the weekly timetable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanSlot {
    /// The lesson's id.
    pub id: String,
    /// 1 = Monday … 5 = Friday.
    pub weekday: u32,
    /// Period of the bell.
    pub period: u32,
    /// Subject id.
    pub subject_id: String,
    /// Subject name.
    pub subject_name: String,
    /// Who teaches it.
    pub teacher_name: String,
    /// Room.
    pub room: String,
}

/// A subject taught in the class, with its teacher (what a slot can hold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanSubject {
    /// Subject id.
    pub subject_id: String,
    /// Subject name.
    pub subject_name: String,
    /// Its teacher in the class.
    pub teacher_name: String,
}

/// `GET /api/school/admin/classes/{class}/timetable?week=`: the class's weekly
/// timetable, its lessons of one week with their changes, and what the forms pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassPlan {
    /// The class.
    pub class: AdminClass,
    /// The school's bell.
    pub bell: Vec<BellPeriod>,
    /// The weekly lessons by weekday and period.
    pub slots: Vec<PlanSlot>,
    /// The subjects taught in the class.
    pub subjects: Vec<PlanSubject>,
    /// The week asked for: each lesson on its date, with its substitution or cancellation.
    pub week: Week,
    /// The gmina's teachers (substitutes).
    pub teachers: Vec<TeacherChoice>,
}

/// `PUT /api/school/admin/classes/{class}/timetable/{weekday}/{period}`: what the slot
/// holds — a subject taught in the class (its teacher comes with it), or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotForm {
    /// The subject; `None` leaves the slot free.
    pub subject_id: Option<String>,
    /// Room, e.g. `12` or `sala gimnastyczna`.
    #[serde(default)]
    pub room: String,
}

/// `PUT /api/school/admin/lessons/{lesson}/changes/{date}`: a lesson on one date taken
/// by another teacher or not held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeForm {
    /// A substitution or a cancellation.
    pub kind: Change,
    /// The substitute (a substitution only).
    pub teacher_id: Option<String>,
    /// What families read with it, e.g. `Klasa idzie do domu po 4. lekcji`.
    #[serde(default)]
    pub note: String,
}

/// The longest room name.
pub const MAX_ROOM: usize = 30;
/// The longest note on a change.
pub const MAX_NOTE: usize = 200;

/// Checks a slot's form: a room of at most [`MAX_ROOM`] characters.
pub fn check_slot(form: &SlotForm) -> FieldErrors {
    let mut problems = FieldErrors::new();
    if form.room.trim().chars().count() > MAX_ROOM {
        problems.insert("room".into(), FieldError::TooLong);
    }
    problems
}

/// Checks a change's form: a substitution names its teacher; a note of at most
/// [`MAX_NOTE`] characters.
pub fn check_change(form: &ChangeForm) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let teacher = form.teacher_id.as_deref().filter(|t| !t.is_empty());
    if form.kind == Change::Substitution && teacher.is_none() {
        problems.insert("teacher_id".into(), FieldError::Required);
    }
    if form.note.trim().chars().count() > MAX_NOTE {
        problems.insert("note".into(), FieldError::TooLong);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_substitution_needs_its_teacher_and_a_cancellation_does_not() {
        let form = |kind, teacher: Option<&str>| ChangeForm {
            kind,
            teacher_id: teacher.map(str::to_owned),
            note: String::new(),
        };
        let sub = check_change(&form(Change::Substitution, None));
        assert_eq!(sub.get("teacher_id"), Some(&FieldError::Required));
        assert_eq!(check_change(&form(Change::Substitution, Some(""))).len(), 1);
        assert!(check_change(&form(Change::Substitution, Some("t"))).is_empty());
        assert!(check_change(&form(Change::Cancelled, None)).is_empty());
    }

    #[test]
    fn long_rooms_and_notes_are_refused() {
        let slot = SlotForm {
            subject_id: None,
            room: "x".repeat(MAX_ROOM + 1),
        };
        assert_eq!(check_slot(&slot).get("room"), Some(&FieldError::TooLong));
        let change = ChangeForm {
            kind: Change::Cancelled,
            teacher_id: None,
            note: "ż".repeat(MAX_NOTE),
        };
        assert!(check_change(&change).is_empty());
        let change = ChangeForm {
            note: "ż".repeat(MAX_NOTE + 1),
            ..change
        };
        assert_eq!(
            check_change(&change).get("note"),
            Some(&FieldError::TooLong)
        );
    }
}
