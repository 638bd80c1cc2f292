//! The content library: scenarios, reframes, prompt decks, concepts and the
//! language lens's rules, and the checks every item must pass.
//!
//! People write content as TOML under `content/` (see `content/README.md`).
//! `build.rs` reads every file through [`load_library`]; a problem stops the build
//! with a message that names the file and the field. The same checks run on the
//! items a user writes in the app.

use super::lang::{Lang, Text};
use super::lens::{Lens, LensKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

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
}

impl Setting {
    pub const ALL: [Setting; 10] = [
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

/// A role card: the private briefing one player reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleCard {
    pub kind: RoleKind,
    pub name: Text,
    pub briefing: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding_back: Option<Text>,
}

/// One possible response at a turning point, with a reflection on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub text: Text,
    #[serde(default)]
    pub toward: Vec<Lean>,
    #[serde(default)]
    pub away: Vec<Lean>,
    pub note: Text,
}

/// A moment where the conversation can turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// What the other person says or does.
    pub other: Text,
    pub responses: Vec<Response>,
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

/// A reframing exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reframe {
    pub id: String,
    pub shift: Shift,
    pub source: Source,
    pub phrase: Text,
    pub examples: Vec<Text>,
    pub note: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeckKind {
    CheckIn,
    CheckOut,
    Theme,
}

/// One prompt of a deck, with a one-word variant for a quick round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
}

/// A deck of prompts for rounds and group discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub id: String,
    pub kind: DeckKind,
    pub title: Text,
    pub prompt: Vec<Prompt>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptKind {
    Principle,
    Task,
    Idea,
}

/// A concept page: a principle, a task or a key idea.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub kind: ConceptKind,
    pub title: Text,
    pub body: Text,
    pub question: Text,
}

/// A rule of the language lens, as written in `content/lens/*.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LensRule {
    pub id: String,
    pub kind: LensKind,
    pub lang: Lang,
    pub patterns: Vec<String>,
    pub explain: Text,
    pub consider: Text,
    /// Examples the rule must find. Checked at build time, not shipped.
    #[serde(default, skip_serializing)]
    pub positive: Vec<String>,
    /// Near misses the rule must not find. Checked at build time, not shipped.
    #[serde(default, skip_serializing)]
    pub negative: Vec<String>,
}

/// Every concept the app links to must exist.
pub const REQUIRED_CONCEPTS: [&str; 14] = [
    "learning",
    "relationship",
    "hope",
    "connection",
    "worldview",
    "mutuality",
    "moving_towards",
    "what-happened",
    "language",
    "disconnection",
    "shared-risk",
    "power",
    "neither-right-nor-wrong",
    "pass-is-ok",
];

/// The whole library, as embedded in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Library {
    pub scenarios: Vec<Scenario>,
    pub reframes: Vec<Reframe>,
    pub decks: Vec<Deck>,
    pub concepts: Vec<Concept>,
    pub lens: Vec<LensRule>,
}

impl Library {
    /// The library with every text in one language only (the other left empty),
    /// as JSON: what a device that shows `lang` needs to load.
    pub fn only(&self, lang: Lang) -> serde_json::Value {
        fn walk(v: &mut serde_json::Value, drop: &str) {
            match v {
                serde_json::Value::Object(map) => {
                    let is_text =
                        map.len() == 2 && map.contains_key("ja") && map.contains_key("en");
                    if is_text {
                        map.insert(drop.to_string(), serde_json::Value::String(String::new()));
                    } else {
                        map.values_mut().for_each(|x| walk(x, drop));
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(|x| walk(x, drop)),
                _ => {}
            }
        }
        let mut value = serde_json::to_value(self).unwrap_or_default();
        let drop = match lang {
            Lang::Ja => "en",
            Lang::En => "ja",
        };
        walk(&mut value, drop);
        value
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
    pub fn reframe(&self, id: &str) -> Option<&Reframe> {
        self.reframes.iter().find(|r| r.id == id)
    }
    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id == id)
    }
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
}

/// One problem in one content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// The field, as a path: `moments[2].responses[0].note.en`.
    pub field: String,
    /// What is wrong, for the app to say in the user's language.
    pub reason: Reason,
    /// The same, as an English sentence for content authors at build time.
    pub problem: String,
}

