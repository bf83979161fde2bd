//! The head of every page of a pupil's gradebook: the switcher between a parent's
//! children (to the same section) and the sections — today, grades, attendance,
//! timetable, tests and homework, messages, who looked (for the family).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::i18n::{School as S, use_i18n};

/// A section of a pupil's gradebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `/school/pupils/ID`.
    Today,
    /// `…/grades`.
    Grades,
    /// `…/attendance`.
    Attendance,
    /// `…/timetable`.
    Timetable,
    /// `…/agenda`: tests and homework.
    Agenda,
    /// `…/messages`.
    Messages,
    /// `…/access`.
    Access,
}

impl Section {
    const ALL: [Section; 7] = [
        Section::Today,
        Section::Grades,
        Section::Attendance,
        Section::Timetable,
        Section::Agenda,
        Section::Messages,
        Section::Access,
    ];

    fn suffix(self) -> &'static str {
        match self {
            Section::Today => "",
            Section::Grades => "/grades",
            Section::Attendance => "/attendance",
            Section::Timetable => "/timetable",
            Section::Agenda => "/agenda",
            Section::Messages => "/messages",
            Section::Access => "/access",
        }
    }

    fn label(self) -> S {
        match self {
            Section::Today => S::Today,
            Section::Grades => S::Grades,
            Section::Attendance => S::Attendance,
            Section::Timetable => S::Timetable,
            Section::Agenda => S::Agenda,
            Section::Messages => S::Messages,
            Section::Access => S::Access,
        }
    }

    /// The address of this section of a pupil's gradebook.
    pub fn href(self, pupil: &str) -> String {
        format!("/school/pupils/{pupil}{}", self.suffix())
    }
}

/// The children switcher (for a parent of several) and the sections.
#[component]
pub fn PupilNav(pupil: String, here: Section) -> impl IntoView {
    let i18n = use_i18n();
    let me = LocalResource::new(api::school::me);
    let current = pupil.clone();
    view! {
        <Transition fallback=|| ()>
            {move || me.get().and_then(Result::ok).filter(|m| m.children.len() > 1).map(|m| {
                let current = current.clone();
                view! {
                    <nav class="toggles" aria-label=move || i18n.sc(S::Children)>
                        {m.children.into_iter().map(|c| {
                            let mark = (c.id == current).then_some("page");
                            view! { <A href=here.href(&c.id) attr:class="toggle" attr:aria-current=mark>{c.full_name}</A> }
                        }).collect_view()}
                    </nav>
                }
            })}
        </Transition>
        <nav class="tabs" aria-label=move || i18n.sc(S::Sections)>
            {Section::ALL.into_iter().map(|s| {
                let pupil = pupil.clone();
                let href = s.href(&pupil);
                // Who looked is the family's page; the staff do not get it.
                let shown = move || s != Section::Access || me.get().and_then(Result::ok).is_none_or(|m| {
                    m.children.iter().any(|c| c.id == pupil) || m.pupil.as_ref().is_some_and(|p| p.id == pupil)
                });
                view! {
                    <Show when=shown>
                        <A href=href.clone() attr:aria-current=(s == here).then_some("page")>{move || i18n.sc(s.label())}</A>
                    </Show>
                }
            }).collect_view()}
        </nav>
    }
}
