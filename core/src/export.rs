//! The firewall rules of a plan, written for people (CSV, Markdown) and for firewalls
//! (nftables, iptables-restore, Cisco ASA).

use crate::firewall::{CustomerRole, Direction, FirewallRule, Party};
use crate::plan::CustomerAddresses;
use crate::section::SPEC_VERSION;
use crate::units::{Protocol, Service};
use ipnet::Ipv4Net;
use std::fmt::Write;
use std::net::Ipv4Addr;
use std::str::FromStr;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFormat {
    Csv,
    Markdown,
    Nftables,
    Iptables,
    CiscoAsa,
}

impl RuleFormat {
    pub const ALL: [RuleFormat; 5] =
        [RuleFormat::Csv, RuleFormat::Markdown, RuleFormat::Nftables, RuleFormat::Iptables, RuleFormat::CiscoAsa];

    pub const fn name(self) -> &'static str {
        match self {
            RuleFormat::Csv => "csv",
            RuleFormat::Markdown => "markdown",
            RuleFormat::Nftables => "nftables",
            RuleFormat::Iptables => "iptables",
            RuleFormat::CiscoAsa => "asa",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            RuleFormat::Csv => "CSV",
            RuleFormat::Markdown => "Markdown",
            RuleFormat::Nftables => "nftables",
            RuleFormat::Iptables => "iptables-restore",
            RuleFormat::CiscoAsa => "Cisco ASA",
        }
    }

    pub const fn file_name(self) -> &'static str {
        match self {
            RuleFormat::Csv => "touchpoint-plus-firewall.csv",
            RuleFormat::Markdown => "touchpoint-plus-firewall.md",
            RuleFormat::Nftables => "touchpoint-plus.nft",
            RuleFormat::Iptables => "touchpoint-plus.iptables",
            RuleFormat::CiscoAsa => "touchpoint-plus-asa.txt",
        }
    }

    pub const fn mime(self) -> &'static str {
        match self {
            RuleFormat::Csv => "text/csv",
            RuleFormat::Markdown => "text/markdown",
            _ => "text/plain",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown rule format \"{0}\" (csv, markdown, nftables, iptables or asa)")]
pub struct UnknownFormat(pub String);

impl FromStr for RuleFormat {
    type Err = UnknownFormat;

    fn from_str(text: &str) -> Result<RuleFormat, UnknownFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(RuleFormat::Csv),
            "markdown" | "md" => Ok(RuleFormat::Markdown),
            "nftables" | "nft" => Ok(RuleFormat::Nftables),
            "iptables" | "iptables-restore" => Ok(RuleFormat::Iptables),
            "asa" | "cisco" | "cisco-asa" => Ok(RuleFormat::CiscoAsa),
            other => Err(UnknownFormat(other.to_owned())),
        }
    }
}

/// Documentation addresses (RFC 5737) that stand in for servers the plan does not name.
fn placeholder(role: CustomerRole) -> Ipv4Net {
    let last = match role {
        CustomerRole::Network => 0,
        CustomerRole::ExchangeEws => 10,
        CustomerRole::S4bFrontEnd => 11,
        CustomerRole::S4bMediation => 12,
        CustomerRole::AdSyncServers => 13,
    };
    Ipv4Net::from(Ipv4Addr::new(192, 0, 2, last))
}

fn role_name(role: CustomerRole) -> &'static str {
    match role {
        CustomerRole::Network => "Customer's network",
        CustomerRole::ExchangeEws => "Customer's Exchange EWS",
        CustomerRole::S4bFrontEnd => "Customer's S4B/Lync Front End servers",
        CustomerRole::S4bMediation => "Customer's S4B/Lync Mediation servers",
        CustomerRole::AdSyncServers => "Customer's AD upload/download servers",
    }
}

/// One side of a rule made concrete: its networks (empty: any) and how to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub networks: Vec<Ipv4Net>,
    pub name: String,
    /// An object name for firewalls that group addresses (Cisco ASA).
    pub object: String,
    pub placeholder: bool,
}

