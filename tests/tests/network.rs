//! The network checks measured against injected ground truth: nginx over HTTPS behind a
//! userspace fault injector, with the platform's name mapped to it in Chromium. One case is
//! one test; the page's figures are read from its cards' `data-` attributes, not from their
//! sentences.

use sitecheck_core::limits::CALL_BANDWIDTH;
use sitecheck_core::network::ROUND_TRIP_LIMIT;
use sitecheck_core::network::run::RELAY_PACKETS;
use sitecheck_core::verdict::FigureName::{
    FreshWarmUps, JitterMs, Lost, MedianMs, MinimumMs, PlanCalls, Port, RequiredKbps, Sent, TestedCalls,
};
use sitecheck_e2e::browsers::{Engine, Launch};
use sitecheck_e2e::network::{
    Card, FaultProxy, Faults, HttpsServer, LossyUdpRelay, PLATFORM_HOST, TurnServer, card, measure_in, network_cards,
    relayed_loss_card, silent_listener, turn_only_config,
};
use sitecheck_e2e::page::Page;
use std::time::Duration;

/// One `#[test]` per case: `name: helper(arguments);`.
macro_rules! cases {
    ($($(#[doc = $doc:literal])* $name:ident: $helper:ident($($argument:expr),*);)*) => {
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                $helper($($argument),*);
            }
        )*
    };
}

fn measure(port: u16, samples: usize, timeout_ms: u64) -> (Vec<Card>, Duration) {
    measure_in(Engine::Chromium, &sitecheck_e2e::dist_dir(), port, samples, timeout_ms)
}

/// The verdict 2.1 gives a round trip of `delay_ms`: over the limit one way at half of it.
fn delay_verdict(delay_ms: u64) -> &'static str {
    if delay_ms >= u64::from(ROUND_TRIP_LIMIT.0) { "warning" } else { "pass" }
}

/// Measures `delay_ms` injected in front of a server that lets the page read its Resource
/// Timing, so the round trip is the request's own (request sent to first byte back), without
/// the page's scheduling around it: the median must match the injected delay within
/// 2 ms + 5 %. Firefox and WebKit cannot map a name to a port: the fault injector is their
/// HTTPS proxy.
fn injected_delay(engine: Engine, delay_ms: u64) -> Vec<Card> {
    let server = HttpsServer::start();
    let proxy = FaultProxy::start(server.port, Faults { delay_ms, ..Faults::default() });
    let (cards, _) = measure_in(engine, &sitecheck_e2e::dist_dir(), proxy.port, 30, 3000);
    let name = engine.name();
    assert_eq!(card(&cards, "net.dns-name").verdict, "pass", "{name}: {cards:#?}");
    let delay = card(&cards, "net.one-way-delay");
    let evidence = &delay.evidence;
    assert!(evidence.contains("timed by Resource Timing (the server allows"), "{name}: {evidence}");
    // A healthy path keeps its connection: Resource Timing shows no sample on a new one.
    assert!(evidence.contains("on a kept-alive connection, 30 after 2 warm-ups, timed"), "{name}: {evidence}");
    let median = delay.figure(MedianMs);
    assert!(
        (median - delay_ms as f64).abs() <= 2.0 + 0.05 * delay_ms as f64,
        "{name}: injected {delay_ms} ms, median round trip {median} ms: {evidence}"
    );
    // 130 ms round trip is 65 ms one way: over 2.1's 60 ms.
    assert_eq!(delay.verdict, delay_verdict(delay_ms), "{name}: {evidence}");
    cards
}

/// As `injected_delay` in Chromium, where the loss must also pass.
fn chromium_injected_delay(delay_ms: u64) {
    let cards = injected_delay(Engine::Chromium, delay_ms);
    assert_eq!(card(&cards, "net.packet-loss").verdict, "pass");
}

fn delay_through_the_proxy(engine: Engine, delay_ms: u64) {
    injected_delay(engine, delay_ms);
}

