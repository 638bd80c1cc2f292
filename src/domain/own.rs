//! Content a user writes in the app: their own scenarios, reframes and decks.
//!
//! An own item has the same shape as a built-in one and passes the same checks
//! (`Scenario::problems` and the others). A person writes in one language; the
//! item is kept as written, and when it joins the library the other language
//! shows the same words ([`mirror`]). Drafts that do not pass the checks yet are
//! kept too (nothing a person typed is thrown away) but only ready items join
//! the library, where every page uses them as it uses the built-in ones.
//!
//! Own ids start with [`PREFIX`]; the build refuses that prefix for built-in
//! content, so the two never collide.

use super::content::{ContentError, Deck, Library, Reframe, Scenario};
use super::lang::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Every own item's id starts with this.
pub const PREFIX: &str = "mine-";

/// Whether an id names a user's own item.
pub fn is_own(id: &str) -> bool {
    id.starts_with(PREFIX)
}

/// A new id for an own item, from the time and a random number.
pub fn new_id(now: i64, random: f64) -> String {
    format!("{PREFIX}{}", super::session::new_id(now, random))
}

/// One item a user wrote, with when it changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Own<T> {
    /// The language it is written in.
    pub lang: Lang,
    /// Milliseconds since the epoch.
    pub created: i64,
    pub updated: i64,
    /// Deleted items stay as tombstones so the deletion reaches other tabs.
    #[serde(default)]
    pub deleted: bool,
    pub item: T,
}

/// What an own item must be able to do: name itself and list its problems.
pub trait Authored: Clone + Serialize + DeserializeOwned {
    fn id(&self) -> &str;
    /// Every problem, named by field (the same checks as built-in content).
    fn problems(&self) -> Vec<ContentError>;
}

impl Authored for Scenario {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self) -> Vec<ContentError> {
        Scenario::problems(self, "")
    }
}

impl Authored for Reframe {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self) -> Vec<ContentError> {
        Reframe::problems(self, "", "reframe")
            .into_iter()
            .map(|mut e| {
                e.field = e.field.trim_start_matches("reframe.").to_string();
                e
            })
            .collect()
    }
}

impl Authored for Deck {
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
    /// Only the language it is written in is checked, against that language's
    /// limits (English may be twice as long as Japanese, so a mirrored English
    /// text must not be measured against the Japanese limit).
    pub fn problems(&self) -> Vec<ContentError> {
        let other = match self.lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        };
        let suffix = format!(".{}", other.code());
        fill(&self.item, self.lang, Fill::Placeholder)
            .problems()
            .into_iter()
            .filter(|e| !e.field.ends_with(&suffix))
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
    pub scenarios: BTreeMap<String, Own<Scenario>>,
    pub reframes: BTreeMap<String, Own<Reframe>>,
    pub decks: BTreeMap<String, Own<Deck>>,
}

