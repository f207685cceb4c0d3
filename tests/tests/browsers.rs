//! The release build, served on loopback under a sub-path, in Chromium, Firefox ESR and WebKit.

use sitecheck_e2e::browsers::{Engine, Launch, launch};
use sitecheck_e2e::dist_dir;
use sitecheck_e2e::server::StaticServer;
use sitecheck_e2e::webdriver::Session;
use std::time::Duration;

/// Intranets host the files under any path: test under a deep one.
const SUB_PATH: &str = "/intranet/tools/sitecheck/";
const FIRST_VERDICT: Duration = Duration::from_secs(20);

struct Page {
    session: Session,
    _server: StaticServer,
}

fn open(engine: Engine, options: Launch) -> Page {
    let server = StaticServer::start(&dist_dir(), SUB_PATH, 0).expect("serve dist/");
    let session = launch(engine, &options).unwrap_or_else(|error| panic!("{}: {error}", engine.name()));
    session.goto(&server.url()).unwrap();
    Page { session, _server: server }
}

/// What the browser card shows: (verdict slug, card text).
fn browser_card(page: &Page) -> (String, String) {
    let card = page.session.wait_for("[data-check='pc.browser']", FIRST_VERDICT).unwrap();
    let verdict = page.session.attribute(&card, "data-verdict").unwrap().unwrap_or_default();
    (verdict, page.session.text(&card).unwrap())
}

/// The number after `token` in `text`, read here independently of the app's parser.
fn number_after(text: &str, token: &str) -> Option<u32> {
    let rest = &text[text.find(token)? + token.len()..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn check_own_browser(engine: Engine, family: &str) {
    let page = open(engine, Launch::default());
    let (verdict, text) = browser_card(&page);
    // The driver reports the real version; WebKitGTK reports its own engine version instead
    // of Safari's, so for it the number comes from the UA string's Version/ token.
    let major = match engine {
        Engine::WebKit => {
            let user_agent = page.session.execute("return navigator.userAgent", serde_json::json!([])).unwrap();
            number_after(user_agent.as_str().unwrap(), "Version/").unwrap()
        }
        _ => page.session.browser_major().unwrap(),
    };
    assert_eq!(verdict, "pass", "{}: {text}", engine.name());
    assert!(text.contains(&format!("{family} {major}")), "{}: expected {family} {major} in {text}", engine.name());
    assert!(text.contains("2.5.1 Web Browser"), "{text}");
    assert!(text.contains("user-agent string"), "the evidence says how it was read: {text}");
    assert!(!page.session.find_all("#loading").unwrap().iter().any(|_| true), "the loading notice is gone");
}

#[test]
fn chromium_passes_its_own_browser() {
    check_own_browser(Engine::Chromium, "Chrome");
}

#[test]
fn firefox_passes_its_own_browser() {
    check_own_browser(Engine::Firefox, "Firefox");
}

#[test]
fn webkit_passes_its_own_browser() {
    check_own_browser(Engine::WebKit, "Safari");
}

/// Overridden user agents: (engine, UA, expected verdict, texts the card must show).
const OVERRIDES: &[(Engine, &str, &str, &[&str])] = &[
    (
        Engine::Chromium,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:50.0) Gecko/20100101 Firefox/50.0",
        "fail",
        &["Firefox 50 on Windows 10 or 11", "Mozilla Firefox 54 or later"],
    ),
    (
        Engine::Firefox,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.18363",
        "fail",
        &["Edge (legacy EdgeHTML) 18", "Legacy Edge is not Chromium Edge"],
    ),
    (
        Engine::WebKit,
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Safari/605.1.15",
        "pass",
        &["Safari 12 on macOS 10.14.6"],
    ),
];

#[test]
fn overridden_user_agents_get_their_verdicts() {
    for &(engine, user_agent, expected, texts) in OVERRIDES {
        let page = open(engine, Launch { user_agent: Some(user_agent.to_owned()) });
        let (verdict, text) = browser_card(&page);
        assert_eq!(verdict, expected, "{}: {text}", engine.name());
        for fragment in texts {
            assert!(text.contains(fragment), "{}: {fragment:?} in {text}", engine.name());
        }
    }
}

#[test]
fn the_catalogue_is_listed_by_section() {
    let page = open(Engine::Chromium, Launch::default());
    page.session.wait_for("[data-check='pc.browser']", FIRST_VERDICT).unwrap();
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
fn the_catalogue_downloads_as_json_without_a_server() {
    let page = open(Engine::Chromium, Launch::default());
    page.session.wait_for("[data-check='pc.browser']", FIRST_VERDICT).unwrap();
    // Catch the download in the page: the link the app creates carries the blob.
    let script = r#"
        window.__saved = null;
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
            const name = this.download;
            fetch(this.href).then(r => r.text()).then(text => { window.__saved = { name, text }; });
        };
        document.querySelector("[data-testid='download-catalogue']").click();
        HTMLAnchorElement.prototype.__original = click;
    "#;
    page.session.execute(script, serde_json::json!([])).unwrap();
    let mut saved = serde_json::Value::Null;
    for _ in 0..100 {
        saved = page.session.execute("return window.__saved", serde_json::json!([])).unwrap();
        if !saved.is_null() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(saved["name"], "touchpoint-plus-catalogue-v3.40.json");
    let catalogue: serde_json::Value = serde_json::from_str(saved["text"].as_str().unwrap()).unwrap();
    let expected: serde_json::Value = serde_json::from_str(&sitecheck_core::catalogue::catalogue_json()).unwrap();
    assert_eq!(catalogue, expected);
}
