//! The console's breakout rooms: made from a number of people (names stay
//! here), the parts in a role play, the role cards, and what the shared
//! screen shows.

use super::super::present::Ui;
use super::super::{ft, library, update_session};
use crate::domain::content::{RoleKind, Scenario};
use crate::domain::session::rooms::{self, Person, Rooms, Wish};
use crate::domain::session::StepKind;
use crate::domain::share;
use crate::i18n::facilitate::Text;
use crate::i18n::fill;
use crate::ui::widgets::share_link::ShareLink;
use crate::ui::{labels, use_ctx};
use leptos::ev;
use leptos::prelude::*;

/// The rooms as the shared screen shows them: how many in each (and the
/// scenario), never who.
pub fn room_lines(t: &Text, rooms: &Rooms, scenario: Option<&str>) -> Vec<String> {
    let mut lines: Vec<String> = rooms
        .sizes()
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let n = (i + 1).to_string();
            let count = count.to_string();
            match scenario {
                Some(title) => fill(
                    t.room_line_scenario,
                    &[("n", &n), ("count", &count), ("title", title)],
                ),
                None => fill(t.room_line, &[("n", &n), ("count", &count)]),
            }
        })
        .collect();
    if !rooms.whole.is_empty() && !rooms.rooms.is_empty() {
        lines.push(fill(
            t.whole_line,
            &[("count", &rooms.whole.len().to_string())],
        ));
    }
    lines
}

