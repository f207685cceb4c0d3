//! `sitecheck probe`: what a browser cannot check, checked natively — DNS, TCP openings, the
//! TLS handshake, NTP and latency — with time bounds, in parallel.

use serde::Serialize;
use sitecheck_core::bilingual;
use sitecheck_core::firewall::{Direction, FirewallRule, Party, carries_tls};
use sitecheck_core::limits;
use sitecheck_core::locale::{Bilingual, Locale};
use sitecheck_core::network::tls::judge_tls_answer;
use sitecheck_core::network::{Method, Sample, network_findings};
use sitecheck_core::plan::Plan;
use sitecheck_core::section::SectionId;
use sitecheck_core::targets::Targets;
use sitecheck_core::units::{Protocol, Service, TlsVersion};
use sitecheck_core::verdict::{Figure, FigureName, Verdict};
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs, UdpSocket};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One line of the probe's report.
#[derive(Debug, Clone, Serialize)]
pub struct ProbeRow {
    /// What was checked: "DNS <host>", or a rule and its service such as "6.2.1 TCP/5061".
    pub check: String,
    pub section: SectionId,
    pub target: String,
    pub verdict: Verdict,
    pub evidence: Bilingual,
}

fn row(check: String, section: SectionId, target: String, verdict: Verdict, evidence: Bilingual) -> ProbeRow {
    ProbeRow { check, section, target, verdict, evidence }
}

/// Runs `work` on its own thread and gives up after `timeout`; name resolution cannot be
/// cancelled, so the thread is left to finish on its own.
fn bounded<T: Send + 'static>(timeout: Duration, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver.recv_timeout(timeout).ok()
}

fn resolve(host: &str, timeout: Duration) -> Result<Vec<IpAddr>, Bilingual> {
    let name = format!("{host}:443");
    match bounded(timeout, move || {
        name.to_socket_addrs().map(|addresses| addresses.map(|a| a.ip()).collect::<Vec<_>>())
    }) {
        None => {
            let ms = timeout.as_millis();
            Err(bilingual!("no answer from DNS within {ms} ms", "inget svar från DNS inom {ms} ms"))
        }
        Some(Err(error)) => {
            Err(bilingual!("the name does not resolve ({error})", "namnet går inte att slå upp ({error})"))
        }
        Some(Ok(addresses)) if addresses.is_empty() => {
            Err(Bilingual::new("the name resolves to no address", "namnet ger ingen adress"))
        }
        Some(Ok(addresses)) => Ok(addresses),
    }
}

/// How a TCP connection attempt ended.
enum Connect {
    Open(TcpStream, Duration),
    Refused,
    TimedOut,
    Failed(String),
}

fn connect(address: SocketAddr, timeout: Duration) -> Connect {
    let started = Instant::now();
    match TcpStream::connect_timeout(&address, timeout) {
        Ok(stream) => Connect::Open(stream, started.elapsed()),
        Err(error) if error.kind() == std::io::ErrorKind::ConnectionRefused => Connect::Refused,
        Err(error)
            if error.kind() == std::io::ErrorKind::TimedOut || error.kind() == std::io::ErrorKind::WouldBlock =>
        {
            Connect::TimedOut
        }
        Err(error) => Connect::Failed(error.to_string()),
    }
}

