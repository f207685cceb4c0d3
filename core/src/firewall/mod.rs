//! The firewall tables of chapter 6 as typed rules, and a parser for the spec's notation.

pub mod coverage;
pub mod export;

use crate::condition::{AddOn, Condition, Endpoint, Vendor};
use crate::limits;
use crate::section::SectionId;
use crate::units::{PortRange, Protocol, Service};
use ipnet::Ipv4Net;
use serde::Serialize;
use std::net::Ipv4Addr;
use thiserror::Error;

/// Which way a connection is set up, seen from the customer's firewall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The customer's side opens the connection.
    Outbound,
    /// Touchpoint Plus opens the connection towards the customer's servers.
    Inbound,
}

impl Direction {
    /// How the direction reads in the table, the exports and the CLI.
    pub const fn label(self) -> &'static str {
        match self {
            Direction::Outbound => "outbound",
            Direction::Inbound => "inbound",
        }
    }

    pub const fn label_in(self, locale: crate::locale::Locale) -> &'static str {
        match (self, locale) {
            (_, crate::locale::Locale::En) => self.label(),
            (Direction::Outbound, crate::locale::Locale::Sv) => "utgående",
            (Direction::Inbound, crate::locale::Locale::Sv) => "inkommande",
        }
    }
}

/// Servers on the customer's side that the tables name by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CustomerRole {
    /// "Customer's network": any host.
    Network,
    ExchangeEws,
    S4bFrontEnd,
    S4bMediation,
    /// "The server(s) on the customer's network that uploads and/or downloads the actual AD data."
    AdSyncServers,
}

/// One side of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Party {
    Customer {
        role: CustomerRole,
    },
    Network {
        network: Ipv4Net,
    },
    /// An inclusive address range, as 6.6 writes 213.65.172.64-67.
    Range {
        first: Ipv4Addr,
        last: Ipv4Addr,
    },
    Addresses {
        addresses: &'static [Ipv4Addr],
    },
    /// DNS names with the addresses the spec gives for them.
    Hosts {
        names: &'static [&'static str],
        addresses: &'static [Ipv4Addr],
    },
}

impl Party {
    /// The networks that make up this party, where it is on Telia's or a vendor's side.
    /// A range becomes the fewest CIDR blocks that cover exactly it.
    pub fn networks(&self) -> Vec<Ipv4Net> {
        match *self {
            Party::Customer { .. } => Vec::new(),
            Party::Network { network } => vec![network],
            Party::Range { first, last } => range_to_networks(first, last),
            Party::Addresses { addresses } | Party::Hosts { addresses, .. } => {
                addresses.iter().map(|&address| Ipv4Net::from(address)).collect()
            }
        }
    }
}

/// Splits an inclusive address range into the fewest aligned CIDR blocks (none when `last`
/// comes before `first`).
///
/// Written here rather than with `ipnet::Ipv4Subnets`, which grows the first load (measured:
/// about 0.15 KB gzip) for the same dozen lines.
pub fn range_to_networks(first: Ipv4Addr, last: Ipv4Addr) -> Vec<Ipv4Net> {
    let mut networks = Vec::new();
    let (mut start, end) = (u64::from(u32::from(first)), u64::from(u32::from(last)));
    while start <= end {
        // The largest block aligned at `start` that does not run past `end`.
        let mut size = if start == 0 { 1u64 << 32 } else { 1u64 << start.trailing_zeros() };
        while start + size - 1 > end {
            size /= 2;
        }
        let prefix = 32 - size.trailing_zeros() as u8;
        networks.push(Ipv4Net::new_assert(Ipv4Addr::from(start as u32), prefix));
        start += size;
    }
    networks
}

/// One row of a chapter 6 table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FirewallRule {
    /// Stable id, `<section>.<n>` in table order.
    pub id: &'static str,
    pub section: SectionId,
    pub source: Party,
    pub destination: Party,
    pub services: &'static [Service],
    pub direction: Direction,
    /// The table's comment for the row, as printed.
    pub comment: &'static str,
    /// Further condition beyond the table's own (voice-only rows, vendor rows).
    pub applies: Condition,
}

