//! `/school/pupils/ID/grades`: a pupil's grades subject by subject for a term or the year,
//! with the weighted average and, for each grade, what it was for, its weight, the
//! teacher's comment and every version (who set what, when). A parent switches between
//! children from the head of the page; the term is kept in the address
//! (`?term=1|2|year`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::school::{Category, ColumnKind, Grade, PupilGrades, SubjectGrades, format_average};

use super::pupil::{PupilNav, Section};
use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{I18n, Msg, School as S, use_i18n};
use crate::time::warsaw;

/// The name of a category.
pub fn category_name(c: Category) -> S {
    match c {
        Category::Test => S::CatTest,
        Category::Quiz => S::CatQuiz,
        Category::Homework => S::CatHomework,
        Category::Oral => S::CatOral,
        Category::Activity => S::CatActivity,
    }
}

/// An average as the school writes it in the current language.
pub fn average_text(i18n: I18n, average: Option<i64>) -> String {
    match average {
        Some(a) => format_average(a, i18n.lang() != models::lang::Lang::En),
        None => i18n.sc(S::NoAverage).to_owned(),
    }
}

/// Which part of the year is shown: 0 = term 1, 1 = term 2, 2 = the year.
fn period(query: Option<String>, current: u8) -> usize {
    match query.as_deref() {
        Some("1") => 0,
        Some("2") => 1,
        Some("year") => 2,
        _ => usize::from(current.clamp(1, 2) - 1),
    }
}

