//! Launchers for the three engines: Chromium, Firefox ESR and WebKitGTK's MiniBrowser.

use crate::webdriver::{Processes, Result, Session, WebDriverError, free_port, start_driver};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }
}

/// How to start a browser.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Replaces the browser's own user-agent string.
    pub user_agent: Option<String>,
    /// Chromium only: client hints to report with the user agent, as
    /// `navigator.userAgentData.getHighEntropyValues` returns them.
    pub client_hints: Option<Value>,
    /// Hides WebAssembly, as in the browsers 2.5.1 lists that predate it.
    pub without_webassembly: bool,
    /// Hides WebRTC (Chromium, Firefox), as in browsers built without it.
    pub without_webrtc: bool,
    /// Sends a host name to a loopback port (Chromium: `--host-resolver-rules`; Firefox and
    /// WebKit: that port as their HTTPS proxy), and accepts the test server's self-signed
    /// certificate.
    pub map_host: Option<(String, u16)>,
    /// The reader's languages, first preferred ("sv-SE,sv"): `navigator.languages` (Chromium
    /// and Firefox).
    pub languages: Option<String>,
}

/// WebKitGTK's MiniBrowser, wherever the distribution put it.
pub fn minibrowser() -> Option<PathBuf> {
    let libraries = std::fs::read_dir("/usr/lib").ok()?;
    libraries
        .flatten()
        .flat_map(|entry| {
            ["webkit2gtk-4.1", "webkitgtk-6.0", "webkit2gtk-4.0"].map(|dir| entry.path().join(dir).join("MiniBrowser"))
        })
        .find(|path| path.is_file())
}

/// Starts a virtual X display for WebKit, which has no headless mode; returns it and its name.
fn start_display() -> Result<(Child, String)> {
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x1024x24"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| {
            WebDriverError(format!("cannot start Xvfb: {error} (run `cargo xtask test` to install it)"))
        })?;
    let mut line = String::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    let number = line.trim();
    if number.is_empty() {
        let _ = child.kill();
        return Err(WebDriverError("Xvfb did not report a display".into()));
    }
    let display = format!(":{number}");
    Ok((child, display))
}

/// Opens a session in the given engine.
pub fn launch(engine: Engine, options: &Launch) -> Result<Session> {
    // On a loaded 2-core machine a browser now and then takes longer to start than the driver
    // waits (Firefox ESR most often): one fresh attempt, with its own driver, before failing.
    launch_once(engine, options).or_else(|first| {
        eprintln!("{}: the session did not start ({first}); trying once more", engine.name());
        launch_once(engine, options).map_err(|second| WebDriverError(format!("{second} (the first attempt: {first})")))
    })
}

