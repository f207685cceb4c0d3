//! A static file server for loopback: enough HTTP/1.1 for browsers to load the built app,
//! mounted under any sub-path, with the content types WebAssembly streaming needs.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; it stops when dropped.
#[derive(Debug)]
pub struct StaticServer {
    address: SocketAddr,
    prefix: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// The bodies of the CSP violation reports browsers posted to `REPORTS`.
    reports: Arc<Mutex<Vec<String>>>,
}

/// Where browsers post Content-Security-Policy violation reports (`report-uri`).
pub const REPORTS: &str = "/csp-report";

/// What every response carries besides its type: the headers the intranet package's server
/// samples send.
#[derive(Debug, Clone, Default)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    /// The app's security headers: `policy` with violations reported here, no referrer, no
    /// content sniffing.
    pub fn secure(policy: &str) -> Headers {
        Headers(vec![
            ("Content-Security-Policy".into(), format!("{policy}; report-uri {REPORTS}")),
            ("Referrer-Policy".into(), "no-referrer".into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
            ("X-UA-Compatible".into(), "IE=edge".into()),
        ])
    }
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; port 0 picks a free one.
    /// `prefix` starts and ends with '/', e.g. "/" or "/intranet/tools/sitecheck/".
    pub fn start(root: &Path, prefix: &str, port: u16) -> io::Result<StaticServer> {
        StaticServer::start_with(root, prefix, port, Headers::default())
    }

    /// As `start`, every response with `headers`.
    pub fn start_with(root: &Path, prefix: &str, port: u16, headers: Headers) -> io::Result<StaticServer> {
        let prefix = normalise_prefix(prefix);
        let reports = Arc::new(Mutex::new(Vec::new()));
        let (thread_reports, headers) = (reports.clone(), Arc::new(headers));
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let (root, thread_prefix, thread_stopping) = (root.to_path_buf(), prefix.clone(), stopping.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if thread_stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (root, prefix, reports, headers) =
                    (root.clone(), thread_prefix.clone(), thread_reports.clone(), headers.clone());
                std::thread::spawn(move || {
                    // A client that goes away mid-request is not the server's problem.
                    let _ = serve_connection(stream, &root, &prefix, &headers, &reports);
                });
            }
        });
        Ok(StaticServer { address, prefix, stopping, thread: Some(thread), reports })
    }

    /// A server of no files that only takes CSP violation reports at `REPORTS`, for pages
    /// another server sends.
    pub fn reports_only() -> io::Result<StaticServer> {
        // A root that does not exist: every file is "not found".
        let nowhere = std::env::temp_dir().join(format!("sitecheck-no-files-{}", std::process::id()));
        StaticServer::start(&nowhere.join("none"), "/", 0)
    }

    /// The CSP violation reports received since the last call.
    pub fn take_csp_reports(&self) -> Vec<String> {
        self.reports.lock().map(|mut reports| std::mem::take(&mut *reports)).unwrap_or_default()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The app's URL, ending in '/'.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.address, self.prefix)
    }

    /// Blocks until the process ends; for `cargo xtask serve`.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_millis(200));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn normalise_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() { "/".to_owned() } else { format!("/{trimmed}/") }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file below `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, prefix: &str, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let relative = path.strip_prefix(prefix)?;
    let relative = sitecheck_core::link::percent_decode(relative)?;
    let mut file = root.to_path_buf();
    for component in Path::new(&relative).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut response = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn serve_connection(
    mut stream: TcpStream,
    root: &Path,
    prefix: &str,
    extra: &Headers,
    reports: &Mutex<Vec<String>>,
) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Only a report's length matters here; nothing else in the headers changes what a static
    // server sends.
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method == "POST" && target == REPORTS {
        let mut body = vec![0; length.min(1 << 20)];
        reader.read_exact(&mut body)?;
        if let Ok(mut reports) = reports.lock() {
            reports.push(String::from_utf8_lossy(&body).into_owned());
        }
        return respond(&mut stream, "204 No Content", &[], b"", false);
    }
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(&mut stream, "405 Method Not Allowed", &[("Allow", "GET, HEAD".into())], b"", false);
    }
    // "/sub/path" without the slash: send the browser to the folder so relative URLs work.
    if format!("{target}/") == prefix {
        return respond(&mut stream, "301 Moved Permanently", &[("Location", prefix.to_owned())], b"", head_only);
    }
    match resolve(root, prefix, target) {
        Some(file) => {
            let mut body = Vec::new();
            std::fs::File::open(&file)?.read_to_end(&mut body)?;
            let mut headers =
                vec![("Content-Type", content_type(&file).to_owned()), ("Cache-Control", "no-cache".to_owned())];
            headers.extend(extra.0.iter().map(|(name, value)| (name.as_str(), value.clone())));
            respond(&mut stream, "200 OK", &headers, &body, head_only)
        }
        None => {
            respond(&mut stream, "404 Not Found", &[("Content-Type", "text/plain".into())], b"not found\n", head_only)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_only_inside_the_root_and_prefix() {
        let root = std::env::temp_dir().join(format!("sitecheck-server-test-{}", std::process::id()));
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(root.join("assets/app.wasm"), "wasm").unwrap();
        let check = |prefix: &str, target: &str, expected: Option<&str>| {
            assert_eq!(resolve(&root, prefix, target), expected.map(|file| root.join(file)), "{prefix} {target}");
        };
        check("/", "/", Some("index.html"));
        check("/", "/assets/app.wasm?v=1", Some("assets/app.wasm"));
        check("/a/b/", "/a/b/", Some("index.html"));
        check("/a/b/", "/a/b/assets/app%2Ewasm", Some("assets/app.wasm"));
        check("/a/b/", "/", None);
        check("/", "/../etc/passwd", None);
        check("/", "/assets/%2e%2e/%2e%2e/etc/passwd", None);
        check("/", "/%zz", None);
        check("/", "/missing.js", None);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn prefixes_are_normalised() {
        assert_eq!(normalise_prefix(""), "/");
        assert_eq!(normalise_prefix("/"), "/");
        assert_eq!(normalise_prefix("intranet/sitecheck"), "/intranet/sitecheck/");
    }
}
