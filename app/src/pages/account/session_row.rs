//! One row of the sessions list.

use leptos::prelude::*;
use models::auth::SessionInfo;

use crate::i18n::{Msg, use_i18n};
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
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]);
    let browser = find(&[
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
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

/// One session: browser, start and last activity in Warsaw time, and its logout button.
#[component]
pub fn SessionRow(info: SessionInfo, on_end: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let SessionInfo {
        id,
        created_at,
        last_seen_at,
        user_agent,
        current,
    } = info;
    let name = browser_name(&user_agent);
    view! {
        <li class="session">
            <p class="session-name">
                {move || name.clone().unwrap_or_else(|| i18n.t(Msg::UnknownBrowser).to_owned())}
                {current.then(|| view! { " " <strong>"(" {move || i18n.t(Msg::ThisDevice)} ")"</strong> })}
            </p>
            <p class="session-times">
                {move || i18n.t(Msg::SessionStarted)} ": " {move || warsaw(&created_at, i18n.lang())} " · "
                {move || i18n.t(Msg::SessionLastSeen)} ": " {move || warsaw(&last_seen_at, i18n.lang())}
            </p>
            {(!current).then(|| view! {
                <button type="button" class="button button-secondary" on:click=move |_| on_end.run(id.clone())>
                    {move || i18n.t(Msg::EndSession)}
                </button>
            })}
        </li>
    }
}
