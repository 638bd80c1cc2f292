//! The passcode lock, on the data page: turning it on (with the recovery
//! code shown once), the idle time, locking now, a new passcode, turning
//! it off.

use crate::domain::lock::check_passcode;
use crate::domain::settings::Settings;
use crate::i18n::{fill, lock::tr};
use crate::store::lock::{self as locking, Failure};
use crate::store::Guard;
use crate::ui::pages::lock::{failure_text, problem_text, take};
use crate::ui::{download, use_ctx};
use leptos::html::Input;
use leptos::prelude::*;

/// What the section last said.
#[derive(Clone, PartialEq)]
enum Said {
    Nothing,
    Text(String),
}

#[component]
pub fn LockSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    // The recovery code, shown once after the lock is turned on.
    let code = RwSignal::new(None::<String>);
    let turned_off = RwSignal::new(false);
    view! {
        <h2 id="lock">{move || t().section_title}</h2>
        <p role="status">{move || turned_off.get().then(|| t().turned_off)}</p>
        {move || match (ctx.store.guard(), code.get()) {
            (_, Some(text)) => view! { <RecoveryCode text on_done=Callback::new(move |_| code.set(None))/> }.into_any(),
            (Guard::Open, None) => view! { <LockOn on_off=Callback::new(move |_| turned_off.set(true))/> }.into_any(),
            _ => view! {
                <LockOff on_code=Callback::new(move |c| {
                    turned_off.set(false);
                    code.set(Some(c));
                })/>
            }
            .into_any(),
        }}
    }
}

/// The lock is off: what it does, what a forgotten passcode means, and the
/// form to turn it on.
#[component]
fn LockOff(on_code: Callback<String>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let new = NodeRef::<Input>::new();
    let again = NodeRef::<Input>::new();
    let busy = RwSignal::new(false);
    let said = RwSignal::new(Said::Nothing);
    let store = ctx.store;
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let (p, a) = (take(new), take(again));
        if let Err(problem) = check_passcode(&p, &a) {
            said.set(Said::Text(problem_text(problem, t()).to_string()));
            return;
        }
        busy.set(true);
        said.set(Said::Nothing);
        leptos::task::spawn_local(async move {
            let result = locking::turn_on(store, p).await.await;
            busy.try_set(false);
            match result {
                Ok(code) => on_code.run(code),
                Err(f) => {
                    said.try_set(Said::Text(failure_text(f, false, t())));
                }
            }
        });
    };
    view! {
        <p>{move || t().off_body}</p>
        <p class="notice warn"><strong>{move || t().warning}</strong></p>
        <form class="lock-form" on:submit=submit>
            <label class="field">
                <span>{move || t().new_passcode}</span>
                <input type="password" name="new" autocomplete="new-password" required node_ref=new/>
            </label>
            <label class="field">
                <span>{move || t().again}</span>
                <input type="password" name="again" autocomplete="new-password" required node_ref=again/>
            </label>
            <label class="check">
                <input type="checkbox" name="understand" required/>
                <span>{move || t().understand}</span>
            </label>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { t().working } else { t().turn_on }}
                </button>
            </div>
            <SaidLine said/>
        </form>
    }
}

#[component]
fn SaidLine(said: RwSignal<Said>) -> impl IntoView {
    view! {
        <p role="status" class="lock-said">
            {move || match said.get() {
                Said::Nothing => None,
                Said::Text(text) => Some(view! { <span class="notice">{text}</span> }),
            }}
        </p>
    }
}

