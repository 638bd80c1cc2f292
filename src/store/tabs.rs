//! The app's tabs in this browser, told of the lock through a
//! `BroadcastChannel` (`taiwa-lock`): it never leaves the device. One tab
//! locks: all lock. One opens: it hands the data key to the others, which
//! check it against what is stored before they open. The lock turned off:
//! the others read the plain data.

use super::{io, lock, storage, Guard, Store, KEY};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "taiwa-lock";

/// What one tab tells the others.
pub enum Said {
    Lock,
    Off,
    /// The data key, base64url (the lock opened, or was turned on).
    Key(String),
}

thread_local! {
    static OPEN: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

pub fn say(said: Said) {
    let text = match said {
        Said::Lock => "lock".to_string(),
        Said::Off => "off".to_string(),
        Said::Key(key) => format!("key {key}"),
    };
    OPEN.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    });
}

/// Listens to the other tabs (where the browser has `BroadcastChannel`).
pub fn listen(store: Store) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(text) = e.data().as_string() else {
            return;
        };
        match text.split_once(' ') {
            Some(("key", key)) => {
                let key = key.to_string();
                leptos::task::spawn_local(async move { lock::handed(store, key).await });
            }
            _ if text == "lock" => store.close(),
            _ if text == "off" => turned_off(store),
            _ => {}
        }
    });
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    heard.forget();
    OPEN.with(|c| *c.borrow_mut() = Some(channel));
}

/// Another tab turned the lock off: a locked tab reads the plain data.
fn turned_off(store: Store) {
    match store.guard.get_untracked() {
        Guard::Open => store.lock_went_off(),
        Guard::Locked => {
            store.guard.set(Guard::Off);
            match storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
                Some(raw) => leptos::task::spawn_local(async move {
                    if let Some(opened) = io::open(raw).await {
                        store.take_in(opened);
                    }
                }),
                None => store.opened(),
            }
        }
        Guard::Off => {}
    }
}
