//! Firewall rules proven on a real kernel, in network namespaces (see `kernel.rs` in the
//! harness): the exports let through exactly what a plan needs, and the coverage check never
//! says "covered" where the kernel drops, nor "missing" where it passes. Needs root, which CI
//! has; without it every test here fails and says why.

use ipnet::Ipv4Net;
use sitecheck_core::condition::AccessPath;
use sitecheck_core::coverage::{Coverage, Interfaces, check_coverage, parse_rules};
use sitecheck_core::export::{ExportOptions, RuleFormat, export, resolve};
use sitecheck_core::plan::{Calendar, CustomerAddresses, Plan, SkypeIntegration};
use sitecheck_core::units::{Protocol, Service};
use sitecheck_e2e::kernel::{Flow, Lab};
use sitecheck_e2e::rulegen;
use std::collections::BTreeSet;
use std::net::Ipv4Addr;
use std::time::Duration;

/// A passing flow answers in microseconds on veth; the bound is for a loaded machine.
const FIRST_TRY: Duration = Duration::from_millis(300);
/// A flow that seemed dropped where it should have passed is asked again, with time to spare.
const SECOND_TRY: Duration = Duration::from_millis(2000);

fn addresses() -> CustomerAddresses {
    let network = |text: &str| Some(text.parse::<Ipv4Net>().unwrap());
    CustomerAddresses {
        network: network("10.20.0.0/16"),
        exchange_ews: network("198.51.100.10/32"),
        s4b_front_end: network("198.51.100.11/32"),
        s4b_mediation: network("198.51.100.12/32"),
        ad_sync: network("198.51.100.13/32"),
    }
}

/// Every access path and add-on combination that changes the rules.
fn plans() -> Vec<(&'static str, Plan)> {
    let base = Plan { addresses: addresses(), ..Plan::default() };
    vec![
        ("web portal only", base.clone()),
        ("softphones", Plan { softphone_pc_users: 10, ..base.clone() }),
        ("IP phones", Plan { ip_phones: 5, ..base.clone() }),
        (
            "Mitel phones and Mediatrix ATAs",
            Plan { ip_phones: 5, mitel_phones: true, ata_adapters: 2, mediatrix_adapters: true, ..base.clone() },
        ),
        (
            "Exchange on premise and S4B presence",
            Plan {
                softphone_pc_users: 10,
                calendar: Calendar::ExchangeOnPremise,
                skype: SkypeIntegration::PresenceOnly,
                ..base.clone()
            },
        ),
        (
            "S4B presence and voice, Advanced Attendant, AD",
            Plan {
                softphone_pc_users: 10,
                skype: SkypeIntegration::PresenceAndVoice,
                advanced_attendant: true,
                ad_integration: true,
                ..base.clone()
            },
        ),
        (
            "everything over DataNet",
            Plan {
                access: AccessPath::DataNet,
                softphone_pc_users: 10,
                ip_phones: 5,
                mitel_phones: true,
                ata_adapters: 2,
                mediatrix_adapters: true,
                calendar: Calendar::ExchangeOnPremise,
                skype: SkypeIntegration::PresenceAndVoice,
                ad_integration: true,
                ..base
            },
        ),
    ]
}

/// The first and last address of each network, and the middle of a lone one.
fn sample_addresses(networks: &[Ipv4Net]) -> Vec<Ipv4Addr> {
    let mut picks: Vec<Ipv4Addr> =
        networks.iter().flat_map(|network| [network.network(), network.broadcast()]).collect();
    if let [network] = networks {
        let (low, high) = (u32::from(network.network()), u32::from(network.broadcast()));
        picks.push(Ipv4Addr::from(low + (high - low) / 2));
    }
    picks.sort_unstable();
    picks.dedup();
    picks
}

fn sample_ports(service: &Service) -> Vec<u16> {
    let (first, last) = (service.ports.first().get(), service.ports.last().get());
    let mut ports = vec![first, first + (last - first) / 2, last];
    ports.dedup();
    ports
}

