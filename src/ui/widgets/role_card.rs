//! One role card: the role, the person's name, the situation, their private
//! briefing, what they hold back and, for a third person, when they come in
//! (in words of the story). Shows nothing of the other roles' cards; the
//! observer's card lists the other person's lines, the turns to watch for.

use crate::domain::content::{RoleCard, RoleKind, Scenario};
use crate::domain::Lang;
use crate::i18n::practice::tr;
use crate::ui::labels;
use leptos::prelude::*;

/// The card of `role` in a scenario of the library.
#[component]
pub fn RoleCardView(scenario: Scenario, role: RoleKind, lang: Lang) -> impl IntoView {
    let card = scenario.role(role).cloned();
    let turns = if role == RoleKind::Observer {
        scenario
            .moments
            .iter()
            .map(|m| m.other.get(lang).to_string())
            .collect()
    } else {
        Vec::new()
    };
    view! {
        <RoleCardText
            title=scenario.title.get(lang).to_string()
            situation=scenario.situation.get(lang).to_string()
            role=role
            card=card
            lang=lang
            turns=turns
        />
    }
}

/// A card from its parts (also for a card that came whole in a link).
#[component]
pub fn RoleCardText(
    title: String,
    situation: String,
    role: RoleKind,
    card: Option<RoleCard>,
    lang: Lang,
    /// For the observer: the other person's lines, the turns to watch for.
    #[prop(optional)]
    turns: Vec<String>,
) -> impl IntoView {
    let t = tr(lang);
    let watch = (!turns.is_empty()).then(|| {
        view! {
            <h3>{t.watch_for}</h3>
            <ol class="watch-for">
                {turns.into_iter().map(|line| view! { <li class="user-text">{line}</li> }).collect_view()}
            </ol>
        }
    });
    view! {
        <article class="role-card" lang=lang.code() data-role=role.key()>
            <p class="kind">{t.your_role}": "{labels::role(role, lang)}</p>
            {card.map(|card| view! {
                <h2>{card.name.get(lang).to_string()}</h2>
                <p class="muted">{title}</p>
                <h3>{t.situation}</h3>
                <p class="user-text">{situation}</p>
                <h3>{t.briefing}</h3>
                <p class="user-text">{card.briefing.get(lang).to_string()}</p>
                {card.enters.map(|e| view! {
                    <h3>{t.enters}</h3>
                    <p class="user-text enters">{e.get(lang).to_string()}</p>
                })}
                {card.holding_back.map(|h| view! {
                    <h3>{t.holding_back}</h3>
                    <p class="user-text">{h.get(lang).to_string()}</p>
                })}
            })}
            {watch}
        </article>
    }
}
