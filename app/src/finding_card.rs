use crate::language::{current, tr};
use leptos::attr::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use sitecheck_core::advisory::AdvisoryId;
use sitecheck_core::interface::card;
use sitecheck_core::requirement::RequirementId;
use sitecheck_core::verdict::{Finding, check_title};

/// The advisories that bear on a verdict, under its card.
#[component]
pub fn AdvisoryList(advisories: Vec<AdvisoryId>) -> impl IntoView {
    let locale = current();
    let items = advisories
        .into_iter()
        .map(|id| {
            let advisory = id.advisory();
            view! {
                <li class="advisory" data-advisory=advisory.id>
                    <strong>{tr(card::ADVISORY)} " " {move || id.advisory().in_locale(locale.get()).0}</strong>
                    " "
                    {move || id.advisory().in_locale(locale.get()).1}
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
    let locale = current();
    let section = finding.section;
    let requirement = finding.requirement;
    let id = requirement.as_str();
    let action = on_confirm.and_then(|on_confirm| {
        if finding.can_confirm() {
            Some(view! {
                <button type="button" class="confirm" data-confirm=id on:click=move |_| on_confirm.run((requirement, true))>
                    {tr(card::CONFIRM)}
                </button>
            }.into_any())
        } else if finding.can_undo() {
            Some(view! {
                <button type="button" class="undo" data-undo=id on:click=move |_| on_confirm.run((requirement, false))>
                    {tr(card::UNDO)}
                </button>
            }.into_any())
        } else {
            None
        }
    });
    let confirmed = finding.clone();
    let label = move || confirmed.label_in(locale.get());
    let (evidence, advice) = (finding.evidence.clone(), finding.advice.clone());
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
                <span class="check-title">{move || check_title(requirement).get(locale.get())}</span>
            </h3>
            <p class="evidence">{move || evidence.get(locale.get()).to_owned()}</p>
            {advice.map(|advice| view! { <p class="advice">{move || advice.get(locale.get()).to_owned()}</p> })}
            <p class="cite">{move || card::cite(locale.get(), section.as_str(), section.title_in(locale.get()))}</p>
            {action}
            <AdvisoryList advisories=finding.advisories />
        </article>
    }
}
