//! /print/:kind/:id: what goes on paper, for rooms without screens.
//!
//! - `roles/<scenario>`: the situation and each role on a card of its own,
//!   two to a sheet, or a sheet alone for a card too long for half a page
//!   (cards.rs);
//! - `deck/<deck>`: a prompt deck as cards, eight to a sheet, or its
//!   one-word variant (cards.rs);
//! - `handout/<plan>`: a plan's steps, minutes and themes, no names
//!   (docs.rs);
//! - `report/<session>`: a session's report (docs.rs);
//! - `worksheet/reflection`, `worksheet/reframing`: blank sheets to write on
//!   (docs.rs).
//!
//! The page shows on screen what goes on paper, under a toolbar that does
//! not print: the paper (A4 or JIS B5, portrait), and the print button.
//! Paper sizes and the number of cards to a sheet come from the rules
//! (`domain::paper`); the layout is style/print.css.

mod cards;
mod docs;

use crate::domain::paper::Paper;
use crate::i18n::print::{tr, Text};
use crate::ui::use_ctx;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What a print address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum What {
    Roles(String),
    Deck(String),
    Handout(String),
    Report(String),
    Reflection,
    Reframing,
    Nothing,
}

impl What {
    fn of(kind: &str, id: String) -> What {
        match (kind, id.as_str()) {
            ("roles", _) => What::Roles(id),
            ("deck", _) => What::Deck(id),
            ("handout", _) => What::Handout(id),
            ("report", _) => What::Report(id),
            ("worksheet", "reflection") => What::Reflection,
            ("worksheet", "reframing") => What::Reframing,
            _ => What::Nothing,
        }
    }

