//! `cargo xtask bench …`: figures for the speed goals, printed rather than asserted, so that a
//! noisy machine never fails a test.

use sitecheck_e2e::browsers::{Engine, Launch, launch};
// The benchmarks time the build on the built-in server, whatever SITECHECK_SERVER says.
use sitecheck_e2e::package::Server;
use sitecheck_e2e::server::StaticServer;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Times `sitecheck ua` over a proxy log of 100 000 user agents made from the test table.
pub fn user_agents(root: &Path) -> Result<(), String> {
    let status = Command::new("cargo")
        .args(["build", "--release", "-p", "sitecheck"])
        .current_dir(root)
        .status()
        .map_err(|error| error.to_string())?;
    if !status.success() {
        return Err("building the CLI failed".into());
    }
    let table =
        std::fs::read_to_string(root.join("core/tests/data/user-agents.tsv")).map_err(|error| error.to_string())?;
    let agents: Vec<&str> = table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.splitn(5, '\t').nth(4))
        .collect();
    let lines = 100_000;
    let log: String = agents.iter().cycle().take(lines).flat_map(|agent| [*agent, "\n"]).collect();
    let input = std::env::temp_dir().join(format!("sitecheck-bench-ua-{}.txt", std::process::id()));
    std::fs::write(&input, &log).map_err(|error| error.to_string())?;
    let binary = root.join("target/release/sitecheck");
    let mut times = Vec::new();
    for _ in 0..5 {
        let file = std::fs::File::open(&input).map_err(|error| error.to_string())?;
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("ua")
            .stdin(file)
            .stdout(Stdio::null())
            .status()
            .map_err(|error| error.to_string())?;
        times.push(started.elapsed().as_secs_f64());
        if !status.success() {
            return Err("sitecheck ua failed".into());
        }
    }
    let _ = std::fs::remove_file(&input);
    let seconds = median(times);
    println!(
        "sitecheck ua: {lines} user agents ({} KB) in {:.3} s (median of 5), {:.0} lines/s; goal: well under 1 s",
        log.len() / 1024,
        seconds,
        lines as f64 / seconds
    );
    Ok(())
}

/// The time from navigation start to a performance mark the page has set.
fn read_mark(session: &sitecheck_e2e::webdriver::Session, mark: &str) -> Result<f64, String> {
    let script = format!("const mark = performance.getEntriesByName('{mark}')[0]; return mark ? mark.startTime : null");
    let value = session.execute(&script, serde_json::json!([])).map_err(|error| error.to_string())?;
    value.as_f64().ok_or_else(|| format!("the page set no {mark} mark"))
}

/// Loads `url`, waits for `ready`, and reads `mark`.
fn mark_time(session: &sitecheck_e2e::webdriver::Session, url: &str, ready: &str, mark: &str) -> Result<f64, String> {
    session.goto(url).map_err(|error| error.to_string())?;
    session.wait_for(ready, Duration::from_secs(30)).map_err(|error| format!("{url}: {error}"))?;
    read_mark(session, mark).map_err(|error| format!("{url}: {error}"))
}

/// Loads a bare Leptos page and the release build 10 times each per engine, alternately, in
/// one browser session, and prints each one's time to its first drawing: the bare page's mount,
/// sitecheck's first verdict (the first load) and its whole page.
pub fn startup(root: &Path, dist: &Path) -> Result<(), String> {
    let bare = build_bare_page(root)?;
    let app = StaticServer::start(dist, "/", 0).map_err(|error| error.to_string())?;
    let baseline = StaticServer::start(&bare, "/", 0).map_err(|error| error.to_string())?;
    println!(
        "{:<10} {:>18} {:>22} {:>18} {:>10}",
        "engine", "bare Leptos ms", "sitecheck first ms", "whole page ms", "first/bare"
    );
    for engine in Engine::ALL {
        let session = launch(engine, &Launch::default()).map_err(|error| format!("{}: {error}", engine.name()))?;
        let (mut bare_times, mut first_times, mut page_times) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..10 {
            let bare_url = format!("{}?round={round}", baseline.url());
            bare_times.push(mark_time(&session, &bare_url, "[data-bare='ready']", "bare-leptos-mounted")?);
            let app_url = format!("{}?round={round}", app.url());
            // The whole page's cards: by then the first verdict's mark is set too.
            first_times.push(mark_time(&session, &app_url, "[data-check='pc.browser']", "sitecheck-first-verdict")?);
            page_times.push(read_mark(&session, "sitecheck-page-ready")?);
        }
        let (bare, first, page) = (median(bare_times), median(first_times), median(page_times));
        println!("{:<10} {:>18.1} {:>22.1} {:>18.1} {:>9.2}×", engine.name(), bare, first, page, first / bare);
    }
    println!("medians of 10 loads each, from navigation start, served on loopback, in one session per engine");
    println!("goal: the first verdict within 1.5× the bare Leptos page");
    crate::size::report(dist)
}

