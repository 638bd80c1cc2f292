//! The language lens: notices phrasings that can carry an assumption (advice,
//! labels, blame, fear...) in a person's own writing, in Japanese and English.
//!
//! The rules are data (`content/lens/*.toml`); this module compiles their patterns
//! once and scans text with them. A finding is a span of the original text, in byte
//! offsets that always fall on character boundaries, with the rule that found it.
//!
//! Before matching, text and patterns go through [`normalise`]: the parts of
//! Unicode NFKC that matter for Japanese typing (full-width letters, digits and
//! punctuation; half-width katakana with its voiced marks), then katakana to
//! hiragana and lower case. We do this by hand rather than ship the full Unicode
//! tables to every phone.

pub mod measure;

use crate::ground::check::{limits, Checker, FieldPath, Reason};
use crate::ground::lang::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// What kind of assumption a phrasing may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LensKind {
    Advice,
    WhyBlame,
    Label,
    Fixing,
    ClosedQuestion,
    Minimising,
    SpeakingFor,
    Jargon,
    Fear,
}

impl LensKind {
    pub const ALL: [LensKind; 9] = [
        LensKind::Advice,
        LensKind::WhyBlame,
        LensKind::Label,
        LensKind::Fixing,
        LensKind::ClosedQuestion,
        LensKind::Minimising,
        LensKind::SpeakingFor,
        LensKind::Jargon,
        LensKind::Fear,
    ];
    pub fn key(self) -> &'static str {
        match self {
            LensKind::Advice => "advice",
            LensKind::WhyBlame => "why_blame",
            LensKind::Label => "label",
            LensKind::Fixing => "fixing",
            LensKind::ClosedQuestion => "closed_question",
            LensKind::Minimising => "minimising",
            LensKind::SpeakingFor => "speaking_for",
            LensKind::Jargon => "jargon",
            LensKind::Fear => "fear",
        }
    }
}

/// A rule of the language lens, as written in `content/lens/*.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LensRule {
    pub id: String,
    pub kind: LensKind,
    pub lang: Lang,
    pub patterns: Vec<String>,
    pub explain: Text,
    pub consider: Text,
    /// Examples the rule must find. Checked at build time, not shipped.
    #[serde(default, skip_serializing)]
    pub positive: Vec<String>,
    /// Near misses the rule must not find. Checked at build time, not shipped.
    #[serde(default, skip_serializing)]
    pub negative: Vec<String>,
}

impl LensRule {
    /// Every problem with this rule (`at` is its place in its file): its
    /// texts, its patterns, and its own examples, which it must find, and near
    /// misses, which it must not.
    pub fn problems(&self, file: &str, at: &FieldPath) -> Vec<crate::ground::check::ContentError> {
        let mut c = Checker::new(file);
        c.id(&at.field("id"), &self.id);
        c.text(&at.field("explain"), &self.explain, limits::LENS_LINE);
        c.text(&at.field("consider"), &self.consider, limits::LENS_LINE);
        for (field, empty, problem) in [
            (
                "patterns",
                self.patterns.is_empty(),
                "a rule needs at least one pattern",
            ),
            (
                "positive",
                self.positive.is_empty(),
                "give at least one example the rule must find",
            ),
            (
                "negative",
                self.negative.is_empty(),
                "give at least one near miss the rule must not find",
            ),
        ] {
            if empty {
                c.fail(at.field(field), Reason::File, problem);
            }
        }
        let lens = match Lens::compile(std::slice::from_ref(self)) {
            Ok(lens) => lens,
            Err(e) => {
                c.fail(at.field("patterns"), Reason::File, e.to_string());
                return c.errors;
            }
        };
        for (i, example) in self.positive.iter().enumerate() {
            if lens.scan(example).is_empty() {
                c.fail(
                    at.field("positive").at(i),
                    Reason::File,
                    format!("the rule does not find anything in \"{example}\""),
                );
            }
        }
        for (i, example) in self.negative.iter().enumerate() {
            if !lens.scan(example).is_empty() {
                c.fail(
                    at.field("negative").at(i),
                    Reason::File,
                    format!("the rule finds something in \"{example}\", which it should not"),
                );
            }
        }
        c.errors
    }
}

/// The longest gap `*` stands for, in characters.
pub const GAP: usize = 10;

/// A pattern that cannot be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub pattern: String,
    pub problem: &'static str,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the pattern \"{}\" {}", self.pattern, self.problem)
    }
}

/// Text prepared for matching: normalised characters, and for each the byte span
/// of the original text it came from.
pub struct Normalised {
    pub chars: Vec<char>,
    pub spans: Vec<(usize, usize)>,
}

const HALF_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

