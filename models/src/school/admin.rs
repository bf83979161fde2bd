//! The school office's (sekretariat's) side: the classes of its school with their
//! pupils and guardians, the CSV import that enrols pupils and links guardians, and the
//! structure it keeps — subjects, classes, form teachers, who teaches what, and moving
//! a pupil to another class.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::school::{Category, CategoryWeight, PlusMinusRule};
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
    /// Whether its term and year grades are marks of the scale also in classes 1–3
    /// (religion, ethics); otherwise they are descriptions there.
    pub scale_in_early: bool,
}

/// `PUT /api/school/admin/subjects/{subject}/scale`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubjectScale {
    /// See [`AdminSubject::scale_in_early`].
    pub scale_in_early: bool,
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
    /// Its rules for averages.
    pub rules: SchoolRules,
    /// Its school years not over yet, first the current one.
    pub years: Vec<AdminYear>,
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
    /// A school year not over yet (none: the current one, else the next).
    #[serde(default)]
    pub year_id: Option<String>,
}

/// A school year as the office sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminYear {
    /// Year id.
    pub id: String,
    /// e.g. `2026/2027`.
    pub name: String,
    /// The first day (`YYYY-MM-DD`).
    pub starts_on: String,
    /// The first day of term 2.
    pub term2_on: String,
    /// The last day.
    pub ends_on: String,
    /// Its classes.
    pub classes: u32,
}

/// The school's rules for averages: what `+` and `−` are worth and each category's
/// weight. `PUT /api/school/admin/schools/{school}/rules` (the categories by id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolRules {
    /// In hundredths of a grade, each 0–99.
    pub rule: PlusMinusRule,
    /// Every category of the school with its weight 0–10 (0: not counted).
    pub categories: Vec<CategoryWeight>,
}

/// `POST /api/school/admin/schools/{school}/years`: the next school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewYear {
    /// The first day (`YYYY-MM-DD`), in the future; no other year of the school may
    /// share a day with it.
    pub starts_on: String,
    /// The first day of term 2.
    pub term2_on: String,
    /// The last day, in the next calendar year.
    pub ends_on: String,
    /// Whether the classes of the school's year before it go up into it (1a → 2a … 7b → 8b,
    /// with their pupils, numbers, form teachers and subject teachers; class 8 leaves).
    #[serde(default)]
    pub promote: bool,
}

/// What adding a school year did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearReport {
    /// The new year.
    pub year: AdminYear,
    /// Classes that went up into it.
    pub classes: u32,
    /// Their pupils.
    pub pupils: u32,
    /// Pupils of the last year's eighth classes, who finish school.
    pub graduates: u32,
}

/// The largest weight of a category.
pub const MAX_WEIGHT: u32 = 10;

/// The most a `+` or a `−` may be worth, in hundredths.
pub const MAX_PLUS_MINUS: u32 = 99;

/// The field of a category's weight in the rules' form (and its errors).
pub fn weight_field(category: Category) -> &'static str {
    match category {
        Category::Test => "weight-test",
        Category::Quiz => "weight-quiz",
        Category::Homework => "weight-homework",
        Category::Oral => "weight-oral",
        Category::Activity => "weight-activity",
    }
}

/// Checks the rules' numbers (which categories are the school's is the server's check):
/// `plus` and `minus` 0–99 hundredths, each weight 0–10 (keyed by [`weight_field`]),
/// each category once.
pub fn check_rules(rules: &SchoolRules) -> FieldErrors {
    let mut problems = FieldErrors::new();
    for (field, value) in [("plus", rules.rule.plus), ("minus", rules.rule.minus)] {
        if value > MAX_PLUS_MINUS {
            problems.insert(field.into(), FieldError::TooLarge);
        }
    }
    for (i, c) in rules.categories.iter().enumerate() {
        if c.weight > MAX_WEIGHT {
            problems.insert(weight_field(c.category).into(), FieldError::TooLarge);
        }
        if rules.categories[..i].iter().any(|o| o.id == c.id) {
            problems.insert("categories".into(), FieldError::InvalidChoice);
        }
    }
    problems
}

