//! `sitecheck spf`: the customer's SPF record, pasted (`--record`, no DNS) or looked up for a
//! domain through a DNS server (`DOMAIN`, from a computer on the site), and the call-recording
//! mail note. The judging is core's (`sitecheck_core::addon::spf`); this file reads the
//! arguments, asks DNS, and prints.
//!
//! DNS is a small client over UDP with EDNS(0), falling back to TCP when an answer is
//! truncated, std only: the resolver crates would double the CLI's build for four record types.

use crate::args::{Parsed, Spec};
use crate::commands::CliError;
use serde::Serialize;
use sitecheck_core::addon::spf::{self, DnsAnswer, Resolver, SpfFinding, SpfReport};
use sitecheck_core::verdict::Verdict;
use std::io::{BufRead, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

const VALUED: &[&str] = &["--record", "--dns-server", "--timeout-ms"];

pub fn run(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    // The domain is the one word that is neither an option nor an option's value.
    let mut domain = None;
    let mut options = Vec::new();
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        if VALUED.contains(&word.as_str()) {
            options.push(word.clone());
            options.extend(words.next().cloned());
        } else if !word.starts_with('-') && domain.is_none() {
            domain = Some(word.clone());
        } else {
            options.push(word.clone());
        }
    }
    let mut parsed = Parsed::new(&options, &Spec { flags: &["--json"], valued: VALUED });
    let json = parsed.flag("--json");
    let record = parsed.value("--record").map(str::to_owned);
    let server = parsed.value("--dns-server").map(str::to_owned);
    let timeout = parsed.value("--timeout-ms").is_some().then(|| parsed.number("--timeout-ms", None));
    parsed.finish()?;
    let report = match (domain, record) {
        (Some(_), Some(_)) => return Err(CliError::Usage("spf takes a DOMAIN or --record TEXT, not both".into())),
        (None, None) => return Err(CliError::Usage("spf takes a DOMAIN (looked up in DNS) or --record TEXT".into())),
        (None, Some(text)) => {
            if server.is_some() {
                return Err(CliError::Usage("--dns-server goes with a DOMAIN; --record is checked without DNS".into()));
            }
            let text = if text == "-" {
                let mut text = String::new();
                input.read_to_string(&mut text)?;
                text
            } else {
                text
            };
            spf::validate_txt_records(&text).map_err(|error| CliError::Input(error.to_string()))?
        }
        (Some(domain), None) => {
            let server = match server {
                Some(text) => parse_server(&text).map_err(CliError::Usage)?,
                None => system_server().map_err(CliError::Input)?,
            };
            let timeout = Duration::from_millis(u64::from(timeout.unwrap_or(2000)));
            let mut client = DnsClient::new(server, timeout);
            spf::check_domain(&domain, &mut client).map_err(|error| CliError::Usage(error.to_string()))?
        }
    };
    if json {
        let rows: Vec<JsonFinding<'_>> = report.findings.iter().map(JsonFinding::from).collect();
        let text = crate::language::json(&rows).map_err(|error| CliError::Input(error.to_string()))?;
        writeln!(output, "{text}")?;
    } else {
        write_text(&report, output)?;
    }
    let failed = report.findings.iter().filter(|finding| finding.finding.verdict == Verdict::Fail).count();
    if failed > 0 {
        return Err(CliError::NotCovered(format!("{failed} SPF check(s) failed")));
    }
    Ok(())
}

/// A finding as the CLI's JSON carries it (the shape every command shares).
#[derive(Serialize)]
struct JsonFinding<'a> {
    id: String,
    verdict: &'static str,
    section: String,
    evidence: &'a sitecheck_core::locale::Bilingual,
    advice: Option<&'a sitecheck_core::locale::Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
}

impl<'a> From<&'a SpfFinding> for JsonFinding<'a> {
    fn from(finding: &'a SpfFinding) -> JsonFinding<'a> {
        JsonFinding {
            id: finding.finding.requirement.to_string(),
            verdict: finding.finding.verdict.slug(),
            section: finding.finding.section.to_string(),
            evidence: &finding.finding.evidence,
            advice: finding.finding.advice.as_ref(),
            line: finding.line,
            column: finding.column,
            domain: finding.domain.as_deref(),
        }
    }
}

