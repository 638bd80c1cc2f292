//! Backups: everything a user has, in one JSON file they keep.
//!
//! A backup is read as a whole before anything changes: every problem is listed
//! (in [`Problem`], which the UI turns into sentences), and either the whole file
//! is usable or nothing is imported.

use super::document::{self, Document, EachMap, Entry, Record, Restored, APP, SCHEMA};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The largest backup file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The file as written: who wrote it, when, and the document.
#[derive(Serialize, Deserialize)]
struct File {
    app: String,
    schema: u32,
    /// Milliseconds since the epoch.
    exported: i64,
    document: Value,
}

/// Writes a backup of `doc`.
pub fn export(doc: &Document, now: i64) -> String {
    let file = File {
        app: APP.to_string(),
        schema: SCHEMA,
        exported: now,
        document: serde_json::to_value(doc).unwrap_or(Value::Null),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A problem found in a backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Bigger than [`MAX_BYTES`].
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// Not JSON at all (with the parser's line and column).
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not a Taiwa backup.
    NotTaiwa,
    /// Made by a newer app than this one.
    Newer {
        schema: u32,
    },
    /// The document inside cannot be read.
    Unreadable {
        detail: String,
    },
    /// One journal entry is not usable (its key, and why).
    BadEntry {
        id: String,
        why: EntryProblem,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry's own id differs from the key it is stored under.
    IdMismatch,
    /// A time is negative or after the year 9999.
    BadTime,
    EmptyId,
}

/// What a valid backup holds, for the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub exported: i64,
    pub reflections: usize,
    pub reframes: usize,
    pub reports: usize,
    pub notes: usize,
    /// The user's own items kept (not deleted), ready or draft.
    pub own_scenarios: usize,
    pub own_reframes: usize,
    pub own_decks: usize,
    pub document: Document,
}

const MAX_TIME: i64 = 253_402_300_799_000; // 9999-12-31

fn check_entry(key: &str, e: &Entry) -> Option<EntryProblem> {
    if key.is_empty() {
        Some(EntryProblem::EmptyId)
    } else if e.id != key {
        Some(EntryProblem::IdMismatch)
    } else if !(0..=MAX_TIME).contains(&e.created) || !(0..=MAX_TIME).contains(&e.updated) {
        Some(EntryProblem::BadTime)
    } else {
        None
    }
}

/// How many records of a map are not deleted.
fn kept<T: Record>(map: &BTreeMap<String, T>) -> usize {
    map.values().filter(|r| !r.deleted()).count()
}

/// Reads a backup file completely. Returns what it holds, or every problem.
pub fn read(text: &str) -> Result<Preview, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::TooLarge { bytes: text.len() }]);
    }
    if text.trim().is_empty() {
        return Err(vec![Problem::Empty]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::NotJson {
            line: e.line(),
            column: e.column(),
        }]
    })?;
    let file: File = serde_json::from_value(value).map_err(|_| vec![Problem::NotTaiwa])?;
    if file.app != APP {
        return Err(vec![Problem::NotTaiwa]);
    }
    if file.schema > SCHEMA {
        return Err(vec![Problem::Newer {
            schema: file.schema,
        }]);
    }
    let inner = serde_json::to_string(&file.document).unwrap_or_default();
    let doc = match document::restore(Some(&inner)) {
        Restored::Ready(doc) => doc,
        Restored::Empty => Document::default(),
        Restored::Newer { schema, .. } => return Err(vec![Problem::Newer { schema }]),
        Restored::Corrupt(detail) => return Err(vec![Problem::Unreadable { detail }]),
    };
    let problems: Vec<Problem> = doc
        .journal
        .iter()
        .filter_map(|(k, e)| check_entry(k, e).map(|why| Problem::BadEntry { id: k.clone(), why }))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut preview = Preview {
        exported: file.exported,
        reflections: 0,
        reframes: 0,
        reports: 0,
        notes: 0,
        own_scenarios: kept(&doc.own.scenarios),
        own_reframes: kept(&doc.own.reframes),
        own_decks: kept(&doc.own.decks),
        document: doc,
    };
    for e in preview.document.entries() {
        match super::journal::Kind::of(e) {
            super::journal::Kind::Reflection => preview.reflections += 1,
            super::journal::Kind::Reframe => preview.reframes += 1,
            super::journal::Kind::Report => preview.reports += 1,
            super::journal::Kind::Note => preview.notes += 1,
        }
    }
    Ok(preview)
}

