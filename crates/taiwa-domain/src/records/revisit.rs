//! Coming back to a reframe later: a gentle queue, not a drill.
//!
//! A person may mark a reframe to look at again. It comes back after growing
//! intervals of [`STEPS`] days (1, 3, 7, 21): the first time on the day after
//! it was marked, the next time three days after that visit, and so on. After
//! the 21-day visit it leaves the queue. Un-marking takes it out at once. No
//! count of visits or of "success" is shown anywhere; the step is only a place
//! in the schedule.
//!
//! Days are the person's local calendar days: something marked in the evening
//! comes back from the next morning's midnight, not 24 hours later. The caller
//! passes the time (`now`, ms since the epoch) and the local offset from UTC
//! (`offset`, ms to add to UTC to get local time); nothing here reads a clock.

use crate::ground::lang::Text;
use crate::ground::stamp::Records;
use serde::{Deserialize, Serialize};

/// The intervals, in days, between one visit and the next.
pub const STEPS: [i64; 4] = [1, 3, 7, 21];
/// A day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// One reframe marked to come back to. Stored in `Document::revisit`, keyed by
/// the reframe's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisit {
    /// The starting phrase, as far as known in each language when marked, so the
    /// home page can show it without loading the content library.
    #[serde(default)]
    pub phrase: Text,
    /// When it was marked (ms).
    pub marked: i64,
    /// Index into [`STEPS`] of the interval that led to `due`.
    #[serde(default)]
    pub step: usize,
    /// From when it is shown again (ms; a local midnight).
    pub due: i64,
    /// Last change (ms).
    pub(crate) updated: i64,
    /// Un-marked, or its last visit is done. Kept as a tombstone so that the
    /// change reaches other tabs.
    #[serde(default)]
    pub(crate) deleted: bool,
}

crate::stamped!(Revisit);

/// The local midnight that starts the day `days` after the local day of `now`.
pub fn day_start_after(now: i64, offset: i64, days: i64) -> i64 {
    let local_day = (now + offset).div_euclid(DAY_MS);
    (local_day + days) * DAY_MS - offset
}

/// What a visit led to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// It comes back again from this time (ms).
    Again(i64),
    /// The last interval is done: it has left the queue.
    Finished,
    /// It was not due (or not marked): nothing changed.
    NotDue,
}

impl Revisit {
    /// Marked now: due from the start of tomorrow.
    pub fn new(phrase: Text, now: i64, offset: i64) -> Revisit {
        Revisit {
            phrase,
            marked: now,
            step: 0,
            due: day_start_after(now, offset, STEPS[0]),
            updated: now,
            deleted: false,
        }
    }

    /// Whether it is marked and its day has come.
    pub fn is_due(&self, now: i64) -> bool {
        !self.deleted && now >= self.due
    }

    /// The next interval after a visit `now`: when it comes back, or `None`
    /// when the last interval is done.
    fn after_visit(&self, now: i64, offset: i64) -> Option<(usize, i64)> {
        let step = self.step + 1;
        STEPS
            .get(step)
            .map(|&days| (step, day_start_after(now, offset, days)))
    }
}

/// Whether the reframe `id` is marked (and not finished or un-marked).
pub fn is_marked(map: &Records<Revisit>, id: &str) -> bool {
    map.contains(id)
}

/// Marks `id` to come back to. Marking something already marked changes
/// nothing (its schedule goes on); marking it again after it was un-marked or
/// finished starts afresh.
pub fn mark(map: &mut Records<Revisit>, id: &str, phrase: Text, now: i64, offset: i64) {
    if !is_marked(map, id) {
        map.put(id, Revisit::new(phrase, now, offset), now);
    }
}

/// Takes `id` out of the queue (kept as a tombstone).
pub fn unmark(map: &mut Records<Revisit>, id: &str, now: i64) {
    map.delete(id, now);
}

/// The person came back to `id`: if it is due, the next interval is
/// scheduled, or, after the last, it leaves the queue.
pub fn visit(map: &mut Records<Revisit>, id: &str, now: i64, offset: i64) -> After {
    let Some(r) = map.get(id).filter(|r| r.is_due(now)) else {
        return After::NotDue;
    };
    match r.after_visit(now, offset) {
        Some((step, due)) => {
            map.edit(id, now, |r| {
                r.step = step;
                r.due = due;
            });
            After::Again(due)
        }
        None => {
            map.delete(id, now);
            After::Finished
        }
    }
}

