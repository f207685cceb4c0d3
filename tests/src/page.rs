//! A browser session on the app, with the helpers tests share.

use crate::browsers::{Engine, Launch, launch};
use crate::package::{Nginx, Server};
use crate::server::{Headers, StaticServer};
use crate::webdriver::Session;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Intranets host the files under any path: tests use a deep one.
pub const SUB_PATH: &str = "/intranet/tools/sitecheck/";
pub const FIRST_VERDICT: Duration = Duration::from_secs(20);

/// Points the network checks at this machine: tests never measure the production platform.
pub const HERMETIC_CONFIG: &str = r#"{"https_hosts": ["localhost"], "samples": 2, "timeout_ms": 1000}"#;

#[derive(Debug)]
pub struct Page {
    pub session: Session,
    /// The app's address.
    pub url: String,
    /// The server, when this page started one.
    pub server: Option<Served>,
}

/// What serves a page and hears its CSP violations; it stops, and its copy of the build goes,
/// when dropped.
#[derive(Debug)]
pub struct Served {
    /// nginx, when it serves the page.
    nginx: Option<Nginx>,
    /// The built-in server: the page itself, or with nginx only the violation reports.
    reporter: StaticServer,
    /// The copy of the build the page is served from.
    copy: PathBuf,
}

impl Served {
    /// Serves `copy` (a build with its `config.json`) under [`SUB_PATH`] with `policy`, the
    /// policy's violations reported to the built-in server.
    pub fn start(server: Server, copy: PathBuf, policy: &str) -> Served {
        match server {
            Server::BuiltIn => {
                let reporter =
                    StaticServer::start_with(&copy, SUB_PATH, 0, Headers::secure(policy)).expect("serve the build");
                Served { nginx: None, reporter, copy }
            }
            Server::Nginx => {
                let reporter = StaticServer::reports_only().expect("listen for CSP reports");
                let nginx = Nginx::serve(&copy, SUB_PATH, policy, &reporter);
                Served { nginx: Some(nginx), reporter, copy }
            }
        }
    }

    /// The app's URL, ending in '/'.
    pub fn url(&self) -> String {
        self.nginx.as_ref().map_or_else(|| self.reporter.url(), Nginx::url)
    }

    /// The CSP violation reports received since the last call.
    pub fn take_csp_reports(&self) -> Vec<String> {
        self.reporter.take_csp_reports()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.copy);
    }
}

impl Page {
    /// Serves the release build and opens it in a fresh browser profile.
    pub fn open(engine: Engine, options: Launch) -> Page {
        Page::open_with_config(engine, options, HERMETIC_CONFIG)
    }

    /// Serves a copy of the release build with this `config.json` beside `index.html`, as an
    /// intranet administrator would place it.
    pub fn open_with_config(engine: Engine, options: Launch, config: &str) -> Page {
        Page::open_build_with_config(&crate::dist_dir(), engine, options, config)
    }

    /// As [`Page::open_with_config`], for a given build, on the server `SITECHECK_SERVER`
    /// names.
    pub fn open_build_with_config(dist: &Path, engine: Engine, options: Launch, config: &str) -> Page {
        Page::open_build_on(Server::from_env(), dist, engine, options, config)
    }

    /// As [`Page::open_build_with_config`], on a given server.
    pub fn open_build_on(server: Server, dist: &Path, engine: Engine, options: Launch, config: &str) -> Page {
        let copy = std::env::temp_dir().join(format!(
            "sitecheck-dist-{}-{}",
            std::process::id(),
            crate::webdriver::free_port()
        ));
        std::fs::create_dir_all(&copy).unwrap();
        copy_tree(dist, &copy);
        std::fs::write(copy.join("config.json"), config).unwrap();
        // nginx would send a precompressed config.json.gz, were there one, in this one's place.
        let _ = std::fs::remove_file(copy.join("config.json.gz"));
        // The policy an administrator would send with this config (a config the app refuses
        // leaves the production targets in force).
        let targets = sitecheck_core::targets::Targets::parse(config).unwrap_or_default();
        let served = Served::start(server, copy, &targets.content_security_policy());
        let session = launch(engine, &options).unwrap_or_else(|error| panic!("{}: {error}", engine.name()));
        session.goto(&served.url()).unwrap();
        Page { session, url: served.url(), server: Some(served) }
    }

    /// A second person: a fresh browser profile on the same server, not yet on any page.
    pub fn another_browser(&self, engine: Engine) -> Page {
        let session = launch(engine, &Launch::default()).unwrap_or_else(|error| panic!("{}: {error}", engine.name()));
        Page { session, url: self.url.clone(), server: None }
    }

