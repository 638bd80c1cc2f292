//! /mine/scenario/:id: writing a role-play scenario: title, time, setting,
//! tasks and principles, heavy topics with their content note, the situation
//! and the opening words, the role cards (a third person's cue to come in),
//! 3 to 7 turns of 2 to 4 responses, each with how the other person answers
//! and, if the conversation branches, where it leads; and the four debrief
//! questions.

use super::{editor_page, f, mt, Ed, EditorTop, ProblemLine, TextField};
use crate::domain::arc::END;
use crate::domain::check::limits;
use crate::domain::content::check::{MOMENTS, RESPONSES};
use crate::domain::content::{Heavy, Lean, Principle, RoleKind, Scenario, Setting, Task};
use crate::domain::own::blank::{blank_moment, blank_response, blank_role, toggle};
use crate::domain::Text;
use crate::i18n::fill;
use crate::i18n::mine::Text as T;
use crate::ui::{href, labels};
use leptos::prelude::*;

fn heavy_name(h: Heavy, t: &T) -> &'static str {
    match h {
        Heavy::Suicide => t.heavy_suicide,
        Heavy::SelfHarm => t.heavy_self_harm,
        Heavy::Coercion => t.heavy_coercion,
        Heavy::Abuse => t.heavy_abuse,
        Heavy::Restraint => t.heavy_restraint,
        Heavy::Loss => t.heavy_loss,
    }
}

#[component]
pub fn ScenarioEditor() -> impl IntoView {
    editor_page::<Scenario>(|ed| view! { <Form ed/> }.into_any())
}

/// A checkbox in a group, with its own label.
fn check(
    name: String,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <label>
            <input type="checkbox" name=name prop:checked=checked on:change=move |e| on(event_target_checked(&e))/>
            <span>{label}</span>
        </label>
    }
}

/// A label from the table, as a signal.
fn said(ed: Ed<Scenario>, f: fn(&T) -> &'static str) -> Signal<String> {
    Signal::derive(move || f(mt(ed.ctx)).to_string())
}

