//! The school office's (sekretariat's) side: the classes of its school with their
//! pupils and guardians, and the CSV import that enrols pupils and links guardians.

use serde::{Deserialize, Serialize};

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
    /// Name.
    pub full_name: String,
    /// Login e-mail.
    pub email: String,
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
}

/// `GET /api/school/admin/classes/{class}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassRoll {
    /// The class.
    pub class: AdminClass,
    /// By number.
    pub pupils: Vec<AdminPupil>,
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