/// What is wrong with a field, as data: the in-app editor phrases it in the
/// user's language next to the field (see `own::Place`), the build prints
/// [`ContentError::problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A text is empty in this language (or, without one, a part is missing).
    Missing(Option<Lang>),
    /// A text is longer than its place allows.
    TooLong {
        lang: Lang,
        count: usize,
        limit: usize,
    },
    /// A list has `n` items and needs `min` to `max` (`max` is `usize::MAX`
    /// when there is no upper bound).
    Count {
        n: usize,
        min: usize,
        max: usize,
    },
    /// A response leans neither toward nor away from anything.
    NoLean,
    /// A heavy topic is named and the content note is missing.
    NoContentNote,
    /// A scenario has `n` role cards of `kind`, and needs `min` to `max`.
    Roles {
        kind: RoleKind,
        n: usize,
        min: usize,
        max: usize,
    },
    /// Minutes outside 5 to 60.
    Minutes(u32),
    NoTask,
    NoPrinciple,
    /// Not a usable id.
    BadId,
    /// An id used twice.
    DuplicateId,
    /// Anything only a content file can get wrong (its syntax, its name, a
    /// missing concept): the English `problem` says it.
    File,
}

impl ContentError {
    /// The language the problem is in, when it is about one language's text.
    pub fn lang(&self) -> Option<Lang> {
        match self.reason {
            Reason::Missing(lang) => lang,
            Reason::TooLong { lang, .. } => Some(lang),
            _ => None,
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.problem)
        }
    }
}

/// A content file as read from disk: its path relative to the project, and its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Collects problems while walking an item.
struct Checker<'a> {
    file: &'a str,
    errors: Vec<ContentError>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str) -> Self {
        Checker {
            file,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, field: impl Into<String>, reason: Reason, problem: impl Into<String>) {
        self.errors.push(ContentError {
            file: self.file.to_string(),
            field: field.into(),
            reason,
            problem: problem.into(),
        });
    }

    /// Both languages present, and each within its limit (Japanese characters;
    /// English twice as many).
    fn text(&mut self, field: &str, text: &Text, limit_ja: usize) {
        for lang in Lang::ALL {
            let value = text.get(lang).trim();
            let path = format!("{field}.{}", lang.code());
            if value.is_empty() {
                let which = match lang {
                    Lang::Ja => "missing Japanese text",
                    Lang::En => "missing English text",
                };
                self.fail(path, Reason::Missing(Some(lang)), which);
                continue;
            }
            let limit = limit_ja * lang.length_factor();
            let count = value.chars().count();
            if count > limit {
                self.fail(
                    path,
                    Reason::TooLong { lang, count, limit },
                    format!("too long for its place: {count} characters, the limit is {limit}"),
                );
            }
        }
    }

    fn id(&mut self, field: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.fail(
                field,
                Reason::BadId,
                format!("\"{id}\" is not a usable id: use lower-case letters, digits and hyphens"),
            );
        }
    }

    fn count(&mut self, field: &str, n: usize, min: usize, max: usize) {
        if n < min || n > max {
            self.fail(
                field,
                Reason::Count { n, min, max },
                format!("has {n}; it needs between {min} and {max}"),
            );
        }
    }
}

/// Limits, in Japanese characters (English: twice). `content/README.md` lists them.
pub mod limits {
    pub const TITLE: usize = 30;
    pub const SITUATION: usize = 300;
    pub const CONTENT_NOTE: usize = 200;
    pub const ROLE_NAME: usize = 30;
    pub const BRIEFING: usize = 350;
    pub const HOLDING_BACK: usize = 150;
    pub const OPENING: usize = 150;
    pub const MOMENT: usize = 180;
    pub const RESPONSE: usize = 120;
    pub const NOTE: usize = 160;
    pub const DEBRIEF: usize = 100;
    pub const PHRASE: usize = 80;
    pub const EXAMPLE: usize = 100;
    pub const REFRAME_NOTE: usize = 120;
    pub const PROMPT: usize = 80;
    pub const SHORT: usize = 30;
    pub const CONCEPT_BODY: usize = 400;
    pub const QUESTION: usize = 100;
    pub const LENS_LINE: usize = 80;
}

