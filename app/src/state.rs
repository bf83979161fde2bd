//! App-wide state in contexts: who is logged in and which gmina serves this host.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::auth::Me;
use models::gmina::GminaInfo;

use crate::api::{self, ApiError};

/// The logged-in person; `ready` turns true once the start-up check has answered.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The person, if any: set from the start-up check, the login's answer, and cleared
    /// on logout.
    pub user: RwSignal<Option<Me>>,
    /// Whether the start-up check has finished.
    pub ready: RwSignal<bool>,
}

impl Session {
    /// Asks the server who is logged in.
    pub fn refresh(self) {
        spawn_local(async move {
            // A failed check (network) leaves the person logged out; pages that need a
            // session send them to the login page, which shows the error if it persists.
            let user = api::auth::session().await.ok().flatten();
            self.user.set(user);
            self.ready.set(true);
        });
    }

    /// Whether someone is logged in (reactive).
    pub fn logged_in(self) -> bool {
        self.user.with(Option::is_some)
    }
}

/// The gmina's public facts, once loaded.
#[derive(Debug, Clone, Copy)]
pub struct Gmina {
    /// `/api/gmina`'s answer.
    pub info: RwSignal<Option<GminaInfo>>,
    /// Why `/api/gmina` failed, if it did.
    pub error: RwSignal<Option<ApiError>>,
    /// The name the server wrote into the page, shown until `info` arrives.
    shell_name: StoredValue<String>,
}

impl Gmina {
    /// The gmina's name (reactive): from the API, else the one the server painted into
    /// the page, so the header and the title never flash empty.
    pub fn name(self) -> String {
        self.info
            .with(|g| g.as_ref().map(|g| g.name.clone()))
            .unwrap_or_else(|| self.shell_name.get_value())
    }
}

/// `<meta name="okienko-gmina" content="…">`, filled in by the server like the shell's
/// header (a placeholder still in braces means nobody filled it in).
fn shell_name() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=okienko-gmina]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|name| !name.contains("{{"))
        .unwrap_or_default()
}

/// Provides both contexts and starts loading them.
pub fn provide_state() {
    let session = Session {
        user: RwSignal::new(None),
        ready: RwSignal::new(false),
    };
    session.refresh();
    provide_context(session);
    let gmina = Gmina {
        info: RwSignal::new(None),
        error: RwSignal::new(None),
        shell_name: StoredValue::new(shell_name()),
    };
    spawn_local(async move {
        match api::gmina::info().await {
            Ok(info) => gmina.info.set(Some(info)),
            Err(e) => gmina.error.set(Some(e)),
        }
    });
    provide_context(gmina);
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The gmina context.
pub fn use_gmina() -> Gmina {
    expect_context::<Gmina>()
}
