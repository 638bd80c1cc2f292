//! /facilitate/present/:id: the presenter view, shared on Zoom.
//!
//! One step per screen in very large type, sized against the viewport so it
//! stays readable when Zoom shrinks the share to a thumbnail. It shows the
//! step, its timer, the "pass is fine" line on rounds and the words harvested
//! during the step, and nothing else: no header, no journal, no other plan.
//! The controls fade after three seconds without the mouse, and every action
//! has a key (see `present_help`).

use super::browser;
use super::harvest::HarvestDrawer;
use super::present_help::KeysHelp;
use super::{deck_of, ft, library, show_date, shown_prompt, step_title, update_session};
use crate::domain::session::keys::{self, Action, Printed};
use crate::domain::session::timer::{clock, crossed_zero};
use crate::domain::session::{Session, SessionPlan, StepKind};
use crate::i18n::fill;
use crate::store::now;
use crate::ui::{href, use_ctx, Ctx};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::time::Duration;
use wasm_bindgen::JsCast;

#[component]
pub fn PresentPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = super::route_id();
    let exists = super::session_exists(ctx, id);
    view! {
        <Show
            when=exists
            fallback=move || {
                view! {
                    <section class="present present-missing" aria-label=move || ft(ctx).shared_screen>
                        <p class="present-prompt" role="alert">{move || ft(ctx).session_not_found}</p>
                        <p>
                            <A href=href("/facilitate")>{move || ft(ctx).back_to_list}</A>
                        </p>
                    </section>
                }
            }
        >
            {move || view! { <Presenter id=id.get()/> }}
        </Show>
    }
}

/// What the presenter's buttons and keys act on. Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct Ui {
    pub ctx: Ctx,
    pub id: StoredValue<String>,
    /// The time, ticking while the page is open (drives the countdown).
    pub now: RwSignal<i64>,
    pub idle: RwSignal<bool>,
    pub help: RwSignal<bool>,
    pub drawer: RwSignal<bool>,
    pub message: RwSignal<Option<&'static str>>,
    pub session: Memo<Option<Session>>,
    pub plan: Memo<Option<SessionPlan>>,
}

impl Ui {
    /// The session `id` and its plan, as the store has them.
    pub fn new(ctx: Ctx, id: String) -> Ui {
        let sid = id.clone();
        let session = Memo::new(move |_| ctx.store.doc().with(|d| d.sessions.get(&sid).cloned()));
        let plan = Memo::new(move |_| {
            let plan_id = session.with(|s| s.as_ref().map(|s| s.plan.clone()))?;
            ctx.store.doc().with(|d| d.plans.get(&plan_id).cloned())
        });
        Ui {
            ctx,
            id: StoredValue::new(id),
            now: RwSignal::new(now()),
            idle: RwSignal::new(false),
            help: RwSignal::new(false),
            drawer: RwSignal::new(false),
            message: RwSignal::new(None),
            session,
            plan,
        }
    }

    /// Keeps `now` ticking while the view lives (drives the countdown).
    pub fn tick(&self) {
        let now_signal = self.now;
        if let Ok(tick) =
            set_interval_with_handle(move || now_signal.set(now()), Duration::from_millis(250))
        {
            on_cleanup(move || tick.clear());
        }
    }

