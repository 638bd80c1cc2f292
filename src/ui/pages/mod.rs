//! One module per page; a page composes widgets.

pub mod about;
pub mod concepts;
pub mod data;
pub mod facilitate;
pub mod home;
pub mod journal;
pub mod lens;
pub mod lock;
pub mod mine;
pub mod not_found;
pub mod open;
pub mod print;
pub mod reframe;
pub mod scenario;
pub mod scenarios;
pub mod settings;
pub mod solo;
pub mod together;
