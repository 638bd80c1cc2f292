//! The journal: what a user wrote and kept ([`Entry`]), what kinds of entries
//! there are, and how to search, filter and edit them.

use crate::ground::lang::Text;
use crate::ground::stamp::Records;
use crate::lens::normalise;
use serde::{Deserialize, Serialize};

/// Something a user wrote and kept: a reflection after a role play, a reframe
/// they saved, a session report, a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// Milliseconds since the epoch.
    pub created: i64,
    pub(crate) updated: i64,
    /// A deleted entry stays as a tombstone so the deletion reaches other tabs.
    #[serde(default)]
    pub(crate) deleted: bool,
    pub body: EntryBody,
}

crate::stamped!(Entry);

impl Entry {
    /// A new entry, written `created` (its stamps are set when it is kept).
    pub fn new(id: impl Into<String>, created: i64, body: EntryBody) -> Entry {
        Entry {
            id: id.into(),
            created,
            updated: created,
            deleted: false,
            body,
        }
    }

    /// When it last changed (ms).
    pub fn updated(&self) -> i64 {
        self.updated
    }
}

/// What an entry holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryBody {
    /// What someone wrote while practising a scenario alone.
    Reflection {
        scenario: String,
        title: Text,
        /// What they might say, per moment of the path taken (empty when
        /// said aloud).
        answers: Vec<String>,
        /// Their notes, per moment of the path taken.
        notes: Vec<String>,
        /// Their thoughts on the debrief questions.
        debrief: Vec<String>,
        /// The moments of the path taken, in order (none: every moment in
        /// order, as runs before branching were kept).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        path: Vec<usize>,
        /// Per moment of the path: the response marked closest to what they
        /// said, as its place in the scenario's file (none: none of these).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        chosen: Vec<Option<usize>>,
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

/// The live entries, newest first.
pub fn newest_first(journal: &Records<Entry>) -> Vec<&Entry> {
    let mut v: Vec<&Entry> = journal.values().collect();
    v.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    v
}

/// The kinds of journal entry, for the filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Reflection,
    Reframe,
    Report,
    Note,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Reflection, Kind::Reframe, Kind::Report, Kind::Note];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Reflection => "reflection",
            Kind::Reframe => "reframe",
            Kind::Report => "report",
            Kind::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn of(entry: &Entry) -> Kind {
        match entry.body {
            EntryBody::Reflection { .. } => Kind::Reflection,
            EntryBody::Reframe { .. } => Kind::Reframe,
            EntryBody::Report { .. } => Kind::Report,
            EntryBody::Note { .. } => Kind::Note,
        }
    }
}

/// All the words of an entry that a search should look at, in both languages.
pub fn searchable(entry: &Entry) -> String {
    match &entry.body {
        EntryBody::Reflection {
            title,
            answers,
            notes,
            debrief,
            ..
        } => [title.ja.as_str(), title.en.as_str()]
            .into_iter()
            .chain(answers.iter().map(String::as_str))
            .chain(notes.iter().map(String::as_str))
            .chain(debrief.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n"),
        EntryBody::Reframe { phrase, text, .. } => {
            format!("{}\n{}\n{}", phrase.ja, phrase.en, text)
        }
        EntryBody::Report {
            title, markdown, ..
        } => format!("{title}\n{markdown}"),
        EntryBody::Note { text } => text.clone(),
    }
}

fn folded(text: &str) -> String {
    normalise(text).chars.into_iter().collect()
}

/// Entries matching a search (kana, width and case do not matter) and a kind,
/// newest first.
pub fn find<'a>(journal: &'a Records<Entry>, query: &str, kind: Option<Kind>) -> Vec<&'a Entry> {
    let words: Vec<String> = query.split_whitespace().map(folded).collect();
    newest_first(journal)
        .into_iter()
        .filter(|e| kind.is_none_or(|k| Kind::of(e) == k))
        .filter(|e| {
            if words.is_empty() {
                return true;
            }
            let hay = folded(&searchable(e));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// A part of an entry that the user wrote and may edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// What they might say at moment `n` (from 0).
    Answer(usize),
    /// Their note at moment `n`.
    Note(usize),
    /// Their thoughts on debrief question `n` (the four tasks, in order).
    Debrief(usize),
    /// The text of a reframe, a report or a note.
    Text,
}

/// The parts of an entry the user wrote, in reading order.
pub fn editable(body: &EntryBody) -> Vec<(Field, String)> {
    match body {
        EntryBody::Reflection {
            answers,
            notes,
            debrief,
            ..
        } => {
            let mut out = Vec::new();
            for i in 0..answers.len().max(notes.len()) {
                out.push((
                    Field::Answer(i),
                    answers.get(i).cloned().unwrap_or_default(),
                ));
                out.push((Field::Note(i), notes.get(i).cloned().unwrap_or_default()));
            }
            out.extend(
                debrief
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (Field::Debrief(i), d.clone())),
            );
            out
        }
        EntryBody::Reframe { text, .. } | EntryBody::Note { text } => {
            vec![(Field::Text, text.clone())]
        }
        EntryBody::Report { markdown, .. } => vec![(Field::Text, markdown.clone())],
    }
}

