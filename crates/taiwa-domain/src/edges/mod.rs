//! The edges: where the rules meet the outside.
//!
//! - [`share`]: share codes in a link's fragment, and saving what they carry;
//! - [`backup`]: the backup file, and reading one before importing it;
//! - [`lock`]: the passcode lock's envelope: sealing, wrapping, the recovery code;
//! - [`paper`]: paper sizes and how cards sit on a printed sheet;
//! - [`studio`]: the reframing studio's practice sets and the entries it saves;
//! - [`routes`]: the app's pages and their addresses;
//! - [`update`]: when a new version of the app may take over;
//! - [`browser`]: the one difference between browsers no API reveals.
//!
//! Architecture invariant: edges may use every layer below; nothing below
//! uses an edge.

pub mod backup;
pub mod browser;
pub mod lock;
pub mod paper;
pub mod routes;
pub mod share;
pub mod studio;
pub mod update;
