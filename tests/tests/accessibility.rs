//! WCAG 2.1 AA as axe-core judges it, on every state a user sees: the first load, a filled
//! plan, the network results, a damaged share link, the print view and the add-on forms with a
//! result. axe-core is injected over WebDriver, so the page's policy stays as strict as it is.
//! Any violation fails, and so does any colour-contrast result axe leaves incomplete (a 1:1
//! ratio, a label drawn in its own background's colour, is reported there, not as a violation).
//! The print view is also printed, rasterised in grey and each verdict label measured on the
//! paper (`sitecheck_e2e::print`): axe judges colours on screen, not what a greyscale printer makes
//! of them.

use serde_json::{Value, json};
use sitecheck_core::link::{LinkPurpose, Shared, encode_link};
use sitecheck_core::plan::Plan;
use sitecheck_core::requirement::RequirementId;
use sitecheck_core::verdict::Verdict;
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use sitecheck_e2e::print::{Judged, Label, Problem};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

fn axe_script() -> String {
    let path = std::env::var_os("SITECHECK_AXE").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
        home.join(".cache/sitecheck/axe-core-4.14.1/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error} (cargo xtask test installs axe-core)", path.display()))
}

/// axe's findings on the page as it stands: violations, and colour-contrast results left
/// incomplete, each with its elements.
fn audit(page: &Page) -> Vec<String> {
    page.run(&format!("{}\n;window.axe = axe;", axe_script()), json!([]));
    let result = page.run(
        "return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
           .then(result => result.violations.map(rule => ({ rule, kind: 'violation' }))
             .concat(result.incomplete.filter(rule => rule.id === 'color-contrast').map(rule => ({ rule, kind: 'incomplete' })))
             .map(({ rule, kind }) => kind + ' ' + rule.id + ': ' + rule.help + '\\n    '
               + rule.nodes.slice(0, 8).map(node => node.target.join(' ') + ' — ' + (node.failureSummary || (node.any[0] || {}).message || '')).join('\\n    ')))",
        json!([]),
    );
    serde_json::from_value(result).unwrap()
}

fn check(page: &Page, state: &str) {
    let found = audit(page);
    assert!(found.is_empty(), "{state}: {} axe finding(s):\n{}", found.len(), found.join("\n"));
}

fn first_load(engine: Engine) {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    check(&page, "first load");
}

#[test]
fn the_first_load_is_accessible_in_chromium() {
    first_load(Engine::Chromium);
}

#[test]
fn the_first_load_is_accessible_in_firefox() {
    first_load(Engine::Firefox);
}

#[test]
fn the_first_load_is_accessible_in_webkit() {
    first_load(Engine::WebKit);
}

/// The first load alone, as a slow or failing network leaves it: the first verdicts and the
/// message that the rest could not be loaded.
#[test]
fn the_first_verdicts_alone_are_accessible() {
    let page = Page::open_build_with_config(
        &sitecheck_e2e::first_load_alone(),
        Engine::Chromium,
        Launch::default(),
        sitecheck_e2e::page::HERMETIC_CONFIG,
    );
    page.session.wait_for("#first-status[data-page='failed']", Duration::from_secs(20)).unwrap();
    check(&page, "first verdicts alone");
}

#[test]
fn a_filled_plan_is_accessible() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.type_into("#softphone-pc", "12");
    page.type_into("#current-rules", "*filter\n:FORWARD DROP [0:0]\nCOMMIT\n");
    page.click("[data-testid='check-coverage']");
    page.session.wait_for("[data-testid='coverage-summary']", Duration::from_secs(20)).unwrap();
    check(&page, "plan filled");
}

#[test]
fn the_page_in_swedish_is_accessible() {
    // Swedish words are longer: the layout, the labels and the language marks are audited again.
    let page = Page::open(Engine::Chromium, Launch { languages: Some("sv-SE".into()), ..Launch::default() });
    page.wait_ready();
    assert_eq!(page.run("return document.documentElement.lang", serde_json::json!([])), "sv");
    page.type_into("#softphone-pc", "12");
    page.poll("return document.querySelectorAll('[data-check^=\"net.\"]').length > 0", Duration::from_secs(30));
    check(&page, "Swedish");
}

#[test]
fn the_network_results_are_accessible() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.poll("return document.querySelectorAll('[data-check^=\"net.\"]').length > 0", Duration::from_secs(30));
    check(&page, "network results");
}

