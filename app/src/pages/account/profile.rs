//! The account's details.

use leptos::prelude::*;

use crate::i18n::{Msg, use_i18n};
use crate::pages::home::role_name;
use crate::state::use_session;

/// Name, e-mail, roles, PESEL on file, children.
#[component]
pub fn Profile() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        session.user.get().map(|me| {
            let roles = me.roles.iter().map(|r| i18n.t(role_name(*r))).collect::<Vec<_>>().join(", ");
            let children = me.children.iter().map(|c| c.full_name.clone()).collect::<Vec<_>>().join(", ");
            let has_children = !me.children.is_empty();
            view! {
                <section aria-labelledby="account-data">
                    <h2 id="account-data">{i18n.t(Msg::AccountData)}</h2>
                    <dl class="facts">
                        <dt>{i18n.t(Msg::FullName)}</dt>
                        <dd>{me.full_name.clone()}</dd>
                        <dt>{i18n.t(Msg::Email)}</dt>
                        <dd>{me.email.clone()}</dd>
                        <dt>{i18n.t(Msg::Roles)}</dt>
                        <dd>{roles}</dd>
                        <dt>{i18n.t(Msg::Pesel)}</dt>
                        <dd>{if me.has_pesel { i18n.t(Msg::PeselGiven) } else { i18n.t(Msg::PeselNotGiven) }}</dd>
                        {has_children.then(|| view! {
                            <dt>{i18n.t(Msg::Children)}</dt>
                            <dd>{children.clone()}</dd>
                        })}
                    </dl>
                </section>
            }
        })
    }
}
