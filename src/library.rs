//! The built-in content library, one file per language, loaded on demand.
//!
//! `build.rs` checks `content/` and writes the library as JSON; the post-build
//! hook copies it into `dist/content/` under hashed names and lists them in
//! `<meta name="taiwa-content-ja|en">`. This module is the one door to those
//! files: it fetches the current language's file from the app's own origin the
//! first time a page needs it, so the first screen does not wait for content.

use crate::domain::content::Library;
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

/// The content of both languages, as far as loaded. Provided as context.
#[derive(Clone, Copy)]
pub struct Content {
    ja: RwSignal<Option<Loaded>>,
    en: RwSignal<Option<Loaded>>,
}

impl Content {
    pub fn new() -> Content {
        Content {
            ja: RwSignal::new(None),
            en: RwSignal::new(None),
        }
    }

    fn slot(&self, lang: Lang) -> RwSignal<Option<Loaded>> {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// The library in `lang`, starting the fetch the first time it is asked for.
    pub fn get(&self, lang: Lang) -> Loaded {
        let slot = self.slot(lang);
        match slot.get() {
            Some(loaded) => loaded,
            None => {
                self.load(lang);
                Loaded::Loading
            }
        }
    }

    /// The library in `lang` if it is already loaded. Never starts a fetch, and
    /// does not track (for filling in the other language when saving).
    pub fn loaded(&self, lang: Lang) -> Option<Arc<Library>> {
        match self.slot(lang).get_untracked() {
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

impl Default for Content {
    fn default() -> Self {
        Content::new()
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
