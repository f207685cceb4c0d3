//! Reads a Cisco ASA running-config: network objects and object-groups (hosts, subnets,
//! ranges, FQDNs, nested groups), service objects and groups (named ports, ranges), and
//! extended access lists with permit and deny, in order, ending in the implicit deny.

use super::model::{Action, Chain, Policy, Protocols, Rule};
use super::region::{IntervalSet, PORT, Product, SOURCE};
use super::unreadable::Unreadable;
use super::words::port;
use super::{Firewall, Hook, Syntax};
use crate::bilingual;
use crate::locale::Bilingual;
use crate::units::Protocol;
use ipnet::Ipv4Net;
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// The chain of the global access list, where no interface's list is bound on a side.
pub const GLOBAL: &str = "the global access list";

/// Between a bound list's name and its interface, in the chain's name: "OUT (in on inside)".
pub const BOUND_IN: &str = " (in on ";

/// A set of addresses, and whether names (FQDN objects, or a member line not read) may add
/// addresses not known offline.
#[derive(Debug, Clone, Default)]
struct Addresses {
    known: IntervalSet,
    names: Vec<Bilingual>,
}

/// One protocol-and-ports alternative of a service.
#[derive(Debug, Clone)]
struct ServiceEntry {
    protocols: Protocols,
    ports: IntervalSet,
    uncertain: Option<Bilingual>,
}

#[derive(Debug, Default)]
struct Objects {
    networks: BTreeMap<String, Addresses>,
    services: BTreeMap<String, Vec<ServiceEntry>>,
    /// Port groups: `object-group service NAME tcp` with port-objects.
    protocols: BTreeMap<String, Protocols>,
}

#[derive(Debug, Clone)]
enum Open {
    Network(String),
    NetworkGroup(String),
    Service(String),
    ServiceGroup(String, Option<Protocols>),
    ProtocolGroup(String),
    Other,
}

fn protocols_of(word: &str) -> Option<Protocols> {
    match word {
        "tcp" | "6" => Some(Protocols::only(Protocol::Tcp)),
        "udp" | "17" => Some(Protocols::only(Protocol::Udp)),
        "tcp-udp" | "ip" => Some(Protocols::ANY),
        "icmp" | "icmp6" | "esp" | "ah" | "gre" | "sctp" | "igmp" | "ospf" | "pim" | "eigrp" => Some(Protocols::NONE),
        number if number.parse::<u8>().is_ok() => Some(Protocols::NONE),
        _ => None,
    }
}

/// "eq 443" / "neq www" / "lt 1024" / "gt 1023" / "range 49152 65535": the ports and how
/// many words they took.
fn port_operator(words: &[&str]) -> Option<(IntervalSet, usize)> {
    let number = |index: usize| words.get(index).and_then(|word| port(word)).map(u32::from);
    match words.first().copied()? {
        "eq" => number(1).map(|p| (IntervalSet::interval(p, p), 2)),
        "neq" => number(1).map(|p| (IntervalSet::interval(p, p).complement(PORT), 2)),
        "lt" => number(1).map(|p| (if p == 0 { IntervalSet::empty() } else { IntervalSet::interval(0, p - 1) }, 2)),
        "gt" => number(1).map(|p| (IntervalSet::interval(p + 1, 65535), 2)),
        "range" => match (number(1), number(2)) {
            (Some(first), Some(last)) if first <= last => Some((IntervalSet::interval(first, last), 3)),
            _ => None,
        },
        _ => None,
    }
}

fn mask_network(address: &str, mask: &str) -> Option<IntervalSet> {
    let (address, mask) = (address.parse::<Ipv4Addr>().ok()?, mask.parse::<Ipv4Addr>().ok()?);
    Ipv4Net::with_netmask(address, mask).ok().map(IntervalSet::network)
}

impl Objects {
    fn add_network(&mut self, name: &str, addresses: Addresses) {
        let entry = self.networks.entry(name.to_owned()).or_default();
        entry.known = entry.known.union(&addresses.known);
        entry.names.extend(addresses.names);
    }

