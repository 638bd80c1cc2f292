//! /mine/deck/:id: writing a prompt deck: what it is used for, its title, and
//! its prompts (each with an optional one-word form), added, removed and moved.

use super::{editor_page, f, mt, Ed, EditorTop, ProblemLine, TextField};
use crate::domain::check::limits;
use crate::domain::content::{Deck, DeckKind};
use crate::domain::own::blank::{blank_prompt, shift_item};
use crate::domain::Text;
use crate::i18n::fill;
use crate::i18n::mine::Text as T;
use crate::ui::href;
use leptos::prelude::*;

const KINDS: [DeckKind; 3] = [DeckKind::CheckIn, DeckKind::CheckOut, DeckKind::Theme];

fn kind_key(k: DeckKind) -> &'static str {
    match k {
        DeckKind::CheckIn => "check_in",
        DeckKind::CheckOut => "check_out",
        DeckKind::Theme => "theme",
    }
}

fn kind_name(k: DeckKind, t: &T) -> &'static str {
    match k {
        DeckKind::CheckIn => t.kind_check_in,
        DeckKind::CheckOut => t.kind_check_out,
        DeckKind::Theme => t.kind_theme,
    }
}

#[component]
pub fn DeckEditor() -> impl IntoView {
    editor_page::<Deck>(|ed| view! { <Form ed/> }.into_any())
}

#[component]
fn Form(ed: Ed<Deck>) -> impl IntoView {
    let ctx = ed.ctx;
    let (title, set_title) = ed.text(|d| Some(&d.title), |d| Some(&mut d.title));
    let kind = move || ed.read(|d| Some(d.kind));
    // The prompts' ids, in order: the list redraws when they change (added,
    // removed, moved), not on every keystroke.
    let ids =
        Memo::new(move |_| ed.read(|d| d.prompt.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    let n = move || ids.with(Vec::len);
    view! {
        <EditorTop
            ed
            heading=|t| t.edit_deck
            open=|t, _| (t.open_decks, href("/facilitate"))
        />
        <div class="field">
            <label for="f-kind">{move || mt(ctx).f_kind}</label>
            <select id="f-kind" on:change=move |e| {
                let v = event_target_value(&e);
                if let Some(k) = KINDS.into_iter().find(|k| kind_key(*k) == v) {
                    ed.edit(|d| d.kind = k);
                }
            }>
                {KINDS.into_iter().map(|k| view! {
                    <option value=kind_key(k) prop:selected=move || kind() == Some(k)>{move || kind_name(k, mt(ctx))}</option>
                }).collect_view()}
            </select>
        </div>
        <TextField
            ed key=f("title") label=Signal::derive(move || mt(ctx).f_deck_title.to_string())
            limit=limits::TITLE value=title set=set_title
        />
        <fieldset class="own-group" aria-describedby="f-prompt-problem">
            <legend>{move || mt(ctx).f_prompts}</legend>
            <ol class="own-list">
                {move || ids.get().into_iter().enumerate().map(|(i, pid)| {
                    let pid = StoredValue::new(pid);
                    let at = move |d: &Deck| d.prompt.iter().position(|p| p.id == pid.get_value());
                    let (value, set) = ed.text(
                        move |d| at(d).map(|i| &d.prompt[i].text),
                        move |d| at(d).map(|i| &mut d.prompt[i].text),
                    );
                    let (short, _) = ed.text(
                        move |d| at(d).and_then(|i| d.prompt[i].short.as_ref()),
                        move |_| None,
                    );
                    // An emptied one-word form is no form (not an empty text).
                    let set_short = Callback::new(move |v: String| {
                        let lang = ed.lang();
                        ed.edit(|d| {
                            if let Some(i) = at(d) {
                                let p = &mut d.prompt[i];
                                if v.trim().is_empty() {
                                    p.short = None;
                                } else {
                                    *p.short.get_or_insert_with(Text::default).get_mut(lang) = v;
                                }
                            }
                        })
                    });
                    let num = (i + 1).to_string();
                    let label = {
                        let num = num.clone();
                        Signal::derive(move || fill(mt(ctx).f_prompt, &[("n", &num)]))
                    };
                    let named = move |template: fn(&T) -> &'static str| {
                        let num = num.clone();
                        move || fill(template(mt(ctx)), &[("n", &num)])
                    };
                    view! {
                        <li class="own-item">
                            <TextField ed key=f("prompt").at(i).field("text") label limit=limits::PROMPT value set/>
                            <TextField
                                ed key=f("prompt").at(i).field("short")
                                label=Signal::derive(move || mt(ctx).f_short.to_string())
                                hint=Signal::derive(move || mt(ctx).f_short_hint.to_string())
                                limit=limits::SHORT value=short set=set_short
                            />
                            <ProblemLine ed key=f("prompt").at(i).field("id")/>
                            <div class="actions">
                                <button type="button" aria-label=named(|t| t.move_up) disabled=move || i == 0
                                    on:click=move |_| ed.edit(|d| shift_item(&mut d.prompt, i, true))>
                                    {move || mt(ctx).up}
                                </button>
                                <button type="button" aria-label=named(|t| t.move_down) disabled=move || { i + 1 >= n() }
                                    on:click=move |_| ed.edit(|d| shift_item(&mut d.prompt, i, false))>
                                    {move || mt(ctx).down}
                                </button>
                                <button type="button" class="quiet" aria-label=named(|t| t.remove_prompt)
                                    on:click=move |_| ed.edit(|d| { if i < d.prompt.len() { d.prompt.remove(i); } })>
                                    {move || mt(ctx).remove}
                                </button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" on:click=move |_| ed.edit(|d| {
                let p = blank_prompt(&d.prompt);
                d.prompt.push(p);
            })>
                {move || mt(ctx).add_prompt}
            </button>
            <ProblemLine ed key=f("prompt")/>
        </fieldset>
    }
}
