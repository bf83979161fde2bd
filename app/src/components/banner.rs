//! The crisis alerts in force, as a banner across every page of every bundle. It asks
//! the server once per page load.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::alerts::{Alert, Severity};

use crate::api;
use crate::i18n::{Msg, use_i18n};
use crate::time::warsaw_ms;

/// The banner; nothing at all when no alert is in force.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let i18n = use_i18n();
    // A signal filled once, not a `LocalResource` (smaller in every bundle).
    let alerts = RwSignal::new(Vec::<Alert>::new());
    spawn_local(async move { alerts.set(api::alerts::active().await.unwrap_or_default()) });
    // Another bundle serves `/alerts`: a full page load.
    let rel = (!cfg!(feature = "alerts")).then_some("external");
    move || {
        let list = alerts.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="alert-banner" aria-labelledby="alert-banner-title">
                    <h2 id="alert-banner-title" class="visually-hidden">{move || i18n.t(Msg::AlertsInForce)}</h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|a| {
                                let class = match a.severity {
                                    Severity::Extreme | Severity::Severe => "alert-item alert-severe",
                                    Severity::Moderate | Severity::Minor => "alert-item alert-moderate",
                                };
                                let until = a.valid_to;
                                view! {
                                    <li class=class>
                                        <strong>{move || a.severity.label(i18n.lang())}": "</strong>
                                        <span lang=a.lang.tag()>{a.headline.clone()}</span>
                                        " ("
                                        {move || i18n.t(Msg::AlertsValidTo).replace("{time}", &warsaw_ms(until, i18n.lang()))}
                                        ") "
                                        <a href="/alerts" rel=rel>{move || i18n.t(Msg::AlertsDetails)}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