pub fn resolve(party: &Party, addresses: &CustomerAddresses) -> Endpoint {
    match *party {
        Party::Customer { role } => {
            let given = match role {
                CustomerRole::Network => addresses.network,
                CustomerRole::ExchangeEws => addresses.exchange_ews,
                CustomerRole::S4bFrontEnd => addresses.s4b_front_end,
                CustomerRole::S4bMediation => addresses.s4b_mediation,
                CustomerRole::AdSyncServers => addresses.ad_sync,
            };
            let object = match role {
                CustomerRole::Network => "CUSTOMER-NETWORK",
                CustomerRole::ExchangeEws => "CUSTOMER-EXCHANGE-EWS",
                CustomerRole::S4bFrontEnd => "CUSTOMER-S4B-FRONT-END",
                CustomerRole::S4bMediation => "CUSTOMER-S4B-MEDIATION",
                CustomerRole::AdSyncServers => "CUSTOMER-AD-SYNC",
            };
            match (role, given) {
                // Any host of the customer's network: no address match at all.
                (CustomerRole::Network, None) => Endpoint {
                    networks: Vec::new(),
                    name: role_name(role).into(),
                    object: object.into(),
                    placeholder: false,
                },
                (_, Some(network)) => Endpoint {
                    networks: vec![network],
                    name: format!("{} ({network})", role_name(role)),
                    object: object.into(),
                    placeholder: false,
                },
                (_, None) => Endpoint {
                    networks: vec![placeholder(role)],
                    name: format!("{} ({}, placeholder: replace it)", role_name(role), placeholder(role).addr()),
                    object: object.into(),
                    placeholder: true,
                },
            }
        }
        Party::Network { network } => Endpoint {
            networks: vec![network],
            name: network.to_string(),
            object: if network == crate::limits::SERVICE_NETWORK {
                "TPP-PLATFORM".into()
            } else {
                format!("NET-{}", network.addr())
            },
            placeholder: false,
        },
        Party::Range { first, last } => {
            let networks = party.networks();
            let cidrs: Vec<String> = networks.iter().map(Ipv4Net::to_string).collect();
            Endpoint {
                name: format!("{} ({first}-{})", cidrs.join(", "), last.octets()[3]),
                networks,
                object: "TPP-ADVANCED-ATTENDANT".into(),
                placeholder: false,
            }
        }
        Party::Addresses { addresses } => Endpoint {
            networks: party.networks(),
            name: addresses.iter().map(Ipv4Addr::to_string).collect::<Vec<_>>().join(", "),
            object: "TPP-AD-INTEGRATION".into(),
            placeholder: false,
        },
        Party::Hosts { names, addresses } => Endpoint {
            networks: party.networks(),
            name: format!(
                "{} ({})",
                names.join(", "),
                addresses.iter().map(Ipv4Addr::to_string).collect::<Vec<_>>().join(", ")
            ),
            object: format!("VENDOR-{}", names[0].split('.').nth(1).unwrap_or("HOSTS").to_ascii_uppercase()),
            placeholder: false,
        },
    }
}

fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Outbound => "outbound",
        Direction::Inbound => "inbound",
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

fn header(comment: &str, rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = format!(
        "{comment} Telia Touchpoint Plus firewall openings, spec v{SPEC_VERSION} chapter 6, written by sitecheck.\n{comment} {} rules for this plan.\n",
        rules.len()
    );
    let placeholders: Vec<String> = rules
        .iter()
        .flat_map(|rule| [resolve(&rule.source, addresses), resolve(&rule.destination, addresses)])
        .filter(|endpoint| endpoint.placeholder)
        .map(|endpoint| endpoint.name)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for name in placeholders {
        let _ = writeln!(text, "{comment} PLACEHOLDER: {name}");
    }
    text
}

fn csv(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = String::from("id,section,direction,protocol,ports,source,destination,comment\n");
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        for service in rule.services {
            let _ = writeln!(
                text,
                "{},{},{},{},{},{},{},{}",
                rule.id,
                rule.section,
                direction_name(rule.direction),
                service.protocol.name(),
                service.ports,
                csv_field(&source.name),
                csv_field(&destination.name),
                csv_field(rule.comment)
            );
        }
    }
    text
}

fn markdown(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = format!("# Telia Touchpoint Plus firewall openings (spec v{SPEC_VERSION})\n\n");
    text.push_str("| Rule | Direction | Source | Destination | Protocol and port | Comment |\n");
    text.push_str("|---|---|---|---|---|---|\n");
    let cell = |text: &str| text.replace('|', "\\|");
    for rule in rules {
        let services: Vec<String> = rule.services.iter().map(Service::to_string).collect();
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} |",
            rule.id,
            direction_name(rule.direction),
            cell(&resolve(&rule.source, addresses).name),
            cell(&resolve(&rule.destination, addresses).name),
            services.join(", "),
            cell(rule.comment)
        );
    }
    text
}

fn quoted(text: &str) -> String {
    text.replace(['"', '\\', '\n'], " ")
}

