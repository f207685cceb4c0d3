//! The release build, served on loopback under a sub-path, in Chromium, Firefox ESR and WebKit.

use serde_json::{Value, json};
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::Page;
use std::time::Duration;

const FIRST_VERDICT: Duration = sitecheck_e2e::page::FIRST_VERDICT;

fn open(engine: Engine, options: Launch) -> Page {
    Page::open(engine, options)
}

fn user_agent(user_agent: &str) -> Launch {
    Launch { user_agent: Some(user_agent.to_owned()), ..Launch::default() }
}

/// Every card once the asynchronous readings are in: (check, verdict, text).
fn cards(page: &Page) -> Vec<(String, String, String)> {
    page.session.wait_for(".checks[data-ready='true']", FIRST_VERDICT).unwrap();
    let script = "return Array.from(document.querySelectorAll('.checks [data-check]'))
        .map(card => [card.dataset.check, card.dataset.verdict, card.innerText])";
    let value = page.session.execute(script, json!([])).unwrap();
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|card| {
            (card[0].as_str().unwrap().into(), card[1].as_str().unwrap().into(), card[2].as_str().unwrap().into())
        })
        .collect()
}

/// Asserts the card for `check` has `verdict` and shows every fragment.
fn check_card(cards: &[(String, String, String)], check: &str, verdict: &str, fragments: &[&str]) {
    let Some((_, got, text)) = cards.iter().find(|(id, _, _)| id == check) else {
        panic!("no card {check} among {cards:#?}");
    };
    assert_eq!(got, verdict, "{check}: {text}");
    for fragment in fragments {
        assert!(text.contains(fragment), "{check}: {fragment:?} in {text:?}");
    }
}