impl FirewallRule {
    /// The far end of the rule: the side that is not the customer's (Telia's or a vendor's).
    pub fn far_end(&self) -> &Party {
        if matches!(self.source, Party::Customer { .. }) { &self.destination } else { &self.source }
    }

    /// Whether the far end lies outside 81.228.2.192/27, the only network of the service that
    /// 2.3.2 routes over DataNet: a DataNet site still reaches it over the Internet.
    pub fn leaves_the_service_network(&self) -> bool {
        self.far_end().networks().iter().any(|network| !limits::SERVICE_NETWORK.contains(network))
    }
}

/// One table of chapter 6 with the tables it says it includes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FirewallTable {
    pub section: SectionId,
    pub title: &'static str,
    /// "The firewall openings specified in 6.1 … are needed … as well."
    pub includes: &'static [SectionId],
    pub applies: Condition,
    pub note: Option<&'static str>,
}

const CUSTOMER: Party = Party::Customer { role: CustomerRole::Network };
const PLATFORM: Party = Party::Network { network: limits::SERVICE_NETWORK };
const VOICE: Condition = Condition::AddOn(AddOn::S4bPresenceVoice);

pub const FIREWALL_TABLES: &[FirewallTable] = &[
    FirewallTable {
        section: SectionId::known("6.1"),
        title: "Touchpoint Plus web portal (end-user and administrator)",
        includes: &[],
        applies: Condition::Always,
        note: None,
    },
    FirewallTable {
        section: SectionId::known("6.2"),
        title: "Touchpoint Plus Softphone",
        includes: &[SectionId::known("6.1")],
        applies: Condition::SOFTPHONE,
        note: None,
    },
    FirewallTable {
        section: SectionId::known("6.3"),
        title: "Touchpoint Plus IP Phones and ATA-boxes",
        includes: &[SectionId::known("6.1"), SectionId::known("6.2")],
        applies: Condition::Any(&[Condition::Endpoint(Endpoint::IpPhone), Condition::Endpoint(Endpoint::Ata)]),
        note: None,
    },
    FirewallTable {
        section: SectionId::known("6.4"),
        title: "Calendar Integration – Exchange",
        includes: &[],
        applies: Condition::AddOn(AddOn::ExchangeOnPremise),
        note: Some(
            "These rules only apply for Microsoft Exchange on premise. No openings are needed for Microsoft Office 365.",
        ),
    },
    FirewallTable {
        section: SectionId::known("6.5"),
        title: "S4B/Lync Integration",
        includes: &[],
        applies: Condition::S4B_ANY,
        note: None,
    },
    FirewallTable {
        section: SectionId::known("6.6"),
        title: "Advanced Attendant",
        includes: &[],
        applies: Condition::AddOn(AddOn::AdvancedAttendant),
        note: None,
    },
    FirewallTable {
        section: SectionId::known("6.7"),
        title: "AD Integration",
        includes: &[],
        applies: Condition::AddOn(AddOn::AdIntegration),
        note: None,
    },
];

const fn outbound(
    id: &'static str,
    section: &'static str,
    destination: Party,
    services: &'static [Service],
    comment: &'static str,
) -> FirewallRule {
    FirewallRule {
        id,
        section: SectionId::known(section),
        source: CUSTOMER,
        destination,
        services,
        direction: Direction::Outbound,
        comment,
        applies: Condition::Always,
    }
}

