//! One step in the plan editor: its fields (`fields`: kind, title, prompt
//! typed or from a deck, scenario for a role play, minutes, the
//! facilitator's own notes) and its moves (`moves`: up, down, remove).

mod fields;
mod moves;

use super::{ft, kind_label, update_plan};
use crate::domain::session::{PlanStep, StepKind};
use crate::i18n::fill;
use crate::ui::{use_ctx, Ctx};
use leptos::prelude::*;

/// One step of one plan: what its parts read and how they change it. Cheap to
/// copy into handlers.
#[derive(Clone, Copy)]
pub struct Step {
    ctx: Ctx,
    key: StoredValue<(String, String)>,
    /// The step as stored.
    step: Memo<PlanStep>,
    /// Its place in the plan (from 0) and the number of steps.
    place: Memo<(usize, usize)>,
    /// Its title, or its kind's name when it has none.
    title: Memo<String>,
    /// What happened, said politely (moves, removal).
    status: RwSignal<String>,
}

impl Step {
    fn new(ctx: Ctx, plan: String, sid: String, status: RwSignal<String>) -> Step {
        let key = StoredValue::new((plan, sid));
        let step = Memo::new(move |_| {
            let (plan, sid) = key.get_value();
            ctx.store.doc().with(|d| {
                d.plans
                    .get(&plan)
                    .and_then(|p| p.step(&sid).cloned())
                    .unwrap_or_else(|| PlanStep::new(sid.clone(), StepKind::Theme))
            })
        });
        let place = Memo::new(move |_| {
            let (plan, sid) = key.get_value();
            ctx.store.doc().with(|d| {
                d.plans
                    .get(&plan)
                    .map(|p| (p.index_of(&sid).unwrap_or(0), p.steps.len()))
                    .unwrap_or((0, 1))
            })
        });
        let title = Memo::new(move |_| {
            let s = step.get();
            if s.title.trim().is_empty() {
                kind_label(ft(ctx), s.kind).to_string()
            } else {
                s.title
            }
        });
        Step {
            ctx,
            key,
            step,
            place,
            title,
            status,
        }
    }

    /// The element id of one of its parts: `title-s3`.
    fn id(&self, what: &str) -> String {
        format!("{what}-{}", self.key.with_value(|(_, sid)| sid.clone()))
    }

    /// Changes the step (the plan is stamped).
    fn edit(&self, change: impl FnOnce(&mut PlanStep) + 'static) {
        let (plan, sid) = self.key.get_value();
        update_plan(self.ctx, &plan, |p| {
            if let Some(s) = p.step_mut(&sid) {
                change(s);
            }
        })
    }
}

#[component]
pub fn StepRow(plan: String, sid: String, status: RwSignal<String>) -> impl IntoView {
    let ctx = use_ctx();
    let step = Step::new(ctx, plan, sid, status);
    view! {
        <li class="step-row">
            <fieldset>
                <legend>
                    {move || {
                        fill(
                            ft(ctx).step_legend,
                            &[("n", &(step.place.get().0 + 1).to_string()), ("title", &step.title.get())],
                        )
                    }}
                </legend>
                <div class="step-fields">
                    <fields::Kind step/>
                    <fields::Title step/>
                    <fields::Prompt step/>
                    <fields::Scenario step/>
                    <fields::Minutes step/>
                    <fields::Notes step/>
                </div>
                <moves::Moves step/>
            </fieldset>
        </li>
    }
}
