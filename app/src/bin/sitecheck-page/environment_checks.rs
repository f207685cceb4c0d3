use crate::finding_card::FindingCard;
use crate::reading;
use crate::state::AppState;
use crate::support_details::SupportDetails;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_core::device::environment_findings;
use sitecheck_core::environment::detect;
use sitecheck_core::requirement::RequirementId;

/// The verdicts on this browser and machine. They render at once from what can be read
/// synchronously, then refine when client hints and the device list arrive.
#[component]
pub fn EnvironmentChecks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (signals, set_signals) = signal(reading::signals_now());
    let (facts, set_facts) = signal(reading::facts_now());
    let (ready, set_ready) = signal(false);

    spawn_local(async move {
        if let Some(hints) = reading::high_entropy_hints().await {
            set_signals.update(|signals| signals.hints = Some(hints));
        }
        let audio = reading::audio_devices().await;
        set_facts.update(|facts| facts.audio = audio);
        set_ready.set(true);
    });

    // Worked out once per change of what was read; the cards show them at once, and the shared
    // state gets them raw (the checklist applies confirmations itself).
    let findings = Memo::new(move |_| {
        state
            .releases
            .with(|releases| environment_findings(&detect(&signals.get()), &facts.get(), state.today, releases))
    });
    Effect::new(move |_| state.findings.set(findings.get()));

    let on_confirm = Callback::new(move |(requirement, confirmed): (RequirementId, bool)| {
        state.confirmations.update(|confirmations| {
            if confirmed {
                confirmations.confirm(requirement, state.today, "");
            } else {
                confirmations.revoke(requirement);
            }
        });
    });

    let cards = move || {
        let confirmations = state.confirmations.get();
        findings
            .get()
            .into_iter()
            .map(|finding| view! { <FindingCard finding=confirmations.apply(finding) on_confirm=on_confirm /> })
            .collect_view()
    };
    view! {
        <div class="checks" data-ready=move || ready.get().to_string() aria-live="polite">
            {cards}
        </div>
        <SupportDetails signals=signals />
    }
}
