//! Study-group sessions: the plan a facilitator prepares (進行表), the state of a
//! session as it runs (current step, timer, what was heard), and the report
//! written afterwards.
//!
//! A [`SessionPlan`] is a list of [`Step`]s (welcome, check-in round, theme,
//! role play, small groups, whole group, check-out round, close), each with a
//! title, a prompt (typed, or drawn from a prompt deck) and minutes. A
//! [`Session`] is one time a plan is presented: which step is on screen, its
//! [`Timer`], the prompts drawn, and the harvest (short phrases the facilitator
//! types while people speak). Both are stored records: they carry `updated` and
//! a `deleted` tombstone, and merge like every other record.
//!
//! Nothing here reads a clock or a random source: the time and a random number
//! are passed in.

pub mod date;
pub mod report;
pub mod timer;

use super::content::{Deck, Prompt};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use report::{ReportDraft, ReportLabels};
pub use timer::Timer;

/// The most minutes one step may take (a whole session is 90).
pub const MAX_MINUTES: u32 = 180;
/// The longest harvested phrase kept, in characters.
pub const MAX_HARVEST: usize = 140;

/// What a step of a session is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Welcome, and the group's agreements (passing is fine, what is said stays).
    Welcome,
    /// A round: everyone in turn, passing always fine.
    CheckIn,
    /// The theme question of the day.
    Theme,
    /// A role play of a scenario from the library.
    RolePlay,
    /// Time in breakout rooms.
    SmallGroups,
    /// Sharing in the whole group.
    WholeGroup,
    /// The closing round.
    CheckOut,
    /// Closing, with the next date.
    Close,
}

/// Where a step's harvest goes in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportPart {
    /// "What we heard".
    Points,
    /// The check-out words.
    CheckOut,
    /// Not in the report: a check-in is about how each person is arriving,
    /// which is theirs, not the blog's.
    Private,
}

impl StepKind {
    pub const ALL: [StepKind; 8] = [
        StepKind::Welcome,
        StepKind::CheckIn,
        StepKind::Theme,
        StepKind::RolePlay,
        StepKind::SmallGroups,
        StepKind::WholeGroup,
        StepKind::CheckOut,
        StepKind::Close,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StepKind::Welcome => "welcome",
            StepKind::CheckIn => "check_in",
            StepKind::Theme => "theme",
            StepKind::RolePlay => "role_play",
            StepKind::SmallGroups => "small_groups",
            StepKind::WholeGroup => "whole_group",
            StepKind::CheckOut => "check_out",
            StepKind::Close => "close",
        }
    }

    pub fn from_key(key: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// A round: everyone speaks in turn, and passing is always fine.
    pub fn is_round(self) -> bool {
        matches!(self, StepKind::CheckIn | StepKind::CheckOut)
    }

    /// Minutes a new step of this kind starts with.
    pub fn default_minutes(self) -> u32 {
        match self {
            StepKind::Welcome | StepKind::Close => 5,
            StepKind::CheckIn => 15,
            StepKind::Theme | StepKind::CheckOut => 10,
            StepKind::RolePlay => 20,
            StepKind::SmallGroups => 25,
            StepKind::WholeGroup => 20,
        }
    }

    /// The deck a new step of this kind draws from, if any.
    pub fn default_deck(self) -> Option<&'static str> {
        match self {
            StepKind::CheckOut => Some("check-out"),
            _ => None,
        }
    }

    pub fn report_part(self) -> ReportPart {
        match self {
            StepKind::CheckIn => ReportPart::Private,
            StepKind::CheckOut => ReportPart::CheckOut,
            _ => ReportPart::Points,
        }
    }
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Unique within its plan; harvest lines point to it.
    pub id: String,
    pub kind: StepKind,
    #[serde(default)]
    pub title: String,
    /// The typed prompt; shown when no deck is chosen, or the deck cannot load.
    #[serde(default)]
    pub prompt: String,
    /// The id of a prompt deck to draw from, instead of the typed prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    /// For a role play: the scenario's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    #[serde(default = "one")]
    pub minutes: u32,
}

