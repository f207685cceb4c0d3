//! What people have confirmed that no browser can see, kept in the browser between visits.

use crate::requirement::RequirementId;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One confirmation: when, and an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The day, written YYYY-MM-DD.
    pub on: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Confirmations by requirement id. Versioned so that a later format can read this one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmations {
    pub version: u32,
    pub confirmed: BTreeMap<RequirementId, Confirmation>,
}

impl Confirmations {
    pub const VERSION: u32 = 1;

    pub fn new() -> Confirmations {
        Confirmations { version: Self::VERSION, confirmed: BTreeMap::new() }
    }

    pub fn confirm(&mut self, requirement: RequirementId, on: Date, note: &str) {
        self.confirmed.insert(requirement, Confirmation { on, note: note.to_owned() });
    }

    pub fn revoke(&mut self, requirement: RequirementId) {
        self.confirmed.remove(&requirement);
    }

    pub fn get(&self, requirement: RequirementId) -> Option<&Confirmation> {
        self.confirmed.get(&requirement)
    }

    /// A finding the browser could not settle becomes a pass once a person has confirmed it;
    /// the evidence then says who settled it. Other verdicts stay as they are: a confirmation
    /// never overrides what was seen.
    pub fn apply(&self, mut finding: Finding) -> Finding {
        if finding.verdict == Verdict::NeedsConfirmation
            && let Some(confirmation) = self.get(finding.requirement)
        {
            finding.verdict = Verdict::Pass;
            let (on, seen_en, seen_sv) = (confirmation.on, &finding.evidence.en, &finding.evidence.sv);
            let mut evidence = crate::bilingual!(
                "Confirmed by a person on {on} (the browser could not check it: {seen_en})",
                "Bekräftat av en person den {on} (webbläsaren kunde inte kontrollera det: {seen_sv})"
            );
            if !confirmation.note.is_empty() {
                let note = &confirmation.note;
                evidence.push(&crate::bilingual!(". Note: {note}", ". Anteckning: {note}"));
            }
            finding.evidence = evidence;
            finding.advice = None;
            finding.confirmed_on = Some(confirmation.on);
        }
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::single_user;

    #[test]
    fn confirmations_turn_only_open_questions_into_passes() {
        let mut confirmations = Confirmations::new();
        assert_eq!(confirmations.apply(single_user()).verdict, Verdict::NeedsConfirmation);
        confirmations.confirm(crate::requirement_id!("softphone.single-user"), Date::new(2026, 11, 23), "all desktops");
        let confirmed = confirmations.apply(single_user());
        assert_eq!(confirmed.verdict, Verdict::Pass);
        assert!(confirmed.evidence.en.starts_with("Confirmed by a person on 2026-11-23"));
        assert!(confirmed.evidence.en.ends_with("Note: all desktops"));
        assert_eq!(confirmed.confirmed_on, Some(Date::new(2026, 11, 23)));

        let mut failed = single_user();
        failed.verdict = Verdict::Fail;
        assert_eq!(confirmations.apply(failed).verdict, Verdict::Fail, "a confirmation never hides a failure");

        confirmations.revoke(crate::requirement_id!("softphone.single-user"));
        assert_eq!(confirmations.apply(single_user()).verdict, Verdict::NeedsConfirmation);
    }
}
