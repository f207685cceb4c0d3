use leptos::prelude::*;
use sitecheck_app::language::current;
use sitecheck_core::interface::catalogue as words;
use sitecheck_core::requirement::{REQUIREMENTS, Requirement};
use sitecheck_core::section::SECTIONS;

fn requirement_item(requirement: &'static Requirement) -> impl IntoView {
    let locale = current();
    let verification = move || {
        requirement.verification.iter().map(|method| method.label_in(locale.get())).collect::<Vec<_>>().join(", ")
    };
    let see_also = (!requirement.see_also.is_empty()).then(|| {
        let sections = requirement.see_also.iter().map(|section| section.as_str()).collect::<Vec<_>>().join(", ");
        move || words::also_in(locale.get(), &sections)
    });
    view! {
        <li class="requirement" id=requirement.id.as_str()>
            <span class=format!("obligation obligation-{}", requirement.obligation.slug())>
                {move || requirement.obligation.label_in(locale.get())}
            </span>
            " "
            {move || requirement.statement_in(locale.get())}
            {see_also}
            <span class="meta">
                {move || words::meta(locale.get(), &requirement.applies.describe_in(locale.get()), &verification(), requirement.id.as_str())}
            </span>
        </li>
    }
}

/// The catalogue by section, as the spec orders it.
#[component]
pub fn CatalogueView() -> impl IntoView {
    let locale = current();
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
                    <h3>{move || format!("{} {}", section.id, section.title_in(locale.get()))}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view()
}
