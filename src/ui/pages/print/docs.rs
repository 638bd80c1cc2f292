//! Documents: a plan's handout and a session's report, which flow from page
//! to page with each block kept together; and the two blank worksheets, one
//! sheet each, whose writing space grows with the paper.

use super::NothingToPrint;
use crate::domain::content::{Library, Shift, Task};
use crate::domain::session::report;
use crate::domain::session::StepKind;
use crate::domain::Lang;
use crate::i18n::fill;
use crate::i18n::print::{tr, Text};
use crate::ui::labels;
use crate::ui::pages::facilitate::{ft, kind_defaults, name_or_untitled, report_labels, show_date};
use crate::ui::use_ctx;
use crate::ui::widgets::with_library::WithLibrary;
use leptos::prelude::*;
use std::sync::Arc;

/// A plan for the people in the room: its steps, their minutes and themes.
/// No names (a plan holds none), and never the facilitator's notes.
#[component]
pub fn Handout(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(id);
    let plan = Memo::new(move |_| {
        ctx.store
            .doc()
            .with(|d| d.plans.get(&id.get_value()).cloned())
    });
    let draw = move |lib: Arc<Library>| {
        let Some(plan) = plan.get() else {
            return view! { <NothingToPrint/> }.into_any();
        };
        let lang = ctx.lang.get();
        let (t, f) = (tr(lang), ft(ctx));
        let when = show_date(f, &plan.starts);
        let next = show_date(f, &plan.next);
        let rows = plan
            .steps
            .iter()
            .map(|step| {
                let (default_title, default_prompt) = kind_defaults(f, step.kind);
                let title = if step.title.trim().is_empty() { default_title.to_string() } else { step.title.clone() };
                let theme = match (step.kind, &step.scenario, &step.deck) {
                    (StepKind::RolePlay, Some(sid), _) => lib
                        .scenario(sid)
                        .map(|s| s.title.get(lang).to_string())
                        .unwrap_or_default(),
                    (_, _, Some(deck)) => lib
                        .deck(deck)
                        .map(|d| fill(t.handout_drawn, &[("deck", d.title.get(lang))]))
                        .unwrap_or_default(),
                    _ if !step.prompt.trim().is_empty() => step.prompt.clone(),
                    _ => default_prompt.to_string(),
                };
                view! {
                    <tr class="keep">
                        <td>{title}</td>
                        <td class="minutes">{fill(t.minutes, &[("n", &step.minutes.to_string())])}</td>
                        <td>{theme}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <article class="print-doc handout" lang=lang.code()>
                <h2>{name_or_untitled(f, &plan.name)}</h2>
                {(!when.is_empty()).then(|| view! { <p><strong>{t.handout_when}</strong>" "{when}</p> })}
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t.handout_step}</th>
                            <th scope="col">{t.handout_minutes}</th>
                            <th scope="col">{t.handout_theme}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="total">{fill(t.handout_total, &[("n", &plan.total_minutes().to_string())])}</p>
                <p class="keep">{t.handout_agreements}</p>
                {(!next.is_empty()).then(|| view! { <p class="keep"><strong>{t.handout_next}</strong>" "{next}</p> })}
            </article>
        }
        .into_any()
    };
    view! { <WithLibrary view=draw/> }
}

/// A session's report, as it reads in the report editor.
#[component]
pub fn Report(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(id);
    let draft = Memo::new(move |_| {
        ctx.store.doc().with(|d| {
            d.sessions
                .get(&id.get_value())
                .and_then(|s| s.report.clone())
        })
    });
    move || {
        let Some(draft) = draft.get() else {
            return view! { <NothingToPrint/> }.into_any();
        };
        let lang = ctx.lang.get();
        let parts = report::parts(&draft, &report_labels(ft(ctx)));
        let title = if parts.title.is_empty() {
            tr(lang).report_untitled.to_string()
        } else {
            parts.title
        };
        view! {
            <article class="print-doc report" lang=lang.code()>
                <h2>{title}</h2>
                <dl class="keep">
                    {parts.fields.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
                {parts.lists.into_iter().map(|(heading, items)| view! {
                    <section class="keep">
                        <h3>{heading}</h3>
                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    </section>
                }).collect_view()}
                {(!parts.next.is_empty()).then(|| view! {
                    <p class="keep"><strong>{ft(ctx).rl_next}</strong>" "{parts.next}</p>
                })}
            </article>
        }
        .into_any()
    }
}

/// A question of the reflection worksheet, one per task.
fn ask(t: &'static Text, task: Task) -> &'static str {
    match task {
        Task::Connection => t.ask_connection,
        Task::Worldview => t.ask_worldview,
        Task::Mutuality => t.ask_mutuality,
        Task::MovingTowards => t.ask_moving_towards,
    }
}

/// A blank reflection worksheet through the four tasks.
#[component]
pub fn ReflectionSheet() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let lang = ctx.lang.get();
        let t = tr(lang);
        view! {
            <article class="sheet worksheet reflection" lang=lang.code()>
                <h2>{t.reflection_title}</h2>
                <p class="intro">{t.reflection_intro}</p>
                <p class="fill-in">
                    {[t.field_date, t.field_scenario, t.field_role]
                        .into_iter()
                        .map(|f| view! { <span class="fill-line"><span>{f}</span><span class="blank"></span></span> })
                        .collect_view()}
                </p>
                {Task::ALL.into_iter().map(|task| view! {
                    <section class="box" data-task=task.key()>
                        <h3>{labels::task(task, lang)}</h3>
                        <p class="ask">{ask(t, task)}</p>
                        <div class="write"></div>
                    </section>
                }).collect_view()}
                <section class="box small">
                    <h3>{t.ask_next}</h3>
                    <div class="write"></div>
                </section>
            </article>
        }
    }
}

/// A reframing worksheet: one phrase we often hear of each shift, with room
/// to rewrite it, and a row for one's own (no suggested answers on paper).
#[component]
pub fn ReframingSheet() -> impl IntoView {
    let ctx = use_ctx();
    let draw = move |lib: Arc<Library>| {
        let lang = ctx.lang.get();
        let t = tr(lang);
        let heard: Vec<String> = Shift::ALL
            .into_iter()
            .filter_map(|shift| lib.reframes.iter().find(|r| r.shift == shift))
            .map(|r| r.phrase.get(lang).to_string())
            .collect();
        view! {
            <article class="sheet worksheet reframing" lang=lang.code()>
                <h2>{t.reframing_title}</h2>
                <p class="intro">{t.reframing_intro}</p>
                {heard.into_iter().map(|phrase| view! {
                    <section class="box">
                        <p class="label">{t.reframing_heard}</p>
                        <p class="heard">{quoted(&phrase, lang)}</p>
                        <p class="label">{t.reframing_mine}</p>
                        <div class="write"></div>
                    </section>
                }).collect_view()}
                <section class="box">
                    <p class="label">{t.reframing_own}</p>
                    <div class="write one"></div>
                    <p class="label">{t.reframing_mine}</p>
                    <div class="write"></div>
                </section>
            </article>
        }
    };
    view! { <WithLibrary view=draw/> }
}

/// A phrase in the quotation marks of its language.
fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("「{text}」"),
        Lang::En => format!("“{text}”"),
    }
}
