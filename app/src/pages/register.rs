//! `/register`: a new resident account, validated here with the server's own rules.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use models::auth::RegisterRequest;
use models::error::ErrorCode;
use models::validate::{self, FieldErrors};

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::{focus_main_heading, use_title};
use crate::i18n::{Msg, use_i18n};

/// The registration form.
#[component]
pub fn Register() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    use_title(move || i18n.t(Msg::RegisterTitle).to_owned());

    let full_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pesel = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);

    let pending = RwSignal::new(false);
    let register = move |req: RegisterRequest| {
        let navigate = navigate.clone();
        pending.set(true);
        spawn_local(async move {
            match api::auth::register(&req).await {
                // Registration does not log in: the login page says the account exists.
                Ok(_) => navigate("/login?registered=1", Default::default()),
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    focus_main_heading();
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
        let pesel = pesel.get_untracked().trim().to_owned();
        let req = RegisterRequest {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            full_name: full_name.get_untracked().trim().to_owned(),
            pesel: (!pesel.is_empty()).then_some(pesel),
        };
        let errors = validate::register(&req);
        let invalid = !errors.is_empty();
        fields.set(errors);
        error.set(invalid.then(|| ApiError::new(ErrorCode::ValidationFailed)));
        if !invalid {
            register(req);
        }
    };

    let field =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    view! {
        <h1>{move || i18n.t(Msg::RegisterTitle)}</h1>
        <p class="lead">{move || i18n.t(Msg::RegisterLead)}</p>
        <form class="form" on:submit=submit novalidate=true>
            <ErrorAlert error=error />
            <TextField id="full_name" label=Signal::derive(move || i18n.t(Msg::FullName)) value=full_name
                error=field("full_name") autocomplete="name" required=true />
            <TextField id="email" label=Signal::derive(move || i18n.t(Msg::Email)) value=email error=field("email")
                kind="email" autocomplete="email" inputmode="email" required=true />
            <TextField id="password" label=Signal::derive(move || i18n.t(Msg::Password)) value=password
                error=field("password") kind="password" autocomplete="new-password" required=true
                hint=Signal::derive(move || i18n.t(Msg::PasswordHint)) />
            <TextField id="pesel" label=Signal::derive(move || i18n.t(Msg::PeselOptional)) value=pesel
                error=field("pesel") inputmode="numeric" hint=Signal::derive(move || i18n.t(Msg::PeselHint)) />
            <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
                {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::CreateAccount) }}
            </button>
        </form>
        <p>{move || i18n.t(Msg::HaveAccount)} " " <A href="/login">{move || i18n.t(Msg::LogIn)}</A></p>
    }
}
