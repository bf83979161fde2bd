//! `/public-info/office`: clerks publish — a year's budget or a register from CSV (the
//! server refuses a file with any problem whole, naming its lines), and announcements.
//! Every publication is a new signed version in open data.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use models::error::ErrorCode;
use models::info::registers::Register;
use models::info::{AnnouncementForm, check_announcement};
use models::validate::FieldErrors;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::page::use_title;
use crate::i18n::{Info as I, use_i18n};

/// Today in Warsaw, `YYYY-MM-DD` (for the expiry check before sending).
fn today() -> String {
    let now = js_sys::Date::now() as i64;
    crate::time::warsaw_date(now)
}

/// The publishing page.
#[component]
pub fn Publishing() -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::state::use_session();
    use_title(move || i18n.pi(I::Publishing).to_owned());
    view! {
        <h1>{move || i18n.pi(I::Publishing)}</h1>
        {move || (session.ready.get() && !session.logged_in()).then(|| view! { <p class="notice">{i18n.pi(I::ClerksOnly)}</p> })}
        <BudgetImport />
        <RegisterImport />
        <section class="panel" aria-labelledby="new-announcement">
            <h2 id="new-announcement">{move || i18n.pi(I::NewAnnouncement)}</h2>
            <AnnouncementEditor existing=None done=RwSignal::new(None) on_saved=|| () />
        </section>
    }
}