/// Every row of 6.1–6.7 in table order.
pub const FIREWALL_RULES: &[FirewallRule] = &[
    outbound("6.1.1", "6.1", PLATFORM, &[Service::tcp(80)], "HTTP traffic, redirection to HTTPS"),
    outbound("6.1.2", "6.1", PLATFORM, &[Service::tcp(443)], "HTTPS encrypted web traffic to Telia Touchpoint Plus"),
    outbound(
        "6.2.1",
        "6.2",
        PLATFORM,
        &[Service::tcp(5061)],
        "SIPS, encrypted call control signaling, presence and chat",
    ),
    outbound("6.2.2", "6.2", PLATFORM, &[Service::udp_range(49152, 65535)], "SRTP, encrypted voice streams"),
    outbound("6.3.1", "6.3", PLATFORM, &[Service::udp(123)], "NTP, synchronization of time for IP phones"),
    outbound("6.3.2", "6.3", PLATFORM, &[Service::tcp(9443)], "Security authentication for IP-phones"),
    FirewallRule {
        applies: Condition::Vendor(Vendor::Mediatrix),
        ..outbound(
            "6.3.3",
            "6.3",
            Party::Hosts {
                // The spec lists ems2.media5corp.com twice; see advisory `firewall.ems2-listed-twice`.
                names: &["ems2.media5corp.com", "ems.media5corp.com", "virtuo.media5corp.com"],
                addresses: &[Ipv4Addr::new(192, 99, 54, 246)],
            },
            &[Service::tcp(80), Service::tcp(443)],
            "HTTP traffic, redirection to HTTPS. Only for Mediatrix ATA at startup or after factory reset",
        )
    },
    FirewallRule {
        applies: Condition::Vendor(Vendor::Mitel),
        ..outbound(
            "6.3.4",
            "6.3",
            Party::Hosts { names: &["rcs.aastra.com"], addresses: &[Ipv4Addr::new(216, 191, 234, 139)] },
            &[Service::tcp(80), Service::tcp(443)],
            "HTTP traffic, redirection to HTTPS. Only for Mitel IP-phones at startup or after factory reset",
        )
    },
    FirewallRule {
        id: "6.4.1",
        section: SectionId::known("6.4"),
        source: PLATFORM,
        destination: Party::Customer { role: CustomerRole::ExchangeEws },
        services: &[Service::tcp(443)],
        direction: Direction::Inbound,
        comment: "HTTPS, encrypted web traffic towards Exchange Web Services (EWS)",
        applies: Condition::Always,
    },
    FirewallRule {
        id: "6.5.1",
        section: SectionId::known("6.5"),
        source: PLATFORM,
        destination: Party::Customer { role: CustomerRole::S4bFrontEnd },
        services: &[Service::tcp(5061)],
        direction: Direction::Inbound,
        comment: "SIPS, encrypted presence traffic",
        applies: Condition::Always,
    },
    FirewallRule {
        id: "6.5.2",
        section: SectionId::known("6.5"),
        source: PLATFORM,
        destination: Party::Customer { role: CustomerRole::S4bMediation },
        services: &[Service::tcp(5067)],
        direction: Direction::Inbound,
        comment: "SIPS, encrypted call control signaling. Only valid if using \"Presence & Voice\" integration",
        applies: VOICE,
    },
    FirewallRule {
        id: "6.5.3",
        section: SectionId::known("6.5"),
        source: Party::Customer { role: CustomerRole::S4bFrontEnd },
        destination: PLATFORM,
        services: &[Service::tcp(5061)],
        direction: Direction::Outbound,
        comment: "SIPS, encrypted call control and signaling and presence traffic",
        applies: Condition::Always,
    },
    FirewallRule {
        id: "6.5.4",
        section: SectionId::known("6.5"),
        source: Party::Customer { role: CustomerRole::S4bMediation },
        destination: PLATFORM,
        services: &[Service::tcp(5061)],
        direction: Direction::Outbound,
        comment: "SIPS, encrypted call control and signaling and presence traffic. Only valid if using \"Presence & Voice\" integration",
        applies: VOICE,
    },
    FirewallRule {
        id: "6.5.5",
        section: SectionId::known("6.5"),
        source: PLATFORM,
        destination: Party::Customer { role: CustomerRole::S4bMediation },
        services: &[Service::udp_range(49152, 65535)],
        direction: Direction::Inbound,
        comment: "SRTP, encrypted voice streams. Only valid if using \"Presence & Voice\" integration",
        applies: VOICE,
    },
    FirewallRule {
        id: "6.5.6",
        section: SectionId::known("6.5"),
        source: Party::Customer { role: CustomerRole::S4bMediation },
        destination: PLATFORM,
        services: &[Service::udp_range(49152, 65535)],
        direction: Direction::Outbound,
        comment: "SRTP, encrypted voice streams. Only valid if using \"Presence & Voice\" integration",
        applies: VOICE,
    },
    outbound(
        "6.6.1",
        "6.6",
        Party::Range { first: limits::ATTENDANT_FIRST, last: limits::ATTENDANT_LAST },
        &[Service::tcp(211), Service::tcp(14711)],
        "Signaling with Advanced Attendant",
    ),
    FirewallRule {
        source: Party::Customer { role: CustomerRole::AdSyncServers },
        ..outbound(
            "6.7.1",
            "6.7",
            Party::Addresses { addresses: limits::AD_SERVERS },
            &[Service::tcp(443)],
            "HTTPS, encrypted web traffic towards Touchpoint Plus's AD Integration interface",
        )
    },
];

