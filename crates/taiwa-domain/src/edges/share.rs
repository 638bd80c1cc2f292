//! Share codes: a small, versioned text that carries one thing (a role card, a
//! whole scenario, a reframe, a prompt deck or a session plan) in a link's URL
//! fragment, so it never reaches a server.
//!
//! Format `2`: the version character, then base64url of (the JSON, compressed
//! with raw deflate) followed by the CRC-32 of the JSON. Format `1` (the JSON
//! itself, then its CRC-32) is still read, for links made by earlier versions.
//! A code is checked as a whole before anything is shown: a tampered, truncated
//! or oversized code is refused with a reason, and what it carries must pass the
//! same checks as built-in content.

use crate::content::{Deck, Reframe, RoleCard, RoleKind, Scenario};
use crate::document::Document;
use crate::ground::id::{is_own, OWN_PREFIX};
use crate::ground::lang::{Lang, Text};
use crate::records::own::{Authored, Own};
use crate::records::session::SessionPlan;
use serde::{Deserialize, Serialize};

/// The format version written by this app.
pub const VERSION: char = '2';
/// The longest code accepted, in characters.
pub const MAX_LEN: usize = 64 * 1024;
/// The most a code may unpack to, in bytes (a guard against compression bombs).
pub const MAX_UNPACKED: usize = 256 * 1024;
/// The most steps a shared plan may have.
pub const MAX_STEPS: usize = 40;
/// The longest text in a shared plan (name, step title or prompt), in characters.
pub const MAX_PLAN_TEXT: usize = 2_000;

/// What a code carries. (Made once per link and read once per visit, so its
/// size in memory does not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Share {
    /// One role card of a built-in scenario, shown in one language: the card is
    /// named, not carried, because every copy of the app has it.
    Card {
        scenario: String,
        role: RoleKind,
        lang: Lang,
    },
    /// One role card of someone's own scenario, carried whole: the other device
    /// does not have the scenario. Only what that player may read travels.
    OwnCard {
        lang: Lang,
        title: String,
        situation: String,
        card: RoleCard,
    },
    /// A whole scenario, as written (in its author's language).
    Scenario {
        lang: Lang,
        scenario: Scenario,
    },
    Reframe {
        lang: Lang,
        reframe: Reframe,
    },
    Deck {
        lang: Lang,
        deck: Deck,
    },
    /// A session plan, with the user's own decks and scenarios its steps use
    /// (built-in ones are named by id: every copy of the app has them).
    Plan {
        plan: SessionPlan,
        #[serde(default)]
        decks: Vec<Shared<Deck>>,
        #[serde(default)]
        scenarios: Vec<Shared<Scenario>>,
    },
}

/// An own item travelling inside a plan: the item and the language it is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared<T> {
    pub lang: Lang,
    pub item: T,
}

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    /// Longer than [`MAX_LEN`], or unpacks to more than [`MAX_UNPACKED`].
    TooLong,
    /// Made by a newer app, or not a Taiwa code.
    UnknownVersion,
    /// Not valid base64url, or cut short.
    Damaged,
    /// The checksum does not match: changed or cut on the way.
    Tampered,
    /// Intact, but does not describe anything this app knows.
    Unreadable,
    /// Readable, but what it carries does not pass the content checks.
    Invalid,
}

/// CRC-32 (IEEE), bitwise: codes are short, so a table is not worth its size.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Option<Vec<u32>> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32))
        .collect();
    for chunk in values?.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The code for `share`, in the current format.
pub fn encode(share: &Share) -> String {
    let json = serde_json::to_vec(share).unwrap_or_default();
    let mut bytes = miniz_oxide::deflate::compress_to_vec(&json, 9);
    bytes.extend_from_slice(&crc32(&json).to_be_bytes());
    format!("{VERSION}{}", base64url_encode(&bytes))
}

