//! Reading and writing the stored document: split out of the first screen's
//! wasm into a module of its own (`store`), which loads while the first
//! screen is drawn. Each function here is a `wasm_split` function: calling it
//! loads the module the first time, and is immediate afterwards.

use super::{now, storage, Notice, KEY, QUARANTINE_PREFIX};
use crate::domain::document::{self, Document, Restored, SetAside};
use crate::domain::lock::Envelope;

/// What opening the stored document gave.
pub struct Opened {
    pub doc: Document,
    pub notices: Vec<Notice>,
    /// Write it back at once (migrated, or without its unreadable records).
    pub rewrite: bool,
}

/// Reads the stored text: a whole document of the current schema at once,
/// anything else record by record; sets aside what cannot be read. `None`:
/// the text is sealed (the lock is on; see [`super::lock`]).
#[leptos::wasm_split::wasm_split(store, wasm_split_path = ::leptos::wasm_split)]
pub fn open(raw: String) -> Option<Opened> {
    if let Some(doc) = document::read_current(&raw) {
        return Some(Opened {
            doc,
            notices: Vec::new(),
            rewrite: false,
        });
    }
    if Envelope::is_sealed(&raw) {
        return None;
    }
    Some(read_plain(&raw, &|text| text.to_string()))
}

/// Whether a stored text is sealed (written with the lock on).
#[leptos::wasm_split::wasm_split(store, wasm_split_path = ::leptos::wasm_split)]
pub fn sealed(raw: String) -> bool {
    Envelope::is_sealed(&raw)
}

/// Reads a plain stored text (the stored one, or what a sealed one held)
/// record by record; what is set aside is kept as `seal` gives it.
pub(super) fn read_plain(raw: &str, seal: &dyn Fn(&str) -> String) -> Opened {
    let Some(s) = storage() else {
        return Opened {
            doc: Document::default(),
            notices: vec![Notice::MemoryOnly],
            rewrite: false,
        };
    };
    match document::read_current(raw) {
        Some(doc) => Opened {
            doc,
            notices: Vec::new(),
            rewrite: false,
        },
        None => settle(&s, raw, document::restore(Some(raw)), seal),
    }
}

/// `mine` merged with what another tab stored (`theirs`, if it can be read),
/// as JSON to store; and theirs, to merge into what is shown.
#[leptos::wasm_split::wasm_split(store, wasm_split_path = ::leptos::wasm_split)]
pub fn merged(mine: Document, theirs: Option<String>) -> (Option<Document>, String) {
    let mut mine = mine;
    let theirs = theirs.and_then(|raw| document::read_current(&raw));
    if let Some(t) = &theirs {
        mine.merge(t);
    }
    (theirs, document::to_json(&mine))
}

/// Another tab's document, if it is a whole one of the current schema (what
/// it could not read, it set aside itself).
#[leptos::wasm_split::wasm_split(store, wasm_split_path = ::leptos::wasm_split)]
pub fn current(raw: String) -> Option<Document> {
    document::read_current(&raw)
}

/// What is kept in a quarantine key for records set aside: the app, and
/// each record as it was stored, with its kind, id, and why.
fn set_aside_file(set_aside: &[SetAside]) -> String {
    serde_json::json!({ "app": document::APP, "set_aside": set_aside }).to_string()
}

/// Keeps `text` under a new quarantine key; whether it was kept.
pub(super) fn quarantine(s: &web_sys::Storage, text: &str) -> bool {
    let key = format!("{QUARANTINE_PREFIX}{}", now());
    s.set_item(&key, text).is_ok()
}

/// What to open with, from what the restore gave; sets aside what cannot be
/// read (as `seal` gives it: sealed, with the lock on).
fn settle(
    s: &web_sys::Storage,
    raw: &str,
    restored: Restored,
    seal: &dyn Fn(&str) -> String,
) -> Opened {
    let opened = |doc, notices, rewrite| Opened {
        doc,
        notices,
        rewrite,
    };
    match restored {
        Restored::Empty => opened(Document::default(), vec![], false),
        // An older schema, migrated: written back in the current one.
        Restored::Ready { doc, set_aside } if set_aside.is_empty() => opened(doc, vec![], true),
        Restored::Ready { doc, set_aside } => {
            let n = set_aside.len();
            if quarantine(s, &seal(&set_aside_file(&set_aside))) {
                // The unreadable records are safe: the readable ones open,
                // and are written back without the others.
                opened(doc, vec![Notice::SetAside(n)], true)
            } else {
                // Could not set them aside: show what can be read, but write
                // nothing over the stored data.
                opened(doc, vec![Notice::SetAside(n), Notice::MemoryOnly], false)
            }
        }
        Restored::Newer { doc, .. } => opened(doc, vec![Notice::Newer], false),
        Restored::Corrupt(_) => {
            if quarantine(s, &seal(raw)) {
                // Set aside safely: the main key may now be written afresh.
                let _ = s.remove_item(KEY);
                opened(Document::default(), vec![Notice::Quarantined], false)
            } else {
                // Could not set it aside: leave it where it is and do not write.
                opened(
                    Document::default(),
                    vec![Notice::Quarantined, Notice::MemoryOnly],
                    false,
                )
            }
        }
    }
}
