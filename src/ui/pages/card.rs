//! A role card opened from a link: the code in the URL fragment (never sent to
//! a server) names one card; this page shows that card and nothing of the
//! other roles. A damaged or tampered link gets a plain message.

use crate::domain::content::{Library, RoleKind};
use crate::domain::share::{self, Share, ShareError};
use crate::domain::Lang;
use crate::i18n::practice::tr;
use crate::ui::use_ctx;
use crate::ui::widgets::role_card::RoleCardView;
use crate::ui::widgets::with_library::WithLibrary;
use leptos::prelude::*;
use std::sync::Arc;

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

#[component]
pub fn CardPage() -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let decoded = share::decode(&fragment());
    let body = match decoded {
        Ok(Share::Card {
            scenario,
            role,
            lang,
        }) => view! { <CardFromLink scenario=scenario role=role lang=lang/> }.into_any(),
        Err(e) => view! { <BadLink error=e/> }.into_any(),
    };
    view! {
        <section class="page role-card-page">
            <h1>{move || t().card_title}</h1>
            {body}
        </section>
    }
}

#[component]
fn BadLink(error: ShareError) -> impl IntoView {
    let ctx = use_ctx();
    let why = move || {
        let t = tr(ctx.lang.get());
        match error {
            ShareError::Empty | ShareError::Damaged => t.card_bad_damaged,
            ShareError::Tampered => t.card_bad_tampered,
            ShareError::UnknownVersion => t.card_bad_version,
            ShareError::TooLong => t.card_bad_too_long,
            ShareError::Unreadable => t.card_bad_unknown,
        }
    };
    view! {
        <div class="notice" role="alert">
            <p><strong>{move || tr(ctx.lang.get()).card_bad}</strong></p>
            <p>{why}</p>
        </div>
    }
}

#[component]
fn CardFromLink(scenario: String, role: RoleKind, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    // The card is shown in the language it was shared in; load that library.
    let show =
        move |lib: Arc<Library>| match lib.scenario(&scenario).filter(|s| s.role(role).is_some()) {
            Some(s) => view! {
                <p class="muted">{tr(ctx.lang.get()).card_from_link}</p>
                <RoleCardView scenario=s.clone() role=role lang=lang/>
            }
            .into_any(),
            None if crate::domain::own::is_own(&scenario) => view! {
                <div class="notice" role="alert">
                    <p><strong>{tr(ctx.lang.get()).card_bad}</strong></p>
                    <p>{tr(ctx.lang.get()).card_own_elsewhere}</p>
                </div>
            }
            .into_any(),
            None => view! { <BadLink error=ShareError::Unreadable/> }.into_any(),
        };
    view! { <WithLibrary lang=lang view=show/> }
}
