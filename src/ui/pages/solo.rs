//! Practising a scenario alone: at each turn the user's own words first (the
//! language lens reads them back), then the possible responses in this run's
//! own shuffled order, each with a note and how the other person might answer;
//! the response marked closest leads to the next turn. Then a debrief through
//! the four tasks, with the path taken and what the lens noticed. Every change
//! is saved, so a reload resumes where it was, in the same order.

use crate::domain::content::{Lean, Library, Response, Scenario, Task};
use crate::domain::lens::{Finding, Lens};
use crate::domain::practice::{second_look, Closest, SoloRun, SoloStep};
use crate::domain::Lang;
use crate::i18n::{fill, practice::tr, reframe};
use crate::ui::widgets::heavy_gate::HeavyGate;
use crate::ui::widgets::lens_view::{kind_label, mirror, Compiled, LensView};
use crate::ui::widgets::read_aloud::ReadAloud;
use crate::ui::widgets::with_scenario::WithScenario;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

#[component]
pub fn SoloPage() -> impl IntoView {
    view! { <WithScenario view=|s: Scenario| view! { <HeavyGate scenario=s.clone()><Solo scenario=s.clone()/></HeavyGate> }/> }
}

/// A seed for a new run's order of responses.
fn seed() -> u64 {
    (crate::ui::random() * 9_007_199_254_740_992.0) as u64
}

/// A change to the run, with the scenario at hand.
type Change = Box<dyn FnOnce(&mut SoloRun, &Scenario) + Send + Sync>;
/// How a view changes the run (the store stamps it).
type Edit = Callback<Change>;

#[component]
fn Solo(scenario: Scenario) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let s = StoredValue::new(scenario);
    let id = s.with_value(|s| s.id.clone());
    let finished = RwSignal::new(false);
    // The lens, compiled from the library the scenario came from.
    let compiled = ctx
        .content
        .loaded(ctx.lang.get_untracked())
        .map(|lib: Arc<Library>| Compiled {
            lens: Lens::compile(&lib.lens).ok().map(Arc::new),
            lib,
        });
    let compiled = StoredValue::new(compiled);

    // Start a run if there is none (or the last one was finished).
    ctx.store.update(|d, now| {
        s.with_value(|s| d.start_practice(s, now, seed()));
    });

    // The run as stored, fitted to the scenario as it is now.
    let run = {
        let id = id.clone();
        Memo::new(move |_| {
            ctx.store.doc().with(|d| {
                d.practice.get(&id).cloned().map(|mut r| {
                    s.with_value(|s| r.fit(s));
                    r
                })
            })
        })
    };
    let step = Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.step)));
    // When the step changes, move focus to its heading so that keyboard and
    // screen-reader users land on the new turn.
    Effect::new(move |previous: Option<Option<SoloStep>>| {
        let now_step = step.get();
        if previous.is_some_and(|p| p != now_step) {
            leptos::task::spawn_local(async move {
                leptos::task::tick().await;
                if let Some(h) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".solo h2[tabindex]").ok().flatten())
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = h.focus();
                }
            });
        }
        now_step
    });
    let edit: Edit = Callback::new(move |f: Change| {
        ctx.store.update(|d, now| {
            s.with_value(|s| d.edit_practice(s, now, |r| f(r, s)));
        })
    });

    let finish = move |_| {
        ctx.store.update(|d, now| {
            s.with_value(|s| d.finish_practice(s, now));
        });
        finished.set(true);
    };
    let start_over = move |_| {
        ctx.store.update(|d, now| {
            s.with_value(|s| d.restart_practice(s, now, seed()));
        });
    };

    view! {
        <section class="page solo">
            <p class="muted crumb"><A href=href(&format!("/scenarios/{id}"))>{move || s.with_value(|s| s.title.get(ctx.lang.get()).to_string())}</A></p>
            <h1 class="solo-title">{move || t().solo}</h1>
            <Show
                when=move || !finished.get()
                fallback=move || view! {
                    <div class="done" role="status">
                        <p>{t().finished}</p>
                        <p><A href=href("/journal")>{t().to_journal}</A></p>
                        <p><A href=href("/scenarios")>{t().back_to_library}</A></p>
                    </div>
                }
            >
                <details class="situation">
                    <summary>{move || t().situation}</summary>
                    <p class="user-text">{move || s.with_value(|s| s.situation.get(ctx.lang.get()).to_string())}</p>
                </details>
                {move || {
                    // Redraw only when the step changes, not on every keystroke.
                    let Some(step) = step.get() else { return ().into_any() };
                    let Some(r) = run.get_untracked() else { return ().into_any() };
                    let compiled = compiled.get_value();
                    match step {
                        SoloStep::Moment { index, open } => view! {
                            <MomentView scenario=s.get_value() run=r.clone() index open edit compiled/>
                        }
                        .into_any(),
                        SoloStep::Debrief => view! {
                            <DebriefView scenario=s.get_value() run=r.clone() edit finish compiled/>
                        }
                        .into_any(),
                    }
                }}
                <p class="muted small">{move || t().saved_as_you_go}</p>
                <div class="actions">
                    <button type="button" on:click=start_over>{move || t().start_over}</button>
                </div>
            </Show>
        </section>
    }
}

