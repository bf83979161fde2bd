//! The school office (`/office/school`): the classes of its schools, new classes and
//! subjects; a class's roll with its guardians, its form teacher and subject teachers,
//! moving a pupil to another class and the CSV import of pupils and guardians
//! (`/office/school/classes/ID`).

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use models::error::FieldError;
use models::school::admin::{
    AdminSchool, AdminTeaching, ClassRoll, MovePupil, NewClass, NewSubject, TeacherChoice,
    TeacherPick,
};

use super::letter::Select;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

/// A field's error of a request's answer, as a signal.
fn field_of(error: RwSignal<Option<ApiError>>, name: &'static str) -> Signal<Option<FieldError>> {
    Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.fields.get(name).copied())))
}

/// Options of a teacher `<select>`, the first meaning none.
fn teacher_options(teachers: &[TeacherChoice], none: &'static str) -> impl IntoView + use<> {
    let options: Vec<_> = teachers
        .iter()
        .map(|t| view! { <option value=t.id.clone()>{t.full_name.clone()}</option> })
        .collect();
    view! { <option value="">{none}</option> {options} }
}

/// The classes.
#[component]
pub fn SchoolOffice() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::SchoolOffice).to_owned());
    let reload = RwSignal::new(0u32);
    let classes = LocalResource::new(move || {
        reload.get();
        api::office::school_classes()
    });
    let schools = LocalResource::new(move || {
        reload.get();
        api::office::schools()
    });
    // Kept here: the forms are drawn again when the lists reload.
    let done = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
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
        <Transition fallback=|| ()>
            {move || schools.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(list) => list.into_iter().map(|school| view! { <SchoolForms school reload done /> }).collect_view().into_any(),
            })}
        </Transition>
    }
}

