//! The gmina's schools (`/office/schools`, the gmina's admin): each school with its year
//! in force, classes, pupils and who works in its office; adding a school, naming a
//! person of a school's office (a new account gets a link to set its password), taking
//! someone off an office and ending an office's lost authenticator.

use leptos::prelude::*;
use models::error::FieldError;
use models::school::gmina::{GminaSchool, NewOffice, NewSchool};

use super::letter::Select;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::form::{FormEnd, Sending};
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

/// The schools and the forms.
#[component]
pub fn GminaSchools() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::Schools).to_owned());
    let reload = RwSignal::new(0u32);
    let schools = LocalResource::new(move || {
        reload.get();
        api::office::gmina_schools()
    });
    // Kept here: the forms are drawn again when the list reloads.
    let done = [(); 4].map(|_| RwSignal::new(None::<String>));
    view! {
        <super::DeskNav />
        <h1>{move || i18n.o(O::Schools)}</h1>
        <p class="lead">{move || i18n.o(O::SchoolsLead)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || schools.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(list) => view! {
                    <SchoolTable list=list.clone() />
                    <NewSchoolForm reload done=done[0] />
                    <OfficeForm list=list.clone() reload done=done[1] />
                    <RemoveOfficeForm list=list.clone() reload done=done[2] />
                    <OfficeAuthenticator list reload done=done[3] />
                }.into_any(),
            })}
        </Transition>
    }
}

/// A person of an office as one line: name, e-mail and whether they still wait.
fn office_line(name: &str, email: &str, waiting: bool, waiting_text: &str) -> String {
    if waiting {
        format!("{name} <{email}> ({waiting_text})")
    } else {
        format!("{name} <{email}>")
    }
}

