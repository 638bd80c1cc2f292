//! My data: where it lives, keeping it from being cleared, backup and restore,
//! data that was set aside, and deleting everything.

use crate::domain::backup::{self, EntryProblem, Preview, Problem};
use crate::domain::Lang;
use crate::i18n::{data::tr, fill};
use crate::store::{self, now, Persist};
use crate::ui::format::date_time;
use crate::ui::{browser, download, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn problem_text(p: &Problem, lang: Lang) -> String {
    let t = tr(lang);
    match p {
        Problem::TooLarge { bytes } => {
            let mb = format!("{:.1}", *bytes as f64 / 1024.0 / 1024.0);
            fill(t.problem_too_large, &[("mb", &mb)])
        }
        Problem::Empty => t.problem_empty.to_string(),
        Problem::NotJson { line, column } => fill(
            t.problem_not_json,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        Problem::NotTaiwa => t.problem_not_taiwa.to_string(),
        Problem::Newer { schema } => fill(t.problem_newer, &[("schema", &schema.to_string())]),
        Problem::Unreadable { detail } => fill(t.problem_unreadable, &[("detail", detail)]),
        Problem::BadEntry { id, why } => match why {
            EntryProblem::IdMismatch => fill(t.problem_entry_id, &[("id", id)]),
            EntryProblem::BadTime => fill(t.problem_entry_time, &[("id", id)]),
            EntryProblem::EmptyId => t.problem_entry_empty.to_string(),
        },
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    view! {
        <section class="page data">
            <h1>{move || t().title}</h1>
            <h2>{move || t().where_title}</h2>
            <p>{move || t().where_body}</p>
            <PersistSection/>
            <h2>{move || t().export_title}</h2>
            <p>{move || t().export_body}</p>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        ctx.store.doc().with_untracked(download::backup);
                    }
                >
                    {move || ctx.t().export_button}
                </button>
            </div>
            <ImportSection/>
            <QuarantineSection/>
            <DeleteSection/>
        </section>
    }
}

/// Where keeping storage stands, as this page shows it.
#[derive(Clone, Copy, PartialEq)]
enum Keeping {
    Checking,
    Is(Persist),
    /// Asked; the browser has not answered (Firefox asks the user first and
    /// may never answer if the question is dismissed).
    Asking,
    /// Asked, and the browser said no (Chromium decides on its own).
    Declined,
}

#[component]
fn PersistSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let state = RwSignal::new(Keeping::Checking);
    leptos::task::spawn_local(async move { state.set(Keeping::Is(store::persisted().await)) });
    let ask = move |_| {
        state.set(Keeping::Asking);
        leptos::task::spawn_local(async move {
            state.set(match store::request_persist().await {
                Persist::NotGranted => Keeping::Declined,
                answer => Keeping::Is(answer),
            })
        })
    };
    // WebKit may clear what a site stored when it is not opened for a while;
    // no API says so, and asking to keep storage does not prevent it.
    let may_clear = browser::engine().may_clear_unvisited_storage() && !browser::standalone();
    view! {
        <h2>{move || t().persist_title}</h2>
        <p>{move || t().persist_body}</p>
        <p class="persist-state" role="status">
            {move || match state.get() {
                Keeping::Is(Persist::Granted) => t().persist_yes,
                Keeping::Is(Persist::NotGranted) => t().persist_no,
                Keeping::Is(Persist::Unsupported) => t().persist_unsupported,
                Keeping::Asking => t().persist_asking,
                Keeping::Declined => t().persist_declined,
                Keeping::Checking => "",
            }}
        </p>
        <Show when=move || matches!(state.get(), Keeping::Is(Persist::NotGranted) | Keeping::Declined)>
            <div class="actions">
                <button type="button" on:click=ask>{move || t().persist_ask}</button>
            </div>
        </Show>
        <Show when=move || may_clear>
            <p class="notice persist-webkit">{move || t().persist_webkit}</p>
        </Show>
    }
}

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Ready(Box<Preview>),
    Refused(Vec<Problem>),
    FileError,
    Merged,
    Replaced,
}

