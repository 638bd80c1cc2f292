//! /facilitate/console/:id: the facilitator's console, a private second
//! window beside the shared screen. It drives the shared screen (the step, the
//! timer, another prompt, a blank screen, the harvest), shows what only the
//! facilitator should see (the step's notes, the next step, the pacing, the
//! names in the breakout rooms), and makes next time's plan from what the
//! session did not get to.
//!
//! Both windows show the same session record, which the store keeps in step;
//! the console says it is open through `stage_link`, and the shared screen
//! then shows no control at all. Closing either leaves the other working.

mod breakout;
mod carry;
mod pacing;

pub use breakout::room_lines;

use super::present::{Kbd, Ui};
use super::present_help::does;
use super::{focus_later, ft, instant, library, local, shown_prompt, step_title, update_session};
use crate::domain::session::date::LocalDateTime;
use crate::domain::session::keys::{self, Action, KEYS};
use crate::domain::session::timer::clock;
use crate::i18n::fill;
use crate::ui::{href, use_ctx};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let ctx = use_ctx();
    let id = super::route_id();
    let exists = super::session_exists(ctx, id);
    view! {
        <section class="facilitate console" aria-labelledby="console-title">
            <Show
                when=exists
                fallback=move || {
                    view! {
                        <h1 id="console-title">{move || ft(ctx).console_title}</h1>
                        <p class="notice" role="alert">{move || ft(ctx).session_not_found}</p>
                        <p><A href=href("/facilitate")>{move || ft(ctx).back_to_list}</A></p>
                    }
                }
            >
                {move || view! { <Console id=id.get()/> }}
            </Show>
        </section>
    }
}

/// When the session was planned to start: the plan's start in local time,
/// else when the session began.
pub(super) fn planned_start(ui: Ui) -> (i64, bool) {
    let planned = ui
        .plan
        .with(|p| p.as_ref().and_then(|p| LocalDateTime::parse(&p.starts)));
    match planned {
        Some(dt) => (instant(dt), true),
        None => (
            ui.session.with(|s| s.as_ref().map_or(0, |s| s.started)),
            false,
        ),
    }
}

pub(super) fn clock_time(ms: i64) -> String {
    local(ms).format("{hh}:{mm}", "", "")
}

#[component]
fn Console(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let ui = Ui::new(ctx, id.clone());
    ui.tick();
    super::stage_link::announce(id);
    let harvest_input = "console-harvest-input";

    let on_key = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
            return;
        }
        let tag = super::present::target_tag(&e);
        if matches!(tag.as_str(), "input" | "textarea" | "select") {
            return;
        }
        let on_button = matches!(tag.as_str(), "button" | "a" | "summary");
        let Some(action) = keys::action_of(&e.key(), on_button) else {
            return;
        };
        match action {
            Action::Next => ui.next(),
            Action::Back => ui.back(),
            Action::Timer => ui.toggle_timer(),
            Action::Reset => ui.reset(),
            Action::Plus => ui.plus(),
            Action::Minus => ui.minus(),
            Action::Another => ui.another(),
            Action::Harvest => focus_later(harvest_input.into()),
            Action::Blank => ui.set_blank(!untrack(|| ui.blanked())),
            // The shared screen's own: full screen, its key list, leaving it.
            Action::Fullscreen | Action::Help | Action::Leave => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || on_key.remove());

    let name = move || {
        ui.session
            .with(|s| s.as_ref().map(|s| s.title.clone()))
            .unwrap_or_default()
    };
    view! {
        <h1 id="console-title">{move || fill(ft(ctx).console_of, &[("name", &super::name_or_untitled(ft(ctx), &name()))])}</h1>
        <p class="console-intro">{move || ft(ctx).console_intro}</p>
        <p>
            <a
                class="button"
                href=move || href(&format!("/facilitate/present/{}", ui.id.get_value()))
                target=move || format!("taiwa-stage-{}", ui.id.get_value())
            >
                {move || ft(ctx).open_stage}
            </a>
        </p>
        <Show
            when=move || ui.plan.with(Option::is_some)
            fallback=move || view! { <p class="notice" role="alert">{move || ft(ctx).plan_gone}</p> }
        >
            <div class="console-grid">
                <div class="console-main">
                    <StepNow ui/>
                    <Drive ui/>
                    <Notes ui/>
                    <ConsoleHarvest ui input_id=harvest_input/>
                </div>
                <div class="console-side">
                    <pacing::Pacing ui/>
                    <breakout::RoomsHelper ui/>
                    <carry::CarryOver ui/>
                </div>
            </div>
        </Show>
    }
}

