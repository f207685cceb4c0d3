use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::checklist::{ChecklistItem, progress};
use sitecheck_core::interface::checklist as words;

fn item_view(state: AppState, item: ChecklistItem) -> impl IntoView {
    let locale = current();
    let requirement = item.requirement.id;
    let id = requirement.as_str();
    let note_id = format!("note-{id}");
    let (note, set_note) = signal(item.note.clone());
    let action = if item.can_undo() {
        Some(view! {
            <button type="button" data-undo=id on:click=move |_| state.confirmations.update(|c| c.revoke(requirement))>{tr(words::UNDO)}</button>
        }.into_any())
    } else if item.can_confirm() {
        Some(view! {
            <span class="confirm-row">
                <label class="visually-hidden" for=note_id.clone()>{tr(words::NOTE)}</label>
                <input type="text" id=note_id placeholder=tr(words::NOTE_OPTIONAL) prop:value=move || note.get()
                    on:input=move |event| set_note.set(event_target_value(&event)) />
                <button type="button" data-confirm=id
                    on:click=move |_| state.confirmations.update(|c| c.confirm(requirement, state.today, note.get_untracked().trim()))>
                    {tr(words::CONFIRM)}
                </button>
            </span>
        }.into_any())
    } else {
        None
    };
    let (verdict, requirement_row, source) = (item.verdict, item.requirement, item.source.clone());
    let shown = item.clone();
    let meta = move || {
        let locale = locale.get();
        words::meta(
            locale,
            shown.evidence.get(locale),
            shown.source.label_in(locale),
            &shown.methods_in(locale).join(", "),
        )
    };
    let note_text = item.note.clone();
    view! {
        <li class=format!("item verdict-{}", item.verdict.slug()) data-item=id data-verdict=item.verdict.slug()
            data-source=source.label()>
            <span class="verdict">{move || verdict.label_in(locale.get())}</span>
            " "
            <span class="statement">{move || requirement_row.statement_in(locale.get())}</span>
            <span class="meta">{meta}</span>
            {(!item.note.is_empty()).then(|| view! {
                <span class="note">{move || format!(" {}: {}", words::NOTE.get(locale.get()), note_text)}</span>
            })}
            " "
            {action}
        </li>
    }
}

/// Every requirement of the plan, grouped as the spec is, with progress and what is left.
#[component]
pub fn ChecklistView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let locale = current();
    let groups = state.checklist;
    let summary = move || {
        let total = groups.with(|groups| progress(groups));
        view! {
            <p class="progress-line" data-testid="progress" data-done=total.done data-total=total.total>
                {words::progress(locale.get(), total.done, total.total, total.percent())}
            </p>
            <progress max=total.total.to_string() value=total.done.to_string()></progress>
        }
    };
    let left = move || {
        let total = groups.with(|groups| progress(groups));
        view! {
            <p class="left" data-testid="left" data-left=total.left() data-failing=total.failing>
                {words::left(locale.get(), total.left(), total.failing)}
            </p>
        }
    };
    let reset = move |_| {
        let sure = web_sys::window()
            .and_then(|window| window.confirm_with_message(words::RESET_QUESTION.get(locale.get_untracked())).ok())
            .unwrap_or(false);
        if sure {
            state.reset();
        }
    };
    let body = move || {
        groups
            .get()
            .into_iter()
            .map(|group| {
                // Read inside the heading alone: a switch must not draw the items anew (a
                // note being typed would be lost).
                let (section, done, total) = (group.section, group.done(), group.items.len());
                let heading =
                    move || words::group(locale.get(), section.id, section.title_in(locale.get()), done, total);
                let items = group.items.into_iter().map(|item| item_view(state, item)).collect_view();
                view! {
                    <section class="group" data-group=group.section.id>
                        <h3>{heading}</h3>
                        <ul>{items}</ul>
                    </section>
                }
            })
            .collect_view()
    };
    // One live region that stays while its text changes: screen readers announce the new
    // progress when an answer is given (a region made anew each time is not announced).
    view! {
        <div class="progress" aria-live="polite" aria-atomic="true" data-testid="progress-live">
            {summary}
            {left}
        </div>
        <p><button type="button" data-testid="reset" on:click=reset>{tr(words::RESET)}</button></p>
        // The statements are a translation of the English v3.40, and say so.
        {move || (!words::TRANSLATED.get(locale.get()).is_empty()).then(|| view! {
            <p class="hint" data-testid="translation-notice">{words::TRANSLATED.get(locale.get())}</p>
        })}
        <div class="checklist">{body}</div>
    }
}
