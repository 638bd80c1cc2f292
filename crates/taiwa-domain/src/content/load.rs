//! Reading the content library from its TOML files.
//!
//! One generic loader reads every kind; the table [`KINDS`] says, per kind,
//! which folder holds it, whether a file holds one item (named by the file)
//! or a list, and where its items go in the [`Library`]. Every item is
//! checked; every problem is kept, and the library is returned only when
//! there are none.

use super::concept::Concept;
use super::deck::Deck;
use super::library::Library;
use super::reframe::Reframe;
use super::scenario::Scenario;
use crate::ground::check::{ContentError, FieldPath, Reason};
use crate::ground::id::{is_own, OWN_PREFIX};
use crate::lens::LensRule;
use serde::de::DeserializeOwned;

/// A content file as read from disk: its path relative to the project, and
/// its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Every `.toml` file under `dir` (sorted, folders included), named by its
/// path relative to `root` with `/` between parts: what the build, the
/// native tests and the benchmarks read.
pub fn read_files(
    dir: &std::path::Path,
    root: &std::path::Path,
) -> Result<Vec<SourceFile>, String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|e| format!("{}: {e}", dir.display()))?;
    paths
        .into_iter()
        .map(|path| {
            let shown = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            std::fs::read_to_string(&path)
                .map(|text| SourceFile {
                    path: shown.clone(),
                    text,
                })
                .map_err(|e| format!("{shown}: cannot be read: {e}"))
        })
        .collect()
}

/// What the loader needs of an item of content.
trait Item: DeserializeOwned {
    fn id(&self) -> &str;
    /// Every problem with the item; `at` is its place in its file.
    fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError>;
}

impl Item for Scenario {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self, file: &str, _: &FieldPath) -> Vec<ContentError> {
        let mut p = Scenario::problems(self, file);
        p.extend(self.built_in_problems(file));
        p
    }
}

impl Item for Reframe {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError> {
        Reframe::problems(self, file, at)
    }
}

impl Item for Deck {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self, file: &str, _: &FieldPath) -> Vec<ContentError> {
        Deck::problems(self, file)
    }
}

impl Item for Concept {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError> {
        Concept::problems(self, file, at)
    }
}

impl Item for LensRule {
    fn id(&self) -> &str {
        &self.id
    }
    fn problems(&self, file: &str, at: &FieldPath) -> Vec<ContentError> {
        LensRule::problems(self, file, at)
    }
}

/// One row of the table: where a kind's files are and how they hold it.
struct Kind<T> {
    /// A file is of this kind when its path contains this (a folder), or ends
    /// with it (a single file).
    place: &'static str,
    /// `None`: one item per file, whose id is the file's name. `Some(key)`:
    /// a list under `[[key]]`.
    list: Option<&'static str>,
    items: fn(&mut Library) -> &mut Vec<T>,
}

const SCENARIOS: Kind<Scenario> = Kind {
    place: "/scenarios/",
    list: None,
    items: |l| &mut l.scenarios,
};
const REFRAMES: Kind<Reframe> = Kind {
    place: "/reframes/",
    list: Some("reframe"),
    items: |l| &mut l.reframes,
};
const DECKS: Kind<Deck> = Kind {
    place: "/decks/",
    list: None,
    items: |l| &mut l.decks,
};
const LENS: Kind<LensRule> = Kind {
    place: "/lens/",
    list: Some("rule"),
    items: |l| &mut l.lens,
};
const CONCEPTS: Kind<Concept> = Kind {
    place: "concepts.toml",
    list: Some("concept"),
    items: |l| &mut l.concepts,
};

/// Which file each id came from, to name both when one repeats.
type Seen = Vec<(String, String)>;

fn error(file: &str, field: FieldPath, reason: Reason, problem: String) -> ContentError {
    ContentError {
        file: file.to_string(),
        field,
        reason,
        problem,
    }
}

/// The name of a file without folder or extension.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

fn parse<T: DeserializeOwned>(file: &SourceFile, text: &str) -> Result<T, Box<ContentError>> {
    toml::from_str(text).map_err(|e| {
        Box::new(error(
            &file.path,
            FieldPath::root(),
            Reason::File,
            e.to_string().trim().replace('\n', "\n    "),
        ))
    })
}

