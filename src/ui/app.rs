//! The shell: context, header, the router (built from the rules' one route
//! table, `domain::routes::ROUTES`), and the effects that mirror settings onto
//! `<html>` (language, theme, text size).

use super::pages::{home::Home, not_found::NotFound};
use super::widgets::{header::Header, notices::Notices, update_banner::UpdateBanner};
use super::{browser_lang, Ctx};
use crate::domain::routes::{self, Page, ROUTES};
use crate::store::{Guard, Store};
use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::components::{Route, RouteChildren, RouteProps, Router, Routes, RoutesProps};
use leptos_router::hooks::use_location;
use leptos_router::{ChooseView, PartialPathMatch, PathSegment, PossibleRouteMatch};
use std::borrow::Cow;
use std::{future::Future, pin::Pin};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::open();
    let browser = browser_lang();
    let lang = Memo::new(move |_| store.doc().with(|d| d.settings().lang_or(browser)));
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
        let settings = store.doc().with(|d| d.settings().clone());
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
    // Whether the stored document is in (`data-store="open"`), or locked:
    // what a page shows before it is the look only.
    let locked = Memo::new(move |_| store.guard() == Guard::Locked);
    Effect::new(move |_| {
        let state = if locked.get() {
            "locked"
        } else if store.is_open() {
            "open"
        } else {
            "opening"
        };
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("data-store", state);
        }
    });

    // While the lock is closed, the lock screen stands in for every page
    // (their views, and what they held, are gone until it opens).
    view! {
        <Router base=super::base()>
            <Chrome updates/>
            <main id="main" tabindex="-1">
                {move || if locked.get() { lock_screen().into_any() } else { routes().into_any() }}
            </main>
        </Router>
    }
}

/// The lock screen, from the `lock` module (loaded only when the lock is on).
fn lock_screen() -> impl IntoView {
    let fallback = move || view! { <p class="muted">{move || super::use_ctx().t().loading}</p> };
    view! {
        <Suspense fallback=fallback>
            // The split module's future is not Send; it runs on this one thread.
            {Suspend::new(send_wrapper::SendWrapper::new(async move {
                super::styles::ensure().await;
                let screen = lock_view().await;
                view! { {screen} <Drawn/> }
            }))}
        </Suspense>
    }
}

#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split)]
fn lock_view() -> AnyView {
    super::pages::lock::LockScreen().into_any()
}

/// The router's routes: every route of the table, each drawing its page.
/// (Made inside `<Router>`, whose context `<Routes>` needs.)
fn routes() -> impl IntoView {
    let table: Vec<_> = ROUTES
        .iter()
        .map(|r| {
            Route(
                RouteProps::builder()
                    .path(TablePath(r.path))
                    .view(view_of(r.page))
                    .build(),
            )
        })
        .collect();
    Routes(
        RoutesProps::builder()
            .fallback(|| view! { <NotFound/> <Drawn/> })
            .children(RouteChildren::to_children(move || StaticVec::from(table)))
            .build(),
    )
}

/// A route's address pattern from the table, matched segment by segment
/// (`:id` stands for one segment and is the page's `id` parameter).
#[derive(Clone, Copy, Debug)]
struct TablePath(&'static str);

impl PossibleRouteMatch for TablePath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let mut rest = path;
        let mut params = Vec::new();
        for want in self.0.split('/').filter(|s| !s.is_empty()) {
            let r = rest.strip_prefix('/')?;
            let end = r.find('/').unwrap_or(r.len());
            let got = &r[..end];
            match want.strip_prefix(':') {
                Some(name) if !got.is_empty() => {
                    params.push((Cow::Borrowed(name), got.to_string()));
                }
                None if got == want => {}
                _ => return None,
            }
            rest = &r[end..];
        }
        let matched = &path[..path.len() - rest.len()];
        Some(PartialPathMatch::new(rest, params, matched))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        let segments: Vec<&'static str> = self.0.split('/').filter(|s| !s.is_empty()).collect();
        if segments.is_empty() {
            path.push(PathSegment::Unit);
        }
        for s in segments {
            path.push(match s.strip_prefix(':') {
                Some(name) => PathSegment::Param(name.into()),
                None => PathSegment::Static(s.into()),
            });
        }
    }
}

/// What a route draws: the home page (in the first screen's wasm), or a page
/// split off into a module of its own.
#[derive(Clone, Copy)]
enum PageView {
    Home,
    Lazy(LazyPage),
}

impl ChooseView for PageView {
    async fn choose(self) -> AnyView {
        match self {
            PageView::Home => view! { <Home/> <Drawn/> }.into_any(),
            PageView::Lazy(page) => page.choose().await,
        }
    }

    async fn preload(&self) {
        if let PageView::Lazy(page) = self {
            page.preload().await
        }
    }
}

/// The view of each page of the table (a page missing here does not
/// compile).
fn view_of(page: Page) -> PageView {
    use PageView::Lazy;
    match page {
        Page::Home => PageView::Home,
        Page::Scenarios => Lazy(SCENARIOS),
        Page::Scenario => Lazy(SCENARIO),
        Page::Solo => Lazy(SOLO),
        Page::Together => Lazy(TOGETHER),
        Page::Card | Page::Open => Lazy(OPEN),
        Page::Reframe => Lazy(REFRAME),
        Page::Lens => Lazy(LENS),
        Page::Concepts => Lazy(CONCEPTS),
        Page::Facilitate => Lazy(FACILITATE),
        Page::Plan => Lazy(PLAN),
        Page::Present => Lazy(PRESENT),
        Page::Console => Lazy(CONSOLE),
        Page::Report => Lazy(REPORT),
        Page::Journal => Lazy(JOURNAL),
        Page::Data => Lazy(DATA),
        Page::Settings => Lazy(SETTINGS),
        Page::About => Lazy(ABOUT),
        Page::Mine => Lazy(MINE),
        Page::MineScenario => Lazy(MINE_SCENARIO),
        Page::MineReframe => Lazy(MINE_REFRAME),
        Page::MineDeck => Lazy(MINE_DECK),
        Page::Print => Lazy(PRINT),
    }
}

/// Drawn after a route's page: the first time, the static first screen goes.
#[component]
fn Drawn() -> impl IntoView {
    // Effects run once the view they belong to is in the document.
    Effect::new(|_| super::first_page_drawn());
}

/// The skip link, header, notices and the update banner, on every page but a
/// shared screen.
#[component]
fn Chrome(updates: super::pwa::Updates) -> impl IntoView {
    let ctx = super::use_ctx();
    let location = use_location();
    let shown = move || {
        location.pathname.with(|p| {
            let inner = p.strip_prefix(super::base()).unwrap_or(p);
            !routes::is_shared(inner)
        })
    };
    view! {
        <Show when=shown>
            <a class="skip" href="#main">{move || ctx.t().skip_to_content}</a>
            <Header/>
            <Notices/>
            <UpdateBanner updates/>
        </Show>
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

impl LazyPage {
    async fn choose(self) -> AnyView {
        // The split-off pages' stylesheets, the first time (see ui::styles).
        super::styles::ensure().await;
        // Pages may change the document when drawn: only once it is in.
        crate::store::ready().await;
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
lazy_page!(facilitate: CONSOLE, console_view, console_preload => facilitate::console::ConsolePage);
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

// Printing: role cards, prompt cards, the handout, the report, the worksheets.
lazy_page!(print: PRINT, print_view, print_preload => print::PrintPage);