impl Scenario {
    /// Every problem with this scenario, named by field.
    pub fn problems(&self, file: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id("id", &self.id);
        if !(5..=60).contains(&self.minutes) {
            c.fail(
                "minutes",
                Reason::Minutes(self.minutes),
                format!(
                    "{} minutes; a scenario takes between 5 and 60",
                    self.minutes
                ),
            );
        }
        if self.tasks.is_empty() {
            c.fail(
                "tasks",
                Reason::NoTask,
                "name at least one task it exercises",
            );
        }
        if self.principles.is_empty() {
            c.fail(
                "principles",
                Reason::NoPrinciple,
                "name at least one principle it exercises",
            );
        }
        c.text("title", &self.title, TITLE);
        c.text("situation", &self.situation, SITUATION);
        c.text("opening", &self.opening, OPENING);
        match (&self.content_note, self.heavy.is_empty()) {
            (None, false) => c.fail(
                "content_note",
                Reason::NoContentNote,
                "a scenario with a heavy topic needs a content note, shown before it opens",
            ),
            (Some(note), _) => c.text("content_note", note, CONTENT_NOTE),
            (None, true) => {}
        }
        for (kind, min, max) in [
            (RoleKind::Supporter, 1, 1),
            (RoleKind::Person, 1, 1),
            (RoleKind::Third, 0, 1),
            (RoleKind::Observer, 1, 1),
        ] {
            let n = self.roles.iter().filter(|r| r.kind == kind).count();
            if n < min || n > max {
                c.fail(
                    "roles",
                    Reason::Roles { kind, n, min, max },
                    format!(
                        "has {n} \"{}\" role cards; it needs {}",
                        kind.key(),
                        if min == max {
                            format!("exactly {min}")
                        } else {
                            format!("at most {max}")
                        }
                    ),
                );
            }
        }
        for (i, role) in self.roles.iter().enumerate() {
            let at = format!("roles[{i}]");
            c.text(&format!("{at}.name"), &role.name, ROLE_NAME);
            c.text(&format!("{at}.briefing"), &role.briefing, BRIEFING);
            match (&role.holding_back, role.kind) {
                (Some(h), _) => c.text(&format!("{at}.holding_back"), h, HOLDING_BACK),
                (None, RoleKind::Observer) => {}
                (None, _) => c.fail(
                    format!("{at}.holding_back"),
                    Reason::Missing(None),
                    "say what this person will not say at first",
                ),
            }
        }
        c.count("moments", self.moments.len(), 3, 6);
        for (i, moment) in self.moments.iter().enumerate() {
            let at = format!("moments[{i}]");
            c.text(&format!("{at}.other"), &moment.other, MOMENT);
            c.count(&format!("{at}.responses"), moment.responses.len(), 2, 4);
            for (j, response) in moment.responses.iter().enumerate() {
                let at = format!("{at}.responses[{j}]");
                c.text(&format!("{at}.text"), &response.text, RESPONSE);
                c.text(&format!("{at}.note"), &response.note, NOTE);
                if response.toward.is_empty() && response.away.is_empty() {
                    c.fail(
                        format!("{at}.toward"),
                        Reason::NoLean,
                        "name a task or principle it leans toward or away from",
                    );
                }
            }
        }
        for task in Task::ALL {
            c.text(
                &format!("debrief.{}", task.key()),
                self.debrief.get(task),
                DEBRIEF,
            );
        }
        c.errors
    }
}

impl Reframe {
    pub fn problems(&self, file: &str, at: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id(&format!("{at}.id"), &self.id);
        c.text(&format!("{at}.phrase"), &self.phrase, PHRASE);
        c.count(&format!("{at}.examples"), self.examples.len(), 2, 3);
        for (i, e) in self.examples.iter().enumerate() {
            c.text(&format!("{at}.examples[{i}]"), e, EXAMPLE);
        }
        c.text(&format!("{at}.note"), &self.note, REFRAME_NOTE);
        c.errors
    }
}

impl Deck {
    pub fn problems(&self, file: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id("id", &self.id);
        c.text("title", &self.title, TITLE);
        if self.prompt.is_empty() {
            c.fail(
                "prompt",
                Reason::Count {
                    n: 0,
                    min: 1,
                    max: usize::MAX,
                },
                "a deck needs at least one prompt",
            );
        }
        let mut seen = BTreeSet::new();
        for (i, p) in self.prompt.iter().enumerate() {
            let at = format!("prompt[{i}]");
            c.id(&format!("{at}.id"), &p.id);
            if !seen.insert(p.id.as_str()) {
                c.fail(
                    format!("{at}.id"),
                    Reason::DuplicateId,
                    format!("\"{}\" is used twice in this deck", p.id),
                );
            }
            c.text(&format!("{at}.text"), &p.text, PROMPT);
            if let Some(short) = &p.short {
                c.text(&format!("{at}.short"), short, SHORT);
            }
        }
        c.errors
    }
}

impl Concept {
    fn problems(&self, file: &str, at: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id(&format!("{at}.id"), &self.id);
        c.text(&format!("{at}.title"), &self.title, TITLE);
        c.text(&format!("{at}.body"), &self.body, CONCEPT_BODY);
        c.text(&format!("{at}.question"), &self.question, QUESTION);
        c.errors
    }
}

