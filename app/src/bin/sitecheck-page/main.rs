//! The whole page of the in-browser site-readiness checker, started by the first load
//! (`src/main.rs`) once its verdicts are on screen. Components are thin: what they show comes
//! from `sitecheck-core`; this crate only reads the browser and renders.

mod addons_loader;
mod address_field;
mod app;
mod bandwidth_view;
mod catalogue_view;
mod checklist_view;
mod coverage_view;
mod download;
mod environment_checks;
mod firewall_view;
mod latency_chart;
mod measuring;
mod messages;
mod network_checks;
mod number_field;
mod plan_form;
mod report_panel;
mod share_panel;
mod state;
mod storage;
mod support_details;
mod webrtc;

// Shared with the add-on checks' binary (`src/bin/addons.rs`), through the crate's library.
use sitecheck_app::{files, finding_card, reading, worker};

fn main() {
    // The first load (`src/main.rs`) drew this browser's verdicts and started this binary; the
    // whole page draws them again, with their confirm buttons, in its place.
    if let Some(first) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("first-verdict"))
    {
        first.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // `cargo xtask bench startup` reads this mark beside the first verdict's.
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("sitecheck-page-ready");
    }
}
