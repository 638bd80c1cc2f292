//! The user's own content: the list at /mine (`list`), and an editor per kind
//! (`reframe`, `deck`, `scenario`) built from the fields here. Every keystroke
//! is saved; the problems that keep an item a draft come from the same checks
//! as built-in content (`domain::own`), and each is said in the user's
//! language next to the field it is about.

pub mod deck;
pub mod list;
pub mod reframe;
pub mod scenario;

use crate::domain::check::{ContentError, FieldPath, Reason};
use crate::domain::content::{RoleKind, Task};
use crate::domain::own::{self, Authored, Own};
use crate::domain::{Lang, Text};
use crate::i18n::fill;
use crate::i18n::mine::{tr, Text as T};
use crate::ui::{href, labels, use_ctx, Ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The own-content table in the current language (tracks the language).
pub fn mt(ctx: Ctx) -> &'static T {
    tr(ctx.lang.get())
}

/// A field's path in an editor: `f("title")`, `f("moments").at(2).field("other")`.
pub fn f(name: &'static str) -> FieldPath {
    FieldPath::of(name)
}

/// The name of a list, for "add 1 more …".
fn thing(t: &T, key: &FieldPath) -> &'static str {
    match key.tail() {
        Some("moments") => t.thing_moments,
        Some("responses") => t.thing_responses,
        Some("examples") => t.thing_examples,
        Some("prompt") => t.thing_prompts,
        _ => t.thing_items,
    }
}

/// A problem, said kindly in the user's language (where it is, is shown by
/// where the line stands).
pub fn say(t: &T, e: &ContentError) -> String {
    match e.reason {
        Reason::Missing(_) => t.say_missing.to_string(),
        Reason::TooLong { count, limit, .. } => fill(
            t.say_too_long,
            &[("count", &count.to_string()), ("limit", &limit.to_string())],
        ),
        Reason::Count { n, min, .. } if n < min => fill(
            t.say_fewer,
            &[("n", &(min - n).to_string()), ("thing", thing(t, &e.field))],
        ),
        Reason::Count { n, max, .. } => fill(
            t.say_more,
            &[
                ("n", &n.saturating_sub(max).to_string()),
                ("max", &max.to_string()),
                ("thing", thing(t, &e.field)),
            ],
        ),
        Reason::NoLean => t.say_no_lean.to_string(),
        Reason::NoReaction => t.say_no_reaction.to_string(),
        Reason::UnknownNext => t.say_unknown_next.to_string(),
        Reason::Unreachable => t.say_unreachable.to_string(),
        Reason::Loop => t.say_loop.to_string(),
        Reason::MomentNumber => t.say_moment_number.to_string(),
        Reason::NoContentNote => t.say_no_content_note.to_string(),
        Reason::Roles { .. } => t.say_roles.to_string(),
        Reason::Minutes(_) => t.say_minutes.to_string(),
        Reason::NoTask => t.say_no_task.to_string(),
        Reason::NoPrinciple => t.say_no_principle.to_string(),
        Reason::BadId => t.say_bad_id.to_string(),
        Reason::DuplicateId => t.say_duplicate_id.to_string(),
        Reason::File => t.say_other.to_string(),
    }
}

