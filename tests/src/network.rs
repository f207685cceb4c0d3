//! Network ground truth for the tests: an HTTPS server (nginx) with keep-alive, and a
//! userspace fault injector in front of it (the kernel here has no netem).

/// The names of the figures cards carry, for the callers of [`Card::figure`].
pub use sitecheck_core::verdict::FigureName;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Waits up to 10 s until a server accepts TCP connections on a loopback port.
/// `server` names it in the failure message, read only when it fails (a log, say).
pub fn wait_for_port(port: u16, server: impl Fn() -> String) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{} did not start on port {port}", server());
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Makes a self-signed certificate and key for `common_name` in `dir` with OpenSSL.
pub fn self_signed_certificate(dir: &std::path::Path, common_name: &str) -> (PathBuf, PathBuf) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            &format!("/CN={common_name}"),
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl (Debian package openssl) makes the test certificate");
    assert!(made.success(), "openssl could not make a certificate");
    (cert, key)
}

/// nginx serving HTTPS on a loopback port with a fresh self-signed certificate.
#[derive(Debug)]
pub struct HttpsServer {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

impl HttpsServer {
    /// A server that lets any page read its answers and their timing (Access-Control-Allow-
    /// Origin and Timing-Allow-Origin), so that the app can use Resource Timing.
    pub fn start() -> HttpsServer {
        HttpsServer::start_with("add_header Access-Control-Allow-Origin *; add_header Timing-Allow-Origin *;")
    }

    /// A server that shares nothing with other origins, as the production platform may: the
    /// app can only time it by the wall clock.
    pub fn start_opaque() -> HttpsServer {
        HttpsServer::start_with("")
    }