    pub fn act(&self, change: impl FnOnce(&mut Session, &SessionPlan, i64)) {
        let id = self.id.get_value();
        update_session(self.ctx, &id, |s, p| change(s, p, now()));
        self.now.set(now());
    }
    pub fn next(&self) {
        self.act(|s, p, now| {
            s.next(p, now);
        });
    }
    pub fn back(&self) {
        self.act(|s, p, now| {
            s.back(p, now);
        });
    }
    pub fn toggle_timer(&self) {
        self.act(|s, _, now| s.timer.toggle(now));
    }
    pub fn reset(&self) {
        self.act(|s, _, _| s.timer.reset());
    }
    pub fn plus(&self) {
        self.act(|s, _, _| s.timer.add_minute());
    }
    pub fn minus(&self) {
        self.act(|s, _, _| s.timer.remove_minute());
    }
    /// Draws another prompt, on a step that draws from a deck.
    pub fn another(&self) {
        let Some(lib) = library(self.ctx) else {
            return;
        };
        self.act(|s, p, _| {
            if let Some(step) = s.current(p).cloned() {
                if let Some(deck) = deck_of(&lib, &step) {
                    s.draw_from(&step.id, deck, crate::ui::random());
                }
            }
        });
    }
    /// Whether the shared screen is blank (kept with the session, so the
    /// console can blank it and a reload keeps it so).
    pub fn blanked(&self) -> bool {
        self.session.with(|s| s.as_ref().is_some_and(|s| s.blank))
    }
    pub fn set_blank(&self, on: bool) {
        self.act(|s, _, _| s.blank = on);
    }
    pub fn toggle_chime(&self) {
        let on = !self.session.get_untracked().is_some_and(|s| s.chime);
        if on {
            browser::prepare_chime();
        }
        self.act(|s, _, _| s.chime = on);
    }
    pub fn fullscreen(&self) {
        let message = self.message;
        let t = crate::i18n::facilitate::tr(self.ctx.lang.get_untracked());
        // No full screen at all (iPhone), or this time refused (a setting, a frame).
        let sorry = if browser::can_fullscreen() {
            t.fullscreen_unavailable
        } else {
            t.fullscreen_unsupported
        };
        leptos::task::spawn_local(async move {
            if !browser::toggle_fullscreen().await {
                message.set(Some(sorry));
            }
        });
    }
    pub fn toggle_drawer(&self) {
        let open = !self.drawer.get_untracked();
        self.drawer.set(open);
        if !open {
            // Back to the screen itself, so the controls can fade again.
            super::focus_later("present".into());
        }
    }
    /// Whether the step on screen draws from a deck that is loaded.
    pub fn draws(&self) -> bool {
        let (Some(s), Some(p), Some(lib)) =
            (self.session.get(), self.plan.get(), library(self.ctx))
        else {
            return false;
        };
        s.current(&p)
            .is_some_and(|step| deck_of(&lib, step).is_some())
    }
}

/// The element a key event came from, if it takes typing or activation.
pub(super) fn target_tag(e: &web_sys::KeyboardEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default()
}

