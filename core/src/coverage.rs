//! Does a firewall's current allow list cover what the plan needs? The user pastes rules in
//! CSV, nftables, iptables-restore or Cisco ASA syntax; each required opening is then covered,
//! partly covered (narrower ports, a smaller network) or missing. Containment is real CIDR and
//! port-range arithmetic, not text matching.

use crate::export::resolve;
use crate::firewall::{FirewallRule, parse_service};
use crate::plan::CustomerAddresses;
use crate::units::{PortRange, Protocol, Service};
use ipnet::Ipv4Net;
use serde::Serialize;
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// One allow rule read from the user's text. An empty network list means "any".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllowRule {
    pub line: usize,
    pub protocol: Option<Protocol>,
    pub ports: Option<PortRange>,
    pub sources: Vec<Ipv4Net>,
    pub destinations: Vec<Ipv4Net>,
}

/// A line that could not be read, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineProblem {
    pub line: usize,
    pub text: String,
    pub problem: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    Partial,
    Missing,
}

/// The verdict on one required opening (one rule, one service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub rule: &'static str,
    pub section: &'static str,
    pub service: Service,
    pub coverage: Coverage,
    /// Lines of the pasted text that cover it, wholly or in part.
    pub lines: Vec<usize>,
    pub detail: String,
}

fn parse_network(word: &str) -> Option<Ipv4Net> {
    let word = word.trim_matches(|c: char| c == ',' || c == '{' || c == '}' || c == '"' || c == '(' || c == ')');
    word.parse::<Ipv4Net>()
        .ok()
        .or_else(|| word.parse::<Ipv4Addr>().ok().map(Ipv4Net::from))
        .map(|network| network.trunc())
}

fn networks_in(text: &str) -> Vec<Ipv4Net> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '{' || c == '}').filter_map(parse_network).collect()
}

fn parse_ports(text: &str) -> Option<PortRange> {
    let text = text.trim().replace(':', "-");
    parse_service(&format!("TCP/{text}")).ok().map(|service| service.ports)
}

fn protocol(word: &str) -> Option<Protocol> {
    match word.to_ascii_lowercase().as_str() {
        "tcp" => Some(Protocol::Tcp),
        "udp" => Some(Protocol::Udp),
        _ => None,
    }
}

/// The word after `key` in a whitespace-split line.
fn after<'a>(words: &[&'a str], key: &str) -> Option<&'a str> {
    words.iter().position(|word| *word == key).and_then(|index| words.get(index + 1)).copied()
}

fn nft_rule(line: usize, text: &str) -> Result<AllowRule, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !words.contains(&"accept") {
        return Err("an nftables rule without \"accept\" opens nothing".into());
    }
    // "ip saddr { a, b }" or "ip saddr a": collect up to the next keyword.
    let addresses = |key: &str| -> Vec<Ipv4Net> {
        let Some(start) = words.iter().position(|word| *word == key) else { return Vec::new() };
        let rest = &words[start + 1..];
        if rest.first() == Some(&"{") || rest.first().is_some_and(|word| word.starts_with('{')) {
            let end = rest.iter().position(|word| word.ends_with('}')).unwrap_or(rest.len() - 1);
            networks_in(&rest[..=end].join(" "))
        } else {
            rest.first().and_then(|word| parse_network(word)).into_iter().collect()
        }
    };
    let protocol_word =
        words.iter().position(|word| *word == "dport").and_then(|index| index.checked_sub(1)).map(|index| words[index]);
    let protocol = protocol_word.and_then(protocol).or_else(|| after(&words, "protocol").and_then(protocol));
    let ports = match after(&words, "dport") {
        Some(ports) => Some(parse_ports(ports).ok_or_else(|| format!("\"{ports}\" is not a port or port range"))?),
        None => None,
    };
    Ok(AllowRule { line, protocol, ports, sources: addresses("saddr"), destinations: addresses("daddr") })
}

