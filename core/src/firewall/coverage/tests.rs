use super::*;
use crate::export::{ExportOptions, RuleFormat, export};
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

/// The same plan with every customer address given.
fn addressed() -> Plan {
    let mut plan = plan();
    plan.addresses.network = Some("10.20.0.0/16".parse().unwrap());
    plan.addresses.exchange_ews = Some("198.51.100.10/32".parse().unwrap());
    plan.addresses.s4b_front_end = Some("198.51.100.11/32".parse().unwrap());
    plan.addresses.s4b_mediation = Some("198.51.100.12/32".parse().unwrap());
    plan.addresses.ad_sync = Some("198.51.100.13/32".parse().unwrap());
    plan
}

fn rows(plan: &Plan, text: &str) -> Vec<CoverageRow> {
    check_coverage(&plan.firewall_rules(), &plan.addresses, &parse_rules(text))
}

fn row(plan: &Plan, text: &str, opening: &str) -> CoverageRow {
    let rows = rows(plan, text);
    rows.iter()
        .find(|row| format!("{} {}", row.rule, row.service) == opening)
        .cloned()
        .unwrap_or_else(|| panic!("no row {opening} in {rows:#?}"))
}

/// One opening's coverage for a text, with the plan's addresses unknown.
fn check(text: &str, opening: &str, expected: Coverage) {
    let row = row(&plan(), text, opening);
    assert_eq!(row.coverage, expected, "{opening}: {}\n{text}", row.detail.en);
}

/// The same with every customer address known.
fn check_addressed(text: &str, opening: &str, expected: Coverage) {
    let row = row(&addressed(), text, opening);
    assert_eq!(row.coverage, expected, "{opening}: {}\n{text}", row.detail.en);
}

// What the product used to call covered, and is not.

#[test]
fn a_negated_destination_is_not_a_match() {
    let text =
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD ! -d 81.228.2.192/27 -p tcp -m tcp --dport 443 -j ACCEPT\nCOMMIT\n";
    check(text, "6.1.2 TCP/443", Coverage::Missing);
}

#[test]
fn multiport_opens_only_its_ports() {
    let text = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p tcp -m multiport --dports 80,443 -j ACCEPT\nCOMMIT\n";
    check(text, "6.1.1 TCP/80", Coverage::Covered);
    check(text, "6.1.2 TCP/443", Coverage::Covered);
    check(text, "6.2.1 TCP/5061", Coverage::Missing);
    check(text, "6.3.2 TCP/9443", Coverage::Missing);
}

#[test]
fn a_drop_before_the_accept_wins() {
    let text = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -j DROP\n-A FORWARD -d 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n";
    check(text, "6.1.2 TCP/443", Coverage::Missing);
    let row = row(&plan(), text, "6.1.2 TCP/443");
    assert_eq!(row.lines, [3], "{row:?}");
}

#[test]
fn a_deny_before_the_permit_wins_on_asa() {
    let text = "access-list OUT extended deny tcp any host 81.228.2.193 eq 443\naccess-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 eq 443\n";
    check(text, "6.1.2 TCP/443", Coverage::Partial);
}

#[test]
fn a_csv_deny_row_is_no_allow() {
    let text = "action,protocol,ports,source,destination\ndeny,TCP,443,any,81.228.2.192/27\nallow,TCP,443,any,81.228.2.192/27\n";
    check(text, "6.1.2 TCP/443", Coverage::Missing);
    let allowed = "action;protocol;ports;source;destination\nallow;TCP;80,443;any;81.228.2.192/27\n";
    check(allowed, "6.1.1 TCP/80", Coverage::Covered);
}

#[test]
fn an_outbound_rule_does_not_cover_an_inbound_one() {
    let text = "ip daddr 81.228.2.192/27 tcp dport 443 accept";
    check(text, "6.4.1 TCP/443", Coverage::Missing);
    check_addressed(text, "6.4.1 TCP/443", Coverage::Missing);
}

#[test]
fn an_inbound_rule_to_an_unknown_server_needs_its_address() {
    let text = "ip saddr 81.228.2.192/27 ip daddr 198.51.100.10 tcp dport 443 accept";
    let row = row(&plan(), text, "6.4.1 TCP/443");
    assert_eq!(row.coverage, Coverage::Unknown, "{row:?}");
    assert!(row.detail.en.contains("needs the address of Customer's Exchange EWS"), "{:?}", row.detail);
    check_addressed(text, "6.4.1 TCP/443", Coverage::Covered);
    // Open to any destination: covered whatever the server's address.
    check("ip saddr 81.228.2.192/27 tcp dport 443 accept", "6.4.1 TCP/443", Coverage::Covered);
}

// What the product used to call missing, and is covered.

#[test]
fn nftables_port_sets_and_names() {
    let text =
        "ip daddr 81.228.2.192/27 tcp dport { 80, 443, 5061 } accept\nip daddr 81.228.2.192/27 udp dport ntp accept";
    check(text, "6.1.1 TCP/80", Coverage::Covered);
    check(text, "6.2.1 TCP/5061", Coverage::Covered);
    check(text, "6.3.1 UDP/123", Coverage::Covered);
    check(text, "6.3.2 TCP/9443", Coverage::Missing);
}

#[test]
fn asa_named_ports() {
    let text = "access-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 eq www\naccess-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 eq https\naccess-list OUT extended permit udp any 81.228.2.192 255.255.255.224 eq ntp\n";
    check(text, "6.1.1 TCP/80", Coverage::Covered);
    check(text, "6.1.2 TCP/443", Coverage::Covered);
    check(text, "6.3.1 UDP/123", Coverage::Covered);
}

