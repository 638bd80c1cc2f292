//! /mine/scenario/:id: writing a role-play scenario: title, time, setting,
//! tasks and principles, heavy topics with their content note, the situation
//! and the opening words, the role cards, 3 to 6 turns of 2 to 4 responses,
//! and the four debrief questions.

use super::{editor_page, mt, Ed, EditorTop, ProblemLine, TextField};
use crate::domain::content::{limits, Heavy, Lean, Principle, RoleKind, Scenario, Setting, Task};
use crate::domain::own::{blank_moment, blank_response, blank_role, toggle};
use crate::domain::Text;
use crate::i18n::fill;
use crate::i18n::mine::Text as T;
use crate::ui::{href, labels};
use leptos::prelude::*;

const HEAVY: [Heavy; 6] = [
    Heavy::Suicide,
    Heavy::SelfHarm,
    Heavy::Coercion,
    Heavy::Abuse,
    Heavy::Restraint,
    Heavy::Loss,
];
const LEANS: [Lean; 7] = [
    Lean::Connection,
    Lean::Worldview,
    Lean::Mutuality,
    Lean::MovingTowards,
    Lean::Learning,
    Lean::Relationship,
    Lean::Hope,
];

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

fn heavy_key(h: Heavy) -> &'static str {
    match h {
        Heavy::Suicide => "suicide",
        Heavy::SelfHarm => "self_harm",
        Heavy::Coercion => "coercion",
        Heavy::Abuse => "abuse",
        Heavy::Restraint => "restraint",
        Heavy::Loss => "loss",
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

#[component]
fn Form(ed: Ed<Scenario>) -> impl IntoView {
    let ctx = ed.ctx;
    let lang = move || ctx.lang.get();
    let s = move |f: fn(&T) -> &'static str| Signal::derive(move || f(mt(ctx)).to_string());
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
        <TextField ed key="title" label=s(|t| t.f_title) limit=limits::TITLE value=title set=set_title/>
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
            <ProblemLine ed key="minutes"/>
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
            <ProblemLine ed key="tasks"/>
        </fieldset>
        <fieldset class="choice" aria-describedby="f-principles-problem">
            <legend>{move || mt(ctx).f_principles}</legend>
            {Principle::ALL.into_iter().map(|x| check(
                "principles".into(),
                move || labels::principle(x, lang()),
                move || ed.read(|s| s.principles.contains(&x)),
                move |on| ed.edit(|s| toggle(&mut s.principles, x, on)),
            )).collect_view()}
            <ProblemLine ed key="principles"/>
        </fieldset>
        <fieldset class="choice" aria-describedby="f-heavy-hint">
            <legend>{move || mt(ctx).f_heavy}</legend>
            <p class="hint" id="f-heavy-hint">{move || mt(ctx).f_heavy_hint}</p>
            {HEAVY.into_iter().map(|x| check(
                format!("heavy-{}", heavy_key(x)),
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
            <TextField ed key="content_note" label=s(|t| t.f_content_note) limit=limits::CONTENT_NOTE value=note set=set_note multiline=true/>
        </Show>
        <TextField ed key="situation" label=s(|t| t.f_situation) hint=s(|t| t.f_situation_hint) limit=limits::SITUATION value=situation set=set_situation multiline=true/>
        <TextField ed key="opening" label=s(|t| t.f_opening) limit=limits::OPENING value=opening set=set_opening multiline=true/>

        <h2>{move || mt(ctx).f_roles}</h2>
        <ProblemLine ed key="roles"/>
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
        <ProblemLine ed key="moments"/>
        {move || (0..moments.get()).map(|i| view! { <MomentEditor ed i/> }).collect_view()}
        <Show when=move || { moments.get() < 6 }>
            <button type="button" on:click=move |_| ed.edit(|s| s.moments.push(blank_moment()))>
                {move || mt(ctx).add_moment}
            </button>
        </Show>

        <fieldset class="own-group">
            <legend>{move || mt(ctx).f_debrief}</legend>
            {Task::ALL.into_iter().map(|task| {
                let (value, set) = ed.text(move |s| Some(s.debrief.get(task)), move |s| Some(match task {
                    Task::Connection => &mut s.debrief.connection,
                    Task::Worldview => &mut s.debrief.worldview,
                    Task::Mutuality => &mut s.debrief.mutuality,
                    Task::MovingTowards => &mut s.debrief.moving_towards,
                }));
                view! {
                    <TextField ed key=format!("debrief.{}", task.key())
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
    let observer = kind == RoleKind::Observer;
    view! {
        <fieldset class="own-group" data-role=kind.key()>
            <legend>{move || labels::role(kind, ctx.lang.get())}</legend>
            <TextField ed key=format!("roles[{i}].name") label=Signal::derive(move || mt(ctx).f_name.to_string()) limit=limits::ROLE_NAME value=name set=set_name/>
            <TextField ed key=format!("roles[{i}].briefing")
                label=Signal::derive(move || if observer { mt(ctx).f_briefing_observer } else { mt(ctx).f_briefing }.to_string())
                limit=limits::BRIEFING value=brief set=set_brief multiline=true/>
            {(!observer).then(|| view! {
                <TextField ed key=format!("roles[{i}].holding_back") label=Signal::derive(move || mt(ctx).f_holding_back.to_string()) limit=limits::HOLDING_BACK value=back set=set_back multiline=true/>
            })}
        </fieldset>
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
    view! {
        <fieldset class="own-group moment" aria-describedby=format!("f-moments-{i}-responses-problem")>
            <legend>{legend}</legend>
            <TextField ed key=format!("moments[{i}].other") label=Signal::derive(move || mt(ctx).f_other.to_string()) limit=limits::MOMENT value=other set=set_other multiline=true/>
            {move || (0..responses.get()).map(|j| view! { <ResponseEditor ed i j/> }).collect_view()}
            <div class="actions">
                <Show when=move || { responses.get() < 4 }>
                    <button type="button" on:click=move |_| ed.edit(|s| { if let Some(m) = s.moments.get_mut(i) { m.responses.push(blank_response()); } })>
                        {move || mt(ctx).add_response}
                    </button>
                </Show>
                <Show when=move || { moments.get() > 3 }>
                    <button type="button" class="quiet" on:click=move |_| ed.edit(|s| { if i < s.moments.len() { s.moments.remove(i); } })>
                        {remove_label.clone()}
                    </button>
                </Show>
            </div>
            <ProblemLine ed key=format!("moments[{i}].responses")/>
        </fieldset>
    }
}

#[component]
fn ResponseEditor(ed: Ed<Scenario>, i: usize, j: usize) -> impl IntoView {
    let ctx = ed.ctx;
    let lang = move || ctx.lang.get();
    let n = (j + 1).to_string();
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
    let count =
        Memo::new(move |_| ed.read(|s| s.moments.get(i).map(|m| m.responses.len()).unwrap_or(0)));
    let legend = {
        let n = n.clone();
        move || fill(mt(ctx).f_response, &[("n", &n)])
    };
    let remove_label = move || fill(mt(ctx).remove_response, &[("n", &n)]);
    let lean_key = format!("moments[{i}].responses[{j}].toward");
    let lean_hint = format!("f-moments-{i}-responses-{j}-lean-hint");
    let lean_problem = format!("{} {}-problem", lean_hint, super::dom_id(&lean_key));
    let leans = move |away: bool| {
        LEANS
            .into_iter()
            .map(move |x| {
                check(
                    format!("lean-{i}-{j}-{}", if away { "away" } else { "toward" }),
                    move || labels::lean(x, lang()),
                    move || {
                        ed.read(|s| {
                            s.moments
                                .get(i)
                                .and_then(|m| m.responses.get(j))
                                .is_some_and(|r| {
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
            <TextField ed key=format!("moments[{i}].responses[{j}].text") label=Signal::derive(move || mt(ctx).f_response_text.to_string()) limit=limits::RESPONSE value=text set=set_text multiline=true/>
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
            <TextField ed key=format!("moments[{i}].responses[{j}].note") label=Signal::derive(move || mt(ctx).f_note.to_string()) hint=Signal::derive(move || mt(ctx).f_note_hint.to_string()) limit=limits::NOTE value=note set=set_note multiline=true/>
            <Show when=move || { count.get() > 2 }>
                <button type="button" class="quiet" on:click=move |_| ed.edit(|s| { if let Some(m) = s.moments.get_mut(i) { if j < m.responses.len() { m.responses.remove(j); } } })>
                    {remove_label.clone()}
                </button>
            </Show>
        </fieldset>
    }
}
