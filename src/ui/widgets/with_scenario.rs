//! Finds the scenario named in the route (`:id`) in the loaded library, and
//! draws its view, or says plainly that it does not exist.

use crate::domain::content::Scenario;
use crate::i18n::practice::tr;
use crate::ui::widgets::with_library::WithLibrary;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn WithScenario<F, V>(view: F) -> impl IntoView
where
    F: Fn(Scenario) -> V + Send + Sync + Copy + 'static,
    V: IntoView + 'static,
{
    let ctx = use_ctx();
    let params = use_params_map();
    let pick = move |lib: std::sync::Arc<crate::domain::content::Library>| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match lib.scenario(&id) {
            Some(s) => view(s.clone()).into_any(),
            None => view! {
                <section class="page">
                    <h1>{move || tr(ctx.lang.get()).not_found}</h1>
                    <p><A href=href("/scenarios")>{move || tr(ctx.lang.get()).back_to_library}</A></p>
                </section>
            }
            .into_any(),
        }
    };
    view! { <WithLibrary view=pick/> }
}
