//! Why a reader could not read a line. Each variant carries what the line said; its message
//! is what the user reads beside the line (and, for a rule, in the unknown row it leaves), in
//! English (`Display`) and Swedish ([`Unreadable::text`]).

use crate::locale::{Bilingual, Locale};

/// A line of a pasted ruleset that a reader could not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    // Shared by the readers.
    #[error("protocol \"{protocol}\" is not understood")]
    Protocol { protocol: String },
    /// A rule read up to a word (nftables, iptables): what it matches is known only so far.
    #[error("\"{word}\" is not understood, so the rule's effect is unknown")]
    RuleWord { word: String },

    // Cisco ASA addresses.
    #[error("\"{address}\" after host is not an IPv4 address")]
    HostAddress { address: String },
    #[error("network object {name} is not defined above this line")]
    UndefinedNetworkObject { name: String },
    #[error("addresses given as an interface are not known offline")]
    InterfaceAddresses,
    #[error("\"{address} {mask}\" is not an address with its netmask")]
    Netmask { address: String, mask: String },
    #[error("the line ends before its addresses")]
    EndsBeforeAddresses,
    #[error("\"{first} {last}\" is not an address range")]
    AddressRange { first: String, last: String },
    #[error("not a network member sitecheck reads (host, subnet, range, fqdn, network-object, group-object)")]
    NetworkMember,

    // Cisco ASA services and protocols.
    #[error("the port-object's ports are not understood")]
    PortObjectPorts,
    #[error("service object {name} is not defined above this line")]
    UndefinedServiceObject { name: String },
    #[error("the source ports are not understood")]
    SourcePorts,
    #[error("the destination ports are not understood")]
    DestinationPorts,
    #[error("the ports are not understood")]
    Ports,
    #[error("not a service member sitecheck reads")]
    ServiceMember,
    #[error("not a protocol-object")]
    ProtocolMember,

    // Cisco ASA access lists.
    #[error("an access-list line that is neither extended nor a remark")]
    AccessListKind,
    #[error("names (the name command) are not read; use objects")]
    NameCommand,
    #[error("\"{word}\" is neither permit nor deny")]
    PermitOrDeny { word: String },
    #[error("service or protocol object {name} is not defined above this line")]
    UndefinedServiceOrProtocol { name: String },
    #[error("the entry ends before its protocol")]
    EndsBeforeProtocol,
    #[error("port group {name} is not defined above this line")]
    UndefinedPortGroup { name: String },
    #[error("\"{word}\" after the destination is not understood")]
    AfterDestination { word: String },

    // CSV.
    #[error("\"{text}\" is not a list of ports")]
    PortList { text: String },
    #[error("\"{text}\" is not a list of addresses")]
    AddressList { text: String },
    #[error("action \"{action}\" is neither allow nor deny")]
    AllowOrDeny { action: String },
    #[error("direction \"{direction}\" is neither inbound nor outbound")]
    InboundOrOutbound { direction: String },
    #[error("a CSV row before the header that names protocol, ports, source and destination")]
    RowBeforeHeader,

    // nftables.
    #[error("\"{statement}\" is not a chain property sitecheck reads")]
    ChainProperty { statement: String },
    #[error("variables (define) are not expanded; paste `nft list ruleset` output")]
    Define,
    #[error("not an nftables rule, chain or table line")]
    NftablesLine,

    // iptables.
    #[error("a chain line needs a name and a policy, like \":FORWARD DROP [0:0]\"")]
    ChainLine,
    #[error("policy \"{policy}\" is neither ACCEPT nor DROP")]
    AcceptOrDrop { policy: String },
    #[error("no chain named after -A")]
    NoChain,
    #[error("not an iptables-save line or iptables command")]
    IptablesLine,
}

impl Unreadable {
    /// The reason in both languages; the English is the `Display` text.
    pub fn text(&self) -> Bilingual {
        Bilingual::new(self.to_string(), self.swedish())
    }

