//! The document Taiwa keeps in the browser: everything a user made, with a schema
//! version, and the one function that reads it back from untrusted text.
//!
//! Every record carries the time it was last changed, so two tabs (or a backup
//! and the current data) merge record by record: the newer change wins, and a
//! deletion is kept as a tombstone so that it wins too.

use super::content::{Deck, Reframe, Scenario};
use super::lang::Text;
use super::own::{Own, OwnContent};
use super::revisit::Revisit;
use super::session::{Session, SessionPlan};
use super::settings::Settings;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The name stamped on every document and backup.
pub const APP: &str = "taiwa";
/// The schema this version of the app writes.
///
/// 1: the first. 2: adds `own`, the user's own scenarios, reframes and decks.
pub const SCHEMA: u32 = 2;

/// A record that knows when it last changed and whether it was deleted, so two
/// copies can be merged record by record.
pub trait Record: Clone {
    /// Milliseconds since the epoch of the last change (deletions included).
    fn updated(&self) -> i64;
    /// Deleted records stay as tombstones so the deletion reaches other copies.
    fn deleted(&self) -> bool;
    fn set_updated(&mut self, at: i64);
    fn set_deleted(&mut self, deleted: bool);
}

/// Every record type has the fields `updated` and `deleted`.
macro_rules! records {
    ($($t:ty),* $(,)?) => {$(
        impl Record for $t {
            fn updated(&self) -> i64 {
                self.updated
            }
            fn deleted(&self) -> bool {
                self.deleted
            }
            fn set_updated(&mut self, at: i64) {
                self.updated = at;
            }
            fn set_deleted(&mut self, deleted: bool) {
                self.deleted = deleted;
            }
        }
    )*};
}

records!(
    Entry,
    super::practice::SoloRun,
    Revisit,
    SessionPlan,
    Session,
    Own<Scenario>,
    Own<Reframe>,
    Own<Deck>,
);

/// Merges `theirs` into `mine`, record by record: the newer change wins.
pub fn merge_map<T: Record>(mine: &mut BTreeMap<String, T>, theirs: &BTreeMap<String, T>) {
    for (id, t) in theirs {
        match mine.get(id) {
            Some(m) if m.updated() >= t.updated() => {}
            _ => {
                mine.insert(id.clone(), t.clone());
            }
        }
    }
}

/// Something done to each pair of record maps of two documents (see
/// [`Document::each_map`]): merging, importing, replacing, deleting.
pub trait EachMap {
    fn each<T: Record>(&mut self, mine: &mut BTreeMap<String, T>, theirs: &BTreeMap<String, T>);
}

/// Something a user wrote and kept: a reflection after a role play, a reframe
/// they saved, a session report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Milliseconds since the epoch.
    pub created: i64,
    pub updated: i64,
    /// A deleted entry stays as a tombstone so the deletion reaches other tabs.
    #[serde(default)]
    pub deleted: bool,
    pub body: EntryBody,
}

/// What an entry holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryBody {
    /// What someone wrote while practising a scenario alone.
    Reflection {
        scenario: String,
        title: Text,
        /// What they might say, per moment (empty when said aloud).
        answers: Vec<String>,
        /// Their notes, per moment.
        notes: Vec<String>,
        /// Their thoughts on the debrief questions.
        debrief: Vec<String>,
    },
    /// A reframe they wrote for a starting phrase.
    Reframe {
        reframe: String,
        phrase: Text,
        text: String,
    },
    /// A study-group session's report draft.
    Report {
        /// The session it belongs to.
        session: String,
        title: String,
        markdown: String,
    },
    /// A free note (for example, text kept from the open lens).
    Note { text: String },
}

/// The whole of a user's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub app: String,
    pub schema: u32,
    pub settings: Settings,
    pub journal: BTreeMap<String, Entry>,
    /// Solo practices in progress, by scenario id.
    pub practice: BTreeMap<String, super::practice::SoloRun>,
    /// Reframes marked to come back to, keyed by reframe id (see `revisit`).
    pub revisit: BTreeMap<String, Revisit>,
    /// Study-group session plans, by id.
    pub plans: BTreeMap<String, SessionPlan>,
    /// Sessions as they ran (step, timer, harvest, report draft), by id.
    pub sessions: BTreeMap<String, Session>,
    /// Scenarios, reframes and decks the user wrote (schema 2).
    pub own: OwnContent,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            app: APP.to_string(),
            schema: SCHEMA,
            settings: Settings::default(),
            journal: BTreeMap::new(),
            practice: BTreeMap::new(),
            revisit: BTreeMap::new(),
            plans: BTreeMap::new(),
            sessions: BTreeMap::new(),
            own: OwnContent::default(),
        }
    }
}

