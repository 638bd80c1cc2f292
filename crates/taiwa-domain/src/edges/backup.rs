//! Backups: everything a user has, in one JSON file they keep.
//!
//! A backup is read as a whole before anything changes: a file that is not a
//! Taiwa backup at all is refused with every [`Problem`] found (the UI turns
//! them into sentences); a backup with some damaged records is read record
//! by record, like stored data: the preview counts what can be imported and
//! lists what was set aside. Merging, replacing and deleting are the
//! document's own operations (`Document::import`, `Document::replace`).

use crate::document::{self, Document, Restored, SetAside, APP, SCHEMA};
use crate::records::journal::Kind;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// Records that could not be read: not imported, offered for download.
    pub set_aside: Vec<SetAside>,
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
    let (doc, set_aside) = match document::restore::restore_value(file.document) {
        Restored::Ready { doc, set_aside } => (doc, set_aside),
        Restored::Empty => (Document::default(), Vec::new()),
        Restored::Newer { schema, .. } => return Err(vec![Problem::Newer { schema }]),
        Restored::Corrupt(detail) => return Err(vec![Problem::Unreadable { detail }]),
    };
    let mut preview = Preview {
        exported: file.exported,
        reflections: 0,
        reframes: 0,
        reports: 0,
        notes: 0,
        own_scenarios: doc.own.scenarios.len(),
        own_reframes: doc.own.reframes.len(),
        own_decks: doc.own.decks.len(),
        document: doc,
        set_aside,
    };
    for e in preview.document.entries() {
        match Kind::of(e) {
            Kind::Reflection => preview.reflections += 1,
            Kind::Reframe => preview.reframes += 1,
            Kind::Report => preview.reports += 1,
            Kind::Note => preview.notes += 1,
        }
    }
    Ok(preview)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::journal::{Entry, EntryBody};

    fn note(id: &str, t: i64) -> Entry {
        Entry::new(
            id,
            t,
            EntryBody::Note {
                text: format!("メモ {id}"),
            },
        )
    }

    fn doc() -> Document {
        let mut d = Document::default();
        d.journal.put("a", note("a", 10), 10);
        d.journal.put("b", note("b", 20), 20);
        d
    }

    #[test]
    fn export_then_read_gives_back_everything() {
        let text = export(&doc(), 1_000);
        let p = read(&text).unwrap();
        assert_eq!(p.document, doc());
        assert_eq!((p.notes, p.exported), (2, 1_000));
        assert_eq!((p.own_scenarios, p.own_reframes, p.own_decks), (0, 0, 0));
        assert!(p.set_aside.is_empty());
    }

    #[test]
    fn the_preview_counts_own_items_but_not_deleted_ones() {
        use crate::records::own::blank::{blank_deck, blank_reframe};
        use crate::Lang;
        let mut d = doc();
        for id in ["mine-a", "mine-b", "mine-c"] {
            d.own.keep(&blank_reframe(id.into()), Lang::Ja, id, 5);
        }
        d.own.reframes.delete("mine-c", 6);
        d.own
            .keep(&blank_deck("mine-d".into()), Lang::En, "mine-d", 5);
        let p = read(&export(&d, 1)).unwrap();
        assert_eq!((p.own_scenarios, p.own_reframes, p.own_decks), (0, 2, 1));
    }

    #[test]
    fn a_file_that_is_not_a_backup_is_refused_whole() {
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
    }

    #[test]
    fn damaged_records_are_set_aside_and_the_rest_can_be_imported() {
        let mut value: Value = serde_json::from_str(&export(&doc(), 1)).unwrap();
        let journal = &mut value["document"]["journal"];
        journal["c"] = serde_json::json!({"id": "other", "created": 5, "updated": 5,
            "body": {"kind": "note", "text": "名前違い"}});
        journal["d"] = serde_json::json!({"id": "d", "created": -4, "updated": -4,
            "body": {"kind": "note", "text": "昔すぎる"}});
        journal["e"] = serde_json::json!({"id": "e", "body": 3});
        let p = read(&value.to_string()).unwrap();
        assert_eq!(p.notes, 2, "the two good notes can be imported");
        let ids: Vec<&str> = p.set_aside.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["c", "d", "e"]);
        let mut here = Document::default();
        here.import(&p.document, 50);
        assert_eq!(here.entries().len(), 2);
    }

    #[test]
    fn merge_keeps_both_and_replace_wins_everywhere() {
        let mut mine = Document::default();
        mine.journal.put("mine", note("mine", 50), 50);
        let backup = doc();
        let mut merged = mine.clone();
        merged.import(&backup, 60);
        assert_eq!(merged.entries().len(), 3);
        let mut replaced = mine.clone();
        replaced.replace(&backup, 100);
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
        d.delete_everything(99);
        assert!(d.entries().is_empty());
        d.import(&backup, 100);
        assert_eq!(d.entries().len(), 2);
        let mut other = doc();
        other.delete_everything(99);
        other.merge(&d);
        assert_eq!(
            other.entries().len(),
            2,
            "another tab that saw the deletion agrees"
        );
    }

    #[test]
    fn revisit_marks_follow_merge_replace_and_delete_everything() {
        use crate::records::revisit::{self, DAY_MS};
        use crate::Text;
        let mut backup = doc();
        revisit::mark(&mut backup.revisit, "r", Text::new("句", ""), 10, 0);
        let mut d = doc();
        d.delete_everything(99);
        d.import(&backup, 100);
        assert!(revisit::is_marked(&d.revisit, "r"));
        assert_eq!(revisit::due(&d.revisit, DAY_MS), vec!["r"]);
        d.delete_everything(200);
        assert!(!revisit::is_marked(&d.revisit, "r"));
        let mut other_tab = backup.clone();
        other_tab.merge(&d);
        assert!(!revisit::is_marked(&other_tab.revisit, "r"));
        d.replace(&backup, 300);
        assert!(revisit::is_marked(&d.revisit, "r"));
        let p = read(&export(&backup, 1)).unwrap();
        assert_eq!(
            p.document.revisit, backup.revisit,
            "the file carries the marks"
        );
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
}