#[test]
fn asa_objects_and_service_groups() {
    let text = "\
object network TPP
 subnet 81.228.2.192 255.255.255.224
object-group service TPP-TCP tcp
 port-object eq www
 port-object eq https
 port-object eq 5061
object-group service TPP-MEDIA
 service-object udp destination range 49152 65535
object network ATTENDANT
 range 213.65.172.64 213.65.172.67
object-group network AD
 network-object host 213.65.58.109
 network-object host 213.65.37.180
access-list inside_access_in extended permit tcp any object TPP object-group TPP-TCP
access-list inside_access_in extended permit object-group TPP-MEDIA any object TPP
access-list inside_access_in extended permit tcp any object ATTENDANT range 211 14711
access-list inside_access_in extended permit tcp any object-group AD eq 443
access-group inside_access_in in interface inside
";
    for opening in [
        "6.1.1 TCP/80",
        "6.1.2 TCP/443",
        "6.2.1 TCP/5061",
        "6.2.2 UDP/49152-65535",
        "6.6.1 TCP/211",
        "6.6.1 TCP/14711",
        "6.7.1 TCP/443",
    ] {
        check(text, opening, Coverage::Covered);
    }
    check(text, "6.3.2 TCP/9443", Coverage::Missing);
}

#[test]
fn two_rules_together_cover_a_range() {
    let text = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p udp -m udp --dport 49152:60000 -j ACCEPT\n-A FORWARD -d 81.228.2.192/27 -p udp -m udp --dport 60001:65535 -j ACCEPT\nCOMMIT\n";
    check(text, "6.2.2 UDP/49152-65535", Coverage::Covered);
    let halves = "ip daddr 81.228.2.192/28 tcp dport 443 accept\nip daddr 81.228.2.208/28 tcp dport 443 accept";
    check(halves, "6.1.2 TCP/443", Coverage::Covered);
}

// Judged as the firewall would.

#[test]
fn narrower_ports_and_networks_are_partial() {
    check(
        "-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT",
        "6.2.2 UDP/49152-65535",
        Coverage::Partial,
    );
    check("ip daddr 81.228.2.192/28 tcp dport 443 accept", "6.1.2 TCP/443", Coverage::Partial);
    check("ip daddr 81.228.0.0/16 accept", "6.2.1 TCP/5061", Coverage::Covered);
    check("access-list OUT extended permit tcp any host 213.65.58.109 eq 443", "6.7.1 TCP/443", Coverage::Partial);
    let detail =
        row(&plan(), "-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT", "6.2.2 UDP/49152-65535")
            .detail;
    assert!(
        detail.en.contains("ports 50000-60000") && detail.en.contains("not accepted: ports 49152-49999, 60001-65535"),
        "{detail:?}"
    );
}

#[test]
fn the_chains_policy_decides_what_no_rule_takes() {
    let accept = "table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\tip daddr 81.228.2.192/27 tcp dport 5062 drop\n\t}\n}\n";
    check(accept, "6.2.1 TCP/5061", Coverage::Covered);
    let drop = accept.replace("policy accept", "policy drop");
    check(&drop, "6.2.1 TCP/5061", Coverage::Missing);
    let detail = row(&plan(), &drop, "6.2.1 TCP/5061").detail;
    assert!(detail.en.contains("the policy of inet filter forward"), "{detail:?}");
}

#[test]
fn nft_list_ruleset_output() {
    let text = "\
table inet filter {
	set telia {
		type ipv4_addr
		flags interval
		elements = { 81.228.2.192/27,
			     213.65.172.64/30 }
	}
	chain input {
		type filter hook input priority filter; policy drop;
		ct state vmap { invalid : drop, established : accept, related : accept }
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		ct state invalid drop
		ip daddr != 81.228.2.192/27 tcp dport 443 drop
		jump telia_out
		ip daddr @telia tcp dport { 211, 14711 } counter packets 0 bytes 0 accept
	}
	chain telia_out {
		ip daddr 81.228.2.192/27 tcp dport 443 accept comment \"6.1.2\"
		ip daddr 81.228.2.192/27 udp dport 49152-65535 accept
		return
	}
}
table ip nat {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname \"wan0\" masquerade
	}
}
";
    check(text, "6.1.2 TCP/443", Coverage::Covered);
    check(text, "6.2.2 UDP/49152-65535", Coverage::Covered);
    check(text, "6.6.1 TCP/14711", Coverage::Covered);
    check(text, "6.1.1 TCP/80", Coverage::Missing);
    // 6.7.1 is TCP/443 to the AD servers, outside 81.228.2.192/27: the != rule drops it.
    let row = row(&plan(), text, "6.7.1 TCP/443");
    assert_eq!((row.coverage, row.lines.clone()), (Coverage::Missing, vec![16]), "{row:?}");
    assert!(parse_rules(text).problems.is_empty(), "{:?}", parse_rules(text).problems);
}

#[test]
fn a_new_connection_never_matches_an_established_only_rule() {
    check("ct state established,related ip daddr 81.228.2.192/27 accept", "6.1.2 TCP/443", Coverage::Missing);
    check("ct state new ip daddr 81.228.2.192/27 accept", "6.1.2 TCP/443", Coverage::Covered);
    check(
        "-A FORWARD -d 81.228.2.192/27 -m conntrack --ctstate ESTABLISHED -j ACCEPT",
        "6.1.2 TCP/443",
        Coverage::Missing,
    );
    check(
        "-A FORWARD -d 81.228.2.192/27 -m state --state NEW,ESTABLISHED -j ACCEPT",
        "6.1.2 TCP/443",
        Coverage::Covered,
    );
}