    /// An address operand: any, host A, A MASK, object N, object-group N. Returns the
    /// addresses and how many words it took; `Err` for what cannot be read.
    fn address(&self, words: &[&str]) -> Result<(Addresses, usize), Unreadable> {
        let full = || Addresses { known: IntervalSet::full(SOURCE), names: Vec::new() };
        match words.first().copied() {
            Some("any" | "any4") => Ok((full(), 1)),
            Some("any6") => Ok((Addresses::default(), 1)),
            Some("host") => {
                let address = words.get(1).copied().unwrap_or("");
                address
                    .parse::<Ipv4Addr>()
                    .map(|address| {
                        (Addresses { known: IntervalSet::network(Ipv4Net::from(address)), names: Vec::new() }, 2)
                    })
                    .map_err(|_| Unreadable::HostAddress { address: address.to_owned() })
            }
            Some("object" | "object-group") => {
                let name = words.get(1).copied().unwrap_or("");
                self.networks
                    .get(name)
                    .cloned()
                    .map(|addresses| (addresses, 2))
                    .ok_or_else(|| Unreadable::UndefinedNetworkObject { name: name.to_owned() })
            }
            Some("interface") => Err(Unreadable::InterfaceAddresses),
            Some(address) => {
                let mask = words.get(1).copied().unwrap_or("");
                mask_network(address, mask)
                    .map(|known| (Addresses { known, names: Vec::new() }, 2))
                    .ok_or_else(|| Unreadable::Netmask { address: address.to_owned(), mask: mask.to_owned() })
            }
            None => Err(Unreadable::EndsBeforeAddresses),
        }
    }

    /// An object's member line (inside `object network` or `object-group network`).
    fn member(&self, words: &[&str]) -> Result<Addresses, Unreadable> {
        match words {
            ["host", address] | ["network-object", "host", address] => {
                self.address(&["host", address]).map(|(addresses, _)| addresses)
            }
            ["network-object", "object", name] | ["group-object", name] => self
                .networks
                .get(*name)
                .cloned()
                .ok_or_else(|| Unreadable::UndefinedNetworkObject { name: (*name).to_owned() }),
            ["subnet", address, mask] | ["network-object", address, mask] => mask_network(address, mask)
                .map(|known| Addresses { known, names: Vec::new() })
                .ok_or_else(|| Unreadable::Netmask { address: (*address).to_owned(), mask: (*mask).to_owned() }),
            ["range", first, last] => match (first.parse::<Ipv4Addr>(), last.parse::<Ipv4Addr>()) {
                (Ok(first), Ok(last)) if first <= last => {
                    Ok(Addresses { known: IntervalSet::address_range(first, last), names: Vec::new() })
                }
                _ => Err(Unreadable::AddressRange { first: (*first).to_owned(), last: (*last).to_owned() }),
            },
            ["fqdn", .., name] => Ok(Addresses { known: IntervalSet::empty(), names: vec![Bilingual::same(*name)] }),
            _ => Err(Unreadable::NetworkMember),
        }
    }

    /// "service tcp destination eq 443", "service-object udp destination range 1 2",
    /// "service-object tcp eq https", "port-object eq www".
    fn service_member(
        &self,
        words: &[&str],
        group_protocols: Option<Protocols>,
    ) -> Result<Vec<ServiceEntry>, Unreadable> {
        match words {
            ["port-object", rest @ ..] => {
                let (ports, _) = port_operator(rest).ok_or(Unreadable::PortObjectPorts)?;
                Ok(vec![ServiceEntry { protocols: group_protocols.unwrap_or(Protocols::ANY), ports, uncertain: None }])
            }
            ["service-object", "object", name] | ["group-object", name] => self
                .services
                .get(*name)
                .cloned()
                .ok_or_else(|| Unreadable::UndefinedServiceObject { name: (*name).to_owned() }),
            ["service" | "service-object", protocol, rest @ ..] => {
                let protocols =
                    protocols_of(protocol).ok_or_else(|| Unreadable::Protocol { protocol: (*protocol).to_owned() })?;
                let mut index = 0;
                let mut ports = IntervalSet::full(PORT);
                let mut uncertain = None;
                while index < rest.len() {
                    match rest[index] {
                        "source" => {
                            let (_, taken) = port_operator(&rest[index + 1..]).ok_or(Unreadable::SourcePorts)?;
                            uncertain = Some(Bilingual::new("depends on the source port", "beror på källporten"));
                            index += 1 + taken;
                        }
                        "destination" => {
                            let (set, taken) = port_operator(&rest[index + 1..]).ok_or(Unreadable::DestinationPorts)?;
                            ports = set;
                            index += 1 + taken;
                        }
                        _ => {
                            let (set, taken) = port_operator(&rest[index..]).ok_or(Unreadable::Ports)?;
                            ports = set;
                            index += taken;
                        }
                    }
                }
                Ok(vec![ServiceEntry { protocols, ports, uncertain }])
            }
            ["description", ..] => Ok(Vec::new()),
            _ => Err(Unreadable::ServiceMember),
        }
    }
}