/// "Turn 2 of 4", or "Turn 2" when the path depends on what is chosen.
fn progress(scenario: &Scenario, run: &SoloRun, lang: Lang) -> String {
    let t = tr(lang);
    let i = (run.position() + 1).to_string();
    if scenario.branches() {
        fill(t.progress_branching, &[("i", &i)])
    } else {
        fill(
            t.progress,
            &[("i", &i), ("n", &scenario.moments.len().to_string())],
        )
    }
}

#[component]
fn MomentView(
    scenario: Scenario,
    run: SoloRun,
    index: usize,
    open: bool,
    edit: Edit,
    compiled: Option<Compiled>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let moment = scenario.moments.get(index).cloned();
    let other = moment
        .as_ref()
        .map(|m| m.other.get(lang).to_string())
        .unwrap_or_default();
    let opening = (run.position() == 0).then(|| scenario.opening.get(lang).to_string());
    let heading = progress(&scenario, &run, lang);
    let they_say = view! {
        <div class="they-say">
            <p class="label">{t.they_say}</p>
            <blockquote class="user-text" lang=lang.code()>{other.clone()}</blockquote>
            <ReadAloud text=other.clone() lang/>
        </div>
    };
    let body = if open {
        view! { <OpenMoment scenario run index edit compiled/> }.into_any()
    } else {
        view! { <YourTurn run index edit/> }.into_any()
    };
    view! {
        <article class="moment" aria-labelledby="moment-heading">
            <h2 id="moment-heading" tabindex="-1">{heading}</h2>
            {opening.map(|o| view! {
                <p class="opening"><span class="muted">{t.opening}": "</span>{o}</p>
            })}
            {they_say}
            {body}
        </article>
    }
}

/// The user's own turn: what they might say, or that they say it aloud.
#[component]
fn YourTurn(run: SoloRun, index: usize, edit: Edit) -> impl IntoView {
    let ctx = use_ctx();
    let t = tr(ctx.lang.get_untracked());
    let answer = run.answers.get(index).cloned().unwrap_or_default();
    let nudge = RwSignal::new(false);
    let first = run.position() == 0;
    let can_open = {
        let sid = run.scenario.clone();
        move || {
            ctx.store
                .doc()
                .with_untracked(|d| d.practice.get(&sid).is_some_and(|r| r.can_open()))
        }
    };
    view! {
        <label class="field your-turn">
            <span>{t.your_turn}</span>
            <textarea
                rows="4"
                prop:value=answer
                on:input=move |e| {
                    let v = event_target_value(&e);
                    edit.run(Box::new(move |r, _| r.write(&v)));
                    nudge.set(false);
                }
            ></textarea>
        </label>
        <p class="muted small">{t.your_turn_hint}</p>
        <p class="nudge" role="alert">{move || nudge.get().then_some(t.need_turn)}</p>
        <div class="actions">
            {(!first).then(|| view! {
                <button type="button" on:click=move |_| edit.run(Box::new(|r, _| r.back()))>{t.back}</button>
            })}
            <button
                type="button"
                class="primary"
                on:click=move |_| {
                    if can_open() {
                        edit.run(Box::new(|r, _| {
                            r.open();
                        }));
                    } else {
                        nudge.set(true);
                    }
                }
            >
                {t.show_responses}
            </button>
            <button type="button" on:click=move |_| edit.run(Box::new(|r, _| r.say_aloud()))>{t.say_aloud}</button>
        </div>
    }
}

/// The question for a second look at one's own words, through a task.
fn look(task: Task, t: &crate::i18n::practice::Text) -> &'static str {
    match task {
        Task::Connection => t.look_connection,
        Task::Worldview => t.look_worldview,
        Task::Mutuality => t.look_mutuality,
        Task::MovingTowards => t.look_moving_towards,
    }
}

