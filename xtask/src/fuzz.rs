//! `cargo xtask fuzz`: every add-on parser under cargo-fuzz (libFuzzer) on the nightly
//! toolchain, for a time each. An input that panics, or that takes longer than `TIMEOUT`
//! (libFuzzer's per-input limit: what a parser slower than linear shows as), stops the run
//! and is saved under `core/fuzz/artifacts/`. Seeds come from the test fixtures.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub const TARGETS: &[&str] = &["certificates", "numbers", "users", "spf", "client_secret"];
/// Seconds one input may take; inputs go up to `MAX_LEN` bytes.
const TIMEOUT: u32 = 10;
const MAX_LEN: u32 = 1 << 20;

pub fn run(root: &Path, arguments: &[String]) -> Result<(), String> {
    let mut seconds = 600u32;
    let mut targets: Vec<&str> = Vec::new();
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        if word == "--seconds" {
            let value = words.next().ok_or("--seconds takes a number")?;
            seconds = value.parse().map_err(|_| format!("--seconds takes a number, not {value:?}"))?;
        } else if let Some(target) = TARGETS.iter().find(|target| **target == word) {
            targets.push(target);
        } else {
            return Err(format!("{word:?} is not a fuzz target: {}", TARGETS.join(", ")));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    let have_fuzz =
        Command::new("cargo").args(["+nightly", "fuzz", "--version"]).output().is_ok_and(|out| out.status.success());
    if !have_fuzz {
        crate::run(Command::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    let fuzz_dir = root.join("core/fuzz");
    let mut results = Vec::new();
    for target in targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|error| format!("cannot create {}: {error}", corpus.display()))?;
        seed(root, target, &corpus)?;
        let started = Instant::now();
        let status = Command::new("cargo")
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-timeout={TIMEOUT}"))
            .arg(format!("-max_len={MAX_LEN}"))
            .arg("-rss_limit_mb=4096")
            .current_dir(&fuzz_dir)
            .status()
            .map_err(|error| format!("cannot run cargo fuzz: {error}"))?;
        results.push((target, status.success(), started.elapsed().as_secs()));
    }
    println!("\nfuzz target        result   seconds");
    for (target, ok, elapsed) in &results {
        println!("{target:<18} {:<8} {elapsed}", if *ok { "ok" } else { "FAILED" });
    }
    match results.iter().filter(|(_, ok, _)| !ok).count() {
        0 => Ok(()),
        failed => Err(format!("{failed} fuzz target(s) found an input that fails: see core/fuzz/artifacts/")),
    }
}

/// Starts a target's corpus from the files the tests use.
fn seed(root: &Path, target: &str, corpus: &Path) -> Result<(), String> {
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(corpus.join(name), bytes).map_err(|error| format!("cannot seed {target}: {error}"))
    };
    match target {
        "certificates" => {
            let fixtures = root.join("core/tests/data/certificates");
            for entry in std::fs::read_dir(&fixtures).map_err(|error| error.to_string())?.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.ends_with(".sh") {
                    write(&format!("seed-{name}"), &std::fs::read(entry.path()).map_err(|error| error.to_string())?)?;
                }
            }
        }
        "numbers" => write("seed-se", b"\x0008-123 45 67\n+46 (0)8 123 45 67\n0046 8 123 45 67\n+4681234567\n")?,
        "users" => {
            write("seed-csv", "\x00mobile;mail;displayName\r\n070-123 45 67;a@x.se;\"Åsa, Ö\"\r\n".as_bytes())?;
            write("seed-ldif", b"\x02version: 1\ndn: cn=a,dc=x\nmobile: +4670123\n 4567\ndisplayName:: w4VzYQ==\n\n")?;
            let mut utf16 = vec![0x04, 0xFF, 0xFE];
            utf16.extend("mail,mobile\r\na@x.se,+46701234567\r\n".encode_utf16().flat_map(u16::to_le_bytes));
            write("seed-utf16", &utf16)?;
        }
        "spf" => {
            let host = sitecheck_core::limits::SPF_HOST;
            write(
                "seed-spf",
                format!("v=spf1 include:{host} ip4:192.0.2.0/24 redirect=_spf.example.com ?all\n").as_bytes(),
            )?
        }
        "client_secret" => write("seed-secret", b"2025-03-01\n24m\n2026-12-02")?,
        _ => {}
    }
    Ok(())
}
