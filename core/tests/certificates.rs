//! The S4B/Lync certificate check (3.2.1, 3.2.2) on the fixtures of `data/certificates/`, made
//! by its `make.sh` with openssl: every purpose variant, wildcards, expiry, chains in order, out
//! of order, missing a link or linked to another key, self-signed, a public CA by name, and the
//! same certificate as PEM, DER, Base64 and PKCS #7.
// Natively only: proptest's random source does not build for wasm32-unknown-unknown.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sitecheck_core::addon::certificate::{
    CertificateOptions, CertificateReport, CertificateSource, ChainEnd, Issuance, LinkBasis, Purposes, ServerRole,
    ca_bundle, read_blocks, validate_certificates,
};
use sitecheck_core::units::Date;
use sitecheck_core::verdict::Verdict::{self, Fail, NeedsConfirmation, NotApplicable, Pass, Warning};
use std::path::Path;

/// The day the fixtures' dates are set around (see make.sh).
const TODAY: Date = Date::new(2026, 6, 1);

fn fixture(name: &str) -> CertificateSource {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/certificates").join(name);
    CertificateSource {
        name: name.to_owned(),
        bytes: std::fs::read(&path).unwrap_or_else(|error| panic!("{name}: {error}")),
    }
}

fn report(files: &[&str], role: ServerRole) -> CertificateReport {
    let sources: Vec<CertificateSource> = files.iter().map(|name| fixture(name)).collect();
    validate_certificates(&sources, &CertificateOptions { role }, TODAY)
}

/// The findings of `files` for the Front End role, as (requirement without its "s4b." prefix,
/// verdict), in order.
fn check(files: &[&str], expected: &[(&str, Verdict)]) {
    let report = report(files, ServerRole::FrontEnd);
    assert!(report.unreadable.is_empty(), "{files:?}: {:?}", report.unreadable);
    let seen: Vec<(String, Verdict)> = report
        .findings
        .iter()
        .map(|finding| {
            let id = finding.finding.requirement.as_str();
            (id.strip_prefix("s4b.").unwrap_or(id).to_owned(), finding.finding.verdict)
        })
        .collect();
    let expected: Vec<(String, Verdict)> = expected.iter().map(|(id, verdict)| ((*id).to_owned(), *verdict)).collect();
    assert_eq!(
        seen,
        expected,
        "{files:?}:\n{}",
        report
            .findings
            .iter()
            .map(|finding| format!(
                "{} {:?} {}",
                finding.finding.requirement, finding.finding.verdict, finding.finding.evidence.en
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A lone server certificate whose issuer was not given, and is not a public CA by name.
fn alone(wildcard: Verdict, purposes: Verdict, validity: Verdict) -> Vec<(&'static str, Verdict)> {
    vec![
        ("no-wildcard", wildcard),
        ("certificate-eku", purposes),
        ("public-certificate", NeedsConfirmation),
        ("public-certificate", validity),
        ("private-certificate", NeedsConfirmation),
        ("private-certificate-valid", NeedsConfirmation),
        ("private-certificate-notice", NeedsConfirmation),
    ]
}

#[test]
fn purposes_wildcards_and_expiry_of_a_lone_server_certificate() {
    check(&["leaf-both.pem"], &alone(Pass, Pass, Pass));
    check(&["leaf-server-only.pem"], &alone(Pass, Fail, Pass));
    check(&["leaf-client-only.pem"], &alone(Pass, Fail, Pass));
    check(&["leaf-no-eku.pem"], &alone(Pass, Warning, Pass));
    check(&["leaf-any-eku.pem"], &alone(Pass, Warning, Pass));
    check(&["leaf-wildcard-cn.pem"], &alone(Fail, Pass, Pass));
    check(&["leaf-wildcard-san.pem"], &alone(Fail, Pass, Pass));
    check(&["leaf-expired.pem"], &alone(Pass, Pass, Fail));
    check(&["leaf-expiring-soon.pem"], &alone(Pass, Pass, Warning));
    check(&["unknown-issuer-leaf.pem"], &alone(Pass, Pass, Pass));
}

/// A private chain of the server certificate, one intermediate and the root.
const PRIVATE_CHAIN: &[(&str, Verdict)] = &[
    ("no-wildcard", Pass),
    ("certificate-eku", Pass),
    ("public-certificate", Warning),
    ("public-certificate", Pass),
    ("private-certificate", NeedsConfirmation),
    ("private-certificate-valid", Pass),
    ("private-certificate-notice", Pass),
    ("private-certificate-notice", Pass),
];

#[test]
fn chains() {
    check(&["chain-in-order.pem"], PRIVATE_CHAIN);
    // The same chain in three files, in any order: files have no order to keep.
    check(&["root.pem", "leaf-both.pem", "intermediate.pem"], PRIVATE_CHAIN);
    let mut out_of_order = PRIVATE_CHAIN.to_vec();
    out_of_order[5] = ("private-certificate-valid", Warning);
    check(&["chain-out-of-order.pem"], &out_of_order);
    check(
        &["chain-missing-intermediate.pem"],
        &[
            ("no-wildcard", Pass),
            ("certificate-eku", Pass),
            ("public-certificate", NeedsConfirmation),
            ("public-certificate", Pass),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Fail),
            ("private-certificate-notice", NeedsConfirmation),
            // The root given on its own is still dated.
            ("private-certificate-notice", Pass),
        ],
    );
    check(
        &["chain-other-key.pem"],
        &[
            ("no-wildcard", Pass),
            ("certificate-eku", Pass),
            ("public-certificate", NeedsConfirmation),
            ("public-certificate", Pass),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Fail),
            ("private-certificate-notice", NeedsConfirmation),
            ("private-certificate-notice", Pass),
            ("private-certificate-notice", Pass),
        ],
    );
    check(
        &["chain-expired-intermediate.pem"],
        &[
            ("no-wildcard", Pass),
            ("certificate-eku", Pass),
            ("public-certificate", Warning),
            // The server certificate's last day is the fixtures' today.
            ("public-certificate", Warning),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Fail),
            ("private-certificate-notice", Fail),
            ("private-certificate-notice", Pass),
        ],
    );
    check(
        &["self-signed.pem"],
        &[
            ("no-wildcard", Pass),
            ("certificate-eku", Pass),
            ("public-certificate", Warning),
            ("public-certificate", Pass),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Pass),
            ("private-certificate-notice", Pass),
        ],
    );
}