fn write_text(report: &SpfReport, output: &mut impl Write) -> std::io::Result<()> {
    use crate::language::{locale, say};
    writeln!(output, "{}", say("Records read", "Lästa poster"))?;
    for record in &report.records {
        let place = match (&record.domain, record.line) {
            (Some(domain), _) if record.via.is_empty() => domain.clone(),
            (Some(domain), _) => format!("{domain} ({} {})", say("via", "via"), record.via.join(" → ")),
            (None, Some(line)) => {
                let not_spf = if record.spf { "" } else { say(" (not SPF)", " (inte SPF)") };
                format!("{} {line}{not_spf}", say("line", "rad"))
            }
            (None, None) => String::new(),
        };
        writeln!(output, "  {place}")?;
        writeln!(output, "    {}", record.text)?;
        for error in &record.errors {
            // A caret under the column (columns count characters).
            let (column, kind) = (error.column, error.kind.message_in(locale()));
            writeln!(output, "    {}^ {} {column}: {kind}", " ".repeat(column - 1), say("column", "kolumn"))?;
        }
    }
    let tally = &report.lookups;
    let (counted, limit) = (tally.counted, tally.limit);
    let voids = tally.voids.map_or_else(String::new, |voids| {
        let void_limit = tally.void_limit;
        match locale() {
            sitecheck_core::locale::Locale::En => format!(", {voids} void of at most {void_limit}"),
            sitecheck_core::locale::Locale::Sv => format!(", {voids} tomma av högst {void_limit}"),
        }
    });
    let known =
        if tally.complete { "" } else { say(" (not the whole count: see below)", " (inte hela antalet: se nedan)") };
    match locale() {
        sitecheck_core::locale::Locale::En => {
            writeln!(output, "DNS lookups: {counted} of at most {limit}{voids}{known}\n")?
        }
        sitecheck_core::locale::Locale::Sv => {
            writeln!(output, "DNS-uppslag: {counted} av högst {limit}{voids}{known}\n")?
        }
    }
    let (verdict, requirement, section, evidence) = (
        say("Verdict", "Bedömning"),
        say("Requirement", "Krav"),
        say("Section", "Avsnitt"),
        say("Evidence", "Underlag"),
    );
    writeln!(output, "{verdict:<19} {requirement:<15} {section:<8} {evidence}")?;
    // The evidence names the line, column or domain itself.
    for finding in &report.findings {
        writeln!(
            output,
            "{:<19} {:<15} {:<8} {}",
            finding.finding.verdict.slug(),
            finding.finding.requirement.to_string(),
            finding.finding.section.to_string(),
            finding.finding.evidence.get(crate::language::locale())
        )?;
        if let Some(advice) = &finding.finding.advice {
            writeln!(output, "{:<44} → {}", "", advice.get(crate::language::locale()))?;
        }
    }
    Ok(())
}

/// `IP:PORT`, `[IPv6]:PORT`, or an address alone (port 53).
fn parse_server(text: &str) -> Result<SocketAddr, String> {
    text.parse::<SocketAddr>()
        .or_else(|_| text.parse::<IpAddr>().map(|address| SocketAddr::new(address, 53)))
        .map_err(|_| format!("--dns-server takes IP:PORT or an IP address, not \"{text}\""))
}

/// The first `nameserver` of /etc/resolv.conf, as the system's own lookups use.
fn system_server() -> Result<SocketAddr, String> {
    let path = "/etc/resolv.conf";
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {path} ({error}): name a DNS server with --dns-server IP:PORT"))?;
    first_nameserver(&text).ok_or_else(|| format!("{path} names no nameserver: name one with --dns-server IP:PORT"))
}

