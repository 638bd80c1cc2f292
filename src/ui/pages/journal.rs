//! The journal: everything the user kept, with search, a kind filter, editing,
//! and delete with undo.

use crate::domain::journal::{self, Field, Kind};
use crate::domain::journal::{Entry, EntryBody};
use crate::domain::lens::Lens;
use crate::domain::Lang;
use crate::i18n::{fill, journal::tr};
use crate::library::Loaded;
use crate::ui::format::date_time;
use crate::ui::pages::solo::Marked;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

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

/// A field's label; a reflection's answers and notes are named by the turn
/// of the scenario they were written at (`path`: the turns taken, in order).
fn field_label(field: Field, path: &[usize], lang: Lang) -> String {
    let t = tr(lang);
    let turn = |i: usize| (path.get(i).copied().unwrap_or(i) + 1).to_string();
    match field {
        Field::Answer(i) => fill(t.field_answer, &[("n", &turn(i))]),
        Field::Note(i) => fill(t.field_note, &[("n", &turn(i))]),
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
            journal::find(&d.journal, &query.get(), kind.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| ctx.store.doc().with(|d| d.entries().len()));
    // The lens, for the marks on one's own words in reflections.
    let lens = Memo::new_with_compare(
        move |_| match ctx.content.get(ctx.lang.get()) {
            Loaded::Ready(lib) => Lens::compile(&lib.lens).ok().map(Arc::new),
            _ => None,
        },
        // (Made again only when the loaded library changes: always new then.)
        |_, _| true,
    );
    let on_delete = Callback::new(move |(id, title): (String, String)| {
        ctx.store.update(|d, now| {
            d.journal.delete(&id, now);
        });
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
                                            ctx.store.update(|d, now| {
                                                d.journal.undelete(&id, now);
                                            });
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
                        key=|e| (e.id.clone(), e.updated())
                        children=move |entry| view! { <li><EntryCard entry=entry on_delete=on_delete lens/></li> }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn EntryCard(
    entry: Entry,
    on_delete: Callback<(String, String)>,
    lens: Memo<Option<Arc<Lens>>>,
) -> impl IntoView {
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
    let path = entry.with_value(|e| match &e.body {
        EntryBody::Reflection { path, .. } => path.clone(),
        _ => Vec::new(),
    });
    let path = StoredValue::new(path);
    let path_line = (!path.with_value(Vec::is_empty)).then(|| {
        view! {
            <p class="path">
                <span class="muted">{move || t().path}": "</span>
                {move || path.with_value(|p| crate::ui::pages::solo::path_words(p, ctx.lang.get()))}
            </p>
        }
    });

    view! {
        <article class="entry" data-kind=kind.key()>
            <header>
                <p class="kind">{move || kind_label(kind, ctx.lang.get())}</p>
                <h2>{heading}</h2>
                <p class="muted">
                    {move || {
                        let date = date_time(entry.with_value(|e| e.updated()), ctx.lang.get());
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
            {path_line}
            <Show
                when=move || editing.get()
                fallback=move || {
                    view! {
                        <dl class="fields">
                            {fields()
                                .into_iter()
                                .filter(|(_, v)| !v.trim().is_empty())
                                .map(|(f, v)| {
                                    // One's own words at a turn, with what the lens noticed.
                                    let words = if matches!(f, Field::Answer(_)) {
                                        view! { <dd>{move || view! { <Marked text=v.clone() lens=lens.get()/> }}</dd> }.into_any()
                                    } else {
                                        view! { <dd class="user-text">{v}</dd> }.into_any()
                                    };
                                    view! {
                                        <dt>{move || path.with_value(|p| field_label(f, p, ctx.lang.get()))}</dt>
                                        {words}
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
        ctx.store.update(|d, now| {
            d.journal
                .edit(&id, now, |e| journal::apply(&mut e.body, &edits));
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
                            <span>{move || field_label(f, &[], ctx.lang.get())}</span>
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