fn launch_once(engine: Engine, options: &Launch) -> Result<Session> {
    let port = free_port();
    match engine {
        Engine::Chromium => {
            let mut args = vec![
                "--headless=new".to_owned(),
                "--no-sandbox".to_owned(),
                "--disable-gpu".to_owned(),
                "--disable-dev-shm-usage".to_owned(),
                "--disable-background-networking".to_owned(),
                "--disable-component-update".to_owned(),
                "--disable-sync".to_owned(),
                "--disable-quic".to_owned(),
                "--no-first-run".to_owned(),
                "--window-size=1280,1024".to_owned(),
            ];
            // Tests reach nothing but loopback: every other name fails to resolve, so no query
            // ever leaves this machine.
            let mapped = options
                .map_host
                .as_ref()
                .map(|(host, port)| format!("MAP {host} 127.0.0.1:{port} , "))
                .unwrap_or_default();
            args.push(format!("--host-resolver-rules={mapped}MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"));
            if let Some(languages) = &options.languages {
                args.push(format!("--accept-lang={languages}"));
                args.push(format!("--lang={}", languages.split(',').next().unwrap_or_default()));
            }
            let mut chrome_options = json!({ "binary": "/usr/bin/chromium" });
            match (&options.user_agent, &options.client_hints) {
                // Hints travel with the user agent through device emulation.
                (Some(user_agent), Some(hints)) => {
                    chrome_options["mobileEmulation"] = json!({ "userAgent": user_agent, "clientHints": hints });
                }
                (Some(user_agent), None) => args.push(format!("--user-agent={user_agent}")),
                (None, Some(_)) => return Err(WebDriverError("client hints need a user agent to go with".into())),
                (None, None) => {}
            }
            chrome_options["args"] = json!(args);
            let mut command = Command::new("chromedriver");
            command.arg(format!("--port={port}"));
            let (driver, base) = start_driver(command, port)?;
            let capabilities = json!({ "alwaysMatch": {
                "browserName": "chrome",
                "acceptInsecureCerts": options.map_host.is_some(),
                "goog:chromeOptions": chrome_options,
            }});
            let session = Session::new(base, capabilities, Processes(vec![driver]))?;
            // No command-line switch hides WebAssembly or WebRTC: remove them before any page
            // script runs.
            let mut hidden = Vec::new();
            if options.without_webassembly {
                hidden.push("delete window.WebAssembly;");
            }
            if options.without_webrtc {
                hidden.push("delete window.RTCPeerConnection; delete window.webkitRTCPeerConnection;");
            }
            if !hidden.is_empty() {
                let source = hidden.concat();
                session.chromium_devtools("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }))?;
            }
            Ok(session)
        }
        Engine::Firefox => {
            let mut prefs = serde_json::Map::new();
            // Keep the browser off the network it cannot reach here.
            for (name, value) in [
                ("app.update.enabled", json!(false)),
                ("browser.shell.checkDefaultBrowser", json!(false)),
                ("datareporting.policy.dataSubmissionEnabled", json!(false)),
                ("network.captive-portal-service.enabled", json!(false)),
                ("network.connectivity-service.enabled", json!(false)),
                // The tests' STUN and TURN servers are on loopback, which ICE skips by default.
                ("media.peerconnection.ice.loopback", json!(true)),
            ] {
                prefs.insert(name.to_owned(), value);
            }
            if let Some(user_agent) = &options.user_agent {
                prefs.insert("general.useragent.override".to_owned(), Value::String(user_agent.clone()));
            }
            if let Some(languages) = &options.languages {
                prefs.insert("intl.accept_languages".to_owned(), Value::String(languages.clone()));
            }
            if options.without_webassembly {
                prefs.insert("javascript.options.wasm".to_owned(), json!(false));
            }
            if options.client_hints.is_some() {
                return Err(WebDriverError("Firefox has no client hints".into()));
            }
            if options.without_webrtc {
                prefs.insert("media.peerconnection.enabled".to_owned(), json!(false));
            }
            // Firefox cannot map a name to a port; the port becomes its proxy instead, which the
            // fault injector answers (CONNECT) and tunnels. Without a mapping the proxy is a
            // closed loopback port: either way no name is resolved off this machine.
            let proxy_port = options.map_host.as_ref().map_or(9, |(_, port)| *port);
            for scheme in ["http", "ssl"] {
                prefs.insert(format!("network.proxy.{scheme}"), json!("127.0.0.1"));
                prefs.insert(format!("network.proxy.{scheme}_port"), json!(proxy_port));
            }
            prefs.insert("network.proxy.type".to_owned(), json!(1));
            prefs.insert("network.proxy.no_proxies_on".to_owned(), json!("localhost, 127.0.0.1"));
            let mut command = Command::new("geckodriver");
            command.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
            let (driver, base) = start_driver(command, port)?;
            let capabilities = json!({ "alwaysMatch": {
                "browserName": "firefox",
                "acceptInsecureCerts": options.map_host.is_some(),
                "moz:firefoxOptions": { "binary": "/usr/bin/firefox-esr", "args": ["-headless"], "prefs": prefs },
            }});
            Session::new(base, capabilities, Processes(vec![driver]))
        }
        Engine::WebKit => {
            if options.client_hints.is_some() || options.without_webassembly || options.without_webrtc {
                return Err(WebDriverError(
                    "MiniBrowser cannot emulate client hints or hide WebAssembly or WebRTC".into(),
                ));
            }
            let binary = minibrowser()
                .ok_or_else(|| WebDriverError("MiniBrowser not found: install libwebkit2gtk-4.1-0".into()))?;
            let (display, name) = start_display()?;
            // As with Firefox, a mapped port becomes the proxy (the fault injector answers
            // CONNECT); otherwise a closed loopback proxy keeps every name on this machine.
            let proxy_port = options.map_host.as_ref().map_or(9, |(_, port)| *port);
            let mut args = vec![
                "--automation".to_owned(),
                format!("--proxy=http://127.0.0.1:{proxy_port}"),
                "--ignore-host=localhost".to_owned(),
                "--ignore-host=127.0.0.1".to_owned(),
            ];
            if let Some(user_agent) = &options.user_agent {
                args.push(format!("--user-agent={user_agent}"));
            }
            let mut command = Command::new("WebKitWebDriver");
            command.arg(format!("--port={port}")).env("DISPLAY", &name);
            let started = start_driver(command, port);
            let (driver, base) = match started {
                Ok(started) => started,
                Err(error) => {
                    drop(Processes(vec![display]));
                    return Err(error);
                }
            };
            let capabilities = json!({ "alwaysMatch": {
                "acceptInsecureCerts": options.map_host.is_some(),
                "webkitgtk:browserOptions": { "binary": binary, "args": args },
            }});
            // The display goes last so that the browser closes before it.
            Session::new(base, capabilities, Processes(vec![display, driver]))
        }
    }
}
