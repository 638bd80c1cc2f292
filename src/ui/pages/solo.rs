//! Practising a scenario alone: the moments in order, the user's own words
//! first, then possible responses with reflective notes, then a debrief through
//! the four tasks. Every change is saved, so a reload resumes where it was.

use crate::domain::content::{Response, Scenario, Task};
use crate::domain::practice::{self, SoloRun, Step};
use crate::i18n::{fill, practice::tr};
use crate::store::now;
use crate::ui::widgets::heavy_gate::HeavyGate;
use crate::ui::widgets::with_scenario::WithScenario;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SoloPage() -> impl IntoView {
    view! { <WithScenario view=|s: Scenario| view! { <HeavyGate scenario=s.clone()><Solo scenario=s.clone()/></HeavyGate> }/> }
}

#[component]
fn Solo(scenario: Scenario) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let s = StoredValue::new(scenario);
    let id = s.with_value(|s| s.id.clone());
    let finished = RwSignal::new(false);

    // Start a run if there is none (or the last one was finished).
    {
        let id = id.clone();
        let missing = ctx
            .store
            .doc()
            .with_untracked(|d| d.practice.get(&id).is_none_or(|r| r.deleted));
        if missing {
            ctx.store.update(|d| {
                let run = s.with_value(|s| SoloRun::new(s, now()));
                d.practice.insert(id.clone(), run);
            });
        }
    }

    // The run as stored, fitted to the scenario as it is now.
    let run = {
        let id = id.clone();
        Memo::new(move |_| {
            ctx.store.doc().with(|d| {
                d.practice
                    .get(&id)
                    .filter(|r| !r.deleted)
                    .cloned()
                    .map(|mut r| {
                        s.with_value(|s| r.fit(s));
                        r
                    })
            })
        })
    };
    let step = Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.step)));
    // When the step changes, move focus to its heading so that keyboard and
    // screen-reader users land on the new turn.
    Effect::new(move |previous: Option<Option<Step>>| {
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
    let change = {
        let id = id.clone();
        move |f: &dyn Fn(&mut SoloRun)| {
            let id = id.clone();
            ctx.store.update(|d| {
                if let Some(r) = d.practice.get_mut(&id) {
                    s.with_value(|s| r.fit(s));
                    f(r);
                }
            })
        }
    };
    let change = StoredValue::new(change);
    let edit = move |f: &dyn Fn(&mut SoloRun)| change.with_value(|c| c(f));

    let finish = move |_| {
        ctx.store.update(|d| {
            s.with_value(|s| practice::finish(d, s, now()));
        });
        finished.set(true);
    };
    let start_over = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            ctx.store.update(|d| {
                let run = s.with_value(|s| SoloRun::new(s, now()));
                d.practice.insert(id, run);
            });
        }
    };

    view! {
        <section class="page solo">
            <p class="muted"><A href=href(&format!("/scenarios/{id}"))>{move || s.with_value(|s| s.title.get(ctx.lang.get()).to_string())}</A></p>
            <h1>{move || t().solo}</h1>
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
                    match step {
                        Step::Moment { index, open } => view! {
                            <MomentView scenario=s.get_value() run=r.clone() index=index open=open edit=edit/>
                        }
                        .into_any(),
                        Step::Debrief => view! { <DebriefView scenario=s.get_value() run=r.clone() edit=edit finish=finish/> }.into_any(),
                    }
                }}
                <p class="muted small">{move || t().saved_as_you_go}</p>
                <div class="actions">
                    <button type="button" on:click=start_over.clone()>{move || t().start_over}</button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn MomentView(
    scenario: Scenario,
    run: SoloRun,
    index: usize,
    open: bool,
    edit: impl Fn(&dyn Fn(&mut SoloRun)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let lang = ctx.lang.get_untracked();
    let n = run.moments();
    let moment = scenario.moments.get(index).cloned();
    let other = moment
        .as_ref()
        .map(|m| m.other.get(lang).to_string())
        .unwrap_or_default();
    let responses: Vec<Response> = moment.map(|m| m.responses).unwrap_or_default();
    let answer = run.answers.get(index).cloned().unwrap_or_default();
    let aloud = run.aloud.get(index).copied().unwrap_or(false);
    let note = run.notes.get(index).cloned().unwrap_or_default();
    let nudge = RwSignal::new(false);
    let opening = (index == 0).then(|| scenario.opening.get(lang).to_string());
    let last = index + 1 == n;
    let sid = scenario.id.clone();

    view! {
        <article class="moment" aria-labelledby="moment-heading">
            <h2 id="moment-heading" tabindex="-1">{fill(t().progress, &[("i", &(index + 1).to_string()), ("n", &n.to_string())])}</h2>
            {opening.map(|o| view! {
                <p class="opening"><span class="muted">{t().opening}": "</span>{o}</p>
            })}
            <div class="they-say">
                <p class="label">{t().they_say}</p>
                <blockquote class="user-text">{other}</blockquote>
            </div>
            {if open {
                view! {
                    <div class="your-words">
                        <p class="label">{t().you_wrote}</p>
                        {if aloud && answer.trim().is_empty() {
                            view! { <p class="muted">{t().said_aloud}</p> }.into_any()
                        } else {
                            view! { <p class="user-text">{answer.clone()}</p> }.into_any()
                        }}
                    </div>
                    <h3>{t().possible}</h3>
                    <ul class="responses">
                        {responses.into_iter().map(|r| view! { <li><ResponseView response=r/></li> }).collect_view()}
                    </ul>
                    <label class="field">
                        <span>{t().your_note}</span>
                        <textarea
                            rows="3"
                            prop:value=note.clone()
                            on:input=move |e| {
                                let v = event_target_value(&e);
                                edit(&|r| r.write_note(&v, now()));
                            }
                        ></textarea>
                    </label>
                    <div class="actions">
                        <button type="button" on:click=move |_| edit(&|r| r.back(now()))>{t().back}</button>
                        <button type="button" class="primary" on:click=move |_| edit(&|r| r.next(now()))>
                            {if last { t().to_debrief } else { t().next_turn }}
                        </button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <label class="field">
                        <span>{t().your_turn}</span>
                        <textarea
                            rows="4"
                            prop:value=answer.clone()
                            on:input=move |e| {
                                let v = event_target_value(&e);
                                edit(&|r| r.write(&v, now()));
                                nudge.set(false);
                            }
                        ></textarea>
                    </label>
                    <p class="muted small">{t().your_turn_hint}</p>
                    <p class="nudge" role="alert">{move || nudge.get().then(|| t().need_turn)}</p>
                    <div class="actions">
                        {(index > 0).then(|| view! {
                            <button type="button" on:click=move |_| edit(&|r| r.back(now()))>{t().back}</button>
                        })}
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| {
                                let sid = sid.clone();
                                let ready = ctx
                                    .store
                                    .doc()
                                    .with_untracked(|d| d.practice.get(&sid).is_some_and(|r| r.can_open()));
                                if ready {
                                    edit(&|r| {
                                        r.open(now());
                                    });
                                } else {
                                    nudge.set(true);
                                }
                            }
                        >
                            {t().show_responses}
                        </button>
                        <button type="button" on:click=move |_| edit(&|r| r.say_aloud(now()))>{t().say_aloud}</button>
                    </div>
                }
                .into_any()
            }}
        </article>
    }
}

#[component]
fn ResponseView(response: Response) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let names = |v: &[crate::domain::content::Lean]| {
        v.iter()
            .map(|l| labels::lean(*l, lang))
            .collect::<Vec<_>>()
            .join("・")
    };
    let toward = names(&response.toward);
    let away = names(&response.away);
    view! {
        <div class="response">
            <p class="response-text">{response.text.get(lang).to_string()}</p>
            <p class="leans">
                {(!toward.is_empty()).then(|| view! { <span class="toward">{t.leans_toward}" "{toward.clone()}</span> })}
                {(!away.is_empty()).then(|| view! { <span class="away">{t.leans_away}" "{away.clone()}</span> })}
            </p>
            <p class="reflection">{response.note.get(lang).to_string()}</p>
        </div>
    }
}

#[component]
fn DebriefView(
    scenario: Scenario,
    run: SoloRun,
    edit: impl Fn(&dyn Fn(&mut SoloRun)) + Copy + Send + Sync + 'static,
    finish: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    view! {
        <article class="debrief" aria-labelledby="debrief-heading">
            <h2 id="debrief-heading" tabindex="-1">{t.debrief_title}</h2>
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
                                    edit(&|r| r.write_debrief(i, &v, now()));
                                }
                            ></textarea>
                        </label>
                    }
                })
                .collect_view()}
            <div class="actions">
                <button type="button" on:click=move |_| edit(&|r| r.back(now()))>{t.back}</button>
                <button type="button" class="primary" on:click=finish>{t.finish}</button>
            </div>
        </article>
    }
}
