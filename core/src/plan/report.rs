//! The site report as Markdown and JSON: what the printed page shows, for files and tickets.

use crate::bandwidth::{BandwidthCalculation, METHOD, UplinkComparison, calculate, compare_uplink};
use crate::checklist::{ChecklistGroup, Progress, progress};
use crate::export::{ExportOptions, RuleFormat, export};
use crate::locale::{Locale, Text, Written, written};
use crate::plan::Plan;
use crate::section::{SPEC_DATE, SPEC_VERSION};
use crate::units::{Date, format_mbps};
use crate::verdict::Verdict;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The language the report is written in (its texts; ids and slugs stay as they are).
    pub lang: Locale,
    pub date: Date,
    pub spec_version: &'static str,
    pub spec_date: Date,
    pub plan: &'a Plan,
    /// What is inconsistent in the plan, or a fact of the spec it must work around.
    pub problems: Vec<String>,
    /// Shown with a Swedish report: the requirements are a translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_notice: Option<&'static str>,
    pub progress: Progress,
    pub checklist: &'a [ChecklistGroup],
    pub bandwidth: BandwidthCalculation,
    /// The plan's stated uplink against the calculation.
    pub uplink: UplinkComparison,
    pub firewall_rules: Vec<&'static crate::firewall::FirewallRule>,
}

pub fn report<'a>(plan: &'a Plan, checklist: &'a [ChecklistGroup], date: Date, lang: Locale) -> Report<'a> {
    let calculation = calculate(plan.bandwidth_inputs());
    Report {
        lang,
        translation_notice: (lang == Locale::Sv).then_some(crate::spec::swedish::TRANSLATION_NOTICE),
        date,
        spec_version: SPEC_VERSION,
        spec_date: SPEC_DATE,
        plan,
        problems: plan.problems().iter().map(|problem| problem.message_in(lang)).collect(),
        progress: progress(checklist),
        checklist,
        bandwidth: calculation.clone(),
        uplink: compare_uplink(&calculation, plan.uplink),
        firewall_rules: plan.firewall_rules(),
    }
}

/// The report as pretty JSON; an error is the caller's to show, never an empty file.
pub fn report_json(report: &Report<'_>) -> Result<String, serde_json::Error> {
    written(Written::In(report.lang), || serde_json::to_string_pretty(report))
}

/// The Markdown report's words, in both languages.
mod words {
    use crate::locale::Text;
    pub const TITLE: Text = crate::interface::page::REPORT_TITLE;
    pub const REPORT_OF: Text = Text { en: "Report of", sv: "Rapport från" };
    pub const AGAINST: Text = Text { en: "against", sv: "mot" };
    pub const PROGRESS: Text = Text { en: "Progress", sv: "Status" };
    pub const OF: Text = Text { en: "of", sv: "av" };
    pub const SETTLED: Text = Text { en: "requirements settled", sv: "krav avgjorda" };
    pub const PROBLEMS: Text = Text { en: "Problems with the plan", sv: "Problem med planen" };
    pub const LEFT: Text = Text { en: "What is left", sv: "Vad som återstår" };
    pub const CHECKLIST: Text = Text { en: "Checklist", sv: "Checklista" };
    pub const NOTE: Text = Text { en: "Note", sv: "Anteckning" };
    pub const BANDWIDTH: Text = Text { en: "Bandwidth", sv: "Bandbredd" };
    pub const COLUMNS: Text = Text {
        en: "| Function | Calculation | Bandwidth | Section |",
        sv: "| Funktion | Beräkning | Bandbredd | Avsnitt |",
    };
    pub const TOTAL: Text = Text { en: "Total (the spec's method)", sv: "Totalt (specifikationens metod)" };
    pub const TOTAL_WITH: Text = Text { en: "Total including what", sv: "Totalt med det som" };
    pub const LEAVES_OUT: Text = Text { en: "leaves out", sv: "utelämnar" };
}

