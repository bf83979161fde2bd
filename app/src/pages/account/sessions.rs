//! The person's sessions, with "log out this session" and "log out everywhere".

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use models::auth::SessionInfo;
use models::error::ErrorDetail;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::i18n::{Msg, use_i18n};
use crate::state::use_session;
use crate::time::warsaw;

/// A short, readable name for a browser's user-agent string, e.g. `Chrome · Android`.
fn browser_name(agent: &str) -> Option<String> {
    let find = |pairs: &[(&str, &'static str)]| {
        pairs
            .iter()
            .find(|(k, _)| agent.contains(k))
            .map(|(_, v)| *v)
    };
    let os = find(&[
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]);
    let browser = find(&[
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]);
    match (browser, os) {
        (Some(b), Some(o)) => Some(format!("{b} · {o}")),
        (Some(b), None) => Some(b.to_owned()),
        _ => None,
    }
}

/// The sessions list.
#[component]
pub fn Sessions() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let list = RwSignal::new(None::<Vec<SessionInfo>>);
    let error = RwSignal::new(None::<ErrorDetail>);
    let load = move || {
        spawn_local(async move {
            match api::auth::sessions().await {
                Ok(l) => list.set(Some(l)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    load();
    let end = move |id: String| {
        spawn_local(async move {
            match api::auth::end_session(&id).await {
                Ok(()) => load(),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let everywhere = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::auth::logout_everywhere().await {
                Ok(_) => {
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
            {move || match list.get() {
                None => view! { <p role="status">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(items) => view! {
                    <ul class="session-list">
                        {items.into_iter().map(|s| {
                            let id = s.id.clone();
                            let lang = i18n.lang();
                            view! {
                                <li class="session">
                                    <p class="session-name">
                                        {browser_name(&s.user_agent).unwrap_or_else(|| i18n.t(Msg::UnknownBrowser).to_owned())}
                                        {s.current.then(|| view! { " " <strong>"(" {i18n.t(Msg::ThisDevice)} ")"</strong> })}
                                    </p>
                                    <p class="session-times">
                                        {i18n.t(Msg::SessionStarted)} ": " {warsaw(&s.created_at, lang)} " · "
                                        {i18n.t(Msg::SessionLastSeen)} ": " {warsaw(&s.last_seen_at, lang)}
                                    </p>
                                    {(!s.current).then(|| view! {
                                        <button type="button" class="button button-secondary"
                                            on:click=move |_| end(id.clone())>{i18n.t(Msg::EndSession)}</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <button type="button" class="button button-danger" on:click=everywhere>
                {move || i18n.t(Msg::LogoutEverywhere)}
            </button>
        </section>
    }
}