/// A TLS ClientHello offering TLS 1.3 and 1.2 with common suites, for `host`.
fn client_hello(host: &str) -> Vec<u8> {
    // The hello's random, session id and key share need only differ from one connection to
    // the next: the probe reads the ServerHello's version and hangs up, so no key is derived
    // from them and nothing is kept secret. A non-cryptographic generator (fastrand, seeded
    // per process) is enough.
    let random = |count: usize| -> Vec<u8> {
        let mut bytes = vec![0; count];
        fastrand::fill(&mut bytes);
        bytes
    };
    let with_length16 = |body: &[u8]| -> Vec<u8> {
        let mut out = (body.len() as u16).to_be_bytes().to_vec();
        out.extend_from_slice(body);
        out
    };
    let extension = |kind: u16, body: &[u8]| -> Vec<u8> {
        let mut out = kind.to_be_bytes().to_vec();
        out.extend(with_length16(body));
        out
    };
    let mut extensions = Vec::new();
    let mut server_name = vec![0u8];
    server_name.extend(with_length16(host.as_bytes()));
    extensions.extend(extension(0x0000, &with_length16(&server_name)));
    extensions.extend(extension(0x000a, &with_length16(&[0x00, 0x1d, 0x00, 0x17, 0x00, 0x18])));
    extensions.extend(extension(0x000b, &[0x01, 0x00]));
    let signatures = [0x04, 0x03, 0x08, 0x04, 0x04, 0x01, 0x05, 0x03, 0x08, 0x05, 0x05, 0x01, 0x08, 0x06, 0x06, 0x01];
    extensions.extend(extension(0x000d, &with_length16(&signatures)));
    extensions.extend(extension(0x002b, &[0x04, 0x03, 0x04, 0x03, 0x03]));
    extensions.extend(extension(0x002d, &[0x01, 0x01]));
    let mut share = vec![0x00, 0x1d];
    share.extend(with_length16(&random(32)));
    extensions.extend(extension(0x0033, &with_length16(&share)));
    let suites: [u16; 7] = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030];
    let mut hello = vec![0x03, 0x03];
    hello.extend(random(32));
    hello.push(32);
    hello.extend(random(32));
    hello.extend(with_length16(&suites.iter().flat_map(|suite| suite.to_be_bytes()).collect::<Vec<_>>()));
    hello.extend([0x01, 0x00]);
    hello.extend(with_length16(&extensions));
    let mut handshake = vec![0x01];
    handshake.extend(&(hello.len() as u32).to_be_bytes()[1..]);
    handshake.extend(hello);
    let mut record = vec![0x16, 0x03, 0x01];
    record.extend(with_length16(&handshake));
    record
}

/// Reads the server's first answer: the TLS version of its ServerHello, or why there is none.
fn server_hello_version(stream: &mut TcpStream, timeout: Duration) -> Result<u16, Bilingual> {
    stream.set_read_timeout(Some(timeout)).map_err(|error| Bilingual::same(error.to_string()))?;
    let mut header = [0u8; 5];
    stream.read_exact(&mut header).map_err(|error| match error.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            let ms = timeout.as_millis();
            bilingual!("no TLS answer within {ms} ms", "inget TLS-svar inom {ms} ms")
        }
        _ => bilingual!(
            "the connection closed without a TLS answer ({error})",
            "anslutningen stängdes utan TLS-svar ({error})"
        ),
    })?;
    let length = usize::from(u16::from_be_bytes([header[3], header[4]]));
    let mut body = vec![0u8; length.min(16_384)];
    stream
        .read_exact(&mut body)
        .map_err(|error| bilingual!("the TLS answer was cut short ({error})", "TLS-svaret bröts av ({error})"))?;
    match header[0] {
        0x15 => {
            let alert = body.get(1).copied().unwrap_or(0);
            return Err(bilingual!(
                "the server refused the handshake (TLS alert {alert})",
                "servern vägrade handskakningen (TLS-larm {alert})"
            ));
        }
        0x16 if body.first() == Some(&0x02) => {}
        _ => return Err(Bilingual::new("the answer is not a TLS ServerHello", "svaret är ingen TLS ServerHello")),
    }
    // ServerHello: type(1) length(3) version(2) random(32) session id, suite(2), compression(1), extensions.
    let legacy = u16::from_be_bytes([*body.get(4).unwrap_or(&0), *body.get(5).unwrap_or(&0)]);
    let session_length = usize::from(*body.get(38).unwrap_or(&0));
    let mut at = 39 + session_length + 3;
    if body.len() >= at + 2 {
        let end = (at + 2 + usize::from(u16::from_be_bytes([body[at], body[at + 1]]))).min(body.len());
        at += 2;
        while at + 4 <= end {
            let kind = u16::from_be_bytes([body[at], body[at + 1]]);
            let size = usize::from(u16::from_be_bytes([body[at + 2], body[at + 3]]));
            if kind == 0x002b && size == 2 && at + 6 <= end {
                return Ok(u16::from_be_bytes([body[at + 4], body[at + 5]]));
            }
            at += 4 + size;
        }
    }
    Ok(legacy)
}

