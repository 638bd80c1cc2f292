//! Next time's plan, from what the session did not get to.

use super::super::present::Ui;
use super::super::{ft, step_title};
use crate::i18n::fill;
use crate::ui::{fresh_id, href};
use leptos::prelude::*;

/// Next time's plan, from what this session did not get to.
#[component]
pub(super) fn CarryOver(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let made = RwSignal::new(None::<(String, String)>);
    let carried = move || {
        let (Some(s), Some(p)) = (ui.session.get(), ui.plan.get()) else {
            return Vec::new();
        };
        s.carried(&p)
            .into_iter()
            .map(|st| step_title(ft(ctx), st))
            .collect::<Vec<_>>()
    };
    let make = move |_| {
        let t = ft(ctx);
        let Some(plan) = ui.plan.get_untracked() else {
            return;
        };
        let name = fill(
            t.carry_name,
            &[("name", &super::super::name_or_untitled(t, &plan.name))],
        );
        let id = fresh_id();
        let mut done = false;
        let sid = ui.id.get_value();
        ctx.store.update(|d, now| {
            done = d.carry_over(&sid, &id, name.clone(), now);
        });
        if done {
            made.set(Some((id, name)));
        }
    };
    view! {
        <section class="console-carry" aria-labelledby="console-carry-h">
            <h2 id="console-carry-h">{move || ft(ctx).carry_heading}</h2>
            <p class="hint">{move || ft(ctx).carry_intro}</p>
            {move || {
                let list = carried();
                let t = ft(ctx);
                if list.is_empty() {
                    view! { <p class="muted">{t.carry_none}</p> }.into_any()
                } else {
                    view! {
                        <p>{fill(t.carry_list, &[("steps", &list.join(t.list_sep))])}</p>
                        <button type="button" on:click=make>{t.carry_make}</button>
                    }
                    .into_any()
                }
            }}
            {move || {
                made.get()
                    .map(|(id, name)| {
                        view! {
                            <p class="status" role="status">
                                {fill(ft(ctx).carry_made, &[("name", &name)])} " "
                                <a href=href(&format!("/facilitate/plan/{id}")) target="_blank">{move || ft(ctx).carry_open}</a>
                            </p>
                        }
                    })
            }}
        </section>
    }
}