#[test]
fn iptables_save_with_user_chains_ranges_and_returns() {
    let text = "\
# Generated by iptables-save v1.8.9 (nf_tables) on Tue Dec  1 10:00:00 2026
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -d 81.228.2.192/27 -j DROP
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [10:600]
:OUTPUT ACCEPT [0:0]
:TPP - [0:0]
:ATTENDANT - [0:0]
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -j TPP
-A FORWARD -p tcp -m iprange --dst-range 213.65.172.64-213.65.172.67 -j ATTENDANT
-A TPP -d 81.228.2.192/27 -p tcp -m tcp --dport 5062 -j RETURN
-A TPP -d 81.228.2.192/27 -p tcp -m multiport --dports 80,443,5061,9443 -m comment --comment \"Touchpoint Plus web and SIPS\" -j ACCEPT
-A TPP -d 81.228.2.192/27 -p udp -m udp --dport 123 -j ACCEPT
-A ATTENDANT -p tcp -m tcp --dport 211 -j ACCEPT
-A ATTENDANT -p tcp -m tcp --dport 14711 -j REJECT --reject-with tcp-reset
COMMIT
";
    check(text, "6.2.1 TCP/5061", Coverage::Covered);
    check(text, "6.3.1 UDP/123", Coverage::Covered);
    check(text, "6.6.1 TCP/211", Coverage::Covered);
    check(text, "6.6.1 TCP/14711", Coverage::Missing);
    check(text, "6.2.2 UDP/49152-65535", Coverage::Missing);
    assert!(parse_rules(text).problems.is_empty(), "{:?}", parse_rules(text).problems);
}

#[test]
fn goto_returns_past_the_chain_that_held_it() {
    let text = "*filter\n:FORWARD DROP [0:0]\n:A - [0:0]\n:B - [0:0]\n-A FORWARD -j A\n-A FORWARD -j ACCEPT\n-A A -g B\n-A A -j DROP\n-A B -d 10.0.0.0/8 -j DROP\nCOMMIT\n";
    // B returns (nothing matches 81.228.2.192/27), past A, to FORWARD, whose next rule accepts.
    check(text, "6.1.2 TCP/443", Coverage::Covered);
}

// A line it cannot read never widens to "any", and never hides behind "covered".

#[test]
fn an_unreadable_line_makes_what_it_might_touch_unknown() {
    let text = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m weirdmodule --frob 3 -j DROP\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n";
    let row = row(&plan(), text, "6.1.2 TCP/443");
    assert_eq!(row.coverage, Coverage::Unknown, "{row:?}");
    assert!(row.detail.en.contains("line 3 not understood"), "{:?}", row.detail);
    assert_eq!(parse_rules(text).problems.len(), 1);
    // After a complete accept, a later unreadable line changes nothing.
    let later = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\n-A FORWARD -m weirdmodule -j DROP\nCOMMIT\n";
    check(later, "6.1.2 TCP/443", Coverage::Covered);
}

#[test]
fn garbage_outside_any_chain_is_unknown_not_ignored() {
    check("ip daddr 81.228.2.192/27 tcp dport 443 accept\nhello world", "6.1.2 TCP/443", Coverage::Unknown);
    check("hello world\nip daddr 81.228.2.192/27 tcp dport 80 accept", "6.1.1 TCP/80", Coverage::Unknown);
    let firewall = parse_rules("ip daddr 81.228.2.192/27 tcp dport 443 accept\nhello world");
    assert_eq!(firewall.problems.iter().map(|problem| problem.line).collect::<Vec<_>>(), [2]);
}

#[test]
fn an_interface_match_is_not_judged() {
    let text = "iifname \"lan0\" ip daddr 81.228.2.192/27 tcp dport 443 accept";
    let row = row(&plan(), text, "6.1.2 TCP/443");
    assert_eq!(row.coverage, Coverage::Unknown, "{row:?}");
    assert!(row.detail.en.contains("depends on the interface"), "{:?}", row.detail);
    check("-A FORWARD -i eth0 -d 81.228.2.192/27 -j ACCEPT", "6.1.2 TCP/443", Coverage::Unknown);
}

#[test]
fn an_asa_line_with_an_undefined_object_is_unknown() {
    let text = "access-list OUT extended permit tcp any object-group NOPE eq 443\naccess-list OUT extended permit tcp any any eq 443\n";
    check(text, "6.1.2 TCP/443", Coverage::Unknown);
    assert!(parse_rules(text).problems[0].problem.en.contains("NOPE is not defined"));
}

#[test]
fn an_asa_fqdn_object_is_judged_by_its_known_address_only() {
    let text = "object network EMS\n fqdn v4 ems.media5corp.com\nobject-group network MEDIATRIX\n network-object object EMS\naccess-list OUT extended permit tcp any object-group MEDIATRIX eq 443\n";
    let mut plan = plan();
    plan.ata_adapters = 1;
    plan.mediatrix_adapters = true;
    let row = row(&plan, text, "6.3.3 TCP/443");
    assert_eq!(row.coverage, Coverage::Unknown, "{row:?}");
    assert!(row.detail.en.contains("depends on what ems.media5corp.com resolves to"), "{:?}", row.detail);
}

// Our own files, pasted back, are covered in full.

#[test]
fn our_own_exports_cover_everything() {
    // Over DataNet the files carry notes on what goes over the Internet: they must still read.
    let datanet = Plan { access: crate::condition::AccessPath::DataNet, ..addressed() };
    for plan in [plan(), addressed(), datanet] {
        for format in [
            RuleFormat::Csv,
            RuleFormat::Nftables,
            RuleFormat::NftablesAdd,
            RuleFormat::Iptables,
            RuleFormat::IptablesAdd,
            RuleFormat::CiscoAsa,
        ] {
            let options = ExportOptions { access: plan.access, ..ExportOptions::default() };
            let text = export(&plan.firewall_rules(), &plan.addresses, format, &options);
            let firewall = parse_rules(&text);
            assert!(firewall.problems.is_empty(), "{}: {:?}", format.name(), firewall.problems);
            for row in check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall) {
                // Without the servers' addresses, the rules to placeholders cannot be judged,
                // unless another opening covers the same flows from any host (6.2.1 and 6.5.3).
                let judged = row.coverage == Coverage::Covered
                    || plan.addresses.exchange_ews.is_none() && row.detail.en.starts_with("needs the address of");
                assert!(judged, "{} {} {}: {:?} {}", format.name(), row.rule, row.service, row.coverage, row.detail.en);
                if plan.addresses.exchange_ews.is_some() || row.rule == "6.4.1" {
                    let expected =
                        if plan.addresses.exchange_ews.is_some() { Coverage::Covered } else { Coverage::Unknown };
                    assert_eq!(row.coverage, expected, "{} {} {}", format.name(), row.rule, row.detail.en);
                }
            }
        }
    }
}

