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

use super::content::{
    ContentError, Debrief, Deck, DeckKind, Library, Moment, Prompt, Reframe, Response, RoleCard,
    RoleKind, Scenario, Setting, Shift, Source,
};
use super::lang::Lang;
use super::lang::Text;
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

/// What an own item must be able to do: name itself, list its problems, and
/// say where the user's items of its kind are kept.
pub trait Authored: Clone + Serialize + DeserializeOwned {
    fn id(&self) -> &str;
    /// Every problem, named by field (the same checks as built-in content).
    fn problems(&self) -> Vec<ContentError>;
    /// The user's items of this kind.
    fn kept(own: &OwnContent) -> &BTreeMap<String, Own<Self>>;
    fn kept_mut(own: &mut OwnContent) -> &mut BTreeMap<String, Own<Self>>;
    /// A copy under a new id.
    fn with_id(&self, id: String) -> Self;
    /// What a share link of it carries (the item as written, in `lang`).
    fn shared(&self, lang: Lang) -> super::share::Share;
    /// The kinds of its role cards, in order (only a scenario has any), to
    /// name a problem's place ("相手役・名前").
    fn role_kinds(&self) -> Vec<RoleKind> {
        Vec::new()
    }
}

/// The parts of [`Authored`] that are the same for every kind.
macro_rules! kept {
    ($field:ident) => {
        fn kept(own: &OwnContent) -> &BTreeMap<String, Own<Self>> {
            &own.$field
        }
        fn kept_mut(own: &mut OwnContent) -> &mut BTreeMap<String, Own<Self>> {
            &mut own.$field
        }
        fn with_id(&self, id: String) -> Self {
            Self { id, ..self.clone() }
        }
    };
}

impl Authored for Scenario {
    kept!(scenarios);
    fn shared(&self, lang: Lang) -> super::share::Share {
        super::share::Share::Scenario {
            lang,
            scenario: self.clone(),
        }
    }
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
    fn shared(&self, lang: Lang) -> super::share::Share {
        super::share::Share::Reframe {
            lang,
            reframe: self.clone(),
        }
    }
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
    kept!(decks);
    fn shared(&self, lang: Lang) -> super::share::Share {
        super::share::Share::Deck {
            lang,
            deck: self.clone(),
        }
    }
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

    /// Keeps `item` as the user's own under `id` (which it takes), written in
    /// `lang`, created and updated `now`: a new item, a duplicate, or a copy
    /// saved from a share link.
    pub fn keep<T: Authored>(&mut self, item: &T, lang: Lang, id: &str, now: i64) {
        T::kept_mut(self).insert(
            id.to_string(),
            Own::new(item.with_id(id.to_string()), lang, now),
        );
    }
}

/// Where a problem belongs in the editor: the field's path without its
/// language (`moments[2].responses[0].note`), which the editor gives each
/// field, so a problem is shown next to the field it is about.
pub fn place(field: &str) -> &str {
    field
        .strip_suffix(".ja")
        .or_else(|| field.strip_suffix(".en"))
        .unwrap_or(field)
}

/// One step of a field's path: `responses[0]` is `("responses", Some(0))`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step<'a> {
    pub name: &'a str,
    pub index: Option<usize>,
}

/// The steps of a field's path (without its language), for naming the field
/// in words: `moments[2].other` is moment 3, what the other person says.
pub fn steps(field: &str) -> Vec<Step<'_>> {
    place(field)
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| match s.split_once('[') {
            Some((name, rest)) => Step {
                name,
                index: rest.trim_end_matches(']').parse().ok(),
            },
            None => Step {
                name: s,
                index: None,
            },
        })
        .collect()
}

/// The problems of a list, one per field place, in the order found: the
/// editor shows one line per field (two languages missing is one gap).
pub fn by_place(problems: &[ContentError]) -> Vec<(String, ContentError)> {
    let mut out: Vec<(String, ContentError)> = Vec::new();
    for p in problems {
        let at = place(&p.field);
        if !out.iter().any(|(k, _)| k == at) {
            out.push((at.to_string(), p.clone()));
        }
    }
    out
}

/// A new, empty reframe to write into.
pub fn blank_reframe(id: String) -> Reframe {
    Reframe {
        id,
        shift: Shift::Curiosity,
        source: Source::Question,
        phrase: Text::default(),
        examples: vec![Text::default(), Text::default()],
        note: Text::default(),
    }
}

/// A new deck with one empty prompt.
pub fn blank_deck(id: String) -> Deck {
    Deck {
        id,
        kind: DeckKind::CheckIn,
        title: Text::default(),
        prompt: vec![blank_prompt(&[])],
    }
}