#[test]
fn a_damaged_link_is_accessible() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.session.goto("about:blank").unwrap();
    page.session.goto(&format!("{}#sc9.from-a-newer-sitecheck", page.url)).unwrap();
    page.wait_ready();
    assert!(page.text_of("[role='alert']").contains("newer sitecheck"), "the link is refused");
    check(&page, "damaged link");
}

#[test]
fn the_print_view_is_accessible() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.session.chromium_devtools("Emulation.setEmulatedMedia", json!({ "media": "print" })).unwrap();
    check(&page, "print");
}

#[test]
fn the_add_on_forms_are_accessible() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.click("[data-testid='open-addons']");
    page.session.wait_for("details[data-validator='numbers'] summary", Duration::from_secs(30)).unwrap();
    page.run("for (const details of document.querySelectorAll('details.addon')) details.open = true;", json!([]));
    page.type_into("#addon-numbers-text", "08-123 45 67");
    page.click("[data-testid='addon-numbers-check']");
    page.session.wait_for("[data-testid='addon-numbers-result']", Duration::from_secs(30)).unwrap();
    check(&page, "add-on forms");
}

/// The audit sees what it must: a label drawn in its own background's colour (incomplete
/// colour contrast, as the checklist's labels once were) and a button without a name.
#[test]
fn the_audit_finds_an_invisible_label_and_a_nameless_button() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    page.run(
        "const label = document.createElement('span'); label.textContent = 'Needs confirmation';
         label.className = 'verdict'; label.style.cssText = 'color: #8a5a00; background: #8a5a00';
         document.querySelector('main').prepend(label);
         document.querySelector('main').prepend(document.createElement('button'));",
        json!([]),
    );
    let found: Value = json!(audit(&page));
    let text = found.to_string();
    assert!(text.contains("button-name"), "{text}");
    assert!(text.contains("color-contrast"), "{text}");
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// Where the focus is: an element's id, or `confirm:<requirement>` for a checklist's confirm
/// button (the cards above the plan have confirm buttons of their own).
fn focused(page: &Page) -> String {
    page.run(
        "const element = document.activeElement;
         return element.dataset.confirm && element.closest('[data-item]')
           ? 'confirm:' + element.dataset.confirm : (element.id || element.tagName);",
        json!([]),
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// A keyboard alone reaches every field of the plan form, in the form's order, and a confirm
/// button, and Enter on that button records the confirmation.
fn keyboard_only(engine: Engine) {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    page.run("document.activeElement.blur(); window.scrollTo(0, 0);", json!([]));
    let mut seen = Vec::new();
    let mut confirm = None;
    for _ in 0..1500 {
        page.session.press_key(TAB).unwrap();
        let now = focused(&page);
        if let Some(requirement) = now.strip_prefix("confirm:") {
            confirm = Some(requirement.to_owned());
            break;
        }
        seen.push(now);
    }
    let fields: Vec<&str> = sitecheck_core::plan::fields::PLAN_FIELDS
        .iter()
        .map(|field| field.id)
        .filter(|id| {
            page.run(
                "const e = document.getElementById(arguments[0]); return !!e && e.offsetParent !== null",
                json!([id]),
            ) == json!(true)
        })
        .collect();
    assert!(!fields.is_empty());
    let reached: Vec<&str> = seen.iter().map(String::as_str).filter(|id| fields.contains(id)).collect();
    let mut in_order = reached.clone();
    in_order.dedup();
    assert_eq!(in_order, fields, "every plan field by Tab, in the form's order");
    let requirement = confirm.expect("a confirm button is reached by Tab");
    page.session.press_key(ENTER).unwrap();
    let script =
        format!("return document.querySelector(\"[data-item='{requirement}']\")?.dataset.verdict === 'pass' || null");
    let confirmed = page.poll(&script, Duration::from_secs(5));
    assert_eq!(confirmed, json!(true), "Enter on the confirm button of {requirement} confirmed it");
}

#[test]
fn a_keyboard_alone_fills_the_plan_and_confirms_in_chromium() {
    keyboard_only(Engine::Chromium);
}

#[test]
fn a_keyboard_alone_fills_the_plan_and_confirms_in_firefox() {
    keyboard_only(Engine::Firefox);
}

/// Progress is announced: it lives in one polite live region that stays while its text
/// changes, and the checks' verdicts appear inside one too.
#[test]
fn progress_and_verdicts_are_announced_through_live_regions() {
    let page = Page::open(Engine::Chromium, Launch::default());
    page.wait_ready();
    let live = "[data-testid='progress-live']";
    assert_eq!(page.attribute_of(live, "aria-live"), "polite");
    assert_eq!(page.attribute_of(".checks", "aria-live"), "polite");
    page.run("document.querySelector(arguments[0]).__kept = true", json!([live]));
    let before = page.text_of(live);
    page.click(".checklist [data-confirm='net.no-hubs']");
    page.poll(
        &format!("return document.querySelector(\"{live}\").textContent !== {before:?} || null"),
        Duration::from_secs(5),
    );
    let kept = page.run("return document.querySelector(arguments[0]).__kept === true", json!([live]));
    assert_eq!(kept, json!(true), "the region is the same element: its change is announced");
}

/// The checklist's items as a customer's browser reported them, sent back in a results link
/// (whose verdicts stand above this browser's own): one of each verdict but "needs
/// confirmation", which every item nobody answered has.
const SHARED_VERDICTS: &[(&str, Verdict)] = &[
    ("net.no-hubs", Verdict::Pass),
    ("net.switched-lan", Verdict::Fail),
    ("net.jitter", Verdict::Warning),
    ("net.packet-loss", Verdict::NotApplicable),
];

/// Where verdict labels are drawn, each in its own style: a card's filled label, an item's
/// coloured words.
const PLACES: [&str; 2] = ["card", "item"];

/// Every verdict label the page shows outside its screen-only parts: (place, verdict, text).
fn shown_labels(page: &Page) -> Vec<(String, Label)> {
    let labels = page.run(
        "return [...document.querySelectorAll('[data-verdict] .verdict')].filter(label => !label.closest('.no-print'))
           .map(label => { const owner = label.closest('[data-verdict]');
             return [owner.matches('.card') ? 'card' : owner.matches('.item') ? 'item' : owner.tagName,
                     owner.dataset.verdict, label.textContent.trim()]; })",
        json!([]),
    );
    let labels: Vec<(String, String, String)> = serde_json::from_value(labels).unwrap();
    labels.into_iter().map(|(place, verdict, text)| (place, Label { verdict, text })).collect()
}

/// The page with every verdict in both places: the plan and the customer's results from a
/// link, this browser's own cards, the network run finished (so that nothing changes while it
/// prints). Returns the labels it shows.
fn every_verdict_shown(engine: Engine, launch: Launch) -> (Page, Vec<Label>) {
    // The link carries the reader's language, as a sender's page in it would write.
    let lang = launch.languages.as_deref().map(|tags| sitecheck_core::locale::Locale::preferred(tags.split(',')));
    let page = Page::open(engine, launch);
    page.wait_ready();
    let results: BTreeMap<RequirementId, Verdict> =
        SHARED_VERDICTS.iter().map(|(id, verdict)| (RequirementId::parse(id).unwrap(), *verdict)).collect();
    let shared = Shared {
        purpose: LinkPurpose::Results,
        plan: Plan { softphone_pc_users: 12, ..Plan::default() },
        results,
        lang,
        ..Shared::default()
    };
    page.session.goto("about:blank").unwrap();
    page.session.goto(&format!("{}#{}", page.url, encode_link(&shared))).unwrap();
    page.wait_ready();
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(60)).unwrap();
    for (id, verdict) in SHARED_VERDICTS {
        assert_eq!(page.attribute_of(&format!("[data-item='{id}']"), "data-verdict"), verdict.slug(), "{id}");
    }
    let shown = shown_labels(&page);
    let missing: Vec<String> = PLACES
        .iter()
        .flat_map(|place| Verdict::ALL.iter().map(move |verdict| (*place, verdict.slug())))
        .filter(|(place, verdict)| !shown.iter().any(|(shown, label)| shown == place && label.verdict == *verdict))
        .map(|(place, verdict)| format!("{place} {verdict}"))
        .collect();
    assert!(missing.is_empty(), "{}: the page shows no {missing:?} to print: {shown:?}", engine.name());
    (page, shown.into_iter().map(|(_, label)| label).collect())
}

/// Prints the page as a person would (WebDriver's Print Page, A4, backgrounds as the browser's
/// print dialog has them by default) and judges its labels in grey.
fn print_in_grey(page: &Page, shown: &[Label], name: &str) -> Judged {
    let pdf = page.session.print_pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF"), "{name}: not a PDF");
    sitecheck_e2e::print::check_printed_labels(&pdf, shown, name)
}

/// Printed on a greyscale printer, every verdict is still there, in words of its own, each
/// label readable against its background at 4.5:1 (axe judges colours on screen; this judges
/// the paper).
fn readable_in_grey(engine: Engine, launch: Launch) {
    let (page, shown) = every_verdict_shown(engine, launch);
    let judged = print_in_grey(&page, &shown, engine.name());
    let problems: Vec<String> = judged.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{}: {} problem(s) in the print (kept in {:?}):\n{}",
        engine.name(),
        problems.len(),
        judged.kept,
        problems.join("\n")
    );
    assert_eq!(judged.labels.len(), shown.len());
    // The lowest contrast of each label's text, for a person reading the test's output.
    let mut lowest: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for (label, measured) in &judged.labels {
        let entry = lowest.entry(&label.text).or_insert((0, f64::INFINITY));
        *entry = (entry.0 + 1, entry.1.min(measured.ratio));
    }
    eprintln!("{}: lowest contrast in grey (labels, ratio): {lowest:?}", engine.name());
}

