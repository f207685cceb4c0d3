//! The subcommands. Each writes to the given output so that tests can run them in-process.

use crate::args::{ArgError, Parsed, Spec};
use serde::Serialize;
use sitecheck_core::bandwidth::{BandwidthInputs, UplinkComparison, calculate, compare_uplink};
use sitecheck_core::browser::browser_finding;
use sitecheck_core::catalogue::{CATALOGUE, catalogue_json};
use sitecheck_core::coverage::{self, Coverage};
use sitecheck_core::device::{browser, mac_processor, mobile, operating_system};
use sitecheck_core::environment::{Signals, detect};
use sitecheck_core::export::{ExportOptions, NftChain, NftChainError};
use sitecheck_core::export::{RuleFormat, UnknownFormat, export};
use sitecheck_core::locale::Locale;
use sitecheck_core::plan::Plan;
use sitecheck_core::targets::Targets;
use sitecheck_core::units::Date;
use sitecheck_core::units::{Bandwidth, Percent, format_mbps};
use sitecheck_core::useragent::{BrowserFamily, parse};
use sitecheck_core::verdict::Verdict;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("help")]
    Help,
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Input(String),
    /// The check ran and found a failure (openings not covered, an uplink too small); the
    /// report is already written.
    #[error("{0}")]
    NotCovered(String),
}

