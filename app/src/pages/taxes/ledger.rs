//! The ledger screen: the taxpayer (a choice when the person may see several), the
//! balance with interest as of a day kept in the address (`?as_of=`), the account and its
//! QR code, assessments with instalments, and payments.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use models::taxes::ledger::{
    Assessment, InstalmentStatus, Ledger, LiabilityKind, Payment, TaxObject, Taxpayer,
};

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{I18n, Msg, Taxes as T, use_i18n};

pub use crate::components::money::money;

fn kind_name(kind: LiabilityKind) -> T {
    match kind {
        LiabilityKind::Property => T::KindProperty,
        LiabilityKind::Agricultural => T::KindAgricultural,
        LiabilityKind::Forest => T::KindForest,
        LiabilityKind::Joint => T::KindJoint,
        LiabilityKind::Vehicle => T::KindVehicle,
        LiabilityKind::Waste => T::KindWaste,
        LiabilityKind::Dog => T::KindDog,
    }
}

fn status(s: InstalmentStatus) -> (T, &'static str) {
    match s {
        InstalmentStatus::Paid => (T::StatusPaid, "status-accepted"),
        InstalmentStatus::Overdue => (T::StatusOverdue, "status-rejected"),
        InstalmentStatus::DueSoon => (T::StatusDueSoon, "status-appealed"),
        InstalmentStatus::Upcoming => (T::StatusUpcoming, "status-submitted"),
    }
}