#[test]
fn a_public_ca_is_a_name_match_and_says_so() {
    let public = [
        ("no-wildcard", Pass),
        ("certificate-eku", Pass),
        ("public-certificate", Pass),
        ("public-certificate", Pass),
        ("private-certificate", NotApplicable),
        ("private-certificate-valid", NotApplicable),
        ("private-certificate-notice", NotApplicable),
    ];
    // By the root given, and by the issuer's name when only the server certificate is.
    check(&["chain-public-lookalike.pem"], &public);
    check(&["public-leaf.pem"], &public);
    let report = report(&["public-leaf.pem"], ServerRole::FrontEnd);
    let evidence = &report.findings[2].finding.evidence.en;
    assert!(evidence.contains("\"DigiCert Inc\"") && evidence.contains("name match, not a verification"), "{evidence}");
    assert!(report.bundle.is_none(), "nothing private to send");
}

#[test]
fn ca_certificates_alone_are_the_bundle_for_telia() {
    check(
        &["ca-only.pem"],
        &[
            ("no-wildcard", NeedsConfirmation),
            ("certificate-eku", NeedsConfirmation),
            ("public-certificate", NeedsConfirmation),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Pass),
            ("private-certificate-notice", Pass),
            ("private-certificate-notice", Pass),
        ],
    );
    check(
        &["intermediate-expired.pem"],
        &[
            ("no-wildcard", NeedsConfirmation),
            ("certificate-eku", NeedsConfirmation),
            ("public-certificate", NeedsConfirmation),
            ("private-certificate", NeedsConfirmation),
            ("private-certificate-valid", Fail),
            ("private-certificate-notice", NeedsConfirmation),
        ],
    );
}

