//! `/login`: e-mail and password; then back to `?next=` or home.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::auth::LoginRequest;
use models::error::{ErrorCode, ErrorDetail, FieldError};
use models::validate::FieldErrors;

use crate::api;
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};
use crate::state::use_session;

/// Only a local path (one leading slash) may be a redirect target.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".to_owned())
}

/// The login form.
#[component]
pub fn Login() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    use_title(move || i18n.t(Msg::LoginTitle).to_owned());

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ErrorDetail>);
    let pending = RwSignal::new(false);
    let registered = move || {
        query
            .with(|q| q.get("registered").is_some())
            .then(|| i18n.t(Msg::Registered))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut errs = FieldErrors::new();
        if email.get_untracked().trim().is_empty() {
            errs.insert("email".into(), FieldError::Required);
        }
        if password.get_untracked().is_empty() {
            errs.insert("password".into(), FieldError::Required);
        }
        fields.set(errs.clone());
        if !errs.is_empty() {
            return;
        }
        let req = LoginRequest {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        let next = safe_next(query.with_untracked(|q| q.get("next")));
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::auth::login(&req).await {
                Ok(me) => {
                    session.user.set(Some(me));
                    session.ready.set(true);
                    navigate(&next, Default::default());
                }
                Err(e) => {
                    if e.code == ErrorCode::ValidationFailed {
                        fields.set(e.fields.clone());
                    }
                    password.set(String::new());
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };

    let field =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    view! {
        <h1>{move || i18n.t(Msg::LoginTitle)}</h1>
        <StatusMessage text=Signal::derive(registered) />
        <form class="form" on:submit=submit novalidate=true>
            <ErrorAlert error=error />
            <TextField id="email" label=Signal::derive(move || i18n.t(Msg::Email)) value=email error=field("email")
                kind="email" autocomplete="username" inputmode="email" required=true />
            <TextField id="password" label=Signal::derive(move || i18n.t(Msg::Password)) value=password
                error=field("password") kind="password" autocomplete="current-password" required=true />
            <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
                {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::LogIn) }}
            </button>
        </form>
        <p>{move || i18n.t(Msg::NoAccount)} " " <A href="/register">{move || i18n.t(Msg::CreateAccount)}</A></p>
    }
}
