//! What the rule readers share: splitting a line into words (quotes and braces kept whole),
//! addresses, ports and the service names firewalls print instead of port numbers.

use super::region::{IntervalSet, PORT};
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

/// Port names as nftables (from /etc/services) and Cisco ASA print them.
pub const NAMED_PORTS: &[(&str, u16)] = &[
    ("ftp-data", 20),
    ("ftp", 21),
    ("ssh", 22),
    ("telnet", 23),
    ("smtp", 25),
    ("domain", 53),
    ("bootps", 67),
    ("bootpc", 68),
    ("tftp", 69),
    ("http", 80),
    ("www", 80),
    ("pop3", 110),
    ("sunrpc", 111),
    ("nntp", 119),
    ("ntp", 123),
    ("netbios-ns", 137),
    ("netbios-dgm", 138),
    ("netbios-ssn", 139),
    ("imap", 143),
    ("imap4", 143),
    ("snmp", 161),
    ("snmptrap", 162),
    ("ldap", 389),
    ("https", 443),
    ("microsoft-ds", 445),
    ("isakmp", 500),
    ("syslog", 514),
    ("ldaps", 636),
    ("imaps", 993),
    ("pop3s", 995),
    ("sqlnet", 1521),
    ("h323", 1720),
    ("pptp", 1723),
    ("sip", 5060),
    ("sip-tls", 5061),
    ("sips", 5061),
];

pub fn named_port(word: &str) -> Option<u16> {
    let word = word.to_ascii_lowercase();
    NAMED_PORTS.iter().find(|(name, _)| *name == word).map(|(_, port)| *port)
}

/// A port by number or name.
pub fn port(word: &str) -> Option<u16> {
    word.parse::<u16>().ok().or_else(|| named_port(word))
}

/// "443", "https", "49152-65535" (also "49152:65535").
pub fn port_interval(word: &str) -> Option<(u32, u32)> {
    let word = word.trim();
    if let Some(port) = port(word) {
        return Some((u32::from(port), u32::from(port)));
    }
    let (first, last) = word.split_once(['-', ':'])?;
    let (first, last) = (port(first.trim())?, port(last.trim())?);
    (first <= last).then_some((u32::from(first), u32::from(last)))
}

/// "10.0.0.1", "10.0.0.0/8", "10.0.0.1-10.0.0.9".
pub fn address_interval(word: &str) -> Option<(u32, u32)> {
    let word = word.trim();
    if let Ok(network) = word.parse::<Ipv4Net>() {
        let set = IntervalSet::network(network);
        return set.intervals().first().copied();
    }
    if let Ok(address) = word.parse::<Ipv4Addr>() {
        return Some((u32::from(address), u32::from(address)));
    }
    let (first, last) = word.split_once('-')?;
    let (first, last) = (first.trim().parse::<Ipv4Addr>().ok()?, last.trim().parse::<Ipv4Addr>().ok()?);
    (first <= last).then_some((u32::from(first), u32::from(last)))
}

/// A comma-separated list of values (inside braces or not) as one set; `None` if any value
/// does not read.
pub fn value_set(text: &str, dimension: usize) -> Option<IntervalSet> {
    let inner = text.trim().trim_start_matches('{').trim_end_matches('}');
    let mut intervals = Vec::new();
    for value in inner.split(',').map(str::trim).filter(|value| !value.is_empty()) {
        let interval = if dimension == PORT { port_interval(value)? } else { address_interval(value)? };
        intervals.push(interval);
    }
    if intervals.is_empty() {
        return None;
    }
    Some(IntervalSet::from_intervals(intervals))
}

/// Splits a line into words; a quoted string or a `{ … }` group is one word.
pub fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let (mut depth, mut quoted) = (0usize, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '{' if !quoted => {
                depth += 1;
                current.push(c);
            }
            '}' if !quoted => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            c if c.is_whitespace() && !quoted && depth == 0 => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// How many braces a line opens minus those it closes, outside quotes.
pub fn brace_balance(line: &str) -> i64 {
    let mut quoted = false;
    let mut balance = 0;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '{' if !quoted => balance += 1,
            '}' if !quoted => balance -= 1,
            _ => {}
        }
    }
    balance
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::region::DESTINATION;

    #[test]
    fn words_keep_groups_and_quotes() {
        assert_eq!(
            words("ip daddr { 1.2.3.4, 5.6.7.8 } tcp dport 443 comment \"a b\" accept"),
            ["ip", "daddr", "{ 1.2.3.4, 5.6.7.8 }", "tcp", "dport", "443", "comment", "\"a b\"", "accept"]
        );
    }

    #[test]
    fn values_read_as_sets() {
        let check = |text: &str, dimension: usize, expected: Option<&[(u32, u32)]>| {
            assert_eq!(value_set(text, dimension).as_ref().map(IntervalSet::intervals), expected, "{text}");
        };
        check("{ 80, 443, 5061 }", PORT, Some(&[(80, 80), (443, 443), (5061, 5061)]));
        check("www", PORT, Some(&[(80, 80)]));
        check("49152-65535", PORT, Some(&[(49152, 65535)]));
        check("1024:2048", PORT, Some(&[(1024, 2048)]));
        check("{ 80, nonsense }", PORT, None);
        check("0.0.0.4-0.0.0.6", DESTINATION, Some(&[(4, 6)]));
        check("0.0.0.0/30", DESTINATION, Some(&[(0, 3)]));
        check("300.1.1.1", DESTINATION, None);
    }
}
