//! Role-play practice: the scenario library's filters, and practising a
//! scenario alone as a small state machine that can be saved half way and
//! resumed after a reload.

use super::content::{Library, Principle, RoleKind, Scenario, Setting, Task};
use super::document::{Document, Entry, EntryBody};
use super::lang::Lang;
use super::lens::normalise;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Filters for the scenario library. `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    pub task: Option<Task>,
    pub principle: Option<Principle>,
    pub setting: Option<Setting>,
}

fn folded(text: &str) -> String {
    normalise(text).chars.into_iter().collect()
}

/// The scenarios that match a filter, searching the current language's title
/// and situation (kana, width and case do not matter).
pub fn filter<'a>(lib: &'a Library, lang: Lang, f: &Filter) -> Vec<&'a Scenario> {
    let words: Vec<String> = f.query.split_whitespace().map(folded).collect();
    lib.scenarios
        .iter()
        .filter(|s| f.task.is_none_or(|t| s.tasks.contains(&t)))
        .filter(|s| f.principle.is_none_or(|p| s.principles.contains(&p)))
        .filter(|s| f.setting.is_none_or(|x| s.setting == x))
        .filter(|s| {
            let hay = folded(&format!("{}\n{}", s.title.get(lang), s.situation.get(lang)));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// The scenarios the user has practised alone (a reflection is kept).
pub fn practised(doc: &Document) -> BTreeSet<String> {
    doc.entries()
        .into_iter()
        .filter_map(|e| match &e.body {
            EntryBody::Reflection { scenario, .. } => Some(scenario.clone()),
            _ => None,
        })
        .collect()
}

/// Where a solo practice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum Step {
    /// At moment `index`; `open` once the possible responses are shown.
    Moment { index: usize, open: bool },
    /// The debrief through the four tasks.
    Debrief,
}

/// A solo practice in progress, kept in the document under its scenario's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoloRun {
    pub scenario: String,
    pub started: i64,
    pub updated: i64,
    #[serde(default)]
    pub deleted: bool,
    pub step: Step,
    /// Per moment: what the user might say.
    pub answers: Vec<String>,
    /// Per moment: chose to say it aloud instead of writing.
    pub aloud: Vec<bool>,
    /// Per moment: the user's note after reading the possible responses.
    pub notes: Vec<String>,
    /// One per task, in the order of `Task::ALL`.
    pub debrief: Vec<String>,
}

impl SoloRun {
    pub fn new(scenario: &Scenario, now: i64) -> SoloRun {
        let n = scenario.moments.len();
        SoloRun {
            scenario: scenario.id.clone(),
            started: now,
            updated: now,
            deleted: false,
            step: Step::Moment {
                index: 0,
                open: false,
            },
            answers: vec![String::new(); n],
            aloud: vec![false; n],
            notes: vec![String::new(); n],
            debrief: vec![String::new(); Task::ALL.len()],
        }
    }

    /// Brings a stored run in line with the scenario as it is now (moments may
    /// have been added or removed since): never panics on old data.
    pub fn fit(&mut self, scenario: &Scenario) {
        let n = scenario.moments.len();
        self.answers.resize(n, String::new());
        self.aloud.resize(n, false);
        self.notes.resize(n, String::new());
        self.debrief.resize(Task::ALL.len(), String::new());
        if let Step::Moment { index, .. } = self.step {
            if index >= n {
                self.step = Step::Debrief;
            }
        }
    }

    pub fn moments(&self) -> usize {
        self.answers.len()
    }

    /// The moment currently shown, if any.
    pub fn moment(&self) -> Option<usize> {
        match self.step {
            Step::Moment { index, .. } => Some(index),
            Step::Debrief => None,
        }
    }

    pub fn write(&mut self, text: &str, now: i64) {
        if let Some(i) = self.moment() {
            self.answers[i] = text.to_string();
            self.updated = now;
        }
    }

    pub fn write_note(&mut self, text: &str, now: i64) {
        if let Some(i) = self.moment() {
            self.notes[i] = text.to_string();
            self.updated = now;
        }
    }

    pub fn write_debrief(&mut self, task: usize, text: &str, now: i64) {
        if let Some(slot) = self.debrief.get_mut(task) {
            *slot = text.to_string();
            self.updated = now;
        }
    }

    /// Whether the possible responses may open: the user wrote something, or
    /// chose to say it aloud.
    pub fn can_open(&self) -> bool {
        self.moment()
            .is_some_and(|i| self.aloud[i] || !self.answers[i].trim().is_empty())
    }

    /// Opens the possible responses, if the user has had their turn first.
    pub fn open(&mut self, now: i64) -> bool {
        match self.step {
            Step::Moment { index, open: false } if self.can_open() => {
                self.step = Step::Moment { index, open: true };
                self.updated = now;
                true
            }
            _ => false,
        }
    }

    /// The user will say it aloud rather than write: the responses open.
    pub fn say_aloud(&mut self, now: i64) {
        if let Some(i) = self.moment() {
            self.aloud[i] = true;
            self.open(now);
        }
    }

    /// To the next moment, or to the debrief after the last one.
    pub fn next(&mut self, now: i64) {
        if let Step::Moment { index, open: true } = self.step {
            self.step = if index + 1 < self.moments() {
                Step::Moment {
                    index: index + 1,
                    open: false,
                }
            } else {
                Step::Debrief
            };
            self.updated = now;
        }
    }

    /// Back one step: from a closed moment to the previous moment's responses.
    pub fn back(&mut self, now: i64) {
        self.step = match self.step {
            Step::Moment { index, open: true } => Step::Moment { index, open: false },
            Step::Moment { index, open: false } if index > 0 => Step::Moment {
                index: index - 1,
                open: true,
            },
            Step::Debrief if self.moments() > 0 => Step::Moment {
                index: self.moments() - 1,
                open: true,
            },
            other => other,
        };
        self.updated = now;
    }

    /// The reflection to keep in the journal when the user finishes.
    pub fn reflection(&self, scenario: &Scenario, now: i64) -> Entry {
        Entry {
            id: format!("reflection-{}-{}", self.scenario, self.started),
            created: self.started,
            updated: now,
            deleted: false,
            body: EntryBody::Reflection {
                scenario: self.scenario.clone(),
                title: scenario.title.clone(),
                answers: self.answers.clone(),
                notes: self.notes.clone(),
                debrief: self.debrief.clone(),
            },
        }
    }
}

/// Saves a finished practice: the reflection goes to the journal, and the run
/// is closed (a tombstone, so other tabs close it too).
pub fn finish(doc: &mut Document, scenario: &Scenario, now: i64) -> Option<String> {
    let run = doc
        .practice
        .get(&scenario.id)
        .filter(|r| !r.deleted)?
        .clone();
    let entry = run.reflection(scenario, now);
    let id = entry.id.clone();
    doc.put(entry);
    if let Some(r) = doc.practice.get_mut(&scenario.id) {
        r.deleted = true;
        r.updated = now;
    }
    Some(id)
}

/// Which role each seat plays: the players rotate through the playing roles on
/// each swap; the observer (if any) stays last.
pub fn seats(players: usize, has_third: bool, observer: bool, rotation: usize) -> Vec<RoleKind> {
    let mut roles = vec![RoleKind::Supporter, RoleKind::Person];
    if players >= 3 && has_third {
        roles.push(RoleKind::Third);
    }
    let n = roles.len();
    let mut out: Vec<RoleKind> = (0..n).map(|k| roles[(k + rotation) % n]).collect();
    if observer {
        out.push(RoleKind::Observer);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{Debrief, Moment, Response, RoleCard, RoleKind};
    use crate::domain::Text;

    fn scenario(moments: usize) -> Scenario {
        let t = || Text::new("あ", "a");
        Scenario {
            id: "s".into(),
            minutes: 10,
            setting: Setting::Ward,
            tasks: vec![Task::Connection],
            principles: vec![Principle::Hope],
            heavy: vec![],
            content_note: None,
            title: Text::new("はじめての面談", "A first meeting"),
            situation: Text::new("支援センターでケアの話", "A support centre"),
            opening: t(),
            roles: vec![RoleCard {
                kind: RoleKind::Supporter,
                name: t(),
                briefing: t(),
                holding_back: None,
            }],
            moments: (0..moments)
                .map(|_| Moment {
                    other: t(),
                    responses: vec![Response {
                        text: t(),
                        toward: vec![],
                        away: vec![],
                        note: t(),
                    }],
                })
                .collect(),
            debrief: Debrief {
                connection: t(),
                worldview: t(),
                mutuality: t(),
                moving_towards: t(),
            },
        }
    }

    #[test]
    fn responses_open_only_after_the_user_has_had_a_turn() {
        let s = scenario(2);
        let mut run = SoloRun::new(&s, 1);
        assert!(!run.open(2));
        run.write("   ", 2);
        assert!(!run.open(3));
        run.write("何があったんですか", 4);
        assert!(run.open(5));
        assert_eq!(
            run.step,
            Step::Moment {
                index: 0,
                open: true
            }
        );
    }

    #[test]
    fn saying_it_aloud_skips_writing() {
        let s = scenario(2);
        let mut run = SoloRun::new(&s, 1);
        run.say_aloud(2);
        assert_eq!(
            run.step,
            Step::Moment {
                index: 0,
                open: true
            }
        );
        assert!(run.aloud[0]);
        assert_eq!(run.answers[0], "");
    }

    #[test]
    fn moments_in_order_then_the_debrief_and_back_again() {
        let s = scenario(2);
        let mut run = SoloRun::new(&s, 1);
        run.next(2); // not open yet: stays
        assert_eq!(run.moment(), Some(0));
        run.say_aloud(3);
        run.next(4);
        assert_eq!(
            run.step,
            Step::Moment {
                index: 1,
                open: false
            }
        );
        run.write("b", 5);
        run.open(6);
        run.write_note("気づいたこと", 7);
        run.next(8);
        assert_eq!(run.step, Step::Debrief);
        run.back(9);
        assert_eq!(
            run.step,
            Step::Moment {
                index: 1,
                open: true
            }
        );
        run.back(10);
        run.back(11);
        assert_eq!(
            run.step,
            Step::Moment {
                index: 0,
                open: true
            }
        );
        assert_eq!(run.notes[1], "気づいたこと");
    }

    #[test]
    fn finishing_keeps_a_reflection_and_closes_the_run() {
        let s = scenario(1);
        let mut doc = Document::default();
        let mut run = SoloRun::new(&s, 100);
        run.write("a", 101);
        run.open(102);
        run.next(103);
        run.write_debrief(2, "相互性について", 104);
        doc.practice.insert(s.id.clone(), run);
        let id = finish(&mut doc, &s, 200).unwrap();
        assert!(doc.practice["s"].deleted);
        assert_eq!(practised(&doc), BTreeSet::from(["s".to_string()]));
        match &doc.journal[&id].body {
            EntryBody::Reflection {
                debrief, answers, ..
            } => {
                assert_eq!(debrief[2], "相互性について");
                assert_eq!(answers, &vec!["a".to_string()]);
            }
            _ => panic!("not a reflection"),
        }
        assert!(finish(&mut doc, &s, 300).is_none());
    }

    #[test]
    fn an_old_run_fits_a_changed_scenario() {
        let mut run = SoloRun::new(&scenario(4), 1);
        run.step = Step::Moment {
            index: 3,
            open: false,
        };
        run.fit(&scenario(2));
        assert_eq!(run.answers.len(), 2);
        assert_eq!(run.step, Step::Debrief);
    }

    #[test]
    fn the_library_filters_by_task_setting_and_words() {
        let mut lib = Library::default();
        lib.scenarios.push(scenario(1));
        let mut other = scenario(1);
        other.id = "o".into();
        other.setting = Setting::Outreach;
        other.tasks = vec![Task::Mutuality];
        other.title = Text::new("訪問のとき", "On a visit");
        other.situation = Text::new("自宅への訪問", "A home visit");
        lib.scenarios.push(other);
        let ids = |f: &Filter| -> Vec<String> {
            filter(&lib, Lang::Ja, f)
                .iter()
                .map(|s| s.id.clone())
                .collect()
        };
        assert_eq!(ids(&Filter::default()).len(), 2);
        assert_eq!(
            ids(&Filter {
                task: Some(Task::Mutuality),
                ..Filter::default()
            }),
            vec!["o"]
        );
        assert_eq!(
            ids(&Filter {
                setting: Some(Setting::Ward),
                ..Filter::default()
            }),
            vec!["s"]
        );
        assert_eq!(
            ids(&Filter {
                query: "ケア".into(),
                ..Filter::default()
            }),
            vec!["s"]
        );
        assert_eq!(
            ids(&Filter {
                query: "けあ".into(),
                ..Filter::default()
            }),
            vec!["s"]
        );
        assert!(ids(&Filter {
            query: "visit".into(),
            ..Filter::default()
        })
        .is_empty());
        assert_eq!(
            filter(
                &lib,
                Lang::En,
                &Filter {
                    query: "VISIT".into(),
                    ..Filter::default()
                }
            )
            .len(),
            1
        );
    }

    #[test]
    fn swapping_rotates_the_players_and_keeps_the_observer() {
        assert_eq!(
            seats(2, true, false, 0),
            vec![RoleKind::Supporter, RoleKind::Person]
        );
        assert_eq!(
            seats(2, true, false, 1),
            vec![RoleKind::Person, RoleKind::Supporter]
        );
        assert_eq!(
            seats(3, true, true, 1),
            vec![
                RoleKind::Person,
                RoleKind::Third,
                RoleKind::Supporter,
                RoleKind::Observer
            ]
        );
        assert_eq!(seats(3, false, false, 0).len(), 2);
    }
}
