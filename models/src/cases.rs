//! Cases (sprawy) on the wire: drafts, submissions, the resident's cases and the clerks'
//! back office (registry of correspondence, assignment, completion, decisions).
//!
//! Times are RFC 3339 in Europe/Warsaw; days are `YYYY-MM-DD`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::forms::{FileRef, Localized};
use crate::receipts::SignedReceipt;

/// Where a case stands (KPA procedure as the office runs it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Received (electronically or on paper) and in the registry of correspondence.
    Submitted,
    /// Registered as a case and assigned to a department.
    Registered,
    /// A clerk is handling it.
    InProgress,
    /// The office asked the applicant to complete it (the deadline is paused).
    NeedsCompletion,
    /// The decision is issued and delivered.
    DecisionReady,
    /// Closed and archived.
    Closed,
}

impl CaseStatus {
    /// Every status in procedure order.
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Submitted,
        CaseStatus::Registered,
        CaseStatus::InProgress,
        CaseStatus::NeedsCompletion,
        CaseStatus::DecisionReady,
        CaseStatus::Closed,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Submitted => "submitted",
            CaseStatus::Registered => "registered",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::NeedsCompletion => "needs_completion",
            CaseStatus::DecisionReady => "decision_ready",
            CaseStatus::Closed => "closed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How a letter reached the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Filed on this portal.
    Portal,
    /// A paper letter (post or in person), scanned at registration.
    Paper,
    /// The national electronic channels (ePUAP, e-Doręczenia).
    Electronic,
    /// Ordinary e-mail.
    Email,
}

impl Channel {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Paper => "paper",
            Channel::Electronic => "electronic",
            Channel::Email => "email",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Channel> {
        [
            Channel::Portal,
            Channel::Paper,
            Channel::Electronic,
            Channel::Email,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// A saved, unsubmitted application, `GET /api/drafts/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    /// Id.
    pub id: String,
    /// The e-service it is for.
    pub service_slug: String,
    /// The service's title.
    pub title: Localized,
    /// The form data so far (may not be valid yet).
    pub data: Value,
    /// Increases with every save; a save naming an older revision is refused (409).
    pub revision: i64,
    /// Last saved.
    pub updated_at: String,
}

/// `POST /api/drafts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDraft {
    /// The e-service's slug.
    pub service_slug: String,
}

/// `PUT /api/drafts/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaveDraft {
    /// The whole form data.
    pub data: Value,
    /// The revision this save builds on.
    pub revision: i64,
}

/// `POST /api/drafts/{id}/submit` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmitRequest {
    /// The account password: signing is a re-authentication.
    pub password: String,
}

/// The answer to a submission: the case and its signed receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Submitted {
    /// The new case.
    pub case_id: String,
    /// Its reference (znak sprawy) or, until the office classifies it, the registry number.
    pub reference: String,
    /// The UPO.
    pub receipt: SignedReceipt,
}

/// A case in lists, `GET /api/cases`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    /// Id.
    pub id: String,
    /// The case reference (znak sprawy), or the registry number before classification.
    pub reference: String,
    /// Where it stands.
    pub status: CaseStatus,
    /// What it is about.
    pub title: Localized,
    /// When the office received it.
    pub received_at: String,
    /// The statutory date for the decision (none while paused or once decided).
    pub due_on: Option<String>,
    /// The handling department's name.
    pub department: String,
}

/// A case in full, `GET /api/cases/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    /// The list fields.
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// Number in the registry of correspondence (dziennik korespondencji).
    pub registry_number: String,
    /// How it arrived.
    pub channel: Channel,
    /// The applicant's name.
    pub applicant: String,
    /// The clerk handling it, if assigned.
    pub assignee: Option<String>,
    /// The open request for completion, if any.
    pub completion: Option<CompletionRequest>,
    /// The statutory period: `1m`, `2m` or days such as `14d`.
    pub period: String,
    /// Archive category from the JRWA (`A`, `B5`, `B10`…), once closed.
    pub retention: Option<String>,
    /// What happened, oldest first.
    pub events: Vec<CaseEvent>,
    /// Documents both ways.
    pub documents: Vec<CaseDocument>,
}

/// An open request for completion (wezwanie do uzupełnienia, KPA art. 64 § 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompletionRequest {
    /// What is missing.
    pub text: String,
    /// The last day to complete.
    pub due_on: String,
}

