//! `/office/taxes/taxpayers/{id}`: one taxpayer's ledger as the clerk sees it — balance
//! today, each assessment with its instalments and a correction form, the payments with a
//! way to take one off, and the corrections with who made them and why.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::taxes::ledger::{Assessment, InstalmentStatus, Payment};
use models::taxes::office::{
    CorrectAssessment, Correction, OfficeLedger, UnmatchPayment, parse_zloty,
};
use models::validate::FieldErrors;

use super::{ItemField, TaxNav, at, kind_name, loading};
use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::money::money;
use crate::components::page::use_title;
use crate::i18n::{Office as O, use_i18n};
use crate::pages::office::DeskNav;

/// The page.
#[component]
pub fn TaxpayerPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.o(O::TaxDesk).to_owned());
    let data = RwSignal::new(None::<Result<OfficeLedger, ApiError>>);
    let done = RwSignal::new(None::<&'static str>);
    let load = {
        let id = id.clone();
        move || {
            let id = id.clone();
            spawn_local(async move { data.set(Some(api::office_taxes::ledger(&id).await)) });
        }
    };
    load();
    view! {
        <DeskNav />
        <TaxNav />
        {move || match data.get() {
            None => loading().into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            Some(Ok(l)) => view! { <LedgerView ledger=l data done /> }.into_any(),
        }}
    }
}

#[component]
fn LedgerView(
    ledger: OfficeLedger,
    data: RwSignal<Option<Result<OfficeLedger, ApiError>>>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = ledger.ledger;
    let b = l.balance.clone();
    let taxpayer = l.taxpayer.id.clone();
    view! {
        <h1>{format!("{} — {} {}", l.taxpayer.name, i18n.o(O::TaxNumber), ledger.number)}</h1>
        <p>{format!("{}: {}", i18n.o(O::TaxAccount), l.taxpayer.account)}</p>
        <p role="status" class="success">{move || done.get()}</p>
        <section class="panel balance" aria-labelledby="desk-balance">
            <h2 id="desk-balance">{move || i18n.o(O::TaxBalance)}</h2>
            <dl class="facts">
                <dt>{move || i18n.o(O::TaxOverdue)}</dt><dd>{money(b.overdue)}</dd>
                <dt>{move || i18n.o(O::TaxInterest)}</dt><dd>{money(b.interest)}</dd>
                <dt>{move || i18n.o(O::TaxUpcoming)}</dt><dd>{money(b.upcoming)}</dd>
                <dt>{move || i18n.o(O::TaxOverpayment)}</dt><dd>{money(b.overpayment)}</dd>
            </dl>
        </section>
        {l.assessments.into_iter().map(|a| view! { <AssessmentBlock a data done /> }).collect_view()}
        <h2>{move || i18n.o(O::TaxPayments)}</h2>
        {if l.payments.is_empty() {
            view! { <p>{move || i18n.o(O::TaxNoPayments)}</p> }.into_any()
        } else {
            l.payments.into_iter().map(|p| view! { <PaymentRow p taxpayer=taxpayer.clone() data done /> }).collect_view().into_any()
        }}
        <h2>{move || i18n.o(O::TaxCorrections)}</h2>
        <Corrections list=ledger.corrections />
    }
}

