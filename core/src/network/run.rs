//! The app's network run, decided from the targets before anything is sent: which addresses
//! are requested for reachability (or why none are), which ICE servers are gathered against,
//! which of them the media probes go through, the packets, rates and time bounds, the method
//! each verdict states, what each step reports on, and the status lines between the steps.
//! The app executes the steps (the browser calls) and renders what they return.

use crate::bilingual;
use crate::ice::{CandidateKind, Gathered};
use crate::limits;
use crate::locale::{Bilingual, Locale, Text};
use crate::network::{
    FetchOutcome, Method, ROUND_TRIP_REQUIREMENTS, Sample, blocked_port_findings, browser_blocks_port,
    network_findings, reachability_finding, throughput_finding,
};
use crate::requirement::RequirementId;
use crate::series::{Series, Step};
use crate::targets::{IceServer, Targets};
use crate::verdict::Finding;
use std::fmt;

/// Warm-up requests before the latency samples: they open a connection and settle it.
pub const WARM_UPS: usize = 2;
/// Media-like packets through a TURN relay: 2.1's 1 % loss is then ten of them.
pub const RELAY_PACKETS: u32 = 1000;
/// The size of each packet (one every `RELAY_PACKET_INTERVAL_MS`, each in its own datagram):
/// the size of a 20 ms G.711 voice frame. The page's WebRTC glue is given these figures.
pub const RELAY_PACKET_BYTES: u32 = 160;
/// The pause between two relayed packets, each sent in a task of its own.
pub const RELAY_PACKET_INTERVAL_MS: u32 = 2;
/// How long the last packets' echoes may take after the last one is sent.
pub const RELAY_ECHO_TAIL_MS: u32 = 1000;
/// The throughput stream: packets of this size, for this long, then this long to drain.
pub const STREAM_PACKET_BYTES: u32 = 1200;
pub const STREAM_DURATION_MS: u32 = 2000;
pub const STREAM_DRAIN_MS: u32 = 500;
/// The packets take 2 s to send and the last echoes get 1 s more: the probe's bound is never
/// below this, whatever the configured one.
const RELAY_PROBE_MIN_MS: u64 = 5000;
/// Added to each relay step's bound, for setting up two peer connections through the relay.
const RELAY_SETUP_MS: u64 = 5000;
/// The pause after a latency request that failed at once, so that a path that refuses
/// everything does not turn the series into a flood.
const PAUSE_AFTER_FAILURE_MS: u32 = 50;
/// The port of the platform's HTTPS, as chapter 6 gives it (6.1.2), before a lab maps it.
const HTTPS_PORT: u16 = 443;

/// Where the targets came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetOrigin {
    /// No `config.json`: the endpoints the spec names.
    Production,
    /// An administrator's `config.json`.
    Config,
}

impl TargetOrigin {
    /// Where the targets came from, in English.
    pub const fn described(self) -> &'static str {
        self.described_text().en
    }

    /// Where the targets came from, in both languages.
    pub const fn described_text(self) -> Text {
        match self {
            TargetOrigin::Production => {
                Text { en: "the production endpoints of the spec", sv: "specifikationens produktionsändpunkter" }
            }
            TargetOrigin::Config => Text { en: "the targets in config.json", sv: "målen i config.json" },
        }
    }
}

/// The page's status line through the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus<'a> {
    ReadingTargets,
    /// `config.json` could not be used (the problem as read, in both languages): nothing is
    /// measured.
    ConfigRefused(&'a Bilingual),
    Measuring(TargetOrigin),
    SendingPackets {
        packets: u32,
        relay: &'a str,
    },
    Streaming {
        kbps: u64,
        relay: &'a str,
    },
    Measured(TargetOrigin),
}

