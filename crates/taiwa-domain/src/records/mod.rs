//! Records: what a user keeps, each kind on its own. None of them knows the
//! document that holds them all (that is the layer above).
//!
//! - [`journal`]: entries (reflections, reframes, reports, notes), search;
//! - [`practice`]: the scenario library's filters, the solo practice run;
//! - [`session`]: study-group plans, sessions as they run, reports;
//! - [`own`]: scenarios, reframes and decks a user writes;
//! - [`revisit`]: reframes marked to come back to;
//! - [`settings`]: language, theme, text size.
//!
//! Architecture invariant: records stand on the ground and on content; they
//! never import the document, and each kind is stamped only through
//! [`crate::ground::stamp::Records`].

pub mod journal;
pub mod own;
pub mod practice;
pub mod revisit;
pub mod session;
pub mod settings;
