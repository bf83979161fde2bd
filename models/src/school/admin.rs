//! The school office's (sekretariat's) side: the classes of its school with their
//! pupils and guardians, the CSV import that enrols pupils and links guardians, and the
//! structure it keeps — subjects, classes, form teachers, who teaches what, and moving
//! a pupil to another class.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::validate::FieldErrors;

/// A class as the office sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminClass {
    /// Class id.
    pub id: String,
    /// e.g. `6b`.
    pub name: String,
    /// The school.
    pub school_name: String,
    /// e.g. `2026/2027`.
    pub year_name: String,
    /// The form teacher's name.
    pub form_teacher: Option<String>,
    /// Pupils enrolled.
    pub pupils: u32,
    /// Pupils with no guardian linked.
    pub without_guardian: u32,
}

/// A guardian of a pupil.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminGuardian {
    /// Account id.
    pub id: String,
    /// Name.
    pub full_name: String,
    /// Login e-mail.
    pub email: String,
    /// Has not set a password from their link yet (the office can send a new one).
    pub waiting: bool,
}

/// A pupil of the class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminPupil {
    /// Account id.
    pub id: String,
    /// Number in the class register.
    pub number: u32,
    /// Name.
    pub full_name: String,
    /// Login e-mail (empty for a pupil without an account of their own).
    pub email: String,
    /// Parents and guardians.
    pub guardians: Vec<AdminGuardian>,
    /// Has an e-mail of their own and has not set a password from their link yet.
    pub waiting: bool,
}

/// Who teaches one of the school's subjects in a class (none yet: `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminTeaching {
    /// Subject id.
    pub subject_id: String,
    /// Subject name.
    pub subject_name: String,
    /// The teacher's account id.
    pub teacher_id: Option<String>,
}

/// `GET /api/school/admin/classes/{class}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassRoll {
    /// The class.
    pub class: AdminClass,
    /// The form teacher's account id.
    pub form_teacher_id: Option<String>,
    /// By number.
    pub pupils: Vec<AdminPupil>,
    /// Every subject of the school in its order, with who teaches it here.
    pub teaching: Vec<AdminTeaching>,
    /// The other classes of the same school year, where a pupil may be moved.
    pub other_classes: Vec<ClassChoice>,
}

/// A class to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassChoice {
    /// Class id.
    pub id: String,
    /// e.g. `6a`.
    pub name: String,
}

/// A teacher of the gmina, to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeacherChoice {
    /// Account id.
    pub id: String,
    /// Name.
    pub full_name: String,
    /// Whether the teacher's account has a confirmed authenticator (the office can end a
    /// lost one).
    pub authenticator: bool,
}

/// A subject of a school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminSubject {
    /// Subject id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A school the office keeps, with what its screens pick from.
/// `GET /api/school/admin/schools`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminSchool {
    /// School id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The school year new classes go into (the current one, else the next), e.g. `2026/2027`.
    pub year_name: Option<String>,
    /// Subjects in the school's order.
    pub subjects: Vec<AdminSubject>,
    /// The gmina's teachers.
    pub teachers: Vec<TeacherChoice>,
}

/// `POST /api/school/admin/schools/{school}/subjects`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSubject {
    /// e.g. `Informatyka`.
    pub name: String,
}

/// `POST /api/school/admin/schools/{school}/classes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewClass {
    /// The year group 1–8 and a letter, e.g. `4c`.
    pub name: String,
    /// The form teacher (optional).
    pub form_teacher_id: Option<String>,
}

/// `PUT /api/school/admin/classes/{class}/form-teacher` and
/// `PUT /api/school/admin/classes/{class}/teaching/{subject}`: a teacher, or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeacherPick {
    /// The teacher's account id; `None` takes the assignment away.
    pub teacher_id: Option<String>,
}

/// `POST /api/school/admin/pupils/{pupil}/move`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovePupil {
    /// The class of the same school year the pupil goes to.
    pub class_id: String,
}

/// The longest subject name.
pub const MAX_SUBJECT: usize = 60;

/// Checks a subject's name: not empty, at most [`MAX_SUBJECT`] characters.
pub fn check_subject(form: &NewSubject) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let name = form.name.trim();
    if name.is_empty() {
        problems.insert("name".into(), FieldError::Required);
    } else if name.chars().count() > MAX_SUBJECT {
        problems.insert("name".into(), FieldError::TooLong);
    }
    problems
}

/// A primary school class's name: the year group 1–8 and one to three lowercase
/// letters (`4a`, `8bc`); the year group is the number.
pub fn class_level(name: &str) -> Option<u8> {
    let mut chars = name.chars();
    let level = chars.next()?.to_digit(10)?;
    let letters: Vec<char> = chars.collect();
    let letters_ok = (1..=3).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_lowercase() && c.is_alphabetic());
    ((1..=8).contains(&level) && letters_ok).then_some(level as u8)
}

/// Checks a new class's name ([`class_level`]).
pub fn check_class(form: &NewClass) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let name = form.name.trim();
    if name.is_empty() {
        problems.insert("name".into(), FieldError::Required);
    } else if class_level(name).is_none() {
        problems.insert("name".into(), FieldError::InvalidClassName);
    }
    problems
}

/// What an import did (all of the file, or nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Rows read.
    pub rows: u32,
    /// Pupils newly enrolled in the class.
    pub enrolled: u32,
    /// Accounts made (pupils and guardians), each sent a link to set a password.
    pub accounts_created: u32,
    /// Guardians newly linked to a pupil.
    pub links_added: u32,
}

/// The import's columns, in the header's words.
pub const IMPORT_COLUMNS: [&str; 5] = [
    "uczen",
    "pesel",
    "email_ucznia",
    "opiekun",
    "email_opiekuna",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_name_is_a_year_group_and_letters() {
        for (name, level) in [
            ("1a", Some(1)),
            ("8b", Some(8)),
            ("4ab", Some(4)),
            ("6ż", Some(6)),
        ] {
            assert_eq!(class_level(name), level, "{name}");
        }
        for name in ["", "a", "0a", "9a", "4", "4A", "4abcd", "44a", "4 a", "4-a"] {
            assert_eq!(class_level(name), None, "{name:?}");
        }
    }
}
