//! The app's side of the service worker (`public/sw.js`), which keeps Taiwa
//! working offline: registers it under the deploy base, notices when a new
//! version is waiting, and lets it take over only when the user presses
//! "reload" (the rule is `domain::update`). Also keeps the browser's bar colour
//! in step with a theme chosen in the app.

use crate::domain::settings::Theme;
use crate::domain::update::{AppUpdate, UpdateAction};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The message `sw.js` answers with `skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

/// The state of updates, for the banner. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Updates {
    state: RwSignal<AppUpdate>,
}

impl Updates {
    pub fn state(&self) -> ReadSignal<AppUpdate> {
        self.state.read_only()
    }

    fn apply(&self, (next, action): (AppUpdate, UpdateAction)) -> UpdateAction {
        self.state.set(next);
        action
    }

    fn waiting(&self, controlled: bool) {
        let next = self.state.get_untracked().waiting(controlled);
        self.state.set(next);
    }

    /// The user pressed "reload": ask the waiting version to take over; the
    /// page reloads when it has.
    pub fn accept(&self) {
        let updates = *self;
        let Some(sw) = container() else {
            reload();
            return;
        };
        spawn_local(async move {
            let scope = format!("{}/", super::base());
            let waiting = JsFuture::from(sw.get_registration_with_document_url(&scope))
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting());
            let action = updates.apply(updates.state.get_untracked().accept(waiting.is_some()));
            match (action, waiting) {
                (UpdateAction::Activate, Some(worker)) => {
                    if worker
                        .post_message(&JsValue::from_str(SKIP_WAITING))
                        .is_err()
                    {
                        reload();
                    }
                }
                (UpdateAction::None, _) => {}
                _ => reload(),
            }
        });
    }
}

/// `navigator.serviceWorker`, where the browser offers it (secure contexts only:
/// https, or the loopback address).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let offered =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    offered.then(|| navigator.service_worker())
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Registers the service worker once the page has loaded (so that filling its
/// cache does not compete with the first screen), and follows updates.
pub fn start() -> Updates {
    let updates = Updates {
        state: RwSignal::new(AppUpdate::Current),
    };
    let Some(sw) = container() else {
        return updates;
    };
    // A new version took over: reload if, and only if, the user asked for it.
    let on_change = Closure::<dyn Fn()>::new(move || {
        if updates.apply(updates.state.get_untracked().controller_changed()) == UpdateAction::Reload
        {
            reload();
        }
    });
    let _ =
        sw.add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();
    when_loaded(move || register(sw, updates));
    updates
}

fn when_loaded(run: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        // In a task of its own: a page already loaded (a reload, or the wasm
        // arriving after `load`) still draws its first screen before the
        // registration and the browser's update check begin.
        leptos::prelude::set_timeout(run, std::time::Duration::ZERO);
    } else {
        let once = Closure::once_into_js(run);
        let _ = window.add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

fn register(sw: ServiceWorkerContainer, updates: Updates) {
    let base = super::base();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let promise = sw.register_with_options(&format!("{base}/sw.js"), &options);
    spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(reg) => match reg.dyn_into::<ServiceWorkerRegistration>() {
                Ok(reg) => watch(reg, sw, updates),
                Err(_) => leptos::logging::warn!("Taiwa: no service worker registration"),
            },
            // Not fatal: the app works, only not offline.
            Err(e) => leptos::logging::warn!("Taiwa: offline use is not available: {e:?}"),
        }
    });
}

fn watch(reg: ServiceWorkerRegistration, sw: ServiceWorkerContainer, updates: Updates) {
    if reg.waiting().is_some() {
        updates.waiting(sw.controller().is_some());
    }
    if let Some(worker) = reg.installing() {
        follow(worker, sw.clone(), updates);
    }
    let found = reg.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        if let Some(worker) = found.installing() {
            follow(worker, sw.clone(), updates);
        }
    });
    let _ = reg.add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
    on_found.forget();

    // An app left open for days looks for a new version when it comes back
    // into view (the browser also looks on every page load).
    let on_visible = Closure::<dyn Fn()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            let _ = reg.update();
        }
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_visible.forget();
}

/// Follows an installing worker until it is installed (waiting).
fn follow(worker: ServiceWorker, sw: ServiceWorkerContainer, updates: Updates) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            updates.waiting(sw.controller().is_some());
        }
    });
    let _ =
        worker.add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
    on_state.forget();
}

/// The version of the running app (written into index.html at build time).
pub fn version() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="taiwa-version"]"#)
        .ok()??
        .get_attribute("content")
}

/// Keeps `<meta name="theme-color">` (the colour of the browser's or the
/// installed app's bar) in step with a theme chosen in the app; with
/// `Theme::System` the page's own light and dark values apply again.
/// `rgb(30, 34, 39)` as `#1e2227`.
fn hex(rgb: &str) -> Option<String> {
    let inner = rgb.trim().strip_prefix("rgb")?.trim_start_matches('a');
    let inner = inner.trim_start_matches('(').trim_end_matches(')');
    let parts: Vec<u8> = inner
        .split(',')
        .take(3)
        .map(|p| p.trim().parse::<f64>().ok().map(|v| v.round() as u8))
        .collect::<Option<_>>()?;
    (parts.len() == 3).then(|| format!("#{:02x}{:02x}{:02x}", parts[0], parts[1], parts[2]))
}

pub fn theme_color(theme: Theme) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(metas) = doc.query_selector_all(r#"meta[name="theme-color"]"#) else {
        return;
    };
    // The surface colour as the browser resolved it (the token is a
    // `light-dark()` pair), through an element that uses it (style/app.css;
    // an inline style would break the Content Security Policy).
    let chosen = theme.attribute().and_then(|_| {
        let probe = doc.create_element("span").ok()?;
        let _ = probe.set_attribute("class", "theme-probe");
        doc.body()?.append_child(&probe).ok()?;
        let colour = web_sys::window()?
            .get_computed_style(&probe)
            .ok()??
            .get_property_value("color")
            .ok();
        probe.remove();
        colour.as_deref().and_then(hex)
    });
    for i in 0..metas.length() {
        let Some(meta) = metas
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        // Keep the page's own value, to restore it.
        let own = match meta.get_attribute("data-own") {
            Some(own) => own,
            None => {
                let own = meta.get_attribute("content").unwrap_or_default();
                let _ = meta.set_attribute("data-own", &own);
                own
            }
        };
        let colour = chosen.as_deref().filter(|c| !c.is_empty()).unwrap_or(&own);
        let _ = meta.set_attribute("content", colour);
    }
}
