//! `/public-info/registers/KEY`: a public register — search, a filter per column that
//! has one, "in force today" for permits, a map of the located entries (each point a
//! link to its entry) and the entries as cards with every column.

use leptos::prelude::*;
use models::info::registers::{Entry, Kind, Register, RegisterPage as Page};
use models::lang::Lang;

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::money::money;
use crate::components::page::use_title;
use crate::i18n::{Info as I, Msg, use_i18n};

/// A column's name for people.
pub fn column_label(key: &str, lang: Lang) -> &'static str {
    let [pl, en, uk] = match key {
        "id" => ["Numer pozycji", "Entry number", "Номер запису"],
        "rodzaj" => ["Rodzaj", "Kind", "Вид"],
        "obreb" => [
            "Obręb ewidencyjny",
            "Cadastral district",
            "Кадастровий район",
        ],
        "nr_dzialki" => ["Numer działki", "Plot number", "Номер ділянки"],
        "adres" => ["Adres", "Address", "Адреса"],
        "ksiega_wieczysta" => ["Księga wieczysta", "Land register", "Іпотечна книга"],
        "powierzchnia_m2" => ["Powierzchnia", "Area", "Площа"],
        "przeznaczenie" => ["Przeznaczenie", "Use", "Призначення"],
        "forma_wladania" => ["Forma władania", "Tenure", "Форма володіння"],
        "wartosc" => ["Wartość księgowa", "Book value", "Балансова вартість"],
        "numer" => ["Numer zezwolenia", "Permit number", "Номер дозволу"],
        "przedsiebiorca" => ["Przedsiębiorca", "Business", "Підприємець"],
        "punkt" => ["Punkt", "Outlet", "Точка"],
        "rodzaj_punktu" => ["Rodzaj punktu", "Kind of outlet", "Вид точки"],
        "kategorie" => [
            "Kategorie (A ≤ 4,5%, B 4,5–18%, C > 18%)",
            "Categories (A ≤ 4.5%, B 4.5–18%, C > 18%)",
            "Категорії (A ≤ 4,5%, B 4,5–18%, C > 18%)",
        ],
        "wazne_od" | "od" => ["Od", "From", "З"],
        "wazne_do" | "do" => ["Do", "To", "До"],
        "droga" => ["Droga", "Road", "Дорога"],
        "lokalizacja" => ["Lokalizacja", "Location", "Місце"],
        "cel" => ["Cel zajęcia", "Purpose", "Мета"],
        "wnioskodawca" => ["Zezwolenie dla", "Issued to", "Кому видано"],
        _ => ["—", "—", "—"],
    };
    lang.pick(pl, en, uk)
}

/// A stored value for people (kinds of property in the reader's language; money and
/// areas with units).
fn shown(kind: Kind, value: &str, lang: Lang) -> String {
    match (kind, value) {
        (Kind::Choice(_), "dzialka") => lang.pick("działka", "plot", "ділянка").into(),
        (Kind::Choice(_), "budynek") => lang.pick("budynek", "building", "будівля").into(),
        (Kind::Choice(_), "lokal") => lang.pick("lokal", "premises", "приміщення").into(),
        (Kind::Money, v) => models::taxes::office::parse_zloty(v).map_or(v.to_owned(), money),
        (Kind::Area, v) => format!("{v}\u{A0}m²"),
        (_, "") => "—".into(),
        (_, v) => v.to_owned(),
    }
}

fn title(register: Register) -> I {
    match register {
        Register::Property => I::Property,
        Register::Alcohol => I::Alcohol,
        Register::RoadLane => I::RoadLane,
    }
}

