//! The CLI as a user runs it: the built binary, arguments, stdin, stdout and exit codes.

mod common;

use common::{sitecheck, stderr, stdout};

use std::io::Write;
use std::process::{Command, Stdio};

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
fn bandwidth_judges_a_stated_uplink() {
    let check = |uplink: &str, verdict: &str, success: bool| {
        let mut arguments = SPEC_EXAMPLE.to_vec();
        arguments.extend(["--uplink-kbps", uplink, "--json"]);
        let output = sitecheck(&arguments, "");
        assert_eq!(output.status.success(), success, "{uplink}: {}", stderr(&output));
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["uplink"]["verdict"], verdict, "{uplink}");
    };
    check("3000", "fail", false);
    check("3264", "pass", true);
    let mut arguments = SPEC_EXAMPLE.to_vec();
    arguments.extend(["--uplink-kbps", "fast"]);
    let output = sitecheck(&arguments, "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--uplink-kbps"), "{}", stderr(&output));
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

    let example = &json["bandwidth_example"];
    assert_eq!((&example["section"], &example["total_kbps"]), (&"5.1".into(), &3264.into()));
    assert_eq!(example["inputs"]["integrated"], 50);
    assert_eq!(example["lines"].as_array().unwrap().len(), 4);

    let text = stdout(&sitecheck(&["catalogue"], ""));
    assert!(text.contains("2.5.1 Web Browser") && text.contains("pc.browser"), "{text}");
    assert!(text.contains("The 5.1 example") && text.contains("Total: 3.264 Mbit/s"), "{text}");
}

/// `catalogue --lang`: one case per language tag as a user writes it.
fn check_catalogue_language(arguments: &[&str], expected: Result<&[&str], &str>) {
    check_language(arguments, "", expected);
}

/// Any command with `--lang`: what it writes contains each fragment, or it refuses with the
/// message (exit 2). A failed check (exit 1) still writes its report.
fn check_language(arguments: &[&str], input: &str, expected: Result<&[&str], &str>) {
    let output = sitecheck(arguments, input);
    match expected {
        Ok(fragments) => {
            assert!(matches!(output.status.code(), Some(0 | 1)), "{arguments:?}: {}", stderr(&output));
            let text = stdout(&output);
            for fragment in fragments {
                assert!(text.contains(fragment), "{arguments:?}: {fragment:?} in\n{text}");
            }
        }
        Err(message) => {
            assert_eq!(output.status.code(), Some(2), "{arguments:?}");
            assert!(stderr(&output).contains(message), "{arguments:?}: {}", stderr(&output));
        }
    }
}

#[test]
fn the_catalogue_reads_in_swedish() {
    check_catalogue_language(
        &["catalogue", "--lang", "sv"],
        Ok(&[
            "översatta från den engelska versionen",
            "2.5.1 Webbläsare",
            "Administrationen använder Firefox 54 eller senare",
            "Internet Explorer 11 är avvecklad",
            "Exemplet i 5.1",
            "165 användare × 1,6 kbit/s",
            "Totalt: 3,264 Mbit/s",
        ]),
    );
}

#[test]
fn the_catalogue_takes_a_regional_tag() {
    check_catalogue_language(&["catalogue", "--lang=sv-SE"], Ok(&["2.5.1 Webbläsare"]));
}

#[test]
fn the_catalogue_reads_in_english_by_default_and_by_choice() {
    check_catalogue_language(&["catalogue", "--lang", "en"], Ok(&["2.5.1 Web Browser", "Total: 3.264 Mbit/s"]));
    let default = stdout(&sitecheck(&["catalogue"], ""));
    assert_eq!(default, stdout(&sitecheck(&["catalogue", "--lang", "en"], "")));
    assert!(!default.contains("översatta"));
}

#[test]
fn the_catalogue_refuses_a_language_it_does_not_speak() {
    check_catalogue_language(&["catalogue", "--lang", "de"], Err("sv (Swedish) or en (English), not \"de\""));
}

#[test]
fn the_json_catalogue_stays_in_english() {
    check_catalogue_language(&["catalogue", "--lang", "sv", "--json"], Err("the JSON catalogue is in English"));
}

#[test]
fn the_bandwidth_reads_in_swedish() {
    let mut arguments = SPEC_EXAMPLE.to_vec();
    arguments.extend(["--uplink-kbps", "3000", "--lang", "sv"]);
    check_language(
        &arguments,
        "",
        Ok(&["Funktion", "165 användare × 1,6 kbit/s", "3,264 Mbit/s", "Underkänt: Den angivna uppströmskapaciteten"]),
    );
}