fn one() -> u32 {
    1
}

/// A session plan (進行表): named, ordered steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SessionPlan {
    pub id: String,
    pub name: String,
    pub steps: Vec<Step>,
    /// The next session's date, as an `<input type="datetime-local">` gives it,
    /// or free text.
    pub next: String,
    pub created: i64,
    pub updated: i64,
    pub deleted: bool,
}

/// The template of a 90-minute study group: kinds and minutes. The titles and
/// prompts come from the UI table of the user's language.
pub const TEMPLATE: [(StepKind, u32); 7] = [
    (StepKind::Welcome, 5),
    (StepKind::CheckIn, 15),
    (StepKind::Theme, 10),
    (StepKind::SmallGroups, 25),
    (StepKind::WholeGroup, 20),
    (StepKind::CheckOut, 10),
    (StepKind::Close, 5),
];

/// A new id: the time and a random number, both in base 36.
pub fn new_id(now: i64, random: f64) -> String {
    fn b36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    let r = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("{}{:0>4}", b36(now.max(0) as u64), b36(r.min(1_679_615)))
}

impl SessionPlan {
    /// A plan from the 90-minute template. `text` gives a kind's default title
    /// and prompt in the user's language.
    pub fn from_template(
        id: String,
        name: String,
        now: i64,
        text: impl Fn(StepKind) -> (String, String),
    ) -> SessionPlan {
        let mut plan = SessionPlan {
            id,
            name,
            created: now,
            updated: now,
            ..SessionPlan::default()
        };
        for (kind, minutes) in TEMPLATE {
            let (title, prompt) = text(kind);
            let id = plan.add_step(kind, title, prompt);
            if let Some(step) = plan.step_mut(&id) {
                step.minutes = minutes;
            }
        }
        plan
    }

