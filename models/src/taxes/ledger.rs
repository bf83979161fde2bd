//! The wire types of a taxpayer's ledger: assessments with their instalments, payments
//! with their allocation, and the balance as of a day (`GET /api/taxes/taxpayers/{id}`).

use serde::{Deserialize, Serialize};

/// A kind of liability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LiabilityKind {
    /// Podatek od nieruchomości.
    Property,
    /// Podatek rolny.
    Agricultural,
    /// Podatek leśny.
    Forest,
    /// Łączne zobowiązanie pieniężne (property, agricultural and forest tax in one decision).
    Joint,
    /// Podatek od środków transportowych.
    Vehicle,
    /// Opłata za gospodarowanie odpadami komunalnymi.
    Waste,
    /// Opłata od posiadania psów.
    Dog,
}

impl LiabilityKind {
    /// Every kind.
    pub const ALL: [LiabilityKind; 7] = [
        LiabilityKind::Property,
        LiabilityKind::Agricultural,
        LiabilityKind::Forest,
        LiabilityKind::Joint,
        LiabilityKind::Vehicle,
        LiabilityKind::Waste,
        LiabilityKind::Dog,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LiabilityKind::Property => "property",
            LiabilityKind::Agricultural => "agricultural",
            LiabilityKind::Forest => "forest",
            LiabilityKind::Joint => "joint",
            LiabilityKind::Vehicle => "vehicle",
            LiabilityKind::Waste => "waste",
            LiabilityKind::Dog => "dog",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<LiabilityKind> {
        LiabilityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A taxpayer the caller may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Taxpayer {
    /// Id.
    pub id: String,
    /// Name (a person, a household or a company).
    pub name: String,
    /// `person`, `household` or `company`.
    pub kind: String,
    /// The caller's relation: `self`, `co_owner` or `representative`.
    pub relation: String,
    /// The individual account for payments (26 digits, grouped for reading).
    pub account: String,
}

/// One object of an assessment: what is taxed, its base and rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaxObject {
    /// E.g. "Dom mieszkalny, ul. Lipowa 5".
    pub description: String,
    /// The base in its unit, as text (e.g. "120.50").
    pub base: String,
    /// `m2`, `ha`, `vehicle`, `person`, `dog`…
    pub unit: String,
    /// The rate per unit in grosze.
    pub rate: i64,
    /// The amount for this object in grosze.
    pub amount: i64,
}

/// Where an instalment stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InstalmentStatus {
    /// Paid in full.
    Paid,
    /// Past its due date and not paid in full: interest accrues.
    Overdue,
    /// Due within the next 30 days.
    DueSoon,
    /// Later.
    Upcoming,
}

/// One instalment with what is paid and what is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Instalment {
    /// Id.
    pub id: String,
    /// 1-based number in its assessment.
    pub number: u32,
    /// Due date (a working day), `YYYY-MM-DD`.
    pub due_on: String,
    /// The amount in grosze.
    pub amount: i64,
    /// Principal paid so far.
    pub paid: i64,
    /// Principal left.
    pub outstanding: i64,
    /// Interest on what is left, as of the ledger's day (0 when under the minimum).
    pub interest: i64,
    /// Where it stands.
    pub status: InstalmentStatus,
}

/// One year's assessment (decision) and its instalments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    /// Id.
    pub id: String,
    /// The tax year.
    pub year: i32,
    /// What it is.
    pub kind: LiabilityKind,
    /// The decision's number.
    pub decision_number: String,
    /// The decision's date.
    pub decision_date: String,
    /// The year's amount in grosze.
    pub amount: i64,
    /// What it covers.
    pub objects: Vec<TaxObject>,
    /// The schedule.
    pub instalments: Vec<Instalment>,
}

/// What part of a payment went to one instalment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentPart {
    /// The instalment.
    pub instalment_id: String,
    /// Principal covered.
    pub principal: i64,
    /// Interest covered.
    pub interest: i64,
}

/// A payment and how it was allocated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    /// Id.
    pub id: String,
    /// The day the money reached the gmina's account.
    pub paid_on: String,
    /// Amount in grosze.
    pub amount: i64,
    /// `online`, `statement`, `manual`.
    pub source: String,
    /// Its allocation.
    pub parts: Vec<PaymentPart>,
    /// What was left over (nadpłata).
    pub overpayment: i64,
}

/// The balance as of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Balance {
    /// The day, `YYYY-MM-DD`.
    pub as_of: String,
    /// Overdue principal.
    pub overdue: i64,
    /// Interest on it as of the day.
    pub interest: i64,
    /// Overdue principal plus interest: what settles the arrears that day.
    pub to_pay_now: i64,
    /// The next instalment not yet due: its date and amount left.
    pub next_due_on: Option<String>,
    /// Amount of the next instalment still to pay.
    pub next_amount: i64,
    /// Everything not yet due.
    pub upcoming: i64,
    /// Overpayments carried.
    pub overpayment: i64,
}

/// A taxpayer's ledger (`GET /api/taxes/taxpayers/{id}?as_of=`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ledger {
    /// Who.
    pub taxpayer: Taxpayer,
    /// The balance.
    pub balance: Balance,
    /// Assessments, newest year first.
    pub assessments: Vec<Assessment>,
    /// Payments, newest first.
    pub payments: Vec<Payment>,
    /// The Polish banking QR code's text for paying `to_pay_now` (ZBP recommendation).
    pub qr_payload: String,
    /// The caller's iCalendar feed of the due dates (a secret address to subscribe to).
    pub calendar_url: String,
    /// Whether the caller gets e-mail reminders a week before each due date.
    pub reminders: bool,
}

/// Switching e-mail reminders on or off (`PUT /api/taxes/taxpayers/{id}/reminders`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reminders {
    /// On or off.
    pub enabled: bool,
}
