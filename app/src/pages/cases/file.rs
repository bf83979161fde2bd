//! `/cases/services/:slug/file?draft=…`: filling in an e-service's form. The draft is
//! saved on the server whenever a field is left, so it can be resumed elsewhere; the same
//! validator as the server's checks it before the summary; the resident signs by
//! confirming their password and gets the receipt (UPO) once the office has stored it.

mod inputs;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use models::cases::{Draft, SaveDraft, SubmitRequest, Submitted};
use models::forms::FormDefinition;
use models::validate::FieldErrors;
use serde_json::Value;
use wasm_bindgen::JsCast;

use self::inputs::{SectionView, Summary};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Msg, use_i18n};

/// Where the person is in filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Edit,
    Review,
}

/// The form, its draft and the step.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    pub data: RwSignal<Value>,
    pub errors: RwSignal<FieldErrors>,
    revision: RwSignal<i64>,
    draft_id: StoredValue<String>,
    error: RwSignal<Option<ApiError>>,
    saving: RwSignal<Saving>,
    /// A change arrived while a save was on its way: save again when it returns.
    again: StoredValue<bool>,
}

/// Where the draft's copy on the server stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Saving {
    Untouched,
    InFlight,
    Saved,
    Failed,
}

impl FormState {
    /// Saves the whole draft (called when a field is left). Saves go one at a time,
    /// each with the revision the previous one returned, so quick edits never race each
    /// other into a conflict, and the last edit is always the one stored.
    pub fn save(self) {
        if self.saving.get_untracked() == Saving::InFlight {
            self.again.set_value(true);
            return;
        }
        self.saving.set(Saving::InFlight);
        let id = self.draft_id.get_value();
        spawn_local(async move {
            loop {
                self.again.set_value(false);
                let body = SaveDraft {
                    data: self.data.get_untracked(),
                    revision: self.revision.get_untracked(),
                };
                match api::cases::save_draft(&id, &body).await {
                    Ok(d) => self.revision.set(d.revision),
                    Err(e) => {
                        self.error.set(Some(e));
                        self.saving.set(Saving::Failed);
                        return;
                    }
                }
                if !self.again.get_value() {
                    break;
                }
            }
            self.saving.set(Saving::Saved);
        });
    }
}