/// What reading stored text gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// Nothing was stored yet.
    Empty,
    /// A document this version understands (migrated if it was older).
    Ready(Document),
    /// Written by a newer version of the app: readable as far as we know it, but
    /// must not be overwritten.
    Newer { schema: u32, doc: Document },
    /// Not a Taiwa document, or damaged: keep it aside, start afresh.
    Corrupt(String),
}

/// Reads stored or imported text. Never panics; fills defaults for anything
/// missing; migrates older schemas step by step.
pub fn restore(raw: Option<&str>) -> Restored {
    let Some(raw) = raw else {
        return Restored::Empty;
    };
    if raw.trim().is_empty() {
        return Restored::Empty;
    }
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return Restored::Corrupt(format!("not valid JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return Restored::Corrupt("not a JSON object".into());
    };
    if obj.get("app").and_then(Value::as_str) != Some(APP) {
        return Restored::Corrupt("not written by Taiwa".into());
    }
    let schema = match obj.get("schema").and_then(Value::as_u64) {
        Some(s) if s <= u32::MAX as u64 => s as u32,
        _ => return Restored::Corrupt("no schema version".into()),
    };
    let value = match migrate(value, schema) {
        Ok(v) => v,
        Err(e) => return Restored::Corrupt(e),
    };
    match serde_json::from_value::<Document>(value) {
        Ok(mut doc) if schema > SCHEMA => {
            doc.schema = schema;
            Restored::Newer { schema, doc }
        }
        Ok(doc) => Restored::Ready(doc),
        Err(e) => Restored::Corrupt(format!("unreadable: {e}")),
    }
}

/// Brings a document of an older schema up to [`SCHEMA`], one step at a time.
/// Each step has a fixture under `tests/fixtures/schema-N.json`.
fn migrate(value: Value, from: u32) -> Result<Value, String> {
    if from == 0 {
        return Err("schema 0 does not exist".into());
    }
    // Steps are added here as `if from < N { ... }`.
    // 1 → 2 adds `own`, which defaults to empty: nothing to change.
    let mut value = value;
    if from < SCHEMA {
        if let Some(obj) = value.as_object_mut() {
            obj.insert("schema".into(), Value::from(SCHEMA));
        }
    }
    Ok(value)
}

/// Serialises a document for storage.
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap_or_else(|_| String::from("{}"))
}

