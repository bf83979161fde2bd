//! `/alerts/team`: the crisis team issues an alert (with the SMS's live part count) and
//! watches each alert's deliveries per channel, refreshed every two seconds.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::alerts::{
    AlertStatus, Category, ChannelCounts, MAX_SMS_PARTS, NewAlert, Severity, check_alert,
    sms_with_link,
};
use models::error::ErrorCode;
use models::validate::FieldErrors;

use super::public::AlertCard;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Alerts as A_, use_i18n};
use crate::state::use_session;
use crate::time::warsaw_ms;

/// The console (the crisis team and admins; the server refuses anyone else).
#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_title(move || i18n.al(A_::Team).to_owned());
    let alerts = RwSignal::new(Vec::<AlertStatus>::new());
    let load_error = RwSignal::new(None::<ApiError>);
    let refresh = move || {
        spawn_local(async move {
            match api::alerts::team_alerts().await {
                Ok(list) => {
                    alerts.set(list);
                    load_error.set(None);
                }
                Err(e) => load_error.set(Some(e)),
            }
        });
    };
    refresh();
    if let Ok(handle) = set_interval_with_handle(refresh, Duration::from_secs(2)) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <h1>{move || i18n.al(A_::Team)}</h1>
        {move || (session.ready.get() && !session.logged_in()).then(|| view! { <p class="notice">{i18n.al(A_::TeamOnly)}</p> })}
        <ErrorAlert error=load_error />
        <IssueForm on_issued=move || refresh() />
        <h2>{move || i18n.al(A_::Delivery)}</h2>
        {move || alerts.get().into_iter().map(|s| view! { <AlertRow status=s on_change=move || refresh() /> }).collect_view()}
    }
}

#[component]
fn AlertRow(status: AlertStatus, on_change: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let id = status.alert.id.clone();
    let live = !status.alert.cancelled;
    let row = |name: &'static str, c: ChannelCounts| {
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{c.queued}</td>
                <td>{c.sent}</td>
                <td>{c.failed}</td>
                <td>{c.cancelled}</td>
            </tr>
        }
    };
    let by = status.issued_by.clone();
    let at = status.alert.issued_at;
    view! {
        <section class="team-alert">
            <AlertCard alert=status.alert.clone() />
            <p class="hint">{move || i18n.al(A_::IssuedBy).replace("{name}", &by).replace("{time}", &warsaw_ms(at, i18n.lang()))}
                {(!live).then(|| view! { " · " {move || i18n.al(A_::Ended)} })}</p>
            <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.al(A_::Delivery)>
                <table class="delivery-counts">
                    <caption>{move || i18n.al(A_::Delivery)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.al(A_::Channel)}</th>
                        <th scope="col">{move || i18n.al(A_::Queued)}</th>
                        <th scope="col">{move || i18n.al(A_::Sent)}</th>
                        <th scope="col">{move || i18n.al(A_::Failed)}</th>
                        <th scope="col">{move || i18n.al(A_::CancelledCount)}</th>
                    </tr></thead>
                    <tbody>{row("E-mail", status.email)}{row("SMS", status.sms)}</tbody>
                </table>
            </div>
            <p><leptos_router::components::A href=format!("/alerts/team/{}", status.alert.id)>{move || i18n.al(A_::Recipients)}</leptos_router::components::A></p>
            {live.then(|| view! {
                <button type="button" class="button button-secondary" on:click=move |_| {
                    let id = id.clone();
                    spawn_local(async move { let _ = api::alerts::cancel(&id).await; on_change(); });
                }>{move || i18n.al(A_::EndNow)}</button>
            })}
        </section>
    }
}

