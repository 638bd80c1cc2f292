//! The content library: scenarios, reframes, prompt decks and concepts, with
//! the language lens's rules, and the checks every item must pass.
//!
//! People write content as TOML under `content/` (see `content/README.md`).
//! `build.rs` reads every file through [`load::load_library`]; a problem stops
//! the build with a message that names the file and the field. The same
//! checks run on the items a user writes in the app.
//!
//! - [`vocab`]: the words content is tagged with (tasks, principles, leans…);
//! - [`scenario`], [`arc`]: role-play scenarios and the paths through them;
//! - [`reframe`], [`deck`], [`concept`]: the other kinds;
//! - [`check`]: what every kind must be to be used;
//! - [`library`]: the library, and the one-language copy a phone loads;
//! - [`load`]: reading the files; [`shape`]: the library's counts at a glance.
//!
//! This module only names its parts: each part names the others by their
//! own paths, so none of them imports another in a circle.
//!
//! Architecture invariant: content knows nothing of the user's records or of
//! the document; it stands on the ground and the lens only.

pub mod arc;
pub mod check;
pub mod concept;
pub mod deck;
pub mod library;
pub mod load;
pub mod reframe;
pub mod scenario;
pub mod shape;
pub mod vocab;

pub use concept::Concept;
pub use deck::{Deck, Prompt};
pub use load::{load_library, SourceFile};
pub use reframe::Reframe;
pub use scenario::{Debrief, Moment, Response, RoleCard, Scenario};
pub use vocab::{
    ConceptKind, DeckKind, Heavy, Lean, Principle, RoleKind, Setting, Shift, Source, Task,
};

pub use library::Library;