impl RunStatus<'_> {
    /// The status line in both languages.
    pub fn text(&self) -> Bilingual {
        match self {
            RunStatus::ReadingTargets => Bilingual::new("Reading the targets…", "Läser in målen…"),
            RunStatus::ConfigRefused(problem) => {
                let (problem_en, problem_sv) = (&problem.en, &problem.sv);
                bilingual!(
                    "{problem_en}. Nothing was measured: correct config.json beside index.html, or remove it to measure the production endpoints.",
                    "{problem_sv}. Inget mättes: rätta config.json bredvid index.html, eller ta bort den för att mäta produktionsändpunkterna."
                )
            }
            RunStatus::Measuring(origin) => {
                let Text { en, sv } = origin.described_text();
                bilingual!("Measuring {en}…", "Mäter {sv}…")
            }
            RunStatus::SendingPackets { packets, relay } => {
                bilingual!("Sending {packets} packets through {relay}…", "Skickar {packets} paket genom {relay}…")
            }
            RunStatus::Streaming { kbps, relay } => {
                bilingual!("Streaming {kbps} kbit/s through {relay}…", "Strömmar {kbps} kbit/s genom {relay}…")
            }
            RunStatus::Measured(origin) => {
                let Text { en, sv } = origin.described_text();
                bilingual!("Measured {en}.", "Mätte {sv}.")
            }
        }
    }

    /// The status line in `locale`.
    pub fn text_in(&self, locale: Locale) -> String {
        self.text().get(locale).to_owned()
    }
}

/// The status line in English.
impl fmt::Display for RunStatus<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// The whole run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkRun {
    pub origin: TargetOrigin,
    pub reachability: Reachability,
    /// One gathering per configured ICE server, in the config's order.
    pub gathering: Vec<Gathering>,
    /// Delay, jitter and loss over HTTPS to the first host; none where the port is refused.
    pub latency: Option<LatencyPlan>,
    /// The plan's concurrent calls, for the stream through the relay.
    concurrent_calls: u64,
    timeout_ms: u64,
}

/// Whether the hosts are requested, each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reachability {
    Requests(Vec<ReachRequest>),
    /// The HTTPS port is one every browser refuses (a lab may map 443 to one): the hosts are
    /// not requested, and nor is the latency series; the findings say why.
    Blocked(BlockedPort),
}

/// One host's reachability request: opaque (any answer will do) and time-bounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReachRequest {
    /// The host's address, as the evidence names it.
    pub url: String,
    /// What is requested: the address marked as this check's, so logs can tell it apart.
    pub fetch_url: String,
    pub timeout_ms: u64,
}

impl ReachRequest {
    pub const REPORTS_ON: &[RequirementId] = &[RequirementId::known("net.dns-name")];

    pub fn finding(&self, outcome: FetchOutcome) -> Finding {
        reachability_finding(&self.url, outcome)
    }
}

/// The hosts that were not requested, on a port browsers refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedPort {
    pub port: u16,
    pub urls: Vec<String>,
}

impl BlockedPort {
    /// It stands in for the reachability requests and the latency series.
    pub const REPORTS_ON: &[RequirementId] = &[
        RequirementId::known("net.dns-name"),
        RequirementId::known("net.one-way-delay"),
        RequirementId::known("net.jitter"),
        RequirementId::known("net.packet-loss"),
    ];

    pub fn findings(&self) -> Vec<Finding> {
        blocked_port_findings(&self.urls, self.port)
    }
}

/// ICE gathering against one configured server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathering {
    pub server: IceServer,
    pub timeout_ms: u64,
}

impl Gathering {
    /// What `ice::udp_findings` reports on over the gathered results.
    pub const REPORTS_ON: &[RequirementId] = &[RequirementId::known("net.outbound-openings")];
}

/// The media probes through the relay the gathering found: loss, delay and jitter of
/// media-like packets, then the plan's calls as a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelayRun<'a> {
    pub server: &'a IceServer,
    pub packets: u32,
    pub probe_timeout_ms: u64,
    /// The plan's concurrent calls; one call is streamed when it has none.
    pub calls: u64,
    /// What the streamed calls need, at 2.1's bandwidth per call.
    pub required_kbps: u64,
    pub stream_timeout_ms: u64,
}

