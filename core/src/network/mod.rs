//! Network measurements judged against 2.1: round-trip samples to delay, jitter and loss, with
//! the verdicts, how each figure was obtained, and the figures themselves as data.

pub mod browser_limits;
pub mod ice;
pub mod run;
pub mod series;
pub mod targets;
pub mod tls;

pub use browser_limits::{BROWSER_BLOCKED_PORTS, BROWSER_LIMITS, BrowserLimit, LimitSubject, browser_blocks_port};

use crate::bilingual;
use crate::limits;
use crate::locale::{Bilingual, Locale};
use crate::requirement::RequirementId;
use crate::requirement_id;
use crate::units::Millis;
use crate::verdict::{Figure, FigureName, Finding, Verdict};
use serde::Serialize;

/// One probe's outcome: a round-trip time in microseconds, or lost (failed or timed out).
pub type Sample = Option<u64>;

/// The requirements a series of round trips reports on, in the order of its findings.
pub const ROUND_TRIP_REQUIREMENTS: &[RequirementId] = &[
    RequirementId::known("net.one-way-delay"),
    RequirementId::known("net.jitter"),
    RequirementId::known("net.packet-loss"),
];

/// The round trip 2.1's one-way delay limit allows: the one-way delay is estimated as half
/// the round trip, so a round trip at or above this fails the limit.
pub const ROUND_TRIP_LIMIT: Millis = Millis(limits::ONE_WAY_DELAY.0 * 2);

/// What the latency chart shows, for its accessible name: the samples, and the limit line
/// with the section it comes from. In English; [`latency_chart_label_in`] for either language.
pub fn latency_chart_label(round_trips: usize) -> String {
    latency_chart_label_in(round_trips, Locale::En)
}

/// The latency chart's accessible name in `locale`.
pub fn latency_chart_label_in(round_trips: usize, locale: Locale) -> String {
    let section = requirement_id!("net.one-way-delay").section();
    let (limit, one_way) = (ROUND_TRIP_LIMIT, limits::ONE_WAY_DELAY);
    let label = bilingual!(
        "{round_trips} round trips; the dashed line is the {limit} round trip that {section}'s {one_way} one-way limit allows",
        "{round_trips} svarstider (tur och retur); den streckade linjen är svarstiden {limit}, som gränsen på {one_way} för envägsfördröjning i {section} tillåter"
    );
    label.get(locale).to_owned()
}

/// Figures from a series of samples. Times are in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Statistics {
    pub sent: usize,
    pub received: usize,
    pub median_rtt_us: u64,
    pub p95_rtt_us: u64,
    pub min_rtt_us: u64,
    /// Mean absolute difference of consecutive round trips.
    pub jitter_us: u64,
    /// The RFC 3550 interarrival jitter estimate (smoothed over 16 samples).
    pub rfc3550_jitter_us: u64,
    /// Lost samples per thousand sent.
    pub loss_permille: u32,
}

