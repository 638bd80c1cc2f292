//! How much room the data takes: Taiwa's own keys against what a browser
//! lets one site keep in localStorage, and the browser's estimate for the
//! whole site. Over 80% it says what to do, before a save can fail.

use crate::i18n::{data::tr, fill};
use crate::store::{self, Usage, LOCAL_LIMIT};
use crate::ui::use_ctx;
use leptos::prelude::*;

/// Above this share of the limit, the page suggests making room.
const HIGH: f64 = 0.8;

/// A size for people: "12 KB", "3.4 MB".
fn size(bytes: f64) -> String {
    if bytes < 1_000_000.0 {
        format!("{} KB", (bytes / 1000.0).ceil() as u64)
    } else if bytes < 1_000_000_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else {
        format!("{:.1} GB", bytes / 1_000_000_000.0)
    }
}

#[component]
pub fn UsageSection() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let usage = RwSignal::new(None::<Usage>);
    // Measured again whenever the document changes (a save may follow).
    Effect::new(move |_| {
        ctx.store.doc().track();
        leptos::task::spawn_local(async move { usage.set(Some(store::usage().await)) });
    });
    let share = move || usage.get().map(|u| u.taiwa / LOCAL_LIMIT).unwrap_or(0.0);
    view! {
        <h2>{move || t().usage_title}</h2>
        <div class="usage" data-testid="usage">
            {move || match usage.get() {
                None => view! { <p class="muted">{t().usage_checking}</p> }.into_any(),
                Some(u) => {
                    let pct = (share() * 100.0).ceil().min(100.0) as u32;
                    view! {
                        <p>
                            {fill(
                                t().usage_taiwa,
                                &[
                                    ("size", &size(u.taiwa)),
                                    ("limit", &size(LOCAL_LIMIT)),
                                    ("pct", &pct.to_string()),
                                ],
                            )}
                        </p>
                        <meter min="0" max="100" high="80" value=pct aria-hidden="true"></meter>
                        {u.site.map(|(used, quota)| view! {
                            <p class="muted small">
                                {fill(t().usage_site, &[("used", &size(used)), ("quota", &size(quota))])}
                            </p>
                        })}
                    }
                        .into_any()
                }
            }}
            <Show when=move || { share() >= HIGH }>
                <p class="notice warn" role="status">{move || t().usage_high}</p>
            </Show>
        </div>
    }
}
