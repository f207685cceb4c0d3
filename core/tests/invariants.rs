//! Invariants of the catalogue as a whole, and a walk over the spec's own text to prove that
//! nothing of chapter 6 is missing.

use sitecheck_core::advisory::ADVISORIES;
use sitecheck_core::bandwidth::calculate;
use sitecheck_core::catalogue::{CATALOGUE, catalogue_json};
use sitecheck_core::firewall::{FIREWALL_RULES, FIREWALL_TABLES, Party, parse_services};
use sitecheck_core::plan::Plan;
use sitecheck_core::requirement::{REQUIREMENTS, Value};

use sitecheck_core::units::{Bandwidth, format_mbps};
use std::collections::BTreeSet;
use std::net::Ipv4Addr;

const SPEC: &str = include_str!("../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");

fn assert_unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        assert!(seen.insert(id), "{what} id {id} is used twice");
    }
}

#[test]
fn ids_are_unique() {
    assert_unique("requirement", REQUIREMENTS.iter().map(|requirement| requirement.id.as_str()));
    assert_unique("firewall rule", FIREWALL_RULES.iter().map(|rule| rule.id));
    assert_unique("advisory", ADVISORIES.iter().map(|advisory| advisory.id));
    assert_unique("firewall table", FIREWALL_TABLES.iter().map(|table| table.section.as_str()));
}

#[test]
fn ids_have_the_stable_shape() {
    for requirement in REQUIREMENTS {
        let (area, topic) =
            requirement.id.as_str().split_once('.').unwrap_or_else(|| panic!("{} is area.topic", requirement.id));
        for part in [area, topic] {
            assert!(
                !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                requirement.id
            );
        }
    }
}

// Every citation of a requirement, rule, table or advisory is a `SectionId`, which only
// `SectionId::known` makes: a section the contents lack does not compile, so no test is needed.

#[test]
fn requirements_are_in_document_order_and_complete() {
    for pair in REQUIREMENTS.windows(2) {
        assert!(pair[0].section.order() <= pair[1].section.order(), "{} before {}", pair[0].id, pair[1].id);
    }
    for requirement in REQUIREMENTS {
        assert!(!requirement.statement.is_empty() && requirement.statement.ends_with('.'), "{}", requirement.id);
        assert!(!requirement.verification.is_empty(), "{} says how it is verified", requirement.id);
    }
    // Every numbered section of chapters 2 and 3 that states a requirement has at least one.
    for id in [
        "2.1", "2.2", "2.3", "2.3.1", "2.3.2", "2.4", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.5.5", "2.6", "2.7", "2.8",
        "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3", "3.4", "3.5", "3.6", "4", "5", "5.1", "6.1", "6.2", "6.3", "6.4",
        "6.5", "6.6", "6.7",
    ] {
        assert!(
            REQUIREMENTS.iter().any(|requirement| requirement.section.as_str() == id),
            "no requirement for section {id}"
        );
    }
}

#[test]
fn advisories_are_sorted_and_worded() {
    for pair in ADVISORIES.windows(2) {
        assert!(pair[0].id < pair[1].id, "{} before {}", pair[0].id, pair[1].id);
    }
    for advisory in ADVISORIES {
        assert!(!advisory.sections.is_empty() && advisory.text.ends_with('.'), "{}", advisory.id);
    }
}

#[test]
fn every_value_a_requirement_names_appears_in_the_spec_text() {
    let flat = SPEC.replace('\n', " ");
    for requirement in REQUIREMENTS {
        for value in requirement.values {
            let text = match value {
                Value::Network { network } => network.to_string(),
                Value::Host { name } => (*name).to_owned(),
                Value::Email { address } => (*address).to_owned(),
                Value::Address { address } => address.to_string(),
                Value::Service { service } => service.ports.to_string(),
                Value::MinVersion { version, .. } => (*version).to_owned(),
                Value::MinTls { at_least } => at_least.to_string(),
                _ => continue,
            };
            assert!(flat.contains(&text), "{}: {text} is not in the spec", requirement.id);
        }
    }
}

/// One row of a chapter 6 table as the spec's text has it.
#[derive(Debug)]
struct SpecRow {
    section: String,
    source: String,
    destination: String,
    services: String,
}

