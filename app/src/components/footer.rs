//! The footer: accessibility declaration and office contact.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Msg, use_i18n};
use crate::state::use_gmina;

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let gmina = use_gmina();
    view! {
        <footer class="site-footer">
            <ul class="footer-links">
                <li><A href="/accessibility">{move || i18n.t(Msg::FooterAccessibility)}</A></li>
            </ul>
            {move || {
                gmina.info.get().map(|g| {
                    let mailto = format!("mailto:{}", g.contact_email);
                    let tel = format!("tel:{}", g.contact_phone.replace(' ', ""));
                    view! {
                        <address class="footer-contact">
                            <strong>{i18n.t(Msg::FooterContact)}</strong>
                            <span>{g.name.clone()}</span>
                            <span>{g.address.clone()}</span>
                            <a href=mailto>{g.contact_email.clone()}</a>
                            <a href=tel>{g.contact_phone.clone()}</a>
                        </address>
                    }
                })
            }}
            <p class="footer-about">{move || i18n.t(Msg::FooterAbout)}</p>
        </footer>
    }
}
