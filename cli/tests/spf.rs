//! `sitecheck spf` as a user runs it: pasted records without DNS, and domains looked up in a
//! real DNS server on loopback, dnsmasq serving a test zone (includes, a redirect, two
//! records, eleven lookups, a chain of void lookups, a record too big for UDP, and
//! spf-b.telia.com itself). Needs dnsmasq (Debian's dnsmasq-base, which `cargo xtask test`
//! installs); without it these tests fail and say so.

mod common;

use common::{sitecheck, stderr, stdout};

use std::net::{TcpListener, UdpSocket};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The findings of a `--json` run, and its exit code.
fn findings(arguments: &[&str], stdin: &str) -> (Vec<serde_json::Value>, Option<i32>) {
    let output = sitecheck(arguments, stdin);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|error| panic!("{arguments:?}: {error}\n{}\n{}", stdout(&output), stderr(&output)));
    (json.as_array().unwrap().clone(), output.status.code())
}

/// Each finding's verdict and a fragment of its evidence, in order.
fn assert_findings(found: &[serde_json::Value], expected: &[(&str, &str, &str)], context: &str) {
    let rows: Vec<(String, String, String)> = found
        .iter()
        .map(|finding| {
            let text = |key: &str| finding[key].as_str().unwrap_or_default().to_owned();
            (text("id"), text("verdict"), text("evidence"))
        })
        .collect();
    assert_eq!(rows.len(), expected.len(), "{context}: {rows:#?}");
    for ((id, verdict, evidence), (expected_id, expected_verdict, fragment)) in rows.iter().zip(expected) {
        assert_eq!((id.as_str(), verdict.as_str()), (*expected_id, *expected_verdict), "{context}: {evidence}");
        assert!(evidence.contains(fragment), "{context}: {evidence:?} lacks {fragment:?}");
    }
}

#[test]
fn pasted_records_are_checked_without_dns() {
    let (found, code) = findings(&["spf", "--record", "v=spf1 mx include:spf-b.telia.com -all", "--json"], "");
    assert_eq!(code, Some(0));
    assert_findings(
        &found,
        &[
            ("mail.spf", "needs-confirmation", "costs 2 of the 10 DNS lookups"),
            ("mail.spf", "pass", "names Telia's mail server"),
            ("recording.mail", "needs-confirmation", "no-reply@touchpoint.telia.se"),
        ],
        "one good record",
    );
    assert_eq!(found[1]["section"], "2.4");
    assert_eq!(found[1]["line"], 1);
    assert_eq!(found[2]["section"], "3.6");
    assert!(found[2].get("line").is_none(), "no line where there is none: {}", found[2]);

    // Several records, from stdin in dig's form; every error with its line and column.
    let pasted = "example.com. 300 IN TXT \"v=spf1 inclde:spf-b.telia.com -all\"\nexample.com. 300 IN TXT \"v=spf1 \" \"mx +all\"\n";
    let (found, code) = findings(&["spf", "--record", "-", "--json"], pasted);
    assert_eq!(code, Some(1));
    assert_findings(
        &found,
        &[
            ("mail.spf", "fail", "2 SPF records (lines 1, 2)"),
            ("mail.spf", "fail", "did you mean \"include:spf-b.telia.com\""),
            ("mail.spf", "warning", "\"+all\" in the record on line 2"),
            ("mail.spf", "fail", "With 2 SPF records"),
            ("recording.mail", "needs-confirmation", ""),
        ],
        "two records",
    );
    assert_eq!((found[1]["line"].as_u64(), found[1]["column"].as_u64()), (Some(1), Some(8)));
    assert_eq!((found[2]["line"].as_u64(), found[2]["column"].as_u64()), (Some(2), Some(11)));

    // The text report shows the record with a caret under each error, and fails.
    let output = sitecheck(&["spf", "--record", "v=spf1 ip4:192.0.2.0/33 include:spf-b.telia.com -all"], "");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("    v=spf1 ip4:192.0.2.0/33"), "{text}");
    assert!(text.contains(&format!("    {}^ column 22: /33 is out of range", " ".repeat(21))), "{text}");
    assert!(stderr(&output).contains("SPF check(s) failed"), "{}", stderr(&output));
}

