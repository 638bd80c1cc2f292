//! The reframing studio's rules: which starting phrases a practice set holds and
//! in what order, and the journal entries it saves.
//!
//! Order is shuffled from a seed the caller passes in (the page takes one from
//! the browser), so the same seed always gives the same order and tests can pin it.

use crate::content::{Reframe, Shift};
use crate::ground::id::is_own;
use crate::ground::lang::{Lang, Text};
use crate::records::journal::{Entry, EntryBody};

pub use crate::ground::random::shuffle;

/// How many phrases a short set for a commute holds.
pub const COMMUTE: usize = 5;

/// A practice set the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Set {
    /// Every phrase of one shift.
    Shift(Shift),
    /// Every phrase, all shifts mixed.
    Mix,
    /// A short set of [`COMMUTE`] phrases from all shifts.
    Commute,
    /// The phrases the person wrote themselves (offered when there are any).
    Mine,
}

impl Set {
    /// Every set, in the order the chooser shows them.
    pub fn all() -> Vec<Set> {
        let mut v: Vec<Set> = Shift::ALL.into_iter().map(Set::Shift).collect();
        v.push(Set::Mix);
        v.push(Set::Commute);
        v
    }

    /// The name in a URL (`?set=...`).
    pub fn key(self) -> &'static str {
        match self {
            Set::Shift(s) => s.key(),
            Set::Mix => "mix",
            Set::Commute => "commute",
            Set::Mine => "mine",
        }
    }

    pub fn from_key(key: &str) -> Option<Set> {
        match key {
            "mix" => Some(Set::Mix),
            "commute" => Some(Set::Commute),
            "mine" => Some(Set::Mine),
            _ => Shift::from_key(key).map(Set::Shift),
        }
    }

    /// The ids of the phrases in this set, shuffled by `seed`.
    pub fn pick(self, reframes: &[Reframe], seed: u64) -> Vec<String> {
        let mut ids: Vec<String> = reframes
            .iter()
            .filter(|r| match self {
                Set::Shift(s) => r.shift == s,
                Set::Mix | Set::Commute => true,
                Set::Mine => is_own(&r.id),
            })
            .map(|r| r.id.clone())
            .collect();
        shuffle(&mut ids, seed);
        if self == Set::Commute {
            ids.truncate(COMMUTE);
        }
        ids
    }
}

/// The phrases to go through when someone comes from the revisit queue: the one
/// they chose first, then the others that are due.
pub fn revisit_order(first: &str, due: &[String]) -> Vec<String> {
    let mut v = vec![first.to_string()];
    v.extend(due.iter().filter(|id| *id != first).cloned());
    v
}

/// A text in `lang`, or in the other language when `lang`'s side is empty
/// (content files are loaded one language at a time, so a saved phrase may
/// hold only the language it was saved in).
pub fn shown(text: &Text, lang: Lang) -> &str {
    let want = text.get(lang);
    if !want.trim().is_empty() {
        return want;
    }
    Lang::ALL
        .into_iter()
        .map(|l| text.get(l))
        .find(|t| !t.trim().is_empty())
        .unwrap_or("")
}

/// Both sides of a text, from the copies of the library that are loaded: each
/// per-language library holds only its own side.
pub fn both(current: &Text, other: Option<&Text>) -> Text {
    let mut t = current.clone();
    if let Some(o) = other {
        if t.ja.is_empty() {
            t.ja = o.ja.clone();
        }
        if t.en.is_empty() {
            t.en = o.en.clone();
        }
    }
    t
}

/// Whether `id` looks like a content id (lower-case letters, digits, hyphens),
/// so that an id read from storage can go into a link as it is.
pub fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The id of a saved reframe: unique per phrase and moment.
pub fn reframe_entry_id(reframe: &str, now: i64) -> String {
    format!("reframe-{reframe}-{now}")
}

/// The id of a note kept from the open lens.
pub fn note_entry_id(now: i64) -> String {
    format!("lens-note-{now}")
}

/// A journal entry for someone's own reframe of a phrase. `existing` is the
/// entry saved earlier in this sitting, if any: saving again updates it rather
/// than adding a second one.
pub fn reframe_entry(
    existing: Option<&Entry>,
    reframe: &str,
    phrase: Text,
    text: &str,
    now: i64,
) -> Entry {
    let body = EntryBody::Reframe {
        reframe: reframe.to_string(),
        phrase,
        text: text.trim().to_string(),
    };
    match existing {
        Some(e) => Entry { body, ..e.clone() },
        None => Entry::new(reframe_entry_id(reframe, now), now, body),
    }
}

