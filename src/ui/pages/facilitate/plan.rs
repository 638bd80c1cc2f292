//! /facilitate/plan/:id: edit a plan. Every change is saved at once.

use super::step_row::StepRow;
use super::{
    focus_later, ft, kind_defaults, kind_label, name_or_untitled, start_session, update_plan,
};
use crate::domain::session::StepKind;
use crate::domain::share::Share;
use crate::i18n::fill;
use crate::ui::widgets::share_link::ShareToggle;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PlanPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = super::route_id();
    let exists = move || ctx.store.doc().with(|d| d.plans.contains(&id.get()));
    view! {
        <section class="page facilitate plan-edit">
            <p>
                <A href=href("/facilitate")>{move || ft(ctx).back_to_list}</A>
            </p>
            <Show
                when=exists
                fallback=move || {
                    view! {
                        <h1>{move || ft(ctx).edit_heading}</h1>
                        <p class="notice" role="alert">{move || ft(ctx).plan_not_found}</p>
                    }
                }
            >
                {move || view! { <PlanEditor id=id.get()/> }}
            </Show>
        </section>
    }
}

#[component]
fn PlanEditor(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let status = RwSignal::new(String::new());
    let plan = {
        let id = id.clone();
        move || {
            ctx.store
                .doc()
                .with(|d| d.plans.get(&id).cloned().unwrap_or_default())
        }
    };
    let name = {
        let plan = plan.clone();
        move || plan().name
    };
    let next = {
        let plan = plan.clone();
        move || plan().next
    };
    let starts = {
        let plan = plan.clone();
        move || plan().starts
    };
    let step_ids = {
        let plan = plan.clone();
        move || {
            plan()
                .steps
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        }
    };
    let total = {
        let plan = plan.clone();
        move || {
            let m = plan().total_minutes();
            let t = ft(ctx);
            let mut text = fill(t.total, &[("m", &m.to_string())]);
            if m < 90 {
                text.push(' ');
                text.push_str(&fill(t.total_under, &[("d", &(90 - m).to_string())]));
            } else if m > 90 {
                text.push(' ');
                text.push_str(&fill(t.total_over, &[("d", &(m - 90).to_string())]));
            }
            text
        }
    };
    let add_kind = RwSignal::new(StepKind::Theme);
    let add = {
        let id = id.clone();
        move |_| {
            let kind = add_kind.get_untracked();
            let t = ft(ctx);
            let (title, prompt) = kind_defaults(t, kind);
            let mut added = String::new();
            update_plan(ctx, &id, |p| {
                added = p.add_step(kind, title.to_string(), prompt.to_string());
            });
            status.set(fill(t.added_step, &[("title", title)]));
            focus_later(format!("title-{added}"));
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
    let id_name = id.clone();
    let id_next = id.clone();
    let id_starts = id.clone();
    let plan_for_heading = plan.clone();
    let plan_for_share = plan.clone();
    view! {
        <h1>{move || name_or_untitled(ft(ctx), &plan_for_heading().name)}</h1>
        <p class="muted">{move || ft(ctx).saved_as_you_go}</p>
        <p class="print-link">
            <A href=crate::ui::pages::print::address("handout", &id_name)>
                {move || crate::i18n::print::tr(ctx.lang.get()).print_handout_link}
            </A>
        </p>
        <div class="field">
            <label for="plan-name">{move || ft(ctx).plan_name}</label>
            <input
                id="plan-name"
                type="text"
                maxlength="80"
                prop:value=name
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    update_plan(ctx, &id_name, |p| p.name = v);
                }
            />
        </div>
        <div class="field">
            <label for="plan-starts">{move || ft(ctx).f_starts}</label>
            <input
                id="plan-starts"
                type="datetime-local"
                aria-describedby="plan-starts-hint"
                prop:value=starts
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    update_plan(ctx, &id_starts, |p| p.starts = v);
                }
            />
            <p id="plan-starts-hint" class="hint">{move || ft(ctx).f_starts_hint}</p>
        </div>
        <div class="field">
            <label for="plan-next">{move || ft(ctx).next_date}</label>
            <input
                id="plan-next"
                type="datetime-local"
                aria-describedby="plan-next-hint"
                prop:value=next
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    update_plan(ctx, &id_next, |p| p.next = v);
                }
            />
            <p id="plan-next-hint" class="hint">{move || ft(ctx).next_date_hint}</p>
        </div>
        <p>
            <button type="button" class="primary" on:click=present>{move || ft(ctx).present}</button>
        </p>
        <h2>{move || ft(ctx).steps_heading}</h2>
        <p class="total" aria-live="polite">{total}</p>
        <ol class="steps">
            <For
                each=step_ids
                key=|sid| sid.clone()
                children={
                    let id = id.clone();
                    move |sid| view! { <StepRow plan=id.clone() sid status/> }
                }
            />
        </ol>
        <div class="add-step">
            <label for="add-kind">{move || ft(ctx).add_kind}</label>
            <select
                id="add-kind"
                on:change=move |ev| {
                    if let Some(k) = StepKind::from_key(&event_target_value(&ev)) {
                        add_kind.set(k);
                    }
                }
            >
                {StepKind::ALL
                    .into_iter()
                    .map(|k| {
                        view! {
                            <option value=k.key() prop:selected=move || add_kind.get() == k>
                                {move || kind_label(ft(ctx), k)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="button" on:click=add>{move || ft(ctx).add_step}</button>
        </div>
        <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        <ShareToggle make=move || {
            let plan = plan_for_share();
            Some(ctx.store.doc().with(|d| Share::plan(&plan, d)))
        }/>
    }
}
