//! A session plan (進行表): named, ordered steps, each with a kind, a title, a
//! prompt (typed, or drawn from a deck), a scenario for a role play, and
//! minutes; and the 90-minute template a new plan starts from.

use serde::{Deserialize, Serialize};

/// The most minutes one step may take (a whole session is 90).
pub const MAX_MINUTES: u32 = 180;

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

    /// Part of the frame every session has (welcome, the rounds, the close),
    /// rather than of what it is about.
    pub fn is_frame(self) -> bool {
        matches!(
            self,
            StepKind::Welcome | StepKind::CheckIn | StepKind::CheckOut | StepKind::Close
        )
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
pub struct PlanStep {
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
    /// The facilitator's own notes for this step: shown in the console,
    /// never on the shared screen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl PlanStep {
    /// An empty step of `kind` with its default minutes and deck.
    pub fn new(id: String, kind: StepKind) -> PlanStep {
        PlanStep {
            id,
            kind,
            title: String::new(),
            prompt: String::new(),
            deck: kind.default_deck().map(str::to_string),
            scenario: None,
            minutes: kind.default_minutes(),
            notes: String::new(),
        }
    }
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
    pub steps: Vec<PlanStep>,
    /// The next session's date, as an `<input type="datetime-local">` gives it,
    /// or free text.
    pub next: String,
    /// When this session is planned to start (`2026-12-20T14:00`), for
    /// pacing; empty when not set.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub starts: String,
    pub created: i64,
    pub(crate) updated: i64,
    pub(crate) deleted: bool,
}

crate::stamped!(SessionPlan);

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

impl SessionPlan {
    /// An empty plan.
    pub fn new(id: String, name: String, now: i64) -> SessionPlan {
        SessionPlan {
            id,
            name,
            created: now,
            updated: now,
            ..SessionPlan::default()
        }
    }

    /// A plan from the 90-minute template. `text` gives a kind's default title
    /// and prompt in the user's language.
    pub fn from_template(
        id: String,
        name: String,
        now: i64,
        text: impl Fn(StepKind) -> (String, String),
    ) -> SessionPlan {
        let mut plan = SessionPlan::new(id, name, now);
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

    pub fn step(&self, id: &str) -> Option<&PlanStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_mut(&mut self, id: &str) -> Option<&mut PlanStep> {
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
        self.steps.push(PlanStep {
            title,
            prompt,
            ..PlanStep::new(id.clone(), kind)
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
    pub fn theme_step(&self) -> Option<&PlanStep> {
        self.steps.iter().find(|s| s.kind == StepKind::Theme)
    }
}
