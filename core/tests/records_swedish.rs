//! The SPF/TXT record checker, the S4B/Lync certificate check and the client-secret check in
//! Swedish: every finding they make over inputs chosen to make (nearly) every finding each can,
//! and every problem with what was entered, read in both languages. The Swedish must say
//! something, not be the English, carry the same figures, and hold no English connective words
//! outside quoted input.
// Natively only: like the certificate tests, this reads the fixtures from disk.
#![cfg(not(target_arch = "wasm32"))]

use sitecheck_core::addon::certificate::{
    CertificateOptions, CertificateReport, CertificateSource, ReadError, ServerRole, UnknownRole, read_blocks,
    validate_certificates,
};
use sitecheck_core::addon::secret::{
    LifetimeError, SecretError, SecretInput, SecretLifetime, reminder_ics_in, validate_client_secret,
};
use sitecheck_core::addon::spf::{
    DnsAnswer, DomainError, PasteError, Resolver, SpfRecord, check_domain, validate_txt_records,
};
use sitecheck_core::locale::{Bilingual, Locale};
use sitecheck_core::units::Date;
use sitecheck_core::verdict::Finding;
use std::collections::BTreeSet;
use std::path::Path;

/// Words that mark a sentence left in English.
const ENGLISH_WORDS: [&str; 14] =
    ["the", "is", "not", "and", "with", "of", "to", "from", "are", "was", "cannot", "has", "its", "which"];

