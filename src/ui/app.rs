//! The shell: context, header, routes, and the effects that mirror settings onto
//! `<html>` (language, theme, text size).

use super::pages::facilitate::{
    list::FacilitatePage, plan::PlanPage, present::PresentPage, report::ReportPage,
};
use super::pages::mine::{
    deck::DeckEditor, list::MinePage, reframe::ReframeEditor, scenario::ScenarioEditor,
};
use super::pages::{
    about::About, concepts::ConceptsPage, data::DataPage, home::Home, journal::JournalPage,
    lens::OpenLens, not_found::NotFound, open::OpenPage, reframe::ReframePage,
    scenario::ScenarioPage, scenarios::ScenarioLibrary, settings::SettingsPage, solo::SoloPage,
    together::TogetherPage,
};
use super::widgets::{header::Header, notices::Notices, update_banner::UpdateBanner};
use super::{browser_lang, Ctx};
use crate::store::Store;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

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
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/scenarios") view=ScenarioLibrary/>
                    <Route path=path!("/scenarios/:id") view=ScenarioPage/>
                    <Route path=path!("/scenarios/:id/solo") view=SoloPage/>
                    <Route path=path!("/scenarios/:id/together") view=TogetherPage/>
                    <Route path=path!("/card") view=OpenPage/>
                    <Route path=path!("/open") view=OpenPage/>
                    <Route path=path!("/reframe") view=ReframePage/>
                    <Route path=path!("/reframe/lens") view=OpenLens/>
                    <Route path=path!("/facilitate") view=FacilitatePage/>
                    <Route path=path!("/facilitate/plan/:id") view=PlanPage/>
                    <Route path=path!("/facilitate/present/:id") view=PresentPage/>
                    <Route path=path!("/facilitate/report/:id") view=ReportPage/>
                    <Route path=path!("/journal") view=JournalPage/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/about") view=About/>
                    <Route path=path!("/concepts") view=ConceptsPage/>
                    <Route path=path!("/mine") view=MinePage/>
                    <Route path=path!("/mine/scenario/:id") view=ScenarioEditor/>
                    <Route path=path!("/mine/reframe/:id") view=ReframeEditor/>
                    <Route path=path!("/mine/deck/:id") view=DeckEditor/>
                </Routes>
            </main>
        </Router>
    }
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
