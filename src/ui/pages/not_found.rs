//! Shown for an address the app does not know.

use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page">
            <h1>{move || ctx.t().not_found_title}</h1>
            <p>{move || ctx.t().not_found_body}</p>
            <p><A href=href("/")>{move || ctx.t().back_home}</A></p>
        </section>
    }
}