/// Reads one file of `kind` into the library, keeping every problem.
fn load<T: Item>(
    kind: &Kind<T>,
    file: &SourceFile,
    lib: &mut Library,
    seen: &mut Seen,
    errors: &mut Vec<ContentError>,
) {
    let items: Vec<(FieldPath, T)> = match kind.list {
        None => match parse::<T>(file, &file.text) {
            Ok(item) => {
                let path = file.path.replace('\\', "/");
                if item.id() != stem(&path) {
                    errors.push(error(
                        &file.path,
                        FieldPath::of("id"),
                        Reason::File,
                        format!(
                            "the id \"{}\" must equal the file name \"{}\"",
                            item.id(),
                            stem(&path)
                        ),
                    ));
                }
                vec![(FieldPath::root(), item)]
            }
            Err(e) => return errors.push(*e),
        },
        Some(key) => {
            let table = match parse::<toml::Table>(file, &file.text) {
                Ok(t) => t,
                Err(e) => return errors.push(*e),
            };
            let mut items = Vec::new();
            for (name, value) in table {
                if name != key {
                    errors.push(error(
                        &file.path,
                        FieldPath::root(),
                        Reason::File,
                        format!("unknown field `{name}`: this file holds [[{key}]] tables only"),
                    ));
                    continue;
                }
                let list = match value {
                    toml::Value::Array(list) => list,
                    _ => {
                        errors.push(error(
                            &file.path,
                            FieldPath::root(),
                            Reason::File,
                            format!("`{key}` must be a list of [[{key}]] tables"),
                        ));
                        continue;
                    }
                };
                for (i, value) in list.into_iter().enumerate() {
                    // (A field name of the list, kept as text: `reframe`.)
                    let at = FieldPath::of(key).at(i);
                    match value.try_into::<T>() {
                        Ok(item) => items.push((at, item)),
                        Err(e) => errors.push(error(
                            &file.path,
                            at,
                            Reason::File,
                            e.to_string().trim().replace('\n', "\n    "),
                        )),
                    }
                }
            }
            items
        }
    };
    for (at, item) in items {
        errors.extend(item.problems(&file.path, &at));
        let id = item.id();
        let id_at = at.field("id");
        if is_own(id) {
            errors.push(error(
                &file.path,
                id_at.clone(),
                Reason::BadId,
                format!(
                    "\"{id}\": ids starting with \"{OWN_PREFIX}\" are kept for people's own items"
                ),
            ));
        }
        match seen.iter().find(|(i, _)| i == id) {
            Some((_, first)) => errors.push(error(
                &file.path,
                id_at,
                Reason::DuplicateId,
                format!("duplicate id \"{id}\": {first} uses it already"),
            )),
            None => seen.push((id.to_string(), file.path.clone())),
        }
        (kind.items)(lib).push(item);
    }
}

/// Reads every content file, checks every item and the references between
/// them, and returns the library, or every problem found.
///
/// Files are told apart by folder: `scenarios/`, `reframes/`, `decks/`,
/// `lens/`, and `concepts.toml`. Other files are ignored.
pub fn load_library(files: &[SourceFile]) -> Result<Library, Vec<ContentError>> {
    let mut lib = Library::default();
    let mut errors = Vec::new();
    let mut seen: [Seen; 5] = Default::default();
    for file in files {
        let path = file.path.replace('\\', "/");
        if !path.ends_with(".toml") {
            continue;
        }
        let [scenarios, reframes, decks, lens, concepts] = &mut seen;
        if path.contains(SCENARIOS.place) {
            load(&SCENARIOS, file, &mut lib, scenarios, &mut errors);
        } else if path.contains(REFRAMES.place) {
            load(&REFRAMES, file, &mut lib, reframes, &mut errors);
        } else if path.contains(DECKS.place) {
            load(&DECKS, file, &mut lib, decks, &mut errors);
        } else if path.contains(LENS.place) {
            load(&LENS, file, &mut lib, lens, &mut errors);
        } else if path.ends_with(CONCEPTS.place) {
            load(&CONCEPTS, file, &mut lib, concepts, &mut errors);
        }
    }
    // References between items: every concept the app links to exists.
    if let Some(concepts) = files.iter().find(|f| f.path.ends_with(CONCEPTS.place)) {
        for required in super::concept::REQUIRED {
            if lib.concept(required).is_none() {
                errors.push(error(
                    &concepts.path,
                    FieldPath::of("concept"),
                    Reason::File,
                    format!("the concept \"{required}\" is missing; the app links to it"),
                ));
            }
        }
    }
    lib.scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    if errors.is_empty() {
        Ok(lib)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_content_cannot_take_an_own_id() {
        let text = r#"
id = "mine-x"
kind = "check_in"
title = { ja = "チェックイン", en = "Check-in" }
[[prompt]]
id = "p1"
text = { ja = "いまの気分は？", en = "How are you arriving?" }
"#;
        let files = [SourceFile {
            path: "content/decks/mine-x.toml".into(),
            text: text.into(),
        }];
        let errors = load_library(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.problem.contains("kept for people's own items")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_list_file_names_the_item_and_refuses_other_tables() {
        let text = r#"
[[reframe]]
id = "a"
shift = "curiosity"
source = "question"
phrase = { ja = "なんで？", en = "Why?" }
examples = [{ ja = "何があったの？", en = "What happened?" }]
note = { ja = "問いを変える", en = "A new question" }

[[reframes]]
id = "b"
"#;
        let files = [SourceFile {
            path: "content/reframes/curiosity.toml".into(),
            text: text.into(),
        }];
        let errors: Vec<String> = load_library(&files)
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.contains(
                &"content/reframes/curiosity.toml: reframe[0].examples: has 1; it needs between 2 and 3"
                    .to_string()
            ),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("unknown field `reframes`")),
            "{errors:?}"
        );
    }
}
