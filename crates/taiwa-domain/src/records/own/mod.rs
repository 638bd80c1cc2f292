//! Content a user writes in the app: their own scenarios, reframes and decks.
//!
//! An own item has the same shape as a built-in one and passes the same checks
//! (`Scenario::problems` and the others). A person writes in one language; the
//! item is kept as written, and when it joins the library the other language
//! shows the same words ([`mirror`]). Drafts that do not pass the checks yet are
//! kept too (nothing a person typed is thrown away) but only ready items join
//! the library, where every page uses them as it uses the built-in ones.
//!
//! Own ids start with `mine-` ([`crate::ground::id::OWN_PREFIX`]); the build
//! refuses that prefix for built-in content, so the two never collide. The
//! editors' blank items and list moves are in [`blank`].

pub mod blank;

use crate::content::{Deck, Library, Reframe, RoleKind, Scenario};
use crate::ground::check::{ContentError, FieldPath};
use crate::ground::lang::Lang;
use crate::ground::stamp::Records;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One item a user wrote, with when it changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Own<T> {
    /// The language it is written in.
    pub lang: Lang,
    /// Milliseconds since the epoch.
    pub created: i64,
    pub(crate) updated: i64,
    /// Deleted items stay as tombstones so the deletion reaches other tabs.
    #[serde(default)]
    pub(crate) deleted: bool,
    pub item: T,
}

impl<T: Clone> crate::ground::stamp::Record for Own<T> {
    fn updated(&self) -> i64 {
        self.updated
    }
    fn deleted(&self) -> bool {
        self.deleted
    }
    fn set_stamp(&mut self, stamp: crate::ground::stamp::Stamp) {
        self.updated = stamp.updated;
        self.deleted = stamp.deleted;
    }
}

/// What an own item must be able to do: name itself, list its problems, and
/// say where the user's items of its kind are kept.
pub trait Authored: Clone + Serialize + DeserializeOwned {
    fn id(&self) -> &str;
    /// Every problem, named by field (the same checks as built-in content).
    fn problems(&self) -> Vec<ContentError>;
    /// The user's items of this kind.
    fn kept(own: &OwnContent) -> &Records<Own<Self>>;
    fn kept_mut(own: &mut OwnContent) -> &mut Records<Own<Self>>;
    /// A copy under a new id.
    fn with_id(&self, id: String) -> Self;
    /// The kinds of its role cards, in order (only a scenario has any), to
    /// name a problem's place ("相手役・名前").
    fn role_kinds(&self) -> Vec<RoleKind> {
        Vec::new()
    }
}

/// The parts of [`Authored`] that are the same for every kind.
macro_rules! kept {
    ($field:ident) => {
        fn kept(own: &OwnContent) -> &Records<Own<Self>> {
            &own.$field
        }
        fn kept_mut(own: &mut OwnContent) -> &mut Records<Own<Self>> {
            &mut own.$field
        }
        fn with_id(&self, id: String) -> Self {
            Self { id, ..self.clone() }
        }
    };
}

impl Authored for Scenario {
    kept!(scenarios);
    fn role_kinds(&self) -> Vec<RoleKind> {
        self.roles.iter().map(|r| r.kind).collect()
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self) -> Vec<ContentError> {
        Scenario::problems(self, "")
    }
}

impl Authored for Reframe {
    kept!(reframes);
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self) -> Vec<ContentError> {
        Reframe::problems(self, "", &FieldPath::root())
    }
}

impl Authored for Deck {
    kept!(decks);
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self) -> Vec<ContentError> {
        Deck::problems(self, "")
    }
}

impl<T: Authored> Own<T> {
    pub fn new(item: T, lang: Lang, now: i64) -> Own<T> {
        Own {
            lang,
            created: now,
            updated: now,
            deleted: false,
            item,
        }
    }

    /// The item as the library shows it: every text in both languages.
    pub fn mirrored(&self) -> T {
        mirror(&self.item, self.lang)
    }

    /// Every problem that keeps it out of the library (none: it is ready).
    ///
    /// Only the language it is written in counts: the other language holds a
    /// copy, and a copy of English text is not held to the Japanese lengths.
    pub fn problems(&self) -> Vec<ContentError> {
        let lang = self.lang;
        self.mirrored()
            .problems()
            .into_iter()
            .filter(|e| e.lang().is_none_or(|l| l == lang))
            .collect()
    }

    /// The item, ready for the library, if it is not deleted and passes.
    pub fn ready(&self) -> Option<T> {
        if self.deleted || !self.problems().is_empty() {
            return None;
        }
        Some(self.mirrored())
    }
}

/// The user's own items, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct OwnContent {
    pub scenarios: Records<Own<Scenario>>,
    pub reframes: Records<Own<Reframe>>,
    pub decks: Records<Own<Deck>>,
}

