//! Reading a document from untrusted text (storage, a backup file), record
//! by record, in the manner of Excalidraw's restore: everything that can be
//! read is kept, defaults fill what is missing, and only the records that
//! cannot be read are set aside, each with its kind and id. The whole text is
//! refused only when it is not a Taiwa document at all.

use super::aggregate::{Document, EachMap, Kept, APP, SCHEMA};
use super::migrate;
use crate::ground::stamp::Records;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A record that could not be read, kept as it was found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// The kind, as the document names its maps (`journal`, `own.decks`), or
    /// `settings`.
    pub kind: String,
    /// Its key (empty for a whole map that was not a map).
    pub id: String,
    /// Why it could not be read, in English, for whoever looks at the file.
    pub why: String,
    /// The record as it was stored.
    pub raw: Value,
}

/// What reading stored text gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// Nothing was stored yet.
    Empty,
    /// A document this version understands (migrated if it was older), with
    /// the records that could not be read set aside (none, mostly).
    Ready {
        doc: Document,
        set_aside: Vec<SetAside>,
    },
    /// Written by a newer version of the app: readable as far as we know it,
    /// but must not be overwritten.
    Newer { schema: u32, doc: Document },
    /// Not a Taiwa document, or not readable at all: keep it aside.
    Corrupt(String),
}

impl Restored {
    /// The document, when every record was read.
    pub fn whole(self) -> Option<Document> {
        match self {
            Restored::Ready { doc, set_aside } if set_aside.is_empty() => Some(doc),
            _ => None,
        }
    }
}

/// The quick way to read stored text: a whole document of the current
/// schema, read in one pass. `None` for anything else (nothing stored, an
/// older or newer schema, a damaged record): then [`restore`] reads it record
/// by record.
pub fn read_current(raw: &str) -> Option<Document> {
    // (Through a `Value`, as the app parses JSON elsewhere: one parser for
    // all, which keeps the first screen's code small.)
    let value: Value = serde_json::from_str(raw).ok()?;
    let current = value.get("app").and_then(Value::as_str) == Some(APP)
        && value.get("schema").and_then(Value::as_u64) == Some(u64::from(SCHEMA));
    if !current {
        return None;
    }
    serde_json::from_value(value).ok()
}

/// Reads stored or imported text. Never panics; fills defaults for anything
/// missing; migrates older schemas step by step; keeps every record it can.
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
    restore_value(value)
}

/// [`restore`] of JSON already parsed.
pub fn restore_value(value: Value) -> Restored {
    let Some(obj) = value.as_object() else {
        return Restored::Corrupt("not a JSON object".into());
    };
    if obj.get("app").and_then(Value::as_str) != Some(APP) {
        return Restored::Corrupt("not written by Taiwa".into());
    }
    let schema = match obj.get("schema").and_then(Value::as_u64) {
        Some(s) if (1..=u32::MAX as u64).contains(&s) => s as u32,
        _ => return Restored::Corrupt("no schema version".into()),
    };
    let value = migrate::migrate(value, schema);
    let (mut doc, set_aside) = read_records(&value);
    if schema > SCHEMA {
        doc.schema = schema;
        return Restored::Newer { schema, doc };
    }
    Restored::Ready { doc, set_aside }
}

/// The value at a dotted path (`own.decks`).
fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| v.get(key))
}

/// Builds the document from JSON, record by record.
fn read_records(value: &Value) -> (Document, Vec<SetAside>) {
    struct Read<'a> {
        value: &'a Value,
        set_aside: Vec<SetAside>,
    }
    impl EachMap for Read<'_> {
        fn each<T: Kept>(&mut self, name: &'static str, mine: &mut Records<T>, _: &Records<T>) {
            let Some(found) = at(self.value, name).filter(|v| !v.is_null()) else {
                return;
            };
            let Some(map) = found.as_object() else {
                self.set_aside.push(SetAside {
                    kind: name.into(),
                    id: String::new(),
                    why: "not a map of records".into(),
                    raw: found.clone(),
                });
                return;
            };
            for (id, raw) in map {
                match T::deserialize(raw) {
                    Ok(record) if record.fits(id) => mine.insert_read(id.clone(), record),
                    Ok(_) => self.set_aside.push(SetAside {
                        kind: name.into(),
                        id: id.clone(),
                        why: "its id or its times do not fit".into(),
                        raw: raw.clone(),
                    }),
                    Err(e) => self.set_aside.push(SetAside {
                        kind: name.into(),
                        id: id.clone(),
                        why: e.to_string(),
                        raw: raw.clone(),
                    }),
                }
            }
        }
    }
    let mut doc = Document::default();
    let mut read = Read {
        value,
        set_aside: Vec::new(),
    };
    doc.each_map(&Document::default(), &mut read);
    let mut set_aside = read.set_aside;
    if let Some(raw) = value.get("settings").filter(|v| !v.is_null()) {
        match crate::records::settings::Settings::deserialize(raw) {
            Ok(settings) => doc.settings = settings,
            Err(e) => set_aside.push(SetAside {
                kind: "settings".into(),
                id: String::new(),
                why: e.to_string(),
                raw: raw.clone(),
            }),
        }
    }
    if let Some(care) = value
        .get("care")
        .and_then(|v| super::aggregate::Care::deserialize(v).ok())
    {
        doc.care = care;
    }
    (doc, set_aside)
}