/// The text without what stands between double quotes (quoted input, names and terms).
fn unquoted(text: &str) -> String {
    text.split('"').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The runs of digits, a decimal comma read as a point, sorted.
fn figures(text: &str, locale: Locale) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let characters: Vec<char> = text.chars().collect();
    for (index, character) in characters.iter().enumerate() {
        let decimal = match locale {
            Locale::En => *character == '.',
            Locale::Sv => *character == ',',
        };
        let between_digits = index > 0
            && characters[index - 1].is_ascii_digit()
            && characters.get(index + 1).is_some_and(char::is_ascii_digit);
        if character.is_ascii_digit() {
            current.push(*character);
        } else if decimal && between_digits {
            current.push('.');
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    // A point between digits in Swedish too is a version or an address (3.40, 192.0.2.1), as
    // in English: read both alike.
    let mut runs: Vec<String> =
        runs.into_iter().flat_map(|run| run.split('.').map(str::to_owned).collect::<Vec<_>>()).collect();
    runs.sort();
    runs
}

/// Panics, naming `context`, unless `text`'s Swedish is a translation of its English.
fn assert_translated(text: &Bilingual, context: &str) {
    let (en, sv) = (&text.en, &text.sv);
    assert!(!sv.trim().is_empty(), "{context}: no Swedish for {en:?}");
    assert_ne!(en, sv, "{context}: the Swedish is the English");
    assert_eq!(figures(en, Locale::En), figures(sv, Locale::Sv), "{context}: the figures differ\n{en}\n{sv}");
    // Names (hosts, files, terms: anything with a dot, hyphen, colon, slash or equals sign) are
    // not words of either language.
    let words: Vec<String> = unquoted(sv)
        .split_whitespace()
        .filter(|token| {
            !token.trim_end_matches(['.', ',', ';', ':', ')']).contains(['.', '-', ':', '/', '=', '@', '_'])
        })
        .flat_map(|token| token.split(|character: char| !character.is_alphanumeric() && character != '\''))
        .map(str::to_owned)
        .collect();
    for english in ENGLISH_WORDS {
        assert!(
            !words.iter().any(|word| word == english || (word.eq_ignore_ascii_case(english) && english == "the")),
            "{context}: \"{english}\" in the Swedish\n{sv}"
        );
    }
}

/// Both of a finding's texts, and their number in `seen` (by the English's first words).
fn check_finding(finding: &Finding, context: &str, seen: &mut BTreeSet<String>) {
    let context = format!("{context} ({} {})", finding.requirement, finding.verdict.slug());
    assert_translated(&finding.evidence, &format!("{context}: evidence"));
    if let Some(advice) = &finding.advice {
        assert_translated(advice, &format!("{context}: advice"));
    }
    // The finding's kind: its English without figures, quoted terms and names with dots.
    let shape: String = unquoted(&finding.evidence.en)
        .split_whitespace()
        .map(|word| {
            let word = word.trim_matches(|character: char| "(),:;.".contains(character));
            if word.contains('.') || word.chars().any(|character| character.is_ascii_digit()) { "#" } else { word }
        })
        .take(7)
        .collect::<Vec<_>>()
        .join(" ");
    seen.insert(format!("{} {} {shape}", finding.requirement, finding.verdict.slug()));
}

fn both(en: String, sv: String) -> Bilingual {
    Bilingual::new(en, sv)
}

#[test]
fn the_check_catches_english_left_in_the_swedish() {
    let untranslated = [
        Bilingual::same("The record of example.com ends without \"all\"."),
        Bilingual::new("2 SPF records", "3 SPF-poster"),
        Bilingual::new("The chain is complete", "Kedjan is complete"),
        Bilingual::new("Expires on 2026-06-01", ""),
    ];
    for text in untranslated {
        let caught = std::panic::catch_unwind(|| assert_translated(&text, "deliberately untranslated"));
        assert!(caught.is_err(), "{text:?} passed");
    }
    assert_translated(&Bilingual::new("1.6 kbit/s, not \"a and b\"", "1,6 kbit/s, inte \"a and b\""), "quoted");
}

// --- SPF ---------------------------------------------------------------------------------

/// Pasted records meant to make every finding of the offline check.
const PASTED: &[&str] = &[
    "v=spf1 include:spf-b.telia.com -all",
    "v=spf1 include:spf-b.telia.com +all",
    "v=spf1 include:spf-b.telia.com all",
    "v=spf1 include:spf-b.telia.com ?all",
    "v=spf1 include:spf-b.telia.com",
    "v=spf1 include:spf-b.telia.com -all mx a",
    "v=spf1 include:spf-b.telia.com -all mx",
    "v=spf1 include:spf-b.telia.com -all redirect=spf-b.telia.com",
    "v=spf1 redirect=spf-b.telia.com",
    "v=spf1 -all redirect=spf-b.telia.com",
    "v=spf1 ptr include:spf-b.telia.com -all",
    "v=spf1 ip4:0.0.0.0/0 ip6:::/0 include:spf-b.telia.com -all",
    "v=spf1 include=spf-b.telia.com -all",
    "v=spf1 exists:%{p}.example.com include:spf-b.telia.com -all",
    "v=spf1 bogus include:spf-b.telia.com -all",
    "v=spf1 a a a a a a a a a a a include:spf-b.telia.com -all",
    "v=spf1 include:spf-b.telia.com a a a a a a a a a a a -all",
    "v=spf1 a a a a a a a a a a include:spf-b.telia.com -all",
    "v=spf1 ~include:spf-b.telia.com -all",
    "v=spf1 -include:spf-b.telia.com -all",
    "v=spf1 ?include:spf-b.telia.com -all",
    "v=spf1 -all include:spf-b.telia.com",
    "v=spf1 mx -all",
    "v=spf1 include:_spf.google.com ~all",
    "v=spf1 include:_spf.google.com redirect=_spf.example.com",
    "spf2.0/pra include:spf-b.telia.com -all",
    "v=spf1-all\nv=spf1 include:spf-b.telia.com -all",
    " v=spf1 -all",
    "v=spf1 include:spf-b.telia.com -all\nv=spf1 mx -all",
    "v=spf1 include:spf-b.telia.com -all\nv=spf1 mx ptr -all\nv=spf1 +all",
    "google-site-verification=abc",
    "example.com. 300 IN TXT \"google-site-verification=abc\"\nexample.com. 300 IN TXT \"v=spf1 \" \"mx -all\"",
];

/// Records with each syntax error (after record.rs's own table).
const SYNTAX: &[&str] = &[
    "v=spf1 inclde:spf-b.telia.com",
    "v=spf1 spf-b.telia.com -all",
    "v=spf1 ipv4:192.0.2.1",
    "v=spf1 -foo",
    "v=spf1 ip4:192.0.2.256",
    "v=spf1 ip4:192.0.2.0/33",
    "v=spf1 ip4:192.0.2.0/",
    "v=spf1 ip6:2001:db8::/129",
    "v=spf1 ip6:2001:db8:::/64",
    "v=spf1 ip4",
    "v=spf1 ip6",
    "v=spf1 a/024",
    "v=spf1 include",
    "v=spf1 include:",
    "v=spf1 include:com",
    "v=spf1 a:192.0.2.1",
    "v=spf1 include:example.-com",
    "v=spf1 include:a..example.com",
    "v=spf1 exists:%{x}.example.com",
    "v=spf1 exists:%{d0}.example.com",
    "v=spf1 exists:%{d99999999999}.example.com",
    "v=spf1 exists:%{d",
    "v=spf1 exists:%{d2r+x}.example.com",
    "v=spf1 exists:%{c}.example.com",
    "v=spf1 exists:100%.example.com",
    "v=spf1 redirect=a.example.com redirect=b.example.com",
    "v=spf1 exp=a.example.com -all exp=b.example.com",
    "v=spf1 +redirect=a.example.com",
    "v=spf1 all:example.com",
    "v=spf1 ptr/24",
    "v=spf1 include/24",
    "v=spf1 +",
    "v=spf1 a\tmx",
    "v=spf1 include:spf-b.telia.com é",
];

#[path = "../src/addon/spf/test_zone.rs"]
mod test_zone;
use test_zone::Zone;

/// Domains in one zone, each meant to make findings of its own.
fn dns_zone() -> Zone {
    let mut zone = Zone::default()
        .txt("spf-b.telia.com", "v=spf1 ip4:198.51.100.0/24 -all")
        .txt("touchpoint.telia.se", "v=spf1 ip4:203.0.113.0/24 -all")
        .txt("_dmarc.touchpoint.telia.se", "v=DMARC1; p=reject")
        .txt("authorised.example", "v=spf1 mx include:spf-b.telia.com -all")
        .mx("authorised.example", "mail.authorised.example")
        .address("mail.authorised.example", "192.0.2.25")
        .txt("none.example", "google-site-verification=abc")
        .txt("none.example", "v=spf1-all")
        .txt("two.example", "v=spf1 -all")
        .txt("two.example", "v=spf1 include:spf-b.telia.com -all")
        .txt("down-include.example", "v=spf1 include:down.example include:spf-b.telia.com -all")
        .failing("down.example")
        .txt("loop.example", "v=spf1 include:loop2.example include:spf-b.telia.com -all")
        .txt("loop2.example", "v=spf1 include:loop.example -all")
        .txt("missing.example", "v=spf1 include:nothing.example -all")
        .txt("several-include.example", "v=spf1 include:two.example -all")
        .txt("broken-include.example", "v=spf1 include:broken.example include:spf-b.telia.com -all")
        .txt("broken.example", "v=spf1 bogus -all")
        .txt("broken-named.example", "v=spf1 bogus include:spf-b.telia.com -all")
        .txt("many.example", "v=spf1 a a a a a a a a a a a include:spf-b.telia.com -all")
        .txt("late.example", "v=spf1 a a a a a a a a a a include:spf-b.telia.com -all")
        .txt("voids.example", "v=spf1 a:v1.example a:v2.example a:v3.example include:spf-b.telia.com -all")
        .txt("macros.example", "v=spf1 exists:%{i}._spf.macros.example ptr -all")
        .txt("soft.example", "v=spf1 ~include:spf-b.telia.com -all")
        .txt("via.example", "v=spf1 ~include:inner.example -all")
        .txt("inner.example", "v=spf1 include:spf-b.telia.com -all")
        .txt("redirected.example", "v=spf1 redirect=spf-b.telia.com")
        .txt("soft-redirect.example", "v=spf1 ~include:redirector.example -all")
        .txt("redirector.example", "v=spf1 redirect=spf-b.telia.com")
        .txt("typo.example", "v=spf1 include:spf-b.telia.co -all")
        .txt("spf-b.telia.co", "v=spf1 bogus -all")
        .txt("telia-down.example", "v=spf1 include:spf-c.telia.com -all")
        .txt("includes-pass.example", "v=spf1 include:open.example -all")
        .txt("open.example", "v=spf1 +all")
        .txt("open-self.example", "v=spf1 ?all")
        .txt("plain.example", "v=spf1 mx -all")
        .mx("plain.example", "mail.plain.example")
        .address("mail.plain.example", "192.0.2.26")
        .txt("temp.example", "v=spf1 a:flaky.example -all")
        .failing("flaky.example")
        .txt("mx-down.example", "v=spf1 mx include:spf-b.telia.com -all")
        .mx("mx-down.example", "mx.mx-down.example")
        .failing("mx.mx-down.example")
        .txt("after-all.example", "v=spf1 -all include:spf-b.telia.com")
        .txt("telia-broken.example", "v=spf1 include:spf-b.telia.com -all")
        .failing("txt-down.example");
    zone = zone.txt("manymx.example", "v=spf1 mx include:spf-b.telia.com -all");
    for index in 0..11 {
        let name = format!("mx{index}.manymx.example");
        zone = zone.mx("manymx.example", &name).address(&name, "192.0.2.1");
    }
    zone
}

const DOMAINS: &[&str] = &[
    "authorised.example",
    "none.example",
    "absent.example",
    "two.example",
    "down-include.example",
    "loop.example",
    "missing.example",
    "several-include.example",
    "broken-include.example",
    "broken-named.example",
    "many.example",
    "late.example",
    "voids.example",
    "macros.example",
    "soft.example",
    "via.example",
    "redirected.example",
    "soft-redirect.example",
    "typo.example",
    "includes-pass.example",
    "open-self.example",
    "plain.example",
    "temp.example",
    "mx-down.example",
    "after-all.example",
    "manymx.example",
    "txt-down.example",
];

#[test]
fn every_spf_finding_is_in_swedish() {
    let mut seen = BTreeSet::new();
    for input in PASTED.iter().chain(SYNTAX) {
        let report = validate_txt_records(input).unwrap_or_else(|error| panic!("{input}: {error}"));
        for finding in &report.findings {
            check_finding(&finding.finding, input, &mut seen);
        }
        for record in &report.records {
            for error in &record.errors {
                assert_translated(
                    &both(error.message_in(Locale::En), error.message_in(Locale::Sv)),
                    &format!("{input}: syntax error"),
                );
            }
        }
    }
    // The recording sender's domain in each state: one record, none, several, failing; DMARC
    // found, absent, failing.
    let sender_states = [
        dns_zone(),
        {
            let mut zone = dns_zone();
            zone.names.remove("touchpoint.telia.se");
            zone.names.remove("_dmarc.touchpoint.telia.se");
            zone
        },
        dns_zone().txt("touchpoint.telia.se", "v=spf1 -all"),
        dns_zone().failing("touchpoint.telia.se").failing("_dmarc.touchpoint.telia.se"),
        // Telia's own record twice: what goes wrong inside it.
        dns_zone().txt("spf-b.telia.com", "v=spf1 -all"),
        {
            let mut zone = dns_zone().txt("_dmarc.touchpoint.telia.se", "unrelated");
            zone.names.get_mut("_dmarc.touchpoint.telia.se").unwrap().0.remove(0);
            zone
        },
    ];
    for (state, zone) in sender_states.iter().enumerate() {
        for domain in DOMAINS {
            let mut zone = zone.clone();
            let report = check_domain(domain, &mut zone).unwrap();
            for finding in &report.findings {
                check_finding(&finding.finding, &format!("{domain} (sender state {state})"), &mut seen);
            }
        }
    }
    // Enough distinct findings that the inputs above did not collapse to a few.
    assert!(seen.len() >= 58, "{} kinds of finding: {seen:#?}", seen.len());
}

#[test]
fn spf_input_problems_are_in_swedish() {
    for input in ["", " \n; a comment", "\"v=spf1 -all", "\"\\999\""] {
        let error: PasteError = validate_txt_records(input).unwrap_err();
        assert_translated(&both(error.message_in(Locale::En), error.message_in(Locale::Sv)), input);
        assert_eq!(error.message_in(Locale::En), error.to_string());
    }
    let error: DomainError = check_domain("not a domain", &mut Zone::default()).unwrap_err();
    assert_translated(&both(error.message_in(Locale::En), error.message_in(Locale::Sv)), "domain");
    // Every syntax error of a record, through the parser's own errors.
    for input in SYNTAX {
        let errors = SpfRecord::parse(input).unwrap_err();
        for error in &errors.errors {
            assert_translated(&error.kind.message(), input);
        }
    }
}

#[test]
fn the_report_is_written_in_the_language_asked_for() {
    let report = validate_txt_records("v=spf1 bogus include:spf-b.telia.com -all").unwrap();
    let swedish = sitecheck_core::locale::written(sitecheck_core::locale::Written::In(Locale::Sv), || {
        serde_json::to_value(&report).unwrap()
    });
    assert_eq!(swedish["findings"][0]["evidence"], "Posten på rad 1, kolumn 8: okänd mekanism \"bogus\".");
    assert_eq!(swedish["records"][0]["errors"][0]["message"], "okänd mekanism \"bogus\"");
    let english = serde_json::to_value(&report).unwrap();
    assert_eq!(english["records"][0]["errors"][0]["message"], "unknown mechanism \"bogus\"");
}

// --- Certificates ----------------------------------------------------------------------------

/// The day the fixtures' dates are set around (see make.sh).
const TODAY: Date = Date::new(2026, 6, 1);

fn fixture(name: &str) -> CertificateSource {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/certificates").join(name);
    CertificateSource { name: name.to_owned(), bytes: std::fs::read(&path).unwrap() }
}

fn fixtures() -> Vec<String> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/certificates");
    let mut names: Vec<String> = std::fs::read_dir(directory)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".sh"))
        .collect();
    names.sort();
    names
}

