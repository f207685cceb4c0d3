//! The firewall rules of a plan, written for people (CSV, Markdown) and for firewalls:
//! nftables and iptables each as a complete default-drop policy for a dedicated firewall and
//! as rules to add to an existing ruleset, Cisco ASA objects and access lists, and Windows
//! Defender Firewall rules for the PCs (2.5.5). Every file says in its header what it assumes
//! and how to load it.

use crate::condition::AccessPath;
use crate::firewall::{CustomerRole, Direction, FirewallRule, Party};
use crate::limits;
use crate::plan::CustomerAddresses;
use crate::section::SPEC_VERSION;
use crate::units::Service;
use ipnet::Ipv4Net;
use std::fmt::Write;
use std::net::Ipv4Addr;
use std::str::FromStr;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFormat {
    Csv,
    Markdown,
    /// A complete forwarding policy (default drop) for a firewall that does nothing else.
    Nftables,
    /// `add rule` lines for a chain the user names.
    NftablesAdd,
    /// A complete filter table (FORWARD default drop), loaded with `iptables-restore`.
    Iptables,
    /// A chain and the jump to it, loaded with `iptables-restore --noflush`.
    IptablesAdd,
    CiscoAsa,
    /// PowerShell `New-NetFirewallRule` lines for the PCs' own firewall.
    WindowsFirewall,
}

impl RuleFormat {
    pub const ALL: [RuleFormat; 8] = [
        RuleFormat::Csv,
        RuleFormat::Markdown,
        RuleFormat::Nftables,
        RuleFormat::NftablesAdd,
        RuleFormat::Iptables,
        RuleFormat::IptablesAdd,
        RuleFormat::CiscoAsa,
        RuleFormat::WindowsFirewall,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            RuleFormat::Csv => "csv",
            RuleFormat::Markdown => "markdown",
            RuleFormat::Nftables => "nftables",
            RuleFormat::NftablesAdd => "nftables-add",
            RuleFormat::Iptables => "iptables",
            RuleFormat::IptablesAdd => "iptables-add",
            RuleFormat::CiscoAsa => "asa",
            RuleFormat::WindowsFirewall => "windows",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            RuleFormat::Csv => "CSV",
            RuleFormat::Markdown => "Markdown",
            RuleFormat::Nftables => "nftables, complete ruleset",
            RuleFormat::NftablesAdd => "nftables, rules to add",
            RuleFormat::Iptables => "iptables-restore, complete table",
            RuleFormat::IptablesAdd => "iptables-restore --noflush, chain to add",
            RuleFormat::CiscoAsa => "Cisco ASA",
            RuleFormat::WindowsFirewall => "Windows Defender Firewall (PowerShell)",
        }
    }

    /// The button's words in that language (the product and command names stay).
    pub const fn label_in(self, locale: crate::locale::Locale) -> &'static str {
        match (self, locale) {
            (_, crate::locale::Locale::En) => self.label(),
            (RuleFormat::Nftables, crate::locale::Locale::Sv) => "nftables, hela regeluppsättningen",
            (RuleFormat::NftablesAdd, crate::locale::Locale::Sv) => "nftables, regler att lägga till",
            (RuleFormat::Iptables, crate::locale::Locale::Sv) => "iptables-restore, hela tabellen",
            (RuleFormat::IptablesAdd, crate::locale::Locale::Sv) => "iptables-restore --noflush, kedja att lägga till",
            (RuleFormat::WindowsFirewall, crate::locale::Locale::Sv) => "Windows Defender-brandväggen (PowerShell)",
            (RuleFormat::Csv | RuleFormat::Markdown | RuleFormat::CiscoAsa, crate::locale::Locale::Sv) => self.label(),
        }
    }

    pub const fn file_name(self) -> &'static str {
        match self {
            RuleFormat::Csv => "touchpoint-plus-firewall.csv",
            RuleFormat::Markdown => "touchpoint-plus-firewall.md",
            RuleFormat::Nftables => "touchpoint-plus.nft",
            RuleFormat::NftablesAdd => "touchpoint-plus-add.nft",
            RuleFormat::Iptables => "touchpoint-plus.iptables",
            RuleFormat::IptablesAdd => "touchpoint-plus-add.iptables",
            RuleFormat::CiscoAsa => "touchpoint-plus-asa.txt",
            RuleFormat::WindowsFirewall => "touchpoint-plus-windows-firewall.ps1",
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
#[error("unknown rule format \"{0}\" (csv, markdown, nftables, nftables-add, iptables, iptables-add, asa or windows)")]
pub struct UnknownFormat(pub String);

impl FromStr for RuleFormat {
    type Err = UnknownFormat;

    fn from_str(text: &str) -> Result<RuleFormat, UnknownFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(RuleFormat::Csv),
            "markdown" | "md" => Ok(RuleFormat::Markdown),
            "nftables" | "nft" => Ok(RuleFormat::Nftables),
            "nftables-add" | "nft-add" => Ok(RuleFormat::NftablesAdd),
            "iptables" | "iptables-restore" => Ok(RuleFormat::Iptables),
            "iptables-add" | "iptables-noflush" => Ok(RuleFormat::IptablesAdd),
            "asa" | "cisco" | "cisco-asa" => Ok(RuleFormat::CiscoAsa),
            "windows" | "powershell" | "windows-firewall" => Ok(RuleFormat::WindowsFirewall),
            other => Err(UnknownFormat(other.to_owned())),
        }
    }
}