impl From<Vec<ArgError>> for CliError {
    fn from(errors: Vec<ArgError>) -> CliError {
        CliError::Usage(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    }
}

pub fn run(arguments: &[String], input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    // `--lang` anywhere, before the command too.
    let arguments = crate::language::take(arguments).map_err(|error| CliError::Usage(format!("--lang: {error}")))?;
    let Some((command, rest)) = arguments.split_first() else { return Err(CliError::Help) };
    match command.as_str() {
        "catalogue" => catalogue(rest, output),
        "bandwidth" => bandwidth(rest, output),
        "ua" => user_agents(rest, input, output),
        "firewall" => firewall(rest, input, output),
        "plan" => plan(rest, input, output),
        "probe" => probe(rest, input, output),
        "spf" => crate::spf::run(rest, input, output),
        "secret" => crate::secret::run(rest, output),
        "cert" => crate::cert::run(rest, input, output),
        "numbers" => crate::numbers::run(rest, input, output),
        "users" => crate::users::run(rest, input, output),
        "help" | "--help" | "-h" => Err(CliError::Help),
        other => Err(CliError::Usage(format!("unknown command \"{other}\""))),
    }
}

fn catalogue(arguments: &[String], output: &mut impl Write) -> Result<(), CliError> {
    let parsed = Parsed::new(arguments, &Spec { flags: &["--json"], valued: &[] });
    let json = parsed.flag("--json");
    let locale = crate::language::locale();
    parsed.finish()?;
    if json {
        if locale != Locale::En {
            return Err(CliError::Usage(
                "the JSON catalogue is in English, the language of the spec (its keys and values are what tools read); leave out --lang or --json".into(),
            ));
        }
        writeln!(output, "{}", catalogue_json().map_err(|error| CliError::Input(error.to_string()))?)?;
        return Ok(());
    }
    let words = CatalogueWords::of(locale);
    writeln!(output, "{} v{} ({})", CATALOGUE.spec.title, CATALOGUE.spec.version, CATALOGUE.spec.date)?;
    if locale == Locale::Sv {
        writeln!(output, "{}", sitecheck_core::spec::swedish::TRANSLATION_NOTICE)?;
    }
    let mut last_section = None;
    for requirement in CATALOGUE.requirements {
        if last_section != Some(requirement.section) {
            last_section = Some(requirement.section);
            writeln!(output, "\n{} {}", requirement.section, requirement.section.title_in(locale))?;
        }
        writeln!(output, "  {:<36} {}", requirement.id.as_str(), requirement.statement_in(locale))?;
    }
    writeln!(output, "\n{}", words.firewall_rules)?;
    for rule in CATALOGUE.firewall_rules {
        let services: Vec<String> = rule.services.iter().map(ToString::to_string).collect();
        writeln!(
            output,
            "  {:<6} {:<8} {:<22} {}",
            rule.id,
            format!("{:?}", rule.direction),
            services.join(" "),
            rule.comment
        )?;
    }
    writeln!(output, "\n{}", words.advisories)?;
    for advisory in CATALOGUE.advisories {
        writeln!(output, "  {:<36} {}", advisory.id, advisory.in_locale(locale).0)?;
    }
    let example = CATALOGUE.bandwidth_example.calculation();
    writeln!(output, "\n{}", (words.example)(CATALOGUE.bandwidth_example.section))?;
    write_lines(output, &example.lines, locale)?;
    writeln!(output, "{}: {}", words.total, locale.decimals(&format_mbps(example.total)))?;
    Ok(())
}

/// The catalogue listing's own headings.
struct CatalogueWords {
    firewall_rules: &'static str,
    advisories: &'static str,
    example: fn(&str) -> String,
    total: &'static str,
}

impl CatalogueWords {
    fn of(locale: Locale) -> CatalogueWords {
        match locale {
            Locale::En => CatalogueWords {
                firewall_rules: "Firewall rules",
                advisories: "Advisories",
                example: |section| format!("The {section} example"),
                total: "Total",
            },
            Locale::Sv => CatalogueWords {
                firewall_rules: "Brandväggsregler (tabellernas kommentarer som specifikationen skriver dem)",
                advisories: "Påpekanden",
                example: |section| format!("Exemplet i {section}"),
                total: "Totalt",
            },
        }
    }
}

fn write_lines(
    output: &mut impl Write,
    lines: &[sitecheck_core::bandwidth::BandwidthLine],
    locale: Locale,
) -> std::io::Result<()> {
    for line in lines {
        let bandwidth = locale.decimals(&line.bandwidth.to_string());
        let (label, formula) = (line.label.get(locale), line.formula.text(locale));
        writeln!(output, "{label:<48} {formula:<46} {bandwidth:>14}  {}", line.section)?;
    }
    Ok(())
}

fn bandwidth(arguments: &[String], output: &mut impl Write) -> Result<(), CliError> {
    let spec = Spec {
        flags: &["--json"],
        valued: &[
            "--softphones",
            "--ip-phones",
            "--integrated",
            "--busy-percent",
            "--calendar-users",
            "--agents",
            "--presence-users",
            "--uplink-kbps",
        ],
    };
    let mut parsed = Parsed::new(arguments, &spec);
    let json = parsed.flag("--json");
    let softphones = parsed.number("--softphones", None);
    let ip_phones = parsed.number("--ip-phones", None);
    let integrated = parsed.number("--integrated", None);
    let busy = parsed.percent("--busy-percent");
    let calendar_users = parsed.number("--calendar-users", None);
    let agents = parsed.number("--agents", Some(0));
    let presence_users = parsed.number("--presence-users", Some(0));
    let uplink = parsed.value("--uplink-kbps").is_some().then(|| parsed.number("--uplink-kbps", None));
    parsed.finish()?;
    let busy = Percent::new(busy).unwrap_or(Percent::of(100));
    let calculation =
        calculate(BandwidthInputs { softphones, ip_phones, integrated, busy, calendar_users, agents, presence_users });
    let uplink = uplink.map(|kbps| compare_uplink(&calculation, Some(Bandwidth::kbps(u64::from(kbps)))));
    if json {
        let mut value = json_value(&calculation)?;
        if let Some(uplink) = &uplink {
            value["uplink"] = json_value(uplink)?;
        }
        writeln!(
            output,
            "{}",
            serde_json::to_string_pretty(&value).map_err(|error| CliError::Input(error.to_string()))?
        )?;
        return uplink_status(uplink.as_ref());
    }
    let locale = crate::language::locale();
    let words = BandwidthWords::of(locale);
    let method = sitecheck_core::bandwidth::METHOD;
    writeln!(output, "{:<48} {:<46} {:>14}  {}", words.function, words.calculation, words.bandwidth, words.section)?;
    write_lines(output, &calculation.lines, locale)?;
    let total = format!("{} ({method})", sitecheck_core::interface::bandwidth::TOTAL.get(locale));
    writeln!(output, "{total:<48} {:<46} {:>14}", "", locale.decimals(&format_mbps(calculation.total)))?;
    if !calculation.omitted.is_empty() {
        writeln!(output, "\n{}", (words.left_out)(method.as_str()))?;
        write_lines(output, &calculation.omitted, locale)?;
        let with = locale.decimals(&format_mbps(calculation.total_with_omitted));
        writeln!(output, "{:<48} {:<46} {with:>14}", words.total_with, "")?;
    }
    if let Some(uplink) = &uplink {
        writeln!(output, "\n{}: {}", uplink.verdict.label_in(locale), uplink.text.get(locale))?;
    }
    uplink_status(uplink.as_ref())
}

/// A value as JSON, its texts in this run's language.
fn json_value<T: Serialize>(value: &T) -> Result<serde_json::Value, CliError> {
    let locale = sitecheck_core::locale::Written::In(crate::language::locale());
    sitecheck_core::locale::written(locale, || serde_json::to_value(value))
        .map_err(|error| CliError::Input(error.to_string()))
}

/// The bandwidth table's own words.
struct BandwidthWords {
    function: &'static str,
    calculation: &'static str,
    bandwidth: &'static str,
    section: &'static str,
    left_out: fn(&str) -> String,
    total_with: &'static str,
}

impl BandwidthWords {
    fn of(locale: Locale) -> BandwidthWords {
        use sitecheck_core::interface::bandwidth as words;
        let word = |text: sitecheck_core::locale::Text| text.get(locale);
        BandwidthWords {
            function: word(words::FUNCTION),
            calculation: word(words::CALCULATION),
            bandwidth: word(words::BANDWIDTH),
            section: word(words::SECTION),
            left_out: match locale {
                Locale::En => |method| format!("Left out of the spec's {method} example (see advisories):"),
                Locale::Sv => |method| format!("Utelämnat i specifikationens exempel i {method} (se påpekandena):"),
            },
            total_with: match locale {
                Locale::En => "Total including these",
                Locale::Sv => "Totalt med dessa",
            },
        }
    }
}

/// Exit status 1 when the stated uplink fails, as for any failed check.
fn uplink_status(uplink: Option<&UplinkComparison>) -> Result<(), CliError> {
    match uplink {
        Some(uplink) if uplink.verdict == Verdict::Fail => {
            Err(CliError::NotCovered("the stated uplink is below the spec's minimum".into()))
        }
        _ => Ok(()),
    }
}

#[derive(Serialize)]
struct UaLine<'a> {
    browser: &'a str,
    major: Option<u32>,
    os: String,
    verdict: Verdict,
}