/// The ids due now, those due longest first (then by id).
pub fn due(map: &Records<Revisit>, now: i64) -> Vec<String> {
    let mut v: Vec<(&String, &Revisit)> = map.iter().filter(|(_, r)| r.is_due(now)).collect();
    v.sort_by(|a, b| a.1.due.cmp(&b.1.due).then(a.0.cmp(b.0)));
    v.into_iter().map(|(id, _)| id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JST: i64 = 9 * 3_600_000;
    /// 2025-06-02 00:00 in Tokyo.
    const MON: i64 = 1_748_790_000_000;
    const H: i64 = 3_600_000;

    fn phrase() -> Text {
        Text::new("また調子悪いの？", "Unwell again?")
    }

    #[test]
    fn days_are_local_calendar_days() {
        // 2025-06-02 00:00 JST is 2025-06-01 15:00 UTC.
        assert_eq!(MON % DAY_MS, 15 * H);
        assert_eq!(day_start_after(MON + 10 * H, JST, 0), MON);
        assert_eq!(day_start_after(MON + 23 * H, JST, 1), MON + DAY_MS);
        assert_eq!(day_start_after(MON, JST, 3), MON + 3 * DAY_MS);
        // Just before midnight still belongs to the day before.
        assert_eq!(day_start_after(MON - 1, JST, 1), MON);
        // UTC and a western offset.
        assert_eq!(day_start_after(DAY_MS + 5, 0, 1), 2 * DAY_MS);
        assert_eq!(day_start_after(-1, 0, 0), -DAY_MS);
        let ny = -4 * H;
        assert_eq!(day_start_after(DAY_MS + 3 * H, ny, 1), DAY_MS + 4 * H);
    }

    #[test]
    fn marking_makes_it_due_from_tomorrow() {
        let mut map = Records::default();
        let now = MON + 21 * H; // Monday evening
        mark(&mut map, "a", phrase(), now, JST);
        assert!(is_marked(&map, "a"));
        let r = &map.all()["a"];
        assert_eq!(r.due, MON + DAY_MS);
        assert_eq!(r.phrase, phrase());
        assert!(due(&map, now).is_empty());
        assert!(due(&map, MON + DAY_MS - 1).is_empty());
        assert_eq!(due(&map, MON + DAY_MS), vec!["a"]);
        // Still there days later, until visited.
        assert_eq!(due(&map, MON + 10 * DAY_MS), vec!["a"]);
    }

    #[test]
    fn marking_twice_keeps_the_schedule() {
        let mut map = Records::default();
        mark(&mut map, "a", phrase(), MON + H, JST);
        mark(&mut map, "a", phrase(), MON + 3 * DAY_MS, JST);
        assert_eq!(map.all()["a"].due, MON + DAY_MS);
        assert_eq!(map.all()["a"].marked, MON + H);
    }

    #[test]
    fn visits_grow_1_3_7_21_days_then_finish() {
        let mut map = Records::default();
        mark(&mut map, "a", phrase(), MON + 9 * H, JST);
        // Visit each time on the day it comes back, in the afternoon.
        let mut day = 1;
        for next in [3, 7, 21] {
            let now = MON + day * DAY_MS + 15 * H;
            assert_eq!(due(&map, now), vec!["a"], "day {day}");
            assert_eq!(
                visit(&mut map, "a", now, JST),
                After::Again(MON + (day + next) * DAY_MS)
            );
            assert!(due(&map, now).is_empty());
            assert!(due(&map, MON + (day + next) * DAY_MS - 1).is_empty());
            day += next;
        }
        assert_eq!(day, 32);
        let now = MON + day * DAY_MS + H;
        assert_eq!(due(&map, now), vec!["a"]);
        assert_eq!(visit(&mut map, "a", now, JST), After::Finished);
        assert!(!is_marked(&map, "a"));
        assert!(due(&map, now + 365 * DAY_MS).is_empty());
        // Kept as a tombstone, so other tabs learn it is done.
        assert!(map.all()["a"].deleted);
        assert_eq!(map.all()["a"].updated, now);
    }

    #[test]
    fn a_late_visit_counts_from_the_day_it_happens() {
        let mut map = Records::default();
        mark(&mut map, "a", phrase(), MON, JST);
        let late = MON + 10 * DAY_MS + 2 * H;
        assert_eq!(
            visit(&mut map, "a", late, JST),
            After::Again(MON + 13 * DAY_MS)
        );
    }

    #[test]
    fn a_visit_before_the_day_changes_nothing() {
        let mut map = Records::default();
        mark(&mut map, "a", phrase(), MON + H, JST);
        let before = map.clone();
        assert_eq!(visit(&mut map, "a", MON + 20 * H, JST), After::NotDue);
        assert_eq!(
            visit(&mut map, "missing", MON + 5 * DAY_MS, JST),
            After::NotDue
        );
        assert_eq!(map, before);
    }

    #[test]
    fn unmarking_takes_it_out_and_marking_again_starts_afresh() {
        let mut map = Records::default();
        mark(&mut map, "a", phrase(), MON, JST);
        visit(&mut map, "a", MON + DAY_MS, JST);
        unmark(&mut map, "a", MON + DAY_MS + H);
        assert!(!is_marked(&map, "a"));
        assert!(due(&map, MON + 100 * DAY_MS).is_empty());
        assert_eq!(visit(&mut map, "a", MON + 100 * DAY_MS, JST), After::NotDue);
        assert_eq!(map.all()["a"].updated, MON + DAY_MS + H);
        // Un-marking twice does not move the stamp.
        unmark(&mut map, "a", MON + 2 * DAY_MS);
        assert_eq!(map.all()["a"].updated, MON + DAY_MS + H);
        mark(&mut map, "a", phrase(), MON + 5 * DAY_MS, JST);
        assert!(is_marked(&map, "a"));
        assert_eq!(map.all()["a"].step, 0);
        assert_eq!(map.all()["a"].due, MON + 6 * DAY_MS);
    }

    #[test]
    fn due_items_come_oldest_first() {
        let mut map = Records::default();
        mark(&mut map, "b", phrase(), MON + 3 * DAY_MS, JST);
        mark(&mut map, "c", phrase(), MON, JST);
        mark(&mut map, "a", phrase(), MON, JST);
        mark(&mut map, "later", phrase(), MON + 9 * DAY_MS, JST);
        assert_eq!(due(&map, MON + 5 * DAY_MS), vec!["a", "c", "b"]);
    }
}
