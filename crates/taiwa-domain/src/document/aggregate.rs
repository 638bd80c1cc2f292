//! The document itself: every kind of record in its map, listed once in
//! [`Document::each_map`], and the operations that change records across
//! kinds.

use crate::content::{Deck, Reframe, Scenario};
use crate::ground::stamp::{Record, Records};
use crate::records::journal::{self, Entry};
use crate::records::own::{Own, OwnContent};
use crate::records::practice::SoloRun;
use crate::records::revisit::Revisit;
use crate::records::session::{Session, SessionPlan};
use crate::records::settings::Settings;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The name stamped on every document and backup.
pub const APP: &str = "taiwa";
/// The schema this version of the app writes.
///
/// 1: the first. 2: adds `own`, the user's own scenarios, reframes and decks.
/// 3: adds `care` (since when the data is kept, and the last backup), and, in
/// records, a solo run's order of responses and path, a reflection's path,
/// a plan step's facilitator notes and a plan's start.
pub const SCHEMA: u32 = 3;

/// How the data itself is looked after: since when it is kept and when it
/// was last backed up, for a gentle reminder (never a streak).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Care {
    /// Since when data is kept here (ms; 0: nothing yet): the first save, or
    /// for data from before schema 3, its oldest record.
    pub since: i64,
    /// When a backup was last downloaded (ms; 0: never).
    pub backed_up: i64,
    /// When the backup reminder was last put aside (ms; 0: never).
    pub reminder_dismissed: i64,
    pub(crate) updated: i64,
}

impl Care {
    /// Days of use without a backup before the app offers one (and days
    /// before it offers again once put aside).
    pub const REMIND_AFTER_DAYS: i64 = 30;

    /// Whether to offer a backup `now`: data kept for a while, no backup for
    /// as long, and the offer not put aside lately. Never more than a
    /// gentle offer: no count of days, no streak.
    pub fn reminds(&self, now: i64) -> bool {
        let after = Care::REMIND_AFTER_DAYS * 24 * 60 * 60 * 1000;
        self.since != 0
            && now - self.since >= after
            && now - self.backed_up >= after
            && now - self.reminder_dismissed >= after
    }
}

/// The whole of a user's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub app: String,
    pub schema: u32,
    pub(crate) settings: Settings,
    pub journal: Records<Entry>,
    /// Solo practices in progress, by scenario id.
    pub practice: Records<SoloRun>,
    /// Reframes marked to come back to, keyed by reframe id.
    pub revisit: Records<Revisit>,
    /// Study-group session plans, by id.
    pub plans: Records<SessionPlan>,
    /// Sessions as they ran (step, timer, harvest, report draft), by id.
    pub sessions: Records<Session>,
    /// Scenarios, reframes and decks the user wrote.
    pub own: OwnContent,
    pub(crate) care: Care,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            app: APP.to_string(),
            schema: SCHEMA,
            settings: Settings::default(),
            journal: Records::default(),
            practice: Records::default(),
            revisit: Records::default(),
            plans: Records::default(),
            sessions: Records::default(),
            own: OwnContent::default(),
            care: Care::default(),
        }
    }
}

/// A kind of record the document keeps: stamped, stored as JSON, and able to
/// say whether a record read from outside fits its place.
pub trait Kept: Record + Serialize + DeserializeOwned {
    /// Whether a record read under `key` is whole: its own id (if it has one)
    /// is the key, and its times are times.
    fn fits(&self, key: &str) -> bool {
        !key.is_empty() && (0..=MAX_TIME).contains(&self.updated())
    }
}

/// The latest time a record may carry (9999-12-31).
pub const MAX_TIME: i64 = 253_402_300_799_000;

impl Kept for Entry {
    fn fits(&self, key: &str) -> bool {
        self.id == key
            && (0..=MAX_TIME).contains(&self.created)
            && (0..=MAX_TIME).contains(&self.updated())
    }
}
impl Kept for SoloRun {}
impl Kept for Revisit {}
impl Kept for SessionPlan {
    fn fits(&self, key: &str) -> bool {
        self.id == key && (0..=MAX_TIME).contains(&self.updated())
    }
}
impl Kept for Session {
    fn fits(&self, key: &str) -> bool {
        self.id == key && (0..=MAX_TIME).contains(&self.updated())
    }
}
impl<T: Clone + Serialize + DeserializeOwned + crate::records::own::Authored> Kept for Own<T> {
    fn fits(&self, key: &str) -> bool {
        self.item.id() == key && (0..=MAX_TIME).contains(&self.updated())
    }
}