#[test]
fn the_bandwidths_json_texts_follow_the_language() {
    let mut arguments = SPEC_EXAMPLE.to_vec();
    arguments.extend(["--uplink-kbps", "4000", "--json", "--lang=sv"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&sitecheck(&arguments, ""))).unwrap();
    assert!(json["uplink"]["text"].as_str().unwrap().contains("uppströmskapaciteten"), "{json}");
    assert_eq!(json["uplink"]["verdict"], "pass", "slugs stay as they are");
}

#[test]
fn ua_summarises_in_swedish() {
    let input = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\n";
    check_language(
        &["ua", "--lang", "sv"],
        input,
        Ok(&["Webbläsare", "1 av 1 användare med webbläsare som stöds (100,0 %)"]),
    );
}

#[test]
fn ua_hints_evidence_in_swedish() {
    let signals = r#"{"userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"}"#;
    check_language(
        &["ua", "--hints", "--lang", "sv"],
        signals,
        Ok(&["Chrome 131 på Windows 10 eller 11, avläst från user-agent-strängen"]),
    );
}

#[test]
fn a_plan_check_reads_in_swedish() {
    let plan = r#"{"ata_adapters": 2}"#;
    check_language(
        &["plan", "--check", "-", "--lang", "sv"],
        plan,
        Ok(&["ATA analoga adaptrar: 2", "Problem: 2 ATA-adaptrar, men Mediatrix är inte markerat"]),
    );
}

#[test]
fn every_command_refuses_a_language_it_does_not_speak() {
    check_language(
        &["ua", "--lang", "de"],
        "",
        Err("--lang: sitecheck speaks sv (Swedish) or en (English), not \"de\""),
    );
    check_language(&["plan", "--example", "--lang"], "", Err("not \"\""));
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

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sitecheck-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

const FULL_PLAN: &str = r#"{
  "access": "internet", "softphone_pc_users": 20, "ip_phones": 10, "mitel_phones": true,
  "ata_adapters": 2, "mediatrix_adapters": true, "calendar": "exchange-on-premise", "calendar_users": 30,
  "skype": "presence-and-voice", "skype_users": 10, "advanced_attendant": true, "ad_integration": true,
  "addresses": { "exchange_ews": "198.51.100.7" }
}"#;

/// The same plan with every customer server's address, plain or as a network.
const ADDRESSED_PLAN: &str = r#"{
  "access": "internet", "softphone_pc_users": 20, "ip_phones": 10, "mitel_phones": true,
  "ata_adapters": 2, "mediatrix_adapters": true, "calendar": "exchange-on-premise", "calendar_users": 30,
  "skype": "presence-and-voice", "skype_users": 10, "advanced_attendant": true, "ad_integration": true,
  "addresses": { "network": "10.20.0.0/16", "exchange_ews": "198.51.100.7", "s4b_front_end": "198.51.100.8",
                 "s4b_mediation": "198.51.100.9/32", "ad_sync": "198.51.100.10" }
}"#;

/// Runs a real parser over an export; returns whether it accepted it, and what it said.
fn validate(program: &str, arguments: &[&str], file: &std::path::Path) -> (bool, String) {
    // Firewall tools live in /usr/sbin, which an unprivileged PATH may lack.
    let sbin = std::path::Path::new("/usr/sbin").join(program);
    let program = if sbin.is_file() { sbin.to_string_lossy().into_owned() } else { program.to_owned() };
    let output = Command::new(&program).args(arguments).arg(file).output().unwrap_or_else(|error| {
        panic!("{program} is needed to validate the export ({error}); `cargo xtask test` installs it")
    });
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn firewall_exports_pass_real_parsers() {
    let plan = temp_file("plan.json", FULL_PLAN);
    let plan = plan.to_str().unwrap();
    for (format, program, arguments) in
        [("nftables", "nft", &["-c", "-f"][..]), ("iptables", "iptables-restore", &["--test"][..])]
    {
        let output = sitecheck(&["firewall", "--plan", plan, "--format", format], "");
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("198.51.100.7"), "the given EWS address is used: {text}");
        let file = temp_file(&format!("rules.{format}"), &text);
        let (accepted, message) = validate(program, arguments, &file);
        assert!(accepted, "{program} rejects the {format} export: {message}\n{text}");
        // The same parser must reject a broken file, or the check above proves nothing.
        let broken = temp_file(&format!("broken.{format}"), &text.replacen("dport", "dpurt", 1));
        let (accepted, _) = validate(program, arguments, &broken);
        assert!(!accepted, "{program} accepted a broken file");
    }
}