/// The nftables chain that the add-rules file appends to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NftChain {
    pub family: String,
    pub table: String,
    pub chain: String,
}

impl Default for NftChain {
    fn default() -> NftChain {
        NftChain { family: "inet".into(), table: "filter".into(), chain: "forward".into() }
    }
}

impl std::fmt::Display for NftChain {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} {} {}", self.family, self.table, self.chain)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NftChainError {
    #[error("name the family, the table and the chain, like \"inet filter forward\" (got {0} words)")]
    Shape(usize),
    #[error("family \"{0}\" cannot carry IPv4 rules (ip or inet)")]
    Family(String),
    #[error("\"{0}\" is not an nftables name (a letter, then letters, digits, _ or -, at most 64)")]
    Name(String),
}

impl NftChainError {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: crate::locale::Locale) -> String {
        match locale {
            crate::locale::Locale::En => self.to_string(),
            crate::locale::Locale::Sv => match self {
                NftChainError::Shape(words) => {
                    format!("ange familjen, tabellen och kedjan, som \"inet filter forward\" (fick {words} ord)")
                }
                NftChainError::Family(family) => {
                    format!("familjen \"{family}\" kan inte bära IPv4-regler (ip eller inet)")
                }
                NftChainError::Name(name) => format!(
                    "\"{name}\" är inget nftables-namn (en bokstav, sedan bokstäver, siffror, _ eller -, högst 64)"
                ),
            },
        }
    }
}

impl FromStr for NftChain {
    type Err = NftChainError;

    fn from_str(text: &str) -> Result<NftChain, NftChainError> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let [family, table, chain] = words.as_slice() else { return Err(NftChainError::Shape(words.len())) };
        if !matches!(*family, "ip" | "inet") {
            return Err(NftChainError::Family((*family).to_owned()));
        }
        let valid = |name: &str| {
            name.len() <= 64
                && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        for name in [table, chain] {
            if !valid(name) {
                return Err(NftChainError::Name((*name).to_owned()));
            }
        }
        Ok(NftChain { family: (*family).into(), table: (*table).into(), chain: (*chain).into() })
    }
}

/// An export as the page asks its worker for it (the exports' code is not in the first load):
/// the plan, the format by `RuleFormat::name` and the nftables chain as typed, both checked
/// where the file is made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportRequest {
    pub plan: crate::plan::Plan,
    pub format: String,
    pub nft_chain: String,
}

