//! The library's shape at a glance: the counts a content author (and the
//! native tests) look at to see whether the library is varied where life is
//! varied. `make check-content` prints them.

use super::library::Library;
use super::vocab::{Lean, Shift, Task};
use std::collections::BTreeMap;
use std::fmt;

/// Counts over the whole library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub scenarios: usize,
    /// Scenarios by how many moments they have.
    pub by_moments: BTreeMap<usize, usize>,
    /// Scenarios where some choice leads to a different turn.
    pub branching: usize,
    /// Scenarios that name moving towards among their tasks.
    pub moving_towards_task: usize,
    pub heavy: usize,
    pub heavy_with_note: usize,
    pub moments: usize,
    /// Moments with a response that leans both toward and away.
    pub mixed_moments: usize,
    /// Moments with a reply that leans only toward, and nothing away: a clean
    /// "good" reply. Not every moment should have one.
    pub clean_reply: usize,
    /// Moments with one reply that leans only toward and every other only
    /// away: one good reply and bad ones, the shape the writing avoids most.
    pub one_good_rest_bad: usize,
    pub responses: usize,
    pub with_reaction: usize,
    /// Responses leaning toward each task or principle.
    pub toward: BTreeMap<&'static str, usize>,
    pub away: BTreeMap<&'static str, usize>,
    /// Notes (on responses) that open their second thought with 「ただ、」.
    pub notes_on_tada: usize,
    /// Model lines (responses, reframe examples, lens suggestions, concept
    /// questions) that say あなた, and notes that say 彼 or 彼女.
    pub anata_in_model_lines: Vec<String>,
    pub kare_in_notes: Vec<String>,
    pub settings: BTreeMap<&'static str, usize>,
    pub reframes: BTreeMap<&'static str, usize>,
    pub decks: BTreeMap<String, usize>,
    pub concepts: usize,
    pub lens_rules: usize,
}

impl Shape {
    pub fn of(lib: &Library) -> Shape {
        let mut s = Shape {
            scenarios: lib.scenarios.len(),
            concepts: lib.concepts.len(),
            lens_rules: lib.lens.len(),
            ..Shape::default()
        };
        for lean in Lean::ALL {
            s.toward.insert(lean.key(), 0);
            s.away.insert(lean.key(), 0);
        }
        for sc in &lib.scenarios {
            *s.by_moments.entry(sc.moments.len()).or_default() += 1;
            *s.settings.entry(sc.setting.key()).or_default() += 1;
            s.branching += usize::from(sc.branches());
            s.moving_towards_task += usize::from(sc.tasks.contains(&Task::MovingTowards));
            if sc.is_heavy() {
                s.heavy += 1;
                s.heavy_with_note += usize::from(sc.content_note.is_some());
            }
            for (i, m) in sc.moments.iter().enumerate() {
                s.moments += 1;
                s.mixed_moments += usize::from(m.responses.iter().any(|r| r.is_mixed()));
                let only_toward = m
                    .responses
                    .iter()
                    .filter(|r| !r.toward.is_empty() && r.away.is_empty())
                    .count();
                let only_away = m
                    .responses
                    .iter()
                    .filter(|r| r.toward.is_empty() && !r.away.is_empty())
                    .count();
                s.clean_reply += usize::from(only_toward > 0);
                s.one_good_rest_bad +=
                    usize::from(only_toward == 1 && only_away + 1 == m.responses.len());
                for (j, r) in m.responses.iter().enumerate() {
                    s.responses += 1;
                    s.with_reaction += usize::from(r.reaction.is_some());
                    for l in &r.toward {
                        *s.toward.entry(l.key()).or_default() += 1;
                    }
                    for l in &r.away {
                        *s.away.entry(l.key()).or_default() += 1;
                    }
                    let at = format!("{}: moments[{i}].responses[{j}]", sc.id);
                    if r.note.ja.contains("ただ、") {
                        s.notes_on_tada += 1;
                    }
                    if r.text.ja.contains("あなた") {
                        s.anata_in_model_lines.push(format!("{at}.text"));
                    }
                    if ["彼", "彼女"].iter().any(|w| r.note.ja.contains(w)) {
                        s.kare_in_notes.push(format!("{at}.note"));
                    }
                }
            }
        }
        for shift in Shift::ALL {
            s.reframes.insert(shift.key(), 0);
        }
        for r in &lib.reframes {
            *s.reframes.entry(r.shift.key()).or_default() += 1;
            for (i, e) in r.examples.iter().enumerate() {
                if e.ja.contains("あなた") {
                    s.anata_in_model_lines
                        .push(format!("reframe {}: examples[{i}]", r.id));
                }
            }
        }
        for d in &lib.decks {
            s.decks.insert(d.id.clone(), d.prompt.len());
        }
        for c in &lib.concepts {
            if c.question.ja.contains("あなた") {
                s.anata_in_model_lines
                    .push(format!("concept {}: question", c.id));
            }
        }
        for rule in &lib.lens {
            if rule.consider.ja.contains("あなた") {
                s.anata_in_model_lines
                    .push(format!("lens {}: consider", rule.id));
            }
        }
        s
    }

    /// Scenarios with other than four moments.
    pub fn not_four(&self) -> usize {
        self.by_moments
            .iter()
            .filter(|(n, _)| **n != 4)
            .map(|(_, c)| c)
            .sum()
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".into();
    }
    format!("{:.0}%", part as f64 * 100.0 / whole as f64)
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |m: &BTreeMap<&'static str, usize>| {
            m.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(f, "scenarios: {}", self.scenarios)?;
        writeln!(
            f,
            "  by moments: {}",
            self.by_moments
                .iter()
                .map(|(n, c)| format!("{n} moments × {c}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(f, "  other than 4 moments: {}", self.not_four())?;
        writeln!(f, "  branching: {}", self.branching)?;
        writeln!(
            f,
            "  moving towards as a task: {}",
            self.moving_towards_task
        )?;
        writeln!(
            f,
            "  heavy: {} (with a content note: {})",
            self.heavy, self.heavy_with_note
        )?;
        writeln!(f, "  settings: {}", list(&self.settings))?;
        writeln!(
            f,
            "moments: {} (with a reply that leans both ways: {}, {})",
            self.moments,
            self.mixed_moments,
            percent(self.mixed_moments, self.moments),
        )?;
        writeln!(
            f,
            "  with a reply that leans only toward: {} ({}); one such reply and the rest only away: {}",
            self.clean_reply,
            percent(self.clean_reply, self.moments),
            self.one_good_rest_bad
        )?;
        writeln!(
            f,
            "responses: {} (with a reaction: {})",
            self.responses, self.with_reaction
        )?;
        writeln!(f, "  toward: {}", list(&self.toward))?;
        writeln!(f, "  away: {}", list(&self.away))?;
        writeln!(f, "  notes that turn on 「ただ、」: {}", self.notes_on_tada)?;
        writeln!(
            f,
            "  あなた in model lines: {}; 彼/彼女 in notes: {}",
            self.anata_in_model_lines.len(),
            self.kare_in_notes.len()
        )?;
        for at in self.anata_in_model_lines.iter().chain(&self.kare_in_notes) {
            writeln!(f, "    {at}")?;
        }
        writeln!(f, "reframes: {}", list(&self.reframes))?;
        writeln!(
            f,
            "decks: {}",
            self.decks
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
        writeln!(f, "concepts: {}", self.concepts)?;
        write!(f, "lens rules: {}", self.lens_rules)
    }
}