/// Each required opening with flows sampled from it: both ends of its port range and a
/// point inside, the first, middle and last address of each side.
fn required(plan: &Plan) -> Vec<(String, Vec<Flow>)> {
    let mut openings = Vec::new();
    for rule in plan.firewall_rules() {
        let (source, destination) =
            (resolve(&rule.source, &plan.addresses), resolve(&rule.destination, &plan.addresses));
        for service in rule.services {
            let mut flows = Vec::new();
            for &from in &sample_addresses(&source.networks) {
                for &to in &sample_addresses(&destination.networks) {
                    for port in sample_ports(service) {
                        flows.push(Flow {
                            udp: service.protocol == Protocol::Udp,
                            source: from,
                            destination: to,
                            port,
                        });
                    }
                }
            }
            openings.push((format!("{} {service}", rule.id), flows));
        }
    }
    openings
}

/// Whether any opening of the plan contains the flow.
fn needed(plan: &Plan, flow: &Flow) -> bool {
    plan.firewall_rules().iter().any(|rule| {
        let (source, destination) =
            (resolve(&rule.source, &plan.addresses), resolve(&rule.destination, &plan.addresses));
        let inside =
            |networks: &[Ipv4Net], address: &Ipv4Addr| networks.iter().any(|network| network.contains(address));
        rule.services.iter().any(|service| {
            (service.protocol == Protocol::Udp) == flow.udp
                && service.ports.first().get() <= flow.port
                && flow.port <= service.ports.last().get()
                && inside(&source.networks, &flow.source)
                && inside(&destination.networks, &flow.destination)
        })
    })
}

/// Flows near the plan's that it does not need: neighbouring ports, the other protocol,
/// another /27, the wrong direction, other customer hosts, and openings of add-ons the plan
/// lacks. Only those no opening contains are kept.
fn unneeded(plan: &Plan) -> Vec<Flow> {
    let everything = Plan {
        softphone_pc_users: 1,
        ip_phones: 1,
        mitel_phones: true,
        ata_adapters: 1,
        mediatrix_adapters: true,
        calendar: Calendar::ExchangeOnPremise,
        skype: SkypeIntegration::PresenceAndVoice,
        advanced_attendant: true,
        ad_integration: true,
        addresses: addresses(),
        ..Plan::default()
    };
    let mut candidates: BTreeSet<Flow> = BTreeSet::new();
    for (_, flows) in required(&everything) {
        for flow in flows {
            candidates.insert(Flow { source: flow.destination, destination: flow.source, ..flow });
            candidates.insert(Flow { udp: !flow.udp, ..flow });
            candidates.insert(Flow { port: flow.port.saturating_sub(1).max(1), ..flow });
            candidates.insert(Flow { port: flow.port.saturating_add(1), ..flow });
            for other in
                [Ipv4Addr::new(81, 228, 2, 160), Ipv4Addr::new(81, 228, 2, 224), Ipv4Addr::new(81, 228, 2, 191)]
            {
                if flow.destination.octets()[..3] == [81, 228, 2] {
                    candidates.insert(Flow { destination: other, ..flow });
                }
                if flow.source.octets()[..3] == [81, 228, 2] {
                    candidates.insert(Flow { source: other, ..flow });
                    // The platform towards a customer host that is not the server.
                    candidates.insert(Flow { destination: Ipv4Addr::new(10, 20, 0, 7), ..flow });
                }
            }
        }
    }
    candidates.insert(Flow {
        udp: false,
        source: Ipv4Addr::new(10, 20, 0, 7),
        destination: Ipv4Addr::new(81, 228, 2, 200),
        port: 5062,
    });
    candidates.insert(Flow {
        udp: true,
        source: Ipv4Addr::new(10, 20, 0, 7),
        destination: Ipv4Addr::new(81, 228, 2, 200),
        port: 49151,
    });
    candidates.insert(Flow {
        udp: false,
        source: Ipv4Addr::new(10, 20, 0, 7),
        destination: Ipv4Addr::new(81, 228, 2, 200),
        port: 22,
    });
    candidates.into_iter().filter(|flow| !needed(plan, flow)).collect()
}