/// A place in words, for the list of what is left: "やりとり 2・応答 1・
/// ふりかえりのひとこと". `roles` are the kinds of the scenario's role cards.
pub fn place_label(t: &T, key: &FieldPath, roles: &[RoleKind], lang: Lang) -> String {
    let n = |i: Option<usize>| (i.unwrap_or(0) + 1).to_string();
    let head = key.head();
    let mut parts: Vec<String> = Vec::new();
    for (name, index) in key.named() {
        let part = match (name, index) {
            ("title", _) => t.f_title.to_string(),
            ("minutes", _) => t.f_minutes.to_string(),
            ("tasks", _) => t.f_tasks.to_string(),
            ("principles", _) => t.f_principles.to_string(),
            ("content_note", _) => t.f_content_note.to_string(),
            ("situation", _) => t.f_situation.to_string(),
            ("opening", _) => t.f_opening.to_string(),
            ("roles", None) => t.f_roles.to_string(),
            ("roles", Some(i)) => roles
                .get(i)
                .map(|k| labels::role(*k, lang).to_string())
                .unwrap_or_else(|| t.f_roles.to_string()),
            ("name", _) => t.f_name.to_string(),
            ("briefing", _) => t.f_briefing.to_string(),
            ("holding_back", _) => t.f_holding_back.to_string(),
            ("enters", _) => t.f_enters.to_string(),
            ("reaction", _) => t.f_reaction.to_string(),
            ("next", _) => t.f_next.to_string(),
            ("id", _) if head == Some("moments") => t.f_next.to_string(),
            ("moments", None) => t.f_moments.to_string(),
            ("moments", i) => fill(t.f_moment, &[("n", &n(i))]),
            ("other", _) => t.f_other.to_string(),
            ("responses", None) => t.thing_responses.to_string(),
            ("responses", i) => fill(t.f_response, &[("n", &n(i))]),
            ("text", _) if head == Some("prompt") => continue,
            ("text", _) => t.f_response_text.to_string(),
            ("toward", _) | ("away", _) => format!("{}{}{}", t.f_toward, t.sep, t.f_away),
            ("note", _) if head == Some("moments") => t.f_note.to_string(),
            ("note", _) => t.f_reframe_note.to_string(),
            ("debrief", _) => t.f_debrief.to_string(),
            ("connection", _) => labels::task(Task::Connection, lang).to_string(),
            ("worldview", _) => labels::task(Task::Worldview, lang).to_string(),
            ("mutuality", _) => labels::task(Task::Mutuality, lang).to_string(),
            ("moving_towards", _) => labels::task(Task::MovingTowards, lang).to_string(),
            ("phrase", _) => t.f_phrase.to_string(),
            ("examples", None) => t.f_examples.to_string(),
            ("examples", i) => fill(t.f_example, &[("n", &n(i))]),
            ("prompt", None) => t.f_prompts.to_string(),
            ("prompt", i) => fill(t.f_prompt, &[("n", &n(i))]),
            ("short", _) => t.f_short.to_string(),
            _ => continue,
        };
        parts.push(part);
    }
    parts.join(t.sep)
}

