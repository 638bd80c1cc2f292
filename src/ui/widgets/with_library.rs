//! Draws its view once the content library of the current language is loaded;
//! says so while loading, and offers a retry if loading failed.

use crate::domain::content::Library;
use crate::library::Loaded;
use crate::ui::use_ctx;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn WithLibrary<F, V>(
    view: F,
    /// The language to load; the UI's language when not given.
    #[prop(optional)]
    lang: Option<crate::domain::Lang>,
) -> impl IntoView
where
    F: Fn(Arc<Library>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = use_ctx();
    let which = move || lang.unwrap_or_else(|| ctx.lang.get());
    move || match ctx.content.get(which()) {
        Loaded::Ready(lib) => view(lib).into_any(),
        Loaded::Loading => {
            view! { <p class="muted" role="status">{ctx.t().loading}</p> }.into_any()
        }
        Loaded::Failed(why) => view! {
            <div class="notice" role="alert">
                <p>{ctx.t().content_failed}</p>
                <p class="muted">{why}</p>
                <button type="button" on:click=move |_| ctx.content.load(which())>
                    {ctx.t().retry}
                </button>
            </div>
        }
        .into_any(),
    }
}