#[test]
fn firewall_formats_and_errors() {
    let plan = temp_file("plan-formats.json", FULL_PLAN);
    let plan = plan.to_str().unwrap();
    let csv = stdout(&sitecheck(&["firewall", "--plan", plan, "--format", "csv"], ""));
    assert_eq!(csv.lines().count(), 1 + 20, "a header and one line per rule and service: {csv}");
    let asa = stdout(&sitecheck(&["firewall", "--plan", plan, "--format", "asa"], ""));
    assert!(asa.contains("object network TPP-ADVANCED-ATTENDANT\n subnet 213.65.172.64 255.255.255.252"), "{asa}");
    let windows = stdout(&sitecheck(&["firewall", "--plan", plan, "--format", "windows"], ""));
    assert_eq!(windows.lines().filter(|line| line.starts_with("New-NetFirewallRule")).count(), 6, "{windows}");
    let add =
        stdout(&sitecheck(&["firewall", "--plan", plan, "--format", "nftables-add", "--nft-chain", "ip fw fwd"], ""));
    assert!(add.contains("\nadd rule ip fw fwd ip daddr 81.228.2.192/27 tcp dport 443 accept"), "{add}");
    let bad_chain = sitecheck(&["firewall", "--plan", plan, "--format", "nftables-add", "--nft-chain", "ip fw"], "");
    assert_eq!(bad_chain.status.code(), Some(2));
    assert!(
        stderr(&bad_chain).contains("--nft-chain: name the family, the table and the chain"),
        "{}",
        stderr(&bad_chain)
    );
    let markdown = stdout(&sitecheck(&["firewall", "--plan", "-"], FULL_PLAN));
    assert!(
        markdown
            .contains("| 6.4.1 | inbound | 81.228.2.192/27 | Customer's Exchange EWS (198.51.100.7/32) | TCP/443 |"),
        "{markdown}"
    );

    let unknown = sitecheck(&["firewall", "--plan", plan, "--format", "pdf"], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown rule format \"pdf\""));
    let bad_plan = sitecheck(&["firewall", "--plan", "-"], "{\"access\": \"carrier-pigeon\"}");
    assert_eq!(bad_plan.status.code(), Some(1));
    assert!(stderr(&bad_plan).contains("- is not a plan: unknown variant `carrier-pigeon`"), "{}", stderr(&bad_plan));
    let missing = sitecheck(&["firewall", "--plan", "/nonexistent/plan.json"], "");
    assert!(stderr(&missing).contains("cannot read /nonexistent/plan.json"));
}

#[test]
fn firewall_check_reports_coverage() {
    let plan = temp_file("plan-check.json", ADDRESSED_PLAN);
    let plan = plan.to_str().unwrap();
    // Our own exports, every form, cover everything.
    for format in ["nftables", "nftables-add", "iptables", "iptables-add", "asa", "csv"] {
        let own = stdout(&sitecheck(&["firewall", "--plan", plan, "--format", format], ""));
        let rules = temp_file(&format!("own.{format}"), &own);
        let output = sitecheck(&["firewall", "--plan", plan, "--check", rules.to_str().unwrap()], "");
        assert!(output.status.success(), "{format}: {}{}", stdout(&output), stderr(&output));
        let table = stdout(&output);
        assert!(!table.contains("missing") && !table.contains("partial") && !table.contains("unknown"), "{table}");
    }

    let current = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -d 81.228.2.192/27 -p tcp --dport 443 -j ACCEPT\n-A FORWARD -d 81.228.2.192/27 -p udp --dport 50000:60000 -j ACCEPT\nCOMMIT\n";
    let report = |text: &str| -> serde_json::Value {
        let output = sitecheck(&["firewall", "--plan", plan, "--check", "-", "--json"], text);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("required openings are not fully covered"));
        serde_json::from_str(&stdout(&output)).unwrap()
    };
    let state = |report: &serde_json::Value, rule: &str, service: &str| {
        let row =
            report["rows"].as_array().unwrap().iter().find(|row| row["rule"] == rule && row["service"] == service);
        row.unwrap()["coverage"].as_str().unwrap().to_owned()
    };
    let read = report(current);
    assert_eq!(read["syntax"], "iptables");
    assert_eq!(state(&read, "6.1.2", "TCP/443"), "covered");
    assert_eq!(state(&read, "6.2.2", "UDP/49152-65535"), "partial");
    assert_eq!(state(&read, "6.2.1", "TCP/5061"), "missing");
    assert_eq!(read["rows"][1]["lines"], serde_json::json!([3]));
    // A line it cannot read makes what it might touch unknown, never covered.
    let damaged = report(&current.replace("COMMIT", "nonsense here\nCOMMIT"));
    assert_eq!(damaged["unreadable"][0]["line"], 5);
    assert_eq!(state(&damaged, "6.1.2", "TCP/443"), "unknown");
    assert_eq!(state(&damaged, "6.2.1", "TCP/5061"), "unknown");
}