#[component]
fn Presenter(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let ui = Ui::new(ctx, id);
    let (session, plan) = (ui.session, ui.plan);

    // The countdown ticks; the stored timer holds only when it started.
    ui.tick();

    // A soft chime when the countdown crosses zero, only if turned on.
    let last = StoredValue::new(None::<i64>);
    Effect::new(move |_| {
        let t = ui.now.get();
        let Some(s) = session.get() else {
            return;
        };
        let remaining = s.timer.remaining(t);
        let before = last.get_value();
        last.set_value(Some(remaining));
        if s.chime && s.timer.running() && before.is_some_and(|b| crossed_zero(b, remaining)) {
            browser::chime();
        }
    });

    // A step that draws from a deck gets a prompt when it first shows.
    Effect::new(move |_| {
        let (Some(lib), Some(s), Some(p)) = (library(ctx), session.get(), plan.get()) else {
            return;
        };
        let Some(step) = s.current(&p) else {
            return;
        };
        if let Some(deck) = deck_of(&lib, step) {
            if s.drawn_prompt(&step.id, deck).is_none() {
                ui.act(|s, p, _| {
                    if let Some(step) = s.current(p).cloned() {
                        if let Some(deck) = deck_of(&lib, &step) {
                            s.draw_from(&step.id, deck, crate::ui::random());
                        }
                    }
                });
            }
        }
    });

    // The controls fade after three seconds without the pointer moving.
    let idle_timer = StoredValue::new(None::<TimeoutHandle>);
    let wake = move || {
        ui.idle.set(false);
        if let Some(h) = idle_timer.get_value() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || ui.idle.set(true), Duration::from_secs(3)).ok();
        idle_timer.set_value(handle);
    };
    wake();
    let on_move = window_event_listener_untyped("mousemove", move |_| wake());
    let on_touch = window_event_listener_untyped("pointerdown", move |_| wake());

    let leave_to = StoredValue::new_local(navigate);
    let leave = move || {
        browser::exit_fullscreen();
        let target = match plan.get_untracked() {
            Some(p) => href(&format!("/facilitate/plan/{}", p.id)),
            None => href("/facilitate"),
        };
        leave_to.with_value(|nav| nav(&target, Default::default()));
    };
    let report = move || {
        browser::exit_fullscreen();
        let target = href(&format!("/facilitate/report/{}", ui.id.get_value()));
        leave_to.with_value(|nav| nav(&target, Default::default()));
    };

    let console = super::stage_link::console_open(ui.id.get_value());

    let on_key = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
            return;
        }
        let key = e.key();
        if ui.message.get_untracked().is_some() {
            ui.message.set(None);
        }
        // A blank screen comes back with any key.
        if untrack(|| ui.blanked()) {
            ui.set_blank(false);
            e.prevent_default();
            return;
        }
        if ui.help.get_untracked() {
            if key != "Tab" && key != "Shift" {
                ui.help.set(false);
                e.prevent_default();
            }
            return;
        }
        let tag = target_tag(&e);
        if matches!(tag.as_str(), "input" | "textarea" | "select") {
            // Typing in the harvest: only Escape is ours.
            if key == "Escape" && ui.drawer.get_untracked() {
                ui.toggle_drawer();
                e.prevent_default();
            }
            return;
        }
        let on_button = matches!(tag.as_str(), "button" | "a");
        let Some(action) = keys::action_of(&key, on_button) else {
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
            Action::Harvest => ui.toggle_drawer(),
            Action::Blank => ui.set_blank(true),
            Action::Fullscreen => ui.fullscreen(),
            Action::Help => ui.help.set(true),
            Action::Leave if ui.drawer.get_untracked() => ui.toggle_drawer(),
            Action::Leave => leave(),
        }
        e.prevent_default();
    });
    on_cleanup(move || {
        on_key.remove();
        on_move.remove();
        on_touch.remove();
        if let Some(h) = idle_timer.get_value() {
            h.clear();
        }
    });

    view! {
        <section
            id="present"
            class="present"
            tabindex="-1"
            class:idle=move || ui.idle.get()
            aria-label=move || ft(ctx).shared_screen
        >
            <Show
                when=move || plan.with(Option::is_some)
                fallback=move || {
                    view! {
                        <div class="present-stage">
                            <div class="present-layout">
                                <p class="present-prompt long" role="alert">{move || ft(ctx).plan_gone}</p>
                            </div>
                        </div>
                    }
                }
            >
                <Stage ui/>
            </Show>
            // While the console is open, the shared screen shows no control
            // at all: the keys still work here.
            <Show when=move || !console.get()>
                <Controls ui leave report/>
                <HarvestDrawer ui/>
            </Show>
            <Show when=move || ui.help.get()>
                <KeysHelp ui/>
            </Show>
            <Show when=move || ui.message.get().is_some()>
                <p class="present-message" role="status">{move || ui.message.get().unwrap_or_default()}</p>
            </Show>
            <Show when=move || ui.blanked()>
                <div class="present-blank" on:click=move |_| ui.set_blank(false)>
                    <p class="visually-hidden" role="status">{move || ft(ctx).blank_note}</p>
                </div>
            </Show>
        </section>
    }
}