cases! {
    injected_delay_of_0_ms_is_measured_within_tolerance: chromium_injected_delay(0);
    injected_delay_of_20_ms_is_measured_within_tolerance: chromium_injected_delay(20);
    injected_delay_of_40_ms_is_measured_within_tolerance: chromium_injected_delay(40);
    injected_delay_of_80_ms_is_measured_within_tolerance: chromium_injected_delay(80);
    injected_delay_of_130_ms_is_measured_within_tolerance: chromium_injected_delay(130);
    firefox_measures_no_injected_delay_through_its_proxy: delay_through_the_proxy(Engine::Firefox, 0);
    firefox_measures_40_ms_injected_through_its_proxy: delay_through_the_proxy(Engine::Firefox, 40);
    firefox_measures_130_ms_injected_through_its_proxy: delay_through_the_proxy(Engine::Firefox, 130);
    webkit_measures_no_injected_delay_through_its_proxy: delay_through_the_proxy(Engine::WebKit, 0);
    webkit_measures_40_ms_injected_through_its_proxy: delay_through_the_proxy(Engine::WebKit, 40);
    webkit_measures_130_ms_injected_through_its_proxy: delay_through_the_proxy(Engine::WebKit, 130);
}

/// One wall-clock run through `delay_ms`: the fastest and the median round trip.
fn wall_clock_run(server: &HttpsServer, delay_ms: u64) -> (f64, f64) {
    let proxy = FaultProxy::start(server.port, Faults { delay_ms, ..Faults::default() });
    let (cards, _) = measure(proxy.port, 30, 3000);
    assert_eq!(card(&cards, "net.dns-name").verdict, "pass", "{cards:#?}");
    let delay = card(&cards, "net.one-way-delay");
    let evidence = &delay.evidence;
    assert!(evidence.contains("timed by the wall clock around each request (the server shares no"), "{evidence}");
    assert_eq!(card(&cards, "net.packet-loss").verdict, "pass", "{evidence}");
    (delay.figure(MinimumMs), delay.figure(MedianMs))
}

#[test]
fn a_server_that_shares_no_timing_is_timed_by_the_wall_clock() {
    // The production platform need not let other origins read it. Then the page times each
    // request by the wall clock, which includes the loopback path (browser, proxy, TLS, nginx)
    // and the page's own scheduling: a run without injected delay measures that path, and
    // the fastest round trip of the delayed run must exceed it by the delay within 2 ms + 5 %.
    let server = HttpsServer::start_opaque();
    let (base_minimum, base_median) = wall_clock_run(&server, 0);
    assert!(base_median < 20.0, "the loopback path alone took {base_median} ms");
    let delay = 40.0;
    let (minimum, median) = wall_clock_run(&server, 40);
    let tolerance = 2.0 + 0.05 * delay;
    let added = minimum - base_minimum;
    assert!((added - delay).abs() <= tolerance, "injected {delay} ms, fastest round trip {added} ms over the path");
    assert!(median >= delay - tolerance, "injected {delay} ms, median {median} ms");
}

/// Uniform ±10 ms around 30 ms: consecutive round trips differ by 20/3 ms on average. Returns
/// the jitter card.
fn injected_jitter(engine: Engine) -> Card {
    let server = HttpsServer::start();
    let proxy = FaultProxy::start(server.port, Faults { delay_ms: 30, jitter_ms: 10, drop_permille: 0 });
    let (cards, _) = measure_in(engine, &sitecheck_e2e::dist_dir(), proxy.port, 80, 3000);
    let jitter = card(&cards, "net.jitter").clone();
    let measured = jitter.figure(JitterMs);
    assert!(
        (measured - 20.0 / 3.0).abs() <= 2.0,
        "{}: injected ±10 ms uniform (6.7 ms expected), measured {measured} ms: {}",
        engine.name(),
        jitter.evidence
    );
    jitter
}

#[test]
fn injected_jitter_is_measured_within_2_ms() {
    let jitter = injected_jitter(Engine::Chromium);
    assert_eq!(jitter.verdict, "pass", "{}", jitter.evidence);
}

fn jitter_through_the_proxy(engine: Engine) {
    injected_jitter(engine);
}

