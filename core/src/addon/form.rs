//! The add-on validators as the page offers them: one table of forms (what each reads, its
//! options and their choices), the job a filled form becomes, and the report the page shows.
//! The page renders the table and sends what was entered as text; the worker turns it into the
//! validators' typed options here, so the page carries no code of the validators and a wrong
//! value gets the same message the CLI gives.

use super::numbers::{Country, Integration, LineFinding, NumbersOptions, validate_numbers};
use super::secret::{SecretInput, SecretLifetime, validate_client_secret};
use super::spf::validate_txt_records;
use super::users::{ColumnMapping, Direction, FileFormat, UsersOptions, validate_users};
use crate::advisory::AdvisoryId;
use crate::locale::Bilingual;
use crate::requirement::RequirementId;
use crate::section::SectionId;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};

/// The largest file a validator reads, in bytes: an AD export of 100 000 users is about 20 MB.
/// A bigger file is refused with this said, before it is read, on the page and in the CLI.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file is not read, when it is too large.
pub fn too_large(name: &str, bytes: u64) -> Option<String> {
    (bytes > MAX_FILE_BYTES).then(|| {
        format!(
            "{name} is {} MB; the check reads files of up to {} MB (an export of 100 000 users is about 20 MB). \
             Split the file, or check a part of it.",
            bytes.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    })
}

/// Which validator a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Validator {
    Certificates,
    Numbers,
    Users,
    Spf,
    ClientSecret,
}

impl Validator {
    /// The name in a job and in the page's `data-validator`, as the CLI's command names it.
    pub const fn slug(self) -> &'static str {
        match self {
            Validator::Certificates => "cert",
            Validator::Numbers => "numbers",
            Validator::Users => "users",
            Validator::Spf => "spf",
            Validator::ClientSecret => "secret",
        }
    }

    pub fn parse(text: &str) -> Option<Validator> {
        ADDON_FORMS.iter().map(|form| form.validator).find(|validator| validator.slug() == text)
    }

    pub fn form(self) -> &'static AddonForm {
        ADDON_FORMS.iter().find(|form| form.validator == self).expect("a test holds every validator to one form")
    }
}

/// What a form reads besides its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Files chosen or dropped, or text pasted. `accept` is the file chooser's filter.
    Files { accept: &'static str, several: bool, paste_label: &'static str },
    /// Pasted text only.
    Paste { label: &'static str },
    /// The options are everything.
    None,
}

