//! `/office/taxes/import`: importing assessments (CSV) and bank statements (CSV or MT940),
//! each all or nothing — a refused file says which lines and why — and the statements
//! imported so far.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::error::ErrorCode;
use models::taxes::office::StatementInfo;

use super::{TaxNav, at, loading};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::money::money;
use crate::components::page::use_title;
use crate::i18n::{Office as O, use_i18n};
use crate::pages::office::DeskNav;

/// Which file a form imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Assessments,
    Statement,
}

/// The two import forms and the statements list.
#[component]
pub fn Imports() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::TaxImport).to_owned());
    let refresh = RwSignal::new(0u32);
    let statements = LocalResource::new(move || {
        refresh.track();
        api::office_taxes::statements()
    });
    view! {
        <h1>{move || i18n.o(O::TaxImport)}</h1>
        <DeskNav />
        <TaxNav />
        <ImportForm kind=Kind::Assessments refresh />
        <ImportForm kind=Kind::Statement refresh />
        <h2>{move || i18n.o(O::TaxStatements)}</h2>
        <Transition fallback=loading>
            {move || statements.get().map(|r| match r {
                Ok(l) if l.is_empty() => view! { <p>{i18n.o(O::TaxNoStatements)}</p> }.into_any(),
                Ok(l) => view! { <Statements list=l /> }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// One import: a file, a button, the outcome.
#[component]
fn ImportForm(kind: Kind, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (id, title, hint, accept) = match kind {
        Kind::Assessments => (
            "assessments-file",
            O::TaxAssessmentsFile,
            O::TaxAssessmentsHint,
            ".csv,text/csv",
        ),
        Kind::Statement => (
            "statement-file",
            O::TaxStatementFile,
            O::TaxStatementHint,
            ".csv,.sta,.mt940,.txt,text/csv,text/plain",
        ),
    };
    let hint_id = format!("{id}-hint");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        done.set(None);
        let Some(file) = api::cases::chosen_files(file_ref.get_untracked().as_ref()).pop() else {
            let mut e = ApiError::new(ErrorCode::InvalidImportFile);
            e.0.message = i18n.o(O::TaxChooseFile).to_owned();
            error.set(Some(e));
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang();
            let outcome = match kind {
                Kind::Assessments => api::office_taxes::import_assessments(&file).await.map(|s| {
                    O::TaxAssessmentsDone
                        .text(lang)
                        .replace("{assessments}", &s.assessments.to_string())
                        .replace("{instalments}", &s.instalments.to_string())
                        .replace("{total}", &money(s.total))
                        .replace("{created}", &s.taxpayers_created.to_string())
                }),
                Kind::Statement => api::office_taxes::import_statement(&file).await.map(|s| {
                    O::TaxStatementDone
                        .text(lang)
                        .replace("{format}", &s.format.to_uppercase())
                        .replace("{credits}", &s.credits.to_string())
                        .replace("{matched}", &s.matched.to_string())
                        .replace("{unmatched}", &s.unmatched.to_string())
                        .replace("{known}", &s.already_known.to_string())
                        .replace("{debits}", &s.debits.to_string())
                        .replace("{total}", &money(s.total))
                }),
            };
            match outcome {
                Ok(text) => {
                    done.set(Some(text));
                    refresh.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{move || i18n.o(title)}</h2>
            <form class="stack" novalidate on:submit=submit>
                <div class="field">
                    <label for=id>{move || i18n.o(O::TaxFileName)}</label>
                    <p class="hint" id=hint_id.clone()>{move || i18n.o(hint)}</p>
                    <input id=id type="file" accept=accept node_ref=file_ref aria-describedby=hint_id />
                </div>
                <ErrorAlert error=error />
                <p role="status" class="success">{move || done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>
                    {move || i18n.o(O::TaxImportButton)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn Statements(list: Vec<StatementInfo>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.o(O::TaxStatements)>
            <table class="data">
                <thead><tr>
                    <th scope="col">{i18n.o(O::TaxFileName)}</th>
                    <th scope="col">{i18n.o(O::TaxImportedAt)}</th>
                    <th scope="col">{i18n.o(O::TaxCredits)}</th>
                    <th scope="col">{i18n.o(O::TaxMatched)}</th>
                    <th scope="col">{i18n.o(O::TaxTotal)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">{format!("{} ({})", s.file_name, s.format.to_uppercase())}</th>
                            <td>{at(s.imported_at, lang)}</td>
                            <td>{s.credits}</td>
                            <td>{s.matched}</td>
                            <td>{money(s.total)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
