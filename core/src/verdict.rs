//! The verdict model every check reports in.

use crate::requirement::RequirementId;
use crate::section::SectionId;
use crate::units::Date;
use serde::Serialize;
use std::fmt;

/// The outcome of one check. Nothing passes that was not seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
    Warning,
    NeedsConfirmation,
    NotApplicable,
}

impl Verdict {
    pub const fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "Pass",
            Verdict::Fail => "Fail",
            Verdict::Warning => "Warning",
            Verdict::NeedsConfirmation => "Needs confirmation",
            Verdict::NotApplicable => "Not applicable",
        }
    }

    /// The kebab-case name used in JSON and CSS classes.
    pub const fn slug(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Warning => "warning",
            Verdict::NeedsConfirmation => "needs-confirmation",
            Verdict::NotApplicable => "not-applicable",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A verdict with what it rests on: what was read or measured, how, and the spec section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The requirement this finding is about.
    pub requirement: RequirementId,
    pub section: SectionId,
    pub verdict: Verdict,
    /// What was seen and how ("Chrome 131 on Windows 10 or 11, read from the user-agent string").
    pub evidence: String,
    /// What to do about it, when anything.
    pub advice: Option<String>,
    /// Ids of advisories that bear on this finding.
    pub advisories: Vec<&'static str>,
    /// Set when a person confirmed what the browser could not see: the day they did.
    pub confirmed_on: Option<Date>,
}

/// The heading of each check's card, for every requirement a check of the app reports on.
/// A test runs every check and fails when one reports on a requirement missing here.
pub const CHECK_TITLES: &[(RequirementId, &str)] = &[
    (RequirementId::known("pc.browser"), "Web browser for administration"),
    (RequirementId::known("softphone.pc-os"), "Operating system for the softphone"),
    (RequirementId::known("softphone.mac-os"), "Operating system for the softphone"),
    (RequirementId::known("softphone.mac-intel"), "Mac processor"),
    (RequirementId::known("softphone.pc-memory"), "Memory (RAM)"),
    (RequirementId::known("softphone.mac-memory"), "Memory (RAM)"),
    (RequirementId::known("softphone.pc-sound"), "Sound device"),
    (RequirementId::known("softphone.screen"), "Screen size for the ACD and Attendant views"),
    (RequirementId::known("softphone.single-user"), "Single-user computer (no thin client or app streaming)"),
    (RequirementId::known("mobile.os-version"), "Mobile operating system"),
    (RequirementId::known("net.dns-name"), "The platform answers over HTTPS"),
    (RequirementId::known("net.one-way-delay"), "Delay to the platform"),
    (RequirementId::known("net.jitter"), "Jitter"),
    (RequirementId::known("net.packet-loss"), "Packet loss"),
    (RequirementId::known("net.outbound-openings"), "UDP for calls"),
    (RequirementId::known("net.call-bandwidth"), "Bandwidth for the plan's calls"),
];

/// The card heading for a check; a requirement without one (a test prevents it) shows its
/// statement rather than a made-up word.
pub fn check_title(requirement: RequirementId) -> &'static str {
    CHECK_TITLES
        .iter()
        .find(|(id, _)| *id == requirement)
        .map_or_else(|| requirement.requirement().statement, |(_, title)| title)
}

impl Finding {
    /// A finding about a requirement of the catalogue; its section comes from the catalogue.
    /// The verdict as the card shows it: a pass a person settled says so.
    pub fn label(&self) -> &'static str {
        if self.confirmed_on.is_some() { "Pass (confirmed)" } else { self.verdict.label() }
    }

    pub fn new(requirement: RequirementId, verdict: Verdict, evidence: String, advice: Option<String>) -> Finding {
        let section = requirement.section();
        Finding { requirement, section, verdict, evidence, advice, advisories: Vec::new(), confirmed_on: None }
    }
}
