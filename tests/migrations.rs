//! Stored documents of every schema this app has written load, unchanged in
//! meaning. Schema 1 is the first; each later schema adds a fixture here and a
//! migration step in `domain::document::migrate`.

use taiwa::domain::document::{restore, EntryBody, Restored, SCHEMA};
use taiwa::domain::practice::Step;
use taiwa::domain::settings::Theme;
use taiwa::domain::Lang;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn schema_1_loads_with_everything_in_place() {
    let Restored::Ready(doc) = restore(Some(&fixture("schema-1.json"))) else {
        panic!("schema 1 must load");
    };
    assert_eq!(doc.schema, SCHEMA);
    assert_eq!(doc.settings.lang, Some(Lang::En));
    assert_eq!(doc.settings.theme, Theme::Dark);
    let live = doc.entries();
    assert_eq!(live.len(), 1, "the deleted note stays a tombstone");
    match &live[0].body {
        EntryBody::Reflection { debrief, .. } => assert_eq!(debrief[2], "力の差"),
        other => panic!("unexpected {other:?}"),
    }
    assert!(doc.journal["note-1"].deleted);
    assert_eq!(
        doc.practice["asked-for-advice"].step,
        Step::Moment {
            index: 1,
            open: false
        }
    );
}

#[test]
fn every_schema_up_to_the_current_one_has_a_fixture() {
    for n in 1..=SCHEMA {
        let text = fixture(&format!("schema-{n}.json"));
        assert!(
            matches!(restore(Some(&text)), Restored::Ready(_)),
            "schema {n}"
        );
    }
}

#[test]
fn schema_2_keeps_own_items_drafts_and_tombstones() {
    let Restored::Ready(doc) = restore(Some(&fixture("schema-2.json"))) else {
        panic!("schema 2 must load");
    };
    assert_eq!(doc.schema, SCHEMA);
    let draft = &doc.own.scenarios["mine-s1"];
    assert!(!draft.problems().is_empty(), "a draft is kept, not ready");
    let reframe = &doc.own.reframes["mine-r1"];
    assert_eq!(reframe.lang, Lang::Ja);
    assert!(reframe.ready().is_some(), "{:?}", reframe.problems());
    assert!(doc.own.decks["mine-d1"].deleted);
    assert_eq!(doc.own.len(), 2);
    // Schema 1 had no own items: it migrates to an empty set.
    let Restored::Ready(old) = restore(Some(&fixture("schema-1.json"))) else {
        panic!("schema 1 must load");
    };
    assert!(old.own.is_empty());
}
