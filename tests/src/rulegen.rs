//! Random rulesets for the kernel test: one model written as nftables and as iptables-save
//! text, with the networks, ports, negations, verdicts, policies and user chains that make a
//! coverage checker go wrong. The address and port pools sit around the spec's openings so
//! that most rules touch them.

use ipnet::Ipv4Net;
use std::fmt::Write;
use std::net::Ipv4Addr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Addresses {
    Network(Ipv4Net),
    Range(Ipv4Addr, Ipv4Addr),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ports {
    One(u16),
    Range(u16, u16),
    /// A set of single ports and ranges.
    Set(Vec<(u16, u16)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Tcp,
    Udp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Drop,
    Reject,
    Jump(usize),
    Goto(usize),
    Return,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenRule {
    pub protocol: Option<Protocol>,
    pub source: Option<(Addresses, bool)>,
    pub destination: Option<(Addresses, bool)>,
    /// Ports need a protocol in iptables; nftables writes `th dport` without one.
    pub ports: Option<(Ports, bool)>,
    /// An interface the packet enters (true) or leaves by, and whether it is negated: the
    /// lab's router has r0 towards the customer and r1 towards the Internet.
    pub interface: Option<(bool, &'static str, bool)>,
    pub verdict: Verdict,
}

/// The router's interfaces, and one it does not have.
pub const INTERFACES: [&str; 3] = ["r0", "r1", "other0"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenRuleset {
    pub drop_policy: bool,
    pub rules: Vec<GenRule>,
    pub chains: Vec<Vec<GenRule>>,
}

fn net(text: &str) -> Ipv4Net {
    text.parse().unwrap_or_else(|_| panic!("{text}"))
}

const NETWORKS: &[&str] = &[
    "81.228.2.192/27",
    "81.228.2.192/26",
    "81.228.2.192/28",
    "81.228.2.208/28",
    "81.228.2.160/27",
    "81.228.2.0/24",
    "81.228.0.0/16",
    "81.228.2.193/32",
    "81.228.2.223/32",
    "213.65.172.64/30",
    "213.65.172.64/31",
    "213.65.172.66/31",
    "213.65.58.109/32",
    "213.65.37.180/32",
    "213.65.0.0/16",
    "192.99.54.246/32",
    "216.191.234.139/32",
    "0.0.0.0/0",
    "10.20.0.0/16",
    "10.20.0.0/17",
    "10.20.128.0/17",
    "10.0.0.0/8",
    "198.51.100.0/24",
    "198.51.100.10/32",
    "198.51.100.12/31",
];

const RANGES: &[(&str, &str)] = &[
    ("81.228.2.192", "81.228.2.207"),
    ("81.228.2.200", "81.228.2.223"),
    ("81.228.2.190", "81.228.2.200"),
    ("213.65.172.64", "213.65.172.66"),
    ("10.20.0.0", "10.20.127.255"),
    ("198.51.100.9", "198.51.100.12"),
];

const PORTS: &[u16] = &[80, 443, 5061, 5062, 123, 9443, 211, 14711, 5067, 49152, 49151, 57343, 65535, 22];
const PORT_RANGES: &[(u16, u16)] = &[
    (49152, 65535),
    (49000, 60000),
    (50000, 65535),
    (1, 1024),
    (5000, 5100),
    (5061, 5067),
    (80, 443),
    (57000, 57500),
    (1024, 65535),
];

fn addresses(rng: &mut fastrand::Rng) -> Addresses {
    if rng.u8(0..5) == 0 {
        let (first, last) = RANGES[rng.usize(0..RANGES.len())];
        Addresses::Range(first.parse().unwrap_or(Ipv4Addr::UNSPECIFIED), last.parse().unwrap_or(Ipv4Addr::UNSPECIFIED))
    } else {
        Addresses::Network(net(NETWORKS[rng.usize(0..NETWORKS.len())]))
    }
}

fn ports(rng: &mut fastrand::Rng) -> Ports {
    match rng.u8(0..3) {
        0 => Ports::One(PORTS[rng.usize(0..PORTS.len())]),
        1 => {
            let (first, last) = PORT_RANGES[rng.usize(0..PORT_RANGES.len())];
            Ports::Range(first, last)
        }
        _ => {
            let mut set: Vec<(u16, u16)> = (0..rng.usize(2..5))
                .map(|_| {
                    if rng.bool() {
                        let port = PORTS[rng.usize(0..PORTS.len())];
                        (port, port)
                    } else {
                        PORT_RANGES[rng.usize(0..PORT_RANGES.len())]
                    }
                })
                .collect();
            // nftables refuses overlapping elements in an anonymous set: keep them apart.
            set.sort_unstable();
            let mut disjoint: Vec<(u16, u16)> = Vec::new();
            for (first, last) in set {
                match disjoint.last_mut() {
                    Some(previous) if first <= previous.1.saturating_add(1) => previous.1 = previous.1.max(last),
                    _ => disjoint.push((first, last)),
                }
            }
            Ports::Set(disjoint)
        }
    }
}

fn rule(rng: &mut fastrand::Rng, chains: usize, in_user_chain: bool) -> GenRule {
    let protocol = match rng.u8(0..4) {
        0 => None,
        1 | 2 => Some(Protocol::Tcp),
        _ => Some(Protocol::Udp),
    };
    // iptables refuses to negate 0.0.0.0/0 ("! -d 0.0.0.0/0"), so the whole space is never negated.
    let side = |rng: &mut fastrand::Rng| {
        (rng.u8(0..3) > 0).then(|| {
            let addresses = addresses(rng);
            let whole = addresses == Addresses::Network(net("0.0.0.0/0"));
            (addresses, !whole && rng.u8(0..5) == 0)
        })
    };
    let verdict = match rng.u8(0..12) {
        0..=4 => Verdict::Accept,
        5 | 6 => Verdict::Drop,
        7 => Verdict::Reject,
        8 if chains > 0 && !in_user_chain => Verdict::Jump(rng.usize(0..chains)),
        9 if chains > 0 && !in_user_chain => Verdict::Goto(rng.usize(0..chains)),
        8 | 9 if in_user_chain => Verdict::Return,
        // A return in the base chain hands the flow to the policy.
        10 => Verdict::Return,
        _ => Verdict::Accept,
    };
    GenRule {
        protocol,
        source: side(rng),
        destination: side(rng),
        ports: (rng.u8(0..4) > 0).then(|| (ports(rng), rng.u8(0..6) == 0)),
        interface: (rng.u8(0..4) == 0)
            .then(|| (rng.bool(), INTERFACES[rng.usize(0..INTERFACES.len())], rng.u8(0..4) == 0)),
        verdict,
    }
}

pub fn ruleset(rng: &mut fastrand::Rng) -> GenRuleset {
    let chains = rng.usize(0..3);
    GenRuleset {
        drop_policy: rng.u8(0..4) > 0,
        rules: (0..rng.usize(1..12)).map(|_| rule(rng, chains, false)).collect(),
        chains: (0..chains).map(|_| (0..rng.usize(1..5)).map(|_| rule(rng, 0, true)).collect()).collect(),
    }
}

fn nft_addresses(addresses: &Addresses) -> String {
    match addresses {
        Addresses::Network(network) => network.to_string(),
        Addresses::Range(first, last) => format!("{first}-{last}"),
    }
}

fn nft_ports(ports: &Ports) -> String {
    let one = |&(first, last): &(u16, u16)| if first == last { first.to_string() } else { format!("{first}-{last}") };
    match ports {
        Ports::One(port) => port.to_string(),
        Ports::Range(first, last) => format!("{first}-{last}"),
        Ports::Set(set) => format!("{{ {} }}", set.iter().map(one).collect::<Vec<_>>().join(", ")),
    }
}

fn nft_rule(rule: &GenRule) -> String {
    let mut text = String::new();
    let negation = |negated: bool| if negated { "!= " } else { "" };
    if let Some((ingress, name, negated)) = rule.interface {
        let _ = write!(text, "{} {}\"{name}\" ", if ingress { "iifname" } else { "oifname" }, negation(negated));
    }
    if let Some((addresses, negated)) = &rule.source {
        let _ = write!(text, "ip saddr {}{} ", negation(*negated), nft_addresses(addresses));
    }
    if let Some((addresses, negated)) = &rule.destination {
        let _ = write!(text, "ip daddr {}{} ", negation(*negated), nft_addresses(addresses));
    }
    let protocol = match rule.protocol {
        Some(Protocol::Tcp) => "tcp",
        Some(Protocol::Udp) => "udp",
        None => "th",
    };
    match (&rule.ports, rule.protocol) {
        (Some((ports, negated)), _) => {
            if rule.protocol.is_none() {
                // th dport needs a transport protocol to be known.
                text.push_str("meta l4proto { tcp, udp } ");
            }
            let _ = write!(text, "{protocol} dport {}{} ", negation(*negated), nft_ports(ports));
        }
        (None, Some(_)) => {
            let _ = write!(text, "meta l4proto {protocol} ");
        }
        (None, None) => {}
    }
    text.push_str(&match rule.verdict {
        Verdict::Accept => "accept".to_owned(),
        Verdict::Drop => "drop".to_owned(),
        Verdict::Reject => "reject".to_owned(),
        Verdict::Jump(chain) => format!("jump user{chain}"),
        Verdict::Goto(chain) => format!("goto user{chain}"),
        Verdict::Return => "return".to_owned(),
    });
    text
}

pub fn nftables(ruleset: &GenRuleset) -> String {
    let policy = if ruleset.drop_policy { "drop" } else { "accept" };
    let mut text = format!(
        "table inet lab {{\n\tchain forward {{\n\t\ttype filter hook forward priority filter; policy {policy};\n\t\tct state established,related accept\n"
    );
    for rule in &ruleset.rules {
        let _ = writeln!(text, "\t\t{}", nft_rule(rule));
    }
    text.push_str("\t}\n");
    for (index, chain) in ruleset.chains.iter().enumerate() {
        let _ = writeln!(text, "\tchain user{index} {{");
        for rule in chain {
            let _ = writeln!(text, "\t\t{}", nft_rule(rule));
        }
        text.push_str("\t}\n");
    }
    text.push_str("}\n");
    text
}

fn iptables_addresses(flag: &str, range_flag: &str, addresses: &Addresses, negated: bool) -> String {
    let negation = if negated { "! " } else { "" };
    match addresses {
        Addresses::Network(network) => format!("{negation}{flag} {network} "),
        Addresses::Range(first, last) => format!("-m iprange {negation}{range_flag} {first}-{last} "),
    }
}

/// iptables needs a protocol for ports; a rule without one here gets none.
fn iptables_rule(chain: &str, rule: &GenRule) -> String {
    let mut text = format!("-A {chain} ");
    if let Some((ingress, name, negated)) = rule.interface {
        let _ = write!(text, "{}{} {name} ", if negated { "! " } else { "" }, if ingress { "-i" } else { "-o" });
    }
    if let Some((addresses, negated)) = &rule.source {
        text.push_str(&iptables_addresses("-s", "--src-range", addresses, *negated));
    }
    if let Some((addresses, negated)) = &rule.destination {
        text.push_str(&iptables_addresses("-d", "--dst-range", addresses, *negated));
    }
    if let Some(protocol) = rule.protocol {
        let name = if protocol == Protocol::Tcp { "tcp" } else { "udp" };
        let _ = write!(text, "-p {name} ");
        if let Some((ports, negated)) = &rule.ports {
            let negation = if *negated { "! " } else { "" };
            let one =
                |&(first, last): &(u16, u16)| if first == last { first.to_string() } else { format!("{first}:{last}") };
            match ports {
                Ports::One(port) => {
                    let _ = write!(text, "-m {name} {negation}--dport {port} ");
                }
                Ports::Range(first, last) => {
                    let _ = write!(text, "-m {name} {negation}--dport {first}:{last} ");
                }
                Ports::Set(set) => {
                    let list = set.iter().map(one).collect::<Vec<_>>().join(",");
                    let _ = write!(text, "-m multiport {negation}--dports {list} ");
                }
            }
        }
    }
    text.push_str(&match rule.verdict {
        Verdict::Accept => "-j ACCEPT".to_owned(),
        Verdict::Drop => "-j DROP".to_owned(),
        Verdict::Reject => "-j REJECT".to_owned(),
        Verdict::Jump(chain) => format!("-j USER{chain}"),
        Verdict::Goto(chain) => format!("-g USER{chain}"),
        Verdict::Return => "-j RETURN".to_owned(),
    });
    text
}

pub fn iptables(ruleset: &GenRuleset) -> String {
    let policy = if ruleset.drop_policy { "DROP" } else { "ACCEPT" };
    let mut text = format!("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD {policy} [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    for index in 0..ruleset.chains.len() {
        let _ = writeln!(text, ":USER{index} - [0:0]");
    }
    text.push_str("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
    for rule in &ruleset.rules {
        let _ = writeln!(text, "{}", iptables_rule("FORWARD", rule));
    }
    for (index, chain) in ruleset.chains.iter().enumerate() {
        for rule in chain {
            let _ = writeln!(text, "{}", iptables_rule(&format!("USER{index}"), rule));
        }
    }
    text.push_str("COMMIT\n");
    text
}