#[test]
fn bad_arguments_and_input_say_why() {
    let check = |arguments: &[&str], code: i32, message: &str| {
        let output = sitecheck(arguments, "");
        assert_eq!(output.status.code(), Some(code), "{arguments:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(message), "{arguments:?}: {}", stderr(&output));
    };
    check(&["spf"], 2, "spf takes a DOMAIN (looked up in DNS) or --record TEXT");
    check(&["spf", "example.com", "--record", "v=spf1 -all"], 2, "not both");
    check(&["spf", "--record", "v=spf1 -all", "--dns-server", "127.0.0.1:53"], 2, "--dns-server goes with a DOMAIN");
    check(&["spf", "example.com", "--dns-server", "resolver"], 2, "--dns-server takes IP:PORT");
    check(&["spf", "not_a domain!", "--dns-server", "127.0.0.1:9"], 2, "is not a domain name");
    check(&["spf", "a.example", "b.example"], 2, "unexpected argument \"b.example\"");
    check(&["spf", "--record", ""], 1, "no TXT record was given");
    check(&["spf", "--record", "\"v=spf1 -all"], 1, "line 1: a quote opened at column 1 is not closed");
}

#[test]
fn a_silent_dns_server_is_a_temporary_failure_within_the_bound() {
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let server = silent.local_addr().unwrap().to_string();
    let started = Instant::now();
    let (found, code) = findings(&["spf", "example.com", "--dns-server", &server, "--timeout-ms", "200", "--json"], "");
    // The domain's lookup and the recording sender's two: two tries of 200 ms each.
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(code, Some(0), "nothing failed for certain");
    assert_findings(
        &found,
        &[
            ("mail.spf", "needs-confirmation", "could not be read: no answer from"),
            ("recording.mail", "needs-confirmation", "could not be read"),
        ],
        "silent server",
    );
    assert!(found[0]["evidence"].as_str().unwrap().contains("within 200 ms, twice"));
}

/// dnsmasq's path, or a failure naming the package that provides it.
fn dnsmasq() -> PathBuf {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/sbin")])
        .map(|folder| folder.join("dnsmasq"))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| {
            panic!(
                "dnsmasq is missing: these tests serve their zone with it. Install Debian's dnsmasq-base \
                 (apt-get install dnsmasq-base), as `cargo xtask test` does"
            )
        })
}

struct Dnsmasq {
    child: Child,
    port: u16,
    folder: PathBuf,
}

