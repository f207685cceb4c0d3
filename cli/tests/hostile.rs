//! A corpus of hostile files for every add-on command: truncated PEM, DER garbage, a 200 MB
//! file, binary data, mixed encodings, a 1 MB single line. Each gets a clear message (a finding
//! or an error that says what is wrong), never a panic, and the status a failure deserves.

mod common;

use common::{sitecheck, stderr, stdout};
use std::path::PathBuf;

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("sitecheck-hostile-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

/// Bytes that look like nothing: a fixed pseudo-random sequence (xorshift), so a failure repeats.
fn noise(length: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

const PEM: &str = include_str!("../../core/tests/data/certificates/leaf-both.pem");

/// Runs `command FILE --json` on `contents`: it must end (no panic: a panic exits 101), fail
/// with status 1 or 2, and say `said` on standard output (a finding) or standard error. No
/// finding's evidence is longer than a few lines, however long the input.
fn check(command: &str, name: &str, contents: &[u8], extra: &[&str], said: &str) {
    check_status(command, name, contents, extra, said, true);
}

/// As `check`; `fails` false for input that is odd but usable (a warning, status 0).
fn check_status(command: &str, name: &str, contents: &[u8], extra: &[&str], said: &str, fails: bool) {
    let path = temp_file(name, contents);
    let path_text = path.to_str().unwrap();
    let mut arguments = vec![command, path_text, "--json"];
    arguments.extend(extra);
    let output = sitecheck(&arguments, "");
    let (out, err) = (stdout(&output), stderr(&output));
    std::fs::remove_file(&path).ok();
    let expected = if fails { matches!(output.status.code(), Some(1 | 2)) } else { output.status.success() };
    assert!(expected, "{command} {name}: {:?}\n{out}\n{err}", output.status);
    assert!(!err.contains("panicked"), "{command} {name}: {err}");
    assert!(out.contains(said) || err.contains(said), "{command} {name} should say {said:?}:\n{out}\n{err}");
    if !out.is_empty() {
        let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_else(|error| panic!("{error}: {out}"));
        assert!(
            rows.iter().any(|row| row["verdict"] == if fails { "fail" } else { "warning" }),
            "{command} {name}: {out}"
        );
        for row in &rows {
            assert!(row["evidence"].as_str().unwrap().len() < 400, "{command} {name}: {row}");
        }
    }
}

#[test]
fn a_truncated_pem_certificate() {
    check("cert", "truncated.pem", &PEM.as_bytes()[..PEM.len() / 2], &[], "END CERTIFICATE");
}

#[test]
fn der_garbage() {
    let mut der = vec![0x30, 0x82, 0x04, 0x00];
    der.extend(noise(600));
    check("cert", "garbage.der", &der, &[], "not");
}

#[test]
fn binary_data_as_a_certificate() {
    check("cert", "noise.bin", &noise(4096), &[], "not");
}

#[test]
fn binary_data_as_a_user_file() {
    check("users", "noise.csv", &noise(4096), &[], "cannot be read");
}

#[test]
fn binary_data_as_numbers() {
    check("numbers", "noise.txt", &noise(4096), &[], "cannot be read");
}

/// A file that is UTF-8 in one line and Windows-1252 in the next is not guessed at.
#[test]
fn mixed_encodings_in_a_user_file() {
    let mut file = "mobile;displayName\r\n+46701234567;Åsa Öberg\r\n".as_bytes().to_vec();
    file.extend(b"+46701234568;\xC5sa \xD6berg\r\n");
    check_status(
        "users",
        "mixed.csv",
        &file,
        &["--for", "teams"],
        "line 2 has UTF-8 characters, line 3 bytes that are not UTF-8",
        false,
    );
}

#[test]
fn a_one_megabyte_line_of_numbers() {
    check("numbers", "long-line.txt", &vec![b'7'; 1024 * 1024], &[], "(1048576 characters)");
}

#[test]
fn a_one_megabyte_line_in_a_user_file() {
    let mut file = b"mobile;mail\n".to_vec();
    file.extend(vec![b'7'; 1024 * 1024]);
    check("users", "long-line.csv", &file, &["--for", "teams"], "(1048576 characters)");
}

#[test]
fn a_one_megabyte_spf_record() {
    let record = format!("v=spf1 {}-all", "a ".repeat(512 * 1024));
    let output = sitecheck(&["spf", "--record", "-", "--json"], record);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(rows.iter().any(|row| row["evidence"].as_str().unwrap().contains("lookups")), "{rows:#?}");
}

/// A 200 MB file is refused from its size, before it is read: the file here is sparse, so
/// the test writes nothing to disk.
#[test]
fn a_200_megabyte_file_is_refused_before_it_is_read() {
    for command in ["users", "numbers", "cert"] {
        let path = std::env::temp_dir().join(format!("sitecheck-hostile-{}-{command}-200mb", std::process::id()));
        std::fs::File::create(&path).unwrap().set_len(200 * 1024 * 1024).unwrap();
        let output = sitecheck(&[command, path.to_str().unwrap(), "--json"], "");
        std::fs::remove_file(&path).ok();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{command}: {err}");
        assert!(err.contains("is 200 MB; the check reads files of up to 64 MB"), "{command}: {err}");
    }
}

#[test]
fn standard_input_over_the_limit_is_refused() {
    let output = sitecheck(&["numbers", "-", "--json"], vec![b'1'; 64 * 1024 * 1024 + 10]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("standard input holds more than 64 MB"), "{}", stderr(&output));
}