/// Nothing behind the proxy port: every request fails, and the page still ends.
fn nothing_behind_the_proxy(engine: Engine) {
    let (cards, elapsed) =
        measure_in(engine, &sitecheck_e2e::dist_dir(), sitecheck_e2e::webdriver::free_port(), 3, 1000);
    assert_eq!(card(&cards, "net.dns-name").verdict, "fail", "{}: {cards:#?}", engine.name());
    assert!(elapsed < Duration::from_secs(40), "{}: {elapsed:?}", engine.name());
}

cases! {
    firefox_measures_injected_jitter_through_its_proxy: jitter_through_the_proxy(Engine::Firefox);
    webkit_measures_injected_jitter_through_its_proxy: jitter_through_the_proxy(Engine::WebKit);
    firefox_ends_in_verdicts_with_nothing_behind_its_proxy: nothing_behind_the_proxy(Engine::Firefox);
    webkit_ends_in_verdicts_with_nothing_behind_its_proxy: nothing_behind_the_proxy(Engine::WebKit);
}

/// Every chunk the injector lost silenced one connection and so lost one request: a counted
/// one, or the reachability check, a warm-up, or a fresh warm-up.
fn injected_loss(engine: Engine, drop_permille: u64) {
    let server = HttpsServer::start();
    let proxy = FaultProxy::start(server.port, Faults { delay_ms: 5, jitter_ms: 0, drop_permille });
    let (cards, _) = measure_in(engine, &sitecheck_e2e::dist_dir(), proxy.port, 40, 1000);
    let name = engine.name();
    let loss = card(&cards, "net.packet-loss");
    let evidence = &loss.evidence;
    let (lost, sent, fresh) = (loss.count(Lost), loss.count(Sent), loss.count(FreshWarmUps));
    let injected = proxy.lost.load(std::sync::atomic::Ordering::SeqCst);
    assert!(
        lost <= injected && injected <= lost + 3 + fresh,
        "{name}, {drop_permille} ‰: the injector lost {injected} chunks, the page counted {lost}: {evidence}"
    );
    assert_eq!(sent, 40, "{name}: {evidence}");
    // The injector's faults come from a fixed seed: at 5 % they fall among the samples.
    if drop_permille == 50 {
        assert!(lost > 0, "{name}: {evidence}");
    }
    // One lost request in 40 is 2.5 %, over 2.1's 1 %.
    assert_eq!(loss.verdict, if lost == 0 { "pass" } else { "warning" }, "{evidence}");
    // Samples after a loss run on a fresh, warmed connection: none is faster than the
    // injected delay (Firefox times the first request on a new proxied connection as 0 ms).
    let minimum = card(&cards, "net.one-way-delay").figure(MinimumMs);
    assert!(minimum >= 4.0, "{name}: fastest round trip {minimum} ms through a 5 ms delay: {evidence}");
}

cases! {
    no_injected_loss_is_counted_as_none: injected_loss(Engine::Chromium, 0);
    injected_loss_of_2_percent_is_counted_request_by_request: injected_loss(Engine::Chromium, 20);
    injected_loss_of_5_percent_is_counted_request_by_request: injected_loss(Engine::Chromium, 50);
    firefox_counts_injected_loss_of_5_percent_request_by_request: injected_loss(Engine::Firefox, 50);
}

#[test]
fn a_closed_port_ends_in_verdicts_within_the_bound() {
    // Nothing listens: every request fails at once.
    let closed = sitecheck_e2e::webdriver::free_port();
    let (cards, elapsed) = measure(closed, 5, 1000);
    let reach = card(&cards, "net.dns-name");
    assert_eq!(reach.verdict, "fail");
    assert!(reach.evidence.contains("failed after"), "{}", reach.evidence);
    assert_eq!(card(&cards, "net.one-way-delay").verdict, "fail");
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn a_name_that_does_not_resolve_fails_at_once() {
    // The request fails at once, like a refused connection.
    let page = Page::open_with_config(
        Engine::Chromium,
        Launch::default(),
        r#"{"https_hosts": ["no-such-name.sitecheck.test"], "samples": 2, "timeout_ms": 1000}"#,
    );
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(30)).unwrap();
    let evidence = page.text_of(".network [data-check='net.dns-name'] .evidence");
    assert!(evidence.contains("https://no-such-name.sitecheck.test/ failed after"), "{evidence}");
    assert_eq!(
        page.run(
            "return document.querySelector(\".network [data-check='net.dns-name']\").dataset.verdict",
            serde_json::json!([])
        ),
        "fail"
    );
}