/// An NTP client request; the answer's mode must be 4 (server).
fn ntp(address: SocketAddr, timeout: Duration) -> Result<(u8, Duration), Bilingual> {
    let socket = UdpSocket::bind(if address.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" })
        .map_err(|error| Bilingual::same(error.to_string()))?;
    socket.set_read_timeout(Some(timeout)).map_err(|error| Bilingual::same(error.to_string()))?;
    let mut request = [0u8; 48];
    request[0] = 0x23; // leap 0, version 4, mode 3 (client)
    let started = Instant::now();
    socket
        .send_to(&request, address)
        .map_err(|error| bilingual!("cannot send ({error})", "kan inte skicka ({error})"))?;
    let mut answer = [0u8; 512];
    match socket.recv_from(&mut answer) {
        Ok((size, _)) if size >= 48 && answer[0] & 0x07 == 4 => Ok((answer[1], started.elapsed())),
        Ok(_) => {
            Err(Bilingual::new("the answer is not an NTP server reply", "svaret är inget svar från en NTP-server"))
        }
        Err(error) if matches!(error.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
            let (ms, port) = (timeout.as_millis(), address.port());
            Err(bilingual!(
                "no NTP answer within {ms} ms (UDP/{port} blocked?)",
                "inget NTP-svar inom {ms} ms (UDP/{port} blockerad?)"
            ))
        }
        Err(error) => Err(bilingual!("no NTP answer ({error})", "inget NTP-svar ({error})")),
    }
}

fn millis(duration: Duration) -> String {
    sitecheck_core::units::format_decimal(duration.as_secs_f64() * 1000.0)
}

/// The addresses a rule's destination stands for; the platform network means the platform.
fn destinations(rule: &FirewallRule, platform: Option<IpAddr>) -> Vec<IpAddr> {
    match rule.destination {
        Party::Network { network } if network == limits::SERVICE_NETWORK => platform.into_iter().collect(),
        _ => rule
            .destination
            .networks()
            .iter()
            .filter(|network| network.prefix_len() == 32)
            .map(|network| IpAddr::V4(network.addr()))
            .collect(),
    }
}

/// Connections opened before the timed ones, so that the samples time a path already in use
/// rather than its first packets.
const WARM_UPS: usize = 2;

/// Every check, run in parallel with its own time bound; rows come back in a stable order.
pub fn run(targets: &Targets, plan: &Plan) -> (Vec<ProbeRow>, Vec<sitecheck_core::verdict::Finding>) {
    let timeout = Duration::from_millis(targets.timeout_ms);
    let mut rows = Vec::new();
    let mut platform = targets.platform_address;
    let dns_section = sitecheck_core::requirement_id!("net.dns-name").section();
    for host in &targets.https_hosts {
        match resolve(host, timeout) {
            Ok(addresses) => {
                let inside = addresses.iter().any(|address| match address {
                    IpAddr::V4(v4) => limits::SERVICE_NETWORK.contains(v4),
                    IpAddr::V6(_) => false,
                });
                let listed: Vec<String> = addresses.iter().map(IpAddr::to_string).collect();
                let (listed, network) = (listed.join(", "), limits::SERVICE_NETWORK);
                let evidence = if inside {
                    bilingual!("resolves to {listed} (inside {network})", "ger {listed} (inom {network})")
                } else {
                    bilingual!("resolves to {listed} (outside {network})", "ger {listed} (utanför {network})")
                };
                rows.push(row(format!("DNS {host}"), dns_section, host.clone(), Verdict::Pass, evidence));
                platform = platform.or(addresses.first().copied());
            }
            Err(problem) => rows.push(row(format!("DNS {host}"), dns_section, host.clone(), Verdict::Fail, problem)),
        }
    }
    let host = targets.https_hosts.first().cloned().unwrap_or_else(|| limits::SERVICE_HOST.to_owned());
    let mut jobs: Vec<std::thread::JoinHandle<ProbeRow>> = Vec::new();
    let mut not_testable = Vec::new();
    for rule in plan.firewall_rules() {
        if rule.direction == Direction::Inbound {
            not_testable.push(row(
                format!("{} inbound", rule.id),
                rule.section,
                "your firewall".into(),
                Verdict::NeedsConfirmation,
                Bilingual::new(
                    "an inbound opening can only be tested from outside, by Telia",
                    "en inkommande öppning kan bara testas utifrån, av Telia",
                ),
            ));
            continue;
        }
        for service in rule.services {
            let Service { protocol, ports } = *service;
            if !ports.is_single() {
                not_testable.push(row(
                    format!("{} {service}", rule.id),
                    rule.section,
                    limits::SERVICE_NETWORK.to_string(),
                    Verdict::NeedsConfirmation,
                    Bilingual::new(
                        "a UDP port range needs a media peer to test: use the app's WebRTC check or confirm the rule",
                        "ett UDP-portintervall behöver en motpart för media för att testas: använd appens WebRTC-kontroll eller bekräfta regeln",
                    ),
                ));
                continue;
            }
            let port = targets.port(ports.first().get());
            for address in destinations(rule, platform) {
                let target = SocketAddr::new(address, port);
                let (id, section, host) = (rule.id, rule.section, host.clone());
                let check = format!("{id} {service}");
                jobs.push(std::thread::spawn(move || match protocol {
                    Protocol::Udp => match ntp(target, timeout) {
                        Ok((stratum, elapsed)) => row(check, section, target.to_string(), Verdict::Pass, {
                            let (ms, ms_sv) = (millis(elapsed), Locale::Sv.decimals(&millis(elapsed)));
                            bilingual!(
                                "NTP answered in {ms} ms (stratum {stratum})",
                                "NTP svarade inom {ms_sv} ms (stratum {stratum})"
                            )
                        }),
                        Err(problem) => row(check, section, target.to_string(), Verdict::Fail, problem),
                    },
                    Protocol::Tcp => match connect(target, timeout) {
                        Connect::Open(mut stream, elapsed) if carries_tls(*service) => {
                            let sent = stream.write_all(&client_hello(&host));
                            let (ms, ms_sv) = (millis(elapsed), Locale::Sv.decimals(&millis(elapsed)));
                            match sent
                                .map_err(|error| Bilingual::same(error.to_string()))
                                .and_then(|()| server_hello_version(&mut stream, timeout))
                            {
                                Ok(code) => {
                                    let (verdict, said) = judge_tls_answer(TlsVersion::from_wire(code));
                                    let (said_en, said_sv) = (&said.en, &said.sv);
                                    let evidence = if verdict == Verdict::Pass {
                                        bilingual!(
                                            "connected in {ms} ms; {said_en}",
                                            "ansluten inom {ms_sv} ms; {said_sv}"
                                        )
                                    } else {
                                        bilingual!(
                                            "connected in {ms} ms, but {said_en}",
                                            "ansluten inom {ms_sv} ms, men {said_sv}"
                                        )
                                    };
                                    row(check, section, target.to_string(), verdict, evidence)
                                }
                                Err(problem) => {
                                    let (problem_en, problem_sv) = (&problem.en, &problem.sv);
                                    row(
                                        check,
                                        section,
                                        target.to_string(),
                                        Verdict::Fail,
                                        bilingual!(
                                            "connected in {ms} ms, but {problem_en}",
                                            "ansluten inom {ms_sv} ms, men {problem_sv}"
                                        ),
                                    )
                                }
                            }
                        }
                        Connect::Open(_, elapsed) => row(check, section, target.to_string(), Verdict::Pass, {
                            let (ms, ms_sv) = (millis(elapsed), Locale::Sv.decimals(&millis(elapsed)));
                            bilingual!("connected in {ms} ms", "ansluten inom {ms_sv} ms")
                        }),
                        Connect::Refused => row(
                            check,
                            section,
                            target.to_string(),
                            Verdict::Fail,
                            Bilingual::new(
                                "refused at once: a firewall rejects it, or nothing listens there",
                                "nekades direkt: en brandvägg avvisar den, eller så lyssnar inget där",
                            ),
                        ),
                        Connect::TimedOut => row(check, section, target.to_string(), Verdict::Fail, {
                            let ms = timeout.as_millis();
                            bilingual!(
                                "no answer within {ms} ms: a firewall may drop it",
                                "inget svar inom {ms} ms: en brandvägg kan kasta den"
                            )
                        }),
                        Connect::Failed(problem) => {
                            row(check, section, target.to_string(), Verdict::Fail, Bilingual::same(problem))
                        }
                    },
                }));
            }
        }
    }
    rows.extend(jobs.into_iter().filter_map(|job| job.join().ok()));
    rows.extend(not_testable);
    // Latency by TCP connect timing to the platform's HTTPS port, after two warm-ups.
    let findings = match platform {
        Some(address) => {
            let target = SocketAddr::new(address, targets.port(443));
            let sample = || match connect(target, timeout) {
                Connect::Open(_, elapsed) => Some(elapsed.as_micros() as u64),
                _ => None,
            };
            for _ in 0..WARM_UPS {
                let _ = sample();
            }
            let samples: Vec<Sample> = (0..targets.samples).map(|_| sample()).collect();
            let count = samples.len();
            let method = Method::new(sitecheck_core::bilingual!(
                "TCP connect to {target}, {count} samples after {WARM_UPS} warm-ups, timed natively",
                "TCP-anslutning till {target}, {count} mätningar efter {WARM_UPS} uppvärmningar, tidtagna utanför webbläsaren"
            ))
            .with(Figure::whole(FigureName::WarmUps, WARM_UPS as u64));
            network_findings(&samples, &method)
        }
        None => network_findings(
            &[],
            &Method::new(sitecheck_core::locale::Bilingual::new(
                "the platform's address is unknown: DNS failed",
                "plattformens adress är okänd: DNS-uppslagningen misslyckades",
            )),
        ),
    };
    (rows, findings)
}