pub fn report_markdown(report: &Report<'_>) -> String {
    let lang = report.lang;
    let word = |text: Text| text.get(lang);
    let mut text = format!(
        "# {}\n\n{} {}, {} Site Environment Requirements v{} ({}).\n\n",
        word(words::TITLE),
        word(words::REPORT_OF),
        report.date,
        word(words::AGAINST),
        report.spec_version,
        report.spec_date
    );
    if let Some(notice) = report.translation_notice {
        let _ = writeln!(text, "*{notice}*\n");
    }
    let _ = writeln!(
        text,
        "**{}:** {} {} {} {}.\n",
        word(words::PROGRESS),
        report.progress.done,
        word(words::OF),
        report.progress.total,
        word(words::SETTLED)
    );
    if !report.problems.is_empty() {
        let listed: Vec<String> = report.problems.iter().map(|problem| format!("- {problem}")).collect();
        let _ = writeln!(text, "## {}\n\n{}\n", word(words::PROBLEMS), listed.join("\n"));
    }
    let open: Vec<String> = report
        .checklist
        .iter()
        .flat_map(|group| &group.items)
        .filter(|item| !item.is_done())
        .map(|item| {
            format!(
                "- {} ({}, {}): {}",
                item.requirement.statement_in(lang),
                item.requirement.section,
                item.verdict.label_in(lang),
                item.evidence.get(lang)
            )
        })
        .collect();
    if !open.is_empty() {
        let _ = writeln!(text, "## {}\n\n{}\n", word(words::LEFT), open.join("\n"));
    }
    let _ = writeln!(text, "## {}", word(words::CHECKLIST));
    for group in report.checklist {
        let _ = writeln!(
            text,
            "\n### {} {} ({} {} {})\n",
            group.section.id,
            group.section.title_in(lang),
            group.done(),
            word(words::OF),
            group.items.len()
        );
        for item in &group.items {
            let mark = match item.verdict {
                Verdict::Pass | Verdict::NotApplicable => "x",
                _ => " ",
            };
            let note =
                if item.note.is_empty() { String::new() } else { format!(" {}: {}.", word(words::NOTE), item.note) };
            let _ = writeln!(
                text,
                "- [{mark}] **{}** {} — {}: {}.{note}",
                item.verdict.label_in(lang),
                item.requirement.statement_in(lang),
                item.source.label_in(lang),
                item.evidence.get(lang).trim_end_matches('.')
            );
        }
    }
    let _ = writeln!(text, "\n## {}\n\n{}\n|---|---|---|---|", word(words::BANDWIDTH), word(words::COLUMNS));
    let amount = |figure: String| lang.decimals(&figure);
    let row = |line: &crate::bandwidth::BandwidthLine| {
        format!(
            "| {} | {} | {} | {} |",
            line.label.get(lang),
            line.formula.text(lang),
            amount(line.bandwidth.to_string()),
            line.section
        )
    };
    for line in report.bandwidth.lines.iter() {
        let _ = writeln!(text, "{}", row(line));
    }
    let total = amount(format_mbps(report.bandwidth.total));
    let _ = writeln!(text, "| **{}** | | **{total}** | {METHOD} |", word(words::TOTAL));
    for line in report.bandwidth.omitted.iter() {
        let _ = writeln!(text, "{}", row(line));
    }
    if !report.bandwidth.omitted.is_empty() {
        let _ = writeln!(
            text,
            "| **{} {METHOD} {}** | | **{}** | |",
            word(words::TOTAL_WITH),
            word(words::LEAVES_OUT),
            amount(format_mbps(report.bandwidth.total_with_omitted))
        );
    }
    let _ = writeln!(text, "\n**{}:** {}", report.uplink.verdict.label_in(lang), report.uplink.text.get(lang));
    text.push('\n');
    text.push_str(
        &export(
            &report.firewall_rules,
            &report.plan.addresses,
            RuleFormat::Markdown,
            &ExportOptions { access: report.plan.access, lang: report.lang, ..ExportOptions::default() },
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
        let report = report(&plan, &groups, Date::new(2026, 11, 23), Locale::En);
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
    fn a_swedish_report_is_swedish_throughout() {
        let plan = Plan { ata_adapters: 2, ..Plan::spec_example() };
        let groups = checklist(&plan, &[], &Confirmations::new(), &Default::default(), false);
        let report = report(&plan, &groups, Date::new(2026, 12, 2), Locale::Sv);
        let markdown = report_markdown(&report);
        let total = Locale::Sv.decimals(&format_mbps(report.bandwidth.total));
        assert!(total.contains(','), "{total}");
        assert!(markdown.contains(&format!("**{total}**")), "{total} in\n{markdown}");
        for part in [
            crate::spec::swedish::TRANSLATION_NOTICE,
            "## Checklista",
            "### 2.1 Internet och lokalt nätverk",
            "## Öppningar i brandväggen för Telia Touchpoint Plus",
            "| Regel | Riktning |",
            "| utgående |",
            "2 ATA-adaptrar, men Mediatrix är inte markerat",
        ] {
            assert!(markdown.contains(part), "{part} in\n{markdown}");
        }
        for english in ["## Checklist\n", "What is left", "| Rule |", "| outbound |", "Needs confirmation"] {
            assert!(!markdown.contains(english), "{english} left in\n{markdown}");
        }
        let json: serde_json::Value = serde_json::from_str(&report_json(&report).unwrap()).unwrap();
        let group = &json["checklist"][0];
        assert_eq!(json["lang"], "sv");
        assert_eq!(group["section"]["title"], "Internet och lokalt nätverk");
        let item = &group["items"][0];
        let id = crate::requirement::RequirementId::parse(item["requirement"]["id"].as_str().unwrap()).unwrap();
        assert_eq!(item["requirement"]["statement"], id.requirement().statement_in(Locale::Sv));
        assert_eq!(item["requirement"]["id"], id.as_str(), "ids stay");
        assert!(json["bandwidth"]["lines"][0]["formula"].as_str().unwrap().contains("användare"), "{json}");
        // The English report of the same plan is the spec's words.
        let english: serde_json::Value = serde_json::from_str(
            &report_json(&super::report(&plan, &groups, Date::new(2026, 12, 2), Locale::En)).unwrap(),
        )
        .unwrap();
        assert_eq!(english["checklist"][0]["items"][0]["requirement"]["statement"], id.requirement().statement);
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
        let report = report(&plan, &groups, Date::new(2026, 12, 2), Locale::En);
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
