//! Settings: language, colours, text size. Each choice is saved at once.

use crate::domain::settings::{Settings, TextSize, Theme};
use crate::domain::Lang;
use crate::i18n::Strings;
use crate::ui::use_ctx;
use leptos::prelude::*;

/// A group of radio buttons for one setting.
#[component]
fn Choice<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    legend: fn(&Strings) -> &'static str,
    options: Vec<T>,
    label: fn(T, &Strings) -> &'static str,
    get: fn(&Settings) -> T,
    set: fn(&mut Settings, T),
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <fieldset class="choice">
            <legend>{move || legend(ctx.t())}</legend>
            {options
                .into_iter()
                .map(|value| {
                    let checked = move || ctx.store.doc().with(|d| get(d.settings()) == value);
                    view! {
                        <label>
                            <input
                                type="radio"
                                name=name
                                prop:checked=checked
                                on:change=move |_| {
                                    ctx.store.update(|d, now| d.edit_settings(now, |s| set(s, value)))
                                }
                            />
                            <span>{move || label(value, ctx.t())}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page settings">
            <h1>{move || ctx.t().settings_title}</h1>
            <Choice
                name="lang"
                legend=|t| t.settings_language
                options=Lang::ALL.to_vec()
                label=|l, _| l.name()
                get=|s| s.lang.unwrap_or(Lang::Ja)
                set=|s, l| s.lang = Some(l)
            />
            <Choice
                name="theme"
                legend=|t| t.settings_theme
                options=Theme::ALL.to_vec()
                label=|v, t| match v {
                    Theme::System => t.theme_system,
                    Theme::Light => t.theme_light,
                    Theme::Dark => t.theme_dark,
                    Theme::Contrast => t.theme_contrast,
                }
                get=|s| s.theme
                set=|s, v| s.theme = v
            />
            <Choice
                name="size"
                legend=|t| t.settings_text_size
                options=TextSize::ALL.to_vec()
                label=|v, t| match v {
                    TextSize::Normal => t.size_normal,
                    TextSize::Large => t.size_large,
                    TextSize::Larger => t.size_larger,
                }
                get=|s| s.text_size
                set=|s, v| s.text_size = v
            />
            <p class="muted">{move || ctx.t().settings_saved}</p>
        </section>
    }
}