/// One option of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormOption {
    /// The key in a job (the CLI's option without its dashes).
    pub key: &'static str,
    pub label: &'static str,
    pub kind: OptionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// One of these; the first is the default.
    Choice(&'static [Choice]),
    /// A day, YYYY-MM-DD; required.
    Date,
    /// Free text, possibly empty; the hint says what goes in.
    Text { hint: &'static str },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What the validators' parsers read (the CLI's value).
    pub value: &'static str,
    pub label: &'static str,
}

/// One validator's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddonForm {
    pub validator: Validator,
    pub title: &'static str,
    /// The sections it checks against, first the main one.
    pub sections: &'static [SectionId],
    /// What it checks, in a sentence or two.
    pub intro: &'static str,
    pub input: Input,
    pub options: &'static [FormOption],
}

const fn choice(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

const INTEGRATIONS: &[Choice] =
    &[choice("teams", "Microsoft Teams (3.3)"), choice("s4b", "Skype for Business or Lync (3.2.2)")];

/// The countries whose national formats are read, in `Country::ALL` order (a test holds them
/// to it); Sweden first, the default.
const COUNTRIES: &[Choice] = &[
    choice("SE", "Sweden (+46)"),
    choice("NO", "Norway (+47)"),
    choice("DK", "Denmark (+45)"),
    choice("FI", "Finland (+358)"),
    choice("IS", "Iceland (+354)"),
    choice("FO", "Faroe Islands (+298)"),
    choice("GL", "Greenland (+299)"),
    choice("EE", "Estonia (+372)"),
    choice("LV", "Latvia (+371)"),
    choice("PL", "Poland (+48)"),
    choice("DE", "Germany (+49)"),
    choice("NL", "Netherlands (+31)"),
    choice("FR", "France (+33)"),
    choice("GB", "United Kingdom (+44)"),
];

const COUNTRY: FormOption = FormOption {
    key: "country",
    label: "Numbers without a country code are in the format of",
    kind: OptionKind::Choice(COUNTRIES),
};

/// Every validator the page offers, in the page's order.
pub const ADDON_FORMS: &[AddonForm] = &[
    AddonForm {
        validator: Validator::Certificates,
        title: "Server certificates for Skype for Business or Lync",
        sections: &[crate::section_id!("3.2.1"), crate::section_id!("3.2.2")],
        intro: "Each certificate's names, issuer, validity, key and purposes; whether it is a wildcard, carries both \
                Server and Client Authentication, is issued by a public CA or a private root, its chain's order and \
                completeness, and its expiry against the one month's notice.",
        input: Input::Files {
            accept: ".pem,.crt,.cer,.der,.p7b,.b64,.txt",
            several: true,
            paste_label: "Or paste PEM or Base64: one certificate or a chain",
        },
        options: &[FormOption {
            key: "role",
            label: "The certificates are for the",
            kind: OptionKind::Choice(&[
                choice("front-end", "Front End servers"),
                choice("mediation", "Mediation servers"),
            ]),
        }],
    },
    AddonForm {
        validator: Validator::Numbers,
        title: "Phone numbers in E.164",
        sections: &[crate::section_id!("3.3"), crate::section_id!("3.2.2")],
        intro: "One number a line: a leading +, a country code, at most 15 digits, no separators. A national format \
                gets its E.164 form suggested.",
        input: Input::Files { accept: ".txt,.csv", several: false, paste_label: "Or paste the numbers, one a line" },
        options: &[
            COUNTRY,
            FormOption { key: "for", label: "The numbers are for", kind: OptionKind::Choice(INTEGRATIONS) },
        ],
    },
    AddonForm {
        validator: Validator::Users,
        title: "AD user import or export (CSV or LDIF)",
        sections: &[crate::section_id!("3.5")],
        intro: "CSV with , ; or tab, or LDIF, in UTF-8, UTF-16 or Windows-1252: every user's identifier (the mobile \
                number, else the fixed one) present, unique and in E.164, e-mail addresses for the export, each \
                problem with its line.",
        input: Input::Files { accept: ".csv,.txt,.ldif,.ldf", several: false, paste_label: "Or paste the file's text" },
        options: &[
            FormOption {
                key: "direction",
                label: "The file is",
                kind: OptionKind::Choice(&[
                    choice("import", "an import to Touchpoint Plus (users by number)"),
                    choice("export", "an export from Touchpoint Plus (users by e-mail)"),
                ]),
            },
            COUNTRY,
            FormOption {
                key: "for",
                label: "The numbers are held to E.164 for",
                kind: OptionKind::Choice(&[
                    choice("", "neither: a number not in E.164 is a warning"),
                    choice("teams", "Microsoft Teams (3.3)"),
                    choice("s4b", "Skype for Business or Lync (3.2.2)"),
                ]),
            },
            FormOption {
                key: "map",
                label: "Columns under other names (COLUMN=ROLE, one a line or separated by commas)",
                kind: OptionKind::Text {
                    hint: "e.g. Cell=mobile, Work phone=fixed; roles: mobile, fixed, ip-phone, mail, upn, ignore",
                },
            },
        ],
    },
    AddonForm {
        validator: Validator::Spf,
        title: "SPF record of the domain Touchpoint Plus sends mail as",
        sections: &[crate::section_id!("2.4"), crate::section_id!("3.6")],
        intro: "RFC 7208's syntax, with the column of each error; more than one SPF record; Telia's include; +all and \
                ?all; the DNS lookups that can be counted without DNS. `sitecheck spf DOMAIN` on a computer of the \
                site follows the includes in DNS.",
        input: Input::Paste { label: "The domain's TXT records (from dig TXT or nslookup -type=TXT), one a line" },
        options: &[],
    },
    AddonForm {
        validator: Validator::ClientSecret,
        title: "Office 365 client secret",
        sections: &[crate::section_id!("3.1.1")],
        intro: "The day it was created and its lifetime give its expiry and the days left; a reminder a month before \
                can be downloaded for a calendar.",
        input: Input::None,
        options: &[
            FormOption { key: "created", label: "Created on", kind: OptionKind::Date },
            FormOption {
                key: "lifetime",
                label: "Lifetime",
                kind: OptionKind::Choice(&[
                    choice("6m", "6 months (Microsoft's recommendation)"),
                    choice("3m", "3 months"),
                    choice("12m", "12 months"),
                    choice("18m", "18 months"),
                    choice("24m", "24 months (the longest Microsoft allows)"),
                ]),
            },
            FormOption {
                key: "days",
                label: "Or a custom lifetime, in days",
                kind: OptionKind::Text { hint: "e.g. 400; left empty, the lifetime above counts" },
            },
        ],
    },
];

/// A filled form as it travels to the worker; the files' bytes travel beside it, in `names`'
/// order (pasted text is a file named `PASTED`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileJob {
    /// `Validator::slug`.
    pub validator: String,
    /// The page's today, YYYY-MM-DD: core reads no clock.
    pub today: String,
    /// Each option's key and what was entered.
    pub options: Vec<(String, String)>,
    pub names: Vec<String>,
}

/// The name pasted text goes by.
pub const PASTED: &str = "Pasted text";

/// A group of facts about what was read: a certificate, a file, a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactGroup {
    pub title: String,
    /// Label and value.
    pub rows: Vec<(String, String)>,
}

