//! The spec lives once, in core: no value of v3.40 is restated in the app, the CLI or the
//! fallback script. The scan reads their sources and fails, naming file and line, on a
//! section number, address, spec-specific port, limit or version written there by hand; the
//! fallback script's browser matrix (it cannot import core) is checked against core instead.

use sitecheck_core::browser::BROWSER_MATRIX;
use sitecheck_core::firewall::{FIREWALL_RULES, Party};
use sitecheck_core::limits;
use sitecheck_core::section::SECTIONS;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The sources that must read the spec from core.
fn sources() -> Vec<PathBuf> {
    let mut files = vec![workspace().join("app/fallback.js")];
    for folder in ["app/src", "cli/src", "worker/src"] {
        rust_files_below(&workspace().join(folder), &mut files);
    }
    files
}

/// Every `.rs` file below `folder`, subfolders included (the page's binary has one), sorted.
fn rust_files_below(folder: &std::path::Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files_below(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// Tokens that would restate a value of the spec.
fn spec_tokens() -> BTreeSet<String> {
    let mut tokens: BTreeSet<String> =
        SECTIONS.iter().filter(|section| section.id.contains('.')).map(|section| section.id.to_owned()).collect();
    tokens.extend(FIREWALL_RULES.iter().map(|rule| rule.id.to_owned()));
    tokens.insert(sitecheck_core::SPEC_VERSION.to_owned());
    // Ports only the spec gives meaning to; 80 and 443 are every web server's.
    for rule in FIREWALL_RULES {
        for service in rule.services {
            for port in [service.ports.first().get(), service.ports.last().get()] {
                if port != 80 && port != 443 {
                    tokens.insert(port.to_string());
                }
            }
        }
        if let Party::Hosts { addresses, .. } = rule.destination {
            tokens.extend(addresses.iter().map(ToString::to_string));
        }
    }
    tokens.insert(limits::SERVICE_NETWORK.addr().to_string());
    tokens.extend([limits::ATTENDANT_FIRST, limits::ATTENDANT_LAST].iter().map(ToString::to_string));
    tokens.extend(limits::AD_SERVERS.iter().map(ToString::to_string));
    for limit in [limits::END_TO_END_DELAY, limits::ONE_WAY_DELAY, limits::JITTER] {
        tokens.insert(format!("{} ms", limit.0));
    }
    tokens.insert(limits::SOFTPHONE_MIN_VERSION.to_owned());
    tokens
}

/// Phrases that would restate a value of the spec: its names and its figures with units.
fn spec_phrases() -> BTreeSet<String> {
    let mut phrases: BTreeSet<String> = [limits::SERVICE_HOST, limits::SPF_HOST, limits::RECORDING_SENDER]
        .iter()
        .map(|name| (*name).to_owned())
        .collect();
    for rule in FIREWALL_RULES {
        if let Party::Hosts { names, .. } = rule.destination {
            phrases.extend(names.iter().map(|name| (*name).to_owned()));
        }
    }
    for bandwidth in [
        limits::CALL_BANDWIDTH,
        limits::CALENDAR_BANDWIDTH_PER_USER,
        limits::PRESENCE_BANDWIDTH_PER_USER,
        limits::LAN_SPEED,
    ] {
        phrases.insert(bandwidth.to_string());
    }
    phrases.insert(limits::SOFTPHONE_RAM.to_string());
    let screen = limits::ACD_SCREEN;
    phrases.insert(format!("{}×{}", screen.width, screen.height));
    phrases.insert(format!("{}x{}", screen.width, screen.height));
    phrases
}

/// Where a token may stand in a source, and why.
const ALLOWED: &[(&str, &str, &str)] = &[
    // The fallback script cannot import core; `fallback_matrix_matches_core` checks its table
    // and the section it cites.
    ("app/fallback.js", "2.5.1", "checked by fallback_matrix_matches_core"),
];

/// The parts of a line that are code or string, not comment.
fn code_of(line: &str, javascript: bool) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//")
        || trimmed.starts_with("/*")
        || trimmed.starts_with('*')
        || (javascript && trimmed.starts_with("/*"))
    {
        return "";
    }
    line
}

/// Splits into tokens of digits and dots (section numbers, ports, addresses, versions), and
/// keeps "<n> ms" together.
fn tokens_of(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut index = 0;
    while index < bytes.len() {
        // Digits glued after a letter are a name ("x86", "h2"), except a version's "v".
        let glued =
            index > 0 && (bytes[index - 1].is_alphanumeric() || bytes[index - 1] == '_') && bytes[index - 1] != 'v';
        if bytes[index].is_ascii_digit() && !glued {
            let start = index;
            while index < bytes.len() && (bytes[index].is_ascii_digit() || bytes[index] == '.') {
                index += 1;
            }
            let token: String = bytes[start..index].iter().collect::<String>().trim_end_matches('.').to_owned();
            let rest: String = bytes[index..].iter().take(3).collect();
            if rest == " ms" {
                tokens.push(format!("{token} ms"));
            }
            // A number followed by letters is a name, unless they are a type suffix ("5061u16").
            if index >= bytes.len() || !(bytes[index].is_alphabetic() && bytes[index] != 'u') {
                tokens.push(token);
            }
        } else {
            index += 1;
        }
    }
    tokens
}

fn restated(files: &[(String, String)]) -> Vec<String> {
    let spec = spec_tokens();
    let phrases = spec_phrases();
    let mut found = Vec::new();
    for (name, text) in files {
        let javascript = name.ends_with(".js");
        for (number, line) in text.lines().enumerate() {
            let code = code_of(line, javascript);
            for phrase in phrases.iter().filter(|phrase| code.contains(phrase.as_str())) {
                found.push(format!("{name}:{}: {phrase} restates the spec: read it from core", number + 1));
            }
            for token in tokens_of(code) {
                let allowed = ALLOWED.iter().any(|(file, allowed, _)| name == file && token == *allowed);
                if spec.contains(&token) && !allowed {
                    found.push(format!("{name}:{}: {token} restates the spec: read it from core", number + 1));
                }
            }
        }
    }
    found
}

#[test]
fn spec_values_come_from_core() {
    let files: Vec<(String, String)> = sources()
        .iter()
        .map(|path| {
            let name = path.strip_prefix(workspace()).unwrap().to_string_lossy().replace('\\', "/");
            (name, std::fs::read_to_string(path).unwrap())
        })
        .collect();
    assert!(files.len() > 20, "the sources were found");
    let found = restated(&files);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_scan_catches_each_kind_of_restated_value() {
    let check = |line: &str, expected: &[&str]| {
        let found = restated(&[("app/src/planted.rs".to_owned(), line.to_owned())]);
        let tokens: Vec<&str> = found
            .iter()
            .map(|finding| finding.split(": ").nth(1).unwrap().split(" restates").next().unwrap())
            .collect();
        assert_eq!(tokens, expected, "{line}");
    };
    check(r#"let cite = "Spec section 2.5.1";"#, &["2.5.1"]);
    check(r#"format!("{} (6.6.1)", what)"#, &["6.6.1"]);
    check("let ports = [443, 5061, 9443];", &["5061", "9443"]);
    check(r#"let limit = "below 60 ms";"#, &["60 ms"]);
    check(r#"let network = "81.228.2.192/27";"#, &["81.228.2.192"]);
    check(r#"let version = "v3.40";"#, &["3.40"]);
    check(r#"let host = "https://touchpoint.telia.se/";"#, &["touchpoint.telia.se"]);
    check(r#"format!("{calls} calls at 100 kbit/s")"#, &["100 kbit/s"]);
    check(r#"let screen = "1024×768";"#, &["1024×768"]);
    check(r#"let fine = "x86 on port 443 after 200 ms";"#, &[]);
    check("// 2.5.1 in a comment says why, and is fine", &[]);
    // The fallback's allowance is its own.
    assert!(restated(&[("app/fallback.js".to_owned(), r#"cite("2.5.1")"#.to_owned())]).is_empty());
}

/// The rows of the fallback script's `MATRIX`, sorted: (family, min, max or 0, listed as).
fn fallback_matrix(script: &str) -> Vec<(String, u32, u32, String)> {
    let mut rows: Vec<(String, u32, u32, String)> = script
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("[\"") && line.matches(", ").count() >= 3)
        .map(|line| {
            let inner = line.trim_start_matches('[').trim_end_matches(',').trim_end_matches(']');
            let mut parts = inner.splitn(4, ", ");
            let unquote = |text: &str| text.trim().trim_matches('"').to_owned();
            let family = unquote(parts.next().unwrap());
            let min = parts.next().unwrap().trim().parse().unwrap();
            let max = parts.next().unwrap().trim().parse().unwrap();
            (family, min, max, unquote(parts.next().unwrap()))
        })
        .collect();
    rows.sort();
    rows
}

fn core_matrix() -> Vec<(String, u32, u32, String)> {
    let mut rows: Vec<(String, u32, u32, String)> = BROWSER_MATRIX
        .iter()
        .map(|browser| {
            (
                browser.family.slug().to_owned(),
                browser.min_major,
                browser.max_major.unwrap_or(0),
                browser.listed_as.to_owned(),
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn fallback_matrix_matches_core() {
    let script = std::fs::read_to_string(workspace().join("app/fallback.js")).unwrap();
    assert_eq!(fallback_matrix(&script), core_matrix(), "app/fallback.js MATRIX against core's 2.5.1 matrix");
    assert_eq!(sitecheck_core::requirement::requirement("pc.browser").unwrap().section.as_str(), "2.5.1");
    // A planted change to one row is caught.
    let planted = script.replacen("[\"chrome\", 60,", "[\"chrome\", 61,", 1);
    assert_ne!(planted, script, "the plant found its row");
    assert_ne!(fallback_matrix(&planted), core_matrix());
}