/// Builds `bench/bare-leptos` with trunk (as the app is built, wasm-opt -Oz) and returns its folder.
fn build_bare_page(root: &Path) -> Result<std::path::PathBuf, String> {
    let path = crate::tools::ensure_build_tools(root)?;
    let out = root.join("target/bench-bare-leptos");
    let status = Command::new("trunk")
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&out)
        .env("PATH", &path)
        .current_dir(root.join("bench/bare-leptos"))
        .status()
        .map_err(|error| format!("trunk: {error}"))?;
    if status.success() { Ok(out) } else { Err("building the bare Leptos page failed".into()) }
}

/// Measures injected conditions in Chromium and prints injected against measured figures.
pub fn network(dist: &Path) -> Result<(), String> {
    use sitecheck_e2e::network::FigureName::{JitterMs, Lost, MedianMs, MinimumMs};
    use sitecheck_e2e::network::{FaultProxy, Faults, HttpsServer, card, measure_on};
    let (readable, opaque) = (HttpsServer::start(), HttpsServer::start_opaque());
    let conditions =
        [(0, 0, 0), (20, 0, 0), (40, 0, 0), (80, 0, 0), (130, 0, 0), (40, 10, 0), (10, 0, 20), (10, 0, 50)]
            .map(|(delay_ms, jitter_ms, drop_permille)| Faults { delay_ms, jitter_ms, drop_permille });
    println!("HTTPS: 60 samples per row through the fault injector (timeout 1 s)");
    println!(
        "{:<8} {:<6} {:>8} {:>7} {:>6} | {:>9} {:>8} {:>9} {:>6} {:>8}",
        "engine", "timing", "delay ms", "jitter±", "drop ‰", "median ms", "min ms", "jitter ms", "lost", "injected"
    );
    for engine in Engine::ALL {
        for (server, timing) in [(&readable, "RT"), (&opaque, "clock")] {
            for faults in conditions {
                // The wall-clock rows need only show the path's overhead against one delay.
                if timing == "clock" && (faults.jitter_ms > 0 || faults.drop_permille > 0 || faults.delay_ms % 40 != 0)
                {
                    continue;
                }
                let proxy = FaultProxy::start(server.port, faults);
                let (cards, _) = measure_on(Server::BuiltIn, engine, dist, proxy.port, 60, 1000);
                let delay = card(&cards, "net.one-way-delay");
                let jitter = card(&cards, "net.jitter");
                let loss = card(&cards, "net.packet-loss");
                println!(
                    "{:<8} {:<6} {:>8} {:>7} {:>6} | {:>9.1} {:>8.1} {:>9.1} {:>6} {:>8}",
                    engine.name(),
                    timing,
                    faults.delay_ms,
                    faults.jitter_ms,
                    faults.drop_permille,
                    delay.figure(MedianMs),
                    delay.figure(MinimumMs),
                    jitter.figure(JitterMs),
                    loss.count(Lost),
                    proxy.lost.load(std::sync::atomic::Ordering::SeqCst),
                );
            }
        }
    }
    println!("RT: the server allows Resource Timing (CORS and Timing-Allow-Origin); clock: it does not, so the");
    println!("page times each request by the wall clock. Expected jitter for ±10 ms uniform is 6.7 ms.");
    println!("\"injected\" counts the chunks the injector lost; each silences one connection, so one request is");
    println!("lost: a counted sample, or the reachability request or a warm-up before them.");
    relayed_loss(dist)?;
    full_run(dist, &readable)
}

