//! The document Taiwa keeps in the browser: every record a user has, with a
//! schema version. It is the aggregate of the records layer:
//!
//! - [`Document`] ([`aggregate`]) holds each kind of record in a [`Records`] map, and lists
//!   them all once, in [`Document::each_map`]: merging two copies, importing,
//!   replacing, deleting everything and restoring are visitors over that one
//!   list, so a new kind of record cannot be forgotten by one of them;
//! - its operations change records across kinds and stamp them
//!   ([`Document::finish_practice`], [`Document::edit_session`], …), and the
//!   store hands them the time;
//! - [`restore`] reads stored or imported text, record by record
//!   ([`restore::restore`]), and migrates older schemas ([`migrate`]).
//!
//! Architecture invariant: the document knows the records and content, never
//! the edges (share codes, backups); nothing here reads a clock.

pub mod aggregate;
pub mod migrate;
pub mod restore;

pub use aggregate::{to_json, Care, Document, EachMap, Kept, APP, MAX_TIME, SCHEMA};
pub use restore::{read_current, restore, Restored, SetAside};

#[cfg(test)]
mod tests;
