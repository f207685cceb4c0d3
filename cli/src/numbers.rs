//! `sitecheck numbers FILE`: each line's phone number against E.164, with the form a national
//! number stands for. The verdicts, the country rules and the decoding are core's.

use crate::args::{Parsed, Spec};
use crate::commands::CliError;
use serde::Serialize;
use sitecheck_core::addon::numbers::{Country, Integration, LineFinding, NumbersOptions, validate_numbers};
use sitecheck_core::requirement::RequirementId;
use sitecheck_core::section::SectionId;
use sitecheck_core::verdict::Verdict;
use std::io::{BufRead, Write};

/// A finding as the CLI's `--json` writes it.
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub id: RequirementId,
    pub verdict: Verdict,
    pub section: SectionId,
    pub evidence: &'a sitecheck_core::locale::Bilingual,
    pub advice: Option<&'a sitecheck_core::locale::Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The number in E.164 form, where the line's number can be written as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e164: Option<String>,
}

impl<'a> JsonFinding<'a> {
    pub fn new(finding: &'a LineFinding, e164: Option<String>) -> JsonFinding<'a> {
        JsonFinding {
            id: finding.finding.requirement,
            verdict: finding.finding.verdict,
            section: finding.finding.section,
            evidence: &finding.finding.evidence,
            advice: finding.finding.advice.as_ref(),
            line: finding.line,
            e164,
        }
    }
}

/// A finding as the text output writes it: where, the verdict, the requirement, what was
/// seen, and on the next line what to do.
pub fn write_finding(output: &mut impl Write, finding: &LineFinding) -> std::io::Result<()> {
    use crate::language::{locale, say};
    let place =
        finding.line.map_or_else(|| say("file", "fil").to_owned(), |line| format!("{} {line}", say("line", "rad")));
    let finding_ = &finding.finding;
    writeln!(
        output,
        "{place:<10} {:<8} {} ({}): {}",
        finding_.verdict.slug(),
        finding_.requirement,
        finding_.section,
        finding_.evidence.get(locale())
    )?;
    if let Some(advice) = &finding_.advice {
        writeln!(output, "{:<10} {:<8} {}", "", "", advice.get(locale()))?;
    }
    Ok(())
}

/// Today, from the system clock: the reports are dated by their caller.
/// The FILE argument and the values of an option that may be given more than once, taken out
/// before the common parser sees the rest (it knows neither).
pub struct Split {
    pub file: Option<String>,
    pub repeated: Vec<String>,
    pub rest: Vec<String>,
    pub extra: Vec<String>,
}

pub fn split_arguments(arguments: &[String], valued: &[&str], repeated: Option<&str>) -> Split {
    let mut split = Split { file: None, repeated: Vec::new(), rest: Vec::new(), extra: Vec::new() };
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        if let Some(name) = repeated {
            if word == name {
                match words.next() {
                    Some(value) => split.repeated.push(value.clone()),
                    // Left for the parser, which reports the missing value.
                    None => split.rest.push(word.clone()),
                }
                continue;
            }
            if let Some(value) = word.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')) {
                split.repeated.push(value.to_owned());
                continue;
            }
        }
        let takes_value = valued.contains(&word.as_str());
        split.rest.push(word.clone());
        if takes_value {
            if let Some(value) = words.next() {
                split.rest.push(value.clone());
            }
        } else if word == "-" || !word.starts_with('-') {
            split.rest.pop();
            if split.file.is_none() {
                split.file = Some(word.clone());
            } else {
                split.extra.push(word.clone());
            }
        }
    }
    split
}

/// The file's bytes, or standard input's for "-"; a file over core's limit is refused with its
/// size said, before it is read (the page refuses it alike).
pub fn read_bytes(path: &str, input: &mut impl BufRead) -> Result<Vec<u8>, CliError> {
    use sitecheck_core::addon::form::{MAX_FILE_BYTES, too_large};
    use std::io::Read;
    let cannot = |error: std::io::Error| CliError::Input(format!("cannot read {path}: {error}"));
    let mut bytes = Vec::new();
    if path == "-" {
        input.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            let limit = MAX_FILE_BYTES / (1024 * 1024);
            return Err(CliError::Input(format!(
                "standard input holds more than {limit} MB, the most the check reads"
            )));
        }
    } else {
        let size = std::fs::metadata(path).map_err(cannot)?.len();
        if let Some(message) = too_large(path, size) {
            return Err(CliError::Input(message.get(crate::language::locale()).to_owned()));
        }
        bytes = std::fs::read(path).map_err(cannot)?;
    }
    Ok(bytes)
}

/// `--country` and `--for`, shared with `users`.
pub fn country_and_integration(parsed: &Parsed) -> Result<(Country, Option<Integration>), CliError> {
    let country = match parsed.value("--country") {
        Some(text) => text.parse::<Country>().map_err(|error| CliError::Usage(format!("--country: {error}")))?,
        None => Country::default(),
    };
    let integration = match parsed.value("--for") {
        Some(text) => Some(text.parse::<Integration>().map_err(|error| CliError::Usage(format!("--for: {error}")))?),
        None => None,
    };
    Ok((country, integration))
}

pub fn run(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    const VALUED: &[&str] = &["--country", "--for"];
    let split = split_arguments(arguments, VALUED, None);
    let parsed = Parsed::new(&split.rest, &Spec { flags: &["--json"], valued: VALUED });
    let json = parsed.flag("--json");
    let (country, integration) = country_and_integration(&parsed)?;
    parsed.finish()?;
    if let Some(extra) = split.extra.first() {
        return Err(CliError::Usage(format!("numbers takes one FILE; \"{extra}\" is a second")));
    }
    let path =
        split.file.ok_or_else(|| CliError::Usage("numbers takes a FILE, one number a line (- for stdin)".into()))?;
    let bytes = read_bytes(&path, &mut input)?;
    let options = NumbersOptions { country, integration: integration.unwrap_or_default() };
    let report = validate_numbers(&bytes, &options, crate::commands::today());
    if json {
        let rows: Vec<JsonFinding<'_>> = report
            .findings
            .iter()
            .enumerate()
            .map(|(index, finding)| {
                // One finding a line, in the lines' order.
                let number = report.lines.get(index).filter(|line| Some(line.line) == finding.line);
                JsonFinding::new(finding, number.and_then(|line| line.check.number()).map(|number| number.to_string()))
            })
            .collect();
        writeln!(output, "{}", crate::language::json(&rows).map_err(|error| CliError::Input(error.to_string()))?)?;
    } else {
        for finding in &report.findings {
            write_finding(output, finding)?;
        }
        let count =
            |verdict: Verdict| report.findings.iter().filter(|finding| finding.finding.verdict == verdict).count();
        writeln!(
            output,
            "\n{} numbers: {} pass, {} fail, {} warning",
            report.lines.len(),
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::Warning)
        )?;
    }
    match report.failed() {
        0 => Ok(()),
        _ if report.lines.is_empty() => Err(CliError::NotCovered("the list has no numbers".into())),
        failed => {
            Err(CliError::NotCovered(format!("{failed} of {} numbers are not in E.164 format", report.lines.len())))
        }
    }
}