#[test]
fn the_bundle_holds_the_root_and_intermediates_in_order() {
    let names = |report: &CertificateReport| -> Vec<String> {
        report.bundle.as_ref().map_or_else(Vec::new, |bundle| {
            bundle.certificates.iter().map(|index| report.certificates[*index].name().to_owned()).collect()
        })
    };
    for files in
        [&["chain-in-order.pem"][..], &["chain-out-of-order.pem"], &["root.pem", "intermediate.pem", "leaf-both.pem"]]
    {
        let report = report(files, ServerRole::FrontEnd);
        assert_eq!(names(&report), ["Contoso Issuing CA 1", "Contoso Private Root CA"], "{files:?}");
        // The bundle reads back as the same two certificates, in the same order.
        let bundle = report.bundle.as_ref().unwrap();
        let again = validate_certificates(
            &[CertificateSource { name: "bundle".into(), bytes: bundle.pem.clone().into_bytes() }],
            &CertificateOptions::default(),
            TODAY,
        );
        let subjects: Vec<&[u8]> =
            again.certificates.iter().map(|certificate| certificate.subject.as_bytes()).collect();
        let expected: Vec<&[u8]> =
            bundle.certificates.iter().map(|index| report.certificates[*index].subject.as_bytes()).collect();
        assert_eq!(subjects, expected);
        assert_eq!(ca_bundle(&report.certificates, &report.chains).as_ref(), Some(bundle));
    }
    assert_eq!(names(&report(&["self-signed.pem"], ServerRole::FrontEnd)), ["fe01.contoso.example"]);
    assert!(names(&report(&["leaf-both.pem"], ServerRole::FrontEnd)).is_empty(), "nothing known to be private");
}

#[test]
fn the_certificate_details_are_read() {
    let report = report(&["chain-in-order.pem"], ServerRole::FrontEnd);
    let leaf = &report.certificates[0];
    assert_eq!(leaf.subject, "C=SE, O=Contoso, CN=fe01.contoso.example");
    assert_eq!(leaf.alternative_names, ["DNS:fe01.contoso.example", "DNS:pool.contoso.example"]);
    assert_eq!(leaf.issuer, "C=SE, O=Contoso, CN=Contoso Issuing CA 1");
    assert_eq!((leaf.not_before, leaf.not_after), (Date::new(2026, 1, 1), Date::new(2027, 1, 1)));
    assert_eq!((leaf.key.as_str(), leaf.key_bits), ("RSA 2048 bits", Some(2048)));
    assert_eq!(
        leaf.purposes,
        Purposes::Listed { server_authentication: true, client_authentication: true, any: false, other: vec![] }
    );
    assert!(!leaf.is_ca && report.certificates[1].is_ca && report.certificates[2].is_ca);
    assert_eq!((leaf.line, report.certificates[1].line.is_some()), (Some(1), true));
    assert_eq!(leaf.authority_key_id, report.certificates[1].subject_key_id);
    let chain = &report.chains[0];
    assert_eq!(chain.certificates, [0, 1, 2]);
    assert_eq!(chain.links, [LinkBasis::KeyIdentifier, LinkBasis::KeyIdentifier]);
    assert_eq!((&chain.end, &chain.issuance), (&ChainEnd::SelfSigned, &Issuance::Private { root: 2 }));
    let ec = &report_of("leaf-server-only.pem").certificates[0];
    assert_eq!((ec.key.as_str(), ec.key_bits), ("EC P-256", Some(256)));
    // Every finding about a certificate points at its file and line.
    for finding in &report.findings {
        if let Some(index) = finding.certificate {
            assert_eq!(finding.line, report.certificates[index].line);
            assert_eq!(finding.source.as_deref(), Some("chain-in-order.pem"));
        }
    }
}

fn report_of(file: &str) -> CertificateReport {
    report(&[file], ServerRole::FrontEnd)
}

#[test]
fn pem_der_base64_and_pkcs7_read_alike() {
    let subjects = |report: &CertificateReport| -> Vec<String> {
        report.certificates.iter().map(|certificate| certificate.subject.clone()).collect()
    };
    let pem = report_of("leaf-both.pem");
    for other in ["leaf-both.cer", "leaf-both.b64"] {
        let report = report_of(other);
        assert_eq!(subjects(&report), subjects(&pem), "{other}");
        assert_eq!(report.certificates[0].not_after, pem.certificates[0].not_after);
    }
    assert_eq!(report_of("leaf-both.cer").certificates[0].line, None);
    assert_eq!(subjects(&report_of("chain-in-order.p7b")), subjects(&report_of("chain-in-order.pem")));
}

#[test]
fn keys_and_rubbish_are_refused_with_a_reason() {
    let key = report_of("private-key.pem");
    assert!(key.certificates.is_empty() && key.findings.is_empty());
    assert_eq!(key.unreadable.len(), 1);
    assert!(key.unreadable[0].problem.contains("private key") && key.unreadable[0].problem.contains("never be sent"));
    assert_eq!(key.unreadable[0].line, Some(1));
    // A key pasted with the chain: the chain is judged, the key refused.
    let both = report(&["chain-in-order.pem", "private-key.pem"], ServerRole::FrontEnd);
    assert_eq!((both.certificates.len(), both.unreadable.len()), (3, 1));
    let garbage = validate_certificates(
        &[CertificateSource { name: "pasted text".into(), bytes: b"hello".to_vec() }],
        &CertificateOptions::default(),
        TODAY,
    );
    assert!(garbage.unreadable[0].problem.contains("not PEM, DER or Base64"), "{:?}", garbage.unreadable);
}