/// Checks a new school year's dates: real dates, term 2 after the start and before the
/// end, the end in the next calendar year and at most 366 days after the start. Gives
/// the year's name (`2027/2028`).
pub fn check_year(form: &NewYear) -> Result<String, FieldErrors> {
    let mut problems = FieldErrors::new();
    let fields = [
        ("starts_on", &form.starts_on),
        ("term2_on", &form.term2_on),
        ("ends_on", &form.ends_on),
    ];
    let mut days = [0i64; 3];
    for (i, (field, value)) in fields.iter().enumerate() {
        match crate::school::attendance::days_from_epoch(value.trim()) {
            Some(d) => days[i] = d,
            None => {
                problems.insert((*field).into(), FieldError::InvalidDate);
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let [starts, term2, ends] = days;
    if term2 <= starts {
        problems.insert("term2_on".into(), FieldError::DatesOutOfOrder);
    } else if ends <= term2 {
        problems.insert("ends_on".into(), FieldError::DatesOutOfOrder);
    }
    let first: i64 = form.starts_on.trim()[..4].parse().unwrap_or(0);
    let last: i64 = form.ends_on.trim()[..4].parse().unwrap_or(0);
    if problems.is_empty() && (last != first + 1 || ends - starts > 366) {
        problems.insert("ends_on".into(), FieldError::NotASchoolYear);
    }
    if problems.is_empty() {
        Ok(format!("{first}/{last}"))
    } else {
        Err(problems)
    }
}

/// The class a class goes up into: the next year group, the same letters (`6b` → `7b`);
/// none for the last year group, which finishes school.
pub fn promoted(name: &str) -> Option<String> {
    let level = class_level(name)?;
    (level < 8).then(|| format!("{}{}", level + 1, &name[1..]))
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

    #[test]
    fn a_class_goes_up_a_year_group_and_the_eighth_leaves() {
        assert_eq!(promoted("1a").as_deref(), Some("2a"));
        assert_eq!(promoted("7bc").as_deref(), Some("8bc"));
        assert_eq!(promoted("6ż").as_deref(), Some("7ż"));
        assert_eq!(promoted("8b"), None);
        assert_eq!(promoted("9a"), None);
    }

    fn year(starts: &str, term2: &str, ends: &str) -> NewYear {
        NewYear {
            starts_on: starts.into(),
            term2_on: term2.into(),
            ends_on: ends.into(),
            promote: false,
        }
    }

    #[test]
    fn a_school_year_runs_from_september_into_the_next_calendar_year() {
        assert_eq!(
            check_year(&year("2027-09-01", "2028-01-31", "2028-06-23")),
            Ok("2027/2028".into())
        );
        // A leap year's 366 days is the longest.
        assert!(check_year(&year("2027-08-31", "2028-01-31", "2028-08-31")).is_ok());
        for (form, field, error) in [
            (
                year("2027-09-31", "2028-01-31", "2028-06-23"),
                "starts_on",
                FieldError::InvalidDate,
            ),
            (
                year("2027-09-01", "31.01.2028", "2028-06-23"),
                "term2_on",
                FieldError::InvalidDate,
            ),
            (
                year("2027-09-01", "2027-09-01", "2028-06-23"),
                "term2_on",
                FieldError::DatesOutOfOrder,
            ),
            (
                year("2027-09-01", "2028-06-30", "2028-06-23"),
                "ends_on",
                FieldError::DatesOutOfOrder,
            ),
            (
                year("2027-01-10", "2027-03-01", "2027-06-23"),
                "ends_on",
                FieldError::NotASchoolYear,
            ),
            (
                year("2027-08-01", "2028-01-31", "2028-08-02"),
                "ends_on",
                FieldError::NotASchoolYear,
            ),
        ] {
            let problems = check_year(&form).expect_err(&format!("{form:?}"));
            assert_eq!(problems.get(field), Some(&error), "{form:?}");
        }
    }

    #[test]
    fn rules_are_within_their_ranges_and_name_each_category_once() {
        let weight = |id: &str, weight| CategoryWeight {
            id: id.into(),
            category: Category::Test,
            weight,
        };
        let ok = SchoolRules {
            rule: PlusMinusRule {
                plus: 50,
                minus: 25,
            },
            categories: vec![weight("a", 0), weight("b", 10)],
        };
        assert!(check_rules(&ok).is_empty());
        let bad = SchoolRules {
            rule: PlusMinusRule {
                plus: 100,
                minus: 25,
            },
            categories: vec![weight("a", 11), weight("a", 1)],
        };
        let problems = check_rules(&bad);
        assert_eq!(problems.get("plus"), Some(&FieldError::TooLarge));
        assert_eq!(problems.get("minus"), None);
        assert_eq!(problems.get("weight-test"), Some(&FieldError::TooLarge));
        assert_eq!(problems.get("categories"), Some(&FieldError::InvalidChoice));
    }
}
