//! The home page: what Taiwa is, where to start, and the safety line.

use crate::domain::routes::Page;
use crate::ui::nav::Section;
use crate::ui::widgets::revisit_queue::RevisitQueue;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_ctx();
    let cards = [
        (Section::Scenarios, 0usize),
        (Section::Reframe, 1),
        (Section::Facilitate, 2),
        (Section::Journal, 3),
    ];
    view! {
        <section class="page home">
            <h1>{move || ctx.t().home_title}</h1>
            <p class="lead">{move || ctx.t().home_intro}</p>
            <p class="private">{move || ctx.t().home_private}</p>
            <BackupReminder/>
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

/// After a month of use without a backup, a gentle offer to save one: put
/// aside, it stays away for another month. No count of days, no streak.
#[component]
fn BackupReminder() -> impl IntoView {
    let ctx = use_ctx();
    let store = ctx.store;
    let due = move || store.is_open() && store.doc().with(|d| d.backup_due(crate::store::now()));
    view! {
        <Show when=due>
            <aside class="reminder" aria-label=move || ctx.t().backup_reminder_go>
                <p>{move || ctx.t().backup_reminder}</p>
                <div class="actions">
                    <A href=move || format!("{}#backup", href(Page::Data.path()))>
                        {move || ctx.t().backup_reminder_go}
                    </A>
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| store.update(|d, now| d.dismiss_reminder(now))
                    >
                        {move || ctx.t().backup_reminder_later}
                    </button>
                </div>
            </aside>
        </Show>
    }
}
