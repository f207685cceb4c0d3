//! The advisories read against the spec's text and the catalogue's own tables: each says what
//! it should, and those computed from the tables name everything they are about.

use sitecheck_core::advisory::{AdvisoryKind, advisory};
use sitecheck_core::condition::AccessPath;
use sitecheck_core::firewall::FIREWALL_RULES;
use sitecheck_core::limits;
use sitecheck_core::plan::{Plan, SkypeIntegration};

const SPEC: &str = include_str!("../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");

/// The spec's text with its line breaks as spaces, so that a quote may span them.
fn spec_text() -> String {
    SPEC.replace('\n', " ")
}

/// The text of one section of the spec, from its heading to the next one given.
fn section_text(heading: &str, next_heading: &str) -> String {
    let start = SPEC.rfind(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("no heading {heading}"));
    let rest = &SPEC[start..];
    let end = rest.find(&format!("\n{next_heading}\n")).unwrap_or_else(|| panic!("no heading {next_heading}"));
    rest[..end].replace('\n', " ")
}

#[test]
fn advisories_say_what_the_facts_are() {
    let spec = spec_text();
    // The advisory, the words of the spec it is about, what it must say and what it must not.
    let check = |id: &str, kind: AdvisoryKind, spec_words: &str, says: &[&str], never: &[&str]| {
        let found = advisory(id).unwrap_or_else(|| panic!("no advisory {id}"));
        assert_eq!(found.kind, kind, "{id}");
        assert!(spec.contains(spec_words), "{id}: {spec_words:?} is not in the spec");
        let text = format!("{} {}", found.title, found.text);
        for words in says {
            assert!(text.contains(words), "{id} should say {words:?}: {text}");
        }
        for words in never {
            assert!(!text.contains(words), "{id} should not say {words:?}: {text}");
        }
    };
    check(
        "s4b.versions-retired",
        AdvisoryKind::Aged,
        "Microsoft Exchange Server 2007 SP1 – Exchange Server 2019",
        &[
            "Exchange Server 2016 and 2019 and Skype for Business Server 2015 and 2019 all left it on the same day, 14 October 2025",
            "Exchange Server Subscription Edition",
            "Skype for Business Server Subscription Edition",
            "July 2025",
        ],
        &["followed", "2007 to 2016"],
    );
    check(
        "browser.minimums-predate-webassembly",
        AdvisoryKind::Aged,
        "Safari 10 or later",
        &["10.0 and 10.1", "no WebAssembly", "Safari 11"],
        &["Safari 10.0 and Internet Explorer"],
    );
    check(
        "pc.macos-apple-silicon",
        AdvisoryKind::Aged,
        "Mac computers must have an Intel processor",
        &["June 2023", "Mac Pro"],
        &["sold since 2020"],
    );
    check("s4b-voice.e4-retired", AdvisoryKind::Aged, "Office 365 Enterprise E4/E5", &["E4", "retired"], &[]);
    check(
        "net.routable-over-datanet",
        AdvisoryKind::Contradiction,
        "must be routable over the Internet",
        &["2.1", "3.2.1", "private", "DataNet"],
        &[],
    );
    assert!(
        spec.contains(
            "If the customer connects over Telia DataNet, the S4B/Lync servers may have private IP addresses"
        )
    );
    check(
        "datanet.internet-still-needed",
        AdvisoryKind::Omission,
        "The box need access to public internet to be able to download the configuration.",
        &["81.228.2.192/27", "2.3.2"],
        &[],
    );
}

#[test]
fn the_datanet_advisory_names_every_opening_outside_the_service_network() {
    // 2.3.2 names one network of the service, the one DataNet carries.
    let routing = section_text("2.3.2 Routing of data traffic", "2.4 E-mail server");
    let networks: Vec<&str> = routing.split_whitespace().filter(|word| word.contains('/')).collect();
    assert_eq!(networks, [limits::SERVICE_NETWORK.to_string()]);

    let outside: Vec<_> = FIREWALL_RULES.iter().filter(|rule| rule.leaves_the_service_network()).collect();
    let ids: Vec<&str> = outside.iter().map(|rule| rule.id).collect();
    assert_eq!(ids, ["6.3.3", "6.3.4", "6.6.1", "6.7.1"]);
    let note = advisory("datanet.internet-still-needed").unwrap();
    for rule in outside {
        // Advanced Attendant is the one 2.3.2 itself keeps off DataNet.
        if rule.section == "6.6" {
            assert!(routing.contains("Traffic for the add-on Advanced Attendant can not be routed over DataNet."));
            continue;
        }
        assert!(note.sections.contains(&rule.section), "{} is about {}", note.id, rule.id);
        for network in rule.far_end().networks() {
            assert!(note.text.contains(&network.addr().to_string()), "{} names {network} of {}", note.id, rule.id);
        }
    }
}

#[test]
fn the_routability_clash_is_real_in_the_catalogue() {
    // Over DataNet with S4B/Lync, 2.1's "routable over the Internet" applies while 3.2.1's
    // public-address rule does not: the advisory explains the pair.
    let plan = Plan { access: AccessPath::DataNet, skype: SkypeIntegration::PresenceOnly, ..Plan::default() };
    let ids: Vec<&str> = plan.requirements().iter().map(|requirement| requirement.id.as_str()).collect();
    assert!(ids.contains(&"net.routable-address") && !ids.contains(&"s4b.public-addresses"), "{ids:?}");
    let note = advisory("net.routable-over-datanet").unwrap();
    for section in ["2.1", "3.2.1"] {
        assert!(note.sections.iter().any(|cited| *cited == section));
    }
}