/// The page.
#[component]
pub fn GradesPage(pupil: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::Grades).to_owned());
    let grades = {
        let pupil = pupil.clone();
        LocalResource::new(move || {
            let pupil = pupil.clone();
            async move { api::school::grades(&pupil).await }
        })
    };
    view! {
        <PupilNav pupil=pupil.clone() here=Section::Grades />
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || grades.get().map(|r| match r {
                Ok(g) => view! { <GradesView grades=g /> }.into_any(),
                Err(e) => view! {
                    <h1>{move || i18n.sc(S::Grades)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// The grades of the chosen period.
#[component]
fn GradesView(grades: PupilGrades) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let current = grades.current_term;
    let shown = move || period(query.with(|q| q.get("term")), current);
    let p = grades.pupil.clone();
    let base = Section::Grades.href(&p.id);
    let tabs = [(S::Term1, "1"), (S::Term2, "2"), (S::Year, "year")];
    let rule = grades.rule;
    let subjects = StoredValue::new(grades.subjects);
    view! {
        <h1>{move || i18n.sc(S::Grades)} " — " {p.full_name.clone()}</h1>
        <p class="hint">{move || i18n.sc(S::Class)} " " {p.class_name.clone()} " · " {p.school_name.clone()} " · " {grades.year_name.clone()}</p>
        <nav class="toggles" aria-label=move || i18n.sc(S::Term)>
            {tabs.into_iter().enumerate().map(|(i, (label, key))| {
                let href = format!("{base}?term={key}");
                view! { <A href=href attr:class="toggle" attr:aria-current=move || (shown() == i).then_some("page")>{move || i18n.sc(label)}</A> }
            }).collect_view()}
        </nav>
        <p class="hint">{move || format!("{} +{}, {} −{}. {}",
            i18n.sc(S::RulePlus), format_average(i64::from(rule.plus), i18n.lang() != models::lang::Lang::En),
            i18n.sc(S::RuleMinus), format_average(i64::from(rule.minus), i18n.lang() != models::lang::Lang::En),
            i18n.sc(S::RuleRest))}</p>
        {move || {
            let which = shown();
            view! {
                <ul class="subjects">
                    {subjects.get_value().into_iter().map(|s| view! { <SubjectCard subject=s period=which /> }).collect_view()}
                </ul>
            }
        }}
    }
}

/// One subject: its average, graded work and term grades.
#[component]
fn SubjectCard(subject: SubjectGrades, period: usize) -> impl IntoView {
    let i18n = use_i18n();
    let in_period = |g: &Grade| period == 2 || usize::from(g.term) == period + 1;
    let (work, term): (Vec<Grade>, Vec<Grade>) = subject
        .grades
        .into_iter()
        .filter(in_period)
        .partition(|g| g.kind == ColumnKind::Regular);
    let average = subject.averages[period];
    let heading = format!("subject-{}", subject.subject_id);
    view! {
        <li class="box subject">
            <h2 class="box-title" id=heading.clone()>{subject.subject_name}</h2>
            <p class="hint">{subject.teacher_name}</p>
            <p class="average">{move || i18n.sc(S::Average)} ": " <strong>{move || average_text(i18n, average)}</strong></p>
            {if work.is_empty() {
                view! { <p class="hint">{move || i18n.sc(S::NoGrades)}</p> }.into_any()
            } else {
                view! {
                    <ul class="marks" aria-labelledby=heading>
                        {work.into_iter().map(|g| view! { <MarkItem grade=g /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {term.into_iter().filter(|g| g.mark.is_some() || g.history.len() > 1).map(|g| view! { <TermGrade grade=g /> }).collect_view()}
        </li>
    }
}

/// A proposed or final grade of a term or the year: a whole grade, or in classes 1–3 a
/// description; with its history when it was changed.
#[component]
fn TermGrade(grade: Grade) -> impl IntoView {
    let i18n = use_i18n();
    let label = match (grade.kind, grade.term) {
        (ColumnKind::Proposed, 1) => S::Proposed,
        (ColumnKind::Proposed, _) => S::ProposedYear,
        (_, 1) => S::Final,
        _ => S::YearFinal,
    };
    let mark = grade.mark.clone().unwrap_or_default();
    let shown = if grade.descriptive {
        view! {
            <p class="term-grade">{move || i18n.sc(label)} " (" {move || i18n.sc(S::Descriptive)} "):"</p>
            <p class="description">{mark}</p>
        }
        .into_any()
    } else {
        view! { <p class="term-grade">{move || i18n.sc(label)} ": " <strong>{mark}</strong></p> }
            .into_any()
    };
    view! {
        {shown}
        {(grade.history.len() > 1).then(|| view! {
            <details class="term-history">
                <summary>{move || i18n.sc(S::History)}</summary>
                <History changes=grade.history.clone() />
            </details>
        })}
    }
}

/// Every version of a grade, oldest first.
#[component]
fn History(changes: Vec<models::school::GradeChange>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="history">
            {changes.into_iter().map(|h| view! {
                <li>
                    <strong class="history-mark">{h.mark.clone().unwrap_or_else(|| "×".into())}</strong>
                    {h.mark.is_none().then(|| view! { " (" {move || i18n.sc(S::Removed)} ")" })}
                    " — " {h.changed_by} ", " {move || warsaw(&h.changed_at, i18n.lang())}
                    {(!h.comment.is_empty()).then(|| view! { <br /> {h.comment.clone()} })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// A grade that opens to its details and history.
#[component]
fn MarkItem(grade: Grade) -> impl IntoView {
    let i18n = use_i18n();
    let category = grade.category.map(category_name);
    let changed = grade.history.len() > 1;
    let shown = grade.mark.clone();
    let removed = shown.is_none();
    let what = {
        let title = grade.title.clone();
        move || {
            let c = category.map(|c| i18n.sc(c)).unwrap_or_default();
            format!("{c}: {title}, {} {}", i18n.sc(S::Weight), grade.weight)
        }
    };
    let what_hidden = what.clone();
    view! {
        <li>
            <details class="mark">
                <summary class=move || if removed { "mark-value mark-removed" } else { "mark-value" }>
                    {shown.clone().unwrap_or_else(|| "×".into())}
                    {changed.then(|| view! { <span class="mark-changed" aria-hidden="true">"↺"</span> })}
                    <span class="visually-hidden">" — " {what_hidden}
                        {removed.then(|| view! { ", " {move || i18n.sc(S::Removed)} })}
                        {changed.then(|| view! { ", " {move || i18n.sc(S::Changes)} })}
                    </span>
                </summary>
                <div class="mark-detail">
                    <p><strong>{what}</strong></p>
                    <p class="hint">{grade.on_date.clone()}</p>
                    {(!grade.comment.is_empty()).then(|| view! { <p>{move || i18n.sc(S::Comment)} ": " {grade.comment.clone()}</p> })}
                    <p class="history-title">{move || i18n.sc(S::History)}</p>
                    <History changes=grade.history />
                </div>
            </details>
        </li>
    }
}
