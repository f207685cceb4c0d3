use leptos::prelude::*;
use sitecheck_app::language::current;
use sitecheck_core::interface::form;
use sitecheck_core::locale::Bilingual;

/// A whole-number field that keeps what the person typed: a value that is not a number is
/// shown with a message and left in the box, and the plan keeps its last good value.
#[component]
pub fn NumberField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] id: String,
    value: Signal<u64>,
    on_change: Callback<u64>,
    #[prop(default = u64::from(u32::MAX))] max: u64,
    #[prop(optional, into)] hint: Signal<String>,
) -> impl IntoView {
    let locale = current();
    let (text, set_text) = signal(value.get_untracked().to_string());
    let (problem, set_problem) = signal(None::<Bilingual>);
    // A plan replaced from outside (a link, a reset) shows its own value.
    Effect::new(move |_| {
        let current = value.get();
        if text.get_untracked().trim().parse::<u64>().ok() != Some(current) && problem.get_untracked().is_none() {
            set_text.set(current.to_string());
        }
    });
    let message_id = format!("{id}-message");
    let described = message_id.clone();
    let label_for = id.clone();
    view! {
        <label class="field" for=label_for>
            <span>{label}</span>
            <input
                type="text"
                inputmode="numeric"
                id=id
                prop:value=move || text.get()
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=described
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    set_text.set(typed.clone());
                    let trimmed = typed.trim();
                    match trimmed.parse::<u64>() {
                        Ok(number) if number <= max => {
                            set_problem.set(None);
                            on_change.run(number);
                        }
                        Ok(_) => set_problem.set(Some(form::at_most(max, value.get_untracked()))),
                        Err(_) if trimmed.is_empty() => {
                            set_problem.set(None);
                            on_change.run(0);
                        }
                        Err(_) => set_problem.set(Some(form::not_whole(trimmed, value.get_untracked()))),
                    }
                }
            />
            {move || (!hint.get().is_empty()).then(|| view! { <small class="hint">{hint.get()}</small> })}
            <small class="field-error" id=message_id role="status">
                {move || problem.get().map(|problem| problem.get(locale.get()).to_owned())}
            </small>
        </label>
    }
}
