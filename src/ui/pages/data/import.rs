//! Restoring from a backup file: read and previewed before anything changes;
//! an encrypted backup is opened with its passcode or recovery code first.

use crate::domain::backup::{self, Preview, Problem};
use crate::domain::lock::Envelope;
use crate::domain::Lang;
use crate::i18n::lock::tr as lock_tr;
use crate::i18n::{data::tr, fill};
use crate::store::lock::{self as locking, Typed};
use crate::ui::format::date_time;
use crate::ui::pages::lock::{failure_text, take};
use crate::ui::{download, use_ctx};
use leptos::html::Input;
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
    }
}

fn previewed(text: &str) -> Import {
    match backup::read(text) {
        Ok(p) => Import::Ready(Box::new(p)),
        Err(problems) => Import::Refused(problems),
    }
}

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Ready(Box<Preview>),
    Refused(Vec<Problem>),
    /// An encrypted backup: waits for its passcode or recovery code.
    Sealed(String),
    FileError,
    Merged,
    Replaced,
}

#[component]
pub fn ImportSection() -> impl IntoView {
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
            state.try_set(match text.ok().and_then(|v| v.as_string()) {
                None => Import::FileError,
                Some(text) if Envelope::is_sealed(&text) => Import::Sealed(text),
                Some(text) => previewed(&text),
            });
        });
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let apply = move |replace: bool| {
        if let Import::Ready(p) = state.get_untracked() {
            ctx.store.update(|d, now| {
                if replace {
                    d.replace(&p.document, now);
                } else {
                    d.import(&p.document, now);
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
                    Import::Sealed(text) => view! {
                        <SealedFile text on_open=Callback::new(move |plain: String| state.set(previewed(&plain)))/>
                    }
                    .into_any(),
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
                                {(!p.set_aside.is_empty()).then(|| {
                                    let file = serde_json::json!({ "app": "taiwa", "set_aside": &p.set_aside }).to_string();
                                    view! {
                                        <div class="notice set-aside">
                                            <p>{fill(t.import_set_aside, &[("n", &p.set_aside.len().to_string())])}</p>
                                            <button type="button" on:click=move |_| {
                                                download::download("taiwa-set-aside.json", "application/json", &file);
                                            }>{t.import_set_aside_download}</button>
                                        </div>
                                    }
                                })}
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

/// An encrypted backup file: opened with the passcode it was saved with, or
/// the recovery code, on this device or any other. A wrong one opens
/// nothing and changes nothing.
#[component]
fn SealedFile(text: String, on_open: Callback<String>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || lock_tr(ctx.lang.get());
    let by_code = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None);
    let secret = NodeRef::<Input>::new();
    let text = StoredValue::new(text);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let typed = take(secret);
        let typed = if by_code.get_untracked() {
            Typed::Recovery(typed)
        } else {
            Typed::Passcode(typed)
        };
        busy.set(true);
        failed.set(None);
        leptos::task::spawn_local(async move {
            let opened = locking::open_backup(text.get_value(), typed).await.await;
            busy.try_set(false);
            match opened {
                Ok(plain) => on_open.run(plain),
                Err(f) => {
                    failed.try_set(Some((f, by_code.try_get_untracked().unwrap_or(false))));
                }
            }
        });
    };
    view! {
        <form class="sealed-file" on:submit=submit>
            <p>{move || t().import_sealed}</p>
            <label class="field">
                <span>{move || if by_code.get() { t().recovery_code } else { t().passcode }}</span>
                <input
                    type=move || if by_code.get() { "text" } else { "password" }
                    name="backup-secret"
                    autocomplete="off"
                    required
                    node_ref=secret
                />
            </label>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { t().opening } else { t().open }}
                </button>
                <button type="button" class="link" on:click=move |_| by_code.update(|b| *b = !*b)>
                    {move || if by_code.get() { t().use_passcode } else { t().use_code }}
                </button>
            </div>
            <p role="alert">
                {move || failed.get().map(|(f, code)| view! { <span class="notice">{failure_text(f, code, t())}</span> })}
            </p>
        </form>
    }
}