/// Moves to a place: focuses its field, or shows its line when it has no one
/// field (a list, a group of choices).
fn go_to(key: &FieldPath) {
    use wasm_bindgen::JsCast;
    let id = dom_id(key);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(&id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    } else if let Some(el) = doc.get_element_by_id(&format!("{id}-problem")) {
        el.scroll_into_view();
        // The first control of its group, when there is one.
        if let Some(first) = el
            .parent_element()
            .and_then(|p| {
                p.query_selector("input, textarea, select, button")
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = first.focus();
        }
    }
}

/// The list of what is left, each a button that moves to its place.
#[component]
fn Todo<K: Authored + PartialEq + Send + Sync + 'static>(ed: Ed<K>) -> impl IntoView {
    let ctx = ed.ctx;
    let roles = Memo::new(move |_| ed.read(|k| k.role_kinds()));
    let places = Memo::new(move |_| {
        ed.problems.with(|p| {
            p.iter()
                .map(|(k, e)| (k.clone(), e.clone()))
                .collect::<Vec<_>>()
        })
    });
    // Shown on request: a whole blank scenario has many places left.
    let open = RwSignal::new(false);
    view! {
        <div class="own-todo">
            <button
                type="button"
                class="todo-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || fill(mt(ctx).todo_heading, &[("n", &places.with(Vec::len).to_string())])}
            </button>
            <Show when=move || open.get()>
                <ul id="own-todo-list">
                    {move || {
                        let t = mt(ctx);
                        let lang = ctx.lang.get();
                        places.get().into_iter().map(|(key, e)| {
                            let place = roles.with(|r| place_label(t, &key, r, lang));
                            let said = say(t, &e);
                            let go = fill(t.todo_go, &[("place", &place)]);
                            view! {
                                <li>
                                    <button type="button" class="link" aria-label=go on:click=move |_| go_to(&key)>
                                        <strong>{place}</strong>" "{said}
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// The element id of a field (its place with only letters, digits and `-`).
pub fn dom_id(key: &FieldPath) -> String {
    let mut out = String::from("f-");
    for c in key.to_string().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// An editor's handle: the item (as stored), its problems by place, and how
/// to change it. Cheap to copy into closures.
pub struct Ed<K: Authored + PartialEq + Send + Sync + 'static> {
    pub id: StoredValue<String>,
    pub own: Memo<Option<Own<K>>>,
    pub problems: Memo<Vec<(FieldPath, ContentError)>>,
    pub ctx: Ctx,
}

impl<K: Authored + PartialEq + Send + Sync + 'static> Clone for Ed<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Authored + PartialEq + Send + Sync + 'static> Copy for Ed<K> {}

impl<K: Authored + PartialEq + Send + Sync + 'static> Ed<K> {
    /// The editor of the item named by the route's `:id`.
    pub fn from_route() -> Ed<K> {
        let ctx = use_ctx();
        let params = use_params_map();
        let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
        let id = StoredValue::new(id);
        let own = Memo::new(move |_| {
            let id = id.get_value();
            ctx.store.doc().with(|d| K::kept(&d.own).get(&id).cloned())
        });
        let problems = Memo::new(move |_| {
            own.with(|o| o.as_ref().map(|o| own::by_place(&o.problems())))
                .unwrap_or_default()
        });
        Ed {
            id,
            own,
            problems,
            ctx,
        }
    }

    /// The language the item is written in.
    pub fn lang(&self) -> Lang {
        self.own
            .with(|o| o.as_ref().map(|o| o.lang))
            .unwrap_or_else(|| self.ctx.lang.get())
    }

    /// Reads something of the item.
    pub fn read<R: Default>(&self, f: impl FnOnce(&K) -> R) -> R {
        self.own
            .with(|o| o.as_ref().map(|o| f(&o.item)))
            .unwrap_or_default()
    }

    /// Changes the item (the store stamps it), and saves.
    pub fn edit(&self, f: impl FnOnce(&mut K)) {
        let id = self.id.get_value();
        self.ctx.store.update(|d, now| {
            K::kept_mut(&mut d.own).edit(&id, now, |o| f(&mut o.item));
        });
    }

    /// The problem at a place, said in the user's language.
    pub fn problem_at(&self, key: &FieldPath) -> Option<String> {
        let t = mt(self.ctx);
        self.problems
            .with(|p| p.iter().find(|(k, _)| k == key).map(|(_, e)| say(t, e)))
    }

    /// A text field's value and setter, in the item's language.
    pub fn text(
        self,
        get: impl Fn(&K) -> Option<&Text> + Copy + Send + Sync + 'static,
        get_mut: impl Fn(&mut K) -> Option<&mut Text> + Copy + Send + Sync + 'static,
    ) -> (Signal<String>, Callback<String>) {
        let value = Signal::derive(move || {
            let lang = self.lang();
            self.read(|k| get(k).map(|t| t.get(lang).to_string()).unwrap_or_default())
        });
        let set = Callback::new(move |v: String| {
            let lang = self.lang();
            self.edit(|k| {
                if let Some(t) = get_mut(k) {
                    *t.get_mut(lang) = v;
                }
            })
        });
        (value, set)
    }
}

/// One text field: label, hint, the text in the item's language, a live
/// character count, and the remaining problem of this place, all tied to the
/// field with `aria-describedby`.
#[component]
pub fn TextField<K: Authored + PartialEq + Send + Sync + 'static>(
    ed: Ed<K>,
    /// The field's place (`moments[0].other`).
    key: FieldPath,
    #[prop(into)] label: Signal<String>,
    /// Its limit in Japanese characters (English: twice).
    limit: usize,
    value: Signal<String>,
    set: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = ed.ctx;
    let id = dom_id(&key);
    let (hint_id, count_id, problem_id) = (
        format!("{id}-hint"),
        format!("{id}-count"),
        format!("{id}-problem"),
    );
    let described = {
        let (h, c, p) = (hint_id.clone(), count_id.clone(), problem_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            ids.push(c.clone());
            ids.push(p.clone());
            ids.join(" ")
        }
    };
    let max = move || limit * ed.lang().length_factor();
    let count = move || value.with(|v| v.trim().chars().count());
    let count_class = move || {
        if count() > max() {
            "count over"
        } else {
            "count"
        }
    };
    let key2 = key.clone();
    let problem = move || ed.problem_at(&key2);
    let invalid = {
        let problem = problem.clone();
        move || problem().is_some().then_some("true")
    };
    let lang = move || ed.lang().code();
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                lang=lang
                aria-describedby=described.clone()
                aria-invalid=invalid.clone()
                prop:value=move || value.get()
                on:input=move |e| set.run(event_target_value(&e))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id.clone()
                lang=lang
                aria-describedby=described
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |e| set.run(event_target_value(&e))
            />
        }
        .into_any()
    };
    view! {
        <div class="field own-field" data-key=key.to_string()>
            <label for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            {input}
            <p class=count_class id=count_id>
                {move || fill(mt(ctx).count, &[("n", &count().to_string()), ("max", &max().to_string())])}
            </p>
            <p class="problem" id=problem_id>{problem}</p>
        </div>
    }
}

/// The remaining problem of a place that is not one text (a list, a choice).
#[component]
pub fn ProblemLine<K: Authored + PartialEq + Send + Sync + 'static>(
    ed: Ed<K>,
    key: FieldPath,
) -> impl IntoView {
    let id = format!("{}-problem", dom_id(&key));
    view! { <p class="problem" id=id>{move || ed.problem_at(&key)}</p> }
}

/// The top of an editor: the heading, the back link, saving, and where the
/// item stands (finished, or how many places are left).
#[component]
pub fn EditorTop<K: Authored + PartialEq + Send + Sync + 'static>(
    ed: Ed<K>,
    heading: fn(&T) -> &'static str,
    /// Where a finished item is used: (label, link).
    open: fn(&T, &K) -> (&'static str, String),
) -> impl IntoView {
    let ctx = ed.ctx;
    let left = move || ed.problems.with(Vec::len);
    let written_in = move || {
        let t = mt(ctx);
        let name = match ed.lang() {
            Lang::Ja => t.lang_ja,
            Lang::En => t.lang_en,
        };
        fill(t.written_in, &[("lang", name)])
    };
    view! {
        <p><A href=href("/mine")>{move || mt(ctx).back}</A></p>
        <h1>{move || heading(mt(ctx))}</h1>
        <p class="muted">{written_in}" · "{move || mt(ctx).saved_as_you_type}</p>
        <div class="own-state" role="status" aria-live="polite">
            <Show
                when=move || left() == 0
                fallback=move || view! { <p class="draft">{move || fill(mt(ctx).state_draft, &[("n", &left().to_string())])}</p> }
            >
                <p class="ready">{move || mt(ctx).state_ready}</p>
            </Show>
        </div>
        <Show when=move || { left() > 0 }>
            <Todo ed/>
        </Show>
        <Show when=move || left() == 0>
            {move || {
                let (label, link) = ed
                    .own
                    .with(|o| o.as_ref().map(|o| open(mt(ctx), &o.item)))
                    .unwrap_or(("", String::new()));
                view! { <p><A href=link attr:class="button primary">{label}</A></p> }
            }}
        </Show>
    }
}

/// An editor's page: `form` for the user's item named in the address, or
/// "not found" when there is no such item (deleted, or a mistyped address).
pub fn editor_page<K: Authored + PartialEq + Send + Sync + 'static>(
    form: fn(Ed<K>) -> AnyView,
) -> impl IntoView {
    let ed = Ed::<K>::from_route();
    let exists = Memo::new(move |_| ed.own.with(Option::is_some));
    move || {
        let body = if exists.get() {
            form(ed)
        } else {
            view! { <Missing/> }.into_any()
        };
        view! { <section class="page own-editor">{body}</section> }
    }
}

/// Shown instead of an editor when the item does not exist (or was deleted).
#[component]
pub fn Missing() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <h1>{move || mt(ctx).title}</h1>
        <p>{move || mt(ctx).not_found}</p>
        <p><A href=href("/mine")>{move || mt(ctx).back}</A></p>
    }
}

