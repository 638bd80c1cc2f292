//! The browser features Facilitation needs: the clipboard, full screen, and a
//! soft chime (a file download is `crate::ui::download`). Each one may be missing or refused; each
//! reports that as `false`/`Err` so the page can say so gently, never panics.

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `obj.name(args...)` if it is a function; returns what it returned.
fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = Reflect::get(obj, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    f.apply(obj, &array).ok()
}

/// Waits for a value that may be a promise; `false` if it rejected.
async fn settled(value: JsValue) -> bool {
    match value.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await.is_ok(),
        Err(_) => true,
    }
}

/// Writes text to the clipboard. `false` when the clipboard is missing or
/// refused (an insecure page, a denied permission).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let Ok(clipboard) = Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    match call(&clipboard, "writeText", &[JsValue::from_str(text)]) {
        Some(result) => settled(result).await,
        None => false,
    }
}

/// Whether the page is full screen now.
pub fn is_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Reflect::get(&d, &JsValue::from_str("fullscreenElement")).ok())
        .is_some_and(|e| !e.is_null() && !e.is_undefined())
}

/// Leaves full screen if the page is in it.
pub fn exit_fullscreen() {
    if is_fullscreen() {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            if let Some(p) = call(&d.into(), "exitFullscreen", &[]) {
                wasm_bindgen_futures::spawn_local(async move {
                    settled(p).await;
                });
            }
        }
    }
}

/// Whether this browser can show a page full screen at all (iPhone Safari
/// cannot: it has no `requestFullscreen` on elements, only on video).
pub fn can_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| Reflect::get(&root, &JsValue::from_str("requestFullscreen")).ok())
        .is_some_and(|f| f.is_function())
}

/// Enters full screen (or leaves it). `false` when the browser will not.
pub async fn toggle_fullscreen() -> bool {
    if is_fullscreen() {
        exit_fullscreen();
        return true;
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return false;
    };
    match call(&root.into(), "requestFullscreen", &[]) {
        Some(result) => settled(result).await,
        None => false,
    }
}

thread_local! {
    /// Made when the user turns the chime on (browsers allow sound only after a
    /// gesture), and kept for the page's life.
    static AUDIO: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
}

/// Prepares sound, from a click: browsers start audio only after a gesture.
pub fn prepare_chime() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
        if let Some(ctx) = a.as_ref() {
            if let Ok(p) = ctx.resume() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        }
    });
}

/// A soft two-note chime, about a second long. Silent if sound is unavailable.
pub fn chime() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
        let Some(ctx) = a.as_ref() else {
            return;
        };
        let start = ctx.current_time();
        for (i, freq) in [659.25_f32, 880.0].into_iter().enumerate() {
            let at = start + i as f64 * 0.35;
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
                return;
            };
            osc.set_type(web_sys::OscillatorType::Sine);
            osc.frequency().set_value(freq);
            let g = gain.gain();
            g.set_value(0.0);
            let _ = g.linear_ramp_to_value_at_time(0.12, at + 0.04);
            let _ = g.exponential_ramp_to_value_at_time(0.0001, at + 0.9);
            let _ = osc.connect_with_audio_node(&gain);
            let _ = gain.connect_with_audio_node(&ctx.destination());
            let _ = osc.start_with_when(at);
            let _ = osc.stop_with_when(at + 1.0);
        }
    });
}
