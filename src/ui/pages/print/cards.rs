//! Cards to cut out: a scenario's situation and roles (each card holding its
//! role only, so it can be handed out face down), and a prompt deck.

use super::{HalfSheets, NothingToPrint, Sheets};
use crate::domain::content::{RoleKind, Scenario};
use crate::domain::paper::{role_set, Layout, RoleSetCard};
use crate::domain::Lang;
use crate::i18n::fill;
use crate::i18n::print::tr;
use crate::ui::labels;
use crate::ui::use_ctx;
use crate::ui::widgets::with_library::WithLibrary;
use leptos::prelude::*;

/// The content note a heavy scenario's every card carries.
fn content_note(s: &Scenario, lang: Lang) -> Option<String> {
    let note = s.content_note.as_ref()?.get(lang);
    (s.is_heavy() && !note.is_empty()).then(|| fill(tr(lang).content_note, &[("note", note)]))
}

#[component]
pub fn RoleCards(id: String, paper: RwSignal<crate::domain::paper::Paper>) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(id);
    let draw = move |lib: std::sync::Arc<crate::domain::content::Library>| {
        let lang = ctx.lang.get_untracked();
        let Some(s) = lib.scenario(&id.get_value()).cloned() else {
            return view! { <NothingToPrint/> }.into_any();
        };
        let t = tr(lang);
        let title = fill(t.roles_title, &[("title", s.title.get(lang))]);
        let s = StoredValue::new(s);
        let cards = move || {
            s.with_value(|s| {
                role_set(s)
                    .into_iter()
                    .map(|card| match card {
                        RoleSetCard::Situation => situation_card(s, lang),
                        RoleSetCard::Role(kind) => role_card(s, kind, lang),
                    })
                    .collect::<Vec<AnyView>>()
            })
        };
        view! {
            <h2 class="print-title no-print">{title}</h2>
            <HalfSheets paper cards/>
        }
        .into_any()
    };
    view! { <WithLibrary view=draw/> }
}

/// The card everyone reads: the situation and how it begins.
fn situation_card(s: &Scenario, lang: Lang) -> AnyView {
    let t = tr(lang);
    view! {
        <article class="print-card situation" data-card="situation" lang=lang.code()>
            <p class="card-kind">{t.situation_card}</p>
            <h3>{s.title.get(lang).to_string()}</h3>
            <p class="card-meta">
                {labels::setting(s.setting, lang)}
                {if lang == Lang::Ja { "・" } else { " · " }}
                {fill(t.minutes, &[("n", &s.minutes.to_string())])}
            </p>
            <p>{s.situation.get(lang).to_string()}</p>
            <h4>{t.opening}</h4>
            <p>{s.opening.get(lang).to_string()}</p>
            {content_note(s, lang).map(|n| view! { <p class="card-note">{n}</p> })}
        </article>
    }
    .into_any()
}

/// One role's card: its name and briefing, what it holds back, when it comes
/// in; for the observer, the other person's lines to watch for.
fn role_card(s: &Scenario, kind: RoleKind, lang: Lang) -> AnyView {
    let t = tr(lang);
    let Some(card) = s.role(kind).cloned() else {
        return ().into_any();
    };
    let watch: Vec<String> = if kind == RoleKind::Observer {
        s.moments
            .iter()
            .map(|m| m.other.get(lang).to_string())
            .collect()
    } else {
        Vec::new()
    };
    view! {
        <article class="print-card role" data-card="role" data-role=kind.key() lang=lang.code()>
            <p class="card-kind">{t.your_role}{if lang == Lang::Ja { "：" } else { ": " }}{labels::role(kind, lang)}</p>
            <h3 class="role-name">{card.name.get(lang).to_string()}</h3>
            <p class="card-meta">{s.title.get(lang).to_string()}</p>
            <h4>{t.briefing}</h4>
            <p>{card.briefing.get(lang).to_string()}</p>
            {card.enters.map(|e| view! {
                <h4>{t.enters}</h4>
                <p>{e.get(lang).to_string()}</p>
            })}
            {card.holding_back.map(|h| view! {
                <h4>{t.holding_back}</h4>
                <p>{h.get(lang).to_string()}</p>
            })}
            {(!watch.is_empty()).then(|| view! {
                <h4>{t.watch_for}</h4>
                <ol class="watch-for">{watch.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
            })}
            {content_note(s, lang).map(|n| view! { <p class="card-note">{n}</p> })}
            <p class="card-foot">{t.face_down}</p>
        </article>
    }
    .into_any()
}

#[component]
pub fn DeckCards(id: String, short: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(id);
    let draw = move |lib: std::sync::Arc<crate::domain::content::Library>| {
        let lang = ctx.lang.get_untracked();
        let Some(deck) = lib.deck(&id.get_value()).cloned() else {
            return view! { <NothingToPrint/> }.into_any();
        };
        let t = tr(lang);
        let title = deck.title.get(lang).to_string();
        let one_word = short.get();
        let cards: Vec<AnyView> = deck
            .prompt
            .iter()
            .map(|p| {
                let text = match (&p.short, one_word) {
                    (Some(s), true) => s.get(lang).to_string(),
                    _ => p.text.get(lang).to_string(),
                };
                view! {
                    <article class="print-card prompt" class:one-word=one_word data-card="prompt" lang=lang.code()>
                        <p class="card-kind">{title.clone()}</p>
                        <p class="prompt-text">{text}</p>
                    </article>
                }
                .into_any()
            })
            .collect();
        view! {
            <h2 class="print-title no-print">{fill(t.deck_title, &[("title", &title)])}</h2>
            <Sheets layout=Layout::Eighth cards/>
        }
        .into_any()
    };
    view! { <WithLibrary view=draw/> }
}