impl Document {
    /// Entries that are not deleted, newest first.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self.journal.values().filter(|e| !e.deleted).collect();
        v.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
        v
    }

    /// Adds or replaces an entry.
    pub fn put(&mut self, entry: Entry) {
        self.journal.insert(entry.id.clone(), entry);
    }

    /// Marks an entry deleted (kept as a tombstone).
    pub fn delete(&mut self, id: &str, now: i64) {
        if let Some(e) = self.journal.get_mut(id) {
            e.deleted = true;
            e.updated = now;
        }
    }

    /// Runs `f` over each map of records here, paired with the same map of
    /// `other`. Every kind of record is listed here and only here, so merging,
    /// importing and deleting cannot forget one.
    pub fn each_map(&mut self, other: &Document, f: &mut impl EachMap) {
        f.each(&mut self.journal, &other.journal);
        f.each(&mut self.practice, &other.practice);
        f.each(&mut self.revisit, &other.revisit);
        f.each(&mut self.plans, &other.plans);
        f.each(&mut self.sessions, &other.sessions);
        f.each(&mut self.own.scenarios, &other.own.scenarios);
        f.each(&mut self.own.reframes, &other.own.reframes);
        f.each(&mut self.own.decks, &other.own.decks);
    }

    /// Merges another copy into this one: per record, the newer change wins.
    pub fn merge(&mut self, other: &Document) {
        struct Merge;
        impl EachMap for Merge {
            fn each<T: Record>(
                &mut self,
                mine: &mut BTreeMap<String, T>,
                theirs: &BTreeMap<String, T>,
            ) {
                merge_map(mine, theirs);
            }
        }
        if other.settings.updated > self.settings.updated {
            self.settings = other.settings.clone();
        }
        self.each_map(other, &mut Merge);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, updated: i64, text: &str) -> Entry {
        Entry {
            id: id.into(),
            created: 1,
            updated,
            deleted: false,
            body: EntryBody::Note { text: text.into() },
        }
    }

    #[test]
    fn restore_round_trips() {
        let mut doc = Document::default();
        doc.put(note("a", 5, "こんにちは"));
        let raw = to_json(&doc);
        assert_eq!(restore(Some(&raw)), Restored::Ready(doc));
    }

    #[test]
    fn restore_tells_empty_corrupt_and_newer_apart() {
        assert_eq!(restore(None), Restored::Empty);
        assert_eq!(restore(Some("  ")), Restored::Empty);
        assert!(matches!(restore(Some("{not json")), Restored::Corrupt(_)));
        assert!(matches!(restore(Some("[1,2]")), Restored::Corrupt(_)));
        assert!(matches!(
            restore(Some(r#"{"app":"other","schema":1}"#)),
            Restored::Corrupt(_)
        ));
        assert!(matches!(
            restore(Some(r#"{"app":"taiwa","schema":99,"journal":{}}"#)),
            Restored::Newer { schema: 99, .. }
        ));
    }

    #[test]
    fn missing_fields_get_defaults() {
        let r = restore(Some(r#"{"app":"taiwa","schema":1}"#));
        assert_eq!(r, Restored::Ready(Document::default()));
    }

    #[test]
    fn merge_keeps_the_newer_record_and_deletions() {
        let mut a = Document::default();
        a.put(note("x", 10, "mine"));
        a.put(note("y", 10, "keep"));
        let mut b = Document::default();
        b.put(note("x", 20, "theirs"));
        b.put(note("z", 5, "new"));
        let mut y = note("y", 3, "older");
        y.deleted = true;
        b.put(y);
        a.merge(&b);
        let texts: Vec<_> = a
            .entries()
            .iter()
            .map(|e| match &e.body {
                EntryBody::Note { text } => text.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, vec!["theirs", "keep", "new"]);
        let mut c = Document::default();
        let mut x = note("x", 30, "gone");
        x.deleted = true;
        c.put(x);
        a.merge(&c);
        assert_eq!(a.entries().len(), 2);
    }

    #[test]
    fn plans_and_sessions_merge_record_by_record_with_tombstones() {
        use crate::domain::session::{Session, SessionPlan};
        let plan = |id: &str, name: &str, updated: i64| SessionPlan {
            id: id.into(),
            name: name.into(),
            updated,
            ..SessionPlan::default()
        };
        let mut a = Document::default();
        a.plans.insert("p1".into(), plan("p1", "mine", 10));
        a.plans.insert("p2".into(), plan("p2", "keep", 10));
        let mut b = Document::default();
        b.plans.insert("p1".into(), plan("p1", "theirs", 20));
        let mut gone = plan("p2", "keep", 5);
        gone.deleted = true;
        b.plans.insert("p2".into(), gone);
        let mut s = Session::start("s1".into(), &plan("p1", "x", 0), 0);
        s.updated = 30;
        s.step = 3;
        b.sessions.insert("s1".into(), s.clone());
        a.merge(&b);
        assert_eq!(a.plans["p1"].name, "theirs");
        assert!(!a.plans["p2"].deleted, "an older deletion does not win");
        assert_eq!(a.sessions["s1"].step, 3);
        // A newer deletion wins, and survives a round trip through storage.
        let mut c = Document::default();
        let mut del = plan("p2", "keep", 40);
        del.deleted = true;
        c.plans.insert("p2".into(), del);
        let mut older = s.clone();
        older.updated = 25;
        older.step = 1;
        c.sessions.insert("s1".into(), older);
        a.merge(&c);
        assert!(a.plans["p2"].deleted);
        assert_eq!(
            a.sessions["s1"].step, 3,
            "an older session state does not win"
        );
        let back = restore(Some(&to_json(&a)));
        assert_eq!(back, Restored::Ready(a));
    }

    #[test]
    fn merge_keeps_the_newer_revisit_mark_and_unmarks() {
        use super::super::revisit::{self, DAY_MS};
        let mut a = Document::default();
        revisit::mark(&mut a.revisit, "r1", Text::new("句", ""), 1_000, 0);
        revisit::mark(&mut a.revisit, "r2", Text::new("句", ""), 1_000, 0);
        let mut b = a.clone();
        // The other tab visited r1 the next day, and un-marked r2.
        revisit::visit(&mut b.revisit, "r1", DAY_MS + 5, 0);
        revisit::unmark(&mut b.revisit, "r2", DAY_MS + 6);
        revisit::mark(&mut b.revisit, "r3", Text::new("", "phrase"), DAY_MS + 7, 0);
        a.merge(&b);
        assert_eq!(a.revisit["r1"].step, 1);
        assert!(!revisit::is_marked(&a.revisit, "r2"));
        assert!(revisit::is_marked(&a.revisit, "r3"));
        // An older copy does not bring the mark back.
        let mut stale = Document::default();
        revisit::mark(&mut stale.revisit, "r2", Text::default(), 500, 0);
        a.merge(&stale);
        assert!(!revisit::is_marked(&a.revisit, "r2"));
        // And it survives storage.
        let raw = to_json(&a);
        assert_eq!(restore(Some(&raw)), Restored::Ready(a));
    }
}
