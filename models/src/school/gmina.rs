//! The gmina's schools as its admin keeps them: adding a school (its units, art. 8 of
//! the Prawo oświatowe: the gmina runs its primary schools) and naming who works in
//! each school's office (sekretariat), and ending an office's lost authenticator.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::validate::{self, FieldErrors};

/// Someone who keeps a school's records (role `school_admin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeAccount {
    /// Account id.
    pub id: String,
    /// Name.
    pub full_name: String,
    /// Login.
    pub email: String,
    /// Whether the account has a confirmed authenticator (a lost one can be ended).
    pub authenticator: bool,
    /// Whether the account still waits for its first password (its link was sent).
    pub waiting: bool,
}

/// A school of the gmina. `GET /api/school/gmina/schools`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GminaSchool {
    /// School id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The school year in force (the current one, else the next), e.g. `2026/2027`.
    pub year_name: Option<String>,
    /// Classes in that year.
    pub classes: u32,
    /// Pupils in that year.
    pub pupils: u32,
    /// Who keeps its records.
    pub offices: Vec<OfficeAccount>,
}

/// `POST /api/school/gmina/schools`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSchool {
    /// e.g. `Szkoła Podstawowa nr 2 im. Marii Konopnickiej`.
    pub name: String,
}

/// `POST /api/school/gmina/schools/{school}/offices`: a person of the school's office,
/// by e-mail (an account of the gmina, or a new one sent a link to set its password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOffice {
    /// Name (for a new account).
    pub full_name: String,
    /// Login.
    pub email: String,
}

/// The shortest and longest school name.
pub const SCHOOL_NAME: std::ops::RangeInclusive<usize> = 3..=200;

/// Checks a new school: a name of 3–200 characters.
pub fn check_school(form: &NewSchool) -> FieldErrors {
    let mut problems = FieldErrors::new();
    let n = form.name.trim().chars().count();
    let problem = if n == 0 {
        Some(FieldError::Required)
    } else if n < *SCHOOL_NAME.start() {
        Some(FieldError::TooShort)
    } else if n > *SCHOOL_NAME.end() {
        Some(FieldError::TooLong)
    } else {
        None
    };
    if let Some(p) = problem {
        problems.insert("name".into(), p);
    }
    problems
}

/// Checks a person of a school's office: a name and an e-mail address.
pub fn check_office(form: &NewOffice) -> FieldErrors {
    let mut problems = FieldErrors::new();
    if let Err(e) = validate::full_name(&form.full_name) {
        problems.insert("full_name".into(), e);
    }
    if let Err(e) = validate::email(&form.email) {
        problems.insert("email".into(), e);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_name_is_three_to_two_hundred_characters() {
        let check = |name: &str| {
            check_school(&NewSchool { name: name.into() })
                .get("name")
                .copied()
        };
        assert_eq!(check("  "), Some(FieldError::Required));
        assert_eq!(check("SP"), Some(FieldError::TooShort));
        assert_eq!(check("SP2"), None);
        assert_eq!(check(&"ś".repeat(200)), None);
        assert_eq!(check(&"ś".repeat(201)), Some(FieldError::TooLong));
    }

    #[test]
    fn an_office_needs_a_name_and_an_address() {
        let problems = check_office(&NewOffice {
            full_name: "B".into(),
            email: "nie-adres".into(),
        });
        assert_eq!(problems.get("full_name"), Some(&FieldError::TooShort));
        assert_eq!(problems.get("email"), Some(&FieldError::InvalidEmail));
        assert!(
            check_office(&NewOffice {
                full_name: "Ewa Sekretarz".into(),
                email: "sekretariat@sp2.example.pl".into(),
            })
            .is_empty()
        );
    }
}