/// In Swedish the labels are other, longer words ("Behöver bekräftas"): printed in grey, each
/// is still whole, readable and its own.
#[test]
fn every_verdict_prints_readable_in_greyscale_in_swedish() {
    let (page, shown) =
        every_verdict_shown(Engine::Chromium, Launch { languages: Some("sv-SE".into()), ..Launch::default() });
    assert_eq!(page.run("return document.documentElement.lang", json!([])), "sv");
    let swedish = Verdict::NeedsConfirmation.label_in(sitecheck_core::locale::Locale::Sv);
    assert!(shown.iter().any(|label| label.text == swedish), "{shown:?}");
    let judged = print_in_grey(&page, &shown, "Swedish");
    let problems: Vec<String> = judged.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "Swedish: {} problem(s) in the print:\n{}", problems.len(), problems.join("\n"));
    assert_eq!(judged.labels.len(), shown.len());
}

// WebKit's driver has no Print Page command, so WebKit is not printed.

#[test]
fn every_verdict_prints_readable_in_greyscale_in_chromium() {
    // Headless Chromium's screen is smaller than 2.5.2's for the ACD view: a card's warning.
    readable_in_grey(Engine::Chromium, Launch::default());
}

#[test]
fn every_verdict_prints_readable_in_greyscale_in_firefox() {
    // Headless Firefox's screen is large enough; a macOS newer than 2.5.2 lists is a card's
    // warning.
    readable_in_grey(
        Engine::Firefox,
        Launch {
            user_agent: Some(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0".into(),
            ),
            ..Launch::default()
        },
    );
}