/// A finding and where in the input it points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedFinding {
    pub finding: Finding,
    pub file: Option<String>,
    pub line: Option<usize>,
}

/// "a.pem, line 4", "Line 4", or nothing: where a finding points, as the page says it.
pub fn place(file: Option<&str>, line: Option<usize>) -> Option<String> {
    match (file, line) {
        (Some(file), Some(line)) => Some(format!("{file}, line {line}")),
        (Some(file), None) => Some(file.to_owned()),
        (None, Some(line)) => Some(format!("Line {line}")),
        (None, None) => None,
    }
}

/// A file the report offers: the CA bundle for Telia, the reminder for a calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    pub label: String,
    pub file_name: String,
    pub mime: String,
    pub text: String,
}

/// What the page shows for a filled form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    pub validator: &'static str,
    pub facts: Vec<FactGroup>,
    pub findings: Vec<PlacedFinding>,
    pub downloads: Vec<Download>,
}

/// How many findings the page draws: a file of 100 000 users may have a finding a line, and a
/// page of 100 000 cards freezes. The rest are counted and in the JSON download.
pub const SHOWN_FINDINGS: usize = 200;

/// How bad a verdict is, for putting the worst first.
fn severity(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Fail => 0,
        Verdict::Warning => 1,
        Verdict::NeedsConfirmation => 2,
        Verdict::Pass => 3,
        Verdict::NotApplicable => 4,
    }
}

impl FileReport {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings.iter().filter(|placed| placed.finding.verdict == verdict).count()
    }

    /// The report as the worker sends it to the page: every finding in a JSON download (the
    /// rows `sitecheck … --json` writes), the worst `SHOWN_FINDINGS` of them drawn, in their
    /// order within a verdict, and the count of each verdict over all of them.
    pub fn for_page(mut self) -> PageReport {
        let counts: Vec<(&'static str, usize)> =
            Verdict::ALL.iter().map(|verdict| (verdict.slug(), self.count(*verdict))).collect();
        let total = self.findings.len();
        if total > 0 {
            self.downloads.push(Download {
                label: format!("Download all {total} findings (JSON)"),
                file_name: format!("sitecheck-{}-findings.json", self.validator),
                mime: "application/json".into(),
                text: findings_json(&self.findings),
            });
        }
        self.findings.sort_by_key(|placed| severity(placed.finding.verdict));
        self.findings.truncate(SHOWN_FINDINGS);
        let summary = summary(&counts, total, self.findings.len());
        PageReport { report: self, counts, total, summary }
    }
}

