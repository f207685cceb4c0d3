//! The site report as Markdown and JSON: what the printed page shows, for files and tickets.

use crate::bandwidth::{BandwidthCalculation, METHOD, UplinkComparison, calculate, compare_uplink};
use crate::checklist::{ChecklistGroup, Progress, progress};
use crate::export::{ExportOptions, RuleFormat, export};
use crate::plan::Plan;
use crate::section::{SPEC_DATE, SPEC_VERSION};
use crate::units::{Date, format_mbps};
use crate::verdict::Verdict;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub date: Date,
    pub spec_version: &'static str,
    pub spec_date: Date,
    pub plan: &'a Plan,
    /// What is inconsistent in the plan, or a fact of the spec it must work around.
    pub problems: Vec<String>,
    pub progress: Progress,
    pub checklist: &'a [ChecklistGroup],
    pub bandwidth: BandwidthCalculation,
    /// The plan's stated uplink against the calculation.
    pub uplink: UplinkComparison,
    pub firewall_rules: Vec<&'static crate::firewall::FirewallRule>,
}

pub fn report<'a>(plan: &'a Plan, checklist: &'a [ChecklistGroup], date: Date) -> Report<'a> {
    let calculation = calculate(plan.bandwidth_inputs());
    Report {
        date,
        spec_version: SPEC_VERSION,
        spec_date: SPEC_DATE,
        plan,
        problems: plan.problems().iter().map(ToString::to_string).collect(),
        progress: progress(checklist),
        checklist,
        bandwidth: calculation.clone(),
        uplink: compare_uplink(&calculation, plan.uplink),
        firewall_rules: plan.firewall_rules(),
    }
}

/// The report as pretty JSON; an error is the caller's to show, never an empty file.
pub fn report_json(report: &Report<'_>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(report)
}

pub fn report_markdown(report: &Report<'_>) -> String {
    let mut text = format!(
        "# Telia Touchpoint Plus site readiness\n\nReport of {}, against Site Environment Requirements v{} ({}).\n\n",
        report.date, report.spec_version, report.spec_date
    );
    let _ =
        writeln!(text, "**Progress:** {} of {} requirements settled.\n", report.progress.done, report.progress.total);
    if !report.problems.is_empty() {
        let listed: Vec<String> = report.problems.iter().map(|problem| format!("- {problem}")).collect();
        let _ = writeln!(text, "## Problems with the plan\n\n{}\n", listed.join("\n"));
    }
    let open: Vec<String> = report
        .checklist
        .iter()
        .flat_map(|group| &group.items)
        .filter(|item| !item.is_done())
        .map(|item| {
            format!(
                "- {} ({}, {}): {}",
                item.requirement.statement,
                item.requirement.section,
                item.verdict.label(),
                item.evidence
            )
        })
        .collect();
    if !open.is_empty() {
        let _ = writeln!(text, "## What is left\n\n{}\n", open.join("\n"));
    }
    text.push_str("## Checklist\n");
    for group in report.checklist {
        let _ = writeln!(
            text,
            "\n### {} {} ({} of {})\n",
            group.section.id,
            group.section.title,
            group.done(),
            group.items.len()
        );
        for item in &group.items {
            let mark = match item.verdict {
                Verdict::Pass | Verdict::NotApplicable => "x",
                _ => " ",
            };
            let note = if item.note.is_empty() { String::new() } else { format!(" Note: {}.", item.note) };
            let _ = writeln!(
                text,
                "- [{mark}] **{}** {} — {}: {}.{note}",
                item.verdict.label(),
                item.requirement.statement,
                item.source.label(),
                item.evidence.trim_end_matches('.')
            );
        }
    }
    text.push_str("\n## Bandwidth\n\n| Function | Calculation | Bandwidth | Section |\n|---|---|---|---|\n");
    for line in report.bandwidth.lines.iter() {
        let _ = writeln!(text, "| {} | {} | {} | {} |", line.label.en, line.formula, line.bandwidth, line.section);
    }
    let _ =
        writeln!(text, "| **Total (the spec's method)** | | **{}** | {METHOD} |", format_mbps(report.bandwidth.total));
    for line in report.bandwidth.omitted.iter() {
        let _ = writeln!(text, "| {} | {} | {} | {} |", line.label.en, line.formula, line.bandwidth, line.section);
    }
    if !report.bandwidth.omitted.is_empty() {
        let _ = writeln!(
            text,
            "| **Total including what {METHOD} leaves out** | | **{}** | |",
            format_mbps(report.bandwidth.total_with_omitted)
        );
    }
    let _ = writeln!(text, "\n**{}:** {}", report.uplink.verdict.label(), report.uplink.text);
    text.push('\n');
    text.push_str(
        &export(
            &report.firewall_rules,
            &report.plan.addresses,
            RuleFormat::Markdown,
            &ExportOptions { access: report.plan.access, ..ExportOptions::default() },
        )
        .replacen("# ", "## ", 1),
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::checklist;
    use crate::confirmation::Confirmations;

    #[test]
    fn the_report_has_every_part() {
        let plan = Plan::spec_example();
        let groups = checklist(&plan, &[], &Confirmations::new(), &Default::default(), false);
        let report = report(&plan, &groups, Date::new(2026, 11, 23));
        let markdown = report_markdown(&report);
        for part in [
            "Report of 2026-11-23",
            "v3.40",
            "## What is left",
            "### 2.1 Internet",
            "3.264 Mbit/s",
            "## Telia Touchpoint Plus firewall openings",
            "| 6.4.1 |",
        ] {
            assert!(markdown.contains(part), "{part} in\n{markdown}");
        }
        let json: serde_json::Value = serde_json::from_str(&report_json(&report).unwrap()).unwrap();
        assert_eq!(json["bandwidth"]["total_kbps"], 3264);
        assert_eq!(json["spec_version"], "3.40");
        assert_eq!(json["progress"]["total"], plan.requirements().len());
        assert_eq!(json["checklist"][0]["items"][0]["requirement"]["id"], "net.call-bandwidth");
        assert_eq!(json["problems"], serde_json::json!([]));
        assert!(!markdown.contains("## Problems with the plan"));
    }

    #[test]
    fn the_report_names_the_plans_problems() {
        let plan = Plan {
            ata_adapters: 4,
            teams: true,
            skype: crate::plan::SkypeIntegration::PresenceOnly,
            ..Plan::default()
        };
        let groups = checklist(&plan, &[], &Confirmations::new(), &Default::default(), false);
        let report = report(&plan, &groups, Date::new(2026, 12, 2));
        let expected: Vec<String> = plan.problems().iter().map(ToString::to_string).collect();
        assert_eq!(expected.len(), 2);
        assert_eq!(report.problems, expected);
        let markdown = report_markdown(&report);
        for problem in &expected {
            assert!(markdown.contains(&format!("- {problem}")), "{problem} in\n{markdown}");
        }
        let json: serde_json::Value = serde_json::from_str(&report_json(&report).unwrap()).unwrap();
        assert_eq!(json["problems"], serde_json::json!(expected));
    }
}
