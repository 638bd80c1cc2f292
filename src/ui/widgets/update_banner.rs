//! "A new version is ready", with a reload button. Shown when a new version has
//! installed and is waiting; nothing changes until the user presses reload.

use crate::ui::pwa::Updates;
use crate::ui::use_ctx;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner(updates: Updates) -> impl IntoView {
    let ctx = use_ctx();
    let state = updates.state();
    view! {
        // The live region is always there, so the banner's arrival is announced.
        <div class="update-region" role="status">
            <Show when=move || state.get().offer()>
                <div class="update" data-update="ready">
                    <p>
                        <strong>{move || ctx.t().update_ready}</strong>
                        " "
                        <span>{move || ctx.t().update_hint}</span>
                    </p>
                    <button type="button" class="primary" on:click=move |_| updates.accept()>
                        {move || ctx.t().update_reload}
                    </button>
                </div>
            </Show>
        </div>
    }
}
