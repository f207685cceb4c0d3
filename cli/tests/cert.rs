//! `sitecheck cert` as a user runs it: the built binary on the certificate fixtures of core
//! (made by `core/tests/data/certificates/make.sh`), stdin, files written and exit codes.

mod common;

use common::{sitecheck, stderr, stdout};

use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/certificates").join(name);
    path.to_str().unwrap().to_owned()
}

/// `cert FILES --json` for a role: the exit code and (id, verdict) of each finding.
fn check(files: &[&str], role: &str, code: i32, expected: &[(&str, &str)]) {
    let paths: Vec<String> = files.iter().map(|file| fixture(file)).collect();
    let mut arguments: Vec<&str> = vec!["cert"];
    arguments.extend(paths.iter().map(String::as_str));
    arguments.extend(["--role", role, "--today", "2026-06-01", "--json"]);
    let output = sitecheck(&arguments, b"");
    assert_eq!(output.status.code(), Some(code), "{files:?}: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = json.as_array().unwrap();
    let seen: Vec<(&str, &str)> = findings
        .iter()
        .map(|finding| (finding["id"].as_str().unwrap(), finding["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(seen, expected, "{files:?}");
    for finding in findings {
        for key in ["section", "evidence"] {
            assert!(finding[key].as_str().is_some_and(|text| !text.is_empty()), "{key} in {finding}");
        }
        assert!(finding.get("advice").is_some(), "advice, null where there is none: {finding}");
    }
}

#[test]
fn verdicts_by_role_and_exit_codes() {
    check(
        &["chain-in-order.pem"],
        "front-end",
        0,
        &[
            ("s4b.no-wildcard", "pass"),
            ("s4b.certificate-eku", "pass"),
            ("s4b.public-certificate", "warning"),
            ("s4b.public-certificate", "pass"),
            ("s4b.private-certificate", "needs-confirmation"),
            ("s4b.private-certificate-valid", "pass"),
            ("s4b.private-certificate-notice", "pass"),
            ("s4b.private-certificate-notice", "pass"),
        ],
    );
    check(
        &["leaf-wildcard-san.pem"],
        "mediation",
        1,
        &[
            ("s4b-voice.no-wildcard", "fail"),
            ("s4b-voice.certificate-eku", "pass"),
            ("s4b-voice.public-certificate", "needs-confirmation"),
            ("s4b-voice.public-certificate", "pass"),
            ("s4b-voice.private-certificate", "needs-confirmation"),
            ("s4b-voice.private-certificate-valid", "needs-confirmation"),
            ("s4b-voice.private-certificate-notice", "needs-confirmation"),
        ],
    );
}

#[test]
fn findings_point_at_file_and_line() {
    let path = fixture("chain-out-of-order.pem");
    let output = sitecheck(&["cert", &path, "--today", "2026-06-01", "--json"], b"");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let order = json
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["verdict"] == "warning" && finding["id"] == "s4b.private-certificate-valid")
        .unwrap();
    assert_eq!(order["file"], path.as_str());
    assert_eq!(order["line"], 1, "the first certificate of the file, listed out of order");
    assert!(order["evidence"].as_str().unwrap().contains("out of order"));
}

#[test]
fn stdin_text_report_and_the_bundle() {
    let folder = std::env::temp_dir().join(format!("sitecheck-cert-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let bundle = folder.join("bundle.pem");
    let chain = std::fs::read(fixture("chain-in-order.pem")).unwrap();
    let output = sitecheck(&["cert", "-", "--today", "2026-06-01", "--bundle", bundle.to_str().unwrap()], &chain);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "1. fe01.contoso.example  [stdin:1]",
        "Names     DNS:fe01.contoso.example, DNS:pool.contoso.example",
        "Key       RSA 2048 bits",
        "Purposes  Server Authentication, Client Authentication",
        "fe01.contoso.example → Contoso Issuing CA 1 → Contoso Private Root CA (a private root)",
        "Bundle for Telia (Contoso Issuing CA 1, Contoso Private Root CA) written to",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let pem = std::fs::read_to_string(&bundle).unwrap();
    assert_eq!(pem.matches("-----BEGIN CERTIFICATE-----").count(), 2);
    // The bundle checks as CA certificates only, with the same chain.
    let output = sitecheck(&["cert", bundle.to_str().unwrap(), "--today", "2026-06-01"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Contoso Issuing CA 1 → Contoso Private Root CA (a private root)"));
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn unreadable_input_is_named_and_fails() {
    let output = sitecheck(&["cert", &fixture("private-key.pem")], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("a private key"), "{}", stderr(&output));
    let output =
        sitecheck(&["cert", &fixture("chain-in-order.pem"), &fixture("private-key.pem"), "--today", "2026-06-01"], b"");
    assert_eq!(output.status.code(), Some(1), "the chain passes, but a part was not read");
    assert!(stdout(&output).contains("Not read"), "{}", stdout(&output));
    let output = sitecheck(&["cert"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("at least one certificate file"));
    let output = sitecheck(&["cert", "x.pem", "--role", "edge", "--today", "tomorrow"], b"");
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("--role: \"edge\" is not a server role") && message.contains("--today"), "{message}");
}