/// The sample at `fraction` of the sorted list (nearest rank).
fn percentile(sorted: &[u64], fraction: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((fraction * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Works out the figures; `None` when nothing came back.
pub fn statistics(samples: &[Sample]) -> Option<Statistics> {
    let received: Vec<u64> = samples.iter().flatten().copied().collect();
    if received.is_empty() {
        return None;
    }
    let mut sorted = received.clone();
    sorted.sort_unstable();
    // Jitter looks at consecutive answers only; a lost sample breaks no pair in two.
    let differences: Vec<u64> = received.windows(2).map(|pair| pair[0].abs_diff(pair[1])).collect();
    let jitter = if differences.is_empty() { 0 } else { differences.iter().sum::<u64>() / differences.len() as u64 };
    let mut smoothed = 0.0f64;
    for difference in &differences {
        smoothed += (*difference as f64 - smoothed) / 16.0;
    }
    let lost = samples.len() - received.len();
    Some(Statistics {
        sent: samples.len(),
        received: received.len(),
        median_rtt_us: percentile(&sorted, 0.5),
        p95_rtt_us: percentile(&sorted, 0.95),
        min_rtt_us: sorted[0],
        jitter_us: jitter,
        rfc3550_jitter_us: smoothed.round() as u64,
        loss_permille: ((lost as u64 * 1000 + samples.len() as u64 / 2) / samples.len() as u64) as u32,
    })
}

/// How samples were taken: the words the evidence ends with ("TCP connect to
/// 81.228.2.193:443, 20 samples"), in both languages, and the figures among them (warm-ups).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub text: Bilingual,
    pub figures: Vec<Figure>,
}

/// What a method's words are made of: a [`Bilingual`], or a label that reads the same in
/// both languages (a test's "m"). Real methods are described in both languages.
pub trait MethodWords {
    fn into_words(self) -> Bilingual;
}

impl MethodWords for Bilingual {
    fn into_words(self) -> Bilingual {
        self
    }
}

impl MethodWords for &str {
    fn into_words(self) -> Bilingual {
        Bilingual::same(self)
    }
}

/// A finding on a figure measured over this device's own connection, which may be Wi-Fi or
/// mobile: 2.1 does not guarantee the service there, and the card says so.
fn measured(requirement: RequirementId, verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>) -> Finding {
    let mut finding = Finding::new(requirement, verdict, evidence, advice);
    finding.advisories.push(WIRELESS_ADVISORY);
    finding
}

/// The advisory on 2.1's disclaimer for wireless and mobile networks.
pub const WIRELESS_ADVISORY: crate::advisory::AdvisoryId =
    crate::advisory::AdvisoryId::known("net.wireless-not-guaranteed");

impl Method {
    /// A method of these words (both languages, as `bilingual!` makes them).
    pub fn new(text: impl MethodWords) -> Method {
        Method { text: text.into_words(), figures: Vec::new() }
    }

    /// The same method, with one more of its figures.
    pub fn with(mut self, figure: Figure) -> Method {
        self.figures.push(figure);
        self
    }
}

/// The 2.1 verdicts for delay, jitter and loss over `samples`, taken as `method` says. Each
/// finding carries the figures its evidence states.
pub fn network_findings(samples: &[Sample], method: &Method) -> Vec<Finding> {
    let (text_en, text_sv) = (&method.text.en, &method.text.sv);
    let with_method = |figures: Vec<Figure>| figures.into_iter().chain(method.figures.iter().copied());
    let count = |name, value: usize| Figure::whole(name, value as u64);
    let Some(stats) = statistics(samples) else {
        let evidence = match samples.len() {
            0 => bilingual!("No sample was sent ({text_en})", "Ingen mätning skickades ({text_sv})"),
            sent => bilingual!(
                "None of the {sent} samples came back ({text_en})",
                "Ingen av de {sent} mätningarna kom tillbaka ({text_sv})"
            ),
        };
        let advice = Some(Bilingual::new(
            "The platform did not answer: check the firewall openings of chapter 6 and DNS.",
            "Plattformen svarade inte: kontrollera brandväggsöppningarna i kapitel 6 och DNS.",
        ));
        let figures = vec![count(FigureName::Sent, samples.len()), count(FigureName::Lost, samples.len())];
        return ROUND_TRIP_REQUIREMENTS
            .iter()
            .map(|id| {
                measured(*id, Verdict::Fail, evidence.clone(), advice.clone())
                    .with_figures(with_method(figures.clone()))
            })
            .collect();
    };
    // Failing a "should" of 2.1 is a warning, not a failure.
    let judge = |ok: bool| if ok { Verdict::Pass } else { Verdict::Warning };
    let one_way_us = stats.median_rtt_us / 2;
    let one_way_limit = u64::from(limits::ONE_WAY_DELAY.0) * 1000;
    let jitter_limit = u64::from(limits::JITTER.0) * 1000;
    let loss_limit = u32::from(limits::PACKET_LOSS.get()) * 10;
    let time = Figure::micros;
    let (one_way, median, minimum, p95) = (
        time(FigureName::OneWayMs, one_way_us),
        time(FigureName::MedianMs, stats.median_rtt_us),
        time(FigureName::MinimumMs, stats.min_rtt_us),
        time(FigureName::P95Ms, stats.p95_rtt_us),
    );
    let (jitter, rfc3550) =
        (time(FigureName::JitterMs, stats.jitter_us), time(FigureName::Rfc3550JitterMs, stats.rfc3550_jitter_us));
    let (lost, sent, loss) = (
        count(FigureName::Lost, stats.sent - stats.received),
        count(FigureName::Sent, stats.sent),
        Figure::permille(FigureName::LossPercent, u64::from(stats.loss_permille)),
    );
    let delay_evidence = {
        let [one_way_en, median_en, minimum_en, p95_en] = [one_way, median, minimum, p95].map(Figure::text);
        let [one_way_sv, median_sv, minimum_sv, p95_sv] = [one_way, median, minimum, p95].map(swedish);
        bilingual!(
            "One-way delay estimated as half the median round trip: {one_way_en} ms (median {median_en} ms, minimum {minimum_en} ms, 95th percentile {p95_en} ms; {text_en})",
            "Envägsfördröjningen uppskattad som halva mediansvarstiden: {one_way_sv} ms (median {median_sv} ms, lägsta {minimum_sv} ms, 95:e percentilen {p95_sv} ms; {text_sv})"
        )
    };
    let jitter_evidence = {
        let [jitter_en, rfc3550_en] = [jitter, rfc3550].map(Figure::text);
        let [jitter_sv, rfc3550_sv] = [jitter, rfc3550].map(swedish);
        bilingual!(
            "Jitter {jitter_en} ms (mean difference of consecutive round trips; RFC 3550 estimate {rfc3550_en} ms; {text_en})",
            "Jitter {jitter_sv} ms (medelskillnaden mellan på varandra följande svarstider; uppskattning enligt RFC 3550 {rfc3550_sv} ms; {text_sv})"
        )
    };
    let loss_evidence = {
        let [lost, sent] = [lost, sent].map(Figure::text);
        let (loss_en, loss_sv) = (loss.text(), swedish(loss));
        bilingual!(
            "{lost} of {sent} samples lost ({loss_en} %; {text_en})",
            "{lost} av {sent} mätningar förlorades ({loss_sv} %; {text_sv})"
        )
    };
    let (delay_limit, jitter_limit_text, loss_limit_text) =
        (limits::ONE_WAY_DELAY, limits::JITTER, limits::PACKET_LOSS);
    vec![
        measured(
            requirement_id!("net.one-way-delay"),
            judge(one_way_us < one_way_limit),
            delay_evidence,
            (one_way_us >= one_way_limit).then(|| {
                bilingual!(
                    "2.1 asks for less than {delay_limit} one way.",
                    "2.1 begär mindre än {delay_limit} i envägsfördröjning."
                )
            }),
        )
        .with_figures(with_method(vec![one_way, median, minimum, p95])),
        measured(
            requirement_id!("net.jitter"),
            judge(stats.jitter_us < jitter_limit),
            jitter_evidence,
            (stats.jitter_us >= jitter_limit).then(|| {
                bilingual!(
                    "2.1 asks for less than {jitter_limit_text} jitter.",
                    "2.1 begär mindre än {jitter_limit_text} i jitter."
                )
            }),
        )
        .with_figures(with_method(vec![jitter, rfc3550])),
        measured(
            requirement_id!("net.packet-loss"),
            judge(stats.loss_permille < loss_limit),
            loss_evidence,
            (stats.loss_permille >= loss_limit).then(|| {
                bilingual!(
                    "2.1 asks for less than {loss_limit_text} loss.",
                    "2.1 begär mindre än {loss_limit_text} i paketförlust."
                )
            }),
        )
        .with_figures(with_method(vec![lost, sent, loss])),
    ]
}

/// A figure as Swedish writes it: a decimal comma ("5,25").
fn swedish(figure: Figure) -> String {
    Locale::Sv.decimals(&figure.text())
}

/// Of the rate needed, the share that counts as carried: sending goes in whole packets and
/// unreliable packets may be dropped under load, so 95 % of it passes.
const CARRIED_PERCENT: u64 = 95;

/// 2.1's bandwidth per concurrent call, checked by streaming the plan's calls through a TURN
/// relay: `calls` the plan's (one is tested when it has none), `required` what the tested
/// calls need, `sent` what the page managed to send, `received` what arrived on the other
/// side, all in kbit/s.
pub fn throughput_finding(calls: u64, required: u64, sent: u64, received: u64, relay: &str) -> Finding {
    let calls_text = if calls == 0 {
        Bilingual::new(
            "the plan has no calls yet, so one call was tested",
            "planen har inga samtal ännu, så ett samtal testades",
        )
    } else {
        bilingual!("{calls} concurrent calls of the plan", "planens {calls} samtidiga samtal")
    };
    let (seconds, bytes) = (run::STREAM_DURATION_MS / 1000, run::STREAM_PACKET_BYTES);
    let (calls_en, calls_sv) = (&calls_text.en, &calls_text.sv);
    let evidence = bilingual!(
        "{received} kbit/s arrived of the {required} kbit/s needed ({sent} kbit/s sent) through the TURN relay {relay} ({calls_en}; a {seconds}-second stream of {bytes}-byte packets)",
        "{received} kbit/s kom fram av de {required} kbit/s som behövs ({sent} kbit/s skickades) genom TURN-reläet {relay} ({calls_sv}; en ström på {seconds} sekunder med paket på {bytes} byte)"
    );
    let figures = [
        Figure::whole(FigureName::PlanCalls, calls),
        Figure::whole(FigureName::TestedCalls, calls.max(1)),
        Figure::whole(FigureName::RequiredKbps, required),
        Figure::whole(FigureName::SentKbps, sent),
        Figure::whole(FigureName::ReceivedKbps, received),
    ];
    let finding = if received * 100 >= required * CARRIED_PERCENT {
        measured(requirement_id!("net.call-bandwidth"), Verdict::Pass, evidence, None)
    } else {
        let (per_call_en, per_call_sv) =
            (limits::CALL_BANDWIDTH.to_string(), Locale::Sv.decimals(&limits::CALL_BANDWIDTH.to_string()));
        let advice = bilingual!(
            "The path carried less than the plan's calls need ({per_call_en} per call, 2.1).",
            "Förbindelsen klarade mindre än vad planens samtal behöver ({per_call_sv} per samtal, 2.1)."
        );
        measured(requirement_id!("net.call-bandwidth"), Verdict::Fail, evidence, Some(advice))
    };
    finding.with_figures(figures)
}

/// How one HTTPS request from the browser ended. Browsers hide why a request failed, so
/// "failed at once" covers DNS failures, refused connections, certificate errors and blocked
/// ports alike; the time it took is the only clue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchOutcome {
    Answered { elapsed_ms: u64 },
    FailedAtOnce { elapsed_ms: u64 },
    NoAnswer { timeout_ms: u64 },
}

impl FetchOutcome {
    pub const fn answered(self) -> bool {
        matches!(self, FetchOutcome::Answered { .. })
    }
}

/// 2.1's DNS and reachability requirement for one HTTPS address, from the browser's point of
/// view.
pub fn reachability_finding(url: &str, outcome: FetchOutcome) -> Finding {
    let (verdict, evidence, advice, figure) = match outcome {
        FetchOutcome::Answered { elapsed_ms } => (
            Verdict::Pass,
            bilingual!(
                "{url} answered in {elapsed_ms} ms (HTTPS request from this browser; the name resolved)",
                "{url} svarade på {elapsed_ms} ms (HTTPS-begäran från den här webbläsaren; namnet gick att slå upp)"
            ),
            None,
            Figure::millis(FigureName::ElapsedMs, elapsed_ms),
        ),
        FetchOutcome::FailedAtOnce { elapsed_ms } => (
            Verdict::Fail,
            bilingual!(
                "{url} failed after {elapsed_ms} ms without an answer (HTTPS request from this browser)",
                "{url} misslyckades efter {elapsed_ms} ms utan svar (HTTPS-begäran från den här webbläsaren)"
            ),
            Some(Bilingual::new(
                "The browser does not say why: the name may not resolve, a firewall or proxy may refuse the connection, or the certificate may be rejected (mixed-content blocking is not the cause: the request was HTTPS). `sitecheck probe` tells these apart.",
                "Webbläsaren säger inte varför: namnet kanske inte går att slå upp, en brandvägg eller proxy kan vägra anslutningen, eller så kan certifikatet avvisas (blockering av blandat innehåll är inte orsaken: begäran gick över HTTPS). `sitecheck probe` skiljer dessa fall åt.",
            )),
            Figure::millis(FigureName::ElapsedMs, elapsed_ms),
        ),
        FetchOutcome::NoAnswer { timeout_ms } => {
            let seconds_en = crate::units::format_decimal(timeout_ms as f64 / 1000.0);
            let seconds_sv = Locale::Sv.decimals(&seconds_en);
            (
                Verdict::Fail,
                bilingual!(
                    "{url} gave no answer within {seconds_en} s (HTTPS request from this browser)",
                    "{url} svarade inte inom {seconds_sv} s (HTTPS-begäran från den här webbläsaren)"
                ),
                Some(Bilingual::new(
                    "Something drops the traffic silently: check the firewall openings of 6.1 and any web proxy (2.1).",
                    "Något stoppar trafiken i tysthet: kontrollera brandväggsöppningarna i 6.1 och en eventuell webbproxy (2.1).",
                )),
                Figure::millis(FigureName::TimeoutMs, timeout_ms),
            )
        }
    };
    Finding::new(requirement_id!("net.dns-name"), verdict, evidence, advice).with_figures([figure])
}

/// The verdicts when the HTTPS checks would go to a port browsers refuse: the reachability of
/// each address and the delay, jitter and loss cannot be seen from here, and a failure would
/// say nothing about the network, so nothing is requested.
pub fn blocked_port_findings(urls: &[String], port: u16) -> Vec<Finding> {
    let why = bilingual!(
        "browsers refuse port {port} to every page (the Fetch standard's blocked ports), so a failed request would say nothing about the network",
        "webbläsare vägrar port {port} för alla sidor (Fetch-standardens blockerade portar), så en misslyckad begäran skulle inte säga något om nätverket"
    );
    let (why_en, why_sv) = (&why.en, &why.sv);
    let advice = Some(bilingual!(
        "`sitecheck probe` tests TCP/{port} natively; or confirm the opening by hand.",
        "`sitecheck probe` testar TCP/{port} utanför webbläsaren; eller bekräfta öppningen manuellt."
    ));
    let figure = [Figure::whole(FigureName::Port, u64::from(port))];
    let mut findings: Vec<Finding> = urls
        .iter()
        .map(|url| {
            Finding::new(
                requirement_id!("net.dns-name"),
                Verdict::NeedsConfirmation,
                bilingual!("{url} was not requested: {why_en}", "{url} begärdes inte: {why_sv}"),
                advice.clone(),
            )
            .with_figures(figure)
        })
        .collect();
    for id in ROUND_TRIP_REQUIREMENTS {
        findings.push(
            Finding::new(
                *id,
                Verdict::NeedsConfirmation,
                bilingual!("Not measured: {why_en}", "Mättes inte: {why_sv}"),
                advice.clone(),
            )
            .with_figures(figure),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[Option<u64>]) -> Vec<Sample> {
        values.iter().map(|value| value.map(|ms| ms * 1000)).collect()
    }

    /// The figures of a finding as (name, text), in order.
    fn figures(finding: &Finding) -> Vec<(&'static str, String)> {
        finding.figures.iter().map(|figure| (figure.name.slug(), figure.text())).collect()
    }

    fn named<'a>(pairs: &'a [(&'static str, &'a str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(name, text)| (*name, (*text).to_owned())).collect()
    }

    #[test]
    fn measured_findings_carry_the_wireless_disclaimer() {
        let method = Method::new("test");
        let findings = [
            network_findings(&ms(&[Some(40); 10]), &method),
            network_findings(&ms(&[None; 3]), &method),
            vec![throughput_finding(1, 100, 100, 100, "relay"), throughput_finding(1, 100, 100, 10, "relay")],
        ]
        .concat();
        assert_eq!(findings.len(), 8);
        for finding in findings {
            assert_eq!(finding.advisories, [WIRELESS_ADVISORY], "{}", finding.requirement);
        }
        assert_eq!(WIRELESS_ADVISORY.advisory().id, "net.wireless-not-guaranteed");
    }

    #[test]
    fn figures_from_samples() {
        let stats = statistics(&ms(&[Some(10), Some(20), Some(10), Some(20), None])).unwrap();
        assert_eq!((stats.sent, stats.received), (5, 4));
        assert_eq!(stats.median_rtt_us, 10_000);
        assert_eq!(stats.p95_rtt_us, 20_000);
        assert_eq!(stats.min_rtt_us, 10_000);
        assert_eq!(stats.jitter_us, 10_000);
        assert_eq!(stats.loss_permille, 200);
        assert_eq!(statistics(&ms(&[None, None])), None);
        assert_eq!(statistics(&[]), None);
        let steady = statistics(&ms(&[Some(30); 20])).unwrap();
        assert_eq!((steady.jitter_us, steady.rfc3550_jitter_us, steady.loss_permille), (0, 0, 0));
    }

    #[test]
    fn verdicts_against_2_1() {
        let check = |samples: &[Option<u64>], expected: [Verdict; 3]| {
            let verdicts: Vec<Verdict> =
                network_findings(&ms(samples), &Method::new("test")).iter().map(|finding| finding.verdict).collect();
            assert_eq!(verdicts, expected, "{samples:?}");
        };
        let good = [Some(40); 100];
        check(&good, [Verdict::Pass; 3]);
        let slow = [Some(130); 100];
        check(&slow, [Verdict::Warning, Verdict::Pass, Verdict::Pass]);
        let jittery: Vec<Option<u64>> = (0..100).map(|i| Some(if i % 2 == 0 { 10 } else { 40 })).collect();
        check(&jittery, [Verdict::Pass, Verdict::Warning, Verdict::Pass]);
        let lossy: Vec<Option<u64>> = (0..100).map(|i| if i % 50 == 0 { None } else { Some(20) }).collect();
        check(&lossy, [Verdict::Pass, Verdict::Pass, Verdict::Warning]);
        check(&[None; 10], [Verdict::Fail; 3]);
        let finding = &network_findings(&ms(&good), &Method::new("TCP connect, 100 samples"))[0];
        assert!(finding.evidence.en.contains("half the median round trip: 20 ms"), "{}", finding.evidence.en);
    }

    #[test]
    fn round_trip_findings_carry_the_figures_they_state() {
        let check = |samples: &[Sample], expected: [&[(&'static str, &str)]; 3]| {
            let method = Method::new("after 2 warm-ups").with(Figure::whole(FigureName::WarmUps, 2));
            let findings = network_findings(samples, &method);
            let ids: Vec<RequirementId> = findings.iter().map(|finding| finding.requirement).collect();
            assert_eq!(ids, ROUND_TRIP_REQUIREMENTS);
            for (finding, expected) in findings.iter().zip(expected) {
                assert_eq!(figures(finding), named(expected), "{}", finding.evidence.en);
                // The sentence states each figure it carries, as the figure reads (a zero may
                // be said in words: "No sample was sent").
                for figure in finding.figures.iter().filter(|figure| figure.text() != "0") {
                    assert!(finding.evidence.en.contains(&figure.text()), "{:?} in {}", figure, finding.evidence.en);
                }
            }
        };
        let samples = [Some(10_000), Some(21_000), None, Some(10_500), Some(40_001)];
        check(
            &samples,
            [
                &[
                    ("one-way-ms", "5.25"),
                    ("median-ms", "10.5"),
                    ("minimum-ms", "10"),
                    ("p95-ms", "40.001"),
                    ("warm-ups", "2"),
                ],
                &[("jitter-ms", "17"), ("rfc3550-jitter-ms", "3.063"), ("warm-ups", "2")],
                &[("lost", "1"), ("sent", "5"), ("loss-percent", "20"), ("warm-ups", "2")],
            ],
        );
        // Nothing came back: what was sent, and that all of it was lost.
        let none: &[(&'static str, &str)] = &[("sent", "3"), ("lost", "3"), ("warm-ups", "2")];
        check(&[None; 3], [none; 3]);
        let unsent: &[(&'static str, &str)] = &[("sent", "0"), ("lost", "0"), ("warm-ups", "2")];
        check(&[], [unsent; 3]);
        let evidence = |samples: &[Sample]| network_findings(samples, &Method::new("m"))[0].evidence.en.clone();
        assert_eq!(evidence(&[None; 3]), "None of the 3 samples came back (m)");
        assert_eq!(evidence(&[]), "No sample was sent (m)");
    }

    #[test]
    fn the_chart_draws_the_round_trip_the_one_way_limit_allows() {
        assert_eq!(ROUND_TRIP_LIMIT, Millis(120));
        assert_eq!(
            latency_chart_label(20),
            "20 round trips; the dashed line is the 120 ms round trip that 2.1's 60 ms one-way limit allows"
        );
        // A round trip on the line is a one-way delay at the limit: a warning, as for the verdict.
        let at_limit = [Some(u64::from(ROUND_TRIP_LIMIT.0) * 1000); 10];
        let below = [Some(u64::from(ROUND_TRIP_LIMIT.0) * 1000 - 2); 10];
        assert_eq!(network_findings(&at_limit, &Method::new("m"))[0].verdict, Verdict::Warning);
        assert_eq!(network_findings(&below, &Method::new("m"))[0].verdict, Verdict::Pass);
    }

    #[test]
    fn a_blocked_port_is_explained_not_failed() {
        let urls = ["https://a.example:5061/".to_owned(), "https://b.example:5061/".to_owned()];
        let findings = blocked_port_findings(&urls, 5061);
        let ids: Vec<&str> = findings.iter().map(|finding| finding.requirement.as_str()).collect();
        assert_eq!(ids, ["net.dns-name", "net.dns-name", "net.one-way-delay", "net.jitter", "net.packet-loss"]);
        assert!(findings.iter().all(|finding| finding.verdict == Verdict::NeedsConfirmation));
        assert!(findings.iter().all(|finding| figures(finding) == named(&[("port", "5061")])));
        assert!(
            findings[1].evidence.en.starts_with("https://b.example:5061/ was not requested: browsers refuse port 5061")
        );
    }

    #[test]
    fn throughput_against_the_plan() {
        let check = |(calls, required, sent, received), verdict, expected: &[(&'static str, &str)]| {
            let finding = throughput_finding(calls, required, sent, received, "turn:x");
            assert_eq!(finding.verdict, verdict, "{}", finding.evidence.en);
            assert_eq!(figures(&finding), named(expected), "{}", finding.evidence.en);
        };
        let figures_of = |calls: &'static str, tested: &'static str, sent: &'static str, received: &'static str| {
            [
                ("plan-calls", calls),
                ("tested-calls", tested),
                ("required-kbps", "1000"),
                ("sent-kbps", sent),
                ("received-kbps", received),
            ]
        };
        check((10, 1000, 1000, 990), Verdict::Pass, &figures_of("10", "10", "1000", "990"));
        check((10, 1000, 1000, 950), Verdict::Pass, &figures_of("10", "10", "1000", "950"));
        check((10, 1000, 1000, 940), Verdict::Fail, &figures_of("10", "10", "1000", "940"));
        check((0, 1000, 800, 800), Verdict::Fail, &figures_of("0", "1", "800", "800"));
        assert!(
            throughput_finding(0, 100, 96, 96, "turn:x")
                .evidence
                .en
                .contains("96 kbit/s arrived of the 100 kbit/s needed")
        );
    }

    #[test]
    fn reachability_outcomes() {
        let check = |outcome, verdict, evidence: &str, figure: (&'static str, &str)| {
            let finding = reachability_finding("https://touchpoint.telia.se/", outcome);
            assert_eq!(finding.verdict, verdict);
            assert!(finding.evidence.en.contains(evidence), "{}", finding.evidence.en);
            assert_eq!(figures(&finding), named(&[figure]));
        };
        check(FetchOutcome::Answered { elapsed_ms: 42 }, Verdict::Pass, "answered in 42 ms", ("elapsed-ms", "42"));
        check(
            FetchOutcome::FailedAtOnce { elapsed_ms: 3 },
            Verdict::Fail,
            "failed after 3 ms without an answer",
            ("elapsed-ms", "3"),
        );
        check(
            FetchOutcome::NoAnswer { timeout_ms: 3000 },
            Verdict::Fail,
            "no answer within 3 s",
            ("timeout-ms", "3000"),
        );
        let finding =
            reachability_finding("https://touchpoint.telia.se:18443/", FetchOutcome::Answered { elapsed_ms: 5 });
        assert!(
            finding.evidence.en.starts_with("https://touchpoint.telia.se:18443/ answered"),
            "{}",
            finding.evidence.en
        );
    }
}
