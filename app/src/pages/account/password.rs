//! Changing the password (re-authentication with the current one).

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::auth::ChangePasswordRequest;
use models::error::ErrorCode;
use models::validate::{self, FieldErrors};

use crate::api::{self, ApiError};
use crate::components::alert::{ErrorAlert, StatusMessage};
use crate::components::field::TextField;
use crate::i18n::{Msg, use_i18n};

/// The password change form; `on_changed` runs after a successful change.
#[component]
pub fn PasswordChange(on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);

    let pending = RwSignal::new(false);
    let change = move |req: ChangePasswordRequest| {
        pending.set(true);
        spawn_local(async move {
            match api::auth::change_password(&req).await {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                    on_changed.run(());
                }
                // A wrong current password comes back as a field error on it.
                Err(e) => {
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
        let req = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        let errors = validate::change_password(&req);
        let invalid = !errors.is_empty();
        fields.set(errors);
        done.set(false);
        error.set(invalid.then(|| ApiError::new(ErrorCode::ValidationFailed)));
        if !invalid {
            change(req);
        }
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
                    {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::ChangePasswordButton) }}
                </button>
            </form>
        </section>
    }
}
