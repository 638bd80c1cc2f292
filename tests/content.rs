//! The content library: counts, both languages everywhere, and that a broken item
//! of each kind stops the build with a message naming the file and the field.

mod common;

use common::{library, read_dir};
use std::path::Path;
use taiwa::domain::content::{load_library, SourceFile, Task};
use taiwa::domain::lens::{Lens, LensKind};
use taiwa::domain::Lang;

#[test]
fn the_library_meets_its_counts() {
    let lib = library();
    assert!(
        lib.scenarios.len() >= 16,
        "{} scenarios",
        lib.scenarios.len()
    );
    assert!(lib.reframes.len() >= 60, "{} reframes", lib.reframes.len());
    for (deck, min) in [("check-in", 20), ("check-out", 20), ("theme", 20)] {
        let n = lib.deck(deck).map(|d| d.prompt.len()).unwrap_or(0);
        assert!(n >= min, "deck {deck} has {n} prompts");
    }
    assert!(lib.lens.len() >= 40, "{} lens rules", lib.lens.len());
    for kind in LensKind::ALL {
        for lang in Lang::ALL {
            assert!(
                lib.lens.iter().any(|r| r.kind == kind && r.lang == lang),
                "no {lang:?} lens rule of kind {kind:?}"
            );
        }
    }
    // Every shift is practised, and every task is exercised by some scenario.
    for shift in taiwa::domain::content::Shift::ALL {
        assert!(
            lib.reframes.iter().filter(|r| r.shift == shift).count() >= 8,
            "{shift:?}"
        );
    }
    for task in Task::ALL {
        assert!(
            lib.scenarios.iter().any(|s| s.tasks.contains(&task)),
            "{task:?}"
        );
    }
}

#[test]
fn the_scenarios_cover_the_situations_the_study_groups_need() {
    let lib = library();
    for id in [
        "first-meeting",
        "disconnection-repair",
        "unusual-experiences",
        "asked-for-advice",
        "wanting-to-die",
        "new-peer-worker",
        "outreach-medication",
        "worried-family",
        "boundaries-own-needs",
        "after-crisis-towards",
        "ward-power",
        "self-help-newcomer",
        "back-to-work",
        "angry-at-services",
        "grief",
        "co-reflection",
    ] {
        assert!(lib.scenario(id).is_some(), "missing scenario {id}");
    }
    for heavy in [
        "wanting-to-die",
        "outreach-medication",
        "ward-power",
        "grief",
        "self-harm-fear",
    ] {
        let s = lib.scenario(heavy).unwrap();
        assert!(
            s.is_heavy() && s.content_note.is_some(),
            "{heavy} must carry a content note"
        );
    }
}

/// Walks every text of every item in both languages.
#[test]
fn every_item_reads_in_both_languages() {
    let lib = library();
    let mut texts = 0;
    let mut check = |what: &str, t: &taiwa::domain::Text| {
        for lang in Lang::ALL {
            assert!(!t.get(lang).trim().is_empty(), "{what} has no {lang:?}");
        }
        // Japanese text is Japanese: it holds kana or kanji.
        assert!(
            t.ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)
                || ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{what}: the Japanese does not look Japanese: {}",
            t.ja
        );
        texts += 1;
    };
    for s in &lib.scenarios {
        check(&s.id, &s.title);
        check(&s.id, &s.situation);
        check(&s.id, &s.opening);
        for r in &s.roles {
            check(&s.id, &r.name);
            check(&s.id, &r.briefing);
        }
        for m in &s.moments {
            check(&s.id, &m.other);
            for r in &m.responses {
                check(&s.id, &r.text);
                check(&s.id, &r.note);
            }
        }
        for task in Task::ALL {
            check(&s.id, s.debrief.get(task));
        }
    }
    for r in &lib.reframes {
        check(&r.id, &r.phrase);
        check(&r.id, &r.note);
        for e in &r.examples {
            check(&r.id, e);
        }
    }
    for d in &lib.decks {
        for p in &d.prompt {
            check(&p.id, &p.text);
        }
    }
    for c in &lib.concepts {
        check(&c.id, &c.body);
        check(&c.id, &c.question);
    }
    assert!(texts > 1000, "walked {texts} texts");
}

