//! The shell: context, header, routes, and the effects that mirror settings onto
//! `<html>` (language, theme, text size).

use super::pages::{home::Home, not_found::NotFound};
use super::widgets::{header::Header, notices::Notices, update_banner::UpdateBanner};
use super::{browser_lang, Ctx};
use crate::store::Store;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, ChooseView};
use std::{future::Future, pin::Pin};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::open();
    let browser = browser_lang();
    let lang = Memo::new(move |_| store.doc().with(|d| d.settings.lang_or(browser)));
    let ctx = Ctx {
        store,
        lang,
        content: crate::library::Content::new(move || store.doc().with(|d| d.own.clone())),
        acknowledged: RwSignal::new(Vec::new()),
    };
    provide_context(ctx);
    // Offline use, and new versions that wait for the user (see ui::pwa).
    let updates = super::pwa::start();

    // Mirror settings onto <html>.
    Effect::new(move |_| {
        let settings = store.doc().with(|d| d.settings.clone());
        let code = lang.get().code();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", code);
            match settings.theme.attribute() {
                Some(theme) => {
                    let _ = html.set_attribute("data-theme", theme);
                }
                None => {
                    let _ = html.remove_attribute("data-theme");
                }
            }
            let _ = html.set_attribute("data-text-size", settings.text_size.key());
        }
        super::pwa::theme_color(settings.theme);
        // (The document's title follows the page: widgets::header.)
    });

    view! {
        <Router base=super::base()>
            <Chrome updates/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> <Drawn/> }>
                    <Route path=path!("/") view=|| view! { <Home/> <Drawn/> }/>
                    <Route path=path!("/scenarios") view=SCENARIOS/>
                    <Route path=path!("/scenarios/:id") view=SCENARIO/>
                    <Route path=path!("/scenarios/:id/solo") view=SOLO/>
                    <Route path=path!("/scenarios/:id/together") view=TOGETHER/>
                    <Route path=path!("/card") view=OPEN/>
                    <Route path=path!("/open") view=OPEN/>
                    <Route path=path!("/reframe") view=REFRAME/>
                    <Route path=path!("/reframe/lens") view=LENS/>
                    <Route path=path!("/facilitate") view=FACILITATE/>
                    <Route path=path!("/facilitate/plan/:id") view=PLAN/>
                    <Route path=path!("/facilitate/present/:id") view=PRESENT/>
                    <Route path=path!("/facilitate/report/:id") view=REPORT/>
                    <Route path=path!("/journal") view=JOURNAL/>
                    <Route path=path!("/data") view=DATA/>
                    <Route path=path!("/settings") view=SETTINGS/>
                    <Route path=path!("/about") view=ABOUT/>
                    <Route path=path!("/concepts") view=CONCEPTS/>
                    <Route path=path!("/mine") view=MINE/>
                    <Route path=path!("/mine/scenario/:id") view=MINE_SCENARIO/>
                    <Route path=path!("/mine/reframe/:id") view=MINE_REFRAME/>
                    <Route path=path!("/mine/deck/:id") view=MINE_DECK/>
                </Routes>
            </main>
        </Router>
    }
}

/// Drawn after a route's page: the first time, the static first screen goes.
#[component]
fn Drawn() -> impl IntoView {
    // Effects run once the view they belong to is in the document.
    Effect::new(|_| super::first_page_drawn());
}

/// Whether a path is shared on screen with a group: such a page shows nothing
/// but itself (no header, navigation or notices).
pub fn is_shared_screen(path: &str) -> bool {
    path.contains("/facilitate/present/")
}

/// The skip link, header, notices and the update banner, on every page but a
/// shared screen.
#[component]
fn Chrome(updates: super::pwa::Updates) -> impl IntoView {
    let ctx = super::use_ctx();
    let location = use_location();
    let shown = move || !location.pathname.with(|p| is_shared_screen(p));
    view! {
        <Show when=shown>
            <a class="skip" href="#main">{move || ctx.t().skip_to_content}</a>
            <Header/>
            <Notices/>
            <UpdateBanner updates/>
        </Show>
    }
}

/// The pages of the app, for navigation and headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
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

