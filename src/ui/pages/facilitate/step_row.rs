//! One step in the plan editor: kind, title, prompt (typed or from a deck),
//! scenario for a role play, minutes; move up or down, remove.

use super::confirm::ConfirmButton;
use super::{focus_later, ft, kind_label, library, update_plan};
use crate::domain::session::{Step, StepKind, MAX_MINUTES};
use crate::i18n::fill;
use crate::ui::use_ctx;
use leptos::prelude::*;

#[component]
pub fn StepRow(plan: String, sid: String, status: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let key = StoredValue::new((plan, sid.clone()));
    let step = Memo::new(move |_| {
        let (plan, sid) = key.get_value();
        ctx.store.doc().with(|d| {
            d.plans
                .get(&plan)
                .and_then(|p| p.step(&sid).cloned())
                .unwrap_or_else(|| Step {
                    id: sid.clone(),
                    kind: StepKind::Theme,
                    title: String::new(),
                    prompt: String::new(),
                    deck: None,
                    scenario: None,
                    minutes: 1,
                })
        })
    });
    // Place in the plan (0-based) and the number of steps.
    let place = Memo::new(move |_| {
        let (plan, sid) = key.get_value();
        ctx.store.doc().with(|d| {
            d.plans
                .get(&plan)
                .map(|p| (p.index_of(&sid).unwrap_or(0), p.steps.len()))
                .unwrap_or((0, 1))
        })
    });
    let edit = move |change: Box<dyn FnOnce(&mut Step)>| {
        let (plan, sid) = key.get_value();
        update_plan(ctx, &plan, |p| {
            if let Some(s) = p.step_mut(&sid) {
                change(s);
            }
        })
    };
    let title_of = Memo::new(move |_| {
        let s = step.get();
        if s.title.trim().is_empty() {
            kind_label(ft(ctx), s.kind).to_string()
        } else {
            s.title
        }
    });
    let mover = move |by: isize| {
        let (plan, sid) = key.get_value();
        let mut moved = None;
        update_plan(ctx, &plan, |p| moved = p.move_step(&sid, by));
        if let Some(to) = moved {
            let t = ft(ctx);
            status.set(fill(
                t.moved,
                &[
                    ("title", &title_of.get_untracked()),
                    ("n", &(to + 1).to_string()),
                ],
            ));
            // Keep focus on the same button; at either end, on the other one.
            let len = place.get_untracked().1;
            let at_edge = (by < 0 && to == 0) || (by > 0 && to + 1 == len);
            let which = match (by < 0, at_edge) {
                (true, false) | (false, true) => "up",
                _ => "down",
            };
            focus_later(format!("{which}-{sid}"));
        }
    };
    let remove = Callback::new(move |_| {
        let (plan, sid) = key.get_value();
        let gone = title_of.get_untracked();
        update_plan(ctx, &plan, |p| {
            p.remove_step(&sid);
        });
        status.set(fill(ft(ctx).removed_step, &[("title", &gone)]));
        focus_later("add-kind".into());
    });

    let ids = |what: &str| format!("{what}-{sid}");
    let (kind_id, title_id, source_id, prompt_id, scenario_id, minutes_id, note_id) = (
        ids("kind"),
        ids("title"),
        ids("source"),
        ids("prompt"),
        ids("scenario"),
        ids("minutes"),
        ids("deck-note"),
    );
    let (up_id, down_id) = (ids("up"), ids("down"));

    let kind = move || step.with(|s| s.kind);
    let deck = move || step.with(|s| s.deck.clone());
    let scenario = move || step.with(|s| s.scenario.clone());
    // The step's own deck or scenario stays selectable before the library loads.
    let deck_options = move || {
        let lang = ctx.lang.get();
        let mut list: Vec<(String, String)> = library(ctx)
            .map(|lib| {
                lib.decks
                    .iter()
                    .map(|d| (d.id.clone(), own_marked(&d.id, d.title.get(lang), lang)))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(d) = deck() {
            if !list.iter().any(|(id, _)| *id == d) {
                list.push((d.clone(), d));
            }
        }
        list
    };
    let scenario_options = move || {
        let lang = ctx.lang.get();
        let mut list: Vec<(String, String)> = library(ctx)
            .map(|lib| {
                lib.scenarios
                    .iter()
                    .map(|s| (s.id.clone(), own_marked(&s.id, s.title.get(lang), lang)))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(s) = scenario() {
            if !list.iter().any(|(id, _)| *id == s) {
                list.push((s.clone(), s));
            }
        }
        list
    };

    view! {
        <li class="step-row">
            <fieldset>
                <legend>
                    {move || {
                        fill(
                            ft(ctx).step_legend,
                            &[("n", &(place.get().0 + 1).to_string()), ("title", &title_of.get())],
                        )
                    }}
                </legend>
                <div class="step-fields">
                    <div class="field">
                        <label for=kind_id.clone()>{move || ft(ctx).step_kind}</label>
                        <select
                            id=kind_id
                            on:change=move |ev| {
                                if let Some(k) = StepKind::from_key(&event_target_value(&ev)) {
                                    edit(Box::new(move |s| s.kind = k));
                                }
                            }
                        >
                            {StepKind::ALL
                                .into_iter()
                                .map(|k| {
                                    view! {
                                        <option value=k.key() prop:selected=move || kind() == k>
                                            {move || kind_label(ft(ctx), k)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=title_id.clone()>{move || ft(ctx).step_title}</label>
                        <input
                            id=title_id
                            type="text"
                            maxlength="60"
                            prop:value=move || step.with(|s| s.title.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(Box::new(move |s| s.title = v));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for=source_id.clone()>{move || ft(ctx).step_source}</label>
                        <select
                            id=source_id
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                edit(Box::new(move |s| s.deck = (!v.is_empty()).then_some(v)));
                            }
                        >
                            <option value="" prop:selected=move || deck().is_none()>
                                {move || ft(ctx).source_typed}
                            </option>
                            <For
                                each=deck_options
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
                                prop:value=move || step.with(|s| s.prompt.clone())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |s| s.prompt = v));
                                }
                            ></textarea>
                        </div>
                    </Show>
                    <Show when=move || kind() == StepKind::RolePlay>
                        <div class="field">
                            <label for=scenario_id.clone()>{move || ft(ctx).step_scenario}</label>
                            <select
                                id=scenario_id.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |s| s.scenario = (!v.is_empty()).then_some(v)));
                                }
                            >
                                <option value="" prop:selected=move || scenario().is_none()>
                                    {move || ft(ctx).no_scenario}
                                </option>
                                <For
                                    each=scenario_options
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
                    <div class="field minutes">
                        <label for=minutes_id.clone()>{move || ft(ctx).step_minutes}</label>
                        <input
                            id=minutes_id
                            type="number"
                            inputmode="numeric"
                            min="1"
                            max=MAX_MINUTES.to_string()
                            prop:value=move || step.with(|s| s.minutes.to_string())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Ok(n) = v.trim().parse::<i64>() {
                                    let n = n.clamp(1, i64::from(MAX_MINUTES)) as u32;
                                    edit(Box::new(move |s| s.minutes = n));
                                }
                            }
                        />
                    </div>
                </div>
                <div class="step-actions">
                    <button
                        type="button"
                        id=up_id
                        aria-label=move || fill(ft(ctx).move_up_label, &[("title", &title_of.get())])
                        disabled=move || place.get().0 == 0
                        on:click=move |_| mover(-1)
                    >
                        {move || ft(ctx).move_up}
                    </button>
                    <button
                        type="button"
                        id=down_id
                        aria-label=move || fill(ft(ctx).move_down_label, &[("title", &title_of.get())])
                        disabled=move || {
                            let (i, n) = place.get();
                            i + 1 >= n
                        }
                        on:click=move |_| mover(1)
                    >
                        {move || ft(ctx).move_down}
                    </button>
                    <ConfirmButton
                        label=Signal::derive(move || ft(ctx).remove_step.to_string())
                        aria_label=Signal::derive(move || fill(ft(ctx).remove_step_label, &[("title", &title_of.get())]))
                        question=Signal::derive(move || fill(ft(ctx).confirm_remove_step, &[("title", &title_of.get())]))
                        yes=Signal::derive(move || ft(ctx).confirm_yes_remove.to_string())
                        keep=Signal::derive(move || ft(ctx).confirm_keep.to_string())
                        on_yes=remove
                    />
                </div>
            </fieldset>
        </li>
    }
}

/// A title, marked when the user wrote the item ("… (自分で作成)").
fn own_marked(id: &str, title: &str, lang: crate::domain::Lang) -> String {
    if crate::domain::own::is_own(id) {
        let t = crate::i18n::mine::tr(lang);
        crate::i18n::fill(t.marked, &[("title", title), ("badge", t.badge)])
    } else {
        title.to_string()
    }
}
