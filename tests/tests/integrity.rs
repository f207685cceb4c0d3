//! Subresource Integrity as a security reviewer would try it: every script the page runs
//! carries its hash, and a file changed on the server after the build is refused, said on the
//! page, while the same change runs when the build's hashes are taken away (so the refusal is
//! the hash's doing, not a broken file's).

use serde_json::{Value, json};
use sitecheck_core::integrity::{META_NAME, lookup};
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::page::{HERMETIC_CONFIG, Page};
use std::path::{Path, PathBuf};
use std::time::Duration;

const ANSWER: Duration = Duration::from_secs(30);

/// The build's manifest, as `cargo xtask build` wrote it into `index.html`.
fn manifest(build: &Path) -> String {
    let html = std::fs::read_to_string(build.join("index.html")).unwrap();
    let opening = format!("<meta name=\"{META_NAME}\" content=\"");
    let start = html.find(&opening).expect("the build lists its hashes (cargo xtask build)") + opening.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The scripts and module preloads in the document, each with its `integrity` (null without).
fn scripts(page: &Page) -> Vec<(String, Option<String>)> {
    let found = page.run(
        "return Array.from(document.querySelectorAll('script[src], link[rel=modulepreload]'))
             .map(element => [element.getAttribute('src') || element.getAttribute('href'), element.getAttribute('integrity')])",
        json!([]),
    );
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().map(str::to_owned)))
        .collect()
}

fn every_script_carries_its_hash(engine: Engine) {
    let page = Page::open(engine, Launch::default());
    page.wait_ready();
    page.click("[data-testid='open-addons']");
    page.session.wait_for("details[data-validator='numbers'] summary", ANSWER).unwrap();
    let content = manifest(&sitecheck_e2e::dist_dir());
    let found = scripts(&page);
    for expected in
        ["./start.js", "./page-start.js", "./sitecheck-page.js", "./sitecheck-addons.js", "./addons-start.js"]
    {
        assert!(
            found.iter().any(|(source, _)| source == expected),
            "{}: {expected} was not loaded: {found:?}",
            engine.name()
        );
    }
    // The first load is one module (its glue joined to its starter): nothing it imports could
    // go unchecked where a preload's hash is not checked (WebKit).
    assert!(!found.iter().any(|(source, _)| source == "./sitecheck-app.js"), "{}: {found:?}", engine.name());
    for (source, integrity) in &found {
        let integrity = integrity.as_deref().unwrap_or_else(|| panic!("{}: {source} has no integrity", engine.name()));
        assert_eq!(Some(integrity), lookup(&content, source), "{}: {source}'s hash is the build's", engine.name());
    }
}

#[test]
fn every_script_carries_its_hash_in_chromium() {
    every_script_carries_its_hash(Engine::Chromium);
}

#[test]
fn every_script_carries_its_hash_in_firefox() {
    every_script_carries_its_hash(Engine::Firefox);
}

#[test]
fn every_script_carries_its_hash_in_webkit() {
    every_script_carries_its_hash(Engine::WebKit);
}

/// A copy of the build with `file` changed so that it still works (a comment added to a
/// script, a custom section to a wasm module), with or without the build's hashes.
fn changed_build(file: &str, with_hashes: bool) -> PathBuf {
    let copy = std::env::temp_dir().join(format!(
        "sitecheck-changed-{}-{}",
        std::process::id(),
        sitecheck_e2e::webdriver::free_port()
    ));
    sitecheck_e2e::page::copy_tree(&sitecheck_e2e::dist_dir(), &copy);
    let path = if file.contains('*') { matching(&copy, file) } else { copy.join(file) };
    let mut bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    if file.ends_with(".wasm") {
        // Section 0 (custom), 5 bytes: the name "test" (length 4) and no payload.
        bytes.extend_from_slice(&[0, 5, 4, b't', b'e', b's', b't']);
    } else {
        bytes.extend_from_slice(b"\n// changed on the server after the build\n");
    }
    write_into_build(&copy, &path, &bytes);
    if !with_hashes {
        let index = copy.join("index.html");
        let mut html = std::fs::read_to_string(&index).unwrap();
        let start = html.find(&format!("<meta name=\"{META_NAME}\"")).unwrap();
        let end = start + html[start..].find('>').unwrap() + 1;
        html.replace_range(start..end, "");
        // trunk's own hashes on what index.html names.
        while let Some(start) = html.find(" integrity=\"") {
            let end = start + " integrity=\"".len() + html[start + " integrity=\"".len()..].find('"').unwrap() + 1;
            html.replace_range(start..end, "");
        }
        write_into_build(&copy, &index, html.as_bytes());
    }
    copy
}

