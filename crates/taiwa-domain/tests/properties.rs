//! Hostile input: property tests for everything that reads text from outside
//! (share codes from links, backup files, stored documents). No input makes a
//! reader panic; what is written reads back the same; a changed code is never
//! read as something else. Plus share codes for every built-in scenario.

mod common;

use proptest::prelude::*;
use taiwa_domain::backup;
use taiwa_domain::content::{Deck, DeckKind, Prompt, Reframe, RoleKind, Shift, Source};
use taiwa_domain::document::{self, Document};
use taiwa_domain::journal::{Entry, EntryBody};
use taiwa_domain::own::OwnContent;
use taiwa_domain::session::{PlanStep, SessionPlan, StepKind};
use taiwa_domain::share::{self, Share, ShareError};
use taiwa_domain::{Lang, Text};

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Ja), Just(Lang::En)]
}

/// Text a person might type: Japanese, English, emoji, quotes, newlines.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[ぁ-んァ-ヶ一-龠a-zA-Z0-9 、。！？「」\"'<>&\\n😊]{{1,{max}}}"
    ))
    .unwrap()
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn text_in(lang: Lang, max: usize) -> impl Strategy<Value = Text> {
    words(max).prop_map(move |w| match lang {
        Lang::Ja => Text::new(w, ""),
        Lang::En => Text::new("", w),
    })
}

fn role() -> impl Strategy<Value = RoleKind> {
    prop_oneof![
        Just(RoleKind::Supporter),
        Just(RoleKind::Person),
        Just(RoleKind::Third),
        Just(RoleKind::Observer)
    ]
}

fn deck() -> impl Strategy<Value = (Lang, Deck)> {
    lang().prop_flat_map(|l| {
        (
            text_in(l, 30),
            proptest::collection::vec(
                (text_in(l, 80), proptest::option::of(text_in(l, 30))),
                1..12,
            ),
        )
            .prop_map(move |(title, prompts)| {
                let deck = Deck {
                    id: "mine-deck".into(),
                    kind: DeckKind::Theme,
                    title,
                    prompt: prompts
                        .into_iter()
                        .enumerate()
                        .map(|(i, (text, short))| Prompt {
                            id: format!("p{i}"),
                            text,
                            short,
                        })
                        .collect(),
                };
                (l, deck)
            })
    })
}

fn reframe() -> impl Strategy<Value = (Lang, Reframe)> {
    lang().prop_flat_map(|l| {
        (
            text_in(l, 80),
            proptest::collection::vec(text_in(l, 100), 2..=3),
            text_in(l, 120),
        )
            .prop_map(move |(phrase, examples, note)| {
                let r = Reframe {
                    id: "mine-r".into(),
                    shift: Shift::Hope,
                    source: Source::InnerThought,
                    phrase,
                    examples,
                    note,
                };
                (l, r)
            })
    })
}

fn plan() -> impl Strategy<Value = SessionPlan> {
    (
        words(80),
        proptest::collection::vec((words(40), words(300), 1u32..120), 0..12),
    )
        .prop_map(|(name, steps)| {
            let mut plan = SessionPlan::new("p".into(), name, 0);
            plan.steps = steps
                .into_iter()
                .enumerate()
                .map(|(i, (title, prompt, minutes))| PlanStep {
                    id: format!("s{i}"),
                    kind: StepKind::Theme,
                    title,
                    prompt,
                    deck: None,
                    scenario: None,
                    minutes,
                    notes: String::new(),
                })
                .collect();
            plan
        })
}

fn any_share() -> impl Strategy<Value = Share> {
    prop_oneof![
        ("[a-z-]{1,40}", role(), lang()).prop_map(|(scenario, role, lang)| Share::Card {
            scenario,
            role,
            lang
        }),
        deck().prop_map(|(lang, deck)| Share::Deck { lang, deck }),
        reframe().prop_map(|(lang, reframe)| Share::Reframe { lang, reframe }),
        plan().prop_map(|plan| Share::Plan {
            plan,
            decks: vec![],
            scenarios: vec![]
        }),
    ]
}