/// Today, from the system clock, for the dated mobile release table.
pub(crate) fn today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs());
    Date::from_days_since_epoch((seconds / 86_400) as i64)
}

#[derive(Serialize)]
struct HintsReport<'a> {
    browser: &'a str,
    major: Option<u32>,
    os: String,
    verdict: Verdict,
    findings: Vec<sitecheck_core::verdict::Finding>,
}

/// `ua --hints`: the signals JSON the app shows for support, one document or one per line.
fn user_agents_with_hints(input: impl BufRead, output: &mut impl Write, json: bool) -> Result<(), CliError> {
    let mut text = String::new();
    let mut input = input;
    input.read_to_string(&mut text)?;
    let documents: Vec<(usize, Result<Signals, String>)> = match serde_json::from_str::<Signals>(&text) {
        Ok(signals) => vec![(1, Ok(signals))],
        Err(_) => text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| (index + 1, serde_json::from_str::<Signals>(line).map_err(|error| error.to_string())))
            .collect(),
    };
    if documents.is_empty() {
        return Err(CliError::Usage(
            "--hints reads the JSON the app shows under \"What this browser reported\"; stdin was empty".into(),
        ));
    }
    let today = today();
    let mut problems = Vec::new();
    for (line, document) in documents {
        let signals = match document {
            Ok(signals) => signals,
            Err(error) => {
                problems.push(format!("line {line}: not the app's JSON: {error}"));
                continue;
            }
        };
        let environment = detect(&signals);
        let browser_finding = browser(&environment);
        let mut findings = vec![browser_finding.clone(), operating_system(&environment)];
        findings.extend(mac_processor(&environment));
        findings.push(mobile(&environment, today, &sitecheck_core::policy::ReleaseTable::builtin()));
        let report = HintsReport {
            browser: environment.browser.browser.slug(),
            major: environment.browser.major,
            os: environment.os.to_string(),
            verdict: browser_finding.verdict,
            findings,
        };
        let locale = crate::language::locale();
        if json {
            let line = sitecheck_core::locale::written(sitecheck_core::locale::Written::In(locale), || {
                serde_json::to_string(&report)
            });
            writeln!(output, "{}", line.map_err(|error| CliError::Input(error.to_string()))?)?;
        } else {
            for finding in &report.findings {
                writeln!(
                    output,
                    "{:<22} {:<20} {}  ({})",
                    finding.requirement,
                    finding.verdict.slug(),
                    finding.evidence.get(locale),
                    finding.section
                )?;
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(CliError::Input(problems.join("\n"))) }
}

fn user_agents(arguments: &[String], input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    let parsed = Parsed::new(arguments, &Spec { flags: &["--json", "--hints"], valued: &[] });
    let json = parsed.flag("--json");
    let hints = parsed.flag("--hints");
    parsed.finish()?;
    if hints {
        return user_agents_with_hints(input, output, json);
    }
    let mut by_family: BTreeMap<BrowserFamily, (u64, u64)> = BTreeMap::new();
    let (mut total, mut supported) = (0u64, 0u64);
    for line in input.split(b'\n') {
        // Proxy logs are not always UTF-8: read what can be read rather than stop.
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches('\r');
        let user_agent = parse(line);
        let verdict =
            browser_finding(&user_agent, &sitecheck_core::environment::Source::UserAgent.phrase_text().into()).verdict;
        let row = UaLine {
            browser: user_agent.browser.slug(),
            major: user_agent.major,
            os: user_agent.os.to_string(),
            verdict,
        };
        if json {
            writeln!(output, "{}", serde_json::to_string(&row).map_err(|error| CliError::Input(error.to_string()))?)?;
        } else {
            let major = row.major.map_or_else(|| "-".to_owned(), |major| major.to_string());
            writeln!(output, "{}\t{}\t{}\t{}", row.browser, major, row.os, verdict.slug())?;
        }
        total += 1;
        let entry = by_family.entry(user_agent.browser).or_default();
        entry.0 += 1;
        if verdict == Verdict::Pass {
            supported += 1;
            entry.1 += 1;
        }
    }
    if !json {
        let section = sitecheck_core::requirement_id!("pc.browser").section();
        let locale = crate::language::locale();
        let (browser, users_word, supported_word) = match locale {
            Locale::En => ("Browser", "Users", "Supported"),
            Locale::Sv => ("Webbläsare", "Användare", "Stöds"),
        };
        writeln!(output, "\n{browser:<20} {users_word:>5}  {supported_word} ({section})")?;
        for (family, (users, passing)) in &by_family {
            writeln!(output, "{:<20} {:>5}  {:>5}", family.slug(), users, passing)?;
        }
        let share = if total == 0 { 0.0 } else { supported as f64 * 100.0 / total as f64 };
        let share = locale.decimals(&format!("{share:.1}"));
        match locale {
            Locale::En => writeln!(output, "{supported} of {total} users on supported browsers ({share} %)")?,
            Locale::Sv => writeln!(output, "{supported} av {total} användare med webbläsare som stöds ({share} %)")?,
        }
    }
    Ok(())
}

fn read_file_or_stdin(path: &str, input: &mut impl BufRead) -> Result<String, CliError> {
    if path == "-" {
        let mut text = String::new();
        input.read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|error| CliError::Input(format!("cannot read {path}: {error}")))
    }
}

