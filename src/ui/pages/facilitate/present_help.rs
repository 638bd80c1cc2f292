//! The list of the presenter's keys, shown with `?`. Any key closes it.

use super::ft;
use super::present::Ui;
use crate::i18n::facilitate::Text;
use leptos::prelude::*;

/// Each key (as printed on the keyboard) and what it does.
fn keys(t: &'static Text) -> [(&'static str, &'static str); 12] {
    [
        ("→", t.key_next),
        (t.key_space, t.key_next),
        ("←", t.key_back),
        ("T", t.key_timer),
        ("R", t.key_reset),
        ("+", t.key_plus),
        ("−", t.key_minus),
        ("N", t.key_another),
        ("H", t.key_harvest),
        ("B", t.key_blank),
        ("F", t.key_fullscreen),
        ("Esc", t.key_leave),
    ]
}

#[component]
pub fn KeysHelp(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let close = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = close.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="present-help" role="dialog" aria-modal="true" aria-labelledby="present-keys-title">
            <h2 id="present-keys-title">{move || ft(ctx).keys_title}</h2>
            <dl>
                {move || {
                    let t = ft(ctx);
                    keys(t)
                        .into_iter()
                        .chain([("?", t.key_help)])
                        .map(|(k, what)| view! {
                            <div>
                                <dt><kbd>{k}</kbd></dt>
                                <dd>{what}</dd>
                            </div>
                        })
                        .collect_view()
                }}
            </dl>
            <button type="button" node_ref=close on:click=move |_| ui.help.set(false)>
                {move || ft(ctx).keys_close}
            </button>
        </div>
    }
}
