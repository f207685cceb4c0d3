//! The Swedish catalogue against the English one: every row translated, in the English table's
//! order, and no number, address or name lost or changed on the way.

use sitecheck_core::advisory::ADVISORIES;
use sitecheck_core::locale::Locale;
use sitecheck_core::requirement::{Obligation, REQUIREMENTS, Verification};
use sitecheck_core::section::SECTIONS;
use sitecheck_core::spec::swedish;

mod translation;
use translation::figures;

/// Names a translation must keep as they are: host names, addresses and quoted titles.
fn names(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':'))
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| {
            word.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@'))
                && word.split('.').skip(1).any(|part| part.starts_with(|c: char| c.is_ascii_alphabetic()))
                // Abbreviations ("e.g.", "t.ex.") are words, not names.
                && word.split('.').all(|part| part.len() >= 2)
        })
        .collect();
    found.sort_unstable();
    found
}

/// A translation that says the same: same figures and names, not the English left in place.
fn check(key: &str, english: &str, swedish: &str) {
    assert!(!swedish.trim().is_empty(), "{key}: no Swedish text");
    assert_eq!(figures(english), figures(swedish), "{key}: the figures differ:\n  {english}\n  {swedish}");
    assert_eq!(names(english), names(swedish), "{key}: the names differ:\n  {english}\n  {swedish}");
}

#[test]
fn the_figures_reader_keeps_addresses_whole() {
    assert_eq!(figures("to 81.228.2.192/27 on TCP/443, 1,6 kbit/s"), ["1.6", "443", "81.228.2.192/27"]);
    assert_eq!(figures("UDP/49152-65535 and 1024×768"), ["1024×768", "49152-65535"]);
}

#[test]
fn every_requirement_has_its_statement_in_swedish_in_the_english_order() {
    let keys: Vec<&str> = swedish::STATEMENTS.iter().map(|(id, _)| *id).collect();
    let ids: Vec<&str> = REQUIREMENTS.iter().map(|requirement| requirement.id.as_str()).collect();
    assert_eq!(keys, ids);
    for requirement in REQUIREMENTS {
        let translated = requirement.statement_in(Locale::Sv);
        check(requirement.id.as_str(), requirement.statement, translated);
        assert!(translated.ends_with('.'), "{}: {translated}", requirement.id);
        assert_ne!(translated, requirement.statement, "{}: left in English", requirement.id);
        assert_eq!(requirement.statement_in(Locale::En), requirement.statement);
    }
}

#[test]
fn every_section_has_its_heading_in_swedish_in_the_english_order() {
    let keys: Vec<&str> = swedish::SECTION_TITLES.iter().map(|(id, _)| *id).collect();
    let ids: Vec<&str> = SECTIONS.iter().map(|section| section.id).collect();
    assert_eq!(keys, ids);
    // Product names are the same in both languages.
    let same = ["Touchpoint Plus Softphone", "Advanced Attendant"];
    for section in SECTIONS {
        let id = sitecheck_core::section::SectionId::parse(section.id).unwrap();
        let translated = id.title_in(Locale::Sv);
        check(section.id, section.title, translated);
        assert!(translated != section.title || same.contains(&section.title), "{}: left in English", section.id);
    }
}

#[test]
fn every_advisory_has_its_title_and_text_in_swedish_in_the_english_order() {
    let keys: Vec<&str> = swedish::ADVISORIES.iter().map(|(id, _, _)| *id).collect();
    let ids: Vec<&str> = ADVISORIES.iter().map(|advisory| advisory.id).collect();
    assert_eq!(keys, ids);
    for advisory in ADVISORIES {
        let (title, text) = advisory.in_locale(Locale::Sv);
        check(advisory.id, advisory.title, title);
        check(advisory.id, advisory.text, text);
        assert!(title != advisory.title && text != advisory.text, "{}: left in English", advisory.id);
    }
}

#[test]
fn every_label_differs_by_language() {
    for obligation in [Obligation::Must, Obligation::Should, Obligation::Recommended] {
        assert_ne!(obligation.label_in(Locale::Sv), obligation.label_in(Locale::En));
    }
    let methods = [
        Verification::Browser,
        Verification::Measured,
        Verification::Calculated,
        Verification::File,
        Verification::Person,
    ];
    for method in methods {
        assert_ne!(method.label_in(Locale::Sv), method.label_in(Locale::En));
    }
}

/// The fallback script for browsers that cannot run the checker cannot import core: each of
/// its words, in each language, must be core's.
#[test]
fn the_fallback_scripts_words_are_cores() {
    use sitecheck_core::advisory::advisory;
    use sitecheck_core::environment::Source;
    use sitecheck_core::interface::card;
    use sitecheck_core::requirement_id;
    use sitecheck_core::verdict::{Verdict, check_title};
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../app/fallback.js")).unwrap();
    let section = requirement_id!("pc.browser").section();
    let ie = advisory("browser.ie11-retired").unwrap();
    for locale in Locale::ALL {
        let block_start = script.find(&format!("    {}: {{", locale.code())).expect("the language's block");
        let block = &script[block_start..];
        let block = &block[..block.find("\n    }").unwrap()];
        let (ie_title, ie_text) = ie.in_locale(locale);
        for (key, expected) in [
            ("pass", Verdict::Pass.label_in(locale).to_owned()),
            ("fail", Verdict::Fail.label_in(locale).to_owned()),
            ("\"needs-confirmation\"", Verdict::NeedsConfirmation.label_in(locale).to_owned()),
            ("title", check_title(requirement_id!("pc.browser")).get(locale).to_owned()),
            ("read", Source::UserAgent.phrase_text().get(locale).to_owned()),
            ("cite", card::cite(locale, section.as_str(), section.title_in(locale))),
            ("advisory", card::ADVISORY.get(locale).to_owned()),
            ("ieTitle", ie_title.to_owned()),
            ("ieText", ie_text.to_owned()),
        ] {
            let written = format!("{key}: {}", serde_json::to_string(&expected).unwrap());
            assert!(block.contains(&written), "{locale}: fallback.js lacks {written}");
        }
    }
}

/// The page's own words: each in Swedish, not the English left in place, the figures kept.
#[test]
fn every_word_of_the_page_is_in_swedish() {
    for text in sitecheck_core::interface::ALL {
        check(text.en, text.en, text.sv);
        assert_ne!(text.sv, text.en, "left in English: {}", text.en);
    }
    // The sentences around figures, each with the figure in place.
    use sitecheck_core::interface::{checklist, coverage, share};
    for (en, sv) in [
        (checklist::progress(Locale::En, 3, 41, 7), checklist::progress(Locale::Sv, 3, 41, 7)),
        (checklist::left(Locale::En, 38, 2), checklist::left(Locale::Sv, 38, 2)),
        (coverage::summary(Locale::En, "nftables", 5, 9, 1), coverage::summary(Locale::Sv, "nftables", 5, 9, 1)),
        (share::copy(Locale::En, 312), share::copy(Locale::Sv, 312)),
    ] {
        check(&en, &en, &sv);
        assert_ne!(en, sv);
    }
}
