//! Changing the password (re-authentication with the current one).

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::auth::ChangePasswordRequest;
use models::error::{ErrorCode, ErrorDetail};
use models::validate::{self, FieldErrors};

use crate::api;
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::field::TextField;
use crate::i18n::{Msg, use_i18n};

/// The password change form.
#[component]
pub fn PasswordChange() -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ErrorDetail>);
    let done = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let req = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        let errs = validate::change_password(&req);
        fields.set(errs.clone());
        done.set(false);
        if !errs.is_empty() {
            error.set(Some(
                models::error::ErrorBody::new(ErrorCode::ValidationFailed, i18n.lang()).error,
            ));
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::auth::change_password(&req).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    let field =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    view! {
        <section aria-labelledby="password-change">
            <h2 id="password-change">{move || i18n.t(Msg::ChangePassword)}</h2>
            <p>{move || i18n.t(Msg::PasswordChangeNote)}</p>
            <form class="form" on:submit=submit novalidate=true>
                <ErrorAlert error=error />
                <StatusMessage text=Signal::derive(move || done.get().then(|| i18n.t(Msg::PasswordChanged))) />
                <TextField id="current_password" label=Signal::derive(move || i18n.t(Msg::CurrentPassword))
                    value=current error=field("current_password") kind="password"
                    autocomplete="current-password" required=true />
                <TextField id="new_password" label=Signal::derive(move || i18n.t(Msg::NewPassword)) value=new
                    error=field("new_password") kind="password" autocomplete="new-password" required=true
                    hint=Signal::derive(move || i18n.t(Msg::PasswordHint)) />
                <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
                    {move || i18n.t(Msg::ChangePasswordButton)}
                </button>
            </form>
        </section>
    }
}