/// A service of chapter 6 that runs over TLS, with the words every row holding it uses.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TlsService {
    pub service: Service,
    /// What the rows' comments call the traffic ("HTTPS", "SIPS"): the reason it is TLS.
    pub named: &'static str,
}

/// The TLS services of chapter 6: `sitecheck probe` sends a ClientHello to these and only a
/// TCP connect to the others. A test holds every row with such a service to its words.
pub const TLS_SERVICES: &[TlsService] = &[
    TlsService { service: Service::tcp(443), named: "HTTPS" },
    TlsService { service: Service::tcp(5061), named: "SIPS" },
    TlsService { service: Service::tcp(5067), named: "SIPS" },
    // 6.3.2 names no protocol for TCP/9443, only "Security authentication for IP-phones": the
    // phones authenticate over TLS, which 2.6 requires them to support.
    TlsService { service: Service::tcp(9443), named: "Security authentication" },
];

/// Whether chapter 6 runs TLS over this service.
pub fn carries_tls(service: Service) -> bool {
    TLS_SERVICES.iter().any(|tls| tls.service == service)
}

/// The table for a section number.
pub fn table(section: &str) -> Option<&'static FirewallTable> {
    FIREWALL_TABLES.iter().find(|table| table.section == section)
}

/// The rules of a table together with those of the tables it includes, included ones first.
pub fn rules_with_inclusions(section: &str) -> Vec<&'static FirewallRule> {
    let Some(table) = table(section) else {
        return Vec::new();
    };
    table
        .includes
        .iter()
        .copied()
        .chain(std::iter::once(table.section))
        .flat_map(|included| FIREWALL_RULES.iter().filter(move |rule| rule.section == included))
        .collect()
}

/// Why a protocol-and-port text did not parse.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ServiceParseError {
    #[error("no protocol and port given")]
    Empty,
    #[error("\"{0}\" is not protocol/port, like TCP/443 or UDP/49152-65535")]
    Shape(String),
    #[error("unknown protocol \"{0}\" (TCP or UDP)")]
    Protocol(String),
    #[error("\"{0}\" is not a port number from 1 to 65535")]
    Port(String),
    #[error("the port range {0} runs backwards")]
    Backwards(String),
}

/// Parses one "TCP/443" or "UDP/49152-65535" (also "TCP211", as 3.4 writes it).
pub fn parse_service(text: &str) -> Result<Service, ServiceParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ServiceParseError::Empty);
    }
    let split =
        text.find(|c: char| c == '/' || c.is_ascii_digit()).ok_or_else(|| ServiceParseError::Shape(text.to_owned()))?;
    let (protocol, rest) = text.split_at(split);
    let protocol = match protocol.trim().to_ascii_uppercase().as_str() {
        "TCP" => Protocol::Tcp,
        "UDP" => Protocol::Udp,
        "" => return Err(ServiceParseError::Shape(text.to_owned())),
        other => return Err(ServiceParseError::Protocol(other.to_owned())),
    };
    let ports = rest.strip_prefix('/').unwrap_or(rest).trim();
    let parse_port = |port: &str| -> Result<u16, ServiceParseError> {
        match port.trim().parse::<u16>() {
            Ok(number) if number > 0 => Ok(number),
            _ => Err(ServiceParseError::Port(port.trim().to_owned())),
        }
    };
    let ports = match ports.split_once('-') {
        Some((first, last)) => {
            let (first, last) = (parse_port(first)?, parse_port(last)?);
            if first > last {
                return Err(ServiceParseError::Backwards(ports.to_owned()));
            }
            PortRange::new(first, last)
        }
        None => PortRange::single(parse_port(ports)?),
    };
    Ok(Service { protocol, ports })
}