/// A report cut to what the page draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageReport {
    #[serde(flatten)]
    pub report: FileReport,
    /// Each verdict's slug and how many findings have it, over all of them.
    pub counts: Vec<(&'static str, usize)>,
    /// All findings, drawn or not.
    pub total: usize,
    /// The counts in a sentence.
    pub summary: String,
}

/// "Fail 2 · Warning 1 · Pass 40 (43 findings)": the worst first, each verdict by its label
/// (no plural to get wrong), and how many are drawn when not all are.
fn summary(counts: &[(&'static str, usize)], total: usize, shown: usize) -> String {
    if total == 0 {
        return "Nothing to judge was found.".to_owned();
    }
    let mut verdicts: Vec<(Verdict, usize)> = Verdict::ALL
        .iter()
        .copied()
        .zip(counts.iter().map(|(_, count)| *count))
        .filter(|(_, count)| *count > 0)
        .collect();
    verdicts.sort_by_key(|(verdict, _)| severity(*verdict));
    let listed: Vec<String> = verdicts.iter().map(|(verdict, count)| format!("{} {count}", verdict.label())).collect();
    let findings = if total == 1 { "1 finding".to_owned() } else { format!("{total} findings") };
    if shown < total {
        format!("{} ({findings}; the {shown} worst are shown, all are in the download)", listed.join(" · "))
    } else {
        format!("{} ({findings})", listed.join(" · "))
    }
}

/// One finding as `--json` writes it: `id`, `verdict`, `section`, `evidence`, `advice`, and
/// `file` and `line` where it has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingRow<'a> {
    pub id: &'a str,
    pub verdict: Verdict,
    pub section: &'a str,
    pub evidence: &'a Bilingual,
    pub advice: Option<&'a Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl<'a> FindingRow<'a> {
    pub fn new(finding: &'a Finding, file: Option<&'a str>, line: Option<usize>) -> FindingRow<'a> {
        FindingRow {
            id: finding.requirement.as_str(),
            verdict: finding.verdict,
            section: finding.section.as_str(),
            evidence: &finding.evidence,
            advice: finding.advice.as_ref(),
            file,
            line,
        }
    }
}

/// The findings as the pretty JSON array the CLI prints.
pub fn findings_json(findings: &[PlacedFinding]) -> String {
    let rows: Vec<FindingRow<'_>> =
        findings.iter().map(|placed| FindingRow::new(&placed.finding, placed.file.as_deref(), placed.line)).collect();
    serde_json::to_string_pretty(&rows)
        .unwrap_or_else(|error| format!("\"the findings could not be written: {error}\""))
}

/// A finding rebuilt from the fields it is written with (`Finding`'s JSON): how the page reads
/// the worker's findings without a deserializer of its own. None when a field names nothing
/// the tables hold.
pub fn finding_from_parts(
    requirement: &str,
    section: &str,
    verdict: &str,
    evidence: Bilingual,
    advice: Option<Bilingual>,
    advisories: &[String],
) -> Option<Finding> {
    let requirement = RequirementId::parse(requirement).ok()?;
    let verdict = Verdict::ALL.iter().copied().find(|known| known.slug() == verdict)?;
    let mut finding = Finding::new(requirement, verdict, evidence, advice);
    finding.section = SectionId::parse(section).ok()?;
    for id in advisories {
        finding.advisories.push(AdvisoryId::parse(id)?);
    }
    Some(finding)
}

/// The value entered for `key`, trimmed; "" when none was.
fn entered<'a>(job: &'a FileJob, key: &str) -> &'a str {
    job.options.iter().find(|(known, _)| known == key).map_or("", |(_, value)| value.trim())
}

/// The value entered for `key`, or the default of a choice left empty.
fn chosen<'a>(job: &'a FileJob, validator: Validator, key: &str) -> &'a str {
    match entered(job, key) {
        "" => validator
            .form()
            .options
            .iter()
            .find(|option| option.key == key)
            .map_or("", |option| option.kind.first_choice()),
        value => value,
    }
}

