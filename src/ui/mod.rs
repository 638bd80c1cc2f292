//! Leptos components. They hold no rules: they ask `domain` and `store`, and draw.

pub mod app;
pub mod browser;
pub mod download;
pub mod format;
pub mod labels;
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
/// from the document once the browser has reported its first paint to the page,
/// or after [`PAINT_REPORT_WAIT_MS`]. Chromium forgets a painted element that
/// leaves the document before its paint is reported (which can come late while
/// the wasm starts), and would then count the app's page, drawn later, as the
/// largest contentful paint: as if nothing had been on screen before the wasm
/// loaded.
pub fn first_page_drawn() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(boot) = window.document().and_then(|d| d.get_element_by_id("boot")) else {
        return;
    };
    if boot.class_name().contains("gone") {
        return; // already hidden, to be removed
    }
    boot.set_class_name("boot gone");
    let performance = window.performance();
    if let Some(perf) = &performance {
        // For the benchmark: the first page is on screen and interactive.
        let _ = perf.mark("taiwa-interactive");
    }
    let start = performance.as_ref().map_or(0.0, |p| p.now());
    let waited = move || performance.as_ref().map_or(f64::MAX, |p| p.now() - start);
    until_done(std::rc::Rc::new(move || {
        let done = paint_reported() || waited() >= PAINT_REPORT_WAIT_MS;
        if done {
            boot.remove();
        }
        done
    }));
}

/// Calls `done` now and then every few milliseconds until it says it is done.
fn until_done(done: std::rc::Rc<dyn Fn() -> bool>) {
    if !done() {
        leptos::prelude::set_timeout(
            move || until_done(done),
            std::time::Duration::from_millis(10),
        );
    }
}

/// The longest the hidden first screen waits for its paint to be reported.
const PAINT_REPORT_WAIT_MS: f64 = 500.0;

/// Whether the first contentful paint has been reported to the page, or the
/// browser does not report paints (then there is nothing to wait for).
fn paint_reported() -> bool {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return true;
    };
    let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|po| js_sys::Reflect::get(&po, &"supportedEntryTypes".into()))
        .map(|types| js_sys::Array::from(&types).includes(&"paint".into(), 0))
        .unwrap_or(false);
    !supported || perf.get_entries_by_name("first-contentful-paint").length() > 0
}

fn console_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("Taiwa stopped: {info}");
    }));
}
