//! `sitecheck cert`: the S4B/Lync Front End or Mediation certificates, with their chain, judged
//! against 3.2.1 or 3.2.2, and the bundle of private root and intermediates for Telia.

use crate::args::{Parsed, Spec};
use crate::commands::CliError;
use crate::finding_rows::{Place, failures, write_json, write_text};
use sitecheck_core::addon::certificate::{
    CertificateOptions, CertificateReport, CertificateSource, ServerRole, validate_certificates,
};
use sitecheck_core::units::Date;
use std::io::{BufRead, Write};

const VALUED: &[&str] = &["--role", "--today", "--bundle"];
const FLAGS: &[&str] = &["--json"];

/// Options for the parser, and the files named around them.
fn split_files(arguments: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut options, mut files) = (Vec::new(), Vec::new());
    let mut words = arguments.iter();
    while let Some(word) = words.next() {
        if word.starts_with("--") {
            options.push(word.clone());
            if VALUED.contains(&word.as_str())
                && let Some(value) = words.next()
            {
                options.push(value.clone());
            }
        } else {
            files.push(word.clone());
        }
    }
    (options, files)
}

fn write_report(output: &mut impl Write, report: &CertificateReport) -> std::io::Result<()> {
    use crate::language::{locale, say};
    let (role, today) = (report.role.label(), report.today);
    match locale() {
        sitecheck_core::locale::Locale::En => writeln!(output, "Certificates for the {role} servers, as of {today}")?,
        sitecheck_core::locale::Locale::Sv => writeln!(output, "Certifikat för {role}-servrarna, per {today}")?,
    }
    for (index, certificate) in report.certificates.iter().enumerate() {
        let at = certificate.line.map(|line| format!(":{line}")).unwrap_or_default();
        writeln!(output, "\n{}. {}  [{}{at}]", index + 1, certificate.name(), certificate.source)?;
        writeln!(output, "   {:<9} {}", say("Subject", "Ämne"), certificate.subject)?;
        if !certificate.alternative_names.is_empty() {
            writeln!(output, "   {:<9} {}", say("Names", "Namn"), certificate.alternative_names.join(", "))?;
        }
        writeln!(output, "   {:<9} {}", say("Issuer", "Utfärdare"), certificate.issuer)?;
        let (from, to) = (certificate.not_before, certificate.not_after);
        writeln!(output, "   {:<9} {from} {} {to}", say("Valid", "Giltigt"), say("to", "till"))?;
        writeln!(output, "   {:<9} {}", say("Key", "Nyckel"), certificate.key_text().get(locale()))?;
        writeln!(output, "   {:<9} {}", say("Purposes", "Användning"), certificate.purposes.described().get(locale()))?;
        let ca = if certificate.is_ca { say("yes", "ja") } else { say("no", "nej") };
        writeln!(output, "   {:<9} {ca}", "CA")?;
        writeln!(output, "   {:<9} {}", say("Serial", "Serienr"), certificate.serial)?;
    }
    if !report.chains.is_empty() {
        writeln!(output, "\n{}", say("Chains", "Kedjor"))?;
    }
    for chain in &report.chains {
        let path: Vec<&str> = chain.certificates.iter().map(|index| report.certificates[*index].name()).collect();
        let end = chain.end_described();
        writeln!(output, "   {} ({})", path.join(" → "), end.get(locale()))?;
    }
    if !report.unreadable.is_empty() {
        writeln!(output, "\n{}", say("Not read", "Inte lästa"))?;
    }
    for problem in &report.unreadable {
        writeln!(output, "   {}: {}", problem.source, problem.message.get(locale()))?;
    }
    writeln!(output, "\n{}", say("Findings", "Resultat"))?;
    for finding in &report.findings {
        let place = Place { file: finding.source.as_deref(), line: finding.line };
        write_text(output, &finding.finding, place)?;
    }
    Ok(())
}

pub fn run(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    let (options, files) = split_files(arguments);
    let parsed = Parsed::new(&options, &Spec { flags: FLAGS, valued: VALUED });
    let json = parsed.flag("--json");
    let mut problems = Vec::new();
    let role = parsed
        .value("--role")
        .map(|text| text.parse::<ServerRole>().map_err(|error| problems.push(format!("--role: {error}"))).ok())
        .unwrap_or(Some(ServerRole::FrontEnd));
    let today = parsed
        .value("--today")
        .map(|text| text.trim().parse::<Date>().map_err(|error| problems.push(format!("--today: {error}"))).ok());
    let bundle_path = parsed.value("--bundle").map(str::to_owned);
    if let Err(errors) = parsed.finish() {
        problems.splice(0..0, errors.iter().map(ToString::to_string));
    }
    if files.is_empty() {
        problems.push("cert needs at least one certificate file (- reads stdin)".into());
    }
    if files.iter().filter(|file| *file == "-").count() > 1 {
        problems.push("stdin (-) can be read once".into());
    }
    let (Some(role), true) = (role, problems.is_empty()) else {
        return Err(CliError::Usage(problems.join("; ")));
    };
    let today = today.flatten().unwrap_or_else(crate::commands::today);
    let mut sources = Vec::new();
    for file in &files {
        let bytes = crate::numbers::read_bytes(file, &mut input)?;
        let name = if file == "-" { "stdin".to_owned() } else { file.clone() };
        sources.push(CertificateSource { name, bytes });
    }
    let report = validate_certificates(&sources, &CertificateOptions { role }, today);
    if report.certificates.is_empty() {
        let reasons: Vec<String> =
            report.unreadable.iter().map(|problem| format!("{}: {}", problem.source, problem.problem)).collect();
        return Err(CliError::Input(format!("no certificate could be read\n{}", reasons.join("\n"))));
    }
    if json {
        write_json(
            output,
            report
                .findings
                .iter()
                .map(|finding| (&finding.finding, Place { file: finding.source.as_deref(), line: finding.line })),
        )?;
        for problem in &report.unreadable {
            eprintln!("sitecheck: {}: {}", problem.source, problem.problem);
        }
    } else {
        write_report(output, &report)?;
    }
    if let Some(path) = &bundle_path {
        match &report.bundle {
            Some(bundle) => {
                std::fs::write(path, &bundle.pem)
                    .map_err(|error| CliError::Input(format!("cannot write {path}: {error}")))?;
                if !json {
                    let names: Vec<&str> =
                        bundle.certificates.iter().map(|index| report.certificates[*index].name()).collect();
                    writeln!(output, "\nBundle for Telia ({}) written to {path}", names.join(", "))?;
                }
            }
            None => eprintln!("sitecheck: no private root or intermediate among the certificates: no bundle written"),
        }
    }
    let failed = failures(report.findings.iter().map(|finding| &finding.finding));
    if failed > 0 || !report.unreadable.is_empty() {
        return Err(CliError::NotCovered(format!(
            "{failed} certificate check(s) failed; {} part(s) of the input could not be read",
            report.unreadable.len()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split_files;

    #[test]
    fn files_and_options_are_told_apart() {
        let words: Vec<String> =
            ["a.pem", "--role", "mediation", "b.cer", "--json", "-", "--today=2026-06-01"].map(String::from).to_vec();
        let (options, files) = split_files(&words);
        assert_eq!(options, ["--role", "mediation", "--json", "--today=2026-06-01"]);
        assert_eq!(files, ["a.pem", "b.cer", "-"]);
    }
}
