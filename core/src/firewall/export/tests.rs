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

fn text(plan: &Plan, format: RuleFormat) -> String {
    export(&plan.firewall_rules(), &plan.addresses, format, &ExportOptions::default())
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
fn file_names_are_unique() {
    for (index, format) in RuleFormat::ALL.iter().enumerate() {
        assert!(RuleFormat::ALL[index + 1..].iter().all(|other| other.file_name() != format.file_name()));
    }
}

#[test]
fn every_format_carries_every_rule_it_is_for() {
    let plan = everything();
    let rules = plan.firewall_rules();
    assert_eq!(rules.len(), 17);
    for format in RuleFormat::ALL {
        let text = text(&plan, format);
        let expected = if format == RuleFormat::WindowsFirewall { pc_rules(&rules) } else { rules.clone() };
        for rule in expected {
            assert!(text.contains(rule.id), "{} lacks {}", format.name(), rule.id);
        }
    }
}

#[test]
fn every_firewall_file_says_what_it_assumes_and_how_to_load_it() {
    let plan = everything();
    for format in RuleFormat::ALL.into_iter().filter(|format| !matches!(format, RuleFormat::Csv | RuleFormat::Markdown))
    {
        let text = text(&plan, format);
        for part in ["FORM:", "ASSUMES:"] {
            assert!(text.contains(part), "{} lacks {part}", format.name());
        }
        assert!(text.contains("LOAD:") || text.contains("BIND") || text.contains("RELOAD:"), "{}", format.name());
    }
}

#[test]
fn nftables_complete_form_drops_by_default_and_lets_replies_back() {
    let text = text(&everything(), RuleFormat::Nftables);
    assert!(text.contains("type filter hook forward priority filter; policy drop;"), "{text}");
    assert!(text.contains("ct state established,related accept"), "{text}");
    assert!(text.contains("table inet touchpoint_plus\ndelete table inet touchpoint_plus\n"), "{text}");
    assert!(text.contains("\t\tip daddr 81.228.2.192/27 tcp dport 443 accept comment \"6.1.2 "), "{text}");
    assert!(text.contains("ip daddr { 213.65.58.109, 213.65.37.180 } tcp dport 443"), "{text}");
    assert!(text.contains("ip saddr 81.228.2.192/27 ip daddr 192.0.2.10 tcp dport 443 accept"), "{text}");
    assert!(text.contains("# PLACEHOLDER: Customer's Exchange EWS (192.0.2.10, placeholder: replace it)"), "{text}");
}

#[test]
fn nftables_add_form_names_the_users_chain() {
    let plan = everything();
    let options = ExportOptions { nft_chain: "ip fw fwd_in".parse().unwrap(), ..ExportOptions::default() };
    let text = export(&plan.firewall_rules(), &plan.addresses, RuleFormat::NftablesAdd, &options);
    assert!(text.contains("\nadd rule ip fw fwd_in ct state established,related accept"), "{text}");
    assert!(text.contains("\nadd rule ip fw fwd_in ip daddr 81.228.2.192/27 udp dport 49152-65535 accept"), "{text}");
    assert!(
        text.lines().filter(|line| !line.starts_with('#')).all(|line| !line.contains("policy")),
        "the add form sets no policy: {text}"
    );
    assert!(text.lines().filter(|line| !line.starts_with('#')).all(|line| line.starts_with("add rule ip fw fwd_in ")));
}

#[test]
fn nft_chains_are_validated() {
    let check = |text: &str, expected: Result<&str, NftChainError>| {
        assert_eq!(text.parse::<NftChain>().map(|chain| chain.to_string()), expected.map(str::to_owned), "{text}");
    };
    check("inet filter forward", Ok("inet filter forward"));
    check("  ip  fw   FWD-1 ", Ok("ip fw FWD-1"));
    check("inet filter", Err(NftChainError::Shape(2)));
    check("ip6 filter forward", Err(NftChainError::Family("ip6".into())));
    check("inet filter for;ward", Err(NftChainError::Name("for;ward".into())));
    check("inet 1table forward", Err(NftChainError::Name("1table".into())));
}

#[test]
fn iptables_forms() {
    let mut plan = everything();
    plan.addresses.exchange_ews = Some("198.51.100.7/32".parse().unwrap());
    plan.addresses.network = Some("10.20.0.0/16".parse().unwrap());
    let complete = text(&plan, RuleFormat::Iptables);
    assert!(complete.contains("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n"), "{complete}");
    assert!(complete.contains("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"), "{complete}");
    assert!(complete.contains("-A FORWARD -j TOUCHPOINT-PLUS\n"), "{complete}");
    assert!(
        complete.contains("-A TOUCHPOINT-PLUS -s 81.228.2.192/27 -d 198.51.100.7/32 -p tcp -m tcp --dport 443"),
        "{complete}"
    );
    assert!(
        complete.contains("-A TOUCHPOINT-PLUS -s 10.20.0.0/16 -d 81.228.2.192/27 -p udp -m udp --dport 49152:65535"),
        "{complete}"
    );
    assert!(!complete.contains("192.0.2.10"), "{complete}");
    let add = text(&plan, RuleFormat::IptablesAdd);
    assert!(add.contains("iptables-restore --noflush"), "{add}");
    assert!(!add.contains(":FORWARD") && !add.contains(":INPUT"), "the add form declares no built-in chain: {add}");
    assert!(add.contains("-I FORWARD 1 -j TOUCHPOINT-PLUS\nCOMMIT\n"), "{add}");
}

#[test]
fn asa_objects_lists_and_remarks() {
    let plan = everything();
    let text = text(&plan, RuleFormat::CiscoAsa);
    assert!(text.contains("object network TPP-PLATFORM\n subnet 81.228.2.192 255.255.255.224\n"), "{text}");
    assert!(text.contains("object network TPP-ADVANCED-ATTENDANT\n subnet 213.65.172.64 255.255.255.252\n"), "{text}");
    assert!(text.contains("object network FQDN-EMS2.MEDIA5CORP.COM\n fqdn v4 ems2.media5corp.com\n"), "{text}");
    assert!(
        text.contains(" network-object object FQDN-RCS.AASTRA.COM\n network-object host 216.191.234.139\n"),
        "{text}"
    );
    assert!(text.contains("object-group network TPP-AD-INTEGRATION\n"), "{text}");
    assert!(
        text.contains("access-list TPP-OUTBOUND extended permit udp any4 object TPP-PLATFORM range 49152 65535"),
        "{text}"
    );
    assert!(
        text.contains(
            "access-list TPP-INBOUND extended permit tcp object TPP-PLATFORM object CUSTOMER-S4B-MEDIATION eq 5067"
        ),
        "{text}"
    );
    assert!(text.contains("!   access-group TPP-OUTBOUND in interface inside\n"), "{text}");
    for line in text.lines().filter(|line| line.contains(" remark ")) {
        let remark = line.split_once(" remark ").map(|(_, remark)| remark).unwrap_or("");
        assert!(remark.chars().count() <= ASA_REMARK_LIMIT, "{} characters: {line}", remark.chars().count());
        assert!(!remark.is_empty());
    }
    // Object names stay within ASA's 64 characters.
    for line in text.lines().filter(|line| line.starts_with("object")) {
        let name = line.split_whitespace().nth(2).unwrap_or("");
        assert!(!name.is_empty() && name.len() <= 64, "{line}");
    }
}

#[test]
fn windows_firewall_rules_are_for_the_pcs() {
    let plan = everything();
    let text = text(&plan, RuleFormat::WindowsFirewall);
    let rules: Vec<&str> = text.lines().filter(|line| line.starts_with("New-NetFirewallRule")).collect();
    // 6.1.1, 6.1.2, 6.2.1, 6.2.2 and 6.6.1's two ports.
    assert_eq!(rules.len(), 6, "{text}");
    assert!(text.contains("New-NetFirewallRule -DisplayName 'Touchpoint Plus 6.2.2 UDP/49152-65535' -Description 'SRTP, encrypted voice streams' -Group 'Telia Touchpoint Plus' -Direction Outbound -Action Allow -Protocol UDP -RemoteAddress 81.228.2.192/27 -RemotePort 49152-65535 -Profile Any"), "{text}");
    assert!(text.contains("-RemoteAddress 213.65.172.64/30 -RemotePort 14711"), "{text}");
    assert!(!text.contains("6.3.1") && !text.contains("6.7.1") && !text.contains("6.4.1"), "{text}");
    // PowerShell quoting: a quote inside a string is doubled.
    assert!(rules.iter().all(|rule| rule.matches('\'').count() % 2 == 0), "{text}");
}

#[test]
fn comments_are_cut_at_a_word_within_the_limit() {
    let check = |text: &str, limit: usize, expected: &str| assert_eq!(comment_text(text, limit), expected, "{text}");
    check("short", 10, "short");
    check("one two three four", 12, "one two...");
    check("say \"no\"", 20, "say  no ");
    for limit in [20, 50, 100] {
        let long = "word ".repeat(40);
        assert!(comment_text(&long, limit).len() <= limit);
    }
}

#[test]
fn csv_carries_addresses_and_names() {
    let plan = everything();
    let csv_text = text(&plan, RuleFormat::Csv);
    assert!(csv_text.starts_with(
        "id,section,direction,action,protocol,ports,source,destination,source_name,destination_name,comment\n"
    ));
    assert!(csv_text.contains("6.3.3,6.3,outbound,allow,TCP,80,any,192.99.54.246/32,Customer's network,\"ems2.media5corp.com, ems.media5corp.com, virtuo.media5corp.com (192.99.54.246)\","), "{csv_text}");
    let markdown_text = text(&plan, RuleFormat::Markdown);
    assert!(
        markdown_text.contains(
            "| 6.6.1 | outbound | Customer's network | 213.65.172.64/30 (213.65.172.64-67) | TCP/211, TCP/14711 |"
        ),
        "{markdown_text}"
    );
}

/// Every line of the ASA file is one of the commands ASA documents for objects and extended
/// access lists, with its operands in their documented shapes.
#[test]
fn asa_lines_follow_the_documented_grammar() {
    let mut plan = everything();
    plan.addresses.network = Some("10.20.0.0/16".parse().unwrap());
    let text = text(&plan, RuleFormat::CiscoAsa);
    let address = |word: &str| word.parse::<Ipv4Addr>().is_ok();
    let operand = |words: &[&str]| -> usize {
        match words {
            ["any4", ..] => 1,
            ["object" | "object-group", name, ..] if !name.is_empty() => 2,
            _ => 0,
        }
    };
    for line in text.lines().filter(|line| !line.starts_with('!')) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let valid = match words.as_slice() {
            ["object", "network", _] | ["object-group", "network", _] => true,
            ["subnet", network, mask] => address(network) && address(mask),
            ["host", host] => address(host),
            ["fqdn", "v4", name] => name.contains('.'),
            ["description", ..] => line.len() <= 201,
            ["network-object", "host", host] => address(host),
            ["network-object", "object", _] => true,
            ["network-object", network, mask] => address(network) && address(mask),
            ["access-list", _, "remark", ..] => true,
            ["access-list", _, "extended", "permit", "tcp" | "udp", rest @ ..] => {
                let source = operand(rest);
                let destination = operand(&rest[source..]);
                let ports = &rest[source + destination..];
                source > 0
                    && destination > 0
                    && match ports {
                        ["eq", port] => port.parse::<u16>().is_ok(),
                        ["range", first, last] => first.parse::<u16>().ok() <= last.parse::<u16>().ok(),
                        _ => false,
                    }
            }
            _ => false,
        };
        assert!(valid, "not an ASA command in its documented shape: {line:?}");
    }
}

