//! The vocabulary of the content check: where a problem is ([`FieldPath`]),
//! what it is ([`Reason`]), the whole of it ([`ContentError`]), the length
//! [`limits`], and the [`Checker`] that every kind of content fills.
//!
//! The build prints a problem as `file: field: problem` (in English, for
//! content authors); the in-app editors show [`Reason`] in the user's
//! language next to the field the path names.

use super::lang::Lang;
use std::fmt;

/// One part of a field's path: a field's name, or a place in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathPart {
    Field(&'static str),
    Index(usize),
}

/// Where a problem is: `moments[2].responses[0].note.en` as data. Built with
/// [`FieldPath::field`], [`FieldPath::at`] and [`FieldPath::lang`]; printed
/// the way a TOML author reads it. Editors name their fields with the same
/// paths, so a problem finds its field by comparison, not by parsing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FieldPath {
    parts: Vec<PathPart>,
    lang: Option<Lang>,
}

impl FieldPath {
    /// The item itself (an empty path).
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// A path of one field: `FieldPath::of("title")`.
    pub fn of(name: &'static str) -> FieldPath {
        FieldPath::root().field(name)
    }

    /// This path, then a field.
    pub fn field(&self, name: &'static str) -> FieldPath {
        let mut p = self.clone();
        p.parts.push(PathPart::Field(name));
        p
    }

    /// This path, then a place in a list.
    pub fn at(&self, index: usize) -> FieldPath {
        let mut p = self.clone();
        p.parts.push(PathPart::Index(index));
        p
    }

    /// This path, in one language's text.
    pub fn lang(&self, lang: Lang) -> FieldPath {
        FieldPath {
            parts: self.parts.clone(),
            lang: Some(lang),
        }
    }

    /// The field without its language: where an editor shows the problem
    /// (two languages missing are one gap).
    pub fn place(&self) -> FieldPath {
        FieldPath {
            parts: self.parts.clone(),
            lang: None,
        }
    }

    pub fn parts(&self) -> &[PathPart] {
        &self.parts
    }

    /// The language of the text it names, if it names one language's text.
    pub fn language(&self) -> Option<Lang> {
        self.lang
    }

    pub fn is_root(&self) -> bool {
        self.parts.is_empty() && self.lang.is_none()
    }

    /// The names of its fields, each with the place in the list after it:
    /// `moments[2].other` is `[("moments", Some(2)), ("other", None)]`.
    pub fn named(&self) -> Vec<(&'static str, Option<usize>)> {
        let mut out: Vec<(&'static str, Option<usize>)> = Vec::new();
        for part in &self.parts {
            match *part {
                PathPart::Field(name) => out.push((name, None)),
                PathPart::Index(i) => match out.last_mut() {
                    Some(last) if last.1.is_none() => last.1 = Some(i),
                    _ => out.push(("", Some(i))),
                },
            }
        }
        out
    }

    /// The first field's name (`moments` for `moments[2].other`).
    pub fn head(&self) -> Option<&'static str> {
        self.parts.iter().find_map(|p| match p {
            PathPart::Field(name) => Some(*name),
            PathPart::Index(_) => None,
        })
    }

    /// The last field's name (`other` for `moments[2].other`).
    pub fn tail(&self) -> Option<&'static str> {
        self.parts.iter().rev().find_map(|p| match p {
            PathPart::Field(name) => Some(*name),
            PathPart::Index(_) => None,
        })
    }

    /// The same path without its first `n` parts (a reframe file's
    /// `reframe[3].phrase` is an own reframe's `phrase`).
    pub fn without_first(&self, n: usize) -> FieldPath {
        FieldPath {
            parts: self.parts.iter().skip(n).copied().collect(),
            lang: self.lang,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for part in &self.parts {
            match part {
                PathPart::Field(name) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                PathPart::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        if let Some(lang) = self.lang {
            if !first {
                f.write_str(".")?;
            }
            f.write_str(lang.code())?;
        }
        Ok(())
    }
}

/// What is wrong with a field, as data: the in-app editor phrases it in the
/// user's language next to the field, the build prints
/// [`ContentError::problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A text is empty in this language (or, without one, a part is missing).
    Missing(Option<Lang>),
    /// A text is longer than its place allows.
    TooLong {
        lang: Lang,
        count: usize,
        limit: usize,
    },
    /// A list has `n` items and needs `min` to `max` (`max` is `usize::MAX`
    /// when there is no upper bound).
    Count {
        n: usize,
        min: usize,
        max: usize,
    },
    /// A response leans neither toward nor away from anything.
    NoLean,
    /// A built-in response has no reaction of the other person.
    NoReaction,
    /// A heavy topic is named and the content note is missing.
    NoContentNote,
    /// A scenario has `n` role cards of `kind` (a role kind's key), and needs
    /// `min` to `max`.
    Roles {
        kind: &'static str,
        n: usize,
        min: usize,
        max: usize,
    },
    /// Minutes outside 5 to 60.
    Minutes(u32),
    NoTask,
    NoPrinciple,
    /// Not a usable id.
    BadId,
    /// An id used twice.
    DuplicateId,
    /// A response's `next` names no moment of the scenario.
    UnknownNext,
    /// No path through the conversation reaches this moment.
    Unreachable,
    /// A path through the conversation comes back to this moment.
    Loop,
    /// A role card tells when to come in by a moment's number, which nobody
    /// else at the table can see.
    MomentNumber,
    /// Anything only a content file can get wrong (its syntax, its name, a
    /// missing concept): the English `problem` says it.
    File,
}

/// One problem in one content file (or in one item a user wrote).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The file, as the build names it (empty for a user's own item).
    pub file: String,
    /// The field: `moments[2].responses[0].note.en`.
    pub field: FieldPath,
    /// What is wrong, for the app to say in the user's language.
    pub reason: Reason,
    /// The same, as an English sentence for content authors at build time.
    pub problem: String,
}

