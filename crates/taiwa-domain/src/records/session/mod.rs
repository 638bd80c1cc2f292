//! Study-group sessions: the plan a facilitator prepares (進行表), the state of a
//! session as it runs (current step, timer, what was heard), and the report
//! written afterwards.
//!
//! - [`plan`]: a [`SessionPlan`] is a list of [`PlanStep`]s (welcome, check-in
//!   round, theme, role play, small groups, whole group, check-out round,
//!   close), each with a title, a prompt (typed, or drawn from a prompt deck)
//!   and minutes;
//! - [`run`]: a [`Session`] is one time a plan is presented: which step is on
//!   screen, its [`Timer`], the prompts drawn, and the harvest;
//! - [`timer`], [`report`], [`date`]: the timer, the report, local dates.
//!
//! Plans and sessions are stored records: they carry `updated` and a
//! `deleted` tombstone, and merge like every other record. Nothing here reads
//! a clock or a random source: the time and a random number are passed in.

pub mod date;
pub mod keys;
pub mod pace;
pub mod plan;
pub mod report;
pub mod rooms;
pub mod run;
pub mod timer;

pub use plan::{PlanStep, ReportPart, SessionPlan, StepKind, MAX_MINUTES, TEMPLATE};
pub use report::{ReportDraft, ReportLabels};
pub use run::{draw, plans_by_name, sessions_newest_first, HarvestLine, Session, MAX_HARVEST};
pub use timer::Timer;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ground::stamp::Records;

    fn template() -> SessionPlan {
        SessionPlan::from_template("p1".into(), "学習会".into(), 100, |k| {
            (format!("title {}", k.key()), format!("prompt {}", k.key()))
        })
    }

    fn titles(plan: &SessionPlan) -> Vec<&str> {
        plan.steps.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn the_template_is_a_ninety_minute_study_group() {
        let plan = template();
        assert_eq!(plan.total_minutes(), 90);
        let kinds: Vec<_> = plan.steps.iter().map(|s| s.kind).collect();
        assert_eq!(kinds.first(), Some(&StepKind::Welcome));
        assert_eq!(kinds.last(), Some(&StepKind::Close));
        for k in [
            StepKind::CheckIn,
            StepKind::Theme,
            StepKind::SmallGroups,
            StepKind::WholeGroup,
            StepKind::CheckOut,
        ] {
            assert!(kinds.contains(&k), "{k:?}");
        }
        assert_eq!(plan.steps[0].title, "title welcome");
        assert_eq!(plan.steps[1].prompt, "prompt check_in");
        // Every step has its own id.
        let mut ids: Vec<_> = plan.steps.iter().map(|s| s.id.clone()).collect();
        ids.dedup();
        assert_eq!(ids.len(), plan.steps.len());
        let check_out = plan
            .steps
            .iter()
            .find(|s| s.kind == StepKind::CheckOut)
            .unwrap();
        assert_eq!(check_out.deck.as_deref(), Some("check-out"));
    }

    #[test]
    fn steps_move_up_and_down_within_the_plan() {
        let mut plan = template();
        let second = plan.steps[1].id.clone();
        assert_eq!(plan.move_step(&second, -1), Some(0));
        assert_eq!(titles(&plan)[..2], ["title check_in", "title welcome"]);
        assert_eq!(plan.move_step(&second, -1), None, "already first");
        assert_eq!(plan.move_step(&second, 1), Some(1));
        assert_eq!(titles(&plan)[..2], ["title welcome", "title check_in"]);
        let last = plan.steps.last().unwrap().id.clone();
        assert_eq!(plan.move_step(&last, 1), None, "already last");
        assert_eq!(plan.move_step("nope", 1), None);
        assert_eq!(plan.move_step(&second, 2), None, "one place at a time");
        assert_eq!(plan.total_minutes(), 90);
    }

    #[test]
    fn adding_and_removing_steps() {
        let mut plan = template();
        let id = plan.add_step(StepKind::RolePlay, "ロールプレイ".into(), String::new());
        assert_eq!(plan.steps.last().unwrap().id, id);
        assert_eq!(
            plan.total_minutes(),
            90 + StepKind::RolePlay.default_minutes()
        );
        assert!(plan.steps.iter().filter(|s| s.id == id).count() == 1);
        assert!(plan.remove_step(&id));
        assert!(!plan.remove_step(&id));
        assert_eq!(plan.total_minutes(), 90);
        // A removed id is not given out again while a higher one exists.
        let first = plan.steps[0].id.clone();
        plan.remove_step(&first);
        let again = plan.add_step(StepKind::Theme, String::new(), String::new());
        assert!(plan.steps.iter().filter(|s| s.id == again).count() == 1);
    }

    #[test]
    fn minutes_stay_sensible() {
        let mut plan = template();
        let id = plan.steps[0].id.clone();
        plan.set_minutes(&id, 0);
        assert_eq!(plan.steps[0].minutes, 1);
        plan.set_minutes(&id, 10_000);
        assert_eq!(plan.steps[0].minutes, MAX_MINUTES);
        plan.set_minutes(&id, 7);
        assert_eq!(plan.steps[0].minutes, 7);
    }

    #[test]
    fn a_duplicate_is_separate_from_its_original() {
        let plan = template();
        let mut copy = plan.duplicate("p2".into(), "学習会（コピー）".into(), 500);
        assert_eq!(copy.id, "p2");
        assert_eq!(copy.name, "学習会（コピー）");
        assert_eq!(copy.created, 500);
        assert_eq!(copy.steps, plan.steps);
        let id = copy.steps[0].id.clone();
        copy.step_mut(&id).unwrap().title = "changed".into();
        assert_eq!(plan.steps[0].title, "title welcome");
    }

    #[test]
    fn a_session_moves_through_steps_and_each_step_has_its_own_timer() {
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 1_000);
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::Welcome);
        assert_eq!(s.timer.duration_ms, 5 * 60_000);
        assert!(!s.back(&plan, 0), "nothing before the first step");
        s.timer.start(1_000);
        assert!(s.next(&plan, 0));
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::CheckIn);
        assert!(
            !s.timer.running(),
            "a new step's timer waits for the facilitator"
        );
        assert_eq!(s.timer.duration_ms, 15 * 60_000);
        assert!(s.back(&plan, 0));
        assert_eq!(s.step, 0);
        while s.next(&plan, 0) {}
        assert_eq!(s.current(&plan).unwrap().kind, StepKind::Close);
        assert!(!s.next(&plan, 0));
    }

    #[test]
    fn what_was_not_reached_or_was_left_for_later_is_carried_to_a_plan_for_the_next_date() {
        let mut plan = template();
        plan.next = "2027-01-17T14:00".into();
        plan.steps[3].notes = "ルームは3人ずつ".into();
        let mut s = Session::start("x".into(), &plan, 0);
        // Welcome, check-in and theme were on screen; the theme goes on next
        // time; small groups and whole group were never reached.
        s.next(&plan, 1);
        s.next(&plan, 2);
        let theme = plan.steps[2].id.clone();
        s.toggle_later(&theme);
        s.go_to(&plan, 5, 3); // straight to the check-out
        let carried: Vec<StepKind> = s.carried(&plan).iter().map(|st| st.kind).collect();
        assert_eq!(
            carried,
            vec![StepKind::Theme, StepKind::SmallGroups, StepKind::WholeGroup]
        );
        let next = s
            .carry_over(&plan, "p2".into(), "学習会（続き）".into(), 9)
            .unwrap();
        let kinds: Vec<StepKind> = next.steps.iter().map(|st| st.kind).collect();
        assert_eq!(
            kinds,
            vec![
                StepKind::Welcome,
                StepKind::CheckIn,
                StepKind::Theme,
                StepKind::SmallGroups,
                StepKind::WholeGroup,
                StepKind::CheckOut,
                StepKind::Close
            ],
            "the frame comes along, in its places"
        );
        assert_eq!(
            next.starts, "2027-01-17T14:00",
            "it starts on the next date"
        );
        assert_eq!(next.next, "");
        assert_eq!(next.steps[3].notes, "ルームは3人ずつ");
        assert_eq!((next.id.as_str(), next.created), ("p2", 9));

        // Everything reached and nothing marked: nothing to carry.
        let mut done = Session::start("y".into(), &plan, 0);
        while done.next(&plan, 1) {}
        assert!(done.carried(&plan).is_empty());
        assert_eq!(done.carry_over(&plan, "p3".into(), "n".into(), 9), None);

        // Through the document: a new plan, stamped.
        let mut d = crate::document::Document::default();
        d.plans.put(&plan.id, plan.clone(), 1);
        d.sessions.put("x", s, 1);
        assert!(d.carry_over("x", "p2", "続き".into(), 10));
        assert_eq!(d.plans.get("p2").map(|p| p.steps.len()), Some(7));
        assert!(!d.carry_over("missing", "p4", "n".into(), 10));
    }

    #[test]
    fn a_session_survives_its_plan_getting_shorter() {
        let mut plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        s.go_to(&plan, 6, 0);
        plan.steps.truncate(2);
        assert_eq!(s.index(&plan), 1);
        assert!(s.back(&plan, 0));
        assert_eq!(s.step, 0);
        let empty = SessionPlan::default();
        assert_eq!(s.current(&empty), None);
        assert!(!s.next(&empty, 0));
    }

    #[test]
    fn harvest_lines_are_kept_per_step_and_sorted_into_the_report() {
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        let check_in = &plan.steps[1];
        let theme = &plan.steps[2];
        let check_out = &plan.steps[5];
        assert!(s.add_harvest(check_in, "  くもり  "));
        assert!(!s.add_harvest(theme, "   \n "));
        assert!(s.add_harvest(theme, "わかって\nもらえた感じ"));
        assert!(s.add_harvest(theme, "そのままでいい"));
        assert!(s.add_harvest(check_out, "あたたかい"));
        assert_eq!(s.harvest_of(&check_in.id), vec!["くもり"]);
        assert_eq!(
            s.harvest_of(&theme.id),
            vec!["わかって もらえた感じ", "そのままでいい"]
        );
        assert_eq!(
            s.harvest_for(ReportPart::Points),
            vec!["わかって もらえた感じ", "そのままでいい"]
        );
        assert_eq!(s.harvest_for(ReportPart::CheckOut), vec!["あたたかい"]);
        assert_eq!(
            s.remove_last_harvest(&theme.id).as_deref(),
            Some("そのままでいい")
        );
        assert_eq!(s.harvest_of(&theme.id), vec!["わかって もらえた感じ"]);
        assert_eq!(s.remove_last_harvest("nope"), None);
        let long = "あ".repeat(500);
        s.add_harvest(theme, &long);
        assert_eq!(s.harvest_of(&theme.id)[1].chars().count(), MAX_HARVEST);
    }

    #[test]
    fn drawing_never_repeats_the_prompt_on_screen() {
        assert_eq!(draw(0, None, 0.5), None);
        assert_eq!(draw(1, Some(0), 0.9), Some(0));
        for i in 0..100 {
            let r = f64::from(i) / 100.0;
            let got = draw(5, Some(2), r).unwrap();
            assert!(got < 5 && got != 2, "{r} gave {got}");
        }
        assert_eq!(draw(5, None, 0.0), Some(0));
        assert_eq!(draw(5, None, 0.999), Some(4));
        assert_eq!(draw(5, None, 1.0), Some(4));
        assert_eq!(draw(3, Some(0), 0.999), Some(2));
        // Every other prompt can come up.
        let seen: std::collections::BTreeSet<_> = (0..10)
            .map(|i| draw(4, Some(1), f64::from(i) / 10.0).unwrap())
            .collect();
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![0, 2, 3]);
    }

    #[test]
    fn a_step_keeps_the_prompt_drawn_for_it_until_another_is_asked_for() {
        use crate::content::{Deck, DeckKind, Prompt};
        use crate::Text;
        let deck = Deck {
            id: "check-out".into(),
            kind: DeckKind::CheckOut,
            title: Text::new("チェックアウト", "Check-out"),
            prompt: ["a", "b", "c"]
                .iter()
                .map(|id| Prompt {
                    id: id.to_string(),
                    text: Text::new(*id, *id),
                    short: None,
                })
                .collect(),
        };
        let plan = template();
        let mut s = Session::start("x".into(), &plan, 0);
        assert_eq!(s.drawn_prompt("s6", &deck), None);
        assert!(s.draw_from("s6", &deck, 0.5));
        let first = s.drawn_prompt("s6", &deck).unwrap().id.clone();
        assert_eq!(first, "b");
        for i in 0..10 {
            let before = s.drawn_prompt("s6", &deck).unwrap().id.clone();
            s.draw_from("s6", &deck, f64::from(i) / 10.0);
            assert_ne!(s.drawn_prompt("s6", &deck).unwrap().id, before);
        }
        // A prompt that left the deck is no longer shown.
        s.drawn.insert("s6".into(), "gone".into());
        assert_eq!(s.drawn_prompt("s6", &deck), None);
        let empty = Deck {
            prompt: vec![],
            ..deck
        };
        assert!(!s.draw_from("s1", &empty, 0.3));
    }

    #[test]
    fn stored_plans_with_missing_fields_still_read() {
        let plan: SessionPlan =
            serde_json::from_str(r#"{"id":"p","name":"n","steps":[{"id":"s1","kind":"theme"}]}"#)
                .unwrap();
        assert_eq!(plan.steps[0].minutes, 1);
        assert_eq!(plan.steps[0].deck, None);
        let session: Session = serde_json::from_str(r#"{"id":"x"}"#).unwrap();
        assert!(!session.chime, "the chime is off unless turned on");
    }

    #[test]
    fn lists_leave_out_deleted_records() {
        let mut plans = Records::default();
        let mut a = template();
        a.name = "b".into();
        let mut b = template();
        b.id = "p2".into();
        b.name = "a".into();
        let mut c = template();
        c.id = "p3".into();
        for p in [a, b, c] {
            plans.put(&p.id.clone(), p, 1);
        }
        plans.delete("p3", 2);
        let names: Vec<_> = plans_by_name(&plans)
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, vec!["a", "b"]);
        let mut sessions = Records::default();
        let plan = template();
        for (id, t) in [("old", 1), ("new", 5)] {
            sessions.put(id, Session::start(id.into(), &plan, t), t);
        }
        let ids: Vec<_> = sessions_newest_first(&sessions)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, vec!["new", "old"]);
    }
}