#[component]
fn ImportSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let state = RwSignal::new(Import::Idle);
    let on_file = move |e: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // Refuse a file too big before reading it into memory.
        if file.size() > backup::MAX_BYTES as f64 {
            state.set(Import::Refused(vec![Problem::TooLarge {
                bytes: file.size() as usize,
            }]));
            return;
        }
        state.set(Import::Reading);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            state.set(match text.ok().and_then(|v| v.as_string()) {
                None => Import::FileError,
                Some(text) => match backup::read(&text) {
                    Ok(p) => Import::Ready(Box::new(p)),
                    Err(problems) => Import::Refused(problems),
                },
            });
        });
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let apply = move |replace: bool| {
        if let Import::Ready(p) = state.get_untracked() {
            ctx.store.update(|d| {
                if replace {
                    backup::replace(d, &p.document, now());
                } else {
                    backup::merge_into(d, &p.document, now());
                }
            });
            state.set(if replace {
                Import::Replaced
            } else {
                Import::Merged
            });
        }
    };
    view! {
        <h2>{move || t().import_title}</h2>
        <p>{move || t().import_body}</p>
        <label class="field file">
            <span>{move || t().import_choose}</span>
            <input type="file" accept=".json,application/json" on:change=on_file/>
        </label>
        <div class="import-result" role="status" aria-live="polite">
            {move || {
                let lang = ctx.lang.get();
                let t = tr(lang);
                match state.get() {
                    Import::Idle => ().into_any(),
                    Import::Reading => view! { <p>{t.import_reading}</p> }.into_any(),
                    Import::FileError => view! { <p class="notice">{t.file_unreadable}</p> }.into_any(),
                    Import::Merged => view! { <p class="notice">{t.import_done_merge}</p> }.into_any(),
                    Import::Replaced => view! { <p class="notice">{t.import_done_replace}</p> }.into_any(),
                    Import::Refused(problems) => view! {
                        <div class="notice" role="alert">
                            <p><strong>{t.import_failed}</strong></p>
                            <ul class="problems">
                                {problems.iter().map(|p| view! { <li>{problem_text(p, lang)}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                    .into_any(),
                    Import::Ready(p) => {
                        let counts = fill(
                            t.import_counts,
                            &[
                                ("a", &p.reflections.to_string()),
                                ("b", &p.reframes.to_string()),
                                ("c", &p.reports.to_string()),
                                ("d", &p.notes.to_string()),
                            ],
                        );
                        view! {
                            <div class="preview">
                                <p>{fill(t.import_holds, &[("date", &date_time(p.exported, lang))])}</p>
                                <p class="counts">{counts}</p>
                                {(p.own_scenarios + p.own_reframes + p.own_decks > 0).then(|| view! {
                                    <p class="counts">{fill(t.import_own, &[
                                        ("s", &p.own_scenarios.to_string()),
                                        ("r", &p.own_reframes.to_string()),
                                        ("d", &p.own_decks.to_string()),
                                    ])}</p>
                                })}
                                <div class="actions">
                                    <button type="button" class="primary" on:click=move |_| apply(false)>{t.import_merge}</button>
                                    <button type="button" on:click=move |_| apply(true)>{t.import_replace}</button>
                                    <button type="button" on:click=move |_| state.set(Import::Idle)>{t.import_cancel}</button>
                                </div>
                                <p class="muted small">{t.import_merge}": "{t.import_merge_hint}</p>
                                <p class="muted small">{t.import_replace}": "{t.import_replace_hint}</p>
                            </div>
                        }
                        .into_any()
                    }
                }
            }}
        </div>
    }
}

#[component]
fn QuarantineSection() -> impl IntoView {
    let ctx = use_ctx();
    let kept = ctx.store.quarantined();
    (!kept.is_empty()).then(|| {
        let t = move || tr(ctx.lang.get());
        view! {
            <h2>{move || t().quarantine_title}</h2>
            <p>{move || t().quarantine_body}</p>
            <ul class="quarantine">
                {kept
                    .into_iter()
                    .map(|(key, text)| {
                        let when = key
                            .trim_start_matches(store::QUARANTINE_PREFIX)
                            .parse::<i64>()
                            .unwrap_or(0);
                        let name = format!("taiwa-set-aside-{when}.txt");
                        view! {
                            <li>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        download::download(&name, "text/plain", &text);
                                    }
                                >
                                    {move || fill(t().quarantine_download, &[("date", &date_time(when, ctx.lang.get()))])}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
fn DeleteSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
    view! {
        <h2>{move || t().delete_title}</h2>
        <p>{move || t().delete_body}</p>
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <div class="actions">
                    <button type="button" class="danger" on:click=move |_| { asking.set(true); done.set(false); }>
                        {move || t().delete_button}
                    </button>
                </div>
            }
        >
            <div class="confirm" role="alertdialog" aria-labelledby="delete-confirm">
                <p id="delete-confirm"><strong>{move || t().delete_confirm}</strong></p>
                <div class="actions">
                    <button
                        type="button"
                        class="danger"
                        on:click=move |_| {
                            ctx.store.update(|d| backup::delete_everything(d, now()));
                            asking.set(false);
                            done.set(true);
                        }
                    >
                        {move || t().delete_yes}
                    </button>
                    <button type="button" on:click=move |_| asking.set(false)>{move || t().delete_no}</button>
                </div>
            </div>
        </Show>
        <p role="status">{move || done.get().then(|| t().delete_done)}</p>
    }
}
