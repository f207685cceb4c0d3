use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_core::checklist::{ChecklistItem, Source, checklist, progress};

fn source_label(source: &Source) -> &'static str {
    match source {
        Source::ThisBrowser => "checked in this browser",
        Source::Person => "confirmed by a person",
        Source::SharedResult => "reported by the link's sender",
        Source::Open => "open",
    }
}

fn item_view(state: AppState, item: ChecklistItem) -> impl IntoView {
    let id = item.requirement.id;
    let note_id = format!("note-{id}");
    let (note, set_note) = signal(item.note.clone());
    let confirmed = item.source == Source::Person;
    let can_confirm = !item.is_done()
        && matches!(item.source, Source::Open | Source::ThisBrowser | Source::SharedResult)
        && item.verdict == sitecheck_core::verdict::Verdict::NeedsConfirmation;
    let action = if confirmed {
        Some(view! {
            <button type="button" data-undo=id on:click=move |_| state.confirmations.update(|c| c.revoke(id))>"Undo"</button>
        }.into_any())
    } else if can_confirm {
        Some(view! {
            <span class="confirm-row">
                <label class="visually-hidden" for=note_id.clone()>"Note"</label>
                <input type="text" id=note_id placeholder="Note (optional)" prop:value=move || note.get()
                    on:input=move |event| set_note.set(event_target_value(&event)) />
                <button type="button" data-confirm=id
                    on:click=move |_| state.confirmations.update(|c| c.confirm(id, state.today, note.get_untracked().trim()))>
                    "Confirm"
                </button>
            </span>
        }.into_any())
    } else {
        None
    };
    let methods: Vec<&str> = item
        .requirement
        .verification
        .iter()
        .map(|method| match method {
            sitecheck_core::requirement::Verification::Browser => "browser",
            sitecheck_core::requirement::Verification::Measured => "measured",
            sitecheck_core::requirement::Verification::Calculated => "calculated",
            sitecheck_core::requirement::Verification::File => "from a file",
            sitecheck_core::requirement::Verification::Person => "a person",
        })
        .collect();
    view! {
        <li class=format!("item verdict-{}", item.verdict.slug()) data-item=id data-verdict=item.verdict.slug()
            data-source=source_label(&item.source)>
            <span class="verdict">{item.verdict.label()}</span>
            " "
            <span class="statement">{item.requirement.statement}</span>
            <span class="meta">{format!(" — {} ({}; verified by {})", item.evidence, source_label(&item.source), methods.join(", "))}</span>
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
    let groups = Memo::new(move |_| {
        let plan = state.plan.get();
        let findings = state.findings.get();
        let confirmations = state.confirmations.get();
        let results = state.shared_results.get();
        let prefer_shared = state.opened_purpose.get() == Some(sitecheck_core::link::LinkPurpose::Results);
        checklist(&plan, &findings, &confirmations, &results, prefer_shared)
    });
    let summary = move || {
        let total = groups.with(|groups| progress(groups));
        let percent = (total.done * 100).checked_div(total.total).unwrap_or(0);
        view! {
            <p class="progress-line" data-testid="progress">
                {format!("{} of {} requirements settled ({percent} %)", total.done, total.total)}
            </p>
            <progress max=total.total.to_string() value=total.done.to_string()></progress>
        }
    };
    let left = move || {
        let items: Vec<_> = groups.with(|groups| {
            groups.iter().flat_map(|group| group.items.iter()).filter(|item| !item.is_done()).cloned().collect()
        });
        let count = items.len();
        let fails = items.iter().filter(|item| matches!(item.verdict, sitecheck_core::verdict::Verdict::Fail)).count();
        view! {
            <p class="left" data-testid="left">
                {format!("Left: {count} items, {fails} of them failing.")}
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
    view! {
        {summary}
        {left}
        <p><button type="button" data-testid="reset" on:click=reset>"Reset the plan and answers…"</button></p>
        <div class="checklist">{body}</div>
    }
}
