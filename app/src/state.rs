//! App-wide state in contexts: who is logged in and which gmina serves this host.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::auth::Me;
use models::gmina::GminaInfo;

use crate::api;

/// The logged-in person; `ready` turns true once the start-up check has answered.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The person, if any.
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
}

/// The gmina's public facts, once loaded.
#[derive(Debug, Clone, Copy)]
pub struct Gmina(pub RwSignal<Option<GminaInfo>>);

impl Gmina {
    /// The gmina's name, or the name painted into the shell while loading.
    pub fn name(self) -> String {
        self.0
            .with(|g| g.as_ref().map(|g| g.name.clone()))
            .unwrap_or_default()
    }
}

/// Provides both contexts and starts loading them.
pub fn provide_state() {
    let session = Session {
        user: RwSignal::new(None),
        ready: RwSignal::new(false),
    };
    session.refresh();
    provide_context(session);
    let gmina = Gmina(RwSignal::new(None));
    spawn_local(async move {
        if let Ok(info) = api::gmina::info().await {
            gmina.0.set(Some(info));
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
