//! The one door to persistence.
//!
//! Components never touch `localStorage`: they read the document through
//! [`Store::doc`] and change it through [`Store::update`], whose closure gets
//! the document and the time; the document's operations do the stamping.
//!
//! The document is read by code of its own ([`io`], split out of the first
//! screen's wasm): the first screen is drawn at once, in the language and
//! theme kept beside the document (`taiwa.look`), and the stored document
//! comes in a moment later. Pages other than home wait for it
//! ([`ready`]), so nothing is changed before it is in.
//!
//! The store saves after each change and again when the page is hidden,
//! merges changes made in other tabs (the `storage` event), and never drops
//! data it cannot read: a record that cannot be read is set aside in a
//! quarantine key (the rest opens as usual), a document that cannot be read
//! at all is set aside whole, data from a newer app is opened read-only, and
//! a full or refused storage leaves the app working in memory with a notice.
//!
//! With the passcode lock on ([`lock`], a split module of its own), what is
//! stored is sealed: the store starts [`Guard::Locked`], shows nothing of
//! the data until the passcode opens it, seals every save, and closes again
//! after a while unused; all tabs lock and unlock together ([`tabs`]).

mod io;
pub mod lock;
mod tabs;

use crate::domain::document::Document;
use crate::domain::lock::Keys;
use crate::domain::settings::Settings;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The key the document lives under.
pub const KEY: &str = "taiwa.data";
/// The app's look (language, theme, text size), kept beside the document so
/// the first screen is drawn right before the document is read: a copy of
/// the document's settings, written with each save.
pub const LOOK: &str = "taiwa.look";
/// Prefix of keys that hold data set aside because it could not be read.
pub const QUARANTINE_PREFIX: &str = "taiwa.quarantine.";

/// Wrong tries at the passcode (not secret: kept so that a reload does not
/// start the count again).
pub const TRIES: &str = "taiwa.tries";

/// Whether the passcode lock is on, and if so whether it is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// No lock: stored as plain JSON.
    Off,
    /// Locked: nothing of the data is read or shown until the passcode.
    Locked,
    /// The lock is on and open: saves are sealed.
    Open,
}

/// Why the store is not simply saving, or what it had to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Storage is missing or refused: working in memory only.
    MemoryOnly,
    /// The stored data could not be read at all and was set aside whole.
    Quarantined,
    /// This many stored records could not be read and were set aside; the
    /// rest opened as usual.
    SetAside(usize),
    /// The last save did not fit.
    Full,
    /// The data was written by a newer app: read-only.
    Newer,
}

impl Notice {
    /// Whether the person may put it away (it reports what happened, not a
    /// lasting condition).
    pub fn dismissable(self) -> bool {
        matches!(self, Notice::Quarantined | Notice::SetAside(_))
    }
}

/// A handle to the store, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Store {
    doc: RwSignal<Document>,
    notices: RwSignal<Vec<Notice>>,
    /// The document has changes not yet written.
    dirty: StoredValue<bool>,
    /// The stored document is in (until then nothing is written).
    open: RwSignal<bool>,
    /// A save is on its way (one at a time; a change meanwhile saves again).
    saving: StoredValue<bool>,
    guard: RwSignal<Guard>,
    /// The keys, while the lock is open (in memory only).
    keys: StoredValue<Option<Keys>>,
}

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text as it is (to download data that cannot be opened).
pub fn stored_text() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Waits `ms` milliseconds.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |done, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since the epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

thread_local! {
    /// Resolves once the stored document is in: see [`ready`].
    static READY: RefCell<Option<(js_sys::Promise, js_sys::Function)>> = const { RefCell::new(None) };
}

fn ready_promise() -> (js_sys::Promise, js_sys::Function) {
    READY.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| {
                let mut resolve = None;
                let promise = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
                let resolve = resolve.unwrap_or_else(|| js_sys::Function::new_no_args(""));
                (promise, resolve)
            })
            .clone()
    })
}

/// Waits until the stored document is in (at once, once it is). Pages that
/// change the document when drawn wait for it, so that a change never lands
/// on the empty document shown before.
pub async fn ready() {
    let _ = wasm_bindgen_futures::JsFuture::from(ready_promise().0).await;
}