/// The one file below `build` whose path matches `pattern` (one `*`).
fn matching(build: &Path, pattern: &str) -> PathBuf {
    let (folder, rest) = pattern.split_once('*').unwrap();
    let (parent, prefix) = folder.rsplit_once('/').unwrap();
    let entry = std::fs::read_dir(build.join(parent))
        .unwrap()
        .flatten()
        .find(|entry| entry.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("nothing matches {pattern}"));
    entry.path().join(rest.trim_start_matches('/'))
}

/// Writes a file of a build and drops its precompressed copies, which a server would otherwise
/// send instead.
fn write_into_build(build: &Path, path: &Path, bytes: &[u8]) {
    assert!(path.starts_with(build));
    std::fs::write(path, bytes).unwrap();
    for ending in sitecheck_e2e::PRECOMPRESSED {
        let _ = std::fs::remove_file(format!("{}{ending}", path.display()));
    }
}

fn open(build: &Path, engine: Engine) -> Page {
    Page::open_build_with_config(build, engine, Launch::default(), HERMETIC_CONFIG)
}

/// What the page says once the whole page was refused, or null while it may still start.
const PAGE_REFUSED: &str = "const status = document.getElementById('first-status');
     if (status && status.dataset.page === 'failed') return status.textContent;
     return document.querySelector(\".checks[data-ready='true']\") ? 'started' : null;";

/// A changed part of the whole page is refused: the first verdicts stay, and the page says
/// the rest could not be loaded. Without the hashes the same change starts.
fn a_changed_page_file_is_refused(engine: Engine, file: &str) {
    let page = open(&changed_build(file, true), engine);
    let said = page.poll(PAGE_REFUSED, ANSWER);
    assert_ne!(said, "started", "{}: the changed {file} ran", engine.name());
    assert!(said.as_str().unwrap().contains("could not be loaded"), "{}: {said}", engine.name());
    // The file the page names: the one refused, or the starter that imports it.
    let named = file.rsplit('/').next().unwrap();
    assert!(
        said.as_str().unwrap().contains(named) || said.as_str().unwrap().contains("page-start.js"),
        "{}: {said}",
        engine.name()
    );
    let first: Value = page.run("return document.querySelectorAll('[data-first-check]').length", json!([]));
    assert!(first.as_u64().unwrap() > 0, "{}: the first verdicts stay", engine.name());
    drop(page);
    let unchecked = open(&changed_build(file, false), engine);
    assert_eq!(unchecked.poll(PAGE_REFUSED, ANSWER), "started", "{}: the change itself is harmless", engine.name());
}

#[test]
fn a_changed_page_glue_is_refused_in_chromium() {
    a_changed_page_file_is_refused(Engine::Chromium, "sitecheck-page.js");
}

#[test]
fn a_changed_page_glue_is_refused_in_firefox() {
    a_changed_page_file_is_refused(Engine::Firefox, "sitecheck-page.js");
}

#[test]
fn a_changed_page_glue_is_refused_in_webkit() {
    a_changed_page_file_is_refused(Engine::WebKit, "sitecheck-page.js");
}

#[test]
fn a_changed_page_starter_is_refused() {
    a_changed_page_file_is_refused(Engine::Chromium, "page-start.js");
}

#[test]
fn a_changed_page_snippet_is_refused_in_chromium() {
    a_changed_page_file_is_refused(Engine::Chromium, "snippets/sitecheck-app-*/inline0.js");
}

#[test]
fn a_changed_page_snippet_is_refused_in_webkit() {
    a_changed_page_file_is_refused(Engine::WebKit, "snippets/sitecheck-app-*/inline0.js");
}

#[test]
fn a_changed_page_wasm_is_refused_in_chromium() {
    a_changed_page_file_is_refused(Engine::Chromium, "sitecheck-page_bg.wasm");
}

#[test]
fn a_changed_page_wasm_is_refused_in_webkit() {
    a_changed_page_file_is_refused(Engine::WebKit, "sitecheck-page_bg.wasm");
}

#[test]
fn a_changed_page_wasm_is_refused_in_firefox() {
    a_changed_page_file_is_refused(Engine::Firefox, "sitecheck-page_bg.wasm");
}

/// What the add-on section says once its files came or were refused, or null while loading.
const ADDONS_OUTCOME: &str = "if (document.querySelector(\"details[data-validator='numbers']\")) return 'started';
     const status = document.querySelector(\"[data-testid='addons-status']\");
     return status && status.classList.contains('error') ? status.textContent : null;";

fn a_changed_add_on_file_is_refused(file: &str) {
    let page = open(&changed_build(file, true), Engine::Chromium);
    page.wait_ready();
    page.click("[data-testid='open-addons']");
    let said = page.poll(ADDONS_OUTCOME, ANSWER);
    assert!(said.as_str().unwrap().starts_with("The add-on checks could not be loaded: "), "{said}");
    drop(page);
    let unchecked = open(&changed_build(file, false), Engine::Chromium);
    unchecked.wait_ready();
    unchecked.click("[data-testid='open-addons']");
    assert_eq!(unchecked.poll(ADDONS_OUTCOME, ANSWER), "started", "the change itself is harmless");
}

#[test]
fn a_changed_add_on_glue_is_refused() {
    a_changed_add_on_file_is_refused("sitecheck-addons.js");
}

#[test]
fn a_changed_add_on_starter_is_refused() {
    a_changed_add_on_file_is_refused("addons-start.js");
}

#[test]
fn a_changed_add_on_wasm_is_refused() {
    a_changed_add_on_file_is_refused("sitecheck-addons_bg.wasm");
}

/// The first load is checked too: refused, its view never starts and the fallback's watchdog
/// says so.
fn a_changed_first_load_file_is_refused(engine: Engine, file: &str) {
    let page = open(&changed_build(file, true), engine);
    page.session.wait_for("[data-fallback='true']", Duration::from_secs(40)).unwrap();
    let first: Value = page.run("return document.querySelectorAll('[data-first-check]').length", json!([]));
    assert_eq!(first, 0, "{}: the changed {file} ran", engine.name());
    drop(page);
    let unchecked = open(&changed_build(file, false), engine);
    unchecked.wait_ready();
}

#[test]
fn a_changed_first_wasm_is_refused_in_chromium() {
    a_changed_first_load_file_is_refused(Engine::Chromium, "sitecheck-app_bg.wasm");
}

#[test]
fn a_changed_first_wasm_is_refused_in_webkit() {
    a_changed_first_load_file_is_refused(Engine::WebKit, "sitecheck-app_bg.wasm");
}

/// The first load's glue and starter, one file (`cargo xtask build` joins them), named in
/// index.html with its hash: refused in every engine.
#[test]
fn a_changed_first_load_module_is_refused_in_chromium() {
    a_changed_first_load_file_is_refused(Engine::Chromium, "start.js");
}

#[test]
fn a_changed_first_load_module_is_refused_in_firefox() {
    a_changed_first_load_file_is_refused(Engine::Firefox, "start.js");
}

#[test]
fn a_changed_first_load_module_is_refused_in_webkit() {
    a_changed_first_load_file_is_refused(Engine::WebKit, "start.js");
}