/// After one's own turn: one's words through the lens, the possible
/// responses in this run's order, which one was closest, and on.
#[component]
fn OpenMoment(
    scenario: Scenario,
    run: SoloRun,
    index: usize,
    edit: Edit,
    compiled: Option<Compiled>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let answer = run.answers.get(index).cloned().unwrap_or_default();
    let aloud = run.aloud.get(index).copied().unwrap_or(false);
    let note = run.notes.get(index).cloned().unwrap_or_default();
    let responses: Vec<Response> = scenario
        .moments
        .get(index)
        .map(|m| m.responses.clone())
        .unwrap_or_default();
    let order = run.order_of(index).to_vec();
    let closest = RwSignal::new(run.closest.get(index).copied().flatten());
    let ends = {
        let scenario = scenario.clone();
        move || {
            let chosen = closest.get().and_then(Closest::response);
            scenario.after(index, chosen).is_none()
        }
    };
    let mark = move |c: Closest| {
        closest.set(Some(c));
        edit.run(Box::new(move |r, _| r.mark(c)));
    };
    let words = if aloud && answer.trim().is_empty() {
        view! { <p class="muted">{t.said_aloud}</p> }.into_any()
    } else {
        let lens = compiled.map(|c| {
            let text = Signal::derive({
                let a = answer.clone();
                move || a.clone()
            });
            view! {
                <section class="lens-on-words" aria-labelledby="lens-words-heading">
                    <h3 id="lens-words-heading">{t.lens_heading}</h3>
                    <LensView text compiled=c level=4/>
                    <p class="lens-hint">{t.lens_hint}</p>
                </section>
            }
        });
        view! {
            <p class="user-text">{answer.clone()}</p>
            {lens}
        }
        .into_any()
    };
    let second = second_look(&scenario, index);
    let responses = StoredValue::new(responses);
    let items = order
        .into_iter()
        .filter_map(|i| responses.with_value(|r| r.get(i).cloned()).map(|r| (i, r)))
        .map(|(i, r)| {
            view! { <li><ResponseView response=r i closest mark/></li> }
        })
        .collect_view();
    // What the person marked, answered: said politely to screen readers.
    let answered = move || match closest.get() {
        Some(Closest::Response(i)) => responses
            .with_value(|r| r.get(i).and_then(|r| r.reaction.clone()))
            .map(|x| format!("{}{}", t.reaction_label, x.get(lang))),
        Some(Closest::None) => Some(t.none_reaction.to_string()),
        None => None,
    };
    view! {
        <div class="your-words">
            <p class="label">{t.you_wrote}</p>
            {words}
            <p class="second-look"><strong>{t.second_look}" ("{labels::task(second, lang)}")："</strong>" "{look(second, t)}</p>
        </div>
        <h3>{t.possible}</h3>
        <fieldset class="closest">
            <legend>{t.closest_legend}</legend>
            <ul class="responses">{items}</ul>
            <label class="none-close">
                <input
                    type="radio"
                    name="closest"
                    value="none"
                    prop:checked=move || closest.get() == Some(Closest::None)
                    on:change=move |_| mark(Closest::None)
                />
                <span>{t.none_close}</span>
            </label>
        </fieldset>
        <p class="their-answer" role="status" aria-live="polite">{answered}</p>
        <label class="field">
            <span>{t.your_note}</span>
            <textarea
                rows="3"
                prop:value=note
                on:input=move |e| {
                    let v = event_target_value(&e);
                    edit.run(Box::new(move |r, _| r.write_note(&v)));
                }
            ></textarea>
        </label>
        <div class="actions">
            <button type="button" on:click=move |_| edit.run(Box::new(|r, _| r.back()))>{t.back}</button>
            <button type="button" class="primary" on:click=move |_| edit.run(Box::new(|r, s| r.next(s)))>
                {move || if ends() { t.to_debrief } else { t.next_turn }}
            </button>
        </div>
    }
}

/// What a response leans toward or away from, in words: "近づくもの：つながり・学び".
fn leans(v: &[Lean], lang: Lang) -> String {
    v.iter()
        .map(|l| labels::lean_short(*l, lang))
        .collect::<Vec<_>>()
        .join("・")
}

