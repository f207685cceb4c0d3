//! Every check the app can show has a card title in `CHECK_TITLES`: every producer of findings
//! is run over the inputs that reach each of its branches, and each finding's requirement must
//! have its title.

use sitecheck_core::device::{AudioDevices, DeviceFacts, environment_findings};
use sitecheck_core::environment::{Signals, detect};
use sitecheck_core::ice::{Candidate, CandidateKind, GatherEnd, Gathered, udp_findings};
use sitecheck_core::network::{
    FetchOutcome, Method, Sample, blocked_port_findings, network_findings, reachability_finding, throughput_finding,
};
use sitecheck_core::units::Date;

mod translation;
use sitecheck_core::verdict::{CHECK_TITLES, Finding};
use translation::figures;

fn user_agents() -> Vec<String> {
    include_str!("data/user-agents.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').nth(4).map(str::to_owned))
        .collect()
}

fn all_findings() -> Vec<Finding> {
    let mut findings = Vec::new();
    let facts = [
        DeviceFacts::default(),
        DeviceFacts {
            device_memory: Some(2.0),
            screen_css: Some((800, 600)),
            device_pixel_ratio: Some(1.0),
            audio: AudioDevices::Listed { inputs: 0, outputs: 0 },
        },
    ];
    for user_agent in user_agents() {
        for touch in [Some(0), Some(5)] {
            let environment = detect(&Signals { user_agent: user_agent.clone(), hints: None, max_touch_points: touch });
            for facts in &facts {
                findings.extend(environment_findings(
                    &environment,
                    facts,
                    Date::new(2026, 12, 2),
                    &sitecheck_core::policy::ReleaseTable::builtin(),
                ));
            }
        }
    }
    let samples: Vec<Sample> =
        (0..40).map(|index| if index % 7 == 0 { None } else { Some(20_000 + index * 500) }).collect();
    findings.extend(network_findings(&samples, &Method::new("test")));
    findings.extend(network_findings(&[None; 3], &Method::new("test")));
    findings.extend(network_findings(&[], &Method::new("test")));
    for outcome in [
        FetchOutcome::Answered { elapsed_ms: 30 },
        FetchOutcome::FailedAtOnce { elapsed_ms: 1 },
        FetchOutcome::NoAnswer { timeout_ms: 3000 },
    ] {
        findings.push(reachability_finding("https://example.test/", outcome));
    }
    findings.extend(blocked_port_findings(&["https://example.test:5061/".to_owned()], 5061));
    let candidate = |kind| Candidate { protocol: "udp".into(), address: "192.0.2.1".into(), port: 5000, kind };
    for candidates in [vec![], vec![candidate(CandidateKind::Relay)], vec![candidate(CandidateKind::ServerReflexive)]] {
        findings.extend(udp_findings(&[Gathered {
            server: "turn:example.test".into(),
            candidates,
            end: GatherEnd::Complete,
        }]));
    }
    findings.extend(udp_findings(&[]));
    findings.push(throughput_finding(10, 1000, 1000, 1000, "turn:example.test"));
    findings.push(throughput_finding(10, 1000, 1000, 10, "turn:example.test"));
    // The add-on files.
    use sitecheck_core::addon::{certificate, numbers, secret, users};
    let today = Date::new(2026, 6, 1);
    for role in [certificate::ServerRole::FrontEnd, certificate::ServerRole::Mediation] {
        for fixture in [
            "chain-in-order.pem",
            "self-signed.pem",
            "leaf-wildcard-san.pem",
            "unknown-issuer-leaf.pem",
            "chain-expired-intermediate.pem",
        ] {
            let path = format!("{}/tests/data/certificates/{fixture}", env!("CARGO_MANIFEST_DIR"));
            let source = certificate::CertificateSource { name: fixture.into(), bytes: std::fs::read(path).unwrap() };
            let report =
                certificate::validate_certificates(&[source], &certificate::CertificateOptions { role }, today);
            findings.extend(report.findings.into_iter().map(|found| found.finding));
        }
    }
    for integration in [numbers::Integration::Teams, numbers::Integration::SkypeForBusiness] {
        let options = numbers::NumbersOptions { integration, ..numbers::NumbersOptions::default() };
        let report = numbers::validate_numbers(b"+46812345678\n08-123 45 67\nnonsense\n", &options, today);
        findings.extend(report.findings.into_iter().map(|found| found.finding));
    }
    for direction in [users::Direction::Import, users::Direction::Export] {
        let file = b"mail,mobile\nanna@example.com,070-123 45 67\n,\nanna@example.com,+46701234567\n";
        let options = users::UsersOptions { direction, ..users::UsersOptions::default() };
        findings.extend(users::validate_users(file, &options, today).findings.into_iter().map(|found| found.finding));
    }
    for (created, lifetime) in [
        (Date::new(2025, 1, 1), secret::SecretLifetime::Months(24)),
        (Date::new(2020, 1, 1), secret::SecretLifetime::Months(36)),
    ] {
        let report = secret::validate_client_secret(&secret::SecretInput { created, lifetime }, today).unwrap();
        findings.extend(report.findings);
    }
    for records in ["v=spf1 include:spf-b.telia.com -all", "v=spf1 mx ?all", "v=spf1 inclde:x.example -all"] {
        let report = sitecheck_core::addon::spf::validate_txt_records(records).unwrap();
        findings.extend(report.findings.into_iter().map(|found| found.finding));
    }
    findings
}

#[test]
fn every_check_has_a_card_title() {
    let findings = all_findings();
    assert!(findings.len() > 100, "the producers ran");
    for finding in &findings {
        assert!(
            CHECK_TITLES.iter().any(|(id, _)| *id == finding.requirement),
            "{} has no card title in CHECK_TITLES",
            finding.requirement
        );
    }
    for (id, title) in CHECK_TITLES {
        assert!(
            !title.en.is_empty() && findings.iter().any(|finding| finding.requirement == *id),
            "{id}: a title no check uses"
        );
        assert!(!title.sv.is_empty() && title.sv != title.en, "{id}: the title is not in Swedish");
    }
}

/// Every finding any check makes reads in Swedish: not the English left in place, with the
/// same figures. (Each area's own tests look closer: words left in English, every branch.)
#[test]
fn every_finding_reads_in_swedish() {
    let findings = all_findings();
    for finding in &findings {
        let texts = std::iter::once(&finding.evidence).chain(finding.advice.as_ref());
        for text in texts {
            assert!(!text.sv.trim().is_empty(), "{}: no Swedish for {:?}", finding.requirement, text.en);
            assert_ne!(text.sv, text.en, "{}: left in English", finding.requirement);
            assert_eq!(figures(&text.en), figures(&text.sv), "{}: {:?} / {:?}", finding.requirement, text.en, text.sv);
        }
    }
}
