//! Findings as the add-on commands print them: one JSON object per finding (`id`, `verdict`,
//! `section`, `evidence`, `advice`, and `file` and `line` where the finding has them), or a
//! line of text.

use sitecheck_core::addon::form::FindingRow;
use sitecheck_core::verdict::{Finding, Verdict};
use std::io::Write;

/// Where in the input a finding points.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'a> {
    pub file: Option<&'a str>,
    pub line: Option<usize>,
}

/// The findings as one pretty JSON array, the rows core writes for the page's download too.
pub fn write_json<'a>(
    output: &mut impl Write,
    findings: impl IntoIterator<Item = (&'a Finding, Place<'a>)>,
) -> std::io::Result<()> {
    let rows: Vec<FindingRow<'a>> =
        findings.into_iter().map(|(finding, place)| FindingRow::new(finding, place.file, place.line)).collect();
    let text = crate::language::json(&rows).map_err(std::io::Error::other)?;
    writeln!(output, "{text}")
}

/// One finding as text: verdict, requirement and section, evidence, then the advice indented.
pub fn write_text(output: &mut impl Write, finding: &Finding, place: Place<'_>) -> std::io::Result<()> {
    let locale = crate::language::locale();
    let line_word = match locale {
        sitecheck_core::locale::Locale::En => "line",
        sitecheck_core::locale::Locale::Sv => "rad",
    };
    let at = match (place.file, place.line) {
        (Some(file), Some(line)) => format!(" [{file}:{line}]"),
        (Some(file), None) => format!(" [{file}]"),
        (None, Some(line)) => format!(" [{line_word} {line}]"),
        (None, None) => String::new(),
    };
    writeln!(
        output,
        "{:<19} {} ({}){at}\n    {}",
        finding.verdict.slug(),
        finding.requirement,
        finding.section,
        finding.evidence.get(locale)
    )?;
    if let Some(advice) = &finding.advice {
        writeln!(output, "    → {}", advice.get(locale))?;
    }
    Ok(())
}

/// Exit status 1 when anything failed.
pub fn failures<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> usize {
    findings.into_iter().filter(|finding| finding.verdict == Verdict::Fail).count()
}