fn width_and_case(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        0xFF61 => '。',
        0xFF62 => '「',
        0xFF63 => '」',
        0xFF64 => '、',
        0xFF65 => '・',
        0xFF66..=0xFF9D => HALF_KANA
            .chars()
            .nth((c as u32 - 0xFF66) as usize)
            .unwrap_or(c),
        0x2018 | 0x2019 | 0x02BC => '\'',
        _ => c,
    };
    // Katakana to hiragana.
    let c = match c as u32 {
        0x30A1..=0x30F6 => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }
}

/// The voiced (or semi-voiced) form of a hiragana, if it has one.
fn voiced(base: char, semi: bool) -> Option<char> {
    let b = base as u32;
    let takes_dakuten = matches!(b, 0x304B..=0x3062 if (b - 0x304B).is_multiple_of(2))
        || matches!(b, 0x3064 | 0x3066 | 0x3068)
        || matches!(b, 0x306F | 0x3072 | 0x3075 | 0x3078 | 0x307B);
    let is_h_row = matches!(b, 0x306F | 0x3072 | 0x3075 | 0x3078 | 0x307B);
    match (semi, base) {
        (false, 'う') => Some('ゔ'),
        (false, _) if takes_dakuten => char::from_u32(b + 1),
        (true, _) if is_h_row => char::from_u32(b + 2),
        _ => None,
    }
}

/// Normalises `text` for matching, keeping where each character came from.
pub fn normalise(text: &str) -> Normalised {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (at, raw) in text.char_indices() {
        let end = at + raw.len_utf8();
        // Voiced marks, half-width or combining, join the kana before them.
        let mark = match raw as u32 {
            0xFF9E | 0x3099 | 0x309B => Some(false),
            0xFF9F | 0x309A | 0x309C => Some(true),
            _ => None,
        };
        if let Some(semi) = mark {
            if let (Some(last), Some(span)) = (chars.last_mut(), spans.last_mut()) {
                if let Some(v) = voiced(*last, semi) {
                    *last = v;
                    span.1 = end;
                    continue;
                }
            }
        }
        chars.push(width_and_case(raw));
        spans.push((at, end));
    }
    Normalised { chars, spans }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '.' | '!' | '?' | '\n' | '\r')
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// One step of a compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    Lit(Vec<char>),
    /// One of several literals; an option may be empty.
    Alt(Vec<Vec<char>>),
    /// Up to [`GAP`] characters within one sentence.
    Gap,
}

/// Parses a pattern into items. Alternatives stay unexpanded, so a pattern with
/// many of them costs no more to try than its first item, where most tries fail.
fn parse(pattern: &str) -> Result<Vec<Item>, PatternError> {
    let fail = |problem| PatternError {
        pattern: pattern.to_string(),
        problem,
    };
    let mut items = Vec::new();
    let mut literal = String::new();
    let flush = |literal: &mut String, items: &mut Vec<Item>| {
        if !literal.is_empty() {
            items.push(Item::Lit(normalise(literal).chars));
            literal.clear();
        }
    };
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                flush(&mut literal, &mut items);
                let close = rest
                    .find('}')
                    .ok_or_else(|| fail("has a { without its }"))?;
                let inner = &rest[1..close];
                if inner.contains('{') {
                    return Err(fail("nests { } inside { }, which is not supported"));
                }
                if inner.contains('*') {
                    return Err(fail("has * inside { }, which is not supported"));
                }
                items.push(Item::Alt(
                    inner.split('|').map(|o| normalise(o).chars).collect(),
                ));
                rest = &rest[close + 1..];
            }
            '}' => return Err(fail("has a } without its {")),
            '|' => return Err(fail("has a | outside { }")),
            '*' => {
                flush(&mut literal, &mut items);
                items.push(Item::Gap);
                rest = &rest[1..];
            }
            _ => {
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    flush(&mut literal, &mut items);
    let solid = |i: &Item| match i {
        Item::Lit(_) => true,
        Item::Alt(options) => options.iter().all(|o| !o.is_empty()),
        Item::Gap => false,
    };
    if !items.iter().any(solid) {
        return Err(fail("can match empty text"));
    }
    if matches!(items.first(), Some(Item::Gap)) || matches!(items.last(), Some(Item::Gap)) {
        return Err(fail("starts or ends with *, which would mark too much"));
    }
    Ok(items)
}

/// The characters a match of `items` can start with.
fn first_chars(items: &[Item]) -> Vec<char> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Lit(l) => {
                out.push(l[0]);
                break;
            }
            Item::Alt(options) => {
                out.extend(options.iter().filter_map(|o| o.first().copied()));
                if options.iter().all(|o| !o.is_empty()) {
                    break;
                }
            }
            Item::Gap => break,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Clone, Debug)]