#[test]
fn a_silent_server_ends_in_verdicts_within_the_bound() {
    // A server that accepts and never answers: each request ends at the time bound.
    let silent = silent_listener();
    let (cards, elapsed) = measure(silent, 3, 1000);
    let reach = card(&cards, "net.dns-name");
    assert_eq!(reach.verdict, "fail");
    assert!(reach.evidence.contains("no answer within 1 s"), "{}", reach.evidence);
    assert_eq!(card(&cards, "net.packet-loss").verdict, "fail");
    assert!(elapsed < Duration::from_secs(40), "1 + 5 requests of at most 1 s each: {elapsed:?}");
}

#[test]
fn a_server_slower_than_the_bound_ends_in_verdicts_within_it() {
    // Slower than the time bound: every request ends at the bound, as lost.
    let server = HttpsServer::start();
    let slower = FaultProxy::start(server.port, Faults { delay_ms: 1500, ..Faults::default() });
    let (cards, elapsed) = measure(slower.port, 3, 1000);
    let reach = card(&cards, "net.dns-name");
    assert_eq!(reach.verdict, "fail", "{}", reach.evidence);
    assert!(reach.evidence.contains("no answer within 1 s"), "{}", reach.evidence);
    assert_eq!(card(&cards, "net.packet-loss").verdict, "fail");
    assert!(elapsed < Duration::from_secs(40), "1 + 5 requests of at most 1 s each: {elapsed:?}");
}

#[test]
fn a_slow_server_within_the_bound_is_too_slow_for_2_1() {
    // Slow but within the bound: answered, and too slow for 2.1.
    let server = HttpsServer::start();
    let slow = FaultProxy::start(server.port, Faults { delay_ms: 300, ..Faults::default() });
    let (cards, _) = measure(slow.port, 5, 1000);
    assert_eq!(card(&cards, "net.dns-name").verdict, "pass", "{cards:#?}");
    let delay = card(&cards, "net.one-way-delay");
    assert_eq!(delay.verdict, "warning", "{}", delay.evidence);
    assert!((delay.figure(MedianMs) - 300.0).abs() <= 2.0 + 15.0, "{}", delay.evidence);
}

#[test]
fn a_lab_port_is_used() {
    let server = HttpsServer::start();
    // The mapping only serves to make the browser accept the test certificate; the config
    // sends the checks to localhost on the lab's port instead of 443.
    let launch = Launch { map_host: Some((PLATFORM_HOST.to_owned(), server.port)), ..Launch::default() };
    let config = format!(
        r#"{{"https_hosts": ["localhost"], "ports": {{"443": {}}}, "samples": 3, "timeout_ms": 2000}}"#,
        server.port
    );
    let page = Page::open_with_config(Engine::Chromium, launch, &config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(30)).unwrap();
    let evidence = page.text_of(".network [data-check='net.dns-name'] .evidence");
    assert!(evidence.starts_with(&format!("https://localhost:{}/ answered", server.port)), "{evidence}");
}

