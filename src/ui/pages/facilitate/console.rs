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

use super::present::{Kbd, Ui};
use super::present_help::does;
use super::{focus_later, ft, instant, library, local, shown_prompt, step_title, update_session};
use crate::domain::content::{RoleKind, Scenario};
use crate::domain::session::date::LocalDateTime;
use crate::domain::session::keys::{self, Action, KEYS};
use crate::domain::session::pace::{self, Pace};
use crate::domain::session::rooms::{self, Person, Rooms, Wish};
use crate::domain::session::timer::clock;
use crate::domain::session::StepKind;
use crate::domain::share;
use crate::i18n::facilitate::Text;
use crate::i18n::fill;
use crate::store::now;
use crate::ui::widgets::share_link::ShareLink;
use crate::ui::{fresh_id, href, labels, use_ctx};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

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

/// The rooms as the shared screen shows them: how many in each (and the
/// scenario), never who.
pub fn room_lines(t: &Text, rooms: &Rooms, scenario: Option<&str>) -> Vec<String> {
    let mut lines: Vec<String> = rooms
        .sizes()
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let n = (i + 1).to_string();
            let count = count.to_string();
            match scenario {
                Some(title) => fill(
                    t.room_line_scenario,
                    &[("n", &n), ("count", &count), ("title", title)],
                ),
                None => fill(t.room_line, &[("n", &n), ("count", &count)]),
            }
        })
        .collect();
    if !rooms.whole.is_empty() && !rooms.rooms.is_empty() {
        lines.push(fill(
            t.whole_line,
            &[("count", &rooms.whole.len().to_string())],
        ));
    }
    lines
}

