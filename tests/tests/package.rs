//! The intranet package as an administrator installs it: unzip `sitecheck-<version>.zip`,
//! include its `server/nginx.conf` in a Debian nginx server block with the two paths changed
//! (a deep sub-path), put the test bench's targets in `config.json` and the same origins in the
//! policy's `connect-src` (as the admin guide says to), and use the page in Chromium, Firefox
//! ESR and WebKit behind the shipped headers. Any CSP violation the browser reports fails the
//! test (the policy gains a `report-uri` to a listener here, nothing else changes).

use serde_json::json;
use sitecheck_e2e::browsers::{Engine, Launch, launch};
use sitecheck_e2e::page::{HERMETIC_CONFIG, Page};
use sitecheck_e2e::server::{REPORTS, StaticServer};
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::Duration;

const SUB_PATH: &str = "/intranet/it/tools/sitecheck/";

fn package() -> PathBuf {
    let zip = std::env::var_os("SITECHECK_PACKAGE").map(PathBuf::from).unwrap_or_else(|| {
        sitecheck_e2e::workspace_root().join(format!("target/package/sitecheck-{}.zip", env!("CARGO_PKG_VERSION")))
    });
    assert!(zip.is_file(), "{} is missing: cargo xtask dist makes it", zip.display());
    zip
}

struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Unpacks the package and serves it with its own nginx configuration; CSP reports go to
/// `reporter`.
fn serve(reporter: &StaticServer) -> Nginx {
    let port = sitecheck_e2e::webdriver::free_port();
    let dir = std::env::temp_dir().join(format!("sitecheck-package-{}-{port}", std::process::id()));
    std::fs::create_dir_all(dir.join("temp")).unwrap();
    let unzip = Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(package())
        .arg(&dir)
        .status()
        .expect("python3 unzips");
    assert!(unzip.success());
    let unpacked = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("sitecheck-")))
        .expect("the zip holds one folder, sitecheck-<version>");
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
    // What an administrator edits: the bench's targets, and the same origins in the policy.
    std::fs::write(unpacked.join("config.json"), HERMETIC_CONFIG).unwrap();
    let shipped = std::fs::read_to_string(unpacked.join("server/nginx.conf")).unwrap();
    let default_policy = sitecheck_core::targets::Targets::default().content_security_policy();
    assert!(shipped.contains(&default_policy), "the shipped policy is core's");
    let bench_policy = sitecheck_core::targets::Targets::parse(HERMETIC_CONFIG).unwrap().content_security_policy();
    let location = shipped
        .replace("location /sitecheck/", &format!("location {SUB_PATH}"))
        .replace("alias /srv/www/sitecheck/;", &format!("alias {}/;", unpacked.display()))
        .replace(&default_policy, &format!("{bench_policy}; report-uri {}{}", reporter.origin(), REPORTS));
    std::fs::write(dir.join("sitecheck.conf"), location).unwrap();
    let server = format!("server {{ listen 127.0.0.1:{port}; include {}/sitecheck.conf; }}", dir.display());
    let child = sitecheck_e2e::network::run_nginx(&dir, port, &server);
    Nginx { child, port, dir }
}

/// nginx sends the precompressed copy to a browser that takes gzip, with the shipped headers.
#[test]
fn nginx_sends_the_precompressed_files_with_the_headers() {
    let reporter = StaticServer::start(&std::env::temp_dir(), "/", 0).unwrap();
    let nginx = serve(&reporter);
    let url = format!("http://127.0.0.1:{}{SUB_PATH}sitecheck-app_bg.wasm", nginx.port);
    let response = ureq::get(&url).set("Accept-Encoding", "gzip").call().unwrap();
    assert_eq!(response.header("Content-Encoding"), Some("gzip"));
    assert_eq!(response.header("Content-Type"), Some("application/wasm"));
    for header in ["Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-UA-Compatible"] {
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
    let reporter = StaticServer::start(&std::env::temp_dir(), "/", 0).unwrap();
    let nginx = serve(&reporter);
    let session = launch(engine, &Launch::default()).unwrap_or_else(|error| panic!("{}: {error}", engine.name()));
    let url = format!("http://127.0.0.1:{}{SUB_PATH}", nginx.port);
    session.goto(&url).unwrap();
    let page = Page { session, url, server: None };
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
    let reports = reporter.take_csp_reports();
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
    let reporter = StaticServer::start(&std::env::temp_dir(), "/", 0).unwrap();
    let nginx = serve(&reporter);
    let session = launch(Engine::Chromium, &Launch::default()).unwrap();
    let url = format!("http://127.0.0.1:{}{SUB_PATH}", nginx.port);
    session.goto(&url).unwrap();
    let page = Page { session, url, server: None };
    page.wait_ready();
    page.run("fetch('http://127.0.0.1:9/elsewhere').catch(() => {})", json!([]));
    let mut reports = Vec::new();
    for _ in 0..100 {
        reports.extend(reporter.take_csp_reports());
        if !reports.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(reports.iter().any(|report| report.contains("connect-src")), "{reports:?}");
}
