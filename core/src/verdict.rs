//! The verdict model every check reports in.

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
    pub requirement: &'static str,
    pub section: &'static str,
    pub verdict: Verdict,
    /// What was seen and how ("Chrome 131 on Windows 10 or 11, read from the user-agent string").
    pub evidence: String,
    /// What to do about it, when anything.
    pub advice: Option<String>,
    /// Ids of advisories that bear on this finding.
    pub advisories: Vec<&'static str>,
    /// Set when a person confirmed what the browser could not see: the day they did.
    pub confirmed_on: Option<String>,
}

impl Finding {
    /// A finding about a requirement of the catalogue; its section comes from the catalogue.
    pub fn new(requirement: &'static str, verdict: Verdict, evidence: String, advice: Option<String>) -> Finding {
        let section = crate::requirement::requirement(requirement).map_or("", |found| found.section);
        Finding { requirement, section, verdict, evidence, advice, advisories: Vec::new(), confirmed_on: None }
    }
}
