//! The console's pacing: planned and real minutes per step, the projected
//! end, and what to do when it runs over.

use super::super::present::Ui;
use super::super::{ft, step_title, update_session};
use crate::domain::session::pace::{self, Pace};
use crate::i18n::facilitate::Text;
use crate::i18n::fill;
use crate::store::now;
use leptos::prelude::*;

use super::{clock_time, planned_start};
/// Planned and real minutes per step, the projected end, and what to do
/// when it runs over. Each part follows the clock on its own, so a focused
/// button is never drawn again under the keyboard.
#[component]
pub(super) fn Pacing(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let done = RwSignal::new(false);
    // Read once a second: the minutes do not need the countdown's ticks.
    let second = Memo::new(move |_| ui.now.get() / 1000 * 1000);
    let paced = Memo::new(move |_| {
        let (Some(s), Some(p)) = (ui.session.get(), ui.plan.get()) else {
            return None;
        };
        let (start, _) = planned_start(ui);
        Some(pace::pace(&s, &p, start, second.get()))
    });
    let shorten = move |_| {
        let (start, _) = planned_start(ui);
        let at = now();
        let mut changed = false;
        update_session(ctx, &ui.id.get_value(), |s, p| {
            changed = pace::shorten(s, p, start, at);
        });
        done.set(changed);
    };
    let time = move |pick: fn(&Pace) -> i64, pattern: fn(&Text) -> &'static str| {
        move || {
            paced.with(|p| {
                p.as_ref()
                    .map(|p| fill(pattern(ft(ctx)), &[("time", &clock_time(pick(p)))]))
                    .unwrap_or_default()
            })
        }
    };
    let over = Memo::new(move |_| paced.with(|p| p.as_ref().map_or(0, Pace::over_minutes)));
    let rows = move || {
        ui.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.steps
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (i, s.id.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="console-pace" aria-labelledby="console-pace-h">
            <h2 id="console-pace-h">{move || ft(ctx).pace_heading}</h2>
            <p class="console-times">
                <span>{time(|p| p.planned_start, |t| t.pace_start)}</span>
                " · "
                <span>{time(|p| p.planned_end, |t| t.pace_end)}</span>
                " · "
                <strong id="console-projected">{time(|p| p.projected_end, |t| t.pace_projected)}</strong>
            </p>
            <Show when=move || !planned_start(ui).1>
                <p class="hint">{move || ft(ctx).pace_no_start}</p>
            </Show>
            <Show
                when=move || { over.get() > 0 }
                fallback=move || view! { <p class="console-on-time">{move || ft(ctx).pace_on_time}</p> }
            >
                <div class="console-over">
                    <p role="status">{move || fill(ft(ctx).pace_over, &[("n", &over.get().to_string())])}</p>
                    <button type="button" on:click=shorten>{move || ft(ctx).pace_shorten}</button>
                </div>
            </Show>
            <Show when=move || done.get()>
                <p class="status" role="status">{move || ft(ctx).pace_shortened}</p>
            </Show>
            <table class="console-pace-table">
                <thead>
                    <tr>
                        <th scope="col">{move || ft(ctx).pace_step}</th>
                        <th scope="col">{move || ft(ctx).pace_planned}</th>
                        <th scope="col">{move || ft(ctx).pace_actual}</th>
                        <th scope="col"><span class="visually-hidden">{move || ft(ctx).carry_heading}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=|row| row.clone()
                        children=move |(index, _)| view! { <PaceRow ui paced index/> }
                    />
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn PaceRow(ui: Ui, paced: Memo<Option<Pace>>, index: usize) -> impl IntoView {
    let ctx = ui.ctx;
    let sp =
        Memo::new(move |_| paced.with(|p| p.as_ref().and_then(|p| p.steps.get(index).cloned())));
    let step = Memo::new(move |_| {
        ui.plan
            .with(|p| p.as_ref().and_then(|p| p.steps.get(index).cloned()))
    });
    let minutes = move |n: i64| fill(ft(ctx).pace_minutes, &[("n", &n.to_string())]);
    let planned = move || {
        sp.with(|s| s.as_ref().map(|s| minutes(i64::from(s.planned))))
            .unwrap_or_default()
    };
    let actual = move || {
        sp.with(|s| s.as_ref().and_then(|s| s.spent_ms))
            .map(|ms| minutes((ms + 30_000) / 60_000))
            .unwrap_or_default()
    };
    let current = move || sp.with(|s| s.as_ref().is_some_and(|s| s.current));
    let later = move || sp.with(|s| s.as_ref().is_some_and(|s| s.later));
    let reached = move || sp.with(|s| s.as_ref().is_some_and(|s| s.spent_ms.is_some()));
    let title = move || {
        step.with(|s| {
            s.as_ref()
                .map(|s| step_title(ft(ctx), s))
                .unwrap_or_default()
        })
    };
    let label = move || {
        let t = ft(ctx);
        if reached() {
            t.pace_continue_toggle
        } else {
            t.pace_later_toggle
        }
    };
    let toggle = move |_| {
        let Some(id) = step.with_untracked(|s| s.as_ref().map(|s| s.id.clone())) else {
            return;
        };
        update_session(ctx, &ui.id.get_value(), move |s, _| {
            s.toggle_later(&id);
        });
    };
    let frame = move || step.with(|s| s.as_ref().is_none_or(|s| s.kind.is_frame()));
    view! {
        <tr class:current=current class:later=later>
            <th scope="row">
                {title}
                <Show when=current>
                    <span class="tag">{move || ft(ctx).pace_now}</span>
                </Show>
                <Show when=later>
                    <span class="tag">{move || ft(ctx).pace_later}</span>
                </Show>
            </th>
            <td>{planned}</td>
            <td>{actual}</td>
            <td>
                <Show when=move || !frame()>
                    <button
                        type="button"
                        class="small"
                        aria-pressed=move || later().to_string()
                        aria-label=move || fill(ft(ctx).pace_toggle_label, &[("what", label()), ("step", &title())])
                        on:click=toggle
                    >
                        {label}
                    </button>
                </Show>
            </td>
        </tr>
    }
}
