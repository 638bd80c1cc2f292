//! The home page: what Taiwa is, where to start, and the safety line.

use crate::ui::app::Page;
use crate::ui::widgets::revisit_queue::RevisitQueue;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_ctx();
    let cards = [
        (Page::Scenarios, 0usize),
        (Page::Reframe, 1),
        (Page::Facilitate, 2),
        (Page::Journal, 3),
    ];
    view! {
        <section class="page home">
            <h1>{move || ctx.t().home_title}</h1>
            <p class="lead">{move || ctx.t().home_intro}</p>
            <p class="private">{move || ctx.t().home_private}</p>
            <RevisitQueue/>
            <h2>{move || ctx.t().home_start}</h2>
            <ul class="cards">
                {cards
                    .into_iter()
                    .map(|(page, i)| {
                        let blurb = move || {
                            let t = ctx.t();
                            [t.home_card_scenarios, t.home_card_reframe, t.home_card_facilitate, t.home_card_journal][i]
                        };
                        view! {
                            <li class="card">
                                <A href=href(page.path())>{move || page.label(ctx.t())}</A>
                                <p>{blurb}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="safety">{move || ctx.t().not_crisis}</p>
        </section>
    }
}
