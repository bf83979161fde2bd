//! A translated error message for a failed request.

use leptos::prelude::*;
use models::error::ErrorDetail;

use crate::i18n::use_i18n;

/// Shows the error (if any) as an alert read out by screen readers.
#[component]
pub fn ErrorAlert(#[prop(into)] error: Signal<Option<ErrorDetail>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            view! {
                <div class="alert alert-error" role="alert">
                    {e.code.message(i18n.lang())}
                </div>
            }
        })
    }
}

/// A success or information message announced politely.
#[component]
pub fn StatusMessage(#[prop(into)] text: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <div role="status" class="status-region">
            {move || text.get().map(|t| view! { <p class="alert alert-success">{t}</p> })}
        </div>
    }
}