#[test]
fn notes_never_grade_the_user() {
    let lib = library();
    let grading = [
        "正解",
        "不正解",
        "間違い",
        "correct answer",
        "wrong answer",
        "the right answer",
        "best answer",
        "点数",
        "score",
    ];
    for s in &lib.scenarios {
        for m in &s.moments {
            for r in &m.responses {
                for word in grading {
                    assert!(
                        !r.note.ja.contains(word) && !r.note.en.to_lowercase().contains(word),
                        "{}: a note grades the user with \"{word}\"",
                        s.id
                    );
                }
            }
        }
    }
}

/// Each fixture under tests/fixtures/broken/ is a copy of a real item with one
/// thing broken; the expected message names the file and the field.
#[test]
fn a_broken_item_of_each_kind_names_its_file_and_field() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let cases: &[(&str, &[&str])] = &[
        (
            "scenarios/missing-english.toml",
            &[
                "missing-english.toml",
                "moments[1].responses[0].note.en",
                "missing English text",
            ],
        ),
        (
            "scenarios/unknown-task.toml",
            &["unknown-task.toml", "conection", "tasks"],
        ),
        (
            "scenarios/heavy-without-note.toml",
            &["heavy-without-note.toml", "content_note"],
        ),
        (
            "scenarios/too-long.toml",
            &["too-long.toml", "title.ja", "too long"],
        ),
        (
            "scenarios/wrong-roles.toml",
            &["wrong-roles.toml", "roles", "observer"],
        ),
        (
            "reframes/duplicate.toml",
            &["duplicate.toml", "reframe[1].id", "duplicate id"],
        ),
        (
            "reframes/one-example.toml",
            &["one-example.toml", "reframe[0].examples"],
        ),
        (
            "decks/missing-japanese.toml",
            &[
                "missing-japanese.toml",
                "prompt[0].text.ja",
                "missing Japanese text",
            ],
        ),
        (
            "lens/example-not-found.toml",
            &["example-not-found.toml", "rule[0].positive[0]"],
        ),
        (
            "lens/bad-pattern.toml",
            &["bad-pattern.toml", "rule[0].patterns", "{"],
        ),
        ("concepts.toml", &["concepts.toml", "concept", "pass-is-ok"]),
    ];
    for (rel, expected) in cases {
        let path = base.join(rel);
        let file = SourceFile {
            path: path.to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}")),
        };
        let errors = match load_library(&[file]) {
            Ok(_) => panic!("{rel} should fail the check"),
            Err(errors) => errors,
        };
        let all = errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        for needle in *expected {
            assert!(
                all.contains(needle),
                "{rel}: expected \"{needle}\" in:\n{all}"
            );
        }
    }
}

#[test]
fn the_lens_finds_every_positive_and_no_negative_example() {
    // The build checks this too; here it is visible as a test.
    let mut files = Vec::new();
    read_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/lens")
            .as_path(),
        &mut files,
    );
    let mut rules = Vec::new();
    for f in &files {
        #[derive(serde::Deserialize)]
        struct F {
            rule: Vec<taiwa::domain::content::LensRule>,
        }
        let parsed: F = toml::from_str(&f.text).unwrap();
        rules.extend(parsed.rule);
    }
    let mut examples = 0;
    for rule in &rules {
        let lens = Lens::compile(std::slice::from_ref(rule)).unwrap();
        for p in &rule.positive {
            assert!(
                !lens.scan(p).is_empty(),
                "{}: does not find \"{p}\"",
                rule.id
            );
            examples += 1;
        }
        for n in &rule.negative {
            assert!(
                lens.scan(n).is_empty(),
                "{}: finds something in \"{n}\"",
                rule.id
            );
            examples += 1;
        }
    }
    assert!(examples >= 150, "{examples} examples");
}
