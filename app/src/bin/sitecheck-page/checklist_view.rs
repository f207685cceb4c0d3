use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::checklist::{ChecklistItem, progress};

fn item_view(state: AppState, item: ChecklistItem) -> impl IntoView {
    let requirement = item.requirement.id;
    let id = requirement.as_str();
    let note_id = format!("note-{id}");
    let (note, set_note) = signal(item.note.clone());
    let action = if item.can_undo() {
        Some(view! {
            <button type="button" data-undo=id on:click=move |_| state.confirmations.update(|c| c.revoke(requirement))>"Undo"</button>
        }.into_any())
    } else if item.can_confirm() {
        Some(view! {
            <span class="confirm-row">
                <label class="visually-hidden" for=note_id.clone()>"Note"</label>
                <input type="text" id=note_id placeholder="Note (optional)" prop:value=move || note.get()
                    on:input=move |event| set_note.set(event_target_value(&event)) />
                <button type="button" data-confirm=id
                    on:click=move |_| state.confirmations.update(|c| c.confirm(requirement, state.today, note.get_untracked().trim()))>
                    "Confirm"
                </button>
            </span>
        }.into_any())
    } else {
        None
    };
    view! {
        <li class=format!("item verdict-{}", item.verdict.slug()) data-item=id data-verdict=item.verdict.slug()
            data-source=item.source.label()>
            <span class="verdict">{item.verdict.label()}</span>
            " "
            <span class="statement">{item.requirement.statement}</span>
            <span class="meta">{format!(" — {} ({}; verified: {})", item.evidence.en, item.source.label(), item.methods().join(", "))}</span>
            {(!item.note.is_empty()).then(|| view! { <span class="note">{format!(" Note: {}", item.note)}</span> })}
            " "
            {action}
        </li>
    }
}

/// Every requirement of the plan, grouped as the spec is, with progress and what is left.
#[component]
pub fn ChecklistView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = state.checklist;
    let summary = move || {
        let total = groups.with(|groups| progress(groups));
        view! {
            <p class="progress-line" data-testid="progress" data-done=total.done data-total=total.total>
                {format!("{} of {} requirements settled ({} %)", total.done, total.total, total.percent())}
            </p>
            <progress max=total.total.to_string() value=total.done.to_string()></progress>
        }
    };
    let left = move || {
        let total = groups.with(|groups| progress(groups));
        view! {
            <p class="left" data-testid="left" data-left=total.left() data-failing=total.failing>
                {format!("Left: {} items, {} of them failing.", total.left(), total.failing)}
            </p>
        }
    };
    let reset = move |_| {
        let sure = web_sys::window()
            .and_then(|window| {
                window.confirm_with_message("Clear the plan and every answer kept in this browser?").ok()
            })
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
                let heading =
                    format!("{} {} ({} of {})", group.section.id, group.section.title, group.done(), group.items.len());
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
        <p><button type="button" data-testid="reset" on:click=reset>"Reset the plan and answers…"</button></p>
        <div class="checklist">{body}</div>
    }
}
