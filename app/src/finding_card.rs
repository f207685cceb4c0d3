use leptos::prelude::*;
use sitecheck_core::advisory::advisory;
use sitecheck_core::section::section;
use sitecheck_core::verdict::{Finding, Verdict};

/// The heading of each check's card.
fn title(requirement: &str) -> &'static str {
    match requirement {
        "pc.browser" => "Web browser for administration",
        "softphone.pc-os" | "softphone.mac-os" => "Operating system for the softphone",
        "softphone.mac-intel" => "Mac processor",
        "softphone.pc-memory" | "softphone.mac-memory" => "Memory (RAM)",
        "softphone.pc-sound" => "Sound device",
        "softphone.screen" => "Screen size for the ACD and Attendant views",
        "softphone.single-user" => "Single-user computer (no thin client or app streaming)",
        "mobile.os-version" => "Mobile operating system",
        "net.dns-name" => "The platform answers over HTTPS",
        "net.one-way-delay" => "Delay to the platform",
        "net.jitter" => "Jitter",
        "net.packet-loss" => "Packet loss",
        "net.outbound-openings" => "UDP for calls",
        "net.call-bandwidth" => "Bandwidth for the plan's calls",
        _ => "Check",
    }
}

/// One verdict with its evidence, section, advice and the advisories that bear on it. Where a
/// person can settle what the browser could not, the card offers to record that.
#[component]
pub fn FindingCard(finding: Finding, on_confirm: Callback<(&'static str, bool)>) -> impl IntoView {
    let section_title = section(finding.section).map_or("", |section| section.title);
    let requirement = finding.requirement;
    let advisories = finding
        .advisories
        .iter()
        .filter_map(|id| advisory(id))
        .map(|advisory| {
            view! {
                <li class="advisory" data-advisory=advisory.id>
                    <strong>"Advisory: " {advisory.title}</strong>
                    " "
                    {advisory.text}
                </li>
            }
        })
        .collect_view();
    let action = match (finding.verdict, finding.confirmed_on.is_some()) {
        (Verdict::NeedsConfirmation, _) => Some(view! {
            <button type="button" class="confirm" data-confirm=requirement on:click=move |_| on_confirm.run((requirement, true))>
                "I have checked this: mark it confirmed"
            </button>
        }.into_any()),
        (_, true) => Some(view! {
            <button type="button" class="undo" data-undo=requirement on:click=move |_| on_confirm.run((requirement, false))>
                "Undo the confirmation"
            </button>
        }.into_any()),
        _ => None,
    };
    let label = if finding.confirmed_on.is_some() { "Pass (confirmed)" } else { finding.verdict.label() };
    view! {
        <article
            class=format!("card verdict-{}", finding.verdict.slug())
            data-check=requirement
            data-verdict=finding.verdict.slug()
            data-confirmed=finding.confirmed_on.is_some().to_string()
        >
            <h3>
                <span class="verdict">{label}</span>
                " "
                <span class="check-title">{title(requirement)}</span>
            </h3>
            <p class="evidence">{finding.evidence}</p>
            {finding.advice.map(|advice| view! { <p class="advice">{advice}</p> })}
            <p class="cite">{format!("Spec section {} {section_title}", finding.section)}</p>
            {action}
            <ul class="advisories">{advisories}</ul>
        </article>
    }
}