fn check_certificates(report: &CertificateReport, context: &str, seen: &mut BTreeSet<String>) {
    for finding in &report.findings {
        check_finding(&finding.finding, context, seen);
    }
    for problem in &report.unreadable {
        assert_translated(&problem.message, &format!("{context}: {}", problem.problem));
        assert_eq!(problem.message.en, problem.problem);
    }
    for certificate in &report.certificates {
        let purposes = certificate.purposes.described();
        // Server and Client Authentication are names, the same in Swedish.
        let names_only =
            purposes.en.split(", ").all(|name| matches!(name, "Server Authentication" | "Client Authentication"));
        if !names_only {
            assert_translated(&purposes, &format!("{context}: purposes"));
        }
        assert_eq!(certificate.purposes.described().en, certificate.purposes.describe());
        let key = certificate.key_text();
        assert_eq!(key.en, certificate.key);
    }
    for chain in &report.chains {
        assert_translated(&chain.end_described(), &format!("{context}: chain end"));
        assert_eq!(chain.end_described().en, chain.describe_end());
    }
}

#[test]
fn every_certificate_finding_is_in_swedish() {
    let names = fixtures();
    let mut seen = BTreeSet::new();
    let days = [-4000, -400, -40, 0, 20, 40, 200, 330, 360, 380, 700, 1000, 3000, 4000];
    let mut dates: Vec<Date> =
        days.iter().map(|offset| Date::from_days_since_epoch(TODAY.days_since_epoch() + offset)).collect();
    // A month before each certificate's expiry and just after, for the notices.
    let all: Vec<CertificateSource> = names.iter().map(|name| fixture(name)).collect();
    let whole = validate_certificates(&all, &CertificateOptions::default(), TODAY);
    for certificate in &whole.certificates {
        for offset in [-40, -20, -1, 1] {
            dates.push(Date::from_days_since_epoch(certificate.not_after.days_since_epoch() + offset));
        }
        dates.push(Date::from_days_since_epoch(certificate.not_before.days_since_epoch() - 1));
    }
    for role in ServerRole::ALL {
        let options = CertificateOptions { role: *role };
        for today in &dates {
            check_certificates(&validate_certificates(&all, &options, *today), "all fixtures", &mut seen);
            for name in &names {
                let report = validate_certificates(&[fixture(name)], &options, *today);
                check_certificates(&report, &format!("{name} on {today}"), &mut seen);
            }
        }
        // Pairs once: the role changes only the requirements and the servers' name.
        if *role != ServerRole::FrontEnd {
            continue;
        }
        for first in &names {
            for second in &names {
                let report = validate_certificates(&[fixture(first), fixture(second)], &options, TODAY);
                check_certificates(&report, &format!("{first} and {second}"), &mut seen);
            }
        }
    }
    assert!(seen.len() >= 100, "{} kinds of finding: {seen:#?}", seen.len());
}

