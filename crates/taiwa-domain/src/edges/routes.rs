//! The app's pages and their addresses: the one table the router, the
//! service worker's list of app pages (written at build time) and the browser
//! tests' page lists all come from.

use serde::Serialize;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    Home,
    Scenarios,
    Scenario,
    Solo,
    Together,
    /// A role card opened from a share link.
    Card,
    /// What a share link opens: a preview with the choice to save.
    Open,
    Reframe,
    Lens,
    Concepts,
    Facilitate,
    Plan,
    /// The shared screen of a session (what Zoom shows).
    Present,
    /// The facilitator's console: a private window beside the shared screen.
    Console,
    Report,
    Journal,
    Data,
    Settings,
    About,
    Mine,
    MineScenario,
    MineReframe,
    MineDeck,
    /// A print view: role cards, prompt cards, a handout, a report or a
    /// worksheet (`:kind`), of the item `:id`.
    Print,
}

/// One route: the page, and its address pattern (`:id` stands for one
/// segment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    pub page: Page,
    pub path: &'static str,
    /// Shown to a group on a shared screen: drawn without the header,
    /// navigation and notices.
    pub shared: bool,
    /// The first page of a section of the app (its own title, and a place in
    /// the navigation or, for /mine, beside it).
    pub section: bool,
}

const fn page(page: Page, path: &'static str) -> Route {
    Route {
        page,
        path,
        shared: false,
        section: false,
    }
}

const fn section(page: Page, path: &'static str) -> Route {
    Route {
        section: true,
        ..self::page(page, path)
    }
}

/// Every route of the app.
pub const ROUTES: [Route; 24] = [
    section(Page::Home, "/"),
    section(Page::Scenarios, "/scenarios"),
    page(Page::Scenario, "/scenarios/:id"),
    page(Page::Solo, "/scenarios/:id/solo"),
    page(Page::Together, "/scenarios/:id/together"),
    page(Page::Card, "/card"),
    page(Page::Open, "/open"),
    section(Page::Reframe, "/reframe"),
    page(Page::Lens, "/reframe/lens"),
    page(Page::Concepts, "/concepts"),
    section(Page::Facilitate, "/facilitate"),
    page(Page::Plan, "/facilitate/plan/:id"),
    Route {
        page: Page::Present,
        path: "/facilitate/present/:id",
        shared: true,
        section: false,
    },
    page(Page::Console, "/facilitate/console/:id"),
    page(Page::Report, "/facilitate/report/:id"),
    section(Page::Journal, "/journal"),
    section(Page::Data, "/data"),
    section(Page::Settings, "/settings"),
    section(Page::About, "/about"),
    section(Page::Mine, "/mine"),
    page(Page::MineScenario, "/mine/scenario/:id"),
    page(Page::MineReframe, "/mine/reframe/:id"),
    page(Page::MineDeck, "/mine/deck/:id"),
    page(Page::Print, "/print/:kind/:id"),
];

impl Page {
    /// The page's route.
    pub fn route(self) -> &'static Route {
        ROUTES.iter().find(|r| r.page == self).unwrap_or(&ROUTES[0])
    }

    /// Its address pattern.
    pub fn path(self) -> &'static str {
        self.route().path
    }
}

/// Whether `path` (below the app's base) matches `pattern`.
pub fn matches(pattern: &str, path: &str) -> bool {
    let want: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let got: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    want.len() == got.len()
        && want
            .iter()
            .zip(&got)
            .all(|(w, g)| w.starts_with(':') || w == g)
}

/// The route a path (below the app's base, without query or fragment) is.
pub fn route_of(path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| matches(r.path, path))
}

/// Whether a path is shown to a group on a shared screen.
pub fn is_shared(path: &str) -> bool {
    route_of(path).is_some_and(|r| r.shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_one_route_and_paths_find_their_page() {
        for r in ROUTES {
            assert_eq!(
                ROUTES.iter().filter(|x| x.page == r.page).count(),
                1,
                "{:?}",
                r.page
            );
            assert_eq!(r.page.path(), r.path);
        }
        assert_eq!(route_of("/").map(|r| r.page), Some(Page::Home));
        assert_eq!(
            route_of("/scenarios/first-meeting/solo").map(|r| r.page),
            Some(Page::Solo)
        );
        assert_eq!(route_of("/scenarios/x/y/z"), None);
        assert!(is_shared("/facilitate/present/abc"));
        assert!(!is_shared("/facilitate/plan/abc"));
    }
}