/// The number after `token` in `text`, read here independently of the app's parser.
fn number_after(text: &str, token: &str) -> Option<u32> {
    let rest = &text[text.find(token)? + token.len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn check_own_browser(engine: Engine, family: &str) {
    let page = open(engine, Launch::default());
    let cards = cards(&page);
    let user_agent = page.session.execute("return navigator.userAgent", json!([])).unwrap();
    // The driver reports the real version; WebKitGTK reports its own engine version instead
    // of Safari's, so for it the number comes from the UA string's Version/ token.
    let major = match engine {
        Engine::WebKit => number_after(user_agent.as_str().unwrap(), "Version/").unwrap(),
        _ => page.session.browser_major().unwrap(),
    };
    check_card(&cards, "pc.browser", "pass", &[&format!("{family} {major}"), "2.5.1 Web Browser"]);
    // These machines run Linux, where the softphone does not run (2.5.2).
    let source = if engine == Engine::Chromium { "read from client hints" } else { "read from the user-agent string" };
    check_card(&cards, "softphone.pc-os", "fail", &["Linux", source, "2.5.2"]);
    check_card(&cards, "mobile.os-version", "not-applicable", &["not a mobile device"]);
    check_card(&cards, "softphone.single-user", "needs-confirmation", &["thin client"]);
    assert!(page.session.find_all("#loading").unwrap().is_empty(), "the loading notice is gone");
    assert!(page.session.find_all("#fallback").unwrap().is_empty(), "no fallback where the checker runs");
}

#[test]
fn chromium_checks_itself() {
    check_own_browser(Engine::Chromium, "Chrome");
}

#[test]
fn firefox_checks_itself() {
    check_own_browser(Engine::Firefox, "Firefox");
}

#[test]
fn webkit_checks_itself() {
    check_own_browser(Engine::WebKit, "Safari");
}

const WINDOWS_CHROME: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ANDROID_CHROME: &str =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

fn hints(platform: &str, version: &str, architecture: &str, mobile: bool) -> Value {
    json!({
        "platform": platform, "platformVersion": version, "architecture": architecture, "bitness": "64",
        "mobile": mobile, "model": "",
        "brands": [{ "brand": "Google Chrome", "version": "131" }],
        "fullVersionList": [{ "brand": "Google Chrome", "version": "131.0.6778.86" }],
    })
}

type Expected = &'static [(&'static str, &'static str, &'static [&'static str])];

/// Overridden user agents (with client hints where Chromium can send them) and the cards they
/// get; each case is its own test below, so one failure hides no other.
fn overrides() -> Vec<(Engine, Launch, Expected)> {
    vec![
        (
            Engine::Chromium,
            Launch { client_hints: Some(hints("Windows", "15.0.0", "x86", false)), ..user_agent(WINDOWS_CHROME) },
            &[
                ("pc.browser", "pass", &["Chrome 131 on Windows 11, read from client hints"]),
                ("softphone.pc-os", "warning", &["Windows 11, read from client hints", "not listed in 2.5.2"]),
            ],
        ),
        (
            Engine::Chromium,
            Launch { client_hints: Some(hints("Windows", "10.0.0", "x86", false)), ..user_agent(WINDOWS_CHROME) },
            &[("softphone.pc-os", "pass", &["Windows 10, read from client hints"])],
        ),
        (
            Engine::Chromium,
            Launch { client_hints: Some(hints("macOS", "14.2.1", "arm", false)), ..user_agent(MAC_CHROME) },
            &[
                ("softphone.mac-os", "warning", &["macOS 14.2.1, read from client hints"]),
                ("softphone.mac-intel", "fail", &["Apple silicon"]),
            ],
        ),
        (
            Engine::Chromium,
            Launch { client_hints: Some(hints("Android", "15.0.0", "", true)), ..user_agent(ANDROID_CHROME) },
            &[
                ("mobile.os-version", "pass", &["Android 15.0.0, read from client hints"]),
                ("softphone.pc-os", "not-applicable", &[]),
            ],
        ),
        (
            Engine::Chromium,
            user_agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:50.0) Gecko/20100101 Firefox/50.0"),
            &[(
                "pc.browser",
                "fail",
                &["Firefox 50 on Windows 10 or 11", "Mozilla Firefox 54 or later", "may be overridden"],
            )],
        ),
        (
            Engine::Firefox,
            user_agent(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.18363",
            ),
            &[
                ("pc.browser", "fail", &["Edge (legacy EdgeHTML) 18", "Legacy Edge is not Chromium Edge"]),
                ("softphone.pc-os", "needs-confirmation", &["Windows 10 or 11, read from the user-agent string"]),
            ],
        ),
        (
            Engine::Firefox,
            user_agent("Mozilla/5.0 (Android 12; Mobile; rv:131.0) Gecko/131.0 Firefox/131.0"),
            &[("mobile.os-version", "fail", &["Android 12", "update the device"])],
        ),
        (
            Engine::WebKit,
            user_agent(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Safari/605.1.15",
            ),
            &[
                ("pc.browser", "pass", &["Safari 12 on macOS 10.14.6"]),
                ("softphone.mac-os", "pass", &["macOS 10.14.6"]),
                ("softphone.mac-intel", "needs-confirmation", &["About This Mac"]),
            ],
        ),
        (
            Engine::WebKit,
            user_agent(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 16_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
            ),
            &[("mobile.os-version", "fail", &["iOS 16.7"])],
        ),
        (
            // Internet Explorer 11 in Compatibility View, as intranet sites get it by default.
            Engine::Chromium,
            user_agent(IE11_COMPATIBILITY_VIEW),
            &[("pc.browser", "pass", &["Internet Explorer 11 on Windows 10 or 11", "Compatibility View", "MSIE 7.0"])],
        ),
    ]
}

const IE11_COMPATIBILITY_VIEW: &str =
    "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E)";

fn check_override(case: usize) {
    let (engine, options, expected) = overrides().swap_remove(case);
    let page = open(engine, options);
    let cards = cards(&page);
    for (check, verdict, fragments) in expected {
        check_card(&cards, check, verdict, fragments);
    }
}

macro_rules! override_tests {
    ($($name:ident = $case:literal,)*) => {
        $(#[test] fn $name() { check_override($case); })*

        #[test]
        fn every_override_case_has_its_test() {
            assert_eq!(overrides().len(), [$($case),*].len());
        }
    };
}

override_tests! {
    windows_11_chrome_by_client_hints = 0,
    windows_10_by_client_hints = 1,
    apple_silicon_mac_by_client_hints = 2,
    android_15_by_client_hints = 3,
    firefox_50_fails = 4,
    legacy_edge_fails = 5,
    android_12_firefox_fails = 6,
    mojave_safari_12_passes = 7,
    ios_16_fails = 8,
    internet_explorer_11_in_compatibility_view_passes = 9,
}

#[test]
fn the_signals_shown_for_support_give_the_same_verdicts_in_the_core() {
    use sitecheck_core::device::{browser, operating_system};
    use sitecheck_core::environment::{Signals, detect};
    let launch = Launch { client_hints: Some(hints("Windows", "15.0.0", "x86", false)), ..user_agent(WINDOWS_CHROME) };
    let page = open(Engine::Chromium, launch);
    let cards = cards(&page);
    let json = page.session.text(&page.session.find("[data-testid='signals-json']").unwrap()).unwrap();
    // The details element is closed, so its text is read from the DOM instead.
    let json = if json.is_empty() {
        let value = page
            .session
            .execute("return document.querySelector(\"[data-testid='signals-json']\").textContent", json!([]))
            .unwrap();
        value.as_str().unwrap().to_owned()
    } else {
        json
    };
    let signals: Signals = serde_json::from_str(&json).unwrap();
    let environment = detect(&signals);
    check_card(&cards, "pc.browser", browser(&environment).verdict.slug(), &[&browser(&environment).evidence.en]);
    let os = operating_system(&environment);
    check_card(&cards, os.requirement.as_str(), os.verdict.slug(), &[&os.evidence.en]);
}

#[test]
fn confirmations_are_kept_across_reloads_and_can_be_undone() {
    let page = open(Engine::Chromium, Launch::default());
    let check = "softphone.single-user";
    check_card(&cards(&page), check, "needs-confirmation", &[]);
    page.session.click(&page.session.find(&format!("[data-confirm='{check}']")).unwrap()).unwrap();
    check_card(&cards(&page), check, "pass", &["Pass (confirmed)", "Confirmed by a person on"]);
    page.session.goto(&page.url).unwrap();
    check_card(&cards(&page), check, "pass", &["Confirmed by a person on"]);
    page.session.click(&page.session.find(&format!("[data-undo='{check}']")).unwrap()).unwrap();
    check_card(&cards(&page), check, "needs-confirmation", &[]);
    page.session.goto(&page.url).unwrap();
    check_card(&cards(&page), check, "needs-confirmation", &[]);
}

#[test]
fn unreadable_saved_answers_are_reported_and_kept() {
    let page = open(Engine::Chromium, Launch::default());
    // Once the whole page has started (it saves what it loaded when it starts, which would
    // overwrite the damage), the saved answers are damaged and the page is opened again.
    page.wait_ready();
    page.session.execute("localStorage.setItem('sitecheck.saved', '{broken')", json!([])).unwrap();
    page.session.goto(&page.url).unwrap();
    cards(&page);
    let alert = page.session.text(&page.session.find("[role='alert']").unwrap()).unwrap();
    assert!(alert.contains("could not be read") && alert.contains("sitecheck.saved.unreadable"), "{alert}");
    let kept = page.session.execute("return localStorage.getItem('sitecheck.saved.unreadable')", json!([])).unwrap();
    assert_eq!(kept, "{broken");
}

/// Old browsers: the classic fallback script shows the 2.5.1 verdict without WebAssembly.
fn check_fallback(engine: Engine, agent: &str, verdict: &str, name: &str) {
    let page = open(engine, Launch { without_webassembly: true, ..user_agent(agent) });
    let card = page.session.wait_for("#fallback", FIRST_VERDICT).unwrap();
    assert_eq!(page.session.attribute(&card, "data-verdict").unwrap().as_deref(), Some(verdict), "{agent}");
    let text = page.session.text(&card).unwrap();
    assert!(text.contains(name) && text.contains("lacks WebAssembly") && text.contains("2.5.1"), "{text}");
    if name.starts_with("Internet Explorer") {
        assert!(text.contains("Internet Explorer 11 is retired"), "{text}");
    }
    assert!(page.session.find_all("#loading").unwrap().is_empty(), "the fallback replaces the loading notice");
}

#[test]
fn internet_explorer_11_without_webassembly_passes_by_the_fallback() {
    check_fallback(
        Engine::Chromium,
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
        "pass",
        "Internet Explorer 11",
    );
}

#[test]
fn internet_explorer_11_in_compatibility_view_passes_by_the_fallback() {
    check_fallback(Engine::Chromium, IE11_COMPATIBILITY_VIEW, "pass", "Internet Explorer 11");
}

#[test]
fn chrome_60_without_webassembly_passes_by_the_fallback() {
    check_fallback(
        Engine::Chromium,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.113 Safari/537.36",
        "pass",
        "Chrome 60",
    );
}

#[test]
fn firefox_50_without_webassembly_fails_by_the_fallback() {
    check_fallback(
        Engine::Firefox,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:50.0) Gecko/20100101 Firefox/50.0",
        "fail",
        "Firefox 50",
    );
}

/// The fallback's small parser must agree with the core on every row of the UA table.
#[test]
fn the_fallback_agrees_with_the_core_on_the_whole_table() {
    use sitecheck_core::browser::browser_finding;
    use sitecheck_core::useragent::parse;
    let table = include_str!("../../core/tests/data/user-agents.tsv");
    let agents: Vec<&str> = table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.splitn(5, '\t').nth(4))
        .collect();
    let page = open(Engine::Chromium, Launch::default());
    cards(&page);
    let judged = page
        .session
        .execute("return arguments[0].map(ua => window.sitecheckFallback.judge(ua))", json!([agents]))
        .unwrap();
    // Every disagreement is listed, not only the first.
    let mut disagreements = Vec::new();
    for (agent, fallback) in agents.iter().zip(judged.as_array().unwrap()) {
        let parsed = parse(agent);
        let expected = json!({
            "browser": parsed.browser.slug(),
            "major": parsed.major,
            "verdict": browser_finding(&parsed, &sitecheck_core::locale::Bilingual::default()).verdict.slug(),
        });
        let got = json!({ "browser": fallback["browser"], "major": fallback["major"], "verdict": fallback["verdict"] });
        if got != expected {
            disagreements.push(format!("{agent:?}: the fallback says {got}, the core {expected}"));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(agents.len() >= 150);
}

#[test]
fn the_catalogue_is_listed_by_section() {
    let page = open(Engine::Chromium, Launch::default());
    cards(&page);
    // The list is folded away under the page's other sections: open it as a reader would.
    page.session.click(&page.session.find("[data-testid='catalogue-details'] summary").unwrap()).unwrap();
    let requirements = page.session.find_all("li.requirement").unwrap();
    assert_eq!(requirements.len(), sitecheck_core::requirement::REQUIREMENTS.len());
    let headings: Vec<String> = page
        .session
        .find_all(".catalogue-section h3")
        .unwrap()
        .iter()
        .map(|heading| page.session.text(heading).unwrap())
        .collect();
    assert_eq!(headings.first().map(String::as_str), Some("2.1 Internet and local area network"));
    assert!(headings.iter().any(|heading| heading == "6.7 AD Integration"), "{headings:?}");
    let statement = page.session.text(&page.session.find("li#net\\.one-way-delay").unwrap()).unwrap();
    assert!(statement.contains("less than 60 ms") && statement.contains("measured"), "{statement}");
}

#[test]
fn the_catalogue_downloads_as_the_json_the_cli_prints() {
    let page = open(Engine::Chromium, Launch::default());
    cards(&page);
    // Catch the download in the page: the link the app creates points at the built file.
    let script = r#"
        window.__saved = null;
        HTMLAnchorElement.prototype.click = function () {
            const name = this.download;
            fetch(this.href).then(r => r.text()).then(text => { window.__saved = { name, text }; });
        };
        document.querySelector("[data-testid='download-catalogue']").click();
    "#;
    page.session.execute(script, json!([])).unwrap();
    let mut saved = Value::Null;
    for _ in 0..100 {
        saved = page.session.execute("return window.__saved", json!([])).unwrap();
        if !saved.is_null() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(saved["name"], "touchpoint-plus-catalogue-v3.40.json");
    let catalogue: Value = serde_json::from_str(saved["text"].as_str().unwrap()).unwrap();
    let expected: Value = serde_json::from_str(&sitecheck_core::catalogue::catalogue_json().unwrap()).unwrap();
    assert_eq!(catalogue, expected);
}

/// The suite runs behind the app's Content-Security-Policy and fails on any violation the
/// browser reports (`Page`'s drop). This proves the reports arrive: an inline script, an
/// `eval` and a request to a host outside the configured targets are each refused and reported.
fn violations_are_reported(engine: Engine) {
    let page = open(engine, Launch::default());
    cards(&page);
    assert_eq!(page.take_csp_reports(), Vec::<String>::new(), "the app itself keeps the policy");
    page.run(
        "const script = document.createElement('script'); script.textContent = 'window.__inline = 1';
         document.body.appendChild(script);
         try { eval('1'); } catch (error) {}
         fetch('http://127.0.0.1:9/elsewhere').catch(() => {});",
        json!([]),
    );
    assert_eq!(page.run("return window.__inline ?? null", json!([])), Value::Null, "the inline script did not run");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut reports = Vec::new();
    while reports.len() < 3 && std::time::Instant::now() < deadline {
        reports.extend(page.take_csp_reports());
        std::thread::sleep(Duration::from_millis(100));
    }
    let all = reports.join("\n");
    for directive in ["script-src", "connect-src"] {
        assert!(all.contains(directive), "{directive} not reported: {all}");
    }
}

#[test]
fn csp_violations_are_reported_in_chromium() {
    violations_are_reported(Engine::Chromium);
}

#[test]
fn csp_violations_are_reported_in_firefox() {
    violations_are_reported(Engine::Firefox);
}

#[test]
fn csp_violations_are_reported_in_webkit() {
    violations_are_reported(Engine::WebKit);
}

/// A newer release table in `config.json` reaches the mobile check: iOS 18, still among the
/// latest two in this build's table, fails once the administrator lists an iOS 27.
#[test]
fn a_release_table_in_the_config_decides_the_mobile_check() {
    let config = r#"{"https_hosts": ["localhost"], "samples": 2, "timeout_ms": 1000,
        "mobile_releases": {"checked": "2026-11-01", "releases": [
            {"platform": "android", "major": 14, "released": "2023-10-04"},
            {"platform": "android", "major": 15, "released": "2024-10-15"},
            {"platform": "android", "major": 16, "released": "2025-06-10"},
            {"platform": "ios", "major": 18, "released": "2024-09-16"},
            {"platform": "ios", "major": 26, "released": "2025-09-15"},
            {"platform": "ios", "major": 27, "released": "2026-09-14"}]}}"#;
    let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    let page = Page::open_with_config(Engine::Chromium, user_agent(iphone), config);
    page.wait_ready();
    let verdict = page.poll(
        "const card = document.querySelector(\"[data-check='mobile.os-version']\");
         return card && card.textContent.includes('iOS 27') ? card.dataset.verdict : null;",
        Duration::from_secs(20),
    );
    assert_eq!(verdict, "fail");
}

fn check_first_load_alone(engine: Engine) {
    let page = Page::open_build_with_config(
        &sitecheck_e2e::first_load_alone(),
        engine,
        Launch::default(),
        sitecheck_e2e::page::HERMETIC_CONFIG,
    );
    page.session.wait_for("#first-status[data-page='failed']", FIRST_VERDICT).unwrap();
    // The verdicts that do not wait for config.json, with the whole page's values.
    let first: Value = page.run(
        "return Array.from(document.querySelectorAll('[data-first-check]')).map(card => [card.dataset.firstCheck, card.dataset.verdict])",
        json!([]),
    );
    let first: Vec<(String, String)> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|card| (card[0].as_str().unwrap().into(), card[1].as_str().unwrap().into()))
        .collect();
    assert!(first.contains(&("pc.browser".into(), "pass".into())), "{first:?}");
    assert!(first.contains(&("softphone.pc-os".into(), "fail".into())), "{first:?}");
    assert!(
        !first.iter().any(|(check, _)| check == "mobile.os-version"),
        "the mobile verdict waits for config.json: {first:?}"
    );
    // Nothing the whole page draws, and no button that would do nothing.
    assert!(page.session.find_all("[data-check]").unwrap().is_empty());
    assert!(page.session.find_all("#first-verdict button").unwrap().is_empty());
    assert!(page.session.find_all("#loading").unwrap().is_empty(), "the loading notice is gone");
    assert!(page.text_of("#first-status").contains("page-start.js"), "the failure names what was missing");
}

#[test]
fn chromium_draws_the_first_verdicts_from_the_first_load_alone() {
    check_first_load_alone(Engine::Chromium);
}

#[test]
fn firefox_draws_the_first_verdicts_from_the_first_load_alone() {
    check_first_load_alone(Engine::Firefox);
}

#[test]
fn webkit_draws_the_first_verdicts_from_the_first_load_alone() {
    check_first_load_alone(Engine::WebKit);
}

/// The whole page takes the first verdicts' place: the same verdicts, drawn once.
fn check_the_page_replaces_the_first_verdicts(engine: Engine) {
    let page = open(engine, Launch::default());
    let whole = cards(&page);
    assert!(page.session.find_all("#first-verdict").unwrap().is_empty(), "the first view is gone");
    assert!(page.session.find_all("[data-first-check]").unwrap().is_empty());
    assert_eq!(page.session.find_all("h1").unwrap().len(), 1, "one page heading");
    let marks = page.run(
        "return ['sitecheck-first-verdict', 'sitecheck-page-ready'].map(name => performance.getEntriesByName(name).length)",
        json!([]),
    );
    assert_eq!(marks, json!([1, 1]), "both stages ran once");
    check_card(&whole, "pc.browser", "pass", &[]);
}

#[test]
fn chromium_replaces_the_first_verdicts_with_the_whole_page() {
    check_the_page_replaces_the_first_verdicts(Engine::Chromium);
}

#[test]
fn webkit_replaces_the_first_verdicts_with_the_whole_page() {
    check_the_page_replaces_the_first_verdicts(Engine::WebKit);
}
