//! Each requirement's statement against its typed values: every number the statement names is
//! one of its values (or on the short, justified list below), and every value is named in the
//! statement. The text people read and the data the checks use cannot drift apart.

use sitecheck_core::browser::BROWSER_MATRIX;
use sitecheck_core::condition::Condition;
use sitecheck_core::firewall::FIREWALL_TABLES;
use sitecheck_core::policy::{MOBILE_POLICY, MobilePlatform, PC_POLICY};
use sitecheck_core::requirement::{Obligation, REQUIREMENTS, Requirement, Value, Verification};
use sitecheck_core::units::{Bandwidth, Millis, Service};
use std::collections::BTreeSet;

/// Words with a number in them that are not values: each with why it may stand in a statement.
const NOT_VALUES: &[(&str, &str)] = &[
    ("Office 365", "a product's name"),
    ("S4B", "Skype for Business, as the spec abbreviates it"),
    ("Base64", "the name of an encoding"),
    ("E.164", "the name of the numbering standard"),
    ("+468123456", "the spec's own example of an E.164 number"),
    ("Enterprise E4/E5", "licence names"),
    ("reference 1", "a document of chapter 7"),
    ("reference 2", "a document of chapter 7"),
    ("chapter 6", "a cross-reference to the firewall tables"),
];

/// How a value is written in a statement.
fn written(value: &Value) -> Vec<String> {
    match *value {
        Value::BandwidthPerCall { bandwidth }
        | Value::BandwidthPerUser { bandwidth }
        | Value::LinkSpeed { bandwidth } => {
            vec![bandwidth.to_string()]
        }
        Value::MaxDelay { below, .. } | Value::MaxJitter { below } => vec![below.to_string()],
        Value::MaxLoss { below } => vec![below.to_string()],
        Value::MinMemory { at_least } => vec![at_least.to_string()],
        Value::MinScreen { at_least } => vec![at_least.to_string()],
        Value::MinVersion { version, .. } => vec![version.to_owned()],
        Value::MinTls { at_least } => vec![at_least.to_string()],
        Value::Versions { from, to, .. } => vec![from.to_owned(), to.to_owned()],
        Value::Releases { releases, .. } => releases.iter().map(|release| (*release).to_owned()).collect(),
        Value::Service { service } => vec![service.to_string()],
        Value::Network { network } => vec![network.to_string()],
        // As the spec writes 213.65.172.64-67.
        Value::AddressRange { first, last } => vec![format!("{first}-{}", last.octets()[3])],
        Value::Address { address } => vec![address.to_string()],
        Value::Host { name } => vec![name.to_owned()],
        Value::Email { address } => vec![address.to_owned()],
        Value::Period { period } => vec![period.to_string()],
    }
}

/// Values some requirements keep in a table of their own rather than in `values`, written as
/// the statement writes them.
fn tabled(requirement: &Requirement) -> Vec<String> {
    match requirement.id.as_str() {
        "pc.browser" => {
            BROWSER_MATRIX.iter().map(|entry| format!("{} {}", entry.family.label(), entry.min_major)).collect()
        }
        "softphone.pc-os" => PC_POLICY.windows.iter().map(|name| (*name).to_owned()).collect(),
        "softphone.mac-os" => PC_POLICY.macos.iter().map(|release| format!("({})", release.version)).collect(),
        "mobile.os-version" => MOBILE_POLICY
            .iter()
            .map(|policy| {
                let name = match policy.platform {
                    MobilePlatform::Android => "Android",
                    MobilePlatform::Ios => "iOS",
                };
                format!("{} latest {name}", policy.latest_releases)
            })
            .collect(),
        // The firewall requirements name their own table and the tables it includes.
        _ => FIREWALL_TABLES
            .iter()
            .filter(|table| table.section == requirement.section && requirement.id.as_str().starts_with("firewall."))
            .flat_map(|table| table.includes.iter().copied().chain([table.section]))
            .map(|section| section.as_str().to_owned())
            .collect(),
    }
}

/// The words of a text that carry a digit: "150", "TCP/5061", "81.228.2.192/27", "5.1.3".
fn numbers(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || ",;()\"".contains(c))
        .map(|word| word.trim_end_matches(['.', ':']))
        .filter(|word| word.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect()
}

/// Everything wrong between a statement and its values, in words.
fn disagreements(requirement: &Requirement) -> Vec<String> {
    let statement = requirement.statement;
    let mut problems = Vec::new();
    let mut explained = BTreeSet::new();
    let values = requirement.values.iter().flat_map(written).chain(tabled(requirement));
    for text in values {
        if !statement.contains(&text) {
            problems.push(format!("the value {text:?} is not in the statement"));
        }
        explained.extend(numbers(&text));
    }
    let mut rest = statement.to_owned();
    for (words, _why) in NOT_VALUES {
        rest = rest.replace(words, " ");
    }
    for number in numbers(&rest) {
        if !explained.contains(&number) {
            problems.push(format!("{number:?} is in the statement but is none of its values"));
        }
    }
    problems
}

#[test]
fn every_statement_agrees_with_its_values() {
    let problems: Vec<String> = REQUIREMENTS
        .iter()
        .flat_map(|requirement| {
            disagreements(requirement).into_iter().map(|problem| format!("{}: {problem}", requirement.id))
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_allowance_is_used_and_justified() {
    for (words, why) in NOT_VALUES {
        assert!(!why.is_empty() && !numbers(words).is_empty(), "{words}");
        assert!(REQUIREMENTS.iter().any(|requirement| requirement.statement.contains(words)), "{words} is unused");
    }
}

/// A requirement made up for the checker's own test.
fn made_up(statement: &'static str, values: &'static [Value]) -> Requirement {
    Requirement {
        // Any id and section will do: only the statement and values are checked.
        id: sitecheck_core::requirement_id!("net.jitter"),
        section: sitecheck_core::section_id!("2.1"),
        see_also: &[],
        statement,
        obligation: Obligation::Should,
        values,
        applies: Condition::Always,
        verification: &[Verification::Measured],
    }
}

#[test]
fn the_check_catches_a_planted_mismatch() {
    let check = |requirement: Requirement, expected: &[&str]| {
        assert_eq!(disagreements(&requirement), expected, "{}", requirement.statement);
    };
    const JITTER: &[Value] = &[Value::MaxJitter { below: Millis(20) }];
    const SIPS: &[Value] = &[Value::Service { service: Service::tcp(5061) }];
    check(made_up("Jitter is less than 20 ms.", JITTER), &[]);
    check(
        made_up("Jitter is less than 25 ms.", JITTER),
        &["the value \"20 ms\" is not in the statement", "\"25\" is in the statement but is none of its values"],
    );
    check(made_up("Jitter is low.", JITTER), &["the value \"20 ms\" is not in the statement"]);
    check(
        made_up("SIP runs on TCP/5061 and TCP/5067.", SIPS),
        &["\"TCP/5067\" is in the statement but is none of its values"],
    );
    const CALL: &[Value] = &[Value::BandwidthPerCall { bandwidth: Bandwidth::kbps(100) }];
    check(made_up("100 kbit/s per call in Office 365.", CALL), &[]);
    check(
        made_up("100 kbit/s per call in Office 366.", CALL),
        &["\"366\" is in the statement but is none of its values"],
    );
}