fn chosen(input: NodeRef<Input>) -> Option<web_sys::File> {
    input
        .get_untracked()
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

#[component]
fn BudgetImport() -> impl IntoView {
    let i18n = use_i18n();
    let year = RwSignal::new(String::from("2026"));
    let as_of = RwSignal::new(String::new());
    let file = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let fields = RwSignal::new(FieldErrors::new());
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = chosen(file) else {
            error.set(Some(ApiError::field(
                "file",
                models::error::FieldError::Required,
            )));
            return;
        };
        let Ok(y) = year.get_untracked().trim().parse::<i32>() else {
            fields.set(FieldErrors::from([(
                "year".into(),
                models::error::FieldError::NotANumber,
            )]));
            return;
        };
        busy.set(true);
        done.set(None);
        spawn_local(async move {
            match api::info::import_budget(y, as_of.get_untracked().trim(), &f).await {
                Ok(r) => {
                    error.set(None);
                    fields.set(FieldErrors::new());
                    done.set(Some(
                        I::ImportedBudget
                            .text(i18n.lang())
                            .replace("{n}", &r.lines.to_string())
                            .replace("{v}", &r.version.to_string()),
                    ));
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="import-budget">
            <h2 id="import-budget">{move || i18n.pi(I::ImportBudget)}</h2>
            <form class="stack" novalidate on:submit=submit>
                <p class="hint" id="budget-file-hint">{move || i18n.pi(I::ImportBudgetHint)}</p>
                <TextField id="year" label=Signal::derive(move || i18n.pi(I::Year)) value=year error=err("year") inputmode="numeric" required=true />
                <TextField id="as_of" label=Signal::derive(move || i18n.pi(I::AsOfLabel)) value=as_of error=err("as_of") kind="date" required=true />
                <div class="field">
                    <label for="budget-file">{move || i18n.pi(I::File)}</label>
                    <input id="budget-file" type="file" accept=".csv,text/csv" node_ref=file aria-describedby="budget-file-hint" />
                </div>
                <ErrorAlert error=error />
                <p role="status" class="success">{move || done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.pi(I::Import)}</button>
            </form>
        </section>
    }
}

#[component]
fn RegisterImport() -> impl IntoView {
    let i18n = use_i18n();
    let register = RwSignal::new(Register::Property.as_str().to_owned());
    let file = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = chosen(file) else {
            error.set(Some(ApiError::field(
                "file",
                models::error::FieldError::Required,
            )));
            return;
        };
        busy.set(true);
        done.set(None);
        spawn_local(async move {
            match api::info::import_register(&register.get_untracked(), &f).await {
                Ok(r) => {
                    error.set(None);
                    done.set(Some(
                        I::ImportedRegister
                            .text(i18n.lang())
                            .replace("{n}", &r.entries.to_string())
                            .replace("{v}", &r.version.to_string()),
                    ));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let name = |r: Register| match r {
        Register::Property => I::Property,
        Register::Alcohol => I::Alcohol,
        Register::RoadLane => I::RoadLane,
    };
    view! {
        <section class="panel" aria-labelledby="import-register">
            <h2 id="import-register">{move || i18n.pi(I::ImportRegister)}</h2>
            <form class="stack" novalidate on:submit=submit>
                <p class="hint" id="register-file-hint">{move || i18n.pi(I::ImportRegisterHint)}</p>
                <div class="field">
                    <label for="register-kind">{move || i18n.pi(I::Register)}</label>
                    <select id="register-kind" on:change=move |ev| register.set(event_target_value(&ev))>
                        {Register::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{move || i18n.pi(name(r))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="register-file">{move || i18n.pi(I::File)}</label>
                    <input id="register-file" type="file" accept=".csv,text/csv" node_ref=file aria-describedby="register-file-hint" />
                </div>
                <ErrorAlert error=error />
                <p role="status" class="success">{move || done.get()}</p>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.pi(I::Import)}</button>
            </form>
        </section>
    }
}

/// The announcement form: new (`existing` none) or a change of (id, title, body,
/// expiry), which asks for the reason. `done` (the caller's, so it outlives a reload
/// that redraws the form) receives the confirmation.
#[component]
pub fn AnnouncementEditor(
    existing: Option<(String, String, String, Option<String>)>,
    done: RwSignal<Option<String>>,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = existing.as_ref().map(|e| e.0.clone());
    let (t, b, x) = existing.map_or_else(Default::default, |e| (e.1, e.2, e.3.unwrap_or_default()));
    let title = RwSignal::new(t);
    let body = RwSignal::new(b);
    let expires = RwSignal::new(x);
    let reason = RwSignal::new(String::new());
    let files = NodeRef::<Input>::new();
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let is_edit = editing.is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut form = AnnouncementForm {
            title: title.get_untracked(),
            body: body.get_untracked(),
            expires_on: Some(expires.get_untracked()).filter(|e| !e.trim().is_empty()),
            reason: reason.get_untracked(),
            attachments: Vec::new(),
        };
        let problems = check_announcement(&form, is_edit, &today());
        if !problems.is_empty() {
            fields.set(problems);
            error.set(Some(ApiError::new(ErrorCode::ValidationFailed)));
            return;
        }
        let chosen = api::cases::chosen_files(files.get_untracked().as_ref());
        let editing = editing.clone();
        busy.set(true);
        spawn_local(async move {
            let result = match api::cases::upload_all(&chosen).await {
                Ok(refs) => {
                    form.attachments = refs;
                    match &editing {
                        Some(id) => api::info::change(id, &form).await,
                        None => api::info::publish(&form).await,
                    }
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(a) => {
                    fields.set(FieldErrors::new());
                    error.set(None);
                    reason.set(String::new());
                    if editing.is_none() {
                        title.set(String::new());
                        body.set(String::new());
                        expires.set(String::new());
                    }
                    done.set(Some(
                        I::Saved
                            .text(i18n.lang())
                            .replace("{n}", &a.summary.revision.to_string()),
                    ));
                    on_saved();
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <form class="stack" novalidate on:submit=submit>
            <ErrorAlert error=error />
            <p role="status" class="success">{move || done.get()}</p>
            <TextField id="title" label=Signal::derive(move || i18n.pi(I::TitleLabel)) value=title error=err("title") required=true />
            <div class="field" class:field-invalid=move || err("body").get().is_some()>
                <label for="body">{move || i18n.pi(I::BodyLabel)}</label>
                <textarea id="body" name="body" rows="8" maxlength="20000"
                    aria-invalid=move || err("body").get().is_some().then_some("true")
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                {move || err("body").get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
            <TextField id="expires_on" label=Signal::derive(move || i18n.pi(I::ExpiresLabel)) value=expires error=err("expires_on") kind="date" />
            {is_edit.then(|| view! {
                <TextField id="reason" label=Signal::derive(move || i18n.pi(I::Reason)) value=reason error=err("reason") required=true />
            })}
            <div class="field" class:field-invalid=move || err("attachments").get().is_some()>
                <label for="attachments">{move || i18n.pi(I::FilesLabel)}</label>
                <input id="attachments" type="file" multiple=true accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" node_ref=files />
                {move || err("attachments").get().map(|e| view! { <p class="field-error">{e.message(i18n.lang())}</p> })}
            </div>
            <button type="submit" class="button" prop:disabled=move || busy.get()>
                {move || i18n.pi(if is_edit { I::Save } else { I::Publish })}
            </button>
        </form>
    }
}