/// Runs a filled form over the files' bytes (`contents[i]` is `job.names[i]`): the report, or
/// every problem with what was entered.
pub fn run_file(job: &FileJob, contents: &[Vec<u8>]) -> Result<FileReport, Vec<String>> {
    let mut problems = Vec::new();
    let validator = Validator::parse(&job.validator);
    if validator.is_none() {
        problems.push(format!("\"{}\" is not a check of this page", job.validator));
    }
    let today = job.today.parse::<Date>().map_err(|error| problems.push(format!("today's date: {error}"))).ok();
    if job.names.len() != contents.len() {
        problems.push(format!("{} file names came with {} files", job.names.len(), contents.len()));
    }
    for (name, bytes) in job.names.iter().zip(contents) {
        problems.extend(too_large(name, bytes.len() as u64));
    }
    let (Some(validator), Some(today), true) = (validator, today, problems.is_empty()) else {
        return Err(problems);
    };
    let report = match validator {
        Validator::Certificates => certificates(job, contents, today, &mut problems),
        Validator::Numbers => numbers(job, contents, today, &mut problems),
        Validator::Users => users(job, contents, today, &mut problems),
        Validator::Spf => spf(contents, &mut problems),
        Validator::ClientSecret => client_secret(job, today, &mut problems),
    };
    match report {
        Some(report) if problems.is_empty() => Ok(report),
        _ => Err(problems),
    }
}

/// Numbers, one a line: E.164 with the suggestion for a national format.
fn numbers(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<String>) -> Option<FileReport> {
    let country = chosen(job, Validator::Numbers, "country")
        .parse::<Country>()
        .map_err(|error| problems.push(error.to_string()))
        .ok();
    let integration = chosen(job, Validator::Numbers, "for")
        .parse::<Integration>()
        .map_err(|error| problems.push(error.to_string()))
        .ok();
    let (Some(country), Some(integration), [bytes]) = (country, integration, contents) else {
        problems.extend(one_file(contents));
        return None;
    };
    let report = validate_numbers(bytes, &NumbersOptions { country, integration }, today);
    let mut facts = Vec::new();
    if let Some(encoding) = report.encoding {
        facts.push(FactGroup {
            title: job.names[0].clone(),
            rows: vec![
                ("Read as".into(), encoding.label().into()),
                ("Numbers".into(), report.lines.len().to_string()),
                ("In the format of".into(), country.plan().name.into()),
            ],
        });
    }
    Some(FileReport {
        validator: Validator::Numbers.slug(),
        facts,
        findings: lines(report.findings),
        downloads: Vec::new(),
    })
}

/// An AD user import or export, CSV or LDIF.
fn users(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<String>) -> Option<FileReport> {
    let direction = chosen(job, Validator::Users, "direction")
        .parse::<Direction>()
        .map_err(|error| problems.push(error.to_string()))
        .ok();
    let country = chosen(job, Validator::Users, "country")
        .parse::<Country>()
        .map_err(|error| problems.push(error.to_string()))
        .ok();
    let integration = match chosen(job, Validator::Users, "for") {
        "" => Some(None),
        text => text.parse::<Integration>().map(Some).map_err(|error| problems.push(error.to_string())).ok(),
    };
    let mut mapping = Vec::new();
    for text in entered(job, "map").split([',', '\n']).map(str::trim).filter(|text| !text.is_empty()) {
        match text.parse::<ColumnMapping>() {
            Ok(column) => mapping.push(column),
            Err(error) => problems.push(format!("Columns under other names: {error}")),
        }
    }
    let (Some(direction), Some(country), Some(integration), [bytes], true) =
        (direction, country, integration, contents, problems.is_empty())
    else {
        problems.extend(one_file(contents));
        return None;
    };
    let options = UsersOptions { direction, country, integration, mapping, format: None::<FileFormat> };
    let report = validate_users(bytes, &options, today);
    let mut facts = Vec::new();
    if let Some(file) = &report.file {
        let columns: Vec<String> = file
            .columns
            .iter()
            .map(|column| match column.role {
                Some(role) => format!("{} ({})", column.name, role.label()),
                None => column.name.clone(),
            })
            .collect();
        facts.push(FactGroup {
            title: job.names[0].clone(),
            rows: vec![
                ("Read as".into(), format!("{} in {}", file.read_as, file.encoding.label())),
                ("Records".into(), file.records.to_string()),
                ("Users".into(), file.users.to_string()),
                ("Other entries".into(), file.not_users.to_string()),
                ("Columns".into(), columns.join(", ")),
            ],
        });
    }
    Some(FileReport {
        validator: Validator::Users.slug(),
        facts,
        findings: lines(report.findings),
        downloads: Vec::new(),
    })
}

