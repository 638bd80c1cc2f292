//! A prompt deck for rounds and group discussion: check-in, check-out, or
//! theme questions, each prompt with an optional one-word variant.

use super::vocab::DeckKind;
use crate::ground::lang::Text;
use serde::{Deserialize, Serialize};

/// One prompt of a deck, with a one-word variant for a quick round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
}

/// A deck of prompts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub id: String,
    pub kind: DeckKind,
    pub title: Text,
    pub prompt: Vec<Prompt>,
}
