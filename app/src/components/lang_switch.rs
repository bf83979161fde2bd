//! The language switch: Polish, English, Ukrainian.

use leptos::prelude::*;
use models::lang::Lang;

use crate::i18n::{Msg, use_i18n};

/// Three buttons in a labelled group; the current language is pressed.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t(Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.tag()
                            aria-pressed=move || if i18n.lang() == lang { "true" } else { "false" }
                            on:click=move |_| i18n.set(lang)
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
