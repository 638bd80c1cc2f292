//! The journal: everything the user kept, with search, a kind filter, editing,
//! and delete with undo.

use crate::domain::document::{Entry, EntryBody};
use crate::domain::journal::{self, Field, Kind};
use crate::domain::Lang;
use crate::i18n::{fill, journal::tr};
use crate::store::now;
use crate::ui::format::date_time;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

fn kind_label(kind: Kind, lang: Lang) -> &'static str {
    let t = tr(lang);
    match kind {
        Kind::Reflection => t.kind_reflection,
        Kind::Reframe => t.kind_reframe,
        Kind::Report => t.kind_report,
        Kind::Note => t.kind_note,
    }
}

fn title(entry: &Entry, lang: Lang) -> String {
    match &entry.body {
        EntryBody::Reflection { title, .. } => title.get(lang).to_string(),
        // A phrase may hold only the language it was saved in.
        EntryBody::Reframe { phrase, .. } => crate::domain::studio::shown(phrase, lang).to_string(),
        EntryBody::Report { title, .. } => title.clone(),
        EntryBody::Note { .. } => kind_label(Kind::Note, lang).to_string(),
    }
}

fn field_label(field: Field, lang: Lang) -> String {
    let t = tr(lang);
    match field {
        Field::Answer(i) => fill(t.field_answer, &[("n", &(i + 1).to_string())]),
        Field::Note(i) => fill(t.field_note, &[("n", &(i + 1).to_string())]),
        Field::Debrief(i) => [
            t.debrief_connection,
            t.debrief_worldview,
            t.debrief_mutuality,
            t.debrief_moving_towards,
        ]
        .get(i)
        .copied()
        .unwrap_or(t.field_text)
        .to_string(),
        Field::Text => t.field_text.to_string(),
    }
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<Kind>);
    let undo = RwSignal::new(None::<(String, String)>); // (id, title)
    let found = Memo::new(move |_| {
        ctx.store.doc().with(|d| {
            journal::find(d, &query.get(), kind.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| ctx.store.doc().with(|d| d.entries().len()));
    let on_delete = Callback::new(move |(id, title): (String, String)| {
        ctx.store.update(|d| d.delete(&id, now()));
        undo.set(Some((id, title)));
    });

    view! {
        <section class="page journal">
            <h1>{move || t().title}</h1>
            <p>{move || t().intro}</p>
            <div class="filters" role="search">
                <label>
                    <span>{move || t().search}</span>
                    <input
                        type="search"
                        placeholder=move || t().search_hint
                        prop:value=move || query.get()
                        on:input=move |e| query.set(event_target_value(&e))
                    />
                </label>
                <label>
                    <span>{move || t().kind}</span>
                    <select on:change=move |e| kind.set(Kind::from_key(&event_target_value(&e)))>
                        <option value="" selected=move || kind.get().is_none()>{move || t().kind_all}</option>
                        {Kind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.key() selected=move || kind.get() == Some(k)>
                                        {move || kind_label(k, ctx.lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <div role="status" aria-live="polite" class="undo-area">
                {move || {
                    undo.get()
                        .map(|(id, title)| {
                            let id2 = id.clone();
                            view! {
                                <p class="notice">
                                    <span>{fill(t().deleted, &[("title", &title)])}</span>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            let id = id2.clone();
                                            ctx.store.update(|d| journal::restore_deleted(d, &id, now()));
                                            undo.set(None);
                                        }
                                    >
                                        {t().undo}
                                    </button>
                                </p>
                            }
                        })
                }}
            </div>
            <p class="muted">
                {move || fill(t().count, &[("n", &found.with(Vec::len).to_string())])}
            </p>
            <Show
                when=move || !found.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <p class="empty">
                            {move || if total.get() == 0 { t().empty } else { t().no_match }}
                        </p>
                    }
                }
            >
                <ul class="entries">
                    <For
                        each=move || found.get()
                        key=|e| (e.id.clone(), e.updated)
                        children=move |entry| view! { <li><EntryCard entry=entry on_delete=on_delete/></li> }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn EntryCard(entry: Entry, on_delete: Callback<(String, String)>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let editing = RwSignal::new(false);
    let kind = Kind::of(&entry);
    let entry = StoredValue::new(entry);
    let heading = move || entry.with_value(|e| title(e, ctx.lang.get()));
    let fields = move || entry.with_value(|e| journal::editable(&e.body));
    let scenario_link = entry.with_value(|e| match &e.body {
        EntryBody::Reflection { scenario, .. } => Some(href(&format!("/scenarios/{scenario}"))),
        _ => None,
    });
    let phrase = entry.with_value(|e| match &e.body {
        EntryBody::Reframe { phrase, .. } => Some(phrase.clone()),
        _ => None,
    });

    view! {
        <article class="entry" data-kind=kind.key()>
            <header>
                <p class="kind">{move || kind_label(kind, ctx.lang.get())}</p>
                <h2>{heading}</h2>
                <p class="muted">
                    {move || {
                        let date = date_time(entry.with_value(|e| e.updated), ctx.lang.get());
                        fill(t().written, &[("date", &date)])
                    }}
                </p>
            </header>
            {phrase.map(|p| {
                view! {
                    <p class="phrase">
                        <span class="muted">{move || t().phrase}": "</span>
                        {move || crate::domain::studio::shown(&p, ctx.lang.get()).to_string()}
                    </p>
                }
            })}
            <Show
                when=move || editing.get()
                fallback=move || {
                    view! {
                        <dl class="fields">
                            {fields()
                                .into_iter()
                                .filter(|(_, v)| !v.trim().is_empty())
                                .map(|(f, v)| {
                                    view! {
                                        <dt>{move || field_label(f, ctx.lang.get())}</dt>
                                        <dd class="user-text">{v}</dd>
                                    }
                                })
                                .collect_view()}
                        </dl>
                    }
                }
            >
                <EntryEditor
                    entry=entry.get_value()
                    done=Callback::new(move |_| editing.set(false))
                />
            </Show>
            <div class="actions">
                <Show when=move || !editing.get()>
                    <button type="button" on:click=move |_| editing.set(true)>
                        {move || t().edit}
                    </button>
                    <button
                        type="button"
                        on:click=move |_| {
                            on_delete.run((entry.with_value(|e| e.id.clone()), heading()));
                        }
                    >
                        {move || t().delete}
                    </button>
                </Show>
                {scenario_link.map(|link| view! { <A href=link>{move || t().open_scenario}</A> })}
            </div>
        </article>
    }
}

#[component]
fn EntryEditor(entry: Entry, done: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let id = entry.id.clone();
    let values: Vec<(Field, RwSignal<String>)> = journal::editable(&entry.body)
        .into_iter()
        .map(|(f, v)| (f, RwSignal::new(v)))
        .collect();
    let values = StoredValue::new(values);
    let save = move |_| {
        let edits: Vec<(Field, String)> =
            values.with_value(|v| v.iter().map(|(f, s)| (*f, s.get_untracked())).collect());
        let id = id.clone();
        ctx.store.update(|d| {
            if let Some(e) = d.journal.get_mut(&id) {
                journal::apply(&mut e.body, &edits);
                e.updated = now();
            }
        });
        done.run(());
    };
    view! {
        <div class="editor">
            {values
                .get_value()
                .into_iter()
                .map(|(f, s)| {
                    view! {
                        <label class="field">
                            <span>{move || field_label(f, ctx.lang.get())}</span>
                            <textarea
                                rows="3"
                                prop:value=move || s.get()
                                on:input=move |e| s.set(event_target_value(&e))
                            ></textarea>
                        </label>
                    }
                })
                .collect_view()}
            <div class="actions">
                <button type="button" class="primary" on:click=save>{move || t().save}</button>
                <button type="button" on:click=move |_| done.run(())>{move || t().cancel}</button>
            </div>
        </div>
    }
}
