//! How well the lens hears everyday speech, measured on sentences written
//! apart from its rules (a held-out set, never used to write them): how many
//! of the sentences a careful reader would mark it marks with a fitting kind
//! (recall), and how many kind, plain sentences it marks at all (false
//! alarms).

use super::{Lens, LensKind};
use crate::ground::lang::Lang;
use serde::Deserialize;

/// One sentence of the held-out set.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    pub text: String,
    pub lang: Lang,
    /// What a careful reader would mark it as; empty: it should stay
    /// unmarked.
    #[serde(default)]
    pub kinds: Vec<LensKind>,
}

/// The held-out set, as written in its TOML file (`[[sentence]]`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldOut {
    pub sentence: Vec<Sentence>,
}

/// The measure in one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measure {
    /// Sentences that should be marked, and how many were, with a fitting kind.
    pub to_mark: usize,
    pub marked: usize,
    /// Sentences that should stay unmarked, and how many were marked anyway.
    pub plain: usize,
    pub false_alarms: usize,
    /// What was missed or wrongly marked, for whoever improves the rules.
    pub misses: Vec<String>,
    pub alarms: Vec<String>,
}

impl Measure {
    pub fn recall(&self) -> f64 {
        if self.to_mark == 0 {
            return 1.0;
        }
        self.marked as f64 / self.to_mark as f64
    }

    pub fn false_alarm_rate(&self) -> f64 {
        if self.plain == 0 {
            return 0.0;
        }
        self.false_alarms as f64 / self.plain as f64
    }
}

/// Measures `lens` on the sentences of one language.
pub fn measure(lens: &Lens, set: &HeldOut, lang: Lang) -> Measure {
    let mut m = Measure::default();
    for s in set.sentence.iter().filter(|s| s.lang == lang) {
        let found = lens.scan(&s.text);
        if s.kinds.is_empty() {
            m.plain += 1;
            if !found.is_empty() {
                m.false_alarms += 1;
                let kinds: Vec<&str> = found.iter().map(|f| f.kind.key()).collect();
                m.alarms.push(format!("{} ({})", s.text, kinds.join(", ")));
            }
        } else {
            m.to_mark += 1;
            if found.iter().any(|f| s.kinds.contains(&f.kind)) {
                m.marked += 1;
            } else {
                let want: Vec<&str> = s.kinds.iter().map(|k| k.key()).collect();
                m.misses
                    .push(format!("{} (wanted {})", s.text, want.join(" or ")));
            }
        }
    }
    m
}
