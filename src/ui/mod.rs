//! Leptos components. They hold no rules: they ask `domain` and `store`, and draw.

pub mod app;
pub mod browser;
pub mod download;
pub mod format;
pub mod labels;
pub mod nav;
pub mod pages;
pub mod pwa;
pub mod styles;
pub mod widgets;

use crate::domain::Lang;
use crate::i18n::{tr, Strings};
use crate::store::Store;
use leptos::prelude::*;

/// App-wide state, provided once as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub store: Store,
    /// The content library (built-in, loaded per language on demand, joined
    /// with the user's own ready items).
    pub content: crate::library::Content,
    /// Heavy scenarios whose content note was read in this visit.
    pub acknowledged: RwSignal<Vec<String>>,
    /// The language in use: the user's choice, else the browser's.
    pub lang: Memo<Lang>,
}

impl Ctx {
    /// The UI text table for the current language (tracks the language).
    pub fn t(&self) -> &'static Strings {
        tr(self.lang.get())
    }
}

pub fn use_ctx() -> Ctx {
    // `App` provides the context before any page renders.
    use_context::<Ctx>().unwrap_or_else(|| {
        leptos::logging::error!("Taiwa: context missing");
        let store = Store::open();
        Ctx {
            store,
            content: crate::library::Content::new(move || store.doc().with(|d| d.own.clone())),
            lang: Memo::new(|_| Lang::Ja),
            acknowledged: RwSignal::new(Vec::new()),
        }
    })
}

/// The languages the browser prefers, first to last.
pub fn browser_lang() -> Lang {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::Ja;
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::from_preferences(list.iter().map(String::as_str))
}

/// The path the app is served under ("" at the root, "/taiwa" under a sub-path),
/// read once from `<base href>`, which Trunk writes at build time.
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let uri = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten());
        uri.and_then(|u| web_sys::Url::new(&u).ok())
            .map(|u| u.pathname())
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string()
    })
}

/// A link target inside the app: `href("/settings")` is `/taiwa/settings` when
/// the app is served under `/taiwa/`. (leptos_router leaves absolute paths as
/// they are, so every internal link goes through here.)
pub fn href(path: &str) -> String {
    format!("{}{}", base(), path)
}

/// A number in `[0, 1)`, for drawing prompts and making ids.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// A fresh id for a plan, a session, a copy saved from a share link, or a
/// page element.
pub fn fresh_id() -> String {
    crate::domain::id::new_id(crate::store::now(), random())
}

/// Mounts the app on `<body>`. The static first screen stays until the first
/// page is drawn (see [`first_page_drawn`]).
pub fn mount() {
    console_panic_hook();
    leptos::mount::mount_to_body(app::App);
}

/// Takes away the static first screen (`#boot` in index.html), which
/// style/app.css keeps in front of the app until then. Called once a page has
/// been drawn: a page whose code loads on first use (see ARCHITECTURE.md, "Code
/// splitting") is not there at once, and the shell alone would be an empty
/// screen.
///
/// The first screen is hidden at once (`.gone`: the app shows) and removed
/// from the document once the browser has reported its first paint to the page
/// (or after half a second, where paints are not reported). Chromium forgets a
/// painted element that leaves the document before its paint is reported
/// (which comes late while the wasm starts), and would then count the app's
/// page, drawn later, as the largest contentful paint: as if nothing had been
/// on screen before the wasm loaded.
pub fn first_page_drawn() {
    let window = web_sys::window();
    let Some(boot) = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    else {
        return;
    };
    if boot.class_name() == GONE {
        return; // hidden already, waiting to be removed
    }
    boot.set_class_name(GONE);
    // For the benchmark: the first page is on screen and interactive.
    if let Some(perf) = window.and_then(|w| w.performance()) {
        let _ = perf.mark("taiwa-interactive");
    }
    remove_once_painted(boot, 0);
}

const GONE: &str = "boot gone";

/// Removes the hidden first screen once its paint has been reported, checking
/// every 10 ms, 50 times at most.
fn remove_once_painted(boot: web_sys::Element, checks: u32) {
    let reported = web_sys::window()
        .and_then(|w| w.performance())
        .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    if reported || checks >= 50 {
        boot.remove();
    } else {
        leptos::prelude::set_timeout(
            move || remove_once_painted(boot, checks + 1),
            std::time::Duration::from_millis(10),
        );
    }
}

fn console_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("Taiwa stopped: {info}");
    }));
}
