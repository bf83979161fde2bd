//! The header: crest and gmina name, the service navigation, language and account.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api;
use crate::components::lang_switch::LangSwitch;
use crate::i18n::{Msg, use_i18n};
use crate::state::{use_gmina, use_session};

/// The service areas, in navigation order.
pub const AREAS: [(&str, Msg, Msg); 6] = [
    ("/cases", Msg::NavCases, Msg::AreaCasesDesc),
    ("/taxes", Msg::NavTaxes, Msg::AreaTaxesDesc),
    (
        "/civic-budget",
        Msg::NavCivicBudget,
        Msg::AreaCivicBudgetDesc,
    ),
    ("/school", Msg::NavSchool, Msg::AreaSchoolDesc),
    ("/public-info", Msg::NavPublicInfo, Msg::AreaPublicInfoDesc),
    ("/alerts", Msg::NavAlerts, Msg::AreaAlertsDesc),
];

/// `rel="external"` for an area served by another bundle (a full page load, so the router
/// does not look for it in this one): the civic budget, taxes and alerts have their own bundles;
/// from those, every other area is in the residents' bundle.
pub fn rel_for(href: &str) -> Option<&'static str> {
    let here = match href {
        "/civic-budget" => cfg!(feature = "civic"),
        "/taxes" => cfg!(feature = "taxes"),
        "/alerts" => cfg!(feature = "alerts"),
        "/public-info" => cfg!(feature = "info"),
        "/school" => cfg!(feature = "school"),
        _ => !cfg!(any(
            feature = "civic",
            feature = "taxes",
            feature = "alerts",
            feature = "info",
            feature = "school"
        )),
    };
    (!here).then_some("external")
}

/// The site header with the skip link, navigation and account controls.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let gmina = use_gmina();
    let session = use_session();
    let menu_open = RwSignal::new(false);
    let is_officer = move || {
        session.user.with(|u| {
            u.as_ref().is_some_and(|u| {
                u.roles.iter().any(|r| {
                    matches!(
                        r,
                        models::auth::Role::Clerk
                            | models::auth::Role::Admin
                            | models::auth::Role::SchoolAdmin
                    )
                })
            })
        })
    };
    // Close the phone menu after every navigation.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="header-bar">
                <A href="/" attr:class="brand">
                    <img src="/crest.svg" alt="" width="36" height="43" />
                    <span class="brand-name">{move || gmina.name()}</span>
                </A>
                <button
                    type="button"
                    class="menu-button"
                    aria-controls="site-nav"
                    aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    {move || i18n.t(Msg::Menu)}
                </button>
            </div>
            <div id="site-nav" class="nav-panel" class:open=move || menu_open.get()>
                <nav aria-label=move || i18n.t(Msg::MainMenu)>
                    <ul class="nav-list">
                        <li><A href="/" exact=true>{move || i18n.t(Msg::NavHome)}</A></li>
                        {AREAS
                            .into_iter()
                            .map(|(href, name, _)| view! {
                                <li><A href=href attr:rel=rel_for(href)>{move || i18n.t(name)}</A></li>
                            })
                            .collect_view()}
                        // The desk is its own bundle: a full page load, not a client-side route.
                        {move || is_officer().then(|| view! {
                            <li><a href="/office" rel="external">{move || i18n.t(Msg::NavOffice)}</a></li>
                        })}
                    </ul>
                </nav>
                <div class="header-tools">
                    <LangSwitch />
                    <AccountControls />
                </div>
            </div>
        </header>
    }
}

/// Moves focus to `<main>` itself (the router would otherwise treat the link as a
/// navigation and leave the focus where it was).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"));
    if let Some(main) =
        main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
    {
        let _ = main.focus();
    }
}

/// "Log in", or "My account" and "Log out".
#[component]
fn AccountControls() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let logout = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            // Whatever the server answers, this browser forgets the person — after leaving
            // the page, so a page that needs a session does not redirect to the login.
            let _ = api::auth::logout().await;
            navigate("/", Default::default());
            session.user.set(None);
        });
    };
    view! {
        <div class="account-controls">
            <Show
                when=move || session.logged_in()
                // Nothing until the start-up check answers, so a logged-in person does not
                // see "Log in" flash first.
                fallback=move || session.ready.get().then(|| view! {
                    <A href="/login" attr:class="button button-secondary">{move || i18n.t(Msg::LogIn)}</A>
                })
            >
                <A href="/account" attr:class="button button-secondary">{move || i18n.t(Msg::MyAccount)}</A>
                <button type="button" class="button button-secondary" on:click=logout.clone()>
                    {move || i18n.t(Msg::LogOut)}
                </button>
            </Show>
        </div>
    }
}
