//! `sitecheck users FILE`: an AD user file (CSV or LDIF, as AD tools write it) checked for its
//! direction — every user identified, the identifiers unique, the numbers in E.164 — with the
//! line of each problem. Reading and judging are core's; this prints.

use crate::args::{Parsed, Spec};
use crate::commands::CliError;
use crate::finding_rows::{Place, write_json};
use crate::numbers::{country_and_integration, read_bytes, split_arguments, write_finding};
use sitecheck_core::addon::users::{ColumnMapping, Direction, FileFormat, UsersOptions, validate_users};
use std::io::{BufRead, Write};

pub fn run(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    const VALUED: &[&str] = &["--direction", "--country", "--for", "--format"];
    let split = split_arguments(arguments, VALUED, Some("--map"));
    let parsed = Parsed::new(&split.rest, &Spec { flags: &["--json"], valued: VALUED });
    let json = parsed.flag("--json");
    let (country, integration) = country_and_integration(&parsed)?;
    let direction = match parsed.value("--direction") {
        Some(text) => text.parse::<Direction>().map_err(|error| CliError::Usage(format!("--direction: {error}")))?,
        None => Direction::default(),
    };
    let format = match parsed.value("--format").map(|text| text.trim().to_ascii_lowercase()) {
        None => None,
        Some(text) if text == "csv" => Some(FileFormat::Csv),
        Some(text) if text == "ldif" => Some(FileFormat::Ldif),
        Some(text) => return Err(CliError::Usage(format!("--format: \"{text}\" is not csv or ldif"))),
    };
    parsed.finish()?;
    let mapping = split
        .repeated
        .iter()
        .map(|text| text.parse::<ColumnMapping>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| CliError::Usage(format!("--map: {error}")))?;
    if let Some(extra) = split.extra.first() {
        return Err(CliError::Usage(format!("users takes one FILE; \"{extra}\" is a second")));
    }
    let path = split.file.ok_or_else(|| CliError::Usage("users takes a FILE: CSV or LDIF (- for stdin)".into()))?;
    let bytes = read_bytes(&path, &mut input)?;
    let options = UsersOptions { direction, country, integration, mapping, format };
    let report = validate_users(&bytes, &options, crate::commands::today());
    if json {
        let places = report.findings.iter().map(|found| (&found.finding, Place { file: None, line: found.line }));
        write_json(output, places)?;
    } else {
        if let Some(file) = &report.file {
            let locale = crate::language::locale();
            let (read_as, encoding) = (file.read_as.text(), file.encoding.text());
            let (read_as, encoding) = (read_as.get(locale), encoding.get(locale));
            let (records, users, others) = (file.records, file.users, file.not_users);
            match locale {
                sitecheck_core::locale::Locale::En => writeln!(
                    output,
                    "Read as {read_as} in {encoding}: {records} records, {users} users, {others} other entries"
                )?,
                sitecheck_core::locale::Locale::Sv => writeln!(
                    output,
                    "Läst som {read_as} i {encoding}: {records} poster, {users} användare, {others} andra poster"
                )?,
            }
            let columns: Vec<String> = file
                .columns
                .iter()
                .map(|column| match column.role {
                    // The role as --map takes it.
                    Some(role) => format!("{} ({role})", column.name),
                    None => column.name.clone(),
                })
                .collect();
            writeln!(output, "{}: {}\n", crate::language::say("Columns", "Kolumner"), columns.join(", "))?;
        }
        for finding in &report.findings {
            write_finding(output, finding)?;
        }
    }
    match report.failed() {
        0 => Ok(()),
        failed => Err(CliError::NotCovered(format!("the user file fails {failed} check(s)"))),
    }
}
