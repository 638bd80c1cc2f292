//! Role-play practice: the scenario library's filters; practising a scenario
//! alone ([`SoloRun`]), a small state machine that is saved at every step and
//! resumed after a reload; and the seats of practising together.
//!
//! A solo run goes moment by moment along the scenario's arc: the person
//! writes (or says aloud) what they might say first; then the possible
//! responses open, in an order shuffled for this run (kept in the run, so a
//! reload shows the same order and the next run another), each with a note
//! and how the other person might react; the person may mark the response
//! closest to what they said, and that choice leads to the next moment. After
//! the last moment of the path, a debrief through the four tasks.

use crate::content::{Library, Principle, RoleKind, Scenario, Setting, Task};
use crate::ground::lang::Lang;
use crate::ground::random;
use crate::ground::stamp::Records;
use crate::lens::{normalise, Finding, Lens};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::journal::{Entry, EntryBody};

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
pub fn practised(journal: &Records<Entry>) -> BTreeSet<String> {
    journal
        .values()
        .filter_map(|e| match &e.body {
            EntryBody::Reflection { scenario, .. } => Some(scenario.clone()),
            _ => None,
        })
        .collect()
}

/// Where a solo practice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
pub enum SoloStep {
    /// At the scenario's moment `index`; `open` once the possible responses
    /// are shown.
    Moment { index: usize, open: bool },
    /// The debrief through the four tasks.
    Debrief,
}

/// The response a person found closest to what they said at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closest {
    /// The response at this place in the scenario's file.
    Response(usize),
    /// None of them.
    None,
}

impl Closest {
    /// The response's place, if one was marked.
    pub fn response(self) -> Option<usize> {
        match self {
            Closest::Response(i) => Some(i),
            Closest::None => None,
        }
    }
}

/// A solo practice in progress, kept in the document under its scenario's id.
/// Per-moment lists are by the scenario's moment places.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoloRun {
    pub scenario: String,
    pub started: i64,
    pub(crate) updated: i64,
    #[serde(default)]
    pub(crate) deleted: bool,
    pub step: SoloStep,
    /// Per moment: what the user might say.
    pub answers: Vec<String>,
    /// Per moment: chose to say it aloud instead of writing.
    pub aloud: Vec<bool>,
    /// Per moment: the user's note after reading the possible responses.
    pub notes: Vec<String>,
    /// One per task, in the order of `Task::ALL`.
    pub debrief: Vec<String>,
    /// The seed of this run's order of responses.
    #[serde(default)]
    pub seed: u64,
    /// Per moment: the order in which its responses are shown (places in the
    /// scenario's file), shuffled once for this run.
    #[serde(default)]
    pub order: Vec<Vec<usize>>,
    /// Per moment: the response marked closest, if any yet.
    #[serde(default)]
    pub closest: Vec<Option<Closest>>,
    /// The moments of the path so far, in order; at a moment, it is the last.
    #[serde(default)]
    pub path: Vec<usize>,
}

crate::stamped!(SoloRun);

impl SoloRun {
    /// A new run of `scenario`; `seed` shuffles its responses (the app takes a
    /// random one, so each run has its own order).
    pub fn new(scenario: &Scenario, now: i64, seed: u64) -> SoloRun {
        let mut run = SoloRun {
            scenario: scenario.id.clone(),
            started: now,
            updated: now,
            deleted: false,
            step: SoloStep::Moment {
                index: 0,
                open: false,
            },
            answers: Vec::new(),
            aloud: Vec::new(),
            notes: Vec::new(),
            debrief: Vec::new(),
            seed,
            order: Vec::new(),
            closest: Vec::new(),
            path: vec![0],
        };
        run.fit(scenario);
        run
    }