#[test]
fn syntaxes_are_told_apart() {
    let check = |text: &str, expected: Syntax| assert_eq!(detect(text), expected, "{text}");
    check("table inet filter {\n}", Syntax::Nftables);
    check("ip daddr 1.2.3.4 accept", Syntax::Nftables);
    check("add rule inet filter forward tcp dport 443 accept", Syntax::Nftables);
    check("*filter\n:FORWARD DROP [0:0]\nCOMMIT", Syntax::Iptables);
    check("iptables -A FORWARD -j ACCEPT", Syntax::Iptables);
    check("access-list X extended permit ip any any", Syntax::CiscoAsa);
    check("action,protocol,ports,source,destination\nallow,tcp,443,any,any", Syntax::Csv);
}

#[test]
fn the_judged_chains_are_said() {
    let firewall = parse_rules("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j ACCEPT\nCOMMIT\n");
    let english = |notes: Vec<Bilingual>| notes.into_iter().map(|note| note.en).collect::<Vec<_>>();
    assert_eq!(english(firewall.judged()), ["both directions: judged by FORWARD (each passed in turn)"]);
    let host = parse_rules(
        "*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT DROP [0:0]\n-A OUTPUT -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
    );
    assert_eq!(
        english(host.judged()),
        ["outbound: judged by OUTPUT (each passed in turn)", "inbound: judged by INPUT (each passed in turn)"]
    );
    check(
        "*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT DROP [0:0]\n-A OUTPUT -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "6.1.2 TCP/443",
        Coverage::Covered,
    );
}

#[test]
fn a_default_drop_chain_without_replies_is_pointed_out() {
    let without = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n";
    let warnings = parse_rules(without).reply_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].en.contains("chain FORWARD drops by policy and no rule accepts established"), "{warnings:?}");
    let with = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n";
    assert!(parse_rules(with).reply_warnings().is_empty());
    let vmap = "table inet f {\n chain forward {\n  type filter hook forward priority 0; policy drop;\n  ct state vmap { established : accept, related : accept, invalid : drop }\n  ip daddr 81.228.2.192/27 accept\n }\n}\n";
    assert!(parse_rules(vmap).reply_warnings().is_empty());
    for format in [RuleFormat::Nftables, RuleFormat::Iptables, RuleFormat::IptablesAdd] {
        let plan = plan();
        let text = export(&plan.firewall_rules(), &plan.addresses, format, &ExportOptions::default());
        assert!(parse_rules(&text).reply_warnings().is_empty(), "{}", format.name());
    }
}

#[test]
fn a_return_leaves_the_chain() {
    // In the base chain, RETURN hands the flow to the policy: the ACCEPT after it is not reached.
    let base = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p tcp --dport 443 -j RETURN\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n";
    check(base, "6.1.2 TCP/443", Coverage::Missing);
    check(base, "6.1.1 TCP/80", Coverage::Covered);
    // In a user chain it goes back to the caller, past the chain's later rules.
    let user = "*filter\n:FORWARD DROP [0:0]\n:U - [0:0]\n-A FORWARD -j U\n-A U -d 81.228.2.192/27 -p tcp --dport 443 -j RETURN\n-A U -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n";
    check(user, "6.1.2 TCP/443", Coverage::Missing);
    let nft = "table inet f {\n chain forward {\n  type filter hook forward priority 0; policy drop;\n  ip daddr 81.228.2.192/27 tcp dport 443 return\n  ip daddr 81.228.2.192/27 accept\n }\n}\n";
    check(nft, "6.1.2 TCP/443", Coverage::Missing);
}

#[test]
fn an_uncertain_goto_or_return_is_not_decided() {
    let text = "*filter\n:FORWARD DROP [0:0]\n:A - [0:0]\n:B - [0:0]\n-A FORWARD -j A\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\n-A A -i eth1 -g B\n-A A -j DROP\nCOMMIT\n";
    check(text, "6.1.2 TCP/443", Coverage::Unknown);
    let returned =
        "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -i eth1 -j RETURN\n-A FORWARD -d 81.228.2.192/27 -j DROP\nCOMMIT\n";
    check(returned, "6.1.2 TCP/443", Coverage::Unknown);
}

#[test]
fn a_protocol_map_or_set_is_not_read_as_no_protocol() {
    let vmap = "table inet f {\n chain forward {\n  type filter hook forward priority 0; policy accept;\n  meta l4proto vmap { tcp : jump tcp_chain }\n }\n chain tcp_chain {\n  ip daddr 81.228.2.192/27 drop\n }\n}\n";
    check(vmap, "6.1.2 TCP/443", Coverage::Unknown);
    let named = "ip protocol @protocols ip daddr 81.228.2.192/27 drop\nip daddr 81.228.2.192/27 accept";
    check(named, "6.1.2 TCP/443", Coverage::Unknown);
}

#[test]
fn a_rule_with_a_field_not_read_keeps_its_verdict() {
    let text = "ip version 4 ip daddr 81.228.2.192/27 drop\nip daddr 81.228.2.192/27 accept";
    check(text, "6.1.2 TCP/443", Coverage::Unknown);
}