/// 1000 packets through TURN behind the lossy relay: what the relay dropped against what the
/// page counted lost.
fn relayed_loss(dist: &Path) -> Result<(), String> {
    use sitecheck_e2e::network::FigureName::Lost;
    use sitecheck_e2e::network::{LossyUdpRelay, TurnServer, relayed_loss_card, turn_only_config};
    use sitecheck_e2e::page::Page;
    let turn = TurnServer::start();
    println!();
    println!("UDP through TURN: 1000 packets of 160 bytes, echoed back");
    println!("{:<8} {:>6} | {:>8} {:>9}", "engine", "drop ‰", "dropped", "page lost");
    for engine in [Engine::Chromium, Engine::Firefox] {
        for drop_permille in [0, 10, 25] {
            let relay = LossyUdpRelay::start(turn.port, drop_permille);
            let config = turn_only_config(relay.port);
            let page = Page::open_build_on(Server::BuiltIn, dist, engine, Launch::default(), &config);
            page.session
                .wait_for(".network[data-done='true']", Duration::from_secs(90))
                .map_err(|error| error.to_string())?;
            let lost = relayed_loss_card(&page).and_then(|card| card.data.get(Lost.slug()).cloned());
            println!(
                "{:<8} {:>6} | {:>8} {:>9}",
                engine.name(),
                drop_permille,
                relay.dropped_sized(200..=300),
                lost.as_deref().unwrap_or("?")
            );
        }
    }
    println!("Each packet crosses the lossy hop twice (out and echoed back); \"dropped\" counts the probe's");
    println!("datagrams the relay dropped. WebKitGTK here has no WebRTC.");
    Ok(())
}

/// Times the whole automatic run (HTTPS, 20 samples, STUN, TURN with 1000 packets and the
/// throughput stream) on a healthy loopback network, against the 10-second goal.
fn full_run(dist: &Path, server: &sitecheck_e2e::network::HttpsServer) -> Result<(), String> {
    use sitecheck_e2e::network::{PLATFORM_HOST, TurnServer};
    use sitecheck_e2e::page::Page;
    let turn = TurnServer::start();
    let config = format!(
        r#"{{"https_hosts": ["{PLATFORM_HOST}"], "ice_servers": [{{"url": "stun:127.0.0.1:{port}"}},
            {{"url": "turn:127.0.0.1:{port}?transport=udp", "username": "{user}", "credential": "{password}"}}]}}"#,
        port = turn.port,
        user = TurnServer::USER,
        password = TurnServer::PASSWORD,
    );
    for engine in Engine::ALL {
        let launch = Launch { map_host: Some((PLATFORM_HOST.to_owned(), server.port)), ..Launch::default() };
        let page = Page::open_build_on(Server::BuiltIn, dist, engine, launch, &config);
        page.session
            .wait_for(".network[data-done='true']", Duration::from_secs(120))
            .map_err(|error| error.to_string())?;
        // The page marks when the network checks end; the mark counts from navigation.
        let done = page.run(
            "const mark = performance.getEntriesByName('sitecheck-network-done')[0]; return mark ? mark.startTime : null",
            serde_json::json!([]),
        );
        let seconds = done.as_f64().ok_or("the page set no sitecheck-network-done mark")? / 1000.0;
        println!(
            "{}: the whole automatic network run ended {seconds:.1} s after navigation (goal: at most 10 s on a healthy network)",
            engine.name()
        );
    }
    Ok(())
}

/// Runs the kernel test's random rulesets by the thousand and prints how the coverage check
/// agreed with the kernel (the test itself fails on any disagreement).
pub fn coverage(root: &Path) -> Result<(), String> {
    let count = std::env::var("SITECHECK_RULESETS").unwrap_or_else(|_| "1000".into());
    let output = Command::new("cargo")
        .args([
            "test",
            "-p",
            "sitecheck-e2e",
            "--test",
            "kernel",
            "coverage_agrees",
            "--",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("SITECHECK_RULESETS", &count)
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| error.to_string())?;
    let text = String::from_utf8_lossy(&output.stdout);
    for line in text.lines().filter(|line| line.contains("rulesets,") || line.contains("seed")) {
        println!("{line}");
    }
    if output.status.success() { Ok(()) } else { Err(format!("the coverage check disagreed with the kernel:\n{text}")) }
}