    pub fn total_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_mut(&mut self, id: &str) -> Option<&mut Step> {
        self.steps.iter_mut().find(|s| s.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// A step id not used in this plan yet.
    fn fresh_step_id(&self) -> String {
        let n = self
            .steps
            .iter()
            .filter_map(|s| s.id.strip_prefix('s')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("s{}", n + 1)
    }

    /// Adds a step of `kind` at the end, with its default minutes and deck.
    /// Returns its id.
    pub fn add_step(&mut self, kind: StepKind, title: String, prompt: String) -> String {
        let id = self.fresh_step_id();
        self.steps.push(Step {
            id: id.clone(),
            kind,
            title,
            prompt,
            deck: kind.default_deck().map(str::to_string),
            scenario: None,
            minutes: kind.default_minutes(),
        });
        id
    }

    pub fn remove_step(&mut self, id: &str) -> bool {
        let before = self.steps.len();
        self.steps.retain(|s| s.id != id);
        self.steps.len() != before
    }

    /// Moves a step one place earlier (`-1`) or later (`1`). Returns its new
    /// place, or `None` if it cannot move that way.
    pub fn move_step(&mut self, id: &str, by: isize) -> Option<usize> {
        let from = self.index_of(id)?;
        let to = from.checked_add_signed(by)?;
        if to >= self.steps.len() || by.unsigned_abs() != 1 {
            return None;
        }
        self.steps.swap(from, to);
        Some(to)
    }

    /// Sets a step's minutes, kept between 1 and [`MAX_MINUTES`].
    pub fn set_minutes(&mut self, id: &str, minutes: i64) {
        if let Some(step) = self.step_mut(id) {
            step.minutes = minutes.clamp(1, i64::from(MAX_MINUTES)) as u32;
        }
    }

    /// A copy with a new id and name; the steps keep their ids, so the copy can
    /// be changed without touching the original.
    pub fn duplicate(&self, id: String, name: String, now: i64) -> SessionPlan {
        SessionPlan {
            id,
            name,
            created: now,
            updated: now,
            deleted: false,
            ..self.clone()
        }
    }

    /// The first theme step, for the report.
    pub fn theme_step(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.kind == StepKind::Theme)
    }
}

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
    pub updated: i64,
    pub deleted: bool,
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

    pub fn current<'a>(&self, plan: &'a SessionPlan) -> Option<&'a Step> {
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
    pub fn add_harvest(&mut self, step: &Step, text: &str) -> bool {
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

    /// The phrases that belong to one part of the report.
    pub fn harvest_for(&self, part: ReportPart) -> Vec<String> {
        self.harvest
            .iter()
            .filter(|h| h.kind.report_part() == part)
            .map(|h| h.text.clone())
            .collect()
    }
}

/// Text on one line: runs of white space (new lines too) become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Sessions of a plan, or all, newest first, not deleted.
pub fn sessions_newest_first(sessions: &BTreeMap<String, Session>) -> Vec<&Session> {
    let mut v: Vec<&Session> = sessions.values().filter(|s| !s.deleted).collect();
    v.sort_by(|a, b| b.started.cmp(&a.started).then(a.id.cmp(&b.id)));
    v
}

/// Plans that are not deleted, by name.
pub fn plans_by_name(plans: &BTreeMap<String, SessionPlan>) -> Vec<&SessionPlan> {
    let mut v: Vec<&SessionPlan> = plans.values().filter(|p| !p.deleted).collect();
    v.sort_by(|a, b| a.name.cmp(&b.name).then(a.created.cmp(&b.created)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> SessionPlan {
        SessionPlan::from_template("p1".into(), "学習会".into(), 100, |k| {
            (format!("title {}", k.key()), format!("prompt {}", k.key()))
        })
    }

    fn titles(plan: &SessionPlan) -> Vec<&str> {
        plan.steps.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn the_template_is_a_ninety_minute_study_group() {
        let plan = template();
        assert_eq!(plan.total_minutes(), 90);
        let kinds: Vec<_> = plan.steps.iter().map(|s| s.kind).collect();
        assert_eq!(kinds.first(), Some(&StepKind::Welcome));
        assert_eq!(kinds.last(), Some(&StepKind::Close));
        for k in [
            StepKind::CheckIn,
            StepKind::Theme,
            StepKind::SmallGroups,
            StepKind::WholeGroup,
            StepKind::CheckOut,
        ] {
            assert!(kinds.contains(&k), "{k:?}");
        }
        assert_eq!(plan.steps[0].title, "title welcome");
        assert_eq!(plan.steps[1].prompt, "prompt check_in");
        // Every step has its own id.
        let mut ids: Vec<_> = plan.steps.iter().map(|s| s.id.clone()).collect();
        ids.dedup();
        assert_eq!(ids.len(), plan.steps.len());
        let check_out = plan
            .steps
            .iter()
            .find(|s| s.kind == StepKind::CheckOut)
            .unwrap();
        assert_eq!(check_out.deck.as_deref(), Some("check-out"));
    }

    #[test]
    fn steps_move_up_and_down_within_the_plan() {
        let mut plan = template();
        let second = plan.steps[1].id.clone();
        assert_eq!(plan.move_step(&second, -1), Some(0));
        assert_eq!(titles(&plan)[..2], ["title check_in", "title welcome"]);
        assert_eq!(plan.move_step(&second, -1), None, "already first");
        assert_eq!(plan.move_step(&second, 1), Some(1));
        assert_eq!(titles(&plan)[..2], ["title welcome", "title check_in"]);
        let last = plan.steps.last().unwrap().id.clone();
        assert_eq!(plan.move_step(&last, 1), None, "already last");
        assert_eq!(plan.move_step("nope", 1), None);
        assert_eq!(plan.move_step(&second, 2), None, "one place at a time");
        assert_eq!(plan.total_minutes(), 90);
    }

    #[test]
    fn adding_and_removing_steps() {
        let mut plan = template();
        let id = plan.add_step(StepKind::RolePlay, "ロールプレイ".into(), String::new());
        assert_eq!(plan.steps.last().unwrap().id, id);
        assert_eq!(
            plan.total_minutes(),
            90 + StepKind::RolePlay.default_minutes()
        );
        assert!(plan.steps.iter().filter(|s| s.id == id).count() == 1);
        assert!(plan.remove_step(&id));
        assert!(!plan.remove_step(&id));
        assert_eq!(plan.total_minutes(), 90);
        // A removed id is not given out again while a higher one exists.
        let first = plan.steps[0].id.clone();
        plan.remove_step(&first);
        let again = plan.add_step(StepKind::Theme, String::new(), String::new());
        assert!(plan.steps.iter().filter(|s| s.id == again).count() == 1);
    }

    #[test]
    fn minutes_stay_sensible() {
        let mut plan = template();
        let id = plan.steps[0].id.clone();
        plan.set_minutes(&id, 0);
        assert_eq!(plan.steps[0].minutes, 1);
        plan.set_minutes(&id, 10_000);
        assert_eq!(plan.steps[0].minutes, MAX_MINUTES);
        plan.set_minutes(&id, 7);
        assert_eq!(plan.steps[0].minutes, 7);
    }

    #[test]
    fn a_duplicate_is_separate_from_its_original() {
        let mut plan = template();
        plan.deleted = false;
        let mut copy = plan.duplicate("p2".into(), "学習会（コピー）".into(), 500);
        assert_eq!(copy.id, "p2");
        assert_eq!(copy.name, "学習会（コピー）");
        assert_eq!(copy.created, 500);
        assert_eq!(copy.steps, plan.steps);
        let id = copy.steps[0].id.clone();
        copy.step_mut(&id).unwrap().title = "changed".into();
        assert_eq!(plan.steps[0].title, "title welcome");
    }

    #[test]
    fn a_session_moves_through_steps_and_each_step_has_its_own_timer() {
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 1_000);
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::Welcome);
        assert_eq!(s.timer.duration_ms, 5 * 60_000);
        assert!(!s.back(&plan), "nothing before the first step");
        s.timer.start(1_000);
        assert!(s.next(&plan));
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::CheckIn);
        assert!(
            !s.timer.running(),
            "a new step's timer waits for the facilitator"
        );
        assert_eq!(s.timer.duration_ms, 15 * 60_000);
        assert!(s.back(&plan));
        assert_eq!(s.step, 0);
        while s.next(&plan) {}
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::Close);
        assert!(!s.next(&plan));
    }

