//! What a share link opens: the code in the URL fragment (never sent to a
//! server). A role card is shown, and nothing of the other roles. A scenario,
//! reframe, deck or session plan is previewed first; nothing is kept until the
//! person chooses to save it, and then as a copy of their own. A damaged,
//! tampered or oversized link gets a plain message, and nothing changes.

use crate::domain::content::{Library, RoleKind};
use crate::domain::share::{self, Saved, Share, ShareError};
use crate::domain::Lang;
use crate::i18n::fill;
use crate::i18n::share::tr;
use crate::store::Notice;
use crate::ui::fresh_id;
use crate::ui::pages::facilitate::kind_label;
use crate::ui::widgets::role_card::{RoleCardText, RoleCardView};
use crate::ui::widgets::with_library::WithLibrary;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// `/card#…` and `/open#…`: both read any code, and read it again when a
/// second link is opened in the same tab (only the fragment changes).
#[component]
pub fn OpenPage() -> impl IntoView {
    let code = RwSignal::new(fragment());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| code.set(fragment()));
    on_cleanup(move || on_hash.remove());
    move || view! { <Opened code=code.get()/> }
}

/// What one code opens.
#[component]
fn Opened(code: String) -> impl IntoView {
    let ctx = use_ctx();
    let decoded = share::decode(&code);
    let is_card = matches!(decoded, Ok(Share::Card { .. } | Share::OwnCard { .. }));
    let heading = move || {
        let lang = ctx.lang.get();
        if is_card {
            crate::i18n::practice::tr(lang).card_title
        } else {
            tr(lang).open_title
        }
    };
    let body = match decoded {
        Ok(Share::Card {
            scenario,
            role,
            lang,
        }) => view! { <CardFromLink scenario=scenario role=role lang=lang/> }.into_any(),
        Ok(Share::OwnCard {
            lang,
            title,
            situation,
            card,
        }) => {
            let role = card.kind;
            view! {
                <p class="muted">{move || crate::i18n::practice::tr(ctx.lang.get()).card_from_link}</p>
                <RoleCardText title=title situation=situation role=role card=Some(card) lang=lang/>
            }
            .into_any()
        }
        Ok(other) => view! { <Preview share=other/> }.into_any(),
        Err(e) => view! { <BadLink error=e/> }.into_any(),
    };
    view! {
        <section class="page open-page role-card-page">
            <h1>{heading}</h1>
            {body}
        </section>
    }
}

#[component]
fn BadLink(error: ShareError) -> impl IntoView {
    let ctx = use_ctx();
    let why = move || {
        let t = tr(ctx.lang.get());
        match error {
            ShareError::Empty | ShareError::Damaged => t.bad_damaged,
            ShareError::Tampered => t.bad_tampered,
            ShareError::UnknownVersion => t.bad_version,
            ShareError::TooLong => t.bad_too_long,
            ShareError::Unreadable => t.bad_unknown,
            ShareError::Invalid => t.bad_invalid,
        }
    };
    view! {
        <div class="notice" role="alert">
            <p><strong>{move || tr(ctx.lang.get()).bad}</strong></p>
            <p>{why}</p>
            <p>{move || tr(ctx.lang.get()).nothing_changed}</p>
        </div>
    }
}

#[component]
fn CardFromLink(scenario: String, role: RoleKind, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    // The card is shown in the language it was shared in; load that library.
    let show =
        move |lib: Arc<Library>| match lib.scenario(&scenario).filter(|s| s.role(role).is_some()) {
            Some(s) => view! {
                <p class="muted">{crate::i18n::practice::tr(ctx.lang.get()).card_from_link}</p>
                <RoleCardView scenario=s.clone() role=role lang=lang/>
            }
            .into_any(),
            None => view! { <BadLink error=ShareError::Unreadable/> }.into_any(),
        };
    view! { <WithLibrary lang=lang view=show/> }
}