#[test]
fn untracked_is_not_a_new_connection() {
    check("ct state untracked ip daddr 81.228.2.192/27 accept", "6.1.2 TCP/443", Coverage::Missing);
    check(
        "-A FORWARD -m conntrack --ctstate UNTRACKED -d 81.228.2.192/27 -j ACCEPT",
        "6.1.2 TCP/443",
        Coverage::Missing,
    );
    check(
        "-A FORWARD -m conntrack --ctstate ESTABLISHED ! -f -d 81.228.2.192/27 -j ACCEPT",
        "6.1.2 TCP/443",
        Coverage::Missing,
    );
}

#[test]
fn asa_lists_are_judged_where_the_traffic_enters() {
    let text = "\
access-list INSIDE_IN extended permit ip any any
access-list OUTSIDE_IN extended permit tcp 81.228.2.192 255.255.255.224 host 198.51.100.11 eq 5061
access-group INSIDE_IN in interface inside
access-group OUTSIDE_IN in interface outside
";
    // Inbound traffic meets OUTSIDE_IN, never INSIDE_IN's permit-all.
    check_addressed(text, "6.4.1 TCP/443", Coverage::Missing);
    check_addressed(text, "6.5.1 TCP/5061", Coverage::Covered);
    check_addressed(text, "6.1.2 TCP/443", Coverage::Covered);
    // No list where outbound traffic enters: the ASA's security levels decide, not judged here.
    let outside_only =
        "access-list OUTSIDE_IN extended deny ip any any\naccess-group OUTSIDE_IN in interface outside\n";
    check_addressed(outside_only, "6.1.2 TCP/443", Coverage::Unknown);
    // The global list comes after the interface's, before the implicit deny.
    let global = "access-list IN extended deny tcp any any eq 80\naccess-list G extended permit tcp any 81.228.2.192 255.255.255.224\naccess-group IN in interface inside\naccess-group G global\n";
    check_addressed(global, "6.1.2 TCP/443", Coverage::Covered);
    check_addressed(global, "6.1.1 TCP/80", Coverage::Missing);
}

#[test]
fn csv_columns_not_read_make_a_row_uncertain() {
    // pfSense's export: the first Port is the source's.
    let pfsense = "Protocol,Source,Port,Destination,Port,Description\nTCP,*,*,81.228.2.192/27,443,web\n";
    check(pfsense, "6.1.2 TCP/443", Coverage::Covered);
    check(pfsense, "6.2.1 TCP/5061", Coverage::Missing);
    let schedule =
        "action,protocol,ports,source,destination,schedule\nallow,TCP,443,any,81.228.2.192/27,office hours\n";
    check(schedule, "6.1.2 TCP/443", Coverage::Unknown);
    let firewall = parse_rules("protocol,ports,destination\nTCP,443,81.228.2.192/27\n");
    assert!(firewall.assumptions.iter().any(|note| note.en.contains("no source column")), "{:?}", firewall.assumptions);
}

#[test]
fn asa_members_without_indentation_and_placed_entries() {
    let flat = "object-group service WEB tcp\nport-object eq https\naccess-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 object-group WEB\n";
    check(flat, "6.1.2 TCP/443", Coverage::Covered);
    check(flat, "6.1.1 TCP/80", Coverage::Missing);
    let bad_member = "object-group service WEB tcp\n port-object eq nonsense\naccess-list OUT extended deny tcp any any object-group WEB\naccess-list OUT extended permit tcp any any\n";
    check(bad_member, "6.1.2 TCP/443", Coverage::Unknown);
    let placed =
        "access-list OUT extended permit tcp any any\naccess-list OUT line 1 extended deny tcp any any eq 443\n";
    check(placed, "6.1.2 TCP/443", Coverage::Unknown);
    check(placed, "6.1.1 TCP/80", Coverage::Covered);
}

#[test]
fn ip6tables_save_beside_the_ipv4_dump_is_not_read_as_ipv4() {
    let text = "# Generated by iptables-save v1.8.9\n*filter\n:FORWARD DROP [0:0]\nCOMMIT\n# Generated by ip6tables-save v1.8.9\n*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j ACCEPT\nCOMMIT\n";
    check(text, "6.1.2 TCP/443", Coverage::Missing);
}

#[test]
fn named_interfaces_decide_rules_on_interfaces() {
    let text = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -i wan0 -j DROP\n-A FORWARD -i lan+ -o wan0 -d 81.228.2.192/27 -j ACCEPT\n-A FORWARD -i wan0 -o lan0 -s 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n";
    let judged = |inside: &str, outside: &str, opening: &str| {
        let plan = addressed();
        let mut firewall = parse_rules(text);
        firewall.interfaces = Interfaces::parse(inside, outside);
        let rows = check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall);
        rows.into_iter().find(|row| format!("{} {}", row.rule, row.service) == opening).map(|row| row.coverage)
    };
    // Unnamed: unknown, and the reason says how to judge it.
    assert_eq!(judged("", "", "6.1.2 TCP/443"), Some(Coverage::Unknown));
    let row = row(&addressed(), text, "6.1.2 TCP/443");
    assert!(row.detail.en.contains("name the firewall's interfaces"), "{:?}", row.detail);
    // Named: outbound enters on lan0 (lan+ matches), leaves by wan0.
    assert_eq!(judged("lan0", "wan0", "6.1.2 TCP/443"), Some(Coverage::Covered));
    // Inbound enters on wan0: the first rule drops it.
    assert_eq!(judged("lan0", "wan0", "6.4.1 TCP/443"), Some(Coverage::Missing));
    // Two inside interfaces, one not matched by the rule: it depends which one.
    assert_eq!(judged("lan0, dmz0", "wan0", "6.1.2 TCP/443"), Some(Coverage::Unknown));
    let nft = "table inet f {\n chain forward {\n  type filter hook forward priority 0; policy drop;\n  iifname != \"lan0\" drop\n  oifname { \"wan0\", \"wan1\" } ip daddr 81.228.2.192/27 accept\n }\n}\n";
    let mut firewall = parse_rules(nft);
    firewall.interfaces = Interfaces::parse("lan0", "wan1");
    let plan = addressed();
    let rows = check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall);
    assert!(rows.iter().filter(|row| row.section == "6.1").all(|row| row.coverage == Coverage::Covered), "{rows:#?}");
}

