//! The bandwidth calculation of 2.1, 3.1.2, 3.2 and 5.1, line by line.
//!
//! The spec's method counts concurrent calls per endpoint type and per-user integrations.
//! What its 5.1 example leaves out (agents' calls, S4B presence) is computed too, but kept on
//! separate lines so that the spec's own total stays reproducible.

use crate::limits;
use crate::locale::{Bilingual, Locale, Text};
use crate::section::SectionId;
use crate::section_id;
use crate::units::{Bandwidth, Percent, format_mbps};
use crate::verdict::Verdict;
use serde::Serialize;

/// The section whose method the calculation follows.
pub const METHOD: SectionId = SectionId::known("5.1");

/// What the calculation needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BandwidthInputs {
    pub softphones: u32,
    pub ip_phones: u32,
    /// Users whose calls run through S4B/Lync or Teams.
    pub integrated: u32,
    /// Share of the users above in a call at the same time.
    pub busy: Percent,
    pub calendar_users: u32,
    /// Contact-centre agents who can be on a call at once.
    pub agents: u32,
    /// Users with S4B/Lync presence.
    pub presence_users: u32,
}

impl BandwidthInputs {
    /// The inputs of the 5.1 example: 165 employees, 15 of them agents, 50 of them on the
    /// S4B/Lync client (whose presence 5.1 leaves out).
    pub const SPEC_EXAMPLE: BandwidthInputs = BandwidthInputs {
        softphones: 50,
        ip_phones: 50,
        integrated: 50,
        busy: Percent::of(20),
        calendar_users: 165,
        agents: 15,
        presence_users: 50,
    };
}

/// How a line's bandwidth is worked out, as data; written out in either language by
/// [`Formula::text`] (in JSON, in English: "50 users × 20 % busy = 10 calls × 100 kbit/s").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    /// Users, the busy share, the concurrent calls that makes, and each call's bandwidth.
    Calls { users: u32, busy: Percent, calls: u64, per_call: Bandwidth },
    /// Users and each one's bandwidth.
    PerUser { users: u32, per_user: Bandwidth },
    /// Agents on calls at once and each call's bandwidth.
    Agents { agents: u32, per_call: Bandwidth },
}

impl Formula {
    pub fn text(self, locale: Locale) -> String {
        let amount = |bandwidth: Bandwidth| locale.decimals(&bandwidth.to_string());
        match (self, locale) {
            (Formula::Calls { users, busy, calls, per_call }, Locale::En) => {
                format!("{users} users × {busy} busy = {calls} calls × {}", amount(per_call))
            }
            (Formula::Calls { users, busy, calls, per_call }, Locale::Sv) => {
                format!("{users} användare × {busy} upptagna = {calls} samtal × {}", amount(per_call))
            }
            (Formula::PerUser { users, per_user }, Locale::En) => format!("{users} users × {}", amount(per_user)),
            (Formula::PerUser { users, per_user }, Locale::Sv) => {
                format!("{users} användare × {}", amount(per_user))
            }
            (Formula::Agents { agents, per_call }, Locale::En) => {
                format!("{agents} agents on calls at once × {}", amount(per_call))
            }
            (Formula::Agents { agents, per_call }, Locale::Sv) => {
                format!("{agents} agenter i samtal samtidigt × {}", amount(per_call))
            }
        }
    }
}

impl std::fmt::Display for Formula {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Locale::En))
    }
}

impl Serialize for Formula {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(crate::locale::writing_language()))
    }
}

/// One line: what, how, how much, and where the spec says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandwidthLine {
    pub label: Text,
    pub section: SectionId,
    /// The calculation, e.g. 10 calls × 100 kbit/s.
    pub formula: Formula,
    #[serde(rename = "kbps")]
    pub bandwidth: Bandwidth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandwidthCalculation {
    pub inputs: BandwidthInputs,
    /// The lines the spec's method counts.
    pub lines: Vec<BandwidthLine>,
    /// The spec's total: the absolute minimum under its method (5.1).
    #[serde(rename = "total_kbps")]
    pub total: Bandwidth,
    /// Lines the 5.1 example leaves out, with the advisory that explains each.
    pub omitted: Vec<BandwidthLine>,
    /// The spec's total plus the omitted lines.
    #[serde(rename = "total_with_omitted_kbps")]
    pub total_with_omitted: Bandwidth,
}

impl BandwidthInputs {
    /// Calls at the same time: the busy share of each endpoint type, plus every agent.
    pub fn concurrent_calls(&self) -> u64 {
        [self.softphones, self.ip_phones, self.integrated]
            .iter()
            .map(|users| concurrent_calls(*users, self.busy))
            .sum::<u64>()
            + u64::from(self.agents)
    }
}

/// Concurrent calls among `users` when `busy` of them are in a call: rounded up, since a
/// partly busy user still needs a whole call's bandwidth.
pub fn concurrent_calls(users: u32, busy: Percent) -> u64 {
    (u64::from(users) * u64::from(busy.get())).div_ceil(100)
}