impl Store {
    /// Opens the store: the look at once, the document a moment later.
    pub fn open() -> Store {
        let look = storage()
            .and_then(|s| s.get_item(LOOK).ok().flatten())
            .map(|l| Settings::from_look(&l))
            .unwrap_or_default();
        let store = Store {
            doc: RwSignal::new(Document::looking(look)),
            notices: RwSignal::new(Vec::new()),
            dirty: StoredValue::new(false),
            open: RwSignal::new(false),
            saving: StoredValue::new(false),
            guard: RwSignal::new(Guard::Off),
            keys: StoredValue::new(None),
        };
        match storage().map(|s| s.get_item(KEY)) {
            None | Some(Err(_)) => {
                store.raise(Notice::MemoryOnly);
                store.opened();
            }
            Some(Ok(None)) => store.opened(),
            Some(Ok(Some(raw))) => leptos::task::spawn_local(async move {
                match io::open(raw).await {
                    Some(opened) => store.take_in(opened),
                    None => store.guard.set(Guard::Locked),
                }
            }),
        }
        store.listen();
        tabs::listen(store);
        store
    }

    /// Whether the lock is on, and open.
    pub fn guard(&self) -> Guard {
        self.guard.get()
    }

    pub fn guard_untracked(&self) -> Guard {
        self.guard.get_untracked()
    }

    /// The document, for reading in views.
    pub fn doc(&self) -> ReadSignal<Document> {
        self.doc.read_only()
    }

    /// Whether the stored document is in.
    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    pub fn notices(&self) -> ReadSignal<Vec<Notice>> {
        self.notices.read_only()
    }

    pub fn dismiss(&self, notice: Notice) {
        // A lasting condition cannot be dismissed away.
        if notice.dismissable() {
            self.notices.update(|n| n.retain(|x| *x != notice));
        }
    }