/// Merges a backup into the current data: per record, the newer change wins,
/// except that importing brings back what was deleted here (the person chose to
/// import it; the record is stamped `now` so other tabs bring it back too).
pub fn merge_into(doc: &mut Document, backup: &Document, now: i64) {
    struct BringBack(i64);
    impl EachMap for BringBack {
        fn each<T: Record>(
            &mut self,
            mine: &mut BTreeMap<String, T>,
            theirs: &BTreeMap<String, T>,
        ) {
            for (id, t) in theirs {
                if t.deleted() {
                    continue;
                }
                match mine.get(id) {
                    Some(m) if m.deleted() => {
                        let mut t = t.clone();
                        t.set_updated(self.0);
                        mine.insert(id.clone(), t);
                    }
                    Some(m) if m.updated() >= t.updated() => {}
                    _ => {
                        mine.insert(id.clone(), t.clone());
                    }
                }
            }
        }
    }
    doc.each_map(backup, &mut BringBack(now));
    if backup.settings.updated > doc.settings.updated {
        doc.settings = backup.settings.clone();
    }
}

/// Replaces the current data with a backup's. The change is stamped `now` so
/// that it also wins in other open tabs: records not in the backup become
/// tombstones, the backup's records are written anew.
pub fn replace(doc: &mut Document, backup: &Document, now: i64) {
    struct Replace(i64);
    impl EachMap for Replace {
        fn each<T: Record>(
            &mut self,
            mine: &mut BTreeMap<String, T>,
            theirs: &BTreeMap<String, T>,
        ) {
            for (id, t) in theirs {
                let mut t = t.clone();
                t.set_updated(self.0.max(t.updated()));
                mine.insert(id.clone(), t);
            }
        }
    }
    delete_everything(doc, now);
    doc.each_map(backup, &mut Replace(now));
    doc.settings = backup.settings.clone();
    doc.settings.updated = now;
}