#[component]
fn Form(ed: Ed<Scenario>) -> impl IntoView {
    let ctx = ed.ctx;
    let lang = move || ctx.lang.get();
    let (title, set_title) = ed.text(|s| Some(&s.title), |s| Some(&mut s.title));
    let (situation, set_situation) = ed.text(|s| Some(&s.situation), |s| Some(&mut s.situation));
    let (opening, set_opening) = ed.text(|s| Some(&s.opening), |s| Some(&mut s.opening));
    let (note, set_note) = ed.text(
        |s| s.content_note.as_ref(),
        |s| Some(s.content_note.get_or_insert_with(Text::default)),
    );
    let heavy = Memo::new(move |_| ed.read(|s| !s.heavy.is_empty()));
    let minutes = move || ed.read(|s| s.minutes);
    let setting = move || ed.read(|s| Some(s.setting));
    let roles = Memo::new(move |_| ed.read(|s| s.roles.iter().map(|r| r.kind).collect::<Vec<_>>()));
    let moments = Memo::new(move |_| ed.read(|s| s.moments.len()));
    view! {
        <EditorTop
            ed
            heading=|t| t.edit_scenario
            open=|t, s| (t.open_scenario, href(&format!("/scenarios/{}", s.id)))
        />
        <TextField ed key=f("title") label=said(ed, |t| t.f_title) limit=limits::TITLE value=title set=set_title/>
        <div class="field minutes">
            <label for="f-minutes">{move || mt(ctx).f_minutes}</label>
            <input id="f-minutes" type="number" min="5" max="60" step="5" inputmode="numeric"
                aria-describedby="f-minutes-problem"
                prop:value=move || minutes().to_string()
                on:input=move |e| {
                    if let Ok(n) = event_target_value(&e).trim().parse::<u32>() {
                        ed.edit(|s| s.minutes = n);
                    }
                }
            />
            <ProblemLine ed key=f("minutes")/>
        </div>
        <div class="field">
            <label for="f-setting">{move || mt(ctx).f_setting}</label>
            <select id="f-setting" on:change=move |e| {
                let v = event_target_value(&e);
                if let Some(x) = Setting::ALL.into_iter().find(|x| x.key() == v) {
                    ed.edit(|s| s.setting = x);
                }
            }>
                {Setting::ALL.into_iter().map(|x| view! {
                    <option value=x.key() prop:selected=move || setting() == Some(x)>{move || labels::setting(x, lang())}</option>
                }).collect_view()}
            </select>
        </div>
        <fieldset class="choice" aria-describedby="f-tasks-problem">
            <legend>{move || mt(ctx).f_tasks}</legend>
            {Task::ALL.into_iter().map(|x| check(
                "tasks".into(),
                move || labels::task(x, lang()),
                move || ed.read(|s| s.tasks.contains(&x)),
                move |on| ed.edit(|s| toggle(&mut s.tasks, x, on)),
            )).collect_view()}
            <ProblemLine ed key=f("tasks")/>
        </fieldset>
        <fieldset class="choice" aria-describedby="f-principles-problem">
            <legend>{move || mt(ctx).f_principles}</legend>
            {Principle::ALL.into_iter().map(|x| check(
                "principles".into(),
                move || labels::principle(x, lang()),
                move || ed.read(|s| s.principles.contains(&x)),
                move |on| ed.edit(|s| toggle(&mut s.principles, x, on)),
            )).collect_view()}
            <ProblemLine ed key=f("principles")/>
        </fieldset>
        <fieldset class="choice" aria-describedby="f-heavy-hint">
            <legend>{move || mt(ctx).f_heavy}</legend>
            <p class="hint" id="f-heavy-hint">{move || mt(ctx).f_heavy_hint}</p>
            {Heavy::ALL.into_iter().map(|x| check(
                format!("heavy-{}", x.key()),
                move || heavy_name(x, mt(ctx)),
                move || ed.read(|s| s.heavy.contains(&x)),
                move |on| ed.edit(|s| {
                    toggle(&mut s.heavy, x, on);
                    if s.heavy.is_empty() && s.content_note.as_ref().is_some_and(|n| n.ja.trim().is_empty() && n.en.trim().is_empty()) {
                        s.content_note = None;
                    }
                }),
            )).collect_view()}
        </fieldset>
        <Show when=move || heavy.get() || ed.read(|s| s.content_note.is_some())>
            <TextField ed key=f("content_note") label=said(ed, |t| t.f_content_note) limit=limits::CONTENT_NOTE value=note set=set_note multiline=true/>
        </Show>
        <TextField ed key=f("situation") label=said(ed, |t| t.f_situation) hint=said(ed, |t| t.f_situation_hint) limit=limits::SITUATION value=situation set=set_situation multiline=true/>
        <TextField ed key=f("opening") label=said(ed, |t| t.f_opening) limit=limits::OPENING value=opening set=set_opening multiline=true/>

        <h2>{move || mt(ctx).f_roles}</h2>
        <ProblemLine ed key=f("roles")/>
        {move || roles.get().into_iter().enumerate().map(|(i, kind)| view! { <Role ed i kind/> }).collect_view()}
        {move || {
            let has_third = roles.with(|r| r.contains(&RoleKind::Third));
            if has_third {
                view! {
                    <button type="button" on:click=move |_| ed.edit(|s| s.roles.retain(|r| r.kind != RoleKind::Third))>
                        {move || mt(ctx).remove_third}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" on:click=move |_| ed.edit(|s| {
                        // The third person comes before the observer.
                        let at = s.roles.iter().position(|r| r.kind == RoleKind::Observer).unwrap_or(s.roles.len());
                        s.roles.insert(at, blank_role(RoleKind::Third));
                    })>
                        {move || mt(ctx).add_third}
                    </button>
                }.into_any()
            }
        }}

        <h2>{move || mt(ctx).f_moments}</h2>
        <ProblemLine ed key=f("moments")/>
        {move || (0..moments.get()).map(|i| view! { <MomentEditor ed i/> }).collect_view()}
        <Show when=move || { moments.get() < MOMENTS.1 }>
            <button type="button" on:click=move |_| ed.edit(|s| s.moments.push(blank_moment()))>
                {move || mt(ctx).add_moment}
            </button>
        </Show>

        <fieldset class="own-group">
            <legend>{move || mt(ctx).f_debrief}</legend>
            {Task::ALL.into_iter().map(|task| {
                let (value, set) = ed.text(move |s| Some(s.debrief.get(task)), move |s| Some(s.debrief.get_mut(task)));
                view! {
                    <TextField ed key=f("debrief").field(task.key())
                        label=Signal::derive(move || labels::task(task, lang()).to_string())
                        limit=limits::DEBRIEF value set multiline=true/>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn Role(ed: Ed<Scenario>, i: usize, kind: RoleKind) -> impl IntoView {
    let ctx = ed.ctx;
    let (name, set_name) = ed.text(
        move |s| s.roles.get(i).map(|r| &r.name),
        move |s| s.roles.get_mut(i).map(|r| &mut r.name),
    );
    let (brief, set_brief) = ed.text(
        move |s| s.roles.get(i).map(|r| &r.briefing),
        move |s| s.roles.get_mut(i).map(|r| &mut r.briefing),
    );
    let (back, set_back) = ed.text(
        move |s| s.roles.get(i).and_then(|r| r.holding_back.as_ref()),
        move |s| {
            s.roles
                .get_mut(i)
                .map(|r| r.holding_back.get_or_insert_with(Text::default))
        },
    );
    let (enters, set_enters) = ed.text(
        move |s| s.roles.get(i).and_then(|r| r.enters.as_ref()),
        move |s| {
            s.roles
                .get_mut(i)
                .map(|r| r.enters.get_or_insert_with(Text::default))
        },
    );
    let observer = kind == RoleKind::Observer;
    let at = f("roles").at(i);
    view! {
        <fieldset class="own-group" data-role=kind.key()>
            <legend>{move || labels::role(kind, ctx.lang.get())}</legend>
            <TextField ed key=at.field("name") label=said(ed, |t| t.f_name) limit=limits::ROLE_NAME value=name set=set_name/>
            <TextField ed key=at.field("briefing")
                label=Signal::derive(move || if observer { mt(ctx).f_briefing_observer } else { mt(ctx).f_briefing }.to_string())
                limit=limits::BRIEFING value=brief set=set_brief multiline=true/>
            {(!observer).then(|| view! {
                <TextField ed key=at.field("holding_back") label=said(ed, |t| t.f_holding_back) limit=limits::HOLDING_BACK value=back set=set_back multiline=true/>
            })}
            {(kind == RoleKind::Third).then(|| view! {
                <TextField ed key=at.field("enters") label=said(ed, |t| t.f_enters) hint=said(ed, |t| t.f_enters_hint) limit=limits::ENTERS value=enters set=set_enters multiline=true/>
            })}
        </fieldset>
    }
}

/// Where a turn or a response leads, as the choice of a `<select>`: "" is
/// the default way, `end`, or a turn's place.
fn next_value(s: &Scenario, next: Option<&str>) -> String {
    match next {
        None => String::new(),
        Some(END) => END.to_string(),
        Some(id) => s
            .moment_index(id)
            .map(|i| i.to_string())
            .unwrap_or_default(),
    }
}

/// Sets where a turn or a response leads from a `<select>`'s value, giving
/// the turn it names an id if it has none yet.
fn set_next(s: &mut Scenario, value: &str) -> Option<String> {
    match value {
        "" => None,
        END => Some(END.to_string()),
        place => {
            let i: usize = place.parse().ok()?;
            let taken: Vec<String> = s.moments.iter().filter_map(|m| m.id.clone()).collect();
            let m = s.moments.get_mut(i)?;
            if m.id.is_none() {
                let fresh = (1..)
                    .map(|n| format!("t{n}"))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_default();
                m.id = Some(fresh);
            }
            m.id.clone()
        }
    }
}

/// The choice of where a turn (or one of its responses) leads.
#[component]
fn NextChoice(
    ed: Ed<Scenario>,
    /// The turn.
    i: usize,
    /// The response, or the turn itself.
    j: Option<usize>,
) -> impl IntoView {
    let ctx = ed.ctx;
    let key = match j {
        Some(j) => f("moments").at(i).field("responses").at(j).field("next"),
        None => f("moments").at(i).field("next"),
    };
    let id = super::dom_id(&key);
    let problem = format!("{id}-problem");
    let hint = format!("{id}-hint");
    let current = move || {
        ed.read(|s| {
            let m = s.moments.get(i);
            let next = match j {
                Some(j) => m
                    .and_then(|m| m.responses.get(j))
                    .and_then(|r| r.next.as_deref()),
                None => m.and_then(|m| m.next.as_deref()),
            };
            next_value(s, next)
        })
    };
    let count = Memo::new(move |_| ed.read(|s| s.moments.len()));
    let label = move || match j {
        Some(_) => mt(ctx).f_next,
        None => mt(ctx).f_moment_next,
    };
    let default = move || match j {
        Some(_) => mt(ctx).next_own_way,
        None => mt(ctx).next_in_order,
    };
    view! {
        <div class="field next">
            <label for=id.clone()>{label}</label>
            {j.is_none().then(|| view! { <p class="hint" id=hint.clone()>{move || mt(ctx).f_moment_next_hint}</p> })}
            <select
                id=id
                aria-describedby=if j.is_none() { format!("{hint} {problem}") } else { problem }
                on:change=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(|s| {
                        let next = set_next(s, &v);
                        if let Some(m) = s.moments.get_mut(i) {
                            match j {
                                Some(j) => {
                                    if let Some(r) = m.responses.get_mut(j) {
                                        r.next = next;
                                    }
                                }
                                None => m.next = next,
                            }
                        }
                    })
                }
            >
                <option value="" prop:selected=move || current().is_empty()>{default}</option>
                {move || (0..count.get()).filter(|k| *k != i).map(|k| {
                    let value = k.to_string();
                    let v2 = value.clone();
                    view! {
                        <option value=value prop:selected=move || current() == v2>
                            {move || fill(mt(ctx).next_turn, &[("n", &(k + 1).to_string())])}
                        </option>
                    }
                }).collect_view()}
                <option value=END prop:selected=move || current() == END>{move || mt(ctx).next_end}</option>
            </select>
            <ProblemLine ed key/>
        </div>
    }
}

#[component]
fn MomentEditor(ed: Ed<Scenario>, i: usize) -> impl IntoView {
    let ctx = ed.ctx;
    let n = (i + 1).to_string();
    let (other, set_other) = ed.text(
        move |s| s.moments.get(i).map(|m| &m.other),
        move |s| s.moments.get_mut(i).map(|m| &mut m.other),
    );
    let responses =
        Memo::new(move |_| ed.read(|s| s.moments.get(i).map(|m| m.responses.len()).unwrap_or(0)));
    let moments = Memo::new(move |_| ed.read(|s| s.moments.len()));
    let legend = {
        let n = n.clone();
        move || fill(mt(ctx).f_moment, &[("n", &n)])
    };
    let remove_label = move || fill(mt(ctx).remove_moment, &[("n", &n)]);
    let at = f("moments").at(i);
    view! {
        <fieldset class="own-group moment" aria-describedby=format!("f-moments-{i}-responses-problem f-moments-{i}-problem")>
            <legend>{legend}</legend>
            <ProblemLine ed key=at.clone()/>
            <TextField ed key=at.field("other") label=said(ed, |t| t.f_other) limit=limits::MOMENT value=other set=set_other multiline=true/>
            {move || (0..responses.get()).map(|j| view! { <ResponseEditor ed i j/> }).collect_view()}
            <div class="actions">
                <Show when=move || { responses.get() < RESPONSES.1 }>
                    <button type="button" on:click=move |_| ed.edit(|s| { if let Some(m) = s.moments.get_mut(i) { m.responses.push(blank_response()); } })>
                        {move || mt(ctx).add_response}
                    </button>
                </Show>
                <Show when=move || { moments.get() > MOMENTS.0 }>
                    <button type="button" class="quiet" on:click=move |_| ed.edit(|s| { if i < s.moments.len() { s.moments.remove(i); } })>
                        {remove_label.clone()}
                    </button>
                </Show>
            </div>
            <ProblemLine ed key=at.field("responses")/>
            <NextChoice ed i j=None/>
        </fieldset>
    }
}

#[component]
fn ResponseEditor(ed: Ed<Scenario>, i: usize, j: usize) -> impl IntoView {
    let ctx = ed.ctx;
    let lang = move || ctx.lang.get();
    let n = (j + 1).to_string();
    let response = move |s: &Scenario| s.moments.get(i).and_then(|m| m.responses.get(j)).cloned();
    let (text, set_text) = ed.text(
        move |s| {
            s.moments
                .get(i)
                .and_then(|m| m.responses.get(j))
                .map(|r| &r.text)
        },
        move |s| {
            s.moments
                .get_mut(i)
                .and_then(|m| m.responses.get_mut(j))
                .map(|r| &mut r.text)
        },
    );
    let (note, set_note) = ed.text(
        move |s| {
            s.moments
                .get(i)
                .and_then(|m| m.responses.get(j))
                .map(|r| &r.note)
        },
        move |s| {
            s.moments
                .get_mut(i)
                .and_then(|m| m.responses.get_mut(j))
                .map(|r| &mut r.note)
        },
    );
    let (reaction, set_reaction) = ed.text(
        move |s| {
            s.moments
                .get(i)
                .and_then(|m| m.responses.get(j))
                .and_then(|r| r.reaction.as_ref())
        },
        move |s| {
            s.moments
                .get_mut(i)
                .and_then(|m| m.responses.get_mut(j))
                .map(|r| r.reaction.get_or_insert_with(Text::default))
        },
    );
    let count =
        Memo::new(move |_| ed.read(|s| s.moments.get(i).map(|m| m.responses.len()).unwrap_or(0)));
    let legend = {
        let n = n.clone();
        move || fill(mt(ctx).f_response, &[("n", &n)])
    };
    let remove_label = move || fill(mt(ctx).remove_response, &[("n", &n)]);
    let at = f("moments").at(i).field("responses").at(j);
    let lean_key = at.field("toward");
    let lean_hint = format!("f-moments-{i}-responses-{j}-lean-hint");
    let lean_problem = format!("{} {}-problem", lean_hint, super::dom_id(&lean_key));
    let leans = move |away: bool| {
        Lean::ALL
            .into_iter()
            .map(move |x| {
                check(
                    format!("lean-{i}-{j}-{}", if away { "away" } else { "toward" }),
                    move || labels::lean(x, lang()),
                    move || {
                        ed.read(|s| {
                            response(s).is_some_and(|r| {
                                if away {
                                    r.away.contains(&x)
                                } else {
                                    r.toward.contains(&x)
                                }
                            })
                        })
                    },
                    move |on| {
                        ed.edit(|s| {
                            if let Some(r) =
                                s.moments.get_mut(i).and_then(|m| m.responses.get_mut(j))
                            {
                                toggle(if away { &mut r.away } else { &mut r.toward }, x, on);
                            }
                        })
                    },
                )
            })
            .collect_view()
    };
    view! {
        <fieldset class="own-group response">
            <legend>{legend}</legend>
            <TextField ed key=at.field("text") label=said(ed, |t| t.f_response_text) limit=limits::RESPONSE value=text set=set_text multiline=true/>
            <p class="hint" id=lean_hint>{move || mt(ctx).f_lean_hint}</p>
            <fieldset class="choice lean" aria-describedby=lean_problem.clone()>
                <legend>{move || mt(ctx).f_toward}</legend>
                {leans(false)}
            </fieldset>
            <fieldset class="choice lean" aria-describedby=lean_problem>
                <legend>{move || mt(ctx).f_away}</legend>
                {leans(true)}
            </fieldset>
            <ProblemLine ed key=lean_key/>
            <TextField ed key=at.field("note") label=said(ed, |t| t.f_note) hint=said(ed, |t| t.f_note_hint) limit=limits::NOTE value=note set=set_note multiline=true/>
            <TextField ed key=at.field("reaction") label=said(ed, |t| t.f_reaction) hint=said(ed, |t| t.f_reaction_hint) limit=limits::REACTION value=reaction set=set_reaction multiline=true/>
            <NextChoice ed i j=Some(j)/>
            <Show when=move || { count.get() > RESPONSES.0 }>
                <button type="button" class="quiet" on:click=move |_| ed.edit(|s| { if let Some(m) = s.moments.get_mut(i) { if j < m.responses.len() { m.responses.remove(j); } } })>
                    {remove_label.clone()}
                </button>
            </Show>
        </fieldset>
    }
}
