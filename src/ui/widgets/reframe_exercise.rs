//! One practice set of the reframing studio: a starting phrase at a time, the
//! person's own version with the lens over it, other ways to say it, and save,
//! come back later, or pass. Passing is always fine.
//!
//! The state lives in `Exercise`, above the content library, so switching
//! language in the middle keeps what the person wrote and where they are. All
//! below is drawn inside `WithLibrary` (afresh when the language changes), so
//! fixed text is read once rather than through a closure each: that keeps the
//! compiled size down.

use crate::domain::content::{Library, Reframe};
use crate::domain::ground::lang::Lang;
use crate::domain::revisit;
use crate::domain::studio::{self, Set as PracticeSet};
use crate::i18n::{fill, reframe};
use crate::store::now;
use crate::ui::widgets::lens_view::{compiled_for, Compiled, LensView, LibView, FINDINGS_ID};
use crate::ui::widgets::revisit_queue::local_offset;
use crate::ui::widgets::with_library::WithLibrary;
use crate::ui::{href, use_ctx, Ctx};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What the person chose to practise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Set(PracticeSet),
    /// From the revisit queue: this phrase first, then the others due.
    Item(String),
}

/// Where the person is in the set, and what they are writing.
#[derive(Clone, Copy)]
struct State {
    /// The phrases in order, decided when the library first arrives.
    order: RwSignal<Option<Vec<String>>>,
    index: RwSignal<usize>,
    text: RwSignal<String>,
    others: RwSignal<bool>,
    /// The journal entry saved for the current phrase, if any.
    saved: RwSignal<Option<String>>,
}

/// The id of the heading that takes focus when the phrase changes.
const HEADING: &str = "exercise-heading";

