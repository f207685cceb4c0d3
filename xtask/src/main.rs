//! `cargo xtask`: set-up, build, serve, test and size for sitecheck, in Rust so that a fresh
//! machine needs nothing but cargo, node and npm to start.

mod bench;
mod first_load;
mod fuzz;
mod integrity;
mod package;
mod size;
mod tools;

use sitecheck_e2e::server::StaticServer;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const USAGE: &str = "\
Usage: cargo xtask <command>
  serve [--port N]   install what is missing, build the release app, serve it on 127.0.0.1 (default 8080)
  build              install what is missing and build the release app into dist/
  dist               build, then the intranet package target/package/sitecheck-<version>.zip
  test               install browsers and drivers, then run every check and test
  size               build, then print the size of each file in dist/ (raw and gzip)
  bench startup      build, then time the first verdict and the whole page beside a bare
                     Leptos page in each engine (10 loads each)
  bench ua           time `sitecheck ua` over 100 000 user agents
  bench network      injected against measured delay, jitter and loss (three engines, loopback)
  bench coverage     the coverage check against the kernel on thousands of random rulesets
                     (SITECHECK_RULESETS per syntax, default 1000; SITECHECK_SEED to repeat a run)
  fuzz [--seconds N] [TARGET...]
                     fuzz the add-on parsers with cargo-fuzz on the nightly toolchain, N seconds
                     each (default 600); targets: certificates numbers users spf client_secret
";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match arguments.first().map(String::as_str) {
        Some("serve") => serve(&root, &arguments[1..]),
        Some("build") => build(&root).map(drop),
        Some("dist") => build(&root).and_then(|dist| package::build(&root, &dist)).map(drop),
        Some("test") => test(&root),
        Some("size") => build(&root).and_then(|dist| size::report(&dist)),
        Some("fuzz") => fuzz::run(&root, &arguments[1..]),
        Some("bench") => match arguments.get(1).map(String::as_str) {
            Some("startup") => {
                tools::ensure_test_tools().and_then(|()| build(&root)).and_then(|dist| bench::startup(&root, &dist))
            }
            Some("ua") => bench::user_agents(&root),
            Some("network") => {
                tools::ensure_test_tools().and_then(|()| build(&root)).and_then(|dist| bench::network(&dist))
            }
            Some("coverage") => tools::ensure_test_tools().and_then(|()| bench::coverage(&root)),
            _ => Err(format!("bench takes startup, ua, network or coverage\n{USAGE}")),
        },
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Builds the release app with trunk into `dist/` and returns that folder.
fn build(root: &Path) -> Result<PathBuf, String> {
    let path = tools::ensure_build_tools(root)?;
    // trunk runs offline so that it never tries to download a tool; fetch crates first.
    run(Command::new("cargo").arg("fetch").current_dir(root))?;
    write_catalogue(root)?;
    run(Command::new("trunk").args(["build", "--release", "--offline"]).env("PATH", &path).current_dir(root))?;
    let dist = root.join("dist");
    first_load::join(&dist)?;
    let hashed = integrity::stamp(&dist)?;
    println!("xtask: {hashed} scripts and wasm files hashed into index.html (Subresource Integrity)");
    Ok(dist)
}

/// The catalogue the page offers as a download, written here, where trunk copies it from
/// (index.html): serialising it in the browser cost the first load about 5 KB of gzip.
fn write_catalogue(root: &Path) -> Result<(), String> {
    let folder = root.join("target/generated");
    std::fs::create_dir_all(&folder).map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
    let json = sitecheck_core::catalogue::catalogue_json().map_err(|error| error.to_string())?;
    let path = folder.join(sitecheck_core::catalogue::CATALOGUE_FILE);
    std::fs::write(&path, json).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn serve(root: &Path, arguments: &[String]) -> Result<(), String> {
    let port = match arguments {
        [] => 8080,
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("--port takes a number, not {port:?}"))?,
        _ => return Err(format!("unexpected arguments {arguments:?}\n{USAGE}")),
    };
    let dist = build(root)?;
    let server =
        StaticServer::start(&dist, "/", port).map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    println!("\nsitecheck is served at {}  (Ctrl-C stops it)", server.url());
    server.wait();
    Ok(())
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|error| format!("cannot run {:?}: {error}", command.get_program()))?;
    if status.success() { Ok(()) } else { Err(format!("{:?} failed ({status})", command.get_program())) }
}

/// What one step of `cargo xtask test` came to.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    passed: u64,
    failed: u64,
}

/// Reads cargo test's closing line: "test result: ok. 27 passed; 0 failed; ...".
fn parse_test_result(line: &str) -> Option<Tally> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |word: &str| -> Option<u64> {
        let end = rest.find(word)?;
        rest[..end].trim_end().rsplit([' ', '.', ';']).next()?.parse().ok()
    };
    Some(Tally { passed: number_before(" passed")?, failed: number_before(" failed")? })
}