fn load_plan(path: &str, input: &mut impl BufRead) -> Result<Plan, CliError> {
    let text = read_file_or_stdin(path, input)?;
    let plan: Plan = serde_json::from_str(&text).map_err(|error| {
        CliError::Input(format!("{path} is not a plan: {error} (`sitecheck plan --example` prints one to start from)"))
    })?;
    let problems = plan.problems();
    if !problems.is_empty() {
        let locale = crate::language::locale();
        let list: Vec<String> = problems.iter().map(|problem| problem.message_in(locale)).collect();
        let note = match locale {
            Locale::En => "note",
            Locale::Sv => "obs",
        };
        eprintln!("sitecheck: {note}: {}", list.join("; "));
    }
    Ok(plan)
}

fn plan(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    let parsed = Parsed::new(arguments, &Spec { flags: &["--example"], valued: &["--check"] });
    let example = parsed.flag("--example");
    let check = parsed.value("--check").map(str::to_owned);
    parsed.finish()?;
    if let Some(path) = check {
        // The plan in the words of the form (one table of plan fields), then its problems.
        let plan = load_plan(&path, &mut input)?;
        let locale = crate::language::locale();
        for line in plan.summary_in(locale) {
            writeln!(output, "{line}")?;
        }
        let problems = plan.problems();
        for problem in &problems {
            writeln!(output, "Problem: {}", problem.message_in(locale))?;
        }
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(CliError::NotCovered(format!("the plan has {} problem(s)", problems.len())))
        };
    }
    if !example {
        return Err(CliError::Usage("plan takes --example or --check FILE".into()));
    }
    let example =
        serde_json::to_string_pretty(&Plan::spec_example()).map_err(|error| CliError::Input(error.to_string()))?;
    writeln!(output, "{example}")?;
    Ok(())
}