    fn start_with(headers: &str) -> HttpsServer {
        let port = crate::webdriver::free_port();
        let dir = std::env::temp_dir().join(format!("sitecheck-nginx-{}-{port}", std::process::id()));
        std::fs::create_dir_all(dir.join("temp")).unwrap();
        let (cert, key) = self_signed_certificate(&dir, "touchpoint.telia.se");
        let server = format!(
            "keepalive_timeout 60s; keepalive_requests 100000;
  server {{
    listen 127.0.0.1:{port} ssl;
    ssl_certificate {cert}; ssl_certificate_key {key};
    location / {{ {headers} add_header Cache-Control no-store; return 200 \"ok\\n\"; }}
  }}",
            cert = cert.display(),
            key = key.display(),
        );
        let child = run_nginx(&dir, port, &server);
        HttpsServer { child, port, dir }
    }
}

/// Debian's nginx in the foreground, its files under `dir` (which has a `temp/` folder), with
/// `http_block` (server blocks and settings) inside `http { }`; returns once `port` answers.
pub fn run_nginx(dir: &std::path::Path, port: u16, http_block: &str) -> Child {
    let temp = dir.join("temp");
    let config = format!(
        "daemon off; master_process off; worker_processes 1; error_log {dir}/error.log; pid {dir}/nginx.pid;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp}; uwsgi_temp_path {temp}; scgi_temp_path {temp};
  {http_block}
}}
",
        dir = dir.display(),
        temp = temp.display(),
    );
    std::fs::write(dir.join("nginx.conf"), config).unwrap();
    let nginx = if std::path::Path::new("/usr/sbin/nginx").is_file() { "/usr/sbin/nginx" } else { "nginx" };
    let child = Command::new(nginx)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .arg("-p")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx (Debian package nginx) runs");
    wait_for_port(port, || format!("nginx (error log: {:?})", std::fs::read_to_string(dir.join("error.log"))));
    child
}

impl Drop for HttpsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What the fault injector does to the client's traffic.
#[derive(Debug, Clone, Copy, Default)]
pub struct Faults {
    pub delay_ms: u64,
    /// Added or taken off each delay, uniformly, from a fixed seed.
    pub jitter_ms: u64,
    /// Chunks per thousand that are lost: the connection goes silent from that chunk on, as a
    /// path that stops delivering does, so the request in flight is never answered.
    pub drop_permille: u64,
}

/// A TCP proxy on loopback that delays each chunk from the client and loses chunks at a given
/// rate. The server's answers pass straight through, so a request's round trip grows by the
/// delay of its one chunk.
///
/// A lost chunk silences its connection rather than cutting it: a cut connection makes
/// browsers send the request again on a fresh one, which would hide the loss; a silent one
/// leaves the request to the page's time bound, which is how loss shows in the field.
#[derive(Debug)]
pub struct FaultProxy {
    pub port: u16,
    stopping: Arc<AtomicBool>,
    /// Chunks lost so far (each silences one connection).
    pub lost: Arc<AtomicU64>,
}

impl FaultProxy {
    pub fn start(target: u16, faults: Faults) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = stopping.clone();
        // One generator for all connections, from a fixed seed: the same faults in every run
        // (give or take the order in which the browser's connections send).
        let faults_rng = Arc::new(std::sync::Mutex::new(fastrand::Rng::with_seed(0x2545_f491_4f6c_dd1d)));
        let lost = Arc::new(AtomicU64::new(0));
        let lost_count = lost.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let (mut client_read, mut server_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let (mut server_read, mut client_write) = (server, client);
                let (faults_rng, lost_count) = (faults_rng.clone(), lost_count.clone());
                std::thread::spawn(move || {
                    let mut buffer = [0u8; 16 * 1024];
                    let (mut first, mut silent) = (true, false);
                    while let Ok(size) = client_read.read(&mut buffer) {
                        if size == 0 {
                            break;
                        }
                        if silent {
                            continue;
                        }
                        // A browser told to use this as its HTTPS proxy opens with CONNECT:
                        // answer it here and tunnel the rest.
                        if std::mem::take(&mut first) && buffer[..size].starts_with(b"CONNECT ") {
                            if client_read.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").is_err() {
                                break;
                            }
                            continue;
                        }
                        // Drawn under one lock: a chunk's loss, then (if it goes on) its jitter.
                        let (lose, jitter_us) = {
                            let mut rng = faults_rng.lock().unwrap();
                            let lose = faults.drop_permille > 0 && rng.u64(0..1000) < faults.drop_permille;
                            let spread_us = (faults.jitter_ms * 1000) as i64;
                            (lose, if !lose && spread_us > 0 { rng.i64(-spread_us..=spread_us) } else { 0 })
                        };
                        if lose {
                            lost_count.fetch_add(1, Ordering::SeqCst);
                            silent = true;
                            continue;
                        }
                        let wait = (faults.delay_ms as i64 * 1000 + jitter_us).max(0) as u64;
                        std::thread::sleep(Duration::from_micros(wait));
                        if server_write.write_all(&buffer[..size]).is_err() {
                            break;
                        }
                    }
                    let _ = server_write.shutdown(Shutdown::Write);
                });
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut server_read, &mut client_write);
                    let _ = client_write.shutdown(Shutdown::Write);
                });
            }
        });
        FaultProxy { port, stopping, lost }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&([127, 0, 0, 1], self.port).into(), Duration::from_millis(200));
    }
}

/// A listener that accepts connections and never says a word.
pub fn silent_listener() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    port
}

/// The platform's name, which the browser is told to send to the fault injector.
pub const PLATFORM_HOST: &str = sitecheck_core::limits::SERVICE_HOST;

/// One network card as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub check: String,
    pub verdict: String,
    pub evidence: String,
    /// The card's `data-` attributes, by name without the prefix ("median-ms" → "20.5").
    pub data: BTreeMap<String, String>,
}

impl Card {
    /// The figure the card carries as `data-<name>`; panics naming the card when it has none
    /// or it is not a number.
    pub fn figure(&self, name: FigureName) -> f64 {
        let key = name.slug();
        self.data
            .get(key)
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("no number in data-{key} of {self:#?}"))
    }

    /// A figure that is a count: as `figure`, and whole.
    pub fn count(&self, name: FigureName) -> u64 {
        let value = self.figure(name);
        assert!(value >= 0.0 && value.fract() == 0.0, "data-{} is {value}, not a count: {self:#?}", name.slug());
        value as u64
    }
}

