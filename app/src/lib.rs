//! Okienko's browser app: a Leptos single-page app rendered on the client.
//!
//! [`App`] provides the app-wide contexts (language, session, gmina), the layout and
//! the router. Pages live in `pages/`, shared pieces in `components/`, the typed API
//! client in `api/` and every text in `i18n/`.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod time;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::banner::AlertBanner;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::page::focus_main_heading;
use crate::i18n::provide_i18n;
use crate::pages::accessibility::Accessibility;
use crate::pages::account::Account;
use crate::pages::home::Home;
use crate::pages::login::Login;
use crate::pages::register::Register;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    state::provide_state();
    view! {
        <Router>
            <Header />
            <AlertBanner />
            <main id="main" tabindex="-1">
                <FocusOnNavigation />
                <PortalRoutes />
            </main>
            <Footer />
        </Router>
    }
}

/// Every page of the portal (the residents' and the desk's bundles).
#[cfg(not(any(
    feature = "civic",
    feature = "taxes",
    feature = "alerts",
    feature = "info",
    feature = "school"
)))]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::i18n::Msg;
    use crate::pages::activate::Activate;
    use crate::pages::alerts::Alerts;
    use crate::pages::area::AreaPage;
    use crate::pages::cases::{
        CaseView, Cases, FileService, MyCases, PrintableReceipt, ServiceCard,
    };
    use crate::pages::civic::CivicBudget;
    use crate::pages::info::PublicInfo;
    use crate::pages::not_found::NotFound;
    use crate::pages::office::Office;
    use crate::pages::taxes::Taxes;
    use crate::pages::verify::Verify;
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Home />
            <Route path=path!("/activate/:token") view=Activate />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/cases") view=Cases />
            <Route path=path!("/cases/services/:slug") view=ServiceCard />
            <Route path=path!("/cases/services/:slug/file") view=FileService />
            <Route path=path!("/cases/my") view=MyCases />
            <Route path=path!("/cases/my/:id") view=CaseView />
            <Route path=path!("/cases/my/:id/upo") view=PrintableReceipt />
            <Route path=path!("/verify") view=Verify />
            <Route path=path!("/office") view=Office />
            <Route path=path!("/office/*rest") view=Office />
            <Route path=path!("/taxes") view=Taxes />
            <Route path=path!("/taxes/*rest") view=Taxes />
            <Route path=path!("/civic-budget") view=CivicBudget />
            <Route path=path!("/civic-budget/*rest") view=CivicBudget />
            <Route path=path!("/school") view=|| view! { <AreaPage title=Msg::NavSchool lead=Msg::AreaSchoolDesc /> } />
            <Route path=path!("/public-info") view=PublicInfo />
            <Route path=path!("/public-info/*rest") view=PublicInfo />
            <Route path=path!("/alerts") view=Alerts />
            <Route path=path!("/alerts/*rest") view=Alerts />
        </Routes>
    }
}

/// The civic budget's bundle: its own pages and the account pages. Any other address
/// belongs to another bundle, so the browser loads it from the server (which sends the
/// right one); this keeps the residents' case pages out of this download.
#[cfg(feature = "civic")]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::pages::civic::CivicBudget;
    view! {
        <Routes fallback=LoadFromServer>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/civic-budget") view=CivicBudget />
            <Route path=path!("/civic-budget/*rest") view=CivicBudget />
        </Routes>
    }
}

/// The crisis alerts' bundle: its own pages and the account pages (as the civic
/// budget's). `/a/…` is an SMS's short unsubscribe link.
#[cfg(all(
    feature = "alerts",
    not(any(feature = "civic", feature = "taxes", feature = "info"))
))]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::pages::alerts::Alerts;
    view! {
        <Routes fallback=LoadFromServer>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/alerts") view=Alerts />
            <Route path=path!("/alerts/*rest") view=Alerts />
            <Route path=path!("/a/:token") view=Alerts />
        </Routes>
    }
}

/// Public information's bundle: its pages and the account pages (as the civic budget's).
#[cfg(all(
    feature = "info",
    not(any(feature = "civic", feature = "taxes", feature = "alerts"))
))]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::pages::info::PublicInfo;
    view! {
        <Routes fallback=LoadFromServer>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/public-info") view=PublicInfo />
            <Route path=path!("/public-info/*rest") view=PublicInfo />
        </Routes>
    }
}

/// The school bundle: the gradebook and the account pages (as the civic budget's).
#[cfg(all(
    feature = "school",
    not(any(
        feature = "civic",
        feature = "taxes",
        feature = "alerts",
        feature = "info"
    ))
))]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::pages::school::School;
    view! {
        <Routes fallback=LoadFromServer>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/school") view=School />
            <Route path=path!("/school/*rest") view=School />
        </Routes>
    }
}

/// The taxes bundle: its own pages and the account pages (as the civic budget's).
#[cfg(all(feature = "taxes", not(feature = "civic")))]
#[component]
fn PortalRoutes() -> impl IntoView {
    use crate::pages::taxes::Taxes;
    view! {
        <Routes fallback=LoadFromServer>
            <Route path=path!("/") view=Home />
            <Route path=path!("/login") view=Login />
            <Route path=path!("/register") view=Register />
            <Route path=path!("/account") view=Account />
            <Route path=path!("/accessibility") view=Accessibility />
            <Route path=path!("/taxes") view=Taxes />
            <Route path=path!("/taxes/*rest") view=Taxes />
        </Routes>
    }
}

/// Loads the current address from the server (a page of another bundle).
#[cfg(any(
    feature = "civic",
    feature = "taxes",
    feature = "alerts",
    feature = "info",
    feature = "school"
))]
#[component]
fn LoadFromServer() -> impl IntoView {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// After a client-side navigation (not the first load), focus the new page's heading.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            // Wait a frame so the new page is in the document.
            request_animation_frame(focus_main_heading);
        }
        path
    });
}
