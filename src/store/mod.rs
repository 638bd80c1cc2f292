//! The one door to persistence.
//!
//! Components never touch `localStorage`: they read the document through
//! [`Store::doc`] and change it through [`Store::update`]. The store saves after
//! each change and again when the page is hidden, merges changes made in other
//! tabs (the `storage` event), and never drops data it cannot read: corrupt data
//! is moved to a quarantine key, data from a newer app is opened read-only, and a
//! full or refused storage leaves the app working in memory with a notice.

use crate::domain::document::{self, Document, Restored};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The key the document lives under.
pub const KEY: &str = "taiwa.data";
/// Prefix of keys that hold data set aside because it could not be read.
pub const QUARANTINE_PREFIX: &str = "taiwa.quarantine.";

/// Why the store is not simply saving.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Storage is missing or refused: working in memory only.
    MemoryOnly,
    /// Stored data could not be read and was set aside.
    Quarantined,
    /// The last save did not fit.
    Full,
    /// The data was written by a newer app: read-only.
    Newer,
}

/// A handle to the store, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Store {
    doc: RwSignal<Document>,
    notices: RwSignal<Vec<Notice>>,
    /// The document has changes not yet written.
    dirty: StoredValue<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Milliseconds since the epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

impl Store {
    /// Opens the store: reads, restores or quarantines, and starts listening.
    pub fn open() -> Store {
        let (doc, notices) = match storage() {
            None => (Document::default(), vec![Notice::MemoryOnly]),
            Some(s) => read(&s),
        };
        let store = Store {
            doc: RwSignal::new(doc),
            notices: RwSignal::new(notices),
            dirty: StoredValue::new(false),
        };
        store.listen();
        store
    }

    /// The document, for reading in views.
    pub fn doc(&self) -> ReadSignal<Document> {
        self.doc.read_only()
    }

    pub fn notices(&self) -> ReadSignal<Vec<Notice>> {
        self.notices.read_only()
    }

    pub fn dismiss(&self, notice: Notice) {
        // A lasting condition cannot be dismissed away.
        if matches!(notice, Notice::Quarantined) {
            self.notices.update(|n| n.retain(|x| *x != notice));
        }
    }

    /// Changes the document and saves it.
    pub fn update(&self, change: impl FnOnce(&mut Document)) {
        self.doc.update(change);
        self.dirty.set_value(true);
        self.save();
    }

    fn has(&self, notice: Notice) -> bool {
        self.notices.with_untracked(|n| n.contains(&notice))
    }

    fn raise(&self, notice: Notice) {
        if !self.has(notice) {
            self.notices.update(|n| n.push(notice));
        }
    }

    /// Writes the document if it changed and writing is allowed.
    pub fn save(&self) {
        if !self.dirty.get_value() || self.has(Notice::MemoryOnly) || self.has(Notice::Newer) {
            return;
        }
        let Some(s) = storage() else {
            self.raise(Notice::MemoryOnly);
            return;
        };
        // Fold in anything another tab wrote since we last looked.
        if let Restored::Ready(theirs) =
            document::restore(s.get_item(KEY).ok().flatten().as_deref())
        {
            self.doc.update(|mine| mine.merge(&theirs));
        }
        let json = self.doc.with_untracked(document::to_json);
        match s.set_item(KEY, &json) {
            Ok(()) => {
                self.dirty.set_value(false);
                if self.has(Notice::Full) {
                    self.notices.update(|n| n.retain(|x| *x != Notice::Full));
                }
            }
            Err(_) => self.raise(Notice::Full),
        }
    }

    /// The data set aside because it could not be read: (key, text).
    pub fn quarantined(&self) -> Vec<(String, String)> {
        let Some(s) = storage() else {
            return Vec::new();
        };
        let len = s.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect()
    }

    fn listen(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let store = *self;
        // Another tab saved: merge its records into ours.
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                if e.key().as_deref() != Some(KEY) {
                    return;
                }
                if let Restored::Ready(theirs) = document::restore(e.new_value().as_deref()) {
                    store.doc.update(|mine| mine.merge(&theirs));
                }
            });
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
        // Leaving or hiding the page: write what is pending.
        let on_hide = Closure::<dyn Fn()>::new(move || store.save());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                on_hide.as_ref().unchecked_ref(),
            );
        }
        on_hide.forget();
    }
}

/// Reads the stored document; sets corrupt data aside.
fn read(s: &web_sys::Storage) -> (Document, Vec<Notice>) {
    let raw = match s.get_item(KEY) {
        Ok(raw) => raw,
        Err(_) => return (Document::default(), vec![Notice::MemoryOnly]),
    };
    match document::restore(raw.as_deref()) {
        Restored::Empty => (Document::default(), vec![]),
        Restored::Ready(doc) => (doc, vec![]),
        Restored::Newer { doc, .. } => (doc, vec![Notice::Newer]),
        Restored::Corrupt(_) => {
            let text = raw.unwrap_or_default();
            let key = format!("{QUARANTINE_PREFIX}{}", now());
            match s.set_item(&key, &text) {
                // Set aside safely: the main key may now be written afresh.
                Ok(()) => {
                    let _ = s.remove_item(KEY);
                    (Document::default(), vec![Notice::Quarantined])
                }
                // Could not set it aside: leave it where it is and do not write.
                Err(_) => (
                    Document::default(),
                    vec![Notice::Quarantined, Notice::MemoryOnly],
                ),
            }
        }
    }
}

/// Whether the browser keeps this site's storage even when space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persist {
    Granted,
    NotGranted,
    /// The browser has no `navigator.storage` (some engines and modes).
    Unsupported,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Persist {
    let Ok(promise) = promise else {
        return Persist::Unsupported;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(v) if v.as_bool() == Some(true) => Persist::Granted,
        Ok(_) => Persist::NotGranted,
        Err(_) => Persist::Unsupported,
    }
}

/// Whether storage is already persistent.
pub async fn persisted() -> Persist {
    match storage_manager() {
        Some(m) => ask(m.persisted()).await,
        None => Persist::Unsupported,
    }
}

/// Asks the browser to keep storage; returns what it decided.
pub async fn request_persist() -> Persist {
    match storage_manager() {
        Some(m) => ask(m.persist()).await,
        None => Persist::Unsupported,
    }
}