impl ExportRequest {
    /// The file's text, or why there is none.
    pub fn run(&self) -> Result<String, String> {
        let format = RuleFormat::ALL
            .into_iter()
            .find(|format| format.name() == self.format)
            .ok_or_else(|| format!("\"{}\" is not an export format", self.format))?;
        let nft_chain = self.nft_chain.parse::<NftChain>().map_err(|error| error.to_string())?;
        let options = ExportOptions { nft_chain, access: self.plan.access, ..ExportOptions::default() };
        Ok(export(&self.plan.firewall_rules(), &self.plan.addresses, format, &options))
    }
}

/// Choices the user makes for an export, and what the plan tells the file's reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub nft_chain: NftChain,
    /// The plan's access path: over DataNet, some openings still go over the Internet, and
    /// every file says which.
    pub access: AccessPath,
    /// The language of the Markdown table's own words (the site report's); the rules'
    /// parties and comments stay as the spec prints them, and the firewall files are English.
    pub lang: crate::locale::Locale,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions { nft_chain: NftChain::default(), access: AccessPath::Internet, lang: crate::locale::Locale::En }
    }
}

/// Why, over DataNet, a rule's traffic still goes over the Internet; `None` over the Internet
/// or where DataNet carries it.
pub fn over_the_internet(rule: &FirewallRule, access: AccessPath) -> Option<&'static str> {
    if access != AccessPath::DataNet || !rule.leaves_the_service_network() {
        return None;
    }
    Some(if rule.section == "6.6" {
        "Advanced Attendant traffic cannot be routed over DataNet (2.3.2, 3.4), so it goes over the Internet"
    } else {
        // The spec does not say so in words: it follows from 2.3.2's one network.
        "this lies outside the only network 2.3.2 routes over DataNet, so it goes over the Internet (advisory datanet.internet-still-needed)"
    })
}

