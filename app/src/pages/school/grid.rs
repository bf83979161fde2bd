//! `/school/classes/C/subjects/S?term=N`: the teacher's grid — pupils down, columns of
//! graded work across, then the proposed and final grade. A cell is a text box: Enter
//! and the up/down arrows move within a column, left/right across, so a column of a
//! test is typed without the mouse. Changes are saved per column, all or nothing; a
//! refused cell is marked and named, and nothing of that column is stored.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use models::school::{CellEntry, ColumnEntries, ColumnKind, GradeGrid, GridColumn, NewColumn};
use wasm_bindgen::JsCast;

use super::grades::{average_text, category_name};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, School as S, use_i18n};

fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

/// Alt+K in a cell: to the comment field under the grid.
fn to_comment(ev: &leptos::ev::KeyboardEvent) -> bool {
    let go = ev.alt_key() && ev.key().eq_ignore_ascii_case("k");
    if go {
        ev.prevent_default();
        focus("grid-comment");
    }
    go
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The page.
#[component]
pub fn GridPage(class: String, subject: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.sc(S::OpenGrid).to_owned());
    let query = use_query_map();
    let term = move || {
        query
            .with(|q| q.get("term"))
            .and_then(|t| t.parse::<u8>().ok())
    };
    let reload = RwSignal::new(0u32);
    // Outlives the grid's reload after a save.
    let saved = RwSignal::new(None::<String>);
    let grid = {
        let (class, subject) = (class.clone(), subject.clone());
        LocalResource::new(move || {
            reload.get();
            let (class, subject, term) = (class.clone(), subject.clone(), term());
            async move { api::school::grid(&class, &subject, term).await }
        })
    };
    view! {
        <p><A href="/school">{move || i18n.t(Msg::NavSchool)}</A></p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || grid.get().map(|r| match r {
                Ok(g) => view! { <Grid grid=g reload saved /> }.into_any(),
                Err(e) => view! {
                    <h1>{move || i18n.sc(S::OpenGrid)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                }.into_any(),
            })}
        </Transition>
    }
}

/// The column header's short name.
fn column_label(i18n: crate::i18n::I18n, c: &GridColumn, term: u8) -> String {
    match (c.kind, term) {
        (ColumnKind::Regular, _) => c.title.clone(),
        (ColumnKind::Proposed, 1) => i18n.sc(S::Proposed).to_owned(),
        (ColumnKind::Proposed, _) => i18n.sc(S::ProposedYear).to_owned(),
        (ColumnKind::Final, 1) => i18n.sc(S::Final).to_owned(),
        (ColumnKind::Final, _) => i18n.sc(S::YearFinal).to_owned(),
    }
}

