//! The first load: this browser's and this computer's verdicts, and nothing else. It is small
//! (the first-load budget, `cargo xtask size`) because it only reads the browser and draws
//! core's verdicts; once they are on screen it starts the whole page (`bin/sitecheck-page`:
//! network checks, plan, checklist, bandwidth, firewall, reports), which replaces this view
//! and draws the same verdicts again with everything that depends on them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sitecheck_app::events::{detail_text, listen};
use sitecheck_app::finding_card::AdvisoryList;
use sitecheck_app::integrity;
use sitecheck_app::language::{self, current, tr};
use sitecheck_app::reading;
use sitecheck_core::device::first_findings;
use sitecheck_core::environment::detect;
use sitecheck_core::interface::{card, first, page};
use sitecheck_core::verdict::{Finding, check_title};
use wasm_bindgen::JsCast;

/// The element this view draws into; the whole page removes it when it starts.
const ROOT: &str = "first-verdict";
/// The whole page's starter (`app/page-start.js`), a module script.
const PAGE_SCRIPT: &str = "./page-start.js";
/// The whole page's binary (its glue is `./sitecheck-page.js`).
const PAGE_BINARY: &str = "sitecheck-page";
/// What the starter dispatches when the whole page could not start.
const PAGE_FAILED: &str = "sitecheck-page-failed";
const STATUS: &str = "first-status";

fn main() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    // The static page shows a "loading" notice for browsers where the module never runs;
    // once we are here it has done its job.
    if let Some(notice) = document.get_element_by_id("loading") {
        notice.remove();
    }
    let Some(root) =
        document.get_element_by_id(ROOT).and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The language is settled before anything is drawn, and kept in <html lang> for the whole
    // page to start in.
    language::announce(language::at_start(), false);
    // The view lives until the whole page removes its element.
    leptos::mount::mount_to(root, || {
        language::follow_document();
        FirstVerdicts()
    })
    .forget();
    // Mounting is synchronous: the first verdicts are on screen now. `cargo xtask bench
    // startup` reads this mark.
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("sitecheck-first-verdict");
    }
    start_the_page(&document);
}

/// Says on the page why the rest did not come.
fn show_failure(reason: &str) {
    let locale = language::of_document();
    let status =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id(STATUS));
    if let Some(status) = status {
        status.set_text_content(Some(&first::failed(locale, reason)));
        let _ = status.set_attribute("class", "error");
        let _ = status.set_attribute("data-page", "failed");
    }
}

/// Fetches and starts the whole page, after the first verdicts, so that they do not wait for it.
fn start_the_page(document: &web_sys::Document) {
    listen(document, PAGE_FAILED, |event| {
        let detail = detail_text(&event);
        show_failure(&detail.unwrap_or_else(|| first::NOT_STARTED.get(language::of_document()).into()));
    });
    // The starter imports the whole page's glue, which imports the snippets: each loaded with
    // its hash first, and the starter added only once all of them have run, so that every
    // module the page runs is checked.
    let starter = document.clone();
    integrity::load_modules(
        document,
        PAGE_BINARY,
        move || add_the_starter(&starter),
        |file| show_failure(&first::not_fetched(language::of_document(), file)),
    );
}

fn add_the_starter(document: &web_sys::Document) {
    let Some(script) = integrity::script(document, PAGE_SCRIPT, true) else {
        return show_failure(first::NO_SCRIPT.get(language::of_document()));
    };
    listen(&script, "error", |_| show_failure(&first::not_fetched(language::of_document(), PAGE_SCRIPT)));
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// This browser's and computer's verdicts, drawn at once from what can be read synchronously and
/// refined when client hints and the device list arrive. Nothing here can be confirmed yet: the
/// whole page, which keeps the answers, offers that.
#[component]
fn FirstVerdicts() -> impl IntoView {
    let (signals, set_signals) = signal(reading::signals_now());
    let (facts, set_facts) = signal(reading::facts_now());
    spawn_local(async move {
        if let Some(hints) = reading::high_entropy_hints().await {
            set_signals.update(|signals| signals.hints = Some(hints));
        }
        let audio = reading::audio_devices().await;
        set_facts.update(|facts| facts.audio = audio);
    });
    let cards = move || {
        signals
            .with(|signals| facts.with(|facts| first_findings(&detect(signals), facts)))
            .into_iter()
            .map(|finding| view! { <FirstCard finding=finding /> })
            .collect_view()
    };
    view! {
        <h1>"sitecheck"</h1>
        <section class="report-section" aria-labelledby="first-heading">
            <h2 id="first-heading">{tr(page::COMPUTER)}</h2>
            <div class="checks">{cards}</div>
            <p id=STATUS role="status" class="hint" data-page="loading">{tr(first::LOADING)}</p>
        </section>
    }
}

/// A verdict as the whole page's card draws it, without the confirm button (`data-first-check`,
/// not `data-check`: tests and scripts that read cards wait for the whole page's).
#[component]
fn FirstCard(finding: Finding) -> impl IntoView {
    let requirement = finding.requirement;
    let locale = current();
    let section = finding.section;
    let label = finding.label_in(locale.get_untracked());
    let (evidence, advice) = (finding.evidence.clone(), finding.advice.clone());
    view! {
        <article
            class=format!("card verdict-{}", finding.verdict.slug())
            data-first-check=requirement.as_str()
            data-verdict=finding.verdict.slug()
        >
            <h3>
                <span class="verdict">{label}</span>
                " "
                <span class="check-title">{check_title(requirement).get(locale.get_untracked())}</span>
            </h3>
            <p class="evidence">{evidence.get(locale.get_untracked()).to_owned()}</p>
            {advice.map(|advice| view! { <p class="advice">{advice.get(locale.get_untracked()).to_owned()}</p> })}
            <p class="cite">{card::cite(locale.get_untracked(), section.as_str(), section.title_in(locale.get_untracked()))}</p>
            <AdvisoryList advisories=finding.advisories />
        </article>
    }
}