/// The notes every file carries for the plan's access path, one per rule that DataNet does
/// not carry, naming the rule, its far end and the route to give it.
pub fn routing_notes(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> Vec<String> {
    rules
        .iter()
        .filter_map(|rule| {
            over_the_internet(rule, access).map(|why| {
                format!(
                    "{} to {}: {why}. Route it to the Internet connection, not to Telia's access router (DataNet carries only {}).",
                    rule.id,
                    resolve(rule.far_end(), addresses).name,
                    limits::SERVICE_NETWORK
                )
            })
        })
        .collect()
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

pub fn role_name(role: CustomerRole) -> &'static str {
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
    /// DNS names the spec gives (vendor hosts), for FQDN objects.
    pub hosts: Vec<&'static str>,
    pub placeholder: bool,
}

impl Endpoint {
    /// The networks as a firewall writes them: "any" or a list of CIDR blocks.
    pub fn addresses(&self) -> String {
        if self.networks.is_empty() {
            "any".to_owned()
        } else {
            self.networks.iter().map(Ipv4Net::to_string).collect::<Vec<_>>().join(" ")
        }
    }
}

pub fn resolve(party: &Party, addresses: &CustomerAddresses) -> Endpoint {
    let endpoint = |networks: Vec<Ipv4Net>, name: String, object: &str| Endpoint {
        networks,
        name,
        object: object.to_owned(),
        hosts: Vec::new(),
        placeholder: false,
    };
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
                (CustomerRole::Network, None) => endpoint(Vec::new(), role_name(role).into(), object),
                (_, Some(network)) => endpoint(vec![network], format!("{} ({network})", role_name(role)), object),
                (_, None) => Endpoint {
                    placeholder: true,
                    ..endpoint(
                        vec![placeholder(role)],
                        format!("{} ({}, placeholder: replace it)", role_name(role), placeholder(role).addr()),
                        object,
                    )
                },
            }
        }
        Party::Network { network } => endpoint(
            vec![network],
            network.to_string(),
            &if network == crate::limits::SERVICE_NETWORK {
                "TPP-PLATFORM".to_owned()
            } else {
                format!("TPP-NET-{}-{}", network.addr(), network.prefix_len())
            },
        ),
        Party::Range { first, last } => {
            let networks = party.networks();
            let cidrs: Vec<String> = networks.iter().map(Ipv4Net::to_string).collect();
            endpoint(networks, format!("{} ({first}-{})", cidrs.join(", "), last.octets()[3]), "TPP-ADVANCED-ATTENDANT")
        }
        Party::Addresses { addresses } => endpoint(
            party.networks(),
            addresses.iter().map(Ipv4Addr::to_string).collect::<Vec<_>>().join(", "),
            "TPP-AD-INTEGRATION",
        ),
        Party::Hosts { names, addresses } => Endpoint {
            hosts: names.to_vec(),
            ..endpoint(
                party.networks(),
                format!(
                    "{} ({})",
                    names.join(", "),
                    addresses.iter().map(Ipv4Addr::to_string).collect::<Vec<_>>().join(", ")
                ),
                &format!("VENDOR-{}", names[0].split('.').nth(1).unwrap_or("HOSTS").to_ascii_uppercase()),
            )
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

/// The file's header: what it is, for which plan, what it assumes, how to load it, and what
/// the plan's access path means for its rules.
fn header(
    comment: &str,
    rules: &[&FirewallRule],
    addresses: &CustomerAddresses,
    access: AccessPath,
    form: &[&str],
) -> String {
    let mut text = format!(
        "{comment} Telia Touchpoint Plus firewall openings, spec v{SPEC_VERSION} chapter 6, written by sitecheck.\n{comment} {} rules for this plan.\n",
        rules.len()
    );
    for line in form {
        let _ = writeln!(text, "{comment} {line}");
    }
    for note in routing_notes(rules, addresses, access) {
        let _ = writeln!(text, "{comment} NOTE: {note}");
    }
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

fn csv(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let mut text = String::from(
        "id,section,direction,action,protocol,ports,source,destination,source_name,destination_name,comment\n",
    );
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        // CSV has no comment lines: the note goes into the rule's own comment.
        let comment = match over_the_internet(rule, access) {
            Some(why) => format!("{}. NOTE: {why}", rule.comment),
            None => rule.comment.to_owned(),
        };
        for service in rule.services {
            let _ = writeln!(
                text,
                "{},{},{},allow,{},{},{},{},{},{},{}",
                rule.id,
                rule.section,
                direction_name(rule.direction),
                service.protocol.name(),
                service.ports,
                csv_field(&source.addresses()),
                csv_field(&destination.addresses()),
                csv_field(&source.name),
                csv_field(&destination.name),
                csv_field(&comment)
            );
        }
    }
    text
}

fn markdown(
    rules: &[&FirewallRule],
    addresses: &CustomerAddresses,
    access: AccessPath,
    lang: crate::locale::Locale,
) -> String {
    use crate::interface::firewall as words;
    use crate::locale::{Locale, Text};
    let word = |text: Text| text.get(lang);
    let title = Text {
        en: "Telia Touchpoint Plus firewall openings",
        sv: "Öppningar i brandväggen för Telia Touchpoint Plus",
    };
    let mut text = format!("# {} (spec v{SPEC_VERSION})\n\n", word(title));
    text.push_str(match lang {
        Locale::En => {
            "The openings this plan needs, as chapter 6 writes them: each is allowed in the direction shown \
         (outbound: the customer's side opens the connection), and replies come back on the same connection. \
         An address marked as a placeholder stands for a server the plan does not name yet.\n\n"
        }
        Locale::Sv => {
            "Öppningarna planen behöver, som kapitel 6 skriver dem: var och en tillåts i den riktning som anges \
         (utgående: kundens sida öppnar anslutningen), och svaren kommer tillbaka på samma anslutning. \
         En adress markerad som platshållare står för en server som planen inte anger än. \
         Parter och kommentarer står som i specifikationen, på engelska.\n\n"
        }
    });
    let note_word = word(Text { en: "Note", sv: "Obs" });
    for note in routing_notes(rules, addresses, access) {
        let _ = writeln!(text, "**{note_word}:** {note}\n");
    }
    let _ = writeln!(
        text,
        "| {} | {} | {} | {} | {} | {} |",
        word(words::RULE),
        word(words::DIRECTION),
        word(words::SOURCE),
        word(words::DESTINATION),
        word(words::SERVICE),
        word(words::COMMENT)
    );
    text.push_str("|---|---|---|---|---|---|\n");
    let cell = |text: &str| text.replace('|', "\\|");
    for rule in rules {
        let services: Vec<String> = rule.services.iter().map(Service::to_string).collect();
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} |",
            rule.id,
            rule.direction.label_in(lang),
            cell(&resolve(&rule.source, addresses).name),
            cell(&resolve(&rule.destination, addresses).name),
            services.join(", "),
            cell(rule.comment)
        );
    }
    text
}