    /// Runs a script and returns its value; panics with the script on failure.
    pub fn run(&self, script: &str, arguments: Value) -> Value {
        self.session.execute(script, arguments).unwrap_or_else(|error| panic!("{script}: {error}"))
    }

    /// Waits until the checks have read everything they read asynchronously.
    pub fn wait_ready(&self) {
        self.session.wait_for(".checks[data-ready='true']", FIRST_VERDICT).unwrap();
    }

    pub fn text_of(&self, css: &str) -> String {
        let element = self.session.wait_for(css, Duration::from_secs(5)).unwrap();
        self.session.text(&element).unwrap()
    }

    /// A figure the page publishes as a `data-*` attribute: tests read these, never sentences.
    pub fn attribute_of(&self, css: &str, name: &str) -> String {
        let element = self.session.wait_for(css, Duration::from_secs(5)).unwrap();
        self.session.attribute(&element, name).unwrap().unwrap_or_else(|| panic!("{css} has no {name}"))
    }

    /// Clicks as a person does, once the element has stopped moving: results arriving above it
    /// (the network cards) move what is below, and a click aimed before they land can miss
    /// (WebKit's driver then clicks whatever is there, and says nothing).
    pub fn click(&self, css: &str) {
        let element = self.session.wait_for(css, Duration::from_secs(5)).unwrap();
        self.wait_until_still(css);
        self.session.click(&element).unwrap_or_else(|error| panic!("click {css}: {error}"));
    }

    /// Waits (3 s at most) until `css`'s place on the page is the same twice, 100 ms apart.
    fn wait_until_still(&self, css: &str) {
        let place = || {
            self.run(
                "const box = document.querySelector(arguments[0])?.getBoundingClientRect();
                 return box ? [Math.round(box.left + scrollX), Math.round(box.top + scrollY)] : null;",
                json!([css]),
            )
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(3);
        let mut last = place();
        while std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            let now = place();
            if now == last {
                return;
            }
            last = now;
        }
    }

    pub fn type_into(&self, css: &str, text: &str) {
        let element = self.session.wait_for(css, Duration::from_secs(5)).unwrap();
        self.session.type_into(&element, text).unwrap_or_else(|error| panic!("type into {css}: {error}"));
    }

    pub fn choose_files(&self, css: &str, paths: &[&Path]) {
        let element = self.session.wait_for(css, Duration::from_secs(5)).unwrap();
        self.session.choose_files(&element, paths).unwrap_or_else(|error| panic!("choose files in {css}: {error}"));
    }

    /// Polls a script until it returns something other than null or false.
    pub fn poll(&self, script: &str, timeout: Duration) -> Value {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let value = self.run(script, json!([]));
            if !value.is_null() && value != Value::Bool(false) {
                return value;
            }
            assert!(std::time::Instant::now() < deadline, "{script} stayed null for {timeout:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks a download button and returns (file name, contents) as the page made them. A
    /// blob is read where it is made (the page's policy allows no fetch of blob: URLs). Files
    /// made in the worker wait for it to start: on a loaded machine that takes seconds.
    pub fn download(&self, css: &str) -> (String, String) {
        let hook = r#"
            window.__saved = null;
            const blobs = new Map();
            const create = URL.createObjectURL;
            URL.createObjectURL = function (blob) { const url = create(blob); blobs.set(url, blob); return url; };
            HTMLAnchorElement.prototype.click = function () {
                const name = this.download;
                const blob = blobs.get(this.href);
                (blob ? blob.text() : fetch(this.href).then(r => r.text()))
                    .then(text => { window.__saved = { name, text }; });
            };
        "#;
        self.run(hook, json!([]));
        self.click(css);
        let saved = self.poll("return window.__saved", Duration::from_secs(30));
        (saved["name"].as_str().unwrap_or_default().to_owned(), saved["text"].as_str().unwrap_or_default().to_owned())
    }

    /// The CSP violations the browser reported to this page's server since the last call.
    pub fn take_csp_reports(&self) -> Vec<String> {
        self.server.as_ref().map(Served::take_csp_reports).unwrap_or_default()
    }

    pub fn reload(&self) {
        self.session.goto(&self.url).unwrap();
        self.wait_ready();
    }
}

/// Every test behind the app's policy fails on a violation: the browser reports it to the
/// server (`report-uri`), and the page checks when the test is done with it. Reports are
/// posted a moment after the violation, hence the short wait.
impl Drop for Page {
    fn drop(&mut self) {
        if std::thread::panicking() || self.server.is_none() {
            return;
        }
        std::thread::sleep(Duration::from_millis(300));
        let reports = self.take_csp_reports();
        assert!(reports.is_empty(), "the page broke its Content-Security-Policy:\n{}", reports.join("\n"));
    }
}

/// Copies a folder with everything below it (the build has `snippets/` for inline JavaScript).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
