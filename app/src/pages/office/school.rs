//! The school office (`/office/school`): the classes of its schools, new classes and
//! subjects; a class's roll with its guardians, its form teacher and subject teachers,
//! moving a pupil to another class and the CSV import of pupils and guardians
//! (`/office/school/classes/ID`).

use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::components::A;
use models::error::FieldError;
use models::school::Category;
use models::school::admin::{
    AdminSchool, AdminTeaching, AdminYear, ClassRoll, MovePupil, NewClass, NewSubject, NewYear,
    SchoolRules, SubjectScale, TeacherChoice, TeacherPick, weight_field,
};

use super::letter::Select;
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::form::{FormEnd, Sending};
use crate::components::page::use_title;
use crate::i18n::{Msg, Office as O, use_i18n};

/// Options of a teacher `<select>`, the first meaning none.
fn teacher_options(teachers: &[TeacherChoice], none: &'static str) -> impl IntoView + use<> {
    let options: Vec<_> = teachers
        .iter()
        .map(|t| view! { <option value=t.id.clone()>{t.full_name.clone()}</option> })
        .collect();
    view! { <option value="">{none}</option> {options} }
}

/// Options of a school-year `<select>`: the first (the current year) is the empty value,
/// which the API reads as "the year in force".
fn year_options(years: Vec<AdminYear>) -> impl IntoView {
    years
        .into_iter()
        .enumerate()
        .map(|(i, y)| {
            let value = if i == 0 { String::new() } else { y.id };
            view! { <option value=value>{y.name}</option> }
        })
        .collect_view()
}

/// The chosen teacher of a `<select>` whose empty option means none.
fn pick(chosen: RwSignal<String>) -> TeacherPick {
    TeacherPick {
        teacher_id: Some(chosen.get_untracked()).filter(|t| !t.is_empty()),
    }
}

/// The classes.
#[component]
pub fn SchoolOffice() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::SchoolOffice).to_owned());
    let reload = RwSignal::new(0u32);
    // The school year shown ("": the one in force).
    let year = RwSignal::new(String::new());
    let classes = LocalResource::new(move || {
        reload.get();
        api::office::school_classes(Some(year.get()).filter(|y| !y.is_empty()))
    });
    let schools = LocalResource::new(move || {
        reload.get();
        api::office::schools()
    });
    // Kept here: the forms are drawn again when the lists reload.
    let done = [(); 3].map(|_| RwSignal::new(None::<String>));
    let ended = RwSignal::new(None::<String>);
    let kept = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    view! {
        <h1>{move || i18n.o(O::SchoolOffice)}</h1>
        <p class="lead">{move || i18n.o(O::SchoolOfficeLead)}</p>
        <Transition fallback=|| ()>
            {move || schools.get().and_then(Result::ok).and_then(|list| {
                let years: Vec<_> = list.into_iter().flat_map(|s| s.years).collect();
                (years.len() > 1).then(|| view! {
                    <Select id="year" label=O::ShowYear value=year error=Signal::derive(|| None)>
                        {year_options(years)}
                    </Select>
                })
            })}
        </Transition>
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
                Ok(list) => {
                    let teachers = list.first().map(|s| s.teachers.clone()).unwrap_or_default();
                    view! {
                        {list.into_iter().map(|school| view! {
                            <SchoolForms school=school.clone() reload done />
                            <RulesForm school=school.id.clone() rules=school.rules.clone() done=kept.0 />
                            <YearForm school=school.id reload done=kept.1 />
                        }).collect_view()}
                        <LostAuthenticator teachers reload done=ended />
                    }.into_any()
                }
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
    done: [RwSignal<Option<String>>; 3],
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let form_teacher = RwSignal::new(String::new());
    let class_year = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let (class_state, subject_state) = (Sending::new(done[0]), Sending::new(done[1]));
    let id = StoredValue::new(school.id.clone());
    let add_class = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NewClass {
            name: name.get_untracked().trim().to_owned(),
            form_teacher_id: pick(form_teacher).teacher_id,
            year_id: Some(class_year.get_untracked()).filter(|y| !y.is_empty()),
        };
        class_state.send(Box::pin(async move {
            let c = api::office::add_class(&id.get_value(), &body).await?;
            name.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::ClassAdded).replace("{name}", &c.name))
        }));
    };
    let add_subject = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NewSubject {
            name: subject.get_untracked().trim().to_owned(),
        };
        subject_state.send(Box::pin(async move {
            let s = api::office::add_subject(&id.get_value(), &body).await?;
            subject.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::SubjectAdded).replace("{name}", &s.name))
        }));
    };
    let year = school.year_name.clone().unwrap_or_default();
    let years = school.years.clone();
    let scale = school.clone();
    view! {
        <section class="panel" aria-labelledby="new-class">
            <h2 id="new-class">{move || i18n.o(O::NewClass)}</h2>
            <p class="hint">{school.name.clone()} " · " {move || i18n.o(O::SchoolYearOf)} " " {year}</p>
            <form class="stack" novalidate on:submit=add_class>
                {(years.len() > 1).then(|| view! {
                    <Select id="year_id" label=O::SchoolYearOf value=class_year error=class_state.field("year_id")>
                        {year_options(years)}
                    </Select>
                })}
                <TextField id="name" label=Signal::derive(move || i18n.o(O::ClassName)) value=name
                    error=class_state.field("name") hint=Signal::derive(move || i18n.o(O::ClassNameHint)) required=true />
                <Select id="form_teacher_id" label=O::FormTeacherCol value=form_teacher error=class_state.field("form_teacher_id")>
                    {teacher_options(&school.teachers, i18n.o(O::NoFormTeacher))}
                </Select>
                <FormEnd state=class_state label=O::AddClass />
            </form>
        </section>
        <section class="panel" aria-labelledby="subjects">
            <h2 id="subjects">{move || i18n.o(O::Subjects)}</h2>
            <ol class="hint">
                {school.subjects.iter().map(|s| view! {
                    <li>{s.name.clone()} {s.scale_in_early.then(|| view! { " (" {move || i18n.o(O::OnScaleMark)} ")" })}</li>
                }).collect_view()}
            </ol>
            <form class="stack" novalidate on:submit=add_subject>
                <TextField id="subject-name" label=Signal::derive(move || i18n.o(O::SubjectName)) value=subject
                    error=subject_state.field("name") required=true />
                <FormEnd state=subject_state label=O::AddSubject />
            </form>
        </section>
        <ScaleForm school=scale reload done=done[2] />
    }
}

