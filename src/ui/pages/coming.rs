//! An honest page for a feature that is not built yet: what will come.

use crate::ui::app::Page;
use crate::ui::use_ctx;
use crate::ui::widgets::with_library::WithLibrary;
use leptos::prelude::*;

#[component]
pub fn Coming(page: Page) -> impl IntoView {
    let ctx = use_ctx();
    let what = move || {
        let t = ctx.t();
        match page {
            Page::Scenarios => t.coming_scenarios,
            Page::Reframe => t.coming_reframe,
            Page::Facilitate => t.coming_facilitate,
            Page::Journal => t.coming_journal,
            _ => t.coming_data,
        }
    };
    let counts = move |lib: std::sync::Arc<crate::domain::content::Library>| {
        let prompts: usize = lib.decks.iter().map(|d| d.prompt.len()).sum();
        let text = ctx
            .t()
            .content_counts
            .replace("{s}", &lib.scenarios.len().to_string())
            .replace("{r}", &lib.reframes.len().to_string())
            .replace("{p}", &prompts.to_string());
        view! { <p class="muted">{text}</p> }
    };
    view! {
        <section class="page">
            <h1>{move || page.label(ctx.t())}</h1>
            <p class="coming"><strong>{move || ctx.t().coming_title}</strong></p>
            <p>{what}</p>
            <WithLibrary view=counts/>
        </section>
    }
}
