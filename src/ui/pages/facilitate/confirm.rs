//! A button that asks before doing something that cannot be undone: the
//! question appears in place, with "keep it" focused, so Enter never deletes
//! by accident.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The button's visible text.
    #[prop(into)]
    label: Signal<String>,
    /// Its accessible name, when the text alone is not enough ("Remove “Theme”").
    #[prop(into)]
    aria_label: Signal<String>,
    #[prop(into)] question: Signal<String>,
    #[prop(into)] yes: Signal<String>,
    #[prop(into)] keep: Signal<String>,
    on_yes: Callback<()>,
    /// Extra class for the trigger button.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    let trigger_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = keep_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <span class="confirm">
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class=class
                            node_ref=trigger_ref
                            aria-label=move || aria_label.get()
                            on:click=move |_| asking.set(true)
                        >
                            {move || label.get()}
                        </button>
                    }
                }
            >
                <span class="confirm-ask" role="group" aria-label=move || question.get()>
                    <span class="confirm-question">{move || question.get()}</span>
                    <button
                        type="button"
                        class="danger"
                        on:click=move |_| {
                            asking.set(false);
                            on_yes.run(());
                        }
                    >
                        {move || yes.get()}
                    </button>
                    <button
                        type="button"
                        node_ref=keep_ref
                        on:click=move |_| {
                            asking.set(false);
                            request_animation_frame(move || {
                                if let Some(b) = trigger_ref.get_untracked() {
                                    let _ = b.focus();
                                }
                            });
                        }
                    >
                        {move || keep.get()}
                    </button>
                </span>
            </Show>
        </span>
    }
}
