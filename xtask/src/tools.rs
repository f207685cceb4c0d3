//! Installs what the build and the tests need, only where it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";

fn output(program: &str, arguments: &[&str]) -> Option<String> {
    let output = Command::new(program).args(arguments).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn run(program: &str, arguments: &[&str]) -> Result<(), String> {
    println!("xtask: {program} {}", arguments.join(" "));
    let status =
        Command::new(program).args(arguments).status().map_err(|error| format!("cannot run {program}: {error}"))?;
    if status.success() { Ok(()) } else { Err(format!("{program} {} failed ({status})", arguments.join(" "))) }
}

fn cargo_bin() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default();
    cargo_home.join("bin")
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|error| format!("Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|next| next.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen".to_owned())
}

/// wasm-opt from npm: Debian's binaryen 108 corrupts Leptos builds.
fn ensure_wasm_opt() -> Result<PathBuf, String> {
    let home = std::env::var_os("HOME").map(PathBuf::from).ok_or("HOME is not set")?;
    let prefix = home.join(".cache/sitecheck").join(format!("binaryen-{BINARYEN_VERSION}"));
    let bin = prefix.join("node_modules/.bin");
    let wasm_opt = bin.join("wasm-opt");
    let version_ok = |path: &Path| {
        output(&path.to_string_lossy(), &["--version"])
            .is_some_and(|text| text.contains(&format!("version {BINARYEN_VERSION}")))
    };
    if !version_ok(&wasm_opt) {
        std::fs::create_dir_all(&prefix).map_err(|error| format!("{}: {error}", prefix.display()))?;
        let prefix_text = prefix.to_string_lossy().into_owned();
        let package = format!("binaryen@{BINARYEN_VERSION}");
        run("npm", &["install", "--prefix", &prefix_text, "--no-audit", "--no-fund", "--no-save", &package])?;
        if !version_ok(&wasm_opt) {
            return Err(format!("{} is not binaryen {BINARYEN_VERSION} after installing it", wasm_opt.display()));
        }
    }
    Ok(bin)
}

/// Makes sure the wasm target, trunk, wasm-bindgen and wasm-opt are there, and returns the
/// PATH the build must run with (npm's wasm-opt first, then cargo's binaries).
pub fn ensure_build_tools(root: &Path) -> Result<std::ffi::OsString, String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|target| target.trim() == "wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let cargo_bin = cargo_bin();
    let tool = |name: &str| cargo_bin.join(name).to_string_lossy().into_owned();
    if output(&tool("trunk"), &["--version"]).is_none_or(|text| text.trim() != format!("trunk {TRUNK_VERSION}")) {
        // trunk 0.22 needs a newer rustc than this toolchain; 0.21.14 builds with --locked.
        run("cargo", &["install", "trunk", "--version", TRUNK_VERSION, "--locked"])?;
    }
    let bindgen = locked_wasm_bindgen(root)?;
    if output(&tool("wasm-bindgen"), &["--version"]).is_none_or(|text| text.trim() != format!("wasm-bindgen {bindgen}"))
    {
        // Not --locked: one of its locked dependencies is missing from the registry.
        run("cargo", &["install", "wasm-bindgen-cli", "--version", &bindgen])?;
    }
    let wasm_opt_bin = ensure_wasm_opt()?;
    let mut paths = vec![wasm_opt_bin, cargo_bin];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).map_err(|error| error.to_string())
}

fn on_path(program: &str) -> bool {
    // Firewall tools live in /usr/sbin, which an unprivileged PATH may lack.
    output("sh", &["-c", &format!("command -v {program}")]).is_some() || Path::new("/usr/sbin").join(program).is_file()
}

/// axe-core, the accessibility rules the end-to-end tests inject into the page.
pub const AXE_VERSION: &str = "4.14.1";

/// The path of `axe.min.js`, installed from npm when missing.
pub fn ensure_axe() -> Result<PathBuf, String> {
    let home = std::env::var_os("HOME").map(PathBuf::from).ok_or("HOME is not set")?;
    let prefix = home.join(".cache/sitecheck").join(format!("axe-core-{AXE_VERSION}"));
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if !script.is_file() {
        std::fs::create_dir_all(&prefix).map_err(|error| format!("{}: {error}", prefix.display()))?;
        let prefix_text = prefix.to_string_lossy().into_owned();
        let package = format!("axe-core@{AXE_VERSION}");
        run("npm", &["install", "--prefix", &prefix_text, "--no-audit", "--no-fund", "--no-save", &package])?;
        if !script.is_file() {
            return Err(format!("{} is missing after installing {package}", script.display()));
        }
    }
    Ok(script)
}

/// Installs the browsers and drivers the end-to-end tests use, where missing.
pub fn ensure_test_tools() -> Result<(), String> {
    let packages = [
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("firefox-esr", "firefox-esr"),
        ("WebKitWebDriver", "webkit2gtk-driver"),
        ("Xvfb", "xvfb"),
        // Real parsers for the firewall exports.
        ("nft", "nftables"),
        ("iptables-restore", "iptables"),
        // Network namespaces and veth pairs for the kernel test of the firewall rules.
        ("ip", "iproute2"),
        // Empties the router's connection table between rulesets.
        ("conntrack", "conntrack"),
        // Counts the pages of the printed report.
        ("pdfinfo", "poppler-utils"),
        // A real TLS server for the native probe's tests, and an HTTPS target for the network
        // checks' tests.
        ("openssl", "openssl"),
        ("nginx", "nginx"),
        // STUN and TURN for the UDP path through WebRTC.
        ("turnserver", "coturn"),
        // A DNS server on loopback for `sitecheck spf DOMAIN`'s tests: the binary only, with no
        // service that would take port 53.
        ("dnsmasq", "dnsmasq-base"),
    ];
    let missing: Vec<&str> =
        packages.iter().filter(|(program, _)| !on_path(program)).map(|(_, package)| *package).collect();
    if !missing.is_empty() {
        let root = output("id", &["-u"]).is_some_and(|id| id.trim() == "0");
        let (program, prefix): (&str, &[&str]) = if root { ("apt-get", &[]) } else { ("sudo", &["-n", "apt-get"]) };
        let mut update: Vec<&str> = prefix.to_vec();
        update.extend(["update", "-qq"]);
        run(program, &update)?;
        let mut install: Vec<&str> = prefix.to_vec();
        install.extend(["install", "-y", "-qq", "--no-install-recommends"]);
        install.extend(&missing);
        run(program, &install)?;
    }
    if !on_path("geckodriver") && !cargo_bin().join("geckodriver").is_file() {
        run("cargo", &["install", "geckodriver"])?;
    }
    Ok(())
}
