//! The language lens over a text the person is writing: the text drawn again
//! with what the lens noticed in `<mark>` (a wavy underline and a kind label,
//! not colour alone), and a labelled list of each finding with the rule's
//! explanation and a question to consider. A polite status line tells a screen
//! reader when there is something in the list, without repeating it at every key.
//!
//! Drawn inside `WithLibrary`, so it is drawn afresh when the language changes:
//! its fixed text is read once, which keeps the compiled size small.

use crate::domain::content::Library;
use crate::domain::lens::{segments, Finding, Lens, LensKind};
use crate::domain::Lang;
use crate::i18n::{fill, reframe};
use crate::ui::use_ctx;
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the findings status, for `aria-describedby` on the text field.
pub const FINDINGS_ID: &str = "lens-findings";

/// A library with its lens compiled.
#[derive(Clone)]
pub struct Compiled {
    pub lib: Arc<Library>,
    /// `None` if a pattern would not compile (checked at build time, so not
    /// expected); the page still works without highlights.
    pub lens: Option<Arc<Lens>>,
}

/// The compiled lens for `lib`: from `cache` when it holds the same loaded
/// library, else compiled now and kept. So the lens is compiled once per loaded
/// library, never per keystroke or redraw.
pub fn compiled_for(cache: StoredValue<Option<Compiled>>, lib: Arc<Library>) -> Compiled {
    let kept = cache.with_value(|c| c.clone());
    if let Some(c) = kept.filter(|c| Arc::ptr_eq(&c.lib, &lib)) {
        return c;
    }
    let lens = Lens::compile(&lib.lens).ok().map(Arc::new);
    let c = Compiled { lib, lens };
    cache.set_value(Some(c.clone()));
    c
}

/// A view drawn from the loaded library, boxed so that every use of
/// `WithLibrary` in the studio shares one compiled copy of it.
pub type LibView = Box<dyn Fn(Arc<Library>) -> AnyView + Send + Sync>;

/// The label of a kind of finding.
pub fn kind_label(kind: LensKind, t: &reframe::Text) -> &'static str {
    match kind {
        LensKind::Advice => t.kind_advice,
        LensKind::WhyBlame => t.kind_why_blame,
        LensKind::Label => t.kind_label,
        LensKind::Fixing => t.kind_fixing,
        LensKind::ClosedQuestion => t.kind_closed_question,
        LensKind::Minimising => t.kind_minimising,
        LensKind::SpeakingFor => t.kind_speaking_for,
        LensKind::Jargon => t.kind_jargon,
        LensKind::Fear => t.kind_fear,
    }
}

fn tag(n: usize, kind: LensKind, t: &reframe::Text) -> AnyView {
    let label = format!("{} {}", n + 1, kind_label(kind, t));
    view! { <span class="lens-tag" data-kind=kind.key()>{label}</span> }.into_any()
}

/// The text cut into plain runs and marked runs, with a label after the last
/// run of each finding.
pub fn mirror(s: &str, f: &[Finding], t: &'static reframe::Text) -> Vec<AnyView> {
    let mut out = Vec::new();
    for seg in segments(s, f) {
        let part = s[seg.start..seg.end].to_string();
        let Some(&first) = seg.findings.first() else {
            out.push(part.into_any());
            continue;
        };
        let class = if seg.findings.len() > 1 {
            "lens-mark overlap"
        } else {
            "lens-mark"
        };
        out.push(
            view! { <mark class=class data-kind=f[first].kind.key()>{part}</mark> }.into_any(),
        );
        for &i in seg.findings.iter().filter(|&&i| f[i].end == seg.end) {
            out.push(tag(i, f[i].kind, t));
        }
    }
    out
}

/// One item of the list: the words, the kind, why it may matter, what to consider.
fn finding(
    i: usize,
    f: &Finding,
    s: &str,
    lib: &Library,
    lang: Lang,
    t: &'static reframe::Text,
) -> AnyView {
    let rule = lib.lens.get(f.rule);
    let explain = rule.map(|r| r.explain.get(lang).to_string());
    let consider = rule.map(|r| r.consider.get(lang).to_string());
    let quoted = fill(t.quote, &[("q", &s[f.start..f.end])]);
    view! {
        <li class="lens-finding" data-kind=f.kind.key()>
            <p class="lens-finding-head">{tag(i, f.kind, t)}" "<span class="lens-quote">{quoted}</span></p>
            <p class="lens-explain">{explain}</p>
            <p class="lens-consider"><strong>{t.consider}</strong>" "{consider}</p>
        </li>
    }
    .into_any()
}

/// A small heading at the level the page needs (2 on a page of its own, 3
/// inside an exercise).
fn heading(level: u8, id: &'static str, text: &'static str) -> AnyView {
    if level <= 2 {
        view! { <h2 id=id class="lens-small-heading">{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id class="lens-small-heading">{text}</h3> }.into_any()
    }
}

/// The lens over `text`: the marked copy and the list of findings. `level` is
/// the level of its headings (3 unless given).
#[component]
pub fn LensView(
    text: Signal<String>,
    compiled: Compiled,
    #[prop(optional)] level: Option<u8>,
) -> impl IntoView {
    let level = level.unwrap_or(3);
    let lang = use_ctx().lang.get_untracked();
    let t = reframe::tr(lang);
    let Compiled { lib, lens } = compiled;
    let failed = lens
        .is_none()
        .then(|| view! { <p class="notice">{t.lens_failed}</p> });
    let findings: Memo<Vec<Finding>> = Memo::new(move |_| match &lens {
        Some(lens) => text.with(|s| lens.scan(s)),
        None => Vec::new(),
    });
    let empty = move || text.with(|s| s.trim().is_empty());
    let status = move || {
        if empty() {
            t.findings_waiting
        } else if findings.with(Vec::is_empty) {
            t.findings_none
        } else {
            t.findings_some
        }
    };
    let marked = move || findings.with(|f| text.with(|s| mirror(s, f, t)));
    let list = move || {
        findings.with(|f| {
            text.with(|s| {
                f.iter()
                    .enumerate()
                    .map(|(i, x)| finding(i, x, s, &lib, lang, t))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="lens">
            <section class="lens-mirror-box" aria-labelledby="lens-mirror-heading" hidden=empty>
                {heading(level, "lens-mirror-heading", t.mirror_heading)}
                <p class="lens-mirror">{marked}</p>
            </section>
            <section class="lens-findings-box" aria-labelledby="lens-findings-heading">
                {heading(level, "lens-findings-heading", t.findings_heading)}
                <p id=FINDINGS_ID class="lens-status muted" role="status" aria-live="polite">{status}</p>
                {failed}
                <ol class="lens-findings">{list}</ol>
                <p class="lens-gentle muted">{t.lens_gentle}</p>
            </section>
        </div>
    }
}
