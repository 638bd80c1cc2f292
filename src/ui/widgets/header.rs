//! The header: the app's name, the main navigation and the language switch.

use crate::domain::Lang;
use crate::store::now;
use crate::ui::app::Page;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let switch = move |_| {
        let next = match ctx.lang.get_untracked() {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        };
        ctx.store.update(|d| {
            d.settings.lang = Some(next);
            d.settings.updated = now();
        });
    };
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">{move || ctx.t().app_name}</A>
            <nav aria-label=move || ctx.t().nav_label>
                <ul>
                    {Page::NAV
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <A href=href(page.path()) exact=true>
                                        {move || page.label(ctx.t())}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <button
                type="button"
                class="lang-switch"
                on:click=switch
                aria-label=move || ctx.t().language_switch_label
                lang=move || match ctx.lang.get() {
                    Lang::Ja => "en",
                    Lang::En => "ja",
                }
            >
                {move || ctx.t().language_switch}
            </button>
        </header>
    }
}