    /// Changes the document (the closure gets it and the time now) and saves.
    pub fn update(&self, change: impl FnOnce(&mut Document, i64)) {
        let at = now();
        self.doc.update(|d| {
            change(d, at);
            d.note_use(at);
        });
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

    fn opened(&self) {
        self.open.set(true);
        let _ = ready_promise().1.call0(&JsValue::NULL);
    }

    /// Takes in the stored document (with any change made in the meantime).
    fn take_in(&self, opened: io::Opened) {
        let meanwhile = self.doc.get_untracked();
        self.doc.set(opened.doc);
        if self.dirty.get_value() {
            self.doc.update(|d| d.merge(&meanwhile));
        }
        for n in opened.notices {
            self.raise(n);
        }
        if opened.rewrite {
            self.dirty.set_value(true);
        }
        self.opened();
        self.save();
    }

    /// Writes the document if it changed and writing is allowed: merged first
    /// with what another tab wrote since we last looked.
    pub fn save(&self) {
        if !self.dirty.get_value()
            || !self.open.get_untracked()
            || self.saving.get_value()
            || self.has(Notice::MemoryOnly)
            || self.has(Notice::Newer)
        {
            return;
        }
        let Some(s) = storage() else {
            self.raise(Notice::MemoryOnly);
            return;
        };
        let store = *self;
        let theirs = s.get_item(KEY).ok().flatten();
        let mine = self.doc.get_untracked();
        self.dirty.set_value(false);
        self.saving.set_value(true);
        leptos::task::spawn_local(async move {
            let (mut mine, mut theirs) = (mine, theirs);
            let mut tries = 0;
            let json = loop {
                let keys = store.keys.get_value();
                let (merged, json) = match keys {
                    None => io::merged(mine, theirs.clone()).await,
                    Some(keys) => match lock::merged(mine, theirs.clone(), keys).await {
                        Some((merged, json, keys)) => {
                            store.keys.set_value(Some(keys));
                            (merged, json)
                        }
                        // Another tab turned the lock off: save plain, again.
                        None => {
                            store.lock_went_off();
                            store.saving.set_value(false);
                            store.dirty.set_value(true);
                            store.save();
                            return;
                        }
                    },
                };
                if let Some(theirs) = merged {
                    store.doc.update(|d| d.merge(&theirs));
                }
                // Another tab may have written while the merge was on its way
                // (the first one waits for the store's module): writing now
                // would put back what that tab had just changed. Merge again
                // with what it wrote.
                let latest = s.get_item(KEY).ok().flatten();
                tries += 1;
                if latest == theirs || tries > 8 {
                    break json;
                }
                theirs = latest;
                mine = store.doc.get_untracked();
            };
            let look = store.doc.with_untracked(|d| d.settings().look());
            match s.set_item(KEY, &json) {
                Ok(()) => {
                    let _ = s.set_item(LOOK, &look);
                    if store.has(Notice::Full) {
                        store.notices.update(|n| n.retain(|x| *x != Notice::Full));
                    }
                }
                Err(_) => {
                    store.dirty.set_value(true);
                    store.raise(Notice::Full);
                }
            }
            store.saving.set_value(false);
            // A change made while this save was on its way.
            if store.dirty.get_value() && !store.has(Notice::Full) {
                store.save();
            }
        });
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

    /// What another tab stored: merged in (opened with our keys if sealed).
    async fn heard(self, raw: String) {
        match self.keys.get_value() {
            Some(keys) => match lock::current(raw, keys).await {
                lock::Heard::Sealed(theirs, keys) => {
                    self.keys.set_value(Some(keys));
                    self.doc.update(|mine| mine.merge(&theirs));
                }
                lock::Heard::Plain(theirs) => {
                    self.lock_went_off();
                    self.doc.update(|mine| mine.merge(&theirs));
                }
                lock::Heard::Unreadable => {}
            },
            None => match io::current(raw.clone()).await {
                Some(theirs) => self.doc.update(|mine| mine.merge(&theirs)),
                // Another tab turned the lock on: close until its key comes
                // (tabs::Said::Key) or the passcode is typed here.
                None if io::sealed(raw).await => self.close(),
                None => {}
            },
        }
    }

    /// The lock was turned off in another tab.
    fn lock_went_off(&self) {
        self.keys.set_value(None);
        if self.guard.get_untracked() == Guard::Open {
            self.guard.set(Guard::Off);
        }
    }

    /// Locks now (the button, the idle time), in this tab and the others.
    pub fn lock_now(&self) {
        if self.guard.get_untracked() == Guard::Open {
            tabs::say(tabs::Said::Lock);
            self.close();
        }
    }

    /// Closes the lock here: what is pending is written (sealed) first;
    /// then the keys and the document leave memory, and every page goes
    /// (the app draws the lock screen instead).
    fn close(&self) {
        if self.guard.get_untracked() == Guard::Locked {
            return;
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            // Let a save on its way finish, and write what is pending.
            while store.saving.get_value() {
                pause(20).await;
            }
            if store.dirty.get_value() && store.keys.with_value(Option::is_some) {
                store.save();
                while store.saving.get_value() {
                    pause(20).await;
                }
            }
            store.keys.set_value(None);
            store.open.set(false);
            let look = store.doc.with_untracked(|d| d.settings().clone());
            store.doc.set(Document::looking(look));
            store.dirty.set_value(false);
            store.guard.set(Guard::Locked);
        });
    }

    fn listen(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let store = *self;
        // Another tab saved: merge its records into ours.
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                if e.key().as_deref() != Some(KEY) || !store.open.get_untracked() {
                    return;
                }
                if let Some(raw) = e.new_value() {
                    leptos::task::spawn_local(async move { store.heard(raw).await });
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

/// How much room Taiwa's data takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    /// Bytes of Taiwa's keys in localStorage (UTF-16, as browsers count it).
    pub taiwa: f64,
    /// What the browser says this site uses and may use, when it says.
    pub site: Option<(f64, f64)>,
}

/// About what one site may keep in localStorage (5 million characters in
/// Chromium, Firefox and Safari, counted as UTF-16: 10 MB).
pub const LOCAL_LIMIT: f64 = 10_000_000.0;

/// Measures Taiwa's keys, and asks the browser for its estimate.
pub async fn usage() -> Usage {
    let mut taiwa = 0.0;
    if let Some(s) = storage() {
        for i in 0..s.length().unwrap_or(0) {
            let Some(key) = s.key(i).ok().flatten() else {
                continue;
            };
            if !key.starts_with("taiwa.") {
                continue;
            }
            let value = s.get_item(&key).ok().flatten().unwrap_or_default();
            taiwa += 2.0 * (key.encode_utf16().count() + value.encode_utf16().count()) as f64;
        }
    }
    let mut site = None;
    if let Some(promise) = storage_manager().and_then(|m| m.estimate().ok()) {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let e: web_sys::StorageEstimate = v.unchecked_into();
            if let (Some(u), Some(q)) = (e.get_usage(), e.get_quota()) {
                site = Some((u, q));
            }
        }
    }
    Usage { taiwa, site }
}
