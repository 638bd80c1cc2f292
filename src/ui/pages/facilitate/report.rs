//! /facilitate/report/:session: the report draft after a session. Edited here,
//! kept with the session; copied, downloaded as Markdown, or saved to the
//! journal as a report entry.

use super::browser;
use super::{
    ft, library, library_settled, local, report_labels, shown_prompt, step_title, update_session,
};
use crate::domain::journal::{Entry, EntryBody};
use crate::domain::session::report::{self, DraftStart, ReportDraft};
use crate::domain::session::{Session, SessionPlan};
use crate::i18n::fill;
use crate::ui::{href, use_ctx, Ctx};
use leptos::prelude::*;
use leptos_router::components::A;

/// The journal entry a session's report is saved as.
fn entry_id(session: &str) -> String {
    format!("report-{session}")
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let ctx = use_ctx();
    let id = super::route_id();
    let exists = super::session_exists(ctx, id);
    view! {
        <section class="page facilitate report">
            <p>
                <A href=href("/facilitate")>{move || ft(ctx).back_to_list}</A>
            </p>
            <h1>{move || ft(ctx).report_title}</h1>
            <Show
                when=exists
                fallback=move || view! { <p class="notice" role="alert">{move || ft(ctx).session_not_found}</p> }
            >
                {move || view! { <ReportEditor id=id.get()/> }}
            </Show>
        </section>
    }
}

/// The first draft, from the session as it ran.
fn first_draft(ctx: Ctx, session: &Session, plan: Option<&SessionPlan>) -> ReportDraft {
    let t = ft(ctx);
    let started = local(session.started);
    let lib = library(ctx);
    let theme = plan
        .and_then(|p| p.theme_step())
        .map(|step| shown_prompt(lib.as_deref(), session, step, ctx.lang.get_untracked()).0)
        .unwrap_or_default();
    let title = fill(
        t.default_report_title,
        &[("date", &started.format(t.date_only, t.weekdays, t.months))],
    );
    session.draft_report(
        plan,
        DraftStart {
            title,
            date: started.to_input(),
            format: t.default_format.to_string(),
            theme,
            continues: plan
                .map(|p| {
                    session
                        .carried(p)
                        .into_iter()
                        .map(|step| step_title(t, step))
                        .collect()
                })
                .unwrap_or_default(),
        },
    )
}