/// Runs the app's network checks in `engine` against `port` (the platform's name mapped to it
/// in Chromium, the port used as the HTTPS proxy in Firefox and WebKit), with `samples`
/// requests of at most `timeout_ms` each, the page served as `SITECHECK_SERVER` says; returns
/// the cards and how long the page took.
pub fn measure_in(
    engine: crate::browsers::Engine,
    dist: &std::path::Path,
    port: u16,
    samples: usize,
    timeout_ms: u64,
) -> (Vec<Card>, Duration) {
    measure_on(crate::package::Server::from_env(), engine, dist, port, samples, timeout_ms)
}

/// As [`measure_in`], the page served by `server` whatever `SITECHECK_SERVER` says.
pub fn measure_on(
    server: crate::package::Server,
    engine: crate::browsers::Engine,
    dist: &std::path::Path,
    port: u16,
    samples: usize,
    timeout_ms: u64,
) -> (Vec<Card>, Duration) {
    use crate::browsers::Launch;
    let config = format!(r#"{{"https_hosts": ["{PLATFORM_HOST}"], "samples": {samples}, "timeout_ms": {timeout_ms}}}"#);
    let launch = Launch { map_host: Some((PLATFORM_HOST.to_owned(), port)), ..Launch::default() };
    let started = Instant::now();
    let page = crate::page::Page::open_build_on(server, dist, engine, launch, &config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(300)).unwrap();
    let elapsed = started.elapsed();
    (network_cards(&page), elapsed)
}

/// Every network card on the page, in order.
pub fn network_cards(page: &crate::page::Page) -> Vec<Card> {
    let cards = page.run(
        "return Array.from(document.querySelectorAll('.network [data-check]')).map(card => [card.dataset.check, card.dataset.verdict, card.querySelector('.evidence').textContent, Object.fromEntries(Array.from(card.attributes).filter(attribute => attribute.name.startsWith('data-')).map(attribute => [attribute.name.slice(5), attribute.value]))])",
        serde_json::json!([]),
    );
    cards
        .as_array()
        .map(|cards| {
            cards
                .iter()
                .map(|card| {
                    let text = |index: usize| card[index].as_str().unwrap_or_default().to_owned();
                    let data = card[3]
                        .as_object()
                        .map(|data| {
                            data.iter()
                                .map(|(name, value)| (name.clone(), value.as_str().unwrap_or_default().to_owned()))
                                .collect()
                        })
                        .unwrap_or_default();
                    Card { check: text(0), verdict: text(1), evidence: text(2), data }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The loss card of the probe through the TURN relay, where the page has one.
pub fn relayed_loss_card(page: &crate::page::Page) -> Option<Card> {
    network_cards(page).into_iter().find(|card| card.check == "net.packet-loss" && card.evidence.contains("TURN relay"))
}

/// A config with one TURN server on `port` (behind a relay of the test's), and no HTTPS work
/// to speak of.
pub fn turn_only_config(port: u16) -> String {
    format!(
        r#"{{"https_hosts": ["localhost"], "samples": 1, "timeout_ms": 3000, "ice_servers": [
            {{"url": "turn:127.0.0.1:{port}?transport=udp", "username": "{}", "credential": "{}"}}]}}"#,
        TurnServer::USER,
        TurnServer::PASSWORD
    )
}

/// The card for a check; panics naming what was there instead.
pub fn card<'a>(cards: &'a [Card], check: &str) -> &'a Card {
    cards.iter().find(|card| card.check == check).unwrap_or_else(|| panic!("no {check} in {cards:#?}"))
}

/// coturn on loopback, for STUN and TURN (user "sitecheck", password "secret").
#[derive(Debug)]
pub struct TurnServer {
    child: Child,
    pub port: u16,
}

impl TurnServer {
    pub const USER: &'static str = "sitecheck";
    pub const PASSWORD: &'static str = "secret";

    pub fn start() -> TurnServer {
        let port = crate::webdriver::free_port();
        let relay = crate::webdriver::free_port();
        let turnserver =
            if std::path::Path::new("/usr/bin/turnserver").is_file() { "/usr/bin/turnserver" } else { "turnserver" };
        let child = Command::new(turnserver)
            .args([
                "-n",
                "--listening-ip=127.0.0.1",
                "--relay-ip=127.0.0.1",
                "--lt-cred-mech",
                "--realm=sitecheck.test",
            ])
            .args(["--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--no-multicast-peers"])
            .arg(format!("--listening-port={port}"))
            .arg(format!("--user={}:{}", TurnServer::USER, TurnServer::PASSWORD))
            .arg(format!("--min-port={relay}"))
            .arg(format!("--max-port={}", relay.saturating_add(50)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("coturn (Debian package coturn) serves STUN and TURN");
        wait_for_port(port, || "coturn".into());
        TurnServer { child, port }
    }
}

impl Drop for TurnServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A UDP relay in front of a TURN server that drops a share of the media the clients send
/// (TURN ChannelData and Send indications), never the control messages. It logs each media
/// datagram, so tests know exactly the loss they injected.
#[derive(Debug)]
pub struct LossyUdpRelay {
    pub port: u16,
    /// The size of each media datagram, and whether it was dropped, in order.
    pub media: Arc<std::sync::Mutex<Vec<(usize, bool)>>>,
}

impl LossyUdpRelay {
    pub fn start(target: u16, drop_permille: u64) -> LossyUdpRelay {
        LossyUdpRelay::start_capped(target, drop_permille, 0)
    }

    /// As [`LossyUdpRelay::start`], also dropping media beyond `cap_kbps` (0: no cap), as a
    /// thin uplink would.
    pub fn start_capped(target: u16, drop_permille: u64, cap_kbps: u64) -> LossyUdpRelay {
        use std::collections::HashMap;
        use std::net::{SocketAddr, UdpSocket};
        let socket = Arc::new(UdpSocket::bind("127.0.0.1:0").unwrap());
        let port = socket.local_addr().unwrap().port();
        let media_log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = media_log.clone();
        std::thread::spawn(move || {
            let mut upstreams: HashMap<SocketAddr, Arc<UdpSocket>> = HashMap::new();
            // A fixed seed: the same datagrams are dropped in every run.
            let mut rng = fastrand::Rng::with_seed(0x9e37_79b9_7f4a_7c15);
            let mut buffer = [0u8; 65_536];
            // A token bucket of a tenth of a second's worth of bytes.
            let rate = cap_kbps as f64 * 1000.0 / 8.0;
            let (mut tokens, mut last) = (rate / 10.0, Instant::now());
            while let Ok((size, client)) = socket.recv_from(&mut buffer) {
                let upstream = upstreams.entry(client).or_insert_with(|| {
                    let upstream = Arc::new(UdpSocket::bind("127.0.0.1:0").unwrap());
                    let _ = upstream.connect(("127.0.0.1", target));
                    let (back, reply_socket) = (upstream.clone(), socket.clone());
                    std::thread::spawn(move || {
                        let mut reply = [0u8; 65_536];
                        while let Ok(size) = back.recv(&mut reply) {
                            let _ = reply_socket.send_to(&reply[..size], client);
                        }
                    });
                    upstream
                });
                let packet = &buffer[..size];
                // ChannelData starts 0x40–0x7F; a Send indication is STUN method 0x0016.
                let media = matches!(packet.first(), Some(0x40..=0x7f)) || packet.starts_with(&[0x00, 0x16]);
                if media {
                    let mut drop = rng.u64(0..1000) < drop_permille;
                    if cap_kbps > 0 && !drop {
                        let now = Instant::now();
                        tokens = (tokens + rate * now.duration_since(last).as_secs_f64()).min(rate / 10.0);
                        last = now;
                        drop = tokens < size as f64;
                        if !drop {
                            tokens -= size as f64;
                        }
                    }
                    log.lock().unwrap().push((size, drop));
                    if drop {
                        continue;
                    }
                }
                let _ = upstream.send(packet);
            }
        });
        LossyUdpRelay { port, media: media_log }
    }

    /// Media datagrams dropped so far whose size lies in `sizes`. The probe's 160-byte
    /// messages travel one per datagram of 200–300 bytes (DTLS and SCTP around them, and
    /// sometimes an acknowledgement bundled in), apart from the smaller acknowledgements and
    /// handshakes and the 1200-byte messages of the throughput stream: each dropped datagram
    /// of that size is one message lost, out or echoed back.
    pub fn dropped_sized(&self, sizes: std::ops::RangeInclusive<usize>) -> usize {
        self.media.lock().unwrap().iter().filter(|(size, dropped)| *dropped && sizes.contains(size)).count()
    }
}