struct Compiled {
    rule: usize,
    items: Vec<Item>,
}

/// One thing the lens noticed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte offsets into the original text, on character boundaries.
    pub start: usize,
    pub end: usize,
    /// Index of the rule in the list the lens was compiled from.
    pub rule: usize,
    pub kind: LensKind,
}

/// A compiled set of rules.
#[derive(Clone, Debug, Default)]
pub struct Lens {
    kinds: Vec<(LensKind, Lang)>,
    patterns: Vec<Compiled>,
    /// Patterns (indices into `patterns`) by a character they can start with.
    by_first: HashMap<char, Vec<usize>>,
}

impl Lens {
    /// Compiles the rules' patterns. Rule `i` of `rules` is `Finding::rule == i`.
    pub fn compile(rules: &[LensRule]) -> Result<Lens, PatternError> {
        let mut lens = Lens::default();
        for (i, rule) in rules.iter().enumerate() {
            lens.kinds.push((rule.kind, rule.lang));
            for pattern in &rule.patterns {
                let items = parse(pattern)?;
                let index = lens.patterns.len();
                for c in first_chars(&items) {
                    lens.by_first.entry(c).or_default().push(index);
                }
                lens.patterns.push(Compiled { rule: i, items });
            }
        }
        Ok(lens)
    }

    /// Everything the lens notices in `text`, ordered by where it starts. A rule
    /// never reports two overlapping spans; different rules may overlap.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let norm = normalise(text);
        let chars = &norm.chars;
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, rule) in chars
                                                                // Where each rule may next match, so its findings do not overlap.
        let mut free_from = vec![0usize; self.kinds.len()];
        let mut best: Vec<(usize, usize)> = Vec::new(); // (rule, end) at this start
        for start in 0..chars.len() {
            let Some(candidates) = self.by_first.get(&chars[start]) else {
                continue;
            };
            best.clear();
            for &p in candidates {
                let Compiled { rule, items } = &self.patterns[p];
                if start < free_from[*rule] {
                    continue;
                }
                let lang = self.kinds[*rule].1;
                if lang == Lang::En && start > 0 && is_word_char(chars[start - 1]) {
                    continue;
                }
                let Some(end) = match_at(items, chars, start, lang) else {
                    continue;
                };
                match best.iter_mut().find(|(r, _)| r == rule) {
                    Some(b) => b.1 = b.1.max(end),
                    None => best.push((*rule, end)),
                }
            }
            for &(rule, end) in &best {
                free_from[rule] = end;
                found.push((start, end, rule));
            }
        }
        found
            .into_iter()
            .map(|(s, e, rule)| Finding {
                start: norm.spans[s].0,
                end: norm.spans[e - 1].1,
                rule,
                kind: self.kinds[rule].0,
            })
            .collect()
    }
}

/// Matches `items` at `start`; returns the furthest end (exclusive, in chars).
fn match_at(items: &[Item], chars: &[char], start: usize, lang: Lang) -> Option<usize> {
    let lit_at = |lit: &[char], at: usize| {
        at + lit.len() <= chars.len() && chars[at..at + lit.len()] == *lit
    };
    match items.split_first() {
        None => {
            if lang == Lang::En && chars.get(start).copied().is_some_and(is_word_char) {
                None
            } else {
                Some(start)
            }
        }
        Some((Item::Lit(lit), rest)) => {
            if lit_at(lit, start) {
                match_at(rest, chars, start + lit.len(), lang)
            } else {
                None
            }
        }
        Some((Item::Alt(options), rest)) => options
            .iter()
            .filter(|o| lit_at(o, start))
            .filter_map(|o| match_at(rest, chars, start + o.len(), lang))
            .max(),
        Some((Item::Gap, rest)) => {
            let mut furthest = None;
            for skip in 0..=GAP {
                let at = start + skip;
                if at > chars.len() {
                    break;
                }
                if let Some(end) = match_at(rest, chars, at, lang) {
                    furthest = furthest.max(Some(end));
                }
                if chars.get(at).copied().is_none_or(is_sentence_end) {
                    break;
                }
            }
            furthest
        }
    }
}

/// A run of text and the findings that cover it, for drawing highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Indices into the findings list; empty for plain text.
    pub findings: Vec<usize>,
}

