//! The arc of a scenario's conversation: which moment follows which.
//!
//! The conversation starts at the first moment. After a moment, the response
//! the person found closest to what they said leads on: to the moment its
//! `next` names, or else to the moment's own `next`, or else to the next
//! moment in the file (the end after the last). "None of these" follows the
//! moment's own way. So different choices can lead to different turns, and a
//! scenario without any `next` is one line from first to last.
//!
//! The check proves that every `next` names a moment, that every moment can be
//! reached, and that no path comes back on itself: so every path ends.

use super::scenario::Scenario;
use crate::ground::check::{usable_id, Checker, FieldPath, Reason};

/// The `next` that ends the conversation.
pub const END: &str = "end";

impl Scenario {
    /// The place of the moment with this id.
    pub fn moment_index(&self, id: &str) -> Option<usize> {
        self.moments
            .iter()
            .position(|m| m.id.as_deref() == Some(id))
    }

    /// Where a `next` leads from moment `from`: a moment, or `None` for the
    /// end. A `next` that names nothing (refused by the check, possible in a
    /// changed draft) ends the conversation.
    fn follow(&self, from: usize, next: Option<&str>) -> Option<usize> {
        match next {
            Some(END) => None,
            Some(id) => self.moment_index(id),
            None => self
                .moments
                .get(from)
                .and_then(|m| m.next.as_deref())
                .map_or_else(
                    || Some(from + 1).filter(|i| *i < self.moments.len()),
                    |id| self.follow(from, Some(id)),
                ),
        }
    }

    /// The moment after moment `from`, when the response `chosen` was the
    /// closest (or `None`: none of them was); `None` at the end.
    pub fn after(&self, from: usize, chosen: Option<usize>) -> Option<usize> {
        let next = chosen
            .and_then(|r| self.moments.get(from)?.responses.get(r))
            .and_then(|r| r.next.as_deref());
        self.follow(from, next)
    }

    /// Every moment that can follow moment `from`, each once, in order.
    pub fn successors(&self, from: usize) -> Vec<Option<usize>> {
        let mut out = vec![self.after(from, None)];
        if let Some(m) = self.moments.get(from) {
            for r in 0..m.responses.len() {
                let next = self.after(from, Some(r));
                if !out.contains(&next) {
                    out.push(next);
                }
            }
        }
        out
    }

    /// Whether some choice leads to a different turn than another.
    pub fn branches(&self) -> bool {
        (0..self.moments.len()).any(|i| self.successors(i).len() > 1)
    }

    /// Every path from the first moment to the end, as moment places (for a
    /// scenario that passes the check: no loops).
    pub fn paths(&self) -> Vec<Vec<usize>> {
        fn walk(s: &Scenario, at: usize, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
            if path.contains(&at) || path.len() > s.moments.len() {
                return; // a loop: the check refuses it
            }
            path.push(at);
            for next in s.successors(at) {
                match next {
                    Some(n) => walk(s, n, path, out),
                    None => out.push(path.clone()),
                }
            }
            path.pop();
        }
        let mut out = Vec::new();
        if !self.moments.is_empty() {
            walk(self, 0, &mut Vec::new(), &mut out);
        }
        out
    }
}

