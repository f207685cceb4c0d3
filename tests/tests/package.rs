//! The intranet package as an administrator installs it: unzip `sitecheck-<version>.zip`,
//! include its `server/nginx.conf` in a Debian nginx server block with the two paths changed
//! (a deep sub-path), put the test bench's targets in `config.json` and the same origins in the
//! policy's `connect-src` (as the admin guide says to), and use the page in Chromium, Firefox
//! ESR and WebKit behind the shipped headers. Any CSP violation the browser reports fails the
//! test (the policy gains a `report-uri` to a listener here, nothing else changes). The
//! serving is the harness's (`sitecheck_e2e::package`), which with `SITECHECK_SERVER=nginx`
//! serves the rest of the suite the same way; these tests run on nginx either way.

use serde_json::json;
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::package::{Nginx, Server};
use sitecheck_e2e::page::{HERMETIC_CONFIG, Page};
use sitecheck_e2e::server::StaticServer;
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const SUB_PATH: &str = "/intranet/it/tools/sitecheck/";

/// The package unpacked, with what an administrator finds in it: the app, a sample config,
/// the three servers' configurations (IIS's well-formed) with core's policy, and the guide.
fn installed() -> PathBuf {
    let unpacked = sitecheck_e2e::package::unpacked();
    for file in ["index.html", "config.json", "web.config", ".htaccess", "ADMIN-GUIDE.md", "server/nginx.conf"] {
        assert!(unpacked.join(file).is_file(), "the package lacks {file}");
    }
    let web_config = unpacked.join("web.config");
    let xml = Command::new("python3")
        .args(["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])"])
        .arg(&web_config)
        .status()
        .unwrap();
    assert!(xml.success(), "web.config is well-formed XML");
    let shipped = sitecheck_e2e::package::shipped_nginx_conf();
    let default_policy = sitecheck_core::targets::Targets::default().content_security_policy();
    assert!(shipped.contains(&default_policy), "the shipped policy is core's");
    unpacked
}

/// The package behind nginx with the bench's targets in `config.json` and the same origins in
/// the policy (what an administrator edits), in a fresh browser.
fn open(engine: Engine) -> Page {
    Page::open_build_on(Server::Nginx, &installed(), engine, Launch::default(), HERMETIC_CONFIG)
}

/// nginx sends the precompressed copy to a browser that takes gzip, with the shipped headers.
#[test]
fn nginx_sends_the_precompressed_files_with_the_headers() {
    let reporter = StaticServer::reports_only().unwrap();
    let policy = sitecheck_core::targets::Targets::default().content_security_policy();
    let nginx = Nginx::serve(&installed(), SUB_PATH, &policy, &reporter);
    let url = format!("{}sitecheck-app_bg.wasm", nginx.url());
    let response = ureq::get(&url).set("Accept-Encoding", "gzip").call().unwrap();
    assert_eq!(response.header("Content-Encoding"), Some("gzip"));
    assert_eq!(response.header("Content-Type"), Some("application/wasm"));
    for header in [
        "Content-Security-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-UA-Compatible",
        "Strict-Transport-Security",
        "Cache-Control",
    ] {
        assert!(response.header(header).is_some(), "{header}");
    }
    let mut compressed = Vec::new();
    response.into_reader().read_to_end(&mut compressed).unwrap();
    let mut wasm = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_end(&mut wasm).unwrap();
    assert!(wasm.starts_with(b"\0asm"), "the copy is the wasm, compressed");
}

/// The checks, a plan, the worker and the add-on forms, behind the shipped headers.
fn the_package_works(engine: Engine) {
    let page = open(engine);
    page.wait_ready();
    let verdict = page.attribute_of("[data-check='pc.browser']", "data-verdict");
    assert!(!verdict.is_empty());
    page.type_into("#softphone-pc", "5");
    // The worker: an export file.
    let (name, nft) = page.download("[data-export='nftables']");
    assert!(
        name.ends_with(".nft") && nft.contains(&format!("table inet {}", sitecheck_core::export::NFT_TABLE)),
        "{name}: {nft}"
    );
    // The add-on forms' wasm and the worker's validators.
    page.click("[data-testid='open-addons']");
    page.session.wait_for("details[data-validator='numbers'] summary", Duration::from_secs(30)).unwrap();
    page.click("details[data-validator='numbers'] summary");
    // Pasted (WebKit's driver types no line breaks).
    page.run(
        "const text = document.querySelector('#addon-numbers-text'); text.value = arguments[0];
         text.dispatchEvent(new Event('input', { bubbles: true }));",
        json!(["+46812345678\n08-123 45 67\n"]),
    );
    page.click("[data-testid='addon-numbers-check']");
    let total = page.poll(
        "return document.querySelector(\"[data-testid='addon-numbers-result']\")?.dataset.total ?? null",
        Duration::from_secs(30),
    );
    assert_eq!(total, "2");
    std::thread::sleep(Duration::from_millis(500));
    let reports = page.take_csp_reports();
    assert!(reports.is_empty(), "{}: the page broke the shipped policy:\n{}", engine.name(), reports.join("\n"));
}

#[test]
fn the_package_behind_nginx_works_in_chromium() {
    the_package_works(Engine::Chromium);
}

#[test]
fn the_package_behind_nginx_works_in_firefox() {
    the_package_works(Engine::Firefox);
}

#[test]
fn the_package_behind_nginx_works_in_webkit() {
    the_package_works(Engine::WebKit);
}

/// The reports of the policy nginx sends reach this test (a test that could not see a
/// violation would prove nothing).
#[test]
fn a_violation_behind_nginx_is_reported() {
    let page = open(Engine::Chromium);
    page.wait_ready();
    page.run("fetch('http://127.0.0.1:9/elsewhere').catch(() => {})", json!([]));
    let mut reports = Vec::new();
    for _ in 0..100 {
        reports.extend(page.take_csp_reports());
        if !reports.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(reports.iter().any(|report| report.contains("connect-src")), "{reports:?}");
}