/// Whether a subject's term and year grades are marks of the scale in classes 1–3 too.
#[component]
fn ScaleForm(
    school: AdminSchool,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let subject = RwSignal::new(String::new());
    let on_scale = RwSignal::new(false);
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = subject.get_untracked();
        let body = SubjectScale {
            scale_in_early: on_scale.get_untracked(),
        };
        state.send(Box::pin(async move {
            if chosen.is_empty() {
                return Err(ApiError::field("scale-subject", FieldError::Required));
            }
            let s = api::office::set_scale(&chosen, &body).await?;
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::ScaleSaved).replace("{name}", &s.name))
        }));
    };
    view! {
        <section class="panel" aria-labelledby="scale">
            <h2 id="scale">{move || i18n.o(O::ScaleTitle)}</h2>
            <p class="hint" id="scale-hint">{move || i18n.o(O::ScaleHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="scale-subject" label=O::SubjectCol value=subject error=state.field("scale-subject")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {school.subjects.iter().map(|s| view! { <option value=s.id.clone()>{s.name.clone()}</option> }).collect_view()}
                </Select>
                <div class="field field-check" class:field-invalid=move || state.field("scale_in_early").get().is_some()>
                    <input id="scale_in_early" type="checkbox" prop:checked=move || on_scale.get()
                        aria-describedby="scale-hint"
                        on:change=move |ev| on_scale.set(event_target_checked(&ev)) />
                    <label for="scale_in_early">{move || i18n.o(O::OnScale)}</label>
                </div>
                <FormEnd state label=O::SaveScale />
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
    let sent = RwSignal::new(None::<String>);
    view! {
        <p><A href="/office/school">{move || i18n.o(O::SchoolOffice)}</A></p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || roll.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                Ok(roll) => view! {
                    <h1>{move || i18n.o(O::ClassCol)} " " {roll.class.name.clone()}</h1>
                    <p class="lead">{roll.class.school_name.clone()} " · " {roll.class.year_name.clone()}</p>
                    <p><A href=format!("/office/school/classes/{}/timetable", roll.class.id)>{move || i18n.o(O::ClassTimetable)}</A></p>
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
                                                <span class="hint">{login.unwrap_or_else(|| i18n.o(O::NoLogin).to_owned())}
                                                    {p.waiting.then(|| format!(" ({})", i18n.o(O::Waiting)))}</span>
                                            </th>
                                            <td>{p.guardians.iter().map(|g| format!("{} <{}>{}", g.full_name, g.email,
                                                if g.waiting { format!(" ({})", i18n.o(O::Waiting)) } else { String::new() })).collect::<Vec<_>>().join(", ")}</td>
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
                let waiting = waiting_accounts(&roll);
                Some(view! { <ClassStructure roll teachers reload moved /> <NewLink waiting reload done=sent /> })
            }}
        </Transition>
        <PupilImport class=id reload />
    }
}

#[component]
fn PupilImport(class: String, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let file = NodeRef::<Input>::new();
    let state = Sending::new(RwSignal::new(None));
    let class = StoredValue::new(class);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = api::cases::chosen_files(file.get_untracked().as_ref())
            .into_iter()
            .next();
        state.send(Box::pin(async move {
            let f = chosen.ok_or_else(|| ApiError::field("file", FieldError::Required))?;
            let r = api::office::import_pupils(&class.get_value(), &f).await?;
            reload.update(|n| *n += 1);
            Ok(i18n
                .o(O::ImportedPupils)
                .replace("{rows}", &r.rows.to_string())
                .replace("{enrolled}", &r.enrolled.to_string())
                .replace("{accounts}", &r.accounts_created.to_string())
                .replace("{links}", &r.links_added.to_string()))
        }));
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
                <FormEnd state label=O::ImportPupils />
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
    let form_state = Sending::new(RwSignal::new(None));
    let save_form_teacher = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = pick(form_teacher);
        form_state.send(Box::pin(async move {
            api::office::set_form_teacher(&class.get_value(), &body).await?;
            Ok(i18n.o(O::Done).to_owned())
        }));
    };
    let pupil = RwSignal::new(String::new());
    let to_class = RwSignal::new(String::new());
    let move_state = Sending::new(moved);
    let move_pupil = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = pupil.get_untracked();
        let body = MovePupil {
            class_id: to_class.get_untracked(),
        };
        move_state.send(Box::pin(async move {
            if who.is_empty() {
                return Err(ApiError::field("pupil", FieldError::Required));
            }
            let c = api::office::move_pupil(&who, &body).await?;
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::Moved).replace("{name}", &c.name))
        }));
    };
    let pupils = roll.pupils.clone();
    let others = roll.other_classes.clone();
    view! {
        <section class="panel" aria-labelledby="form-teacher">
            <h2 id="form-teacher">{move || i18n.o(O::FormTeacherCol)}</h2>
            <form class="stack" novalidate on:submit=save_form_teacher>
                <Select id="teacher_id" label=O::FormTeacherCol value=form_teacher error=form_state.field("teacher_id")>
                    {teachers.with_value(|t| teacher_options(t, i18n.o(O::NoFormTeacher)))}
                </Select>
                <FormEnd state=form_state label=O::SaveFormTeacher />
            </form>
        </section>
        <section class="panel" aria-labelledby="subject-teachers">
            <h2 id="subject-teachers">{move || i18n.o(O::SubjectTeachers)}</h2>
            <p class="hint">{move || i18n.o(O::SubjectTeachersHint)}</p>
            <ul class="teaching-list">
                {roll.teaching.into_iter().map(|t| view! {
                    <li><TeachingRow class teaching=t teachers /></li>
                }).collect_view()}
            </ul>
        </section>
        <section class="panel" aria-labelledby="move-pupil">
            <h2 id="move-pupil">{move || i18n.o(O::MovePupil)}</h2>
            <p class="hint">{move || i18n.o(O::MovePupilHint)}</p>
            <form class="stack" novalidate on:submit=move_pupil>
                <Select id="pupil" label=O::PupilCol value=pupil error=move_state.field("pupil")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {pupils.into_iter().map(|p| view! { <option value=p.id.clone()>{format!("{}. {}", p.number, p.full_name)}</option> }).collect_view()}
                </Select>
                <Select id="class_id" label=O::ToClass value=to_class error=move_state.field("class_id")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {others.into_iter().map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> }).collect_view()}
                </Select>
                <FormEnd state=move_state label=O::Move />
            </form>
        </section>
    }
}

