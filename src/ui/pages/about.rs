//! About: attribution to Intentional Peer Support, independence, privacy.

use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn About() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || crate::i18n::about::tr(ctx.lang.get());
    view! {
        <section class="page about">
            <h1>{move || t().title}</h1>
            <p>{move || t().ips}</p>
            <p>{move || t().independent}</p>
            <p><a href="https://www.intentionalpeersupport.org/" rel="noopener">"intentionalpeersupport.org"</a></p>
            <p>{move || t().content}</p>
            <p><A href=href("/concepts")>{move || crate::i18n::concepts::tr(ctx.lang.get()).link}</A></p>
            <h2>{move || t().privacy_title}</h2>
            <p>{move || t().privacy}</p>
            <p>{move || t().share}</p>
            <p class="safety">{move || ctx.t().not_crisis}</p>
            {crate::ui::pwa::version().map(|v| {
                view! {
                    <p class="muted version">
                        {move || crate::i18n::fill(ctx.t().app_version, &[("v", &v)])}
                    </p>
                }
            })}
        </section>
    }
}
