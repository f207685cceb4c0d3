use leptos::prelude::*;
use sitecheck_core::requirement::{REQUIREMENTS, Requirement};
use sitecheck_core::section::SECTIONS;

fn requirement_item(requirement: &'static Requirement) -> impl IntoView {
    let verification: Vec<&str> = requirement.verification.iter().map(|method| method.label()).collect();
    let see_also = (!requirement.see_also.is_empty()).then(|| {
        format!(
            " Also in {}.",
            requirement.see_also.iter().map(|section| section.as_str()).collect::<Vec<_>>().join(", ")
        )
    });
    view! {
        <li class="requirement" id=requirement.id.as_str()>
            <span class=format!("obligation obligation-{}", requirement.obligation.slug())>
                {requirement.obligation.label()}
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
        .filter(|section| REQUIREMENTS.iter().any(|requirement| requirement.section.as_str() == section.id))
        .map(|section| {
            let items = REQUIREMENTS
                .iter()
                .filter(|requirement| requirement.section.as_str() == section.id)
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
