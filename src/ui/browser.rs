//! What this browser can do, asked by feature detection (and, where no API
//! tells, by engine: see `domain::browser`). Each answer degrades to "cannot",
//! never to an exception: a missing API in one engine must not stop the app.

use crate::domain::browser::Engine;
use wasm_bindgen::JsCast;

/// The engine, from the user-agent string.
pub fn engine() -> Engine {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    Engine::from_user_agent(&ua)
}

/// Whether the app runs as an installed app (from the Home Screen), not in a tab.
pub fn standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let display_mode = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // iOS before display-mode was supported: navigator.standalone.
    let ios = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    display_mode || ios
}

/// The asynchronous clipboard, if this browser offers it on this page. It is
/// missing on plain http (other than localhost) and in older engines; web-sys
/// would hand back `undefined` as a `Clipboard` and the first call would throw.
pub fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let has_write = js_sys::Reflect::get(&value, &"writeText".into())
        .ok()
        .is_some_and(|f| f.is_function());
    has_write.then(|| value.unchecked_into())
}
