//! `/verify`: anyone checks an official receipt (UPO) or a signed decision — the
//! signature check runs here, in the browser (wasm), with the office's public key;
//! once the page and the key are loaded it needs no network.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::receipts::{SignedReceipt, VerifyError};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// What the check found.
#[derive(Debug, Clone)]
enum Outcome {
    Valid(Box<SignedReceipt>),
    Invalid(String),
}

/// The verify page.
#[component]
pub fn Verify() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::VerifyTitle).to_owned());
    let key = LocalResource::new(api::cases::public_key);
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let error = RwSignal::new(None::<ApiError>);
    let verify_now = move || {
        error.set(None);
        let text = text.get_untracked();
        spawn_local(async move {
            // The key may still be on its way (or the first fetch failed): wait for it.
            let loaded = match key.get_untracked() {
                Some(Ok(k)) => Ok(k),
                _ => api::cases::public_key().await,
            };
            let key = match loaded {
                Ok(k) => k,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            let result = models::receipts::parse(text.trim())
                .and_then(|r| models::receipts::verify(&r, &key).map(|()| r));
            outcome.set(Some(match result {
                Ok(r) => Outcome::Valid(Box::new(r)),
                Err(e) => Outcome::Invalid(reason(&e, i18n.lang())),
            }));
        });
    };
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        verify_now();
    };
    // A scanned QR code (the printable UPO) brings the receipt in the address's fragment,
    // which never reaches a server: check it at once.
    if let Some(packed) = fragment_receipt() {
        text.set(packed);
        verify_now();
    }
    let file_chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            spawn_local(async move {
                let promise = file.text();
                if let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    text.set(value.as_string().unwrap_or_default());
                    outcome.set(None);
                }
            });
        }
    };
    view! {
        <h1>{move || i18n.t(Msg::VerifyTitle)}</h1>
        <p class="lead">{move || i18n.t(Msg::VerifyLead)}</p>
        <form on:submit=check>
            <label for="receipt-file">{move || i18n.t(Msg::ReceiptFile)}</label>
            <input id="receipt-file" type="file" accept="application/json,.json" on:change=file_chosen />
            <label for="receipt-text">{move || i18n.t(Msg::ReceiptText)}</label>
            <textarea id="receipt-text" rows="8" spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| { text.set(event_target_value(&ev)); outcome.set(None); }></textarea>
            <ErrorAlert error=error />
            <button type="submit" class="button">{move || i18n.t(Msg::VerifyButton)}</button>
        </form>
        <div role="status" class="status-region">
            {move || outcome.get().map(|o| match o {
                Outcome::Valid(r) => {
                    let d = r.document.clone();
                    view! {
                        <div class="alert alert-success">
                            <p>{i18n.t(Msg::ReceiptValid)}</p>
                            <dl class="facts">
                                <dt>{i18n.t(Msg::Office)}</dt><dd>{d.office}</dd>
                                <dt>{i18n.t(Msg::Reference)}</dt><dd>{d.case_reference}</dd>
                                <dt>{i18n.t(Msg::ReceivedAt)}</dt><dd>{d.received_at}</dd>
                                <dt>{i18n.t(Msg::Submission)}</dt><dd>{d.submission_id}</dd>
                                <dt>{i18n.t(Msg::Attachments)}</dt>
                                <dd>{d.attachments.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ")}</dd>
                            </dl>
                        </div>
                    }.into_any()
                }
                Outcome::Invalid(why) => view! {
                    <p class="alert alert-error">{i18n.t(Msg::ReceiptInvalid).replace("{reason}", &why)}</p>
                }.into_any(),
            })}
        </div>
        <details>
            <summary>{move || i18n.t(Msg::OfficeKey)}</summary>
            <p class="mono">{move || key.get().and_then(Result::ok).map(|k| format!("{} · {} · {}", k.office, k.key_id, k.public_key))}</p>
        </details>
    }
}

/// The receipt in `#upo=<base64url>`, if the page was opened with one (the text as it
/// came when it does not decode, so the check reports it as not a receipt).
fn fragment_receipt() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let packed = hash.strip_prefix("#upo=")?;
    let mut b64: String = packed
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !b64.len().is_multiple_of(4) {
        b64.push('=');
    }
    // `atob` answers one char per byte.
    let decoded = window
        .atob(&b64)
        .ok()
        .and_then(|binary| String::from_utf8(binary.chars().map(|c| c as u8).collect()).ok());
    Some(decoded.unwrap_or_else(|| packed.to_owned()))
}

/// Why a receipt failed, in words.
fn reason(e: &VerifyError, lang: models::lang::Lang) -> String {
    use models::lang::Lang;
    let pick = |pl: &str, en: &str, uk: &str| match lang {
        Lang::Pl => pl.to_owned(),
        Lang::En => en.to_owned(),
        Lang::Uk => uk.to_owned(),
    };
    match e {
        VerifyError::Malformed(_) => pick(
            "to nie jest plik UPO",
            "this is not a receipt file",
            "це не файл UPO",
        ),
        VerifyError::UnknownKey(_) => pick(
            "podpisano kluczem innego urzędu",
            "it was signed with another office's key",
            "підписано ключем іншої установи",
        ),
        VerifyError::SignatureMismatch => pick(
            "treść, czas lub podpis zostały zmienione",
            "its content, time or signature was changed",
            "вміст, час або підпис було змінено",
        ),
        other => other.to_string(),
    }
}
