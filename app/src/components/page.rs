//! Page-level helpers: the document title and focus after navigation.

use leptos::prelude::*;

use crate::state::use_gmina;

/// Keeps `document.title` as "<page> — <gmina>".
pub fn use_title(title: impl Fn() -> String + 'static) {
    let gmina = use_gmina();
    Effect::new(move |_| {
        let page = title();
        let name = gmina.name();
        let full = if name.is_empty() {
            page
        } else {
            format!("{page} — {name}")
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&full);
        }
    });
}

/// Moves focus to the page's main heading (after client-side navigation), so screen
/// reader and keyboard users start at the new content.
pub fn focus_main_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target {
        if el.get_attribute("tabindex").is_none() {
            let _ = el.set_attribute("tabindex", "-1");
        }
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
