//! Formatting that needs the browser's locale data (dates).

use crate::domain::Lang;

/// A date and time in the user's language, e.g. 2026年11月22日 10:05.
pub fn date_time(ms: i64, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_string(lang.code(), &options).into()
}
