use leptos::prelude::*;
use sitecheck_core::advisory::advisory;
use sitecheck_core::section::section;
use sitecheck_core::verdict::Finding;

/// One verdict with its evidence, section, advice and the advisories that bear on it.
#[component]
pub fn FindingCard(#[prop(into)] title: String, finding: Finding) -> impl IntoView {
    let section_title = section(finding.section).map_or("", |section| section.title);
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
    view! {
        <article class=format!("card verdict-{}", finding.verdict.slug()) data-check=finding.requirement data-verdict=finding.verdict.slug()>
            <h3>
                <span class="verdict">{finding.verdict.label()}</span>
                " "
                <span class="check-title">{title}</span>
            </h3>
            <p class="evidence">{finding.evidence}</p>
            {finding.advice.map(|advice| view! { <p class="advice">{advice}</p> })}
            <p class="cite">{format!("Spec section {} {section_title}", finding.section)}</p>
            <ul class="advisories">{advisories}</ul>
        </article>
    }
}