fn first_nameserver(resolv_conf: &str) -> Option<SocketAddr> {
    resolv_conf.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        (words.next() == Some("nameserver"))
            .then(|| words.next())
            .flatten()
            // A link-local IPv6 server's zone (`%eth0`) is not part of its address.
            .and_then(|address| address.split('%').next()?.parse::<IpAddr>().ok())
            .map(|address| SocketAddr::new(address, 53))
    })
}

/// Record types asked for.
const TYPE_A: u16 = 1;
const TYPE_MX: u16 = 15;
const TYPE_TXT: u16 = 16;
const TYPE_AAAA: u16 = 28;
const TYPE_OPT: u16 = 41;
/// The EDNS(0) payload size DNS flag day 2020 settled on: no IP fragmentation.
const EDNS_PAYLOAD: u16 = 1232;

/// An answer's records of the asked type, or what stood in their place.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    Records(Vec<Vec<u8>>),
    /// Records that are names (MX), decompressed.
    Names(Vec<String>),
    NoData,
    NxDomain,
}

/// A DNS client for one server: recursion desired, UDP first, TCP when truncated.
pub struct DnsClient {
    server: SocketAddr,
    timeout: Duration,
}

impl DnsClient {
    pub fn new(server: SocketAddr, timeout: Duration) -> DnsClient {
        DnsClient { server, timeout }
    }

    fn query(&mut self, name: &str, kind: u16) -> Result<Reply, String> {
        // A fresh id each time, so that a late answer to an earlier query is not taken.
        let id = fastrand::u16(..);
        let message = encode_query(id, name, kind)?;
        let answer = match self.udp(&message, id, name, kind)? {
            answer if answer[2] & 0x02 != 0 => self.tcp(&message)?,
            answer => answer,
        };
        decode_reply(&answer, id, name, kind)
    }

    fn udp(&self, message: &[u8], id: u16, name: &str, kind: u16) -> Result<Vec<u8>, String> {
        let bind = if self.server.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" };
        let socket = UdpSocket::bind(bind).map_err(|error| format!("cannot open a UDP socket: {error}"))?;
        socket.connect(self.server).map_err(|error| format!("cannot reach {}: {error}", self.server))?;
        let mut buffer = vec![0u8; 65_535];
        // Two tries, each with the whole timeout; stray datagrams do not end a try.
        for _ in 0..2 {
            socket.send(message).map_err(|error| format!("cannot send to {}: {error}", self.server))?;
            let deadline = Instant::now() + self.timeout;
            while let Some(left) = deadline.checked_duration_since(Instant::now()).filter(|left| !left.is_zero()) {
                socket.set_read_timeout(Some(left)).map_err(|error| error.to_string())?;
                match socket.recv(&mut buffer) {
                    Ok(size) if matches_query(&buffer[..size], id, name, kind) => return Ok(buffer[..size].to_vec()),
                    Ok(_) => {}
                    Err(error)
                        if matches!(error.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
                    {
                        break;
                    }
                    // A refused port (ICMP) shows as an error on the connected socket.
                    Err(error) => return Err(format!("{} does not answer DNS: {error}", self.server)),
                }
            }
        }
        Err(format!("no answer from {} within {} ms, twice", self.server, self.timeout.as_millis()))
    }

    fn tcp(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        let failed =
            |error: std::io::Error| format!("the answer was truncated, and TCP to {} failed: {error}", self.server);
        let mut stream = TcpStream::connect_timeout(&self.server, self.timeout).map_err(failed)?;
        stream.set_read_timeout(Some(self.timeout)).map_err(failed)?;
        let mut framed = (message.len() as u16).to_be_bytes().to_vec();
        framed.extend_from_slice(message);
        stream.write_all(&framed).map_err(failed)?;
        let mut length = [0u8; 2];
        stream.read_exact(&mut length).map_err(failed)?;
        let mut answer = vec![0u8; usize::from(u16::from_be_bytes(length))];
        stream.read_exact(&mut answer).map_err(failed)?;
        Ok(answer)
    }
}

impl Resolver for DnsClient {
    fn txt(&mut self, name: &str) -> DnsAnswer<String> {
        match self.query(name, TYPE_TXT) {
            Ok(Reply::Records(records)) => DnsAnswer::Found(records.iter().map(|data| txt_text(data)).collect()),
            other => not_found(other),
        }
    }

