//! Small pieces shared by pages.

pub mod header;
pub mod heavy_gate;
pub mod lens_view;
pub mod notices;
pub mod qr;
pub mod read_aloud;
pub mod reframe_exercise;
pub mod revisit_queue;
pub mod role_card;
pub mod set_chooser;
pub mod share_link;
pub mod update_banner;
pub mod with_library;
pub mod with_scenario;