impl ContentError {
    /// The language the problem is in, when it is about one language's text.
    pub fn lang(&self) -> Option<Lang> {
        match self.reason {
            Reason::Missing(lang) => lang,
            Reason::TooLong { lang, .. } => Some(lang),
            _ => None,
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_root() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.problem)
        }
    }
}

/// Collects problems while walking an item.
pub struct Checker<'a> {
    file: &'a str,
    pub errors: Vec<ContentError>,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a str) -> Self {
        Checker {
            file,
            errors: Vec::new(),
        }
    }

    pub fn fail(&mut self, field: FieldPath, reason: Reason, problem: impl Into<String>) {
        self.errors.push(ContentError {
            file: self.file.to_string(),
            field,
            reason,
            problem: problem.into(),
        });
    }

    /// Both languages present, and each within its limit (Japanese characters;
    /// English twice as many).
    pub fn text(&mut self, field: &FieldPath, text: &super::lang::Text, limit_ja: usize) {
        for lang in Lang::ALL {
            let value = text.get(lang).trim();
            let path = field.lang(lang);
            if value.is_empty() {
                let which = match lang {
                    Lang::Ja => "missing Japanese text",
                    Lang::En => "missing English text",
                };
                self.fail(path, Reason::Missing(Some(lang)), which);
                continue;
            }
            let limit = limit_ja * lang.length_factor();
            let count = value.chars().count();
            if count > limit {
                self.fail(
                    path,
                    Reason::TooLong { lang, count, limit },
                    format!("too long for its place: {count} characters, the limit is {limit}"),
                );
            }
        }
    }

    /// An id of lower-case letters, digits, `-` and `_`, at most 64 long.
    pub fn id(&mut self, field: &FieldPath, id: &str) {
        if !usable_id(id) {
            self.fail(
                field.clone(),
                Reason::BadId,
                format!("\"{id}\" is not a usable id: use lower-case letters, digits and hyphens"),
            );
        }
    }

    /// A list of `n` items needs `min` to `max` of them.
    pub fn count(&mut self, field: &FieldPath, n: usize, min: usize, max: usize) {
        if n < min || n > max {
            let needs = if max == usize::MAX {
                format!("at least {min}")
            } else {
                format!("between {min} and {max}")
            };
            self.fail(
                field.clone(),
                Reason::Count { n, min, max },
                format!("has {n}; it needs {needs}"),
            );
        }
    }
}

/// Whether `id` is usable as an id in content and in links.
pub fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Limits, in Japanese characters (English: twice). `content/README.md` lists
/// them; the in-app editors count against them as the user types.
pub mod limits {
    pub const TITLE: usize = 30;
    pub const SITUATION: usize = 300;
    pub const CONTENT_NOTE: usize = 200;
    pub const ROLE_NAME: usize = 30;
    pub const BRIEFING: usize = 350;
    pub const HOLDING_BACK: usize = 150;
    pub const ENTERS: usize = 100;
    pub const OPENING: usize = 150;
    pub const MOMENT: usize = 180;
    pub const RESPONSE: usize = 120;
    pub const NOTE: usize = 160;
    pub const REACTION: usize = 120;
    pub const DEBRIEF: usize = 100;
    pub const PHRASE: usize = 80;
    pub const EXAMPLE: usize = 100;
    pub const REFRAME_NOTE: usize = 120;
    pub const PROMPT: usize = 80;
    pub const SHORT: usize = 30;
    pub const CONCEPT_BODY: usize = 400;
    pub const QUESTION: usize = 100;
    pub const LENS_LINE: usize = 80;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_prints_as_an_author_reads_it_and_names_its_parts() {
        let p = FieldPath::of("moments")
            .at(2)
            .field("responses")
            .at(0)
            .field("note")
            .lang(Lang::En);
        assert_eq!(p.to_string(), "moments[2].responses[0].note.en");
        assert_eq!(p.place().to_string(), "moments[2].responses[0].note");
        assert_eq!(
            p.named(),
            [("moments", Some(2)), ("responses", Some(0)), ("note", None)]
        );
        assert_eq!((p.head(), p.tail()), (Some("moments"), Some("note")));
        assert_eq!(
            FieldPath::of("title").lang(Lang::Ja).to_string(),
            "title.ja"
        );
        assert_eq!(
            FieldPath::of("reframe")
                .at(3)
                .field("phrase")
                .without_first(2)
                .to_string(),
            "phrase"
        );
        assert!(FieldPath::root().is_root());
    }

    #[test]
    fn the_checker_names_each_language_and_its_limit() {
        use super::super::lang::Text;
        let mut c = Checker::new("f.toml");
        c.text(&FieldPath::of("title"), &Text::new("あ".repeat(31), ""), 30);
        let got: Vec<(String, Reason)> = c
            .errors
            .iter()
            .map(|e| (e.field.to_string(), e.reason))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "title.ja".to_string(),
                    Reason::TooLong {
                        lang: Lang::Ja,
                        count: 31,
                        limit: 30
                    }
                ),
                ("title.en".to_string(), Reason::Missing(Some(Lang::En))),
            ]
        );
        assert_eq!(
            c.errors[1].to_string(),
            "f.toml: title.en: missing English text"
        );
    }
}
