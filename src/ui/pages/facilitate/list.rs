//! /facilitate: the plans, a new plan from the 90-minute template, and the
//! sessions run so far with their reports.

use super::confirm::ConfirmButton;
use super::{ft, library, local, name_or_untitled, start_session, template_plan};
use crate::domain::session::{plans_by_name, sessions_newest_first};
use crate::i18n::fill;
use crate::ui::fresh_id;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn FacilitatePage() -> impl IntoView {
    let ctx = use_ctx();
    let status = RwSignal::new(String::new());
    let navigate = use_navigate();
    let new_plan = move |_| {
        let id = fresh_id();
        ctx.store.update(|d, now| {
            d.plans
                .put(&id, template_plan(ft(ctx), id.clone(), now), now);
        });
        navigate(&href(&format!("/facilitate/plan/{id}")), Default::default());
    };
    let plan_ids = move || {
        ctx.store.doc().with(|d| {
            plans_by_name(&d.plans)
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let session_ids = move || {
        ctx.store.doc().with(|d| {
            sessions_newest_first(&d.sessions)
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page facilitate">
            <h1>{move || ft(ctx).title}</h1>
            <p>{move || ft(ctx).intro}</p>
            <p class="private">{move || ft(ctx).private_note}</p>
            <p class="own-link"><A href=href("/mine")>{move || crate::i18n::mine::tr(ctx.lang.get()).link_decks}</A></p>
            <h2>{move || ft(ctx).plans_heading}</h2>
            <p>
                <button type="button" class="primary" on:click=new_plan>
                    {move || ft(ctx).new_from_template}
                </button>
            </p>
            <Show when=move || plan_ids().is_empty()>
                <p class="muted">{move || ft(ctx).no_plans}</p>
            </Show>
            <ul class="plan-list">
                <For each=plan_ids key=|id| id.clone() children=move |id| view! { <PlanItem id status/> }/>
            </ul>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            <h2>{move || ft(ctx).sessions_heading}</h2>
            <Show when=move || session_ids().is_empty()>
                <p class="muted">{move || ft(ctx).no_sessions}</p>
            </Show>
            <ul class="session-list">
                <For each=session_ids key=|id| id.clone() children=move |id| view! { <SessionItem id status/> }/>
            </ul>
            <OnPaper/>
        </section>
    }
}

#[component]
fn PlanItem(id: String, status: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let plan = {
        let id = id.clone();
        move || ctx.store.doc().with(|d| d.plans.get(&id).cloned())
    };
    let name = {
        let plan = plan.clone();
        move || name_or_untitled(ft(ctx), &plan().map(|p| p.name).unwrap_or_default())
    };
    let summary = {
        let plan = plan.clone();
        move || {
            let (n, m) = plan()
                .map(|p| (p.steps.len(), p.total_minutes()))
                .unwrap_or_default();
            fill(
                ft(ctx).plan_summary,
                &[("n", &n.to_string()), ("m", &m.to_string())],
            )
        }
    };
    let present = {
        let id = id.clone();
        move |_| {
            if let Some(session) = start_session(ctx, &id) {
                navigate(
                    &href(&format!("/facilitate/present/{session}")),
                    Default::default(),
                );
            }
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let new = fresh_id();
            let mut made = String::new();
            ctx.store.update(|d, now| {
                if let Some(p) = d.plans.get(&id) {
                    let t = ft(ctx);
                    made = fill(t.copy_name, &[("name", &name_or_untitled(t, &p.name))]);
                    let copy = p.duplicate(new.clone(), made.clone(), now);
                    d.plans.put(&new, copy, now);
                }
            });
            status.set(fill(ft(ctx).duplicated, &[("name", &made)]));
        }
    };
    let delete = {
        let id = id.clone();
        let name = name.clone();
        Callback::new(move |_| {
            let gone = name();
            ctx.store.update(|d, now| {
                d.plans.delete(&id, now);
            });
            status.set(fill(ft(ctx).deleted, &[("name", &gone)]));
        })
    };
    let edit_href = href(&format!("/facilitate/plan/{id}"));
    let name2 = name.clone();
    let name3 = name.clone();
    view! {
        <li class="card plan-item">
            <h3>
                <A href=edit_href.clone()>{name.clone()}</A>
            </h3>
            <p class="muted">{summary}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=present>{move || ft(ctx).present}</button>
                <A href=edit_href attr:class="button">{move || ft(ctx).edit}</A>
                <button type="button" on:click=duplicate>{move || ft(ctx).duplicate}</button>
                <ConfirmButton
                    label=Signal::derive(move || ft(ctx).delete.to_string())
                    aria_label=Signal::derive(move || format!("{} {}", ft(ctx).delete, name2()))
                    question=Signal::derive(move || fill(ft(ctx).confirm_delete_plan, &[("name", &name3())]))
                    yes=Signal::derive(move || ft(ctx).confirm_yes_delete.to_string())
                    keep=Signal::derive(move || ft(ctx).confirm_keep.to_string())
                    on_yes=delete
                />
            </div>
        </li>
    }
}

#[component]
fn SessionItem(id: String, status: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let session = {
        let id = id.clone();
        move || ctx.store.doc().with(|d| d.sessions.get(&id).cloned())
    };
    let when = {
        let session = session.clone();
        move || {
            let t = ft(ctx);
            session()
                .map(|s| local(s.started).format(t.date_time, t.weekdays, t.months))
                .unwrap_or_default()
        }
    };
    let title = {
        let session = session.clone();
        move || name_or_untitled(ft(ctx), &session().map(|s| s.title).unwrap_or_default())
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |_| {
            ctx.store.update(|d, now| {
                d.sessions.delete(&id, now);
            });
            status.set(ft(ctx).session_deleted.to_string());
        })
    };
    let when2 = when.clone();
    let when3 = when.clone();
    view! {
        <li class="card session-item">
            <h3>{when.clone()}</h3>
            <p class="muted">{title}</p>
            <div class="actions">
                <A href=href(&format!("/facilitate/present/{id}")) attr:class="button">{move || ft(ctx).resume}</A>
                <A href=href(&format!("/facilitate/report/{id}")) attr:class="button">{move || ft(ctx).write_report}</A>
                <ConfirmButton
                    label=Signal::derive(move || ft(ctx).delete.to_string())
                    aria_label=Signal::derive(move || format!("{} {}", ft(ctx).delete, when2()))
                    question=Signal::derive(move || fill(ft(ctx).confirm_delete_session, &[("date", &when3())]))
                    yes=Signal::derive(move || ft(ctx).confirm_yes_delete.to_string())
                    keep=Signal::derive(move || ft(ctx).confirm_keep.to_string())
                    on_yes=delete
                />
            </div>
        </li>
    }
}

/// For rooms without screens: the decks as cards, and the two worksheets.
#[component]
fn OnPaper() -> impl IntoView {
    use crate::ui::pages::print::address;
    let ctx = use_ctx();
    let t = move || crate::i18n::print::tr(ctx.lang.get());
    let decks = move || {
        library(ctx)
            .map(|lib| {
                lib.decks
                    .iter()
                    .map(|d| (d.id.clone(), d.title.get(ctx.lang.get()).to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <h2>{move || t().worksheets_title}</h2>
        <p>{move || t().worksheets_body}</p>
        <ul class="on-paper">
            {move || decks()
                .into_iter()
                .map(|(id, title)| view! {
                    <li>
                        <A href=address("deck", &id)>{fill(t().print_deck_named, &[("title", &title)])}</A>
                    </li>
                })
                .collect_view()}
            <li><A href=address("worksheet", "reflection")>{move || t().print_reflection_link}</A></li>
            <li><A href=address("worksheet", "reframing")>{move || t().print_reframing_link}</A></li>
        </ul>
    }
}
