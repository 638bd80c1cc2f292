//! The whole library, as the app loads it: one list per kind of content, and
//! the one-language copy a phone downloads.

use super::concept::Concept;
use super::deck::Deck;
use super::reframe::Reframe;
use super::scenario::Scenario;
use crate::ground::lang::Lang;
use crate::lens::LensRule;
use serde::{Deserialize, Serialize};

/// The whole library, as the app loads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Library {
    pub scenarios: Vec<Scenario>,
    pub reframes: Vec<Reframe>,
    pub decks: Vec<Deck>,
    pub concepts: Vec<Concept>,
    pub lens: Vec<LensRule>,
}

impl Library {
    /// The library with every text in one language only (the other left
    /// empty), as JSON: what a device that shows `lang` needs to load.
    pub fn only(&self, lang: Lang) -> serde_json::Value {
        fn walk(v: &mut serde_json::Value, drop: &str) {
            match v {
                serde_json::Value::Object(map) => {
                    let is_text =
                        map.len() == 2 && map.contains_key("ja") && map.contains_key("en");
                    if is_text {
                        map.insert(drop.to_string(), serde_json::Value::String(String::new()));
                    } else {
                        map.values_mut().for_each(|x| walk(x, drop));
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(|x| walk(x, drop)),
                _ => {}
            }
        }
        let mut value = serde_json::to_value(self).unwrap_or_default();
        let drop = match lang {
            Lang::Ja => "en",
            Lang::En => "ja",
        };
        walk(&mut value, drop);
        value
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
    pub fn reframe(&self, id: &str) -> Option<&Reframe> {
        self.reframes.iter().find(|r| r.id == id)
    }
    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id == id)
    }
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::vocab::ConceptKind;
    use crate::ground::lang::Text;

    #[test]
    fn a_one_language_library_keeps_that_language_only() {
        let lib = Library {
            concepts: vec![Concept {
                id: "power".into(),
                kind: ConceptKind::Idea,
                title: Text::new("力の差", "Power"),
                body: Text::new("本文", "Body"),
                question: Text::new("問い", "Question"),
            }],
            ..Library::default()
        };
        let ja: Library = serde_json::from_value(lib.only(Lang::Ja)).unwrap();
        assert_eq!(ja.concepts[0].title, Text::new("力の差", ""));
        assert_eq!(ja.concepts[0].id, "power");
        let en: Library = serde_json::from_value(lib.only(Lang::En)).unwrap();
        assert_eq!(en.concepts[0].question, Text::new("", "Question"));
    }
}
