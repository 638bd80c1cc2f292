//! About: attribution to Intentional Peer Support, independence, privacy.

use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn About() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page about">
            <h1>{move || ctx.t().about_title}</h1>
            <p>{move || ctx.t().about_ips}</p>
            <p>{move || ctx.t().about_independent}</p>
            <p><a href="https://www.intentionalpeersupport.org/" rel="noopener">"intentionalpeersupport.org"</a></p>
            <p>{move || ctx.t().about_content}</p>
            <p><A href=href("/concepts")>{move || crate::i18n::concepts::tr(ctx.lang.get()).link}</A></p>
            <h2>{move || ctx.t().about_privacy_title}</h2>
            <p>{move || ctx.t().about_privacy}</p>
            <p>{move || ctx.t().about_share}</p>
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