fn call_line(label: Text, section: SectionId, users: u32, busy: Percent) -> BandwidthLine {
    let calls = concurrent_calls(users, busy);
    BandwidthLine {
        label,
        section,
        formula: Formula::Calls { users, busy, calls, per_call: limits::CALL_BANDWIDTH },
        bandwidth: limits::CALL_BANDWIDTH.times(calls),
    }
}

fn per_user_line(label: Text, section: SectionId, users: u32, per_user: Bandwidth) -> BandwidthLine {
    BandwidthLine {
        label,
        section,
        formula: Formula::PerUser { users, per_user },
        bandwidth: per_user.times(u64::from(users)),
    }
}

fn sum(lines: &[BandwidthLine]) -> Bandwidth {
    lines.iter().fold(Bandwidth::ZERO, |total, line| total.plus(line.bandwidth))
}

/// The stated uplink against the calculation: below the spec's minimum fails; meeting it but
/// not what 5.1 leaves out is a warning; unstated needs confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UplinkComparison {
    pub verdict: Verdict,
    pub text: Bilingual,
}

pub fn compare_uplink(calculation: &BandwidthCalculation, uplink: Option<Bandwidth>) -> UplinkComparison {
    let (total, with_omitted) = (format_mbps(calculation.total), format_mbps(calculation.total_with_omitted));
    let sv = |figure: &str| Locale::Sv.decimals(figure);
    let (total_sv, with_omitted_sv) = (sv(&total), sv(&with_omitted));
    let (verdict, text) = match uplink {
        None => (
            Verdict::NeedsConfirmation,
            Bilingual::new(
                "State the site's uplink in the plan to compare it with the calculation.",
                "Ange platsens uppströmskapacitet i planen för att jämföra den med beräkningen.",
            ),
        ),
        Some(uplink) if uplink < calculation.total => {
            let uplink_sv = sv(&uplink.to_string());
            (
                Verdict::Fail,
                crate::bilingual!(
                    "The stated uplink of {uplink} is below the spec's minimum of {total}.",
                    "Den angivna uppströmskapaciteten {uplink_sv} är under specifikationens minimum {total_sv}."
                ),
            )
        }
        Some(uplink) if uplink < calculation.total_with_omitted => {
            let uplink_sv = sv(&uplink.to_string());
            (
                Verdict::Warning,
                crate::bilingual!(
                    "The stated uplink of {uplink} meets the spec's minimum of {total}, but not the {with_omitted} that includes what {METHOD} leaves out.",
                    "Den angivna uppströmskapaciteten {uplink_sv} når specifikationens minimum {total_sv}, men inte de {with_omitted_sv} som räknar med det {METHOD} utelämnar."
                ),
            )
        }
        Some(uplink) => {
            let uplink_sv = sv(&uplink.to_string());
            (
                Verdict::Pass,
                crate::bilingual!(
                    "The stated uplink of {uplink} covers {with_omitted} including what {METHOD} leaves out.",
                    "Den angivna uppströmskapaciteten {uplink_sv} räcker till {with_omitted_sv}, med det {METHOD} utelämnar."
                ),
            )
        }
    };
    UplinkComparison { verdict, text }
}