/// Parses a table cell that may hold several services: "TCP/211 and TCP/14711", "TCP/80 TCP/443".
pub fn parse_services(text: &str) -> Result<Vec<Service>, ServiceParseError> {
    let services: Vec<Service> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty() && !word.eq_ignore_ascii_case("and"))
        .map(parse_service)
        .collect::<Result<_, _>>()?;
    if services.is_empty() { Err(ServiceParseError::Empty) } else { Ok(services) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_parse_in_the_spec_notation() {
        let check = |text: &str, expected: Result<Vec<&str>, ServiceParseError>| {
            let got = parse_services(text).map(|services| services.iter().map(Service::to_string).collect::<Vec<_>>());
            let expected = expected.map(|services| services.into_iter().map(str::to_owned).collect::<Vec<_>>());
            assert_eq!(got, expected, "{text:?}");
        };
        check("TCP/80", Ok(vec!["TCP/80"]));
        check("UDP/49152-65535", Ok(vec!["UDP/49152-65535"]));
        check("TCP/211 and TCP/14711", Ok(vec!["TCP/211", "TCP/14711"]));
        check("TCP/80 TCP/443", Ok(vec!["TCP/80", "TCP/443"]));
        check("TCP211", Ok(vec!["TCP/211"]));
        check("tcp/5061", Ok(vec!["TCP/5061"]));
        check("", Err(ServiceParseError::Empty));
        check("SCTP/5061", Err(ServiceParseError::Protocol("SCTP".into())));
        check("TCP/0", Err(ServiceParseError::Port("0".into())));
        check("TCP/70000", Err(ServiceParseError::Port("70000".into())));
        check("UDP/600-500", Err(ServiceParseError::Backwards("600-500".into())));
        check("/443", Err(ServiceParseError::Shape("/443".into())));
        check("https", Err(ServiceParseError::Shape("https".into())));
    }

    #[test]
    fn rules_print_and_reparse() {
        for rule in FIREWALL_RULES {
            for service in rule.services {
                assert_eq!(parse_service(&service.to_string()).as_ref(), Ok(service), "{}", rule.id);
            }
        }
    }

    #[test]
    fn ranges_split_into_exact_cidr_blocks() {
        let check = |first: [u8; 4], last: [u8; 4], expected: &[&str]| {
            let got: Vec<String> =
                range_to_networks(first.into(), last.into()).iter().map(Ipv4Net::to_string).collect();
            assert_eq!(got, expected);
        };
        check([213, 65, 172, 64], [213, 65, 172, 67], &["213.65.172.64/30"]);
        check([10, 0, 0, 1], [10, 0, 0, 6], &["10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"]);
        check([0, 0, 0, 0], [255, 255, 255, 255], &["0.0.0.0/0"]);
        check([1, 2, 3, 4], [1, 2, 3, 4], &["1.2.3.4/32"]);
        // The ends of the address space, where the arithmetic of a split can wrap.
        check([0, 0, 0, 0], [0, 0, 0, 0], &["0.0.0.0/32"]);
        check([255, 255, 255, 255], [255, 255, 255, 255], &["255.255.255.255/32"]);
        check([255, 255, 255, 254], [255, 255, 255, 255], &["255.255.255.254/31"]);
        check([128, 0, 0, 0], [255, 255, 255, 255], &["128.0.0.0/1"]);
        check([192, 168, 1, 255], [192, 168, 2, 0], &["192.168.1.255/32", "192.168.2.0/32"]);
        check([10, 0, 0, 5], [10, 0, 0, 4], &[]);
        // Everything but one end address takes one block per prefix length.
        let all_but_first = range_to_networks([0, 0, 0, 1].into(), Ipv4Addr::BROADCAST);
        let prefixes: Vec<u8> = all_but_first.iter().map(Ipv4Net::prefix_len).collect();
        assert_eq!(prefixes, (1..=32).rev().collect::<Vec<u8>>(), "{all_but_first:?}");
        let all_but_last = range_to_networks(Ipv4Addr::UNSPECIFIED, [255, 255, 255, 254].into());
        let prefixes: Vec<u8> = all_but_last.iter().map(Ipv4Net::prefix_len).collect();
        assert_eq!(prefixes, (1..=32).collect::<Vec<u8>>(), "{all_but_last:?}");
    }

    // Natively only: proptest's random source does not build for wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_range_splits_into_the_fewest_aligned_blocks_that_cover_exactly_it(
            ends in (proptest::prelude::any::<u32>(), proptest::prelude::any::<u32>())
        ) {
            let (first, last) = (ends.0.min(ends.1), ends.0.max(ends.1));
            let blocks = range_to_networks(first.into(), last.into());
            // Back to back from the first address to the last.
            let mut next = u64::from(first);
            for block in &blocks {
                proptest::prop_assert_eq!(u64::from(u32::from(block.network())), next, "{:?}", blocks);
                proptest::prop_assert_eq!(block.trunc(), *block, "{} is not aligned", block);
                next = u64::from(u32::from(block.broadcast())) + 1;
                // The largest block that starts there: the one twice its size either starts
                // earlier or runs past the last address.
                if let Some(double) = block.supernet() {
                    let starts_earlier = double.network() != block.network();
                    proptest::prop_assert!(starts_earlier || u32::from(double.broadcast()) > last, "{:?}", blocks);
                }
            }
            proptest::prop_assert_eq!(next, u64::from(last) + 1, "{:?}", blocks);
        }
    }

    #[test]
    fn rule_ids_are_unique_ordered_and_within_their_table() {
        for pair in FIREWALL_RULES.windows(2) {
            assert!(crate::section::section_order(pair[0].id) < crate::section::section_order(pair[1].id));
        }
        for rule in FIREWALL_RULES {
            assert!(rule.id.starts_with(&format!("{}.", rule.section)), "{}", rule.id);
            assert!(table(rule.section.as_str()).is_some(), "{} has a table", rule.id);
            assert!(!rule.services.is_empty());
            // A rule runs between the customer and someone else, never customer to customer.
            let customer_side = |party: &Party| matches!(party, Party::Customer { .. });
            assert_ne!(customer_side(&rule.source), customer_side(&rule.destination), "{}", rule.id);
            let expected = if customer_side(&rule.source) { Direction::Outbound } else { Direction::Inbound };
            assert_eq!(rule.direction, expected, "{}", rule.id);
        }
    }

    #[test]
    fn tls_services_are_what_their_rows_call_them() {
        for tls in TLS_SERVICES {
            assert!(tls.service.protocol == Protocol::Tcp && tls.service.ports.is_single(), "{}", tls.service);
            let rows: Vec<&FirewallRule> =
                FIREWALL_RULES.iter().filter(|rule| rule.services.contains(&tls.service)).collect();
            assert!(!rows.is_empty(), "{} is in no rule", tls.service);
            for rule in rows {
                assert!(rule.comment.contains(tls.named), "{} of {} is not called {}", tls.service, rule.id, tls.named);
            }
        }
        // Every row whose traffic is HTTPS or SIPS has its TCP services listed, and only those:
        // plain HTTP is not TLS.
        let secure =
            FIREWALL_RULES.iter().filter(|rule| rule.comment.starts_with("HTTPS") || rule.comment.starts_with("SIPS"));
        for rule in secure {
            for service in rule.services.iter().filter(|service| service.protocol == Protocol::Tcp) {
                assert!(carries_tls(*service), "{} of {}", service, rule.id);
            }
        }
        let check = |service: Service, tls: bool| assert_eq!(carries_tls(service), tls, "{service}");
        check(Service::tcp(80), false);
        check(Service::tcp(211), false);
        check(Service::tcp(14711), false);
        check(Service::udp(123), false);
        check(Service::tcp(9443), true);
    }

    #[test]
    fn inclusions_follow_the_spec() {
        let ids = |section| rules_with_inclusions(section).iter().map(|rule| rule.id).collect::<Vec<_>>();
        assert_eq!(ids("6.1"), ["6.1.1", "6.1.2"]);
        assert_eq!(ids("6.2"), ["6.1.1", "6.1.2", "6.2.1", "6.2.2"]);
        assert_eq!(ids("6.3"), ["6.1.1", "6.1.2", "6.2.1", "6.2.2", "6.3.1", "6.3.2", "6.3.3", "6.3.4"]);
        assert_eq!(ids("6.4"), ["6.4.1"]);
        assert!(ids("9.9").is_empty());
        for table in FIREWALL_TABLES {
            for included in table.includes {
                assert!(included.order() < table.section.order());
            }
        }
    }
}
