//! What every kind of content must be to be used: lengths in both languages,
//! ids, counts, leans, roles, content notes, the arc of a scenario. The build
//! runs these on `content/`, the app on the items a user writes. Each problem
//! names its field ([`FieldPath`]) and its [`Reason`].

use super::arc;
use super::concept::Concept;
use super::deck::Deck;
use super::reframe::Reframe;
use super::scenario::Scenario;
use super::vocab::{RoleKind, Task};
use crate::ground::check::{limits, Checker, ContentError, FieldPath, Reason};
use crate::ground::lang::{Lang, Text};
use std::collections::BTreeSet;

/// Whether an optional text was left empty in both languages (an editor's
/// field that was typed in and cleared again): as if it were not there.
fn blank(text: &Text) -> bool {
    text.ja.trim().is_empty() && text.en.trim().is_empty()
}

/// How many moments a scenario has.
pub const MOMENTS: (usize, usize) = (3, 7);
/// How many responses a moment offers.
pub const RESPONSES: (usize, usize) = (2, 4);

impl Scenario {
    /// Every problem with this scenario, named by field: the checks built-in
    /// content and a user's own scenarios share.
    pub fn problems(&self, file: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        let root = FieldPath::root();
        c.id(&root.field("id"), &self.id);
        if !(5..=60).contains(&self.minutes) {
            c.fail(
                root.field("minutes"),
                Reason::Minutes(self.minutes),
                format!(
                    "{} minutes; a scenario takes between 5 and 60",
                    self.minutes
                ),
            );
        }
        if self.tasks.is_empty() {
            c.fail(
                root.field("tasks"),
                Reason::NoTask,
                "name at least one task it exercises",
            );
        }
        if self.principles.is_empty() {
            c.fail(
                root.field("principles"),
                Reason::NoPrinciple,
                "name at least one principle it exercises",
            );
        }
        c.text(&root.field("title"), &self.title, TITLE);
        c.text(&root.field("situation"), &self.situation, SITUATION);
        c.text(&root.field("opening"), &self.opening, OPENING);
        match (&self.content_note, self.heavy.is_empty()) {
            (None, false) => c.fail(
                root.field("content_note"),
                Reason::NoContentNote,
                "a scenario with a heavy topic needs a content note, shown before it opens",
            ),
            (Some(note), _) => c.text(&root.field("content_note"), note, CONTENT_NOTE),
            (None, true) => {}
        }
        self.check_roles(&mut c);
        c.count(
            &root.field("moments"),
            self.moments.len(),
            MOMENTS.0,
            MOMENTS.1,
        );
        for (i, moment) in self.moments.iter().enumerate() {
            let at = root.field("moments").at(i);
            c.text(&at.field("other"), &moment.other, MOMENT);
            c.count(
                &at.field("responses"),
                moment.responses.len(),
                RESPONSES.0,
                RESPONSES.1,
            );
            for (j, response) in moment.responses.iter().enumerate() {
                let at = at.field("responses").at(j);
                c.text(&at.field("text"), &response.text, RESPONSE);
                c.text(&at.field("note"), &response.note, NOTE);
                if let Some(reaction) = response.reaction.as_ref().filter(|t| !blank(t)) {
                    c.text(&at.field("reaction"), reaction, REACTION);
                }
                if response.toward.is_empty() && response.away.is_empty() {
                    c.fail(
                        at.field("toward"),
                        Reason::NoLean,
                        "name a task or principle it leans toward or away from",
                    );
                }
            }
        }
        arc::check(self, &mut c);
        for task in Task::ALL {
            c.text(
                &root.field("debrief").field(task.key()),
                self.debrief.get(task),
                DEBRIEF,
            );
        }
        c.errors
    }

    /// What built-in content must have on top of [`Scenario::problems`]: a
    /// reaction on every response, and a third person's cue to come in.
    pub fn built_in_problems(&self, file: &str) -> Vec<ContentError> {
        let mut c = Checker::new(file);
        for (i, moment) in self.moments.iter().enumerate() {
            for (j, response) in moment.responses.iter().enumerate() {
                if response.reaction.as_ref().is_none_or(blank) {
                    c.fail(
                        FieldPath::of("moments")
                            .at(i)
                            .field("responses")
                            .at(j)
                            .field("reaction"),
                        Reason::NoReaction,
                        "say how the other person might react if this were said",
                    );
                }
            }
        }
        for (i, role) in self.roles.iter().enumerate() {
            if role.kind == RoleKind::Third && role.enters.as_ref().is_none_or(blank) {
                c.fail(
                    FieldPath::of("roles").at(i).field("enters"),
                    Reason::Missing(None),
                    "say when this person comes in, in words of the story",
                );
            }
        }
        c.errors
    }

