//! The CLI as a user runs it: the built binary, arguments, stdin, stdout and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sitecheck(arguments: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitecheck"))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const SPEC_EXAMPLE: &[&str] = &[
    "bandwidth",
    "--softphones",
    "50",
    "--ip-phones",
    "50",
    "--integrated",
    "50",
    "--busy-percent",
    "20",
    "--calendar-users",
    "165",
];

#[test]
fn bandwidth_reproduces_section_5_1() {
    let output = sitecheck(SPEC_EXAMPLE, "");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("3.264 Mbit/s"), "{text}");
    assert!(text.contains("165 users × 1.6 kbit/s"), "{text}");
    assert!(!text.contains("Left out"), "no omitted lines without agents: {text}");

    let mut arguments = SPEC_EXAMPLE.to_vec();
    arguments.extend(["--agents", "15", "--presence-users", "50", "--json"]);
    let output = sitecheck(&arguments, "");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["total_kbps"], 3264);
    assert_eq!(json["total_with_omitted_kbps"], 3264 + 1500 + 80);
    assert_eq!(json["omitted"].as_array().unwrap().len(), 2);
    assert_eq!(json["lines"][0]["formula"], "50 users × 20 % busy = 10 calls × 100 kbit/s");
}

#[test]
fn bandwidth_reports_every_bad_option_at_once() {
    let output = sitecheck(&["bandwidth", "--softphones", "many", "--busy-percent", "120", "--bogus"], "");
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for expected in [
        "unknown option --bogus",
        "--softphones takes a whole number, not \"many\"",
        "--busy-percent takes a percentage from 0 to 100, not \"120\"",
        "--ip-phones is required",
        "--calendar-users is required",
    ] {
        assert!(message.contains(expected), "{expected:?} in {message}");
    }
    assert!(stdout(&output).is_empty());
}

#[test]
fn catalogue_json_is_the_whole_catalogue() {
    let output = sitecheck(&["catalogue", "--json"], "");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["spec"]["version"], "3.40");
    assert!(json["requirements"].as_array().unwrap().len() > 90);
    assert_eq!(json["firewall_rules"].as_array().unwrap().len(), 17);
    assert!(json["advisories"].as_array().unwrap().iter().any(|advisory| advisory["id"] == "browser.ie11-retired"));

    let text = stdout(&sitecheck(&["catalogue"], ""));
    assert!(text.contains("2.5.1 Web Browser") && text.contains("pc.browser"), "{text}");
}

#[test]
fn ua_reads_lines_and_summarises() {
    let input = "\
Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36
Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko
Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:50.0) Gecko/20100101 Firefox/50.0

\u{1}\u{2}garbage\r
";
    let output = sitecheck(&["ua", "--json"], input);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<serde_json::Value> =
        stdout(&output).lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    let brief: Vec<(String, String)> = rows
        .iter()
        .map(|row| (row["browser"].as_str().unwrap().into(), row["verdict"].as_str().unwrap().into()))
        .collect();
    let expected = [("chrome", "pass"), ("ie", "pass"), ("firefox", "fail"), ("other", "fail"), ("other", "fail")];
    assert_eq!(brief, expected.map(|(browser, verdict)| (browser.to_owned(), verdict.to_owned())));
    assert_eq!(rows[0]["major"], 131);
    assert_eq!(rows[0]["os"], "Windows 10 or 11");
    assert!(rows[3]["major"].is_null());

    let text = stdout(&sitecheck(&["ua"], input));
    assert!(text.starts_with("chrome\t131\tWindows 10 or 11\tpass\n"), "{text}");
    assert!(text.contains("2 of 5 users on supported browsers (40.0 %)"), "{text}");
}

#[test]
fn ua_survives_bytes_that_are_not_utf8() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitecheck"))
        .args(["ua", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"\xff\xfe Firefox/60.0\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).contains("\"browser\":\"firefox\",\"major\":60"));
}

#[test]
fn unknown_commands_and_help() {
    let output = sitecheck(&["frobnicate"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown command \"frobnicate\""));
    let output = sitecheck(&[], "");
    assert!(output.status.success());
    assert!(stdout(&output).contains("Usage:"));
}

#[test]
fn ua_hints_reads_what_the_app_shows() {
    let pretty = r#"{
  "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "hints": {
    "brands": [{ "brand": "Google Chrome", "version": "131" }],
    "fullVersionList": [{ "brand": "Google Chrome", "version": "131.0.6778.86" }],
    "mobile": false, "platform": "Windows", "platformVersion": "15.0.0", "architecture": "x86", "bitness": "64", "model": ""
  },
  "maxTouchPoints": 0
}"#;
    let output = sitecheck(&["ua", "--hints", "--json"], pretty);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["os"], "Windows 11");
    assert_eq!(report["verdict"], "pass");
    let os = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["requirement"] == "softphone.pc-os")
        .unwrap();
    assert_eq!(os["verdict"], "warning");
    assert_eq!(os["evidence"], "Windows 11, read from client hints");

    let text = stdout(&sitecheck(&["ua", "--hints"], pretty));
    assert!(text.contains("softphone.pc-os") && text.contains("warning") && text.contains("(2.5.2)"), "{text}");
}

#[test]
fn ua_hints_takes_json_lines_and_names_bad_ones() {
    let lines = "{\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15\",\"maxTouchPoints\":5}\nnot json\n{\"userAgent\":\"curl/8\"}\n";
    let output = sitecheck(&["ua", "--hints", "--json"], lines);
    assert_eq!(output.status.code(), Some(1));
    let rows: Vec<serde_json::Value> =
        stdout(&output).lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(rows.len(), 2, "the good lines are still reported");
    assert_eq!(rows[0]["os"], "iOS 17", "an iPad posing as a Mac");
    assert!(stderr(&output).contains("line 2: not the app's JSON"), "{}", stderr(&output));
    let empty = sitecheck(&["ua", "--hints"], "");
    assert_eq!(empty.status.code(), Some(2));
}
