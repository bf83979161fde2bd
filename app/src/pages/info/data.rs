//! `/public-info/data`: open data — every dataset with its newest version's files and
//! signatures, every earlier version, what was current on a chosen day, and how to
//! check a file against the office's public key.

use leptos::prelude::*;
use leptos::task::spawn_local;
use models::info::{Dataset, DatasetVersion};
use models::lang::Lang;

use crate::api::{self, ApiError};
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Info as I, Msg, use_i18n};
use crate::time::warsaw_ms;

/// A dataset's name for people.
pub fn dataset_name(key: &str, lang: Lang) -> String {
    let fixed = |i: I| i.text(lang).to_owned();
    match key {
        "property" => fixed(I::Property),
        "alcohol" => fixed(I::Alcohol),
        "road-lane" => fixed(I::RoadLane),
        "announcements" => fixed(I::Announcements),
        other => match other.strip_prefix("budget-") {
            Some(year) => I::DatasetBudget.text(lang).replace("{year}", year),
            None => other.to_owned(),
        },
    }
}

/// The page.
#[component]
pub fn OpenData() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.pi(I::OpenData).to_owned());
    let datasets = LocalResource::new(api::info::datasets);
    view! {
        <h1>{move || i18n.pi(I::OpenData)}</h1>
        <p class="lead">{move || i18n.pi(I::OpenDataDesc)}</p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || datasets.get().map(|r| match r {
                Ok(list) => {
                    let key_id = list.first().map(|d| d.latest.key_id.clone());
                    view! {
                        <h2>{i18n.pi(I::Datasets)}</h2>
                        <ul class="datasets">{list.into_iter().map(|d| view! { <DatasetCard dataset=d /> }).collect_view()}</ul>
                        {key_id.map(|k| view! { <Verification key_id=k /> })}
                    }.into_any()
                }
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

/// A version's downloads: both files and their signatures.
#[component]
fn Files(version: DatasetVersion) -> impl IntoView {
    let i18n = use_i18n();
    let v = version.version.to_string();
    let link = move |file: &'static str, text: &'static str| {
        let href = api::info::file_url(&version.dataset, &v, file);
        view! { <a href=href download="">{text}</a> }
    };
    view! {
        <span class="files">
            {link("data.csv", "CSV")} " (" {link("data.csv.sig", ".sig")} ") · "
            {link("data.json", "JSON")} " (" {link("data.json.sig", ".sig")} ")"
            <span class="visually-hidden">{move || format!(" {}", i18n.pi(I::Signature))}</span>
        </span>
    }
}

#[component]
fn DatasetCard(dataset: Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let key = dataset.dataset.clone();
    let id = format!("dataset-{key}");
    let latest = dataset.latest.clone();
    let at = latest.published_at;
    let versions = RwSignal::new(None::<Vec<DatasetVersion>>);
    let day = RwSignal::new(String::new());
    let on_day = RwSignal::new(None::<Result<DatasetVersion, ApiError>>);
    let load_versions = {
        let key = key.clone();
        move |_| {
            if versions.get_untracked().is_some() {
                return;
            }
            let key = key.clone();
            spawn_local(async move { versions.set(api::info::versions(&key).await.ok()) });
        }
    };
    let show_day = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let key = key.clone();
            spawn_local(async move {
                on_day.set(Some(
                    api::info::on_date(&key, day.get_untracked().trim()).await,
                ))
            });
        }
    };
    let day_id = format!("{id}-day");
    let heading = id.clone();
    view! {
        <li class="box dataset" aria-labelledby=heading>
            <h3 id=id>{move || dataset_name(&key, i18n.lang())}</h3>
            <dl class="facts">
                <dt>{move || i18n.pi(I::Published)}</dt>
                <dd>{move || format!("{} ({})", warsaw_ms(at, i18n.lang()), i18n.pi(I::VersionN).replace("{n}", &latest.version.to_string()))}</dd>
                <dt>{move || i18n.pi(I::Records)}</dt><dd>{latest.rows}</dd>
                <dt>{move || i18n.pi(I::Download)}</dt><dd><Files version=dataset.latest.clone() /></dd>
                <dt>"SHA-256 (CSV)"</dt><dd><code class="digest">{latest.csv_sha256.clone()}</code></dd>
            </dl>
            <form class="search-row dataset-day" on:submit=show_day>
                <label for=day_id.clone()>{move || i18n.pi(I::OnDate)}</label>
                <input id=day_id type="date" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                <button type="submit" class="button button-secondary">{move || i18n.pi(I::ShowVersion)}</button>
            </form>
            <div role="status">
                {move || on_day.get().map(|r| match r {
                    Ok(v) => {
                        let at = v.published_at;
                        let n = v.version;
                        view! { <p>{move || format!("{} · {}: ", i18n.pi(I::VersionN).replace("{n}", &n.to_string()), warsaw_ms(at, i18n.lang()))}<Files version=v /></p> }.into_any()
                    }
                    Err(e) if e.code == models::error::ErrorCode::NotFound => view! { <p>{i18n.pi(I::NothingOnDate)}</p> }.into_any(),
                    Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
                })}
            </div>
            <details on:toggle=load_versions>
                <summary>{move || format!("{} ({})", i18n.pi(I::AllVersions), dataset.versions)}</summary>
                <ol reversed=true>
                    {move || versions.get().unwrap_or_default().into_iter().map(|v| {
                        let at = v.published_at;
                        let n = v.version;
                        view! { <li>{move || format!("{} · {} · {} {}: ", i18n.pi(I::VersionN).replace("{n}", &n.to_string()), warsaw_ms(at, i18n.lang()), v.rows, i18n.pi(I::Records).to_lowercase())}<Files version=v.clone() /></li> }
                    }).collect_view()}
                </ol>
            </details>
        </li>
    }
}

#[component]
fn Verification(key_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/api/info/data/keys/{key_id}");
    view! {
        <section aria-labelledby="verify-title">
            <h2 id="verify-title">{move || i18n.pi(I::Verify)}</h2>
            <p>{move || i18n.pi(I::VerifyText)}</p>
            <pre tabindex="0"><code>"openssl pkeyutl -verify -pubin -inkey klucz.pem -rawin -in plik.csv -sigfile plik.csv.sig"</code></pre>
            <p><a href=href download="klucz.pem">{move || i18n.pi(I::PublicKey)}</a> " (" <code>{key_id.clone()}</code> ")"</p>
        </section>
    }
}
