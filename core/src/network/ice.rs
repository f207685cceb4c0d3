//! The UDP media path, as WebRTC's ICE gathering sees it: did UDP reach the STUN server, what
//! address did the NAT give, and does the NAT keep one mapping for every destination?

use crate::bilingual;
use crate::firewall::FIREWALL_RULES;
use crate::locale::Bilingual;
use crate::requirement_id;
use crate::targets::IceScheme;
use crate::verdict::{Finding, Verdict};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CandidateKind {
    Host,
    ServerReflexive,
    PeerReflexive,
    Relay,
}

/// One ICE candidate line, as far as the checks need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub protocol: String,
    pub address: String,
    pub port: u16,
    pub kind: CandidateKind,
}

/// Reads "candidate:842163049 1 udp 1677729535 192.0.2.1 53021 typ srflx raddr …".
pub fn parse_candidate(line: &str) -> Option<Candidate> {
    let line = line.trim().strip_prefix("a=").unwrap_or(line.trim());
    let words: Vec<&str> = line.strip_prefix("candidate:")?.split_whitespace().collect();
    let (protocol, address, port) = (words.get(2)?, words.get(4)?, words.get(5)?.parse().ok()?);
    let kind = match *words.get(words.iter().position(|word| *word == "typ")? + 1)? {
        "host" => CandidateKind::Host,
        "srflx" => CandidateKind::ServerReflexive,
        "prflx" => CandidateKind::PeerReflexive,
        "relay" => CandidateKind::Relay,
        _ => return None,
    };
    Some(Candidate { protocol: protocol.to_ascii_lowercase(), address: (*address).to_owned(), port, kind })
}

/// What gathering against one server brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathered {
    pub server: String,
    pub candidates: Vec<Candidate>,
    pub end: GatherEnd,
}

/// How gathering against one server ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GatherEnd {
    /// The browser said it had gathered every candidate.
    Complete,
    /// Gathering had not finished when the time bound ran out.
    TimedOut,
    /// The browser could not gather at all: it has no WebRTC (`RTCPeerConnection`). Nothing
    /// was learnt about the network.
    NoWebRtc,
    /// The browser refused the server (the error, in the browser's own words). Nothing was
    /// learnt about the network.
    ServerRefused(String),
}

impl GatherEnd {
    /// Why gathering was not possible, when it was not: "it has no WebRTC (RTCPeerConnection)".
    pub fn impossible_because(&self) -> Option<Bilingual> {
        match self {
            GatherEnd::NoWebRtc => {
                Some(Bilingual::new("it has no WebRTC (RTCPeerConnection)", "den saknar WebRTC (RTCPeerConnection)"))
            }
            // The error is the browser's, in its language.
            GatherEnd::ServerRefused(error) => {
                Some(bilingual!("it refused the server ({error})", "den vägrade servern ({error})"))
            }
            GatherEnd::Complete | GatherEnd::TimedOut => None,
        }
    }
}

/// The media opening of 6.2 the advice points at, read from its row: "UDP/49152-65535
/// towards 81.228.2.192/27 (6.2)".
fn media_opening() -> Bilingual {
    let rule = FIREWALL_RULES.iter().find(|rule| rule.id == MEDIA_RULE).expect("6.2 has its media row");
    let services: Vec<String> = rule.services.iter().map(ToString::to_string).collect();
    let destination: Vec<String> = rule.destination.networks().iter().map(ToString::to_string).collect();
    let (services, destination, section) = (services.join(", "), destination.join(", "), rule.section);
    bilingual!("{services} towards {destination} ({section})", "{services} mot {destination} ({section})")
}

/// The softphone's media row of 6.2.
const MEDIA_RULE: &str = "6.2.2";

fn finding(verdict: Verdict, evidence: Bilingual, advice: Option<Bilingual>) -> Finding {
    Finding::new(requirement_id!("net.outbound-openings"), verdict, evidence, advice)
}

