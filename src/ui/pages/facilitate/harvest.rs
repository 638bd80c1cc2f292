//! The harvest: a line at the foot of the shared screen where the facilitator
//! types the short phrases people say. What is typed shows on the shared screen
//! as it is, so people can see their words being kept, and correct them.

use super::present::Ui;
use super::{ft, update_session};
use leptos::prelude::*;

#[component]
pub fn HarvestDrawer(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let text = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if ui.drawer.get() {
            if let Some(el) = input.get() {
                let _ = el.focus();
            }
        }
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let line = text.get_untracked();
        let id = ui.id.get_value();
        let mut added = false;
        update_session(ctx, &id, |s, p| {
            if let Some(step) = s.current(p).cloned() {
                added = s.add_harvest(&step, &line);
            }
        });
        if added {
            text.set(String::new());
        }
        if let Some(el) = input.get_untracked() {
            let _ = el.focus();
        }
    };
    let undo = move |_| {
        let id = ui.id.get_value();
        update_session(ctx, &id, |s, p| {
            if let Some(step) = s.current(p).cloned() {
                s.remove_last_harvest(&step.id);
            }
        });
    };
    view! {
        <Show when=move || ui.drawer.get()>
            <form id="present-harvest-form" class="present-drawer" on:submit=add>
                <label for="present-harvest-input">{move || ft(ctx).harvest_input}</label>
                <input
                    id="present-harvest-input"
                    type="text"
                    autocomplete="off"
                    maxlength="140"
                    aria-describedby="present-harvest-hint"
                    node_ref=input
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" class="primary">{move || ft(ctx).harvest_add}</button>
                <button type="button" on:click=undo>{move || ft(ctx).harvest_undo}</button>
                <button type="button" on:click=move |_| ui.toggle_drawer()>{move || ft(ctx).harvest_close}</button>
                <p id="present-harvest-hint" class="hint">{move || ft(ctx).harvest_hint}</p>
            </form>
        </Show>
    }
}
