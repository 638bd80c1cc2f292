//! The ground: what every other layer stands on, and which knows none of them.
//!
//! - [`lang`]: the two languages and bilingual [`lang::Text`];
//! - [`id`]: fresh ids, and the `mine-` prefix that marks a user's own items;
//! - [`check`]: the content check's vocabulary: a typed [`check::FieldPath`],
//!   [`check::ContentError`] with its [`check::Reason`], the [`check::limits`]
//!   on lengths, and the [`check::Checker`] every kind of content uses;
//! - [`random`]: shuffling from a seed;
//! - [`stamp`]: stamped records ([`stamp::Record`]) and the map that keeps them
//!   ([`stamp::Records`]): the only code that writes `updated` and `deleted`.
//!
//! Architecture invariant: nothing here imports from another layer of this
//! crate.

pub mod check;
pub mod id;
pub mod lang;
pub mod random;
pub mod stamp;
