//! Lasting notices from the store: storage refused, data set aside, storage
//! full, data from a newer app. Announced politely to screen readers.

use crate::store::Notice;
use crate::ui::use_ctx;
use leptos::prelude::*;
use leptos_router::components::A;

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
                            Notice::MemoryOnly => t.store_memory_only.to_string(),
                            Notice::Quarantined => t.store_quarantined.to_string(),
                            Notice::SetAside(n) => {
                                crate::i18n::fill(t.store_set_aside, &[("n", &n.to_string())])
                            }
                            Notice::Full => t.store_full.to_string(),
                            Notice::Newer => t.store_newer.to_string(),
                        }
                    };
                    let can_dismiss = notice.dismissable();
                    let offer_backup = notice == Notice::Full;
                    let to_data = matches!(notice, Notice::Quarantined | Notice::SetAside(_));
                    view! {
                        <p class="notice" data-notice=format!("{notice:?}")>
                            <span>{text}</span>
                            <Show when=move || offer_backup>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        let store = ctx.store;
                                        leptos::task::spawn_local(async move {
                                            backup(store).await.await;
                                        });
                                    }
                                >
                                    {move || ctx.t().export_button}
                                </button>
                            </Show>
                            <Show when=move || to_data>
                                <A href=crate::ui::href("/data#set-aside")>{move || ctx.t().store_set_aside_link}</A>
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
fn backup(
    store: crate::store::Store,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>> {
    Box::pin(crate::ui::download::backup(store))
}
