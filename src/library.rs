//! The built-in content library, one file per language, loaded on demand.
//!
//! `build.rs` checks `content/` and writes the library as JSON; the build script
//! (`scripts/build.mjs`) copies it into `dist/content/` under hashed names and lists them in
//! `<meta name="taiwa-content-ja|en">`. This module is the one door to those
//! files: it fetches the current language's file from the app's own origin the
//! first time a page needs it, so the first screen does not wait for content.
//!
//! What pages get ([`Content::get`]) is that library joined with the user's own
//! ready items (`Library::with_own`), so every page that lists or finds
//! content finds them too. The join is a memo: it is made again only when the
//! loaded library or the user's ready items change, not on every save.

use crate::domain::content::{Deck, Library, Reframe, Scenario};
use crate::domain::own::{Own, OwnContent};
use crate::domain::Lang;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the content of one language stands.
#[derive(Clone, Debug)]
pub enum Loaded {
    Loading,
    Ready(Arc<Library>),
    /// The file could not be fetched or read (offline before the first visit,
    /// or a broken deploy). The text says what happened.
    Failed(String),
}

/// Two states are the same when they hold the same loaded library (by
/// address: comparing whole libraries would cost more than the join).
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Loaded::Loading, Loaded::Loading) => true,
            (Loaded::Ready(a), Loaded::Ready(b)) => Arc::ptr_eq(a, b),
            (Loaded::Failed(a), Loaded::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The user's own items that are ready, as the library shows them.
#[derive(Clone, Debug, PartialEq, Default)]
struct Ready {
    scenarios: Vec<Scenario>,
    reframes: Vec<Reframe>,
    decks: Vec<Deck>,
}

impl Ready {
    fn of(own: &OwnContent) -> Ready {
        Ready {
            scenarios: own.scenarios.values().filter_map(Own::ready).collect(),
            reframes: own.reframes.values().filter_map(Own::ready).collect(),
            decks: own.decks.values().filter_map(Own::ready).collect(),
        }
    }
}

/// The content of both languages, as far as loaded, joined with the user's
/// ready own items. Provided as context.
///
/// The join (and with it the content checks that tell a ready own item from a
/// draft) is set up the first time a page asks for content, not when the app
/// starts: only pages that show content use it, and they are split out of the
/// first screen's wasm (see ARCHITECTURE.md, "Code splitting").
#[derive(Clone, Copy)]
pub struct Content {
    ja: RwSignal<Option<Loaded>>,
    en: RwSignal<Option<Loaded>>,
    /// The user's own items: changes only when they change, not on every save.
    own: Memo<OwnContent>,
    /// The app's owner, so the join outlives the page that first asked.
    owner: StoredValue<Option<Owner>>,
    joined: StoredValue<Option<[Memo<Option<Loaded>>; 2]>>,
}

impl Content {
    /// `own` reads the user's own items (tracked); the library is joined with
    /// the ready ones.
    pub fn new(own: impl Fn() -> OwnContent + Send + Sync + 'static) -> Content {
        Content {
            ja: RwSignal::new(None),
            en: RwSignal::new(None),
            own: Memo::new(move |_| own()),
            owner: StoredValue::new(Owner::current()),
            joined: StoredValue::new(None),
        }
    }

    fn joined(&self, lang: Lang) -> Memo<Option<Loaded>> {
        let memos = match self.joined.get_value() {
            Some(memos) => memos,
            None => {
                let memos = match self.owner.get_value() {
                    Some(owner) => owner.with(|| self.join()),
                    None => self.join(),
                };
                self.joined.set_value(Some(memos));
                memos
            }
        };
        memos[match lang {
            Lang::Ja => 0,
            Lang::En => 1,
        }]
    }

    /// The memos of the join, one per language.
    fn join(&self) -> [Memo<Option<Loaded>>; 2] {
        let own = self.own;
        let ready = Memo::new(move |_| own.with(Ready::of));
        let join = move |slot: RwSignal<Option<Loaded>>| {
            Memo::new(move |_| match slot.get() {
                Some(Loaded::Ready(lib)) => ready.with(|r| {
                    if r.scenarios.is_empty() && r.reframes.is_empty() && r.decks.is_empty() {
                        return Some(Loaded::Ready(lib));
                    }
                    let mut joined = (*lib).clone();
                    joined.scenarios.extend(r.scenarios.iter().cloned());
                    joined.reframes.extend(r.reframes.iter().cloned());
                    joined.decks.extend(r.decks.iter().cloned());
                    Some(Loaded::Ready(Arc::new(joined)))
                }),
                other => other,
            })
        };
        [join(self.ja), join(self.en)]
    }

    fn slot(&self, lang: Lang) -> RwSignal<Option<Loaded>> {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// The library in `lang` with the user's ready own items, starting the
    /// fetch the first time it is asked for.
    pub fn get(&self, lang: Lang) -> Loaded {
        match self.joined(lang).get() {
            Some(loaded) => loaded,
            None => {
                self.load(lang);
                Loaded::Loading
            }
        }
    }

    /// The library in `lang` (with own items) if it is already loaded. Never
    /// starts a fetch, and does not track (for filling in the other language
    /// when saving).
    pub fn loaded(&self, lang: Lang) -> Option<Arc<Library>> {
        match self.joined(lang).get_untracked() {
            Some(Loaded::Ready(lib)) => Some(lib),
            _ => None,
        }
    }

    /// Fetches (again) the library of `lang`.
    pub fn load(&self, lang: Lang) {
        let slot = self.slot(lang);
        slot.set(Some(Loaded::Loading));
        leptos::task::spawn_local(async move {
            let result = fetch(lang).await;
            slot.set(Some(match result {
                Ok(lib) => Loaded::Ready(Arc::new(lib)),
                Err(e) => Loaded::Failed(e),
            }));
        });
    }
}

/// The address of the content file, from the page's `<meta>`.
fn address(lang: Lang) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"taiwa-content-{}\"]", lang.code()))
        .ok()??;
    meta.get_attribute("content")
}

async fn fetch(lang: Lang) -> Result<Library, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = address(lang).ok_or("the page does not name its content file")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let text = text.as_string().ok_or("not text")?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}
