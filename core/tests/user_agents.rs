//! The user-agent table: real-world strings with what they must parse to, and a property test (proptest, which shrinks a failure to a small case).
// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sitecheck_core::browser::browser_finding;
use sitecheck_core::useragent::parse;

const TABLE: &str = include_str!("data/user-agents.tsv");

/// (browser, major, os, verdict) for a UA string, as the table writes them.
fn describe(user_agent: &str) -> (String, String, String, String) {
    let parsed = parse(user_agent);
    let verdict = browser_finding(&parsed, &sitecheck_core::locale::Bilingual::same("test")).verdict;
    (
        parsed.browser.slug().to_owned(),
        parsed.major.map_or_else(|| "-".to_owned(), |major| major.to_string()),
        parsed.os.to_string(),
        verdict.slug().to_owned(),
    )
}

#[test]
fn the_table_parses_as_written() {
    let mut rows = 0;
    let mut mismatches = Vec::new();
    for line in TABLE.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let columns: Vec<&str> = line.splitn(5, '\t').collect();
        assert_eq!(columns.len(), 5, "five tab-separated columns: {line:?}");
        let expected = (columns[0].to_owned(), columns[1].to_owned(), columns[2].to_owned(), columns[3].to_owned());
        let got = describe(columns[4]);
        if got != expected {
            mismatches.push(format!("{:?}\n  expected {expected:?}\n  got      {got:?}", columns[4]));
        }
        rows += 1;
    }
    assert!(mismatches.is_empty(), "{} of {rows} rows differ:\n{}", mismatches.len(), mismatches.join("\n"));
    assert!(rows >= 150, "the table has {rows} rows; keep at least 150");
}

#[test]
fn long_lines_parse() {
    let long = format!("{}Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko", "x".repeat(10_000));
    assert_eq!(describe(&long), ("ie".into(), "11".into(), "Windows 7".into(), "pass".into()));
    let many_tokens = "Chrome/ ".repeat(2_000);
    assert_eq!(describe(&many_tokens).0, "chrome");
}

const PIECES: &[&str] = &[
    "Mozilla/5.0 ",
    "(Windows NT ",
    "10.0",
    "6.1",
    "; Win64; x64) ",
    "Trident/",
    "rv:",
    "MSIE ",
    "Edge/",
    "Edg/",
    "OPR/",
    "Opera",
    "SamsungBrowser/",
    "Firefox/",
    "FxiOS/",
    "CriOS/",
    "Chrome/",
    "HeadlessChrome/",
    "Safari/",
    "Version/",
    "iPhone OS ",
    "CPU OS ",
    "iPad",
    "Android ",
    "Mac OS X ",
    "10_15_7",
    "CrOS",
    "Linux",
    "bot/",
    "; wv)",
    "_",
    ".",
    "/",
    " ",
    "(",
    ")",
    ";",
    "9",
    "99999999999",
    "0",
    "é",
    "🙂",
    "\u{0}",
    "\t",
];

/// A user-agent string of known pieces in any order, now and then a random character
/// (multi-byte ones too).
fn any_user_agent() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => proptest::char::range('\0', '\u{1_ffff}').prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn any_input_parses_without_panicking_and_numbers_come_from_the_input(user_agent in any_user_agent()) {
        let parsed = parse(&user_agent);
        if let Some(major) = parsed.major {
            // Every version reported was read from the input (IE's Trident mapping aside).
            let read = user_agent.contains(&major.to_string()) || user_agent.contains("Trident/");
            prop_assert!(read, "{} is not in {:?}", major, user_agent);
        }
        let _ = parsed.describe();
        let _ = browser_finding(&parsed, &sitecheck_core::locale::Bilingual::same("property test"));
    }
}
