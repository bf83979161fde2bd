//! `/api/info/…` and `/api/office/info/…` calls: the budget, the registers,
//! announcements and open data, and their publishing.

use models::info::budget::{Budget, BudgetImport, BudgetYear};
use models::info::registers::{RegisterImport, RegisterPage};
use models::info::{Announcement, AnnouncementForm, AnnouncementSummary, Dataset, DatasetVersion};

use super::{ApiError, get, post, put, put_file};

fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The years with a published budget.
pub async fn budget_years() -> Result<Vec<BudgetYear>, ApiError> {
    get("/api/info/budget").await
}

/// A year's budget tree.
pub async fn budget(year: i32) -> Result<Budget, ApiError> {
    get(&format!("/api/info/budget/{year}")).await
}

/// A register's entries matching `query` (pairs of parameter and value).
pub async fn register(key: &str, query: &[(String, String)]) -> Result<RegisterPage, ApiError> {
    let params: Vec<String> = query
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    get(&format!(
        "/api/info/registers/{}?{}",
        enc(key),
        params.join("&")
    ))
    .await
}

/// The current announcements, or the archive.
pub async fn announcements(archive: bool) -> Result<Vec<AnnouncementSummary>, ApiError> {
    get(&format!("/api/info/announcements?archive={archive}")).await
}

/// One announcement with its history.
pub async fn announcement(id: &str) -> Result<Announcement, ApiError> {
    get(&format!("/api/info/announcements/{}", enc(id))).await
}

/// Every dataset with its newest version.
pub async fn datasets() -> Result<Vec<Dataset>, ApiError> {
    get("/api/info/data").await
}

/// Every version of a dataset, newest first.
pub async fn versions(dataset: &str) -> Result<Vec<DatasetVersion>, ApiError> {
    get(&format!("/api/info/data/{}", enc(dataset))).await
}

/// The version current at the end of a day.
pub async fn on_date(dataset: &str, date: &str) -> Result<DatasetVersion, ApiError> {
    get(&format!("/api/info/data/{}/on/{}", enc(dataset), enc(date))).await
}

/// Where a version's file downloads from.
pub fn file_url(dataset: &str, version: &str, file: &str) -> String {
    format!("/api/info/data/{}/{}/{file}", enc(dataset), enc(version))
}

/// Imports a year's budget.
pub async fn import_budget(
    year: i32,
    as_of: &str,
    file: &web_sys::File,
) -> Result<BudgetImport, ApiError> {
    put_file(
        &format!("/api/office/info/budget/{year}?as_of={}", enc(as_of)),
        file,
    )
    .await
}

/// Imports a register.
pub async fn import_register(key: &str, file: &web_sys::File) -> Result<RegisterImport, ApiError> {
    put_file(&format!("/api/office/info/registers/{}", enc(key)), file).await
}

/// Publishes an announcement.
pub async fn publish(form: &AnnouncementForm) -> Result<Announcement, ApiError> {
    post("/api/office/info/announcements", form).await
}

/// Changes an announcement.
pub async fn change(id: &str, form: &AnnouncementForm) -> Result<Announcement, ApiError> {
    put(&format!("/api/office/info/announcements/{}", enc(id)), form).await
}
