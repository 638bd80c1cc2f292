//! /mine: the user's own scenarios, reframes and decks, each with where it
//! stands (finished, or a draft with what is left), to create, edit,
//! duplicate and delete (with undo).

use super::{create, mt};
use crate::domain::content::{Deck, Reframe, Scenario};
use crate::domain::own::{blank, Authored, Own};
use crate::domain::share::Shareable;
use crate::i18n::fill;
use crate::i18n::mine::Text as T;
use crate::ui::widgets::share_link::ShareToggle;
use crate::ui::{href, use_ctx, Ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// What was deleted last, to bring back.
#[derive(Clone, Debug, PartialEq)]
struct Gone {
    kind: &'static str,
    id: String,
    name: String,
}

/// What a section needs to know about its kind.
struct Kind<K> {
    path: &'static str,
    heading: fn(&T) -> &'static str,
    new: fn(&T) -> &'static str,
    blank: fn(String) -> K,
    name: fn(&K, crate::domain::Lang) -> String,
}

const SCENARIOS: Kind<Scenario> = Kind {
    path: "scenario",
    heading: |t| t.scenarios,
    new: |t| t.new_scenario,
    blank: blank::blank_scenario,
    name: |s, l| s.title.get(l).to_string(),
};
const REFRAMES: Kind<Reframe> = Kind {
    path: "reframe",
    heading: |t| t.reframes,
    new: |t| t.new_reframe,
    blank: blank::blank_reframe,
    name: |r, l| r.phrase.get(l).to_string(),
};
const DECKS: Kind<Deck> = Kind {
    path: "deck",
    heading: |t| t.decks,
    new: |t| t.new_deck,
    blank: blank::blank_deck,
    name: |d, l| d.title.get(l).to_string(),
};

fn shown_name(t: &T, name: String) -> String {
    let name = name.trim();
    if name.is_empty() {
        t.untitled.to_string()
    } else {
        name.to_string()
    }
}

/// Deletes an item (as a tombstone), or brings it back.
fn mark<K: Authored>(ctx: Ctx, id: &str, deleted: bool) {
    ctx.store.update(|d, now| {
        let kept = K::kept_mut(&mut d.own);
        if deleted {
            kept.delete(id, now);
        } else {
            kept.undelete(id, now);
        }
    });
}

#[component]
pub fn MinePage() -> impl IntoView {
    let ctx = use_ctx();
    let status = RwSignal::new(String::new());
    let gone = RwSignal::new(None::<Gone>);
    let undo = move |_| {
        if let Some(g) = gone.get_untracked() {
            match g.kind {
                "scenario" => mark::<Scenario>(ctx, &g.id, false),
                "reframe" => mark::<Reframe>(ctx, &g.id, false),
                _ => mark::<Deck>(ctx, &g.id, false),
            }
            status.set(fill(mt(ctx).restored, &[("name", &g.name)]));
            gone.set(None);
        }
    };
    view! {
        <section class="page own-list-page">
            <h1>{move || mt(ctx).title}</h1>
            <p>{move || mt(ctx).intro}</p>
            <p class="private">{move || mt(ctx).private}</p>
            <div class="own-undo" role="status" aria-live="polite">
                <span>{move || status.get()}</span>
                <Show when=move || gone.with(Option::is_some)>
                    <button type="button" on:click=undo>{move || mt(ctx).undo}</button>
                </Show>
            </div>
            <Section kind=SCENARIOS status gone/>
            <Section kind=REFRAMES status gone/>
            <Section kind=DECKS status gone/>
        </section>
    }
}

#[component]
fn Section<K: Shareable + PartialEq + Send + Sync + 'static>(
    kind: Kind<K>,
    status: RwSignal<String>,
    gone: RwSignal<Option<Gone>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let Kind {
        path,
        heading,
        new,
        blank,
        name,
    } = kind;
    // Newest change first; deleted ones are left out.
    let ids = move || {
        ctx.store.doc().with(|d| {
            let mut v: Vec<(&String, &Own<K>)> = K::kept(&d.own).iter().collect();
            v.sort_by(|a, b| b.1.created.cmp(&a.1.created).then(a.0.cmp(b.0)));
            v.into_iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()
        })
    };
    let make = move |_| {
        let id = create(ctx, blank);
        navigate(&href(&format!("/mine/{path}/{id}")), Default::default());
    };
    view! {
        <h2>{move || heading(mt(ctx))}</h2>
        <p>
            <button type="button" class="primary" on:click=make data-new=path>{move || new(mt(ctx))}</button>
        </p>
        <Show when=move || ids().is_empty()>
            <p class="muted">{move || mt(ctx).none_yet}</p>
        </Show>
        <ul class="own-items">
            <For each=ids key=|id| id.clone() children=move |id| {
                view! { <Item id path name status gone/> }
            }/>
        </ul>
    }
}

