//! Blank items for the in-app editors, and the small list moves they make.

use crate::content::{
    Debrief, Deck, DeckKind, Moment, Prompt, Reframe, Response, RoleCard, RoleKind, Scenario,
    Setting, Shift, Source,
};
use crate::ground::lang::Text;

/// A new, empty reframe to write into.
pub fn blank_reframe(id: String) -> Reframe {
    Reframe {
        id,
        shift: Shift::Curiosity,
        source: Source::Question,
        phrase: Text::default(),
        examples: vec![Text::default(), Text::default()],
        note: Text::default(),
    }
}

/// A new deck with one empty prompt.
pub fn blank_deck(id: String) -> Deck {
    Deck {
        id,
        kind: DeckKind::CheckIn,
        title: Text::default(),
        prompt: vec![blank_prompt(&[])],
    }
}

/// An empty prompt with an id no other prompt of the deck has.
pub fn blank_prompt(others: &[Prompt]) -> Prompt {
    let next = (1..)
        .map(|n| format!("p{n}"))
        .find(|id| others.iter().all(|p| &p.id != id))
        .unwrap_or_default();
    Prompt {
        id: next,
        text: Text::default(),
        short: None,
    }
}

/// An empty response.
pub fn blank_response() -> Response {
    Response {
        text: Text::default(),
        toward: Vec::new(),
        away: Vec::new(),
        note: Text::default(),
        reaction: None,
        next: None,
    }
}

/// An empty moment with two empty responses.
pub fn blank_moment() -> Moment {
    Moment {
        id: None,
        other: Text::default(),
        responses: vec![blank_response(), blank_response()],
        next: None,
    }
}

/// An empty role card of a kind (the observer holds nothing back).
pub fn blank_role(kind: RoleKind) -> RoleCard {
    RoleCard {
        kind,
        name: Text::default(),
        briefing: Text::default(),
        holding_back: (kind != RoleKind::Observer).then(Text::default),
        enters: None,
    }
}

/// A new scenario: the three roles every scenario has, three moments of two
/// responses, and empty debrief questions.
pub fn blank_scenario(id: String) -> Scenario {
    Scenario {
        id,
        minutes: 15,
        setting: Setting::SupportCentre,
        tasks: Vec::new(),
        principles: Vec::new(),
        heavy: Vec::new(),
        content_note: None,
        title: Text::default(),
        situation: Text::default(),
        opening: Text::default(),
        roles: vec![
            blank_role(RoleKind::Supporter),
            blank_role(RoleKind::Person),
            blank_role(RoleKind::Observer),
        ],
        moments: vec![blank_moment(), blank_moment(), blank_moment()],
        debrief: Debrief {
            connection: Text::default(),
            worldview: Text::default(),
            mutuality: Text::default(),
            moving_towards: Text::default(),
        },
    }
}

/// Moves item `i` of a list one place up (`up`) or down; out of range does
/// nothing.
pub fn shift_item<T>(items: &mut [T], i: usize, up: bool) {
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < items.len() && i < items.len()) {
        items.swap(i, j);
    }
}

/// Toggles `x` in a set kept as a list (in the order chosen).
pub fn toggle<T: PartialEq>(items: &mut Vec<T>, x: T, on: bool) {
    let has = items.contains(&x);
    if on && !has {
        items.push(x);
    } else if !on && has {
        items.retain(|y| *y != x);
    }
}
