//! Stored documents of every schema this app has written load, unchanged in
//! meaning. Schema 1 is the first; each later schema adds a fixture here and a
//! migration step in `document::migrate`.

use taiwa_domain::document::{restore, Document, Restored, SCHEMA};
use taiwa_domain::journal::EntryBody;
use taiwa_domain::practice::SoloStep;
use taiwa_domain::settings::Theme;
use taiwa_domain::stamp::Record;
use taiwa_domain::Lang;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> Document {
    match restore(Some(&fixture(name))) {
        Restored::Ready { doc, set_aside } if set_aside.is_empty() => doc,
        other => panic!("{name} must load whole: {other:?}"),
    }
}

#[test]
fn schema_1_loads_with_everything_in_place() {
    let doc = load("schema-1.json");
    assert_eq!(doc.schema, SCHEMA);
    assert_eq!(doc.settings().lang, Some(Lang::En));
    assert_eq!(doc.settings().theme, Theme::Dark);
    let live = doc.entries();
    assert_eq!(live.len(), 1, "the deleted note stays a tombstone");
    match &live[0].body {
        EntryBody::Reflection { debrief, path, .. } => {
            assert_eq!(debrief[2], "力の差");
            assert!(path.is_empty(), "a reflection kept before paths");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(doc.journal.all()["note-1"].deleted());
    assert_eq!(
        doc.practice.get("asked-for-advice").map(|r| r.step),
        Some(SoloStep::Moment {
            index: 1,
            open: false
        })
    );
}

#[test]
fn every_schema_up_to_the_current_one_has_a_fixture() {
    for n in 1..=SCHEMA {
        load(&format!("schema-{n}.json"));
    }
}

#[test]
fn schema_2_keeps_own_items_drafts_and_tombstones() {
    let doc = load("schema-2.json");
    assert_eq!(doc.schema, SCHEMA);
    let draft = doc.own.scenarios.get("mine-s1").unwrap();
    assert!(!draft.problems().is_empty(), "a draft is kept, not ready");
    let reframe = doc.own.reframes.get("mine-r1").unwrap();
    assert_eq!(reframe.lang, Lang::Ja);
    assert!(reframe.ready().is_some(), "{:?}", reframe.problems());
    assert!(doc.own.decks.get("mine-d1").is_none(), "a tombstone");
    assert!(doc.own.decks.all().contains_key("mine-d1"));
    assert_eq!(doc.own.len(), 2);
    // Schema 1 had no own items: it migrates to an empty set.
    assert!(load("schema-1.json").own.is_empty());
}

#[test]
fn migrating_to_schema_3_dates_the_data_from_its_oldest_record() {
    // The reminder to back up counts from when the data began, not from the
    // day the app was updated.
    assert_eq!(load("schema-1.json").care().since, 1);
    let two = load("schema-2.json");
    assert!(two.care().since > 0);
    assert_eq!(two.care().backed_up, 0);
}

#[test]
fn schema_3_keeps_runs_paths_and_care() {
    let doc = load("schema-3.json");
    let run = doc.practice.get("first-meeting").unwrap();
    assert_eq!(run.path, [0, 1]);
    assert_eq!(run.order[0], [2, 0, 1]);
    assert_eq!(doc.care().backed_up, 1_790_000_000_000);
    let reflection = doc
        .entries()
        .into_iter()
        .find_map(|e| match &e.body {
            EntryBody::Reflection { path, chosen, .. } => Some((path.clone(), chosen.clone())),
            _ => None,
        })
        .unwrap();
    assert_eq!(reflection, (vec![0, 2, 3], vec![Some(1), None, Some(0)]));
}