fn focus_heading() {
    request_animation_frame(|| {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(HEADING))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn Exercise(mode: Mode) -> impl IntoView {
    let ctx = use_ctx();
    let state = State {
        order: RwSignal::new(None),
        index: RwSignal::new(0),
        text: RwSignal::new(String::new()),
        others: RwSignal::new(false),
        saved: RwSignal::new(None),
    };
    let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    // What was due when the set opened: the order stays put as visits change it.
    let due_then = ctx
        .store
        .doc()
        .with_untracked(|d| revisit::due(&d.revisit, now()));
    let cache = StoredValue::new(None);
    let body: LibView = Box::new(move |lib: Arc<Library>| {
        let t = reframe::tr(ctx.lang.get_untracked());
        if state.order.with_untracked(Option::is_none) {
            state.order.set(Some(match &mode {
                Mode::Set(set) => set.pick(&lib.reframes, seed),
                Mode::Item(first) => studio::revisit_order(first, &due_then),
            }));
        }
        let name = match &mode {
            Mode::Set(set) => reframe::set_name(*set, t),
            Mode::Item(_) => t.revisit_heading,
        };
        let compiled = compiled_for(cache, lib);
        let current = move || {
            let i = state.index.get();
            let id = state
                .order
                .with(|o| o.as_ref().and_then(|o| o.get(i).cloned()));
            match id {
                None => done(t),
                Some(id) => match compiled.lib.reframe(&id).cloned() {
                    Some(item) => view! { <Item state item compiled=compiled.clone()/> }.into_any(),
                    None => missing(ctx, state, id, t),
                },
            }
        };
        view! {
            <p class="set-name"><strong>{name}</strong></p>
            {current}
            <p class="back"><a href=href("/reframe")>{t.back_to_sets}</a></p>
        }
        .into_any()
    });
    view! { <div class="exercise"><WithLibrary view=body/></div> }
}

/// Moves on to the next phrase; counts as a visit if this one was due.
fn move_on(ctx: Ctx, state: State, id: &str) {
    let at = now();
    let due = ctx
        .store
        .doc()
        .with_untracked(|d| d.revisit.get(id).is_some_and(|r| r.is_due(at)));
    if due {
        ctx.store.update(|d, now| {
            revisit::visit(&mut d.revisit, id, now, local_offset());
        });
    }
    state.text.set(String::new());
    state.others.set(false);
    state.saved.set(None);
    state.index.update(|i| *i += 1);
    focus_heading();
}

/// The starting phrase in both languages, as far as the libraries are loaded
/// (each per-language library holds only its own side).
fn both_sides(ctx: Ctx, item: &Reframe) -> crate::domain::Text {
    let other = match ctx.lang.get_untracked() {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let theirs = ctx
        .content
        .loaded(other)
        .and_then(|l| l.reframe(&item.id).map(|r| r.phrase.clone()));
    studio::both(&item.phrase, theirs.as_ref())
}

#[component]
fn Item(state: State, item: Reframe, compiled: Compiled) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = reframe::tr(lang);
    let total = state
        .order
        .with_untracked(|o| o.as_ref().map_or(0, Vec::len));
    let n = (state.index.get_untracked() + 1).to_string();
    let position = fill(t.position, &[("n", &n), ("total", &total.to_string())]);
    let phrase = item.phrase.get(lang).to_string();
    let note = item.note.get(lang).to_string();
    let examples: Vec<_> = item
        .examples
        .iter()
        .map(|e| view! { <li>{e.get(lang).to_string()}</li> })
        .collect();
    let source = reframe::source_name(item.source, t);
    let item = StoredValue::new(item);
    let id = move || item.with_value(|i| i.id.clone());

    let empty = move || state.text.with(|s| s.trim().is_empty());
    let is_saved = move || state.saved.with(Option::is_some);
    let marked = Memo::new(move |_| {
        ctx.store
            .doc()
            .with(|d| revisit::is_marked(&d.revisit, &id()))
    });

    let save = move |_| {
        let text = state.text.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let phrase = item.with_value(|i| both_sides(ctx, i));
        let before = state.saved.get_untracked();
        let reframe_id = id();
        let mut kept = None;
        ctx.store.update(|d, now| {
            let existing = before.as_ref().and_then(|e| d.journal.get(e)).cloned();
            let entry = studio::reframe_entry(existing.as_ref(), &reframe_id, phrase, &text, now);
            kept = Some(entry.id.clone());
            d.journal.put(&entry.id.clone(), entry, now);
            revisit::visit(&mut d.revisit, &reframe_id, now, local_offset());
        });
        state.saved.set(kept);
    };
    let toggle_mark = move |_| {
        let reframe_id = id();
        let phrase = item.with_value(|i| both_sides(ctx, i));
        ctx.store.update(|d, now| {
            if revisit::is_marked(&d.revisit, &reframe_id) {
                revisit::unmark(&mut d.revisit, &reframe_id, now);
            } else {
                revisit::mark(&mut d.revisit, &reframe_id, phrase, now, local_offset());
            }
        });
    };

    view! {
        <article class="reframe-item" aria-labelledby=HEADING>
            <p class="position muted">{position}</p>
            <p class="source">
                <span class="visually-hidden">{t.source_label}</span>
                <span class="source-tag">{source}</span>
            </p>
            <h2 id=HEADING class="reframe-phrase" tabindex="-1">
                <span class="visually-hidden">{t.phrase_label}</span>
                {phrase}
            </h2>
            <label class="write-label" for="reframe-text">{t.write_label}</label>
            <p class="muted hint" id="reframe-hint">{t.write_hint}</p>
            <textarea
                id="reframe-text"
                rows="4"
                aria-describedby=format!("reframe-hint {FINDINGS_ID}")
                prop:value=move || state.text.get()
                on:input=move |ev| state.text.set(event_target_value(&ev))
            ></textarea>
            <LensView text=state.text.into() compiled/>
            <p>
                <button
                    type="button"
                    aria-expanded=move || state.others.get().to_string()
                    aria-controls="other-ways"
                    on:click=move |_| state.others.update(|o| *o = !*o)
                >
                    {move || if state.others.get() { t.hide_other } else { t.see_other }}
                </button>
            </p>
            <section id="other-ways" class="other-ways" aria-labelledby="other-heading" hidden=move || !state.others.get()>
                <h3 id="other-heading">{t.other_heading}</h3>
                <ul>{examples}</ul>
                <h3>{t.note_heading}</h3>
                <p>{note}</p>
            </section>
            <div class="actions" role="group" aria-label=t.item_actions>
                <button type="button" class="primary" disabled=empty on:click=save>
                    {move || if is_saved() { t.save_again } else { t.save }}
                </button>
                <button type="button" on:click=toggle_mark>
                    {move || if marked.get() { t.unmark_revisit } else { t.mark_revisit }}
                </button>
                <button type="button" on:click=move |_| move_on(ctx, state, &id())>
                    {move || if is_saved() { t.next } else { t.pass }}
                </button>
            </div>
            <p class="muted pass-ok">{t.pass_ok}</p>
            <div role="status" class="exercise-status">
                <p class="muted" hidden=move || !empty()>{t.save_needs_text}</p>
                <p class="saved" hidden=move || !is_saved()>
                    {t.saved}" "<a href=href("/journal")>{t.open_journal}</a>
                </p>
                <p class="marked" hidden=move || !marked.get()>{t.marked_note}</p>
            </div>
        </article>
    }
}

/// A phrase from the revisit list that the content no longer has.
fn missing(ctx: Ctx, state: State, id: String, t: &'static reframe::Text) -> AnyView {
    let id = StoredValue::new(id);
    let unmark = move |_| {
        ctx.store
            .update(|d, now| revisit::unmark(&mut d.revisit, &id.get_value(), now))
    };
    view! {
        <section class="reframe-item" aria-labelledby=HEADING>
            <h2 id=HEADING tabindex="-1">{t.item_missing}</h2>
            <div class="actions">
                <button type="button" on:click=unmark>{t.unmark_revisit}</button>
                <button type="button" on:click=move |_| move_on(ctx, state, &id.get_value())>{t.next}</button>
            </div>
        </section>
    }
    .into_any()
}

/// The end of a set.
fn done(t: &'static reframe::Text) -> AnyView {
    view! {
        <section class="set-done" aria-labelledby=HEADING>
            <h2 id=HEADING tabindex="-1">{t.done_heading}</h2>
            <p>{t.done_body}</p>
            <p><a href=href("/reframe")>{t.choose_again}</a></p>
        </section>
    }
    .into_any()
}
