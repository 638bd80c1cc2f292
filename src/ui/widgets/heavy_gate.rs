//! For a scenario with a heavy topic: the content note comes first, with
//! "continue" and "choose another". Nothing of the scenario shows until the
//! person continues.

use crate::domain::content::Scenario;
use crate::i18n::practice::tr;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HeavyGate(scenario: Scenario, children: ChildrenFn) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let id = scenario.id.clone();
    let id2 = id.clone();
    let heavy = scenario.is_heavy();
    let open = move || !heavy || ctx.acknowledged.with(|a| a.contains(&id));
    let note = scenario.content_note.clone().unwrap_or_default();
    let title = scenario.title.clone();
    view! {
        <Show
            when=open
            fallback=move || {
                let id = id2.clone();
                let note = note.clone();
                let title = title.clone();
                view! {
                    <section class="content-note" aria-labelledby="content-note-title">
                        <h1 id="content-note-title">{move || t().note_title}</h1>
                        <p class="muted">{move || title.get(ctx.lang.get()).to_string()}</p>
                        <p><strong>{move || t().note_lead}</strong></p>
                        <p class="user-text">{move || note.get(ctx.lang.get()).to_string()}</p>
                        <p class="safety">{move || crate::i18n::tr(ctx.lang.get()).not_crisis}</p>
                        <div class="actions">
                            <button
                                type="button"
                                class="primary"
                                on:click=move |_| ctx.acknowledged.update(|a| a.push(id.clone()))
                            >
                                {move || t().note_continue}
                            </button>
                            <A href=href("/scenarios")>{move || t().note_choose_another}</A>
                        </div>
                    </section>
                }
            }
        >
            {children()}
        </Show>
    }
}