/// Works out the lines, the spec's total and the total with what the example omits.
pub fn calculate(inputs: BandwidthInputs) -> BandwidthCalculation {
    let lines = vec![
        call_line(
            Text { en: "Touchpoint Plus Softphone calls", sv: "Samtal i Touchpoint Plus Softphone" },
            section_id!("2.1"),
            inputs.softphones,
            inputs.busy,
        ),
        call_line(
            Text { en: "Fixed IP phone calls", sv: "Samtal i fasta IP-telefoner" },
            section_id!("2.1"),
            inputs.ip_phones,
            inputs.busy,
        ),
        call_line(
            Text { en: "S4B/Lync or Teams integration calls", sv: "Samtal via S4B/Lync- eller Teams-integrationen" },
            section_id!("3.2.2"),
            inputs.integrated,
            inputs.busy,
        ),
        per_user_line(
            Text { en: "Exchange calendar integration", sv: "Kalenderintegration med Exchange" },
            section_id!("3.1.2"),
            inputs.calendar_users,
            limits::CALENDAR_BANDWIDTH_PER_USER,
        ),
    ];
    let mut omitted = Vec::new();
    if inputs.agents > 0 {
        omitted.push(BandwidthLine {
            label: Text {
                en: "Contact-centre agents' calls (left out of 5.1)",
                sv: "Kontaktcenteragenternas samtal (utelämnade i 5.1)",
            },
            section: METHOD,
            formula: Formula::Agents { agents: inputs.agents, per_call: limits::CALL_BANDWIDTH },
            bandwidth: limits::CALL_BANDWIDTH.times(u64::from(inputs.agents)),
        });
    }
    if inputs.presence_users > 0 {
        omitted.push(per_user_line(
            Text {
                en: "S4B/Lync presence signalling (left out of 5.1)",
                sv: "Närvarosignalering för S4B/Lync (utelämnad i 5.1)",
            },
            section_id!("3.2.1"),
            inputs.presence_users,
            limits::PRESENCE_BANDWIDTH_PER_USER,
        ));
    }
    let total = sum(&lines);
    let total_with_omitted = total.plus(sum(&omitted));
    BandwidthCalculation { inputs, lines, total, omitted, total_with_omitted }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stated_uplink_is_judged_against_both_totals() {
        // 5.1: 3264 kbit/s by the spec's method; 4844 with the agents and presence it leaves out.
        let calculation = calculate(BandwidthInputs::SPEC_EXAMPLE);
        let check = |uplink: Option<u64>, verdict: Verdict, text: &str| {
            let comparison = compare_uplink(&calculation, uplink.map(Bandwidth::kbps));
            assert_eq!(comparison.verdict, verdict, "{uplink:?}");
            assert!(comparison.text.en.contains(text), "{uplink:?}: {}", comparison.text.en);
        };
        check(None, Verdict::NeedsConfirmation, "State the site's uplink");
        check(Some(0), Verdict::Fail, "below the spec's minimum of 3.264 Mbit/s");
        check(Some(3263), Verdict::Fail, "below");
        check(Some(3264), Verdict::Warning, "meets the spec's minimum of 3.264 Mbit/s, but not the 4.844 Mbit/s");
        check(Some(4843), Verdict::Warning, "but not");
        check(Some(4844), Verdict::Pass, "covers 4.844 Mbit/s");
        check(Some(100_000), Verdict::Pass, "covers");
    }
    use crate::units::format_mbps;

    fn check(inputs: BandwidthInputs, expected_lines_kbps: &[u64], total_kbps: u64, with_omitted_kbps: u64) {
        let calculation = calculate(inputs);
        let lines: Vec<u64> = calculation.lines.iter().map(|line| line.bandwidth.bits_per_second() / 1000).collect();
        assert_eq!(lines, expected_lines_kbps);
        assert_eq!(calculation.total, Bandwidth::kbps(total_kbps));
        assert_eq!(calculation.total_with_omitted, Bandwidth::kbps(with_omitted_kbps));
    }

    #[test]
    fn reproduces_the_section_5_1_example_exactly() {
        let calculation = calculate(BandwidthInputs::SPEC_EXAMPLE);
        assert_eq!(format_mbps(calculation.total), "3.264 Mbit/s");
        check(BandwidthInputs::SPEC_EXAMPLE, &[1000, 1000, 1000, 264], 3264, 3264 + 1500 + 80);
        assert_eq!(calculation.lines[0].formula.to_string(), "50 users × 20 % busy = 10 calls × 100 kbit/s");
        assert_eq!(calculation.lines[3].formula.to_string(), "165 users × 1.6 kbit/s");
        assert_eq!(
            calculation.lines[0].formula.text(Locale::Sv),
            "50 användare × 20 % upptagna = 10 samtal × 100 kbit/s"
        );
        assert_eq!(calculation.lines[3].formula.text(Locale::Sv), "165 användare × 1,6 kbit/s");
        assert_eq!(calculation.omitted.len(), 2);
        assert_eq!(calculation.omitted[0].formula.to_string(), "15 agents on calls at once × 100 kbit/s");
        assert_eq!(calculation.omitted[1].formula.to_string(), "50 users × 1.6 kbit/s");
        assert_eq!(calculation.omitted[0].formula.text(Locale::Sv), "15 agenter i samtal samtidigt × 100 kbit/s");
    }

    #[test]
    fn presence_and_rounding() {
        let inputs = BandwidthInputs { agents: 0, ..BandwidthInputs::SPEC_EXAMPLE };
        check(inputs, &[1000, 1000, 1000, 264], 3264, 3344);
        // 7 users at 10 % busy is 0.7 of a call: a whole call's bandwidth is needed.
        let small = BandwidthInputs {
            softphones: 7,
            ip_phones: 0,
            integrated: 0,
            busy: Percent::of(10),
            calendar_users: 0,
            agents: 0,
            presence_users: 0,
        };
        check(small, &[100, 0, 0, 0], 100, 100);
        let nobody = BandwidthInputs {
            softphones: 0,
            ip_phones: 0,
            integrated: 0,
            busy: Percent::of(0),
            calendar_users: 0,
            agents: 0,
            presence_users: 0,
        };
        check(nobody, &[0, 0, 0, 0], 0, 0);
    }

    #[test]
    fn the_example_has_45_calls_at_once() {
        assert_eq!(BandwidthInputs::SPEC_EXAMPLE.concurrent_calls(), 10 + 10 + 10 + 15);
    }

    #[test]
    fn concurrent_calls_round_up() {
        let check = |users, busy, expected| assert_eq!(concurrent_calls(users, Percent::of(busy)), expected);
        check(50, 20, 10);
        check(150, 20, 30);
        check(1, 1, 1);
        check(0, 100, 0);
        check(u32::MAX, 100, u64::from(u32::MAX));
    }

    #[test]
    fn json_names_the_totals_in_kbps() {
        let json = serde_json::to_value(calculate(BandwidthInputs::SPEC_EXAMPLE)).unwrap();
        assert_eq!(json["total_kbps"], 3264);
        assert_eq!(json["lines"][3]["kbps"], 264);
        assert_eq!(json["total_with_omitted_kbps"], 4844);
    }
}
