//! One scenario: its content note first if heavy, the situation everyone sees,
//! and the choice of how to practise.

use crate::domain::content::Scenario;
use crate::i18n::{fill, practice::tr};
use crate::ui::widgets::heavy_gate::HeavyGate;
use crate::ui::widgets::with_scenario::WithScenario;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ScenarioPage() -> impl IntoView {
    view! { <WithScenario view=|s: Scenario| view! { <HeavyGate scenario=s.clone()><Overview scenario=s.clone()/></HeavyGate> }/> }
}

#[component]
fn Overview(scenario: Scenario) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let s = StoredValue::new(scenario);
    let text = move |f: fn(&Scenario) -> &crate::domain::Text| {
        s.with_value(|s| f(s).get(ctx.lang.get()).to_string())
    };
    let id = s.with_value(|s| s.id.clone());
    let in_progress = {
        let id = id.clone();
        Memo::new(move |_| ctx.store.doc().with(|d| d.practice.contains(&id)))
    };
    let tags = move || {
        let lang = ctx.lang.get();
        s.with_value(|s| {
            s.tasks
                .iter()
                .map(|x| labels::task(*x, lang))
                .chain(s.principles.iter().map(|p| labels::principle(*p, lang)))
                .collect::<Vec<_>>()
                .join("・")
        })
    };
    let roles = move || {
        let lang = ctx.lang.get();
        s.with_value(|s| {
            s.roles
                .iter()
                .map(|r| {
                    view! {
                        <li>
                            <strong>{labels::role(r.kind, lang)}</strong>
                            "："
                            {r.name.get(lang).to_string()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page scenario">
            <p class="muted"><A href=href("/scenarios")>{move || t().back_to_library}</A></p>
            <h1>{move || text(|s| &s.title)}</h1>
            <p class="meta">
                {move || s.with_value(|s| labels::setting(s.setting, ctx.lang.get()))}
                " · "
                {move || fill(t().minutes, &[("n", &s.with_value(|s| s.minutes).to_string())])}
            </p>
            {crate::domain::id::is_own(&id).then(|| {
                let edit = href(&format!("/mine/scenario/{id}"));
                view! {
                    <p class="own-link">
                        <span class="own-mark">{move || crate::i18n::mine::tr(ctx.lang.get()).badge}</span>
                        " "
                        <A href=edit>{move || crate::i18n::mine::tr(ctx.lang.get()).edit}</A>
                    </p>
                }
            })}
            <h2>{move || t().situation}</h2>
            <p class="user-text">{move || text(|s| &s.situation)}</p>
            <h2>{move || t().tasks_here}</h2>
            <p>{tags}</p>
            <h2>{move || t().roles_here}</h2>
            <ul>{roles}</ul>
            <h2>{move || t().how}</h2>
            <ul class="cards">
                <li class="card">
                    <A href=href(&format!("/scenarios/{id}/solo"))>
                        {move || if in_progress.get() { t().resume } else { t().solo }}
                    </A>
                    <p>{move || t().solo_hint}</p>
                </li>
                <li class="card">
                    <A href=href(&format!("/scenarios/{id}/together"))>{move || t().together}</A>
                    <p>{move || t().together_hint}</p>
                </li>
            </ul>
            <p class="print-link">
                <A href=crate::ui::pages::print::address("roles", &id)>
                    {move || crate::i18n::print::tr(ctx.lang.get()).print_roles_link}
                </A>
            </p>
        </section>
    }
}
