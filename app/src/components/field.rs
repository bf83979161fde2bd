//! A labelled form input with its hint and its error, wired for assistive technology.

use leptos::prelude::*;
use models::error::FieldError;

use crate::i18n::use_i18n;

/// One input: label, optional hint, the value, and the field's error from the
/// browser's or the server's validation.
#[component]
pub fn TextField(
    /// The input's id (also the key of its error).
    id: &'static str,
    /// The label text.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The value.
    value: RwSignal<String>,
    /// The field's error, if any.
    #[prop(into)]
    error: Signal<Option<FieldError>>,
    /// `type` attribute.
    #[prop(default = "text")]
    kind: &'static str,
    /// `autocomplete` attribute.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<Signal<&'static str>>,
    /// Whether the field must be filled.
    #[prop(default = false)]
    required: bool,
    /// `inputmode` attribute.
    #[prop(default = "text")]
    inputmode: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![];
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <input
                id=id
                name=id
                type=kind
                inputmode=inputmode
                autocomplete=autocomplete
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || {
                error.get().map(|e| {
                    view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> }
                })
            }}
        </div>
    }
}