/// Reads a code: every check passes, or nothing is returned but the reason.
pub fn decode(code: &str) -> Result<Share, ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    if code.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut chars = code.chars();
    let version = chars.next();
    if !matches!(version, Some('1' | '2')) {
        return Err(ShareError::UnknownVersion);
    }
    let bytes = base64url_decode(chars.as_str()).ok_or(ShareError::Damaged)?;
    if bytes.len() < 5 {
        return Err(ShareError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    let json = if version == Some('2') {
        use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
        match decompress_to_vec_with_limit(body, MAX_UNPACKED) {
            Ok(json) => json,
            Err(e) if e.status == TINFLStatus::HasMoreOutput => return Err(ShareError::TooLong),
            // Cut short or changed: the deflate stream no longer reads.
            Err(_) => return Err(ShareError::Damaged),
        }
    } else {
        body.to_vec()
    };
    let expected = u32::from_be_bytes([sum[0], sum[1], sum[2], sum[3]]);
    if crc32(&json) != expected {
        return Err(ShareError::Tampered);
    }
    let share: Share = serde_json::from_slice(&json).map_err(|_| ShareError::Unreadable)?;
    if share.is_valid() {
        Ok(share)
    } else {
        Err(ShareError::Invalid)
    }
}

impl Share {
    /// Whether what it carries passes the same checks as built-in content.
    fn is_valid(&self) -> bool {
        fn ready<T: Authored>(lang: Lang, item: &T) -> bool {
            Own::new(item.clone(), lang, 0).problems().is_empty()
        }
        fn short(text: &str) -> bool {
            text.chars().count() <= MAX_PLAN_TEXT
        }
        match self {
            Share::Card { .. } => true,
            Share::OwnCard {
                lang,
                title,
                situation,
                card,
            } => {
                let shown = [
                    title.as_str(),
                    situation,
                    card.name.get(*lang),
                    card.briefing.get(*lang),
                ];
                shown.iter().all(|t| short(t)) && !card.name.get(*lang).trim().is_empty()
            }
            Share::Scenario { lang, scenario } => ready(*lang, scenario),
            Share::Reframe { lang, reframe } => ready(*lang, reframe),
            Share::Deck { lang, deck } => ready(*lang, deck),
            Share::Plan {
                plan,
                decks,
                scenarios,
            } => {
                plan.steps.len() <= MAX_STEPS
                    && short(&plan.name)
                    && short(&plan.next)
                    && plan
                        .steps
                        .iter()
                        .all(|s| short(&s.title) && short(&s.prompt) && s.minutes <= 24 * 60)
                    && decks.len() <= MAX_STEPS
                    && scenarios.len() <= MAX_STEPS
                    && decks.iter().all(|d| ready(d.lang, &d.item))
                    && scenarios.iter().all(|s| ready(s.lang, &s.item))
            }
        }
    }

    /// A plan to share, with the user's own decks and scenarios it uses.
    pub fn plan(plan: &SessionPlan, doc: &Document) -> Share {
        let mut decks: Vec<Shared<Deck>> = Vec::new();
        let mut scenarios: Vec<Shared<Scenario>> = Vec::new();
        for step in &plan.steps {
            if let Some(o) = step.deck.as_ref().and_then(|id| doc.own.decks.get(id)) {
                if !decks.iter().any(|d| d.item.id == o.item.id) {
                    decks.push(Shared {
                        lang: o.lang,
                        item: o.item.clone(),
                    });
                }
            }
            if let Some(o) = step
                .scenario
                .as_ref()
                .and_then(|id| doc.own.scenarios.get(id))
            {
                if !scenarios.iter().any(|s| s.item.id == o.item.id) {
                    scenarios.push(Shared {
                        lang: o.lang,
                        item: o.item.clone(),
                    });
                }
            }
        }
        let mut plan = plan.clone();
        plan.created = 0;
        plan.updated = 0;
        Share::Plan {
            plan,
            decks,
            scenarios,
        }
    }

    /// Whether this can be kept on this device (a role card is only shown).
    pub fn can_save(&self) -> bool {
        !matches!(self, Share::Card { .. } | Share::OwnCard { .. })
    }
}

/// What a share link of a user's own item carries: the item as written, in
/// the language it is written in.
pub trait Shareable: Authored {
    fn share(&self, lang: Lang) -> Share;
}

impl Shareable for Scenario {
    fn share(&self, lang: Lang) -> Share {
        Share::Scenario {
            lang,
            scenario: self.clone(),
        }
    }
}

impl Shareable for Reframe {
    fn share(&self, lang: Lang) -> Share {
        Share::Reframe {
            lang,
            reframe: self.clone(),
        }
    }
}

impl Shareable for Deck {
    fn share(&self, lang: Lang) -> Share {
        Share::Deck {
            lang,
            deck: self.clone(),
        }
    }
}

/// The share for one role card: named when the scenario is built in, carried
/// whole (in `lang` only, and only that card) when it is the user's own.
pub fn card(scenario: &Scenario, role: RoleKind, lang: Lang) -> Share {
    if !is_own(&scenario.id) {
        return Share::Card {
            scenario: scenario.id.clone(),
            role,
            lang,
        };
    }
    let only = |t: &Text| match lang {
        Lang::Ja => Text::new(t.ja.clone(), ""),
        Lang::En => Text::new("", t.en.clone()),
    };
    let card = scenario.role(role).map(|c| RoleCard {
        kind: c.kind,
        name: only(&c.name),
        briefing: only(&c.briefing),
        holding_back: c.holding_back.as_ref().map(only),
        enters: c.enters.as_ref().map(only),
    });
    Share::OwnCard {
        lang,
        title: scenario.title.get(lang).to_string(),
        situation: scenario.situation.get(lang).to_string(),
        card: card.unwrap_or(RoleCard {
            kind: role,
            name: Text::default(),
            briefing: Text::default(),
            holding_back: None,
            enters: None,
        }),
    }
}

/// Where a saved share went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    Scenario(String),
    Reframe(String),
    Deck(String),
    Plan(String),
    /// Role cards are shown, never saved.
    Nothing,
}