fn today() -> models::forms::Day {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// The filing page: loads (or starts) the draft, then shows the form.
#[component]
pub fn FileService() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
    let draft_param = query.with_untracked(|q| q.get("draft"));
    let loaded = LocalResource::new(move || {
        let slug = slug.clone();
        let draft_param = draft_param.clone();
        async move {
            let draft = match draft_param {
                Some(id) => api::cases::draft(&id).await?,
                None => api::cases::new_draft(&slug).await?,
            };
            let form = api::services::form(&draft.service_slug).await?;
            Ok::<_, ApiError>((draft, form))
        }
    });
    // Keep the draft's id in the URL, so a reload or a bookmark resumes it.
    Effect::new(move |_| {
        if let Some(Ok((draft, _))) = loaded.get()
            && query.with_untracked(|q| q.get("draft").is_none())
        {
            let url = format!(
                "/cases/services/{}/file?draft={}",
                draft.service_slug, draft.id
            );
            navigate(
                &url,
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    use_title(move || {
        loaded
            .get()
            .and_then(Result::ok)
            .map(|(d, _)| d.title.get(i18n.lang()).to_owned())
            .unwrap_or_else(|| i18n.t(Msg::FileApplication).to_owned())
    });
    view! {
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || loaded.get().map(|result| match result {
                Ok((draft, form)) => view! { <Filing draft=draft form=form /> }.into_any(),
                Err(e) => view! {
                    <h1>{i18n.t(Msg::FileApplication)}</h1>
                    <ErrorAlert error=Signal::derive(move || Some(e.clone())) />
                    <p><A href="/login">{i18n.t(Msg::LogIn)}</A></p>
                }.into_any(),
            })}
        </Transition>
    }
}

/// The form, the summary with signing, and the receipt.
#[component]
fn Filing(draft: Draft, form: FormDefinition) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState {
        data: RwSignal::new(if draft.data.is_object() {
            draft.data.clone()
        } else {
            Value::Object(Default::default())
        }),
        errors: RwSignal::new(FieldErrors::new()),
        revision: RwSignal::new(draft.revision),
        draft_id: StoredValue::new(draft.id.clone()),
        error: RwSignal::new(None),
        saving: RwSignal::new(Saving::Untouched),
        again: StoredValue::new(false),
    };
    let step = RwSignal::new(Step::Edit);
    let form = StoredValue::new(form);
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<Submitted>);
    // One key per visit: a double click or a retry after a lost answer files once.
    let key = StoredValue::new(format!("{}-{}", draft.id, js_sys::Date::now() as u64));
    let title = draft.title.clone();
    let to_review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let errors =
            form.with_value(|f| models::forms::validate(f, &state.data.get_untracked(), today()));
        let ok = errors.is_empty();
        state.errors.set(errors);
        state.save();
        if ok {
            step.set(Step::Review);
            request_animation_frame(crate::components::page::focus_main_heading);
        } else {
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector("[aria-invalid=true]")
                    .ok()
                    .flatten()
                {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    };
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // What is signed is the server's copy: wait until the last edit is stored.
        if busy.get_untracked() || state.saving.get_untracked() == Saving::InFlight {
            return;
        }
        busy.set(true);
        state.error.set(None);
        let id = state.draft_id.get_value();
        let body = SubmitRequest {
            password: password.get_untracked(),
        };
        let key = key.get_value();
        spawn_local(async move {
            match api::cases::submit(&id, &key, &body).await {
                Ok(s) => done.set(Some(s)),
                Err(e) => state.error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <h1>{move || title.get(i18n.lang()).to_owned()}</h1>
        {move || match (done.get(), step.get()) {
            (Some(s), _) => view! { <Receipt submitted=s /> }.into_any(),
            (None, Step::Edit) => view! {
                <form novalidate on:submit=to_review>
                    {form.with_value(|f| f.sections.clone()).into_iter()
                        .map(|s| view! { <SectionView section=s state=state /> })
                        .collect_view()}
                    <ErrorAlert error=state.error />
                    <div role="status" class="status-region">
                        {move || match state.saving.get() {
                            Saving::InFlight => Some(view! { <p class="muted">{i18n.t(Msg::DraftSaving)}</p> }),
                            Saving::Saved => Some(view! { <p class="muted">{i18n.t(Msg::DraftSaved)}</p> }),
                            Saving::Untouched | Saving::Failed => None,
                        }}
                    </div>
                    <button type="submit" class="button">{move || i18n.t(Msg::ToSummary)}</button>
                </form>
            }.into_any(),
            (None, Step::Review) => view! {
                <h2>{move || i18n.t(Msg::ReviewTitle)}</h2>
                <Summary form=form.get_value() data=state.data.get_untracked() />
                <form on:submit=sign>
                    <label for="sign-password">{move || i18n.t(Msg::SignWithPassword)}</label>
                    <input id="sign-password" type="password" autocomplete="current-password" required
                        prop:value=move || password.get()
                        on:input=move |ev| password.set(event_target_value(&ev)) />
                    <ErrorAlert error=state.error />
                    <p class="actions">
                        <button type="submit" class="button"
                            prop:disabled=move || busy.get() || state.saving.get() == Saving::InFlight>
                            {move || if busy.get() { i18n.t(Msg::Sending) }
                                else if state.saving.get() == Saving::InFlight { i18n.t(Msg::DraftSaving) }
                                else { i18n.t(Msg::SignAndSend) }}
                        </button>
                        " "
                        <button type="button" class="button button-secondary" on:click=move |_| step.set(Step::Edit)>
                            {move || i18n.t(Msg::BackToEditing)}
                        </button>
                    </p>
                </form>
            }.into_any(),
        }}
    }
}

/// The confirmation after the office stored the application.
#[component]
fn Receipt(submitted: Submitted) -> impl IntoView {
    let i18n = use_i18n();
    let d = submitted.receipt.document.clone();
    let case = format!("/cases/my/{}", submitted.case_id);
    let receipt = format!("/api/cases/{}/receipt", submitted.case_id);
    view! {
        <div class="alert alert-success" role="status">
            <h2>{move || i18n.t(Msg::Filed)}</h2>
            <dl class="facts">
                <dt>{move || i18n.t(Msg::Reference)}</dt><dd>{submitted.reference.clone()}</dd>
                <dt>{move || i18n.t(Msg::ReceivedAt)}</dt><dd>{d.received_at.clone()}</dd>
            </dl>
        </div>
        <p class="actions">
            <a class="button" href=receipt download="UPO.json">{move || i18n.t(Msg::DownloadReceipt)}</a>
            " "<A href=format!("{case}/upo")>{move || i18n.t(Msg::PrintableReceipt)}</A>
            " "<A href=case>{move || i18n.t(Msg::GoToCase)}</A>
        </p>
    }
}
