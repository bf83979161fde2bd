//! Public information on the wire (the BIP side of the office, ustawa o dostępie do
//! informacji publicznej): the budget and its execution, the public registers, the
//! office's announcements with their public history, and the open-data versions that
//! publish them, signed with the office key.

pub mod budget;
pub mod registers;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::forms::FileRef;
use crate::validate::FieldErrors;

/// One published version of a dataset: what a resident downloads and verifies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetVersion {
    /// The dataset, e.g. `budget-2026`, `property`, `announcements`.
    pub dataset: String,
    /// 1, 2, … in the order published.
    pub version: i64,
    /// When it was published (UTC milliseconds).
    pub published_at: i64,
    /// How many records it holds.
    pub rows: i64,
    /// SHA-256 of the CSV file, hex.
    pub csv_sha256: String,
    /// SHA-256 of the JSON file, hex.
    pub json_sha256: String,
    /// The office key that signed both files (`GET /api/receipts/keys`).
    pub key_id: String,
    /// Ed25519 signature of the CSV file's bytes, base64.
    pub csv_signature: String,
    /// Ed25519 signature of the JSON file's bytes, base64.
    pub json_signature: String,
}

/// A dataset with its newest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dataset {
    /// Its key, as in the download paths.
    pub dataset: String,
    /// How many versions were published.
    pub versions: i64,
    /// The newest one.
    pub latest: DatasetVersion,
}

/// An announcement in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementSummary {
    /// Its id.
    pub id: String,
    /// The title, as now.
    pub title: String,
    /// When it was first published (UTC milliseconds).
    pub published_at: i64,
    /// The last day it is shown among current ones (Warsaw date), if it expires.
    pub expires_on: Option<String>,
    /// Who published it (name and post, as the office signs it).
    pub published_by: String,
    /// 1 for the first version, +1 for every change.
    pub revision: i64,
    /// When it last changed (UTC milliseconds).
    pub changed_at: i64,
}

/// A file published with an announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentInfo {
    /// Its id (`GET /api/info/announcements/{id}/attachments/{attachment}`).
    pub id: String,
    /// The file name.
    pub name: String,
    /// The media type.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// The revision that added it.
    pub revision: i64,
}

/// One entry of an announcement's public register of changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Revision {
    /// 1, 2, …
    pub revision: i64,
    /// The title in this revision.
    pub title: String,
    /// The text in this revision.
    pub body: String,
    /// The expiry in this revision.
    pub expires_on: Option<String>,
    /// Who made the change.
    pub changed_by: String,
    /// When (UTC milliseconds).
    pub changed_at: i64,
    /// Why (empty for the first publication).
    pub reason: String,
}

/// An announcement with its files and its whole history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Announcement {
    /// The list fields.
    pub summary: AnnouncementSummary,
    /// The text, as now.
    pub body: String,
    /// Its files.
    pub attachments: Vec<AttachmentInfo>,
    /// Every version, oldest first.
    pub revisions: Vec<Revision>,
}

/// Publishing an announcement, or changing one (then `reason` is required).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementForm {
    /// Title, 5–200 characters.
    pub title: String,
    /// Text, up to 20 000 characters; blank lines separate paragraphs.
    pub body: String,
    /// The last day it is current (`YYYY-MM-DD`), or none.
    #[serde(default)]
    pub expires_on: Option<String>,
    /// Why it changed (changes only).
    #[serde(default)]
    pub reason: String,
    /// Files to add, uploaded first by the same clerk (`POST /api/attachments`: PDF,
    /// PNG, JPEG), at most [`MAX_ATTACHMENTS`] per change.
    #[serde(default)]
    pub attachments: Vec<FileRef>,
}

/// The most files one publication or change adds.
pub const MAX_ATTACHMENTS: usize = 5;

/// The problems of an announcement form (whose files are the clerk's is checked by the server); `editing`
/// requires a reason; `today` (`YYYY-MM-DD`, Warsaw) bounds the expiry.
pub fn check_announcement(form: &AnnouncementForm, editing: bool, today: &str) -> FieldErrors {
    let mut problems = FieldErrors::new();
    crate::alerts::length(&mut problems, "title", &form.title, 5, 200);
    crate::alerts::length(&mut problems, "body", &form.body, 10, 20_000);
    if editing {
        crate::alerts::length(&mut problems, "reason", &form.reason, 5, 500);
    }
    match form
        .expires_on
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => {}
        Some(d) => match registers::parse_date(d) {
            None => {
                problems.insert("expires_on".into(), FieldError::InvalidDate);
            }
            Some(day) if day.as_str() < today => {
                problems.insert("expires_on".into(), FieldError::DateInPast);
            }
            Some(_) => {}
        },
    }
    if form.attachments.len() > MAX_ATTACHMENTS {
        problems.insert("attachments".into(), FieldError::TooMany);
    }
    problems
}

/// The datasets every gmina publishes besides its budget years.
pub const FIXED_DATASETS: [&str; 4] = ["property", "alcohol", "road-lane", "announcements"];

/// The dataset key of a budget year.
pub fn budget_dataset(year: i32) -> String {
    format!("budget-{year}")
}

/// Whether `key` names a dataset a gmina can have.
pub fn is_dataset(key: &str) -> bool {
    FIXED_DATASETS.contains(&key)
        || key
            .strip_prefix("budget-")
            .and_then(|y| y.parse::<i32>().ok())
            .is_some_and(|y| (budget::FIRST_YEAR..=budget::LAST_YEAR).contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_keys() {
        assert!(is_dataset("budget-2026"));
        assert!(is_dataset("property"));
        assert!(!is_dataset("budget-1066"));
        assert!(!is_dataset("budget-x"));
        assert!(!is_dataset("users"));
    }
}