    fn addresses(&mut self, name: &str) -> DnsAnswer<IpAddr> {
        let mut found = Vec::new();
        let mut nxdomain = true;
        for kind in [TYPE_A, TYPE_AAAA] {
            match self.query(name, kind) {
                Ok(Reply::Records(records)) => {
                    nxdomain = false;
                    found.extend(records.iter().filter_map(|data| match data.len() {
                        4 => Some(IpAddr::V4(Ipv4Addr::new(data[0], data[1], data[2], data[3]))),
                        16 => <[u8; 16]>::try_from(data.as_slice()).ok().map(|bytes| IpAddr::V6(Ipv6Addr::from(bytes))),
                        _ => None,
                    }));
                }
                Ok(Reply::NoData | Reply::Names(_)) => nxdomain = false,
                Ok(Reply::NxDomain) => {}
                Err(message) => return DnsAnswer::Failed(message),
            }
        }
        match (found.is_empty(), nxdomain) {
            (false, _) => DnsAnswer::Found(found),
            (true, true) => DnsAnswer::NxDomain,
            (true, false) => DnsAnswer::NoData,
        }
    }

    fn mx(&mut self, name: &str) -> DnsAnswer<String> {
        match self.query(name, TYPE_MX) {
            Ok(Reply::Names(names)) => DnsAnswer::Found(names),
            other => not_found(other),
        }
    }
}

fn not_found<T>(reply: Result<Reply, String>) -> DnsAnswer<T> {
    match reply {
        Ok(Reply::NxDomain) => DnsAnswer::NxDomain,
        Ok(_) => DnsAnswer::NoData,
        Err(message) => DnsAnswer::Failed(message),
    }
}

/// A TXT record's character strings, joined (RFC 7208 3.3).
fn txt_text(data: &[u8]) -> String {
    let mut text = Vec::new();
    let mut at = 0;
    while let Some(&length) = data.get(at) {
        let end = (at + 1 + usize::from(length)).min(data.len());
        text.extend_from_slice(&data[at + 1..end]);
        at = end;
    }
    String::from_utf8_lossy(&text).into_owned()
}

fn encode_name(name: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let name = name.trim_end_matches('.');
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(format!("\"{name}\" cannot be asked in DNS: a label is empty or longer than 63"));
        }
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    Ok(())
}

fn encode_query(id: u16, name: &str, kind: u16) -> Result<Vec<u8>, String> {
    let mut message = id.to_be_bytes().to_vec();
    // Recursion desired; one question; one additional record (EDNS).
    message.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]);
    encode_name(name, &mut message)?;
    message.extend_from_slice(&kind.to_be_bytes());
    message.extend_from_slice(&1u16.to_be_bytes());
    // OPT: root name, type 41, the payload size in the class, no extended flags, no data.
    message.push(0);
    message.extend_from_slice(&TYPE_OPT.to_be_bytes());
    message.extend_from_slice(&EDNS_PAYLOAD.to_be_bytes());
    message.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    Ok(message)
}

/// A name at `at`, following compression pointers (at most 64 of them, so a loop ends), and
/// where the name ends in the message.
fn read_name(message: &[u8], mut at: usize) -> Result<(String, usize), String> {
    let mut labels: Vec<String> = Vec::new();
    let mut end = None;
    for _ in 0..64 {
        let length = *message.get(at).ok_or("a name runs past the answer")?;
        match length {
            0 => {
                return Ok((labels.join("."), end.unwrap_or(at + 1)));
            }
            length if length & 0xc0 == 0xc0 => {
                let low = *message.get(at + 1).ok_or("a name pointer runs past the answer")?;
                end.get_or_insert(at + 2);
                at = usize::from(u16::from_be_bytes([length & 0x3f, low]));
            }
            length if length & 0xc0 == 0 => {
                let label = message.get(at + 1..at + 1 + usize::from(length)).ok_or("a label runs past the answer")?;
                labels.push(String::from_utf8_lossy(label).into_owned());
                at += 1 + usize::from(length);
            }
            _ => return Err("an unknown label type".into()),
        }
    }
    Err("a name's compression loops".into())
}

