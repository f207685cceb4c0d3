//! Network measurements judged against 2.1: round-trip samples to delay, jitter and loss, with
//! the verdicts and how each figure was obtained.

pub mod ice;
pub mod series;
pub mod targets;

use crate::limits;
use crate::requirement::RequirementId;
use crate::requirement_id;
use crate::verdict::{Finding, Verdict};
use serde::Serialize;

/// One probe's outcome: a round-trip time in microseconds, or lost (failed or timed out).
pub type Sample = Option<u64>;

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

fn millis(us: u64) -> String {
    crate::units::format_decimal(us as f64 / 1000.0)
}

/// A finding on a figure measured over this device's own connection, which may be Wi-Fi or
/// mobile: 2.1 does not guarantee the service there, and the card says so.
fn measured(requirement: RequirementId, verdict: Verdict, evidence: String, advice: Option<String>) -> Finding {
    let mut finding = Finding::new(requirement, verdict, evidence, advice);
    finding.advisories.push(WIRELESS_ADVISORY);
    finding
}

/// The advisory on 2.1's disclaimer for wireless and mobile networks.
pub const WIRELESS_ADVISORY: &str = "net.wireless-not-guaranteed";

/// The 2.1 verdicts for delay, jitter and loss. `method` says how the samples were taken
/// ("TCP connect to 81.228.2.193:443, 20 samples").
pub fn network_findings(statistics: Option<&Statistics>, method: &str) -> Vec<Finding> {
    let finding = measured;
    let Some(stats) = statistics else {
        let evidence = format!("No sample came back ({method})");
        let advice = Some("The platform did not answer: check the firewall openings of chapter 6 and DNS.".to_owned());
        return [
            requirement_id!("net.one-way-delay"),
            requirement_id!("net.jitter"),
            requirement_id!("net.packet-loss"),
        ]
        .into_iter()
        .map(|id| finding(id, Verdict::Fail, evidence.clone(), advice.clone()))
        .collect();
    };
    // Failing a "should" of 2.1 is a warning, not a failure.
    let judge = |ok: bool| if ok { Verdict::Pass } else { Verdict::Warning };
    let one_way = stats.median_rtt_us / 2;
    let one_way_limit = u64::from(limits::ONE_WAY_DELAY.0) * 1000;
    let jitter_limit = u64::from(limits::JITTER.0) * 1000;
    let loss_limit = u32::from(limits::PACKET_LOSS.get()) * 10;
    vec![
        finding(
            requirement_id!("net.one-way-delay"),
            judge(one_way < one_way_limit),
            format!(
                "One-way delay estimated as half the median round trip: {} ms (median {} ms, minimum {} ms, 95th percentile {} ms; {method})",
                millis(one_way),
                millis(stats.median_rtt_us),
                millis(stats.min_rtt_us),
                millis(stats.p95_rtt_us)
            ),
            (one_way >= one_way_limit).then(|| format!("2.1 asks for less than {} one way.", limits::ONE_WAY_DELAY)),
        ),
        finding(
            requirement_id!("net.jitter"),
            judge(stats.jitter_us < jitter_limit),
            format!(
                "Jitter {} ms (mean difference of consecutive round trips; RFC 3550 estimate {} ms; {method})",
                millis(stats.jitter_us),
                millis(stats.rfc3550_jitter_us)
            ),
            (stats.jitter_us >= jitter_limit).then(|| format!("2.1 asks for less than {} jitter.", limits::JITTER)),
        ),
        finding(
            requirement_id!("net.packet-loss"),
            judge(stats.loss_permille < loss_limit),
            format!(
                "{} of {} samples lost ({} %; {method})",
                stats.sent - stats.received,
                stats.sent,
                crate::units::format_decimal(f64::from(stats.loss_permille) / 10.0)
            ),
            (stats.loss_permille >= loss_limit)
                .then(|| format!("2.1 asks for less than {} loss.", limits::PACKET_LOSS)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[Option<u64>]) -> Vec<Sample> {
        values.iter().map(|value| value.map(|ms| ms * 1000)).collect()
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
            let stats = statistics(&ms(samples));
            let verdicts: Vec<Verdict> =
                network_findings(stats.as_ref(), "test").iter().map(|finding| finding.verdict).collect();
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
        let finding = &network_findings(statistics(&ms(&good)).as_ref(), "TCP connect, 100 samples")[0];
        assert!(finding.evidence.contains("half the median round trip: 20 ms"), "{}", finding.evidence);
    }

    #[test]
    fn measured_findings_carry_the_wireless_disclaimer() {
        let stats = statistics(&ms(&[Some(40); 10]));
        let findings = [
            network_findings(stats.as_ref(), "test"),
            network_findings(None, "test"),
            vec![throughput_finding(1, 100, 100, 100, "relay"), throughput_finding(1, 100, 100, 10, "relay")],
        ]
        .concat();
        assert_eq!(findings.len(), 8);
        for finding in findings {
            assert_eq!(finding.advisories, [WIRELESS_ADVISORY], "{}", finding.requirement);
        }
        assert!(crate::advisory::advisory(WIRELESS_ADVISORY).is_some());
    }
}

/// 2.1's 100 kbit/s per concurrent call, checked by streaming the plan's calls through a
/// TURN relay: `required` is what the calls need, `sent` what the page managed to send,
/// `received` what arrived on the other side, all in kbit/s.
pub fn throughput_finding(calls: u64, required: u64, sent: u64, received: u64, relay: &str) -> Finding {
    let calls_text = if calls == 0 {
        "the plan has no calls yet, so one call was tested".to_owned()
    } else {
        format!("{calls} concurrent calls of the plan")
    };
    let evidence = format!(
        "{received} kbit/s arrived of the {required} kbit/s needed ({sent} kbit/s sent) through the TURN relay {relay} ({calls_text}; a 2-second stream of 1200-byte packets)"
    );
    // Sending goes in whole packets and unreliable packets may be dropped under load: 95 % of
    // the rate needed counts as carried.
    if received * 100 >= required * 95 {
        measured(requirement_id!("net.call-bandwidth"), Verdict::Pass, evidence, None)
    } else {
        let advice =
            format!("The path carried less than the plan's calls need ({} per call, 2.1).", limits::CALL_BANDWIDTH);
        measured(requirement_id!("net.call-bandwidth"), Verdict::Fail, evidence, Some(advice))
    }
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

/// 2.1's DNS and reachability requirement for one HTTPS address, from the browser's point of
/// view.
pub fn reachability_finding(url: &str, outcome: FetchOutcome) -> Finding {
    let (verdict, evidence, advice) = match outcome {
        FetchOutcome::Answered { elapsed_ms } => (
            Verdict::Pass,
            format!("{url} answered in {elapsed_ms} ms (HTTPS request from this browser; the name resolved)"),
            None,
        ),
        FetchOutcome::FailedAtOnce { elapsed_ms } => (
            Verdict::Fail,
            format!("{url} failed after {elapsed_ms} ms without an answer (HTTPS request from this browser)"),
            Some("The browser does not say why: the name may not resolve, a firewall or proxy may refuse the connection, or the certificate may be rejected (mixed-content blocking is not the cause: the request was HTTPS). `sitecheck probe` tells these apart.".to_owned()),
        ),
        FetchOutcome::NoAnswer { timeout_ms } => (
            Verdict::Fail,
            format!("{url} gave no answer within {} s (HTTPS request from this browser)", crate::units::format_decimal(timeout_ms as f64 / 1000.0)),
            Some("Something drops the traffic silently: check the firewall openings of 6.1 and any web proxy (2.1).".to_owned()),
        ),
    };
    Finding::new(requirement_id!("net.dns-name"), verdict, evidence, advice)
}

/// Ports every browser refuses to request, whatever the network allows: the "bad ports" of
/// the Fetch standard (port blocking), which Chromium, Firefox and WebKit all apply. SIP's
/// 5060 and 5061 are among them. Sorted, so that it can be searched.
pub const BROWSER_BLOCKED_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
    110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
    532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060,
    5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

/// Whether browsers refuse to request this port.
pub fn browser_blocks_port(port: u16) -> bool {
    BROWSER_BLOCKED_PORTS.binary_search(&port).is_ok()
}

/// The verdicts when the HTTPS checks would go to a port browsers refuse: the reachability of
/// each address and the delay, jitter and loss cannot be seen from here, and a failure would
/// say nothing about the network, so nothing is requested.
pub fn blocked_port_findings(urls: &[String], port: u16) -> Vec<Finding> {
    let why = format!(
        "browsers refuse port {port} to every page (the Fetch standard's blocked ports), so a failed request would say nothing about the network"
    );
    let advice = Some(format!("`sitecheck probe` tests TCP/{port} natively; or confirm the opening by hand."));
    let mut findings: Vec<Finding> = urls
        .iter()
        .map(|url| {
            Finding::new(
                requirement_id!("net.dns-name"),
                Verdict::NeedsConfirmation,
                format!("{url} was not requested: {why}"),
                advice.clone(),
            )
        })
        .collect();
    for id in [requirement_id!("net.one-way-delay"), requirement_id!("net.jitter"), requirement_id!("net.packet-loss")]
    {
        findings.push(Finding::new(id, Verdict::NeedsConfirmation, format!("Not measured: {why}"), advice.clone()));
    }
    findings
}

/// What a browser cannot test, why, and where to test it instead.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct BrowserLimit {
    pub what: &'static str,
    pub section: &'static str,
    pub reason: &'static str,
    pub instead: &'static str,
}

pub const BROWSER_LIMITS: &[BrowserLimit] = &[
    BrowserLimit {
        what: "TCP/5061 and TCP/5067 (SIPS)",
        section: "6.2",
        reason: "every browser refuses these ports (ERR_UNSAFE_PORT), whatever the firewall says",
        instead: "sitecheck probe",
    },
    BrowserLimit {
        what: "UDP/123 (NTP)",
        section: "6.3",
        reason: "web pages cannot send raw UDP",
        instead: "sitecheck probe",
    },
    BrowserLimit {
        what: "TCP/9443, TCP/211 and TCP/14711",
        section: "6.3",
        reason: "a page can only see whether an HTTPS server answers with a valid certificate for a name, not whether a port is open",
        instead: "sitecheck probe",
    },
    BrowserLimit {
        what: "UDP/49152-65535 (media)",
        section: "6.2",
        reason: "a page sees UDP only through WebRTC, towards the STUN/TURN servers in config.json, not towards the platform's media ports",
        instead: "ice_servers in config.json for the path, and confirmation of the rule",
    },
    BrowserLimit {
        what: "Inbound openings (6.4, 6.5)",
        section: "6.4",
        reason: "only a connection from outside, from Telia, can show them",
        instead: "confirmation with Telia",
    },
    BrowserLimit {
        what: "Every subdomain of touchpoint.telia.se",
        section: "2.1",
        reason: "a page cannot resolve arbitrary names, only request those it knows",
        instead: "sitecheck probe with the names in config.json, or confirmation",
    },
    BrowserLimit {
        what: "Web proxy exclusion",
        section: "2.1",
        reason: "a page cannot see whether its requests went through a proxy",
        instead: "confirmation by the network administrator",
    },
];

#[cfg(test)]
mod browser_tests {
    use super::*;

    #[test]
    fn blocked_ports_are_sorted_and_hold_sip() {
        assert!(BROWSER_BLOCKED_PORTS.windows(2).all(|pair| pair[0] < pair[1]));
        for (port, blocked) in [(5060, true), (5061, true), (123, true), (443, false), (9443, false), (211, false)] {
            assert_eq!(browser_blocks_port(port), blocked, "{port}");
        }
        // The spec's 5067 and 14711 are not on the list: a browser could try them.
        assert!(!browser_blocks_port(5067) && !browser_blocks_port(14711));
    }

    #[test]
    fn a_blocked_port_is_explained_not_failed() {
        let urls = ["https://a.example:5061/".to_owned(), "https://b.example:5061/".to_owned()];
        let findings = blocked_port_findings(&urls, 5061);
        let ids: Vec<&str> = findings.iter().map(|finding| finding.requirement.as_str()).collect();
        assert_eq!(ids, ["net.dns-name", "net.dns-name", "net.one-way-delay", "net.jitter", "net.packet-loss"]);
        assert!(findings.iter().all(|finding| finding.verdict == Verdict::NeedsConfirmation));
        assert!(
            findings[1].evidence.starts_with("https://b.example:5061/ was not requested: browsers refuse port 5061")
        );
    }

    #[test]
    fn throughput_against_the_plan() {
        assert_eq!(throughput_finding(10, 1000, 1000, 990, "turn:x").verdict, Verdict::Pass);
        assert_eq!(throughput_finding(10, 1000, 1000, 940, "turn:x").verdict, Verdict::Fail);
        assert!(
            throughput_finding(0, 100, 96, 96, "turn:x")
                .evidence
                .contains("96 kbit/s arrived of the 100 kbit/s needed")
        );
    }

    #[test]
    fn reachability_outcomes() {
        let check = |outcome, verdict, evidence: &str| {
            let finding = reachability_finding("https://touchpoint.telia.se/", outcome);
            assert_eq!(finding.verdict, verdict);
            assert!(finding.evidence.contains(evidence), "{}", finding.evidence);
        };
        check(FetchOutcome::Answered { elapsed_ms: 42 }, Verdict::Pass, "answered in 42 ms");
        check(FetchOutcome::FailedAtOnce { elapsed_ms: 3 }, Verdict::Fail, "failed after 3 ms without an answer");
        check(FetchOutcome::NoAnswer { timeout_ms: 3000 }, Verdict::Fail, "no answer within 3 s");
        let finding =
            reachability_finding("https://touchpoint.telia.se:18443/", FetchOutcome::Answered { elapsed_ms: 5 });
        assert!(finding.evidence.starts_with("https://touchpoint.telia.se:18443/ answered"), "{}", finding.evidence);
        for limit in BROWSER_LIMITS {
            assert!(crate::section::section(limit.section).is_some());
        }
    }
}