/// A school's new class and new subject forms, and its subjects.
#[component]
fn SchoolForms(
    school: AdminSchool,
    reload: RwSignal<u32>,
    /// What the new class and the new subject forms last did.
    done: (RwSignal<Option<String>>, RwSignal<Option<String>>),
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let form_teacher = RwSignal::new(String::new());
    let (class_done, subject_done) = done;
    let class_error = RwSignal::new(None::<ApiError>);
    let subject = RwSignal::new(String::new());
    let subject_error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let id = StoredValue::new(school.id.clone());
    let add_class = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = NewClass {
            name: name.get_untracked().trim().to_owned(),
            form_teacher_id: Some(form_teacher.get_untracked()).filter(|t| !t.is_empty()),
        };
        busy.set(true);
        class_done.set(None);
        spawn_local(async move {
            match api::office::add_class(&id.get_value(), &body).await {
                Ok(c) => {
                    class_error.set(None);
                    class_done.set(Some(i18n.o(O::ClassAdded).replace("{name}", &c.name)));
                    name.set(String::new());
                    reload.update(|n| *n += 1);
                }
                Err(e) => class_error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let add_subject = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = NewSubject {
            name: subject.get_untracked().trim().to_owned(),
        };
        busy.set(true);
        subject_done.set(None);
        spawn_local(async move {
            match api::office::add_subject(&id.get_value(), &body).await {
                Ok(s) => {
                    subject_error.set(None);
                    subject_done.set(Some(i18n.o(O::SubjectAdded).replace("{name}", &s.name)));
                    subject.set(String::new());
                    reload.update(|n| *n += 1);
                }
                Err(e) => subject_error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let year = school.year_name.clone().unwrap_or_default();
    view! {
        <section class="panel" aria-labelledby="new-class">
            <h2 id="new-class">{move || i18n.o(O::NewClass)}</h2>
            <p class="hint">{school.name.clone()} " · " {move || i18n.o(O::SchoolYearOf)} " " {year.clone()}</p>
            <form class="stack" novalidate on:submit=add_class>
                <TextField id="name" label=Signal::derive(move || i18n.o(O::ClassName)) value=name
                    error=field_of(class_error, "name") hint=Signal::derive(move || i18n.o(O::ClassNameHint)) required=true />
                <Select id="form_teacher_id" label=O::FormTeacherCol value=form_teacher error=field_of(class_error, "form_teacher_id")>
                    {teacher_options(&school.teachers, i18n.o(O::NoFormTeacher))}
                </Select>
                <ErrorAlert error=class_error />
                <p role="status" class="success">{move || class_done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::AddClass)}</button>
            </form>
        </section>
        <section class="panel" aria-labelledby="subjects">
            <h2 id="subjects">{move || i18n.o(O::Subjects)}</h2>
            <ol class="hint">
                {school.subjects.iter().map(|s| view! { <li>{s.name.clone()}</li> }).collect_view()}
            </ol>
            <form class="stack" novalidate on:submit=add_subject>
                <TextField id="subject-name" label=Signal::derive(move || i18n.o(O::SubjectName)) value=subject
                    error=field_of(subject_error, "name") required=true />
                <ErrorAlert error=subject_error />
                <p role="status" class="success">{move || subject_done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::AddSubject)}</button>
            </form>
        </section>
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
    let teachers = LocalResource::new(api::office::schools);
    // Kept here: the forms are drawn again when the roll reloads after a move.
    let moved = RwSignal::new(None::<String>);
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
        <Transition fallback=|| ()>
            {move || {
                let roll = roll.get().and_then(Result::ok)?;
                let teachers: Vec<TeacherChoice> = teachers.get().and_then(Result::ok)?
                    .into_iter().find(|s| s.name == roll.class.school_name)
                    .map(|s| s.teachers).unwrap_or_default();
                Some(view! { <ClassStructure roll teachers reload moved /> })
            }}
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

/// A class's form teacher, subject teachers and moving a pupil.
#[component]
fn ClassStructure(
    roll: ClassRoll,
    teachers: Vec<TeacherChoice>,
    reload: RwSignal<u32>,
    /// What the move form last did.
    moved: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = StoredValue::new(roll.class.id.clone());
    let teachers = StoredValue::new(teachers);
    let form_teacher = RwSignal::new(roll.form_teacher_id.clone().unwrap_or_default());
    let form_error = RwSignal::new(None::<ApiError>);
    let form_done = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let save_form_teacher = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = TeacherPick {
            teacher_id: Some(form_teacher.get_untracked()).filter(|t| !t.is_empty()),
        };
        busy.set(true);
        form_done.set(None);
        spawn_local(async move {
            match api::office::set_form_teacher(&class.get_value(), &body).await {
                Ok(_) => {
                    form_error.set(None);
                    form_done.set(Some(i18n.o(O::Done)));
                }
                Err(e) => form_error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let pupil = RwSignal::new(String::new());
    let to_class = RwSignal::new(String::new());
    let move_error = RwSignal::new(None::<ApiError>);
    let move_done = moved;
    let move_pupil = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let who = pupil.get_untracked();
        if who.is_empty() {
            move_error.set(Some(ApiError::field("pupil", FieldError::Required)));
            return;
        }
        let body = MovePupil {
            class_id: to_class.get_untracked(),
        };
        busy.set(true);
        move_done.set(None);
        spawn_local(async move {
            match api::office::move_pupil(&who, &body).await {
                Ok(c) => {
                    move_error.set(None);
                    move_done.set(Some(i18n.o(O::Moved).replace("{name}", &c.name)));
                    reload.update(|n| *n += 1);
                }
                Err(e) => move_error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let pupils = roll.pupils.clone();
    let others = roll.other_classes.clone();
    view! {
        <section class="panel" aria-labelledby="form-teacher">
            <h2 id="form-teacher">{move || i18n.o(O::FormTeacherCol)}</h2>
            <form class="stack" novalidate on:submit=save_form_teacher>
                <Select id="teacher_id" label=O::FormTeacherCol value=form_teacher error=field_of(form_error, "teacher_id")>
                    {teachers.with_value(|t| teacher_options(t, i18n.o(O::NoFormTeacher)))}
                </Select>
                <ErrorAlert error=form_error />
                <p role="status" class="success">{move || form_done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::SaveFormTeacher)}</button>
            </form>
        </section>
        <section class="panel" aria-labelledby="subject-teachers">
            <h2 id="subject-teachers">{move || i18n.o(O::SubjectTeachers)}</h2>
            <p class="hint">{move || i18n.o(O::SubjectTeachersHint)}</p>
            <ul class="teaching-list">
                {roll.teaching.into_iter().map(|t| view! {
                    <li><TeachingRow class=class.get_value() teaching=t teachers=teachers.get_value() /></li>
                }).collect_view()}
            </ul>
        </section>
        <section class="panel" aria-labelledby="move-pupil">
            <h2 id="move-pupil">{move || i18n.o(O::MovePupil)}</h2>
            <p class="hint">{move || i18n.o(O::MovePupilHint)}</p>
            <form class="stack" novalidate on:submit=move_pupil>
                <Select id="pupil" label=O::PupilCol value=pupil error=field_of(move_error, "pupil")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {pupils.into_iter().map(|p| view! { <option value=p.id.clone()>{format!("{}. {}", p.number, p.full_name)}</option> }).collect_view()}
                </Select>
                <Select id="class_id" label=O::ToClass value=to_class error=field_of(move_error, "class_id")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {others.into_iter().map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> }).collect_view()}
                </Select>
                <ErrorAlert error=move_error />
                <p role="status" class="success">{move || move_done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::Move)}</button>
            </form>
        </section>
    }
}

/// Who teaches one subject in the class: a labelled `<select>` and its own save button.
#[component]
fn TeachingRow(
    class: String,
    teaching: AdminTeaching,
    teachers: Vec<TeacherChoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(teaching.teacher_id.clone().unwrap_or_default());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let select_id = format!("teaching-{}", teaching.subject_id);
    let error_id = format!("{select_id}-error");
    let subject = StoredValue::new(teaching.subject_id.clone());
    let class = StoredValue::new(class);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = TeacherPick {
            teacher_id: Some(chosen.get_untracked()).filter(|t| !t.is_empty()),
        };
        busy.set(true);
        done.set(None);
        spawn_local(async move {
            match api::office::set_teaching(&class.get_value(), &subject.get_value(), &body).await {
                Ok(()) => {
                    error.set(None);
                    done.set(Some(i18n.o(O::Done)));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let invalid = field_of(error, "teacher_id");
    let described = error_id.clone();
    let name = teaching.subject_name.clone();
    view! {
        <form class="inline-form" novalidate on:submit=save>
            <div class="field" class:field-invalid=move || invalid.get().is_some()>
                <label for=select_id.clone()>{teaching.subject_name.clone()}</label>
                <select id=select_id.clone()
                    aria-invalid=move || invalid.get().is_some().then_some("true")
                    aria-describedby=move || invalid.get().is_some().then(|| described.clone())
                    prop:value=move || chosen.get()
                    on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {teacher_options(&teachers, i18n.o(O::NoTeacher))}
                </select>
                {move || invalid.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.message(i18n.lang())}</p> })}
            </div>
            <button type="submit" class="button button-secondary" prop:disabled=move || busy.get()
                aria-label=move || format!("{}: {}", i18n.o(O::Save), name)>{move || i18n.o(O::Save)}</button>
            <span role="status" class="success">{move || done.get()}</span>
        </form>
    }
}
