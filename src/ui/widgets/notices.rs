//! Lasting notices from the store: storage refused, data set aside, storage
//! full, data from a newer app. Announced politely to screen readers.

use crate::store::Notice;
use crate::ui::use_ctx;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For
                each=move || ctx.store.notices().get()
                key=|n| *n
                children=move |notice| {
                    let text = move || {
                        let t = ctx.t();
                        match notice {
                            Notice::MemoryOnly => t.store_memory_only,
                            Notice::Quarantined => t.store_quarantined,
                            Notice::Full => t.store_full,
                            Notice::Newer => t.store_newer,
                        }
                    };
                    let can_dismiss = notice == Notice::Quarantined;
                    let offer_backup = notice == Notice::Full;
                    view! {
                        <p class="notice" data-notice=format!("{notice:?}")>
                            <span>{text}</span>
                            <Show when=move || offer_backup>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        let doc = ctx.store.doc().get_untracked();
                                        leptos::task::spawn_local(async move {
                                            backup(doc).await;
                                        });
                                    }
                                >
                                    {move || ctx.t().export_button}
                                </button>
                            </Show>
                            <Show when=move || can_dismiss>
                                <button type="button" on:click=move |_| ctx.store.dismiss(notice)>
                                    {move || ctx.t().dismiss}
                                </button>
                            </Show>
                        </p>
                    }
                }
            />
        </div>
    }
}

/// The backup, from the "storage is full" notice: written by the code of the
/// data page, which loads with it (see ARCHITECTURE.md, "Code splitting").
#[leptos::wasm_split::wasm_split(records, wasm_split_path = ::leptos::wasm_split)]
fn backup(doc: crate::domain::document::Document) -> bool {
    crate::ui::download::backup(&doc)
}