/// Reads the tab-separated rows of 6.1–6.7 from the spec text. Rows broken over a page keep
/// their first line, which carries every address and port.
fn spec_rows() -> Vec<SpecRow> {
    let chapter = SPEC.split("6.1 Touchpoint Plus web portal (end-user and administrator)\n").last().unwrap();
    let chapter = chapter.split("7 References").next().unwrap();
    let mut rows = Vec::new();
    let mut current = "6.1".to_owned();
    for line in chapter.lines() {
        if let Some(heading) = line.split_whitespace().next().filter(|word| word.starts_with("6.") && line.len() < 60) {
            current = heading.to_owned();
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() < 3 || cells[0] == "Source address" || cells[0].starts_with("--") || cells[2].trim().is_empty() {
            continue;
        }
        rows.push(SpecRow {
            section: current.clone(),
            source: cells[0].into(),
            destination: cells[1].into(),
            services: cells[2].into(),
        });
    }
    rows
}

/// The addresses and names a cell mentions, as text: "81.228.2.192/27", "213.65.172.64-67", hosts.
fn mentioned(cell: &str) -> BTreeSet<String> {
    cell.split(|c: char| c.is_whitespace() || c == ',')
        .map(|word| word.trim_start_matches("IP:").trim_end_matches('.'))
        .filter(|word| word.contains('.') && word.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()))
        .filter(|word| {
            word.parse::<Ipv4Addr>().is_ok() || word.contains('/') || word.contains('-') || word.ends_with(".com")
        })
        .map(str::to_owned)
        .collect()
}

fn party_text(party: &Party) -> BTreeSet<String> {
    match *party {
        Party::Customer { .. } => BTreeSet::new(),
        Party::Network { network } => [network.to_string()].into(),
        Party::Range { first, last } => [format!("{first}-{}", last.octets()[3])].into(),
        Party::Addresses { addresses } => addresses.iter().map(Ipv4Addr::to_string).collect(),
        Party::Hosts { names, addresses } => {
            names.iter().map(|name| (*name).to_owned()).chain(addresses.iter().map(Ipv4Addr::to_string)).collect()
        }
    }
}

#[test]
fn every_row_of_chapter_6_is_a_rule_and_every_rule_a_row() {
    let rows = spec_rows();
    assert_eq!(rows.len(), FIREWALL_RULES.len(), "rows in the spec: {rows:#?}");
    for (row, rule) in rows.iter().zip(FIREWALL_RULES) {
        assert_eq!(row.section, rule.section.as_str(), "{}", rule.id);
        let services = parse_services(&row.services).unwrap_or_else(|error| panic!("{}: {error}", rule.id));
        assert_eq!(services, rule.services, "{}", rule.id);
        assert_eq!(mentioned(&row.source), party_text(&rule.source), "source of {}", rule.id);
        assert_eq!(mentioned(&row.destination), party_text(&rule.destination), "destination of {}", rule.id);
        assert_eq!(
            row.source.starts_with("Customer's") || row.source.starts_with("The server"),
            matches!(rule.source, Party::Customer { .. }),
            "{}",
            rule.id
        );
    }
}

#[test]
fn catalogue_json_carries_everything() {
    let json: serde_json::Value = serde_json::from_str(&catalogue_json().unwrap()).unwrap();
    assert_eq!(json["spec"]["version"], "3.40");
    assert_eq!(json["requirements"].as_array().unwrap().len(), CATALOGUE.requirements.len());
    assert_eq!(json["firewall_rules"].as_array().unwrap().len(), FIREWALL_RULES.len());
    assert_eq!(json["firewall_rules"][0]["destination"]["network"], "81.228.2.192/27");
    assert_eq!(json["firewall_rules"][3]["services"][0], "UDP/49152-65535");
    assert_eq!(json["browsers"].as_array().unwrap().len(), 5);
    assert_eq!(json["requirements"][0]["applies"]["when"], "always");
}

/// The bandwidths the spec's 5.1 table prints, row by row, and its total.
fn spec_example_table() -> (Vec<String>, String) {
    let table = SPEC.split("Function\tCalculation\tBandwidth\n").nth(1).unwrap();
    let rows: Vec<&str> = table.lines().take_while(|line| line.contains('\t')).collect();
    let bandwidth = |row: &str| row.rsplit('\t').next().unwrap_or_default().to_owned();
    let (total, lines) = rows.split_last().unwrap();
    assert!(total.starts_with("Total bandwidth"), "{total}");
    (lines.iter().map(|row| bandwidth(row)).collect(), bandwidth(total))
}

#[test]
fn the_catalogue_carries_the_5_1_example_as_the_bandwidth_code_works_it_out() {
    let json: serde_json::Value = serde_json::from_str(&catalogue_json().unwrap()).unwrap();
    let example = &json["bandwidth_example"];
    assert_eq!(example["section"], "5.1");
    let calculation = calculate(Plan::spec_example().bandwidth_inputs());
    let computed = serde_json::to_value(&calculation).unwrap();
    for key in ["inputs", "lines", "total_kbps", "omitted", "total_with_omitted_kbps"] {
        assert_eq!(example[key], computed[key], "{key}");
    }
    assert_eq!(example["inputs"]["softphones"], 50);
    assert_eq!(example["inputs"]["calendar_users"], 165);
    // And what it works out is what the spec prints.
    let (lines, total) = spec_example_table();
    let printed: Vec<String> = calculation.lines.iter().map(|line| line.bandwidth.to_string()).collect();
    assert_eq!(printed, lines);
    assert_eq!(format_mbps(calculation.total), total);
    assert_eq!(calculation.total, Bandwidth::kbps(3264));
}
