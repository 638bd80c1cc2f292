//! Practising together: 2 or 3 players and an optional observer. Each role card
//! is shown on this device behind a hand-over screen, or opened on each
//! person's own device from a link or QR code that carries that one card in
//! the URL fragment. Then the round, with the shared debrief, and a swap.

use crate::domain::content::{RoleKind, Scenario, Task};
use crate::domain::practice::seats;
use crate::domain::share::{self, Share};
use crate::i18n::{fill, practice::tr};
use crate::ui::widgets::heavy_gate::HeavyGate;
use crate::ui::widgets::qr::Qr;
use crate::ui::widgets::role_card::RoleCardView;
use crate::ui::widgets::with_scenario::WithScenario;
use crate::ui::{href, labels, use_ctx};
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Device,
    Links,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Setup,
    /// Waiting for seat `n` to take the device.
    Handover(usize),
    /// Seat `n` is reading their card.
    Showing(usize),
    Links,
    Playing,
}

#[component]
pub fn TogetherPage() -> impl IntoView {
    view! { <WithScenario view=|s: Scenario| view! { <HeavyGate scenario=s.clone()><Together scenario=s.clone()/></HeavyGate> }/> }
}

#[component]
fn Together(scenario: Scenario) -> impl IntoView {
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let has_third = scenario.role(RoleKind::Third).is_some();
    // A scenario the user wrote lives only in this browser.
    let own = crate::domain::own::is_own(&scenario.id);
    let s = StoredValue::new(scenario);
    let players = RwSignal::new(2usize);
    let observer = RwSignal::new(false);
    let mode = RwSignal::new(Mode::Device);
    let phase = RwSignal::new(Phase::Setup);
    let rotation = RwSignal::new(0usize);
    let roster =
        Memo::new(move |_| seats(players.get(), has_third, observer.get(), rotation.get()));
    let player_name = move |seat: usize| fill(t().player, &[("n", &(seat + 1).to_string())]);
    let begin = move || {
        phase.set(match mode.get_untracked() {
            Mode::Device => Phase::Handover(0),
            Mode::Links => Phase::Links,
        })
    };
    let id = s.with_value(|s| s.id.clone());

    let body = move || {
        match phase.get() {
        Phase::Setup => view! {
            <fieldset class="choice">
                <legend>{t().players}</legend>
                <label>
                    <input type="radio" name="players" prop:checked=move || players.get() == 2 on:change=move |_| players.set(2)/>
                    <span>{t().players_two}</span>
                </label>
                {has_third.then(|| view! {
                    <label>
                        <input type="radio" name="players" prop:checked=move || players.get() == 3 on:change=move |_| players.set(3)/>
                        <span>{t().players_three}</span>
                    </label>
                })}
                <label>
                    <input type="checkbox" prop:checked=move || observer.get() on:change=move |e| observer.set(event_target_checked(&e))/>
                    <span>{t().with_observer}</span>
                </label>
            </fieldset>
            <fieldset class="choice">
                <legend>{t().mode}</legend>
                <label>
                    <input type="radio" name="mode" prop:checked=move || mode.get() == Mode::Device on:change=move |_| mode.set(Mode::Device)/>
                    <span>{t().mode_device}</span>
                </label>
                <label>
                    <input type="radio" name="mode" prop:checked=move || mode.get() == Mode::Links on:change=move |_| mode.set(Mode::Links)/>
                    <span>{t().mode_links}</span>
                </label>
            </fieldset>
            <Roster roster=roster/>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| begin()>{t().start}</button>
            </div>
        }
        .into_any(),
        Phase::Handover(seat) => {
            let role = roster.with(|r| r.get(seat).copied());
            match role {
                None => {
                    phase.set(Phase::Playing);
                    ().into_any()
                }
                Some(role) => view! {
                    <div class="handover" role="region" aria-live="polite">
                        <p class="handover-text">
                            {fill(t().handover, &[("player", &player_name(seat)), ("role", labels::role(role, ctx.lang.get()))])}
                        </p>
                        <button type="button" class="primary" autofocus on:click=move |_| phase.set(Phase::Showing(seat))>
                            {t().show_card}
                        </button>
                    </div>
                }
                .into_any(),
            }
        }
        Phase::Showing(seat) => {
            let role = roster.with(|r| r.get(seat).copied()).unwrap_or(RoleKind::Observer);
            view! {
                <RoleCardView scenario=s.get_value() role=role lang=ctx.lang.get()/>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| phase.set(Phase::Handover(seat + 1))>
                        {t().hide_card}
                    </button>
                </div>
            }
            .into_any()
        }
        Phase::Links => view! {
            <p>{t().links_hint}</p>
            {own.then(|| view! { <p class="notice">{t().links_own}</p> })}
            <ul class="card-links">
                {move || {
                    roster
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(seat, role)| view! { <li><CardLink scenario=s.with_value(|s| s.id.clone()) seat=seat role=role/></li> })
                        .collect_view()
                }}
            </ul>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| phase.set(Phase::Playing)>{t().all_read}</button>
            </div>
        }
        .into_any(),
        Phase::Playing => view! {
            <Playing scenario=s.get_value()/>
            <Roster roster=roster/>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        rotation.update(|r| *r += 1);
                        begin();
                    }
                >
                    {t().swap}
                </button>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <section class="page together">
            <p class="muted"><A href=href(&format!("/scenarios/{id}"))>{move || s.with_value(|s| s.title.get(ctx.lang.get()).to_string())}</A></p>
            <h1>{move || t().together_title}</h1>
            {body}
        </section>
    }
}