/// When the session was planned to start: the plan's start in local time,
/// else when the session began.
fn planned_start(ui: Ui) -> (i64, bool) {
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

fn clock_time(ms: i64) -> String {
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
        let tag = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
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
                    <Pacing ui/>
                    <RoomsHelper ui/>
                    <CarryOver ui/>
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

/// Planned and real minutes per step, the projected end, and what to do
/// when it runs over. Each part follows the clock on its own, so a focused
/// button is never drawn again under the keyboard.
#[component]
fn Pacing(ui: Ui) -> impl IntoView {
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

/// The breakout helper for the step on screen.
#[component]
fn RoomsHelper(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let step = Memo::new(move |_| {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        s.current(&p).cloned()
    });
    let scenario = Memo::new(move |_| -> Option<Scenario> {
        let st = step.get()?;
        if st.kind != StepKind::RolePlay {
            return None;
        }
        library(ctx)?.scenario(st.scenario.as_deref()?).cloned()
    });
    let saved = Memo::new(move |_| {
        let st = step.get()?;
        ui.session.get()?.rooms.filter(|r| r.step == st.id)
    });
    let people = RwSignal::new(
        saved
            .get_untracked()
            .map(|r| r.people)
            .unwrap_or_else(|| vec![Person::default(); 8]),
    );
    let size = RwSignal::new(
        saved
            .get_untracked()
            .map(|r| r.rooms.iter().map(Vec::len).max().unwrap_or(3))
            .unwrap_or(3),
    );
    let by_wish = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let set_count = move |n: usize| {
        people.update(|p| p.resize(n.clamp(1, rooms::MAX_PEOPLE), Person::default()));
    };
    let make = move |_| {
        let Some(st) = step.get_untracked() else {
            return;
        };
        let seed = (crate::ui::random() * u64::MAX as f64) as u64;
        let made = Rooms::assign(
            st.id.clone(),
            people.get_untracked(),
            size.get_untracked(),
            by_wish.get_untracked(),
            seed,
        );
        let t = ft(ctx);
        message.set(Some(if made.rooms.is_empty() {
            t.rooms_none.to_string()
        } else {
            fill(t.rooms_made, &[("n", &made.rooms.len().to_string())])
        }));
        update_session(ctx, &ui.id.get_value(), move |s, _| s.rooms = Some(made));
    };
    let open = move || {
        step.with(|s| {
            s.as_ref()
                .is_some_and(|s| matches!(s.kind, StepKind::RolePlay | StepKind::SmallGroups))
        })
    };
    view! {
        <details class="console-rooms" prop:open=open>
            <summary><h2>{move || ft(ctx).rooms_heading}</h2></summary>
            <p class="hint">{move || ft(ctx).rooms_intro}</p>
            <div class="row">
                <label>
                    {move || ft(ctx).rooms_people}
                    <input
                        id="rooms-people"
                        type="number"
                        min="1"
                        max=rooms::MAX_PEOPLE.to_string()
                        prop:value=move || people.with(Vec::len).to_string()
                        on:change=move |e| {
                            if let Ok(n) = event_target_value(&e).trim().parse::<usize>() {
                                set_count(n);
                            }
                        }
                    />
                </label>
                <label>
                    {move || ft(ctx).rooms_size}
                    <select id="rooms-size" on:change=move |e| {
                        if let Ok(n) = event_target_value(&e).parse::<usize>() {
                            size.set(n);
                        }
                    }>
                        {rooms::SIZES
                            .map(|n| view! { <option value=n.to_string() selected=move || size.get() == n>{n}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <fieldset class="choice">
                <legend>{move || ft(ctx).rooms_way}</legend>
                <label>
                    <input type="radio" name="rooms-way" prop:checked=move || !by_wish.get() on:change=move |_| by_wish.set(false)/>
                    <span>{move || ft(ctx).rooms_random}</span>
                </label>
                <label>
                    <input type="radio" name="rooms-way" prop:checked=move || by_wish.get() on:change=move |_| by_wish.set(true)/>
                    <span>{move || ft(ctx).rooms_by_wish}</span>
                </label>
            </fieldset>
            <details class="console-people">
                <summary>{move || ft(ctx).rooms_names}</summary>
                <ol>
                    {move || {
                        (0..people.with(Vec::len))
                            .map(|i| view! { <PersonRow people i/> })
                            .collect_view()
                    }}
                </ol>
            </details>
            <p>
                <button type="button" class="primary" on:click=make>
                    {move || if saved.with(Option::is_some) { ft(ctx).rooms_remake } else { ft(ctx).rooms_make }}
                </button>
            </p>
            <p class="status" role="status">{move || message.get()}</p>
            <Show when=move || saved.with(Option::is_some)>
                <RoomList ui saved scenario/>
            </Show>
        </details>
    }
}

#[component]
fn PersonRow(people: RwSignal<Vec<Person>>, i: usize) -> impl IntoView {
    let ctx = use_ctx();
    let n = (i + 1).to_string();
    let wish = move || people.with(|p| p.get(i).map(|p| p.wish).unwrap_or_default());
    let wish_key = |w: Wish| match w {
        Wish::Either => "either",
        Wish::Small => "small",
        Wish::Whole => "whole",
    };
    let n2 = n.clone();
    view! {
        <li class="row">
            <input
                type="text"
                autocomplete="off"
                maxlength="40"
                aria-label=move || fill(ft(ctx).person_name, &[("n", &n)])
                prop:value=move || people.with(|p| p.get(i).map(|p| p.name.clone()).unwrap_or_default())
                on:input=move |e| {
                    let v = event_target_value(&e);
                    people.update(|p| if let Some(p) = p.get_mut(i) { p.name = v });
                }
            />
            <select
                aria-label=move || fill(ft(ctx).person_wish, &[("n", &n2)])
                on:change=move |e| {
                    let w = match event_target_value(&e).as_str() {
                        "small" => Wish::Small,
                        "whole" => Wish::Whole,
                        _ => Wish::Either,
                    };
                    people.update(|p| if let Some(p) = p.get_mut(i) { p.wish = w });
                }
            >
                {[(Wish::Either, 0), (Wish::Small, 1), (Wish::Whole, 2)]
                    .into_iter()
                    .map(|(w, _)| {
                        let label = move || {
                            let t = ft(ctx);
                            match w {
                                Wish::Either => t.wish_either,
                                Wish::Small => t.wish_small,
                                Wish::Whole => t.wish_whole,
                            }
                        };
                        view! { <option value=wish_key(w) selected=move || wish() == w>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </li>
    }
}

/// The rooms made: who is where (here only), the parts in a role play, the
/// role cards, and whether the shared screen shows the rooms.
#[component]
fn RoomList(ui: Ui, saved: Memo<Option<Rooms>>, scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let ctx = ui.ctx;
    let has_third = move || {
        scenario.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.role(RoleKind::Third).is_some())
        })
    };
    let lines = move || {
        let t = ft(ctx);
        let lang = ctx.lang.get();
        let Some(rooms) = saved.get() else {
            return Vec::new();
        };
        let role_play = scenario.with(Option::is_some);
        let mut lines: Vec<(String, String)> = rooms
            .rooms
            .iter()
            .enumerate()
            .map(|(i, members)| {
                let parts = rooms::parts_in_room(members.len(), has_third(), rooms.round);
                let who = members
                    .iter()
                    .zip(parts)
                    .map(|(&m, part)| {
                        let name = rooms.label(m, t.person_number);
                        if role_play {
                            fill(
                                t.person_role,
                                &[("name", &name), ("role", labels::role(part, lang))],
                            )
                        } else {
                            name
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(t.list_sep);
                (fill(t.room_n, &[("n", &(i + 1).to_string())]), who)
            })
            .collect();
        if !rooms.whole.is_empty() {
            let names = rooms
                .whole
                .iter()
                .map(|&m| rooms.label(m, t.person_number))
                .collect::<Vec<_>>()
                .join(t.list_sep);
            lines.push((t.wish_whole.to_string(), names));
        }
        lines
    };
    let toggle_shown = move |e: ev::Event| {
        let on = event_target_checked(&e);
        update_session(ctx, &ui.id.get_value(), move |s, _| {
            if let Some(r) = s.rooms.as_mut() {
                r.shown = on;
            }
        });
    };
    let swap = move |_| {
        update_session(ctx, &ui.id.get_value(), |s, _| {
            if let Some(r) = s.rooms.as_mut() {
                r.round += 1;
            }
        });
    };
    let round = move || saved.with(|r| r.as_ref().map_or(0, |r| r.round)) + 1;
    let any_room = move || saved.with(|r| r.as_ref().is_some_and(|r| !r.rooms.is_empty()));
    let cards = move || {
        let sc = scenario.get()?;
        let lang = ctx.lang.get();
        let mut kinds = vec![RoleKind::Supporter, RoleKind::Person];
        if sc.role(RoleKind::Third).is_some() {
            kinds.push(RoleKind::Third);
        }
        kinds.push(RoleKind::Observer);
        let links = kinds
            .into_iter()
            .map(|k| {
                let code = share::encode(&share::card(&sc, k, lang));
                let title = labels::role(k, lang).to_string();
                view! {
                    <div class="card-link" data-role=k.key()>
                        <h4>{title.clone()}</h4>
                        <ShareLink path="/card" code=code title=title/>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <p>
                {move || fill(ft(ctx).rooms_round, &[("n", &round().to_string())])} " "
                <button type="button" on:click=swap>{move || ft(ctx).rooms_swap}</button>
            </p>
            <details class="console-cards">
                <summary><h3>{move || ft(ctx).rooms_cards}</h3></summary>
                {links}
            </details>
        })
    };
    view! {
        <ul class="console-room-list">
            {move || {
                lines()
                    .into_iter()
                    .map(|(room, who)| view! { <li><strong>{room}</strong>{ft(ctx).rl_colon}{who}</li> })
                    .collect_view()
            }}
        </ul>
        <Show when=any_room>
            <label class="check">
                <input
                    type="checkbox"
                    id="rooms-shown"
                    prop:checked=move || saved.with(|r| r.as_ref().is_some_and(|r| r.shown))
                    on:change=toggle_shown
                />
                <span>{move || ft(ctx).rooms_show}</span>
            </label>
        </Show>
        {cards}
    }
}

/// Next time's plan, from what this session did not get to.
#[component]
fn CarryOver(ui: Ui) -> impl IntoView {
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
            &[("name", &super::name_or_untitled(t, &plan.name))],
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
