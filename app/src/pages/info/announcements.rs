//! `/public-info/announcements[/ID]`: the office's announcements, current or archived,
//! and one announcement with its files and its public register of changes (every
//! version's text, who changed it, when and why). Clerks change it from here.

use leptos::prelude::*;
use leptos_router::components::A;
use models::info::{Announcement, AnnouncementSummary};

use crate::api;
use crate::components::alert::ErrorAlert;
use crate::components::page::use_title;
use crate::i18n::{Info as I, Msg, use_i18n};
use crate::time::warsaw_ms;

/// Paragraphs of a text separated by blank lines.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_owned()}</p> })
        .collect_view()
}

/// The list, current or archive.
#[component]
pub fn List() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.pi(I::Announcements).to_owned());
    let archive = RwSignal::new(false);
    let list = LocalResource::new(move || api::info::announcements(archive.get()));
    let toggle = move |value: bool, label: I| {
        view! {
            <button type="button" class="toggle" aria-pressed=move || (archive.get() == value).to_string()
                on:click=move |_| archive.set(value)>{move || i18n.pi(label)}</button>
        }
    };
    view! {
        <h1>{move || i18n.pi(I::Announcements)}</h1>
        <p class="lead">{move || i18n.pi(I::AnnouncementsDesc)}</p>
        <div role="group" class="toggles" aria-label=move || i18n.pi(I::Announcements)>
            {toggle(false, I::Current)}
            {toggle(true, I::Archive)}
        </div>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || list.get().map(|r| match r {
                Ok(items) if items.is_empty() => view! { <p>{i18n.pi(I::NoAnnouncements)}</p> }.into_any(),
                Ok(items) => view! {
                    <ul class="announcements">{items.into_iter().map(|a| view! { <Item item=a /> }).collect_view()}</ul>
                }.into_any(),
                Err(e) => view! { <ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
        <p class="downloads"><a href=api::info::file_url("announcements", "latest", "data.csv") download="">"CSV"</a>
            " · " <a href=api::info::file_url("announcements", "latest", "data.json") download="">"JSON"</a></p>
    }
}

#[component]
fn Item(item: AnnouncementSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/public-info/announcements/{}", item.id);
    let (at, by) = (item.published_at, item.published_by.clone());
    view! {
        <li class="box">
            <h2 class="box-title"><A href=href>{item.title.clone()}</A></h2>
            <p class="hint">{move || format!("{} · {}", warsaw_ms(at, i18n.lang()), by)}
                {item.expires_on.clone().map(|d| view! { " · " {move || i18n.pi(I::Expires)} " " {d.clone()} })}</p>
        </li>
    }
}

/// One announcement.
#[component]
pub fn Detail(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let saved = RwSignal::new(None::<String>);
    let found = {
        let id = id.clone();
        LocalResource::new(move || {
            reload.get();
            let id = id.clone();
            async move { api::info::announcement(&id).await }
        })
    };
    use_title(move || {
        found
            .get()
            .and_then(Result::ok)
            .map_or_else(|| i18n.pi(I::Announcements).to_owned(), |a| a.summary.title)
    });
    view! {
        <p><A href="/public-info/announcements">{move || i18n.pi(I::Announcements)}</A></p>
        <Transition fallback=move || view! { <p role="status">{i18n.t(Msg::Loading)}</p> }>
            {move || found.get().map(|r| match r {
                Ok(a) => view! { <Body announcement=a reload=reload saved=saved /> }.into_any(),
                Err(e) => view! { <h1>{i18n.pi(I::Announcements)}</h1><ErrorAlert error=Signal::derive(move || Some(e.clone())) /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Body(
    announcement: Announcement,
    reload: RwSignal<u32>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::state::use_session();
    let clerk = move || {
        session.user.with(|u| {
            u.as_ref().is_some_and(|u| {
                u.roles
                    .iter()
                    .any(|r| matches!(r, models::auth::Role::Clerk | models::auth::Role::Admin))
            })
        })
    };
    let Announcement {
        summary,
        body,
        attachments,
        revisions,
    } = announcement;
    let id = summary.id.clone();
    let editing = summary.clone();
    let current_body = body.clone();
    let (published, changed) = (summary.published_at, summary.changed_at);
    let expires = summary.expires_on.clone().unwrap_or_else(|| "—".into());
    view! {
        <article class="announcement">
            <h1>{summary.title.clone()}</h1>
            <dl class="facts">
                <dt>{move || i18n.pi(I::PublishedBy)}</dt><dd>{summary.published_by.clone()}</dd>
                <dt>{move || i18n.pi(I::PublishedAt)}</dt><dd>{move || warsaw_ms(published, i18n.lang())}</dd>
                <dt>{move || i18n.pi(I::Changed)}</dt><dd>{move || warsaw_ms(changed, i18n.lang())}</dd>
                <dt>{move || i18n.pi(I::Expires)}</dt><dd>{expires}</dd>
            </dl>
            <div class="announcement-body" lang="pl">{paragraphs(&body)}</div>
            {(!attachments.is_empty()).then(|| view! {
                <h2>{move || i18n.pi(I::Files)}</h2>
                <ul>{attachments.into_iter().map(|f| {
                    let href = format!("/api/info/announcements/{id}/attachments/{}", f.id);
                    let size = format!("{} kB", (f.size + 1023) / 1024);
                    view! { <li><a href=href download="">{f.name.clone()}</a> " (" {size} ")"</li> }
                }).collect_view()}</ul>
            })}
            <h2>{move || i18n.pi(I::History)}</h2>
            <ol class="revisions">
                {revisions.into_iter().map(|r| {
                    let at = r.changed_at;
                    let why = if r.reason.is_empty() { None } else { Some(r.reason.clone()) };
                    view! {
                        <li>
                            <p><strong>{move || i18n.pi(I::VersionN).replace("{n}", &r.revision.to_string())}</strong>
                                " · " {move || warsaw_ms(at, i18n.lang())} " · " {r.changed_by.clone()}
                                " · " {move || why.clone().unwrap_or_else(|| i18n.pi(I::FirstPublication).to_owned())}</p>
                            <details>
                                <summary>{move || i18n.pi(I::ShowText)}</summary>
                                <div lang="pl"><p><strong>{r.title.clone()}</strong></p>{paragraphs(&r.body)}</div>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </article>
        {move || clerk().then(|| {
            let s = editing.clone();
            view! {
                <section class="panel" aria-labelledby="edit-title">
                    <h2 id="edit-title">{i18n.pi(I::Edit)}</h2>
                    <super::office::AnnouncementEditor existing=Some((s.id.clone(), s.title.clone(), current_body.clone(), s.expires_on.clone()))
                        done=saved on_saved=move || reload.update(|n| *n += 1) />
                </section>
            }
        })}
    }
}