/// The arc's problems: ids, `next`s that name nothing, moments no path
/// reaches, paths that come back on themselves.
pub fn check(s: &Scenario, c: &mut Checker) {
    let moments = FieldPath::of("moments");
    let mut seen: Vec<&str> = Vec::new();
    for (i, m) in s.moments.iter().enumerate() {
        let Some(id) = m.id.as_deref() else { continue };
        let at = moments.at(i).field("id");
        if !usable_id(id) || id == END {
            c.fail(
                    at.clone(),
                    Reason::BadId,
                    format!("\"{id}\" is not a usable moment id: use lower-case letters, digits and hyphens (not \"{END}\")"),
                );
        }
        if seen.contains(&id) {
            c.fail(
                at,
                Reason::DuplicateId,
                format!("\"{id}\" names two moments"),
            );
        }
        seen.push(id);
    }
    let mut broken = false;
    for (i, m) in s.moments.iter().enumerate() {
        let nexts = std::iter::once((moments.at(i).field("next"), m.next.as_deref())).chain(
            m.responses.iter().enumerate().map(|(j, r)| {
                (
                    moments.at(i).field("responses").at(j).field("next"),
                    r.next.as_deref(),
                )
            }),
        );
        for (at, next) in nexts {
            if let Some(id) = next.filter(|n| *n != END && s.moment_index(n).is_none()) {
                broken = true;
                c.fail(
                    at,
                    Reason::UnknownNext,
                    format!("\"{id}\" is not the id of a moment in this scenario (or \"{END}\")"),
                );
            }
        }
    }
    if broken || s.moments.is_empty() {
        return;
    }
    // Depth-first from the first moment: a moment met again on the way
    // down is a loop; a moment never met cannot be reached.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    fn visit(s: &Scenario, at: usize, marks: &mut [Mark], loops: &mut Vec<usize>) {
        marks[at] = Mark::OnPath;
        for next in s.successors(at).into_iter().flatten() {
            match marks[next] {
                Mark::New => visit(s, next, marks, loops),
                Mark::OnPath if !loops.contains(&next) => loops.push(next),
                _ => {}
            }
        }
        marks[at] = Mark::Done;
    }
    let mut marks = vec![Mark::New; s.moments.len()];
    let mut loops = Vec::new();
    visit(s, 0, &mut marks, &mut loops);
    for i in loops {
        c.fail(
            moments.at(i),
            Reason::Loop,
            "a path through the conversation comes back to this moment: every path must end",
        );
    }
    for (i, mark) in marks.iter().enumerate() {
        if *mark == Mark::New {
            c.fail(
                moments.at(i),
                Reason::Unreachable,
                "no path through the conversation reaches this moment",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scenario::{Moment, Response};
    use super::super::vocab::Lean;
    use super::*;
    use crate::ground::check::ContentError;
    use crate::ground::lang::Text;

    fn moment(id: Option<&str>, next: Option<&str>, responses: &[Option<&str>]) -> Moment {
        Moment {
            id: id.map(str::to_string),
            other: Text::new("あ", "a"),
            next: next.map(str::to_string),
            responses: responses
                .iter()
                .map(|n| Response {
                    text: Text::new("い", "i"),
                    toward: vec![Lean::Connection],
                    away: vec![],
                    note: Text::new("う", "u"),
                    reaction: None,
                    next: n.map(str::to_string),
                })
                .collect(),
        }
    }

    fn scenario(moments: Vec<Moment>) -> Scenario {
        let mut s: Scenario = serde_json::from_str(
            r#"{"id":"s","minutes":10,"setting":"ward","tasks":["connection"],"principles":["hope"],
            "title":{"ja":"t","en":"t"},"situation":{"ja":"t","en":"t"},"opening":{"ja":"t","en":"t"},
            "roles":[],"moments":[],"debrief":{"connection":{"ja":"t","en":"t"},"worldview":{"ja":"t","en":"t"},
            "mutuality":{"ja":"t","en":"t"},"moving_towards":{"ja":"t","en":"t"}}}"#,
        )
        .unwrap();
        s.moments = moments;
        s
    }

    fn arc(s: &Scenario) -> Vec<(String, Reason)> {
        let mut c = Checker::new("s.toml");
        check(s, &mut c);
        c.errors
            .into_iter()
            .map(|e: ContentError| (e.field.to_string(), e.reason))
            .collect()
    }

    /// m0 branches to a or b; both come together again at m3.
    fn branching() -> Scenario {
        scenario(vec![
            moment(None, None, &[Some("a"), Some("b"), None]),
            moment(Some("a"), Some("m3"), &[None, None]),
            moment(Some("b"), Some("m3"), &[None, Some(END)]),
            moment(Some("m3"), None, &[None, None]),
        ])
    }

    #[test]
    fn a_linear_scenario_runs_first_to_last() {
        let s = scenario(vec![
            moment(None, None, &[None, None]),
            moment(None, None, &[None, None]),
            moment(None, None, &[None, None]),
        ]);
        assert_eq!(s.after(0, Some(1)), Some(1));
        assert_eq!(s.after(2, None), None);
        assert!(!s.branches());
        assert_eq!(s.paths(), vec![vec![0, 1, 2]]);
        assert!(arc(&s).is_empty());
    }

    #[test]
    fn the_chosen_response_leads_to_its_turn() {
        let s = branching();
        assert_eq!(s.after(0, Some(0)), Some(1));
        assert_eq!(s.after(0, Some(1)), Some(2));
        assert_eq!(s.after(0, None), Some(1), "none of these: the file's way");
        assert_eq!(s.after(1, Some(0)), Some(3), "the moment's own next");
        assert_eq!(s.after(2, Some(1)), None, "a response may end it");
        assert!(s.branches());
        assert_eq!(
            s.paths(),
            vec![vec![0, 1, 3], vec![0, 2, 3], vec![0, 2]],
            "every path ends"
        );
        assert!(arc(&s).is_empty(), "{:?}", arc(&s));
    }

    #[test]
    fn a_next_that_names_nothing_is_refused() {
        let mut s = branching();
        s.moments[0].responses[1].next = Some("nowhere".into());
        assert_eq!(
            arc(&s),
            [(
                "moments[0].responses[1].next".to_string(),
                Reason::UnknownNext
            )]
        );
    }

    #[test]
    fn a_moment_no_path_reaches_is_refused() {
        let mut s = branching();
        s.moments[0].responses[1].next = Some("a".into());
        assert_eq!(arc(&s), [("moments[2]".to_string(), Reason::Unreachable)]);
    }

    #[test]
    fn a_path_that_comes_back_is_refused() {
        let mut s = branching();
        s.moments[0].id = Some("start".into());
        s.moments[3].responses[1].next = Some("start".into());
        assert_eq!(arc(&s), [("moments[0]".to_string(), Reason::Loop)]);
        let mut own = branching();
        own.moments[1].next = Some("a".into());
        assert_eq!(arc(&own), [("moments[1]".to_string(), Reason::Loop)]);
    }

    #[test]
    fn moment_ids_are_usable_and_unique() {
        let mut s = branching();
        s.moments[3].id = Some("a".into());
        s.moments[0].id = Some(END.into());
        let got = arc(&s);
        assert!(
            got.contains(&("moments[0].id".to_string(), Reason::BadId)),
            "{got:?}"
        );
        assert!(
            got.contains(&("moments[3].id".to_string(), Reason::DuplicateId)),
            "{got:?}"
        );
    }
}
