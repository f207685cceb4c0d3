use leptos::prelude::*;
use sitecheck_core::environment::Signals;

/// What the checks read, as JSON that support staff can paste into `sitecheck ua --hints`.
#[component]
pub fn SupportDetails(signals: ReadSignal<Signals>) -> impl IntoView {
    let json = move || {
        serde_json::to_string_pretty(&signals.get())
            .unwrap_or_else(|error| format!("(what the browser reported could not be written as JSON: {error})"))
    };
    view! {
        <details class="raw-evidence">
            <summary>"What this browser reported (for support)"</summary>
            <p>"Support can check these verdicts with " <code>"sitecheck ua --hints"</code> " and this text:"</p>
            <pre data-testid="signals-json">{json}</pre>
        </details>
    }
}
