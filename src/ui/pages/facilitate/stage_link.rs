//! The console and the shared screen of one session, in two windows of one
//! browser, told of each other through a `BroadcastChannel` (`taiwa-stage`):
//! nothing leaves the device. What they show (the step, the timer, the
//! harvest, a blank screen) is the session record, which the store keeps in
//! step across windows; the channel only says "a console is open", so that
//! the shared screen can drop its buttons while it is.
//!
//! The console says `here <id>` every two seconds and `gone <id>` when it
//! closes; a shared screen that opens asks `ask <id>`, and the console answers
//! at once. A console not heard from for five seconds (a crash, a closed
//! laptop lid) counts as gone, and the buttons come back.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "taiwa-stage";
const BEAT: Duration = Duration::from_secs(2);
const GONE_AFTER_MS: f64 = 5_000.0;

fn channel(on_message: impl Fn(String, String) + 'static) -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some((what, id)) = e.data().as_string().and_then(|t| {
            t.split_once(' ')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        }) {
            on_message(what, id);
        }
    });
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    heard.forget();
    Some(channel)
}

fn say(channel: &web_sys::BroadcastChannel, what: &str, id: &str) {
    let _ = channel.post_message(&JsValue::from_str(&format!("{what} {id}")));
}

/// For the console of session `id`: tells the shared screen it is open, for
/// as long as this view lives.
pub fn announce(id: String) {
    let mine = id.clone();
    let Some(ch) = channel(move |what, heard| {
        if what == "ask" && heard == mine {
            say_here(&heard);
        }
    }) else {
        return;
    };
    CONSOLE.with(|c| *c.borrow_mut() = Some(ch));
    say_here(&id);
    let beating = id.clone();
    let beat = set_interval_with_handle(move || say_here(&beating), BEAT).ok();
    let leaving = id.clone();
    // Closing the window: the page goes without running its cleanups.
    let on_hide = window_event_listener_untyped("pagehide", move |_| goodbye(&leaving));
    on_cleanup(move || {
        if let Some(b) = beat {
            b.clear();
        }
        on_hide.remove();
        goodbye(&id);
    });
}

fn say_here(id: &str) {
    CONSOLE.with(|c| {
        if let Some(ch) = c.borrow().as_ref() {
            say(ch, "here", id)
        }
    })
}

fn goodbye(id: &str) {
    CONSOLE.with(|c| {
        if let Some(ch) = c.borrow_mut().take() {
            say(&ch, "gone", id);
            ch.close();
        }
    })
}

thread_local! {
    static CONSOLE: std::cell::RefCell<Option<web_sys::BroadcastChannel>> =
        const { std::cell::RefCell::new(None) };
}

/// For the shared screen of session `id`: whether its console is open now.
pub fn console_open(id: String) -> ReadSignal<bool> {
    let open = RwSignal::new(false);
    let last = StoredValue::new(None::<f64>);
    let mine = id.clone();
    let Some(ch) = channel(move |what, heard| {
        if heard != mine {
            return;
        }
        match what.as_str() {
            "here" => {
                last.try_set_value(Some(js_sys::Date::now()));
                open.try_set(true);
            }
            "gone" => {
                last.try_set_value(None);
                open.try_set(false);
            }
            _ => {}
        }
    }) else {
        return open.read_only();
    };
    say(&ch, "ask", &id);
    let check = set_interval_with_handle(
        move || {
            let heard = last
                .get_value()
                .is_some_and(|t| js_sys::Date::now() - t < GONE_AFTER_MS);
            if open.get_untracked() != heard {
                open.set(heard);
            }
        },
        Duration::from_secs(1),
    )
    .ok();
    let ch = send_wrapper::SendWrapper::new(ch);
    on_cleanup(move || {
        if let Some(c) = check {
            c.clear();
        }
        ch.close();
    });
    open.read_only()
}
