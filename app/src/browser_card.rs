use crate::finding_card::FindingCard;
use leptos::prelude::*;
use sitecheck_core::browser::browser_finding;
use sitecheck_core::useragent::parse;

/// The 2.5.1 verdict for the visitor's browser, read from its user-agent string.
#[component]
pub fn BrowserCard() -> impl IntoView {
    let user_agent = web_sys::window().and_then(|window| window.navigator().user_agent().ok()).unwrap_or_default();
    let finding = browser_finding(&parse(&user_agent), "read from this browser's user-agent string");
    view! {
        <FindingCard title="Web browser for administration" finding=finding />
        <details class="raw-evidence">
            <summary>"The user-agent string read"</summary>
            <code data-testid="user-agent">{user_agent}</code>
        </details>
    }
}
