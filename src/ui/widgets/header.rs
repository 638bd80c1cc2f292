//! The header: the app's name, the main navigation and the language switch.
//! It also keeps the document's title on the current page ("設定 – 対話 Taiwa"),
//! so that a screen reader and the browser's tabs and history say where one is.

use crate::domain::Lang;
use crate::store::Guard;
use crate::ui::nav::Section;
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
        ctx.store
            .update(|d, now| d.edit_settings(now, |s| s.lang = Some(next)));
    };
    let location = use_location();
    Effect::new(move |_| {
        let t = ctx.t();
        let path = location.pathname.get();
        let inner = path.strip_prefix(crate::ui::base()).unwrap_or(&path);
        let title = match Section::of_path(inner) {
            Some(Section::Home) | None => t.app_name.to_string(),
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
    // On a narrow screen the navigation folds into a menu, so that the page
    // itself starts near the top; it closes again when a page is chosen.
    let menu = RwSignal::new(false);
    Effect::new(move |_| {
        location.pathname.track();
        menu.set(false);
    });
    view! {
        <header class="site-header" class:menu-open=move || menu.get()>
            <A href=href("/") attr:class="brand">{move || ctx.t().app_name}</A>
            <button
                type="button"
                class="menu-toggle"
                aria-expanded=move || if menu.get() { "true" } else { "false" }
                aria-controls="site-nav"
                on:click=move |_| menu.update(|m| *m = !*m)
            >
                {move || ctx.t().menu}
            </button>
            <nav id="site-nav" aria-label=move || ctx.t().nav_label>
                <ul>
                    {Section::NAV
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
            <Show when=move || ctx.store.guard() == Guard::Open>
                <button
                    type="button"
                    class="lock-now"
                    aria-label=move || ctx.t().lock_button_label
                    on:click=move |_| ctx.store.lock_now()
                >
                    {move || ctx.t().lock_button}
                </button>
            </Show>
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
