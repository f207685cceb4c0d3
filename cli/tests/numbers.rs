//! `sitecheck numbers` as a user runs it: the built binary, a file or stdin, exit codes.

mod common;

use common::{sitecheck, stderr, stdout};

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sitecheck-numbers-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

/// (line, verdict, E.164 form) of each finding of `--json`.
fn check(
    arguments: &[&str],
    stdin: &[u8],
    success: bool,
    expected: &[(u64, &str, Option<&str>)],
) -> Vec<serde_json::Value> {
    let mut arguments = arguments.to_vec();
    arguments.push("--json");
    let output = sitecheck(&arguments, stdin);
    assert_eq!(output.status.success(), success, "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let found: Vec<(u64, String, Option<String>)> = rows
        .iter()
        .map(|row| {
            (
                row["line"].as_u64().unwrap(),
                row["verdict"].as_str().unwrap().to_owned(),
                row["e164"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let expected: Vec<(u64, String, Option<String>)> =
        expected.iter().map(|(line, verdict, e164)| (*line, verdict.to_string(), e164.map(str::to_owned))).collect();
    assert_eq!(found, expected);
    rows
}

#[test]
fn a_list_of_swedish_numbers() {
    let list = "+4681234567\n\n08-123 45 67\r\n+46 (0)70-123 45 67\nokänd\n";
    let rows = check(
        &["numbers", "-"],
        list.as_bytes(),
        false,
        &[
            (1, "pass", Some("+4681234567")),
            (3, "fail", Some("+4681234567")),
            (4, "fail", Some("+46701234567")),
            (5, "fail", None),
        ],
    );
    for row in &rows {
        assert_eq!(row["id"], "teams.e164");
        assert_eq!(row["section"], "3.3");
        assert!(row["evidence"].is_string() && row.get("advice").is_some(), "{row}");
    }
    assert_eq!(rows[1]["advice"], "Write it as +4681234567.");
    assert!(rows[3]["evidence"].as_str().unwrap().contains("it has letters"), "{}", rows[3]);

    let file = temp_file("valid.txt", b"+4681234567\n+4722123456\n");
    let output = sitecheck(&["numbers", file.to_str().unwrap(), "--for", "s4b"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("line 1     pass     s4b-voice.e164 (3.2.2): \"+4681234567\" is in E.164 format"), "{text}");
    assert!(text.contains("2 numbers: 2 pass, 0 fail, 0 warning"), "{text}");
}

#[test]
fn other_countries_and_files_from_powershell() {
    check(&["numbers", "-", "--country", "no"], b"22 12 34 56\n", false, &[(1, "fail", Some("+4722123456"))]);
    check(&["numbers", "-", "--country", "FI"], b"09 1234 567\n", false, &[(1, "fail", Some("+35891234567"))]);
    // `Get-Content … | Out-File` in Windows PowerShell 5 writes UTF-16LE with a BOM.
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("+4681234567\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let file = temp_file("utf16.txt", &utf16);
    check(&["numbers", file.to_str().unwrap()], b"", true, &[(1, "pass", Some("+4681234567"))]);
}

#[test]
fn bad_arguments_and_empty_lists() {
    for arguments in [
        &["numbers"][..],
        &["numbers", "a", "b"],
        &["numbers", "-", "--country", "XX"],
        &["numbers", "-", "--for", "webex"],
    ] {
        let output = sitecheck(arguments, b"");
        assert_eq!(output.status.code(), Some(2), "{arguments:?}: {}", stderr(&output));
    }
    assert!(stderr(&sitecheck(&["numbers", "-", "--country", "XX"], b"")).contains("SE, NO, DK, FI"));
    let output = sitecheck(&["numbers", "-"], b"\n\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the list has no numbers"), "{}", stderr(&output));
    let output = sitecheck(&["numbers", "/nonexistent/numbers.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot read /nonexistent/numbers.txt"), "{}", stderr(&output));
}
