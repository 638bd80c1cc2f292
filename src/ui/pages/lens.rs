//! The open lens (/reframe/lens): paste any text and see what the lens notices.
//! Nothing is kept unless the person presses save (then a journal note).

use crate::domain::studio;
use crate::i18n::reframe;
use crate::ui::widgets::lens_view::{compiled_for, LensView, LibView, FINDINGS_ID};
use crate::ui::widgets::with_library::WithLibrary;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;

#[component]
pub fn OpenLens() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || reframe::tr(ctx.lang.get());
    let text = RwSignal::new(String::new());
    let saved: RwSignal<Option<String>> = RwSignal::new(None);
    let cache = StoredValue::new(None);
    let empty = move || text.with(|s| s.trim().is_empty());
    let save = move |_| {
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        let before = saved.get_untracked();
        let mut kept = None;
        ctx.store.update(|d, now| {
            let existing = before.as_ref().and_then(|e| d.journal.get(e)).cloned();
            let entry = studio::note_entry(existing.as_ref(), &body, now);
            kept = Some(entry.id.clone());
            d.journal.put(&entry.id.clone(), entry, now);
        });
        saved.set(kept);
    };
    let clear = move |_| {
        text.set(String::new());
        saved.set(None);
    };
    // The fixed text above the field, drawn again when the language changes.
    let intro = move || {
        let t = t();
        view! {
            <h1>{t.open_title}</h1>
            <p class="lead">{t.open_intro}</p>
            <p class="private">{t.open_private}</p>
            <label class="write-label" for="lens-text">{t.open_label}</label>
        }
    };
    // The buttons and what saving did, likewise.
    let after = move || {
        let t = t();
        view! {
            <div class="actions">
                <button type="button" class="primary" disabled=empty on:click=save>
                    {move || if saved.with(Option::is_some) { t.save_again } else { t.save }}
                </button>
                <button type="button" disabled=empty on:click=clear>{t.clear}</button>
            </div>
            <div role="status" class="exercise-status">
                <p class="saved" hidden=move || saved.with(Option::is_none)>
                    {t.saved}" "<a href=href("/journal")>{t.open_journal}</a>
                </p>
            </div>
        }
    };
    let lens: LibView = Box::new(move |lib| {
        let compiled = compiled_for(cache, lib);
        view! { <LensView text=text.into() compiled level=2/> }.into_any()
    });
    view! {
        <section class="page lens-page">
            {intro}
            <textarea
                id="lens-text"
                rows="8"
                aria-describedby=FINDINGS_ID
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            {after}
            <WithLibrary view=lens/>
            <p class="back"><a href=href("/reframe")>{move || t().to_studio}</a></p>
        </section>
    }
}
