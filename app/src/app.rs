use crate::catalogue_view::CatalogueView;
use crate::download::CatalogueDownload;
use crate::environment_checks::EnvironmentChecks;
use leptos::prelude::*;
use sitecheck_core::SPEC_VERSION;
use sitecheck_core::section::{SPEC_DATE, SPEC_TITLE};

/// The page: the visitor's own verdicts first, then the catalogue they are judged against.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>"sitecheck"</h1>
            <p class="lead">
                "Is this site ready for Telia Touchpoint Plus? Checked against "
                <cite>{SPEC_TITLE}</cite>
                {format!(", version {SPEC_VERSION} ({SPEC_DATE}).")}
            </p>
            <p class="privacy">"Everything runs in this browser: nothing you see or enter here is sent anywhere."</p>
        </header>
        <main>
            <section aria-labelledby="checks-heading">
                <h2 id="checks-heading">"This browser and computer"</h2>
                <EnvironmentChecks />
            </section>
            <section aria-labelledby="catalogue-heading">
                <h2 id="catalogue-heading">"The requirements"</h2>
                <CatalogueDownload />
                <CatalogueView />
            </section>
        </main>
    }
}
