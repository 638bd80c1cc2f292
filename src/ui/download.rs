//! Saving a file to the user's device (a Blob and a temporary link). Nothing
//! leaves the device.

use crate::store::{Guard, Store};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a file named `name`. Returns false if the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let ok = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // Let the browser start the download before the address is released.
    if let Some(w) = web_sys::window() {
        let release = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    ok
}

/// Today's date as YYYY-MM-DD in local time, for file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Downloads a backup: encrypted with the lock's keys when the lock is on,
/// else plain (and noted in the document, for the backup reminder).
pub async fn backup(store: Store) -> bool {
    if store.guard_untracked() != Guard::Open {
        return plain_backup(store);
    }
    let Some(text) = crate::store::lock::sealed_backup(store).await else {
        return false;
    };
    let ok = download(
        &format!("taiwa-backup-{}.encrypted.json", today()),
        "application/json",
        &text,
    );
    if ok {
        store.update(|d, now| d.backed_up(now));
    }
    ok
}

/// Downloads a plain backup (readable by anyone who opens the file).
pub fn plain_backup(store: Store) -> bool {
    let text = store
        .doc()
        .with_untracked(|d| crate::domain::backup::export(d, crate::store::now()));
    let ok = download(
        &format!("taiwa-backup-{}.json", today()),
        "application/json",
        &text,
    );
    if ok {
        store.update(|d, now| d.backed_up(now));
    }
    ok
}
