use leptos::prelude::*;
use sitecheck_core::requirement::{Obligation, REQUIREMENTS, Requirement, Verification};
use sitecheck_core::section::SECTIONS;

fn obligation_label(obligation: Obligation) -> &'static str {
    match obligation {
        Obligation::Must => "Must",
        Obligation::Should => "Should",
        Obligation::Recommended => "Recommended",
    }
}

fn verification_label(verification: Verification) -> &'static str {
    match verification {
        Verification::Browser => "checked in the browser",
        Verification::Measured => "measured",
        Verification::Calculated => "calculated",
        Verification::File => "validated from a file",
        Verification::Person => "confirmed by a person",
    }
}

fn requirement_item(requirement: &'static Requirement) -> impl IntoView {
    let verification: Vec<&str> = requirement.verification.iter().map(|&method| verification_label(method)).collect();
    let see_also = (!requirement.see_also.is_empty()).then(|| format!(" Also in {}.", requirement.see_also.join(", ")));
    view! {
        <li class="requirement" id=requirement.id>
            <span class=format!("obligation obligation-{}", obligation_label(requirement.obligation).to_lowercase())>
                {obligation_label(requirement.obligation)}
            </span>
            " "
            {requirement.statement}
            {see_also}
            <span class="meta">
                {format!(
                    " — applies: {}; verified: {}; id {}",
                    requirement.applies.describe(),
                    verification.join(", "),
                    requirement.id,
                )}
            </span>
        </li>
    }
}

/// The catalogue by section, as the spec orders it.
#[component]
pub fn CatalogueView() -> impl IntoView {
    SECTIONS
        .iter()
        .filter(|section| REQUIREMENTS.iter().any(|requirement| requirement.section == section.id))
        .map(|section| {
            let items = REQUIREMENTS
                .iter()
                .filter(|requirement| requirement.section == section.id)
                .map(requirement_item)
                .collect_view();
            view! {
                <section class="catalogue-section" data-section=section.id>
                    <h3>{format!("{} {}", section.id, section.title)}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view()
}