fn firewall(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    let parsed = Parsed::new(
        arguments,
        &Spec {
            flags: &["--json"],
            valued: &["--plan", "--format", "--check", "--nft-chain", "--inside", "--outside"],
        },
    );
    let json = parsed.flag("--json");
    let plan_path = parsed.value("--plan").map(str::to_owned);
    let format = parsed.value("--format").map(str::to_owned);
    let check = parsed.value("--check").map(str::to_owned);
    let nft_chain = parsed.value("--nft-chain").map(str::to_owned);
    let interfaces = coverage::Interfaces::parse(
        parsed.value("--inside").unwrap_or_default(),
        parsed.value("--outside").unwrap_or_default(),
    );
    parsed.finish()?;
    let nft_chain = match nft_chain {
        Some(text) => {
            text.parse::<NftChain>().map_err(|error: NftChainError| CliError::Usage(format!("--nft-chain: {error}")))?
        }
        None => NftChain::default(),
    };
    let plan_path = plan_path.ok_or_else(|| CliError::Usage("--plan is required".into()))?;
    if plan_path == "-" && check.as_deref() == Some("-") {
        return Err(CliError::Usage("--plan and --check cannot both read stdin".into()));
    }
    let plan = load_plan(&plan_path, &mut input)?;
    let rules = plan.firewall_rules();
    let Some(check) = check else {
        let format: RuleFormat = format
            .as_deref()
            .unwrap_or("markdown")
            .parse()
            .map_err(|error: UnknownFormat| CliError::Usage(error.to_string()))?;
        write!(
            output,
            "{}",
            export(
                &rules,
                &plan.addresses,
                format,
                &ExportOptions { nft_chain, access: plan.access, lang: crate::language::locale() }
            )
        )?;
        return Ok(());
    };
    let text = read_file_or_stdin(&check, &mut input)?;
    let report = coverage::report(&plan, &text, &interfaces);
    let (rows, problems) = (&report.rows, &report.unreadable);
    if json {
        writeln!(output, "{}", crate::language::json(&report).map_err(|error| CliError::Input(error.to_string()))?)?;
    } else {
        use crate::language::{locale, say};
        let judged: Vec<&str> = report.judged.iter().map(|note| note.get(locale())).collect();
        writeln!(output, "{} {}; {}", say("Read as", "Läst som"), report.syntax.label(), judged.join("; "))?;
        for assumption in &report.assumptions {
            writeln!(output, "{}: {}", say("Assumed", "Antaget"), assumption.get(locale()))?;
        }
        let (rule, opening, coverage, detail) =
            (say("Rule", "Regel"), say("Opening", "Öppning"), say("Coverage", "Täckning"), say("Detail", "Detalj"));
        writeln!(output, "{rule:<7} {opening:<17} {coverage:<9} {detail}")?;
        for row in rows {
            let detail = row.detail.get(locale());
            writeln!(output, "{:<7} {:<17} {:<9} {detail}", row.rule, row.service, row.coverage.slug())?;
        }
        for problem in problems {
            let line = say("line", "rad");
            writeln!(output, "{line} {}: {} ({})", problem.line, problem.problem.get(locale()), problem.text)?;
        }
    }
    let open = rows.iter().filter(|row| row.coverage != Coverage::Covered).count();
    if open > 0 || !problems.is_empty() {
        return Err(CliError::NotCovered(format!(
            "{open} of {} required openings are not fully covered; {} lines could not be read",
            rows.len(),
            problems.len()
        )));
    }
    Ok(())
}

