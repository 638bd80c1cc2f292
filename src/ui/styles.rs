//! The stylesheets of the split-off pages (facilitation, the shared screen,
//! the user's own content) are not on the first screen: the build script
//! (`scripts/build.mjs`, `DEFERRED_STYLES`) names them in
//! `<meta name="taiwa-styles">`, and they are added to `<head>`
//! the first time a split-off page is drawn, before it shows, so it never
//! appears unstyled. (A failed load is not waited for forever: the page shows.)

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Adds the deferred stylesheets once (the `<meta>` goes once they are added),
/// and waits until they have loaded.
pub async fn ensure() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(Some(meta)), Some(head)) = (
        doc.query_selector("meta[name=\"taiwa-styles\"]"),
        doc.head(),
    ) else {
        return;
    };
    let hrefs = meta.get_attribute("content").unwrap_or_default();
    meta.remove();
    let mut loads = Vec::new();
    for href in hrefs.split_whitespace() {
        let Ok(link) = doc.create_element("link") else {
            continue;
        };
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let link: web_sys::HtmlElement = link.unchecked_into();
        // Resolves on load or on error: a missing file must not hold the page.
        let done = js_sys::Promise::new(&mut |resolve, _| {
            link.set_onload(Some(&resolve));
            link.set_onerror(Some(&resolve));
        });
        let _ = head.append_child(&link);
        loads.push(JsFuture::from(done));
    }
    for load in loads {
        let _ = load.await;
    }
}