/// Keeps what a code carries as the user's own, under new ids, so saving the
/// same code twice gives two copies and never overwrites anything. A plan's
/// own decks and scenarios are saved with it, and its steps point to them.
/// `ids` gives fresh ids (the UI uses the time and a random number).
pub fn save(share: &Share, doc: &mut Document, now: i64, mut ids: impl FnMut() -> String) -> Saved {
    let mut own_id = || format!("{OWN_PREFIX}{}", ids());
    match share {
        Share::Card { .. } | Share::OwnCard { .. } => Saved::Nothing,
        Share::Scenario { lang, scenario } => {
            let id = own_id();
            doc.own.keep(scenario, *lang, &id, now);
            Saved::Scenario(id)
        }
        Share::Reframe { lang, reframe } => {
            let id = own_id();
            doc.own.keep(reframe, *lang, &id, now);
            Saved::Reframe(id)
        }
        Share::Deck { lang, deck } => {
            let id = own_id();
            doc.own.keep(deck, *lang, &id, now);
            Saved::Deck(id)
        }
        Share::Plan {
            plan,
            decks,
            scenarios,
        } => {
            let mut plan = plan.clone();
            for d in decks {
                let id = own_id();
                for step in &mut plan.steps {
                    if step.deck.as_deref() == Some(d.item.id.as_str()) {
                        step.deck = Some(id.clone());
                    }
                }
                doc.own.keep(&d.item, d.lang, &id, now);
            }
            for s in scenarios {
                let id = own_id();
                for step in &mut plan.steps {
                    if step.scenario.as_deref() == Some(s.item.id.as_str()) {
                        step.scenario = Some(id.clone());
                    }
                }
                doc.own.keep(&s.item, s.lang, &id, now);
            }
            let id = ids();
            plan.id = id.clone();
            plan.created = now;
            doc.plans.put(&id, plan, now);
            Saved::Plan(id)
        }
    }
}

/// A one-line name for what a code carries, in `lang`, for previews.
pub fn title(share: &Share, lang: Lang) -> String {
    fn pick(text: &Text, written: Lang, lang: Lang) -> String {
        let t = text.get(lang);
        if t.trim().is_empty() {
            text.get(written).to_string()
        } else {
            t.to_string()
        }
    }
    match share {
        Share::Card { scenario, .. } => scenario.clone(),
        Share::OwnCard { title, .. } => title.clone(),
        Share::Scenario { lang: w, scenario } => pick(&scenario.title, *w, lang),
        Share::Reframe { lang: w, reframe } => pick(&reframe.phrase, *w, lang),
        Share::Deck { lang: w, deck } => pick(&deck.title, *w, lang),
        Share::Plan { plan, .. } => plan.name.clone(),
    }
}

/// A QR code of `text` as rows of dark (true) and light modules, or `None` if
/// the text is too long for a QR code.
pub fn qr(text: &str) -> Option<Vec<Vec<bool>>> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = code.size();
    Some(
        (0..size)
            .map(|y| (0..size).map(|x| code.get_module(x, y)).collect())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> Share {
        Share::Card {
            scenario: "first-meeting".into(),
            role: RoleKind::Person,
            lang: Lang::Ja,
        }
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
    }

    #[test]
    fn a_code_round_trips_and_is_short() {
        let code = encode(&card());
        assert!(code.len() < 120, "{code}");
        assert_eq!(decode(&code), Ok(card()));
    }

    #[test]
    fn damaged_codes_are_refused_with_a_reason() {
        let code = encode(&card());
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode(&"1".repeat(MAX_LEN + 1)), Err(ShareError::TooLong));
        assert_eq!(
            decode(&format!("9{}", &code[1..])),
            Err(ShareError::UnknownVersion)
        );
        assert!(decode(&code[..code.len() - 3]).is_err());
        assert_eq!(decode("1!!!"), Err(ShareError::Damaged));
        // Change one character in the middle: the checksum catches it.
        let mut tampered: Vec<char> = code.chars().collect();
        let i = tampered.len() / 2;
        tampered[i] = if tampered[i] == 'A' { 'B' } else { 'A' };
        let tampered: String = tampered.into_iter().collect();
        assert!(matches!(
            decode(&tampered),
            Err(ShareError::Tampered | ShareError::Damaged)
        ));
        // Intact but meaningless.
        let mut body = br#"{"t":"spaceship"}"#.to_vec();
        let crc = crc32(&body);
        body.extend_from_slice(&crc.to_be_bytes());
        assert_eq!(
            decode(&format!("1{}", base64url_encode(&body))),
            Err(ShareError::Unreadable)
        );
    }

    #[test]
    fn no_input_makes_decode_panic() {
        // A small deterministic fuzz: every prefix and many byte mutations.
        let code = encode(&card());
        for end in 0..code.len() {
            let _ = decode(&code[..end]);
        }
        let mut seed = 0x2545_F491u32;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let mut bytes = code.as_bytes().to_vec();
            let i = seed as usize % bytes.len();
            bytes[i] = (seed >> 8) as u8;
            let text = String::from_utf8_lossy(&bytes);
            let _ = decode(&text);
        }
    }

    #[test]
    fn qr_codes_are_square() {
        let m = qr("https://127.0.0.1/card#1abc").unwrap();
        assert!(m.len() >= 21 && m.iter().all(|row| row.len() == m.len()));
    }
}