impl Page {
    pub const NAV: [Page; 8] = [
        Page::Home,
        Page::Scenarios,
        Page::Reframe,
        Page::Facilitate,
        Page::Journal,
        Page::Data,
        Page::Settings,
        Page::About,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Scenarios => "/scenarios",
            Page::Reframe => "/reframe",
            Page::Facilitate => "/facilitate",
            Page::Journal => "/journal",
            Page::Data => "/data",
            Page::Settings => "/settings",
            Page::About => "/about",
            Page::Mine => "/mine",
        }
    }

    /// The page a path belongs to (its first segment), if it is one of these.
    pub fn of_path(path: &str) -> Option<Page> {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        Page::NAV
            .into_iter()
            .chain([Page::Mine])
            .find(|p| p.path().trim_start_matches('/') == first)
    }

    pub fn label(self, t: &crate::i18n::Strings) -> &'static str {
        match self {
            Page::Home => t.nav_home,
            Page::Scenarios => t.nav_scenarios,
            Page::Reframe => t.nav_reframe,
            Page::Facilitate => t.nav_facilitate,
            Page::Journal => t.nav_journal,
            Page::Data => t.nav_data,
            Page::Settings => t.nav_settings,
            Page::About => t.nav_about,
            Page::Mine => t.nav_mine,
        }
    }
}

/// A page whose code is split out of the first screen's wasm: its route loads a
/// wasm module the first time one of its group's pages is shown (see
/// ARCHITECTURE.md, "Code splitting"). Pages of one group share one module.
/// (leptos_router's `Lazy<T>` would do the same, with a copy of the router's
/// generic code for every page; all these routes share this one type.)
#[derive(Clone, Copy)]
pub struct LazyPage {
    view: fn() -> Pin<Box<dyn Future<Output = AnyView>>>,
    preload: fn() -> Pin<Box<dyn Future<Output = ()>>>,
}

impl ChooseView for LazyPage {
    async fn choose(self) -> AnyView {
        // The split-off pages' stylesheets, the first time (see ui::styles).
        super::styles::ensure().await;
        let page = (self.view)().await;
        view! { {page} <Drawn/> }.into_any()
    }

    async fn preload(&self) {
        (self.preload)().await
    }
}

/// `lazy_page!(group: NAME, view_fn, preload_fn => path::to::Page);` defines the
/// route's view `NAME`, in the wasm module `group`.
macro_rules! lazy_page {
    ($group:ident: $name:ident, $view:ident, $preload:ident => $($page:ident)::+) => {
        const $name: LazyPage = LazyPage {
            view: || Box::pin($view()),
            preload: || Box::pin($preload()),
        };

        #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $view() -> AnyView {
            super::pages::$($page)::+().into_any()
        }
    };
}

// The role plays, the reframing studio and the glossary: the pages that read the
// built-in content.
lazy_page!(practice: SCENARIOS, scenarios_view, scenarios_preload => scenarios::ScenarioLibrary);
lazy_page!(practice: SCENARIO, scenario_view, scenario_preload => scenario::ScenarioPage);
lazy_page!(practice: SOLO, solo_view, solo_preload => solo::SoloPage);
lazy_page!(practice: TOGETHER, together_view, together_preload => together::TogetherPage);
lazy_page!(practice: OPEN, open_view, open_preload => open::OpenPage);
lazy_page!(practice: REFRAME, reframe_view, reframe_preload => reframe::ReframePage);
lazy_page!(practice: LENS, lens_view, lens_preload => lens::OpenLens);
lazy_page!(practice: CONCEPTS, concepts_view, concepts_preload => concepts::ConceptsPage);
// Facilitation: plans, the shared screen and the report.
lazy_page!(facilitate: FACILITATE, facilitate_view, facilitate_preload => facilitate::list::FacilitatePage);
lazy_page!(facilitate: PLAN, plan_view, plan_preload => facilitate::plan::PlanPage);
lazy_page!(facilitate: PRESENT, present_view, present_preload => facilitate::present::PresentPage);
lazy_page!(facilitate: REPORT, report_view, report_preload => facilitate::report::ReportPage);
// The user's own records: journal, data, settings, and About.
lazy_page!(records: JOURNAL, journal_view, journal_preload => journal::JournalPage);
lazy_page!(records: DATA, data_view, data_preload => data::DataPage);
lazy_page!(records: SETTINGS, settings_view, settings_preload => settings::SettingsPage);
lazy_page!(records: ABOUT, about_view, about_preload => about::About);
// Writing one's own scenarios, reframes and decks (/mine).
lazy_page!(authoring: MINE, mine_view, mine_preload => mine::list::MinePage);
lazy_page!(authoring: MINE_SCENARIO, mine_scenario_view, mine_scenario_preload => mine::scenario::ScenarioEditor);
lazy_page!(authoring: MINE_REFRAME, mine_reframe_view, mine_reframe_preload => mine::reframe::ReframeEditor);
lazy_page!(authoring: MINE_DECK, mine_deck_view, mine_deck_preload => mine::deck::DeckEditor);
