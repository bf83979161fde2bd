//! The translation catalogue: every message in Polish (default), English and Ukrainian.
//!
//! Each row must give all three texts — a missing translation does not compile. Error
//! codes and field errors are translated by `models::error`, shared with the server.

/// Declares a message enum whose every variant has a Polish, English and Ukrainian text.
macro_rules! messages {
    ($(#[$meta:meta])* $name:ident { $($key:ident => $pl:literal, $en:literal, $uk:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            /// The text in `lang`.
            pub fn text(self, lang: models::lang::Lang) -> &'static str {
                use models::lang::Lang;
                match (self, lang) {
                    $(($name::$key, Lang::Pl) => $pl, ($name::$key, Lang::En) => $en, ($name::$key, Lang::Uk) => $uk,)*
                }
            }
        }
    };
}
pub(crate) use messages;

use leptos::prelude::*;
use models::lang::Lang;

#[cfg(feature = "alerts")]
mod alerts;
mod catalogue;
#[cfg(feature = "civic")]
mod civic;
mod declaration;
#[cfg(feature = "info")]
mod info;
#[cfg(feature = "office")]
mod office;
#[cfg(feature = "school")]
mod school;
#[cfg(feature = "taxes")]
mod taxes;

#[cfg(feature = "alerts")]
pub use alerts::Alerts;
pub use catalogue::Msg;
#[cfg(feature = "civic")]
pub use civic::Civic;
pub use declaration::Declaration;
#[cfg(feature = "info")]
pub use info::Info;
#[cfg(feature = "office")]
pub use office::Office;
#[cfg(feature = "school")]
pub use school::School;
#[cfg(feature = "taxes")]
pub use taxes::Taxes;

/// Where the chosen language is remembered in the browser.
const STORAGE_KEY: &str = "okienko.lang";

/// The current language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// A message in the current language (reactive).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A back-office text in the current language (reactive).
    #[cfg(feature = "office")]
    pub fn o(self, msg: Office) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A taxes-and-fees text in the current language (reactive).
    #[cfg(feature = "taxes")]
    pub fn tx(self, msg: Taxes) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A civic-budget text in the current language (reactive).
    #[cfg(feature = "civic")]
    pub fn c(self, msg: Civic) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A crisis-alerts text in the current language (reactive).
    #[cfg(feature = "alerts")]
    pub fn al(self, msg: Alerts) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A public-information text in the current language (reactive).
    #[cfg(feature = "info")]
    pub fn pi(self, msg: Info) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A gradebook text in the current language (reactive).
    #[cfg(feature = "school")]
    pub fn sc(self, msg: School) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A paragraph of the accessibility declaration in the current language (reactive).
    pub fn d(self, part: Declaration) -> &'static str {
        part.text(self.lang.get())
    }

    /// Switches the language, remembers it and updates `<html lang>`.
    pub fn set(self, lang: Lang) {
        self.lang.set(lang);
        CURRENT.with(|c| c.set(lang));
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
    }
}

thread_local! {
    /// The language for code outside the reactive tree (the API client's `Accept-Language`).
    static CURRENT: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::Pl) };
}

/// The current language, outside components.
pub fn current() -> Lang {
    CURRENT.with(std::cell::Cell::get)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Provides the language context: the stored choice, else Polish.
pub fn provide_i18n() -> I18n {
    let stored = local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    CURRENT.with(|c| c.set(stored));
    let i18n = I18n {
        lang: RwSignal::new(stored),
    };
    Effect::new(move |_| {
        let tag = i18n.lang.get().tag();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", tag);
        }
    });
    provide_context(i18n);
    i18n
}

/// The language context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