#[test]
fn certificate_input_problems_are_in_swedish() {
    let inputs: [&[u8]; 12] = [
        b"",
        b"hello world",
        b"-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n",
        b"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
        b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n",
        b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
        &[0x30, 0x03, 0x02, 0x01, 0x03],
        &[0x30, 0x03, 0x02, 0x01, 0x00],
        &[0x30, 0x03, 0x30, 0x01, 0x00],
        &[0x30, 0x03, 0x30, 0x01, 0x00, 0x05],
        &[0x30, 0x0b, 0x06, 0x01, 0x2a, 0xa0, 0x06, 0x30, 0x04, 0x02, 0x01, 0x01, 0x31],
    ];
    let mut kinds = std::collections::HashSet::new();
    for input in inputs {
        for block in read_blocks(input) {
            let Err(error) = block else { continue };
            let error: ReadError = error;
            kinds.insert(std::mem::discriminant(&error));
            assert_translated(&error.message(), &error.to_string());
            assert_eq!(error.message_in(Locale::En), error.to_string());
        }
    }
    assert!(kinds.len() >= 9, "{} kinds of problem", kinds.len());
    let unknown: UnknownRole = "edge".parse::<ServerRole>().unwrap_err();
    assert_translated(&both(unknown.message_in(Locale::En), unknown.message_in(Locale::Sv)), "role");
}

