//! A share link: the code in the URL fragment (never sent to a server), a copy
//! button that says whether it worked (and selects the link where no clipboard
//! is offered), and the same link as a QR code drawn locally when it fits.

use crate::domain::share;
use crate::i18n::fill;
use crate::i18n::share::tr;
use crate::ui::href;
use crate::ui::use_ctx;
use crate::ui::widgets::qr::Qr;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The full address that opens `code` at `path` (`/card` or `/open`).
pub fn share_url(path: &str, code: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}#{code}", href(path))
}

/// Selects the text of `node`, so the person can copy it by hand.
fn select(node: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(doc), Ok(Some(selection))) = (window.document(), window.get_selection()) else {
        return;
    };
    if let Ok(range) = doc.create_range() {
        let _ = range.select_node_contents(node);
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

#[component]
pub fn ShareLink(
    /// The route that opens the code.
    path: &'static str,
    code: String,
    /// What is shared, for the QR code's label.
    title: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = tr(ctx.lang.get_untracked());
    let url = share_url(path, &code);
    let status = RwSignal::new(None::<&'static str>);
    let link = NodeRef::<html::A>::new();
    let copy = {
        let url = url.clone();
        move |_| {
            let failed = move || {
                status.set(Some(t.copy_failed));
                if let Some(a) = link.get_untracked() {
                    select(a.unchecked_ref());
                }
            };
            let Some(clip) = crate::ui::browser::clipboard() else {
                failed();
                return;
            };
            let url = url.clone();
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(clip.write_text(&url)).await {
                    Ok(_) => status.set(Some(t.copied)),
                    Err(_) => failed(),
                }
            });
        }
    };
    let qr = if share::qr(&url).is_some() {
        let label = fill(t.qr_label, &[("title", &title)]);
        view! { <Qr text=url.clone() label=label/> }.into_any()
    } else {
        view! { <p class="muted qr-too-long">{t.qr_too_long}</p> }.into_any()
    };
    let size = fill(t.size, &[("n", &url.chars().count().to_string())]);
    view! {
        <div class="share-link">
            {qr}
            <p class="share-url-line">
                <a class="share-url" href=url.clone() node_ref=link>{url.clone()}</a>
            </p>
            <p class="muted">{size}</p>
            <div class="actions">
                <button type="button" on:click=copy>{t.copy_link}</button>
                <span role="status">{move || status.get()}</span>
            </div>
        </div>
    }
}

/// A "Share" button that shows the link for what `make` gives (kept up to date
/// while open). What to share is made only when the person asks for it.
#[component]
pub fn ShareToggle<F>(
    make: F,
    /// What is shared, for the button's accessible name where several show.
    #[prop(optional, into)]
    name: Option<Signal<String>>,
) -> impl IntoView
where
    F: Fn() -> Option<share::Share> + Send + Sync + 'static,
{
    let ctx = use_ctx();
    let open = RwSignal::new(false);
    let t = move || tr(ctx.lang.get());
    let id = format!("share-{}", crate::ui::fresh_id());
    let body = move || {
        open.get().then(&make).flatten().map(|shared| {
            let title = share::title(&shared, ctx.lang.get());
            view! {
                <p class="muted">{t().share_hint}</p>
                <ShareLink path="/open" code=share::encode(&shared) title=title/>
            }
        })
    };
    view! {
        <div class="share-toggle">
            <button
                type="button"
                aria-label=move || name.map(|n| format!("{}: {}", t().share, n.get()))
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || t().share}
            </button>
            <div id=id>{body}</div>
        </div>
    }
}
