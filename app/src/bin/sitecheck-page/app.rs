use crate::addons_loader::AddonFilesSection;
use crate::bandwidth_view::BandwidthView;
use crate::catalogue_view::CatalogueView;
use crate::checklist_view::ChecklistView;
use crate::coverage_view::CoverageView;
use crate::download::CatalogueDownload;
use crate::environment_checks::EnvironmentChecks;
use crate::firewall_view::FirewallView;
use crate::messages::Messages;
use crate::network_checks::NetworkChecks;
use crate::plan_form::PlanForm;
use crate::report_panel::ReportPanel;
use crate::share_panel::SharePanel;
use crate::state::AppState;
use leptos::prelude::*;
use sitecheck_app::language::{self, tr};
use sitecheck_core::SPEC_VERSION;
use sitecheck_core::interface::page;
use sitecheck_core::section::{SPEC_DATE, SPEC_TITLE};

/// The page: the visitor's own verdicts first, then the site plan and everything it implies,
/// then the catalogue it is all judged against.
#[component]
pub fn App() -> impl IntoView {
    let locale = language::follow_document();
    let state = AppState::start();
    provide_context(state);
    let other = move || match locale.get() {
        sitecheck_core::locale::Locale::En => sitecheck_core::locale::Locale::Sv,
        sitecheck_core::locale::Locale::Sv => sitecheck_core::locale::Locale::En,
    };
    view! {
        <header class="page-header">
            <p class="language no-print" role="group" aria-label=tr(page::LANGUAGE)>
                // Named in the language it switches to, and marked as such for screen readers.
                <button type="button" data-testid="language" data-lang=move || locale.get().code()
                    lang=move || other().code() on:click=move |_| language::announce(other(), true)>
                    {move || page::switch_to(locale.get())}
                </button>
            </p>
            <h1>"sitecheck"</h1>
            <p class="lead">
                {tr(page::LEAD)} " "
                <cite lang="en">{SPEC_TITLE}</cite>
                {move || format!(", {} {SPEC_VERSION} ({SPEC_DATE}).", page::VERSION.get(locale.get()))}
            </p>
            <p class="privacy">{tr(page::PRIVACY)}</p>
            <nav class="toc" aria-label=tr(page::CONTENTS)>
                <a href="#checks-heading">{tr(page::TOC_COMPUTER)}</a> " · "
                <a href="#network-heading">{tr(page::TOC_NETWORK)}</a> " · "
                <a href="#plan-heading">{tr(page::TOC_PLAN)}</a> " · "
                <a href="#checklist-heading">{tr(page::TOC_CHECKLIST)}</a> " · "
                <a href="#bandwidth-heading">{tr(page::TOC_BANDWIDTH)}</a> " · "
                <a href="#firewall-heading">{tr(page::TOC_FIREWALL)}</a> " · "
                <a href="#addons-heading">{tr(page::TOC_ADDONS)}</a> " · "
                <a href="#share-heading">{tr(page::TOC_SHARE)}</a> " · "
                <a href="#catalogue-heading">{tr(page::TOC_REQUIREMENTS)}</a>
            </nav>
        </header>
        <main>
            <Messages />
            <section class="report-section" aria-labelledby="checks-heading">
                <h2 id="checks-heading">{tr(page::COMPUTER)}</h2>
                <EnvironmentChecks />
            </section>
            <section class="report-section" aria-labelledby="network-heading">
                <h2 id="network-heading">{tr(page::NETWORK)}</h2>
                <NetworkChecks />
            </section>
            <section class="report-section no-print" aria-labelledby="plan-heading">
                <h2 id="plan-heading">{tr(page::PLAN)}</h2>
                <PlanForm />
            </section>
            <section class="report-section print-only" aria-label=tr(page::PLAN)>
                <h2>{tr(page::PLAN)}</h2>
                <ul>{move || state.plan.with(|plan| plan.summary_in(locale.get())).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </section>
            <section class="report-section" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{tr(page::CHECKLIST)}</h2>
                <ChecklistView />
            </section>
            <section class="report-section" aria-labelledby="bandwidth-heading">
                <h2 id="bandwidth-heading">{tr(page::BANDWIDTH)}</h2>
                <BandwidthView />
            </section>
            <section class="report-section" aria-labelledby="firewall-heading">
                <h2 id="firewall-heading">{tr(page::FIREWALL)}</h2>
                <FirewallView />
                <div class="no-print">
                    <h3>{tr(page::COVERAGE)}</h3>
                    <CoverageView />
                </div>
            </section>
            <section class="report-section no-print" aria-labelledby="addons-heading">
                <h2 id="addons-heading">{tr(page::ADDONS)}</h2>
                <p class="hint">{tr(page::ADDONS_HINT)}</p>
                <AddonFilesSection />
            </section>
            <section class="report-section no-print" aria-labelledby="share-heading">
                <h2 id="share-heading">{tr(page::SHARE)}</h2>
                <SharePanel />
                <ReportPanel />
            </section>
            <section class="no-print" aria-labelledby="catalogue-heading">
                <h2 id="catalogue-heading">{tr(page::REQUIREMENTS)}</h2>
                <CatalogueDownload />
                <details data-testid="catalogue-details">
                    <summary>{move || page::all_requirements(locale.get(), SPEC_VERSION)}</summary>
                    {move || (!sitecheck_core::interface::checklist::TRANSLATED.get(locale.get()).is_empty()).then(|| view! {
                        <p class="hint">{sitecheck_core::interface::checklist::TRANSLATED.get(locale.get())}</p>
                    })}
                    <CatalogueView />
                </details>
            </section>
        </main>
    }
}