    fn check_roles(&self, c: &mut Checker) {
        use limits::*;
        let root = FieldPath::root();
        for (kind, min, max) in [
            (RoleKind::Supporter, 1, 1),
            (RoleKind::Person, 1, 1),
            (RoleKind::Third, 0, 1),
            (RoleKind::Observer, 1, 1),
        ] {
            let n = self.roles.iter().filter(|r| r.kind == kind).count();
            if n < min || n > max {
                c.fail(
                    root.field("roles"),
                    Reason::Roles {
                        kind: kind.key(),
                        n,
                        min,
                        max,
                    },
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
            let at = root.field("roles").at(i);
            c.text(&at.field("name"), &role.name, ROLE_NAME);
            c.text(&at.field("briefing"), &role.briefing, BRIEFING);
            match (&role.holding_back, role.kind) {
                (Some(h), _) => c.text(&at.field("holding_back"), h, HOLDING_BACK),
                (None, RoleKind::Observer) => {}
                (None, _) => c.fail(
                    at.field("holding_back"),
                    Reason::Missing(None),
                    "say what this person will not say at first",
                ),
            }
            if let Some(enters) = role.enters.as_ref().filter(|t| !blank(t)) {
                c.text(&at.field("enters"), enters, ENTERS);
            }
            let texts = [
                ("briefing", Some(&role.briefing)),
                ("holding_back", role.holding_back.as_ref()),
                ("enters", role.enters.as_ref()),
            ];
            for (field, text) in texts {
                let Some(text) = text else { continue };
                for lang in Lang::ALL {
                    if names_a_moment_number(text.get(lang), lang) {
                        c.fail(
                            at.field(field).lang(lang),
                            Reason::MomentNumber,
                            "says when to come in by a moment's number, which the other players cannot see: say it in words of the story",
                        );
                    }
                }
            }
        }
    }
}

/// Whether a role card's text tells the time by a moment's number
/// (「場面3で」, 「4つ目のやりとり」, "the fourth moment", "in moment 2"),
/// which only the app knows.
pub fn names_a_moment_number(text: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ja => {
            let chars: Vec<char> = text.chars().collect();
            let numeral = |c: char| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "一二三四五六七八九十".contains(c)
                    || c == '目'
            };
            ["場面", "やりとり", "ターン"].iter().any(|word| {
                let w: Vec<char> = word.chars().collect();
                (0..chars.len().saturating_sub(w.len() - 1)).any(|i| {
                    if chars[i..i + w.len()] != w[..] {
                        return false;
                    }
                    let before = chars[i.saturating_sub(4)..i].iter().any(|c| numeral(*c));
                    let after = chars[i + w.len()..(i + w.len() + 2).min(chars.len())]
                        .iter()
                        .any(|c| numeral(*c));
                    before || after
                })
            })
        }
        Lang::En => {
            let lower = text.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            const ORDINALS: [&str; 14] = [
                "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "1st", "2nd",
                "3rd", "4th", "5th", "6th", "7th",
            ];
            words.iter().enumerate().any(|(i, w)| {
                let is_turn = matches!(*w, "moment" | "moments" | "turn");
                is_turn
                    && (words
                        .get(i + 1)
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                        || i.checked_sub(1)
                            .and_then(|j| words.get(j))
                            .is_some_and(|p| ORDINALS.contains(p)))
            })
        }
    }
}

impl Reframe {
    /// Every problem with this reframe; `at` is its place in its file (the
    /// root for a user's own reframe).
    pub fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id(&at.field("id"), &self.id);
        c.text(&at.field("phrase"), &self.phrase, PHRASE);
        c.count(&at.field("examples"), self.examples.len(), 2, 3);
        for (i, e) in self.examples.iter().enumerate() {
            c.text(&at.field("examples").at(i), e, EXAMPLE);
        }
        c.text(&at.field("note"), &self.note, REFRAME_NOTE);
        c.errors
    }
}

impl Deck {
    /// Every problem with this deck.
    pub fn problems(&self, file: &str) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        let root = FieldPath::root();
        c.id(&root.field("id"), &self.id);
        c.text(&root.field("title"), &self.title, TITLE);
        if self.prompt.is_empty() {
            c.fail(
                root.field("prompt"),
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
            let at = root.field("prompt").at(i);
            c.id(&at.field("id"), &p.id);
            if !seen.insert(p.id.as_str()) {
                c.fail(
                    at.field("id"),
                    Reason::DuplicateId,
                    format!("\"{}\" is used twice in this deck", p.id),
                );
            }
            c.text(&at.field("text"), &p.text, PROMPT);
            if let Some(short) = &p.short {
                c.text(&at.field("short"), short, SHORT);
            }
        }
        c.errors
    }
}

impl Concept {
    /// Every problem with this concept; `at` is its place in its file.
    pub fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError> {
        use limits::*;
        let mut c = Checker::new(file);
        c.id(&at.field("id"), &self.id);
        c.text(&at.field("title"), &self.title, TITLE);
        c.text(&at.field("body"), &self.body, CONCEPT_BODY);
        c.text(&at.field("question"), &self.question, QUESTION);
        c.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::deck::Prompt;
    use crate::content::vocab::DeckKind;
    use crate::ground::lang::Text;

    #[test]
    fn a_role_card_may_not_tell_the_time_by_a_moment_number() {
        for (text, lang) in [
            ("場面3で、あなたは部屋に入ってきます。", Lang::Ja),
            ("（4つ目の場面）", Lang::Ja),
            ("３つ目のやりとりで声をかけます。", Lang::Ja),
            ("You come in at the fourth moment.", Lang::En),
            ("In moment 3, you walk over.", Lang::En),
        ] {
            assert!(names_a_moment_number(text, lang), "{text}");
        }
        for (text, lang) in [
            (
                "真理子さんが手紙のことを口にしたら、部屋に入ってきます。",
                Lang::Ja,
            ),
            ("この場面では、あなたは看護師です。", Lang::Ja),
            ("When Mariko mentions the letter, you come in.", Lang::En),
            ("At that moment you feel torn.", Lang::En),
        ] {
            assert!(!names_a_moment_number(text, lang), "{text}");
        }
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
            .map(|e| (e.field.to_string(), e.reason))
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
        assert!(empty
            .problems("d.toml")
            .iter()
            .any(|e| e.field == FieldPath::of("prompt")
                && e.reason
                    == Reason::Count {
                        n: 0,
                        min: 1,
                        max: usize::MAX
                    }));
    }
}