#[test]
fn plan_check_words_the_plan_and_names_its_problems() {
    let check = |plan: &str, success: bool, lines: &[&str]| {
        let output = sitecheck(&["plan", "--check", "-"], plan);
        assert_eq!(output.status.success(), success, "{}", stderr(&output));
        let text = stdout(&output);
        for line in lines {
            assert!(text.lines().any(|printed| printed == *line), "{line:?} in {text}");
        }
    };
    let example = stdout(&sitecheck(&["plan", "--example"], ""));
    check(&example, true, &["Access to the platform: Internet", "Users with calendar integration: 165"]);
    check(
        r#"{"access": "data-net", "advanced_attendant": true, "busy_percent": 35, "uplink_kbps": 2000}"#,
        false,
        &[
            "Access to the platform: Telia DataNet",
            "Share of users in a call at once: 35 %",
            "Uplink of the site: 2000 kbit/s",
            "Advanced Attendant",
        ],
    );
    let output = sitecheck(&["plan", "--check", "-"], r#"{"busy_percent": 150}"#);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("150 is not a percentage from 0 to 100"), "{}", stderr(&output));
}

#[test]
fn plan_example_is_a_plan() {
    let example = stdout(&sitecheck(&["plan", "--example"], ""));
    let output = sitecheck(&["firewall", "--plan", "-", "--format", "csv"], &example);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn firewall_check_judges_rules_on_named_interfaces() {
    let plan = temp_file("plan-interfaces.json", ADDRESSED_PLAN);
    let plan = plan.to_str().unwrap();
    let rules = "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A FORWARD -i lan0 -o wan0 -d 81.228.2.192/27 -p tcp -m tcp --dport 443 -j ACCEPT\nCOMMIT\n";
    let coverage = |extra: &[&str]| -> String {
        let mut arguments = vec!["firewall", "--plan", plan, "--check", "-", "--json"];
        arguments.extend_from_slice(extra);
        let report: serde_json::Value = serde_json::from_str(&stdout(&sitecheck(&arguments, rules))).unwrap();
        let row = report["rows"].as_array().unwrap().iter().find(|row| row["rule"] == "6.1.2").cloned().unwrap();
        row["coverage"].as_str().unwrap().to_owned()
    };
    assert_eq!(coverage(&[]), "unknown");
    assert_eq!(coverage(&["--inside", "lan0", "--outside", "wan0"]), "covered");
    assert_eq!(coverage(&["--inside", "eth1", "--outside", "wan0"]), "missing");
}

#[test]
fn firewall_files_say_what_datanet_does_not_carry() {
    let plan = r#"{"access": "data-net", "softphone_pc_users": 3, "advanced_attendant": true}"#;
    for format in ["nftables", "iptables", "asa", "windows", "markdown", "csv"] {
        let output = sitecheck(&["firewall", "--plan", "-", "--format", format], plan);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(
            text.contains("Advanced Attendant traffic cannot be routed over DataNet (2.3.2, 3.4)"),
            "{format}: {text}"
        );
        assert!(stderr(&output).contains("Advanced Attendant traffic cannot be routed over DataNet"));
    }
    let internet =
        sitecheck(&["firewall", "--plan", "-", "--format", "nftables"], plan.replace("data-net", "internet"));
    assert!(!stdout(&internet).contains("NOTE:"));
}

#[test]
fn an_add_on_commands_findings_follow_the_language() {
    let record = "v=spf1 include:spf-b.telia.com ?all";
    let report = sitecheck_core::addon::spf::validate_txt_records(record).unwrap();
    for (lang, pick) in [("sv", true), ("en", false)] {
        let output = sitecheck(&["spf", "--record", record, "--json", "--lang", lang], "");
        let rows: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), report.findings.len(), "{lang}");
        for (row, found) in rows.iter().zip(&report.findings) {
            let expected = if pick { &found.finding.evidence.sv } else { &found.finding.evidence.en };
            assert_eq!(row["evidence"], expected.as_str(), "{lang}");
            assert_eq!(row["verdict"], found.finding.verdict.slug(), "{lang}: slugs stay");
        }
    }
}

#[test]
fn the_client_secrets_report_reads_in_swedish() {
    check_language(
        &["secret", "--created", "2026-01-01", "--lifetime", "12m", "--today", "2026-06-01", "--lang", "sv"],
        "",
        Ok(&["Skapad    2026-01-01", "Livslängd 12 månader", "Går ut    2027-01-01 (214 dagar från 2026-06-01)"]),
    );
}
