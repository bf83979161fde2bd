//! `/cases/my/:id/upo`: the receipt (UPO) as a page to print or save as PDF, with every
//! signed field and a QR code that opens the verify page with this very receipt.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// The printable receipt.
#[component]
pub fn PrintableReceipt() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let receipt = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::cases::receipt(&id).await }
        }
    });
    use_title(move || i18n.t(Msg::UpoTitle).to_owned());
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let base = format!("/api/cases/{id}/receipt");
    let case = format!("/cases/my/{id}");
    let qr = format!("{base}/qr.svg");
    view! {
        <h1>{move || i18n.t(Msg::UpoTitle)}</h1>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || receipt.get().map(|result| match result {
                Ok(r) => {
                    let d = r.document;
                    view! {
                        <div class="upo">
                            <dl class="facts">
                                <dt>{i18n.t(Msg::Office)}</dt><dd>{d.office}</dd>
                                <dt>{i18n.t(Msg::Reference)}</dt><dd>{d.case_reference}</dd>
                                <dt>{i18n.t(Msg::ReceivedAt)}</dt><dd>{d.received_at}</dd>
                                <dt>{i18n.t(Msg::Submission)}</dt><dd class="mono">{d.submission_id}</dd>
                                <dt>{i18n.t(Msg::ContentDigest)}</dt><dd class="mono">{d.content_sha256}</dd>
                                <dt>{i18n.t(Msg::Attachments)}</dt>
                                <dd>
                                    <ul class="documents">
                                        {d.attachments.into_iter().map(|a| view! {
                                            <li>{a.name}" "<span class="muted">{format!("({} B)", a.size)}</span>
                                                <br /><span class="mono">{a.sha256}</span></li>
                                        }).collect_view()}
                                    </ul>
                                </dd>
                                <dt>{i18n.t(Msg::SignedWith).replace("{key}", &r.key_id)}</dt>
                                <dd class="mono">{r.signature}</dd>
                            </dl>
                            <img class="qr" src=qr.clone() alt=i18n.t(Msg::QrAlt) width="240" height="240" />
                        </div>
                    }.into_any()
                }
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <p>{move || i18n.t(Msg::QrHint).replace("{url}", &format!("{origin}/verify"))}</p>
        <p class="actions no-print">
            <button type="button" class="button" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{move || i18n.t(Msg::Print)}</button>
            <a class="button button-secondary" href=base.clone() download="UPO.json">{move || i18n.t(Msg::DownloadReceipt)}</a>
            <A href=case>{move || i18n.t(Msg::GoToCase)}</A>
        </p>
    }
}