/// Writes edited parts back into an entry.
pub fn apply(body: &mut EntryBody, edits: &[(Field, String)]) {
    fn set(list: &mut Vec<String>, i: usize, value: &str) {
        if list.len() <= i {
            list.resize(i + 1, String::new());
        }
        list[i] = value.to_string();
    }
    for (field, value) in edits {
        match (&mut *body, field) {
            (EntryBody::Reflection { answers, .. }, Field::Answer(i)) => set(answers, *i, value),
            (EntryBody::Reflection { notes, .. }, Field::Note(i)) => set(notes, *i, value),
            (EntryBody::Reflection { debrief, .. }, Field::Debrief(i)) => set(debrief, *i, value),
            (EntryBody::Reframe { text, .. } | EntryBody::Note { text }, Field::Text) => {
                *text = value.clone()
            }
            (EntryBody::Report { markdown, .. }, Field::Text) => *markdown = value.clone(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Records<Entry> {
        let mut d = Records::default();
        let note = EntryBody::Note {
            text: "ケアについてのメモ".into(),
        };
        d.put("n", Entry::new("n", 1, note), 1);
        let reframe = EntryBody::Reframe {
            reframe: "x".into(),
            phrase: Text::new("何が問題？", "What's wrong?"),
            text: "What happened for you?".into(),
        };
        d.put("r", Entry::new("r", 2, reframe), 2);
        d
    }

    #[test]
    fn search_ignores_kana_width_and_case() {
        let d = doc();
        assert_eq!(find(&d, "けあ", None).len(), 1);
        assert_eq!(find(&d, "ＨＡＰＰＥＮＥＤ", None).len(), 1);
        assert_eq!(find(&d, "what happened", None).len(), 1);
        assert_eq!(find(&d, "nothing-like-this", None).len(), 0);
        assert_eq!(find(&d, "  ", None).len(), 2);
    }

    #[test]
    fn filter_by_kind_and_newest_first() {
        let d = doc();
        assert_eq!(find(&d, "", Some(Kind::Note))[0].id, "n");
        let all: Vec<_> = find(&d, "", None).iter().map(|e| e.id.clone()).collect();
        assert_eq!(all, vec!["r", "n"]);
    }

    #[test]
    fn edits_round_trip() {
        let mut body = EntryBody::Reflection {
            scenario: "s".into(),
            title: Text::new("t", "t"),
            answers: vec!["a0".into(), String::new()],
            notes: vec!["n0".into()],
            debrief: vec!["d0".into(), "d1".into()],
            path: vec![],
            chosen: vec![],
        };
        let mut fields = editable(&body);
        assert_eq!(fields.len(), 6);
        fields[3].1 = "new note 1".into();
        fields[5].1 = "new debrief 1".into();
        apply(&mut body, &fields);
        match body {
            EntryBody::Reflection { notes, debrief, .. } => {
                assert_eq!(notes, vec!["n0", "new note 1"]);
                assert_eq!(debrief, vec!["d0", "new debrief 1"]);
            }
            _ => unreachable!(),
        }
    }

    #[test]
    fn delete_then_undo() {
        let mut d = doc();
        d.delete("n", 10);
        assert_eq!(find(&d, "", None).len(), 1);
        d.undelete("n", 11);
        assert_eq!(find(&d, "", None).len(), 2);
        assert_eq!(d.get("n").map(Entry::updated), Some(11));
    }
}
