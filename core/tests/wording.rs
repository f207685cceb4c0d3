//! The catalogue read against the spec's own wording: how binding each requirement is, what a
//! requirement covers, and what was a disclaimer rather than a requirement.

use sitecheck_core::advisory::{AdvisoryKind, advisory};
use sitecheck_core::plan::Plan;
use sitecheck_core::requirement::{Obligation, RETIRED_REQUIREMENTS, requirement};

const SPEC: &str = include_str!("../../spec/touchpoint-plus-site-environment-requirements-v3.40.txt");

/// The spec's text with its line breaks as spaces, so that a quote may span them.
fn spec_text() -> String {
    SPEC.replace('\n', " ")
}

#[test]
fn obligations_follow_the_words_of_the_spec() {
    let spec = spec_text();
    // The requirement, how binding it is, and the words of the spec that make it so.
    let check = |id: &str, expected: Obligation, words: &str| {
        assert!(spec.contains(words), "{words:?} is not in the spec");
        let found = requirement(id).unwrap_or_else(|| panic!("no requirement {id}"));
        assert_eq!(found.obligation, expected, "{id}: the spec says {words:?}");
    };
    check("cert.renewal", Obligation::Must, "make sure that your IT environment allow for auto renewal");
    check("datanet.network-limits", Obligation::Must, "you need to specify and send this information to Telia");
    check("softphone.version", Obligation::Must, "Softphone must be at least version 5.1.3");
    check(
        "softphone.latest-version",
        Obligation::Recommended,
        "recommends the customer to always update their softphones to the latest version",
    );
    check("softphone.single-user", Obligation::Should, "can be used in such environments on an *as is basis*");
    check("softphone.validated", Obligation::Recommended, "Telia recommends that the customer validates");
    check("net.one-way-delay", Obligation::Should, "For optimum performance");
    check("mail.own-account", Obligation::Should, "Each user should have their own email account");
}

#[test]
fn the_minimum_version_and_the_recommendation_are_separate_rows() {
    let minimum = requirement("softphone.version").unwrap();
    let latest = requirement("softphone.latest-version").unwrap();
    assert!(!minimum.statement.to_lowercase().contains("recommend"), "{}", minimum.statement);
    assert!(latest.values.is_empty() && latest.section.as_str() == "2.5.2");
    assert_eq!(minimum.applies, latest.applies);
}

#[test]
fn single_user_use_is_worded_as_the_spec_words_it() {
    let single_user = requirement("softphone.single-user").unwrap();
    for words in ["does not support", "thin-client", "app-streaming", "as is", "single-user"] {
        assert!(single_user.statement.contains(words), "{words:?} in {}", single_user.statement);
    }
}

#[test]
fn remote_installation_covers_every_program_installed_on_the_pcs() {
    let remote = requirement("pc.remote-installation").unwrap();
    assert!(remote.statement.contains("softphone") && remote.statement.contains("ACE"), "{}", remote.statement);
    let check = |plan: Plan, applies: bool| assert_eq!(remote.applies.holds(&plan), applies, "{plan:?}");
    check(Plan { softphone_pc_users: 3, ..Plan::default() }, true);
    check(Plan { softphone_mac_users: 3, ..Plan::default() }, true);
    check(Plan { advanced_attendant: true, ..Plan::default() }, true);
    check(Plan { ip_phones: 3, ..Plan::default() }, false);
}

#[test]
fn a_disclaimer_is_an_advisory_not_a_requirement() {
    for retired in RETIRED_REQUIREMENTS {
        assert!(requirement(retired.id).is_none(), "{} is retired but still a requirement", retired.id);
        let note = retired.advisory.advisory();
        assert!(!note.sections.is_empty());
    }
    let wireless = advisory("net.wireless-not-guaranteed").unwrap();
    assert_eq!(
        (wireless.kind, wireless.sections),
        (AdvisoryKind::Disclaimer, &[sitecheck_core::section_id!("2.1")][..])
    );
    assert!(spec_text().contains("The service cannot be guaranteed in wireless network and mobile IP networks"));
    for words in ["wireless", "GSM, 3G or 4G", "no requirement"] {
        assert!(wireless.text.contains(words), "{words:?} in {}", wireless.text);
    }
}
