//! The public side of alerts: what is in force, subscribing, and the links in messages.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::alerts::{Alert, Category, ConfirmSms, SubscribeRequest, Subscription};
use models::error::FieldError;
use models::lang::Lang;
use models::validate::FieldErrors;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Alerts as A_, Msg, use_i18n};
use crate::state::use_session;
use crate::time::warsaw_ms;

/// One alert as a card.
#[component]
pub fn AlertCard(alert: Alert) -> impl IntoView {
    let i18n = use_i18n();
    let areas = if alert.areas.is_empty() {
        None
    } else {
        Some(
            alert
                .areas
                .iter()
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let (from, to) = (alert.valid_from, alert.valid_to);
    let severe = matches!(
        alert.severity,
        models::alerts::Severity::Extreme | models::alerts::Severity::Severe
    );
    view! {
        <article class="card alert-card" class:alert-severe=severe lang=alert.lang.tag()>
            <p class="alert-kind">
                <strong>{move || alert.severity.label(i18n.lang())}</strong>
                " · "
                {move || alert.category.label(i18n.lang())}
            </p>
            <h3>{alert.headline.clone()}</h3>
            <p class="alert-text">{alert.text.clone()}</p>
            <dl class="facts">
                <dt>{move || i18n.al(A_::Area)}</dt>
                <dd>{move || areas.clone().unwrap_or_else(|| i18n.al(A_::WholeGmina).to_owned())}</dd>
                <dt>{move || i18n.al(A_::Valid)}</dt>
                <dd>{move || i18n.al(A_::ValidRange)
                    .replace("{from}", &warsaw_ms(from, i18n.lang()))
                    .replace("{to}", &warsaw_ms(to, i18n.lang()))}</dd>
            </dl>
        </article>
    }
}

/// `/alerts`: the alerts in force.
#[component]
pub fn InForce() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_title(move || i18n.al(A_::Title).to_owned());
    let alerts = LocalResource::new(api::alerts::active);
    let team = move || {
        session.user.with(|u| {
            u.as_ref().is_some_and(|u| {
                u.roles
                    .iter()
                    .any(|r| matches!(r, models::auth::Role::Crisis | models::auth::Role::Admin))
            })
        })
    };
    view! {
        <h1>{move || i18n.al(A_::Title)}</h1>
        <p class="lead">{move || i18n.al(A_::Lead)}</p>
        <p class="actions">
            <A href="/alerts/subscribe" attr:class="button">{move || i18n.al(A_::Subscribe)}</A>
            {move || team().then(|| view! { <A href="/alerts/team" attr:class="button button-secondary">{i18n.al(A_::Team)}</A> })}
        </p>
        <h2>{move || i18n.al(A_::InForce)}</h2>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || alerts.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! { <p>{i18n.al(A_::NoneInForce)}</p> }.into_any(),
                Ok(list) => list.into_iter().map(|a| view! { <AlertCard alert=a /> }).collect_view().into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <p><a href="/api/alerts/cap" rel="external">{move || i18n.al(A_::Feed)}</a></p>
    }
}

/// A fieldset of checkboxes; `chosen` holds the ticked values.
#[component]
fn Checkboxes(
    legend: Signal<&'static str>,
    options: Signal<Vec<(String, String)>>,
    chosen: RwSignal<Vec<String>>,
    #[prop(into)] error: Signal<Option<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field checkboxes">
            <legend>{move || legend.get()}</legend>
            {move || options.get().into_iter().map(|(value, label)| {
                let v = value.clone();
                let id = format!("choice-{value}");
                let for_id = id.clone();
                view! {
                    <label class="checkbox" for=for_id>
                        <input type="checkbox" id=id value=value.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&v))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let value = value.clone();
                                chosen.update(|c| { c.retain(|x| *x != value); if on { c.push(value); } });
                            } />
                        " " {label}
                    </label>
                }
            }).collect_view()}
            {move || error.get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
        </fieldset>
    }
}