impl RelayRun<'_> {
    pub const PROBE_REPORTS_ON: &'static [RequirementId] = ROUND_TRIP_REQUIREMENTS;
    pub const STREAM_REPORTS_ON: &'static [RequirementId] = &[RequirementId::known("net.call-bandwidth")];

    pub fn probe_status(&self) -> RunStatus<'_> {
        RunStatus::SendingPackets { packets: self.packets, relay: &self.server.url }
    }

    pub fn stream_status(&self) -> RunStatus<'_> {
        RunStatus::Streaming { kbps: self.required_kbps, relay: &self.server.url }
    }

    /// The rate to stream, as the browser glue takes it (saturated: no plan needs more).
    pub fn stream_kbps(&self) -> u32 {
        u32::try_from(self.required_kbps).unwrap_or(u32::MAX)
    }

    /// How the round trips of the probe were taken; `sent` the packets the page reports on.
    pub fn probe_method(&self, sent: usize) -> Method {
        let relay = &self.server.url;
        Method::new(bilingual!(
            "{sent} packets of {RELAY_PACKET_BYTES} bytes, one per datagram, through the TURN relay {relay} and back, unordered and never retransmitted (WebRTC data channel)",
            "{sent} paket på {RELAY_PACKET_BYTES} byte, ett per datagram, genom TURN-reläet {relay} och tillbaka, utan ordning och utan omsändning (WebRTC-datakanal)"
        ))
    }

    /// The 2.1 verdicts over the probe's round trips (`None` for a packet that never came back).
    pub fn loss_findings(&self, samples: &[Sample]) -> Vec<Finding> {
        network_findings(samples, &self.probe_method(samples.len()))
    }

    /// The verdict on the stream: `sent` and `received` in kbit/s.
    pub fn throughput_finding(&self, sent_kbps: u64, received_kbps: u64) -> Finding {
        throughput_finding(self.calls, self.required_kbps, sent_kbps, received_kbps, &self.server.url)
    }
}

/// The latency series: timed HTTPS requests to the first host, after warm-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatencyPlan {
    pub host: String,
    pub base_url: String,
    pub samples: usize,
    pub timeout_ms: u64,
}

impl LatencyPlan {
    pub const REPORTS_ON: &[RequirementId] = ROUND_TRIP_REQUIREMENTS;

    /// The series, given how the reachability requests ended (in the plan's order): the
    /// first is this host's, and whether it answered decides whether a silent path is tried.
    pub fn series(&self, reach_outcomes: &[FetchOutcome]) -> Series {
        let answered = reach_outcomes.first().is_some_and(|outcome| outcome.answered());
        Series::new(WARM_UPS, self.samples, answered)
    }

    /// The address of one request: numbered, so no cache or timing entry is shared.
    pub fn request_url(&self, step: Step) -> String {
        format!("{}?sitecheck={}", self.base_url, step.number)
    }

    /// How long to wait before the next request after one that ended so.
    pub fn pause_after(&self, outcome: FetchOutcome) -> Option<u32> {
        matches!(outcome, FetchOutcome::FailedAtOnce { .. }).then_some(PAUSE_AFTER_FAILURE_MS)
    }

    /// The 2.1 verdicts once the series is over.
    pub fn findings(&self, series: &Series) -> Vec<Finding> {
        network_findings(series.samples(), &series.method(&self.host))
    }
}

impl NetworkRun {
    /// The run for `targets` (read from `origin`) and a plan with `concurrent_calls`.
    pub fn plan(targets: &Targets, origin: TargetOrigin, concurrent_calls: u64) -> NetworkRun {
        let urls: Vec<String> = targets.https_hosts.iter().map(|host| targets.https_url(host)).collect();
        let port = targets.port(HTTPS_PORT);
        let blocked = browser_blocks_port(port);
        let latency = match (targets.https_hosts.first(), urls.first()) {
            (Some(host), Some(base_url)) if !blocked => Some(LatencyPlan {
                host: host.clone(),
                base_url: base_url.clone(),
                samples: targets.samples,
                timeout_ms: targets.timeout_ms,
            }),
            _ => None,
        };
        let reachability = if blocked {
            Reachability::Blocked(BlockedPort { port, urls })
        } else {
            Reachability::Requests(
                urls.into_iter()
                    .map(|url| ReachRequest {
                        fetch_url: format!("{url}?sitecheck=reach"),
                        url,
                        timeout_ms: targets.timeout_ms,
                    })
                    .collect(),
            )
        };
        let gathering = targets
            .ice_servers
            .iter()
            .map(|server| Gathering { server: server.clone(), timeout_ms: targets.timeout_ms })
            .collect();
        NetworkRun { origin, reachability, gathering, latency, concurrent_calls, timeout_ms: targets.timeout_ms }
    }

