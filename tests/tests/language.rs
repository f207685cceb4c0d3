//! The page's language as a reader meets it: it opens in the browser's language, switches on
//! the page, keeps the choice, sends it in a share link, and the report follows it. What the
//! page shows is compared with core's own texts, so a test fails on any word the page does not
//! take from core in the language it claims.

use serde_json::json;
use sitecheck_core::interface;
use sitecheck_core::locale::Locale;
use sitecheck_core::requirement::RequirementId;
use sitecheck_core::requirement_id;
use sitecheck_core::verdict::check_title;
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use std::time::Duration;

fn in_languages(languages: &str) -> Launch {
    Launch { languages: Some(languages.to_owned()), ..Launch::default() }
}

/// What the page says its language is: `<html lang>`, and the switch's `data-lang`.
fn language_of(page: &Page) -> (String, String) {
    let lang = page.run("return document.documentElement.lang", json!([]));
    (lang.as_str().unwrap_or_default().to_owned(), page.attribute_of("[data-testid='language']", "data-lang"))
}

/// The page reads in `locale`: its headings, a card's title and the first card's verdict are
/// core's texts in that language.
fn check_reads_in(page: &Page, locale: Locale) {
    assert_eq!(language_of(page), (locale.code().to_owned(), locale.code().to_owned()));
    assert_eq!(page.text_of("#plan-heading"), interface::page::PLAN.get(locale));
    assert_eq!(page.text_of("#checklist-heading"), interface::page::CHECKLIST.get(locale));
    assert_eq!(
        page.text_of("[data-check='pc.browser'] .check-title"),
        check_title(requirement_id!("pc.browser")).get(locale)
    );
    let verdict = page.attribute_of("[data-check='softphone.single-user']", "data-verdict");
    assert_eq!(verdict, "needs-confirmation");
    assert_eq!(
        page.text_of("[data-check='softphone.single-user'] .verdict"),
        sitecheck_core::verdict::Verdict::NeedsConfirmation.label_in(locale)
    );
    // The checklist's first item: its requirement's statement in that language.
    let first = page.attribute_of("[data-item]", "data-item");
    let statement = RequirementId::parse(&first).unwrap().requirement().statement_in(locale);
    assert_eq!(page.text_of(&format!("[data-item='{first}'] .statement")), statement);
    // Translated statements say they are a translation; the English ones are the spec.
    let notice = page.run(
        "const notice = document.querySelector(\"[data-testid='translation-notice']\"); return notice && notice.textContent",
        json!([]),
    );
    match locale {
        Locale::Sv => assert_eq!(notice, sitecheck_core::spec::swedish::TRANSLATION_NOTICE),
        Locale::En => assert!(notice.is_null(), "{notice}"),
    }
}

fn opens_in_the_browsers_language(engine: Engine, languages: &str, expected: Locale) {
    let page = Page::open(engine, in_languages(languages));
    page.wait_ready();
    check_reads_in(&page, expected);
}

#[test]
fn a_swedish_browser_gets_swedish_in_chromium() {
    opens_in_the_browsers_language(Engine::Chromium, "sv-SE,sv,en", Locale::Sv);
}

#[test]
fn a_swedish_browser_gets_swedish_in_firefox() {
    opens_in_the_browsers_language(Engine::Firefox, "sv-SE,sv,en", Locale::Sv);
}

#[test]
fn the_first_language_sitecheck_speaks_wins() {
    opens_in_the_browsers_language(Engine::Chromium, "de-DE,en-GB,sv", Locale::En);
}

fn switches_and_keeps_the_choice(engine: Engine) {
    let page = Page::open(engine, in_languages("en-US,en"));
    page.wait_ready();
    check_reads_in(&page, Locale::En);
    page.click("[data-testid='language']");
    check_reads_in(&page, Locale::Sv);
    // The choice outlives a new visit (through a blank page: WebKit, loaded, once hung on a
    // navigation to the page's own address).
    page.session.goto("about:blank").unwrap();
    page.session.goto(&page.url).unwrap();
    page.wait_ready();
    check_reads_in(&page, Locale::Sv);
    page.click("[data-testid='language']");
    check_reads_in(&page, Locale::En);
}

#[test]
fn the_switch_changes_the_page_and_is_kept_in_chromium() {
    switches_and_keeps_the_choice(Engine::Chromium);
}

#[test]
fn the_switch_changes_the_page_and_is_kept_in_firefox() {
    switches_and_keeps_the_choice(Engine::Firefox);
}

#[test]
fn the_switch_changes_the_page_and_is_kept_in_webkit() {
    // WebKit's MiniBrowser takes no language preference: English by default, then the switch.
    switches_and_keeps_the_choice(Engine::WebKit);
}

#[test]
fn a_share_link_opens_in_the_senders_language() {
    let sales = Page::open(Engine::Chromium, in_languages("en-US"));
    sales.wait_ready();
    sales.click("[data-testid='language']");
    sales.type_into("#softphone-pc", "12");
    sales.click("[data-testid='share-prefill']");
    let link = sales
        .poll(
            "const input = document.querySelector(\"[data-testid='share-link']\"); return input && input.value",
            Duration::from_secs(5),
        )
        .as_str()
        .unwrap()
        .to_owned();
    // The customer's browser prefers English; the link's language wins for this page.
    let customer = sales.another_browser(Engine::Chromium);
    customer.session.goto(&link).unwrap();
    customer.wait_ready();
    check_reads_in(&customer, Locale::Sv);
    assert_eq!(customer.run("return document.querySelector('#softphone-pc').value", json!([])), "12");
}

#[test]
fn the_report_follows_the_page() {
    let page = Page::open(Engine::Chromium, in_languages("sv-SE"));
    page.wait_ready();
    let (name, markdown) = page.download("[data-testid='report-markdown']");
    assert!(name.ends_with(".md"), "{name}");
    assert!(markdown.contains(sitecheck_core::spec::swedish::TRANSLATION_NOTICE), "{markdown}");
    assert!(markdown.contains("## Checklista"), "{markdown}");
    let (_, json) = page.download("[data-testid='report-json']");
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["lang"], "sv");
    // An open item says, in Swedish, how to settle it.
    let open: Vec<&serde_json::Value> = report["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|group| group["items"].as_array().unwrap())
        .filter(|item| item["source"] == "open")
        .collect();
    assert!(!open.is_empty(), "{json}");
    for item in open {
        let id = RequirementId::parse(item["requirement"]["id"].as_str().unwrap()).unwrap();
        let method = id.requirement().verification[0];
        assert_eq!(item["evidence"], method.how_to_settle_text().sv, "{id}");
    }
}

#[test]
fn the_fallback_for_old_browsers_speaks_swedish_too() {
    let internet_explorer = "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko";
    let page = Page::open(
        Engine::Chromium,
        Launch {
            without_webassembly: true,
            user_agent: Some(internet_explorer.into()),
            languages: Some("sv-SE,sv".into()),
            ..Launch::default()
        },
    );
    page.poll("return !!document.querySelector('#fallback')", Duration::from_secs(20));
    assert_eq!(page.attribute_of("#fallback", "lang"), "sv");
    assert_eq!(page.attribute_of("#fallback", "data-verdict"), "pass");
    assert_eq!(page.text_of("#fallback .verdict"), sitecheck_core::verdict::Verdict::Pass.label_in(Locale::Sv));
    let (title, text) = sitecheck_core::advisory::advisory("browser.ie11-retired").unwrap().in_locale(Locale::Sv);
    let advisory = page.text_of("#fallback .advisory");
    assert!(advisory.contains(title) && advisory.contains(text), "{advisory}");
}
