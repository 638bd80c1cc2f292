//! The content library: counts, both languages everywhere, and that a broken item
//! of each kind stops the build with a message naming the file and the field.

mod common;

use common::{files, library, root};
use std::path::Path;
use taiwa_domain::content::shape::Shape;
use taiwa_domain::content::{load_library, Heavy, SourceFile, Task};
use taiwa_domain::lens::{Lens, LensKind};
use taiwa_domain::Lang;

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
    for shift in taiwa_domain::content::Shift::ALL {
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

/// The second edition's shape: varied arcs, no answer key, and a reaction on
/// every response (the counts `make check-content` prints).
#[test]
fn the_library_has_the_shape_of_its_second_edition() {
    let lib = library();
    let shape = Shape::of(&lib);
    assert!(shape.scenarios >= 30, "{} scenarios", shape.scenarios);
    assert!(shape.branching >= 6, "{} scenarios branch", shape.branching);
    assert!(
        shape.not_four() >= 5,
        "{} have other than 4 moments",
        shape.not_four()
    );
    assert!(
        shape.by_moments.keys().all(|n| (3..=7).contains(n)),
        "{:?}",
        shape.by_moments
    );
    assert!(
        shape.moving_towards_task >= 8,
        "moving towards is a task in {}",
        shape.moving_towards_task
    );
    assert!(
        shape.mixed_moments * 2 >= shape.moments,
        "{} of {} moments have a reply that leans both ways",
        shape.mixed_moments,
        shape.moments
    );
    assert!(
        shape.clean_reply < shape.moments,
        "every moment has a reply that leans only toward"
    );
    assert_eq!(
        shape.one_good_rest_bad, 0,
        "one good reply and the rest bad"
    );
    assert_eq!(
        shape.with_reaction, shape.responses,
        "a reaction on every response"
    );
    assert_eq!(
        shape.heavy, shape.heavy_with_note,
        "every heavy scenario has its note"
    );
    assert!(
        shape.notes_on_tada * 4 <= shape.responses,
        "{} notes turn on 「ただ、」",
        shape.notes_on_tada
    );
    assert_eq!(shape.anata_in_model_lines, Vec::<String>::new());
    assert_eq!(shape.kare_in_notes, Vec::<String>::new());
    // Mutuality and moving towards are leaned toward often enough to practise.
    assert!(shape.toward["moving_towards"] >= 40, "{:?}", shape.toward);
    for id in ["ward-power", "angry-at-services"] {
        let s = lib.scenario(id).unwrap();
        assert!(s.heavy.contains(&Heavy::Coercion), "{id} is about coercion");
    }
    assert!(
        lib.scenarios
            .iter()
            .any(|s| s.heavy.contains(&Heavy::Abuse)),
        "a scenario is about abuse"
    );
}

/// Every path through every scenario ends, and every path is a conversation
/// of at least three turns.
#[test]
fn every_path_through_every_scenario_ends_after_three_turns_or_more() {
    for s in library().scenarios {
        let paths = s.paths();
        assert!(!paths.is_empty(), "{}", s.id);
        for p in paths {
            assert!(p.len() >= 3, "{}: a path of {} turns: {p:?}", s.id, p.len());
        }
    }
}

/// Nobody's name is used in two scenarios (family members share a surname
/// within one).
#[test]
fn every_person_has_a_name_of_their_own() {
    use std::collections::BTreeMap;
    let mut given: BTreeMap<String, String> = BTreeMap::new();
    let mut surnames: BTreeMap<String, String> = BTreeMap::new();
    for s in library().scenarios {
        for r in &s.roles {
            // 「大野 真由美さん（52歳）」, 「看護師 斉藤 健太さん（35歳）」
            let name = r
                .name
                .ja
                .split('（')
                .next()
                .unwrap_or("")
                .trim_end_matches("さん");
            let parts: Vec<&str> = name.split(' ').collect();
            if parts.len() < 2 {
                continue;
            }
            let (sur, first) = (parts[parts.len() - 2], parts[parts.len() - 1]);
            for (map, key) in [(&mut given, first), (&mut surnames, sur)] {
                if let Some(other) = map.get(key).filter(|o| **o != s.id) {
                    panic!("{key} is in {other} and {}", s.id);
                }
                map.insert(key.to_string(), s.id.clone());
            }
        }
    }
}

/// How well the lens hears sentences written apart from its rules (never
/// used to write them): it must not fall below what it reaches now.
#[test]
fn the_lens_hears_held_out_sentences_without_false_alarms() {
    use taiwa_domain::lens::measure::{measure, HeldOut};
    let lib = library();
    let lens = Lens::compile(&lib.lens).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lens-heldout.toml"),
    )
    .unwrap();
    let set: HeldOut = toml::from_str(&text).unwrap();
    assert!(set.sentence.len() >= 150);
    assert!(set
        .sentence
        .iter()
        .any(|s| s.text == "話したくないことは、話さなくて大丈夫です。" && s.kinds.is_empty()));
    for lang in Lang::ALL {
        let m = measure(&lens, &set, lang);
        assert!(
            m.recall() >= 0.65,
            "{lang:?} recall {:.2}: {:#?}",
            m.recall(),
            m.misses
        );
        assert!(
            m.false_alarm_rate() <= 0.1,
            "{lang:?} false alarms {:.2}: {:#?}",
            m.false_alarm_rate(),
            m.alarms
        );
    }
    let plain = ["話したくないことは、話さなくて大丈夫です。"];
    for p in plain {
        assert!(lens.scan(p).is_empty(), "{p}");
    }
    for marked in [
        "そういうときは深呼吸するといいよ。",
        "早めに先生に相談しておいたほうが安心ですよ。",
        "どうして薬をやめちゃったんですか。",
        "You really should get some fresh air.",
    ] {
        assert!(!lens.scan(marked).is_empty(), "{marked}");
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
    let mut check = |what: &str, t: &taiwa_domain::Text| {
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
            "scenarios/missing-reaction.toml",
            &[
                "missing-reaction.toml",
                "moments[2].responses[1].reaction",
                "react",
            ],
        ),
        (
            "scenarios/dangling-next.toml",
            &[
                "dangling-next.toml",
                "moments[0].responses[0].next",
                "nowhere",
            ],
        ),
        (
            "scenarios/moment-number.toml",
            &[
                "moment-number.toml",
                "roles[2].enters.ja",
                "moment's number",
            ],
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
    let mut rules = Vec::new();
    for f in &files(&root().join("content/lens")) {
        #[derive(serde::Deserialize)]
        struct F {
            rule: Vec<taiwa_domain::lens::LensRule>,
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

#[test]
fn every_scenario_prints_as_its_situation_then_each_role_once() {
    use taiwa_domain::paper::{role_set, Layout, RoleSetCard};
    let lib = library();
    for s in &lib.scenarios {
        let set = role_set(s);
        assert_eq!(set[0], RoleSetCard::Situation, "{}", s.id);
        assert_eq!(set.len(), s.roles.len() + 1, "{}", s.id);
        for r in &s.roles {
            let n = set
                .iter()
                .filter(|c| **c == RoleSetCard::Role(r.kind))
                .count();
            assert_eq!(n, 1, "{}: {:?}", s.id, r.kind);
        }
        // Three or four roles and the situation, half a page each: two or
        // three sheets a set.
        let sheets = Layout::Half.sheet_count(set.len());
        assert!((2..=3).contains(&sheets), "{}: {sheets} sheets", s.id);
    }
}
