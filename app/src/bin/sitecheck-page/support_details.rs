use leptos::prelude::*;
use sitecheck_app::language::{current, tr};
use sitecheck_core::environment::Signals;
use sitecheck_core::interface::support as words;

/// What the checks read, as JSON that support staff can paste into `sitecheck ua --hints`.
#[component]
pub fn SupportDetails(signals: ReadSignal<Signals>) -> impl IntoView {
    let locale = current();
    let json = move || {
        serde_json::to_string_pretty(&signals.get())
            .unwrap_or_else(|error| format!("({}: {error})", words::NOT_WRITTEN.get(locale.get())))
    };
    view! {
        <details class="raw-evidence">
            <summary>{tr(words::SUMMARY)}</summary>
            <p>{tr(words::CHECK_WITH)} " " <code>"sitecheck ua --hints"</code> " " {tr(words::AND_TEXT)}</p>
            <pre data-testid="signals-json">{json}</pre>
        </details>
    }
}
