//! The journal: what kinds of entries there are, how to search and filter them.

use super::document::{Document, Entry, EntryBody};
use super::lens::normalise;

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
pub fn find<'a>(doc: &'a Document, query: &str, kind: Option<Kind>) -> Vec<&'a Entry> {
    let words: Vec<String> = query.split_whitespace().map(folded).collect();
    doc.entries()
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

/// Puts a deleted entry back, as a new change (so it wins over the deletion in
/// other tabs too).
pub fn restore_deleted(doc: &mut Document, id: &str, now: i64) {
    if let Some(e) = doc.journal.get_mut(id) {
        e.deleted = false;
        e.updated = now;
    }
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
    use crate::domain::Text;

    fn entry(id: &str, updated: i64, body: EntryBody) -> Entry {
        Entry {
            id: id.into(),
            created: updated,
            updated,
            deleted: false,
            body,
        }
    }

    fn doc() -> Document {
        let mut d = Document::default();
        d.put(entry(
            "n",
            1,
            EntryBody::Note {
                text: "ケアについてのメモ".into(),
            },
        ));
        d.put(entry(
            "r",
            2,
            EntryBody::Reframe {
                reframe: "x".into(),
                phrase: Text::new("何が問題？", "What's wrong?"),
                text: "What happened for you?".into(),
            },
        ));
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
        restore_deleted(&mut d, "n", 11);
        assert_eq!(find(&d, "", None).len(), 2);
        assert_eq!(d.journal["n"].updated, 11);
    }
}