fn nft_match(keyword: &str, endpoint: &Endpoint) -> String {
    match endpoint.networks.as_slice() {
        [] => String::new(),
        [network] => format!("ip {keyword} {} ", nft_net(network)),
        networks => format!("ip {keyword} {{ {} }} ", networks.iter().map(nft_net).collect::<Vec<_>>().join(", ")),
    }
}

fn nft_net(network: &Ipv4Net) -> String {
    if network.prefix_len() == 32 { network.addr().to_string() } else { network.to_string() }
}

fn nftables(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = format!("#!/usr/sbin/nft -f\n{}", header("#", rules, addresses));
    text.push_str("table inet touchpoint_plus {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n");
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        for service in rule.services {
            let protocol = service.protocol.name().to_ascii_lowercase();
            let _ = writeln!(
                text,
                "\t\t{}{}{protocol} dport {} accept comment \"{} {}\"",
                nft_match("saddr", &source),
                nft_match("daddr", &destination),
                service.ports,
                rule.id,
                quoted(rule.comment)
            );
        }
    }
    text.push_str("\t}\n}\n");
    text
}

fn iptables(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = header("#", rules, addresses);
    text.push_str("*filter\n:TOUCHPOINT-PLUS - [0:0]\n");
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        let sources: Vec<Option<&Ipv4Net>> =
            if source.networks.is_empty() { vec![None] } else { source.networks.iter().map(Some).collect() };
        let destinations: Vec<Option<&Ipv4Net>> =
            if destination.networks.is_empty() { vec![None] } else { destination.networks.iter().map(Some).collect() };
        for service in rule.services {
            let protocol = service.protocol.name().to_ascii_lowercase();
            let ports = if service.ports.is_single() {
                service.ports.first().to_string()
            } else {
                format!("{}:{}", service.ports.first(), service.ports.last())
            };
            for source in &sources {
                for destination in &destinations {
                    let mut line = String::from("-A TOUCHPOINT-PLUS");
                    if let Some(network) = source {
                        let _ = write!(line, " -s {network}");
                    }
                    if let Some(network) = destination {
                        let _ = write!(line, " -d {network}");
                    }
                    let _ = writeln!(
                        text,
                        "{line} -p {protocol} -m {protocol} --dport {ports} -m comment --comment \"{} {}\" -j ACCEPT",
                        rule.id,
                        quoted(rule.comment)
                    );
                }
            }
        }
    }
    text.push_str("COMMIT\n");
    text
}

fn asa_object(endpoint: &Endpoint) -> String {
    if endpoint.networks.is_empty() { "any".to_owned() } else { format!("object-group {}", endpoint.object) }
}

fn asa_ports(service: &Service) -> String {
    if service.ports.is_single() {
        format!("eq {}", service.ports.first())
    } else {
        format!("range {} {}", service.ports.first(), service.ports.last())
    }
}

fn asa(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = header("!", rules, addresses);
    let mut objects: Vec<Endpoint> = Vec::new();
    for rule in rules {
        for endpoint in [resolve(&rule.source, addresses), resolve(&rule.destination, addresses)] {
            if !endpoint.networks.is_empty() && !objects.iter().any(|known| known.object == endpoint.object) {
                objects.push(endpoint);
            }
        }
    }
    for object in &objects {
        let _ = writeln!(text, "object-group network {}", object.object);
        let _ = writeln!(text, " description {}", quoted(&object.name));
        for network in &object.networks {
            if network.prefix_len() == 32 {
                let _ = writeln!(text, " network-object host {}", network.addr());
            } else {
                let _ = writeln!(text, " network-object {} {}", network.addr(), network.netmask());
            }
        }
    }
    for rule in rules {
        let list = match rule.direction {
            Direction::Outbound => "TPP-OUTBOUND",
            Direction::Inbound => "TPP-INBOUND",
        };
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        let _ = writeln!(text, "access-list {list} remark {} {}", rule.id, quoted(rule.comment));
        for service in rule.services {
            let protocol = match service.protocol {
                Protocol::Tcp => "tcp",
                Protocol::Udp => "udp",
            };
            let _ = writeln!(
                text,
                "access-list {list} extended permit {protocol} {} {} {}",
                asa_object(&source),
                asa_object(&destination),
                asa_ports(service)
            );
        }
    }
    text
}

