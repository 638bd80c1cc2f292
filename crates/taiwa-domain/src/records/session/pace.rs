//! Pacing: whether a session will end on time. The session knows its planned
//! start (the plan's start, else when it began), the minutes planned for each
//! step and the time really spent on each; from these and the clock it
//! projects the end. When the end runs past the planned end, the remaining
//! steps can be shortened in proportion, or a step left for next time.

use super::plan::SessionPlan;
use super::run::Session;

const MINUTE: i64 = 60_000;

/// A projected end this much past the planned end counts as running over.
pub const OVER_AFTER_MS: i64 = MINUTE;

/// One step, as the console's pacing table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepPace {
    pub index: usize,
    /// Minutes planned in this session (shortened, or as planned).
    pub planned: u32,
    /// Time spent so far; `None` if not reached.
    pub spent_ms: Option<i64>,
    /// On screen now.
    pub current: bool,
    /// Left for next time.
    pub later: bool,
}

/// How the session is going at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pace {
    pub steps: Vec<StepPace>,
    pub planned_start: i64,
    /// The planned start plus every step's minutes in the plan.
    pub planned_end: i64,
    /// Now, plus what is left of the step on screen, plus the steps still to
    /// come (those left for next time not counted).
    pub projected_end: i64,
}

impl Pace {
    /// How far the projected end is past the planned end (negative: early).
    pub fn over_ms(&self) -> i64 {
        self.projected_end - self.planned_end
    }

    pub fn running_over(&self) -> bool {
        self.over_ms() >= OVER_AFTER_MS
    }

    /// Minutes over, to the nearest minute (0 when on time).
    pub fn over_minutes(&self) -> u32 {
        if self.running_over() {
            (self.over_ms() + MINUTE / 2).div_euclid(MINUTE) as u32
        } else {
            0
        }
    }
}

/// The steps still to come after the one on screen: their places.
fn to_come(session: &Session, plan: &SessionPlan) -> Vec<usize> {
    let current = session.index(plan);
    (current + 1..plan.steps.len())
        .filter(|&i| !session.reached(plan, i) && !session.later.contains(&plan.steps[i].id))
        .collect()
}

/// The pace of `session` at `now`. `planned_start` is when the session was
/// planned to start (the caller reads the plan's local start time, or passes
/// the session's `started`).
pub fn pace(session: &Session, plan: &SessionPlan, planned_start: i64, now: i64) -> Pace {
    let current = session.index(plan);
    let steps: Vec<StepPace> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| StepPace {
            index: i,
            planned: session.minutes_of(step),
            spent_ms: session.spent_on(plan, i, now),
            current: i == current,
            later: session.later.contains(&step.id),
        })
        .collect();
    let planned_end = planned_start + i64::from(plan.total_minutes()) * MINUTE;
    let left_now = steps
        .get(current)
        .map(|s| (i64::from(s.planned) * MINUTE - s.spent_ms.unwrap_or(0)).max(0))
        .unwrap_or(0);
    let to_come: i64 = to_come(session, plan)
        .into_iter()
        .map(|i| i64::from(steps[i].planned) * MINUTE)
        .sum();
    Pace {
        steps,
        planned_start,
        planned_end,
        projected_end: now + left_now + to_come,
    }
}

/// Shortens the steps still to come, in proportion to their minutes, so the
/// session ends on time (none below one minute). Returns whether any changed.
pub fn shorten(session: &mut Session, plan: &SessionPlan, planned_start: i64, now: i64) -> bool {
    let over = pace(session, plan, planned_start, now).over_minutes();
    if over == 0 {
        return false;
    }
    let places = to_come(session, plan);
    let minutes: Vec<u32> = places
        .iter()
        .map(|&i| session.minutes_of(&plan.steps[i]))
        .collect();
    let shorter = in_proportion(&minutes, over);
    let mut changed = false;
    for (&i, (&before, &after)) in places.iter().zip(minutes.iter().zip(&shorter)) {
        if before != after {
            session.minutes.insert(plan.steps[i].id.clone(), after);
            changed = true;
        }
    }
    changed
}

