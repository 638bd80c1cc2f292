//! One module per page; a page composes widgets.

pub mod about;
pub mod coming;
pub mod facilitate;
pub mod home;
pub mod not_found;
pub mod settings;
