//! A countdown for one step of a session: plain state, no clock of its own.
//!
//! The time is always passed in (milliseconds since the epoch), so the same
//! timer read after a reload, with the time of the reload, keeps counting: a
//! running timer remembers when it was started, not how many ticks it saw.

use serde::{Deserialize, Serialize};

const MINUTE: i64 = 60_000;

/// A countdown that can run, pause, be reset, and go into overtime.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Timer {
    /// How long the step is meant to take.
    pub duration_ms: i64,
    /// When it was last started, if it is running now.
    pub started_at: Option<i64>,
    /// Time counted before the last start (earlier runs, between pauses).
    pub elapsed_ms: i64,
}

impl Timer {
    /// A stopped timer of `minutes`.
    pub fn new(minutes: u32) -> Timer {
        Timer {
            duration_ms: i64::from(minutes) * MINUTE,
            started_at: None,
            elapsed_ms: 0,
        }
    }

    pub fn running(&self) -> bool {
        self.started_at.is_some()
    }

    /// Time counted so far. A clock that went backwards counts as no time.
    pub fn elapsed(&self, now: i64) -> i64 {
        let current = self.started_at.map(|s| (now - s).max(0)).unwrap_or(0);
        self.elapsed_ms + current
    }

    /// Time left; negative once the step runs over.
    pub fn remaining(&self, now: i64) -> i64 {
        self.duration_ms - self.elapsed(now)
    }

    pub fn start(&mut self, now: i64) {
        if self.started_at.is_none() {
            self.started_at = Some(now);
        }
    }

    pub fn pause(&mut self, now: i64) {
        if self.started_at.is_some() {
            self.elapsed_ms = self.elapsed(now);
            self.started_at = None;
        }
    }

    /// Starts a paused timer, pauses a running one.
    pub fn toggle(&mut self, now: i64) {
        if self.running() {
            self.pause(now)
        } else {
            self.start(now)
        }
    }

    /// Back to the full duration, stopped.
    pub fn reset(&mut self) {
        self.started_at = None;
        self.elapsed_ms = 0;
    }

    pub fn add_minute(&mut self) {
        self.duration_ms += MINUTE;
    }

    /// Takes a minute away, but never below one minute in all.
    pub fn remove_minute(&mut self) {
        self.duration_ms = (self.duration_ms - MINUTE).max(MINUTE);
    }
}

/// What the countdown shows: `mm:ss` while time is left, and `+mm:ss` once the
/// step runs over (counting up from zero, calmly).
pub fn clock(remaining_ms: i64) -> String {
    if remaining_ms > -1000 {
        // Round up while counting down, so 00:00 shows when the time is up.
        let secs = (remaining_ms.max(0) + 999) / 1000;
        format!("{:02}:{:02}", secs / 60, secs % 60)
    } else {
        let secs = -remaining_ms / 1000;
        format!("+{:02}:{:02}", secs / 60, secs % 60)
    }
}

/// Whether the countdown crossed zero between two readings: when a soft chime
/// (if turned on) should sound.
pub fn crossed_zero(before: i64, after: i64) -> bool {
    before > 0 && after <= 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_while_running_and_holds_while_paused() {
        let mut t = Timer::new(5);
        assert_eq!(t.remaining(1_000), 5 * MINUTE);
        t.start(1_000);
        assert!(t.running());
        assert_eq!(t.remaining(61_000), 4 * MINUTE);
        t.pause(61_000);
        assert!(!t.running());
        // Paused: time passing changes nothing.
        assert_eq!(t.remaining(999_000), 4 * MINUTE);
        t.start(1_000_000);
        assert_eq!(t.remaining(1_030_000), 4 * MINUTE - 30_000);
    }

    #[test]
    fn a_reload_keeps_counting_from_the_stored_state() {
        let mut t = Timer::new(10);
        t.start(0);
        let stored = serde_json::to_string(&t).unwrap();
        let back: Timer = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.remaining(90_000), 10 * MINUTE - 90_000);
    }

    #[test]
    fn overtime_is_negative_remaining_and_shows_calmly() {
        let mut t = Timer::new(1);
        t.start(0);
        assert_eq!(t.remaining(MINUTE + 83_000), -83_000);
        assert_eq!(clock(t.remaining(MINUTE + 83_000)), "+01:23");
        assert_eq!(clock(t.remaining(MINUTE)), "00:00");
        assert_eq!(clock(t.remaining(MINUTE + 500)), "00:00");
    }

    #[test]
    fn the_clock_rounds_up_while_counting_down() {
        assert_eq!(clock(5 * MINUTE), "05:00");
        assert_eq!(clock(59_001), "01:00");
        assert_eq!(clock(59_000), "00:59");
        assert_eq!(clock(1), "00:01");
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(100 * MINUTE), "100:00");
    }

    #[test]
    fn start_and_pause_twice_change_nothing_more() {
        let mut t = Timer::new(3);
        t.start(0);
        t.start(10_000);
        assert_eq!(t.remaining(20_000), 3 * MINUTE - 20_000);
        t.pause(20_000);
        t.pause(50_000);
        assert_eq!(t.remaining(90_000), 3 * MINUTE - 20_000);
        t.toggle(100_000);
        assert!(t.running());
        t.toggle(110_000);
        assert_eq!(t.remaining(200_000), 3 * MINUTE - 30_000);
    }

    #[test]
    fn reset_and_minutes() {
        let mut t = Timer::new(2);
        t.start(0);
        t.add_minute();
        assert_eq!(t.remaining(30_000), 3 * MINUTE - 30_000);
        t.remove_minute();
        t.remove_minute();
        t.remove_minute();
        assert_eq!(t.duration_ms, MINUTE, "never below one minute");
        t.reset();
        assert!(!t.running());
        assert_eq!(t.remaining(500_000), MINUTE);
    }

    #[test]
    fn a_clock_that_goes_backwards_counts_no_time() {
        let mut t = Timer::new(1);
        t.start(10_000);
        assert_eq!(t.remaining(5_000), MINUTE);
    }

    #[test]
    fn zero_is_crossed_once() {
        assert!(crossed_zero(1, 0));
        assert!(crossed_zero(500, -200));
        assert!(!crossed_zero(0, -1000));
        assert!(!crossed_zero(2000, 1000));
    }
}
