//! `/account`: profile, password change and sessions. Needs a session: visitors are
//! sent to `/login?next=/account`.

mod password;
mod profile;
mod session_row;
mod sessions;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};
use crate::state::use_session;

/// My account.
#[component]
pub fn Account() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    use_title(move || i18n.t(Msg::AccountTitle).to_owned());
    Effect::new(move |_| {
        // Only while still on this page: logging out navigates away first.
        let here = location.pathname.with_untracked(|p| p == "/account");
        if here && session.ready.get() && !session.logged_in() {
            navigate("/login?next=/account", Default::default());
        }
    });
    view! {
        <h1>{move || i18n.t(Msg::AccountTitle)}</h1>
        <Show
            when=move || session.logged_in()
            fallback=move || view! { <p role="status">{move || i18n.t(Msg::Loading)}</p> }
        >
            <AccountSections />
        </Show>
    }
}

/// The three sections, once the person is known.
#[component]
fn AccountSections() -> impl IntoView {
    // A password change ends the other sessions, so the list is reloaded after it.
    let list = sessions::SessionList::new();
    view! {
        <profile::Profile />
        <password::PasswordChange on_changed=Callback::new(move |()| list.reload()) />
        <sessions::Sessions list=list />
    }
}
