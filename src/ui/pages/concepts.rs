//! The concept pages: the three principles, the four tasks and the key ideas,
//! each with a short explanation and a question, on one page with anchors.

use crate::domain::content::{ConceptKind, Library};
use crate::i18n::concepts::tr;
use crate::ui::use_ctx;
use crate::ui::widgets::with_library::WithLibrary;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ConceptsPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let body = move |lib: Arc<Library>| {
        let lang = ctx.lang.get();
        [
            (ConceptKind::Principle, tr(lang).principles),
            (ConceptKind::Task, tr(lang).tasks),
            (ConceptKind::Idea, tr(lang).ideas),
        ]
        .into_iter()
        .map(|(kind, heading)| {
            let items = lib
                .concepts
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| {
                    view! {
                        <article class="concept" id=c.id.clone()>
                            <h3>{c.title.get(lang).to_string()}</h3>
                            <p>{c.body.get(lang).to_string()}</p>
                            <p class="question">
                                <span class="label">{tr(lang).question}</span>
                                <br/>
                                {c.question.get(lang).to_string()}
                            </p>
                        </article>
                    }
                })
                .collect_view();
            view! {
                <section class="concept-group">
                    <h2>{heading}</h2>
                    {items}
                </section>
            }
        })
        .collect_view()
    };
    view! {
        <section class="page concepts">
            <h1>{move || t().title}</h1>
            <p>{move || t().intro}</p>
            <WithLibrary view=body/>
        </section>
    }
}