    /// Brings a stored run in line with the scenario as it is now (moments and
    /// responses may have been added or removed since, and runs kept before
    /// shuffling and branching have neither order nor path): never panics on
    /// old data.
    pub fn fit(&mut self, scenario: &Scenario) {
        let n = scenario.moments.len();
        self.answers.resize(n, String::new());
        self.aloud.resize(n, false);
        self.notes.resize(n, String::new());
        self.closest.resize(n, None);
        self.debrief.resize(Task::ALL.len(), String::new());
        if self.seed == 0 {
            // A run kept before shuffling: its start time stands in.
            self.seed = self.started as u64;
        }
        self.order.resize(n, Vec::new());
        for (i, m) in scenario.moments.iter().enumerate() {
            let k = m.responses.len();
            let mut sorted = self.order[i].clone();
            sorted.sort_unstable();
            if sorted != (0..k).collect::<Vec<_>>() {
                self.order[i] = random::order(k, random::mix(self.seed, i as u64));
            }
            if let Some(Closest::Response(r)) = self.closest[i] {
                if r >= k {
                    self.closest[i] = None;
                }
            }
        }
        self.path.retain(|i| *i < n);
        if let SoloStep::Moment { index, .. } = self.step {
            if index >= n {
                self.step = SoloStep::Debrief;
            } else if self.path.last() != Some(&index) {
                // A run kept before paths: every moment up to here, in order.
                if let Some(at) = self.path.iter().position(|i| *i == index) {
                    self.path.truncate(at + 1);
                } else {
                    self.path = (0..=index).collect();
                }
            }
        }
        if self.path.is_empty() && n > 0 {
            self.path = match self.step {
                SoloStep::Moment { index, .. } => (0..=index).collect(),
                SoloStep::Debrief => (0..n).collect(),
            };
        }
    }

    /// The moment currently shown, if any.
    pub fn moment(&self) -> Option<usize> {
        match self.step {
            SoloStep::Moment { index, .. } => Some(index),
            SoloStep::Debrief => None,
        }
    }

    /// Where the current moment stands on the path (from 0).
    pub fn position(&self) -> usize {
        self.path.len().saturating_sub(1)
    }

    pub fn write(&mut self, text: &str) {
        if let Some(i) = self.moment() {
            self.answers[i] = text.to_string();
        }
    }

    pub fn write_note(&mut self, text: &str) {
        if let Some(i) = self.moment() {
            self.notes[i] = text.to_string();
        }
    }

    pub fn write_debrief(&mut self, task: usize, text: &str) {
        if let Some(slot) = self.debrief.get_mut(task) {
            *slot = text.to_string();
        }
    }

    /// Whether the possible responses may open: the user wrote something, or
    /// chose to say it aloud.
    pub fn can_open(&self) -> bool {
        self.moment()
            .is_some_and(|i| self.aloud[i] || !self.answers[i].trim().is_empty())
    }

    /// Opens the possible responses, if the user has had their turn first.
    pub fn open(&mut self) -> bool {
        match self.step {
            SoloStep::Moment { index, open: false } if self.can_open() => {
                self.step = SoloStep::Moment { index, open: true };
                true
            }
            _ => false,
        }
    }

    /// The user will say it aloud rather than write: the responses open.
    pub fn say_aloud(&mut self) {
        if let Some(i) = self.moment() {
            self.aloud[i] = true;
            self.open();
        }
    }

    /// Marks the response closest to what the user said at the open moment
    /// (or none of them).
    pub fn mark(&mut self, closest: Closest) {
        if let SoloStep::Moment { index, open: true } = self.step {
            self.closest[index] = Some(closest);
        }
    }

    /// The order of the responses at moment `i`, as places in the file.
    pub fn order_of(&self, i: usize) -> &[usize] {
        self.order.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    /// To the moment the marked response leads to (the moment's own way when
    /// none was marked), or to the debrief at the end of the path.
    pub fn next(&mut self, scenario: &Scenario) {
        if let SoloStep::Moment { index, open: true } = self.step {
            let chosen = self.closest[index].and_then(Closest::response);
            self.step = match scenario.after(index, chosen) {
                // (A path never comes back: the content check proves it.)
                Some(next) if !self.path.contains(&next) => {
                    self.path.push(next);
                    SoloStep::Moment {
                        index: next,
                        open: false,
                    }
                }
                _ => SoloStep::Debrief,
            };
        }
    }

    /// Back one step: from an open moment to its own turn, from a moment to
    /// the previous moment of the path, from the debrief to the last moment.
    pub fn back(&mut self) {
        self.step = match self.step {
            SoloStep::Moment { index, open: true } => SoloStep::Moment { index, open: false },
            SoloStep::Moment { index, open: false } if self.path.len() > 1 => {
                self.path.pop();
                let previous = self.path.last().copied().unwrap_or(index);
                SoloStep::Moment {
                    index: previous,
                    open: true,
                }
            }
            SoloStep::Debrief => match self.path.last() {
                Some(&last) => SoloStep::Moment {
                    index: last,
                    open: true,
                },
                None => SoloStep::Debrief,
            },
            other => other,
        };
    }

    /// What the lens noticed in the user's own words along the path: per
    /// moment of the path (its place in the scenario), the findings.
    pub fn noticed(&self, lens: &Lens) -> Vec<(usize, Vec<Finding>)> {
        self.path
            .iter()
            .filter_map(|&i| {
                let found = lens.scan(self.answers.get(i)?);
                (!found.is_empty()).then_some((i, found))
            })
            .collect()
    }

    /// The reflection to keep in the journal when the user finishes: what
    /// they wrote along the path taken, and the path.
    pub fn reflection(&self, scenario: &Scenario, now: i64) -> Entry {
        let along = |v: &Vec<String>| -> Vec<String> {
            self.path
                .iter()
                .map(|&i| v.get(i).cloned().unwrap_or_default())
                .collect()
        };
        let mut entry = Entry::new(
            format!("reflection-{}-{}", self.scenario, self.started),
            self.started,
            EntryBody::Reflection {
                scenario: self.scenario.clone(),
                title: scenario.title.clone(),
                answers: along(&self.answers),
                notes: along(&self.notes),
                debrief: self.debrief.clone(),
                path: self.path.clone(),
                chosen: self
                    .path
                    .iter()
                    .map(|&i| {
                        self.closest
                            .get(i)
                            .copied()
                            .flatten()
                            .and_then(Closest::response)
                    })
                    .collect(),
            },
        );
        entry.updated = now;
        entry
    }
}

/// The task a second look at one's own words goes through at moment `i`: the
/// scenario's tasks in turn.
pub fn second_look(scenario: &Scenario, i: usize) -> Task {
    scenario
        .tasks
        .get(i % scenario.tasks.len().max(1))
        .copied()
        .unwrap_or(Task::Connection)
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

/// A plain scenario of `moments` moments of three responses each, for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::content::{
        Debrief, Lean, Moment, Principle, Response, RoleCard, RoleKind, Scenario, Setting, Task,
    };
    use crate::ground::lang::Text;

