//! On the home page, when a marked reframe's day has come: "見直してみませんか",
//! with each due phrase linking to the exercise. Nothing is drawn otherwise, and
//! nothing is counted.

use crate::domain::{revisit, studio};
use crate::i18n::reframe;
use crate::store::now;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;

/// Milliseconds to add to UTC to get the browser's local time (for calendar days).
pub fn local_offset() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64) * 60_000
}

#[component]
pub fn RevisitQueue() -> impl IntoView {
    let ctx = use_ctx();
    // The time the page was drawn: the queue does not shuffle under the reader.
    let at = now();
    move || {
        let lang = ctx.lang.get();
        let items: Vec<_> = ctx.store.doc().with(|d| {
            revisit::due(&d.revisit, at)
                .into_iter()
                .filter(|id| studio::safe_id(id))
                .filter_map(|id| {
                    let phrase = studio::shown(&d.revisit.get(&id)?.phrase, lang).to_string();
                    let link = href(&format!("/reframe?item={id}"));
                    Some(view! { <li><a href=link>{phrase}</a></li> })
                })
                .collect()
        });
        if items.is_empty() {
            return None;
        }
        let t = reframe::tr(lang);
        Some(view! {
            <section class="revisit-queue" aria-labelledby="revisit-heading">
                <h2 id="revisit-heading">{t.revisit_heading}</h2>
                <p>{t.revisit_intro}</p>
                <ul>{items}</ul>
            </section>
        })
    }
}
