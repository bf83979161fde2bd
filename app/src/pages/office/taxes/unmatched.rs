//! `/office/taxes/unmatched`: payments to accounts of no taxpayer, never lost, each with
//! a form to match it to a taxpayer by number with a reason.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::taxes::office::{MatchPayment, OfficePayment};
use models::validate::FieldErrors;

use super::{ItemField, TaxNav, loading};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::money::money;
use crate::components::page::use_title;
use crate::i18n::{Office as O, use_i18n};
use crate::pages::office::DeskNav;

/// The queue.
#[component]
pub fn Unmatched() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::TaxUnmatched).to_owned());
    let refresh = RwSignal::new(0u32);
    let done = RwSignal::new(None::<String>);
    let list = LocalResource::new(move || {
        refresh.track();
        api::office_taxes::unmatched()
    });
    view! {
        <h1>{move || i18n.o(O::TaxUnmatched)}</h1>
        <DeskNav />
        <TaxNav />
        <p role="status" class="success">{move || done.get()}</p>
        <Transition fallback=loading>
            {move || list.get().map(|r| match r {
                Ok(l) if l.is_empty() => view! { <p>{i18n.o(O::TaxNoUnmatched)}</p> }.into_any(),
                Ok(l) => l.into_iter().map(|p| view! { <PaymentCard payment=p refresh done /> }).collect_view().into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// One payment and its matching form.
#[component]
fn PaymentCard(
    payment: OfficePayment,
    refresh: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let id = payment.id.clone();
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        fields.set(FieldErrors::new());
        let (id, body) = (
            id.clone(),
            MatchPayment {
                taxpayer: number.get_untracked(),
                reason: reason.get_untracked(),
            },
        );
        spawn_local(async move {
            match api::office_taxes::match_payment(&id, &body).await {
                Ok(_) => {
                    done.set(Some(
                        i18n.o(O::TaxMatchedDone)
                            .replace("{number}", body.taxpayer.trim()),
                    ));
                    refresh.update(|n| *n += 1);
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    let p = payment.clone();
    let prefix = format!("match-{}", payment.id);
    view! {
        <section class="panel" aria-label=format!("{} {}", p.paid_on, money(p.amount))>
            <dl class="facts">
                <dt>{move || i18n.o(O::TaxPaidOn)}</dt><dd>{p.paid_on.clone()}</dd>
                <dt>{move || i18n.o(O::TaxAmount)}</dt><dd><strong>{money(p.amount)}</strong></dd>
                <dt>{move || i18n.o(O::TaxAccount)}</dt><dd>{p.account.clone()}</dd>
                <dt>{move || i18n.o(O::TaxPayer)}</dt><dd>{p.payer.clone()}</dd>
                <dt>{move || i18n.o(O::TaxTitle)}</dt><dd>{p.title.clone()}</dd>
                <dt>{move || i18n.o(O::TaxFileName)}</dt><dd>{p.statement.clone()}</dd>
            </dl>
            <form class="stack" novalidate on:submit=submit>
                <ItemField id=format!("{prefix}-taxpayer") label=O::TaxMatchTo value=number
                    error=err("taxpayer") inputmode="numeric" />
                <ItemField id=format!("{prefix}-reason") label=O::TaxReason value=reason error=err("reason") />
                <ErrorAlert error=error />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.o(O::TaxMatch)}</button>
            </form>
        </section>
    }
}
