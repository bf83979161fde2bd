//! The school office (`/office/school`): the classes of its schools, and a class's roll
//! with its guardians and the CSV import of pupils and guardians
//! (`/office/school/classes/ID`).

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

/// The classes.
#[component]
pub fn SchoolOffice() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::SchoolOffice).to_owned());
    let classes = LocalResource::new(api::office::school_classes);
    view! {
        <h1>{move || i18n.o(O::SchoolOffice)}</h1>
        <p class="lead">{move || i18n.o(O::SchoolOfficeLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || classes.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(list) => view! {
                    <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.o(O::SchoolOffice)>
                        <table class="data">
                            <thead><tr>
                                <th scope="col">{move || i18n.o(O::ClassCol)}</th>
                                <th scope="col">{move || i18n.o(O::FormTeacherCol)}</th>
                                <th scope="col">{move || i18n.o(O::PupilsCol)}</th>
                                <th scope="col">{move || i18n.o(O::WithoutGuardianCol)}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|c| view! {
                                    <tr>
                                        <th scope="row"><A href=format!("/office/school/classes/{}", c.id)>{c.name.clone()}</A></th>
                                        <td>{c.form_teacher.clone().unwrap_or_default()}</td>
                                        <td>{c.pupils}</td>
                                        <td>{c.without_guardian}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            })}
        </Transition>
    }
}

/// A class's roll and the import.
#[component]
pub fn ClassRollPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::SchoolOffice).to_owned());
    let reload = RwSignal::new(0u32);
    let class = id.clone();
    let roll = LocalResource::new(move || {
        reload.get();
        let class = class.clone();
        async move { api::office::class_roll(&class).await }
    });
    view! {
        <p><A href="/office/school">{move || i18n.o(O::SchoolOffice)}</A></p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || roll.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(roll) => view! {
                    <h1>{move || i18n.o(O::ClassCol)} " " {roll.class.name.clone()}</h1>
                    <p class="lead">{roll.class.school_name.clone()} " · " {roll.class.year_name.clone()}</p>
                    <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.o(O::PupilsCol)>
                        <table class="data">
                            <thead><tr>
                                <th scope="col">{move || i18n.o(O::NumberCol)}</th>
                                <th scope="col">{move || i18n.o(O::PupilCol)}</th>
                                <th scope="col">{move || i18n.o(O::GuardiansCol)}</th>
                            </tr></thead>
                            <tbody>
                                {roll.pupils.into_iter().map(|p| {
                                    let login = if p.email.is_empty() { None } else { Some(p.email.clone()) };
                                    view! {
                                        <tr>
                                            <td>{p.number}</td>
                                            <th scope="row">{p.full_name.clone()}<br />
                                                <span class="hint">{login.unwrap_or_else(|| i18n.o(O::NoLogin).to_owned())}</span>
                                            </th>
                                            <td>{p.guardians.iter().map(|g| format!("{} <{}>", g.full_name, g.email)).collect::<Vec<_>>().join(", ")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            })}
        </Transition>
        <PupilImport class=id reload />
    }
}

#[component]
fn PupilImport(class: String, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let file = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = api::cases::chosen_files(file.get_untracked().as_ref())
            .into_iter()
            .next()
        else {
            error.set(Some(ApiError::field(
                "file",
                models::error::FieldError::Required,
            )));
            return;
        };
        busy.set(true);
        done.set(None);
        let class = class.clone();
        spawn_local(async move {
            match api::office::import_pupils(&class, &f).await {
                Ok(r) => {
                    error.set(None);
                    done.set(Some(
                        i18n.o(O::ImportedPupils)
                            .replace("{rows}", &r.rows.to_string())
                            .replace("{enrolled}", &r.enrolled.to_string())
                            .replace("{accounts}", &r.accounts_created.to_string())
                            .replace("{links}", &r.links_added.to_string()),
                    ));
                    reload.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="import-pupils">
            <h2 id="import-pupils">{move || i18n.o(O::ImportPupils)}</h2>
            <form class="stack" novalidate on:submit=submit>
                <p class="hint" id="pupils-file-hint">{move || i18n.o(O::ImportPupilsHint)}</p>
                <div class="field">
                    <label for="pupils-file">{move || i18n.o(O::CsvFile)}</label>
                    <input id="pupils-file" type="file" accept=".csv,text/csv" node_ref=file aria-describedby="pupils-file-hint" />
                </div>
                <ErrorAlert error=error />
                <p role="status" class="success">{move || done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::ImportPupils)}</button>
            </form>
        </section>
    }
}
