//! Every text the network checks can show exists in Swedish: each finding's evidence and advice,
//! the methods they end with, the status lines, the chart's name, the browser limits and the
//! problems of a bad `config.json`. The checks run over inputs that reach each of their
//! branches; every text must have its Swedish, state the same figures (a decimal comma counts
//! as the point), and leave no English words between what it quotes.

mod translation;
use sitecheck_core::ice::{Candidate, CandidateKind, GatherEnd, Gathered, udp_findings};
use sitecheck_core::locale::{Bilingual, Locale};
use sitecheck_core::network::run::{NetworkRun, RunStatus, TargetOrigin};
use sitecheck_core::network::tls::judge_tls_answer;
use sitecheck_core::network::{
    BROWSER_LIMITS, FetchOutcome, Method, Sample, blocked_port_findings, latency_chart_label_in, network_findings,
    reachability_finding, throughput_finding,
};
use sitecheck_core::series::{Clock, RoundTrip, Series};
use sitecheck_core::targets::{ConfigError, IceServer, Targets};
use sitecheck_core::units::TlsVersion;
use sitecheck_core::verdict::Finding;
use translation::digit_runs;

/// English words that have no business in a Swedish sentence.
const ENGLISH_WORDS: &[&str] = &[
    "the", "is", "not", "and", "with", "of", "to", "was", "were", "from", "by", "a", "an", "or", "which", "this",
    "that", "has", "no", "none", "each", "every", "answered", "sent", "lost", "samples", "needs", "must", "use",
];

/// Texts that read the same in both languages: names and services only.
const SAME_IN_BOTH: &[&str] = &["TCP/5061 (SIPS)", "UDP/123 (NTP)"];

/// What is wrong with a text's Swedish; `quoted` are the inputs it may quote as they are
/// (addresses, the browser's and the parser's words), which are taken out before the words
/// are looked at.
fn problems(text: &Bilingual, quoted: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if text.sv.trim().is_empty() {
        problems.push("no Swedish".to_owned());
    }
    if text.en.trim().is_empty() {
        problems.push("no English".to_owned());
    }
    if text.sv == text.en && !SAME_IN_BOTH.contains(&text.en.as_str()) {
        problems.push("the Swedish is the English".to_owned());
    }
    if digit_runs(&text.en) != digit_runs(&text.sv) {
        problems.push(format!("figures differ: {:?} and {:?}", digit_runs(&text.en), digit_runs(&text.sv)));
    }
    let mut swedish = text.sv.clone();
    for quote in quoted {
        swedish = swedish.replace(quote, " ");
    }
    let words: Vec<String> = swedish
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect();
    for english in ENGLISH_WORDS {
        if words.iter().any(|word| word == english) {
            problems.push(format!("English \"{english}\" in the Swedish"));
        }
    }
    problems
}

/// Collects texts with what they may quote, and reports every problem at once.
#[derive(Default)]
struct Texts {
    failures: Vec<String>,
    checked: usize,
}

impl Texts {
    fn text(&mut self, label: &str, text: &Bilingual, quoted: &[&str]) {
        self.checked += 1;
        for problem in problems(text, quoted) {
            self.failures.push(format!("{label}: {problem}\n  en: {}\n  sv: {}", text.en, text.sv));
        }
    }

    fn finding(&mut self, finding: &Finding, quoted: &[&str]) {
        let label = format!("{} {:?}", finding.requirement, finding.verdict);
        self.text(&format!("{label} evidence"), &finding.evidence, quoted);
        if let Some(advice) = &finding.advice {
            self.text(&format!("{label} advice"), advice, quoted);
        }
        // A figure the English states is stated in the Swedish, as Swedish writes it.
        for figure in &finding.figures {
            let (en, sv) = (figure.text(), Locale::Sv.decimals(&figure.text()));
            if finding.evidence.en.contains(&en) && !finding.evidence.sv.contains(&sv) {
                self.failures.push(format!("{label}: {sv} missing from {}", finding.evidence.sv));
            }
        }
    }

    fn findings(&mut self, findings: &[Finding], quoted: &[&str]) {
        for finding in findings {
            self.finding(finding, quoted);
        }
    }

    fn finish(self, at_least: usize) {
        assert!(self.failures.is_empty(), "{} problems:\n{}", self.failures.len(), self.failures.join("\n"));
        assert!(self.checked >= at_least, "only {} texts checked", self.checked);
    }
}

const HOST: &str = "touchpoint.telia.se";
const URL: &str = "https://touchpoint.telia.se/";
const TURN: &str = "turn:relay.example:3478";
const STUN: &str = "stun:stun.example:3478";

/// What a request can end as, for driving a series.
#[derive(Clone, Copy)]
enum End {
    Timed,
    Fresh,
    Clock,
    Silent,
}

