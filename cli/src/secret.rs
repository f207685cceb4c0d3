//! `sitecheck secret`: when the calendar integration's Office 365 client secret expires, the
//! verdicts on it, and an .ics reminder a month before.

use crate::args::{Parsed, Spec};
use crate::commands::CliError;
use crate::finding_rows::{Place, failures, write_json, write_text};
use sitecheck_core::addon::secret::{SecretInput, SecretLifetime, validate_client_secret};
use sitecheck_core::units::Date;
use std::io::Write;

/// `--lifetime 90 days` arrives as two words; the option parser takes one value.
fn join_lifetime_words(arguments: &[String]) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(arguments.len());
    let mut words = arguments.iter().peekable();
    while let Some(word) = words.next() {
        joined.push(word.clone());
        if word == "--lifetime"
            && let Some(value) = words.next()
        {
            let unit = words.peek().filter(|unit| {
                value.bytes().all(|byte| byte.is_ascii_digit())
                    && ["day", "days", "month", "months"].contains(&unit.to_ascii_lowercase().as_str())
            });
            match unit {
                Some(unit) => {
                    joined.push(format!("{value} {unit}"));
                    words.next();
                }
                None => joined.push(value.clone()),
            }
        }
    }
    joined
}

fn date_option(parsed: &Parsed, name: &str, problems: &mut Vec<String>) -> Option<Date> {
    let text = parsed.value(name)?;
    text.trim().parse::<Date>().map_err(|error| problems.push(format!("{name}: {error}"))).ok()
}

pub fn run(arguments: &[String], output: &mut impl Write) -> Result<(), CliError> {
    let arguments = join_lifetime_words(arguments);
    let parsed =
        Parsed::new(&arguments, &Spec { flags: &["--json"], valued: &["--created", "--lifetime", "--today", "--ics"] });
    let json = parsed.flag("--json");
    // Every problem at once, as the option parser reports its own.
    let mut problems = Vec::new();
    let created = date_option(&parsed, "--created", &mut problems);
    let today = date_option(&parsed, "--today", &mut problems);
    let lifetime = parsed.value("--lifetime").and_then(|text| {
        text.parse::<SecretLifetime>().map_err(|error| problems.push(format!("--lifetime: {error}"))).ok()
    });
    let ics_path = parsed.value("--ics").map(str::to_owned);
    let (created_given, lifetime_given) = (parsed.value("--created").is_some(), parsed.value("--lifetime").is_some());
    if let Err(errors) = parsed.finish() {
        problems.splice(0..0, errors.iter().map(ToString::to_string));
    }
    if !created_given {
        problems.push("--created YYYY-MM-DD is required".into());
    }
    if !lifetime_given {
        problems.push("--lifetime is required (6m, 12m, 24m or N days)".into());
    }
    let (Some(created), Some(lifetime), true) = (created, lifetime, problems.is_empty()) else {
        return Err(CliError::Usage(problems.join("; ")));
    };
    let today = today.unwrap_or_else(crate::commands::today);
    let report = validate_client_secret(&SecretInput { created, lifetime }, today)
        .map_err(|error| CliError::Input(error.to_string()))?;
    if let Some(path) = &ics_path {
        std::fs::write(path, report.ics_in(crate::language::locale()))
            .map_err(|error| CliError::Input(format!("cannot write {path}: {error}")))?;
    }
    if json {
        write_json(output, report.findings.iter().map(|finding| (finding, Place::default())))?;
    } else {
        use crate::language::{locale, say};
        writeln!(output, "{:<9} {}", say("Created", "Skapad"), report.created)?;
        writeln!(output, "{:<9} {}", say("Lifetime", "Livslängd"), report.lifetime.in_locale(locale()))?;
        let days = match (report.days_left, locale()) {
            (days, sitecheck_core::locale::Locale::En) if days < 0 => format!("{} days ago", -days),
            (days, sitecheck_core::locale::Locale::Sv) if days < 0 => format!("för {} dagar sedan", -days),
            (days, sitecheck_core::locale::Locale::En) => format!("{days} days from {today}"),
            (days, sitecheck_core::locale::Locale::Sv) => format!("{days} dagar från {today}"),
        };
        writeln!(output, "{:<9} {} ({days})", say("Expires", "Går ut"), report.expires)?;
        writeln!(output, "{:<9} {}", say("Reminder", "Påminnelse"), report.remind_on)?;
        writeln!(output)?;
        for finding in &report.findings {
            write_text(output, finding, Place::default())?;
        }
        if let Some(path) = &ics_path {
            let on = report.remind_on;
            match crate::language::locale() {
                sitecheck_core::locale::Locale::En => writeln!(output, "\nReminder for {on} written to {path}")?,
                sitecheck_core::locale::Locale::Sv => writeln!(output, "\nPåminnelsen för {on} skriven till {path}")?,
            }
        }
    }
    match failures(&report.findings) {
        0 => Ok(()),
        failed => Err(CliError::NotCovered(format!("{failed} client-secret check(s) failed"))),
    }
}

#[cfg(test)]
mod tests {
    use super::join_lifetime_words;

    #[test]
    fn a_lifetime_in_two_words_becomes_one_value() {
        let check = |words: &[&str], expected: &[&str]| {
            let words: Vec<String> = words.iter().map(|word| (*word).to_owned()).collect();
            assert_eq!(join_lifetime_words(&words), expected, "{words:?}");
        };
        check(&["--lifetime", "90", "days", "--json"], &["--lifetime", "90 days", "--json"]);
        check(&["--lifetime", "6m", "--json"], &["--lifetime", "6m", "--json"]);
        check(&["--lifetime", "90 days"], &["--lifetime", "90 days"]);
        check(&["--lifetime", "6m", "days"], &["--lifetime", "6m", "days"]);
        check(&["--lifetime"], &["--lifetime"]);
    }
}