/// The step on the shared screen, and the one after it.
#[component]
fn StepNow(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let current = move || {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        let step = s.current(&p)?.clone();
        let lib = library(ctx);
        let prompt = shown_prompt(lib.as_deref(), &s, &step, ctx.lang.get()).0;
        let n = fill(
            ft(ctx).step_of,
            &[
                ("n", &(s.index(&p) + 1).to_string()),
                ("total", &p.steps.len().to_string()),
            ],
        );
        Some((n, step_title(ft(ctx), &step), prompt))
    };
    let next = move || {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        let mut probe = s.clone();
        probe
            .next(&p, 0)
            .then(|| probe.current(&p).map(|st| step_title(ft(ctx), st)))
            .flatten()
    };
    view! {
        <section class="console-now" aria-labelledby="console-now-h">
            <h2 id="console-now-h">{move || ft(ctx).now_heading}</h2>
            {move || {
                current()
                    .map(|(n, title, prompt)| {
                        view! {
                            <p class="console-progress">{n}</p>
                            <p class="console-step" id="console-step">{title}</p>
                            <p class="console-prompt">{prompt}</p>
                        }
                    })
            }}
            <h3>{move || ft(ctx).next_heading}</h3>
            <p class="console-next">{move || next().unwrap_or_else(|| ft(ctx).no_next.to_string())}</p>
        </section>
    }
}

/// The buttons that drive the shared screen, each with its key.
#[component]
fn Drive(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let remaining = move || {
        ui.session
            .get()
            .map(|s| s.timer.remaining(ui.now.get()))
            .unwrap_or_default()
    };
    let running = move || ui.session.get().is_some_and(|s| s.timer.running());
    let shortcut = |a: Action| keys::binding(a).shortcut;
    let key_list = move || {
        let t = ft(ctx);
        let list: Vec<String> = KEYS
            .iter()
            .filter(|b| !matches!(b.action, Action::Fullscreen | Action::Help | Action::Leave))
            .map(|b| {
                let printed: Vec<&str> = b
                    .printed
                    .iter()
                    .map(|p| super::present::printed(*p, t))
                    .collect();
                format!("{} {}", printed.join("/"), does(b.action, t))
            })
            .collect();
        fill(t.console_keys, &[("keys", &list.join("・"))])
    };
    view! {
        <section class="console-drive" aria-label=move || ft(ctx).controls>
            <div class="console-timer" class:over=move || remaining() <= -1000 role="timer" aria-label=move || ft(ctx).time_left>
                <span class="timer-clock" id="console-clock">{move || clock(remaining())}</span>
                <Show when=move || !running()>
                    <span class="muted">{move || ft(ctx).timer_paused}</span>
                </Show>
            </div>
            <div class="actions">
                <button type="button" aria-keyshortcuts=shortcut(Action::Back) on:click=move |_| ui.back()>
                    {move || ft(ctx).ctl_back}
                </button>
                <button type="button" class="primary" aria-keyshortcuts=shortcut(Action::Next) on:click=move |_| ui.next()>
                    {move || ft(ctx).ctl_next}
                </button>
                <button type="button" aria-keyshortcuts=shortcut(Action::Timer) on:click=move |_| ui.toggle_timer()>
                    {move || if running() { ft(ctx).ctl_pause } else { ft(ctx).ctl_start }}
                    <Kbd action=Action::Timer/>
                </button>
                <button type="button" aria-keyshortcuts=shortcut(Action::Reset) on:click=move |_| ui.reset()>
                    {move || ft(ctx).ctl_reset}
                </button>
                <button type="button" aria-keyshortcuts=shortcut(Action::Minus) on:click=move |_| ui.minus()>
                    {move || ft(ctx).ctl_minus}
                </button>
                <button type="button" aria-keyshortcuts=shortcut(Action::Plus) on:click=move |_| ui.plus()>
                    {move || ft(ctx).ctl_plus}
                </button>
                <Show when=move || ui.draws()>
                    <button type="button" aria-keyshortcuts=shortcut(Action::Another) on:click=move |_| ui.another()>
                        {move || ft(ctx).ctl_another}
                    </button>
                </Show>
                <button
                    type="button"
                    aria-keyshortcuts=shortcut(Action::Blank)
                    aria-pressed=move || ui.blanked().to_string()
                    on:click=move |_| ui.set_blank(!ui.blanked())
                >
                    {move || ft(ctx).blank_stage}
                    <Kbd action=Action::Blank/>
                </button>
            </div>
            <Show when=move || ui.blanked()>
                <p class="status" role="status">{move || ft(ctx).stage_blanked}</p>
            </Show>
            <p class="hint">{key_list}</p>
        </section>
    }
}