/// Verdicts on the UDP path from gathering against each configured server.
pub fn udp_findings(results: &[Gathered]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut mappings = Vec::new();
    let media = media_opening();
    let (media_en, media_sv) = (&media.en, &media.sv);
    for result in results {
        let server = &result.server;
        if let Some(reason) = result.end.impossible_because() {
            let (reason_en, reason_sv) = (&reason.en, &reason.sv);
            findings.push(finding(
                Verdict::NeedsConfirmation,
                bilingual!(
                    "This browser cannot test UDP towards {server}: {reason_en} (WebRTC ICE gathering)",
                    "Den här webbläsaren kan inte testa UDP mot {server}: {reason_sv} (WebRTC ICE-insamling)"
                ),
                Some(bilingual!(
                    "Open this page in a browser with WebRTC (a current Chrome, Edge, Firefox or Safari), or have the network administrator confirm outbound {media_en}.",
                    "Öppna den här sidan i en webbläsare med WebRTC (en aktuell Chrome, Edge, Firefox eller Safari), eller be nätverksadministratören bekräfta utgående {media_sv}."
                )),
            ));
            continue;
        }
        // A TURN server must relay; any other answers with this browser's public address.
        let relays = IceScheme::of(&result.server).is_ok_and(IceScheme::relays);
        let wanted = if relays { CandidateKind::Relay } else { CandidateKind::ServerReflexive };
        let found: Vec<&Candidate> = result
            .candidates
            .iter()
            .filter(|candidate| candidate.kind == wanted && candidate.protocol == "udp")
            .collect();
        let (what_en, what_sv) = if wanted == CandidateKind::Relay {
            ("a relayed address", "en reläadress")
        } else {
            ("a public (server-reflexive) address", "en publik adress (server-reflexive)")
        };
        match found.first() {
            Some(candidate) => {
                if wanted == CandidateKind::ServerReflexive {
                    mappings.push((result.server.clone(), candidate.address.clone(), candidate.port));
                }
                let (address, port) = (&candidate.address, candidate.port);
                findings.push(finding(
                    Verdict::Pass,
                    bilingual!(
                        "UDP reached {server}: it gave {what_en} {address}:{port} (WebRTC ICE gathering in this browser)",
                        "UDP nådde {server}: den gav {what_sv} {address}:{port} (WebRTC ICE-insamling i den här webbläsaren)"
                    ),
                    None,
                ));
            }
            None => {
                let (why_en, why_sv) = if result.end == GatherEnd::TimedOut {
                    ("within the time bound", "inom tidsgränsen")
                } else {
                    ("before gathering ended", "innan insamlingen var klar")
                };
                findings.push(finding(
                    Verdict::Fail,
                    bilingual!(
                        "No answer over UDP from {server} {why_en} (WebRTC ICE gathering in this browser)",
                        "Inget svar över UDP från {server} {why_sv} (WebRTC ICE-insamling i den här webbläsaren)"
                    ),
                    Some(bilingual!(
                        "Outbound UDP seems blocked: calls need {media_en}.",
                        "Utgående UDP verkar vara blockerad: samtal behöver {media_sv}."
                    )),
                ));
            }
        }
    }
    // Two STUN servers: the same public port for both means one mapping for every destination.
    if let [(first_server, first_address, first_port), (second_server, second_address, second_port), ..] =
        mappings.as_slice()
    {
        let same = first_address == second_address && first_port == second_port;
        let (kind_en, kind_sv) = if same {
            ("one mapping for every destination", "en mappning för alla destinationer")
        } else {
            ("a different mapping per destination (symmetric NAT)", "en egen mappning per destination (symmetrisk NAT)")
        };
        findings.push(finding(
            if same { Verdict::Pass } else { Verdict::Warning },
            bilingual!(
                "The NAT mapped this browser to {first_address}:{first_port} towards {first_server} and {second_address}:{second_port} towards {second_server}: {kind_en}",
                "NAT mappade den här webbläsaren till {first_address}:{first_port} mot {first_server} och {second_address}:{second_port} mot {second_server}: {kind_sv}"
            ),
            (!same).then(|| {
                Bilingual::new(
                    "Media may need a TURN relay through a symmetric NAT; ask Telia whether the softphone copes.",
                    "Media kan behöva ett TURN-relä genom en symmetrisk NAT; fråga Telia om softphonen klarar det.",
                )
            }),
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_parse() {
        let srflx = parse_candidate(
            "candidate:842163049 1 udp 1677729535 203.0.113.7 53021 typ srflx raddr 0.0.0.0 rport 0 generation 0",
        )
        .unwrap();
        assert_eq!(
            (srflx.kind, srflx.address.as_str(), srflx.port),
            (CandidateKind::ServerReflexive, "203.0.113.7", 53021)
        );
        let relay =
            parse_candidate("a=candidate:1 1 UDP 41885439 127.0.0.1 49160 typ relay raddr 127.0.0.1 rport 5000")
                .unwrap();
        assert_eq!((relay.kind, relay.protocol.as_str()), (CandidateKind::Relay, "udp"));
        assert_eq!(
            parse_candidate("candidate:1 1 udp 1 abc.local 1 typ host").map(|c| c.kind),
            Some(CandidateKind::Host)
        );
        for bad in [
            "",
            "candidate:",
            "candidate:1 1 udp 1 1.2.3.4 notaport typ host",
            "candidate:1 1 udp 1 1.2.3.4 5 typ",
            "nonsense",
        ] {
            assert_eq!(parse_candidate(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_advice_names_the_media_row() {
        assert_eq!(media_opening().en, "UDP/49152-65535 towards 81.228.2.192/27 (6.2)");
        assert_eq!(media_opening().sv, "UDP/49152-65535 mot 81.228.2.192/27 (6.2)");
    }

    #[test]
    fn a_turn_server_must_relay() {
        let check = |server: &str, kind: CandidateKind, verdict: Verdict| {
            let candidate = Candidate { protocol: "udp".into(), address: "192.0.2.1".into(), port: 5000, kind };
            let gathered = Gathered { server: server.into(), candidates: vec![candidate], end: GatherEnd::Complete };
            assert_eq!(udp_findings(&[gathered])[0].verdict, verdict, "{server} {kind:?}");
        };
        check("turn:r:3478", CandidateKind::Relay, Verdict::Pass);
        check("turns:r:5349", CandidateKind::Relay, Verdict::Pass);
        check("turn:r:3478", CandidateKind::ServerReflexive, Verdict::Fail);
        check("stun:s:3478", CandidateKind::ServerReflexive, Verdict::Pass);
        check("stun:s:3478", CandidateKind::Relay, Verdict::Fail);
        // Only the scheme decides: a STUN host named "turn…" is no relay.
        check("stun:turn.example:3478", CandidateKind::ServerReflexive, Verdict::Pass);
    }

    #[test]
    fn verdicts_on_the_udp_path() {
        let stun = |server: &str, port: Option<u16>, timed_out: bool| Gathered {
            server: server.to_owned(),
            candidates: port
                .map(|port| Candidate {
                    protocol: "udp".into(),
                    address: "203.0.113.7".into(),
                    port,
                    kind: CandidateKind::ServerReflexive,
                })
                .into_iter()
                .collect(),
            end: if timed_out { GatherEnd::TimedOut } else { GatherEnd::Complete },
        };
        let verdicts =
            |results: &[Gathered]| udp_findings(results).iter().map(|finding| finding.verdict).collect::<Vec<_>>();
        assert_eq!(verdicts(&[stun("stun:a:3478", Some(5000), false)]), [Verdict::Pass]);
        assert_eq!(verdicts(&[stun("stun:a:3478", None, true)]), [Verdict::Fail]);
        assert_eq!(
            verdicts(&[stun("stun:a:3478", Some(5000), false), stun("stun:b:3478", Some(5000), false)]),
            [Verdict::Pass, Verdict::Pass, Verdict::Pass]
        );
        assert_eq!(
            verdicts(&[stun("stun:a:3478", Some(5000), false), stun("stun:b:3478", Some(6000), false)]),
            [Verdict::Pass, Verdict::Pass, Verdict::Warning]
        );
        // A browser without WebRTC learns nothing: neither pass nor fail.
        let without = Gathered { server: "stun:a:3478".into(), candidates: Vec::new(), end: GatherEnd::NoWebRtc };
        let findings = udp_findings(&[without.clone(), without]);
        assert_eq!(findings.iter().map(|finding| finding.verdict).collect::<Vec<_>>(), [Verdict::NeedsConfirmation; 2]);
        assert!(
            findings[0]
                .evidence
                .en
                .contains("cannot test UDP towards stun:a:3478: it has no WebRTC (RTCPeerConnection)")
        );
        let failed = &udp_findings(&[stun("stun:a:3478", None, true)])[0];
        assert!(
            failed.evidence.en.contains("No answer over UDP from stun:a:3478 within the time bound"),
            "{}",
            failed.evidence.en
        );
    }
}
