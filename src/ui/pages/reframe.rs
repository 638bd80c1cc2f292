//! The reframing studio (/reframe): the chooser, or a practice set
//! (`?set=curiosity|...|mix|commute`), or a phrase from the revisit queue
//! (`?item=ID`).

use crate::domain::studio::{self, Set as PracticeSet};
use crate::i18n::reframe;
use crate::ui::use_ctx;
use crate::ui::widgets::reframe_exercise::{Exercise, Mode};
use crate::ui::widgets::set_chooser::SetChooser;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReframePage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let mode = Memo::new(move |_| {
        query.with(|q| match q.get("item").filter(|id| studio::safe_id(id)) {
            Some(id) => Some(Mode::Item(id)),
            None => q
                .get("set")
                .and_then(|k| PracticeSet::from_key(&k))
                .map(Mode::Set),
        })
    });
    view! {
        <section class="page reframe">
            <h1>{move || reframe::tr(ctx.lang.get()).title}</h1>
            {move || match mode.get() {
                None => view! {
                    <SetChooser/>
                    <p class="print-link">
                        <A href=crate::ui::pages::print::address("worksheet", "reframing")>
                            {move || crate::i18n::print::tr(ctx.lang.get()).print_reframing_link}
                        </A>
                    </p>
                }
                .into_any(),
                Some(mode) => view! { <Exercise mode/> }.into_any(),
            }}
        </section>
    }
}