#[component]
fn Item<K: Shareable + PartialEq + Send + Sync + 'static>(
    id: String,
    path: &'static str,
    name: fn(&K, crate::domain::Lang) -> String,
    status: RwSignal<String>,
    gone: RwSignal<Option<Gone>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let own = {
        let id = id.clone();
        Memo::new(move |_| ctx.store.doc().with(|d| K::kept(&d.own).get(&id).cloned()))
    };
    let title = move || {
        shown_name(
            mt(ctx),
            own.with(|o| {
                o.as_ref()
                    .map(|o| name(&o.item, o.lang))
                    .unwrap_or_default()
            }),
        )
    };
    let left = move || own.with(|o| o.as_ref().map(|o| o.problems().len()).unwrap_or(0));
    let state = move || {
        let t = mt(ctx);
        match left() {
            0 => t.ready.to_string(),
            n => fill(t.draft, &[("n", &n.to_string())]),
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let new = crate::domain::id::new_own_id(crate::store::now(), crate::ui::random());
            let t = mt(ctx);
            let named = own.with_untracked(|o| {
                o.as_ref()
                    .is_some_and(|o| !name(&o.item, o.lang).trim().is_empty())
            });
            let made = named.then(|| fill(t.copy_of, &[("name", &title())]));
            ctx.store.update(|d, now| {
                if let Some(o) = K::kept(&d.own).get(&id).cloned() {
                    let item = match &made {
                        Some(made) => rename(o.item, o.lang, made),
                        None => o.item,
                    };
                    d.own.keep(&item, o.lang, &new, now);
                }
            });
            status.set(fill(t.duplicated, &[("name", &title())]));
            gone.set(None);
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let name = title();
            mark::<K>(ctx, &id, true);
            status.set(fill(mt(ctx).deleted, &[("name", &name)]));
            gone.set(Some(Gone {
                kind: path,
                id: id.clone(),
                name,
            }));
        }
    };
    let edit_href = href(&format!("/mine/{path}/{id}"));
    view! {
        <li class="card own-card" data-id=id.clone() data-kind=path>
            <h3><A href=edit_href.clone()>{title}</A></h3>
            <p class="muted" class:ready=move || left() == 0>{state}</p>
            <div class="actions">
                <A href=edit_href attr:class="button">{move || mt(ctx).edit}</A>
                <button type="button" on:click=duplicate aria-label=move || format!("{} {}", mt(ctx).duplicate, title())>
                    {move || mt(ctx).duplicate}
                </button>
                <button type="button" class="danger" on:click=delete aria-label=move || fill(mt(ctx).delete_named, &[("name", &title())])>
                    {move || mt(ctx).delete}
                </button>
            </div>
            // Only a finished item can be shared: the other side checks it.
            <Show when=move || left() == 0>
                <ShareToggle
                    make=move || own.with(|o| o.as_ref().map(|o| o.item.share(o.lang)))
                    name=Signal::derive(title)
                />
            </Show>
        </li>
    }
}

/// A copy's title says it is a copy (a reframe has no title: it stays as is).
fn rename<K: Authored>(item: K, lang: crate::domain::Lang, title: &str) -> K {
    let Ok(mut v) = serde_json::to_value(&item) else {
        return item;
    };
    if let Some(t) = v.get_mut("title").and_then(|t| t.get_mut(lang.code())) {
        let limit = crate::domain::check::limits::TITLE * lang.length_factor();
        *t = serde_json::Value::String(title.chars().take(limit).collect());
        return serde_json::from_value(v).unwrap_or(item);
    }
    item
}
