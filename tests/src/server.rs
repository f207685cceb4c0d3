//! A static file server for loopback: enough HTTP/1.1 for browsers to load the built app,
//! mounted under any sub-path, with the content types WebAssembly streaming needs.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; it stops when dropped.
#[derive(Debug)]
pub struct StaticServer {
    address: SocketAddr,
    prefix: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; port 0 picks a free one.
    /// `prefix` starts and ends with '/', e.g. "/" or "/intranet/tools/sitecheck/".
    pub fn start(root: &Path, prefix: &str, port: u16) -> io::Result<StaticServer> {
        let prefix = normalise_prefix(prefix);
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
                let (root, prefix) = (root.clone(), thread_prefix.clone());
                std::thread::spawn(move || {
                    // A client that goes away mid-request is not the server's problem.
                    let _ = serve_connection(stream, &root, &prefix);
                });
            }
        });
        Ok(StaticServer { address, prefix, stopping, thread: Some(thread) })
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

fn serve_connection(mut stream: TcpStream, root: &Path, prefix: &str) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and drop the headers; nothing in them changes what a static server sends.
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
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
            let headers = [("Content-Type", content_type(&file).to_owned()), ("Cache-Control", "no-cache".to_owned())];
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
