//! Reads a line aloud, only with a voice the browser keeps on the device
//! (`SpeechSynthesisVoice.localService`): nothing is ever sent to a speech
//! service. Where the browser offers no local voice for the language, the
//! button is not shown at all.

use crate::domain::Lang;
use crate::i18n::practice::tr;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's speech synthesis, if it has one (every answer degrades to
/// "none", never to an exception).
fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    let has = js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false);
    if !has {
        return None;
    }
    window.speech_synthesis().ok()
}

/// A voice on this device for `lang`, if there is one.
fn local_voice(lang: Lang) -> Option<web_sys::SpeechSynthesisVoice> {
    let voices = synthesis()?.get_voices();
    voices
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| v.local_service() && crate::domain::Lang::from_code(&v.lang()) == Some(lang))
}

/// A button that reads `text` aloud in `lang` with a local voice.
#[component]
pub fn ReadAloud(text: String, lang: Lang) -> impl IntoView {
    let t = tr(lang);
    let available = RwSignal::new(local_voice(lang).is_some());
    let speaking = RwSignal::new(false);
    // Voices may arrive after the page: look again when the list changes.
    if let Some(s) = synthesis() {
        let on_change = Closure::<dyn Fn()>::new(move || {
            available.set(local_voice(lang).is_some());
        });
        let _ =
            s.add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
    on_cleanup(move || {
        if let Some(s) = synthesis() {
            s.cancel();
        }
    });
    let text = StoredValue::new(text);
    let toggle = move |_| {
        let Some(s) = synthesis() else { return };
        if speaking.get_untracked() {
            s.cancel();
            speaking.set(false);
            return;
        }
        let Some(voice) = local_voice(lang) else {
            available.set(false);
            return;
        };
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&text.get_value()) else {
            return;
        };
        u.set_voice(Some(&voice));
        u.set_lang(&voice.lang());
        let done = Closure::<dyn Fn()>::new(move || speaking.set(false));
        u.set_onend(Some(done.as_ref().unchecked_ref()));
        u.set_onerror(Some(done.as_ref().unchecked_ref()));
        done.forget();
        s.cancel();
        s.speak(&u);
        speaking.set(true);
    };
    view! {
        <Show when=move || available.get()>
            <button type="button" class="read-aloud" aria-pressed=move || if speaking.get() { "true" } else { "false" } on:click=toggle>
                {move || if speaking.get() { t.read_stop } else { t.read_aloud }}
            </button>
        </Show>
    }
}