/// Pasted TXT records: the SPF record and its lookups.
fn spf(contents: &[Vec<u8>], problems: &mut Vec<String>) -> Option<FileReport> {
    let [bytes] = contents else {
        problems.push("Paste the domain's TXT records".into());
        return None;
    };
    let text = String::from_utf8_lossy(bytes);
    match validate_txt_records(&text) {
        Err(error) => {
            problems.push(error.to_string());
            None
        }
        Ok(report) => {
            let mut facts: Vec<FactGroup> = report
                .records
                .iter()
                .filter(|record| record.spf)
                .map(|record| FactGroup {
                    title: match record.line {
                        Some(line) => format!("The SPF record on line {line}"),
                        None => "The SPF record".to_owned(),
                    },
                    rows: vec![
                        ("Record".into(), record.text.clone()),
                        ("Syntax errors".into(), record.errors.len().to_string()),
                    ],
                })
                .collect();
            let lookups = &report.lookups;
            facts.push(FactGroup {
                title: "DNS lookups".into(),
                rows: vec![(
                    "Counted without DNS".into(),
                    format!(
                        "{} of at most {}{}",
                        lookups.counted,
                        lookups.limit,
                        if lookups.complete { "" } else { ", and the includes' own, which need DNS" }
                    ),
                )],
            });
            let findings = report
                .findings
                .into_iter()
                .map(|found| PlacedFinding { finding: found.finding, file: None, line: found.line })
                .collect();
            Some(FileReport { validator: Validator::Spf.slug(), facts, findings, downloads: Vec::new() })
        }
    }
}

/// The client secret: its expiry, and the reminder to download.
fn client_secret(job: &FileJob, today: Date, problems: &mut Vec<String>) -> Option<FileReport> {
    let created = match entered(job, "created") {
        "" => {
            problems.push("Created on: enter the day the secret was created, YYYY-MM-DD".into());
            None
        }
        text => text.parse::<Date>().map_err(|error| problems.push(format!("Created on: {error}"))).ok(),
    };
    let lifetime = match entered(job, "days") {
        "" => chosen(job, Validator::ClientSecret, "lifetime").to_owned(),
        days => format!("{days} days"),
    };
    let lifetime = lifetime.parse::<SecretLifetime>().map_err(|error| problems.push(format!("Lifetime: {error}"))).ok();
    let (Some(created), Some(lifetime)) = (created, lifetime) else {
        return None;
    };
    match validate_client_secret(&SecretInput { created, lifetime }, today) {
        Err(error) => {
            problems.push(error.to_string());
            None
        }
        Ok(report) => Some(FileReport {
            validator: Validator::ClientSecret.slug(),
            facts: vec![FactGroup {
                title: "The client secret".into(),
                rows: vec![
                    ("Created".into(), report.created.to_string()),
                    ("Lifetime".into(), report.lifetime.to_string()),
                    ("Expires".into(), report.expires.to_string()),
                    ("Days left".into(), report.days_left.to_string()),
                    ("Latest expiry allowed".into(), report.latest_allowed_expiry.to_string()),
                    ("Reminder on".into(), report.remind_on.to_string()),
                ],
            }],
            findings: report
                .findings
                .into_iter()
                .map(|finding| PlacedFinding { finding, file: None, line: None })
                .collect(),
            downloads: vec![Download {
                label: format!("Download a reminder for {} (.ics)", report.remind_on),
                file_name: format!("client-secret-reminder-{}.ics", report.remind_on),
                mime: "text/calendar".into(),
                text: report.ics,
            }],
        }),
    }
}

/// Why the files given do not suit a check that reads one.
fn one_file(contents: &[Vec<u8>]) -> Option<String> {
    match contents.len() {
        1 => None,
        0 => Some("Choose a file, or paste its text".into()),
        _ => Some("This check reads one file at a time".into()),
    }
}