/// The method a series states after answers given in order (the last repeats).
fn series_method(reach_answered: bool, count: usize, ends: &[End]) -> Method {
    let mut series = Series::new(2, count, reach_answered);
    let mut index = 0;
    while let Some(step) = series.next_step() {
        let end = ends[index.min(ends.len() - 1)];
        index += 1;
        let answered = |micros, clock| (FetchOutcome::Answered { elapsed_ms: 10 }, Some(RoundTrip { micros, clock }));
        let (outcome, round_trip) = match end {
            End::Timed => answered(10_500, Clock::ResourceTiming { new_connection: false }),
            End::Fresh => answered(1_250, Clock::ResourceTiming { new_connection: true }),
            End::Clock => answered(12_000, Clock::Wall),
            End::Silent => (FetchOutcome::NoAnswer { timeout_ms: 1000 }, None),
        };
        series.record(step, outcome, round_trip);
    }
    series.method(HOST)
}

fn methods() -> Vec<Method> {
    use End::*;
    let targets = Targets { ice_servers: vec![server(TURN)], ..Targets::default() };
    let run = NetworkRun::plan(&targets, TargetOrigin::Config, 0);
    let relay = run.relay(&[gathered(TURN, &[CandidateKind::Relay], GatherEnd::Complete)]).expect("a relay");
    vec![
        series_method(true, 3, &[Timed]),
        series_method(true, 2, &[Clock]),
        series_method(true, 2, &[Timed, Timed, Timed, Clock]),
        series_method(true, 3, &[Timed, Timed, Timed, Silent, Timed]),
        series_method(true, 4, &[Timed, Timed, Silent, Timed, Timed, Silent, Timed, Timed]),
        series_method(true, 2, &[Fresh]),
        series_method(true, 3, &[Timed, Timed, Timed, Fresh, Fresh, Timed]),
        series_method(true, 3, &[Silent]),
        series_method(false, 20, &[Silent]),
        relay.probe_method(1000),
    ]
}

fn server(url: &str) -> IceServer {
    IceServer { url: url.to_owned(), username: "u".into(), credential: "p".into() }
}

fn gathered(url: &str, kinds: &[CandidateKind], end: GatherEnd) -> Gathered {
    gathered_at(url, kinds, 5000, end)
}

fn gathered_at(url: &str, kinds: &[CandidateKind], port: u16, end: GatherEnd) -> Gathered {
    let candidate =
        |kind: &CandidateKind| Candidate { protocol: "udp".into(), address: "203.0.113.7".into(), port, kind: *kind };
    Gathered { server: url.to_owned(), candidates: kinds.iter().map(candidate).collect(), end }
}

fn ms(values: impl IntoIterator<Item = Option<u64>>) -> Vec<Sample> {
    values.into_iter().map(|value| value.map(|ms| ms * 1000)).collect()
}

#[test]
fn the_checker_catches_an_untranslated_text() {
    let untranslated = Bilingual::same("None of the 3 samples came back");
    assert!(problems(&untranslated, &[]).iter().any(|problem| problem == "the Swedish is the English"));
    let half = Bilingual::new("3 of 5 samples lost", "3 of 5 mätningar förlorades");
    assert_eq!(problems(&half, &[]), ["English \"of\" in the Swedish"]);
    let figures = Bilingual::new("median 10.5 ms", "median 10 ms");
    assert_eq!(problems(&figures, &[]).len(), 1, "{:?}", problems(&figures, &[]));
    // A decimal comma is the same figure; a quoted English input is no problem.
    let quoting = Bilingual::new("median 10.5 ms (it is the end)", "median 10,5 ms (it is the end)");
    assert_eq!(problems(&quoting, &["it is the end"]), Vec::<String>::new());
}

#[test]
fn every_network_finding_is_in_swedish() {
    let mut texts = Texts::default();
    let quoted = [URL, HOST, TURN, STUN];
    let sample_sets: Vec<Vec<Sample>> = vec![
        // Within every limit, with decimals.
        vec![Some(10_000), Some(21_000), None, Some(10_500), Some(40_001)],
        ms([Some(40); 100]),
        // Slow, jittery, lossy: each with its advice.
        ms([Some(130); 100]),
        ms((0..100).map(|i| Some(if i % 2 == 0 { 10 } else { 40 }))),
        ms((0..100).map(|i| if i % 50 == 0 { None } else { Some(20) })),
        ms([None; 3]),
        Vec::new(),
    ];
    for method in methods() {
        for samples in &sample_sets {
            let findings = network_findings(samples, &method);
            assert_eq!(findings.len(), 3);
            texts.findings(&findings, &quoted);
        }
    }
    for outcome in [
        FetchOutcome::Answered { elapsed_ms: 42 },
        FetchOutcome::FailedAtOnce { elapsed_ms: 3 },
        FetchOutcome::NoAnswer { timeout_ms: 3000 },
        FetchOutcome::NoAnswer { timeout_ms: 1500 },
    ] {
        texts.finding(&reachability_finding(URL, outcome), &quoted);
    }
    let blocked = ["https://a.example:5061/".to_owned(), "https://b.example:5061/".to_owned()];
    texts.findings(&blocked_port_findings(&blocked, 5061), &[&blocked[0], &blocked[1]]);
    for (calls, required, sent, received) in
        [(10, 1000, 1000, 990), (10, 1000, 1000, 940), (0, 100, 80, 80), (0, 100, 99, 99)]
    {
        texts.finding(&throughput_finding(calls, required, sent, received, TURN), &quoted);
    }
    use CandidateKind::{Relay, ServerReflexive};
    let error = "InvalidAccessError: the server is not allowed";
    let udp = [
        vec![gathered(STUN, &[], GatherEnd::NoWebRtc)],
        vec![gathered(TURN, &[], GatherEnd::ServerRefused(error.to_owned()))],
        vec![gathered(TURN, &[Relay], GatherEnd::Complete)],
        vec![gathered(TURN, &[ServerReflexive], GatherEnd::Complete)],
        vec![gathered(STUN, &[ServerReflexive], GatherEnd::Complete)],
        vec![gathered(STUN, &[], GatherEnd::TimedOut)],
        vec![gathered(STUN, &[], GatherEnd::Complete)],
        vec![
            gathered_at(STUN, &[ServerReflexive], 5000, GatherEnd::Complete),
            gathered_at("stun:other.example:3478", &[ServerReflexive], 5000, GatherEnd::Complete),
        ],
        vec![
            gathered_at(STUN, &[ServerReflexive], 5000, GatherEnd::Complete),
            gathered_at("stun:other.example:3478", &[ServerReflexive], 6000, GatherEnd::Complete),
        ],
    ];
    for results in &udp {
        texts.findings(&udp_findings(results), &[STUN, TURN, "stun:other.example:3478", error]);
    }
    texts.finish(200);
}