fn iptables_rule(line: usize, text: &str) -> Result<AllowRule, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !matches!(after(&words, "-j").or_else(|| after(&words, "--jump")), Some("ACCEPT")) {
        return Err("an iptables rule that does not jump to ACCEPT opens nothing".into());
    }
    let network = |keys: &[&str]| -> Result<Vec<Ipv4Net>, String> {
        match keys.iter().find_map(|key| after(&words, key)) {
            Some(text) => text
                .split(',')
                .map(|part| parse_network(part).ok_or_else(|| format!("\"{part}\" is not an address")))
                .collect(),
            None => Ok(Vec::new()),
        }
    };
    let protocol = match after(&words, "-p").or_else(|| after(&words, "--protocol")) {
        Some(word) => Some(protocol(word).ok_or_else(|| format!("protocol \"{word}\" is neither tcp nor udp"))?),
        None => None,
    };
    let ports = match after(&words, "--dport").or_else(|| after(&words, "--destination-port")) {
        Some(ports) => Some(parse_ports(ports).ok_or_else(|| format!("\"{ports}\" is not a port or port range"))?),
        None => None,
    };
    Ok(AllowRule {
        line,
        protocol,
        ports,
        sources: network(&["-s", "--source"])?,
        destinations: network(&["-d", "--destination"])?,
    })
}

/// Reads an ASA address: "any", "host A", "A MASK", "object-group NAME".
fn asa_address(
    words: &[&str],
    index: &mut usize,
    groups: &BTreeMap<String, Vec<Ipv4Net>>,
) -> Result<Vec<Ipv4Net>, String> {
    let word = words.get(*index).copied().ok_or("the rule ends before its addresses")?;
    *index += 1;
    match word {
        "any" | "any4" => Ok(Vec::new()),
        "host" => {
            let address = words.get(*index).copied().ok_or("\"host\" without an address")?;
            *index += 1;
            parse_network(address)
                .map(|network| vec![network])
                .ok_or_else(|| format!("\"{address}\" is not an address"))
        }
        "object-group" | "object" => {
            let name = words.get(*index).copied().ok_or("\"object-group\" without a name")?;
            *index += 1;
            groups.get(name).cloned().ok_or_else(|| format!("object-group {name} is not defined above this line"))
        }
        address => {
            let mask = words.get(*index).copied().ok_or("an address without its mask")?;
            *index += 1;
            let (address, mask) = (address.parse::<Ipv4Addr>(), mask.parse::<Ipv4Addr>());
            match (address, mask) {
                (Ok(address), Ok(mask)) => Ipv4Net::with_netmask(address, mask)
                    .map(|network| vec![network.trunc()])
                    .map_err(|_| "not a valid netmask".to_owned()),
                _ => Err("expected any, host, object-group or an address with a mask".into()),
            }
        }
    }
}

fn asa_rule(line: usize, text: &str, groups: &BTreeMap<String, Vec<Ipv4Net>>) -> Result<AllowRule, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(permit) = words.iter().position(|word| *word == "permit") else {
        return Err("an access-list line without \"permit\" opens nothing".into());
    };
    let protocol_word = words.get(permit + 1).copied().ok_or("no protocol after permit")?;
    let protocol = match protocol_word {
        "ip" => None,
        word => Some(protocol(word).ok_or_else(|| format!("protocol \"{word}\" is neither tcp nor udp"))?),
    };
    let mut index = permit + 2;
    let sources = asa_address(&words, &mut index, groups)?;
    let destinations = asa_address(&words, &mut index, groups)?;
    let ports = match (words.get(index).copied(), words.get(index + 1).copied(), words.get(index + 2).copied()) {
        (Some("eq"), Some(port), _) => {
            Some(parse_ports(port).ok_or_else(|| format!("\"{port}\" is not a port number"))?)
        }
        (Some("range"), Some(first), Some(last)) => Some(
            parse_ports(&format!("{first}-{last}")).ok_or_else(|| format!("\"{first} {last}\" is not a port range"))?,
        ),
        (None, _, _) => None,
        (Some(other), _, _) => return Err(format!("port operator \"{other}\" is not read (eq and range are)")),
    };
    Ok(AllowRule { line, protocol, ports, sources, destinations })
}