    #[test]
    fn a_session_survives_its_plan_getting_shorter() {
        let mut plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        s.go_to(&plan, 6);
        plan.steps.truncate(2);
        assert_eq!(s.index(&plan), 1);
        assert!(s.back(&plan));
        assert_eq!(s.step, 0);
        let empty = SessionPlan::default();
        assert_eq!(s.current(&empty), None);
        assert!(!s.next(&empty));
    }

    #[test]
    fn harvest_lines_are_kept_per_step_and_sorted_into_the_report() {
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        let check_in = &plan.steps[1];
        let theme = &plan.steps[2];
        let check_out = &plan.steps[5];
        assert!(s.add_harvest(check_in, "  くもり  "));
        assert!(!s.add_harvest(theme, "   \n "));
        assert!(s.add_harvest(theme, "わかって\nもらえた感じ"));
        assert!(s.add_harvest(theme, "そのままでいい"));
        assert!(s.add_harvest(check_out, "あたたかい"));
        assert_eq!(s.harvest_of(&check_in.id), vec!["くもり"]);
        assert_eq!(
            s.harvest_of(&theme.id),
            vec!["わかって もらえた感じ", "そのままでいい"]
        );
        assert_eq!(
            s.harvest_for(ReportPart::Points),
            vec!["わかって もらえた感じ", "そのままでいい"]
        );
        assert_eq!(s.harvest_for(ReportPart::CheckOut), vec!["あたたかい"]);
        assert_eq!(
            s.remove_last_harvest(&theme.id).as_deref(),
            Some("そのままでいい")
        );
        assert_eq!(s.harvest_of(&theme.id), vec!["わかって もらえた感じ"]);
        assert_eq!(s.remove_last_harvest("nope"), None);
        let long = "あ".repeat(500);
        s.add_harvest(theme, &long);
        assert_eq!(s.harvest_of(&theme.id)[1].chars().count(), MAX_HARVEST);
    }