#[component]
fn IssueForm(on_issued: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let severity = RwSignal::new("severe".to_owned());
    let category = RwSignal::new("flood".to_owned());
    let texts: [RwSignal<String>; 9] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [
        valid_from,
        valid_to,
        headline_pl,
        text_pl,
        headline_en,
        text_en,
        headline_uk,
        text_uk,
        sms_text,
    ] = texts;
    let areas = RwSignal::new(Vec::<String>::new());
    let known = LocalResource::new(api::alerts::areas);
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let count = move || {
        let n = sms_with_link(sms_text.get().trim());
        i18n.al(A_::SmsCount)
            .replace("{chars}", &n.chars.to_string())
            .replace("{parts}", &n.parts.to_string())
            .replace("{max}", &MAX_SMS_PARTS.to_string())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let alert = NewAlert {
            severity: severity.get_untracked(),
            category: category.get_untracked(),
            areas: areas.get_untracked(),
            valid_from: valid_from.get_untracked(),
            valid_to: valid_to.get_untracked(),
            headline_pl: headline_pl.get_untracked(),
            text_pl: text_pl.get_untracked(),
            headline_en: headline_en.get_untracked(),
            text_en: text_en.get_untracked(),
            headline_uk: headline_uk.get_untracked(),
            text_uk: text_uk.get_untracked(),
            sms_text: sms_text.get_untracked(),
        };
        let problems = check_alert(&alert);
        if !problems.is_empty() {
            fields.set(problems);
            error.set(Some(ApiError::new(ErrorCode::ValidationFailed)));
            return;
        }
        spawn_local(async move {
            match api::alerts::issue(&alert).await {
                Ok(_) => {
                    fields.set(FieldErrors::new());
                    error.set(None);
                    done.set(true);
                    for t in texts {
                        t.set(String::new());
                    }
                    on_issued();
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
        });
    };
    let area = |id: &'static str, label: A_, value: RwSignal<String>| {
        view! {
            <div class="field" class:field-invalid=move || err(id).get().is_some()>
                <label for=id>{move || i18n.al(label)}</label>
                <textarea id=id name=id rows="4" maxlength="2000"
                    aria-invalid=move || err(id).get().is_some().then_some("true")
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
                {move || err(id).get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
        }
    };
    view! {
        <h2>{move || i18n.al(A_::NewAlert)}</h2>
        <form on:submit=submit novalidate class="issue-alert">
            <ErrorAlert error=error />
            <div role="status">{move || done.get().then(|| view! { <p class="alert alert-success">{i18n.al(A_::Issued)}</p> })}</div>
            <div class="field">
                <label for="severity">{move || i18n.al(A_::Severity)}</label>
                <select id="severity" prop:value=move || severity.get() on:change=move |ev| severity.set(event_target_value(&ev))>
                    {Severity::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{move || s.label(i18n.lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="category">{move || i18n.al(A_::Category)}</label>
                <select id="category" prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{move || c.label(i18n.lang())}</option> }).collect_view()}
                </select>
            </div>
            <fieldset class="field checkboxes">
                <legend>{move || i18n.al(A_::Areas)}</legend>
                {move || known.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|a| {
                    let id = format!("area-{}", a.code);
                    let for_id = id.clone();
                    let code = a.code.clone();
                    let c2 = a.code.clone();
                    view! {
                        <label class="checkbox" for=for_id>
                            <input type="checkbox" id=id prop:checked=move || areas.with(|v| v.contains(&c2))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let code = code.clone();
                                    areas.update(|v| { v.retain(|x| *x != code); if on { v.push(code); } });
                                } />
                            " " {a.name}
                        </label>
                    }
                }).collect_view()}
                {move || err("areas").get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </fieldset>
            <TextField id="valid_from" label=Signal::derive(move || i18n.al(A_::From)) value=valid_from error=err("valid_from") kind="datetime-local" />
            <TextField id="valid_to" label=Signal::derive(move || i18n.al(A_::To)) value=valid_to error=err("valid_to") kind="datetime-local" required=true />
            <TextField id="headline_pl" label=Signal::derive(move || i18n.al(A_::HeadlinePl)) value=headline_pl error=err("headline_pl") required=true />
            {area("text_pl", A_::TextPl, text_pl)}
            {area("sms_text", A_::SmsText, sms_text)}
            <p class="hint" aria-live="polite">{count}</p>
            <TextField id="headline_en" label=Signal::derive(move || i18n.al(A_::HeadlineEn)) value=headline_en error=err("headline_en") />
            {area("text_en", A_::TextEn, text_en)}
            <TextField id="headline_uk" label=Signal::derive(move || i18n.al(A_::HeadlineUk)) value=headline_uk error=err("headline_uk") />
            {area("text_uk", A_::TextUk, text_uk)}
            <button type="submit" class="button">{move || i18n.al(A_::Issue)}</button>
        </form>
    }
}
