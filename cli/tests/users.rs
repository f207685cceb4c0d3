//! `sitecheck users` as a user runs it, on files made the way AD tools make them.

mod common;

use common::{sitecheck, stderr, stdout};

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sitecheck-users-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

/// (line or 0, id, verdict) of each finding of `--json`, and the rows.
fn check(arguments: &[&str], stdin: &[u8], success: bool, expected: &[(u64, &str, &str)]) -> Vec<serde_json::Value> {
    let mut arguments = arguments.to_vec();
    arguments.push("--json");
    let output = sitecheck(&arguments, stdin);
    assert_eq!(output.status.success(), success, "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let found: Vec<(u64, String, String)> = rows
        .iter()
        .map(|row| {
            (
                row["line"].as_u64().unwrap_or(0),
                row["id"].as_str().unwrap().to_owned(),
                row["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(u64, String, String)> =
        expected.iter().map(|(line, id, verdict)| (*line, id.to_string(), verdict.to_string())).collect();
    assert_eq!(found, expected, "{rows:#?}");
    for row in &rows {
        assert!(row["section"].is_string() && row["evidence"].is_string() && row.get("advice").is_some(), "{row}");
    }
    rows
}

#[test]
fn a_windows_powershell_export_in_utf16() {
    // Windows PowerShell 5.1 `Export-Csv`: UTF-16LE with a BOM, the #TYPE line, all quoted.
    let text = "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n\
                \"GivenName\",\"Surname\",\"MobilePhone\",\"OfficePhone\",\"EmailAddress\"\r\n\
                \"Åsa\",\"Öberg\",\"+46701234567\",\"\",\"asa@example.se\"\r\n\
                \"Bo\",\"Ek\",\"\",\"+4681234567\",\"bo@example.se\"\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let file = temp_file("powershell.csv", &bytes);
    let path = file.to_str().unwrap();
    check(&["users", path], b"", true, &[(0, "ad.import-file", "pass"), (0, "ad.import-file", "pass")]);
    check(
        &["users", path, "--direction", "export", "--for", "teams"],
        b"",
        true,
        &[(0, "ad.export-identifier", "pass"), (0, "ad.export-identifier", "pass"), (0, "teams.e164", "pass")],
    );
    let output = sitecheck(&["users", path], b"");
    let text = stdout(&output);
    assert!(text.starts_with("Read as CSV (comma-separated) in UTF-16LE with a byte-order mark"), "{text}");
    assert!(text.contains("MobilePhone (mobile), OfficePhone (fixed)"), "{text}");
    assert!(text.contains("1 by their mobile number, 1 by their fixed number"), "{text}");
}

#[test]
fn an_excel_export_in_windows_1252() {
    // Excel "CSV (semicolon-separated)" on a Swedish Windows: Å is 0xC5.
    let bytes = b"F\xF6rnamn;Efternamn;Mobil;Telefon\r\n\xC5sa;\xD6berg;070-123 45 67;\r\nBo;Ek;+46701234567;\r\nCia;Lind;;\r\n";
    let file = temp_file("excel.csv", bytes);
    let path = file.to_str().unwrap();
    // The Swedish headers are nobody's usual names: one finding says so.
    let rows = check(&["users", path], b"", false, &[(0, "ad.import-file", "fail")]);
    assert!(
        rows[0]["evidence"].as_str().unwrap().contains("the file has Förnamn, Efternamn, Mobil, Telefon"),
        "{}",
        rows[0]
    );
    let rows = check(
        &[
            "users",
            path,
            "--map",
            "Mobil=mobile",
            "--map=telefon=fixed",
            "--map",
            "Förnamn=given-name",
            "--map",
            "Efternamn=sn",
        ],
        b"",
        false,
        &[(2, "ad.import-file", "warning"), (3, "ad.import-file", "fail"), (4, "ad.import-file", "fail")],
    );
    assert!(
        rows[0]["evidence"].as_str().unwrap().contains("The mobile number \"070-123 45 67\" of Åsa Öberg"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1]["evidence"].as_str().unwrap().contains("is also the identifier of the user on line 2"),
        "{}",
        rows[1]
    );
    assert!(rows[2]["evidence"].as_str().unwrap().starts_with("Cia Lind has neither"), "{}", rows[2]);
    // With the integration named, the national number fails its E.164 rule.
    check(
        &["users", path, "--map", "Mobil=mobile", "--for", "s4b"],
        b"",
        false,
        &[(2, "s4b-voice.e164", "fail"), (3, "ad.import-file", "fail"), (4, "ad.import-file", "fail")],
    );
}

#[test]
fn an_ldif_export_from_stdin() {
    // ldifde-style: a base64 dn and display name (they have Å and Ö), a folded line.
    let ldif = "dn:: Q049w4VzYSDDlmJlcmcsT1U9VXNlcnMsREM9ZXhhbXBsZSxEQz1zZQ==\n\
                objectClass: user\n\
                displayName:: w4VzYSDDlmJlcmc=\n\
                mail: asa@example.se\n\
                mobile: +4670123\n 4567\n\
                \n\
                dn: CN=Bo Ek,OU=Users,DC=example,DC=se\n\
                objectClass: user\n\
                mail: ASA@example.se\n";
    let rows = check(
        &["users", "-", "--direction", "export"],
        ldif.as_bytes(),
        false,
        &[(8, "ad.export-identifier", "fail"), (0, "ad.export-identifier", "pass")],
    );
    assert_eq!(rows[1]["evidence"], "All 2 users have an e-mail address");
    assert!(
        rows[0]["evidence"]
            .as_str()
            .unwrap()
            .contains("The e-mail address ASA@example.se of Bo Ek is also the address of the user on line 1"),
        "{}",
        rows[0]
    );
    // Imported, Bo has no number to be identified by.
    let rows =
        check(&["users", "-"], ldif.as_bytes(), false, &[(8, "ad.import-file", "fail"), (0, "ad.import-file", "pass")]);
    assert!(rows[0]["evidence"].as_str().unwrap().starts_with("Bo Ek has neither"), "{}", rows[0]);
}

#[test]
fn bad_arguments() {
    for arguments in [
        &["users"][..],
        &["users", "a.csv", "b.csv"],
        &["users", "-", "--direction", "sideways"],
        &["users", "-", "--map", "mobile"],
        &["users", "-", "--map", "x=phonebook"],
        &["users", "-", "--format", "xlsx"],
        &["users", "-", "--bogus"],
    ] {
        let output = sitecheck(arguments, b"");
        assert_eq!(output.status.code(), Some(2), "{arguments:?}: {}", stderr(&output));
    }
    let output = sitecheck(&["users", "-"], b"PK\x03\x04");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("this is an Excel workbook"), "{}", stdout(&output));
}
