//! A reframing exercise: a starting phrase (a question, a line from a case
//! note, an inner thought, something heard at work), two or three other ways
//! to say it, and one line on what changes.

use super::vocab::{Shift, Source};
use crate::ground::lang::Text;
use serde::{Deserialize, Serialize};

/// A reframing exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reframe {
    pub id: String,
    pub shift: Shift,
    pub source: Source,
    pub phrase: Text,
    pub examples: Vec<Text>,
    pub note: Text,
}