// Both languages.

/// The texts the other tests paste, with more that reach the remaining reasons, assumptions
/// and notes the readers write.
fn pasted_texts() -> Vec<String> {
    let texts = [
        // The tests above.
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD ! -d 81.228.2.192/27 -p tcp -m tcp --dport 443 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p tcp -m multiport --dports 80,443 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -j DROP\n-A FORWARD -d 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n",
        "access-list OUT extended deny tcp any host 81.228.2.193 eq 443\naccess-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 eq 443\n",
        "action,protocol,ports,source,destination\ndeny,TCP,443,any,81.228.2.192/27\nallow,TCP,443,any,81.228.2.192/27\n",
        "ip saddr 81.228.2.192/27 ip daddr 198.51.100.10 tcp dport 443 accept",
        "ip daddr 81.228.2.192/28 tcp dport 443 accept",
        "-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT",
        "access-list OUT extended permit tcp any host 213.65.58.109 eq 443",
        "table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tip daddr 81.228.2.192/27 tcp dport 5062 drop\n\t}\n}\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m weirdmodule --frob 3 -j DROP\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "ip daddr 81.228.2.192/27 tcp dport 443 accept\nhello world",
        "iifname \"lan0\" ip daddr 81.228.2.192/27 tcp dport 443 accept",
        "access-list OUT extended permit tcp any object-group NOPE eq 443\naccess-list OUT extended permit tcp any any eq 443\n",
        "object network EMS\n fqdn v4 ems.media5corp.com\nobject-group network MEDIATRIX\n network-object object EMS\naccess-list OUT extended permit tcp any object-group MEDIATRIX eq 443\n",
        "*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT DROP [0:0]\n-A OUTPUT -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n:A - [0:0]\n:B - [0:0]\n-A FORWARD -j A\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\n-A A -i eth1 -g B\n-A A -j DROP\nCOMMIT\n",
        "table inet f {\n chain forward {\n  type filter hook forward priority 0; policy accept;\n  meta l4proto vmap { tcp : jump tcp_chain }\n }\n chain tcp_chain {\n  ip daddr 81.228.2.192/27 drop\n }\n}\n",
        "ip version 4 ip daddr 81.228.2.192/27 drop\nip daddr 81.228.2.192/27 accept",
        "access-list INSIDE_IN extended permit ip any any\naccess-list OUTSIDE_IN extended permit tcp 81.228.2.192 255.255.255.224 host 198.51.100.11 eq 5061\naccess-group INSIDE_IN in interface inside\naccess-group OUTSIDE_IN in interface outside\n",
        "access-list OUTSIDE_IN extended deny ip any any\naccess-group OUTSIDE_IN in interface outside\n",
        "access-list IN extended deny tcp any any eq 80\naccess-list G extended permit tcp any 81.228.2.192 255.255.255.224\naccess-group IN in interface inside\naccess-group G global\n",
        "Protocol,Source,Port,Destination,Port,Description\nTCP,*,*,81.228.2.192/27,443,web\n",
        "Protocol,Source,Port,Destination,Port,Description\nTCP,*,1024,81.228.2.192/27,443,web\n",
        "action,protocol,ports,source,destination,schedule\nallow,TCP,443,any,81.228.2.192/27,office hours\n",
        "protocol,ports,destination\nTCP,443,81.228.2.192/27\n",
        "object-group service WEB tcp\n port-object eq nonsense\naccess-list OUT extended deny tcp any any object-group WEB\naccess-list OUT extended permit tcp any any\n",
        "access-list OUT extended permit tcp any any\naccess-list OUT line 1 extended deny tcp any any eq 443\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -i wan0 -j DROP\n-A FORWARD -i lan+ -o wan0 -d 81.228.2.192/27 -j ACCEPT\n-A FORWARD -i wan0 -o lan0 -s 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n",
        // nftables: what a rule depends on, and chains not pasted.
        "",
        "add rule inet filter forward ip daddr 81.228.2.192/27 tcp dport 443 accept",
        "insert rule inet filter forward position 3 ip daddr 81.228.2.192/27 drop\nadd rule inet filter forward ip daddr 81.228.2.192/27 accept",
        "ip daddr nonsense drop\nip daddr 81.228.2.192/27 accept",
        "tcp dport nonsense drop\nip daddr 81.228.2.192/27 accept",
        "tcp flags syn ip daddr 81.228.2.192/27 drop\nmeta mark 1 ip daddr 81.228.2.192/27 drop\nct mark 2 drop\nip daddr 81.228.2.192/27 accept",
        "iifname != \"lan0\" drop\nip daddr 81.228.2.192/27 accept",
        "iifname @inside drop\niiftype ether drop\nlimit rate 10/second ip daddr 81.228.2.192/27 accept",
        "ip daddr 81.228.2.192/27 jump nowhere\nip daddr 81.228.2.192/27 accept",
        "ip daddr { 81.228.2.193, 81.228.2.195, 81.228.2.197, 81.228.2.199, 81.228.2.201 } tcp dport 443 accept",
        "meta l4proto frob ip daddr 81.228.2.192/27 drop\nip daddr 81.228.2.192/27 accept",
        // iptables: other tables, policies not given, options judged or not.
        "iptables -t nat -A POSTROUTING -d 81.228.2.192/27 -j DROP\niptables -A FORWARD -d 81.228.2.192/27 -j ACCEPT",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j NOWHERE\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -s nonsense -j DROP\n-A FORWARD -m limit --limit 5/s -j DROP\n-A FORWARD -p tcp --dport nonsense -j DROP\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp --sport 1024 -j DROP\n-A FORWARD -m iprange --dst-range nonsense -j DROP\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp ! --syn -j DROP\n-A FORWARD -p tcp --tcp-flags SYN SYN -j DROP\n-A FORWARD -d 81.228.2.192/27 -j ACCEPT\nCOMMIT\n",
        // Cisco ASA: source ports, time ranges, lists bound out or on interfaces of no side.
        "access-list OUT extended permit tcp any eq 1024 81.228.2.192 255.255.255.224 eq 443\naccess-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 eq 80 time-range WORK\n",
        "object-group service HIGH tcp\n port-object range 1024 65535\naccess-list OUT extended permit tcp any object-group HIGH 81.228.2.192 255.255.255.224\n",
        "object service WEB\n service tcp source eq 1024 destination eq 443\naccess-list OUT extended permit object WEB any 81.228.2.192 255.255.255.224\n",
        "object-group network TPP\n network-object 81.228.2.192 255.255.255.224\n frobnicate\naccess-list OUT extended permit tcp any object-group TPP\n",
        "access-list OUT extended permit tcp any any\naccess-list IN extended permit tcp any any\naccess-group OUT out interface outside\naccess-group IN in interface dmz\n",
        "access-list OUT extended permit tcp any 81.228.2.192 255.255.255.224 frobnicate\naccess-list OUT extended permit tcp any any\n",
        "access-list G extended permit tcp any 81.228.2.192 255.255.255.224 eq 443\naccess-group G global\n",
        // CSV: columns missing, twice, or not read; rows not read.
        "ports,protocol,protocol\n443,TCP,TCP\n",
        "action,protocol,ports,source,destination\nallow,frob,443,any,81.228.2.192/27\nallow,TCP,443,any,81.228.2.192/27\n",
        "hello,world\naction,protocol,ports,source,destination\nallow,TCP,443,any,81.228.2.192/27\n",
    ];
    let mut texts: Vec<String> = texts.into_iter().map(str::to_owned).collect();
    texts.extend(super::unreadable::tests::cases().into_iter().map(|(text, _)| text));
    for plan in [plan(), addressed()] {
        for format in RuleFormat::ALL {
            let options = ExportOptions { access: plan.access, ..ExportOptions::default() };
            texts.push(export(&plan.firewall_rules(), &plan.addresses, format, &options));
        }
    }
    texts
}

