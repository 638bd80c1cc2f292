//! The fields of one step: kind, title, prompt (typed, or drawn from a
//! deck), the scenario of a role play, minutes, and the facilitator's own
//! notes (shown in the console, never on the shared screen).

use super::Step;
use crate::domain::session::{StepKind, MAX_MINUTES};
use crate::i18n::fill;
use crate::ui::pages::facilitate::{ft, kind_label, library};
use leptos::prelude::*;

/// A title, marked when the user wrote the item ("… (自分で作成)").
fn own_marked(id: &str, title: &str, lang: crate::domain::Lang) -> String {
    if crate::domain::id::is_own(id) {
        let t = crate::i18n::mine::tr(lang);
        fill(t.marked, &[("title", title), ("badge", t.badge)])
    } else {
        title.to_string()
    }
}

/// The library's items of a kind as (id, shown title), with the step's own
/// choice kept selectable before the library loads.
fn options(list: Option<Vec<(String, String)>>, chosen: Option<String>) -> Vec<(String, String)> {
    let mut list = list.unwrap_or_default();
    if let Some(c) = chosen {
        if !list.iter().any(|(id, _)| *id == c) {
            list.push((c.clone(), c));
        }
    }
    list
}

#[component]
pub fn Kind(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let id = step.id("kind");
    let kind = move || step.step.with(|s| s.kind);
    view! {
        <div class="field">
            <label for=id.clone()>{move || ft(ctx).step_kind}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(k) = StepKind::from_key(&event_target_value(&ev)) {
                        step.edit(move |s| s.kind = k);
                    }
                }
            >
                {StepKind::ALL
                    .into_iter()
                    .map(|k| view! {
                        <option value=k.key() prop:selected=move || kind() == k>
                            {move || kind_label(ft(ctx), k)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn Title(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let id = step.id("title");
    view! {
        <div class="field">
            <label for=id.clone()>{move || ft(ctx).step_title}</label>
            <input
                id=id
                type="text"
                maxlength="60"
                prop:value=move || step.step.with(|s| s.title.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    step.edit(move |s| s.title = v);
                }
            />
        </div>
    }
}

/// Where the prompt comes from (typed, or a deck), and the typed prompt.
#[component]
pub fn Prompt(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let (source_id, prompt_id, note_id) =
        (step.id("source"), step.id("prompt"), step.id("deck-note"));
    let deck = move || step.step.with(|s| s.deck.clone());
    let decks = move || {
        let lang = ctx.lang.get();
        let list = library(ctx).map(|lib| {
            lib.decks
                .iter()
                .map(|d| (d.id.clone(), own_marked(&d.id, d.title.get(lang), lang)))
                .collect()
        });
        options(list, deck())
    };
    view! {
        <div class="field">
            <label for=source_id.clone()>{move || ft(ctx).step_source}</label>
            <select
                id=source_id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    step.edit(move |s| s.deck = (!v.is_empty()).then_some(v));
                }
            >
                <option value="" prop:selected=move || deck().is_none()>
                    {move || ft(ctx).source_typed}
                </option>
                <For
                    each=decks
                    key=|(id, title)| (id.clone(), title.clone())
                    children=move |(id, title)| {
                        let chosen = id.clone();
                        view! {
                            <option value=id prop:selected=move || deck().as_deref() == Some(chosen.as_str())>
                                {move || fill(ft(ctx).source_deck, &[("deck", &title)])}
                            </option>
                        }
                    }
                />
            </select>
        </div>
        <Show
            when=move || deck().is_none()
            fallback=move || view! { <p class="hint" id=note_id.clone()>{move || ft(ctx).deck_note}</p> }
        >
            <div class="field">
                <label for=prompt_id.clone()>{move || ft(ctx).step_prompt}</label>
                <textarea
                    id=prompt_id.clone()
                    rows="3"
                    maxlength="300"
                    prop:value=move || step.step.with(|s| s.prompt.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        step.edit(move |s| s.prompt = v);
                    }
                ></textarea>
            </div>
        </Show>
    }
}

/// The scenario of a role-play step.
#[component]
pub fn Scenario(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let id = step.id("scenario");
    let scenario = move || step.step.with(|s| s.scenario.clone());
    let scenarios = move || {
        let lang = ctx.lang.get();
        let list = library(ctx).map(|lib| {
            lib.scenarios
                .iter()
                .map(|s| (s.id.clone(), own_marked(&s.id, s.title.get(lang), lang)))
                .collect()
        });
        options(list, scenario())
    };
    view! {
        <Show when=move || step.step.with(|s| s.kind == StepKind::RolePlay)>
            <div class="field">
                <label for=id.clone()>{move || ft(ctx).step_scenario}</label>
                <select
                    id=id.clone()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        step.edit(move |s| s.scenario = (!v.is_empty()).then_some(v));
                    }
                >
                    <option value="" prop:selected=move || scenario().is_none()>
                        {move || ft(ctx).no_scenario}
                    </option>
                    <For
                        each=scenarios
                        key=|(id, title)| (id.clone(), title.clone())
                        children=move |(id, title)| {
                            let chosen = id.clone();
                            view! {
                                <option value=id prop:selected=move || scenario().as_deref() == Some(chosen.as_str())>
                                    {title}
                                </option>
                            }
                        }
                    />
                </select>
            </div>
        </Show>
    }
}

#[component]
pub fn Minutes(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let id = step.id("minutes");
    view! {
        <div class="field minutes">
            <label for=id.clone()>{move || ft(ctx).step_minutes}</label>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min="1"
                max=MAX_MINUTES.to_string()
                prop:value=move || step.step.with(|s| s.minutes.to_string())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Ok(n) = v.trim().parse::<i64>() {
                        let n = n.clamp(1, i64::from(MAX_MINUTES)) as u32;
                        step.edit(move |s| s.minutes = n);
                    }
                }
            />
        </div>
    }
}

/// The facilitator's own notes: in the console, never on the shared screen.
#[component]
pub fn Notes(step: Step) -> impl IntoView {
    let ctx = step.ctx;
    let (id, hint) = (step.id("notes"), step.id("notes-hint"));
    view! {
        <div class="field notes">
            <label for=id.clone()>{move || ft(ctx).step_notes}</label>
            <p class="hint" id=hint.clone()>{move || ft(ctx).step_notes_hint}</p>
            <textarea
                id=id
                rows="2"
                maxlength="600"
                aria-describedby=hint
                prop:value=move || step.step.with(|s| s.notes.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    step.edit(move |s| s.notes = v);
                }
            ></textarea>
        </div>
    }
}
