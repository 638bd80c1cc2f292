//! One time a plan is presented ([`Session`]): the step on screen, its timer,
//! the prompts drawn, the harvest (short phrases the facilitator types while
//! people speak), and the report draft.

use super::plan::{PlanStep, ReportPart, SessionPlan, StepKind};
use super::report::{DraftStart, ReportDraft};
use super::rooms::Rooms;
use super::timer::Timer;
use crate::content::{Deck, Prompt};
use crate::ground::lang::one_line;
use crate::ground::stamp::Records;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
    /// When the step on screen came on screen (for pacing).
    pub entered: i64,
    /// Time spent on each step reached, by step id, up to when it was last
    /// left (the step on screen counts on from `entered`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<String, i64>,
    /// Minutes for this session only, by step id, where the remaining steps
    /// were shortened to end on time (the plan keeps its own).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub minutes: BTreeMap<String, u32>,
    /// Steps for next time: skipped if not reached yet, and carried over.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub later: BTreeSet<String>,
    /// The shared screen is blank (a pause, or something private on screen).
    pub blank: bool,
    /// The breakout rooms, set up in the console.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rooms: Option<Rooms>,
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
            entered: now,
            spent: plan
                .steps
                .first()
                .map(|s| (s.id.clone(), 0))
                .into_iter()
                .collect(),
            ..Session::default()
        }
    }

    /// A step's minutes in this session: shortened, or as planned.
    pub fn minutes_of(&self, step: &PlanStep) -> u32 {
        self.minutes.get(&step.id).copied().unwrap_or(step.minutes)
    }

    /// Whether the step at `index` was on screen in this session.
    pub fn reached(&self, plan: &SessionPlan, index: usize) -> bool {
        let current = self.index(plan);
        index == current
            || plan
                .steps
                .get(index)
                .is_some_and(|s| self.spent.contains_key(&s.id))
            // Sessions from before time was kept per step.
            || (self.spent.is_empty() && index < current)
    }

    /// Time spent on the step at `index` so far (the step on screen counts
    /// until `now`); `None` if it was never on screen.
    pub fn spent_on(&self, plan: &SessionPlan, index: usize, now: i64) -> Option<i64> {
        let step = plan.steps.get(index)?;
        let before = self.spent.get(&step.id).copied();
        if index == self.index(plan) {
            Some(before.unwrap_or(0) + (now - self.entered).max(0))
        } else if self.reached(plan, index) {
            Some(before.unwrap_or(0))
        } else {
            None
        }
    }

    /// The steps of a session that go on next time: those marked for next
    /// time, and those never reached; the frame of a session (welcome, the
    /// rounds, the close) is not carried, since every session has its own.
    pub fn carried<'a>(&self, plan: &'a SessionPlan) -> Vec<&'a PlanStep> {
        plan.steps
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                !s.kind.is_frame() && (self.later.contains(&s.id) || !self.reached(plan, *i))
            })
            .map(|(_, s)| s)
            .collect()
    }

    /// A plan for the next date, from what `session` did not get to: the
    /// frame of this plan with the carried steps in their places, starting at
    /// the plan's next date. `None` when nothing is carried.
    pub fn carry_over(
        &self,
        plan: &SessionPlan,
        id: String,
        name: String,
        now: i64,
    ) -> Option<SessionPlan> {
        let carried: Vec<&str> = self.carried(plan).iter().map(|s| s.id.as_str()).collect();
        if carried.is_empty() {
            return None;
        }
        let steps = plan
            .steps
            .iter()
            .filter(|s| s.kind.is_frame() || carried.contains(&s.id.as_str()))
            .cloned()
            .collect();
        let starts = match super::date::LocalDateTime::parse(&plan.next) {
            Some(dt) => dt.to_input(),
            None => String::new(),
        };
        Some(SessionPlan {
            steps,
            starts,
            next: String::new(),
            ..SessionPlan::new(id, name, now)
        })
    }

    /// Marks a step for next time, or takes the mark away. Returns whether it
    /// is marked now.
    pub fn toggle_later(&mut self, step: &str) -> bool {
        if self.later.remove(step) {
            false
        } else {
            self.later.insert(step.to_string())
        }
    }

    /// The place of the step on screen, within the plan as it is now.
    pub fn index(&self, plan: &SessionPlan) -> usize {
        self.step.min(plan.steps.len().saturating_sub(1))
    }

    pub fn current<'a>(&self, plan: &'a SessionPlan) -> Option<&'a PlanStep> {
        plan.steps.get(self.index(plan))
    }

    /// Goes to a step at `now`; its timer starts afresh, stopped, and the
    /// time on the step left is kept. Returns whether the step changed.
    pub fn go_to(&mut self, plan: &SessionPlan, index: usize, now: i64) -> bool {
        let Some(step) = plan.steps.get(index) else {
            return false;
        };
        if index == self.step {
            return false;
        }
        if let Some(left) = plan.steps.get(self.index(plan)) {
            let spent = self.spent.entry(left.id.clone()).or_insert(0);
            *spent += (now - self.entered).max(0);
        }
        self.spent.entry(step.id.clone()).or_insert(0);
        self.step = index;
        self.entered = now;
        self.timer = Timer::new(self.minutes_of(step));
        true
    }

    /// The next step, passing over those left for next time that were not
    /// on screen yet.
    pub fn next(&mut self, plan: &SessionPlan, now: i64) -> bool {
        let from = self.index(plan) + 1;
        let to = (from..plan.steps.len())
            .find(|&i| self.reached(plan, i) || !self.later.contains(&plan.steps[i].id));
        match to {
            Some(i) => self.go_to(plan, i, now),
            None => false,
        }
    }

    pub fn back(&mut self, plan: &SessionPlan, now: i64) -> bool {
        match self.index(plan).checked_sub(1) {
            Some(i) => self.go_to(plan, i, now),
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
            continues: start.continues,
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