/// Who teaches one subject in the class: a labelled `<select>` and its own save button.
#[component]
fn TeachingRow(
    class: StoredValue<String>,
    teaching: AdminTeaching,
    teachers: StoredValue<Vec<TeacherChoice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(teaching.teacher_id.clone().unwrap_or_default());
    let state = Sending::new(RwSignal::new(None));
    let subject = StoredValue::new(teaching.subject_id.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = pick(chosen);
        state.send(Box::pin(async move {
            api::office::set_teaching(&class.get_value(), &subject.get_value(), &body).await?;
            Ok(i18n.o(O::Done).to_owned())
        }));
    };
    let about = teaching.subject_name.clone();
    view! {
        <form class="inline-form" novalidate on:submit=save>
            <Select id=format!("teaching-{}", teaching.subject_id) label=teaching.subject_name value=chosen error=state.field("teacher_id")>
                {teachers.with_value(|t| teacher_options(t, i18n.o(O::NoTeacher)))}
            </Select>
            <FormEnd state label=O::Save about inline=true />
        </form>
    }
}

/// Ending a teacher's lost authenticator.
#[component]
fn LostAuthenticator(
    teachers: Vec<TeacherChoice>,
    reload: RwSignal<u32>,
    /// What the form last did.
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let with: Vec<TeacherChoice> = teachers.into_iter().filter(|t| t.authenticator).collect();
    let names = StoredValue::new(with.clone());
    let chosen = RwSignal::new(String::new());
    let state = Sending::new(done);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let teacher = chosen.get_untracked();
        let name = names.with_value(|t| {
            t.iter()
                .find(|t| t.id == teacher)
                .map(|t| t.full_name.clone())
        });
        state.send(Box::pin(async move {
            let name = name.ok_or_else(|| ApiError::field("teacher", FieldError::Required))?;
            api::office::end_authenticator(&teacher).await?;
            chosen.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::AuthenticatorEnded).replace("{name}", &name))
        }));
    };
    let empty = with.is_empty();
    view! {
        <section class="panel" aria-labelledby="lost-authenticator">
            <h2 id="lost-authenticator">{move || i18n.o(O::Authenticators)}</h2>
            <p class="hint">{move || i18n.o(O::AuthenticatorsHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="teacher" label=O::TeacherCol value=chosen error=state.field("teacher")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {with.into_iter().map(|t| view! { <option value=t.id>{t.full_name}</option> }).collect_view()}
                </Select>
                {empty.then(|| view! { <p class="hint">{move || i18n.o(O::NoAuthenticators)}</p> })}
                <FormEnd state label=O::EndAuthenticator />
            </form>
        </section>
    }
}

/// The class's pupils and guardians who have not set a password: (id, name and e-mail).
fn waiting_accounts(roll: &ClassRoll) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    for p in &roll.pupils {
        if p.waiting {
            out.push((p.id.clone(), format!("{} <{}>", p.full_name, p.email)));
        }
        for g in p.guardians.iter().filter(|g| g.waiting) {
            if !out.iter().any(|(id, _)| *id == g.id) {
                out.push((g.id.clone(), format!("{} <{}>", g.full_name, g.email)));
            }
        }
    }
    out
}