fn csv_rule(line: usize, text: &str, columns: &[String]) -> Result<AllowRule, String> {
    let fields = split_csv(text);
    let get = |name: &str| {
        columns.iter().position(|column| column == name).and_then(|index| fields.get(index)).map(String::as_str)
    };
    let protocol = match get("protocol") {
        Some(word) if !word.trim().is_empty() && !word.eq_ignore_ascii_case("any") => {
            Some(protocol(word.trim()).ok_or_else(|| format!("protocol \"{word}\" is neither TCP nor UDP"))?)
        }
        _ => None,
    };
    let ports = match get("ports").or_else(|| get("port")) {
        Some(word) if !word.trim().is_empty() && !word.eq_ignore_ascii_case("any") => {
            Some(parse_ports(word).ok_or_else(|| format!("\"{word}\" is not a port or port range"))?)
        }
        _ => None,
    };
    Ok(AllowRule {
        line,
        protocol,
        ports,
        sources: get("source").map(networks_in).unwrap_or_default(),
        destinations: get("destination").map(networks_in).unwrap_or_default(),
    })
}

fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap_or(&mut String::new()).push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields.into_iter().map(|field| field.trim().to_owned()).collect()
}

/// Reads every allow rule in the text; lines it cannot read are reported, not dropped.
pub fn parse_rules(text: &str) -> (Vec<AllowRule>, Vec<LineProblem>) {
    let (mut rules, mut problems) = (Vec::new(), Vec::new());
    let mut groups: BTreeMap<String, Vec<Ipv4Net>> = BTreeMap::new();
    let mut current_group: Option<String> = None;
    let mut csv_columns: Option<Vec<String>> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        let structural = trimmed.is_empty()
            || trimmed.starts_with(['#', '!', '*', ':', '}'])
            || trimmed == "COMMIT"
            || trimmed.starts_with("table ")
            || trimmed.starts_with("chain ")
            || trimmed.starts_with("type filter")
            || trimmed.starts_with("description ")
            || trimmed.starts_with("access-list") && trimmed.contains(" remark ");
        if structural {
            continue;
        }
        let result = if let Some(name) = trimmed.strip_prefix("object-group network ") {
            let name = name.trim().to_owned();
            groups.insert(name.clone(), Vec::new());
            current_group = Some(name);
            continue;
        } else if let Some(object) = trimmed.strip_prefix("network-object ") {
            let words: Vec<&str> = object.split_whitespace().collect();
            let mut position = 0;
            match (current_group.as_ref(), asa_address(&words, &mut position, &groups)) {
                (Some(group), Ok(networks)) if !networks.is_empty() => {
                    groups.entry(group.clone()).or_default().extend(networks);
                    continue;
                }
                (None, _) => Err("network-object outside an object-group".to_owned()),
                (_, Err(problem)) => Err(problem),
                (_, Ok(_)) => Err("\"any\" is not a network-object".to_owned()),
            }
        } else if trimmed.starts_with("-A ") || trimmed.starts_with("-I ") {
            iptables_rule(line, trimmed)
        } else if trimmed.starts_with("access-list ") {
            asa_rule(line, trimmed, &groups)
        } else if trimmed.contains(" dport ") || trimmed.contains("ip daddr") || trimmed.contains("ip saddr") {
            nft_rule(line, trimmed)
        } else if trimmed.contains(',') {
            let fields: Vec<String> = split_csv(trimmed).into_iter().map(|field| field.to_ascii_lowercase()).collect();
            if fields.iter().any(|field| field == "protocol") {
                csv_columns = Some(fields);
                continue;
            }
            match &csv_columns {
                Some(columns) => csv_rule(line, trimmed, columns),
                None => Err("a CSV line before any header naming protocol, ports, source and destination".to_owned()),
            }
        } else {
            Err("not a rule in CSV, nftables, iptables-restore or Cisco ASA syntax".to_owned())
        };
        match result {
            Ok(rule) => rules.push(rule),
            Err(problem) => problems.push(LineProblem { line, text: trimmed.to_owned(), problem }),
        }
    }
    (rules, problems)
}

