//! Taiwa's rules, in plain Rust: every rule of the app lives here, and no
//! browser crate does (this crate's `Cargo.toml` has none, so the compiler
//! keeps it so). It is tested with plain `cargo test` on the host, used by the
//! app, and by the app's `build.rs`, which checks `content/` with it.
//!
//! Read it from the ground up; each layer knows only those below it:
//!
//! 1. [`ground`]: languages and text, ids, the content check's vocabulary and
//!    limits, seeded shuffling, stamped records;
//! 2. [`lens`], then [`content`]: the language lens and its rules; scenarios,
//!    reframes, decks, concepts, and the library that holds them;
//! 3. [`records`]: what a user keeps (journal, practice, sessions, own content,
//!    revisit, settings), each on its own;
//! 4. [`document`]: the aggregate of all records: restore, merge, migrations,
//!    and the operations that change records across kinds;
//! 5. [`edges`]: share codes, backups, the studio's sets, routes, updates.
//!
//! `tests/layers.rs` reads this crate's sources and fails if a module imports
//! from a layer above its own, or if two modules import each other.

pub mod content;
pub mod document;
pub mod edges;
pub mod ground;
pub mod lens;
pub mod records;

pub use ground::lang::{Lang, Text};

// The modules by their short names, as the app uses them.
pub use content::{arc, load};
pub use edges::{backup, browser, lock, paper, routes, share, studio, update};
pub use ground::{check, id, stamp};
pub use records::{journal, own, practice, revisit, session, settings};