    /// The relay for the media probes: the first TURN server (`turn:` or `turns:`) whose
    /// gathering gave a relayed address; `gathered` in the order of `gathering`.
    pub fn relay(&self, gathered: &[Gathered]) -> Option<RelayRun<'_>> {
        let (gathering, _) = self.gathering.iter().zip(gathered).find(|(gathering, result)| {
            gathering.server.relays()
                && result.candidates.iter().any(|candidate| candidate.kind == CandidateKind::Relay)
        })?;
        let tested_calls = self.concurrent_calls.max(1);
        Some(RelayRun {
            server: &gathering.server,
            packets: RELAY_PACKETS,
            probe_timeout_ms: self.timeout_ms.max(RELAY_PROBE_MIN_MS) + RELAY_SETUP_MS,
            calls: self.concurrent_calls,
            required_kbps: limits::CALL_BANDWIDTH.times(tested_calls).bits_per_second() / 1000,
            stream_timeout_ms: self.timeout_ms + RELAY_SETUP_MS,
        })
    }

    pub fn measuring(&self) -> RunStatus<'static> {
        RunStatus::Measuring(self.origin)
    }

    pub fn measured(&self) -> RunStatus<'static> {
        RunStatus::Measured(self.origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ice::{Candidate, GatherEnd, udp_findings};
    use crate::network::ROUND_TRIP_REQUIREMENTS;

    fn targets(json: &str) -> Targets {
        Targets::parse(json).unwrap()
    }

    fn server(url: &str) -> IceServer {
        IceServer { url: url.to_owned(), username: "u".into(), credential: "p".into() }
    }

    fn gathered(url: &str, kinds: &[CandidateKind]) -> Gathered {
        let candidate = |kind: &CandidateKind| Candidate {
            protocol: "udp".into(),
            address: "192.0.2.1".into(),
            port: 5000,
            kind: *kind,
        };
        Gathered { server: url.to_owned(), candidates: kinds.iter().map(candidate).collect(), end: GatherEnd::Complete }
    }

    /// What the reachability step should do, in short.
    #[derive(Debug)]
    enum Planned {
        /// (address, what is fetched) for each host.
        Requests(&'static [(&'static str, &'static str)]),
        /// The refused port and the addresses not requested.
        Blocked(u16, &'static [&'static str]),
    }

    #[test]
    fn reachability_requests_each_host_or_explains_a_refused_port() {
        let check = |json: &str, expected: Planned| {
            let run = NetworkRun::plan(&targets(json), TargetOrigin::Config, 0);
            match (&run.reachability, expected) {
                (Reachability::Requests(requests), Planned::Requests(expected)) => {
                    let got: Vec<(&str, &str)> =
                        requests.iter().map(|request| (request.url.as_str(), request.fetch_url.as_str())).collect();
                    assert_eq!(got, expected, "{json}");
                    assert!(requests.iter().all(|request| request.timeout_ms == 1500), "{json}");
                    assert!(run.latency.is_some(), "{json}");
                }
                (Reachability::Blocked(blocked), Planned::Blocked(port, urls)) => {
                    assert_eq!(blocked.port, port, "{json}");
                    assert_eq!(blocked.urls, urls, "{json}");
                    assert_eq!(run.latency, None, "{json}: nothing goes to a refused port");
                }
                (got, expected) => panic!("{json}: {got:?}, expected {expected:?}"),
            }
        };
        check(
            r#"{"https_hosts": ["a.example", "b.example"], "timeout_ms": 1500}"#,
            Planned::Requests(&[
                ("https://a.example/", "https://a.example/?sitecheck=reach"),
                ("https://b.example/", "https://b.example/?sitecheck=reach"),
            ]),
        );
        check(
            r#"{"https_hosts": ["localhost"], "ports": {"443": 18443}, "timeout_ms": 1500}"#,
            Planned::Requests(&[("https://localhost:18443/", "https://localhost:18443/?sitecheck=reach")]),
        );
        check(
            r#"{"https_hosts": ["localhost"], "ports": {"443": 5061}}"#,
            Planned::Blocked(5061, &["https://localhost:5061/"]),
        );
        check(
            r#"{"https_hosts": ["a", "b"], "ports": {"443": 6000}}"#,
            Planned::Blocked(6000, &["https://a:6000/", "https://b:6000/"]),
        );
        // A mapping of another port leaves HTTPS alone.
        check(
            r#"{"https_hosts": ["a.example"], "ports": {"5061": 6000}, "timeout_ms": 1500}"#,
            Planned::Requests(&[("https://a.example/", "https://a.example/?sitecheck=reach")]),
        );
    }

    #[test]
    fn every_ice_server_is_gathered_in_order() {
        let json = r#"{"ice_servers": [{"url": "stun:s:3478"}, {"url": "turn:r:3478", "username": "u", "credential": "p"}], "timeout_ms": 700}"#;
        let run = NetworkRun::plan(&targets(json), TargetOrigin::Config, 0);
        let got: Vec<(&str, u64)> =
            run.gathering.iter().map(|gathering| (gathering.server.url.as_str(), gathering.timeout_ms)).collect();
        assert_eq!(got, [("stun:s:3478", 700), ("turn:r:3478", 700)]);
        assert!(NetworkRun::plan(&Targets::default(), TargetOrigin::Production, 0).gathering.is_empty());
    }

    #[test]
    fn the_relay_is_the_first_turn_server_that_relayed() {
        use CandidateKind::{Relay, ServerReflexive};
        let check = |servers: &[&str], results: &[&[CandidateKind]], expected: Option<&str>| {
            let targets =
                Targets { ice_servers: servers.iter().map(|url| server(url)).collect(), ..Targets::default() };
            let run = NetworkRun::plan(&targets, TargetOrigin::Config, 0);
            let gathered: Vec<Gathered> =
                servers.iter().zip(results).map(|(url, kinds)| gathered(url, kinds)).collect();
            let relay = run.relay(&gathered).map(|relay| relay.server.url.as_str());
            assert_eq!(relay, expected, "{servers:?} {results:?}");
        };
        check(&["turn:a:3478"], &[&[Relay]], Some("turn:a:3478"));
        check(&["turns:a:5349"], &[&[Relay]], Some("turns:a:5349"));
        check(&["turn:a:3478", "turn:b:3478"], &[&[], &[Relay]], Some("turn:b:3478"));
        check(&["turn:a:3478", "turn:b:3478"], &[&[Relay], &[Relay]], Some("turn:a:3478"));
        // A STUN server is no relay, whatever it gave, and whatever its host is called.
        check(&["stun:turn.example:3478"], &[&[Relay, ServerReflexive]], None);
        check(&["turn:a:3478"], &[&[ServerReflexive]], None);
        check(&[], &[], None);
        // Gathering that ended early (fewer results than servers) finds what it has.
        check(&["turn:a:3478", "turn:b:3478"], &[&[Relay]], Some("turn:a:3478"));
    }

    #[test]
    fn relay_packets_rates_and_bounds() {
        let check = |timeout_ms: u64, calls: u64, expected: (u32, u64, u64, u64, u32)| {
            let targets = Targets { timeout_ms, ice_servers: vec![server("turn:r:3478")], ..Targets::default() };
            let run = NetworkRun::plan(&targets, TargetOrigin::Config, calls);
            let relay = run.relay(&[gathered("turn:r:3478", &[CandidateKind::Relay])]).unwrap();
            let got = (
                relay.packets,
                relay.probe_timeout_ms,
                relay.required_kbps,
                relay.stream_timeout_ms,
                relay.stream_kbps(),
            );
            assert_eq!(got, expected, "timeout {timeout_ms}, {calls} calls");
            assert_eq!(relay.calls, calls);
        };
        // (packets, probe bound, kbit/s, stream bound, kbit/s for the glue)
        check(3000, 0, (1000, 10_000, 100, 8000, 100));
        check(3000, 1, (1000, 10_000, 100, 8000, 100));
        check(8000, 25, (1000, 13_000, 2500, 13_000, 2500));
        check(100, 200, (1000, 10_000, 20_000, 5100, 20_000));
        // A plan beyond what the glue can be told is streamed at the most it can.
        check(3000, 50_000_000, (1000, 10_000, 5_000_000_000, 8000, u32::MAX));
    }

    #[test]
    fn the_relay_steps_state_their_method_and_figures() {
        let targets = Targets { ice_servers: vec![server("turn:r:3478")], ..Targets::default() };
        let run = NetworkRun::plan(&targets, TargetOrigin::Config, 0);
        let relay = run.relay(&[gathered("turn:r:3478", &[CandidateKind::Relay])]).unwrap();
        let samples: Vec<Sample> = (0..1000).map(|index| (index % 100 != 0).then_some(20_000)).collect();
        let findings = relay.loss_findings(&samples);
        let loss = &findings[2];
        assert_eq!(loss.requirement, "net.packet-loss");
        assert!(
            loss.evidence.en.contains("10 of 1000 samples lost (1 %; 1000 packets of 160 bytes, one per datagram, through the TURN relay turn:r:3478 and back"),
            "{}",
            loss.evidence.en
        );
        let figure = |finding: &Finding, name| finding.figure(name).map(|figure| figure.text());
        use crate::verdict::FigureName;
        assert_eq!(figure(loss, FigureName::Lost).as_deref(), Some("10"));
        assert_eq!(figure(loss, FigureName::Sent).as_deref(), Some("1000"));
        let stream = relay.throughput_finding(100, 99);
        assert!(stream.evidence.en.contains("99 kbit/s arrived of the 100 kbit/s needed"), "{}", stream.evidence.en);
        assert!(stream.evidence.en.contains("one call was tested"), "{}", stream.evidence.en);
        assert_eq!(figure(&stream, FigureName::PlanCalls).as_deref(), Some("0"));
        assert_eq!(figure(&stream, FigureName::RequiredKbps).as_deref(), Some("100"));
        assert_eq!(relay.probe_status().to_string(), "Sending 1000 packets through turn:r:3478…");
        assert_eq!(relay.stream_status().to_string(), "Streaming 100 kbit/s through turn:r:3478…");
    }

    #[test]
    fn the_latency_series_goes_to_the_first_host() {
        let run = NetworkRun::plan(
            &targets(
                r#"{"https_hosts": ["a.example", "b.example"], "ports": {"443": 8443}, "samples": 7, "timeout_ms": 900}"#,
            ),
            TargetOrigin::Config,
            0,
        );
        let latency = run.latency.clone().unwrap();
        assert_eq!(
            latency,
            LatencyPlan {
                host: "a.example".into(),
                base_url: "https://a.example:8443/".into(),
                samples: 7,
                timeout_ms: 900
            }
        );
        let step = Step { readable: true, counted: true, number: 12 };
        assert_eq!(latency.request_url(step), "https://a.example:8443/?sitecheck=12");
        let check = |outcomes: &[FetchOutcome], first_steps: usize| {
            // A series whose host never answered sends only its warm-ups.
            let mut series = latency.series(outcomes);
            let mut steps = 0;
            while let Some(step) = series.next_step() {
                series.record(step, FetchOutcome::NoAnswer { timeout_ms: 900 }, None);
                steps += 1;
            }
            assert_eq!(steps, first_steps, "{outcomes:?}");
        };
        let answered = FetchOutcome::Answered { elapsed_ms: 5 };
        let silent = FetchOutcome::NoAnswer { timeout_ms: 900 };
        check(&[answered, silent], WARM_UPS + 7);
        check(&[silent, answered], WARM_UPS);
        check(&[], WARM_UPS);
        let pause = |outcome| latency.pause_after(outcome);
        assert_eq!(pause(FetchOutcome::FailedAtOnce { elapsed_ms: 1 }), Some(50));
        assert_eq!(pause(answered), None);
        assert_eq!(pause(silent), None);
    }

    #[test]
    fn status_lines() {
        let check = |status: RunStatus<'_>, expected: &str| assert_eq!(status.to_string(), expected);
        check(RunStatus::ReadingTargets, "Reading the targets…");
        let problem = Bilingual::new("config.json has problems: samples is 0", "config.json har problem: samples är 0");
        check(
            RunStatus::ConfigRefused(&problem),
            "config.json has problems: samples is 0. Nothing was measured: correct config.json beside index.html, or remove it to measure the production endpoints.",
        );
        let production = NetworkRun::plan(&Targets::default(), TargetOrigin::Production, 0);
        check(production.measuring(), "Measuring the production endpoints of the spec…");
        check(production.measured(), "Measured the production endpoints of the spec.");
        let config = NetworkRun::plan(&Targets::default(), TargetOrigin::Config, 0);
        check(config.measuring(), "Measuring the targets in config.json…");
        check(config.measured(), "Measured the targets in config.json.");
    }

    /// Each step's findings report on exactly the requirements the step says it reports on.
    #[test]
    fn each_step_reports_on_what_it_says() {
        let check = |findings: Vec<Finding>, reports_on: &[RequirementId]| {
            let mut got: Vec<RequirementId> = findings.iter().map(|finding| finding.requirement).collect();
            got.dedup();
            let mut expected = reports_on.to_vec();
            got.sort();
            got.dedup();
            expected.sort();
            assert_eq!(got, expected);
        };
        let request =
            ReachRequest { url: "https://a/".into(), fetch_url: "https://a/?sitecheck=reach".into(), timeout_ms: 1 };
        for outcome in [
            FetchOutcome::Answered { elapsed_ms: 1 },
            FetchOutcome::FailedAtOnce { elapsed_ms: 1 },
            FetchOutcome::NoAnswer { timeout_ms: 1 },
        ] {
            check(vec![request.finding(outcome)], ReachRequest::REPORTS_ON);
        }
        check(BlockedPort { port: 5061, urls: vec!["https://a:5061/".into()] }.findings(), BlockedPort::REPORTS_ON);
        for kinds in [&[][..], &[CandidateKind::Relay], &[CandidateKind::ServerReflexive]] {
            check(udp_findings(&[gathered("turn:r:3478", kinds)]), Gathering::REPORTS_ON);
            check(udp_findings(&[gathered("stun:s:3478", kinds)]), Gathering::REPORTS_ON);
        }
        let targets = Targets { ice_servers: vec![server("turn:r:3478")], ..Targets::default() };
        let run = NetworkRun::plan(&targets, TargetOrigin::Config, 3);
        let relay = run.relay(&[gathered("turn:r:3478", &[CandidateKind::Relay])]).unwrap();
        check(relay.loss_findings(&[Some(1000), None]), RelayRun::PROBE_REPORTS_ON);
        check(relay.loss_findings(&[]), RelayRun::PROBE_REPORTS_ON);
        check(vec![relay.throughput_finding(300, 300)], RelayRun::STREAM_REPORTS_ON);
        check(vec![relay.throughput_finding(300, 3)], RelayRun::STREAM_REPORTS_ON);
        let latency = NetworkRun::plan(&Targets::default(), TargetOrigin::Production, 0).latency.unwrap();
        let mut series = latency.series(&[FetchOutcome::Answered { elapsed_ms: 1 }]);
        check(latency.findings(&series), LatencyPlan::REPORTS_ON);
        while let Some(step) = series.next_step() {
            series.record(step, FetchOutcome::NoAnswer { timeout_ms: 1 }, None);
        }
        check(latency.findings(&series), LatencyPlan::REPORTS_ON);
        assert_eq!(LatencyPlan::REPORTS_ON, ROUND_TRIP_REQUIREMENTS);
    }
}
