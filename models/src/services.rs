//! The e-services catalogue (katalog e-usług) on the wire.

use serde::{Deserialize, Serialize};

use crate::forms::Localized;

/// Life situations the catalogue is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LifeSituation {
    /// Letters and matters for the office itself.
    Office,
    /// Registration of residence, certificates, documents.
    Documents,
    /// Trees, waste, environment.
    Environment,
    /// Roads and building.
    Roads,
    /// Local taxes and fees.
    Taxes,
    /// Public information.
    Information,
}

/// A catalogue entry, `GET /api/services`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceSummary {
    /// Stable id in URLs, e.g. `usuniecie-drzew`.
    pub slug: String,
    /// Group.
    pub life_situation: LifeSituation,
    /// Name.
    pub title: Localized,
    /// One or two sentences.
    pub summary: Localized,
    /// Fee in grosze (0: free).
    pub fee_grosze: i64,
    /// The statutory limit for settling it: `1m`, `2m` or a number of days such as `14d`.
    pub period: String,
}

/// A full catalogue card, `GET /api/services/{slug}` (the form is separate,
/// `GET /api/services/{slug}/form`, so pages that only show cards stay small).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    /// The summary fields.
    #[serde(flatten)]
    pub summary: ServiceSummary,
    /// Who may file.
    pub who_may_file: Localized,
    /// The documents needed.
    pub documents: Localized,
    /// The department that handles it.
    pub department_code: String,
}