#[component]
fn ResponseView(
    response: Response,
    /// Its place in the scenario's file.
    i: usize,
    closest: RwSignal<Option<Closest>>,
    mark: impl Fn(Closest) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let toward = leans(&response.toward, lang);
    let away = leans(&response.away, lang);
    let chosen = move || closest.get() == Some(Closest::Response(i));
    let id = format!("response-{i}");
    let reaction = response.reaction.as_ref().map(|r| r.get(lang).to_string());
    view! {
        <div class="response" class:chosen=chosen>
            <p class="response-text" id=id.clone()>{response.text.get(lang).to_string()}</p>
            <p class="leans">
                {(!toward.is_empty()).then(|| view! { <span class="toward">{t.leans_toward}{toward.clone()}</span> })}
                {(!away.is_empty()).then(|| view! { <span class="away">{t.leans_away}{away.clone()}</span> })}
            </p>
            <p class="reflection">{response.note.get(lang).to_string()}</p>
            <label class="closest-choice">
                <input
                    type="radio"
                    name="closest"
                    value=i.to_string()
                    aria-describedby=id
                    prop:checked=chosen
                    on:change=move |_| mark(Closest::Response(i))
                />
                <span>{t.closest_this}</span>
            </label>
            {reaction.map(|r| view! {
                <details class="reaction" prop:open=chosen>
                    <summary>{t.reaction_open}</summary>
                    <p class="user-text">{r}</p>
                </details>
            })}
        </div>
    }
}

/// The path taken, as turn numbers: "やりとり 1 → 2 → 4".
pub fn path_words(path: &[usize], lang: Lang) -> String {
    let t = tr(lang);
    path.iter()
        .map(|i| fill(t.turn_n, &[("n", &(i + 1).to_string())]))
        .collect::<Vec<_>>()
        .join(t.path_sep)
}

#[component]
fn DebriefView(
    scenario: Scenario,
    run: SoloRun,
    edit: Edit,
    finish: impl Fn(leptos::ev::MouseEvent) + 'static,
    compiled: Option<Compiled>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let rt = reframe::tr(lang);
    let noticed: Vec<(usize, Vec<Finding>)> = compiled
        .as_ref()
        .and_then(|c| c.lens.as_ref())
        .map(|lens| run.noticed(lens))
        .unwrap_or_default();
    let noticed_list = if noticed.is_empty() {
        view! { <p class="muted">{t.noticed_none}</p> }.into_any()
    } else {
        noticed
            .iter()
            .flat_map(|(i, found)| {
                let words = run.answers.get(*i).cloned().unwrap_or_default();
                let turn = fill(t.turn_n, &[("n", &(i + 1).to_string())]);
                found
                    .iter()
                    .map(|f| {
                        fill(
                            t.noticed_item,
                            &[
                                ("turn", &turn),
                                ("quote", &words[f.start..f.end]),
                                ("kind", kind_label(f.kind, rt)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
            .into_any()
    };
    view! {
        <article class="debrief" aria-labelledby="debrief-heading">
            <h2 id="debrief-heading" tabindex="-1">{t.debrief_title}</h2>
            <p class="path"><strong>{t.path_taken}": "</strong>{path_words(&run.path, lang)}</p>
            <section class="noticed" aria-labelledby="noticed-heading">
                <h3 id="noticed-heading">{t.noticed_heading}</h3>
                <ul class="noticed-list">{noticed_list}</ul>
                <p class="muted small">{t.lens_hint}</p>
            </section>
            <p class="muted">{t.debrief_hint}</p>
            {Task::ALL
                .into_iter()
                .enumerate()
                .map(|(i, task)| {
                    let question = scenario.debrief.get(task).get(lang).to_string();
                    let value = run.debrief.get(i).cloned().unwrap_or_default();
                    view! {
                        <label class="field">
                            <span>{labels::task(task, lang)}" — "{question}</span>
                            <textarea
                                rows="3"
                                prop:value=value
                                on:input=move |e| {
                                    let v = event_target_value(&e);
                                    edit.run(Box::new(move |r, _| r.write_debrief(i, &v)));
                                }
                            ></textarea>
                        </label>
                    }
                })
                .collect_view()}
            <div class="actions">
                <button type="button" on:click=move |_| edit.run(Box::new(|r, _| r.back()))>{t.back}</button>
                <button type="button" class="primary" on:click=finish>{t.finish}</button>
            </div>
        </article>
    }
}

/// The marks of the lens on one's own words, without the list (for the journal).
#[component]
pub fn Marked(text: String, lens: Option<Arc<Lens>>) -> impl IntoView {
    let lang = use_ctx().lang.get_untracked();
    let t = reframe::tr(lang);
    let found = lens.map(|l| l.scan(&text)).unwrap_or_default();
    view! { <p class="user-text lens-mirror">{mirror(&text, &found, t)}</p> }
}
