//! The person's sessions, with "log out this session" and "log out everywhere".

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use models::auth::SessionInfo;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::i18n::{Msg, use_i18n};
use crate::pages::account::session_row::SessionRow;
use crate::state::use_session;

/// `/api/auth/sessions` as last loaded (`None` while loading). A signal filled by
/// `spawn_local` rather than a `LocalResource` under `<Transition>`: the same states for
/// ~5 kB less wasm (brotli, measured).
#[derive(Debug, Clone, Copy)]
pub struct SessionList(RwSignal<Option<Result<Vec<SessionInfo>, ApiError>>>);

impl SessionList {
    /// Starts loading the list.
    pub fn new() -> SessionList {
        let list = SessionList(RwSignal::new(None));
        list.reload();
        list
    }

    /// Loads the list again, keeping the old one on screen meanwhile.
    pub fn reload(self) {
        spawn_local(async move { self.0.set(Some(api::auth::sessions().await)) });
    }
}

/// The sessions list.
#[component]
pub fn Sessions(list: SessionList) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let end = Callback::new(move |id: String| {
        spawn_local(async move {
            match api::auth::end_session(&id).await {
                Ok(()) => list.reload(),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let everywhere = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::auth::logout_everywhere().await {
                Ok(_) => {
                    // Leave the page first, so it does not send the person to the login
                    // page with `?next=` back here.
                    navigate("/login", Default::default());
                    session.user.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section aria-labelledby="sessions">
            <h2 id="sessions">{move || i18n.t(Msg::ActiveSessions)}</h2>
            <ErrorAlert error=error />
            {move || match list.0.get() {
                None => view! { <p role="status">{move || i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert error=Signal::stored(Some(e)) /> }.into_any(),
                Some(Ok(items)) => view! {
                    <ul class="session-list">
                        {items.into_iter().map(|s| view! { <SessionRow info=s on_end=end /> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <button type="button" class="button button-danger" on:click=everywhere>
                {move || i18n.t(Msg::LogoutEverywhere)}
            </button>
        </section>
    }
}
