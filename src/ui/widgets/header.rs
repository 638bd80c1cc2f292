//! The header: the app's name, the main navigation and the language switch.
//! It also keeps the document's title on the current page ("設定 – 対話 Taiwa"),
//! so that a screen reader and the browser's tabs and history say where one is.

use crate::domain::Lang;
use crate::store::now;
use crate::ui::app::Page;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

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
    let location = use_location();
    Effect::new(move |_| {
        let t = ctx.t();
        let path = location.pathname.get();
        let inner = path.strip_prefix(crate::ui::base()).unwrap_or(&path);
        let title = match Page::of_path(inner) {
            Some(Page::Home) | None => t.app_name.to_string(),
            Some(page) => format!("{} – {}", page.label(t), t.app_name),
        };
        // (Unchanged, as on the home page at start, it is not set again: the
        // browser does work for every title set.)
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if doc.title() != title {
                doc.set_title(&title);
            }
        }
    });
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