#[test]
fn the_role_picks_the_requirements() {
    for role in ServerRole::ALL {
        let report = report(&["chain-in-order.pem"], *role);
        let ids = role.requirement_ids();
        assert!(report.findings.iter().all(|finding| ids.contains(&finding.finding.requirement)), "{role:?}");
        for id in ids {
            assert!(
                report.findings.iter().any(|finding| finding.finding.requirement == id),
                "{id} reported for {role:?}"
            );
        }
        let section = if *role == ServerRole::FrontEnd { "3.2.1" } else { "3.2.2" };
        assert!(report.findings.iter().all(|finding| finding.finding.section.as_str() == section));
    }
    assert_eq!("mediation".parse::<ServerRole>(), Ok(ServerRole::Mediation));
    assert_eq!("Front-End".parse::<ServerRole>(), Ok(ServerRole::FrontEnd));
    assert!("edge".parse::<ServerRole>().is_err());
}

#[test]
fn the_report_serialises_for_the_worker() {
    let report = report_of("chain-in-order.pem");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["role"], "front-end");
    assert_eq!(json["certificates"][0]["not_after"], "2027-01-01");
    assert_eq!(json["chains"][0]["issuance"]["kind"], "private");
    assert_eq!(json["findings"][0]["requirement"], "s4b.no-wildcard");
    assert_eq!(json["findings"][0]["line"], 1);
    assert!(json["bundle"]["pem"].as_str().unwrap().starts_with("-----BEGIN CERTIFICATE-----\n"));
}

fn all_fixture_bytes() -> Vec<Vec<u8>> {
    ["chain-in-order.pem", "leaf-both.cer", "chain-in-order.p7b", "leaf-both.b64"]
        .iter()
        .map(|name| fixture(name).bytes)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_certificates_never_panic(
        which in 0usize..4, at in any::<prop::sample::Index>(), value in any::<u8>(), cut in any::<prop::sample::Index>()
    ) {
        let mut bytes = all_fixture_bytes().swap_remove(which);
        let position = at.index(bytes.len());
        bytes[position] = value;
        bytes.truncate(cut.index(bytes.len()) + 1);
        let report = validate_certificates(
            &[CertificateSource { name: "damaged".into(), bytes: bytes.clone() }],
            &CertificateOptions::default(),
            TODAY,
        );
        prop_assert!(!report.certificates.is_empty() || !report.unreadable.is_empty());
        prop_assert!(!read_blocks(&bytes).is_empty());
    }

    #[test]
    fn any_date_gives_a_verdict_on_every_requirement(days in -20_000i64..20_000) {
        let today = Date::from_days_since_epoch(TODAY.days_since_epoch() + days);
        let report = validate_certificates(&[fixture("chain-in-order.pem")], &CertificateOptions::default(), today);
        for id in ServerRole::FrontEnd.requirement_ids() {
            prop_assert!(report.findings.iter().any(|finding| finding.finding.requirement == id));
        }
    }
}

/// Debian's bundle of Mozilla's roots, where the machine has it: every one read, each its own
/// chain, and the listed names recognised.
#[test]
fn the_system_root_store_reads_whole() {
    let path = Path::new("/etc/ssl/certs/ca-certificates.crt");
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("{} is not on this machine: skipped", path.display());
        return;
    };
    let blocks = String::from_utf8_lossy(&bytes).matches("-----BEGIN CERTIFICATE-----").count();
    let report = validate_certificates(
        &[CertificateSource { name: "roots".into(), bytes }],
        &CertificateOptions::default(),
        TODAY,
    );
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    assert_eq!(report.certificates.len(), blocks);
    assert_eq!(report.chains.len(), blocks, "each root stands alone");
    assert!(report.chains.iter().all(|chain| chain.end == ChainEnd::SelfSigned));
    let public = report.chains.iter().filter(|chain| matches!(chain.issuance, Issuance::PublicByName { .. })).count();
    assert!(public * 3 >= blocks, "{public} of {blocks} roots recognised by name");
}