fn probe(arguments: &[String], mut input: impl BufRead, output: &mut impl Write) -> Result<(), CliError> {
    let parsed = Parsed::new(arguments, &Spec { flags: &["--json"], valued: &["--config", "--plan"] });
    let json = parsed.flag("--json");
    let config = parsed.value("--config").map(str::to_owned);
    let plan_path = parsed.value("--plan").map(str::to_owned);
    parsed.finish()?;
    let targets = match config {
        Some(path) => {
            let text = read_file_or_stdin(&path, &mut input)?;
            Targets::parse(&text).map_err(|error| CliError::Input(format!("{path}: {error}")))?
        }
        None => Targets::default(),
    };
    // Without a plan: the openings every site with softphones and IP phones needs (6.1–6.3).
    let plan = match plan_path {
        Some(path) => load_plan(&path, &mut input)?,
        None => Plan { softphone_pc_users: 1, ip_phones: 1, ..Plan::default() },
    };
    let (rows, findings) = crate::probe::run(&targets, &plan);
    if json {
        let report = serde_json::json!({ "checks": rows, "network": findings });
        writeln!(output, "{}", crate::language::json(&report).map_err(|error| CliError::Input(error.to_string()))?)?;
    } else {
        writeln!(output, "{:<26} {:<22} {:<19} Evidence", "Check", "Target", "Verdict")?;
        for row in &rows {
            writeln!(
                output,
                "{:<26} {:<22} {:<19} {} ({})",
                row.check,
                row.target,
                row.verdict.slug(),
                row.evidence.get(crate::language::locale()),
                row.section
            )?;
        }
        for finding in &findings {
            writeln!(
                output,
                "{:<26} {:<22} {:<19} {} ({})",
                finding.requirement,
                "",
                finding.verdict.slug(),
                finding.evidence.get(crate::language::locale()),
                finding.section
            )?;
        }
    }
    let failed = rows.iter().filter(|row| row.verdict == Verdict::Fail).count()
        + findings.iter().filter(|finding| finding.verdict == Verdict::Fail).count();
    if failed > 0 {
        return Err(CliError::NotCovered(format!("{failed} checks failed")));
    }
    Ok(())
}