/// An empty prompt with an id no other prompt of the deck has.
pub fn blank_prompt(others: &[Prompt]) -> Prompt {
    let next = (1..)
        .map(|n| format!("p{n}"))
        .find(|id| others.iter().all(|p| &p.id != id))
        .unwrap_or_default();
    Prompt {
        id: next,
        text: Text::default(),
        short: None,
    }
}

/// An empty response.
pub fn blank_response() -> Response {
    Response {
        text: Text::default(),
        toward: Vec::new(),
        away: Vec::new(),
        note: Text::default(),
    }
}

/// An empty moment with two empty responses.
pub fn blank_moment() -> Moment {
    Moment {
        other: Text::default(),
        responses: vec![blank_response(), blank_response()],
    }
}

/// An empty role card of a kind (the observer holds nothing back).
pub fn blank_role(kind: RoleKind) -> RoleCard {
    RoleCard {
        kind,
        name: Text::default(),
        briefing: Text::default(),
        holding_back: (kind != RoleKind::Observer).then(Text::default),
    }
}

/// A new scenario: the three roles every scenario has, three moments of two
/// responses, and empty debrief questions.
pub fn blank_scenario(id: String) -> Scenario {
    Scenario {
        id,
        minutes: 15,
        setting: Setting::SupportCentre,
        tasks: Vec::new(),
        principles: Vec::new(),
        heavy: Vec::new(),
        content_note: None,
        title: Text::default(),
        situation: Text::default(),
        opening: Text::default(),
        roles: vec![
            blank_role(RoleKind::Supporter),
            blank_role(RoleKind::Person),
            blank_role(RoleKind::Observer),
        ],
        moments: vec![blank_moment(), blank_moment(), blank_moment()],
        debrief: Debrief {
            connection: Text::default(),
            worldview: Text::default(),
            mutuality: Text::default(),
            moving_towards: Text::default(),
        },
    }
}

/// Moves item `i` of a list one place up (`up`) or down; out of range does
/// nothing.
pub fn shift_item<T>(items: &mut [T], i: usize, up: bool) {
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < items.len() && i < items.len()) {
        items.swap(i, j);
    }
}

/// Toggles `x` in a set kept as a list (in the order chosen).
pub fn toggle<T: PartialEq>(items: &mut Vec<T>, x: T, on: bool) {
    let has = items.contains(&x);
    if on && !has {
        items.push(x);
    } else if !on && has {
        items.retain(|y| *y != x);
    }
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
        assert!(fields.contains(&"examples"), "{fields:?}");
        let lib = Library::default().with_own(&own);
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

    #[test]
    fn english_is_held_to_english_lengths_not_to_the_japanese_copy() {
        use crate::domain::content::{limits, Reason};
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
        use crate::domain::content::Reason;
        let own = Own::new(blank_reframe("mine-r".into()), Lang::Ja, 1);
        let problems = own.problems();
        let places: Vec<String> = by_place(&problems).into_iter().map(|(k, _)| k).collect();
        assert_eq!(places, ["phrase", "examples[0]", "examples[1]", "note"]);
        assert!(problems
            .iter()
            .all(|p| p.reason == Reason::Missing(Some(Lang::Ja))));
    }

    #[test]
    fn a_field_path_reads_as_steps() {
        assert_eq!(
            place("moments[2].responses[0].note.en"),
            "moments[2].responses[0].note"
        );
        assert_eq!(place("title"), "title");
        assert_eq!(
            steps("moments[2].responses[10].note.ja"),
            [
                Step {
                    name: "moments",
                    index: Some(2)
                },
                Step {
                    name: "responses",
                    index: Some(10)
                },
                Step {
                    name: "note",
                    index: None
                },
            ]
        );
        assert_eq!(steps("debrief.moving_towards")[1].name, "moving_towards");
    }

    #[test]
    fn a_blank_scenario_names_what_is_left_and_a_full_one_is_ready() {
        use crate::domain::content::{Lean, Principle, Reason, Task};
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
        s.heavy.push(crate::domain::content::Heavy::Loss);
        let heavy = Own::new(s.clone(), Lang::Ja, 1);
        let p = heavy.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].field.as_str(), p[0].reason),
            ("content_note", Reason::NoContentNote)
        );
        s.moments.truncate(2);
        let p = Own::new(s, Lang::Ja, 1).problems();
        assert!(
            p.iter().any(|e| e.field == "moments"
                && e.reason
                    == Reason::Count {
                        n: 2,
                        min: 3,
                        max: 6
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
