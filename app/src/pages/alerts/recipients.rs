//! `/alerts/team/ID`: an alert's recipients for the crisis team — each delivery's
//! channel, masked address, status, tries and last error, failed first, filtered by
//! status, a hundred at a time, refreshed every two seconds.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::alerts::RecipientPage;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Alerts as A_, use_i18n};
use crate::time::warsaw_ms;

/// The page (the crisis team and admins; the server refuses anyone else).
#[component]
pub fn RecipientsPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.al(A_::RecipientsOf).to_owned());
    let status = RwSignal::new(String::new());
    let page = RwSignal::new(1i64);
    let found = RwSignal::new(None::<RecipientPage>);
    let error = RwSignal::new(None::<ApiError>);
    let load = {
        let id = id.clone();
        move || {
            let id = id.clone();
            let (s, p) = (status.get_untracked(), page.get_untracked());
            spawn_local(async move {
                match api::alerts::recipients(&id, &s, p).await {
                    Ok(r) => {
                        found.set(Some(r));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    load();
    let again = load.clone();
    if let Ok(handle) = set_interval_with_handle(again, Duration::from_secs(2)) {
        on_cleanup(move || handle.clear());
    }
    let choose = {
        let load = load.clone();
        move |ev: leptos::ev::Event| {
            status.set(event_target_value(&ev));
            page.set(1);
            load();
        }
    };
    let step = move |by: i64| {
        let load = load.clone();
        move |_| {
            page.update(|p| *p = (*p + by).max(1));
            load();
        }
    };
    let states = [
        ("", A_::AllStates),
        ("failed", A_::Failed),
        ("queued", A_::Queued),
        ("sent", A_::Sent),
        ("cancelled", A_::CancelledCount),
    ];
    let label = move |s: &str| match s {
        "failed" => i18n.al(A_::Failed),
        "queued" => i18n.al(A_::Queued),
        "sent" => i18n.al(A_::Sent),
        _ => i18n.al(A_::CancelledCount),
    };
    view! {
        <p><A href="/alerts/team">{move || i18n.al(A_::BackToTeam)}</A></p>
        <h1>{move || i18n.al(A_::RecipientsOf)}</h1>
        <p class="lead">{move || i18n.al(A_::RecipientsLead)}</p>
        <div class="field">
            <label for="recipient-state">{move || i18n.al(A_::State)}</label>
            <select id="recipient-state" on:change=choose>
                {states.into_iter().map(|(value, text)| view! { <option value=value>{move || i18n.al(text)}</option> }).collect_view()}
            </select>
        </div>
        <ErrorAlert error=error />
        {move || found.get().map(|p| {
            let from = if p.total == 0 { 0 } else { (p.page - 1) * p.per_page + 1 };
            let to = ((p.page - 1) * p.per_page + p.recipients.len() as i64).max(0);
            let more = to < p.total;
            let lang = i18n.lang();
            view! {
                <p role="status">{i18n.al(A_::Shown).replace("{from}", &from.to_string()).replace("{to}", &to.to_string()).replace("{total}", &p.total.to_string())}</p>
                <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.al(A_::Recipients)>
                    <table class="data">
                        <thead><tr>
                            <th scope="col">{i18n.al(A_::Address)}</th>
                            <th scope="col">{i18n.al(A_::Channel)}</th>
                            <th scope="col">{i18n.al(A_::State)}</th>
                            <th scope="col">{i18n.al(A_::Attempts)}</th>
                            <th scope="col">{i18n.al(A_::LastError)}</th>
                        </tr></thead>
                        <tbody>
                            {p.recipients.into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.address}</th>
                                    <td>{if r.channel == "sms" { "SMS" } else { "E-mail" }}</td>
                                    <td>{label(&r.status)} {r.sent_at.map(|t| format!(" ({})", warsaw_ms(t, lang)))}</td>
                                    <td>{r.attempts}</td>
                                    <td>{r.error.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="actions">
                    {(p.page > 1).then(|| view! { <button type="button" class="button button-secondary" on:click=step(-1)>{i18n.al(A_::Previous)}</button> })}
                    {more.then(|| view! { <button type="button" class="button button-secondary" on:click=step(1)>{i18n.al(A_::Next)}</button> })}
                </p>
            }
        })}
    }
}