fn note(id: String, text: String, created: i64) -> Entry {
    Entry::new(id, created, EntryBody::Note { text })
}

fn any_document() -> impl Strategy<Value = Document> {
    let entries = proptest::collection::vec(
        (
            "[a-z0-9]{1,12}",
            words(200),
            0i64..4_000_000_000_000,
            any::<bool>(),
        ),
        0..20,
    );
    (entries, proptest::option::of(reframe())).prop_map(|(entries, own)| {
        let mut doc = Document::default();
        for (id, text, t, deleted) in entries {
            doc.journal.put(&id, note(id.clone(), text, t), t);
            if deleted {
                doc.journal.delete(&id, t + 1);
            }
        }
        if let Some((lang, r)) = own {
            let mut content = OwnContent::default();
            content.keep(&r, lang, &r.id.clone(), 1_000);
            doc.own = content;
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn share_codes_round_trip(s in any_share()) {
        let code = share::encode(&s);
        prop_assert!(code.starts_with(share::VERSION));
        prop_assert!(code.len() <= share::MAX_LEN);
        prop_assert_eq!(share::decode(&code), Ok(s));
    }

    #[test]
    fn no_text_makes_the_share_decoder_panic(text in ".{0,400}") {
        let _ = share::decode(&text);
        let _ = share::decode(&format!("2{text}"));
        let _ = share::decode(&format!("1{text}"));
    }

    #[test]
    fn no_bytes_make_the_share_decoder_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = share::decode(&format!("2{}", share::base64url_encode(&bytes)));
        let _ = share::decode(&format!("1{}", share::base64url_encode(&bytes)));
    }

    /// One changed or missing character: refused, or (when the change falls in
    /// bits the format ignores) read as exactly the same thing. Never as
    /// something else.
    #[test]
    fn a_changed_code_is_never_read_as_something_else(
        s in any_share(),
        at in any::<prop::sample::Index>(),
        to in proptest::char::range('-', 'z'),
        cut in any::<bool>(),
    ) {
        let code = share::encode(&s);
        let mut chars: Vec<char> = code.chars().collect();
        let i = at.index(chars.len());
        if cut {
            chars.truncate(i);
        } else {
            chars[i] = to;
        }
        let changed: String = chars.into_iter().collect();
        if let Ok(read) = share::decode(&changed) {
            prop_assert_eq!(read, s);
        }
    }

    #[test]
    fn no_text_makes_backup_or_restore_panic(text in ".{0,400}") {
        let _ = backup::read(&text);
        let _ = document::restore(Some(&text));
        let wrapped = format!(r#"{{"app":"taiwa","schema":2,"exported":0,"document":{text}}}"#);
        let _ = backup::read(&wrapped);
    }

    #[test]
    fn backups_round_trip(doc in any_document(), now in 0i64..4_000_000_000_000) {
        let file = backup::export(&doc, now);
        let preview = backup::read(&file).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(preview.exported, now);
        prop_assert_eq!(&preview.document, &doc);
        // And the stored form too.
        prop_assert_eq!(
            document::restore(Some(&document::to_json(&doc))),
            document::Restored::Ready { doc, set_aside: vec![] }
        );
    }
}

/// Every built-in scenario, shared whole as if it were one's own, in either
/// language: the code reads back, is shorter than the uncompressed format,
/// and opening it changes nothing until saved.
#[test]
fn every_built_in_scenario_travels_in_a_code() {
    let lib = common::library();
    let mut longest = 0;
    for s in &lib.scenarios {
        for lang in Lang::ALL {
            let mut only = s.clone();
            // Keep one language, as someone's own scenario would be written.
            let value = serde_json::to_value(&only).unwrap();
            let drop = match lang {
                Lang::Ja => "en",
                Lang::En => "ja",
            };
            let mut value = value;
            fn blank(v: &mut serde_json::Value, drop: &str) {
                match v {
                    serde_json::Value::Object(m) if m.len() == 2 && m.contains_key("ja") => {
                        m.insert(drop.into(), "".into());
                    }
                    serde_json::Value::Object(m) => m.values_mut().for_each(|x| blank(x, drop)),
                    serde_json::Value::Array(a) => a.iter_mut().for_each(|x| blank(x, drop)),
                    _ => {}
                }
            }
            blank(&mut value, drop);
            only = serde_json::from_value(value).unwrap();
            let shared = Share::Scenario {
                lang,
                scenario: only,
            };
            let code = share::encode(&shared);
            let plain = serde_json::to_vec(&shared).unwrap().len() * 4 / 3;
            assert!(
                code.len() < plain * 7 / 10,
                "{}: {} vs {plain}",
                s.id,
                code.len()
            );
            longest = longest.max(code.len());
            assert_eq!(share::decode(&code), Ok(shared.clone()), "{}", s.id);
            let mut doc = Document::default();
            let before = doc.clone();
            let mut n = 0;
            let saved = share::save(&shared, &mut doc, 5, || {
                n += 1;
                format!("x{n}")
            });
            assert_ne!(doc, before);
            let share::Saved::Scenario(id) = saved else {
                panic!("{saved:?}")
            };
            let own = doc.own.scenarios.get(&id).unwrap();
            assert!(own.ready().is_some(), "{:?}", own.problems());
        }
    }
    eprintln!("longest scenario code: {longest} characters");
    assert!(longest < share::MAX_LEN, "{longest}");
}

#[test]
fn codes_of_the_first_format_still_open() {
    let json = br#"{"t":"card","scenario":"first-meeting","role":"person","lang":"ja"}"#;
    let mut bytes = json.to_vec();
    bytes.extend_from_slice(&share::crc32(json).to_be_bytes());
    let code = format!("1{}", share::base64url_encode(&bytes));
    assert_eq!(
        share::decode(&code),
        Ok(Share::Card {
            scenario: "first-meeting".into(),
            role: RoleKind::Person,
            lang: Lang::Ja
        })
    );
}

#[test]
fn oversized_and_bomb_codes_are_refused() {
    assert_eq!(
        share::decode(&"2".repeat(share::MAX_LEN + 1)),
        Err(ShareError::TooLong)
    );
    // A small code that would unpack to far more than any real share.
    let json = format!(
        r#"{{"t":"card","scenario":"{}","role":"person","lang":"ja"}}"#,
        "a".repeat(share::MAX_UNPACKED + 10)
    );
    let mut bytes = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    bytes.extend_from_slice(&share::crc32(json.as_bytes()).to_be_bytes());
    let code = format!("2{}", share::base64url_encode(&bytes));
    assert!(code.len() < share::MAX_LEN, "{}", code.len());
    assert_eq!(share::decode(&code), Err(ShareError::TooLong));
}

#[test]
fn content_that_fails_the_checks_is_refused_even_with_a_good_checksum() {
    let shared = Share::Reframe {
        lang: Lang::Ja,
        reframe: Reframe {
            id: "mine-x".into(),
            shift: Shift::Hope,
            source: Source::Question,
            phrase: Text::new("", ""),
            examples: vec![],
            note: Text::new("メモ", ""),
        },
    };
    assert_eq!(
        share::decode(&share::encode(&shared)),
        Err(ShareError::Invalid)
    );
}

#[test]
fn a_plan_travels_with_its_own_decks_and_points_to_the_saved_copies() {
    let mut doc = Document::default();
    let deck = Deck {
        id: "mine-d".into(),
        kind: DeckKind::CheckIn,
        title: Text::new("はじまりの問い", ""),
        prompt: vec![Prompt {
            id: "p1".into(),
            text: Text::new("今日ここに来るまでに、どんなことがありましたか。", ""),
            short: None,
        }],
    };
    doc.own.keep(&deck, Lang::Ja, "mine-d", 1);
    let mut plan = SessionPlan::new("plan".into(), "11月の学習会".into(), 1);
    plan.steps = vec![
        PlanStep {
            id: "a".into(),
            kind: StepKind::CheckIn,
            title: "チェックイン".into(),
            prompt: String::new(),
            deck: Some("mine-d".into()),
            scenario: None,
            minutes: 15,
            notes: String::new(),
        },
        PlanStep {
            id: "b".into(),
            kind: StepKind::CheckOut,
            title: "チェックアウト".into(),
            prompt: String::new(),
            deck: Some("check-out".into()),
            scenario: None,
            minutes: 10,
            notes: String::new(),
        },
    ];
    let shared = Share::plan(&plan, &doc);
    let code = share::encode(&shared);
    eprintln!("plan with one own deck: {} characters", code.len());
    assert!(share::qr(&code).is_some(), "a plan fits in a QR code");
    let read = share::decode(&code).unwrap();
    let mut other = Document::default();
    let mut n = 0;
    let saved = share::save(&read, &mut other, 9, || {
        n += 1;
        format!("n{n}")
    });
    let share::Saved::Plan(id) = saved else {
        panic!("{saved:?}")
    };
    let got = other.plans.get(&id).unwrap();
    assert_eq!(got.name, "11月の学習会");
    let own_deck = got.steps[0].deck.clone().unwrap();
    assert!(other.own.decks.get(&own_deck).unwrap().ready().is_some());
    assert_eq!(
        got.steps[1].deck.as_deref(),
        Some("check-out"),
        "built-in decks stay named"
    );
    assert_eq!(other.own.decks.len(), 1);
}

mod lock {
    use super::*;
    use taiwa_domain::lock::{Envelope, Holds, Kek, Keys, Secret, ITERATIONS};

    fn kek(byte: u8) -> Kek {
        Kek::derived([byte; 32], &[byte; 16], ITERATIONS)
    }

    fn keys(data: [u8; 32]) -> Keys {
        Keys::new(data, &kek(1), &kek(2), [[3; 12], [4; 12]])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// A sealed document opens back, whole, with either secret, and its
        /// words are nowhere in what is stored.
        #[test]
        fn sealed_documents_round_trip(doc in any_document(), data in any::<[u8; 32]>(), nonce in any::<[u8; 12]>()) {
            let json = document::to_json(&doc);
            let stored = keys(data).seal(Holds::Data, &json, nonce).to_json();
            for entry in doc.entries() {
                if let EntryBody::Note { text } = &entry.body {
                    if text.chars().count() >= 4 {
                        prop_assert!(!stored.contains(text.as_str()));
                    }
                }
            }
            let envelope = Envelope::read(&stored).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            for (secret, k) in [(Secret::Passcode, kek(1)), (Secret::Recovery, kek(2))] {
                let mut opened = envelope.unlock(secret, &k).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                let back = opened.open(&envelope, Holds::Data).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                prop_assert_eq!(document::read_current(&back), Some(doc.clone()));
            }
        }

        /// One changed character anywhere in a stored envelope: refused with
        /// a reason, or (in a part that is not read) opened as exactly the
        /// same text. Never as something else.
        #[test]
        fn a_tampered_envelope_is_refused(
            text in words(200),
            at in any::<prop::sample::Index>(),
            to in proptest::char::range('-', 'z'),
        ) {
            let stored = keys([9; 32]).seal(Holds::Data, &text, [5; 12]).to_json();
            let mut chars: Vec<char> = stored.chars().collect();
            let i = at.index(chars.len());
            chars[i] = to;
            let changed: String = chars.into_iter().collect();
            let opened = Envelope::read(&changed).and_then(|e| {
                let mut keys = e.unlock(Secret::Passcode, &kek(1))?;
                keys.open(&e, Holds::Data)
            });
            if let Ok(back) = opened {
                prop_assert_eq!(back, text);
            }
        }

        /// No text makes the envelope's reader panic.
        #[test]
        fn no_text_makes_the_envelope_reader_panic(text in ".{0,400}") {
            let _ = Envelope::read(&text);
            let _ = Envelope::read(&format!(r#"{{"app":"taiwa","lock":1,{text}}}"#));
        }
    }
}
