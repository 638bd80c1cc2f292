//! The words content is tagged with: the four tasks, the three principles,
//! what a response leans toward or away from, settings, heavy topics, role
//! kinds, reframe shifts and sources, deck and concept kinds. Each has the key
//! content files use (`content/README.md` lists them).

use serde::{Deserialize, Serialize};

/// The four tasks of IPS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    Connection,
    Worldview,
    Mutuality,
    MovingTowards,
}

impl Task {
    pub const ALL: [Task; 4] = [
        Task::Connection,
        Task::Worldview,
        Task::Mutuality,
        Task::MovingTowards,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Task::Connection => "connection",
            Task::Worldview => "worldview",
            Task::Mutuality => "mutuality",
            Task::MovingTowards => "moving_towards",
        }
    }
}

/// The three principles (shifts) of IPS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Principle {
    Learning,
    Relationship,
    Hope,
}

impl Principle {
    pub const ALL: [Principle; 3] = [
        Principle::Learning,
        Principle::Relationship,
        Principle::Hope,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Principle::Learning => "learning",
            Principle::Relationship => "relationship",
            Principle::Hope => "hope",
        }
    }
}

/// What a possible response leans toward or away from: a task or a principle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lean {
    Connection,
    Worldview,
    Mutuality,
    MovingTowards,
    Learning,
    Relationship,
    Hope,
}

impl Lean {
    pub const ALL: [Lean; 7] = [
        Lean::Connection,
        Lean::Worldview,
        Lean::Mutuality,
        Lean::MovingTowards,
        Lean::Learning,
        Lean::Relationship,
        Lean::Hope,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Lean::Connection => "connection",
            Lean::Worldview => "worldview",
            Lean::Mutuality => "mutuality",
            Lean::MovingTowards => "moving_towards",
            Lean::Learning => "learning",
            Lean::Relationship => "relationship",
            Lean::Hope => "hope",
        }
    }
}

/// Where a scenario takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    SupportCentre,
    DayCare,
    GroupHome,
    Ward,
    Outreach,
    SelfHelpGroup,
    Workplace,
    FamilyHome,
    PeerTeam,
    Online,
    /// Everyday life outside services: a café, a friend's flat, a walk.
    Community,
}

impl Setting {
    pub const ALL: [Setting; 11] = [
        Setting::SupportCentre,
        Setting::DayCare,
        Setting::GroupHome,
        Setting::Ward,
        Setting::Outreach,
        Setting::SelfHelpGroup,
        Setting::Workplace,
        Setting::FamilyHome,
        Setting::PeerTeam,
        Setting::Online,
        Setting::Community,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Setting::SupportCentre => "support_centre",
            Setting::DayCare => "day_care",
            Setting::GroupHome => "group_home",
            Setting::Ward => "ward",
            Setting::Outreach => "outreach",
            Setting::SelfHelpGroup => "self_help_group",
            Setting::Workplace => "workplace",
            Setting::FamilyHome => "family_home",
            Setting::PeerTeam => "peer_team",
            Setting::Online => "online",
            Setting::Community => "community",
        }
    }
}

/// Heavy topics: a scenario that touches one shows its content note first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Heavy {
    Suicide,
    SelfHarm,
    Coercion,
    Abuse,
    Restraint,
    Loss,
}

impl Heavy {
    pub const ALL: [Heavy; 6] = [
        Heavy::Suicide,
        Heavy::SelfHarm,
        Heavy::Coercion,
        Heavy::Abuse,
        Heavy::Restraint,
        Heavy::Loss,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Heavy::Suicide => "suicide",
            Heavy::SelfHarm => "self_harm",
            Heavy::Coercion => "coercion",
            Heavy::Abuse => "abuse",
            Heavy::Restraint => "restraint",
            Heavy::Loss => "loss",
        }
    }
}

/// Whose card a role card is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    Supporter,
    Person,
    Third,
    Observer,
}

impl RoleKind {
    pub fn key(self) -> &'static str {
        match self {
            RoleKind::Supporter => "supporter",
            RoleKind::Person => "person",
            RoleKind::Third => "third",
            RoleKind::Observer => "observer",
        }
    }
    pub fn from_key(key: &str) -> Option<RoleKind> {
        [
            RoleKind::Supporter,
            RoleKind::Person,
            RoleKind::Third,
            RoleKind::Observer,
        ]
        .into_iter()
        .find(|k| k.key() == key)
    }
}

/// The shift a reframe practises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    Curiosity,
    Learning,
    Relationship,
    Hope,
    Experience,
    Towards,
}

impl Shift {
    pub const ALL: [Shift; 6] = [
        Shift::Curiosity,
        Shift::Learning,
        Shift::Relationship,
        Shift::Hope,
        Shift::Experience,
        Shift::Towards,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Shift::Curiosity => "curiosity",
            Shift::Learning => "learning",
            Shift::Relationship => "relationship",
            Shift::Hope => "hope",
            Shift::Experience => "experience",
            Shift::Towards => "towards",
        }
    }
    pub fn from_key(key: &str) -> Option<Shift> {
        Shift::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Where a reframe's starting phrase comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Question,
    CaseNote,
    InnerThought,
    HeardAtWork,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeckKind {
    CheckIn,
    CheckOut,
    Theme,
}

impl DeckKind {
    pub const ALL: [DeckKind; 3] = [DeckKind::CheckIn, DeckKind::CheckOut, DeckKind::Theme];
    pub fn key(self) -> &'static str {
        match self {
            DeckKind::CheckIn => "check_in",
            DeckKind::CheckOut => "check_out",
            DeckKind::Theme => "theme",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptKind {
    Principle,
    Task,
    Idea,
}
