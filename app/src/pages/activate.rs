//! `/activate/<secret>`: the first password of an account a school office (or the
//! office) made for someone, from the link e-mailed to them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use models::auth::ActivateRequest;
use models::error::ErrorCode;
use models::validate::{self, FieldErrors};

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::{focus_main_heading, use_title};
use crate::i18n::{Msg, use_i18n};

/// The form.
#[component]
pub fn Activate() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let params = use_params_map();
    use_title(move || i18n.t(Msg::ActivateTitle).to_owned());
    let password = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let req = ActivateRequest {
            token: params.with_untracked(|p| p.get("token").unwrap_or_default()),
            password: password.get_untracked(),
        };
        if let Err(e) = validate::new_password(&req.password) {
            fields.set(FieldErrors::from([("password".to_owned(), e)]));
            error.set(Some(ApiError::new(ErrorCode::ValidationFailed)));
            return;
        }
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::auth::activate(&req).await {
                Ok(()) => navigate("/login?activated=1", Default::default()),
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    focus_main_heading();
                }
            }
            pending.set(false);
        });
    };
    let field =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let link_error = move || {
        fields
            .with(|f| f.get("token").copied())
            .map(|e| e.message(i18n.lang()))
    };
    view! {
        <h1>{move || i18n.t(Msg::ActivateTitle)}</h1>
        <p class="lead">{move || i18n.t(Msg::ActivateLead)}</p>
        <form class="form" on:submit=submit novalidate=true>
            <ErrorAlert error=error />
            <p class="field-error" role="status">{link_error}</p>
            <TextField id="password" label=Signal::derive(move || i18n.t(Msg::NewPassword)) value=password
                error=field("password") kind="password" autocomplete="new-password" required=true
                hint=Signal::derive(move || i18n.t(Msg::PasswordHint)) />
            <button type="submit" class="button" aria-disabled=move || pending.get().then_some("true")>
                {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::SetPassword) }}
            </button>
        </form>
    }
}
