//! One time a plan is presented ([`Session`]): the step on screen, its timer,
//! the prompts drawn, the harvest (short phrases the facilitator types while
//! people speak), and the report draft.

use super::plan::{PlanStep, ReportPart, SessionPlan, StepKind};
use super::report::{DraftStart, ReportDraft};
use super::timer::Timer;
use crate::content::{Deck, Prompt};
use crate::ground::lang::one_line;
use crate::ground::stamp::Records;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest harvested phrase kept, in characters.
pub const MAX_HARVEST: usize = 140;

/// A short phrase heard during a step, typed by the facilitator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestLine {
    /// The step it was heard in.
    pub step: String,
    /// That step's kind, kept so the report still knows if the plan changes.
    pub kind: StepKind,
    pub text: String,
}

/// One time a plan is presented: what is on screen, the timer, what was heard,
/// and the report draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Session {
    pub id: String,
    /// The plan presented.
    pub plan: String,
    /// The plan's name when the session started.
    pub title: String,
    pub started: i64,
    pub(crate) updated: i64,
    pub(crate) deleted: bool,
    /// The step on screen, counted from 0.
    pub step: usize,
    pub timer: Timer,
    /// A soft chime when the timer reaches zero; off unless turned on.
    pub chime: bool,
    /// For steps that draw from a deck: the prompt id on screen, by step id.
    pub drawn: BTreeMap<String, String>,
    pub harvest: Vec<HarvestLine>,
    pub report: Option<ReportDraft>,
}

crate::stamped!(Session);

impl Session {
    /// A session of `plan` starting now, on its first step, timer stopped.
    pub fn start(id: String, plan: &SessionPlan, now: i64) -> Session {
        Session {
            id,
            plan: plan.id.clone(),
            title: plan.name.clone(),
            started: now,
            updated: now,
            timer: Timer::new(plan.steps.first().map(|s| s.minutes).unwrap_or(1)),
            ..Session::default()
        }
    }

    /// The place of the step on screen, within the plan as it is now.
    pub fn index(&self, plan: &SessionPlan) -> usize {
        self.step.min(plan.steps.len().saturating_sub(1))
    }

    pub fn current<'a>(&self, plan: &'a SessionPlan) -> Option<&'a PlanStep> {
        plan.steps.get(self.index(plan))
    }

    /// Goes to a step; its timer starts afresh, stopped. Returns whether the
    /// step changed.
    pub fn go_to(&mut self, plan: &SessionPlan, index: usize) -> bool {
        let Some(step) = plan.steps.get(index) else {
            return false;
        };
        if index == self.step {
            return false;
        }
        self.step = index;
        self.timer = Timer::new(step.minutes);
        true
    }

    pub fn next(&mut self, plan: &SessionPlan) -> bool {
        self.go_to(plan, self.index(plan) + 1)
    }

    pub fn back(&mut self, plan: &SessionPlan) -> bool {
        match self.index(plan).checked_sub(1) {
            Some(i) => self.go_to(plan, i),
            None => false,
        }
    }

    /// Adds a heard phrase to a step (trimmed, on one line, at most
    /// [`MAX_HARVEST`] characters). Empty text adds nothing.
    pub fn add_harvest(&mut self, step: &PlanStep, text: &str) -> bool {
        let text = one_line(text);
        if text.is_empty() {
            return false;
        }
        let text: String = text.chars().take(MAX_HARVEST).collect();
        self.harvest.push(HarvestLine {
            step: step.id.clone(),
            kind: step.kind,
            text,
        });
        true
    }

    /// Takes back the last phrase of a step; returns it.
    pub fn remove_last_harvest(&mut self, step: &str) -> Option<String> {
        let at = self.harvest.iter().rposition(|h| h.step == step)?;
        Some(self.harvest.remove(at).text)
    }

    /// The prompt on screen for a step that draws from `deck`, if one was drawn
    /// and is still in the deck.
    pub fn drawn_prompt<'a>(&self, step: &str, deck: &'a Deck) -> Option<&'a Prompt> {
        let id = self.drawn.get(step)?;
        deck.prompt.iter().find(|p| &p.id == id)
    }

    /// Draws a prompt from `deck` for a step, never the one on screen. Returns
    /// whether one was drawn (an empty deck has none).
    pub fn draw_from(&mut self, step: &str, deck: &Deck, random: f64) -> bool {
        let current = self
            .drawn_prompt(step, deck)
            .and_then(|p| deck.prompt.iter().position(|q| q.id == p.id));
        match draw(deck.prompt.len(), current, random) {
            Some(i) => {
                self.drawn
                    .insert(step.to_string(), deck.prompt[i].id.clone());
                true
            }
            None => false,
        }
    }

    /// The phrases of one step, in the order they were heard.
    pub fn harvest_of(&self, step: &str) -> Vec<String> {
        self.harvest
            .iter()
            .filter(|h| h.step == step)
            .map(|h| h.text.clone())
            .collect()
    }

    /// A first report draft: the harvest sorted into points and check-out
    /// words, and the plan's next date.
    pub fn draft_report(&self, plan: Option<&SessionPlan>, start: DraftStart) -> ReportDraft {
        ReportDraft {
            title: start.title,
            date: start.date,
            format: start.format,
            participants: String::new(),
            theme: start.theme,
            points: self.harvest_for(ReportPart::Points),
            checkout: self.harvest_for(ReportPart::CheckOut),
            next: plan.map(|p| p.next.clone()).unwrap_or_default(),
        }
    }

    /// Takes the report's points and check-out words from the harvest again.
    pub fn refresh_report(&mut self) {
        let points = self.harvest_for(ReportPart::Points);
        let checkout = self.harvest_for(ReportPart::CheckOut);
        if let Some(d) = self.report.as_mut() {
            d.points = points;
            d.checkout = checkout;
        }
    }

    /// The phrases that belong to one part of the report.
    pub fn harvest_for(&self, part: ReportPart) -> Vec<String> {
        self.harvest
            .iter()
            .filter(|h| h.kind.report_part() == part)
            .map(|h| h.text.clone())
            .collect()
    }
}

/// Picks a prompt from a deck of `len` at random, never the one on screen
/// (unless it is the only one). `random` is in `[0, 1)`.
pub fn draw(len: usize, current: Option<usize>, random: f64) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let r = random.clamp(0.0, 1.0);
    match current {
        Some(c) if c < len && len > 1 => {
            let i = ((r * (len - 1) as f64) as usize).min(len - 2);
            Some(if i >= c { i + 1 } else { i })
        }
        _ => Some(((r * len as f64) as usize).min(len - 1)),
    }
}

/// The live sessions, newest first.
pub fn sessions_newest_first(sessions: &Records<Session>) -> Vec<&Session> {
    let mut v: Vec<&Session> = sessions.values().collect();
    v.sort_by(|a, b| b.started.cmp(&a.started).then(a.id.cmp(&b.id)));
    v
}

/// The live plans, by name.
pub fn plans_by_name(plans: &Records<SessionPlan>) -> Vec<&SessionPlan> {
    let mut v: Vec<&SessionPlan> = plans.values().collect();
    v.sort_by(|a, b| a.name.cmp(&b.name).then(a.created.cmp(&b.created)));
    v
}