/// A comment as the firewall takes it: no quotes or newlines, and at most `limit` bytes,
/// cut at a word.
fn comment_text(text: &str, limit: usize) -> String {
    let clean = text.replace(['"', '\\', '\n', '\''], " ");
    if clean.len() <= limit {
        return clean;
    }
    let mut cut = String::new();
    for word in clean.split(' ') {
        if cut.len() + word.len() + 1 > limit.saturating_sub(3) {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    // ASCII only: not every firewall's command line takes other characters.
    cut.push_str("...");
    cut
}

fn rule_comment(rule: &FirewallRule, limit: usize) -> String {
    comment_text(&format!("{} {}", rule.id, rule.comment), limit)
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

/// One nftables rule body per rule and service.
fn nft_rules(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> Vec<String> {
    let mut lines = Vec::new();
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        for service in rule.services {
            let protocol = service.protocol.name().to_ascii_lowercase();
            // nftables keeps comments up to 128 bytes.
            lines.push(format!(
                "{}{}{protocol} dport {} accept comment \"{}\"",
                nft_match("saddr", &source),
                nft_match("daddr", &destination),
                service.ports,
                rule_comment(rule, 127)
            ));
        }
    }
    lines
}

pub const NFT_TABLE: &str = "touchpoint_plus";

fn nftables(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let form = [
        "FORM: a complete forwarding policy for a firewall that does nothing else.",
        "ASSUMES: this host routes between the customer's network and the Internet (the forward hook);",
        "  every forwarded packet the plan does not need is dropped (policy drop); replies to allowed",
        "  connections come back (ct state established,related); addresses are as the forward hook sees",
        "  them (before source NAT, after destination NAT); the firewall's own input and output are untouched.",
        "  nftables passes every base chain on a hook in turn and a drop in any of them is final: remove",
        "  other tables' forward chains, or use the rules-to-add file in your own chain instead.",
        "LOAD: nft -f touchpoint-plus.nft  (loading it again replaces the table)",
    ];
    let mut text = format!("#!/usr/sbin/nft -f\n{}", header("#", rules, addresses, access, &form));
    let _ = writeln!(text, "table inet {NFT_TABLE}\ndelete table inet {NFT_TABLE}\ntable inet {NFT_TABLE} {{");
    text.push_str("\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n");
    text.push_str("\t\tct state established,related accept comment \"replies to allowed connections\"\n");
    text.push_str("\t\tct state invalid drop\n");
    for line in nft_rules(rules, addresses) {
        let _ = writeln!(text, "\t\t{line}");
    }
    text.push_str("\t}\n}\n");
    text
}

fn nftables_add(rules: &[&FirewallRule], addresses: &CustomerAddresses, options: &ExportOptions) -> String {
    let (chain, access) = (&options.nft_chain, options.access);
    let assumes = format!("ASSUMES: your ruleset has the chain {chain}, a base chain on the forward hook;");
    let form = [
        "FORM: rules to add to an existing ruleset; nothing else in it is changed.",
        assumes.as_str(),
        "  the rules are appended (add rule): if that chain ends in an explicit drop or reject rule rather",
        "  than its policy, insert them before it (nft insert rule … or add rule … position N).",
        "  The first rule lets replies to allowed connections back; it is harmless if your chain has one.",
        "LOAD: nft -f touchpoint-plus-add.nft  (once: loading it again adds the rules again)",
    ];
    let mut text = format!("#!/usr/sbin/nft -f\n{}", header("#", rules, addresses, access, &form));
    let _ = writeln!(
        text,
        "add rule {chain} ct state established,related accept comment \"replies to allowed connections\""
    );
    for line in nft_rules(rules, addresses) {
        let _ = writeln!(text, "add rule {chain} {line}");
    }
    text
}

const IPTABLES_CHAIN: &str = "TOUCHPOINT-PLUS";

fn iptables_rules(rules: &[&FirewallRule], addresses: &CustomerAddresses) -> String {
    let mut text = String::new();
    for rule in rules {
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        let sides = |endpoint: &Endpoint| -> Vec<Option<Ipv4Net>> {
            if endpoint.networks.is_empty() {
                vec![None]
            } else {
                endpoint.networks.iter().copied().map(Some).collect()
            }
        };
        for service in rule.services {
            let protocol = service.protocol.name().to_ascii_lowercase();
            let ports = if service.ports.is_single() {
                service.ports.first().to_string()
            } else {
                format!("{}:{}", service.ports.first(), service.ports.last())
            };
            for from in sides(&source) {
                for to in sides(&destination) {
                    let mut line = format!("-A {IPTABLES_CHAIN}");
                    if let Some(network) = from {
                        let _ = write!(line, " -s {network}");
                    }
                    if let Some(network) = to {
                        let _ = write!(line, " -d {network}");
                    }
                    // iptables keeps comments up to 256 bytes.
                    let _ = writeln!(
                        text,
                        "{line} -p {protocol} -m {protocol} --dport {ports} -m comment --comment \"{}\" -j ACCEPT",
                        rule_comment(rule, 255)
                    );
                }
            }
        }
    }
    text
}

fn iptables(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let form = [
        "FORM: a complete filter table for a firewall that does nothing else.",
        "ASSUMES: this host routes between the customer's network and the Internet (FORWARD);",
        "  FORWARD drops what the plan does not need, replies to allowed connections come back",
        "  (conntrack ESTABLISHED,RELATED); INPUT and OUTPUT accept: protect the firewall itself separately.",
        "LOAD: iptables-restore < touchpoint-plus.iptables  (this replaces the whole filter table)",
    ];
    let mut text = header("#", rules, addresses, access, &form);
    text.push_str("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    let _ = writeln!(text, ":{IPTABLES_CHAIN} - [0:0]");
    text.push_str("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
    text.push_str("-A FORWARD -m conntrack --ctstate INVALID -j DROP\n");
    let _ = writeln!(text, "-A FORWARD -j {IPTABLES_CHAIN}");
    text.push_str(&iptables_rules(rules, addresses));
    text.push_str("COMMIT\n");
    text
}

fn iptables_add(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let form = [
        "FORM: a chain to add to an existing filter table; nothing else in it is changed.",
        "ASSUMES: FORWARD carries the traffic between the customer's network and the Internet.",
        "  The jump to TOUCHPOINT-PLUS is inserted first in FORWARD, so these openings are found before",
        "  your own rules; what they do not accept returns to FORWARD and your rules and policy.",
        "  The chain's first rule lets replies to allowed connections back.",
        "LOAD: iptables-restore --noflush < touchpoint-plus-add.iptables",
        "  (without --noflush, iptables-restore replaces your whole filter table)",
        "RELOAD: iptables -D FORWARD -j TOUCHPOINT-PLUS first, or FORWARD jumps to the chain twice",
    ];
    let mut text = header("#", rules, addresses, access, &form);
    let _ = writeln!(text, "*filter\n:{IPTABLES_CHAIN} - [0:0]");
    let _ = writeln!(text, "-A {IPTABLES_CHAIN} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    text.push_str(&iptables_rules(rules, addresses));
    let _ = writeln!(text, "-I FORWARD 1 -j {IPTABLES_CHAIN}");
    text.push_str("COMMIT\n");
    text
}

/// How an ASA access-list entry names one side.
fn asa_operand(endpoint: &Endpoint) -> String {
    match (endpoint.networks.as_slice(), endpoint.hosts.is_empty()) {
        ([], true) => "any4".to_owned(),
        ([_], true) => format!("object {}", endpoint.object),
        _ => format!("object-group {}", endpoint.object),
    }
}

fn asa_member(network: &Ipv4Net) -> String {
    if network.prefix_len() == 32 {
        format!("host {}", network.addr())
    } else {
        format!("{} {}", network.addr(), network.netmask())
    }
}

/// ASA object names for a vendor's FQDN: "ems2.media5corp.com" → "FQDN-EMS2.MEDIA5CORP.COM".
fn fqdn_object(name: &str) -> String {
    format!("FQDN-{}", name.to_ascii_uppercase())
}

/// The longest remark ASA accepts.
pub const ASA_REMARK_LIMIT: usize = 100;

fn asa(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let form = [
        "FORM: objects and access lists for a Cisco ASA (9.0 or later: any4), to paste in configuration mode.",
        "ASSUMES: access lists name real (untranslated) addresses, as ASA 8.3 and later match them;",
        "  TPP-OUTBOUND filters traffic entering the inside interface, TPP-INBOUND traffic entering",
        "  the outside interface; the ASA is stateful, so replies pass without rules of their own.",
        "  An access list ends in an implicit deny: if an interface has an access list already, add",
        "  these entries to it rather than binding TPP-OUTBOUND or TPP-INBOUND in its place.",
        "  FQDN objects need a DNS server on the ASA (dns domain-lookup); the listed address is kept beside them.",
        "BIND (interface names are yours):",
        "  access-group TPP-OUTBOUND in interface inside",
        "  access-group TPP-INBOUND in interface outside",
    ];
    let mut text = header("!", rules, addresses, access, &form);
    let mut written: Vec<String> = Vec::new();
    for rule in rules {
        for endpoint in [resolve(&rule.source, addresses), resolve(&rule.destination, addresses)] {
            if endpoint.networks.is_empty() && endpoint.hosts.is_empty() || written.contains(&endpoint.object) {
                continue;
            }
            written.push(endpoint.object.clone());
            let description = comment_text(&endpoint.name, 200);
            match (endpoint.networks.as_slice(), endpoint.hosts.is_empty()) {
                ([network], true) => {
                    let _ = writeln!(text, "object network {}", endpoint.object);
                    let member = if network.prefix_len() == 32 {
                        format!("host {}", network.addr())
                    } else {
                        format!("subnet {} {}", network.addr(), network.netmask())
                    };
                    let _ = writeln!(text, " {member}\n description {description}");
                }
                (networks, _) => {
                    for host in &endpoint.hosts {
                        let _ = writeln!(text, "object network {}\n fqdn v4 {host}", fqdn_object(host));
                    }
                    let _ = writeln!(text, "object-group network {}\n description {description}", endpoint.object);
                    for host in &endpoint.hosts {
                        let _ = writeln!(text, " network-object object {}", fqdn_object(host));
                    }
                    for network in networks {
                        let _ = writeln!(text, " network-object {}", asa_member(network));
                    }
                }
            }
        }
    }
    for rule in rules {
        let list = match rule.direction {
            Direction::Outbound => "TPP-OUTBOUND",
            Direction::Inbound => "TPP-INBOUND",
        };
        let (source, destination) = (resolve(&rule.source, addresses), resolve(&rule.destination, addresses));
        let _ = writeln!(text, "access-list {list} remark {}", rule_comment(rule, ASA_REMARK_LIMIT));
        for service in rule.services {
            let ports = if service.ports.is_single() {
                format!("eq {}", service.ports.first())
            } else {
                format!("range {} {}", service.ports.first(), service.ports.last())
            };
            let _ = writeln!(
                text,
                "access-list {list} extended permit {} {} {} {ports}",
                service.protocol.name().to_ascii_lowercase(),
                asa_operand(&source),
                asa_operand(&destination)
            );
        }
    }
    text
}

/// The rules a PC's own firewall needs: what the softphone, the web portal and the ACE
/// programs of Advanced Attendant open from the PC (6.1, 6.2, 6.6; 2.5.5).
pub fn pc_rules<'a>(rules: &[&'a FirewallRule]) -> Vec<&'a FirewallRule> {
    rules
        .iter()
        .copied()
        .filter(|rule| {
            rule.direction == Direction::Outbound
                && matches!(rule.source, Party::Customer { role: CustomerRole::Network })
                && matches!(rule.section.as_str(), "6.1" | "6.2" | "6.6")
        })
        .collect()
}

fn powershell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn windows_firewall(rules: &[&FirewallRule], addresses: &CustomerAddresses, access: AccessPath) -> String {
    let pc = pc_rules(rules);
    let form = [
        "FORM: Windows Defender Firewall rules for the PCs that run the softphone, the web portal and",
        "  the Advanced Attendant programs (2.5.5: a local firewall must permit this traffic).",
        "ASSUMES: run in an elevated PowerShell on each PC (or push the same rules by Group Policy);",
        "  Windows Defender Firewall allows outbound traffic unless DefaultOutboundAction is Block: these",
        "  rules matter where it is. No inbound rules are needed: the PC opens every connection and the",
        "  firewall lets the replies back. The rules name no program: add -Program to narrow them.",
        "RELOAD: Remove-NetFirewallRule -Group 'Telia Touchpoint Plus' first",
    ];
    let mut text = header("#", &pc, addresses, access, &form);
    for rule in pc {
        let destination = resolve(&rule.destination, addresses);
        let remote = destination.networks.iter().map(Ipv4Net::to_string).collect::<Vec<_>>().join(",");
        for service in rule.services {
            let ports = if service.ports.is_single() {
                service.ports.first().to_string()
            } else {
                format!("{}-{}", service.ports.first(), service.ports.last())
            };
            let _ = writeln!(
                text,
                "New-NetFirewallRule -DisplayName {} -Description {} -Group 'Telia Touchpoint Plus' -Direction Outbound -Action Allow -Protocol {} -RemoteAddress {remote} -RemotePort {ports} -Profile Any",
                powershell_quoted(&format!("Touchpoint Plus {} {service}", rule.id)),
                powershell_quoted(rule.comment),
                service.protocol.name()
            );
        }
    }
    text
}

/// Writes the rules in the given format.
pub fn export(
    rules: &[&FirewallRule],
    addresses: &CustomerAddresses,
    format: RuleFormat,
    options: &ExportOptions,
) -> String {
    match format {
        RuleFormat::Csv => csv(rules, addresses, options.access),
        RuleFormat::Markdown => markdown(rules, addresses, options.access, options.lang),
        RuleFormat::Nftables => nftables(rules, addresses, options.access),
        RuleFormat::NftablesAdd => nftables_add(rules, addresses, options),
        RuleFormat::Iptables => iptables(rules, addresses, options.access),
        RuleFormat::IptablesAdd => iptables_add(rules, addresses, options.access),
        RuleFormat::CiscoAsa => asa(rules, addresses, options.access),
        RuleFormat::WindowsFirewall => windows_firewall(rules, addresses, options.access),
    }
}

#[cfg(test)]
mod tests;