impl Drop for Dnsmasq {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// A port free for both UDP and TCP on loopback.
fn free_dns_port() -> u16 {
    loop {
        let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = tcp.local_addr().unwrap().port();
        if UdpSocket::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// The test zone, as dnsmasq options: each `txt-record` is one TXT record (several quoted
/// parts are its strings), `mx-host` an MX, `host-record` an address. Names under the
/// `local=` domains that are not listed are NXDOMAIN; listed names without the asked type
/// answer with no data.
fn zone() -> Vec<String> {
    let mut lines: Vec<String> = [
        "local=/test/",
        "local=/telia.com/",
        "local=/telia.se/",
        "txt-record=spf-b.telia.com,\"v=spf1 ip4:198.51.100.0/24 -all\"",
        "txt-record=touchpoint.telia.se,\"v=spf1 ip4:203.0.113.0/24 -all\"",
        "txt-record=_dmarc.touchpoint.telia.se,\"v=DMARC1; p=reject\"",
        // Authorised directly, with an MX of its own.
        "txt-record=authorised.test,\"v=spf1 mx include:spf-b.telia.com -all\"",
        "txt-record=authorised.test,\"google-site-verification=abc\"",
        "mx-host=authorised.test,mail.authorised.test,10",
        "host-record=mail.authorised.test,192.0.2.25",
        // Not authorised: its include names other servers.
        "txt-record=unauthorised.test,\"v=spf1 ip4:192.0.2.0/24 include:_spf.unauthorised.test -all\"",
        "txt-record=_spf.unauthorised.test,\"v=spf1 ip4:192.0.2.128/25 ~all\"",
        // Eleven lookups through includes: Telia's include is the eleventh.
        "txt-record=eleven.test,\"v=spf1 include:l1.eleven.test include:spf-b.telia.com -all\"",
        "txt-record=l1.eleven.test,\"v=spf1 include:l2.eleven.test a:h1.eleven.test a:h2.eleven.test a:h3.eleven.test a:h4.eleven.test ~all\"",
        "txt-record=l2.eleven.test,\"v=spf1 a:h5.eleven.test a:h6.eleven.test a:h7.eleven.test a:h8.eleven.test ~all\"",
        // Authorised through a redirect.
        "txt-record=redirected.test,\"v=spf1 redirect=_spf.redirected.test\"",
        "txt-record=_spf.redirected.test,\"v=spf1 include:spf-b.telia.com ~all\"",
        // Two SPF records.
        "txt-record=twice.test,\"v=spf1 include:spf-b.telia.com -all\"",
        "txt-record=twice.test,\"v=spf1 mx -all\"",
        // An include whose record's three lookups find nothing, before Telia's include.
        "txt-record=void.test,\"v=spf1 include:chain.void.test include:spf-b.telia.com -all\"",
        "txt-record=chain.void.test,\"v=spf1 a:gone1.void.test mx:gone2.void.test exists:gone3.void.test ~all\"",
    ]
    .iter()
    .map(|line| (*line).to_owned())
    .collect();
    for host in 1..=8 {
        lines.push(format!("host-record=h{host}.eleven.test,192.0.2.{host}"));
    }
    // A record longer than one string, among TXT records too many for a UDP answer: the client
    // must join the strings and fall back to TCP.
    let networks: Vec<String> = (0..30).map(|index| format!("ip4:192.0.{index}.0/24")).collect();
    let long = format!("v=spf1 {} include:spf-b.telia.com -all", networks.join(" "));
    let (first, second) = long.split_at(200);
    lines.push(format!("txt-record=big.test,\"{first}\",\"{second}\""));
    for index in 0..8 {
        lines.push(format!("txt-record=big.test,\"verification-{index}={}\"", "x".repeat(200)));
    }
    lines
}

fn start_dnsmasq() -> Dnsmasq {
    let program = dnsmasq();
    let port = free_dns_port();
    let folder = std::env::temp_dir().join(format!("sitecheck-spf-dns-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let mut config = vec![
        format!("port={port}"),
        "listen-address=127.0.0.1".into(),
        "bind-interfaces".into(),
        // Nothing from this machine's resolver or hosts file: only the zone.
        "no-resolv".into(),
        "no-hosts".into(),
        "no-poll".into(),
        // Stay the user who started it (root would otherwise switch to nobody), no PID file.
        "user=".into(),
        "pid-file=".into(),
        "log-facility=-".into(),
    ];
    config.extend(zone());
    let config_path = folder.join("dnsmasq.conf");
    std::fs::write(&config_path, config.join("\n") + "\n").unwrap();
    let log = std::fs::File::create(folder.join("dnsmasq.log")).unwrap();
    let child = Command::new(&program)
        .arg("--keep-in-foreground")
        .arg(format!("--conf-file={}", config_path.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {}: {error}", program.display()));
    let server = Dnsmasq { child, port, folder };
    let log_path = server.folder.join("dnsmasq.log");
    sitecheck_e2e::network::wait_for_port(port, || {
        format!("dnsmasq ({})", std::fs::read_to_string(&log_path).unwrap_or_default().trim())
    });
    server
}

fn check_domain(server: &Dnsmasq, domain: &str, code: i32, expected: &[(&str, &str, &str)]) -> Vec<serde_json::Value> {
    let address = format!("127.0.0.1:{}", server.port);
    let (found, exit) = findings(&["spf", domain, "--dns-server", &address, "--json"], "");
    let mut expected = expected.to_vec();
    expected.push((
        "recording.mail",
        "needs-confirmation",
        "touchpoint.telia.se publishes SPF \"v=spf1 ip4:203.0.113.0/24 -all\"; DMARC \"v=DMARC1; p=reject\"",
    ));
    assert_findings(&found, &expected, domain);
    assert_eq!(exit, Some(code), "{domain}: {found:#?}");
    found
}

#[test]
fn domains_through_a_real_dns_server() {
    let server = start_dnsmasq();
    let found = check_domain(
        &server,
        "authorised.test",
        0,
        &[
            ("mail.spf", "pass", "costs 2 of the 10 DNS lookups a receiver allows (authorised.test 2)"),
            ("mail.spf", "pass", "0 of at most 2 void lookups"),
            (
                "mail.spf",
                "pass",
                "reaches Telia's mail server: authorised.test → include:spf-b.telia.com (DNS lookup 2 of 10)",
            ),
        ],
    );
    assert_eq!(found[2]["domain"], "authorised.test");
    check_domain(
        &server,
        "unauthorised.test",
        0,
        &[
            ("mail.spf", "pass", "costs 1 of the 10"),
            ("mail.spf", "pass", "0 of at most 2"),
            ("mail.spf", "warning", "spf-b.telia.com is not named in unauthorised.test or in anything it includes"),
        ],
    );
    check_domain(
        &server,
        "eleven.test",
        1,
        &[
            ("mail.spf", "fail", "costs 11 DNS lookups (eleven.test 2, l1.eleven.test 5, l2.eleven.test 4)"),
            ("mail.spf", "pass", "0 of at most 2"),
            ("mail.spf", "fail", "ends in PermError before it gets there: include:spf-b.telia.com is DNS lookup 11"),
        ],
    );
    check_domain(
        &server,
        "redirected.test",
        0,
        &[
            ("mail.spf", "pass", "costs 2 of the 10"),
            ("mail.spf", "pass", "0 of at most 2"),
            ("mail.spf", "pass", "redirected.test → _spf.redirected.test → include:spf-b.telia.com"),
        ],
    );
    check_domain(
        &server,
        "twice.test",
        1,
        &[
            ("mail.spf", "fail", "2 SPF records (on twice.test)"),
            ("mail.spf", "fail", "With 2 SPF records on twice.test"),
        ],
    );
    check_domain(
        &server,
        "void.test",
        1,
        &[
            ("mail.spf", "pass", "costs 5 of the 10"),
            (
                "mail.spf",
                "fail",
                "3 lookups find nothing: \"a:gone1.void.test\" in chain.void.test, \"mx:gone2.void.test\" in chain.void.test, \"exists:gone3.void.test\" in chain.void.test",
            ),
            (
                "mail.spf",
                "fail",
                "before it gets there: gone3.void.test finds nothing: void lookup 3, past the limit of 2",
            ),
        ],
    );
    // Joined strings and the TCP fallback: the answer holds about 2 kB of TXT records.
    check_domain(
        &server,
        "big.test",
        0,
        &[
            ("mail.spf", "pass", "costs 1 of the 10"),
            ("mail.spf", "pass", "0 of at most 2"),
            ("mail.spf", "pass", "big.test → include:spf-b.telia.com"),
        ],
    );
    check_domain(
        &server,
        "nowhere.test",
        0,
        &[("mail.spf", "not-applicable", "nowhere.test does not exist in DNS (NXDOMAIN)")],
    );

    // The text form names the records it read and how it reached them.
    let output = sitecheck(&["spf", "redirected.test", "--dns-server", &format!("127.0.0.1:{}", server.port)], "");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("  spf-b.telia.com (via redirected.test → _spf.redirected.test)"), "{text}");
    assert!(text.contains("DNS lookups: 2 of at most 10, 0 void of at most 2"), "{text}");
}

/// The zone's big answer really needs TCP: asked over UDP alone (EDNS, 1232 bytes) it is cut.
#[test]
fn the_big_answer_is_truncated_over_udp() {
    let server = start_dnsmasq();
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    // A TXT query for big.test with an EDNS(0) payload of 1232, written out.
    let mut query = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1];
    for label in ["big", "test"] {
        query.push(label.len() as u8);
        query.extend_from_slice(label.as_bytes());
    }
    query.extend_from_slice(&[0, 0, 16, 0, 1, 0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0]);
    socket.send_to(&query, ("127.0.0.1", server.port)).unwrap();
    let mut answer = [0u8; 4096];
    let size = socket.recv(&mut answer).unwrap();
    assert!(size <= 1232, "{size}");
    assert_ne!(answer[2] & 0x02, 0, "the TC bit is set");
}