/// `/taxes`: the caller's taxpayers and the chosen one's ledger.
#[component]
pub fn TaxesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Msg::NavTaxes).to_owned());
    let query = use_query_map();
    let as_of = move || query.with(|q| q.get("as_of")).unwrap_or_default();
    let chosen = move || query.with(|q| q.get("taxpayer")).unwrap_or_default();
    let taxpayers = LocalResource::new(api::taxes::taxpayers);
    let ledger = LocalResource::new(move || {
        let (who, day) = (chosen(), as_of());
        async move {
            let list = api::taxes::taxpayers().await?;
            let Some(first) = list
                .iter()
                .find(|t| who.is_empty() || t.id == who)
                .or(list.first())
            else {
                return Ok(None);
            };
            api::taxes::ledger(&first.id, Some(&day)).await.map(Some)
        }
    });
    view! {
        <h1>{move || i18n.t(Msg::NavTaxes)}</h1>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || taxpayers.get().map(|r| match r {
                Ok(list) if list.len() > 1 => view! { <TaxpayerChoice list /> }.into_any(),
                Ok(_) => ().into_any(),
                Err(e) if e.code == models::error::ErrorCode::Unauthenticated => view! {
                    <p>{i18n.tx(T::LoginFirst)}</p>
                    <p><A href="/login?next=%2Ftaxes" attr:class="button">{i18n.t(Msg::LogIn)}</A></p>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
            {move || ledger.get().map(|r: Result<Option<Ledger>, ApiError>| match r {
                Ok(Some(l)) => view! { <LedgerView ledger=l /> }.into_any(),
                Ok(None) => view! { <p>{i18n.tx(T::NoTaxpayer)}</p> }.into_any(),
                Err(_) => ().into_any(),
            })}
        </Transition>
    }
}

/// A choice of taxpayer when the person may see several (kept in the address).
#[component]
fn TaxpayerChoice(list: Vec<Taxpayer>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query = use_query_map();
    let current = move || query.with(|q| q.get("taxpayer")).unwrap_or_default();
    view! {
        <div class="field">
            <label for="taxpayer">{move || i18n.tx(T::Taxpayer)}</label>
            <select id="taxpayer" prop:value=current
                on:change=move |ev| navigate(&format!("/taxes?taxpayer={}", event_target_value(&ev)), Default::default())>
                {list.into_iter().map(|t| view! { <option value=t.id.clone()>{t.name}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The ledger.
#[component]
fn LedgerView(ledger: Ledger) -> impl IntoView {
    let i18n = use_i18n();
    let b = ledger.balance.clone();
    let day = RwSignal::new(b.as_of.clone());
    let navigate = use_navigate();
    let taxpayer = ledger.taxpayer.id.clone();
    let recalc = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &format!("/taxes?taxpayer={}&as_of={}", taxpayer, day.get_untracked()),
            Default::default(),
        );
    };
    let qr = api::taxes::qr_url(&ledger.taxpayer.id, &b.as_of);
    let query = use_query_map();
    let outcome = move || query.with(|q| q.get("payment"));
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let (amount, label) = if b.to_pay_now > 0 {
        (b.to_pay_now, T::PayNow)
    } else {
        (b.next_amount, T::PayNext)
    };
    let payer = ledger.taxpayer.id.clone();
    let pay = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let payer = payer.clone();
        leptos::task::spawn_local(async move {
            match api::taxes::pay(&payer, amount).await {
                Ok(url) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&url);
                    }
                }
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };
    let account = ledger.taxpayer.account.clone();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("account-number"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        {
            input.select();
            let done = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDocument>(d).ok())
                .and_then(|d| d.exec_command("copy").ok())
                .unwrap_or(false);
            copied.set(done);
        }
    };
    view! {
        <p class="lead">{ledger.taxpayer.name.clone()}</p>
        <section class="panel balance" aria-labelledby="balance-title">
            <h2 id="balance-title">{move || i18n.tx(T::BalanceOn).replace("{date}", &b.as_of)}</h2>
            <dl class="facts">
                <dt>{move || i18n.tx(T::Overdue)}</dt><dd>{money(b.overdue)}</dd>
                <dt>{move || i18n.tx(T::Interest)}</dt><dd>{money(b.interest)}</dd>
                <dt>{move || i18n.tx(T::ToPayNow)}</dt>
                <dd><strong class="to-pay">{money(b.to_pay_now)}</strong></dd>
                <dt>{move || i18n.tx(T::NextDue)}</dt>
                <dd>{match b.next_due_on.clone() {
                    Some(date) => {
                        let amount = money(b.next_amount);
                        (move || i18n.tx(T::NextDueText).replace("{amount}", &amount).replace("{date}", &date)).into_any()
                    }
                    None => (move || i18n.tx(T::NoneDue)).into_any(),
                }}</dd>
                <dt>{move || i18n.tx(T::Upcoming)}</dt><dd>{money(b.upcoming)}</dd>
                {(b.overpayment > 0).then(|| view! {
                    <dt>{move || i18n.tx(T::Overpayment)}</dt><dd>{money(b.overpayment)}</dd>
                })}
            </dl>
            <p role="status">{move || match outcome().as_deref() {
                Some("paid") => i18n.tx(T::PaymentDone),
                Some("cancelled") => i18n.tx(T::PaymentCancelled),
                _ => "",
            }}</p>
            {(amount > 0).then(|| view! {
                <p><button type="button" class="button button-big" on:click=pay prop:disabled=move || busy.get()>
                    {move || i18n.tx(label).replace("{amount}", &money(amount))}
                </button></p>
            })}
            <ErrorAlert error=error />
            <p class="hint">{move || i18n.tx(T::InterestNote)}</p>
            <form class="inline-form" on:submit=recalc>
                <div class="field">
                    <label for="as-of">{move || i18n.tx(T::PaymentDay)}</label>
                    <p class="hint" id="as-of-hint">{move || i18n.tx(T::InterestOnHint)}</p>
                    <input id="as-of" type="date" aria-describedby="as-of-hint" prop:value=move || day.get()
                        on:input=move |ev| day.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button-secondary">{move || i18n.tx(T::Recalculate)}</button>
            </form>
        </section>
        <section class="panel" aria-labelledby="account-title">
            <h2 id="account-title">{move || i18n.tx(T::Account)}</h2>
            <p>{move || i18n.tx(T::AccountLead)}</p>
            <div class="account-row">
                <input id="account-number" class="account" readonly aria-labelledby="account-title" value=account />
                <button type="button" class="button button-secondary" on:click=copy>{move || i18n.tx(T::Copy)}</button>
            </div>
            <p role="status">{move || copied.get().then(|| i18n.tx(T::Copied))}</p>
            <img class="qr" src=qr width="180" height="180" alt=move || i18n.tx(T::QrAlt) />
            {(b.to_pay_now > models::taxes::QR_MAX_AMOUNT).then(|| view! { <p class="hint">{move || i18n.tx(T::QrNoAmount)}</p> })}
        </section>
        <p><a href=format!("/api/taxes/taxpayers/{}/statement.csv", ledger.taxpayer.id) download="wyciag-podatki.csv">
            {move || i18n.tx(T::Statement)}</a></p>
        {(!ledger.calendar_url.is_empty()).then(|| view! {
            <p><a href=ledger.calendar_url.clone()>{move || i18n.tx(T::Calendar)}</a></p>
            <ReminderSwitch taxpayer=ledger.taxpayer.id.clone() enabled=ledger.reminders />
        })}
        <h2>{move || i18n.tx(T::Assessments)}</h2>
        {ledger.assessments.into_iter().map(|a| assessment(i18n, a)).collect_view()}
        <h2>{move || i18n.tx(T::Payments)}</h2>
        {payments(i18n, ledger.payments)}
    }
}

/// The e-mail reminders switch, saved as soon as it changes.
#[component]
fn ReminderSwitch(taxpayer: String, enabled: bool) -> impl IntoView {
    let i18n = use_i18n();
    let on = RwSignal::new(enabled);
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let change = move |ev: leptos::ev::Event| {
        let wanted = event_target_checked(&ev);
        let taxpayer = taxpayer.clone();
        saved.set(false);
        error.set(None);
        leptos::task::spawn_local(async move {
            match api::taxes::set_reminders(&taxpayer, wanted).await {
                Ok(r) => {
                    on.set(r.enabled);
                    saved.set(true);
                }
                Err(e) => {
                    on.set(!wanted);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="field field-check">
            <input id="reminders" type="checkbox" prop:checked=move || on.get() on:change=change />
            <label for="reminders">{move || i18n.tx(T::Reminders)}</label>
        </div>
        <p role="status">{move || saved.get().then(|| i18n.tx(T::RemindersSaved))}</p>
        <ErrorAlert error=error />
    }
}

fn objects(i18n: I18n, list: Vec<TaxObject>) -> impl IntoView {
    view! {
        <details>
            <summary>{move || i18n.tx(T::Objects)}</summary>
            <ul class="objects">
                {list.into_iter().map(|o| view! {
                    <li>{format!("{}: {} {} × {} = {}", o.description, o.base, o.unit, money(o.rate), money(o.amount))}</li>
                }).collect_view()}
            </ul>
        </details>
    }
}

fn assessment(i18n: I18n, a: Assessment) -> impl IntoView {
    let kind = kind_name(a.kind);
    let title = move || format!("{} {}", i18n.tx(kind), a.year);
    let (number, date, amount) = (
        a.decision_number.clone(),
        a.decision_date.clone(),
        money(a.amount),
    );
    view! {
        <section class="assessment">
            <h3>{title}</h3>
            <p>{move || i18n.tx(T::Decision).replace("{number}", &number).replace("{date}", &date)}
               " · "{move || i18n.tx(T::YearAmount).replace("{amount}", &amount)}</p>
            {objects(i18n, a.objects)}
            <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.tx(T::InstalmentsOf).replace("{what}", &title())>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{move || i18n.tx(T::Number)}</th>
                        <th scope="col">{move || i18n.tx(T::DueOn)}</th>
                        <th scope="col">{move || i18n.tx(T::Amount)}</th>
                        <th scope="col">{move || i18n.tx(T::Paid)}</th>
                        <th scope="col">{move || i18n.tx(T::Left)}</th>
                        <th scope="col">{move || i18n.tx(T::Interest)}</th>
                        <th scope="col">{move || i18n.tx(T::State)}</th>
                    </tr></thead>
                    <tbody>
                        {a.instalments.into_iter().map(|i| {
                            let (label, class) = status(i.status);
                            view! {
                                <tr class:overdue=i.status == InstalmentStatus::Overdue>
                                    <th scope="row">{i.number}</th>
                                    <td>{i.due_on}</td>
                                    <td>{money(i.amount)}</td>
                                    <td>{money(i.paid)}</td>
                                    <td>{money(i.outstanding)}</td>
                                    <td>{money(i.interest)}</td>
                                    <td><span class=format!("badge {class}")>{move || i18n.tx(label)}</span></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn payments(i18n: I18n, list: Vec<Payment>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{move || i18n.tx(T::NoPayments)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.tx(T::Payments)>
            <table class="data">
                <thead><tr>
                    <th scope="col">{move || i18n.tx(T::PaidOn)}</th>
                    <th scope="col">{move || i18n.tx(T::Amount)}</th>
                    <th scope="col">{move || i18n.tx(T::Allocation)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|p| {
                        let principal: i64 = p.parts.iter().map(|x| x.principal).sum();
                        let interest: i64 = p.parts.iter().map(|x| x.interest).sum();
                        view! {
                            <tr>
                                <th scope="row">{p.paid_on}</th>
                                <td>{money(p.amount)}</td>
                                <td>{move || i18n.tx(T::AllocationText)
                                    .replace("{principal}", &money(principal))
                                    .replace("{interest}", &money(interest))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
