//! `sitecheck secret` as a user runs it: the built binary, arguments, stdout, files and exit codes.

mod common;

use common::{stderr, stdout};
use std::process::Output;

fn sitecheck(arguments: &[&str]) -> Output {
    common::sitecheck(arguments, b"")
}

/// (created, lifetime, today) → exit code and the verdict of each finding, from the JSON.
fn check(arguments: &[&str], code: i32, verdicts: &[&str]) {
    let mut with_json = arguments.to_vec();
    with_json.push("--json");
    let output = sitecheck(&with_json);
    assert_eq!(output.status.code(), Some(code), "{arguments:?}: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = json.as_array().unwrap();
    let seen: Vec<&str> = findings.iter().map(|finding| finding["verdict"].as_str().unwrap()).collect();
    assert_eq!(seen, verdicts, "{arguments:?}");
    for finding in findings {
        assert_eq!(finding["id"], "exchange-online.client-secret");
        assert_eq!(finding["section"], "3.1.1");
        assert!(finding["evidence"].as_str().is_some_and(|evidence| !evidence.is_empty()));
        assert!(finding.get("line").is_none(), "no line: the input is not a file");
    }
}

#[test]
fn verdicts_and_exit_codes() {
    check(&["secret", "--created", "2026-01-15", "--lifetime", "24m", "--today", "2026-06-01"], 0, &["pass", "pass"]);
    check(&["secret", "--created", "2026-01-15", "--lifetime", "6m", "--today", "2026-06-20"], 0, &["pass", "warning"]);
    check(
        &["secret", "--created", "2025-01-15", "--lifetime", "90", "days", "--today", "2026-06-01"],
        1,
        &["pass", "fail"],
    );
    check(
        &["secret", "--created", "2026-01-15", "--lifetime", "800 days", "--today", "2026-06-01"],
        1,
        &["fail", "pass"],
    );
}

#[test]
fn the_text_report_names_the_expiry_and_writes_the_reminder() {
    let folder = std::env::temp_dir().join(format!("sitecheck-secret-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let ics = folder.join("reminder.ics");
    let output = sitecheck(&[
        "secret",
        "--created",
        "2026-01-15",
        "--lifetime",
        "12m",
        "--today",
        "2026-06-01",
        "--ics",
        ics.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Expires   2027-01-15 (228 days from 2026-06-01)"), "{text}");
    assert!(text.contains("Reminder  2026-12-15"), "{text}");
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n") && calendar.ends_with("END:VCALENDAR\r\n"));
    assert!(calendar.contains("\r\nDTSTART;VALUE=DATE:20261215\r\n"), "{calendar}");
    assert!(calendar.contains("\r\nDTSTAMP:20260601T000000Z\r\n"), "{calendar}");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn bad_input_is_a_usage_error_naming_every_problem() {
    let output = sitecheck(&["secret", "--created", "2026-02-30", "--lifetime", "2y", "--today", "soon"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for expected in ["--created: 2026-02-30 is not a day", "--lifetime: \"2y\" is not a lifetime", "--today: \"soon\""]
    {
        assert!(message.contains(expected), "{expected} in {message}");
    }
    let output = sitecheck(&["secret", "--lifetime", "6m"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--created YYYY-MM-DD is required"), "{}", stderr(&output));
}
