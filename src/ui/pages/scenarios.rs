//! The scenario library: a card per scenario, filters, search in the current
//! language, and a quiet mark on the ones practised.

use crate::domain::content::{Library, Principle, Setting, Task};
use crate::domain::practice::{self, Filter};
use crate::i18n::{fill, practice::tr};
use crate::ui::widgets::with_library::WithLibrary;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

#[component]
pub fn ScenarioLibrary() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let filter = RwSignal::new(Filter::default());
    let practised = Memo::new(move |_| ctx.store.doc().with(|d| practice::practised(&d.journal)));

    let list = move |lib: Arc<Library>| {
        let lib2 = lib.clone();
        let shown = Memo::new(move |_| {
            filter.with(|f| {
                practice::filter(&lib2, ctx.lang.get(), f)
                    .into_iter()
                    .map(|s| s.id.clone())
                    .collect::<Vec<_>>()
            })
        });
        view! {
            <p class="muted" role="status">{move || fill(t().shown, &[("n", &shown.with(Vec::len).to_string())])}</p>
            <Show when=move || !shown.with(Vec::is_empty) fallback=move || view! { <p class="empty">{t().none_match}</p> }>
                <ul class="cards scenario-cards">
                    {
                        let lib = lib.clone();
                        move || {
                            let lang = ctx.lang.get();
                            shown
                                .get()
                                .into_iter()
                                .filter_map(|id| lib.scenario(&id).cloned())
                                .map(|s| {
                                    let done = practised.with(|p| p.contains(&s.id));
                                    let heavy = s.is_heavy();
                                    let mine = crate::domain::id::is_own(&s.id);
                                    let title = s.title.get(lang).to_string();
                                    let tasks = s
                                        .tasks
                                        .iter()
                                        .map(|x| labels::task(*x, lang))
                                        .collect::<Vec<_>>()
                                        .join("・");
                                    view! {
                                        <li class="card scenario-card" data-id=s.id.clone()>
                                            <A href=href(&format!("/scenarios/{}", s.id))>{title}</A>
                                            <p class="meta">
                                                <span>{labels::setting(s.setting, lang)}</span>
                                                " · "
                                                <span>{fill(t().minutes, &[("n", &s.minutes.to_string())])}</span>
                                            </p>
                                            <p class="meta">{tasks}</p>
                                            {heavy.then(|| view! { <p class="heavy-mark">{t().heavy_mark}</p> })}
                                            {done.then(|| view! { <p class="practised-mark">{t().practised}</p> })}
                                            {mine.then(|| view! { <p class="own-mark">{move || crate::i18n::mine::tr(ctx.lang.get()).badge}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }
                    }
                </ul>
            </Show>
        }
    };

    view! {
        <section class="page scenarios">
            <h1>{move || t().library_title}</h1>
            <p>{move || t().library_intro}</p>
            <p class="own-link"><A href=href("/mine")>{move || crate::i18n::mine::tr(ctx.lang.get()).link_scenarios}</A></p>
            <div class="filters" role="search">
                <label>
                    <span>{move || t().search}</span>
                    <input
                        type="search"
                        placeholder=move || t().search_hint
                        prop:value=move || filter.with(|f| f.query.clone())
                        on:input=move |e| filter.update(|f| f.query = event_target_value(&e))
                    />
                </label>
                <Select
                    label=move || t().filter_task
                    options=Task::ALL.iter().map(|x| (x.key(), move || labels::task(*x, ctx.lang.get()))).collect()
                    on_pick=move |key: String| filter.update(|f| f.task = Task::ALL.into_iter().find(|x| x.key() == key))
                />
                <Select
                    label=move || t().filter_principle
                    options=Principle::ALL.iter().map(|x| (x.key(), move || labels::principle(*x, ctx.lang.get()))).collect()
                    on_pick=move |key: String| filter.update(|f| f.principle = Principle::ALL.into_iter().find(|x| x.key() == key))
                />
                <Select
                    label=move || t().filter_setting
                    options=Setting::ALL.iter().map(|x| (x.key(), move || labels::setting(*x, ctx.lang.get()))).collect()
                    on_pick=move |key: String| filter.update(|f| f.setting = Setting::ALL.into_iter().find(|x| x.key() == key))
                />
            </div>
            <WithLibrary view=list/>
        </section>
    }
}

/// A labelled `<select>` with "any" first.
#[component]
fn Select<L, N>(
    label: L,
    options: Vec<(&'static str, N)>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView
where
    L: Fn() -> &'static str + Send + Sync + Copy + 'static,
    N: Fn() -> &'static str + Send + Sync + Copy + 'static,
{
    let ctx = use_ctx();
    view! {
        <label>
            <span>{label}</span>
            <select on:change=move |e| on_pick(event_target_value(&e))>
                <option value="">{move || tr(ctx.lang.get()).any}</option>
                {options.into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view()}
            </select>
        </label>
    }
}