impl OwnContent {
    /// How many items are kept (not deleted), ready or not.
    pub fn len(&self) -> usize {
        self.scenarios.len() + self.reframes.len() + self.decks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps `item` as the user's own under `id` (which it takes), written in
    /// `lang`, created and updated `now`: a new item, a duplicate, or a copy
    /// saved from a share link.
    pub fn keep<T: Authored>(&mut self, item: &T, lang: Lang, id: &str, now: i64) {
        T::kept_mut(self).put(id, Own::new(item.with_id(id.to_string()), lang, now), now);
    }

    /// The built-in library with the user's ready items added after the
    /// built-in ones, so every page that lists or finds content finds them
    /// too.
    pub fn join(&self, lib: &Library) -> Library {
        let mut lib = lib.clone();
        lib.scenarios
            .extend(self.scenarios.values().filter_map(Own::ready));
        lib.reframes
            .extend(self.reframes.values().filter_map(Own::ready));
        lib.decks.extend(self.decks.values().filter_map(Own::ready));
        lib
    }
}

/// The problems of a list, one per field place, in the order found: the
/// editor shows one line per field (two languages missing are one gap).
pub fn by_place(problems: &[ContentError]) -> Vec<(FieldPath, ContentError)> {
    let mut out: Vec<(FieldPath, ContentError)> = Vec::new();
    for p in problems {
        let at = p.field.place();
        if !out.iter().any(|(k, _)| *k == at) {
            out.push((at, p.clone()));
        }
    }
    out
}

/// Copies every text of `item` from the language it was written in to the
/// other one, where the other is empty. (A text is any `{ja, en}` pair.)
pub fn mirror<T: Serialize + DeserializeOwned + Clone>(item: &T, from: Lang) -> T {
    fn walk(v: &mut Value, from: &str, to: &str) {
        match v {
            Value::Object(map) => {
                let is_text = map.len() == 2 && map.contains_key("ja") && map.contains_key("en");
                if is_text {
                    let source = map.get(from).cloned().unwrap_or(Value::Null);
                    let empty = map
                        .get(to)
                        .and_then(Value::as_str)
                        .is_none_or(|s| s.trim().is_empty());
                    if empty {
                        map.insert(to.to_string(), source);
                    }
                } else {
                    map.values_mut().for_each(|x| walk(x, from, to));
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, from, to)),
            _ => {}
        }
    }
    let Ok(mut value) = serde_json::to_value(item) else {
        return item.clone();
    };
    let (from, to) = match from {
        Lang::Ja => ("ja", "en"),
        Lang::En => ("en", "ja"),
    };
    walk(&mut value, from, to);
    serde_json::from_value(value).unwrap_or_else(|_| item.clone())
}

#[cfg(test)]
mod tests {
    use super::blank::*;
    use super::*;
    use crate::content::{DeckKind, Prompt, Shift, Source};
    use crate::Text;

    fn reframe(id: &str, phrase: &str) -> Reframe {
        Reframe {
            id: id.into(),
            shift: Shift::Curiosity,
            source: Source::Question,
            phrase: Text::new(phrase, ""),
            examples: vec![
                Text::new("そのとき何があったのか、聞かせてもらえますか。", ""),
                Text::new("どんな一日でしたか。", ""),
            ],
            note: Text::new("責める問いから、知りたい問いへ。", ""),
        }
    }

    #[test]
    fn mirror_fills_only_the_empty_language() {
        let mut r = reframe("mine-a", "なんで？");
        r.note.en = "kept".into();
        let m = mirror(&r, Lang::Ja);
        assert_eq!(m.phrase, Text::new("なんで？", "なんで？"));
        assert_eq!(m.examples[1].en, "どんな一日でしたか。");
        assert_eq!(m.note.en, "kept", "what was written in English stays");
        assert_eq!(m.shift, r.shift);
    }

    #[test]
    fn only_ready_items_join_the_library_and_drafts_are_kept() {
        let mut own = OwnContent::default();
        own.reframes.put(
            "mine-a",
            Own::new(reframe("mine-a", "なんで？"), Lang::Ja, 10),
            10,
        );
        let mut draft = reframe("mine-b", "");
        draft.examples.truncate(1);
        own.reframes
            .put("mine-b", Own::new(draft, Lang::Ja, 10), 10);
        let gone = Own::new(reframe("mine-c", "どうして"), Lang::Ja, 10);
        own.reframes.put("mine-c", gone, 10);
        own.reframes.delete("mine-c", 11);
        let problems = own.reframes.get("mine-b").unwrap().problems();
        let fields: Vec<String> = problems.iter().map(|p| p.field.to_string()).collect();
        assert!(fields.contains(&"phrase.ja".to_string()), "{fields:?}");
        assert!(fields.contains(&"examples".to_string()), "{fields:?}");
        let lib = own.join(&Library::default());
        let ids: Vec<&str> = lib.reframes.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["mine-a"]);
        assert_eq!(lib.reframe("mine-a").unwrap().phrase.en, "なんで？");
        assert_eq!(own.len(), 2, "the draft counts, the deleted one does not");
    }

    #[test]
    fn a_deck_written_in_english_shows_in_japanese_too() {
        let deck = Deck {
            id: "mine-d".into(),
            kind: DeckKind::CheckIn,
            title: Text::new("", "Our check-in"),
            prompt: vec![Prompt {
                id: "p1".into(),
                text: Text::new("", "What brought you here today?"),
                short: None,
            }],
        };
        let own = Own::new(deck, Lang::En, 1);
        assert!(own.problems().is_empty(), "{:?}", own.problems());
        assert_eq!(own.ready().unwrap().title.ja, "Our check-in");
    }