#[test]
fn tls_notes_are_in_swedish() {
    let mut texts = Texts::default();
    for code in [0x0304, 0x0303, 0x0302, 0x0301, 0x7f1c] {
        let (_, said) = judge_tls_answer(TlsVersion::from_wire(code));
        texts.text(&format!("TLS {code:#06x}"), &said, &["tls.platform-version-unstated"]);
    }
    texts.finish(5);
}

#[test]
fn the_run_speaks_swedish() {
    let mut texts = Texts::default();
    let problem = Targets::parse(r#"{"samples": 0}"#).unwrap_err().message();
    let relay = "turn:r:3478";
    let statuses = [
        RunStatus::ReadingTargets,
        RunStatus::ConfigRefused(&problem),
        RunStatus::Measuring(TargetOrigin::Production),
        RunStatus::Measuring(TargetOrigin::Config),
        RunStatus::SendingPackets { packets: 1000, relay },
        RunStatus::Streaming { kbps: 2500, relay },
        RunStatus::Measured(TargetOrigin::Production),
        RunStatus::Measured(TargetOrigin::Config),
    ];
    for status in statuses {
        // Display stays the English.
        assert_eq!(status.to_string(), status.text().en);
        assert_eq!(status.text_in(Locale::Sv), status.text().sv);
        texts.text(&format!("{status:?}"), &status.text(), &[relay, "samples"]);
    }
    for round_trips in [1, 20] {
        let label = Bilingual::new(
            latency_chart_label_in(round_trips, Locale::En),
            latency_chart_label_in(round_trips, Locale::Sv),
        );
        texts.text("chart", &label, &[]);
    }
    for limit in BROWSER_LIMITS {
        let heading = Bilingual::new(limit.heading_in(Locale::En), limit.heading_in(Locale::Sv));
        assert_eq!(heading.en, limit.heading());
        texts.text("limit heading", &heading, &[]);
        let line = Bilingual::new(limit.line_in(Locale::En), limit.line_in(Locale::Sv));
        assert_eq!(line.en, limit.line());
        texts.text("limit line", &line, &[]);
    }
    texts.finish(8 + 2 + 2 * BROWSER_LIMITS.len());
}

#[test]
fn every_config_problem_is_in_swedish() {
    let mut texts = Texts::default();
    let text = r#"{"https_hosts": ["bad host", ""], "ports": {"443": 0},
        "ice_servers": [{"url": "http://x"}, {"url": "turn:x:1"}, {"url": "turns:y:2"}, {"url": "turnx:z"}],
        "timeout_ms": 5, "samples": 0}"#;
    let error = Targets::parse(text).unwrap_err();
    let ConfigError::Invalid(problems) = &error else { panic!("{error:?}") };
    assert_eq!(problems.len(), 9, "{problems:?}");
    // The inputs, and the file's keys.
    let quoted = ["bad host", "http://x", "turn:x:1", "turns:y:2", "turnx:z", "samples", "timeout_ms", "https_hosts"];
    for problem in problems {
        texts.text("problem", problem, &quoted);
    }
    let empty = Targets::parse(r#"{"https_hosts": []}"#).unwrap_err();
    for error in [&error, &empty] {
        // Display stays the English.
        assert_eq!(error.to_string(), error.message().en);
        assert_eq!(error.message_in(Locale::Sv), error.message().sv);
        texts.text("config error", &error.message(), &quoted);
    }
    // The parser's own message is quoted as it wrote it.
    let json = Targets::parse("{\"hosts\": 1}").unwrap_err();
    let ConfigError::Json(parser) = &json else { panic!("{json:?}") };
    texts.text("json error", &json.message(), &[parser]);
    texts.finish(12);
}