/// Every PowerShell line is New-NetFirewallRule with parameters and values the cmdlet takes.
#[test]
fn powershell_lines_use_the_cmdlets_parameters() {
    let text = text(&everything(), RuleFormat::WindowsFirewall);
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let rest = line.strip_prefix("New-NetFirewallRule ").unwrap_or_else(|| panic!("{line}"));
        // Split at parameters; quoted values may hold spaces.
        let mut parameters: Vec<(String, String)> = Vec::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '-' {
                continue;
            }
            let name: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect();
            chars.next();
            let value: String = if chars.peek() == Some(&'\'') {
                chars.next();
                let mut value = String::new();
                while let Some(c) = chars.next() {
                    if c == '\'' && chars.peek() == Some(&'\'') {
                        chars.next();
                        value.push('\'');
                    } else if c == '\'' {
                        break;
                    } else {
                        value.push(c);
                    }
                }
                value
            } else {
                std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect()
            };
            parameters.push((name, value));
        }
        let value = |name: &str| parameters.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str());
        let names: Vec<&str> = parameters.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "DisplayName",
                "Description",
                "Group",
                "Direction",
                "Action",
                "Protocol",
                "RemoteAddress",
                "RemotePort",
                "Profile"
            ],
            "{line}"
        );
        assert_eq!(
            (value("Direction"), value("Action"), value("Profile")),
            (Some("Outbound"), Some("Allow"), Some("Any"))
        );
        assert!(matches!(value("Protocol"), Some("TCP" | "UDP")), "{line}");
        for network in value("RemoteAddress").unwrap_or("").split(',') {
            assert!(network.parse::<Ipv4Net>().is_ok(), "{network} in {line}");
        }
        let ports = value("RemotePort").unwrap_or("");
        let valid_ports = match ports.split_once('-') {
            Some((first, last)) => first.parse::<u16>().ok() < last.parse::<u16>().ok(),
            None => ports.parse::<u16>().is_ok(),
        };
        assert!(valid_ports, "{line}");
    }
}

