use super::*;
use crate::ground::stamp::Record;
use crate::records::journal::{Entry, EntryBody};
use crate::records::own::blank::blank_reframe;
use crate::records::session::SessionPlan;
use crate::Lang;
use crate::Text;

fn note(id: &str, text: &str) -> Entry {
    Entry::new(id, 1, EntryBody::Note { text: text.into() })
}

fn texts(doc: &Document) -> Vec<String> {
    doc.entries()
        .iter()
        .map(|e| match &e.body {
            EntryBody::Note { text } => text.clone(),
            _ => String::new(),
        })
        .collect()
}

fn ready(r: Restored) -> Document {
    match r {
        Restored::Ready { doc, set_aside } if set_aside.is_empty() => doc,
        other => panic!("not whole: {other:?}"),
    }
}

#[test]
fn restore_round_trips() {
    let mut doc = Document::default();
    doc.journal.put("a", note("a", "こんにちは"), 5);
    let raw = to_json(&doc);
    assert_eq!(ready(restore(Some(&raw))), doc);
    assert_eq!(read_current(&raw), Some(doc), "the quick way reads it too");
}

#[test]
fn the_quick_way_leaves_everything_else_to_restore() {
    assert_eq!(read_current(""), None);
    assert_eq!(
        read_current(r#"{"app":"taiwa","schema":2}"#),
        None,
        "older: migrate"
    );
    assert_eq!(
        read_current(r#"{"app":"taiwa","schema":9}"#),
        None,
        "newer: read-only"
    );
    assert_eq!(read_current(r#"{"app":"other","schema":3}"#), None);
    let damaged = r#"{"app":"taiwa","schema":3,"journal":{"a":{"id":"a","body":7}}}"#;
    assert_eq!(
        read_current(damaged),
        None,
        "a damaged record: record by record"
    );
    assert!(read_current(r#"{"app":"taiwa","schema":3,"later":1}"#).is_some());
}

#[test]
fn restore_tells_empty_corrupt_and_newer_apart() {
    assert_eq!(restore(None), Restored::Empty);
    assert_eq!(restore(Some("  ")), Restored::Empty);
    assert!(matches!(restore(Some("{not json")), Restored::Corrupt(_)));
    assert!(matches!(restore(Some("[1,2]")), Restored::Corrupt(_)));
    assert!(matches!(
        restore(Some(r#"{"app":"other","schema":1}"#)),
        Restored::Corrupt(_)
    ));
    assert!(matches!(
        restore(Some(r#"{"app":"taiwa","schema":0}"#)),
        Restored::Corrupt(_)
    ));
    assert!(matches!(
        restore(Some(r#"{"app":"taiwa","schema":99,"journal":{}}"#)),
        Restored::Newer { schema: 99, .. }
    ));
}

#[test]
fn missing_fields_get_defaults() {
    let doc = ready(restore(Some(r#"{"app":"taiwa","schema":3}"#)));
    assert_eq!(doc, Document::default());
}

#[test]
fn one_damaged_record_is_set_aside_and_the_rest_are_kept() {
    let raw = r#"{"app":"taiwa","schema":3,"journal":{
        "a":{"id":"a","created":1,"updated":1,"body":{"kind":"note","text":"一つ目"}},
        "b":{"id":"b","created":2,"updated":2,"body":{"kind":"note","text":{"oops":1}}},
        "c":{"id":"c","created":3,"updated":3,"body":{"kind":"note","text":"三つ目"}},
        "d":{"id":"not-d","created":4,"updated":4,"body":{"kind":"note","text":"名前違い"}}
    },"plans":"not a map","settings":{"theme":42}}"#;
    let Restored::Ready { doc, set_aside } = restore(Some(raw)) else {
        panic!("a document with damaged records is still read");
    };
    assert_eq!(texts(&doc), ["三つ目", "一つ目"]);
    let aside: Vec<(&str, &str)> = set_aside
        .iter()
        .map(|s| (s.kind.as_str(), s.id.as_str()))
        .collect();
    assert_eq!(
        aside,
        [
            ("journal", "b"),
            ("journal", "d"),
            ("plans", ""),
            ("settings", "")
        ]
    );
    assert_eq!(set_aside[0].raw["body"]["text"]["oops"], 1);
}

#[test]
fn edits_through_the_operations_merge_across_two_documents() {
    // Two tabs start from the same document...
    let mut a = Document::default();
    a.journal.put("x", note("x", "first"), 10);
    a.journal.put("y", note("y", "keep"), 10);
    a.plans.put(
        "p",
        SessionPlan::from_template("p".into(), "学習会".into(), 10, |_| Default::default()),
        10,
    );
    let mut b = a.clone();
    // ...one edits and deletes, the other edits something else later.
    assert!(a.journal.edit("x", 20, |e| {
        e.body = EntryBody::Note {
            text: "edited in a".into(),
        }
    }));
    assert!(a.journal.delete("y", 21));
    assert!(b.plans.edit("p", 30, |p| p.name = "勉強会".into()));
    b.journal.put("z", note("z", "new in b"), 31);
    // Each takes the other's changes in: both end the same.
    let (a0, b0) = (a.clone(), b.clone());
    a.merge(&b0);
    b.merge(&a0);
    assert_eq!(a, b);
    assert_eq!(texts(&a), ["new in b", "edited in a"]);
    assert_eq!(a.plans.get("p").map(|p| p.name.as_str()), Some("勉強会"));
    // An older copy never undoes them.
    let mut stale = Document::default();
    stale.journal.put("y", note("y", "stale"), 15);
    a.merge(&stale);
    assert!(a.journal.get("y").is_none(), "the newer deletion wins");
}

#[test]
fn settings_and_care_merge_by_their_own_stamp() {
    let mut a = Document::default();
    let mut b = Document::default();
    a.edit_settings(5, |s| s.lang = Some(Lang::En));
    b.edit_settings(9, |s| s.lang = Some(Lang::Ja));
    b.backed_up(9);
    a.merge(&b);
    assert_eq!(a.settings().lang, Some(Lang::Ja));
    assert_eq!(a.care().backed_up, 9);
}

#[test]
fn a_backup_is_offered_gently_after_a_month_without_one() {
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let mut doc = Document::default();
    doc.note_use(DAY);
    // Nothing kept yet: nothing to back up.
    assert!(!doc.backup_due(40 * DAY));
    doc.journal.put("n", note("n", "覚え書き"), DAY);
    assert!(!doc.backup_due(30 * DAY), "too soon");
    assert!(doc.backup_due(31 * DAY));
    // Put aside: not again for a month.
    doc.dismiss_reminder(31 * DAY);
    assert!(!doc.backup_due(60 * DAY));
    assert!(doc.backup_due(61 * DAY));
    // A backup: quiet for a month from then.
    doc.backed_up(61 * DAY);
    assert!(!doc.backup_due(90 * DAY));
    assert!(doc.backup_due(92 * DAY));
}

#[test]
fn plans_and_sessions_follow_merge_import_replace_and_delete_everything() {
    let plan =
        SessionPlan::from_template("p".into(), "学習会".into(), 10, |_| Default::default());
    let mut backup = Document::default();
    backup.plans.put("p", plan, 10);
    assert!(backup.start_session("p", "s", 10));
    // Deleting everything deletes plans and sessions too.
    let mut d = backup.clone();
    d.delete_everything(20);
    assert!(d.plans.get("p").is_none() && d.sessions.get("s").is_none());
    // Importing brings them back, newer than the deletion.
    d.import(&backup, 30);
    assert!(d.plans.contains("p") && d.sessions.contains("s"));
    assert_eq!(d.plans.get("p").map(|p| p.updated()), Some(30));
    // Replacing leaves only the backup's.
    let mut other = Document::default();
    other.plans.put(
        "q",
        SessionPlan::from_template("q".into(), "別".into(), 5, |_| Default::default()),
        5,
    );
    other.replace(&backup, 40);
    assert!(!other.plans.contains("q"));
    assert!(other.plans.contains("p"));
    assert_eq!(other.sessions.get("s").map(|s| s.updated()), Some(40));
    // And another tab holding the old data ends up the same after a merge.
    let mut tab = Document::default();
    tab.plans.put(
        "q",
        SessionPlan::from_template("q".into(), "別".into(), 5, |_| Default::default()),
        5,
    );
    tab.merge(&other);
    assert_eq!(tab.plans.len(), 1);
}

#[test]
fn own_items_follow_merge_import_and_delete_everything() {
    let mut a = Document::default();
    a.own
        .keep(&blank_reframe("mine-a".into()), Lang::Ja, "mine-a", 10);
    let saved = a.clone();
    let mut other_tab = a.clone();
    a.delete_everything(20);
    assert!(a.own.reframes.get("mine-a").is_none());
    other_tab.merge(&a);
    assert!(
        other_tab.own.is_empty(),
        "the deletion reaches the other tab"
    );
    a.import(&saved, 30);
    assert_eq!(
        a.own.reframes.get("mine-a").map(|o| o.updated()),
        Some(30),
        "importing brings it back, stamped now"
    );
}

#[test]
fn a_finished_practice_is_a_reflection_and_the_run_closes() {
    use crate::records::practice::tests_support::scenario;
    let s = scenario(1);
    let mut doc = Document::default();
    assert!(doc.start_practice(&s, 100, 1));
    assert!(!doc.start_practice(&s, 101, 2), "one run at a time");
    doc.edit_practice(&s, 102, |r| {
        r.write("a");
        r.open();
        r.next(&s);
        r.write_debrief(2, "相互性について");
    });
    let id = doc.finish_practice(&s, 200).unwrap();
    assert!(doc.practice.get("s").is_none());
    match &doc.journal.get(&id).unwrap().body {
        EntryBody::Reflection {
            debrief, answers, ..
        } => {
            assert_eq!(debrief[2], "相互性について");
            assert_eq!(answers, &vec!["a".to_string()]);
        }
        _ => panic!("not a reflection"),
    }
    assert!(doc.finish_practice(&s, 300).is_none());
    assert_eq!(
        crate::records::practice::practised(&doc.journal),
        ["s".to_string()].into_iter().collect()
    );
}

#[test]
fn every_kind_is_counted_once() {
    let mut d = Document::default();
    d.journal.put("a", note("a", "x"), 1);
    d.revisit.put(
        "r",
        crate::records::revisit::Revisit::new(Text::new("句", ""), 1, 0),
        1,
    );
    let counts = d.counts();
    assert_eq!(counts.len(), 8);
    assert!(counts.contains(&("journal", 1)));
    assert!(counts.contains(&("revisit", 1)));
    assert!(counts.contains(&("own.decks", 0)));
}