/// The table of schools.
#[component]
fn SchoolTable(list: Vec<GminaSchool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.o(O::Schools)>
            <table class="data">
                <thead><tr>
                    <th scope="col">{move || i18n.o(O::SchoolCol)}</th>
                    <th scope="col">{move || i18n.o(O::SchoolYearOf)}</th>
                    <th scope="col">{move || i18n.o(O::ClassesCol)}</th>
                    <th scope="col">{move || i18n.o(O::PupilsCol)}</th>
                    <th scope="col">{move || i18n.o(O::SchoolOffice)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">{s.name.clone()}</th>
                            <td>{s.year_name.clone().unwrap_or_default()}</td>
                            <td>{s.classes}</td>
                            <td>{s.pupils}</td>
                            <td>{move || s.offices.iter()
                                .map(|o| office_line(&o.full_name, &o.email, o.waiting, i18n.o(O::Waiting)))
                                .collect::<Vec<_>>().join(", ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Adding a school.
#[component]
fn NewSchoolForm(reload: RwSignal<u32>, done: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NewSchool {
            name: name.get_untracked().trim().to_owned(),
        };
        state.send(Box::pin(async move {
            let s = api::office::add_school(&body).await?;
            name.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n
                .o(O::SchoolAdded)
                .replace("{name}", &s.name)
                .replace("{year}", &s.year_name.unwrap_or_default()))
        }));
    };
    view! {
        <section class="panel" aria-labelledby="new-school">
            <h2 id="new-school">{move || i18n.o(O::NewSchool)}</h2>
            <p class="hint">{move || i18n.o(O::NewSchoolHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <TextField id="name" label=Signal::derive(move || i18n.o(O::SchoolName)) value=name
                    error=state.field("name") required=true />
                <FormEnd state label=O::AddSchool />
            </form>
        </section>
    }
}

/// The options of a school `<select>`.
fn school_options(list: &[GminaSchool]) -> impl IntoView + use<> {
    list.iter()
        .map(|s| view! { <option value=s.id.clone()>{s.name.clone()}</option> })
        .collect_view()
}

/// Naming a person of a school's office.
#[component]
fn OfficeForm(
    list: Vec<GminaSchool>,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let school = RwSignal::new(String::new());
    let (full_name, email) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = school.get_untracked();
        let body = NewOffice {
            full_name: full_name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
        };
        state.send(Box::pin(async move {
            if chosen.is_empty() {
                return Err(ApiError::field("school", FieldError::Required));
            }
            let s = api::office::add_office(&chosen, &body).await?;
            full_name.set(String::new());
            email.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n
                .o(O::OfficeAdded)
                .replace("{email}", &body.email)
                .replace("{school}", &s.name))
        }));
    };
    view! {
        <section class="panel" aria-labelledby="new-office">
            <h2 id="new-office">{move || i18n.o(O::NewOffice)}</h2>
            <p class="hint">{move || i18n.o(O::NewOfficeHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="school" label=O::SchoolCol value=school error=state.field("school")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {school_options(&list)}
                </Select>
                <TextField id="full_name" label=Signal::derive(move || i18n.o(O::PersonName)) value=full_name
                    error=state.field("full_name") autocomplete="off" required=true />
                <TextField id="email" kind="email" label=Signal::derive(move || i18n.o(O::PersonEmail)) value=email
                    error=state.field("email") required=true />
                <FormEnd state label=O::AddOffice />
            </form>
        </section>
    }
}

/// Taking someone off a school's office.
#[component]
fn RemoveOfficeForm(
    list: Vec<GminaSchool>,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(String::new());
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = chosen.get_untracked();
        state.send(Box::pin(async move {
            let Some((school, account)) = value.split_once('|') else {
                return Err(ApiError::field("office", FieldError::Required));
            };
            api::office::remove_office(school, account).await?;
            chosen.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::Done).to_owned())
        }));
    };
    let options: Vec<(String, String)> = list
        .iter()
        .flat_map(|s| {
            s.offices.iter().map(|o| {
                (
                    format!("{}|{}", s.id, o.id),
                    format!("{} <{}> — {}", o.full_name, o.email, s.name),
                )
            })
        })
        .collect();
    view! {
        <section class="panel" aria-labelledby="remove-office">
            <h2 id="remove-office">{move || i18n.o(O::RemoveOffice)}</h2>
            <form class="stack" novalidate on:submit=submit>
                <Select id="office" label=O::OfficePerson value=chosen error=state.field("office")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                </Select>
                <FormEnd state label=O::RemoveOfficeButton />
            </form>
        </section>
    }
}

/// Ending a school office's lost authenticator.
#[component]
fn OfficeAuthenticator(
    list: Vec<GminaSchool>,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut with: Vec<(String, String)> = vec![];
    for o in list
        .iter()
        .flat_map(|s| s.offices.iter())
        .filter(|o| o.authenticator)
    {
        if !with.iter().any(|(id, _)| *id == o.id) {
            with.push((o.id.clone(), format!("{} <{}>", o.full_name, o.email)));
        }
    }
    let names = StoredValue::new(with.clone());
    let chosen = RwSignal::new(String::new());
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let account = chosen.get_untracked();
        let name = names.with_value(|w| {
            w.iter()
                .find(|(id, _)| *id == account)
                .map(|(_, n)| n.clone())
        });
        state.send(Box::pin(async move {
            let name =
                name.ok_or_else(|| ApiError::field("office-account", FieldError::Required))?;
            api::office::end_office_authenticator(&account).await?;
            chosen.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::AuthenticatorEnded).replace("{name}", &name))
        }));
    };
    view! {
        <section class="panel" aria-labelledby="office-authenticator">
            <h2 id="office-authenticator">{move || i18n.o(O::Authenticators)}</h2>
            <p class="hint">{move || i18n.o(O::OfficeAuthenticatorHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="office-account" label=O::AccountCol value=chosen error=state.field("office-account")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {with.into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                </Select>
                <FormEnd state label=O::EndAuthenticator />
            </form>
        </section>
    }
}
