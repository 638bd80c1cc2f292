//! A concept page: a principle, a task or a key idea, explained in a few
//! lines, with one question to reflect on.

use super::vocab::ConceptKind;
use crate::ground::lang::Text;
use serde::{Deserialize, Serialize};

/// A concept page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub kind: ConceptKind,
    pub title: Text,
    pub body: Text,
    pub question: Text,
}

/// Every concept the app links to must exist.
pub const REQUIRED: [&str; 19] = [
    "learning",
    "relationship",
    "hope",
    "connection",
    "worldview",
    "mutuality",
    "moving_towards",
    "what-happened",
    "language",
    "disconnection",
    "shared-risk",
    "power",
    "neither-right-nor-wrong",
    "pass-is-ok",
    "self-disclosure",
    "boundaries",
    "trauma-informed-language",
    "co-reflection",
    "social-change",
];