    /// The reason in one language.
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => self.swedish(),
        }
    }

    fn swedish(&self) -> String {
        match self {
            Unreadable::Protocol { protocol } => format!("protokollet \"{protocol}\" förstås inte"),
            Unreadable::RuleWord { word } => format!("\"{word}\" förstås inte, så regelns verkan är okänd"),
            Unreadable::HostAddress { address } => format!("\"{address}\" efter host är ingen IPv4-adress"),
            Unreadable::UndefinedNetworkObject { name } => {
                format!("nätverksobjektet {name} är inte definierat ovanför den här raden")
            }
            Unreadable::InterfaceAddresses => "adresser som anges som ett gränssnitt är okända offline".into(),
            Unreadable::Netmask { address, mask } => format!("\"{address} {mask}\" är ingen adress med nätmask"),
            Unreadable::EndsBeforeAddresses => "raden tar slut före adresserna".into(),
            Unreadable::AddressRange { first, last } => format!("\"{first} {last}\" är inget adressintervall"),
            Unreadable::NetworkMember => {
                "ingen nätverksmedlem som sitecheck läser (host, subnet, range, fqdn, network-object, group-object)"
                    .into()
            }
            Unreadable::PortObjectPorts => "portarna i port-object förstås inte".into(),
            Unreadable::UndefinedServiceObject { name } => {
                format!("tjänsteobjektet {name} är inte definierat ovanför den här raden")
            }
            Unreadable::SourcePorts => "källportarna förstås inte".into(),
            Unreadable::DestinationPorts => "destinationsportarna förstås inte".into(),
            Unreadable::Ports => "portarna förstås inte".into(),
            Unreadable::ServiceMember => "ingen tjänstemedlem som sitecheck läser".into(),
            Unreadable::ProtocolMember => "inget protocol-object".into(),
            Unreadable::AccessListKind => "en access-list-rad som varken är extended eller remark".into(),
            Unreadable::NameCommand => "namn (kommandot name) läses inte; använd objekt".into(),
            Unreadable::PermitOrDeny { word } => format!("\"{word}\" är varken permit eller deny"),
            Unreadable::UndefinedServiceOrProtocol { name } => {
                format!("tjänste- eller protokollobjektet {name} är inte definierat ovanför den här raden")
            }
            Unreadable::EndsBeforeProtocol => "posten tar slut före protokollet".into(),
            Unreadable::UndefinedPortGroup { name } => {
                format!("portgruppen {name} är inte definierad ovanför den här raden")
            }
            Unreadable::AfterDestination { word } => format!("\"{word}\" efter destinationen förstås inte"),
            Unreadable::PortList { text } => format!("\"{text}\" är ingen lista med portar"),
            Unreadable::AddressList { text } => format!("\"{text}\" är ingen lista med adresser"),
            Unreadable::AllowOrDeny { action } => format!("åtgärden \"{action}\" är varken allow eller deny"),
            Unreadable::InboundOrOutbound { direction } => {
                format!("riktningen \"{direction}\" är varken inbound eller outbound")
            }
            Unreadable::RowBeforeHeader => {
                "en CSV-rad före rubrikraden som anger protokoll, portar, källa och destination".into()
            }
            Unreadable::ChainProperty { statement } => {
                format!("\"{statement}\" är ingen kedjeegenskap som sitecheck läser")
            }
            Unreadable::Define => {
                "variabler (define) expanderas inte; klistra in utdata från `nft list ruleset`".into()
            }
            Unreadable::NftablesLine => "ingen regel-, kedje- eller tabellrad för nftables".into(),
            Unreadable::ChainLine => "en kedjerad behöver ett namn och en policy, som \":FORWARD DROP [0:0]\"".into(),
            Unreadable::AcceptOrDrop { policy } => format!("policyn \"{policy}\" är varken ACCEPT eller DROP"),
            Unreadable::NoChain => "ingen kedja anges efter -A".into(),
            Unreadable::IptablesLine => "varken en rad från iptables-save eller ett iptables-kommando".into(),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::Unreadable;
    use crate::coverage::parse_rules;
    use crate::locale::{Bilingual, Locale};

    /// Every variant by number: a new variant does not build here until it is numbered, and
    /// `VARIANTS` beside it says how many numbers the cases below must reach.
    fn number(problem: &Unreadable) -> usize {
        match problem {
            Unreadable::Protocol { .. } => 0,
            Unreadable::RuleWord { .. } => 1,
            Unreadable::HostAddress { .. } => 2,
            Unreadable::UndefinedNetworkObject { .. } => 3,
            Unreadable::InterfaceAddresses => 4,
            Unreadable::Netmask { .. } => 5,
            Unreadable::EndsBeforeAddresses => 6,
            Unreadable::AddressRange { .. } => 7,
            Unreadable::NetworkMember => 8,
            Unreadable::PortObjectPorts => 9,
            Unreadable::UndefinedServiceObject { .. } => 10,
            Unreadable::SourcePorts => 11,
            Unreadable::DestinationPorts => 12,
            Unreadable::Ports => 13,
            Unreadable::ServiceMember => 14,
            Unreadable::ProtocolMember => 15,
            Unreadable::AccessListKind => 16,
            Unreadable::NameCommand => 17,
            Unreadable::PermitOrDeny { .. } => 18,
            Unreadable::UndefinedServiceOrProtocol { .. } => 19,
            Unreadable::EndsBeforeProtocol => 20,
            Unreadable::UndefinedPortGroup { .. } => 21,
            Unreadable::AfterDestination { .. } => 22,
            Unreadable::PortList { .. } => 23,
            Unreadable::AddressList { .. } => 24,
            Unreadable::AllowOrDeny { .. } => 25,
            Unreadable::InboundOrOutbound { .. } => 26,
            Unreadable::RowBeforeHeader => 27,
            Unreadable::ChainProperty { .. } => 28,
            Unreadable::Define => 29,
            Unreadable::NftablesLine => 30,
            Unreadable::ChainLine => 31,
            Unreadable::AcceptOrDrop { .. } => 32,
            Unreadable::NoChain => 33,
            Unreadable::IptablesLine => 34,
        }
    }
    const VARIANTS: usize = 35;

    fn text(value: &str) -> String {
        value.to_owned()
    }

    /// The reader of `input` reports one problem: its last line, for the expected reason.
    fn check(input: &str, expected: &Unreadable) {
        let firewall = parse_rules(input);
        let last = input.lines().count();
        let problems: Vec<(usize, &str, &Bilingual)> =
            firewall.problems.iter().map(|problem| (problem.line, problem.text.as_str(), &problem.problem)).collect();
        let expected_text = expected.text();
        let last_line = input.lines().last().unwrap_or("").trim();
        assert_eq!(problems, [(last, last_line, &expected_text)], "{input}");
        assert_eq!(expected_text.en, expected.to_string(), "the English is the Display text");
    }

    /// Inputs whose last line each reader cannot read, with the reason it gives.
    pub(in crate::firewall::coverage) fn cases() -> Vec<(String, Unreadable)> {
        let asa = "access-list OUT extended permit";
        let csv = "action,protocol,ports,source,destination,direction\n";
        let nft_chain = "table inet filter {\nchain forward {\ntype filter hook forward priority 0; policy drop;\n";
        vec![
            (format!("{asa} frob any any eq 443"), Unreadable::Protocol { protocol: text("frob") }),
            (
                "object service WEB\n service gre2 destination eq 443".into(),
                Unreadable::Protocol { protocol: text("gre2") },
            ),
            (
                "object-group protocol TRANSPORT\n protocol-object frob".into(),
                Unreadable::Protocol { protocol: text("frob") },
            ),
            (format!("{csv}allow,frob,443,any,any,"), Unreadable::Protocol { protocol: text("frob") }),
            (
                format!("{nft_chain}ip daddr 10.0.0.1 frobnicate accept"),
                Unreadable::RuleWord { word: text("frobnicate") },
            ),
            (
                "ip daddr 81.228.2.192/27 tcp dport 443 frobnicate accept".into(),
                Unreadable::RuleWord { word: text("frobnicate") },
            ),
            (
                "*filter\n:FORWARD DROP [0:0]\n-A FORWARD --frobnicate -j ACCEPT".into(),
                Unreadable::RuleWord { word: text("--frobnicate") },
            ),
            (
                "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m frobmodule --x 1 -j ACCEPT".into(),
                Unreadable::RuleWord { word: text("-m frobmodule") },
            ),
            (format!("{asa} tcp host 10.0.0.300 any eq 443"), Unreadable::HostAddress { address: text("10.0.0.300") }),
            ("object network SERVER\n host 10.0.0.300".into(), Unreadable::HostAddress { address: text("10.0.0.300") }),
            (format!("{asa} tcp object NOPE any eq 443"), Unreadable::UndefinedNetworkObject { name: text("NOPE") }),
            (
                "object-group network SERVERS\n group-object NOPE".into(),
                Unreadable::UndefinedNetworkObject { name: text("NOPE") },
            ),
            (format!("{asa} tcp interface inside any eq 443"), Unreadable::InterfaceAddresses),
            (
                format!("{asa} tcp 10.0.0.0 255.0.255.0 any eq 443"),
                Unreadable::Netmask { address: text("10.0.0.0"), mask: text("255.0.255.0") },
            ),
            (
                "object network LAN\n subnet 10.0.0.0 255.0.255.0".into(),
                Unreadable::Netmask { address: text("10.0.0.0"), mask: text("255.0.255.0") },
            ),
            (format!("{asa} tcp"), Unreadable::EndsBeforeAddresses),
            (
                "object network SERVERS\n range 10.0.0.9 10.0.0.1".into(),
                Unreadable::AddressRange { first: text("10.0.0.9"), last: text("10.0.0.1") },
            ),
            ("object network SERVERS\n frobnicate 10.0.0.1".into(), Unreadable::NetworkMember),
            ("object-group service WEB tcp\n port-object eq nonsense".into(), Unreadable::PortObjectPorts),
            (
                "object-group service WEB\n group-object NOPE".into(),
                Unreadable::UndefinedServiceObject { name: text("NOPE") },
            ),
            ("object service WEB\n service tcp source nonsense".into(), Unreadable::SourcePorts),
            ("object service WEB\n service tcp destination eq nonsense".into(), Unreadable::DestinationPorts),
            ("object-group service WEB\n service-object tcp nonsense".into(), Unreadable::Ports),
            ("object service WEB\n frobnicate".into(), Unreadable::ServiceMember),
            ("object-group protocol TRANSPORT\n frobnicate".into(), Unreadable::ProtocolMember),
            ("access-list OUT permit tcp any any eq 443".into(), Unreadable::AccessListKind),
            ("access-list OUT remark servers\nname 10.0.0.1 server".into(), Unreadable::NameCommand),
            (
                "access-list OUT extended allow tcp any any eq 443".into(),
                Unreadable::PermitOrDeny { word: text("allow") },
            ),
            (format!("{asa} object NOPE any any"), Unreadable::UndefinedServiceOrProtocol { name: text("NOPE") }),
            (asa.into(), Unreadable::EndsBeforeProtocol),
            (format!("{asa} tcp any any object-group NOPE"), Unreadable::UndefinedPortGroup { name: text("NOPE") }),
            (format!("{asa} tcp any any eq 443 frobnicate"), Unreadable::AfterDestination { word: text("frobnicate") }),
            (format!("{csv}allow,tcp,nonsense,any,any,"), Unreadable::PortList { text: text("nonsense") }),
            (format!("{csv}allow,tcp,443,nowhere,any,"), Unreadable::AddressList { text: text("nowhere") }),
            (format!("{csv}allow,tcp,443,any,10.0.0.300,"), Unreadable::AddressList { text: text("10.0.0.300") }),
            (format!("{csv}maybe,tcp,443,any,any,"), Unreadable::AllowOrDeny { action: text("maybe") }),
            (
                format!("{csv}allow,tcp,443,any,any,sideways"),
                Unreadable::InboundOrOutbound { direction: text("sideways") },
            ),
            ("hello,world".into(), Unreadable::RowBeforeHeader),
            (
                "table inet filter {\nchain forward {\ntype filter hook forward priority 0; policy drop; frobnicate;"
                    .into(),
                Unreadable::ChainProperty { statement: text("frobnicate") },
            ),
            ("table inet filter {\n}\ndefine LAN = 10.0.0.0/8".into(), Unreadable::Define),
            ("table inet filter {\n}\nhello world".into(), Unreadable::NftablesLine),
            ("*filter\n:FORWARD".into(), Unreadable::ChainLine),
            ("*filter\n:FORWARD REJECT [0:0]".into(), Unreadable::AcceptOrDrop { policy: text("REJECT") }),
            ("*filter\n-P FORWARD REJECT".into(), Unreadable::AcceptOrDrop { policy: text("REJECT") }),
            ("*filter\n:FORWARD DROP [0:0]\n-A".into(), Unreadable::NoChain),
            ("*filter\n:FORWARD DROP [0:0]\nhello world".into(), Unreadable::IptablesLine),
        ]
    }

    #[test]
    fn every_reason_is_reached_by_a_line_and_worded_as_the_reader_reports_it() {
        let cases = cases();
        for (input, expected) in &cases {
            check(input, expected);
        }
        let mut reached: Vec<usize> = cases.iter().map(|(_, expected)| number(expected)).collect();
        reached.sort_unstable();
        reached.dedup();
        assert_eq!(reached, (0..VARIANTS).collect::<Vec<_>>(), "every variant is reached by a line");
    }

    #[test]
    fn no_two_reasons_read_alike() {
        // So the words a reader reports name the variant (and `check` compares the variant).
        let word = || text("x");
        let all = [
            Unreadable::Protocol { protocol: word() },
            Unreadable::RuleWord { word: word() },
            Unreadable::HostAddress { address: word() },
            Unreadable::UndefinedNetworkObject { name: word() },
            Unreadable::InterfaceAddresses,
            Unreadable::Netmask { address: word(), mask: word() },
            Unreadable::EndsBeforeAddresses,
            Unreadable::AddressRange { first: word(), last: word() },
            Unreadable::NetworkMember,
            Unreadable::PortObjectPorts,
            Unreadable::UndefinedServiceObject { name: word() },
            Unreadable::SourcePorts,
            Unreadable::DestinationPorts,
            Unreadable::Ports,
            Unreadable::ServiceMember,
            Unreadable::ProtocolMember,
            Unreadable::AccessListKind,
            Unreadable::NameCommand,
            Unreadable::PermitOrDeny { word: word() },
            Unreadable::UndefinedServiceOrProtocol { name: word() },
            Unreadable::EndsBeforeProtocol,
            Unreadable::UndefinedPortGroup { name: word() },
            Unreadable::AfterDestination { word: word() },
            Unreadable::PortList { text: word() },
            Unreadable::AddressList { text: word() },
            Unreadable::AllowOrDeny { action: word() },
            Unreadable::InboundOrOutbound { direction: word() },
            Unreadable::RowBeforeHeader,
            Unreadable::ChainProperty { statement: word() },
            Unreadable::Define,
            Unreadable::NftablesLine,
            Unreadable::ChainLine,
            Unreadable::AcceptOrDrop { policy: word() },
            Unreadable::NoChain,
            Unreadable::IptablesLine,
        ];
        let mut numbers: Vec<usize> = all.iter().map(number).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (0..VARIANTS).collect::<Vec<_>>(), "one of each variant");
        for locale in Locale::ALL {
            let mut words: Vec<String> = all.iter().map(|problem| problem.message_in(locale)).collect();
            words.sort();
            words.dedup();
            assert_eq!(words.len(), VARIANTS, "{locale}: {words:#?}");
        }
        for problem in &all {
            assert_eq!(problem.message_in(Locale::En), problem.to_string());
            assert_ne!(problem.message_in(Locale::Sv), problem.to_string(), "{problem:?} in Swedish");
        }
    }
}