/// Cuts `text` into runs, each covered by the same set of findings.
pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in findings {
        cuts.push(f.start);
        cuts.push(f.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            findings: findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.start <= w[0] && w[1] <= f.end)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(lang: Lang, kind: LensKind, patterns: &[&str]) -> LensRule {
        LensRule {
            id: "t".into(),
            kind,
            lang,
            patterns: patterns.iter().map(|p| p.to_string()).collect(),
            explain: Text::new("説明", "explain"),
            consider: Text::new("問い", "consider"),
            positive: vec![],
            negative: vec![],
        }
    }

    fn found(lens: &Lens, text: &str) -> Vec<String> {
        lens.scan(text)
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn width_and_kana_variants_normalise_alike() {
        let a = normalise("ＡＢＣ１２３？").chars;
        assert_eq!(a.iter().collect::<String>(), "abc123?");
        let b = normalise("ｶﾞﾏﾝ").chars;
        assert_eq!(b.iter().collect::<String>(), "がまん");
        let c = normalise("ケア　プラン").chars;
        assert_eq!(c.iter().collect::<String>(), "けあ ぷらん");
        let d = normalise("ﾊﾟﾆｯｸ").chars;
        assert_eq!(d.iter().collect::<String>(), "ぱにっく");
        let e = normalise("I don’t").chars;
        assert_eq!(e.iter().collect::<String>(), "i don't");
    }

    #[test]
    fn japanese_conjugations_and_variants_match() {
        let lens = Lens::compile(&[rule(
            Lang::Ja,
            LensKind::Advice,
            &["べき", "{した|する}{ほう|方}がいい", "したらいい"],
        )])
        .unwrap();
        for text in [
            "休むべき",
            "休むべきだ",
            "休むべきです",
            "相談したほうがいい",
            "相談した方がいいよ",
            "相談したらいいのに",
            "相談ｼﾀﾎｳｶﾞｲｲ",
        ] {
            assert_eq!(found(&lens, text).len(), 1, "{text}");
        }
        assert!(found(&lens, "どうしたいか聞かせてください").is_empty());
    }

    #[test]
    fn english_matches_whole_words_case_insensitively_with_contractions() {
        let lens =
            Lens::compile(&[rule(Lang::En, LensKind::Advice, &["you should{|n't}"])]).unwrap();
        assert_eq!(found(&lens, "You SHOULD rest."), vec!["You SHOULD"]);
        assert_eq!(found(&lens, "You shouldn’t go."), vec!["You shouldn’t"]);
        assert!(found(&lens, "you shoulder it").is_empty());
        assert!(found(&lens, "thank you should").len() == 1);
        assert!(found(&lens, "bayou should").is_empty());
    }

    #[test]
    fn gaps_stay_within_a_sentence() {
        let lens = Lens::compile(&[rule(
            Lang::Ja,
            LensKind::WhyBlame,
            &["{なんで|どうして}*の?"],
        )])
        .unwrap();
        assert_eq!(
            found(&lens, "なんで飲まなかったの？"),
            vec!["なんで飲まなかったの？"]
        );
        assert!(found(&lens, "なんで。飲まなかったの？").is_empty());
        assert!(found(
            &lens,
            "どうしてこんなに長い時間がかかってしまったのか分からないの？"
        )
        .is_empty());
    }

    #[test]
    fn spans_never_split_a_character() {
        let lens = Lens::compile(&[
            rule(Lang::Ja, LensKind::Label, &["病識"]),
            rule(Lang::En, LensKind::Jargon, &["non-compliant"]),
        ])
        .unwrap();
        let text = "ｶﾞ😀病識がない、NON-COMPLIANT😀";
        let findings = lens.scan(text);
        assert_eq!(findings.len(), 2);
        for f in &findings {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        let segs = segments(text, &findings);
        let joined: String = segs.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn half_width_voiced_kana_span_both_original_characters() {
        let lens = Lens::compile(&[rule(Lang::Ja, LensKind::Minimising, &["がまん"])]).unwrap();
        let text = "もっとｶﾞﾏﾝして";
        let f = lens.scan(text);
        assert_eq!(&text[f[0].start..f[0].end], "ｶﾞﾏﾝ");
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(parse("{a|b").is_err());
        assert!(parse("a}").is_err());
        assert!(parse("*a").is_err());
        assert!(parse("a*").is_err());
        assert!(parse("{|}").is_err());
        assert!(parse("{a*|b}").is_err());
        assert_eq!(parse("should{|n't}").unwrap().len(), 2);
    }

    #[test]
    fn segments_cover_overlaps() {
        let findings = [
            Finding {
                start: 0,
                end: 4,
                rule: 0,
                kind: LensKind::Advice,
            },
            Finding {
                start: 2,
                end: 6,
                rule: 1,
                kind: LensKind::Fear,
            },
        ];
        let segs = segments("abcdefgh", &findings);
        let shape: Vec<(usize, usize, Vec<usize>)> = segs
            .into_iter()
            .map(|s| (s.start, s.end, s.findings))
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, 2, vec![0]),
                (2, 4, vec![0, 1]),
                (4, 6, vec![1]),
                (6, 8, vec![])
            ]
        );
    }
}
