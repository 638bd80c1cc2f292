//! Facilitation: session plans (`list`, `plan`), the presenter view shared on
//! Zoom (`present`), and the report afterwards (`report`). The rules (timer,
//! plan operations, report text) live in `domain::session`; these pages draw
//! and call them.

pub mod browser;
pub mod confirm;
pub mod console;
pub mod harvest;
pub mod list;
pub mod plan;
pub mod present;
pub mod present_help;
pub mod report;
pub mod stage_link;
pub mod step_row;

use crate::domain::content::{Deck, Library};
use crate::domain::session::date::LocalDateTime;
use crate::domain::session::{PlanStep, ReportLabels, Session, SessionPlan, StepKind};
use crate::domain::Lang;
use crate::i18n::facilitate::{tr, Text};
use crate::library::Loaded;
use crate::ui::{fresh_id, Ctx};
use leptos::prelude::*;
use std::sync::Arc;

/// The Facilitation table in the current language (tracks the language).
pub fn ft(ctx: Ctx) -> &'static Text {
    tr(ctx.lang.get())
}

/// The built-in library if it is loaded (starts loading it if not).
pub fn library(ctx: Ctx) -> Option<Arc<Library>> {
    match ctx.content.get(ctx.lang.get()) {
        Loaded::Ready(lib) => Some(lib),
        _ => None,
    }
}

/// Whether loading the library is over (loaded, or failed).
pub fn library_settled(ctx: Ctx) -> bool {
    !matches!(ctx.content.get(ctx.lang.get()), Loaded::Loading)
}

pub fn kind_label(t: &Text, kind: StepKind) -> &'static str {
    match kind {
        StepKind::Welcome => t.kind_welcome,
        StepKind::CheckIn => t.kind_check_in,
        StepKind::Theme => t.kind_theme,
        StepKind::RolePlay => t.kind_role_play,
        StepKind::SmallGroups => t.kind_small_groups,
        StepKind::WholeGroup => t.kind_whole_group,
        StepKind::CheckOut => t.kind_check_out,
        StepKind::Close => t.kind_close,
    }
}

/// A kind's default title and prompt.
pub fn kind_defaults(t: &Text, kind: StepKind) -> (&'static str, &'static str) {
    match kind {
        StepKind::Welcome => (t.title_welcome, t.prompt_welcome),
        StepKind::CheckIn => (t.title_check_in, t.prompt_check_in),
        StepKind::Theme => (t.title_theme, t.prompt_theme),
        StepKind::RolePlay => (t.title_role_play, t.prompt_role_play),
        StepKind::SmallGroups => (t.title_small_groups, t.prompt_small_groups),
        StepKind::WholeGroup => (t.title_whole_group, t.prompt_whole_group),
        StepKind::CheckOut => (t.title_check_out, t.prompt_check_out),
        StepKind::Close => (t.title_close, t.prompt_close),
    }
}

/// A step's title, or its kind's name when it has none.
pub fn step_title(t: &Text, step: &PlanStep) -> String {
    if step.title.trim().is_empty() {
        kind_label(t, step.kind).to_string()
    } else {
        step.title.trim().to_string()
    }
}

/// A new plan from the 90-minute template, in the language in use.
pub fn template_plan(t: &Text, id: String, now: i64) -> SessionPlan {
    SessionPlan::from_template(id, t.template_name.to_string(), now, |k| {
        let (title, prompt) = kind_defaults(t, k);
        (title.to_string(), prompt.to_string())
    })
}

/// The words around the report's fields.
pub fn report_labels(t: &'static Text) -> ReportLabels<'static> {
    ReportLabels {
        date: t.rl_date,
        format: t.rl_format,
        participants: t.rl_participants,
        participants_count: t.rl_count,
        theme: t.rl_theme,
        points: t.rl_points,
        checkout: t.rl_checkout,
        next: t.rl_next,
        continues: t.rl_continues,
        colon: t.rl_colon,
        bullet: t.rl_bullet,
        date_pattern: t.date_time,
        weekdays: t.weekdays,
        months: t.months,
    }
}

/// A stored date as a person reads it.
pub fn show_date(t: &Text, text: &str) -> String {
    crate::domain::session::date::show(text, t.date_time, t.weekdays, t.months)
}

/// The local date and time of an instant, in this browser's time zone.
pub fn local(ms: i64) -> LocalDateTime {
    let offset =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset();
    LocalDateTime::from_epoch(ms, offset as i64)
}

/// The instant of a local date and time, in this browser's time zone.
pub fn instant(dt: LocalDateTime) -> i64 {
    let guess = dt.to_epoch(0);
    let offset =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(guess as f64)).get_timezone_offset();
    dt.to_epoch(offset as i64)
}

/// The deck a step draws from, if it names one the library has.
pub fn deck_of<'a>(lib: &'a Library, step: &PlanStep) -> Option<&'a Deck> {
    lib.deck(step.deck.as_deref()?)
}

/// The prompt a step shows: the card drawn from its deck, else the typed one.
/// Returns the text and the card's one-word version, if any.
pub fn shown_prompt(
    lib: Option<&Library>,
    session: &Session,
    step: &PlanStep,
    lang: Lang,
) -> (String, Option<String>) {
    if let Some(deck) = lib.and_then(|l| deck_of(l, step)) {
        if let Some(p) = session.drawn_prompt(&step.id, deck) {
            return (
                p.text.get(lang).to_string(),
                p.short.as_ref().map(|s| s.get(lang).to_string()),
            );
        }
    }
    (step.prompt.clone(), None)
}

/// Changes one plan (the document stamps it).
pub fn update_plan(ctx: Ctx, id: &str, change: impl FnOnce(&mut SessionPlan)) {
    ctx.store.update(|d, now| {
        d.plans.edit(id, now, change);
    });
}

/// Changes one session, with its plan at hand (the document stamps it).
pub fn update_session(ctx: Ctx, id: &str, change: impl FnOnce(&mut Session, &SessionPlan)) {
    ctx.store.update(|d, now| {
        d.edit_session(id, now, change);
    });
}

/// Starts a session of a plan; returns its id.
pub fn start_session(ctx: Ctx, plan_id: &str) -> Option<String> {
    let id = fresh_id();
    let mut started = None;
    ctx.store.update(|d, now| {
        if d.start_session(plan_id, &id, now) {
            started = Some(id.clone());
        }
    });
    started
}

/// A plan's name, or "(untitled)".
pub fn name_or_untitled(t: &Text, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        t.untitled.to_string()
    } else {
        name.to_string()
    }
}

/// Moves keyboard focus to the element with this id, once the view has drawn.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The route's `:id`, tracked (the plan, session or report pages).
pub fn route_id() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}

/// Whether the route's session exists and is not deleted.
pub fn session_exists(ctx: Ctx, id: Memo<String>) -> impl Fn() -> bool + Copy {
    move || ctx.store.doc().with(|d| d.sessions.contains(&id.get()))
}