/// The step on screen: title, prompt, harvest, pass line, timer.
#[component]
fn Stage(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let step = move || {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        s.current(&p).cloned()
    };
    let progress = move || {
        let (Some(s), Some(p)) = (ui.session.get(), ui.plan.get()) else {
            return String::new();
        };
        fill(
            ft(ctx).step_of,
            &[
                ("n", &(s.index(&p) + 1).to_string()),
                ("total", &p.steps.len().to_string()),
            ],
        )
    };
    let title = move || step().map(|s| step_title(ft(ctx), &s)).unwrap_or_default();
    let prompt = Memo::new(move |_| {
        let (Some(s), Some(st)) = (ui.session.get(), step()) else {
            return (String::new(), None);
        };
        let lib = library(ctx);
        shown_prompt(lib.as_deref(), &s, &st, ctx.lang.get())
    });
    let prompt_class = move || {
        let n = prompt.with(|(p, _)| p.chars().count());
        let long = ctx.lang.get().length_factor() * 40;
        if n > long * 2 {
            "present-prompt longer"
        } else if n > long {
            "present-prompt long"
        } else {
            "present-prompt"
        }
    };
    let scenario = move || {
        let st = step()?;
        if st.kind != StepKind::RolePlay {
            return None;
        }
        let lib = library(ctx)?;
        let sc = lib.scenario(st.scenario.as_deref()?)?;
        let lang = ctx.lang.get();
        let title = fill(ft(ctx).scenario_line, &[("title", sc.title.get(lang))]);
        // A heavy scenario's content note is shown before anyone starts.
        let note = sc.content_note.as_ref().map(|n| n.get(lang).to_string());
        Some((title, note))
    };
    let next_line = move || {
        let st = step()?;
        let p = ui.plan.get()?;
        if st.kind != StepKind::Close || p.next.trim().is_empty() {
            return None;
        }
        let t = ft(ctx);
        Some(fill(t.next_line, &[("date", &show_date(t, &p.next))]))
    };
    let harvest = move || {
        let (Some(s), Some(st)) = (ui.session.get(), step()) else {
            return Vec::new();
        };
        s.harvest_of(&st.id)
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    let has_harvest = move || !harvest().is_empty();
    let round = move || step().is_some_and(|s| s.kind.is_round());
    let remaining = move || {
        ui.session
            .get()
            .map(|s| s.timer.remaining(ui.now.get()))
            .unwrap_or_default()
    };
    let running = move || ui.session.get().is_some_and(|s| s.timer.running());
    let over = move || remaining() <= -1000;
    view! {
        <div class="present-stage">
            <div class="present-layout" class:with-harvest=has_harvest>
            <p class="present-progress">{progress}</p>
            <div class="present-main">
                <h1 class="present-title">{title}</h1>
                {move || {
                    scenario()
                        .map(|(title, note)| {
                            view! {
                                <p class="present-scenario">{title}</p>
                                {note.map(|n| view! { <p class="present-note">{n}</p> })}
                            }
                        })
                }}
                <p class=prompt_class>{move || prompt.with(|(p, _)| p.clone())}</p>
                {move || {
                    prompt
                        .with(|(_, short)| short.clone())
                        .map(|short| {
                            view! {
                                <p class="present-short">
                                    {move || fill(ft(ctx).short_line, &[("short", &short)])}
                                </p>
                            }
                        })
                }}
                {move || next_line().map(|n| view! { <p class="present-next">{n}</p> })}
                <StageRooms ui/>
            </div>
            <Show when=has_harvest>
                <div class="present-harvest">
                    <h2 class="visually-hidden">{move || ft(ctx).harvest_heading}</h2>
                    <ul class:many=move || { harvest().len() > 8 }>
                        <For
                            each=harvest
                            key=|(i, text)| (*i, text.clone())
                            children=|(_, text)| view! { <li>{text}</li> }
                        />
                    </ul>
                </div>
            </Show>
            <div class="present-foot">
                <Show when=round fallback=|| view! { <span></span> }>
                    <p class="present-pass">{move || ft(ctx).pass_ok}</p>
                </Show>
                <div
                    class="present-timer"
                    class:over=over
                    class:paused=move || !running()
                    role="timer"
                    aria-label=move || ft(ctx).time_left
                >
                    <Show when=over>
                        <span class="timer-over">{move || ft(ctx).over_time}</span>
                    </Show>
                    <span class="timer-clock">{move || clock(remaining())}</span>
                    <Show when=move || !running()>
                        <span class="visually-hidden">{move || ft(ctx).timer_paused}</span>
                    </Show>
                </div>
            </div>
            </div>
        </div>
    }
}

/// The breakout rooms, when the console shows them: how many in each, and
/// the scenario; never who.
#[component]
fn StageRooms(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let lines = move || {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        let step = s.current(&p)?;
        let rooms = s.rooms.as_ref().filter(|r| r.shown && r.step == step.id)?;
        let scenario = step
            .scenario
            .as_deref()
            .filter(|_| step.kind == StepKind::RolePlay)
            .and_then(|id| {
                library(ctx)?
                    .scenario(id)
                    .map(|sc| sc.title.get(ctx.lang.get()).to_string())
            });
        Some(super::console::room_lines(
            ft(ctx),
            rooms,
            scenario.as_deref(),
        ))
    };
    move || {
        lines().map(|lines| {
            view! {
                <div class="present-rooms">
                    <h2 class="visually-hidden">{move || ft(ctx).rooms_stage_heading}</h2>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// A key's `aria-keyshortcuts`, from the one table.
fn shortcut(action: Action) -> &'static str {
    keys::binding(action).shortcut
}

/// A key as printed on its button, from the one table.
#[component]
pub fn Kbd(action: Action) -> impl IntoView {
    let ctx = crate::ui::use_ctx();
    keys::binding(action)
        .printed
        .iter()
        .map(|p| {
            let p = *p;
            view! { <kbd>{move || printed(p, ft(ctx))}</kbd> }
        })
        .collect_view()
}

/// How a key is printed, in the user's language.
pub fn printed(p: Printed, t: &crate::i18n::facilitate::Text) -> &'static str {
    match p {
        Printed::Key(k) => k,
        Printed::Space => t.key_space,
    }
}

/// The presenter's buttons: one for every key.
#[component]
fn Controls(
    ui: Ui,
    leave: impl Fn() + Clone + 'static,
    report: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let ctx = ui.ctx;
    let running = move || ui.session.get().is_some_and(|s| s.timer.running());
    let chime = move || ui.session.get().is_some_and(|s| s.chime);
    let fullscreen = move |_| ui.fullscreen();
    view! {
        <nav class="present-controls" aria-label=move || ft(ctx).controls>
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
                <Kbd action=Action::Reset/>
            </button>
            <button
                type="button"
                aria-keyshortcuts=shortcut(Action::Minus)
                on:click=move |_| ui.minus()
            >
                {move || ft(ctx).ctl_minus}
            </button>
            <button
                type="button"
                aria-keyshortcuts=shortcut(Action::Plus)
                on:click=move |_| ui.plus()
            >
                {move || ft(ctx).ctl_plus}
            </button>
            <Show when=move || ui.draws()>
                <button type="button" aria-keyshortcuts=shortcut(Action::Another) on:click=move |_| ui.another()>
                    {move || ft(ctx).ctl_another}
                    <Kbd action=Action::Another/>
                </button>
            </Show>
            <button
                type="button"
                id="present-harvest-toggle"
                aria-keyshortcuts=shortcut(Action::Harvest)
                aria-expanded=move || ui.drawer.get().to_string()
                aria-controls="present-harvest-form"
                on:click=move |_| ui.toggle_drawer()
            >
                {move || ft(ctx).ctl_harvest}
                <Kbd action=Action::Harvest/>
            </button>
            <button type="button" aria-keyshortcuts=shortcut(Action::Blank) on:click=move |_| ui.set_blank(true)>
                {move || ft(ctx).ctl_blank}
                <Kbd action=Action::Blank/>
            </button>
            <button type="button" aria-keyshortcuts=shortcut(Action::Fullscreen) on:click=fullscreen>
                {move || ft(ctx).ctl_fullscreen}
                <Kbd action=Action::Fullscreen/>
            </button>
            <button
                type="button"
                aria-pressed=move || chime().to_string()
                on:click=move |_| ui.toggle_chime()
            >
                {move || ft(ctx).ctl_chime}
            </button>
            <button type="button" aria-keyshortcuts=shortcut(Action::Help) on:click=move |_| ui.help.set(true)>
                {move || ft(ctx).ctl_keys}
                <Kbd action=Action::Help/>
            </button>
            <a
                class="button"
                href=move || href(&format!("/facilitate/console/{}", ui.id.get_value()))
                target=move || format!("taiwa-console-{}", ui.id.get_value())
            >
                {move || ft(ctx).open_console}
            </a>
            <button type="button" on:click=move |_| report()>
                {move || ft(ctx).write_report}
            </button>
            <button type="button" aria-keyshortcuts=shortcut(Action::Leave) on:click=move |_| leave()>
                {move || ft(ctx).ctl_leave}
                <Kbd action=Action::Leave/>
            </button>
        </nav>
    }
}
