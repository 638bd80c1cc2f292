//! /mine/reframe/:id: writing a reframe: its shift and source, the phrase, two
//! or three other ways to say it, and a line on what changes.

use super::{editor_page, f, mt, Ed, EditorTop, ProblemLine, TextField};
use crate::domain::check::limits;
use crate::domain::content::{Reframe, Shift, Source};
use crate::domain::Text;
use crate::i18n::{fill, reframe as rt};
use crate::ui::href;
use leptos::prelude::*;

const SOURCES: [Source; 4] = [
    Source::Question,
    Source::CaseNote,
    Source::InnerThought,
    Source::HeardAtWork,
];

#[component]
pub fn ReframeEditor() -> impl IntoView {
    editor_page::<Reframe>(|ed| view! { <Form ed/> }.into_any())
}

#[component]
fn Form(ed: Ed<Reframe>) -> impl IntoView {
    let ctx = ed.ctx;
    let rtx = move || rt::tr(ctx.lang.get());
    let (phrase, set_phrase) = ed.text(|r| Some(&r.phrase), |r| Some(&mut r.phrase));
    let (note, set_note) = ed.text(|r| Some(&r.note), |r| Some(&mut r.note));
    // Only the number of examples redraws the list (not every keystroke).
    let examples = Memo::new(move |_| ed.read(|r| r.examples.len()));
    let examples = move || examples.get();
    let shift = move || ed.read(|r| Some(r.shift));
    let source = move || ed.read(|r| Some(r.source));
    view! {
        <EditorTop
            ed
            heading=|t| t.edit_reframe
            open=|t, _| (t.open_reframes, href("/reframe?set=mine"))
        />
        <div class="field">
            <label for="f-shift">{move || mt(ctx).f_shift}</label>
            <select id="f-shift" on:change=move |e| {
                if let Some(s) = Shift::from_key(&event_target_value(&e)) {
                    ed.edit(|r| r.shift = s);
                }
            }>
                {Shift::ALL.into_iter().map(|s| view! {
                    <option value=s.key() prop:selected=move || shift() == Some(s)>{move || rt::shift_name(s, rtx())}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for="f-source">{move || mt(ctx).f_source}</label>
            <select id="f-source" on:change=move |e| {
                let v = event_target_value(&e);
                if let Some(s) = SOURCES.into_iter().find(|s| source_key(*s) == v) {
                    ed.edit(|r| r.source = s);
                }
            }>
                {SOURCES.into_iter().map(|s| view! {
                    <option value=source_key(s) prop:selected=move || source() == Some(s)>{move || rt::source_name(s, rtx())}</option>
                }).collect_view()}
            </select>
        </div>
        <TextField
            ed key=f("phrase") label=Signal::derive(move || mt(ctx).f_phrase.to_string())
            hint=Signal::derive(move || mt(ctx).f_phrase_hint.to_string())
            limit=limits::PHRASE value=phrase set=set_phrase multiline=true
        />
        <fieldset class="own-group" aria-describedby="f-examples-problem">
            <legend>{move || mt(ctx).f_examples}</legend>
            <p class="hint">{move || mt(ctx).f_examples_hint}</p>
            {move || (0..examples()).map(|i| {
                let (value, set) = ed.text(move |r| r.examples.get(i), move |r| r.examples.get_mut(i));
                let n = (i + 1).to_string();
                let n2 = n.clone();
                view! {
                    <div class="own-item">
                        <TextField
                            ed key=f("examples").at(i)
                            label=Signal::derive(move || fill(mt(ctx).f_example, &[("n", &n)]))
                            limit=limits::EXAMPLE value set multiline=true
                        />
                        <Show when=move || { examples() > 2 }>
                            {
                                let n2 = n2.clone();
                                view! {
                                    <button type="button" class="quiet" on:click=move |_| ed.edit(|r| { if i < r.examples.len() { r.examples.remove(i); } })>
                                        {move || fill(mt(ctx).remove_example, &[("n", &n2)])}
                                    </button>
                                }
                            }
                        </Show>
                    </div>
                }
            }).collect_view()}
            <Show when=move || { examples() < 3 }>
                <button type="button" on:click=move |_| ed.edit(|r| r.examples.push(Text::default()))>
                    {move || mt(ctx).add_example}
                </button>
            </Show>
            <ProblemLine ed key=f("examples")/>
        </fieldset>
        <TextField
            ed key=f("note") label=Signal::derive(move || mt(ctx).f_reframe_note.to_string())
            hint=Signal::derive(move || mt(ctx).f_reframe_note_hint.to_string())
            limit=limits::REFRAME_NOTE value=note set=set_note
        />
    }
}

fn source_key(s: Source) -> &'static str {
    match s {
        Source::Question => "question",
        Source::CaseNote => "case_note",
        Source::InnerThought => "inner_thought",
        Source::HeardAtWork => "heard_at_work",
    }
}
