//! What every small form of the desk shares: one request at a time, its error, its last
//! message, and the end of the form (the alert, the live status and the submit button).
//!
//! The request is boxed, so one copy of this code serves every form (the bundle budget).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::components::alert::ErrorAlert;
use crate::i18n::{Office as O, use_i18n};

/// A form's request: it resolves to the message to announce, or to the error.
pub type Request = Pin<Box<dyn Future<Output = Result<String, ApiError>>>>;

/// A form's state: whether its request is under way, its error and its last message.
#[derive(Clone, Copy)]
pub struct Sending {
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    pub done: RwSignal<Option<String>>,
}

impl Sending {
    /// A fresh state; `done` is passed in where the message must outlive the form (a form
    /// drawn again when its page's lists reload).
    pub fn new(done: RwSignal<Option<String>>) -> Self {
        Sending {
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            done,
        }
    }

    /// Sends the request unless one is under way; a second press meanwhile does nothing.
    pub fn send(self, request: Request) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.done.set(None);
        spawn_local(async move {
            match request.await {
                Ok(message) => {
                    self.error.set(None);
                    self.done.set(Some(message));
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.busy.set(false);
        });
    }

    /// The error of one field, for its input.
    pub fn field(self, name: &'static str) -> Signal<Option<models::error::FieldError>> {
        let error = self.error;
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.fields.get(name).copied())))
    }
}

/// The end of a form: its error, its last message and its submit button.
#[component]
pub fn FormEnd(
    state: Sending,
    /// The button's text.
    label: O,
    /// What the button is about, added to its accessible name when its text alone would be
    /// ambiguous (one of several "Save" buttons: "Save: Matematyka").
    #[prop(optional)]
    about: Option<String>,
    /// A secondary button beside an inline form's field, the message after it.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move || about.as_ref().map(|a| format!("{}: {a}", i18n.o(label)));
    view! {
        <ErrorAlert error=state.error />
        <button type="submit" class=if inline { "button button-secondary" } else { "button" }
            prop:disabled=move || state.busy.get() aria-label=name>{move || i18n.o(label)}</button>
        <p role="status" class="success">{move || state.done.get()}</p>
    }
}
