//! The sections of the main navigation: each is one page of the route table
//! (`domain::routes`), with its label. A path belongs to the section of its
//! first segment.

use crate::domain::routes::Page;
use crate::i18n::Strings;

/// A section of the app, for navigation and page titles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Scenarios,
    Reframe,
    Facilitate,
    Journal,
    Data,
    Settings,
    About,
    /// The user's own content (/mine): linked from the pages that use it,
    /// not from the main navigation.
    Mine,
}

impl Section {
    /// The main navigation, in order.
    pub const NAV: [Section; 8] = [
        Section::Home,
        Section::Scenarios,
        Section::Reframe,
        Section::Facilitate,
        Section::Journal,
        Section::Data,
        Section::Settings,
        Section::About,
    ];

    /// The section's own page.
    pub fn page(self) -> Page {
        match self {
            Section::Home => Page::Home,
            Section::Scenarios => Page::Scenarios,
            Section::Reframe => Page::Reframe,
            Section::Facilitate => Page::Facilitate,
            Section::Journal => Page::Journal,
            Section::Data => Page::Data,
            Section::Settings => Page::Settings,
            Section::About => Page::About,
            Section::Mine => Page::Mine,
        }
    }

    /// Its address (from the route table).
    pub fn path(self) -> &'static str {
        self.page().path()
    }

    /// The section a path belongs to (its first segment), if any.
    pub fn of_path(path: &str) -> Option<Section> {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        Section::NAV
            .into_iter()
            .chain([Section::Mine])
            .find(|s| s.path().trim_start_matches('/') == first)
    }

    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Section::Home => t.nav_home,
            Section::Scenarios => t.nav_scenarios,
            Section::Reframe => t.nav_reframe,
            Section::Facilitate => t.nav_facilitate,
            Section::Journal => t.nav_journal,
            Section::Data => t.nav_data,
            Section::Settings => t.nav_settings,
            Section::About => t.nav_about,
            Section::Mine => t.nav_mine,
        }
    }
}
