//! The plan's checklist: every requirement that applies, with how it stands — seen by the
//! browser, confirmed by a person, reported by whoever sent the link, or still open.

use crate::confirmation::Confirmations;
use crate::locale::{Bilingual, Locale, Text};
use crate::plan::Plan;
use crate::requirement::{Requirement, RequirementId, Verification};
use crate::section::Section;
use crate::verdict::{Finding, Verdict};
use serde::Serialize;
use std::collections::BTreeMap;

/// Where an item's verdict comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Checked in this browser just now.
    ThisBrowser,
    /// A person confirmed it.
    Person,
    /// The browser of whoever sent the share link.
    SharedResult,
    /// Nobody has settled it yet.
    Open,
}

impl Source {
    /// How the source reads beside an item, in the page and in the report.
    pub const fn label(&self) -> &'static str {
        self.label_in(Locale::En)
    }

    pub const fn label_in(&self, locale: Locale) -> &'static str {
        let text = match self {
            Source::ThisBrowser => Text { en: "checked in this browser", sv: "kontrollerat i den här webbläsaren" },
            Source::Person => Text { en: "confirmed by a person", sv: "bekräftat av en person" },
            Source::SharedResult => {
                Text { en: "reported by the link's sender", sv: "rapporterat av den som skickade länken" }
            }
            Source::Open => Text { en: "open", sv: "öppet" },
        };
        text.get(locale)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub requirement: &'static Requirement,
    pub verdict: Verdict,
    pub source: Source,
    pub evidence: Bilingual,
    pub note: String,
}

impl ChecklistItem {
    /// Settled and fine: passed or not applicable.
    pub fn is_done(&self) -> bool {
        matches!(self.verdict, Verdict::Pass | Verdict::NotApplicable)
    }

    /// A person may confirm only what nobody could see: an open question, never a failure or
    /// a warning that was measured.
    pub fn can_confirm(&self) -> bool {
        self.verdict == Verdict::NeedsConfirmation && self.source != Source::Person
    }

    /// A person's confirmation can be taken back.
    pub fn can_undo(&self) -> bool {
        self.source == Source::Person
    }

    /// The item's verification methods, as they read.
    pub fn methods(&self) -> Vec<&'static str> {
        self.methods_in(Locale::En)
    }

    pub fn methods_in(&self, locale: Locale) -> Vec<&'static str> {
        self.requirement.verification.iter().map(|method| method.label_in(locale)).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistGroup {
    pub section: &'static Section,
    pub items: Vec<ChecklistItem>,
}

impl ChecklistGroup {
    pub fn done(&self) -> usize {
        self.items.iter().filter(|item| item.is_done()).count()
    }
}

/// How far the whole list has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Of those not done, how many failed.
    pub failing: usize,
}

pub fn progress(groups: &[ChecklistGroup]) -> Progress {
    let items = || groups.iter().flat_map(|group| group.items.iter());
    Progress {
        done: items().filter(|item| item.is_done()).count(),
        total: items().count(),
        failing: items().filter(|item| item.verdict == Verdict::Fail).count(),
    }
}

impl Progress {
    /// Whole percent settled; an empty list is 0 %.
    pub fn percent(self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }

    pub fn left(self) -> usize {
        self.total - self.done
    }
}

fn how_to_verify(requirement: &Requirement) -> Bilingual {
    requirement.verification.first().map_or(Verification::Person, |&method| method).how_to_settle_text().into()
}