pub fn parse(text: &str) -> Firewall {
    let mut firewall = Firewall::new(Syntax::CiscoAsa);
    let mut objects = Objects::default();
    let mut open = Open::Other;
    let mut lists: Vec<String> = Vec::new();
    let mut bound: Vec<(String, Binding)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('!') || trimmed.starts_with(':') {
            continue;
        }
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        // A member line, even where a paste lost its indentation.
        const MEMBERS: &[&str] = &[
            "host",
            "subnet",
            "range",
            "fqdn",
            "network-object",
            "port-object",
            "service-object",
            "group-object",
            "protocol-object",
            "description",
            "service",
        ];
        let member_word = words.first().is_some_and(|word| MEMBERS.contains(word));
        let indented = raw.starts_with(' ') || raw.starts_with('\t') || member_word && !matches!(open, Open::Other);
        if indented {
            let result = match &open {
                Open::Network(name) | Open::NetworkGroup(name) => {
                    if words.first() == Some(&"description") || words.first() == Some(&"nat") {
                        Ok(())
                    } else {
                        let name = name.clone();
                        objects.member(&words).map(|addresses| objects.add_network(&name, addresses))
                    }
                }
                Open::Service(name) | Open::ServiceGroup(name, _) => {
                    let protocols = match &open {
                        Open::ServiceGroup(_, protocols) => *protocols,
                        _ => None,
                    };
                    let name = name.clone();
                    objects.service_member(&words, protocols).map(|entries| {
                        objects.services.entry(name).or_default().extend(entries);
                    })
                }
                Open::ProtocolGroup(name) => match words.as_slice() {
                    ["protocol-object", protocol] => match protocols_of(protocol) {
                        Some(protocols) => {
                            let entry = objects.protocols.entry(name.clone()).or_insert(Protocols::NONE);
                            entry.tcp |= protocols.tcp;
                            entry.udp |= protocols.udp;
                            Ok(())
                        }
                        None => Err(Unreadable::Protocol { protocol: (*protocol).to_owned() }),
                    },
                    ["description", ..] => Ok(()),
                    _ => Err(Unreadable::ProtocolMember),
                },
                Open::Other => Ok(()),
            };
            if let Err(problem) = result {
                firewall.problem(line, trimmed, problem);
                // The object may now hold less than it does on the firewall.
                match &open {
                    Open::Network(name) | Open::NetworkGroup(name) => {
                        objects
                            .networks
                            .entry(name.clone())
                            .or_default()
                            .names
                            .push(bilingual!("line {line}", "rad {line}"));
                    }
                    // A service member not read may be any service: rules through it are uncertain.
                    Open::Service(name) | Open::ServiceGroup(name, _) => {
                        objects.services.entry(name.clone()).or_default().push(ServiceEntry {
                            protocols: Protocols::ANY,
                            ports: IntervalSet::full(PORT),
                            uncertain: Some(bilingual!(
                                "member line {line} not read",
                                "medlemsraden {line} lästes inte"
                            )),
                        });
                    }
                    _ => {}
                }
            }
            continue;
        }
        open = match words.as_slice() {
            ["object", "network", name] => {
                objects.networks.entry((*name).to_owned()).or_default();
                Open::Network((*name).to_owned())
            }
            ["object-group", "network", name] => {
                objects.networks.entry((*name).to_owned()).or_default();
                Open::NetworkGroup((*name).to_owned())
            }
            ["object", "service", name] => {
                objects.services.entry((*name).to_owned()).or_default();
                Open::Service((*name).to_owned())
            }
            ["object-group", "service", name] => {
                objects.services.entry((*name).to_owned()).or_default();
                Open::ServiceGroup((*name).to_owned(), None)
            }
            ["object-group", "service", name, protocol] => {
                objects.services.entry((*name).to_owned()).or_default();
                Open::ServiceGroup((*name).to_owned(), protocols_of(protocol))
            }
            ["object-group", "protocol", name] => Open::ProtocolGroup((*name).to_owned()),
            _ => Open::Other,
        };
        if !matches!(open, Open::Other) {
            continue;
        }
        match words.as_slice() {
            ["access-list", name, "remark", ..] => {
                let _ = name;
            }
            ["access-list", name, rest @ ..] => {
                let mut rest = rest;
                let mut placed = None;
                if let ["line", number, tail @ ..] = rest
                    && number.parse::<u32>().is_ok()
                {
                    rest = tail;
                    placed = Some(bilingual!(
                        "line {line}: placed at line {number} of the list, which sitecheck does not follow",
                        "rad {line}: placerad på rad {number} i listan, vilket sitecheck inte följer"
                    ));
                }
                match rest {
                    ["extended", tail @ ..] => {
                        if !lists.iter().any(|list| list == name) {
                            lists.push((*name).to_owned());
                            firewall.chains.insert(
                                (*name).to_owned(),
                                Chain {
                                    name: (*name).to_owned(),
                                    line,
                                    policy: Some(Policy::Drop),
                                    policy_assumed: false,
                                    rules: Vec::new(),
                                },
                            );
                        }
                        match entry(line, tail, &objects) {
                            Ok(mut rules) => {
                                if let Some(reason) = &placed {
                                    for rule in &mut rules {
                                        rule.add_uncertainty(reason.clone());
                                    }
                                }
                                if let Some(chain) = firewall.chains.get_mut(*name) {
                                    if placed.is_some() {
                                        // Its place is not followed: first, and uncertain, it may
                                        // stand anywhere.
                                        chain.rules.splice(0..0, rules);
                                    } else {
                                        chain.rules.extend(rules);
                                    }
                                }
                            }
                            Err(problem) => {
                                let why = problem.text();
                                firewall.problem(line, trimmed, problem);
                                if let Some(chain) = firewall.chains.get_mut(*name) {
                                    chain.rules.push(Rule::unreadable(line, &why));
                                }
                            }
                        }
                    }
                    ["standard", ..] | ["webtype", ..] | ["ethertype", ..] => {}
                    _ => firewall.problem(line, trimmed, Unreadable::AccessListKind),
                }
            }
            ["access-group", name, "in", "interface", interface, ..] => {
                bound.push(((*name).to_owned(), Binding::In((*interface).to_owned())));
            }
            ["access-group", name, "out", "interface", interface, ..] => {
                firewall.assumptions.push(bilingual!(
                    "line {line}: access list {name} filters traffic leaving {interface}; only lists on traffic entering an interface are judged",
                    "rad {line}: åtkomstlistan {name} filtrerar trafik som lämnar {interface}; bara listor för trafik som kommer in på ett gränssnitt bedöms"
                ));
            }
            ["access-group", name, "global"] => bound.push(((*name).to_owned(), Binding::Global)),
            ["name", ..] => firewall.problem(line, trimmed, Unreadable::NameCommand),
            _ => {}
        }
    }
    if bound.is_empty() {
        if !lists.is_empty() {
            firewall.assumptions.push(Bilingual::new(
                "no access-group in the text: each access list is judged as if bound where the traffic enters",
                "ingen access-group i texten: varje åtkomstlista bedöms som om den vore bunden där trafiken kommer in",
            ));
        }
        for list in lists {
            firewall.bases.push((Hook::AccessList, list));
        }
        return firewall;
    }
    // Traffic meets the list bound where it enters, then the global list; the implicit deny
    // comes after both. Outbound traffic enters on the inside, inbound on the outside.
    let global: Vec<Rule> = bound
        .iter()
        .filter(|(_, binding)| *binding == Binding::Global)
        .filter_map(|(name, _)| firewall.chains.get(name))
        .flat_map(|chain| chain.rules.clone())
        .collect();
    let mut paths: Vec<(Hook, String, Vec<Rule>)> = Vec::new();
    for (name, binding) in &bound {
        let Binding::In(interface) = binding else { continue };
        let Some(chain) = firewall.chains.get(name) else { continue };
        let hooks: Vec<Hook> = match interface_side(interface) {
            Some(hook) => vec![hook],
            None => {
                firewall.assumptions.push(bilingual!(
                    "interface {interface} is neither inside nor outside by its name: access list {name} is judged for both directions",
                    "namnet på gränssnittet {interface} säger inte om det ligger på insidan eller utsidan: åtkomstlistan {name} bedöms för båda riktningarna"
                ));
                vec![Hook::Outbound, Hook::Inbound]
            }
        };
        let rules: Vec<Rule> = chain.rules.iter().cloned().chain(global.iter().cloned()).collect();
        for hook in hooks {
            paths.push((hook, format!("{name}{BOUND_IN}{interface})"), rules.clone()));
        }
    }
    if !global.is_empty() {
        for hook in [Hook::Outbound, Hook::Inbound] {
            if !paths.iter().any(|(side, _, _)| *side == hook) {
                paths.push((hook, GLOBAL.into(), global.clone()));
            }
        }
    }
    for (hook, name, rules) in paths {
        firewall.chains.insert(
            name.clone(),
            Chain { name: name.clone(), line: 1, policy: Some(Policy::Drop), policy_assumed: false, rules },
        );
        firewall.bases.push((hook, name));
    }
    firewall
}