/// The step's notes: here only.
#[component]
fn Notes(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let notes = move || {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        Some(s.current(&p)?.notes.clone()).filter(|n| !n.trim().is_empty())
    };
    let plan_href = move || {
        href(&format!(
            "/facilitate/plan/{}",
            ui.plan
                .with(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default())
        ))
    };
    view! {
        <section class="console-notes" aria-labelledby="console-notes-h">
            <h2 id="console-notes-h">{move || ft(ctx).notes_heading}</h2>
            {move || match notes() {
                Some(n) => view! { <p class="console-notes-text">{n}</p> }.into_any(),
                None => view! {
                    <p class="muted">
                        {move || ft(ctx).no_notes} " "
                        <a href=plan_href target="_blank">{move || ft(ctx).edit_plan}</a>
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The harvest, typed here and shown on the shared screen.
#[component]
fn ConsoleHarvest(ui: Ui, input_id: &'static str) -> impl IntoView {
    let ctx = ui.ctx;
    let text = RwSignal::new(String::new());
    let lines = move || {
        let (Some(s), Some(p)) = (ui.session.get(), ui.plan.get()) else {
            return Vec::new();
        };
        s.current(&p)
            .map(|st| s.harvest_of(&st.id))
            .unwrap_or_default()
    };
    let add = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let line = text.get_untracked();
        let mut added = false;
        update_session(ctx, &ui.id.get_value(), |s, p| {
            if let Some(step) = s.current(p).cloned() {
                added = s.add_harvest(&step, &line);
            }
        });
        if added {
            text.set(String::new());
        }
    };
    let undo = move |_| {
        update_session(ctx, &ui.id.get_value(), |s, p| {
            if let Some(step) = s.current(p).cloned() {
                s.remove_last_harvest(&step.id);
            }
        });
    };
    view! {
        <section class="console-harvest" aria-labelledby="console-harvest-h">
            <h2 id="console-harvest-h">{move || ft(ctx).console_harvest_heading}</h2>
            <form on:submit=add>
                <label for=input_id>{move || ft(ctx).harvest_input}</label>
                <div class="row">
                    <input
                        id=input_id
                        type="text"
                        autocomplete="off"
                        maxlength="140"
                        aria-describedby="console-harvest-hint"
                        prop:value=move || text.get()
                        on:input=move |e| text.set(event_target_value(&e))
                    />
                    <button type="submit" class="primary">{move || ft(ctx).harvest_add}</button>
                    <button type="button" on:click=undo>{move || ft(ctx).harvest_undo}</button>
                </div>
                <p id="console-harvest-hint" class="hint">{move || ft(ctx).harvest_hint}</p>
            </form>
            <ul class="console-harvest-lines">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