#[test]
fn a_port_browsers_refuse_is_explained() {
    // 5061 is SIP over TLS, and on every browser's list of refused ports.
    let started = std::time::Instant::now();
    let page = Page::open_with_config(
        Engine::Chromium,
        Launch::default(),
        r#"{"https_hosts": ["localhost"], "ports": {"443": 5061}, "samples": 3, "timeout_ms": 2000}"#,
    );
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(30)).unwrap();
    let cards = network_cards(&page);
    assert_eq!(cards.len(), 4, "{cards:#?}");
    for card in &cards {
        assert_eq!(card.verdict, "needs-confirmation", "{}", card.evidence);
        assert!(card.evidence.contains("browsers refuse port 5061"), "{}", card.evidence);
        assert_eq!(card.count(Port), 5061, "{}", card.evidence);
    }
    assert!(cards[0].evidence.starts_with("https://localhost:5061/ was not requested"), "{}", cards[0].evidence);
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_bad_config_is_named_and_nothing_is_measured() {
    let page =
        Page::open_with_config(Engine::Chromium, Launch::default(), r#"{"https_hosts": ["not a host"], "samples": 0}"#);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(20)).unwrap();
    let status = page.text_of("[data-testid='network-status']");
    assert!(status.contains("\"not a host\" is not a host name") && status.contains("samples is 0"), "{status}");
    assert!(status.contains("Nothing was measured"), "{status}");
    assert!(page.session.find_all(".network [data-check]").unwrap().is_empty());
}

/// The UDP path through WebRTC: coturn answers STUN and TURN; a silent UDP port stands for a
/// firewall that drops UDP. Holds what the page talks to while it lives.
struct UdpLab {
    _turn: TurnServer,
    _silent: std::net::UdpSocket,
    port: u16,
    blocked: u16,
    config: String,
}

impl UdpLab {
    fn start() -> UdpLab {
        let turn = TurnServer::start();
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let blocked = silent.local_addr().unwrap().port();
        let port = turn.port;
        let config = format!(
            r#"{{"https_hosts": ["localhost"], "samples": 1, "timeout_ms": 3000, "ice_servers": [
                {{"url": "stun:127.0.0.1:{port}"}},
                {{"url": "turn:127.0.0.1:{port}?transport=udp", "username": "{user}", "credential": "{password}"}},
                {{"url": "stun:127.0.0.1:{blocked}"}}]}}"#,
            user = TurnServer::USER,
            password = TurnServer::PASSWORD,
        );
        UdpLab { _turn: turn, _silent: silent, port, blocked, config }
    }
}

/// The UDP path as `engine` sees it: Chromium and Firefox must test it; Debian's WebKitGTK is
/// built without WebRTC, and then the page must say it cannot tell, not that UDP is blocked.
fn udp_path(engine: Engine) {
    let lab = UdpLab::start();
    let (port, blocked) = (lab.port, lab.blocked);
    let page = Page::open_with_config(engine, Launch::default(), &lab.config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(60)).unwrap();
    let rows = udp_cards(&page);
    let has_webrtc = page.run("return typeof RTCPeerConnection === 'function'", serde_json::json!([]));
    if has_webrtc == false {
        assert_eq!(engine, Engine::WebKit, "{} has no WebRTC", engine.name());
        assert_cannot_test_udp(&rows, engine);
        return;
    }
    let find = |fragment: &str| {
        rows.iter()
            .find(|(_, evidence)| evidence.contains(fragment))
            .unwrap_or_else(|| panic!("{}: {fragment} in {rows:#?}", engine.name()))
    };
    assert_eq!(find(&format!("UDP reached stun:127.0.0.1:{port}")).0, "pass", "{}", engine.name());
    assert!(find(&format!("UDP reached stun:127.0.0.1:{port}")).1.contains("server-reflexive"));
    assert_eq!(find("a relayed address").0, "pass", "{}", engine.name());
    assert_eq!(find(&format!("No answer over UDP from stun:127.0.0.1:{blocked}")).0, "fail", "{}", engine.name());
}

/// A browser without WebRTC, where the machine's WebKit has it or not.
fn udp_path_without_webrtc(engine: Engine) {
    let lab = UdpLab::start();
    let page = Page::open_with_config(engine, Launch { without_webrtc: true, ..Launch::default() }, &lab.config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(60)).unwrap();
    assert_cannot_test_udp(&udp_cards(&page), engine);
}

cases! {
    chromium_checks_the_udp_path_through_webrtc: udp_path(Engine::Chromium);
    firefox_checks_the_udp_path_through_webrtc: udp_path(Engine::Firefox);
    webkit_checks_the_udp_path_through_webrtc_or_says_it_cannot: udp_path(Engine::WebKit);
    chromium_without_webrtc_says_it_cannot_test_udp: udp_path_without_webrtc(Engine::Chromium);
    firefox_without_webrtc_says_it_cannot_test_udp: udp_path_without_webrtc(Engine::Firefox);
}

/// The page's UDP cards: (verdict, evidence).
fn udp_cards(page: &Page) -> Vec<(String, String)> {
    network_cards(page)
        .into_iter()
        .filter(|card| card.check == "net.outbound-openings")
        .map(|card| (card.verdict, card.evidence))
        .collect()
}