/// A one-file check's findings: by line, the file named in the facts (as the CLI writes them).
fn lines(findings: Vec<LineFinding>) -> Vec<PlacedFinding> {
    findings.into_iter().map(|found| PlacedFinding { finding: found.finding, file: None, line: found.line }).collect()
}

#[cfg(feature = "certificates")]
fn certificates(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<String>) -> Option<FileReport> {
    use super::certificate::{CertificateOptions, CertificateSource, ServerRole, validate_certificates};
    let role = chosen(job, Validator::Certificates, "role")
        .parse::<ServerRole>()
        .map_err(|error| problems.push(error.to_string()))
        .ok()?;
    if contents.is_empty() {
        problems.push("Choose certificate files, or paste a certificate".into());
        return None;
    }
    let sources: Vec<CertificateSource> = job
        .names
        .iter()
        .zip(contents)
        .map(|(name, bytes)| CertificateSource { name: name.clone(), bytes: bytes.clone() })
        .collect();
    let report = validate_certificates(&sources, &CertificateOptions { role }, today);
    let mut facts: Vec<FactGroup> = report
        .certificates
        .iter()
        .map(|certificate| {
            let at = certificate.line.map(|line| format!(", line {line}")).unwrap_or_default();
            let mut rows = vec![("Subject".to_owned(), certificate.subject.clone())];
            if !certificate.alternative_names.is_empty() {
                rows.push(("Names".into(), certificate.alternative_names.join(", ")));
            }
            rows.extend([
                ("Issuer".to_owned(), certificate.issuer.clone()),
                ("Valid".into(), format!("{} to {}", certificate.not_before, certificate.not_after)),
                ("Key".into(), certificate.key.clone()),
                ("Purposes".into(), certificate.purposes.describe()),
                ("CA".into(), if certificate.is_ca { "yes" } else { "no" }.into()),
                ("Serial".into(), certificate.serial.clone()),
            ]);
            FactGroup { title: format!("{} ({}{at})", certificate.name(), certificate.source), rows }
        })
        .collect();
    if !report.chains.is_empty() {
        facts.push(FactGroup {
            title: "Chains".into(),
            rows: report
                .chains
                .iter()
                .map(|chain| {
                    let path: Vec<&str> =
                        chain.certificates.iter().map(|index| report.certificates[*index].name()).collect();
                    let from = chain.certificates.first().map(|index| &report.certificates[*index].source);
                    let from = from.map(|source| format!(" ({source})")).unwrap_or_default();
                    (format!("{}{from}", path.join(" → ")), chain.describe_end())
                })
                .collect(),
        });
    }
    if !report.unreadable.is_empty() {
        facts.push(FactGroup {
            title: "Not read".into(),
            rows: report
                .unreadable
                .iter()
                .map(|problem| {
                    let at = problem.line.map(|line| format!(", line {line}")).unwrap_or_default();
                    (format!("{}{at}", problem.source), problem.problem.clone())
                })
                .collect(),
        });
    }
    let downloads = report
        .bundle
        .as_ref()
        .map(|bundle| Download {
            label: "Download the root and intermediate certificates for Telia (Base64, PEM)".into(),
            file_name: "touchpoint-plus-private-ca-bundle.pem".into(),
            mime: "application/x-pem-file".into(),
            text: bundle.pem.clone(),
        })
        .into_iter()
        .collect();
    let findings = report
        .findings
        .into_iter()
        .map(|found| PlacedFinding { finding: found.finding, file: found.source, line: found.line })
        .collect();
    Some(FileReport { validator: Validator::Certificates.slug(), facts, findings, downloads })
}

#[cfg(not(feature = "certificates"))]
fn certificates(_: &FileJob, _: &[Vec<u8>], _: Date, problems: &mut Vec<String>) -> Option<FileReport> {
    problems.push("this build of sitecheck reads no certificates (core's `certificates` feature is off)".into());
    None
}

impl OptionKind {
    /// A choice's default; "" for other kinds.
    pub fn first_choice(self) -> &'static str {
        match self {
            OptionKind::Choice(choices) => choices.first().map_or("", |choice| choice.value),
            _ => "",
        }
    }
}