/// Writes the rules in the given format.
pub fn export(rules: &[&FirewallRule], addresses: &CustomerAddresses, format: RuleFormat) -> String {
    match format {
        RuleFormat::Csv => csv(rules, addresses),
        RuleFormat::Markdown => markdown(rules, addresses),
        RuleFormat::Nftables => nftables(rules, addresses),
        RuleFormat::Iptables => iptables(rules, addresses),
        RuleFormat::CiscoAsa => asa(rules, addresses),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Calendar, Plan, SkypeIntegration};

    fn everything() -> Plan {
        Plan {
            softphone_pc_users: 10,
            ip_phones: 5,
            mitel_phones: true,
            ata_adapters: 1,
            mediatrix_adapters: true,
            calendar: Calendar::ExchangeOnPremise,
            skype: SkypeIntegration::PresenceAndVoice,
            advanced_attendant: true,
            ad_integration: true,
            ..Plan::default()
        }
    }

    #[test]
    fn formats_parse_by_name() {
        for format in RuleFormat::ALL {
            assert_eq!(format.name().parse::<RuleFormat>(), Ok(format));
        }
        assert_eq!("nft".parse::<RuleFormat>(), Ok(RuleFormat::Nftables));
        assert_eq!("pdf".parse::<RuleFormat>(), Err(UnknownFormat("pdf".into())));
    }

    #[test]
    fn every_format_carries_every_rule() {
        let plan = everything();
        let rules = plan.firewall_rules();
        assert_eq!(rules.len(), 17);
        for format in RuleFormat::ALL {
            let text = export(&rules, &plan.addresses, format);
            for rule in &rules {
                assert!(text.contains(rule.id), "{} lacks {}", format.name(), rule.id);
            }
        }
    }

    #[test]
    fn nftables_lines() {
        let plan = everything();
        let text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::Nftables);
        assert!(text.contains("\t\tip daddr 81.228.2.192/27 tcp dport 443 accept comment \"6.1.2 "), "{text}");
        assert!(text.contains("ip daddr 81.228.2.192/27 udp dport 49152-65535 accept"), "{text}");
        assert!(text.contains("ip daddr 213.65.172.64/30 tcp dport 14711 accept"), "{text}");
        assert!(text.contains("ip daddr { 213.65.58.109, 213.65.37.180 } tcp dport 443"), "{text}");
        assert!(text.contains("ip saddr 81.228.2.192/27 ip daddr 192.0.2.10 tcp dport 443 accept"), "{text}");
        assert!(
            text.contains("# PLACEHOLDER: Customer's Exchange EWS (192.0.2.10, placeholder: replace it)"),
            "{text}"
        );
    }

    #[test]
    fn given_addresses_replace_placeholders() {
        let mut plan = everything();
        plan.addresses.exchange_ews = Some("198.51.100.7/32".parse().unwrap());
        plan.addresses.network = Some("10.20.0.0/16".parse().unwrap());
        let text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::Iptables);
        assert!(
            text.contains("-A TOUCHPOINT-PLUS -s 81.228.2.192/27 -d 198.51.100.7/32 -p tcp -m tcp --dport 443"),
            "{text}"
        );
        assert!(
            text.contains("-A TOUCHPOINT-PLUS -s 10.20.0.0/16 -d 81.228.2.192/27 -p udp -m udp --dport 49152:65535"),
            "{text}"
        );
        assert!(!text.contains("192.0.2.10"), "{text}");
    }

    #[test]
    fn asa_groups_and_ranges() {
        let plan = everything();
        let text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::CiscoAsa);
        assert!(text.contains("object-group network TPP-PLATFORM\n description 81.228.2.192/27\n network-object 81.228.2.192 255.255.255.224\n"), "{text}");
        assert!(text.contains(" network-object 213.65.172.64 255.255.255.252\n"), "{text}");
        assert!(
            text.contains(
                "access-list TPP-OUTBOUND extended permit udp any object-group TPP-PLATFORM range 49152 65535"
            ),
            "{text}"
        );
        assert!(text.contains("access-list TPP-INBOUND extended permit tcp object-group TPP-PLATFORM object-group CUSTOMER-S4B-MEDIATION eq 5067"), "{text}");
    }

    #[test]
    fn csv_and_markdown_quote_what_needs_it() {
        let plan = everything();
        let csv_text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::Csv);
        assert!(csv_text.starts_with("id,section,direction,protocol,ports,source,destination,comment\n"));
        assert!(csv_text.contains("6.3.3,6.3,outbound,TCP,80,Customer's network,\"ems2.media5corp.com, ems.media5corp.com, virtuo.media5corp.com (192.99.54.246)\","), "{csv_text}");
        let markdown_text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::Markdown);
        assert!(
            markdown_text.contains(
                "| 6.6.1 | outbound | Customer's network | 213.65.172.64/30 (213.65.172.64-67) | TCP/211, TCP/14711 |"
            ),
            "{markdown_text}"
        );
    }
}