    pub fn scenario(moments: usize) -> Scenario {
        let t = || Text::new("あ", "a");
        Scenario {
            id: "s".into(),
            minutes: 10,
            setting: Setting::Ward,
            tasks: vec![Task::Connection, Task::Mutuality],
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
                enters: None,
            }],
            moments: (0..moments)
                .map(|_| Moment {
                    id: None,
                    other: t(),
                    next: None,
                    responses: (0..3)
                        .map(|_| Response {
                            text: t(),
                            toward: vec![Lean::Connection],
                            away: vec![],
                            note: t(),
                            reaction: Some(t()),
                            next: None,
                        })
                        .collect(),
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
}

#[cfg(test)]
mod tests {
    use super::tests_support::scenario;
    use super::*;
    use crate::ground::lang::Text;

    #[test]
    fn responses_open_only_after_the_user_has_had_a_turn() {
        let s = scenario(2);
        let mut run = SoloRun::new(&s, 1, 7);
        assert!(!run.open());
        run.write("   ");
        assert!(!run.open());
        run.write("何があったんですか");
        assert!(run.open());
        assert_eq!(
            run.step,
            SoloStep::Moment {
                index: 0,
                open: true
            }
        );
    }

    #[test]
    fn saying_it_aloud_skips_writing() {
        let s = scenario(2);
        let mut run = SoloRun::new(&s, 1, 7);
        run.say_aloud();
        assert_eq!(
            run.step,
            SoloStep::Moment {
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
        let mut run = SoloRun::new(&s, 1, 7);
        run.next(&s); // not open yet: stays
        assert_eq!(run.moment(), Some(0));
        run.say_aloud();
        run.next(&s);
        assert_eq!(
            run.step,
            SoloStep::Moment {
                index: 1,
                open: false
            }
        );
        run.write("b");
        run.open();
        run.write_note("気づいたこと");
        run.next(&s);
        assert_eq!(run.step, SoloStep::Debrief);
        assert_eq!(run.path, [0, 1]);
        run.back();
        assert_eq!(
            run.step,
            SoloStep::Moment {
                index: 1,
                open: true
            }
        );
        run.back();
        run.back();
        assert_eq!(
            run.step,
            SoloStep::Moment {
                index: 0,
                open: true
            }
        );
        assert_eq!(run.path, [0]);
        assert_eq!(run.notes[1], "気づいたこと");
    }

    #[test]
    fn the_order_of_responses_is_kept_in_the_run_and_differs_between_runs() {
        let s = scenario(4);
        let run = SoloRun::new(&s, 1, 12345);
        // Through storage and back: the same order.
        let stored: SoloRun = serde_json::from_str(&serde_json::to_string(&run).unwrap()).unwrap();
        let mut again = stored.clone();
        again.fit(&s);
        assert_eq!(again.order, run.order);
        for o in &run.order {
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2], "each response once");
        }
        let differ = (1..30u64)
            .filter(|seed| SoloRun::new(&s, 1, *seed).order != run.order)
            .count();
        assert!(
            differ >= 25,
            "only {differ} of 29 other runs had another order"
        );
        // Not always the file's order first.
        let file_first = (1..200u64)
            .filter(|seed| SoloRun::new(&s, 1, *seed).order[0][0] == 0)
            .count();
        assert!((40..100).contains(&file_first), "{file_first} of 199");
    }

    #[test]
    fn the_marked_response_leads_to_its_turn_and_the_path_is_kept() {
        let mut s = scenario(4);
        s.moments[1].id = Some("b".into());
        s.moments[2].id = Some("c".into());
        s.moments[0].responses[2].next = Some("c".into());
        s.moments[1].next = Some("d".into());
        s.moments[3].id = Some("d".into());
        let mut run = SoloRun::new(&s, 1, 3);
        run.write("ことば");
        run.open();
        run.mark(Closest::Response(2));
        run.next(&s);
        assert_eq!(run.moment(), Some(2), "the third response leads to c");
        run.back();
        assert_eq!(
            run.step,
            SoloStep::Moment {
                index: 0,
                open: true
            },
            "back to the first moment's responses"
        );
        run.mark(Closest::None);
        run.next(&s);
        assert_eq!(run.moment(), Some(1), "none of these: the moment's own way");
        run.say_aloud();
        run.next(&s);
        assert_eq!(run.moment(), Some(3), "b's own next is d");
        run.say_aloud();
        run.mark(Closest::Response(1));
        run.next(&s);
        assert_eq!(run.step, SoloStep::Debrief);
        assert_eq!(run.path, [0, 1, 3]);
        match run.reflection(&s, 20).body {
            EntryBody::Reflection {
                path,
                chosen,
                answers,
                ..
            } => {
                assert_eq!(path, [0, 1, 3]);
                assert_eq!(chosen, [None, None, Some(1)]);
                assert_eq!(answers, ["ことば", "", ""]);
            }
            _ => panic!("not a reflection"),
        }
    }

    #[test]
    fn an_old_run_fits_a_changed_scenario() {
        // A run kept before shuffling and paths: no seed, order or path.
        let old = r#"{"scenario":"s","started":99,"updated":99,"step":{"at":"moment","index":2,"open":false},
            "answers":["a","b","c","d"],"aloud":[false,false,false,false],"notes":["","","",""],"debrief":["","","",""]}"#;
        let mut run: SoloRun = serde_json::from_str(old).unwrap();
        run.fit(&scenario(4));
        assert_eq!(run.path, [0, 1, 2]);
        assert_eq!(run.order.len(), 4);
        run.fit(&scenario(2));
        assert_eq!(run.answers.len(), 2);
        assert_eq!(run.step, SoloStep::Debrief);
    }

    #[test]
    fn the_lens_reads_the_words_along_the_path() {
        use crate::lens::{LensKind, LensRule};
        let rule = LensRule {
            id: "t".into(),
            kind: LensKind::Advice,
            lang: Lang::Ja,
            patterns: vec!["べき".into()],
            explain: Text::new("説明", "explain"),
            consider: Text::new("問い", "consider"),
            positive: vec![],
            negative: vec![],
        };
        let lens = Lens::compile(&[rule]).unwrap();
        let s = scenario(3);
        let mut run = SoloRun::new(&s, 1, 1);
        run.write("休むべきだよ");
        run.open();
        run.next(&s);
        run.write("そうなんだ");
        let noticed = run.noticed(&lens);
        assert_eq!(noticed.len(), 1);
        assert_eq!(noticed[0].0, 0);
        assert_eq!(second_look(&s, 0), Task::Connection);
        assert_eq!(second_look(&s, 1), Task::Mutuality);
    }

    #[test]
    fn the_library_filters_by_task_setting_and_words() {
        let mut lib = Library::default();
        lib.scenarios.push(scenario(1));
        let mut other = scenario(1);
        other.id = "o".into();
        other.setting = Setting::Outreach;
        other.tasks = vec![Task::Worldview];
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
                task: Some(Task::Worldview),
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
        for q in ["ケア", "けあ"] {
            assert_eq!(
                ids(&Filter {
                    query: q.into(),
                    ..Filter::default()
                }),
                vec!["s"]
            );
        }
        assert!(ids(&Filter {
            query: "visit".into(),
            ..Filter::default()
        })
        .is_empty());
        let en = Filter {
            query: "VISIT".into(),
            ..Filter::default()
        };
        assert_eq!(filter(&lib, Lang::En, &en).len(), 1);
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