/// `minutes` with `cut` minutes taken away in proportion (largest remainders
/// first), none below one minute.
pub fn in_proportion(minutes: &[u32], cut: u32) -> Vec<u32> {
    let total: u32 = minutes.iter().sum();
    let floor = minutes.len() as u32;
    let target = total.saturating_sub(cut).max(floor);
    if total == 0 || target >= total {
        return minutes.to_vec();
    }
    // Each step's share of the target, as a whole part and a remainder.
    let shares: Vec<(u32, u64)> = minutes
        .iter()
        .map(|&m| {
            let exact = u64::from(m) * u64::from(target);
            ((exact / u64::from(total)) as u32, exact % u64::from(total))
        })
        .collect();
    let mut out: Vec<u32> = shares.iter().map(|(w, _)| (*w).max(1)).collect();
    let mut order: Vec<usize> = (0..minutes.len()).collect();
    order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(a.cmp(&b)));
    let mut sum: u32 = out.iter().sum();
    // Hand out the minutes the whole parts left over, largest remainder first.
    for &i in &order {
        if sum >= target {
            break;
        }
        if out[i] < minutes[i] {
            out[i] += 1;
            sum += 1;
        }
    }
    // Take back any the one-minute floor added, from the longest.
    while sum > target {
        let Some(i) = (0..out.len())
            .filter(|&i| out[i] > 1)
            .max_by_key(|&i| (out[i], usize::MAX - i))
        else {
            break;
        };
        out[i] -= 1;
        sum -= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::session::plan::TEMPLATE;
    use crate::records::session::StepKind;

    fn plan() -> SessionPlan {
        SessionPlan::from_template("p".into(), "学習会".into(), 0, |_| {
            (String::new(), String::new())
        })
    }

    #[test]
    fn on_time_the_projected_end_is_the_planned_end() {
        let plan = plan();
        let s = Session::start("x".into(), &plan, 0);
        let p = pace(&s, &plan, 0, 0);
        assert_eq!(plan.total_minutes(), 90);
        assert_eq!(p.planned_end, 90 * MINUTE);
        assert_eq!(p.projected_end, 90 * MINUTE);
        assert!(!p.running_over());
        assert_eq!(p.steps[0].spent_ms, Some(0));
        assert_eq!(p.steps[1].spent_ms, None);
    }

    #[test]
    fn a_long_check_in_shows_as_a_late_end_and_the_real_minutes() {
        let plan = plan();
        let mut s = Session::start("x".into(), &plan, 0);
        // Welcome took 5 minutes, the check-in 25 instead of 15.
        s.next(&plan, 5 * MINUTE);
        s.next(&plan, 30 * MINUTE);
        let p = pace(&s, &plan, 0, 30 * MINUTE);
        assert_eq!(p.steps[1].spent_ms, Some(25 * MINUTE));
        assert_eq!(p.over_ms(), 10 * MINUTE);
        assert_eq!(p.over_minutes(), 10);
        // A few seconds more are still "about ten minutes".
        assert_eq!(pace(&s, &plan, 0, 30 * MINUTE + 20_000).over_minutes(), 10);
        assert!(
            !pace(&s, &plan, 0, 20 * MINUTE + 59_000).running_over(),
            "under a minute: on time"
        );
        // Lingering on the theme past its 10 minutes pushes the end on.
        let p = pace(&s, &plan, 0, 45 * MINUTE);
        assert_eq!(p.over_minutes(), 15);
        // A planned start later than the real one gives back time.
        assert_eq!(pace(&s, &plan, 10 * MINUTE, 30 * MINUTE).over_ms(), 0);
    }

    #[test]
    fn shortening_takes_the_overrun_from_the_steps_to_come_in_proportion() {
        let plan = plan();
        let mut s = Session::start("x".into(), &plan, 0);
        s.next(&plan, 5 * MINUTE);
        s.next(&plan, 30 * MINUTE); // 10 minutes over
        assert!(shorten(&mut s, &plan, 0, 30 * MINUTE));
        let after = pace(&s, &plan, 0, 30 * MINUTE);
        assert!(!after.running_over(), "{:?}", after.over_ms());
        assert_eq!(after.over_ms(), 0);
        // The step on screen keeps its minutes; the four to come share the cut.
        assert_eq!(after.steps[2].planned, 10);
        let to_come: Vec<u32> = after.steps[3..].iter().map(|s| s.planned).collect();
        assert_eq!(
            to_come.iter().sum::<u32>(),
            50,
            "60 minutes to come, 10 over"
        );
        assert!(to_come.iter().zip(&TEMPLATE[3..]).all(|(a, (_, b))| a <= b));
        // Small groups (25) loses more than the close (5).
        assert!(25 - to_come[0] > 5 - to_come[3]);
        // A shortened step's timer starts with its new minutes.
        s.next(&plan, 40 * MINUTE);
        assert_eq!(s.timer.duration_ms, i64::from(to_come[0]) * MINUTE);
        assert_eq!(
            plan.steps[3].minutes, 25,
            "the plan itself keeps its minutes"
        );
        // On time: nothing to shorten.
        assert!(!shorten(&mut s, &plan, 0, 40 * MINUTE));
    }

    #[test]
    fn a_step_left_for_next_time_is_passed_over_and_gives_its_time_back() {
        let plan = plan();
        let mut s = Session::start("x".into(), &plan, 0);
        s.next(&plan, 5 * MINUTE);
        s.next(&plan, 30 * MINUTE); // 10 over
        let small = plan.steps[3].id.clone();
        assert!(s.toggle_later(&small));
        let p = pace(&s, &plan, 0, 30 * MINUTE);
        assert_eq!(p.over_ms(), -15 * MINUTE, "25 minutes back");
        s.next(&plan, 40 * MINUTE);
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::WholeGroup);
        assert!(!s.toggle_later(&small), "and the mark can be taken away");
    }

    #[test]
    fn in_proportion_keeps_a_minute_each_and_hits_the_target() {
        assert_eq!(in_proportion(&[25, 20, 10, 5], 12), vec![20, 16, 8, 4]);
        assert_eq!(in_proportion(&[10, 10], 0), vec![10, 10]);
        assert_eq!(in_proportion(&[3, 2, 1], 100), vec![1, 1, 1]);
        assert_eq!(in_proportion(&[], 5), Vec::<u32>::new());
        for cut in 0..70 {
            let out = in_proportion(&[25, 20, 10, 5, 3, 1], cut);
            let sum: u32 = out.iter().sum();
            assert_eq!(
                sum,
                (64u32.saturating_sub(cut)).max(6),
                "cut {cut}: {out:?}"
            );
            assert!(out.iter().all(|&m| m >= 1));
        }
        // One long step among many short ones.
        let out = in_proportion(&[100, 1, 1, 1, 1, 1, 1, 1], 100);
        assert_eq!(out.iter().sum::<u32>(), 8);
    }
}