/// Builds the checklist for a plan from what is known. With `prefer_shared`, results a link
/// brought from another browser (a customer's) stand above this browser's own findings: the
/// reader wants to see the customer's machine, not their own.
pub fn checklist(
    plan: &Plan,
    findings: &[Finding],
    confirmations: &Confirmations,
    shared_results: &BTreeMap<RequirementId, Verdict>,
    prefer_shared: bool,
) -> Vec<ChecklistGroup> {
    let mut groups: Vec<ChecklistGroup> = Vec::new();
    for requirement in plan.requirements() {
        let shadowed = prefer_shared && shared_results.contains_key(&requirement.id);
        let finding = findings.iter().find(|finding| finding.requirement == requirement.id && !shadowed);
        let confirmation = confirmations.get(requirement.id);
        let item = match (finding, confirmation, shared_results.get(&requirement.id)) {
            // What was seen wins, except that a person may settle what the browser could not.
            (Some(finding), _, _) => {
                let finding = confirmations.apply(finding.clone());
                let source = if finding.confirmed_on.is_some() { Source::Person } else { Source::ThisBrowser };
                let note = confirmation.map(|confirmation| confirmation.note.clone()).unwrap_or_default();
                ChecklistItem { requirement, verdict: finding.verdict, source, evidence: finding.evidence, note }
            }
            (None, Some(confirmation), _) => ChecklistItem {
                requirement,
                verdict: Verdict::Pass,
                source: Source::Person,
                evidence: {
                    let on = confirmation.on;
                    crate::bilingual!("Confirmed by a person on {on}", "Bekräftat av en person den {on}")
                },
                note: confirmation.note.clone(),
            },
            (None, None, Some(&verdict)) => ChecklistItem {
                requirement,
                verdict,
                source: Source::SharedResult,
                evidence: Bilingual::new(
                    "Reported by the browser of whoever sent this link",
                    "Rapporterat av webbläsaren hos den som skickade länken",
                ),
                note: String::new(),
            },
            (None, None, None) => ChecklistItem {
                requirement,
                verdict: Verdict::NeedsConfirmation,
                source: Source::Open,
                evidence: how_to_verify(requirement),
                note: String::new(),
            },
        };
        match groups.last_mut() {
            Some(group) if group.section.id == requirement.section.as_str() => group.items.push(item),
            _ => groups.push(ChecklistGroup { section: requirement.section.section(), items: vec![item] }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::single_user;
    use crate::units::Date;

    #[test]
    fn items_take_the_best_source_available() {
        let plan = Plan { softphone_pc_users: 3, ..Plan::default() };
        let mut confirmations = Confirmations::new();
        confirmations.confirm(crate::requirement_id!("net.no-hubs"), Date::new(2026, 11, 23), "all switched");
        let results = [(crate::requirement_id!("net.switched-lan"), Verdict::Pass)].into();
        let groups = checklist(&plan, &[single_user()], &confirmations, &results, false);
        let item = |id: &str| {
            groups.iter().flat_map(|group| &group.items).find(|item| item.requirement.id == id).unwrap().clone()
        };
        assert_eq!(
            (item("softphone.single-user").verdict, item("softphone.single-user").source),
            (Verdict::NeedsConfirmation, Source::ThisBrowser)
        );
        assert_eq!((item("net.no-hubs").verdict, item("net.no-hubs").source), (Verdict::Pass, Source::Person));
        assert_eq!(item("net.no-hubs").note, "all switched");
        assert_eq!(item("net.switched-lan").source, Source::SharedResult);
        assert_eq!((item("net.jitter").verdict, item("net.jitter").source), (Verdict::NeedsConfirmation, Source::Open));
        let totals = progress(&groups);
        assert_eq!(totals.total, plan.requirements().len());
        assert_eq!(totals.done, 2);
        assert_eq!(groups[0].section.id, "2.1");
        assert!(groups.windows(2).all(|pair| pair[0].section.id != pair[1].section.id));
    }

    #[test]
    fn a_customers_results_stand_above_the_readers_own_browser() {
        let plan = Plan { softphone_pc_users: 3, ..Plan::default() };
        let results = [(crate::requirement_id!("softphone.single-user"), Verdict::Fail)].into();
        let item = |prefer_shared| {
            let groups = checklist(&plan, &[single_user()], &Confirmations::new(), &results, prefer_shared);
            let item = groups
                .iter()
                .flat_map(|group| &group.items)
                .find(|item| item.requirement.id == "softphone.single-user")
                .unwrap()
                .clone();
            (item.verdict, item.source)
        };
        assert_eq!(item(false), (Verdict::NeedsConfirmation, Source::ThisBrowser));
        assert_eq!(item(true), (Verdict::Fail, Source::SharedResult));
    }

    #[test]
    fn who_may_confirm_or_undo_an_item() {
        let requirement = crate::requirement_id!("net.no-hubs").requirement();
        let check = |verdict: Verdict, source: Source, confirm: bool, undo: bool| {
            let item = ChecklistItem {
                requirement,
                verdict,
                source: source.clone(),
                evidence: Bilingual::default(),
                note: String::new(),
            };
            assert_eq!((item.can_confirm(), item.can_undo()), (confirm, undo), "{verdict:?} from {source:?}");
        };
        check(Verdict::NeedsConfirmation, Source::Open, true, false);
        check(Verdict::NeedsConfirmation, Source::ThisBrowser, true, false);
        check(Verdict::NeedsConfirmation, Source::SharedResult, true, false);
        check(Verdict::Pass, Source::Person, false, true);
        check(Verdict::Fail, Source::ThisBrowser, false, false);
        check(Verdict::Warning, Source::SharedResult, false, false);
        check(Verdict::Pass, Source::ThisBrowser, false, false);
        let item = ChecklistItem {
            requirement,
            verdict: Verdict::Pass,
            source: Source::Open,
            evidence: Bilingual::default(),
            note: String::new(),
        };
        assert_eq!(item.methods(), ["confirmed by a person"]);
    }

    #[test]
    fn progress_counts_what_is_settled_left_and_failing() {
        let check = |done: usize, total: usize, failing: usize, percent: usize, left: usize| {
            let progress = Progress { done, total, failing };
            assert_eq!((progress.percent(), progress.left()), (percent, left), "{progress:?}");
        };
        check(0, 0, 0, 0, 0);
        check(2, 80, 1, 2, 78);
        check(80, 80, 0, 100, 0);
        check(1, 3, 0, 33, 2);
    }
}