/// What happened to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Received (the submission or the paper letter).
    Received,
    /// Registered and assigned to a department.
    Registered,
    /// Assigned or reassigned (dekretacja).
    Assigned,
    /// A clerk opened the case.
    Viewed,
    /// Completion requested.
    CompletionRequested,
    /// The applicant completed it.
    Completed,
    /// Decision issued.
    DecisionIssued,
    /// Closed and archived.
    Closed,
    /// The office named a later date for the decision, with the reason (KPA art. 36).
    Delayed,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 9] = [
        EventKind::Received,
        EventKind::Registered,
        EventKind::Assigned,
        EventKind::Viewed,
        EventKind::CompletionRequested,
        EventKind::Completed,
        EventKind::DecisionIssued,
        EventKind::Closed,
        EventKind::Delayed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Received => "received",
            EventKind::Registered => "registered",
            EventKind::Assigned => "assigned",
            EventKind::Viewed => "viewed",
            EventKind::CompletionRequested => "completion_requested",
            EventKind::Completed => "completed",
            EventKind::DecisionIssued => "decision_issued",
            EventKind::Closed => "closed",
            EventKind::Delayed => "delayed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One entry of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    /// When.
    pub at: String,
    /// What.
    pub kind: EventKind,
    /// The status after it.
    pub status: CaseStatus,
    /// Who at the office (name and department), for office actions.
    pub actor: Option<String>,
    /// A note (what is missing, the assignee, the decision's outcome).
    pub note: Option<String>,
}

/// A document in a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDocument {
    /// Id (download at `GET /api/cases/{case}/documents/{id}`).
    pub id: String,
    /// `in`: from the applicant; `out`: from the office.
    pub direction: String,
    /// `application`, `attachment`, `scan`, `completion`, `decision`, `receipt`.
    pub kind: String,
    /// File name.
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// Bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// When.
    pub created_at: String,
}

/// `POST /api/cases/{id}/completion`: the applicant's answer to a request for completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Completion {
    /// A message to the office.
    pub message: String,
    /// Files uploaded beforehand (`POST /api/attachments`).
    #[serde(default)]
    pub files: Vec<FileRef>,
}

/// A case in the clerks' queues, `GET /api/office/cases`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeCase {
    /// The list fields.
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// The applicant's name.
    pub applicant: String,
    /// The clerk handling it.
    pub assignee: Option<String>,
    /// Registry number.
    pub registry_number: String,
    /// The decision date has passed.
    pub overdue: bool,
}

/// `POST /api/office/letters`: registering an incoming letter (paper or other channel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLetter {
    /// Sender's name.
    pub sender_name: String,
    /// Sender's PESEL, to link the case to their account (optional).
    #[serde(default)]
    pub sender_pesel: Option<String>,
    /// Day the office received it, `YYYY-MM-DD` (not in the future).
    pub received_on: String,
    /// How it came.
    pub channel: Channel,
    /// What it is about.
    pub subject: String,
    /// The department that will handle it (its code, e.g. `GK`).
    pub department_code: String,
    /// The JRWA class, four digits.
    pub jrwa_symbol: String,
    /// The statutory period: `1m`, `2m` or days such as `14d`.
    pub period: String,
    /// The scan(s), uploaded beforehand.
    #[serde(default)]
    pub scans: Vec<FileRef>,
}

/// `POST /api/office/cases/{id}/assign` (dekretacja).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assign {
    /// The department's code.
    pub department_code: String,
    /// The clerk's account id (optional: the department's queue otherwise).
    #[serde(default)]
    pub assignee_id: Option<String>,
    /// The JRWA class, when the case has none yet.
    #[serde(default)]
    pub jrwa_symbol: Option<String>,
}

/// `POST /api/office/cases/{id}/completion-request`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCompletionRequest {
    /// What is missing.
    pub text: String,
    /// Days to complete (KPA art. 64 § 2: at least 7).
    pub days: u32,
}

/// `POST /api/office/cases/{id}/delay`: the notice that the case will not be settled in
/// time (zawiadomienie o niezałatwieniu sprawy w terminie, KPA art. 36).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDelay {
    /// Why the case is late.
    pub reason: String,
    /// The new date for the decision, `YYYY-MM-DD` (moved to the next working day).
    pub new_due_on: String,
}

/// `POST /api/office/cases/{id}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDecision {
    /// Granted or refused.
    pub granted: bool,
    /// The decision's text (rozstrzygnięcie and uzasadnienie).
    pub text: String,
}

/// A clerk of the office, for assignment, `GET /api/office/clerks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Clerk {
    /// Account id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Department code.
    pub department_code: String,
}

/// A department of the office with its code, `GET /api/office/departments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// Named apart from `gmina::Department` in the OpenAPI document (they differ).
#[cfg_attr(feature = "openapi", schema(as = OfficeDepartment))]
pub struct Department {
    /// Code, e.g. `GK`.
    pub code: String,
    /// Name.
    pub name: String,
}

/// A class of the office's filing plan (JRWA), `GET /api/office/jrwa`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JrwaClass {
    /// Four digits, e.g. `6131`.
    pub symbol: String,
    /// What the class holds.
    pub title: String,
    /// Archive category: `A` (kept for ever) or `B<n>` (destroyable after n years).
    pub retention: String,
}

/// An entry of the registry of incoming correspondence, `GET /api/office/registry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistryEntry {
    /// Registry number, e.g. `KO/2026/12`.
    pub number: String,
    /// When received.
    pub received_at: String,
    /// How it came.
    pub channel: Channel,
    /// Sender.
    pub sender: String,
    /// Subject.
    pub subject: String,
    /// The case it belongs to.
    pub case_id: String,
    /// That case's reference.
    pub case_reference: String,
}
