//! `/login`: e-mail and password; then back to `?next=` or home.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::auth::LoginRequest;
use models::error::{ErrorCode, FieldError};
use models::validate::{self, FieldErrors};

use crate::api::{self, ApiError};
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

/// The browser's checks, the same the server makes before looking the person up.
fn check(req: &LoginRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if let Err(e) = validate::email(&req.email) {
        errors.insert("email".into(), e);
    }
    if req.password.is_empty() {
        errors.insert("password".into(), FieldError::Required);
    }
    errors
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
    // The second factor, once the server asks for it.
    let code = RwSignal::new(String::new());
    let needs_code = RwSignal::new(false);
    let setup = RwSignal::new(None::<models::auth::TotpSetup>);
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let registered = move || {
        query.with(|q| {
            if q.get("activated").is_some() {
                Some(i18n.t(Msg::Activated))
            } else {
                q.get("registered")
                    .is_some()
                    .then(|| i18n.t(Msg::Registered))
            }
        })
    };

    // Writes run in `spawn_local` with a pending flag rather than `Action`s: the same
    // behaviour for fewer bytes of wasm (measured: ~4 kB brotli for the app's forms).
    let pending = RwSignal::new(false);
    let login = move |req: LoginRequest| {
        let next = safe_next(query.with_untracked(|q| q.get("next")));
        let navigate = navigate.clone();
        pending.set(true);
        spawn_local(async move {
            match api::auth::login(&req).await {
                Ok(me) => {
                    session.user.set(Some(me));
                    session.ready.set(true);
                    navigate(&next, Default::default());
                }
                Err(e) => {
                    let second_factor = matches!(
                        e.code,
                        ErrorCode::SecondFactorRequired
                            | ErrorCode::SecondFactorSetupRequired
                            | ErrorCode::InvalidSecondFactor
                    );
                    if e.code == ErrorCode::SecondFactorSetupRequired
                        && setup.get_untracked().is_none()
                    {
                        setup.set(api::auth::totp_setup(&req).await.ok());
                    }
                    if second_factor {
                        needs_code.set(true);
                        code.set(String::new());
                    } else {
                        password.set(String::new());
                    }
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let req = LoginRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            code: needs_code.get_untracked().then(|| code.get_untracked()),
        };
        let errors = check(&req);
        let invalid = !errors.is_empty();
        fields.set(errors);
        error.set(invalid.then(|| ApiError::new(ErrorCode::ValidationFailed)));
        if !invalid {
            login(req);
        }
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
            {move || setup.get().map(|s| view! {
                <div class="notice">
                    <p>{i18n.t(Msg::AuthSetup)}</p>
                    <img class="qr" src=s.qr.clone() width="200" height="200" alt=i18n.t(Msg::AuthQr) />
                    <p><a href=s.uri.clone()>{i18n.t(Msg::AuthSetupLink)}</a></p>
                    <p>{i18n.t(Msg::AuthKey)} ": " <code class="secret">{s.secret.clone()}</code></p>
                </div>
            })}
            {move || needs_code.get().then(|| view! {
                <TextField id="code" label=Signal::derive(move || i18n.t(Msg::AuthCode)) value=code
                    error=field("code") autocomplete="one-time-code" inputmode="numeric" required=true />
            })}
            <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
                {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::LogIn) }}
            </button>
        </form>
        <p>{move || i18n.t(Msg::NoAccount)} " " <A href="/register">{move || i18n.t(Msg::CreateAccount)}</A></p>
    }
}