fn all_flows() -> Vec<Flow> {
    let mut flows: BTreeSet<Flow> = BTreeSet::new();
    for (_, plan) in plans() {
        flows.extend(required(&plan).into_iter().flat_map(|(_, flows)| flows));
        flows.extend(unneeded(&plan));
    }
    flows.into_iter().collect()
}

fn lab() -> Lab {
    let flows = all_flows();
    let ports: BTreeSet<u16> = flows.iter().map(|flow| flow.port).collect();
    let ports: Vec<u16> = ports.into_iter().collect();
    let mut lab = Lab::new(env!("CARGO_BIN_EXE_flowprobe"), &ports).unwrap_or_else(|error| panic!("{error}"));
    let addresses: BTreeSet<Ipv4Addr> = flows.iter().flat_map(|flow| [flow.source, flow.destination]).collect();
    lab.add_addresses(&addresses.into_iter().collect::<Vec<_>>()).unwrap_or_else(|error| panic!("{error}"));
    lab
}

/// Which flows passed, asking again with more time those that seemed dropped where they
/// should pass, so a slow machine cannot fake a drop.
fn passed(lab: &mut Lab, flows: &[Flow], should_pass: &[bool]) -> Vec<bool> {
    let mut passed = lab.probe(flows, FIRST_TRY).unwrap_or_else(|error| panic!("{error}"));
    let again: Vec<usize> = (0..flows.len()).filter(|&index| should_pass[index] && !passed[index]).collect();
    if !again.is_empty() {
        let retried: Vec<Flow> = again.iter().map(|&index| flows[index]).collect();
        let second = lab.probe(&retried, SECOND_TRY).unwrap_or_else(|error| panic!("{error}"));
        for (index, result) in again.into_iter().zip(second) {
            passed[index] = result;
        }
    }
    passed
}

/// How an export is loaded onto the router; the add forms go onto a customer's own
/// default-drop ruleset with a rule of its own that must survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Nftables,
    NftablesAdd,
    Iptables,
    IptablesAdd,
}

const CUSTOMER_NFT: &str = "table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tip saddr 10.20.0.0/16 ip daddr 203.0.113.9 tcp dport 22 accept comment \"the customer own rule\"\n\t}\n}\n";
const CUSTOMER_IPTABLES: &str = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -s 10.20.0.0/16 -d 203.0.113.9/32 -p tcp -m tcp --dport 22 -m comment --comment \"the customer own rule\" -j ACCEPT\nCOMMIT\n";

fn load(lab: &Lab, form: Form, plan: &Plan) -> String {
    lab.clear_rules().unwrap_or_else(|error| panic!("{error}"));
    let format = match form {
        Form::Nftables => RuleFormat::Nftables,
        Form::NftablesAdd => RuleFormat::NftablesAdd,
        Form::Iptables => RuleFormat::Iptables,
        Form::IptablesAdd => RuleFormat::IptablesAdd,
    };
    let text = export(&plan.firewall_rules(), &plan.addresses, format, &ExportOptions::default());
    let result = match form {
        Form::Nftables => lab.nft(&text),
        Form::NftablesAdd => lab.nft(CUSTOMER_NFT).and_then(|()| lab.nft(&text)),
        Form::Iptables => lab.iptables_restore(&text, false),
        Form::IptablesAdd => {
            lab.iptables_restore(CUSTOMER_IPTABLES, false).and_then(|()| lab.iptables_restore(&text, true))
        }
    };
    result.unwrap_or_else(|error| panic!("the {form:?} export does not load: {error}\n{text}"));
    match form {
        Form::Nftables | Form::NftablesAdd => lab.nft_listing(),
        Form::Iptables | Form::IptablesAdd => lab.iptables_save(),
    }
    .unwrap_or_else(|error| panic!("{error}"))
}