/// The recovery code, once: to write down, print or save.
#[component]
fn RecoveryCode(text: String, on_done: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let code = StoredValue::new(text);
    let save = move |_| {
        let file = fill(t().code_file, &[("code", &code.get_value())]);
        download::download("taiwa-recovery-code.txt", "text/plain", &file);
    };
    let print = move |_| {
        // Only the code goes to paper (see style/print.css, .print-code).
        let html = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(h) = &html {
            let _ = h.class_list().add_1("print-code");
        }
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
        if let Some(h) = &html {
            let _ = h.class_list().remove_1("print-code");
        }
    };
    view! {
        <div class="recovery-sheet" role="region" aria-labelledby="recovery-title">
            <h3 id="recovery-title">{move || t().code_title}</h3>
            <p>{move || t().code_body}</p>
            <p class="recovery-code" translate="no">{code.get_value()}</p>
            <div class="actions no-print">
                <button type="button" on:click=save>{move || t().code_save}</button>
                <button type="button" on:click=print>{move || t().code_print}</button>
                <button type="button" class="primary" on:click=move |_| on_done.run(())>{move || t().code_done}</button>
            </div>
        </div>
    }
}

/// The lock is on: the idle time, locking now, a new passcode, turning off.
#[component]
fn LockOn(on_off: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let store = ctx.store;
    let minutes = move || store.doc().with(|d| d.settings().lock_minutes());
    let choose = move |e: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&e).parse::<u16>() {
            store.update(|d, now| d.edit_settings(now, |s| s.lock_after = Some(n)));
        }
    };
    view! {
        <p>{move || t().on_body}</p>
        <label class="field">
            <span>{move || t().after_label}</span>
            <select name="lock-after" on:change=choose>
                {Settings::LOCK_AFTER
                    .into_iter()
                    .map(|n| view! {
                        <option value=n.to_string() selected=move || minutes() == n>
                            {move || fill(t().minutes, &[("n", &n.to_string())])}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
        <p class="muted small">{move || t().after_hint}</p>
        <div class="actions">
            <button type="button" on:click=move |_| store.lock_now()>{move || t().lock_now}</button>
        </div>
        <ChangePasscode/>
        <TurnOff on_off/>
    }
}

#[component]
fn ChangePasscode() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let current = NodeRef::<Input>::new();
    let new = NodeRef::<Input>::new();
    let again = NodeRef::<Input>::new();
    let busy = RwSignal::new(false);
    let said = RwSignal::new(Said::Nothing);
    let store = ctx.store;
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let (c, p, a) = (take(current), take(new), take(again));
        if let Err(problem) = check_passcode(&p, &a) {
            said.set(Said::Text(problem_text(problem, t()).to_string()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = locking::change(store, c, p).await.await;
            busy.try_set(false);
            said.try_set(Said::Text(match result {
                Ok(()) => t().changed.to_string(),
                Err(f) => failure_text(f, false, t()),
            }));
        });
    };
    view! {
        <h3>{move || t().change_title}</h3>
        <form class="lock-form" on:submit=submit>
            <label class="field">
                <span>{move || t().current}</span>
                <input type="password" name="current" autocomplete="current-password" required node_ref=current/>
            </label>
            <label class="field">
                <span>{move || t().new_passcode}</span>
                <input type="password" name="new" autocomplete="new-password" required node_ref=new/>
            </label>
            <label class="field">
                <span>{move || t().again}</span>
                <input type="password" name="again" autocomplete="new-password" required node_ref=again/>
            </label>
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>{move || t().change}</button>
            </div>
            <SaidLine said/>
        </form>
    }
}

#[component]
fn TurnOff(on_off: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let current = NodeRef::<Input>::new();
    let busy = RwSignal::new(false);
    let said = RwSignal::new(Said::Nothing);
    let store = ctx.store;
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let c = take(current);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result: Result<(), Failure> = locking::turn_off(store, c).await.await;
            busy.try_set(false);
            match result {
                Ok(()) => on_off.run(()),
                Err(f) => {
                    said.try_set(Said::Text(failure_text(f, false, t())));
                }
            }
        });
    };
    view! {
        <h3>{move || t().off_title}</h3>
        <p>{move || t().off_body2}</p>
        <form class="lock-form" on:submit=submit>
            <label class="field">
                <span>{move || t().current}</span>
                <input type="password" name="off-current" autocomplete="current-password" required node_ref=current/>
            </label>
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>{move || t().off_title}</button>
            </div>
            <SaidLine said/>
        </form>
    }
}