/// The grid with its edits.
#[component]
fn Grid(grid: GradeGrid, reload: RwSignal<u32>, saved: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{} — {}", grid.subject_name, grid.class.name);
    let rows = StoredValue::new(grid.rows.clone());
    let columns = StoredValue::new(grid.columns.clone());
    let term = grid.term;
    // Edits by (row, column): the text typed.
    let edits = RwSignal::new(BTreeMap::<(usize, usize), String>::new());
    // Comments typed, by (row, column).
    let notes = RwSignal::new(BTreeMap::<(usize, usize), String>::new());
    // The cell the comment field is for: the last one focused.
    let current = RwSignal::new(None::<(usize, usize)>);
    // Refusals by (row, column): the message.
    let refused = RwSignal::new(BTreeMap::<(usize, usize), &'static str>::new());
    let error = RwSignal::new(None::<ApiError>);
    let n_rows = grid.rows.len();
    let n_cols = grid.columns.len();
    // A cell as it would be saved: the mark and the comment, typed or as stored.
    let mark_of = move |(r, c): (usize, usize)| {
        edits
            .with_untracked(|e| e.get(&(r, c)).cloned())
            .or_else(|| rows.with_value(|rows| rows[r].cells[c].clone()))
            .unwrap_or_default()
    };
    let note_of = move |(r, c): (usize, usize)| {
        notes
            .with(|n| n.get(&(r, c)).cloned())
            .unwrap_or_else(|| rows.with_value(|rows| rows[r].comments[c].clone()))
    };
    let changed = move || {
        let mut cells: std::collections::BTreeSet<(usize, usize)> =
            edits.with(|e| e.keys().copied().collect());
        cells.extend(notes.with(|n| n.keys().copied().collect::<Vec<_>>()));
        cells
    };
    let save = move |_| {
        let by_column: BTreeMap<usize, Vec<(usize, String, String)>> =
            changed()
                .into_iter()
                .fold(BTreeMap::new(), |mut m, (r, c)| {
                    m.entry(c)
                        .or_insert_with(Vec::new)
                        .push((r, mark_of((r, c)), note_of((r, c))));
                    m
                });
        saved.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            let mut changed = 0;
            let mut problems = BTreeMap::new();
            for (c, cells) in by_column {
                let column = columns.with_value(|cols| cols[c].id.clone());
                let entries = ColumnEntries {
                    entries: cells
                        .iter()
                        .map(|(r, mark, comment)| CellEntry {
                            pupil_id: rows.with_value(|rows| rows[*r].pupil_id.clone()),
                            mark: mark.clone(),
                            comment: comment.clone(),
                        })
                        .collect(),
                };
                match api::school::save_column(&column, &entries).await {
                    Ok(s) => {
                        changed += s.changed;
                        edits.update(|e| e.retain(|(_, col), _| *col != c));
                        notes.update(|n| n.retain(|(_, col), _| *col != c));
                    }
                    Err(e) if !e.fields.is_empty() => {
                        for (field, err) in &e.fields {
                            let index = field
                                .split('.')
                                .nth(1)
                                .and_then(|i| i.parse::<usize>().ok());
                            if let Some((r, _, _)) = index.and_then(|i| cells.get(i)) {
                                problems.insert((*r, c), err.message(i18n.lang()));
                            }
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
            refused.set(problems);
            if refused.with_untracked(BTreeMap::is_empty) && error.get_untracked().is_none() {
                saved.set(Some(format!("{} {changed}", i18n.sc(S::Saved))));
                reload.update(|n| *n += 1);
            }
        });
    };
    let keydown = move |row: usize, col: usize, ev: leptos::ev::KeyboardEvent| {
        if to_comment(&ev) {
            return;
        }
        let target = match ev.key().as_str() {
            "Enter" | "ArrowDown" => (row + 1 < n_rows).then(|| (row + 1, col)),
            "ArrowUp" => row.checked_sub(1).map(|r| (r, col)),
            "ArrowRight" => (col + 1 < n_cols).then(|| (row, col + 1)),
            "ArrowLeft" => col.checked_sub(1).map(|c| (row, c)),
            _ => return,
        };
        ev.prevent_default();
        if let Some((r, c)) = target {
            focus(&cell_id(r, c));
        }
    };
    let base = format!(
        "/school/classes/{}/subjects/{}",
        grid.class.id, grid.subject_id
    );
    view! {
        <h1>{title}</h1>
        <nav class="toggles" aria-label=move || i18n.sc(S::Term)>
            {[(S::Term1, 1u8), (S::Term2, 2)].into_iter().map(|(label, t)| view! {
                <A href=format!("{base}?term={t}") attr:class="toggle" attr:aria-current=(t == term).then_some("page")>{move || i18n.sc(label)}</A>
            }).collect_view()}
        </nav>
        <NewColumnForm grid=grid.clone() reload saved />
        <p class="hint" id="grid-help">{move || i18n.sc(S::GridHelp)}</p>
        {grid.columns.iter().any(|c| c.descriptive).then(|| view! {
            <p class="hint" id="grid-help-descriptive">{move || i18n.sc(S::DescriptiveHelp)}</p>
        })}
        <div role="status" class="status-region">
            {move || saved.get().map(|s| view! { <p class="alert alert-success">{s}</p> })}
        </div>
        <ErrorAlert error=error />
        {move || (!refused.with(BTreeMap::is_empty)).then(|| view! {
            <div class="alert alert-error" role="alert">
                <p>{i18n.sc(S::GridFix)}</p>
                <ul>{refused.get().into_iter().map(|((r, c), msg)| {
                    let who = rows.with_value(|rows| rows[r].full_name.clone());
                    let what = columns.with_value(|cols| column_label(i18n, &cols[c], term));
                    view! { <li><a href=format!("#{}", cell_id(r, c))>{who} ", " {what}</a> ": " {msg}</li> }
                }).collect_view()}</ul>
            </div>
        })}
        <div class="table-scroll" tabindex="-1" role="region" aria-label=move || i18n.sc(S::Grades)>
            <table class="grade-grid">
                <thead><tr>
                    <th scope="col">{move || i18n.sc(S::Number)}</th>
                    <th scope="col">{move || i18n.sc(S::Child)}</th>
                    {columns.get_value().into_iter().map(|c| {
                        let label = column_label(i18n, &c, term);
                        let kind = c.category.map(category_name).or(c.descriptive.then_some(S::Descriptive));
                        view! {
                            <th scope="col" class:descriptive=c.descriptive>
                                <span class="column-title">{label}</span>
                                <span class="hint">{move || kind.map(|k| i18n.sc(k)).unwrap_or_default()}
                                    {(c.kind == ColumnKind::Regular).then(|| format!(" · {} · {} {}", c.on_date, i18n.sc(S::Weight), c.weight))}</span>
                            </th>
                        }
                    }).collect_view()}
                    <th scope="col">{move || i18n.sc(S::Average)}</th>
                </tr></thead>
                <tbody>
                    {rows.get_value().into_iter().enumerate().map(|(r, row)| {
                        let name = row.full_name.clone();
                        view! {
                            <tr>
                                <td>{row.number}</td>
                                <th scope="row"><A href=format!("/school/pupils/{}/messages", row.pupil_id)>{row.full_name.clone()}</A></th>
                                {row.cells.iter().cloned().enumerate().map(|(c, original)| {
                                    let label = format!("{} — {}", name, columns.with_value(|cols| column_label(i18n, &cols[c], term)));
                                    let original2 = original.clone();
                                    let value = move || edits.with(|e| e.get(&(r, c)).cloned()).or_else(|| original2.clone()).unwrap_or_default();
                                    let original = original.unwrap_or_default();
                                    let input = move |ev: leptos::ev::Event| {
                                        let v = event_target_value(&ev);
                                        saved.set(None);
                                        edits.update(|e| {
                                            if v.trim() == original.trim() { e.remove(&(r, c)); } else { e.insert((r, c), v); }
                                        });
                                    };
                                    let invalid = move || refused.with(|p| p.contains_key(&(r, c))).then_some("true");
                                    let noted = move || !note_of((r, c)).trim().is_empty();
                                    let label = move || if noted() { format!("{label}, {}", i18n.sc(S::HasComment)) } else { label.clone() };
                                    if columns.with_value(|cols| cols[c].descriptive) {
                                        // Prose: Enter and the arrows edit the text; Tab moves on.
                                        view! {
                                            <td>
                                                <textarea class="grade-description" id=cell_id(r, c) rows="3"
                                                    maxlength=models::school::MAX_DESCRIPTION.to_string()
                                                    aria-label=label aria-describedby="grid-help-descriptive"
                                                    class:has-comment=noted on:focus=move |_| current.set(Some((r, c)))
                                                    on:keydown=move |ev| { to_comment(&ev); }
                                                    aria-invalid=invalid prop:value=value on:input=input></textarea>
                                            </td>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <td>
                                                <input class="grade-cell" id=cell_id(r, c) type="text" inputmode="text" autocomplete="off"
                                                    size="3" maxlength="3" aria-label=label aria-describedby="grid-help"
                                                    class:has-comment=noted on:focus=move |_| current.set(Some((r, c)))
                                                    aria-invalid=invalid prop:value=value
                                                    on:keydown=move |ev| keydown(r, c, ev) on:input=input />
                                            </td>
                                        }.into_any()
                                    }
                                }).collect_view()}
                                <td class="average">{average_text(i18n, row.average)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <CommentField rows columns term notes current />
        <p class="actions">
            <button type="button" class="button" on:click=save disabled=move || changed().is_empty()>{move || i18n.sc(S::Save)}</button>
            {move || (!changed().is_empty()).then(|| view! { <span class="hint">" " {i18n.sc(S::Unsaved)} " " {changed().len()}</span> })}
        </p>
    }
}

/// The comment of the cell last focused: typed here, saved with the grades. A cell with
/// no grade takes no comment.
#[component]
fn CommentField(
    rows: StoredValue<Vec<models::school::GridRow>>,
    columns: StoredValue<Vec<GridColumn>>,
    term: u8,
    notes: RwSignal<BTreeMap<(usize, usize), String>>,
    current: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let graded = move |(r, c): (usize, usize)| rows.with_value(|rows| rows[r].cells[c].is_some());
    let label = move || match current.get() {
        Some((r, c)) if graded((r, c)) => format!(
            "{} — {}, {}",
            i18n.sc(S::Comment),
            rows.with_value(|rows| rows[r].full_name.clone()),
            columns.with_value(|cols| column_label(i18n, &cols[c], term))
        ),
        _ => i18n.sc(S::CommentPick).to_owned(),
    };
    let value = move || {
        current
            .get()
            .map(|(r, c)| {
                notes
                    .with(|n| n.get(&(r, c)).cloned())
                    .unwrap_or_else(|| rows.with_value(|rows| rows[r].comments[c].clone()))
            })
            .unwrap_or_default()
    };
    view! {
        <div class="field grid-comment">
            <label for="grid-comment">{label}</label>
            <input id="grid-comment" type="text" maxlength=models::school::MAX_COMMENT.to_string()
                aria-describedby="grid-comment-help"
                prop:disabled=move || !current.get().is_some_and(graded)
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((r, c)) = current.get_untracked() {
                        let stored = rows.with_value(|rows| rows[r].comments[c].clone());
                        notes.update(|n| {
                            if v.trim() == stored.trim() { n.remove(&(r, c)); } else { n.insert((r, c), v); }
                        });
                    }
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        if let Some((r, c)) = current.get_untracked() {
                            focus(&cell_id(r, c));
                        }
                    }
                } />
            <p class="hint" id="grid-comment-help">{move || i18n.sc(S::CommentHelp)}</p>
        </div>
    }
}

/// The form for a new column of graded work.
#[component]
fn NewColumnForm(
    grid: GradeGrid,
    reload: RwSignal<u32>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let category = RwSignal::new(
        grid.categories
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_default(),
    );
    let topic = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let (class, subject, term) = (grid.class.id.clone(), grid.subject_id.clone(), grid.term);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = NewColumn {
            term,
            category_id: category.get_untracked(),
            title: topic.get_untracked(),
            on_date: date.get_untracked(),
        };
        let (class, subject) = (class.clone(), subject.clone());
        leptos::task::spawn_local(async move {
            match api::school::add_column(&class, &subject, &form).await {
                Ok(_) => {
                    error.set(None);
                    topic.set(String::new());
                    saved.set(Some(i18n.sc(S::ColumnAdded).to_owned()));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let field_error = move |name| super::field_error(i18n, error, name);
    view! {
        <details class="box new-column">
            <summary>{move || i18n.sc(S::NewColumn)}</summary>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="column-category">{move || i18n.sc(S::Category)}</label>
                    <select id="column-category" prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                        {grid.categories.iter().map(|c| {
                            let (id, name, weight) = (c.id.clone(), category_name(c.category), c.weight);
                            view! { <option value=id>{move || format!("{} ({} {weight})", i18n.sc(name), i18n.sc(S::Weight))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="column-topic">{move || i18n.sc(S::Topic)}</label>
                    <input id="column-topic" type="text" maxlength="120" prop:value=move || topic.get()
                        aria-invalid=move || field_error("title")().is_some().then_some("true")
                        aria-describedby="column-topic-error"
                        on:input=move |ev| topic.set(event_target_value(&ev)) />
                    <p class="field-error" id="column-topic-error">{field_error("title")}</p>
                </div>
                <div class="field">
                    <label for="column-date">{move || i18n.sc(S::Date)}</label>
                    <input id="column-date" type="date" prop:value=move || date.get()
                        aria-invalid=move || field_error("on_date")().is_some().then_some("true")
                        aria-describedby="column-date-error"
                        on:input=move |ev| date.set(event_target_value(&ev)) />
                    <p class="field-error" id="column-date-error">{field_error("on_date")}</p>
                </div>
                <button type="submit" class="button button-secondary">{move || i18n.sc(S::AddColumn)}</button>
            </form>
        </details>
    }
}