/// The breakout helper for the step on screen.
#[component]
pub(super) fn RoomsHelper(ui: Ui) -> impl IntoView {
    let ctx = ui.ctx;
    let step = Memo::new(move |_| {
        let s = ui.session.get()?;
        let p = ui.plan.get()?;
        s.current(&p).cloned()
    });
    let scenario = Memo::new(move |_| -> Option<Scenario> {
        let st = step.get()?;
        if st.kind != StepKind::RolePlay {
            return None;
        }
        library(ctx)?.scenario(st.scenario.as_deref()?).cloned()
    });
    let saved = Memo::new(move |_| {
        let st = step.get()?;
        ui.session.get()?.rooms.filter(|r| r.step == st.id)
    });
    let people = RwSignal::new(
        saved
            .get_untracked()
            .map(|r| r.people)
            .unwrap_or_else(|| vec![Person::default(); 8]),
    );
    let size = RwSignal::new(
        saved
            .get_untracked()
            .map(|r| r.rooms.iter().map(Vec::len).max().unwrap_or(3))
            .unwrap_or(3),
    );
    let by_wish = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let set_count = move |n: usize| {
        people.update(|p| p.resize(n.clamp(1, rooms::MAX_PEOPLE), Person::default()));
    };
    let make = move |_| {
        let Some(st) = step.get_untracked() else {
            return;
        };
        let seed = (crate::ui::random() * u64::MAX as f64) as u64;
        let made = Rooms::assign(
            st.id.clone(),
            people.get_untracked(),
            size.get_untracked(),
            by_wish.get_untracked(),
            seed,
        );
        let t = ft(ctx);
        message.set(Some(if made.rooms.is_empty() {
            t.rooms_none.to_string()
        } else {
            fill(t.rooms_made, &[("n", &made.rooms.len().to_string())])
        }));
        update_session(ctx, &ui.id.get_value(), move |s, _| s.rooms = Some(made));
    };
    let open = move || {
        step.with(|s| {
            s.as_ref()
                .is_some_and(|s| matches!(s.kind, StepKind::RolePlay | StepKind::SmallGroups))
        })
    };
    view! {
        <details class="console-rooms" prop:open=open>
            <summary><h2>{move || ft(ctx).rooms_heading}</h2></summary>
            <p class="hint">{move || ft(ctx).rooms_intro}</p>
            <div class="row">
                <label>
                    {move || ft(ctx).rooms_people}
                    <input
                        id="rooms-people"
                        type="number"
                        min="1"
                        max=rooms::MAX_PEOPLE.to_string()
                        prop:value=move || people.with(Vec::len).to_string()
                        on:change=move |e| {
                            if let Ok(n) = event_target_value(&e).trim().parse::<usize>() {
                                set_count(n);
                            }
                        }
                    />
                </label>
                <label>
                    {move || ft(ctx).rooms_size}
                    <select id="rooms-size" on:change=move |e| {
                        if let Ok(n) = event_target_value(&e).parse::<usize>() {
                            size.set(n);
                        }
                    }>
                        {rooms::SIZES
                            .map(|n| view! { <option value=n.to_string() selected=move || size.get() == n>{n}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <fieldset class="choice">
                <legend>{move || ft(ctx).rooms_way}</legend>
                <label>
                    <input type="radio" name="rooms-way" prop:checked=move || !by_wish.get() on:change=move |_| by_wish.set(false)/>
                    <span>{move || ft(ctx).rooms_random}</span>
                </label>
                <label>
                    <input type="radio" name="rooms-way" prop:checked=move || by_wish.get() on:change=move |_| by_wish.set(true)/>
                    <span>{move || ft(ctx).rooms_by_wish}</span>
                </label>
            </fieldset>
            <details class="console-people">
                <summary>{move || ft(ctx).rooms_names}</summary>
                <ol>
                    {move || {
                        (0..people.with(Vec::len))
                            .map(|i| view! { <PersonRow people i/> })
                            .collect_view()
                    }}
                </ol>
            </details>
            <p>
                <button type="button" class="primary" on:click=make>
                    {move || if saved.with(Option::is_some) { ft(ctx).rooms_remake } else { ft(ctx).rooms_make }}
                </button>
            </p>
            <p class="status" role="status">{move || message.get()}</p>
            <Show when=move || saved.with(Option::is_some)>
                <RoomList ui saved scenario/>
            </Show>
        </details>
    }
}

#[component]
fn PersonRow(people: RwSignal<Vec<Person>>, i: usize) -> impl IntoView {
    let ctx = use_ctx();
    let n = (i + 1).to_string();
    let wish = move || people.with(|p| p.get(i).map(|p| p.wish).unwrap_or_default());
    let wish_key = |w: Wish| match w {
        Wish::Either => "either",
        Wish::Small => "small",
        Wish::Whole => "whole",
    };
    let n2 = n.clone();
    view! {
        <li class="row">
            <input
                type="text"
                autocomplete="off"
                maxlength="40"
                aria-label=move || fill(ft(ctx).person_name, &[("n", &n)])
                prop:value=move || people.with(|p| p.get(i).map(|p| p.name.clone()).unwrap_or_default())
                on:input=move |e| {
                    let v = event_target_value(&e);
                    people.update(|p| if let Some(p) = p.get_mut(i) { p.name = v });
                }
            />
            <select
                aria-label=move || fill(ft(ctx).person_wish, &[("n", &n2)])
                on:change=move |e| {
                    let w = match event_target_value(&e).as_str() {
                        "small" => Wish::Small,
                        "whole" => Wish::Whole,
                        _ => Wish::Either,
                    };
                    people.update(|p| if let Some(p) = p.get_mut(i) { p.wish = w });
                }
            >
                {[(Wish::Either, 0), (Wish::Small, 1), (Wish::Whole, 2)]
                    .into_iter()
                    .map(|(w, _)| {
                        let label = move || {
                            let t = ft(ctx);
                            match w {
                                Wish::Either => t.wish_either,
                                Wish::Small => t.wish_small,
                                Wish::Whole => t.wish_whole,
                            }
                        };
                        view! { <option value=wish_key(w) selected=move || wish() == w>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </li>
    }
}

/// The rooms made: who is where (here only), the parts in a role play, the
/// role cards, and whether the shared screen shows the rooms.
#[component]
fn RoomList(ui: Ui, saved: Memo<Option<Rooms>>, scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let ctx = ui.ctx;
    let has_third = move || {
        scenario.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.role(RoleKind::Third).is_some())
        })
    };
    let lines = move || {
        let t = ft(ctx);
        let lang = ctx.lang.get();
        let Some(rooms) = saved.get() else {
            return Vec::new();
        };
        let role_play = scenario.with(Option::is_some);
        let mut lines: Vec<(String, String)> = rooms
            .rooms
            .iter()
            .enumerate()
            .map(|(i, members)| {
                let parts = rooms::parts_in_room(members.len(), has_third(), rooms.round);
                let who = members
                    .iter()
                    .zip(parts)
                    .map(|(&m, part)| {
                        let name = rooms.label(m, t.person_number);
                        if role_play {
                            fill(
                                t.person_role,
                                &[("name", &name), ("role", labels::role(part, lang))],
                            )
                        } else {
                            name
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(t.list_sep);
                (fill(t.room_n, &[("n", &(i + 1).to_string())]), who)
            })
            .collect();
        if !rooms.whole.is_empty() {
            let names = rooms
                .whole
                .iter()
                .map(|&m| rooms.label(m, t.person_number))
                .collect::<Vec<_>>()
                .join(t.list_sep);
            lines.push((t.wish_whole.to_string(), names));
        }
        lines
    };
    let toggle_shown = move |e: ev::Event| {
        let on = event_target_checked(&e);
        update_session(ctx, &ui.id.get_value(), move |s, _| {
            if let Some(r) = s.rooms.as_mut() {
                r.shown = on;
            }
        });
    };
    let swap = move |_| {
        update_session(ctx, &ui.id.get_value(), |s, _| {
            if let Some(r) = s.rooms.as_mut() {
                r.round += 1;
            }
        });
    };
    let round = move || saved.with(|r| r.as_ref().map_or(0, |r| r.round)) + 1;
    let any_room = move || saved.with(|r| r.as_ref().is_some_and(|r| !r.rooms.is_empty()));
    let cards = move || {
        let sc = scenario.get()?;
        let lang = ctx.lang.get();
        let mut kinds = vec![RoleKind::Supporter, RoleKind::Person];
        if sc.role(RoleKind::Third).is_some() {
            kinds.push(RoleKind::Third);
        }
        kinds.push(RoleKind::Observer);
        let links = kinds
            .into_iter()
            .map(|k| {
                let code = share::encode(&share::card(&sc, k, lang));
                let title = labels::role(k, lang).to_string();
                view! {
                    <div class="card-link" data-role=k.key()>
                        <h4>{title.clone()}</h4>
                        <ShareLink path="/card" code=code title=title/>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <p>
                {move || fill(ft(ctx).rooms_round, &[("n", &round().to_string())])} " "
                <button type="button" on:click=swap>{move || ft(ctx).rooms_swap}</button>
            </p>
            <details class="console-cards">
                <summary><h3>{move || ft(ctx).rooms_cards}</h3></summary>
                {links}
            </details>
        })
    };
    view! {
        <ul class="console-room-list">
            {move || {
                lines()
                    .into_iter()
                    .map(|(room, who)| view! { <li><strong>{room}</strong>{ft(ctx).rl_colon}{who}</li> })
                    .collect_view()
            }}
        </ul>
        <Show when=any_room>
            <label class="check">
                <input
                    type="checkbox"
                    id="rooms-shown"
                    prop:checked=move || saved.with(|r| r.as_ref().is_some_and(|r| r.shown))
                    on:change=toggle_shown
                />
                <span>{move || ft(ctx).rooms_show}</span>
            </label>
        </Show>
        {cards}
    }
}