/// How one side of an allow rule relates to one required network: `None` for no overlap.
fn side(allowed: &[Ipv4Net], required: Option<&Ipv4Net>) -> Option<bool> {
    match required {
        // The customer's side without a known address: any address the user wrote will do.
        None => Some(true),
        // "any" on the allow rule covers every network.
        Some(_) if allowed.is_empty() => Some(true),
        Some(required) => {
            if allowed.iter().any(|network| network.contains(required)) {
                Some(true)
            } else if allowed.iter().any(|network| required.contains(network)) {
                Some(false)
            } else {
                None
            }
        }
    }
}

/// Checks every required opening of `rules` against the allow rules.
pub fn check_coverage(
    rules: &[&FirewallRule],
    addresses: &CustomerAddresses,
    allowed: &[AllowRule],
) -> Vec<CoverageRow> {
    let mut rows = Vec::new();
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        // A placeholder is no address at all: any the user wrote will do.
        let required = |endpoint: &crate::export::Endpoint| -> Vec<Option<Ipv4Net>> {
            if endpoint.networks.is_empty() || endpoint.placeholder {
                vec![None]
            } else {
                endpoint.networks.iter().copied().map(Some).collect()
            }
        };
        let (sources, destinations) = (required(&source), required(&destination));
        for service in rule.services {
            let mut lines = Vec::new();
            let (mut whole, mut parts, mut partial_reasons) = (0, 0, Vec::new());
            for wanted_source in &sources {
                for wanted_destination in &destinations {
                    parts += 1;
                    let mut best = Coverage::Missing;
                    for allow in allowed {
                        if allow.protocol.is_some_and(|protocol| protocol != service.protocol) {
                            continue;
                        }
                        let ports = match allow.ports {
                            None => Some(true),
                            Some(ports) if ports.contains(service.ports) => Some(true),
                            Some(ports)
                                if ports.first() <= service.ports.last() && service.ports.first() <= ports.last() =>
                            {
                                Some(false)
                            }
                            Some(_) => None,
                        };
                        let (Some(ports), Some(from), Some(to)) = (
                            ports,
                            side(&allow.sources, wanted_source.as_ref()),
                            side(&allow.destinations, wanted_destination.as_ref()),
                        ) else {
                            continue;
                        };
                        if !lines.contains(&allow.line) {
                            lines.push(allow.line);
                        }
                        if ports && from && to {
                            best = Coverage::Covered;
                        } else if best == Coverage::Missing {
                            best = Coverage::Partial;
                            let mut why = Vec::new();
                            if !ports {
                                why.push(format!(
                                    "line {} opens ports {} of {}",
                                    allow.line,
                                    allow.ports.map_or("all".into(), |p| p.to_string()),
                                    service.ports
                                ));
                            }
                            if !from || !to {
                                why.push(format!("line {} covers a smaller network", allow.line));
                            }
                            partial_reasons.extend(why);
                        }
                    }
                    if best == Coverage::Covered {
                        whole += 1;
                    }
                }
            }
            let coverage = if whole == parts {
                Coverage::Covered
            } else if !lines.is_empty() {
                Coverage::Partial
            } else {
                Coverage::Missing
            };
            let detail = match coverage {
                Coverage::Covered => {
                    format!("covered by line {}", lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", "))
                }
                Coverage::Partial if partial_reasons.is_empty() => {
                    format!("{whole} of {parts} address pairs covered")
                }
                Coverage::Partial => partial_reasons.join("; "),
                Coverage::Missing => format!("nothing allows {service} from {} to {}", source.name, destination.name),
            };
            rows.push(CoverageRow { rule: rule.id, section: rule.section, service: *service, coverage, lines, detail });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{RuleFormat, export};
    use crate::plan::{Calendar, Plan, SkypeIntegration};

    fn plan() -> Plan {
        Plan {
            softphone_pc_users: 10,
            ip_phones: 4,
            calendar: Calendar::ExchangeOnPremise,
            skype: SkypeIntegration::PresenceAndVoice,
            advanced_attendant: true,
            ad_integration: true,
            ..Plan::default()
        }
    }

    fn coverage(text: &str) -> Vec<(String, Coverage)> {
        let plan = plan();
        let (allowed, problems) = parse_rules(text);
        assert!(problems.is_empty(), "{problems:?}");
        check_coverage(&plan.firewall_rules(), &plan.addresses, &allowed)
            .into_iter()
            .map(|row| (format!("{} {}", row.rule, row.service), row.coverage))
            .collect()
    }

    #[test]
    fn our_own_exports_cover_everything() {
        let plan = plan();
        for format in [RuleFormat::Csv, RuleFormat::Nftables, RuleFormat::Iptables, RuleFormat::CiscoAsa] {
            let text = export(&plan.firewall_rules(), &plan.addresses, format);
            for (row, state) in coverage(&text) {
                assert_eq!(state, Coverage::Covered, "{} {row}", format.name());
            }
        }
    }

    #[test]
    fn narrower_and_missing_openings_are_told_apart() {
        let check = |text: &str, rule: &str, expected: Coverage| {
            let rows = coverage(text);
            let state = rows.iter().find(|(row, _)| row == rule).map(|(_, state)| *state);
            assert_eq!(state, Some(expected), "{rule} in {rows:?}");
        };
        // A narrower port range than the spec's media range.
        let narrow = "-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT";
        check(narrow, "6.2.2 UDP/49152-65535", Coverage::Partial);
        // A smaller network than 81.228.2.192/27.
        let small = "ip daddr 81.228.2.192/28 tcp dport 443 accept";
        check(small, "6.1.2 TCP/443", Coverage::Partial);
        check(small, "6.1.1 TCP/80", Coverage::Missing);
        // A wider network and all ports covers.
        let wide = "ip daddr 81.228.0.0/16 accept";
        check(wide, "6.2.1 TCP/5061", Coverage::Covered);
        // Only one of the two AD servers.
        let one_ad = "access-list OUT extended permit tcp any host 213.65.58.109 eq 443";
        check(one_ad, "6.7.1 TCP/443", Coverage::Partial);
        // The attendant range as a mask, and a wrong protocol.
        let attendant = "access-list OUT extended permit tcp any 213.65.172.64 255.255.255.252 range 1 65535\naccess-list OUT extended permit udp any any eq 5061";
        check(attendant, "6.6.1 TCP/14711", Coverage::Covered);
        check(attendant, "6.2.1 TCP/5061", Coverage::Missing);
        // CSV with its header.
        let csv = "protocol,ports,source,destination\nTCP,443,,81.228.2.192/27\n";
        check(csv, "6.1.2 TCP/443", Coverage::Covered);
    }

    #[test]
    fn unreadable_lines_are_reported_with_their_numbers() {
        let text = "ip daddr 81.228.2.192/27 tcp dport 443 accept\n-A FORWARD -d 1.2.3 -p tcp -j ACCEPT\n-A FORWARD -p tcp -j DROP\nhello world\nTCP,443,,1.2.3.4\naccess-list X extended permit tcp any object-group NOPE eq 1\n";
        let (rules, problems) = parse_rules(text);
        assert_eq!(rules.len(), 1);
        let lines: Vec<usize> = problems.iter().map(|problem| problem.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6], "{problems:#?}");
        assert!(problems[0].problem.contains("\"1.2.3\" is not an address"));
        assert!(problems[4].problem.contains("object-group NOPE is not defined"));
    }
}
