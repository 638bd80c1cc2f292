//! My data: where it lives, how much room it takes, keeping it from being
//! cleared, the passcode lock, backup and restore, data that was set aside,
//! and deleting everything.

mod import;
mod lock;
mod usage;

use crate::i18n::{data::tr, fill, lock::tr as lock_tr};
use crate::store::{self, Guard, Persist};
use crate::ui::format::date_time;
use crate::ui::{browser, download, use_ctx};
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    view! {
        <section class="page data">
            <h1>{move || t().title}</h1>
            <h2>{move || t().where_title}</h2>
            <p>{move || t().where_body}</p>
            <usage::UsageSection/>
            <PersistSection/>
            <lock::LockSection/>
            <ExportSection/>
            <import::ImportSection/>
            <QuarantineSection/>
            <DeleteSection/>
        </section>
    }
}

/// Saving a backup: encrypted when the lock is on (a plain one stays
/// possible, and says that it is plain).
#[component]
fn ExportSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let l = move || lock_tr(ctx.lang.get());
    let locked = move || ctx.store.guard() == Guard::Open;
    let store = ctx.store;
    view! {
        <h2 id="backup">{move || t().export_title}</h2>
        <p>{move || t().export_body}</p>
        <Show when=locked>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| leptos::task::spawn_local(async move {
                        download::backup(store).await;
                    })
                >
                    {move || l().export_sealed}
                </button>
            </div>
            <p class="muted small">{move || l().export_sealed_note}</p>
        </Show>
        <div class="actions">
            <button
                type="button"
                class:primary=move || !locked()
                on:click=move |_| {
                    download::plain_backup(store);
                }
            >
                {move || if locked() { l().export_plain } else { ctx.t().export_button }}
            </button>
        </div>
        <p class="muted small">{move || l().plain_note}</p>
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

#[component]
fn QuarantineSection() -> impl IntoView {
    let ctx = use_ctx();
    let kept = ctx.store.quarantined();
    (!kept.is_empty()).then(|| {
        let t = move || tr(ctx.lang.get());
        view! {
            <h2 id="set-aside">{move || t().quarantine_title}</h2>
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
                        let text = StoredValue::new(text);
                        let name = StoredValue::new(name);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        let store = ctx.store;
                                        leptos::task::spawn_local(async move {
                                            // Sealed with the lock on: opened first.
                                            let text = if store.guard_untracked() == Guard::Open {
                                                store::lock::unsealed(store, text.get_value()).await
                                            } else {
                                                text.get_value()
                                            };
                                            download::download(&name.get_value(), "text/plain", &text);
                                        });
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
                            ctx.store.update(|d, now| d.delete_everything(now));
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
