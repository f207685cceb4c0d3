//! `sitecheck probe` against real servers on loopback: OpenSSL's TLS server, plain TCP, an NTP
//! responder, and servers that refuse or never answer.

use std::io::Write;
use std::net::{TcpListener, UdpSocket};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// OpenSSL's test server with a fresh self-signed certificate.
fn tls_server() -> (Killed, u16) {
    let dir = std::env::temp_dir().join(format!("sitecheck-probe-{}-{}", std::process::id(), free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert, key) = sitecheck_e2e::network::self_signed_certificate(&dir, "localhost");
    let port = free_port();
    let child = Command::new("openssl")
        .args(["s_server", "-quiet", "-accept", &format!("127.0.0.1:{port}"), "-cert"])
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server");
    sitecheck_e2e::network::wait_for_port(port, || "openssl s_server".into());
    (Killed(child), port)
}

/// Answers NTP client requests with a server reply of stratum 2.
fn ntp_server() -> u16 {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = socket.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 512];
        while let Ok((size, from)) = socket.recv_from(&mut buffer) {
            if size >= 48 {
                let mut reply = [0u8; 48];
                reply[0] = 0x24; // version 4, mode 4 (server)
                reply[1] = 2;
                let _ = socket.send_to(&reply, from);
            }
        }
    });
    port
}

/// A UDP port that swallows everything.
fn silent_udp() -> (UdpSocket, u16) {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = socket.local_addr().unwrap().port();
    (socket, port)
}

fn probe(config: &str) -> (Output, serde_json::Value, Duration) {
    let path = std::env::temp_dir().join(format!("sitecheck-probe-config-{}-{}.json", std::process::id(), free_port()));
    std::fs::write(&path, config).unwrap();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitecheck"))
        .args(["probe", "--json", "--config"])
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().flush().unwrap();
    let output = child.wait_with_output().unwrap();
    let elapsed = started.elapsed();
    let report = serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    (output, report, elapsed)
}

fn check<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["check"] == name)
        .unwrap_or_else(|| panic!("no {name} in {report:#}"))
}

fn config(ports: &[(u16, u16)]) -> String {
    let ports: Vec<String> = ports.iter().map(|(from, to)| format!("\"{from}\": {to}")).collect();
    format!(
        r#"{{"https_hosts": ["localhost"], "platform_address": "127.0.0.1", "ports": {{{}}}, "timeout_ms": 1000, "samples": 10}}"#,
        ports.join(", ")
    )
}

#[test]
fn a_healthy_site_passes_every_check_it_can_make() {
    let (_tls, tls) = tls_server();
    let (http, ntp) = (sitecheck_e2e::network::silent_listener(), ntp_server());
    let (output, report, _) = probe(&config(&[(80, http), (443, tls), (5061, tls), (9443, tls), (123, ntp)]));
    assert!(output.status.success(), "{report:#}\n{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(check(&report, "DNS localhost")["verdict"], "pass");
    assert!(check(&report, "DNS localhost")["evidence"].as_str().unwrap().contains("outside 81.228.2.192/27"));
    assert_eq!(check(&report, "6.1.1 TCP/80")["verdict"], "pass");
    for name in ["6.1.2 TCP/443", "6.2.1 TCP/5061", "6.3.2 TCP/9443"] {
        let row = check(&report, name);
        assert_eq!(row["verdict"], "pass", "{row}");
        assert!(row["evidence"].as_str().unwrap().contains("TLS 1.3 handshake answered"), "{row}");
    }
    assert!(check(&report, "6.3.1 UDP/123")["evidence"].as_str().unwrap().contains("stratum 2"));
    assert_eq!(check(&report, "6.2.2 UDP/49152-65535")["verdict"], "needs-confirmation");
    let network = report["network"].as_array().unwrap();
    assert_eq!(network.len(), 3);
    assert!(network.iter().all(|finding| finding["verdict"] == "pass"), "{network:#?}");
    assert!(network[2]["evidence"].as_str().unwrap().contains("0 of 10 samples lost"));
}

#[test]
fn each_failure_gets_its_verdict_within_the_bound() {
    let (plain, closed, (_socket, quiet_ntp)) = (sitecheck_e2e::network::silent_listener(), free_port(), silent_udp());
    let (_tls, tls) = tls_server();
    let (output, report, elapsed) =
        probe(&config(&[(80, closed), (443, tls), (5061, plain), (9443, closed), (123, quiet_ntp)]));
    assert_eq!(output.status.code(), Some(1), "{report:#}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("checks failed"));
    let evidence = |name: &str| {
        let row = check(&report, name);
        assert_eq!(row["verdict"], "fail", "{row}");
        row["evidence"].as_str().unwrap().to_owned()
    };
    assert!(evidence("6.1.1 TCP/80").contains("refused at once"));
    assert!(evidence("6.2.1 TCP/5061").contains("no TLS answer within 1000 ms"));
    assert!(evidence("6.3.2 TCP/9443").contains("refused at once"));
    assert!(evidence("6.3.1 UDP/123").contains("no NTP answer within 1000 ms"));
    assert_eq!(check(&report, "6.1.2 TCP/443")["verdict"], "pass");
    // Checks run in parallel, each bounded by the 1 s timeout, so the whole probe stays short.
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
}

#[test]
fn a_bad_config_is_refused_with_every_problem() {
    let (output, _, _) = probe(r#"{"https_hosts": ["no such host"], "timeout_ms": 1, "samples": 0}"#);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    for part in ["\"no such host\" is not a host name", "timeout_ms is 1", "samples is 0"] {
        assert!(message.contains(part), "{part} in {message}");
    }
}
