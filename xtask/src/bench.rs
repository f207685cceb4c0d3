//! `cargo xtask bench …`: figures for the speed goals, printed rather than asserted, so that a
//! noisy machine never fails a test.

use sitecheck_e2e::browsers::{Engine, Launch, launch};
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

/// Loads the release build 10 times per engine and reports the time to the first verdict card.
pub fn startup(dist: &Path) -> Result<(), String> {
    let server = StaticServer::start(dist, "/", 0).map_err(|error| error.to_string())?;
    println!("{:<10} {:>12} {:>12} {:>12}", "engine", "median ms", "min ms", "max ms");
    for engine in Engine::ALL {
        let session = launch(engine, &Launch::default()).map_err(|error| format!("{}: {error}", engine.name()))?;
        let mut times = Vec::new();
        for round in 0..10 {
            session.goto(&format!("{}?round={round}", server.url())).map_err(|error| error.to_string())?;
            session
                .wait_for("[data-check='pc.browser']", Duration::from_secs(20))
                .map_err(|error| error.to_string())?;
            let mark = session
                .execute(
                    "const mark = performance.getEntriesByName('sitecheck-first-verdict')[0]; return mark ? mark.startTime : null",
                    serde_json::json!([]),
                )
                .map_err(|error| error.to_string())?;
            times.push(mark.as_f64().ok_or("the page set no sitecheck-first-verdict mark")?);
        }
        let (min, max) = times.iter().fold((f64::MAX, 0.0f64), |(min, max), time| (min.min(*time), max.max(*time)));
        println!("{:<10} {:>12.1} {:>12.1} {:>12.1}", engine.name(), median(times), min, max);
    }
    println!("time from navigation start to the first verdict card, 10 loads each, served on loopback");
    println!("goal: within 1.5× a bare Leptos page (about 0.2 s here), i.e. under 300 ms");
    crate::size::report(dist)
}

/// Measures injected conditions in Chromium and prints injected against measured figures.
pub fn network(dist: &Path) -> Result<(), String> {
    use sitecheck_e2e::network::{FaultProxy, Faults, HttpsServer, card, figure, measure_in};
    let server = HttpsServer::start();
    let conditions = [
        Faults { delay_ms: 0, jitter_ms: 0, drop_permille: 0 },
        Faults { delay_ms: 20, jitter_ms: 0, drop_permille: 0 },
        Faults { delay_ms: 40, jitter_ms: 0, drop_permille: 0 },
        Faults { delay_ms: 80, jitter_ms: 0, drop_permille: 0 },
        Faults { delay_ms: 40, jitter_ms: 10, drop_permille: 0 },
        Faults { delay_ms: 10, jitter_ms: 0, drop_permille: 20 },
        Faults { delay_ms: 10, jitter_ms: 0, drop_permille: 50 },
    ];
    println!(
        "{:<8} {:>9} {:>9} {:>9} | {:>10} {:>10} {:>10} {:>9}",
        "engine", "delay ms", "jitter±", "drop ‰", "median ms", "min ms", "jitter ms", "lost"
    );
    for (engine, faults) in
        [Engine::Chromium, Engine::Firefox].into_iter().flat_map(|engine| conditions.map(|faults| (engine, faults)))
    {
        let proxy = FaultProxy::start(server.port, faults);
        let (cards, _) = measure_in(engine, dist, proxy.port, 60, 3000);
        let delay = card(&cards, "net.one-way-delay").1;
        let jitter = card(&cards, "net.jitter").1;
        let loss = card(&cards, "net.packet-loss").1;
        println!(
            "{:<8} {:>9} {:>9} {:>9} | {:>10.1} {:>10.1} {:>10.1} {:>9}",
            engine.name(),
            faults.delay_ms,
            faults.jitter_ms,
            faults.drop_permille,
            figure(delay, "(median"),
            figure(delay, "minimum"),
            figure(jitter, "Jitter"),
            loss.split(" samples").next().unwrap_or("?"),
        );
    }
    println!("60 HTTPS samples per row through the fault injector; the 0 ms row is the loopback path itself.");
    println!("Loss is per HTTPS request: the injector cuts the connection and browsers retry a GET on a fresh one,");
    println!("so most cuts never show; packet loss is measured on the UDP path (1000 packets through TURN).");
    println!("Firefox reaches the injector as its HTTPS proxy (CONNECT); WebKit has no host mapping here.");
    full_run(dist, &server)
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
    for engine in [Engine::Chromium, Engine::Firefox] {
        let launch = Launch { map_host: Some((PLATFORM_HOST.to_owned(), server.port)), ..Launch::default() };
        let page = Page::open_build_with_config(dist, engine, launch, &config);
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