#[component]
fn ReportEditor(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let sid = StoredValue::new(id.clone());
    let session = Memo::new(move |_| {
        ctx.store
            .doc()
            .with(|d| d.sessions.get(&sid.get_value()).cloned())
    });
    let plan = Memo::new(move |_| {
        let plan_id = session.with(|s| s.as_ref().map(|s| s.plan.clone()))?;
        ctx.store.doc().with(|d| d.plans.get(&plan_id).cloned())
    });
    // Make the first draft once the content is loaded (a theme drawn from a
    // deck needs it), or has failed to load.
    Effect::new(move |_| {
        if !library_settled(ctx) {
            return;
        }
        let Some(s) = session.get() else {
            return;
        };
        if s.report.is_none() {
            let draft = first_draft(ctx, &s, plan.get().as_ref());
            update_session(ctx, &sid.get_value(), |s, _| {
                if s.report.is_none() {
                    s.report = Some(draft);
                }
            });
        }
    });
    let draft = Memo::new(move |_| session.get().and_then(|s| s.report).unwrap_or_default());
    let in_journal = move || {
        ctx.store
            .doc()
            .with(|d| d.journal.contains(&entry_id(&sid.get_value())))
    };
    let markdown = move || draft.with(|d| report::markdown(d, &report_labels(ft(ctx))));
    let plain = move || draft.with(|d| report::plain(d, &report_labels(ft(ctx))));

    // Saves an edit; keeps the journal entry up to date once it exists.
    let edit = move |change: Box<dyn FnOnce(&mut ReportDraft)>| {
        update_session(ctx, &sid.get_value(), |s, _| {
            let mut d = s.report.take().unwrap_or_default();
            change(&mut d);
            s.report = Some(d);
        });
        if in_journal() {
            save_entry(ctx, &sid.get_value(), &draft.get_untracked(), &markdown());
        }
    };
    let message = RwSignal::new(String::new());
    let fallback_text = RwSignal::new(None::<String>);
    let copy_box = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if fallback_text.get().is_some() {
            if let Some(el) = copy_box.get() {
                // Once the text is in the box: focus it and select all of it.
                request_animation_frame(move || {
                    let _ = el.focus();
                    el.select();
                });
            }
        }
    });
    let copy = move |text: String| {
        let t = ft(ctx);
        leptos::task::spawn_local(async move {
            if browser::copy(&text).await {
                fallback_text.set(None);
                message.set(t.copied.to_string());
            } else {
                message.set(t.copy_failed.to_string());
                fallback_text.set(Some(text));
            }
        });
    };
    let download = move |_| {
        let t = ft(ctx);
        let name = draft.with(|d| report::file_name(d, &sid.get_value()));
        if crate::ui::download::download(&name, "text/markdown;charset=utf-8", &markdown()) {
            message.set(fill(t.downloaded, &[("file", &name)]));
        } else {
            message.set(t.download_failed.to_string());
        }
    };
    let save = move |_| {
        save_entry(ctx, &sid.get_value(), &draft.get_untracked(), &markdown());
        message.set(ft(ctx).saved_journal.to_string());
    };
    let refresh = move |_| {
        update_session(ctx, &sid.get_value(), |s, _| s.refresh_report());
        if in_journal() {
            save_entry(ctx, &sid.get_value(), &draft.get_untracked(), &markdown());
        }
    };

    let text_field = move |field_id: &'static str,
                           label: fn(&'static crate::i18n::facilitate::Text) -> &'static str,
                           kind: &'static str,
                           get: fn(&ReportDraft) -> String,
                           set: fn(&mut ReportDraft, String)| {
        view! {
            <div class="field">
                <label for=field_id>{move || label(ft(ctx))}</label>
                <input
                    id=field_id
                    type=kind
                    prop:value=move || draft.with(get)
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |d| set(d, v)));
                    }
                />
            </div>
        }
    };
    let list_field = move |field_id: &'static str,
                           label: fn(&'static crate::i18n::facilitate::Text) -> &'static str,
                           get: fn(&ReportDraft) -> &Vec<String>,
                           set: fn(&mut ReportDraft, Vec<String>)| {
        view! {
            <div class="field">
                <label for=field_id>{move || label(ft(ctx))}</label>
                <textarea
                    id=field_id
                    rows="5"
                    prop:value=move || draft.with(|d| get(d).join("\n"))
                    on:input=move |ev| {
                        let v = report::split_lines(&event_target_value(&ev));
                        edit(Box::new(move |d| set(d, v)));
                    }
                ></textarea>
            </div>
        }
    };

    view! {
        <p>{move || ft(ctx).report_intro}</p>
        <p class="muted">{move || ft(ctx).report_checkin_note}</p>
        <p>
            <A href=href(&format!("/facilitate/present/{id}")) attr:class="button">
                {move || ft(ctx).back_to_present}
            </A>
            " "
            <A href=crate::ui::pages::print::address("report", &id)>
                {move || crate::i18n::print::tr(ctx.lang.get()).print_report_link}
            </A>
        </p>
        <form class="report-form" on:submit=|ev| ev.prevent_default()>
            {text_field("report-title", |t| t.f_title, "text", |d| d.title.clone(), |d, v| d.title = v)}
            {text_field("report-date", |t| t.f_date, "datetime-local", |d| d.date.clone(), |d, v| d.date = v)}
            {text_field("report-format", |t| t.f_format, "text", |d| d.format.clone(), |d, v| d.format = v)}
            <div class="field">
                <label for="report-participants">{move || ft(ctx).f_participants}</label>
                <input
                    id="report-participants"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="999"
                    prop:value=move || draft.with(|d| d.participants.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |d| d.participants = v));
                    }
                />
            </div>
            {text_field("report-theme", |t| t.f_theme, "text", |d| d.theme.clone(), |d, v| d.theme = v)}
            {list_field("report-points", |t| t.f_points, |d| &d.points, |d, v| d.points = v)}
            {list_field("report-checkout", |t| t.f_checkout, |d| &d.checkout, |d, v| d.checkout = v)}
            <p>
                <button type="button" aria-describedby="report-refresh-note" on:click=refresh>
                    {move || ft(ctx).refresh_harvest}
                </button>
            </p>
            <p id="report-refresh-note" class="hint">{move || ft(ctx).refresh_note}</p>
            {text_field("report-next", |t| t.f_next, "datetime-local", |d| d.next.clone(), |d, v| d.next = v)}
            {list_field("report-continues", |t| t.f_continues, |d| &d.continues, |d, v| d.continues = v)}
        </form>
        <h2>{move || ft(ctx).preview}</h2>
        <pre class="report-preview" tabindex="0">{markdown}</pre>
        <div class="actions">
            <button type="button" class="primary" on:click=move |_| copy(markdown())>{move || ft(ctx).copy_md}</button>
            <button type="button" on:click=move |_| copy(plain())>{move || ft(ctx).copy_text}</button>
            <button type="button" on:click=download>{move || ft(ctx).download_md}</button>
            <button type="button" on:click=save>{move || ft(ctx).save_journal}</button>
        </div>
        <p class="status" role="status" aria-live="polite">{move || message.get()}</p>
        <Show when=in_journal>
            <p class="muted">{move || ft(ctx).in_journal}</p>
        </Show>
        {move || {
            fallback_text
                .get()
                .map(|text| {
                    view! {
                        <div class="field">
                            <label for="report-copy-box">{move || ft(ctx).copy_box}</label>
                            <textarea id="report-copy-box" rows="12" readonly node_ref=copy_box prop:value=text></textarea>
                        </div>
                    }
                })
        }}
    }
}

/// Writes (or rewrites) the report's journal entry.
fn save_entry(ctx: Ctx, session: &str, draft: &ReportDraft, markdown: &str) {
    let id = entry_id(session);
    let title = draft.title.trim().to_string();
    let markdown = markdown.to_string();
    let session = session.to_string();
    ctx.store.update(|d, now| {
        let created = d.journal.get(&id).map(|e| e.created).unwrap_or(now);
        let body = EntryBody::Report {
            session,
            title,
            markdown,
        };
        d.journal
            .put(&id, Entry::new(id.clone(), created, body), now);
    });
}
