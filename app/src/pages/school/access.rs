//! `/school/pupils/ID/access`: who on the staff opened the pupil's data and when, for
//! the pupil and their parents (RODO art. 15: the right to know who received the data).

use leptos::prelude::*;

use super::pupil::{PupilNav, Section};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};
use crate::time::warsaw;

/// The list of looks, newest first.
#[component]
pub fn AccessPage(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Access).to_owned());
    let looks = {
        let pupil = pupil.clone();
        LocalResource::new(move || {
            let pupil = pupil.clone();
            async move { api::school::access(&pupil).await }
        })
    };
    view! {
        <PupilNav pupil=pupil.clone() here=Section::Access />
        <h1>{move || i18n.sc(S::Access)}</h1>
        <p class="lead">{move || i18n.sc(S::AccessLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || looks.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! { <p>{i18n.sc(S::NoAccess)}</p> }.into_any(),
                Ok(list) => view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.sc(S::Access)>
                        <table>
                            <thead><tr>
                                <th scope="col">{move || i18n.sc(S::Who)}</th>
                                <th scope="col">{move || i18n.sc(S::What)}</th>
                                <th scope="col">{move || i18n.sc(S::When)}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|a| {
                                    let what = match a.what.as_str() {
                                        "grid" => S::WhatGrid,
                                        "today" => S::WhatToday,
                                        "attendance" => S::WhatAttendance,
                                        "contacts" => S::WhatContacts,
                                        _ => S::WhatGrades,
                                    };
                                    view! { <tr>
                                        <td>{a.who}</td>
                                        <td>{move || i18n.sc(what)}</td>
                                        <td>{move || warsaw(&a.at, i18n.lang())}</td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}
