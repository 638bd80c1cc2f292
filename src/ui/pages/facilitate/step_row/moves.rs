//! Moving a step up or down in its plan, and taking it out (after asking).

use super::Step;
use crate::i18n::fill;
use crate::ui::pages::facilitate::confirm::ConfirmButton;
use crate::ui::pages::facilitate::{focus_later, ft, update_plan};
use leptos::prelude::*;

#[component]
pub fn Moves(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let title = step.title;
    let place = step.place;
    let mover = move |by: isize| {
        let (plan, sid) = step.key.get_value();
        let mut moved = None;
        update_plan(ctx, &plan, |p| moved = p.move_step(&sid, by));
        if let Some(to) = moved {
            let t = ft(ctx);
            step.status.set(fill(
                t.moved,
                &[
                    ("title", &title.get_untracked()),
                    ("n", &(to + 1).to_string()),
                ],
            ));
            // Keep focus on the same button; at either end, on the other one.
            let len = place.get_untracked().1;
            let at_edge = (by < 0 && to == 0) || (by > 0 && to + 1 == len);
            let which = match (by < 0, at_edge) {
                (true, false) | (false, true) => "up",
                _ => "down",
            };
            focus_later(step.id(which));
        }
    };
    let remove = Callback::new(move |_| {
        let (plan, sid) = step.key.get_value();
        let gone = title.get_untracked();
        update_plan(ctx, &plan, |p| {
            p.remove_step(&sid);
        });
        step.status
            .set(fill(ft(ctx).removed_step, &[("title", &gone)]));
        focus_later("add-kind".into());
    });
    view! {
        <div class="step-actions">
            <button
                type="button"
                id=step.id("up")
                aria-label=move || fill(ft(ctx).move_up_label, &[("title", &title.get())])
                disabled=move || place.get().0 == 0
                on:click=move |_| mover(-1)
            >
                {move || ft(ctx).move_up}
            </button>
            <button
                type="button"
                id=step.id("down")
                aria-label=move || fill(ft(ctx).move_down_label, &[("title", &title.get())])
                disabled=move || {
                    let (i, n) = place.get();
                    i + 1 >= n
                }
                on:click=move |_| mover(1)
            >
                {move || ft(ctx).move_down}
            </button>
            <ConfirmButton
                label=Signal::derive(move || ft(ctx).remove_step.to_string())
                aria_label=Signal::derive(move || fill(ft(ctx).remove_step_label, &[("title", &title.get())]))
                question=Signal::derive(move || fill(ft(ctx).confirm_remove_step, &[("title", &title.get())]))
                yes=Signal::derive(move || ft(ctx).confirm_yes_remove.to_string())
                keep=Signal::derive(move || ft(ctx).confirm_keep.to_string())
                on_yes=remove
            />
        </div>
    }
}
