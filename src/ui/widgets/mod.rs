//! Small pieces shared by pages.

pub mod header;
pub mod lens_view;
pub mod notices;
pub mod reframe_exercise;
pub mod revisit_queue;
pub mod set_chooser;
pub mod with_library;