impl LensRule {
    fn problems(&self, file: &str, at: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id(&format!("{at}.id"), &self.id);
        c.text(&format!("{at}.explain"), &self.explain, LENS_LINE);
        c.text(&format!("{at}.consider"), &self.consider, LENS_LINE);
        if self.patterns.is_empty() {
            c.fail(
                format!("{at}.patterns"),
                Reason::File,
                "a rule needs at least one pattern",
            );
        }
        if self.positive.is_empty() {
            c.fail(
                format!("{at}.positive"),
                Reason::File,
                "give at least one example the rule must find",
            );
        }
        if self.negative.is_empty() {
            c.fail(
                format!("{at}.negative"),
                Reason::File,
                "give at least one near miss the rule must not find",
            );
        }
        let lens = match Lens::compile(std::slice::from_ref(self)) {
            Ok(lens) => lens,
            Err(e) => {
                c.fail(format!("{at}.patterns"), Reason::File, e.to_string());
                return c.errors;
            }
        };
        for (i, example) in self.positive.iter().enumerate() {
            if lens.scan(example).is_empty() {
                c.fail(
                    format!("{at}.positive[{i}]"),
                    Reason::File,
                    format!("the rule does not find anything in \"{example}\""),
                );
            }
        }
        for (i, example) in self.negative.iter().enumerate() {
            if !lens.scan(example).is_empty() {
                c.fail(
                    format!("{at}.negative[{i}]"),
                    Reason::File,
                    format!("the rule finds something in \"{example}\", which it should not"),
                );
            }
        }
        c.errors
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReframeFile {
    #[serde(default)]
    reframe: Vec<Reframe>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptFile {
    #[serde(default)]
    concept: Vec<Concept>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LensFile {
    #[serde(default)]
    rule: Vec<LensRule>,
}

fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, ContentError> {
    toml::from_str(&file.text).map_err(|e| ContentError {
        file: file.path.clone(),
        field: String::new(),
        reason: Reason::File,
        problem: e.to_string().trim().replace('\n', "\n    "),
    })
}

/// The name of a file without folder or extension.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Reads every content file, checks every item and the references between them,
/// and returns the library, or every problem found.
///
/// Files are told apart by folder: `scenarios/`, `reframes/`, `decks/`, `lens/`,
/// and `concepts.toml`. Other files are ignored.
pub fn load_library(files: &[SourceFile]) -> Result<Library, Vec<ContentError>> {
    let mut lib = Library::default();
    let mut errors = Vec::new();
    // Which file each id came from, to name both when one repeats.
    let mut scenario_ids: Vec<(String, String)> = Vec::new();
    let mut reframe_ids: Vec<(String, String)> = Vec::new();
    let mut deck_ids: Vec<(String, String)> = Vec::new();
    let mut concept_ids: Vec<(String, String)> = Vec::new();
    let mut lens_ids: Vec<(String, String)> = Vec::new();

    fn once(
        seen: &mut Vec<(String, String)>,
        id: &str,
        file: &str,
        field: String,
        errors: &mut Vec<ContentError>,
    ) {
        if super::own::is_own(id) {
            errors.push(ContentError {
                file: file.to_string(),
                field: field.clone(),
                reason: Reason::BadId,
                problem: format!(
                    "\"{id}\": ids starting with \"{}\" are kept for people's own items",
                    super::own::PREFIX
                ),
            });
        }
        if let Some((_, first)) = seen.iter().find(|(i, _)| i == id) {
            errors.push(ContentError {
                file: file.to_string(),
                field,
                reason: Reason::DuplicateId,
                problem: format!("duplicate id \"{id}\": {first} uses it already"),
            });
        } else {
            seen.push((id.to_string(), file.to_string()));
        }
    }

    for file in files {
        let path = file.path.replace('\\', "/");
        if !path.ends_with(".toml") {
            continue;
        }
        if path.contains("/scenarios/") {
            match parse::<Scenario>(file) {
                Ok(s) => {
                    if s.id != stem(&path) {
                        errors.push(ContentError {
                            file: file.path.clone(),
                            field: "id".into(),
                            reason: Reason::File,
                            problem: format!(
                                "the id \"{}\" must equal the file name \"{}\"",
                                s.id,
                                stem(&path)
                            ),
                        });
                    }
                    errors.extend(s.problems(&file.path));
                    once(
                        &mut scenario_ids,
                        &s.id,
                        &file.path,
                        "id".into(),
                        &mut errors,
                    );
                    lib.scenarios.push(s);
                }
                Err(e) => errors.push(e),
            }
        } else if path.contains("/reframes/") {
            match parse::<ReframeFile>(file) {
                Ok(f) => {
                    for (i, r) in f.reframe.into_iter().enumerate() {
                        let at = format!("reframe[{i}]");
                        errors.extend(r.problems(&file.path, &at));
                        once(
                            &mut reframe_ids,
                            &r.id,
                            &file.path,
                            format!("{at}.id"),
                            &mut errors,
                        );
                        lib.reframes.push(r);
                    }
                }
                Err(e) => errors.push(e),
            }
        } else if path.contains("/decks/") {
            match parse::<Deck>(file) {
                Ok(d) => {
                    errors.extend(d.problems(&file.path));
                    once(&mut deck_ids, &d.id, &file.path, "id".into(), &mut errors);
                    lib.decks.push(d);
                }
                Err(e) => errors.push(e),
            }
        } else if path.contains("/lens/") {
            match parse::<LensFile>(file) {
                Ok(f) => {
                    for (i, r) in f.rule.into_iter().enumerate() {
                        let at = format!("rule[{i}]");
                        errors.extend(r.problems(&file.path, &at));
                        once(
                            &mut lens_ids,
                            &r.id,
                            &file.path,
                            format!("{at}.id"),
                            &mut errors,
                        );
                        lib.lens.push(r);
                    }
                }
                Err(e) => errors.push(e),
            }
        } else if path.ends_with("concepts.toml") {
            match parse::<ConceptFile>(file) {
                Ok(f) => {
                    for (i, cpt) in f.concept.into_iter().enumerate() {
                        let at = format!("concept[{i}]");
                        errors.extend(cpt.problems(&file.path, &at));
                        once(
                            &mut concept_ids,
                            &cpt.id,
                            &file.path,
                            format!("{at}.id"),
                            &mut errors,
                        );
                        lib.concepts.push(cpt);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }

    // References between items: every concept the app links to exists.
    if files.iter().any(|f| f.path.ends_with("concepts.toml")) {
        let concepts_file = files
            .iter()
            .find(|f| f.path.ends_with("concepts.toml"))
            .map(|f| f.path.clone())
            .unwrap_or_default();
        for required in REQUIRED_CONCEPTS {
            if lib.concept(required).is_none() {
                errors.push(ContentError {
                    file: concepts_file.clone(),
                    field: "concept".into(),
                    reason: Reason::File,
                    problem: format!("the concept \"{required}\" is missing; the app links to it"),
                });
            }
        }
    }

    lib.scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    if errors.is_empty() {
        Ok(lib)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_language_library_keeps_that_language_only() {
        let lib = Library {
            concepts: vec![Concept {
                id: "power".into(),
                kind: ConceptKind::Idea,
                title: Text::new("力の差", "Power"),
                body: Text::new("本文", "Body"),
                question: Text::new("問い", "Question"),
            }],
            ..Library::default()
        };
        let ja: Library = serde_json::from_value(lib.only(Lang::Ja)).unwrap();
        assert_eq!(ja.concepts[0].title, Text::new("力の差", ""));
        assert_eq!(ja.concepts[0].id, "power");
        let en: Library = serde_json::from_value(lib.only(Lang::En)).unwrap();
        assert_eq!(en.concepts[0].question, Text::new("", "Question"));
    }

    #[test]
    fn each_problem_carries_a_reason_the_app_can_phrase() {
        let deck = Deck {
            id: "Bad Id".into(),
            kind: DeckKind::Theme,
            title: Text::new("あ".repeat(limits::TITLE + 1).as_str(), ""),
            prompt: vec![
                Prompt {
                    id: "p1".into(),
                    text: Text::new("問い", "A question"),
                    short: None,
                },
                Prompt {
                    id: "p1".into(),
                    text: Text::new("問い", "A question"),
                    short: None,
                },
            ],
        };
        let reasons: Vec<(String, Reason)> = deck
            .problems("d.toml")
            .into_iter()
            .map(|e| (e.field, e.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("id".to_string(), Reason::BadId),
                (
                    "title.ja".to_string(),
                    Reason::TooLong {
                        lang: Lang::Ja,
                        count: limits::TITLE + 1,
                        limit: limits::TITLE
                    }
                ),
                ("title.en".to_string(), Reason::Missing(Some(Lang::En))),
                ("prompt[1].id".to_string(), Reason::DuplicateId),
            ]
        );
        let empty = Deck {
            prompt: Vec::new(),
            ..deck
        };
        assert!(empty.problems("d.toml").iter().any(|e| e.field == "prompt"
            && e.reason
                == Reason::Count {
                    n: 0,
                    min: 1,
                    max: usize::MAX
                }));
    }
}
