//! A QR code drawn locally as SVG (no image service, nothing leaves the device).

use crate::domain::share;
use leptos::prelude::*;

#[component]
pub fn Qr(text: String, label: String) -> impl IntoView {
    let Some(modules) = share::qr(&text) else {
        return ().into_any();
    };
    let size = modules.len();
    let quiet = 4;
    let mut path = String::new();
    for (y, row) in modules.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                path.push_str(&format!("M{},{}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    let view_box = format!("0 0 {0} {0}", size + 2 * quiet);
    view! {
        <svg class="qr" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect width="100%" height="100%" class="qr-light"></rect>
            <path d=path class="qr-dark"></path>
        </svg>
    }
    .into_any()
}