/// How an access list is bound.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Binding {
    In(String),
    Global,
}

/// Which traffic enters an interface, by the names ASA configurations use.
fn interface_side(interface: &str) -> Option<Hook> {
    let name = interface.to_ascii_lowercase();
    if ["outside", "wan", "internet", "untrust", "external", "isp"].iter().any(|word| name.contains(word)) {
        Some(Hook::Inbound)
    } else if ["inside", "lan", "trust", "internal", "users", "clients"].iter().any(|word| name.contains(word)) {
        Some(Hook::Outbound)
    } else {
        None
    }
}

/// One extended entry after "extended": permit|deny PROTOCOL SOURCE [PORTS] DESTINATION [PORTS] …
fn entry(line: usize, words: &[&str], objects: &Objects) -> Result<Vec<Rule>, Unreadable> {
    let action = match words.first().copied() {
        Some("permit") => Action::Accept,
        Some("deny") => Action::Drop,
        other => return Err(Unreadable::PermitOrDeny { word: other.unwrap_or("").to_owned() }),
    };
    if words.contains(&"inactive") {
        return Ok(Vec::new());
    }
    let mut index = 1;
    // The protocol: a name, a protocol group, or a service object or group that also
    // carries the ports.
    let mut services: Vec<ServiceEntry> = match words.get(index).copied() {
        Some("object" | "object-group") => {
            let name = words.get(index + 1).copied().unwrap_or("");
            index += 2;
            if let Some(entries) = objects.services.get(name) {
                entries.clone()
            } else if let Some(protocols) = objects.protocols.get(name) {
                vec![ServiceEntry { protocols: *protocols, ports: IntervalSet::full(PORT), uncertain: None }]
            } else {
                return Err(Unreadable::UndefinedServiceOrProtocol { name: name.to_owned() });
            }
        }
        Some(protocol) => {
            index += 1;
            let protocols =
                protocols_of(protocol).ok_or_else(|| Unreadable::Protocol { protocol: protocol.to_owned() })?;
            vec![ServiceEntry { protocols, ports: IntervalSet::full(PORT), uncertain: None }]
        }
        None => return Err(Unreadable::EndsBeforeProtocol),
    };
    let (source, taken) = objects.address(&words[index..])?;
    index += taken;
    let mut uncertain: Vec<Bilingual> = Vec::new();
    // A source port: an operator, or a port group named where a destination could stand.
    if let Some((_, taken)) = port_operator(&words[index..]) {
        uncertain.push(bilingual!("line {line}: depends on the source port", "rad {line}: beror på källporten"));
        index += taken;
    } else if matches!(words.get(index).copied(), Some("object-group"))
        && words.get(index + 1).is_some_and(|name| objects.services.contains_key(*name))
    {
        uncertain.push(bilingual!("line {line}: depends on the source port", "rad {line}: beror på källporten"));
        index += 2;
    }
    let (destination, taken) = objects.address(&words[index..])?;
    index += taken;
    if let Some((ports, taken)) = port_operator(&words[index..]) {
        for service in &mut services {
            service.ports = service.ports.intersect(&ports);
        }
        index += taken;
    } else if matches!(words.get(index).copied(), Some("object-group")) {
        let name = words.get(index + 1).copied().unwrap_or("");
        let group =
            objects.services.get(name).ok_or_else(|| Unreadable::UndefinedPortGroup { name: name.to_owned() })?;
        let base = services.clone();
        services = base
            .iter()
            .flat_map(|service| {
                group.iter().map(move |member| ServiceEntry {
                    protocols: service.protocols.and(member.protocols),
                    ports: service.ports.intersect(&member.ports),
                    uncertain: service.uncertain.clone().or_else(|| member.uncertain.clone()),
                })
            })
            .collect();
        index += 2;
    }
    // What may follow: logging, a time range, inactive.
    while index < words.len() {
        match words[index] {
            "log" => {
                index += 1;
                while index < words.len() && !matches!(words[index], "time-range" | "inactive") {
                    index += 1;
                }
            }
            "time-range" => {
                let range = words.get(index + 1).unwrap_or(&"");
                uncertain.push(bilingual!(
                    "line {line}: applies only in time-range {range}",
                    "rad {line}: gäller bara under time-range {range}"
                ));
                index += 2;
            }
            other => return Err(Unreadable::AfterDestination { word: other.to_owned() }),
        }
    }
    // Each alternative becomes one rule, in order; an FQDN adds, after the known
    // addresses, an uncertain rule over any address (the name resolves on the firewall).
    let alternatives = |addresses: &Addresses| -> Vec<(IntervalSet, Option<Bilingual>)> {
        let mut list = vec![(addresses.known.clone(), None)];
        if !addresses.names.is_empty() {
            let Bilingual { en, sv } = Bilingual::join(&addresses.names, ", ", ", ");
            list.push((
                IntervalSet::full(SOURCE),
                Some(bilingual!(
                    "line {line}: depends on what {en} resolves to",
                    "rad {line}: beror på vad {sv} slås upp till"
                )),
            ));
        }
        list
    };
    let mut rules = Vec::new();
    for (sources, source_unknown) in alternatives(&source) {
        for (destinations, destination_unknown) in alternatives(&destination) {
            for service in &services {
                let mut reasons = uncertain.clone();
                reasons.extend(source_unknown.clone());
                reasons.extend(destination_unknown.clone());
                reasons.extend(
                    service
                        .uncertain
                        .clone()
                        .map(|Bilingual { en, sv }| bilingual!("line {line}: {en}", "rad {line}: {sv}")),
                );
                rules.push(Rule {
                    line,
                    protocols: service.protocols,
                    matches: Product([sources.clone(), destinations.clone(), service.ports.clone()]),
                    uncertain: if reasons.is_empty() { None } else { Some(Bilingual::join(&reasons, "; ", "; ")) },
                    interfaces: Vec::new(),
                    action: action.clone(),
                });
            }
        }
    }
    Ok(rules)
}
