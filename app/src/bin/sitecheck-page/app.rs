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
use sitecheck_core::SPEC_VERSION;
use sitecheck_core::section::{SPEC_DATE, SPEC_TITLE};

/// The page: the visitor's own verdicts first, then the site plan and everything it implies,
/// then the catalogue it is all judged against.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    view! {
        <header class="page-header">
            <h1>"sitecheck"</h1>
            <p class="lead">
                "Is this site ready for Telia Touchpoint Plus? Checked against "
                <cite>{SPEC_TITLE}</cite>
                {format!(", version {SPEC_VERSION} ({SPEC_DATE}).")}
            </p>
            <p class="privacy">"Everything runs in this browser: nothing you see or enter here is sent anywhere."</p>
            <nav class="toc" aria-label="Contents">
                <a href="#checks-heading">"This computer"</a> " · "
                <a href="#network-heading">"Network"</a> " · "
                <a href="#plan-heading">"Plan"</a> " · "
                <a href="#checklist-heading">"Checklist"</a> " · "
                <a href="#bandwidth-heading">"Bandwidth"</a> " · "
                <a href="#firewall-heading">"Firewall"</a> " · "
                <a href="#addons-heading">"Add-on files"</a> " · "
                <a href="#share-heading">"Share and report"</a> " · "
                <a href="#catalogue-heading">"Requirements"</a>
            </nav>
        </header>
        <main>
            <Messages />
            <section class="report-section" aria-labelledby="checks-heading">
                <h2 id="checks-heading">"This browser and computer"</h2>
                <EnvironmentChecks />
            </section>
            <section class="report-section" aria-labelledby="network-heading">
                <h2 id="network-heading">"This network"</h2>
                <NetworkChecks />
            </section>
            <section class="report-section no-print" aria-labelledby="plan-heading">
                <h2 id="plan-heading">"The site plan"</h2>
                <PlanForm />
            </section>
            <section class="report-section print-only" aria-label="The site plan">
                <h2>"The site plan"</h2>
                <ul>{move || state.plan.with(|plan| plan.summary()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </section>
            <section class="report-section" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">"Checklist"</h2>
                <ChecklistView />
            </section>
            <section class="report-section" aria-labelledby="bandwidth-heading">
                <h2 id="bandwidth-heading">"Bandwidth"</h2>
                <BandwidthView />
            </section>
            <section class="report-section" aria-labelledby="firewall-heading">
                <h2 id="firewall-heading">"Firewall openings"</h2>
                <FirewallView />
                <div class="no-print">
                    <h3>"Do the current rules cover them?"</h3>
                    <CoverageView />
                </div>
            </section>
            <section class="report-section no-print" aria-labelledby="addons-heading">
                <h2 id="addons-heading">"Add-on files"</h2>
                <p class="hint">"Certificates, phone numbers, user files, the SPF record and the Office 365 client secret, checked in this browser: nothing is uploaded. The checks are fetched when they are opened."</p>
                <AddonFilesSection />
            </section>
            <section class="report-section no-print" aria-labelledby="share-heading">
                <h2 id="share-heading">"Share and report"</h2>
                <SharePanel />
                <ReportPanel />
            </section>
            <section class="no-print" aria-labelledby="catalogue-heading">
                <h2 id="catalogue-heading">"The requirements"</h2>
                <CatalogueDownload />
                <details data-testid="catalogue-details">
                    <summary>{format!("All requirements of v{SPEC_VERSION}, by section")}</summary>
                    <CatalogueView />
                </details>
            </section>
        </main>
    }
}
