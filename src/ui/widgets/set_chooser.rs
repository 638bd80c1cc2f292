//! The start of the reframing studio: choose a shift to practise, a random mix,
//! or five for a commute; or open the lens on any text.

use crate::domain::studio::Set as PracticeSet;
use crate::i18n::reframe;
use crate::ui::{href, use_ctx};
use leptos::prelude::*;

fn card(link: String, name: &'static str, desc: &'static str, key: &'static str) -> impl IntoView {
    view! {
        <li class="card" data-set=key>
            <a href=link>{name}</a>
            <p>{desc}</p>
        </li>
    }
}

fn cards(sets: &[PracticeSet], t: &'static reframe::Text) -> Vec<impl IntoView> {
    sets.iter()
        .map(|&set| {
            let link = href(&format!("/reframe?set={}", set.key()));
            card(
                link,
                reframe::set_name(set, t),
                reframe::set_desc(set, t),
                set.key(),
            )
        })
        .collect()
}

#[component]
pub fn SetChooser() -> impl IntoView {
    let ctx = use_ctx();
    let (shifts, mixed): (Vec<PracticeSet>, Vec<PracticeSet>) = PracticeSet::all()
        .into_iter()
        .partition(|s| matches!(s, PracticeSet::Shift(_)));
    move || {
        let lang = ctx.lang.get();
        let t = reframe::tr(lang);
        // The person's own phrases are a set of their own, once there are any.
        let has_own = matches!(
            ctx.content.get(lang),
            crate::library::Loaded::Ready(lib)
                if lib.reframes.iter().any(|r| crate::domain::id::is_own(&r.id))
        );
        let mut mixed = mixed.clone();
        if has_own {
            mixed.push(PracticeSet::Mine);
        }
        view! {
            <p class="lead">{t.intro}</p>
            <p class="own-link"><a href=href("/mine")>{t.mine_link}</a></p>
            <h2>{t.choose_heading}</h2>
            <h3>{t.by_shift_heading}</h3>
            <ul class="cards">{cards(&shifts, t)}</ul>
            <h3>{t.mixed_heading}</h3>
            <ul class="cards">{cards(&mixed, t)}</ul>
            <h2>{t.lens_card}</h2>
            <ul class="cards">{card(href("/reframe/lens"), t.lens_card, t.lens_card_desc, "lens")}</ul>
        }
    }
}