    #[test]
    fn drawing_never_repeats_the_prompt_on_screen() {
        assert_eq!(draw(0, None, 0.5), None);
        assert_eq!(draw(1, Some(0), 0.9), Some(0));
        for i in 0..100 {
            let r = f64::from(i) / 100.0;
            let got = draw(5, Some(2), r).unwrap();
            assert!(got < 5 && got != 2, "{r} gave {got}");
        }
        assert_eq!(draw(5, None, 0.0), Some(0));
        assert_eq!(draw(5, None, 0.999), Some(4));
        assert_eq!(draw(5, None, 1.0), Some(4));
        assert_eq!(draw(3, Some(0), 0.999), Some(2));
        // Every other prompt can come up.
        let seen: std::collections::BTreeSet<_> = (0..10)
            .map(|i| draw(4, Some(1), f64::from(i) / 10.0).unwrap())
            .collect();
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![0, 2, 3]);
    }

    #[test]
    fn a_step_keeps_the_prompt_drawn_for_it_until_another_is_asked_for() {
        use crate::domain::content::DeckKind;
        use crate::domain::Text;
        let deck = Deck {
            id: "check-out".into(),
            kind: DeckKind::CheckOut,
            title: Text::new("チェックアウト", "Check-out"),
            prompt: ["a", "b", "c"]
                .iter()
                .map(|id| Prompt {
                    id: id.to_string(),
                    text: Text::new(*id, *id),
                    short: None,
                })
                .collect(),
        };
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        assert_eq!(s.drawn_prompt("s6", &deck), None);
        assert!(s.draw_from("s6", &deck, 0.5));
        let first = s.drawn_prompt("s6", &deck).unwrap().id.clone();
        assert_eq!(first, "b");
        for i in 0..10 {
            let before = s.drawn_prompt("s6", &deck).unwrap().id.clone();
            s.draw_from("s6", &deck, f64::from(i) / 10.0);
            assert_ne!(s.drawn_prompt("s6", &deck).unwrap().id, before);
        }
        // A prompt that left the deck is no longer shown.
        s.drawn.insert("s6".into(), "gone".into());
        assert_eq!(s.drawn_prompt("s6", &deck), None);
        let empty = Deck {
            prompt: vec![],
            ..deck
        };
        assert!(!s.draw_from("s1", &empty, 0.3));
    }

    #[test]
    fn ids_are_short_and_differ() {
        let a = new_id(1_795_325_400_000, 0.1);
        let b = new_id(1_795_325_400_000, 0.2);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(new_id(0, 0.0), "00000");
    }

    #[test]
    fn stored_plans_with_missing_fields_still_read() {
        let plan: SessionPlan =
            serde_json::from_str(r#"{"id":"p","name":"n","steps":[{"id":"s1","kind":"theme"}]}"#)
                .unwrap();
        assert_eq!(plan.steps[0].minutes, 1);
        assert_eq!(plan.steps[0].deck, None);
        let session: Session = serde_json::from_str(r#"{"id":"x"}"#).unwrap();
        assert!(!session.chime, "the chime is off unless turned on");
    }

    #[test]
    fn lists_leave_out_deleted_records() {
        let mut plans = BTreeMap::new();
        let mut a = template();
        a.name = "b".into();
        let mut b = template();
        b.id = "p2".into();
        b.name = "a".into();
        let mut c = template();
        c.id = "p3".into();
        c.deleted = true;
        for p in [a, b, c] {
            plans.insert(p.id.clone(), p);
        }
        let names: Vec<_> = plans_by_name(&plans)
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, vec!["a", "b"]);
        let mut sessions = BTreeMap::new();
        let plan = template();
        for (id, t) in [("old", 1), ("new", 5)] {
            sessions.insert(id.to_string(), Session::start(id.into(), &plan, t));
        }
        let ids: Vec<_> = sessions_newest_first(&sessions)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, vec!["new", "old"]);
    }
}
