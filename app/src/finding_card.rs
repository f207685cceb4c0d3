use leptos::attr::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use sitecheck_core::advisory::AdvisoryId;
use sitecheck_core::requirement::RequirementId;
use sitecheck_core::verdict::{Finding, check_title};

/// The advisories that bear on a verdict, under its card.
#[component]
pub fn AdvisoryList(advisories: Vec<AdvisoryId>) -> impl IntoView {
    let items = advisories
        .iter()
        .map(|id| id.advisory())
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
    view! { <ul class="advisories">{items}</ul> }
}

/// One verdict with its evidence, section, advice and the advisories that bear on it. Where a
/// person can settle what the browser could not, and the page keeps such answers
/// (`on_confirm`), the card offers to record that.
#[component]
pub fn FindingCard(
    finding: Finding,
    #[prop(optional)] on_confirm: Option<Callback<(RequirementId, bool)>>,
) -> impl IntoView {
    let section_title = finding.section.title();
    let requirement = finding.requirement;
    let id = requirement.as_str();
    let action = on_confirm.and_then(|on_confirm| {
        if finding.can_confirm() {
            Some(view! {
                <button type="button" class="confirm" data-confirm=id on:click=move |_| on_confirm.run((requirement, true))>
                    "I have checked this: mark it confirmed"
                </button>
            }.into_any())
        } else if finding.can_undo() {
            Some(view! {
                <button type="button" class="undo" data-undo=id on:click=move |_| on_confirm.run((requirement, false))>
                    "Undo the confirmation"
                </button>
            }.into_any())
        } else {
            None
        }
    });
    let label = finding.label();
    // Each measured figure as `data-<name>` ("data-median-ms"="20.5"), for tests and scripts
    // to read without parsing the evidence.
    let figures: Vec<AnyAttribute> = finding
        .figures
        .iter()
        .map(|figure| custom_attribute(format!("data-{}", figure.name.slug()), figure.text()).into_any_attr())
        .collect();
    view! {
        <article
            class=format!("card verdict-{}", finding.verdict.slug())
            data-check=id
            data-verdict=finding.verdict.slug()
            data-confirmed=finding.confirmed_on.is_some().to_string()
            {..figures}
        >
            <h3>
                <span class="verdict">{label}</span>
                " "
                <span class="check-title">{check_title(requirement)}</span>
            </h3>
            <p class="evidence">{finding.evidence.en}</p>
            {finding.advice.map(|advice| view! { <p class="advice">{advice.en}</p> })}
            <p class="cite">{format!("Spec section {} {section_title}", finding.section)}</p>
            {action}
            <AdvisoryList advisories=finding.advisories />
        </article>
    }
}