    #[test]
    fn english_is_held_to_english_lengths_not_to_the_japanese_copy() {
        use crate::ground::check::{limits, Reason};
        let long = "a".repeat(limits::PHRASE + 10);
        let mut r = reframe("mine-e", "");
        r.phrase = Text::new("", &long);
        r.examples = vec![
            Text::new("", "What happened?"),
            Text::new("", "Tell me more."),
        ];
        r.note = Text::new("", "From blame to curiosity.");
        let own = Own::new(r, Lang::En, 1);
        assert!(own.problems().is_empty(), "{:?}", own.problems());
        assert!(own.ready().is_some());
        let mut over = own.clone();
        over.item.phrase.en = "a".repeat(limits::PHRASE * 2 + 1);
        let p = over.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].reason,
            Reason::TooLong {
                lang: Lang::En,
                count: limits::PHRASE * 2 + 1,
                limit: limits::PHRASE * 2
            }
        );
        assert!(over.ready().is_none());
    }

    #[test]
    fn an_empty_field_is_one_gap_at_one_place() {
        use crate::ground::check::Reason;
        let own = Own::new(blank_reframe("mine-r".into()), Lang::Ja, 1);
        let problems = own.problems();
        let places: Vec<String> = by_place(&problems)
            .into_iter()
            .map(|(k, _)| k.to_string())
            .collect();
        assert_eq!(places, ["phrase", "examples[0]", "examples[1]", "note"]);
        assert!(problems
            .iter()
            .all(|p| p.reason == Reason::Missing(Some(Lang::Ja))));
    }

    #[test]
    fn a_blank_scenario_names_what_is_left_and_a_full_one_is_ready() {
        use crate::content::{Lean, Principle, Task};
        use crate::ground::check::Reason;
        let mut s = blank_scenario("mine-s".into());
        let own = Own::new(s.clone(), Lang::Ja, 1);
        let reasons: Vec<Reason> = own.problems().iter().map(|p| p.reason).collect();
        assert!(reasons.contains(&Reason::NoTask));
        assert!(reasons.contains(&Reason::NoPrinciple));
        assert!(reasons.contains(&Reason::NoLean));
        assert!(
            !reasons.iter().any(|r| matches!(r, Reason::Roles { .. })),
            "the blank has its roles"
        );
        let fill = |t: &mut Text| t.ja = "ことば".into();
        s.tasks.push(Task::Connection);
        s.principles.push(Principle::Learning);
        for t in [&mut s.title, &mut s.situation, &mut s.opening] {
            fill(t);
        }
        for r in &mut s.roles {
            fill(&mut r.name);
            fill(&mut r.briefing);
            if let Some(h) = &mut r.holding_back {
                fill(h);
            }
        }
        for m in &mut s.moments {
            fill(&mut m.other);
            for r in &mut m.responses {
                fill(&mut r.text);
                fill(&mut r.note);
                r.toward.push(Lean::Connection);
            }
        }
        for t in [
            &mut s.debrief.connection,
            &mut s.debrief.worldview,
            &mut s.debrief.mutuality,
            &mut s.debrief.moving_towards,
        ] {
            fill(t);
        }
        let own = Own::new(s.clone(), Lang::Ja, 1);
        assert!(own.problems().is_empty(), "{:?}", own.problems());
        s.heavy.push(crate::content::Heavy::Loss);
        let heavy = Own::new(s.clone(), Lang::Ja, 1);
        let p = heavy.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].field.to_string(), p[0].reason),
            ("content_note".to_string(), Reason::NoContentNote)
        );
        s.moments.truncate(2);
        let p = Own::new(s, Lang::Ja, 1).problems();
        assert!(
            p.iter().any(|e| e.field == FieldPath::of("moments")
                && e.reason
                    == Reason::Count {
                        n: 2,
                        min: 3,
                        max: 7
                    }),
            "{p:?}"
        );
    }

    #[test]
    fn prompts_get_fresh_ids_and_lists_reorder_and_toggle() {
        let mut deck = blank_deck("mine-d".into());
        deck.prompt.push(blank_prompt(&deck.prompt));
        deck.prompt.remove(0);
        deck.prompt.push(blank_prompt(&deck.prompt));
        let ids: Vec<&str> = deck.prompt.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p2", "p1"]);
        shift_item(&mut deck.prompt, 1, true);
        assert_eq!(deck.prompt[0].id, "p1");
        shift_item(&mut deck.prompt, 0, true);
        shift_item(&mut deck.prompt, 1, false);
        assert_eq!(
            deck.prompt[0].id, "p1",
            "moving past either end does nothing"
        );
        let mut xs = vec![1, 2];
        toggle(&mut xs, 3, true);
        toggle(&mut xs, 1, false);
        toggle(&mut xs, 2, true);
        assert_eq!(xs, [2, 3]);
    }
}