/// Every text of one report, said where it stands.
fn report_texts(report: &CoverageReport) -> Vec<(String, Bilingual)> {
    let mut texts: Vec<(String, Bilingual)> = Vec::new();
    texts.extend(report.judged.iter().map(|note| ("judged".to_owned(), note.clone())));
    texts.extend(report.assumptions.iter().map(|note| ("assumption".to_owned(), note.clone())));
    for row in &report.rows {
        texts.push((format!("{} {} detail", row.rule, row.service), row.detail.clone()));
        texts.push((format!("{} {} coverage", row.rule, row.service), row.coverage.text().into()));
    }
    for problem in &report.unreadable {
        texts.push((format!("line {} problem", problem.line), problem.problem.clone()));
    }
    texts
}

/// Every report over the pasted texts: with and without the plan's addresses, with and
/// without the interfaces named.
fn reports() -> Vec<(String, CoverageReport)> {
    let mut reports = Vec::new();
    for text in pasted_texts() {
        for plan in [plan(), addressed()] {
            for interfaces in [Interfaces::default(), Interfaces::parse("lan0", "wan0")] {
                reports.push((text.clone(), report(&plan, &text, &interfaces)));
            }
        }
    }
    reports
}

/// The runs of digits in a text, sorted: a decimal comma reads as the point.
fn figures(text: &str) -> Vec<String> {
    let mut runs: Vec<String> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).map(str::to_owned).collect();
    runs.sort();
    runs
}

/// A text without what it quotes ("…", `…`): quoted input may hold any words.
fn unquoted(text: &str) -> String {
    let mut kept = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"' | '`') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None, c) => kept.push(c),
            (Some(_), _) => {}
        }
    }
    kept
}

/// What is wrong with a text's Swedish, if anything.
fn swedish_problem(text: &Bilingual) -> Option<String> {
    const ENGLISH: &[&str] = &[
        " the ",
        " is ",
        " not ",
        " and ",
        " with ",
        " by ",
        " of ",
        " to ",
        " or ",
        " no ",
        " are ",
        " only ",
        " line ",
        " chain ",
        "depends",
        "unknown",
        "accepted",
        "dropped",
        "judged",
        "needs ",
        "read as",
        " both ",
        " outbound:",
        " inbound:",
        " covered",
        " missing",
        " partly ",
        " which ",
        " that ",
        " for ",
        " at ",
        " as ",
        " be ",
        " from ",
        " ports ",
        " rules ",
        " directions",
    ];
    if text.sv.trim().is_empty() {
        return Some("no Swedish".into());
    }
    if text.sv == text.en {
        return Some("the Swedish is the English".into());
    }
    if figures(&text.en) != figures(&text.sv) {
        return Some(format!("figures differ: {:?} and {:?}", figures(&text.en), figures(&text.sv)));
    }
    let swedish = format!(" {} ", unquoted(&text.sv).to_lowercase());
    ENGLISH
        .iter()
        .find(|word| swedish.contains(**word))
        .map(|word| format!("English \"{}\" in the Swedish", word.trim()))
}

