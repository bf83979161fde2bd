//! `/api/cases`, `/api/attachments` and `/api/receipts` calls.

use gloo_net::http::Request;
use models::cases::{
    CaseDetail, CaseSummary, Completion, Draft, NewDraft, SaveDraft, SubmitRequest, Submitted,
};
use models::forms::FileRef;
use models::receipts::PublicKeyInfo;

use super::{ApiError, get, post};

/// The caller's cases, newest first.
pub async fn mine() -> Result<Vec<CaseSummary>, ApiError> {
    get("/api/cases").await
}

/// One of the caller's cases.
pub async fn one(id: &str) -> Result<CaseDetail, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    get(&format!("/api/cases/{id}")).await
}

/// Answers a request for completion.
pub async fn complete(id: &str, completion: &Completion) -> Result<CaseDetail, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    post(&format!("/api/cases/{id}/completion"), completion).await
}

/// Uploads a file chosen in the browser.
pub async fn upload(file: &web_sys::File) -> Result<FileRef, ApiError> {
    let name: String = js_sys::encode_uri_component(&file.name()).into();
    let request = Request::post(&format!("/api/attachments?name={name}"))
        .header("Content-Type", &file.type_())
        .header("Accept-Language", crate::i18n::current().tag())
        .body(wasm_bindgen::JsValue::from(file.clone()));
    let response = super::send(request).await?;
    super::json(response).await
}

/// The files chosen in a file input (none when it is gone).
pub fn chosen_files(input: Option<&web_sys::HtmlInputElement>) -> Vec<web_sys::File> {
    input
        .and_then(|i| i.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Uploads files one after another; the first failure stops it.
pub async fn upload_all(files: &[web_sys::File]) -> Result<Vec<FileRef>, ApiError> {
    let mut refs = Vec::with_capacity(files.len());
    for f in files {
        refs.push(upload(f).await?);
    }
    Ok(refs)
}

/// The office's public key for checking receipts.
pub async fn public_key() -> Result<PublicKeyInfo, ApiError> {
    get("/api/receipts/public-key").await
}

/// One of the caller's drafts.
pub async fn draft(id: &str) -> Result<Draft, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    get(&format!("/api/drafts/{id}")).await
}

/// The caller's drafts, last saved first.
pub async fn drafts() -> Result<Vec<Draft>, ApiError> {
    get("/api/drafts").await
}

/// Starts a draft of an e-service.
pub async fn new_draft(slug: &str) -> Result<Draft, ApiError> {
    post(
        "/api/drafts",
        &NewDraft {
            service_slug: slug.to_owned(),
        },
    )
    .await
}

/// Saves a draft over the revision it builds on.
pub async fn save_draft(id: &str, body: &SaveDraft) -> Result<Draft, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    let request = super::with_language(Request::put(&format!("/api/drafts/{id}"))).json(body);
    super::json(super::send(request).await?).await
}

/// Signs and submits a draft under a one-time key.
pub async fn submit(id: &str, key: &str, body: &SubmitRequest) -> Result<Submitted, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    let request = super::with_language(Request::post(&format!("/api/drafts/{id}/submit")))
        .header("Idempotency-Key", key)
        .json(body);
    super::json(super::send(request).await?).await
}

/// The receipt (UPO) of one of the caller's cases.
pub async fn receipt(id: &str) -> Result<models::receipts::SignedReceipt, ApiError> {
    let id: String = js_sys::encode_uri_component(id).into();
    get(&format!("/api/cases/{id}/receipt")).await
}