/// An assessment with its instalments and the correction form.
#[component]
fn AssessmentBlock(
    a: Assessment,
    data: RwSignal<Option<Result<OfficeLedger, ApiError>>>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = kind_name(a.kind);
    let title = move || format!("{} {}", i18n.o(kind), a.year);
    let (number, date, amount) = (
        a.decision_number.clone(),
        a.decision_date.clone(),
        money(a.amount),
    );
    let new_amount = RwSignal::new(String::new());
    let decision = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let id = a.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Some(grosze) = parse_zloty(&new_amount.get_untracked()) else {
            fields.set(FieldErrors::from([(
                "amount".to_owned(),
                models::error::FieldError::NotANumber,
            )]));
            return;
        };
        fields.set(FieldErrors::new());
        let body = CorrectAssessment {
            amount: grosze,
            decision_number: decision.get_untracked(),
            reason: reason.get_untracked(),
        };
        let id = id.clone();
        spawn_local(async move {
            match api::office_taxes::correct(&id, &body).await {
                Ok(l) => {
                    done.set(Some(i18n.o(O::Done)));
                    data.set(Some(Ok(l)));
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
        });
    };
    let prefix = format!("correct-{}", a.id);
    view! {
        <section class="assessment">
            <h2>{title}</h2>
            <p>{move || i18n.o(O::TaxDecision).replace("{number}", &number).replace("{date}", &date).replace("{amount}", &amount)}</p>
            <div class="table-scroll" role="region" tabindex="0" aria-label=title>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{move || i18n.o(O::TaxNumber)}</th>
                        <th scope="col">{move || i18n.o(O::TaxDue)}</th>
                        <th scope="col">{move || i18n.o(O::TaxAmount)}</th>
                        <th scope="col">{move || i18n.o(O::TaxPaid)}</th>
                        <th scope="col">{move || i18n.o(O::TaxLeft)}</th>
                        <th scope="col">{move || i18n.o(O::TaxInterest)}</th>
                    </tr></thead>
                    <tbody>
                        {a.instalments.into_iter().map(|i| view! {
                            <tr class:overdue=i.status == InstalmentStatus::Overdue>
                                <th scope="row">{i.number}</th>
                                <td>{i.due_on}</td>
                                <td>{money(i.amount)}</td>
                                <td>{money(i.paid)}</td>
                                <td>{money(i.outstanding)}</td>
                                <td>{money(i.interest)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <details>
                <summary>{move || i18n.o(O::TaxCorrect)}</summary>
                <form class="stack" novalidate on:submit=submit>
                    <ItemField id=format!("{prefix}-amount") label=O::TaxNewAmount value=new_amount
                        error=err("amount") inputmode="decimal" />
                    <ItemField id=format!("{prefix}-decision") label=O::TaxDecisionNumber value=decision
                        error=err("decision_number") />
                    <ItemField id=format!("{prefix}-reason") label=O::TaxReason value=reason error=err("reason") />
                    <ErrorAlert error=error />
                    <button type="submit" class="button">{move || i18n.o(O::TaxSave)}</button>
                </form>
            </details>
        </section>
    }
}

/// A payment with its allocation and the form to take it off the taxpayer.
#[component]
fn PaymentRow(
    p: Payment,
    taxpayer: String,
    data: RwSignal<Option<Result<OfficeLedger, ApiError>>>,
    done: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let fields = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let err =
        move |name: &'static str| Signal::derive(move || fields.with(|f| f.get(name).copied()));
    let id = p.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let (id, taxpayer) = (id.clone(), taxpayer.clone());
        let body = UnmatchPayment {
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::office_taxes::unmatch(&id, &body).await {
                Ok(_) => {
                    done.set(Some(i18n.o(O::TaxUnmatchedDone)));
                    data.set(Some(api::office_taxes::ledger(&taxpayer).await));
                }
                Err(e) => {
                    fields.set(e.fields.clone());
                    error.set(Some(e));
                }
            }
        });
    };
    let principal: i64 = p.parts.iter().map(|x| x.principal).sum();
    let interest: i64 = p.parts.iter().map(|x| x.interest).sum();
    let label = format!("{} {}", p.paid_on, money(p.amount));
    let aria = label.clone();
    view! {
        <section class="payment" aria-label=aria>
            <p><strong>{label}</strong>{format!(" · {} · {} + {} · {} {}", p.source, money(principal), money(interest),
                i18n.o(O::TaxOverpayment), money(p.overpayment))}</p>
            <details>
                <summary>{move || i18n.o(O::TaxUnmatch)}</summary>
                <form class="stack" novalidate on:submit=submit>
                    <ItemField id=format!("unmatch-{}-reason", p.id) label=O::TaxReason value=reason error=err("reason") />
                    <ErrorAlert error=error />
                    <button type="submit" class="button button-secondary">{move || i18n.o(O::TaxUnmatch)}</button>
                </form>
            </details>
        </section>
    }
}

#[component]
fn Corrections(list: Vec<Correction>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p>{move || i18n.o(O::TaxNoCorrections)}</p> }.into_any();
    }
    let lang = i18n.lang();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=i18n.o(O::TaxCorrections)>
            <table class="data">
                <thead><tr>
                    <th scope="col">{i18n.o(O::TaxWhen)}</th>
                    <th scope="col">{i18n.o(O::TaxWhat)}</th>
                    <th scope="col">{i18n.o(O::TaxWho)}</th>
                    <th scope="col">{i18n.o(O::TaxReason)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|c| {
                        let what = match c.action.as_str() {
                            "payment_matched" => O::TaxActionMatched,
                            "payment_unmatched" => O::TaxActionUnmatched,
                            _ => O::TaxActionCorrected,
                        };
                        let amounts = match (c.before, c.after) {
                            (Some(b), Some(a)) => format!(": {} → {}", money(b), money(a)),
                            _ => String::new(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{at(c.at, lang)}</th>
                                <td>{format!("{}{amounts}", i18n.o(what))}</td>
                                <td>{c.actor}</td>
                                <td>{c.reason}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
