//! `/office/taxes?q=&arrears=`: the gmina's taxpayers with their balance today, those in
//! arrears first; the search and the filter live in the address.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::taxes::office::TaxpayerSummary;

use super::{TaxNav, loading};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::money::money;
use crate::components::page::use_title;
use crate::i18n::{Office as O, use_i18n};
use crate::pages::office::DeskNav;

/// The list with its search.
#[component]
pub fn TaxpayerList() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::TaxDesk).to_owned());
    let query = use_query_map();
    let navigate = use_navigate();
    let q = move || query.with(|m| m.get("q")).unwrap_or_default();
    let arrears = move || {
        query
            .with(|m| m.get("arrears"))
            .is_some_and(|v| v == "true")
    };
    let text = RwSignal::new(q());
    let only = RwSignal::new(arrears());
    let list = LocalResource::new(move || {
        let (q, arrears) = (q(), arrears());
        async move { api::office_taxes::taxpayers(&q, arrears).await }
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q: String = js_sys::encode_uri_component(&text.get_untracked()).into();
        navigate(
            &format!("/office/taxes?q={q}&arrears={}", only.get_untracked()),
            Default::default(),
        );
    };
    view! {
        <h1>{move || i18n.o(O::TaxDesk)}</h1>
        <DeskNav />
        <TaxNav />
        <form class="filters" role="search" on:submit=search>
            <div class="field">
                <label for="tax-q">{move || i18n.o(O::TaxSearch)}</label>
                <input id="tax-q" type="search" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="field field-check">
                <input id="tax-arrears" type="checkbox" prop:checked=move || only.get()
                    on:change=move |ev| only.set(event_target_checked(&ev)) />
                <label for="tax-arrears">{move || i18n.o(O::TaxOnlyArrears)}</label>
            </div>
            <button type="submit" class="button button-secondary">{move || i18n.o(O::Filter)}</button>
        </form>
        <Transition fallback=loading>
            {move || list.get().map(|r| match r {
                Ok(l) if l.is_empty() => view! { <p>{i18n.o(O::TaxNone)}</p> }.into_any(),
                Ok(l) => view! { <Table list=l /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Table(list: Vec<TaxpayerSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.o(O::TaxTaxpayers)>
            <table class="data">
                <thead><tr>
                    <th scope="col">{i18n.o(O::TaxNumber)}</th>
                    <th scope="col">{i18n.o(O::TaxName)}</th>
                    <th scope="col">{i18n.o(O::TaxOverdue)}</th>
                    <th scope="col">{i18n.o(O::TaxInterest)}</th>
                    <th scope="col">{i18n.o(O::TaxSince)}</th>
                    <th scope="col">{i18n.o(O::TaxUpcoming)}</th>
                    <th scope="col">{i18n.o(O::TaxOverpayment)}</th>
                    <th scope="col">{i18n.o(O::TaxAccount)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|t| {
                        let late = t.overdue > 0;
                        view! {
                        <tr class:overdue=late>
                            <td>{t.number}</td>
                            <th scope="row"><A href=format!("/office/taxes/taxpayers/{}", t.id)>{t.name}</A></th>
                            <td>{money(t.overdue)}</td>
                            <td>{money(t.interest)}</td>
                            <td>{t.overdue_since.unwrap_or_default()}</td>
                            <td>{money(t.upcoming)}</td>
                            <td>{money(t.overpayment)}</td>
                            <td class="nowrap">{t.account}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
