//! The list of the presenter's keys, shown with `?`. Any key closes it.

use super::ft;
use super::present::{printed, Ui};
use crate::domain::session::keys::{Action, KEYS};
use crate::i18n::facilitate::Text;
use leptos::prelude::*;

/// What an action does, in the user's language.
pub fn does(action: Action, t: &'static Text) -> &'static str {
    match action {
        Action::Next => t.key_next,
        Action::Back => t.key_back,
        Action::Timer => t.key_timer,
        Action::Reset => t.key_reset,
        Action::Plus => t.key_plus,
        Action::Minus => t.key_minus,
        Action::Another => t.key_another,
        Action::Harvest => t.key_harvest,
        Action::Blank => t.key_blank,
        Action::Fullscreen => t.key_fullscreen,
        Action::Help => t.key_help,
        Action::Leave => t.key_leave,
    }
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
                    KEYS.iter()
                        .flat_map(|b| b.printed.iter().map(move |p| (printed(*p, t), does(b.action, t))))
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