/// Who plays what.
#[component]
fn Roster(roster: Memo<Vec<RoleKind>>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <ul class="roster">
            {move || {
                let t = tr(ctx.lang.get());
                roster
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(seat, role)| {
                        let player = fill(t.player, &[("n", &(seat + 1).to_string())]);
                        view! { <li>{fill(t.plays, &[("player", &player), ("role", labels::role(role, ctx.lang.get()))])}</li> }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// One seat's link and QR code.
#[component]
fn CardLink(scenario: String, seat: usize, role: RoleKind) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    let code = share::encode(&Share::Card {
        scenario,
        role,
        lang,
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let url = format!("{origin}{}#{code}", href("/card"));
    let status = RwSignal::new(None::<&'static str>);
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            let Some(clip) = crate::ui::browser::clipboard() else {
                status.set(Some(t.copy_failed));
                return;
            };
            leptos::task::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(clip.write_text(&url)).await;
                status.set(Some(if done.is_ok() {
                    t.copied
                } else {
                    t.copy_failed
                }));
            });
        }
    };
    let player = fill(t.player, &[("n", &(seat + 1).to_string())]);
    let heading = fill(
        t.plays,
        &[("player", &player), ("role", labels::role(role, lang))],
    );
    let qr_label = fill(t.qr_label, &[("role", labels::role(role, lang))]);
    view! {
        <div class="card-link" data-role=role.key()>
            <h2>{heading}</h2>
            <Qr text=url.clone() label=qr_label/>
            <p><a class="share-url" href=url.clone()>{url.clone()}</a></p>
            <div class="actions">
                <button type="button" on:click=copy>{t.copy_link}</button>
                <span role="status">{move || status.get()}</span>
            </div>
        </div>
    }
}

/// The round in play: what everyone sees, and the debrief for everyone.
#[component]
fn Playing(scenario: Scenario) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang.get_untracked();
    let t = tr(lang);
    view! {
        <div class="playing">
            <h2>{t.playing}</h2>
            <p class="user-text">{scenario.situation.get(lang).to_string()}</p>
            <p class="opening"><span class="muted">{t.opening}": "</span>{scenario.opening.get(lang).to_string()}</p>
            <RoundTimer minutes=scenario.minutes/>
            <h2>{t.shared_debrief}</h2>
            <ol class="shared-debrief">
                {Task::ALL
                    .into_iter()
                    .map(|task| view! {
                        <li>
                            <strong>{labels::task(task, lang)}</strong>
                            <p>{scenario.debrief.get(task).get(lang).to_string()}</p>
                        </li>
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}

/// A countdown for the round, silent, with overtime shown gently.
#[component]
fn RoundTimer(minutes: u32) -> impl IntoView {
    use crate::domain::session::timer::{clock, Timer};
    use crate::store::now;
    let ctx = use_ctx();
    let t = move || tr(ctx.lang.get());
    let timer = RwSignal::new(Timer::new(minutes));
    let tick = RwSignal::new(now());
    if let Ok(handle) = set_interval_with_handle(
        move || tick.set(now()),
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
    let remaining = move || timer.with(|x| x.remaining(tick.get()));
    let change = move |f: fn(&mut Timer, i64)| {
        let at = now();
        timer.update(|x| f(x, at));
        tick.set(at);
    };
    view! {
        <section class="round-timer" aria-labelledby="round-timer-heading">
            <h2 id="round-timer-heading">{move || t().round_timer}</h2>
            <p class="timer-clock" class:over=move || remaining() <= -1000 role="timer">{move || clock(remaining())}</p>
            <p class="muted" role="status">{move || (remaining() <= -1000).then(|| t().timer_over)}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| change(|x, at| x.toggle(at))>
                    {move || if timer.with(|x| x.running()) { t().timer_pause } else { t().timer_start }}
                </button>
                <button type="button" on:click=move |_| change(|x, _| x.reset())>{move || t().timer_reset}</button>
                <button type="button" on:click=move |_| change(|x, _| x.add_minute())>{move || t().timer_plus}</button>
                <button type="button" on:click=move |_| change(|x, _| x.remove_minute())>{move || t().timer_minus}</button>
            </div>
        </section>
    }
}
