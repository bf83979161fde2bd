//! `/office/taxes/…`: the tax clerks' desk — taxpayers with their arrears, one taxpayer's
//! ledger with corrections, imports of assessments and bank statements, and the payments
//! to unknown accounts waiting to be matched by hand.

mod imports;
mod list;
mod taxpayer;
mod unmatched;

use leptos::prelude::*;
use leptos_router::components::A;
use models::taxes::ledger::LiabilityKind;

pub use imports::Imports;
pub use list::TaxpayerList;
pub use taxpayer::TaxpayerPage;
pub use unmatched::Unmatched;

use crate::i18n::{Msg, Office as O, use_i18n};

/// The tax desk's own navigation, under the desk's.
#[component]
fn TaxNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="desk-nav desk-subnav" aria-label=move || i18n.o(O::TaxDesk)>
            <ul>
                <li><A href="/office/taxes" exact=true>{move || i18n.o(O::TaxTaxpayers)}</A></li>
                <li><A href="/office/taxes/import">{move || i18n.o(O::TaxImport)}</A></li>
                <li><A href="/office/taxes/unmatched">{move || i18n.o(O::TaxUnmatched)}</A></li>
            </ul>
        </nav>
    }
}

/// A liability's name.
fn kind_name(kind: LiabilityKind) -> O {
    match kind {
        LiabilityKind::Property => O::TaxKindProperty,
        LiabilityKind::Agricultural => O::TaxKindAgricultural,
        LiabilityKind::Forest => O::TaxKindForest,
        LiabilityKind::Joint => O::TaxKindJoint,
        LiabilityKind::Vehicle => O::TaxKindVehicle,
        LiabilityKind::Waste => O::TaxKindWaste,
        LiabilityKind::Dog => O::TaxKindDog,
    }
}

/// A moment (ms since the epoch, UTC) as a Warsaw date and time.
fn at(ms: i64, lang: models::lang::Lang) -> String {
    let iso: String = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_iso_string()
        .into();
    crate::time::warsaw(&iso, lang)
}

/// A labelled input whose id is made per item (one form per payment or assessment), with
/// the server's error beside it.
#[component]
fn ItemField(
    id: String,
    label: O,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<models::error::FieldError>>,
    #[prop(default = "text")] inputmode: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || i18n.o(label)}</label>
            <input id=id type="text" inputmode=inputmode autocomplete="off" required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
        </div>
    }
}

/// The "loading" line every screen shows while it reads.
fn loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p role="status">{move || i18n.t(Msg::Loading)}</p> }
}