/// What a scenario, reframe, deck or plan holds, and the choice to keep it.
#[component]
fn Preview(share: Share) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let saved = RwSignal::new(None::<Saved>);
    let declined = RwSignal::new(false);
    let read_only = move || ctx.store.notices().get().contains(&Notice::Newer);
    let written = |w: Lang| {
        let name = match w {
            Lang::Ja => t.lang_ja,
            Lang::En => t.lang_en,
        };
        fill(t.written_in, &[("lang", name)])
    };
    let title = share::title(&share, lang);
    let (kind, details) = match &share {
        Share::Scenario { lang: w, scenario } => {
            let w = *w;
            let text = move |x: &crate::domain::Text| {
                let s = x.get(w);
                s.to_string()
            };
            let note = scenario.content_note.as_ref().map(text);
            // A heavy scenario's situation stays closed: its note comes first,
            // and the scenario opens behind the note once saved.
            let situation = note.is_none().then(|| text(&scenario.situation));
            let roles = scenario
                .roles
                .iter()
                .map(|r| format!("{}：{}", labels::role(r.kind, lang), text(&r.name)))
                .collect::<Vec<_>>();
            let moments = fill(t.moments, &[("n", &scenario.moments.len().to_string())]);
            let minutes = fill(
                crate::i18n::practice::tr(lang).minutes,
                &[("n", &scenario.minutes.to_string())],
            );
            (
                t.kind_scenario,
                view! {
                    <p class="muted">{written(w)}" · "{minutes}</p>
                    {note.map(|n| view! { <div class="notice content-note"><p class="user-text">{n}</p></div> })}
                    {situation.map(|s| view! { <p class="user-text">{s}</p> })}
                    <h3>{t.roles}</h3>
                    <ul>{roles.into_iter().map(|r| view! { <li class="user-text">{r}</li> }).collect_view()}</ul>
                    <p>{moments}</p>
                }
                .into_any(),
            )
        }
        Share::Reframe { lang: w, reframe } => {
            let w = *w;
            let examples = reframe
                .examples
                .iter()
                .map(|e| e.get(w).to_string())
                .collect::<Vec<_>>();
            (
                t.kind_reframe,
                view! {
                    <p class="muted">{written(w)}</p>
                    <h3>{t.examples}</h3>
                    <ul>{examples.into_iter().map(|e| view! { <li class="user-text">{e}</li> }).collect_view()}</ul>
                    <p class="user-text">{reframe.note.get(w).to_string()}</p>
                }
                .into_any(),
            )
        }
        Share::Deck { lang: w, deck } => {
            let w = *w;
            let prompts = deck
                .prompt
                .iter()
                .map(|p| p.text.get(w).to_string())
                .collect::<Vec<_>>();
            (
                t.kind_deck,
                view! {
                    <p class="muted">{written(w)}</p>
                    <p>{fill(t.prompts, &[("n", &prompts.len().to_string())])}</p>
                    <ol>{prompts.into_iter().map(|p| view! { <li class="user-text">{p}</li> }).collect_view()}</ol>
                }
                .into_any(),
            )
        }
        Share::Plan {
            plan,
            decks,
            scenarios,
        } => {
            let ft = crate::i18n::facilitate::tr(lang);
            let minutes: u32 = plan.steps.iter().map(|s| s.minutes).sum();
            let steps = plan
                .steps
                .iter()
                .map(|s| {
                    let name = if s.title.trim().is_empty() {
                        kind_label(ft, s.kind).to_string()
                    } else {
                        s.title.clone()
                    };
                    format!(
                        "{name}（{}）",
                        fill(t.step_minutes, &[("n", &s.minutes.to_string())])
                    )
                })
                .collect::<Vec<_>>();
            let includes = (!decks.is_empty() || !scenarios.is_empty()).then(|| {
                fill(
                    t.includes,
                    &[
                        ("d", &decks.len().to_string()),
                        ("s", &scenarios.len().to_string()),
                    ],
                )
            });
            (
                t.kind_plan,
                view! {
                    <p>{fill(ft.plan_summary, &[("n", &plan.steps.len().to_string()), ("m", &minutes.to_string())])}</p>
                    <ol>{steps.into_iter().map(|s| view! { <li class="user-text">{s}</li> }).collect_view()}</ol>
                    {includes.map(|i| view! { <p>{i}</p> })}
                }
                .into_any(),
            )
        }
        Share::Card { .. } | Share::OwnCard { .. } => (t.kind_scenario, ().into_any()),
    };
    let share = StoredValue::new(share);
    let save = move |_| {
        let mut result = Saved::Nothing;
        ctx.store.update(|doc, now| {
            result = share.with_value(|s| share::save(s, doc, now, fresh_id));
        });
        saved.set(Some(result));
    };
    let where_to = move |saved: &Saved| match saved {
        Saved::Scenario(id) => (format!("/scenarios/{id}"), t.open_it),
        Saved::Reframe(id) => (format!("/mine/reframe/{id}"), t.open_it),
        Saved::Deck(id) => (format!("/mine/deck/{id}"), t.open_it),
        Saved::Plan(id) => (format!("/facilitate/plan/{id}"), t.open_plan),
        Saved::Nothing => ("/".to_string(), t.open_it),
    };
    view! {
        <p>{t.open_intro}</p>
        <article class="shared-preview" aria-labelledby="shared-title">
            <p class="kind">{kind}</p>
            <h2 id="shared-title" class="user-text">{title}</h2>
            {details}
        </article>
        {move || match (saved.get(), declined.get()) {
            (Some(s), _) => {
                let (to, label) = where_to(&s);
                view! {
                    <div class="notice" role="status">
                        <p>{t.saved}</p>
                        <p><A href=href(&to)>{label}</A></p>
                    </div>
                }
                .into_any()
            }
            (None, true) => view! { <p role="status">{t.not_saved}</p> }.into_any(),
            (None, false) if read_only() => view! { <p class="notice" role="status">{t.read_only}</p> }.into_any(),
            (None, false) => view! {
                <div class="actions">
                    <button type="button" class="primary" on:click=save>{t.save}</button>
                    <button type="button" on:click=move |_| declined.set(true)>{t.dont_save}</button>
                </div>
            }
            .into_any(),
        }}
    }
}
