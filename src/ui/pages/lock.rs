//! The lock screen: drawn instead of every page while the lock is closed. It
//! shows nothing of the user's data (nothing of it is decrypted yet): only
//! the passcode, or the recovery code and a new passcode.

use crate::domain::lock::{check_passcode, PasscodeProblem};
use crate::i18n::{fill, lock::tr, lock::Text};
use crate::store::lock::{self as locking, Failure, Typed};
use crate::store::{self};
use crate::ui::{download, use_ctx};
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A failure in words.
pub fn failure_text(f: Failure, recovering: bool, t: &'static Text) -> String {
    match f {
        Failure::WrongSecret if recovering => t.wrong_code.to_string(),
        Failure::WrongSecret => t.wrong.to_string(),
        Failure::NotACode => t.not_a_code.to_string(),
        Failure::Wait(ms) => fill(t.wait, &[("s", &(ms / 1000 + 1).to_string())]),
        Failure::Damaged => t.damaged.to_string(),
        Failure::Newer => t.newer.to_string(),
        Failure::NoCrypto => t.no_crypto.to_string(),
        Failure::Storage => t.storage.to_string(),
    }
}

/// What is wrong with a new passcode, in words.
pub fn problem_text(p: PasscodeProblem, t: &'static Text) -> &'static str {
    match p {
        PasscodeProblem::TooShort => t.too_short,
        PasscodeProblem::Blank => t.blank,
        PasscodeProblem::Differ => t.differ,
    }
}

/// The value of an input, read and cleared.
pub fn take(input: NodeRef<Input>) -> String {
    input
        .get_untracked()
        .map(|i| {
            let v = i.value();
            i.set_value("");
            v
        })
        .unwrap_or_default()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Said {
    Nothing,
    Failed(Failure, bool),
    Problem(PasscodeProblem),
}

/// (Its state is read with `try_get`: when the lock opens, the screen's
/// state goes with it while the last of its views may still be drawn.)
#[component]
pub fn LockScreen() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let recovering = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(Said::Nothing);
    let passcode = NodeRef::<Input>::new();
    let code = NodeRef::<Input>::new();
    let new = NodeRef::<Input>::new();
    let again = NodeRef::<Input>::new();
    let location = use_location();
    let shared = move || {
        location.pathname.with(|p| {
            let inner = p.strip_prefix(crate::ui::base()).unwrap_or(p);
            inner.starts_with("/open") || inner.starts_with("/card")
        })
    };
    let store = ctx.store;
    let done = move |result: Result<(), Failure>, by_code: bool| {
        busy.try_set(false);
        if let Err(f) = result {
            said.try_set(Said::Failed(f, by_code));
            let field = if by_code { code } else { passcode };
            if let Some(i) = field.get_untracked() {
                let _ = i.focus();
            }
        }
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if recovering.get_untracked() {
            let (p, a) = (take(new), take(again));
            if let Err(problem) = check_passcode(&p, &a) {
                said.set(Said::Problem(problem));
                return;
            }
            let c = code.get_untracked().map(|i| i.value()).unwrap_or_default();
            busy.set(true);
            said.set(Said::Nothing);
            leptos::task::spawn_local(async move {
                done(locking::recover(store, c, p).await.await, true);
            });
        } else {
            let p = take(passcode);
            busy.set(true);
            said.set(Said::Nothing);
            leptos::task::spawn_local(async move {
                done(
                    locking::unlock(store, Typed::Passcode(p)).await.await,
                    false,
                );
            });
        }
    };
    let damaged = move || matches!(said.try_get(), Some(Said::Failed(Failure::Damaged, _)));
    view! {
        <section class="page lock-screen" aria-labelledby="lock-title">
            <h1 id="lock-title">{move || t().screen_title}</h1>
            <p>{move || t().screen_body}</p>
            <Show when=shared>
                <p class="muted">{move || t().shared_waits}</p>
            </Show>
            <form class="lock-form" on:submit=submit>
                <Show
                    when=move || recovering.try_get().unwrap_or(false)
                    fallback=move || view! {
                        <label class="field">
                            <span>{move || t().passcode}</span>
                            <input
                                type="password"
                                name="passcode"
                                autocomplete="current-password"
                                required
                                autofocus
                                node_ref=passcode
                            />
                        </label>
                    }
                >
                    <label class="field">
                        <span>{move || t().recovery_code}</span>
                        <input
                            type="text"
                            name="recovery"
                            class="code"
                            autocomplete="off"
                            spellcheck="false"
                            autocapitalize="characters"
                            required
                            node_ref=code
                        />
                    </label>
                    <label class="field">
                        <span>{move || t().new_passcode}</span>
                        <input type="password" name="new" autocomplete="new-password" required node_ref=new/>
                    </label>
                    <label class="field">
                        <span>{move || t().again}</span>
                        <input type="password" name="again" autocomplete="new-password" required node_ref=again/>
                    </label>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || busy.try_get().unwrap_or(false)>
                        {move || if busy.try_get().unwrap_or(false) {
                            t().opening
                        } else if recovering.try_get().unwrap_or(false) {
                            t().recover
                        } else {
                            t().open
                        }}
                    </button>
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| {
                            recovering.update(|r| *r = !*r);
                            said.set(Said::Nothing);
                        }
                    >
                        {move || if recovering.try_get().unwrap_or(false) { t().back } else { t().forgot }}
                    </button>
                </div>
            </form>
            <div role="alert" class="lock-said">
                {move || match said.try_get().unwrap_or(Said::Nothing) {
                    Said::Nothing => None,
                    Said::Failed(f, by_code) => Some(view! { <p class="notice">{failure_text(f, by_code, t())}</p> }.into_any()),
                    Said::Problem(p) => Some(view! { <p class="notice">{problem_text(p, t())}</p> }.into_any()),
                }}
            </div>
            <Show when=damaged>
                <div class="actions">
                    <button type="button" on:click=move |_| {
                        if let Some(raw) = store::stored_text() {
                            download::download(&format!("taiwa-stored-{}.json", download::today()), "application/json", &raw);
                        }
                    }>{move || t().damaged_download}</button>
                    <button type="button" class="danger" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            locking::set_aside_damaged(store).await;
                        });
                    }>{move || t().damaged_set_aside}</button>
                </div>
                <p class="muted small">{move || t().damaged_set_aside_note}</p>
            </Show>
        </section>
    }
}