/// Something done to each pair of record maps of two documents, named as in
/// the stored JSON (`journal`, `own.scenarios`): see [`Document::each_map`].
pub trait EachMap {
    fn each<T: Kept>(&mut self, name: &'static str, mine: &mut Records<T>, theirs: &Records<T>);
}

impl Document {
    /// Runs `f` over each map of records here, paired with the same map of
    /// `other`. Every kind of record is listed here and only here.
    pub fn each_map(&mut self, other: &Document, f: &mut impl EachMap) {
        f.each("journal", &mut self.journal, &other.journal);
        f.each("practice", &mut self.practice, &other.practice);
        f.each("revisit", &mut self.revisit, &other.revisit);
        f.each("plans", &mut self.plans, &other.plans);
        f.each("sessions", &mut self.sessions, &other.sessions);
        f.each(
            "own.scenarios",
            &mut self.own.scenarios,
            &other.own.scenarios,
        );
        f.each("own.reframes", &mut self.own.reframes, &other.own.reframes);
        f.each("own.decks", &mut self.own.decks, &other.own.decks);
    }

    /// An empty document that looks as `settings` say (as never changed):
    /// what the app shows before the stored document is read.
    pub fn looking(settings: Settings) -> Document {
        Document {
            settings: Settings {
                updated: 0,
                ..settings
            },
            ..Document::default()
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Changes the settings, stamped `now`.
    pub fn edit_settings(&mut self, now: i64, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
        self.settings.updated = now;
    }

    pub fn care(&self) -> &Care {
        &self.care
    }

    /// Notes a backup downloaded `now`.
    pub fn backed_up(&mut self, now: i64) {
        self.care.backed_up = now;
        self.care.updated = now;
    }

    /// Puts the backup reminder aside, `now`.
    pub fn dismiss_reminder(&mut self, now: i64) {
        self.care.reminder_dismissed = now;
        self.care.updated = now;
    }

    /// Whether to offer a backup `now`: see [`Care::reminds`] (and only
    /// when something is kept that a backup would save).
    pub fn backup_due(&self, now: i64) -> bool {
        self.care.reminds(now) && self.counts().iter().any(|(_, n)| *n > 0)
    }

    /// Notes since when the app keeps data here (the first save).
    pub fn note_use(&mut self, now: i64) {
        if self.care.since == 0 {
            self.care.since = now;
            self.care.updated = now;
        }
    }

    /// The live journal entries, newest first.
    pub fn entries(&self) -> Vec<&Entry> {
        journal::newest_first(&self.journal)
    }

    /// Starts a solo practice of `scenario`, unless one is in progress;
    /// `seed` shuffles its responses. Returns whether a new run started.
    pub fn start_practice(&mut self, scenario: &Scenario, now: i64, seed: u64) -> bool {
        if self.practice.contains(&scenario.id) {
            return false;
        }
        self.practice
            .put(&scenario.id, SoloRun::new(scenario, now, seed), now);
        true
    }

    /// Starts the practice of `scenario` again, from the first moment.
    pub fn restart_practice(&mut self, scenario: &Scenario, now: i64, seed: u64) {
        self.practice
            .put(&scenario.id, SoloRun::new(scenario, now, seed), now);
    }

    /// Changes the solo run of `scenario`, fitted to it first.
    pub fn edit_practice(
        &mut self,
        scenario: &Scenario,
        now: i64,
        change: impl FnOnce(&mut SoloRun),
    ) -> bool {
        self.practice.edit(&scenario.id, now, |run| {
            run.fit(scenario);
            change(run);
        })
    }

    /// Saves a finished practice: the reflection goes to the journal, and the
    /// run is closed (a tombstone, so other tabs close it too). Returns the
    /// reflection's id.
    pub fn finish_practice(&mut self, scenario: &Scenario, now: i64) -> Option<String> {
        let mut run = self.practice.get(&scenario.id)?.clone();
        run.fit(scenario);
        let entry = run.reflection(scenario, now);
        let id = entry.id.clone();
        self.journal.put(&id, entry, now);
        self.practice.delete(&scenario.id, now);
        Some(id)
    }

    /// Starts a session of a live plan under `id`; returns whether it did.
    pub fn start_session(&mut self, plan: &str, id: &str, now: i64) -> bool {
        let Some(plan) = self.plans.get(plan) else {
            return false;
        };
        let session = Session::start(id.to_string(), plan, now);
        self.sessions.put(id, session, now);
        true
    }

    /// A new plan `id` for the next date, of the steps the session did not
    /// get to or left for next time (see [`Session::carry_over`]). Returns
    /// whether there was anything to carry.
    pub fn carry_over(&mut self, session: &str, id: &str, name: String, now: i64) -> bool {
        let Some(s) = self.sessions.get(session) else {
            return false;
        };
        let Some(plan) = self.plans.get(&s.plan) else {
            return false;
        };
        match s.carry_over(plan, id.to_string(), name, now) {
            Some(next) => {
                self.plans.put(id, next, now);
                true
            }
            None => false,
        }
    }

    /// Changes a live session, with its plan at hand (an empty plan when the
    /// plan was deleted), stamped `now`.
    pub fn edit_session(
        &mut self,
        id: &str,
        now: i64,
        change: impl FnOnce(&mut Session, &SessionPlan),
    ) -> bool {
        let Some(plan_id) = self.sessions.get(id).map(|s| s.plan.clone()) else {
            return false;
        };
        let empty = SessionPlan::default();
        let plan = self.plans.get(&plan_id).unwrap_or(&empty);
        self.sessions.edit(id, now, |s| change(s, plan))
    }

    /// Merges another copy into this one: per record, the newer change wins.
    pub fn merge(&mut self, other: &Document) {
        struct Merge;
        impl EachMap for Merge {
            fn each<T: Kept>(
                &mut self,
                _: &'static str,
                mine: &mut Records<T>,
                theirs: &Records<T>,
            ) {
                mine.merge(theirs);
            }
        }
        if other.settings.updated > self.settings.updated {
            self.settings = other.settings.clone();
        }
        if other.care.updated > self.care.updated {
            self.care = other.care.clone();
        }
        self.each_map(other, &mut Merge);
    }

    /// Merges a backup in: per record, the newer change wins, except that
    /// importing brings back what was deleted here (the person chose to
    /// import it; the record is stamped `now` so other tabs bring it back
    /// too).
    pub fn import(&mut self, backup: &Document, now: i64) {
        struct BringBack(i64);
        impl EachMap for BringBack {
            fn each<T: Kept>(
                &mut self,
                _: &'static str,
                mine: &mut Records<T>,
                theirs: &Records<T>,
            ) {
                for (id, t) in theirs.iter() {
                    match mine.all().get(id) {
                        Some(m) if m.deleted() => {
                            mine.put(id, t.clone(), self.0);
                        }
                        Some(m) if m.updated() >= t.updated() => {}
                        _ => {
                            mine.all_mut().insert(id.clone(), t.clone());
                        }
                    }
                }
            }
        }
        self.each_map(backup, &mut BringBack(now));
        if backup.settings.updated > self.settings.updated {
            self.settings = backup.settings.clone();
        }
    }

    /// Replaces the data with a backup's. The change is stamped `now` so that
    /// it wins in other open tabs too: records not in the backup become
    /// tombstones, the backup's records are written anew.
    pub fn replace(&mut self, backup: &Document, now: i64) {
        struct Replace(i64);
        impl EachMap for Replace {
            fn each<T: Kept>(
                &mut self,
                _: &'static str,
                mine: &mut Records<T>,
                theirs: &Records<T>,
            ) {
                for (id, t) in theirs.all() {
                    let mut t = t.clone();
                    t.set_stamp(crate::ground::stamp::Stamp {
                        updated: self.0.max(t.updated()),
                        deleted: t.deleted(),
                    });
                    mine.all_mut().insert(id.clone(), t);
                }
            }
        }
        self.delete_everything(now);
        self.each_map(backup, &mut Replace(now));
        self.settings = backup.settings.clone();
        self.settings.updated = now;
    }

    /// Deletes every record (as tombstones, so other tabs delete them too).
    pub fn delete_everything(&mut self, now: i64) {
        struct Delete(i64);
        impl EachMap for Delete {
            fn each<T: Kept>(&mut self, _: &'static str, mine: &mut Records<T>, _: &Records<T>) {
                let ids: Vec<String> = mine.iter().map(|(id, _)| id.clone()).collect();
                for id in ids {
                    mine.delete(&id, self.0);
                }
            }
        }
        self.each_map(&Document::default(), &mut Delete(now));
        self.care = Care {
            updated: now,
            ..Care::default()
        };
    }

    /// How many live records of each kind it holds, by the names of
    /// [`Document::each_map`].
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        struct Count(Vec<(&'static str, usize)>);
        impl EachMap for Count {
            fn each<T: Kept>(&mut self, name: &'static str, mine: &mut Records<T>, _: &Records<T>) {
                self.0.push((name, mine.len()));
            }
        }
        let mut c = Count(Vec::new());
        self.clone().each_map(&Document::default(), &mut c);
        c.0
    }

    /// The user's own decks and scenarios, for a plan's share code.
    pub fn own_deck(&self, id: &str) -> Option<&Own<Deck>> {
        self.own.decks.get(id)
    }
    pub fn own_scenario(&self, id: &str) -> Option<&Own<Scenario>> {
        self.own.scenarios.get(id)
    }
    pub fn own_reframe(&self, id: &str) -> Option<&Own<Reframe>> {
        self.own.reframes.get(id)
    }
}

/// Serialises a document for storage.
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap_or_else(|_| String::from("{}"))
}
