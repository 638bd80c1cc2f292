//! A role-play scenario: the situation, a role card per player, the moments
//! where the conversation can turn (each with possible responses, a note on
//! each, and how the other person might react), and a debrief through the four
//! tasks. Its arc (which moment follows which) is in [`super::arc`], what it
//! must be in [`super::check`].

use super::vocab::{Heavy, Lean, Principle, RoleKind, Setting, Task};
use crate::ground::lang::Text;
use serde::{Deserialize, Serialize};

/// A role card: the private briefing one player reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleCard {
    pub kind: RoleKind,
    pub name: Text,
    pub briefing: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding_back: Option<Text>,
    /// When this player comes in, in words of the story ("when Mariko
    /// mentions the letter"): a third person needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enters: Option<Text>,
}

/// One possible response at a turning point, with a reflection on it and the
/// other person's reaction to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub text: Text,
    #[serde(default)]
    pub toward: Vec<Lean>,
    #[serde(default)]
    pub away: Vec<Lean>,
    pub note: Text,
    /// How the other person might answer if this were said: a line of the
    /// story, never a verdict. Every built-in response has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<Text>,
    /// The moment that follows this response (its id, or [`super::arc::END`]);
    /// without it, the moment's own `next`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl Response {
    /// Whether it leans both toward and away from something, as most real
    /// replies do.
    pub fn is_mixed(&self) -> bool {
        !self.toward.is_empty() && !self.away.is_empty()
    }
}

/// A moment where the conversation can turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// Needed only when a `next` names this moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the other person says or does.
    pub other: Text,
    pub responses: Vec<Response>,
    /// The moment that follows when a response names none (and when none of
    /// the responses was close to what was said); without it, the next
    /// moment in the file, or the end after the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Debrief questions, one through each task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debrief {
    pub connection: Text,
    pub worldview: Text,
    pub mutuality: Text,
    pub moving_towards: Text,
}

impl Debrief {
    pub fn get(&self, task: Task) -> &Text {
        match task {
            Task::Connection => &self.connection,
            Task::Worldview => &self.worldview,
            Task::Mutuality => &self.mutuality,
            Task::MovingTowards => &self.moving_towards,
        }
    }

    pub fn get_mut(&mut self, task: Task) -> &mut Text {
        match task {
            Task::Connection => &mut self.connection,
            Task::Worldview => &mut self.worldview,
            Task::Mutuality => &mut self.mutuality,
            Task::MovingTowards => &mut self.moving_towards,
        }
    }
}

/// A role-play scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub minutes: u32,
    pub setting: Setting,
    pub tasks: Vec<Task>,
    pub principles: Vec<Principle>,
    #[serde(default)]
    pub heavy: Vec<Heavy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_note: Option<Text>,
    pub title: Text,
    pub situation: Text,
    pub opening: Text,
    pub roles: Vec<RoleCard>,
    pub moments: Vec<Moment>,
    pub debrief: Debrief,
}

impl Scenario {
    pub fn role(&self, kind: RoleKind) -> Option<&RoleCard> {
        self.roles.iter().find(|r| r.kind == kind)
    }

    pub fn is_heavy(&self) -> bool {
        !self.heavy.is_empty()
    }
}
