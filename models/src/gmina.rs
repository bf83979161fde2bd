//! The gmina (municipality) a request is served for, and its organisation.

use serde::{Deserialize, Serialize};

/// Public facts about the gmina, `GET /api/gmina`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GminaInfo {
    /// Short stable id, e.g. `przykladowo`.
    pub slug: String,
    /// Official name, e.g. `Gmina Przykładowo`.
    pub name: String,
    /// URL of the coat of arms image.
    pub crest_url: String,
    /// Postal address of the office.
    pub address: String,
    /// Office e-mail for the accessibility declaration and contact.
    pub contact_email: String,
    /// Office phone.
    pub contact_phone: String,
    /// Organisational units with their departments.
    pub units: Vec<OrgUnit>,
}

/// Kinds of organisational unit in a gmina.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Urząd gminy — the municipal office.
    Office,
    /// Szkoła.
    School,
    /// Przedszkole.
    Kindergarten,
    /// Ośrodek pomocy społecznej.
    SocialWelfare,
    /// Any other unit.
    Other,
}

impl UnitKind {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Office => "office",
            UnitKind::School => "school",
            UnitKind::Kindergarten => "kindergarten",
            UnitKind::SocialWelfare => "social_welfare",
            UnitKind::Other => "other",
        }
    }

    /// Parses a stored name; unknown names are `Other`.
    pub fn parse(s: &str) -> UnitKind {
        match s {
            "office" => UnitKind::Office,
            "school" => UnitKind::School,
            "kindergarten" => UnitKind::Kindergarten,
            "social_welfare" => UnitKind::SocialWelfare,
            _ => UnitKind::Other,
        }
    }
}

/// An organisational unit (the office, a school, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgUnit {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: UnitKind,
    /// Departments (wydziały, referaty).
    pub departments: Vec<Department>,
}

/// A department of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    /// Id.
    pub id: String,
    /// Symbol used in case references, e.g. `GK`.
    pub code: String,
    /// Name.
    pub name: String,
}