fn prove_export(form: Form) {
    let mut lab = lab();
    let mut failures = Vec::new();
    for (name, plan) in plans() {
        let listing = load(&lab, form, &plan);
        if matches!(form, Form::NftablesAdd | Form::IptablesAdd) && !listing.contains("the customer own rule") {
            failures.push(format!("{name}: the customer own rule rule is gone after loading:\n{listing}"));
        }
        let openings = required(&plan);
        let needed_flows: Vec<Flow> = openings.iter().flat_map(|(_, flows)| flows.iter().copied()).collect();
        let unneeded_flows = unneeded(&plan);
        let flows: Vec<Flow> = needed_flows.iter().chain(&unneeded_flows).copied().collect();
        let expected: Vec<bool> = flows.iter().map(|flow| needed(&plan, flow)).collect();
        let passed = passed(&mut lab, &flows, &expected);
        for ((flow, should), did) in flows.iter().zip(&expected).zip(&passed) {
            if should != did {
                let verdict = if *did {
                    "passed, though the plan does not need it"
                } else {
                    "was dropped, though the plan needs it"
                };
                failures.push(format!("{name}: {flow} {verdict}"));
            }
        }
        // What the kernel lists, read back by the coverage check: all of it covered.
        let firewall = parse_rules(&listing);
        for row in check_coverage(&plan.firewall_rules(), &plan.addresses, &firewall) {
            if row.coverage != Coverage::Covered {
                failures.push(format!(
                    "{name}: the kernel's listing reads as {} {}: {:?} ({})",
                    row.rule, row.service, row.coverage, row.detail.en
                ));
            }
        }
        if !firewall.problems.is_empty() {
            failures.push(format!("{name}: lines of the kernel's listing not read: {:?}", firewall.problems));
        }
        println!("{name}: {} needed flows passed, {} unneeded dropped", needed_flows.len(), unneeded_flows.len());
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_nftables_ruleset_lets_through_exactly_what_each_plan_needs() {
    prove_export(Form::Nftables);
}

#[test]
fn the_nftables_rules_to_add_work_in_a_default_drop_ruleset() {
    prove_export(Form::NftablesAdd);
}

#[test]
fn the_iptables_table_lets_through_exactly_what_each_plan_needs() {
    prove_export(Form::Iptables);
}

#[test]
fn the_iptables_chain_to_add_works_with_noflush() {
    prove_export(Form::IptablesAdd);
}

/// How many random rulesets: `SITECHECK_RULESETS`, or the normal run's share.
fn ruleset_count(default: usize) -> usize {
    std::env::var("SITECHECK_RULESETS").ok().and_then(|count| count.parse().ok()).unwrap_or(default)
}

#[derive(Debug, Default)]
struct Agreement {
    rulesets: usize,
    judged: [usize; 4],
    flows: usize,
    disagreements: Vec<String>,
}

/// Random rulesets loaded into the router; the checker reads the kernel's own listing, and
/// each opening's verdict is held against flows sampled from it.
fn agree(iptables: bool, count: usize, seed: u64) -> Agreement {
    let plan = plans()
        .pop()
        .map(|(_, plan)| Plan { advanced_attendant: true, access: AccessPath::Internet, ..plan })
        .unwrap_or_default();
    let mut lab = lab();
    let openings = required(&plan);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut agreement = Agreement::default();
    for round in 0..count {
        let generated = rulegen::ruleset(&mut rng);
        lab.clear_rules().unwrap_or_else(|error| panic!("{error}"));
        let (text, loaded) = if iptables {
            let text = rulegen::iptables(&generated);
            let loaded = lab.iptables_restore(&text, false).and_then(|()| lab.iptables_save());
            (text, loaded)
        } else {
            let text = rulegen::nftables(&generated);
            let loaded = lab.nft(&text).and_then(|()| lab.nft_listing());
            (text, loaded)
        };
        let listing = loaded.unwrap_or_else(|error| panic!("round {round} (seed {seed}): {error}\n{text}"));
        let mut firewall = parse_rules(&listing);
        // The router's interfaces: r0 towards the customer, r1 towards the Internet.
        firewall.interfaces = Interfaces::parse("r0", "r1");
        // Every other round the plan gives no customer address: then "covered" and "missing"
        // must hold whatever the addresses are, the sampled ones among them.
        let addressed = round % 2 == 0;
        let judged_plan =
            if addressed { plan.clone() } else { Plan { addresses: CustomerAddresses::default(), ..plan.clone() } };
        let rows = check_coverage(&judged_plan.firewall_rules(), &judged_plan.addresses, &firewall);
        // Four flows of each opening each round, drawn from its ends and middle.
        let mut flows = Vec::new();
        let mut owners = Vec::new();
        for (index, (_, sampled)) in openings.iter().enumerate() {
            for _ in 0..4.min(sampled.len()) {
                flows.push(sampled[rng.usize(0..sampled.len())]);
                owners.push(index);
            }
        }
        let should_pass: Vec<bool> = owners.iter().map(|&index| rows[index].coverage == Coverage::Covered).collect();
        let passed = passed(&mut lab, &flows, &should_pass);
        agreement.rulesets += 1;
        agreement.flows += flows.len();
        for (index, row) in rows.iter().enumerate() {
            let slot = match row.coverage {
                Coverage::Covered => 0,
                Coverage::Partial => 1,
                Coverage::Missing => 2,
                Coverage::Unknown => 3,
            };
            agreement.judged[slot] += 1;
            let results: Vec<(Flow, bool)> = owners
                .iter()
                .zip(&flows)
                .zip(&passed)
                .filter(|((owner, _), _)| **owner == index)
                .map(|((_, flow), did)| (*flow, *did))
                .collect();
            let wrong: Vec<String> = results
                .iter()
                .filter(|(_, did)| match row.coverage {
                    Coverage::Covered => !did,
                    Coverage::Missing => *did,
                    _ => false,
                })
                .map(|(flow, did)| format!("{flow} {}", if *did { "passed" } else { "dropped" }))
                .collect();
            if !wrong.is_empty() {
                agreement.disagreements.push(format!(
                    "round {round} (seed {seed}, {}): {} {} judged {:?} ({}), but the kernel: {}\n{listing}",
                    if addressed { "addresses given" } else { "no customer address given" },
                    row.rule,
                    row.service,
                    row.coverage,
                    row.detail.en,
                    wrong.join(", ")
                ));
            }
            if addressed && row.coverage == Coverage::Unknown && firewall.problems.is_empty() {
                agreement.disagreements.push(format!(
                    "round {round} (seed {seed}): {} {} unknown on a ruleset read in full: {}\n{listing}",
                    row.rule, row.service, row.detail.en
                ));
            }
        }
    }
    println!(
        "{} (seed {seed}): {} rulesets, {} flows; openings judged covered {}, partial {}, missing {}, unknown {}; {} disagreements with the kernel",
        if iptables { "iptables" } else { "nftables" },
        agreement.rulesets,
        agreement.flows,
        agreement.judged[0],
        agreement.judged[1],
        agreement.judged[2],
        agreement.judged[3],
        agreement.disagreements.len()
    );
    agreement
}

fn seed() -> u64 {
    std::env::var("SITECHECK_SEED").ok().and_then(|seed| seed.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |time| time.as_secs())
    })
}

#[test]
fn coverage_agrees_with_the_kernel_on_random_nftables_rulesets() {
    let seed = seed();
    let agreement = agree(false, ruleset_count(200), seed);
    assert!(agreement.disagreements.is_empty(), "seed {seed}:\n{}", agreement.disagreements.join("\n\n"));
}

#[test]
fn coverage_agrees_with_the_kernel_on_random_iptables_rulesets() {
    let seed = seed().wrapping_add(1);
    let agreement = agree(true, ruleset_count(100), seed);
    assert!(agreement.disagreements.is_empty(), "seed {seed}:\n{}", agreement.disagreements.join("\n\n"));
}