/// Deletes every record (as tombstones, so other tabs delete them too).
pub fn delete_everything(doc: &mut Document, now: i64) {
    struct Delete(i64);
    impl EachMap for Delete {
        fn each<T: Record>(&mut self, mine: &mut BTreeMap<String, T>, _: &BTreeMap<String, T>) {
            for r in mine.values_mut() {
                r.set_deleted(true);
                r.set_updated(self.0);
            }
        }
    }
    doc.each_map(&Document::default(), &mut Delete(now));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::EntryBody;

    fn note(id: &str, t: i64) -> Entry {
        Entry {
            id: id.into(),
            created: t,
            updated: t,
            deleted: false,
            body: EntryBody::Note {
                text: format!("メモ {id}"),
            },
        }
    }

    fn doc() -> Document {
        let mut d = Document::default();
        d.put(note("a", 10));
        d.put(note("b", 20));
        d
    }

    #[test]
    fn export_then_read_gives_back_everything() {
        let text = export(&doc(), 1_000);
        let p = read(&text).unwrap();
        assert_eq!(p.document, doc());
        assert_eq!((p.notes, p.exported), (2, 1_000));
        assert_eq!((p.own_scenarios, p.own_reframes, p.own_decks), (0, 0, 0));
    }

    #[test]
    fn the_preview_counts_own_items_but_not_deleted_ones() {
        use crate::domain::own::{blank_deck, blank_reframe, Own};
        use crate::domain::Lang;
        let mut d = doc();
        for (id, deleted) in [("mine-a", false), ("mine-b", false), ("mine-c", true)] {
            let mut o = Own::new(blank_reframe(id.into()), Lang::Ja, 5);
            o.deleted = deleted;
            d.own.reframes.insert(id.into(), o);
        }
        d.own.decks.insert(
            "mine-d".into(),
            Own::new(blank_deck("mine-d".into()), Lang::En, 5),
        );
        let p = read(&export(&d, 1)).unwrap();
        assert_eq!((p.own_scenarios, p.own_reframes, p.own_decks), (0, 2, 1));
    }

    #[test]
    fn problems_are_listed_and_nothing_is_half_read() {
        assert_eq!(read(""), Err(vec![Problem::Empty]));
        assert!(matches!(
            read("{ oops").unwrap_err()[0],
            Problem::NotJson { line: 1, .. }
        ));
        assert_eq!(read(r#"{"hello":1}"#), Err(vec![Problem::NotTaiwa]));
        assert_eq!(
            read(r#"{"app":"other","schema":1,"exported":1,"document":{}}"#),
            Err(vec![Problem::NotTaiwa])
        );
        assert_eq!(
            read(r#"{"app":"taiwa","schema":7,"exported":1,"document":{}}"#),
            Err(vec![Problem::Newer { schema: 7 }])
        );
        let big = "x".repeat(MAX_BYTES + 1);
        assert!(matches!(
            read(&big).unwrap_err()[0],
            Problem::TooLarge { .. }
        ));
        // Two bad entries: both are named.
        let mut d = doc();
        let mut bad = note("c", 5);
        bad.id = "other".into();
        d.journal.insert("c".into(), bad);
        let mut worse = note("d", -4);
        worse.created = -4;
        d.journal.insert("d".into(), worse);
        let problems = read(&export(&d, 1)).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems.contains(&Problem::BadEntry {
            id: "c".into(),
            why: EntryProblem::IdMismatch
        }));
        assert!(problems.contains(&Problem::BadEntry {
            id: "d".into(),
            why: EntryProblem::BadTime
        }));
    }

    #[test]
    fn merge_keeps_both_and_replace_wins_everywhere() {
        let mut mine = Document::default();
        mine.put(note("mine", 50));
        let backup = doc();
        let mut merged = mine.clone();
        merge_into(&mut merged, &backup, 60);
        assert_eq!(merged.entries().len(), 3);

        let mut replaced = mine.clone();
        replace(&mut replaced, &backup, 100);
        let ids: Vec<_> = replaced.entries().iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids, vec!["a", "b"]);
        // Another tab still holding the old data merges and ends up the same.
        let mut other_tab = mine;
        other_tab.merge(&replaced);
        let ids: Vec<_> = other_tab.entries().iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids, vec!["a", "b"]);
    }

    #[test]
    fn importing_after_deleting_everything_brings_it_all_back() {
        let backup = doc();
        let mut d = doc();
        delete_everything(&mut d, 99);
        merge_into(&mut d, &backup, 100);
        assert_eq!(d.entries().len(), 2);
        // And another tab that saw the deletion agrees after merging.
        let mut other = doc();
        delete_everything(&mut other, 99);
        other.merge(&d);
        assert_eq!(other.entries().len(), 2);
    }

    #[test]
    fn delete_everything_reaches_other_tabs() {
        let mut d = doc();
        let other_tab = d.clone();
        delete_everything(&mut d, 99);
        assert!(d.entries().is_empty());
        let mut o = other_tab;
        o.merge(&d);
        assert!(o.entries().is_empty());
    }

    #[test]
    fn revisit_marks_follow_merge_replace_and_delete_everything() {
        use crate::domain::revisit::{self, DAY_MS};
        use crate::domain::Text;
        let mut backup = doc();
        revisit::mark(&mut backup.revisit, "r", Text::new("句", ""), 10, 0);
        let mut d = doc();
        delete_everything(&mut d, 99);
        merge_into(&mut d, &backup, 100);
        assert!(revisit::is_marked(&d.revisit, "r"));
        assert_eq!(revisit::due(&d.revisit, DAY_MS), vec!["r"]);
        delete_everything(&mut d, 200);
        assert!(!revisit::is_marked(&d.revisit, "r"));
        let mut other_tab = backup.clone();
        other_tab.merge(&d);
        assert!(!revisit::is_marked(&other_tab.revisit, "r"));
        replace(&mut d, &backup, 300);
        assert!(revisit::is_marked(&d.revisit, "r"));
        let mut old = Document::default();
        revisit::mark(&mut old.revisit, "gone", Text::default(), 5, 0);
        replace(&mut old, &backup, 300);
        assert!(!revisit::is_marked(&old.revisit, "gone"));
        // And the backup file carries the marks.
        let p = read(&export(&backup, 1)).unwrap();
        assert_eq!(p.document.revisit, backup.revisit);
    }

    #[test]
    fn no_input_makes_read_panic() {
        let text = export(&doc(), 1);
        for end in (0..text.len()).step_by(7) {
            if text.is_char_boundary(end) {
                let _ = read(&text[..end]);
            }
        }
        let mut seed = 0x9E37_79B9u32;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let mut bytes = text.as_bytes().to_vec();
            let i = seed as usize % bytes.len();
            bytes[i] = (seed >> 8) as u8;
            let _ = read(&String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn plans_and_sessions_follow_merge_replace_and_delete_everything() {
        use crate::domain::session::{Session, SessionPlan};
        let plan = |id: &str, updated: i64| SessionPlan {
            id: id.into(),
            name: "学習会".into(),
            updated,
            ..SessionPlan::default()
        };
        let mut backup = Document::default();
        backup.plans.insert("p".into(), plan("p", 10));
        let session = Session::start("s".into(), &plan("p", 10), 10);
        backup.sessions.insert("s".into(), session);
        // Deleting everything deletes plans and sessions too.
        let mut d = backup.clone();
        delete_everything(&mut d, 20);
        assert!(d.plans["p"].deleted && d.sessions["s"].deleted);
        // Importing brings them back, newer than the deletion.
        merge_into(&mut d, &backup, 30);
        assert!(!d.plans["p"].deleted && !d.sessions["s"].deleted);
        assert_eq!(d.plans["p"].updated, 30);
        // Replacing leaves only the backup's.
        let mut other = Document::default();
        other.plans.insert("q".into(), plan("q", 5));
        replace(&mut other, &backup, 40);
        assert!(other.plans["q"].deleted);
        assert!(!other.plans["p"].deleted);
        assert_eq!(other.sessions["s"].updated, 40);
    }
}