#[test]
fn every_text_of_every_report_is_in_swedish_too_with_the_same_figures() {
    let mut failures = Vec::new();
    let mut english: Vec<String> = Vec::new();
    for (text, report) in reports() {
        for (place, said) in report_texts(&report) {
            if let Some(problem) = swedish_problem(&said) {
                failures.push(format!("{place}: {problem}\n  en: {}\n  sv: {}\n  pasted: {text:?}", said.en, said.sv));
            }
            english.push(said.en);
        }
    }
    assert!(failures.is_empty(), "{} texts:\n{}", failures.len(), failures.join("\n"));
    // The texts above reach every kind of text the check writes (but those that need more
    // rules than a test should evaluate, or chains no reader leaves undefined).
    let reached = [
        "both directions: judged by",
        "outbound: judged by",
        "inbound: judged by",
        "(each passed in turn)",
        "(the one bound where the traffic enters)",
        "no chain found to judge by",
        "drops by policy and no rule accepts established and related traffic",
        "depends on the interface (iifname \"lan0\") (name the firewall's interfaces to judge it)",
        "depends on the interface (iifname != \"lan0\")",
        "the address of Customer's Exchange EWS",
        "the customer network's addresses",
        "accepted by line",
        "dropped by lines",
        "dropped by the policy of",
        "no rule accepts it; dropped by the policy of",
        " and the policy of ",
        "not accepted: ports",
        " more ranges;",
        "needs the address of Customer's Exchange EWS to judge: accepted by line 1 only to 198.51.100.10; give it in the plan",
        "(access-list OUT)",
        "(access-list IN (in on inside))",
        "(access-list the global access list)",
        "unknown — no access list is bound where this traffic enters",
        "what it does is not understood",
        "not understood: \"",
        "not understood: not read",
        "not understood: outside any chain",
        "chain nowhere is not defined (or jumps loop)",
        "no chain to judge by",
        "chain inet filter forward is not defined in the text: read as a base chain with policy drop",
        "rules outside any table and chain are read as one chain",
        "the addresses \"nonsense\" are not understood",
        "the ports \"nonsense\" are not understood",
        "depends on the tcp flags",
        "depends on meta mark",
        "depends on ct mark",
        "depends on the interface (iifname @inside)",
        "depends on the interface (iiftype ether)",
        "a limit matches only part of the traffic",
        "placed by position or handle",
        "the nat table drops some traffic",
        "chain FORWARD's policy is not in the text: read as DROP",
        "target NOWHERE is not understood",
        "the address \"nonsense\" is not understood",
        "depends on -m limit",
        "depends on the source port (--sport 1024)",
        "the range \"nonsense\" is not understood",
        "depends on the TCP flags (! --syn)",
        "depends on the TCP flags (! --syn); line 4: depends on the TCP flags",
        "line 1: depends on the source port",
        "applies only in time-range WORK",
        "depends on what ems.media5corp.com resolves to",
        "depends on what line 3 resolves to",
        "member line 2 not read",
        "placed at line 1 of the list",
        "access list OUT filters traffic leaving outside",
        "no access-group in the text",
        "interface dmz is neither inside nor outside by its name",
        "a CSV list has no policy",
        "the CSV has no action column",
        "the CSV has no source column",
        "the CSV has no destination column",
        "a second protocol column \"TCP\"",
        "port (before the destination: the source's) \"",
        "depends on columns not read: schedule \"office hours\"",
        "not understood: a row before the header",
        "not understood: protocol \"frob\" is not understood",
        "covered",
        "partly covered",
        "missing",
    ];
    let missing: Vec<&&str> =
        reached.iter().filter(|fragment| !english.iter().any(|text| text.contains(**fragment))).collect();
    assert!(missing.is_empty(), "not reached: {missing:#?}");
}

#[test]
fn every_reason_a_line_is_not_read_is_in_swedish_too() {
    for (text, problem) in super::unreadable::tests::cases() {
        let said = problem.text();
        assert_eq!(swedish_problem(&said), None, "{said:?}\n{text}");
        assert_eq!(parse_rules(&text).problems.last().map(|line| &line.problem), Some(&said), "{text}");
    }
}

#[test]
fn the_swedish_check_finds_english_left_in_the_swedish() {
    let check = |en: &str, sv: &str, found: bool| {
        assert_eq!(swedish_problem(&Bilingual::new(en, sv)).is_some(), found, "{en} / {sv}");
    };
    check("line 3: depends on meta mark", "rad 3: beror på meta mark", false);
    check("line 3: depends on meta mark", "line 3: depends on meta mark", true);
    check("line 3: depends on meta mark", "rad 3: depends on meta mark", true);
    check("line 3: depends on meta mark", "rad 4: beror på meta mark", true);
    check("line 3: depends on meta mark", "", true);
    check("\"the x\" is not understood", "\"the x\" förstås inte", false);
    check("lines 3, 4 and 5", "rader 3, 4 och 5", false);
    check("lines 3, 4 and 5", "rader 3, 4 and 5", true);
}

#[test]
fn a_report_crosses_to_the_page_in_both_languages_and_comes_back_whole() {
    use crate::locale::{Written, written};
    for (text, report) in reports() {
        let json = written(Written::Both, || serde_json::to_string(&report)).unwrap();
        let back: CoverageReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report, "{text}");
    }
    // Written in one language (the CLI's JSON), each text is that language's.
    let report = report(&plan(), "hello world", &Interfaces::default());
    let swedish = crate::locale::written(crate::locale::Written::In(Locale::Sv), || serde_json::to_value(&report));
    let swedish = swedish.unwrap();
    assert_eq!(swedish["unreadable"][0]["problem"], serde_json::json!(report.unreadable[0].problem.sv));
    assert_eq!(swedish["rows"][0]["detail"], serde_json::json!(report.rows[0].detail.sv));
    let english = serde_json::to_value(&report).unwrap();
    assert_eq!(english["rows"][0]["detail"], serde_json::json!(report.rows[0].detail.en));
}

#[test]
fn every_coverage_reads_in_both_languages() {
    for coverage in [Coverage::Covered, Coverage::Partial, Coverage::Missing, Coverage::Unknown] {
        assert_eq!(coverage.label_in(Locale::En), coverage.label());
        assert_ne!(coverage.label_in(Locale::Sv), coverage.label(), "{coverage:?}");
    }
}
