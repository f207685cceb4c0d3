use ipnet::Ipv4Net;
use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::interface::form;
use sitecheck_core::plan::{AddressError, parse_address_or_network};

/// An IPv4 address or network for the firewall rules. Bad input stays in the box, with a
/// message; the plan keeps its last valid value.
#[component]
pub fn AddressField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] id: String,
    value: Signal<Option<Ipv4Net>>,
    on_change: Callback<Option<Ipv4Net>>,
) -> impl IntoView {
    let (text, set_text) = signal(value.get_untracked().map(|network| network.to_string()).unwrap_or_default());
    let locale = current();
    let (problem, set_problem) = signal(None::<AddressError>);
    Effect::new(move |_| {
        let current = value.get();
        let shown = text.get_untracked();
        let shown_value = parse_address_or_network(&shown).ok();
        if shown_value != current && problem.get_untracked().is_none() {
            set_text.set(current.map(|network| network.to_string()).unwrap_or_default());
        }
    });
    let label_for = id.clone();
    view! {
        <label class="field" for=label_for>
            <span>{label}</span>
            <input
                type="text"
                id=id
                placeholder=tr(form::ADDRESS_EXAMPLE)
                prop:value=move || text.get()
                aria-invalid=move || problem.get().is_some().to_string()
                on:input=move |event| {
                    let typed = event_target_value(&event);
                    set_text.set(typed.clone());
                    let trimmed = typed.trim();
                    if trimmed.is_empty() {
                        set_problem.set(None);
                        on_change.run(None);
                        return;
                    }
                    match parse_address_or_network(trimmed) {
                        Ok(network) => {
                            set_problem.set(None);
                            on_change.run(Some(network));
                        }
                        Err(problem) => set_problem.set(Some(problem)),
                    }
                }
            />
            <small class="field-error" role="status">
                {move || problem.get().map(|problem| format!("{}.", problem.message_in(locale.get())))}
            </small>
        </label>
    }
}