// --- The client secret -------------------------------------------------------------------------

#[test]
fn every_client_secret_finding_and_reminder_is_in_swedish() {
    let mut seen = BTreeSet::new();
    let created = Date::new(2026, 1, 15);
    let cases = [
        (created, "12m", Date::new(2026, 6, 1)),
        (created, "1m", Date::new(2026, 1, 20)),
        (created, "6m", Date::new(2026, 6, 15)),
        (created, "90 days", Date::new(2026, 4, 15)),
        (created, "90 days", Date::new(2026, 4, 16)),
        (created, "1 day", Date::new(2026, 3, 16)),
        (created, "731 days", Date::new(2026, 6, 1)),
        (created, "25m", Date::new(2026, 6, 1)),
        (Date::new(2026, 7, 1), "6m", Date::new(2026, 6, 1)),
    ];
    for (created, lifetime, today) in cases {
        let lifetime: SecretLifetime = lifetime.parse().unwrap();
        let report = validate_client_secret(&SecretInput { created, lifetime }, today).unwrap();
        let context = format!("{created} {lifetime} on {today}");
        for finding in &report.findings {
            check_finding(finding, &context, &mut seen);
        }
        assert_eq!(report.ics_in(Locale::Sv), reminder_ics_in(&report, today, Locale::Sv));
        let unfold = |text: &str| sitecheck_core::addon::ics::unfold(text);
        let (english, swedish) = (unfold(report.ics_in(Locale::En)), unfold(report.ics_in(Locale::Sv)));
        let property = |lines: &[String], name: &str| -> String {
            lines.iter().find_map(|line| line.strip_prefix(name)).unwrap_or_default().replace("\\n", " ")
        };
        for name in ["SUMMARY:", "DESCRIPTION:"] {
            let text = both(property(&english, name), property(&swedish, name).replace("\\,", ",").replace("\\;", ";"));
            assert_translated(&text, &format!("{context}: {name}"));
        }
        assert_eq!(property(&english, "UID:"), property(&swedish, "UID:"), "one event in either language");
        assert!(swedish.iter().any(|line| line.starts_with("PRODID:") && line.ends_with("//SV")));
    }
    assert_eq!(seen.len(), 11, "{seen:#?}");
}

#[test]
fn client_secret_problems_are_in_swedish() {
    for text in ["two years", "0m"] {
        let error: LifetimeError = text.parse::<SecretLifetime>().unwrap_err();
        assert_translated(&both(error.message_in(Locale::En), error.message_in(Locale::Sv)), text);
    }
    let input = SecretInput { created: Date::new(9999, 6, 1), lifetime: SecretLifetime::Months(12) };
    let error: SecretError = validate_client_secret(&input, TODAY).unwrap_err();
    assert_translated(&both(error.message_in(Locale::En), error.message_in(Locale::Sv)), "out of range");
    // Swedish units are read too.
    assert_eq!("12 månader".parse::<SecretLifetime>(), Ok(SecretLifetime::Months(12)));
    assert_eq!("90 dagar".parse::<SecretLifetime>(), Ok(SecretLifetime::Days(90)));
    assert_eq!("1 dag".parse::<SecretLifetime>(), Ok(SecretLifetime::Days(1)));
    assert_eq!(SecretLifetime::Months(1).in_locale(Locale::Sv), "1 månad");
    assert_eq!(SecretLifetime::Days(90).text(), Bilingual::new("90 days", "90 dagar"));
}