/// A small quiet mark on an item the user wrote.
#[component]
pub fn OwnBadge() -> impl IntoView {
    let ctx = use_ctx();
    view! { <span class="own-badge">{move || mt(ctx).badge}</span> }
}

/// A new item of a kind, written in the language in use; returns its id.
pub fn create<K: Authored>(ctx: Ctx, blank: fn(String) -> K) -> String {
    let id = crate::domain::id::new_own_id(crate::store::now(), crate::ui::random());
    let lang = ctx.lang.get_untracked();
    ctx.store
        .update(|d, now| d.own.keep(&blank(id.clone()), lang, &id, now));
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    fn problem(field: FieldPath, reason: Reason) -> ContentError {
        ContentError {
            file: String::new(),
            field,
            reason,
            problem: String::new(),
        }
    }

    #[test]
    fn a_place_reads_as_words_in_each_language() {
        let kinds = [RoleKind::Supporter, RoleKind::Person, RoleKind::Observer];
        let ja = tr(Lang::Ja);
        let note = f("moments").at(1).field("responses").at(0).field("note");
        assert_eq!(
            place_label(ja, &note.lang(Lang::Ja), &kinds, Lang::Ja),
            "やりとり 2・応答 1・ふりかえりのひとこと"
        );
        assert_eq!(
            place_label(
                ja,
                &f("roles").at(1).field("holding_back"),
                &kinds,
                Lang::Ja
            ),
            "相手役・はじめは口にしないこと"
        );
        assert_eq!(
            place_label(ja, &f("prompt").at(2).field("text"), &[], Lang::Ja),
            "問いかけ 3"
        );
        assert_eq!(
            place_label(
                tr(Lang::En),
                &f("debrief").field("moving_towards"),
                &[],
                Lang::En
            ),
            "Debrief questions (one per task) · Moving towards"
        );
        assert_eq!(
            dom_id(&f("moments").at(1).field("responses").at(0).field("toward")),
            "f-moments-1-responses-0-toward"
        );
    }

    #[test]
    fn reasons_are_said_kindly_with_their_numbers() {
        let ja = tr(Lang::Ja);
        let fewer = problem(
            f("examples"),
            Reason::Count {
                n: 1,
                min: 2,
                max: 3,
            },
        );
        assert_eq!(say(ja, &fewer), "あと1つ、言いかえの例を足しましょう。");
        let more = problem(
            f("moments").at(0).field("responses"),
            Reason::Count {
                n: 6,
                min: 2,
                max: 4,
            },
        );
        assert_eq!(say(ja, &more), "応答は4つまでです。2つ減らしましょう。");
        let long = problem(
            f("title").lang(Lang::En),
            Reason::TooLong {
                lang: Lang::En,
                count: 70,
                limit: 60,
            },
        );
        assert_eq!(
            say(tr(Lang::En), &long),
            "70 characters now. Up to 60 fits on a phone screen."
        );
    }
}
