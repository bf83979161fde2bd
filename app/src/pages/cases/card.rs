//! `/cases/services/:slug`: one e-service's card.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use models::services::Service;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{I18n, Msg, use_i18n};

/// The statutory limit in words.
fn period_text(i18n: I18n, period: &str) -> String {
    match period {
        "1m" => i18n.t(Msg::OneMonth).to_owned(),
        "2m" => i18n.t(Msg::TwoMonths).to_owned(),
        days => i18n
            .t(Msg::DaysLimit)
            .replace("{n}", days.trim_end_matches('d')),
    }
}

/// Złotys and grosze from grosze, e.g. `82,00 zł`.
fn money(grosze: i64) -> String {
    format!("{},{:02} zł", grosze / 100, (grosze % 100).abs())
}

/// What the service is, who may file it, what is needed, the fee and the time limit.
#[component]
pub fn ServiceCard() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let service = LocalResource::new(move || {
        let slug = slug();
        async move { api::services::one(&slug).await }
    });
    let title = move || {
        service
            .get()
            .and_then(Result::ok)
            .map(|s| s.summary.title.get(i18n.lang()).to_owned())
            .unwrap_or_default()
    };
    use_title(title);
    let details = move |s: Service| {
        let lang = i18n.lang();
        let fee = if s.summary.fee_grosze == 0 {
            i18n.t(Msg::FeeFree).to_owned()
        } else {
            money(s.summary.fee_grosze)
        };
        view! {
            <h1>{s.summary.title.get(lang).to_owned()}</h1>
            <p class="lead">{s.summary.summary.get(lang).to_owned()}</p>
            <dl class="facts">
                <dt>{i18n.t(Msg::WhoMayFile)}</dt>
                <dd>{s.who_may_file.get(lang).to_owned()}</dd>
                <dt>{i18n.t(Msg::DocumentsNeeded)}</dt>
                <dd>{s.documents.get(lang).to_owned()}</dd>
                <dt>{i18n.t(Msg::Fee)}</dt>
                <dd>{fee}</dd>
                <dt>{i18n.t(Msg::Deadline)}</dt>
                <dd>{period_text(i18n, &s.summary.period)}</dd>
            </dl>
            <p class="actions">
                <A href=format!("/cases/services/{}/file", s.summary.slug) attr:class="button">{i18n.t(Msg::FileApplication)}</A>
            </p>
        }
    };
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || service.get().map(|result| match result {
                Ok(s) => details(s).into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::NotFoundTitle)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
        <p><A href="/cases">{move || i18n.t(Msg::BackToCatalogue)}</A></p>
    }
}