/// The print check sees what it must: a card's label printed in its fill's colour, an item's
/// label printed white on the paper (which Chromium, printing without backgrounds, darkens to a
/// light grey: still some 2.3:1), and an item's label not printed at all; and nothing else.
#[test]
fn the_print_check_finds_a_label_in_its_background_colour_and_a_hidden_one() {
    let (page, shown) = every_verdict_shown(Engine::Chromium, Launch::default());
    // Through the CSSOM: the page's policy allows no <style> element.
    page.run(
        "const card = document.querySelector(\".card[data-verdict='fail'] .verdict\");
         card.style.color = getComputedStyle(card).backgroundColor;
         document.querySelector(\".item[data-verdict='warning'] .verdict\").style.color = 'rgb(255, 255, 255)';
         document.querySelector(\".item[data-verdict='not-applicable'] .verdict\").style.display = 'none';",
        json!([]),
    );
    let judged = print_in_grey(&page, &shown, "faint");
    let mut found: Vec<(&str, &str)> = judged
        .problems
        .iter()
        .map(|problem| match problem {
            Problem::Faint { text, .. } => ("faint", text.as_str()),
            Problem::Printed { text, .. } => ("not printed", text.as_str()),
            Problem::SameWords { verdict, .. } => ("same words", verdict.as_str()),
        })
        .collect();
    found.sort_unstable();
    let report: Vec<String> = judged.problems.iter().map(ToString::to_string).collect();
    assert_eq!(found, [("faint", "Fail"), ("faint", "Warning"), ("not printed", "Not applicable")], "{report:#?}");
    if let Some(kept) = judged.kept {
        let _ = std::fs::remove_file(kept);
    }
}