/// A journal entry for text kept from the open lens; `existing` as above.
pub fn note_entry(existing: Option<&Entry>, text: &str, now: i64) -> Entry {
    let body = EntryBody::Note {
        text: text.trim().to_string(),
    };
    match existing {
        Some(e) => Entry { body, ..e.clone() },
        None => Entry::new(note_entry_id(now), now, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Source;

    fn reframe(id: &str, shift: Shift) -> Reframe {
        Reframe {
            id: id.into(),
            shift,
            source: Source::Question,
            phrase: Text::new("句", "phrase"),
            examples: vec![],
            note: Text::default(),
        }
    }

    fn library() -> Vec<Reframe> {
        let mut v = Vec::new();
        for (n, shift) in Shift::ALL.into_iter().enumerate() {
            for i in 0..4 {
                v.push(reframe(&format!("{}-{i}", shift.key()), shift));
            }
            assert_eq!(v.len(), (n + 1) * 4);
        }
        v
    }

    #[test]
    fn keys_round_trip() {
        for set in Set::all() {
            assert_eq!(Set::from_key(set.key()), Some(set));
        }
        assert_eq!(Set::all().len(), 8);
        assert_eq!(Set::from_key("nonsense"), None);
    }

    #[test]
    fn the_own_set_holds_only_what_the_person_wrote() {
        let mut lib = library();
        lib.push(reframe("mine-abc", Shift::Hope));
        assert_eq!(Set::from_key("mine"), Some(Set::Mine));
        assert_eq!(Set::Mine.pick(&lib, 3), ["mine-abc"]);
        assert!(Set::Shift(Shift::Hope)
            .pick(&lib, 3)
            .contains(&"mine-abc".to_string()));
        assert!(safe_id(&crate::ground::id::new_own_id(
            1_700_000_000_000,
            0.25
        )));
    }

    #[test]
    fn a_shift_set_holds_exactly_that_shift() {
        let lib = library();
        let ids = Set::Shift(Shift::Hope).pick(&lib, 7);
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(sorted, vec!["hope-0", "hope-1", "hope-2", "hope-3"]);
    }

    #[test]
    fn a_mix_holds_everything_once() {
        let lib = library();
        let mut ids = Set::Mix.pick(&lib, 99);
        assert_eq!(ids.len(), lib.len());
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), lib.len());
    }

    #[test]
    fn a_commute_set_is_five_different_phrases() {
        let lib = library();
        for seed in 0..50 {
            let mut ids = Set::Commute.pick(&lib, seed);
            assert_eq!(ids.len(), COMMUTE);
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), COMMUTE);
        }
        // Fewer phrases than five: all of them.
        assert_eq!(Set::Commute.pick(&lib[..3], 1).len(), 3);
    }

    #[test]
    fn the_seed_decides_the_order() {
        let lib = library();
        assert_eq!(Set::Mix.pick(&lib, 42), Set::Mix.pick(&lib, 42));
        let orders: std::collections::HashSet<Vec<String>> =
            (0..10).map(|s| Set::Mix.pick(&lib, s)).collect();
        assert!(orders.len() > 5, "seeds give different orders");
        // The first phrase of a commute set varies across seeds.
        let firsts: std::collections::HashSet<String> = (0..40)
            .map(|s| Set::Commute.pick(&lib, s)[0].clone())
            .collect();
        assert!(firsts.len() > 6);
    }

    #[test]
    fn the_revisit_order_starts_with_the_chosen_phrase() {
        let due = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(revisit_order("b", &due), vec!["b", "a", "c"]);
        assert_eq!(revisit_order("z", &due), vec!["z", "a", "b", "c"]);
    }

    #[test]
    fn only_plain_ids_go_into_links() {
        assert!(safe_id("curiosity-unwell-again"));
        assert!(safe_id("hope-2"));
        assert!(!safe_id(""));
        assert!(!safe_id("a&set=mix"));
        assert!(!safe_id("Upper"));
        assert!(!safe_id("../x"));
        assert!(!safe_id(&"a".repeat(81)));
    }

    #[test]
    fn a_text_falls_back_to_the_other_language() {
        let t = Text::new("日本語", "");
        assert_eq!(shown(&t, Lang::En), "日本語");
        assert_eq!(shown(&t, Lang::Ja), "日本語");
        let full = Text::new("日本語", "English");
        assert_eq!(shown(&full, Lang::En), "English");
        assert_eq!(shown(&Text::default(), Lang::Ja), "");
        let ja_only = Text::new("句", "");
        let en_only = Text::new("", "phrase");
        assert_eq!(both(&ja_only, Some(&en_only)), Text::new("句", "phrase"));
        assert_eq!(both(&ja_only, None), ja_only);
    }

    #[test]
    fn saving_again_updates_the_same_entry() {
        let phrase = Text::new("なんで？", "Why?");
        let first = reframe_entry(None, "why", phrase.clone(), "  何があったの？ ", 1_000);
        assert_eq!(first.id, "reframe-why-1000");
        assert_eq!((first.created, first.updated), (1_000, 1_000));
        assert_eq!(
            first.body,
            EntryBody::Reframe {
                reframe: "why".into(),
                phrase: phrase.clone(),
                text: "何があったの？".into()
            }
        );
        let second = reframe_entry(Some(&first), "why", phrase, "聞かせて", 5_000);
        assert_eq!(second.id, first.id);
        assert_eq!(second.created, 1_000);
        let note = note_entry(None, " He is non-compliant. ", 7);
        assert_eq!(note.id, "lens-note-7");
        assert_eq!(
            note.body,
            EntryBody::Note {
                text: "He is non-compliant.".into()
            }
        );
        let again = note_entry(Some(&note), "changed", 9);
        assert_eq!(again.id, "lens-note-7");
    }
}