/// The register's page.
#[component]
pub fn RegisterPage(register: Register) -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.pi(title(register)).to_owned());
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(Vec::<(String, String)>::new());
    let filters = RwSignal::new(Vec::<(String, String)>::new());
    let current = RwSignal::new(false);
    let page = LocalResource::new(move || {
        let q = query.get();
        async move { api::info::register(register.as_str(), &q).await }
    });
    let apply = move || {
        let mut q = vec![("q".to_owned(), typed.get_untracked())];
        q.extend(filters.get_untracked());
        if current.get_untracked() {
            q.push(("current".into(), "true".into()));
        }
        query.set(q);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        apply();
    };
    let desc = match register {
        Register::Property => I::PropertyDesc,
        Register::Alcohol => I::AlcoholDesc,
        Register::RoadLane => I::RoadLaneDesc,
    };
    view! {
        <h1>{move || i18n.pi(title(register))}</h1>
        <p class="lead">{move || i18n.pi(desc)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || page.get().map(|r| match r {
                Ok(p) => view! {
                    <form class="search register-search" role="search" on:submit=submit>
                        <div class="field">
                            <label for="register-q">{i18n.pi(I::SearchRegister)}</label>
                            <input id="register-q" type="search" prop:value=move || typed.get()
                                on:input=move |ev| typed.set(event_target_value(&ev)) />
                        </div>
                        <Facets page=p.clone() filters=filters />
                        {register.validity().is_some().then(|| view! {
                            <label class="checkbox" for="register-current">
                                <input type="checkbox" id="register-current" prop:checked=move || current.get()
                                    on:change=move |ev| current.set(event_target_checked(&ev)) />
                                {i18n.pi(I::OnlyCurrent)}
                            </label>
                        })}
                        <button type="submit" class="button">{i18n.t(Msg::Search)}</button>
                    </form>
                    <Results page=p />
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Facets(page: Page, filters: RwSignal<Vec<(String, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let columns = page.register.columns();
    page.facets
        .into_iter()
        .map(|facet| {
            let id = format!("filter-{}", facet.column);
            let key = facet.column.clone();
            let kind = columns.iter().find(|c| c.key == key).map_or(Kind::Text, |c| c.kind);
            let chosen = {
                let key = key.clone();
                move || filters.with(|f| f.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()).unwrap_or_default())
            };
            let label_key = key.clone();
            view! {
                <div class="field">
                    <label for=id.clone()>{move || column_label(&label_key, i18n.lang())}</label>
                    <select id=id on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let key = key.clone();
                        filters.update(|f| { f.retain(|(k, _)| *k != key); f.push((key, value)); });
                    }>
                        <option value="" selected=chosen().is_empty()>{move || i18n.pi(I::Any)}</option>
                        {facet.values.into_iter().map(|v| {
                            let selected = chosen() == v.value;
                            let text = format!("{} ({})", shown(kind, &v.value, i18n.lang()), v.count);
                            view! { <option value=v.value selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn Results(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let register = page.register;
    let located: Vec<(String, String, i64, i64)> = page
        .entries
        .iter()
        .filter_map(|e| Some((e.values[0].clone(), label(register, e), e.lat?, e.lon?)))
        .collect();
    let csv = api::info::file_url(register.as_str(), "latest", "data.csv");
    let json = api::info::file_url(register.as_str(), "latest", "data.json");
    view! {
        <p role="status">{move || i18n.pi(I::Found).replace("{n}", &page.total.to_string())}</p>
        {(!located.is_empty()).then(|| view! { <super::map::PointMap points=located.clone() /> })}
        <ul class="register-entries">
            {page.entries.into_iter().map(|e| view! { <EntryCard register=register entry=e /> }).collect_view()}
        </ul>
        <p class="downloads">
            {move || i18n.pi(I::Download)} ": "
            <a href=csv download="">"CSV"</a> " · " <a href=json download="">"JSON"</a>
        </p>
    }
}

/// The entry's name on the map: its id and address or place.
fn label(register: Register, e: &Entry) -> String {
    let place = match register {
        Register::Property => format!("{} {}", e.values[3], e.values[4]),
        Register::Alcohol => format!("{}, {}", e.values[2], e.values[3]),
        Register::RoadLane => e.values[2].clone(),
    };
    format!("{}: {}", e.values[0], place.trim())
}

#[component]
fn EntryCard(register: Register, entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let columns = register.columns();
    let anchor = format!("entry-{}", super::map::anchor(&entry.values[0]));
    let heading = entry.values[0].clone();
    let on_map = entry
        .lat
        .is_some()
        .then(|| format!("#point-{}", super::map::anchor(&entry.values[0])));
    let rows: Vec<(&'static str, Kind, String)> = columns
        .iter()
        .zip(entry.values)
        .skip(1)
        .map(|(c, v)| (c.key, c.kind, v))
        .collect();
    view! {
        <li class="box register-entry" id=anchor tabindex="-1">
            <h3>{heading}</h3>
            <dl class="facts">
                {rows.into_iter().map(|(key, kind, value)| view! {
                    <dt>{move || column_label(key, i18n.lang())}</dt>
                    <dd>{move || shown(kind, &value, i18n.lang())}</dd>
                }).collect_view()}
            </dl>
            {on_map.map(|href| view! { <p><a href=href>{move || i18n.pi(I::OnMap)}</a></p> })}
        </li>
    }
}