    /// The page's heading (the sheets carry their own).
    fn heading(&self, t: &'static Text) -> &'static str {
        match self {
            What::Roles(_) => t.print_roles_link,
            What::Deck(_) => t.print_deck_link,
            What::Handout(_) => t.print_handout_link,
            What::Report(_) => t.print_report_link,
            What::Reflection => t.print_reflection_link,
            What::Reframing => t.print_reframing_link,
            What::Nothing => t.not_found,
        }
    }
}

/// The address of a print view (below the app's base).
pub fn address(kind: &str, id: &str) -> String {
    crate::ui::href(&format!("/print/{kind}/{id}"))
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let params = use_params_map();
    let query = use_query_map();
    let what = Memo::new(move |_| {
        params.with(|p| {
            What::of(
                &p.get("kind").unwrap_or_default(),
                p.get("id").unwrap_or_default(),
            )
        })
    });
    let paper = RwSignal::new(
        query
            .with_untracked(|q| q.get("paper").and_then(|k| Paper::from_key(&k)))
            .unwrap_or_default(),
    );
    let short = RwSignal::new(false);
    let is_deck = move || matches!(what.get(), What::Deck(_));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page print-view">
            <div class="print-tools no-print">
                <h1>{move || what.with(|w| w.heading(t()))}</h1>
                <p class="muted">{move || t().preview_hint}</p>
                <Show when=move || what.get() != What::Nothing>
                    <fieldset class="choice paper-choice">
                        <legend>{move || t().paper}</legend>
                        {Paper::ALL
                            .into_iter()
                            .map(|p| view! {
                                <label>
                                    <input
                                        type="radio"
                                        name="paper"
                                        value=p.key()
                                        prop:checked=move || paper.get() == p
                                        on:change=move |_| paper.set(p)
                                    />
                                    <span>{move || match p {
                                        Paper::A4 => t().paper_a4,
                                        Paper::B5 => t().paper_b5,
                                    }}</span>
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                    <Show when=is_deck>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || short.get()
                                on:change=move |e| short.set(event_target_checked(&e))
                            />
                            <span>{move || t().one_word}</span>
                        </label>
                    </Show>
                    <div class="actions">
                        <button type="button" class="primary" on:click=print>
                            {move || t().print_button}
                        </button>
                    </div>
                    <Show when=move || matches!(what.get(), What::Roles(_) | What::Deck(_))>
                        <p class="muted small">{move || t().cut_hint}</p>
                    </Show>
                </Show>
            </div>
            <div class="print" data-paper=move || paper.get().key()>
                {move || match what.get() {
                    What::Roles(id) => view! { <cards::RoleCards id paper/> }.into_any(),
                    What::Deck(id) => view! { <cards::DeckCards id short/> }.into_any(),
                    What::Handout(id) => view! { <docs::Handout id/> }.into_any(),
                    What::Report(id) => view! { <docs::Report id/> }.into_any(),
                    What::Reflection => view! { <docs::ReflectionSheet/> }.into_any(),
                    What::Reframing => view! { <docs::ReframingSheet/> }.into_any(),
                    What::Nothing => view! { <NothingToPrint/> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Said when the address names nothing this browser holds.
#[component]
pub fn NothingToPrint() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    view! {
        <div class="notice no-print" role="alert">
            <p>{move || t().not_found}</p>
            <p class="muted">{move || t().not_found_hint}</p>
        </div>
    }
}

/// Sheets of cards: each sheet a page, holding `cards` laid out by the rules.
#[component]
pub fn Sheets(
    layout: crate::domain::paper::Layout,
    /// The cards, in order, each already drawn.
    cards: Vec<AnyView>,
) -> impl IntoView {
    let mut cards = cards.into_iter();
    let sheets: Vec<Vec<AnyView>> = std::iter::from_fn(|| {
        let sheet: Vec<AnyView> = cards.by_ref().take(layout.per_sheet()).collect();
        (!sheet.is_empty()).then_some(sheet)
    })
    .collect();
    view! {
        <div class="sheets" data-packed="true">
            {sheets
                .into_iter()
                .map(|sheet| view! { <div class="sheet" data-layout=layout.key()>{sheet}</div> })
                .collect_view()}
        </div>
    }
}

/// Half-page cards whose length varies (role cards): each is first drawn
/// off-screen in a half-page frame of the chosen paper; one whose words do
/// not fit there gets a sheet of its own (`domain::paper::pack_halves`).
/// Measured again when the paper changes.
#[component]
pub fn HalfSheets<F>(paper: RwSignal<Paper>, cards: F) -> impl IntoView
where
    F: Fn() -> Vec<AnyView> + Send + Sync + Copy + 'static,
{
    use crate::domain::paper::pack_halves;
    use wasm_bindgen::JsCast;
    let frames = NodeRef::<leptos::html::Div>::new();
    // Which cards need a whole page; None until measured on this paper.
    let full = RwSignal::new(None::<Vec<bool>>);
    Effect::new(move |_| {
        paper.track();
        full.set(None);
        let Some(frames) = frames.get() else {
            return;
        };
        // After the paper's sizes apply to the frames.
        request_animation_frame(move || {
            let cards = frames.query_selector_all(".print-card").ok();
            let measured = (0..cards.as_ref().map_or(0, |c| c.length()))
                .filter_map(|i| cards.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|c| c.scroll_height() > c.client_height() + 1)
                .collect();
            full.set(Some(measured));
        });
    });
    view! {
        <div class="measure" aria-hidden="true" node_ref=frames>
            {cards().into_iter().map(|c| view! { <div class="measure-frame">{c}</div> }).collect_view()}
        </div>
        {move || full.get().map(|full| {
            let mut drawn: Vec<Option<AnyView>> = cards().into_iter().map(Some).collect();
            view! {
                <div class="sheets" data-packed="true">
                    {pack_halves(&full)
                        .into_iter()
                        .map(|sheet| {
                            let whole = sheet.len() == 1 && full[sheet[0]];
                            let inside: Vec<AnyView> = sheet.into_iter().filter_map(|i| drawn[i].take()).collect();
                            view! { <div class="sheet" data-layout="half" class:whole=whole>{inside}</div> }
                        })
                        .collect_view()}
                </div>
            }
        })}
    }
}