/// One card per configured server, each saying the browser cannot test UDP.
fn assert_cannot_test_udp(rows: &[(String, String)], engine: Engine) {
    assert_eq!(rows.len(), 3, "{}: {rows:#?}", engine.name());
    for (verdict, evidence) in rows {
        assert_eq!(verdict, "needs-confirmation", "{}: {evidence}", engine.name());
        assert!(evidence.contains("it has no WebRTC (RTCPeerConnection)"), "{}: {evidence}", engine.name());
    }
}

/// Media-like UDP through a TURN relay: 1000 packets, with a share of the datagrams dropped in
/// front of coturn (one way per hop; a packet crosses it out and echoed back, so 10 and 25 ‰
/// lose about 2 and 5 % of round trips). The relay logs which datagrams it dropped, so the
/// test knows exactly how many packets were lost.
fn relayed_media_loss(engine: Engine, drop_permille: u64) {
    let turn = TurnServer::start();
    let relay = LossyUdpRelay::start(turn.port, drop_permille);
    let config = turn_only_config(relay.port);
    let page = Page::open_with_config(engine, Launch::default(), &config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(90)).unwrap();
    let name = engine.name();
    let loss = relayed_loss_card(&page).unwrap_or_else(|| panic!("{name}: no loss card through the TURN relay"));
    let evidence = &loss.evidence;
    assert_eq!(loss.count(Sent), u64::from(RELAY_PACKETS), "{name}: {evidence}");
    let lost = loss.count(Lost) as usize;
    let dropped = relay.dropped_sized(200..=300);
    if drop_permille > 0 {
        assert!(dropped > 0, "{name}: the relay dropped no probe datagram at {drop_permille} ‰");
    }
    // Within 1 percentage point of 1000 packets.
    assert!(
        lost.abs_diff(dropped) <= 10,
        "{name}: the relay dropped {dropped} probe datagrams, the page counted {lost} of 1000 lost: {evidence}"
    );
}

cases! {
    relayed_media_without_loss_is_measured_at_1000_packets: relayed_media_loss(Engine::Chromium, 0);
    relayed_media_loss_of_1_percent_a_hop_is_measured_at_1000_packets: relayed_media_loss(Engine::Chromium, 10);
    relayed_media_loss_of_2_5_percent_a_hop_is_measured_at_1000_packets: relayed_media_loss(Engine::Chromium, 25);
    firefox_measures_relayed_media_loss_of_1_percent_a_hop: relayed_media_loss(Engine::Firefox, 10);
    firefox_measures_relayed_media_loss_of_2_5_percent_a_hop: relayed_media_loss(Engine::Firefox, 25);
}

/// The plan's calls at 100 kbit/s each, streamed through the relay: carried on a free path,
/// not on one capped below it (`cap_kbps` 0: no cap). With no calls in the plan, one call is
/// tested.
fn call_bandwidth_through_the_relay(cap_kbps: u64, verdict: &str) {
    let turn = TurnServer::start();
    let relay = LossyUdpRelay::start_capped(turn.port, 0, cap_kbps);
    let config = turn_only_config(relay.port);
    let page = Page::open_with_config(Engine::Chromium, Launch::default(), &config);
    page.session.wait_for(".network[data-done='true']", Duration::from_secs(90)).unwrap();
    let card = network_cards(&page)
        .into_iter()
        .find(|card| card.check == "net.call-bandwidth")
        .unwrap_or_else(|| panic!("no throughput card (cap {cap_kbps})"));
    let evidence = &card.evidence;
    assert_eq!(card.verdict, verdict, "cap {cap_kbps} kbit/s: {evidence}");
    assert_eq!((card.count(PlanCalls), card.count(TestedCalls)), (0, 1), "{evidence}");
    assert_eq!(card.count(RequiredKbps), CALL_BANDWIDTH.bits_per_second() / 1000, "{evidence}");
}

cases! {
    the_plans_call_bandwidth_is_carried_on_a_free_path: call_bandwidth_through_the_relay(0, "pass");
    the_plans_call_bandwidth_fails_on_a_path_capped_below_it: call_bandwidth_through_the_relay(40, "fail");
}