impl OwnContent {
    /// How many items are kept (not deleted), ready or not.
    pub fn len(&self) -> usize {
        self.scenarios.values().filter(|o| !o.deleted).count()
            + self.reframes.values().filter(|o| !o.deleted).count()
            + self.decks.values().filter(|o| !o.deleted).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Copies every text of `item` from the language it was written in to the
/// other one, where the other is empty. (A text is any `{ja, en}` pair.)
pub fn mirror<T: Serialize + DeserializeOwned + Clone>(item: &T, from: Lang) -> T {
    fill(item, from, Fill::Copy)
}

/// What goes into the empty side of a text.
#[derive(Clone, Copy)]
enum Fill {
    /// The text of the written language.
    Copy,
    /// A one-character stand-in where the written side has text, so that a
    /// check of both languages measures only the written one.
    Placeholder,
}

fn fill<T: Serialize + DeserializeOwned + Clone>(item: &T, from: Lang, how: Fill) -> T {
    fn walk(v: &mut Value, from: &str, to: &str, how: Fill) {
        match v {
            Value::Object(map) => {
                let is_text = map.len() == 2 && map.contains_key("ja") && map.contains_key("en");
                if is_text {
                    let source = map.get(from).cloned().unwrap_or(Value::Null);
                    let empty = map
                        .get(to)
                        .and_then(Value::as_str)
                        .is_none_or(|s| s.trim().is_empty());
                    let written = source.as_str().is_some_and(|s| !s.trim().is_empty());
                    if empty {
                        let value = match how {
                            Fill::Copy => source,
                            Fill::Placeholder if written => Value::from("·"),
                            Fill::Placeholder => Value::from(""),
                        };
                        map.insert(to.to_string(), value);
                    }
                } else {
                    map.values_mut().for_each(|x| walk(x, from, to, how));
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, from, to, how)),
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
    walk(&mut value, from, to, how);
    serde_json::from_value(value).unwrap_or_else(|_| item.clone())
}

impl Library {
    /// The built-in library with the user's ready own items added after the
    /// built-in ones, so every page that lists or finds content finds them too.
    pub fn with_own(&self, own: &OwnContent) -> Library {
        let mut lib = self.clone();
        lib.scenarios
            .extend(own.scenarios.values().filter_map(Own::ready));
        lib.reframes
            .extend(own.reframes.values().filter_map(Own::ready));
        lib.decks.extend(own.decks.values().filter_map(Own::ready));
        lib
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{DeckKind, Prompt, Shift, Source};
    use crate::domain::Text;

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
    fn ids_are_marked_as_own() {
        let id = new_id(1_700_000_000_000, 0.5);
        assert!(is_own(&id), "{id}");
        assert!(!is_own("asked-for-advice"));
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
        own.reframes.insert(
            "mine-a".into(),
            Own::new(reframe("mine-a", "なんで？"), Lang::Ja, 10),
        );
        let mut draft = reframe("mine-b", "");
        draft.examples.truncate(1);
        own.reframes
            .insert("mine-b".into(), Own::new(draft, Lang::Ja, 10));
        let mut gone = Own::new(reframe("mine-c", "どうして"), Lang::Ja, 10);
        gone.deleted = true;
        own.reframes.insert("mine-c".into(), gone);
        let problems = own.reframes["mine-b"].problems();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert!(fields.contains(&"phrase.ja"), "{fields:?}");
        assert!(
            !fields.iter().any(|f| f.ends_with(".en")),
            "only the written language is checked: {fields:?}"
        );
        assert!(fields.contains(&"examples"), "{fields:?}");
        let lib = Library::default().with_own(&own);
        let ids: Vec<&str> = lib.reframes.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["mine-a"]);
        assert_eq!(lib.reframe("mine-a").unwrap().phrase.en, "なんで？");
        assert_eq!(own.len(), 2, "the draft counts, the deleted one does not");
    }

    #[test]
    fn english_is_measured_against_the_english_limit() {
        // 50 English characters: over the Japanese title limit (30), within
        // the English one (60).
        let title = "A long English title that fits the English limit.";
        assert!(title.chars().count() > 30 && title.chars().count() <= 60);
        let deck = Deck {
            id: "mine-e".into(),
            kind: DeckKind::Theme,
            title: Text::new("", title),
            prompt: vec![Prompt {
                id: "p1".into(),
                text: Text::new("", "What helped?"),
                short: None,
            }],
        };
        let own = Own::new(deck, Lang::En, 1);
        assert_eq!(own.problems(), vec![]);
        assert_eq!(own.ready().unwrap().title.ja, title);
        let mut long = own.clone();
        long.item.title.en = "x".repeat(61);
        assert_eq!(long.problems().len(), 1);
        assert!(long.ready().is_none());
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
    fn built_in_content_cannot_take_an_own_id() {
        use crate::domain::content::{load_library, SourceFile};
        let text = r#"
id = "mine-x"
kind = "check_in"
title = { ja = "チェックイン", en = "Check-in" }
[[prompt]]
id = "p1"
text = { ja = "いまの気分は？", en = "How are you arriving?" }
"#;
        let files = [SourceFile {
            path: "content/decks/mine-x.toml".into(),
            text: text.into(),
        }];
        let errors = load_library(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.problem.contains("kept for people's own items")),
            "{errors:?}"
        );
    }

    #[test]
    fn own_items_follow_merge_import_and_delete_everything() {
        use crate::domain::backup;
        use crate::domain::document::Document;
        let mut a = Document::default();
        a.own.reframes.insert(
            "mine-a".into(),
            Own::new(reframe("mine-a", "なんで？"), Lang::Ja, 10),
        );
        let saved = a.clone();
        let mut other_tab = a.clone();
        backup::delete_everything(&mut a, 20);
        assert!(a.own.reframes["mine-a"].deleted);
        other_tab.merge(&a);
        assert!(
            other_tab.own.is_empty(),
            "the deletion reaches the other tab"
        );
        backup::merge_into(&mut a, &saved, 30);
        assert!(
            !a.own.reframes["mine-a"].deleted,
            "importing brings it back"
        );
        assert_eq!(a.own.reframes["mine-a"].updated, 30);
    }
}
