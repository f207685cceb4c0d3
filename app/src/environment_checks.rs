use crate::finding_card::FindingCard;
use crate::reading;
use crate::storage;
use crate::support_details::SupportDetails;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_core::device::environment_findings;
use sitecheck_core::environment::detect;

/// The verdicts on this browser and machine. They render at once from what can be read
/// synchronously, then refine when client hints and the device list arrive.
#[component]
pub fn EnvironmentChecks() -> impl IntoView {
    let (signals, set_signals) = signal(reading::signals_now());
    let (facts, set_facts) = signal(reading::facts_now());
    let (ready, set_ready) = signal(false);
    let loaded = storage::load_confirmations();
    let (confirmations, set_confirmations) = signal(loaded.confirmations);
    let (problem, set_problem) = signal(loaded.problem);
    let today = reading::today();

    spawn_local(async move {
        if let Some(hints) = reading::high_entropy_hints().await {
            set_signals.update(|signals| signals.hints = Some(hints));
        }
        let audio = reading::audio_devices().await;
        set_facts.update(|facts| facts.audio = audio);
        set_ready.set(true);
    });

    let on_confirm = Callback::new(move |(requirement, confirmed): (&'static str, bool)| {
        set_confirmations.update(|confirmations| {
            if confirmed {
                confirmations.confirm(requirement, today, "");
            } else {
                confirmations.revoke(requirement);
            }
        });
        let saved = confirmations.with_untracked(storage::save_confirmations);
        if saved.is_some() {
            set_problem.set(saved);
        }
    });

    let cards = move || {
        let environment = detect(&signals.get());
        let confirmations = confirmations.get();
        environment_findings(&environment, &facts.get(), today)
            .into_iter()
            .map(|finding| view! { <FindingCard finding=confirmations.apply(finding) on_confirm=on_confirm /> })
            .collect_view()
    };
    view! {
        {move || problem.get().map(|message| view! { <p role="alert" class="error">{message}</p> })}
        <div class="checks" data-ready=move || ready.get().to_string() aria-live="polite">
            {cards}
        </div>
        <SupportDetails signals=signals />
    }
}