/// `/alerts/subscribe`: an e-mail and/or a phone, areas, categories, language.
#[component]
pub fn SubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.al(A_::Subscribe).to_owned());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let areas = RwSignal::new(Vec::<String>::new());
    let categories = RwSignal::new(Vec::<String>::new());
    let lang = RwSignal::new(i18n.lang().tag().to_owned());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let answer = RwSignal::new(None::<models::alerts::SubscribeAnswer>);
    let known = LocalResource::new(api::alerts::areas);
    let area_options = Signal::derive(move || {
        known
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|a| (a.code, a.name))
            .collect()
    });
    let category_options = Signal::derive(move || {
        Category::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.label(i18n.lang()).to_owned()))
            .collect()
    });
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = SubscribeRequest {
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            areas: areas.get_untracked(),
            categories: categories.get_untracked(),
            lang: Lang::from_tag(&lang.get_untracked()).unwrap_or_default(),
        };
        spawn_local(async move {
            match api::alerts::subscribe(&req).await {
                Ok(a) => {
                    fields.set(FieldErrors::new());
                    error.set(None);
                    answer.set(Some(a));
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <h1>{move || i18n.al(A_::Subscribe)}</h1>
        <p class="lead">{move || i18n.al(A_::SubscribeLead)}</p>
        {move || match answer.get() {
            Some(a) => view! { <Sent answer=a /> }.into_any(),
            None => view! {
                <form on:submit=submit novalidate>
                    <ErrorAlert error=error />
                    <TextField id="email" label=Signal::derive(move || i18n.al(A_::Email)) value=email
                        error=err("email") kind="email" autocomplete="email" inputmode="email" />
                    <TextField id="phone" label=Signal::derive(move || i18n.al(A_::Phone)) value=phone
                        error=err("phone") kind="tel" autocomplete="tel" inputmode="tel"
                        hint=Signal::derive(move || i18n.al(A_::PhoneHint)) />
                    <Checkboxes legend=Signal::derive(move || i18n.al(A_::Areas)) options=area_options chosen=areas error=err("areas") />
                    <Checkboxes legend=Signal::derive(move || i18n.al(A_::Categories)) options=category_options chosen=categories error=err("categories") />
                    <div class="field">
                        <label for="lang">{move || i18n.al(A_::MessagesIn)}</label>
                        <select id="lang" prop:value=move || lang.get() on:change=move |ev| lang.set(event_target_value(&ev))>
                            {Lang::ALL.into_iter().map(|l| view! { <option value=l.tag()>{l.native_name()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button">{move || i18n.al(A_::Send)}</button>
                </form>
            }.into_any(),
        }}
    }
}

/// After subscribing: what was sent, and the SMS code's form.
#[component]
fn Sent(answer: models::alerts::SubscribeAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<Subscription>);
    let phone = answer.sms_code_sent_to.clone();
    view! {
        <div role="status">
            {answer.email_link_sent.then(|| view! { <p class="alert alert-success">{move || i18n.al(A_::LinkSent)}</p> })}
        </div>
        {phone.map(|phone| {
            let to = phone.clone();
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let req = ConfirmSms { phone: phone.clone(), code: code.get_untracked() };
                spawn_local(async move {
                    match api::alerts::confirm_sms(&req).await {
                        Ok(s) => done.set(Some(s)),
                        Err(e) => {
                            fields.set(e.fields.clone());
                            error.set(Some(e));
                        }
                    }
                });
            };
            view! {
                <p>{move || i18n.al(A_::CodeSent).replace("{phone}", &to)}</p>
                {move || match done.get() {
                    Some(s) => view! { <p class="alert alert-success" role="status">{i18n.al(A_::Confirmed).replace("{address}", &s.address)}</p> }.into_any(),
                    None => view! {
                        <form on:submit=submit.clone() novalidate>
                            <ErrorAlert error=error />
                            <TextField id="code" label=Signal::derive(move || i18n.al(A_::Code)) value=code
                                error=Signal::derive(move || fields.with(|f| f.get("code").copied()))
                                inputmode="numeric" autocomplete="one-time-code" />
                            <button type="submit" class="button">{i18n.al(A_::ConfirmCode)}</button>
                        </form>
                    }.into_any(),
                }}
            }
        })}
    }
}

/// `/alerts/confirm/{token}`: confirms on opening (the link is the consent).
#[component]
pub fn ConfirmPage(token: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.al(A_::Subscribe).to_owned());
    let result = LocalResource::new(move || {
        let token = token.clone();
        async move { api::alerts::confirm(&token).await }
    });
    view! {
        <h1>{move || i18n.al(A_::Subscribe)}</h1>
        <div role="status">
            {move || match result.get() {
                None => view! { <p>{i18n.al(A_::Confirming)}</p> }.into_any(),
                Some(Ok(s)) => view! { <p class="alert alert-success">{i18n.al(A_::Confirmed).replace("{address}", &s.address)}</p> }.into_any(),
                Some(Err(_)) => view! { <p class="alert alert-error">{i18n.al(A_::LinkInvalid)}</p> }.into_any(),
            }}
        </div>
        <p><A href="/alerts">{move || i18n.al(A_::Title)}</A></p>
    }
}

/// `/alerts/unsubscribe/{token}` and `/a/{token}`: one click on the button (a link
/// preview or a mail scanner opening the page unsubscribes nobody).
#[component]
pub fn UnsubscribePage(token: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.al(A_::Unsubscribe).to_owned());
    let done = RwSignal::new(None::<Result<Subscription, ApiError>>);
    let click = move |_| {
        let token = token.clone();
        spawn_local(async move { done.set(Some(api::alerts::unsubscribe(&token).await)) });
    };
    view! {
        <h1>{move || i18n.al(A_::Unsubscribe)}</h1>
        <div role="status">
            {move || match done.get() {
                Some(Ok(s)) => Some(view! { <p class="alert alert-success">{i18n.al(A_::Unsubscribed).replace("{address}", &s.address)}</p> }.into_any()),
                Some(Err(_)) => Some(view! { <p class="alert alert-error">{i18n.al(A_::LinkInvalid)}</p> }.into_any()),
                None => None,
            }}
        </div>
        {move || done.get().is_none().then(|| view! {
            <p>{i18n.al(A_::UnsubscribeLead)}</p>
            <button type="button" class="button" on:click=click.clone()>{i18n.al(A_::Unsubscribe)}</button>
        })}
    }
}
