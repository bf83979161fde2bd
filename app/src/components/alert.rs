//! Messages about a request: its translated error, or its success.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::use_i18n;

/// Shows the error (if any) as an alert read out by screen readers. Errors about a file's
/// lines show the server's message, which names them (in the language of the request).
#[component]
pub fn ErrorAlert(#[prop(into)] error: Signal<Option<ApiError>>) -> impl IntoView {
    use models::error::ErrorCode;
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            let detailed = matches!(e.code, ErrorCode::InvalidImportFile | ErrorCode::InvalidPbFile);
            view! {
                <div class="alert alert-error" role="alert">
                    {move || if detailed { e.message.clone() } else { e.code.message(i18n.lang()).to_owned() }}
                </div>
            }
        })
    }
}

/// A success or information message announced politely; the live region is always in
/// the page so screen readers notice when text appears in it.
#[component]
pub fn StatusMessage(#[prop(into)] text: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <div role="status" class="status-region">
            {move || text.get().map(|t| view! { <p class="alert alert-success">{t}</p> })}
        </div>
    }
}