/// Runs a step, echoing its output, and counts its tests. A step that fails without a failing
/// test (a compile error, a lint, a format difference) counts as one failure.
fn step(name: &str, command: &mut Command) -> Tally {
    println!("\n==> {name}");
    let child = command.stdout(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            println!("xtask: cannot run {name}: {error}");
            return Tally { passed: 0, failed: 1 };
        }
    };
    let mut tally = Tally::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(result) = parse_test_result(&line) {
                tally.passed += result.passed;
                tally.failed += result.failed;
            }
        }
    }
    let success = child.wait().is_ok_and(|status| status.success());
    if !success && tally.failed == 0 {
        tally.failed = 1;
    }
    if !success || tally.failed > 0 {
        println!("==> {name}: FAILED");
    } else if tally.passed == 0 {
        // Lints and format checks have no test count: a clean one is one check passed.
        tally.passed = 1;
    }
    tally
}

fn test(root: &Path) -> Result<(), String> {
    tools::ensure_test_tools()?;
    let axe = tools::ensure_axe()?;
    let path = tools::ensure_build_tools(root)?;
    let cargo = |arguments: &[&str]| {
        let mut command = Command::new("cargo");
        command.args(arguments).current_dir(root).env("PATH", &path);
        command
    };
    let mut tallies = vec![
        step("format", &mut cargo(&["fmt", "--all", "--check"])),
        step("clippy (native)", &mut cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])),
        step(
            "clippy (wasm32)",
            &mut cargo(&[
                "clippy",
                "-p",
                "sitecheck-core",
                "-p",
                "sitecheck-app",
                "-p",
                "sitecheck-worker",
                "-p",
                "sitecheck-bench-bare",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        ),
        step(
            "unit and CLI tests",
            &mut cargo(&[
                "test",
                "--workspace",
                "--exclude",
                "sitecheck-app",
                "--exclude",
                "sitecheck-e2e",
                "--exclude",
                "sitecheck-bench-bare",
            ]),
        ),
        step("harness tests", &mut cargo(&["test", "-p", "sitecheck-e2e", "--lib"])),
        // One lab of network namespaces at a time: the tests share the machine's kernel.
        step(
            "firewall rules on a real kernel (network namespaces)",
            &mut cargo(&["test", "-p", "sitecheck-e2e", "--test", "kernel", "--", "--test-threads=1"]),
        ),
    ];
    match build(root).and_then(|dist| package::build(root, &dist).map(|zip| (dist, zip))) {
        Ok((dist, zip)) => {
            // The first-load budget is a check: over it, this step fails.
            println!("\n==> first-load budget (cargo xtask size)");
            tallies.push(match size::report(&dist) {
                Ok(()) => Tally { passed: 1, failed: 0 },
                Err(message) => {
                    println!("==> first-load budget: FAILED: {message}");
                    Tally { passed: 0, failed: 1 }
                }
            });
            let mut e2e = cargo(&[
                "test",
                "-p",
                "sitecheck-e2e",
                "--test",
                "browsers",
                "--test",
                "plan",
                "--test",
                "addons",
                "--test",
                "package",
                "--test",
                "accessibility",
                "--test",
                "language",
                "--test",
                "integrity",
                "--",
                "--test-threads=2",
            ]);
            // Every page from the unzipped package behind nginx and its shipped configuration,
            // as an intranet serves it (a developer's `cargo test` uses the built-in server).
            e2e.env(sitecheck_e2e::package::SERVER_VARIABLE, "nginx");
            e2e.env("SITECHECK_DIST", &dist);
            e2e.env("SITECHECK_PACKAGE", &zip);
            e2e.env("SITECHECK_AXE", &axe);
            // The add-on tests compare the page with the CLI twin, built by the unit and CLI tests.
            e2e.env("SITECHECK_CLI", root.join("target/debug/sitecheck"));
            tallies.push(step("end-to-end tests in Chromium, Firefox ESR and WebKit, behind nginx", &mut e2e));
            // Alone, so that the timing figures see as quiet a machine as this one can offer.
            let mut network = cargo(&["test", "-p", "sitecheck-e2e", "--test", "network", "--", "--test-threads=1"]);
            network.env(sitecheck_e2e::package::SERVER_VARIABLE, "nginx");
            network.env("SITECHECK_DIST", &dist);
            network.env("SITECHECK_PACKAGE", &zip);
            tallies.push(step(
                "network measurements against injected faults (Chromium, Firefox ESR, WebKit)",
                &mut network,
            ));
        }
        Err(message) => {
            println!("xtask: the release build or the package failed, so the browser tests could not run: {message}");
            tallies.push(Tally { passed: 0, failed: 1 });
        }
    }
    let passed: u64 = tallies.iter().map(|tally| tally.passed).sum();
    let failed: u64 = tallies.iter().map(|tally| tally.failed).sum();
    println!("\n{passed} passed, {failed} failed");
    if failed == 0 { Ok(()) } else { Err(format!("{failed} failed")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_test_results() {
        let check = |line: &str, expected: Option<(u64, u64)>| {
            assert_eq!(parse_test_result(line).map(|tally| (tally.passed, tally.failed)), expected, "{line}");
        };
        check(
            "test result: ok. 27 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.02s",
            Some((27, 0)),
        );
        check("test result: FAILED. 25 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out", Some((25, 2)));
        check("running 3 tests", None);
        check("test result: garbage", None);
    }
}
