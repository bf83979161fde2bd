//! Accounts, roles and sessions on the wire.

use serde::{Deserialize, Serialize};

/// What a person may do. One person may hold several roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Files applications, pays taxes, votes.
    Resident,
    /// Works in the office's back office.
    Clerk,
    /// Teaches at one of the gmina's schools.
    Teacher,
    /// Parent or guardian of one or more pupils.
    Parent,
    /// A pupil of one of the gmina's schools.
    Pupil,
    /// Administers the gmina's portal.
    Admin,
    /// The crisis team (zespół zarządzania kryzysowego): issues alerts to residents.
    Crisis,
    /// A school's secretary (sekretariat): keeps its classes' pupils and guardians.
    SchoolAdmin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 8] = [
        Role::Resident,
        Role::Clerk,
        Role::Teacher,
        Role::Parent,
        Role::Pupil,
        Role::Admin,
        Role::Crisis,
        Role::SchoolAdmin,
    ];

    /// The stored and wire name, e.g. `clerk`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Clerk => "clerk",
            Role::Teacher => "teacher",
            Role::Parent => "parent",
            Role::Pupil => "pupil",
            Role::Admin => "admin",
            Role::Crisis => "crisis",
            Role::SchoolAdmin => "school_admin",
        }
    }

    /// Parses a stored or wire name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// `POST /api/auth/register`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    /// Login e-mail, unique within the gmina.
    pub email: String,
    /// 10–128 characters.
    pub password: String,
    /// Name and surname.
    pub full_name: String,
    /// Optional PESEL, checked with its checksum and birth date.
    #[serde(default)]
    pub pesel: Option<String>,
}

/// `POST /api/auth/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Login e-mail.
    pub email: String,
    /// Password.
    pub password: String,
    /// The 6-digit code of the authenticator app, for accounts with a second factor
    /// (teachers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `POST /api/auth/totp` answer: the secret to add to an authenticator app. It takes
/// effect with the first login that gives a code from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpSetup {
    /// The secret in base32, to type in by hand.
    pub secret: String,
    /// The `otpauth://` address (what the QR code holds).
    pub uri: String,
    /// The QR code of `uri` for the app's camera: an SVG as a `data:` URL.
    pub qr: String,
}

/// `POST /api/auth/password`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    /// The password in use now (re-authentication).
    pub current_password: String,
    /// The new password, 10–128 characters.
    pub new_password: String,
}

/// The logged-in person, `GET /api/auth/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Stable account id.
    pub id: String,
    /// Login e-mail.
    pub email: String,
    /// Name and surname.
    pub full_name: String,
    /// Roles, sorted.
    pub roles: Vec<Role>,
    /// Whether a PESEL is on file (the number itself is never sent back).
    #[serde(default)]
    pub has_pesel: bool,
    /// Pupils this person is the parent of.
    #[serde(default)]
    pub children: Vec<PersonRef>,
}

/// A short reference to another person the caller may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    /// Account id.
    pub id: String,
    /// Name and surname.
    pub full_name: String,
}

/// One of the caller's sessions, `GET /api/auth/sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Public session id (not the cookie secret).
    pub id: String,
    /// When the session started, RFC 3339 UTC.
    pub created_at: String,
    /// Last request seen, RFC 3339 UTC.
    pub last_seen_at: String,
    /// Browser description, shortened.
    pub user_agent: String,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// `POST /api/auth/logout-everywhere` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoggedOut {
    /// How many sessions were ended.
    pub sessions_ended: u32,
}

/// `GET /api/auth/session`: who is logged in, answered with 200 even when nobody is, so
/// the app's start-up check makes no failed request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionState {
    /// The logged-in person, or `null`.
    pub user: Option<Me>,
}

/// `POST /api/auth/activate`: the first password of an account made for someone (a
/// school's import), from the link e-mailed to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivateRequest {
    /// The link's secret.
    pub token: String,
    /// 10–128 characters.
    pub password: String,
}