fn u16_at(message: &[u8], at: usize) -> Result<u16, String> {
    message
        .get(at..at + 2)
        .map(|bytes| u16::from_be_bytes([bytes[0], bytes[1]]))
        .ok_or_else(|| "the answer is cut short".into())
}

/// Whether `message` answers our question (id, QR bit, the name and type asked).
fn matches_query(message: &[u8], id: u16, name: &str, kind: u16) -> bool {
    let question = || -> Result<bool, String> {
        // The header is 12 bytes; the question follows it.
        if message.len() < 12 || u16_at(message, 0)? != id || message[2] & 0x80 == 0 || u16_at(message, 4)? != 1 {
            return Ok(false);
        }
        let (asked, end) = read_name(message, 12)?;
        Ok(asked.eq_ignore_ascii_case(name.trim_end_matches('.')) && u16_at(message, end)? == kind)
    };
    question().unwrap_or(false)
}

fn decode_reply(message: &[u8], id: u16, name: &str, kind: u16) -> Result<Reply, String> {
    if !matches_query(message, id, name, kind) {
        return Err("the DNS answer does not match the question".into());
    }
    match message[3] & 0x0f {
        0 => {}
        3 => return Ok(Reply::NxDomain),
        2 => return Err("the DNS server failed (SERVFAIL)".into()),
        5 => return Err("the DNS server refused the query (REFUSED)".into()),
        code => return Err(format!("the DNS server answered with error code {code}")),
    }
    let answers = u16_at(message, 6)?;
    let (_, mut at) = read_name(message, 12)?;
    at += 4;
    let mut records = Vec::new();
    let mut names = Vec::new();
    for _ in 0..answers {
        let (_, after_name) = read_name(message, at)?;
        let record_type = u16_at(message, after_name)?;
        let length = usize::from(u16_at(message, after_name + 8)?);
        let data_at = after_name + 10;
        let data = message.get(data_at..data_at + length).ok_or("a record runs past the answer")?;
        // A CNAME on the way is followed by the resolver; only the asked type counts.
        if record_type == kind {
            if kind == TYPE_MX {
                names.push(read_name(message, data_at + 2)?.0);
            } else {
                records.push(data.to_vec());
            }
        }
        at = data_at + length;
    }
    Ok(match (kind, records.is_empty() && names.is_empty()) {
        (_, true) => Reply::NoData,
        (TYPE_MX, false) => Reply::Names(names),
        _ => Reply::Records(records),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_from_arguments_and_resolv_conf() {
        assert_eq!(parse_server("127.0.0.1:5353"), Ok("127.0.0.1:5353".parse().unwrap()));
        assert_eq!(parse_server("192.0.2.53"), Ok("192.0.2.53:53".parse().unwrap()));
        assert_eq!(parse_server("[::1]:5353"), Ok("[::1]:5353".parse().unwrap()));
        assert!(parse_server("dns.example").unwrap_err().contains("IP:PORT"));
        let conf = "# comment\nsearch example\nnameserver fe80::1%eth0\nnameserver 192.0.2.1\n";
        assert_eq!(first_nameserver(conf), Some("[fe80::1]:53".parse().unwrap()));
        assert_eq!(first_nameserver("options ndots:2\n"), None);
    }

    /// An answer built by hand: the query, then records with compressed names.
    fn answer(query: &[u8], rcode: u8, records: &[(u16, Vec<u8>)]) -> Vec<u8> {
        // The query without its OPT record (11 bytes at the end).
        let mut message = query[..query.len() - 11].to_vec();
        message[2] |= 0x80;
        message[3] = (message[3] & 0xf0) | rcode;
        message[6..8].copy_from_slice(&(records.len() as u16).to_be_bytes());
        message[10..12].copy_from_slice(&[0, 0]);
        for (kind, data) in records {
            message.extend_from_slice(&[0xc0, 12]);
            message.extend_from_slice(&kind.to_be_bytes());
            message.extend_from_slice(&[0, 1, 0, 0, 0, 60]);
            message.extend_from_slice(&(data.len() as u16).to_be_bytes());
            message.extend_from_slice(data);
        }
        message
    }

    #[test]
    fn decodes_answers() {
        let query = encode_query(7, "Example.COM.", TYPE_TXT).unwrap();
        let txt = answer(&query, 0, &[(TYPE_TXT, b"\x07v=spf1 \x04-all".to_vec()), (5, vec![0xc0, 12])]);
        assert_eq!(
            decode_reply(&txt, 7, "example.com", TYPE_TXT),
            Ok(Reply::Records(vec![b"\x07v=spf1 \x04-all".to_vec()]))
        );
        assert_eq!(txt_text(b"\x07v=spf1 \x04-all"), "v=spf1 -all");
        assert_eq!(
            decode_reply(&txt, 8, "example.com", TYPE_TXT),
            Err("the DNS answer does not match the question".into())
        );
        assert_eq!(
            decode_reply(&txt, 7, "example.net", TYPE_TXT),
            Err("the DNS answer does not match the question".into())
        );
        assert_eq!(decode_reply(&answer(&query, 3, &[]), 7, "example.com", TYPE_TXT), Ok(Reply::NxDomain));
        assert_eq!(decode_reply(&answer(&query, 0, &[]), 7, "example.com", TYPE_TXT), Ok(Reply::NoData));
        assert!(decode_reply(&answer(&query, 2, &[]), 7, "example.com", TYPE_TXT).unwrap_err().contains("SERVFAIL"));
        let query = encode_query(9, "example.com", TYPE_MX).unwrap();
        // "mail" then a pointer to the question's name.
        let mx = answer(&query, 0, &[(TYPE_MX, vec![0, 10, 4, b'm', b'a', b'i', b'l', 0xc0, 12])]);
        assert_eq!(decode_reply(&mx, 9, "example.com", TYPE_MX), Ok(Reply::Names(vec!["mail.example.com".into()])));
        // Cut anywhere, an answer is an error, never a panic.
        for cut in 0..mx.len() {
            let _ = decode_reply(&mx[..cut], 9, "example.com", TYPE_MX);
        }
        let looping = [0, 9, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12];
        assert!(read_name(&looping, 12).unwrap_err().contains("loops"));
        assert!(encode_query(1, "a..example", TYPE_A).is_err());
    }

    /// A TXT record's data: the text in strings of at most 255 bytes.
    fn txt_data(text: &[u8]) -> Vec<u8> {
        text.chunks(255).flat_map(|chunk| std::iter::once(chunk.len() as u8).chain(chunk.iter().copied())).collect()
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let _ = decode_reply(&bytes, 7, "example.com", TYPE_TXT);
            let _ = decode_reply(&bytes, 7, "example.com", TYPE_MX);
            let _ = read_name(&bytes, 0);
        }

        #[test]
        fn txt_answers_read_back(name in "[a-z0-9]{1,20}(\\.[a-z0-9_-]{1,20}){1,3}", records in proptest::collection::vec("[ -~]{0,700}", 1..4)) {
            let query = encode_query(42, &name, TYPE_TXT).unwrap();
            let data: Vec<(u16, Vec<u8>)> = records.iter().map(|text| (TYPE_TXT, txt_data(text.as_bytes()))).collect();
            let Ok(Reply::Records(read)) = decode_reply(&answer(&query, 0, &data), 42, &name, TYPE_TXT) else {
                panic!("not read");
            };
            let texts: Vec<String> = read.iter().map(|data| txt_text(data)).collect();
            proptest::prop_assert_eq!(texts, records);
        }
    }
}
