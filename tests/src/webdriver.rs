//! A minimal W3C WebDriver client over blocking HTTP: sessions, navigation, script, elements.

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What went wrong talking to a driver.
#[derive(Debug)]
pub struct WebDriverError(pub String);

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebDriverError {}

pub type Result<T> = std::result::Result<T, WebDriverError>;

/// A free loopback port, for a driver to listen on.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).map_or(0, |address| address.port())
}

/// Processes that must end with the session: the driver, and for WebKit a virtual display.
#[derive(Debug)]
pub struct Processes(pub Vec<Child>);

impl Drop for Processes {
    fn drop(&mut self) {
        for child in self.0.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts a driver binary on a free port and waits until it reports ready.
pub fn start_driver(mut command: Command, port: u16) -> Result<(Child, String)> {
    let program = command.get_program().to_string_lossy().into_owned();
    let child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().map_err(|error| {
        WebDriverError(format!("cannot start {program}: {error} (run `cargo xtask test` to install it)"))
    })?;
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let status = ureq::get(&format!("{base}/status")).timeout(Duration::from_secs(2)).call();
        if status.is_ok_and(|response| response.into_json::<Value>().is_ok()) {
            return Ok((child, base));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(WebDriverError(format!("{program} did not answer on port {port} within 30 s")))
}

/// Sends one command; WebDriver errors come back as `Err` with the driver's message.
fn call(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let request = ureq::request(method, url).timeout(Duration::from_secs(60));
    let response = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    let json: Value = match response {
        Ok(response) => response.into_json().map_err(|error| WebDriverError(format!("{method} {url}: {error}")))?,
        Err(ureq::Error::Status(code, response)) => {
            let body: Value = response.into_json().unwrap_or(Value::Null);
            return Err(WebDriverError(format!("{method} {url}: HTTP {code}: {}", body["value"])));
        }
        Err(error) => return Err(WebDriverError(format!("{method} {url}: {error}"))),
    };
    Ok(json["value"].clone())
}

/// An open browser session. Dropping it closes the browser and ends its processes.
#[derive(Debug)]
pub struct Session {
    base: String,
    id: String,
    /// What the driver says it started: `browserName`, `browserVersion`, ...
    pub capabilities: Value,
    _processes: Processes,
}

/// A found element's reference.
#[derive(Debug, Clone)]
pub struct Element(String);

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Session {
    pub fn new(base: String, capabilities: Value, processes: Processes) -> Result<Session> {
        let value = call("POST", &format!("{base}/session"), Some(json!({ "capabilities": capabilities })))?;
        let id =
            value["sessionId"].as_str().ok_or_else(|| WebDriverError(format!("no session id in {value}")))?.to_owned();
        Ok(Session { base, id, capabilities: value["capabilities"].clone(), _processes: processes })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{path}", self.base, self.id)
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        call("POST", &self.url("/url"), Some(json!({ "url": url }))).map(drop)
    }

    /// Runs a synchronous script; its `return` value comes back as JSON.
    pub fn execute(&self, script: &str, arguments: Value) -> Result<Value> {
        call("POST", &self.url("/execute/sync"), Some(json!({ "script": script, "args": arguments })))
    }

    pub fn find(&self, css: &str) -> Result<Element> {
        let value = call("POST", &self.url("/element"), Some(json!({ "using": "css selector", "value": css })))?;
        value[ELEMENT_KEY]
            .as_str()
            .map(|id| Element(id.to_owned()))
            .ok_or_else(|| WebDriverError(format!("no element {css}")))
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let value = call("POST", &self.url("/elements"), Some(json!({ "using": "css selector", "value": css })))?;
        Ok(value
            .as_array()
            .map(|items| {
                items.iter().filter_map(|item| item[ELEMENT_KEY].as_str()).map(|id| Element(id.to_owned())).collect()
            })
            .unwrap_or_default())
    }

    /// Waits for an element to appear, polling; the error names the selector and the wait.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.find(css) {
                Ok(element) => return Ok(element),
                Err(error) if Instant::now() >= deadline => {
                    let (url, source) = (self.current_url(), self.source());
                    let source: String = source.chars().take(2000).collect();
                    return Err(WebDriverError(format!(
                        "{css} did not appear within {timeout:?} at {url}: {error}\npage: {source}"
                    )));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    /// The page's current DOM as HTML, for failure messages.
    pub fn source(&self) -> String {
        call("GET", &self.url("/source"), None)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn current_url(&self) -> String {
        call("GET", &self.url("/url"), None)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn text(&self, element: &Element) -> Result<String> {
        let value = call("GET", &self.url(&format!("/element/{}/text", element.0)), None)?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    pub fn attribute(&self, element: &Element, name: &str) -> Result<Option<String>> {
        let value = call("GET", &self.url(&format!("/element/{}/attribute/{name}", element.0)), None)?;
        Ok(value.as_str().map(str::to_owned))
    }

    pub fn click(&self, element: &Element) -> Result<()> {
        call("POST", &self.url(&format!("/element/{}/click", element.0)), Some(json!({}))).map(drop)
    }

    /// Types into an element, after clearing it.
    pub fn type_into(&self, element: &Element, text: &str) -> Result<()> {
        call("POST", &self.url(&format!("/element/{}/clear", element.0)), Some(json!({})))?;
        call("POST", &self.url(&format!("/element/{}/value", element.0)), Some(json!({ "text": text }))).map(drop)
    }

    /// Presses and releases one key (a W3C WebDriver key code such as "\u{E004}", Tab) where
    /// the focus is, as a keyboard does.
    pub fn press_key(&self, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ] }] });
        call("POST", &self.url("/actions"), Some(actions)).map(drop)
    }

    /// Chooses files in an `<input type="file">`, as a person does in its dialog (WebDriver's
    /// element send keys with the paths, one a line; no clearing first).
    pub fn choose_files(&self, element: &Element, paths: &[&std::path::Path]) -> Result<()> {
        let text: Vec<String> = paths.iter().map(|path| path.display().to_string()).collect();
        call("POST", &self.url(&format!("/element/{}/value", element.0)), Some(json!({ "text": text.join("\n") })))
            .map(drop)
    }

    /// Accepts (OK) or dismisses (Cancel) the open alert or confirm dialog.
    pub fn answer_dialog(&self, accept: bool) -> Result<()> {
        let action = if accept { "accept" } else { "dismiss" };
        call("POST", &self.url(&format!("/alert/{action}")), Some(json!({}))).map(drop)
    }

    /// Prints the page to PDF (W3C "Print Page"), A4.
    pub fn print_pdf(&self) -> Result<Vec<u8>> {
        let value = call("POST", &self.url("/print"), Some(json!({ "page": { "width": 21.0, "height": 29.7 } })))?;
        let text = value.as_str().ok_or_else(|| WebDriverError("no PDF in the answer".into()))?;
        base64_decode(text).ok_or_else(|| WebDriverError("the PDF is not valid base64".into()))
    }

    /// The visible page as PNG (W3C "Take Screenshot"), for looking at what a test drove.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let value = call("GET", &self.url("/screenshot"), None)?;
        let text = value.as_str().ok_or_else(|| WebDriverError("no screenshot in the answer".into()))?;
        base64_decode(text).ok_or_else(|| WebDriverError("the screenshot is not valid base64".into()))
    }

    /// Chromium only: runs a DevTools protocol command through chromedriver.
    pub fn chromium_devtools(&self, command: &str, parameters: Value) -> Result<Value> {
        call("POST", &self.url("/goog/cdp/execute"), Some(json!({ "cmd": command, "params": parameters })))
    }

    /// The browser's major version as the driver reports it.
    pub fn browser_major(&self) -> Option<u32> {
        self.capabilities["browserVersion"].as_str()?.split('.').next()?.parse().ok()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.base, self.id)).timeout(Duration::from_secs(10)).call();
    }
}

/// Standard base64, as WebDriver sends PDFs and screenshots. Padding may be left out and
/// whitespace (as in wrapped output) is skipped, so that no driver's spelling fails a test.
const WEBDRIVER_BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let compact: Vec<u8> = text.bytes().filter(|byte| !byte.is_ascii_whitespace()).collect();
    WEBDRIVER_BASE64.decode(compact).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_decodes() {
        assert_eq!(super::base64_decode("JVBERi0xLjQ=").unwrap(), b"%PDF-1.4");
        assert_eq!(super::base64_decode("YWI=").unwrap(), b"ab");
        assert_eq!(super::base64_decode("YWJj").unwrap(), b"abc");
        assert_eq!(super::base64_decode("YWI").unwrap(), b"ab");
        assert_eq!(super::base64_decode("YW\r\nJj\n").unwrap(), b"abc");
        assert_eq!(super::base64_decode("").unwrap(), b"");
        assert!(super::base64_decode("a*").is_none());
        assert!(super::base64_decode("YW-j").is_none());
    }
}