#[test]
fn every_format_says_what_goes_over_the_internet_on_datanet() {
    let notes = |plan: &Plan, format: RuleFormat| -> Vec<String> {
        let options = ExportOptions { access: plan.access, ..ExportOptions::default() };
        let text = export(&plan.firewall_rules(), &plan.addresses, format, &options);
        let marker = if format == RuleFormat::Markdown { "**Note:** " } else { "NOTE: " };
        text.lines().filter_map(|line| line.split_once(marker).map(|(_, note)| note.to_owned())).collect()
    };
    let attendant =
        "Advanced Attendant traffic cannot be routed over DataNet (2.3.2, 3.4), so it goes over the Internet";
    let datanet = Plan { access: AccessPath::DataNet, ..everything() };
    for format in RuleFormat::ALL {
        let found = notes(&datanet, format);
        assert!(found.iter().any(|note| note.contains(attendant)), "{}: {found:#?}", format.name());
        // Over the Internet, or without Advanced Attendant, no file says it.
        assert!(notes(&everything(), format).is_empty(), "{}", format.name());
        let without = Plan { advanced_attendant: false, ..datanet.clone() };
        assert!(!notes(&without, format).iter().any(|note| note.contains(attendant)), "{}", format.name());
    }
    // The header names each opening DataNet does not carry, and only those.
    let ids: Vec<String> = notes(&datanet, RuleFormat::Nftables)
        .iter()
        .map(|note| note.split_whitespace().next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids, ["6.3.3", "6.3.4", "6.6.1", "6.7.1"]);
    assert!(notes(&datanet, RuleFormat::Nftables)[2].starts_with("6.6.1 to 213.65.172.64/30 (213.65.172.64-67): "));
    // A PC's firewall file has only the PC's openings, Advanced Attendant's among them.
    assert_eq!(notes(&datanet, RuleFormat::WindowsFirewall).len(), 1);
    // CSV has no comment lines: the note rides in the rule's own comment.
    let options = ExportOptions { access: AccessPath::DataNet, ..ExportOptions::default() };
    let csv = export(&datanet.firewall_rules(), &datanet.addresses, RuleFormat::Csv, &options);
    let row = csv.lines().find(|line| line.starts_with("6.6.1,")).unwrap();
    assert!(row.contains(&format!("Signaling with Advanced Attendant. NOTE: {attendant}")), "{row}");
}

#[test]
fn a_bad_chain_name_is_explained_in_swedish_too() {
    use crate::locale::Locale;
    for text in ["inet filter", "arp filter forward", "inet filter 9lives"] {
        let error = text.parse::<NftChain>().unwrap_err();
        let (en, sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
        assert_eq!(en, error.to_string());
        assert_ne!(sv, en, "{text}");
        let digits = |said: &str| said.chars().filter(char::is_ascii_digit).collect::<String>();
        assert_eq!(digits(&sv), digits(&en), "{text}");
    }
}

#[test]
fn every_format_button_has_its_swedish_words() {
    use crate::locale::Locale;
    for format in RuleFormat::ALL {
        let (en, sv) = (format.label_in(Locale::En), format.label_in(Locale::Sv));
        assert_eq!(en, format.label());
        // Names alone (CSV, Markdown, Cisco ASA) read the same; a label with words is translated.
        assert_eq!(en == sv, !en.contains(' ') || en == "Cisco ASA", "{en} / {sv}");
    }
}