/// Sending a new link to an account that has not set its password.
#[component]
fn NewLink(
    waiting: Vec<(String, String)>,
    reload: RwSignal<u32>,
    /// What the form last did.
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let names = StoredValue::new(waiting.clone());
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
            let name = name.ok_or_else(|| ApiError::field("account", FieldError::Required))?;
            api::office::send_link(&account).await?;
            chosen.set(String::new());
            reload.update(|n| *n += 1);
            Ok(i18n.o(O::LinkSent).replace("{name}", &name))
        }));
    };
    let empty = waiting.is_empty();
    view! {
        <section class="panel" aria-labelledby="new-link">
            <h2 id="new-link">{move || i18n.o(O::NewLink)}</h2>
            <p class="hint">{move || i18n.o(O::NewLinkHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <Select id="account" label=O::AccountCol value=chosen error=state.field("account")>
                    <option value="">{i18n.t(Msg::ChooseOption)}</option>
                    {waiting.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </Select>
                {empty.then(|| view! { <p class="hint">{move || i18n.o(O::NobodyWaiting)}</p> })}
                <FormEnd state label=O::SendLink />
            </form>
        </section>
    }
}

/// A category's name.
fn category_name(c: Category) -> O {
    match c {
        Category::Test => O::CatTest,
        Category::Quiz => O::CatQuiz,
        Category::Homework => O::CatHomework,
        Category::Oral => O::CatOral,
        Category::Activity => O::CatActivity,
    }
}

/// A whole number typed into a field (none for anything else).
fn number(value: RwSignal<String>) -> Option<u32> {
    value.get_untracked().trim().parse().ok()
}

/// The school's grading rules: what + and − are worth, the categories' weights.
#[component]
fn RulesForm(
    school: String,
    rules: SchoolRules,
    /// What the form last did.
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plus = RwSignal::new(rules.rule.plus.to_string());
    let minus = RwSignal::new(rules.rule.minus.to_string());
    let weights: Vec<_> = rules
        .categories
        .iter()
        .map(|c| (c.clone(), RwSignal::new(c.weight.to_string())))
        .collect();
    let state = Sending::new(done);
    let school = StoredValue::new(school);
    let fields = StoredValue::new(weights.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = models::validate::FieldErrors::new();
        let mut read = |field: &str, value: RwSignal<String>| {
            number(value).unwrap_or_else(|| {
                problems.insert(field.into(), FieldError::NotANumber);
                0
            })
        };
        let rule = models::school::PlusMinusRule {
            plus: read("plus", plus),
            minus: read("minus", minus),
        };
        let categories = fields.with_value(|f| {
            f.iter()
                .map(|(c, w)| models::school::CategoryWeight {
                    weight: read(weight_field(c.category), *w),
                    ..c.clone()
                })
                .collect()
        });
        let body = SchoolRules { rule, categories };
        state.send(Box::pin(async move {
            if !problems.is_empty() {
                let mut e = ApiError::new(models::error::ErrorCode::ValidationFailed);
                e.0.fields = problems;
                return Err(e);
            }
            api::office::set_rules(&school.get_value(), &body).await?;
            Ok(i18n.o(O::Done).to_owned())
        }));
    };
    view! {
        <section class="panel" aria-labelledby="rules">
            <h2 id="rules">{move || i18n.o(O::Rules)}</h2>
            <p class="hint">{move || i18n.o(O::RulesHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <TextField id="plus" label=Signal::derive(move || i18n.o(O::PlusWorth)) value=plus
                    error=state.field("plus") inputmode="numeric" />
                <TextField id="minus" label=Signal::derive(move || i18n.o(O::MinusWorth)) value=minus
                    error=state.field("minus") inputmode="numeric" />
                <fieldset>
                    <legend>{move || i18n.o(O::Weights)}</legend>
                    {weights.into_iter().map(|(c, value)| {
                        let field = weight_field(c.category);
                        let name = category_name(c.category);
                        view! {
                            <TextField id=field label=Signal::derive(move || i18n.o(name)) value
                                error=state.field(field) inputmode="numeric" />
                        }
                    }).collect_view()}
                </fieldset>
                <FormEnd state label=O::SaveRules />
            </form>
        </section>
    }
}

/// Opening the school's next year, optionally taking its classes up a year group.
#[component]
fn YearForm(
    school: String,
    reload: RwSignal<u32>,
    /// What the form last did.
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (starts, term2, ends) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let promote = RwSignal::new(true);
    let state = Sending::new(done);
    let school = StoredValue::new(school);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = NewYear {
            starts_on: starts.get_untracked(),
            term2_on: term2.get_untracked(),
            ends_on: ends.get_untracked(),
            promote: promote.get_untracked(),
        };
        state.send(Box::pin(async move {
            let r = api::office::add_year(&school.get_value(), &body).await?;
            reload.update(|n| *n += 1);
            Ok(i18n
                .o(O::YearAdded)
                .replace("{name}", &r.year.name)
                .replace("{classes}", &r.classes.to_string())
                .replace("{pupils}", &r.pupils.to_string())
                .replace("{graduates}", &r.graduates.to_string()))
        }));
    };
    view! {
        <section class="panel" aria-labelledby="new-year">
            <h2 id="new-year">{move || i18n.o(O::NewYear)}</h2>
            <p class="hint">{move || i18n.o(O::NewYearHint)}</p>
            <form class="stack" novalidate on:submit=submit>
                <TextField id="starts_on" kind="date" label=Signal::derive(move || i18n.o(O::StartsOn)) value=starts
                    error=state.field("starts_on") required=true />
                <TextField id="term2_on" kind="date" label=Signal::derive(move || i18n.o(O::Term2On)) value=term2
                    error=state.field("term2_on") required=true />
                <TextField id="ends_on" kind="date" label=Signal::derive(move || i18n.o(O::EndsOn)) value=ends
                    error=state.field("ends_on") required=true />
                <div class="field field-check">
                    <input id="promote" type="checkbox" prop:checked=move || promote.get()
                        on:change=move |ev| promote.set(event_target_checked(&ev)) />
                    <label for="promote">{move || i18n.o(O::Promote)}</label>
                </div>
                <FormEnd state label=O::AddYear />
            </form>
        </section>
    }
}
