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
use crate::bilingual;
use crate::locale::{Bilingual, Locale, Text};
use crate::requirement::RequirementId;
use crate::section::SectionId;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};

/// The largest file a validator reads, in bytes: an AD export of 100 000 users is about 20 MB.
/// A bigger file is refused with this said, before it is read, on the page and in the CLI.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file is not read, when it is too large.
pub fn too_large(name: &str, bytes: u64) -> Option<Bilingual> {
    (bytes > MAX_FILE_BYTES).then(|| {
        let (size, limit) = (bytes.div_ceil(1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
        let name = file_title(name);
        let (name_en, name_sv) = (&name.en, &name.sv);
        bilingual!(
            "{name_en} is {size} MB; the check reads files of up to {limit} MB (an export of 100 000 users is about \
             20 MB). Split the file, or check a part of it.",
            "{name_sv} är {size} MB; kontrollen läser filer på upp till {limit} MB (en export av 100 000 användare är \
             ungefär 20 MB). Dela upp filen, eller kontrollera en del av den."
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
    Files { accept: &'static str, several: bool, paste_label: Text },
    /// Pasted text only.
    Paste { label: Text },
    /// The options are everything.
    None,
}

/// One option of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormOption {
    /// The key in a job (the CLI's option without its dashes).
    pub key: &'static str,
    pub label: Text,
    pub kind: OptionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// One of these; the first is the default.
    Choice(&'static [Choice]),
    /// A day, YYYY-MM-DD; required.
    Date,
    /// Free text, possibly empty; the hint says what goes in.
    Text { hint: Text },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What the validators' parsers read (the CLI's value).
    pub value: &'static str,
    pub label: Text,
}

/// One validator's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddonForm {
    pub validator: Validator,
    pub title: Text,
    /// The sections it checks against, first the main one.
    pub sections: &'static [SectionId],
    /// What it checks, in a sentence or two.
    pub intro: Text,
    pub input: Input,
    pub options: &'static [FormOption],
}

const fn text(en: &'static str, sv: &'static str) -> Text {
    Text { en, sv }
}

const fn choice(value: &'static str, en: &'static str, sv: &'static str) -> Choice {
    Choice { value, label: text(en, sv) }
}

const TEAMS: Choice = choice("teams", "Microsoft Teams (3.3)", "Microsoft Teams (3.3)");
const S4B: Choice = choice("s4b", "Skype for Business or Lync (3.2.2)", "Skype for Business eller Lync (3.2.2)");

const INTEGRATIONS: &[Choice] = &[TEAMS, S4B];

/// The countries whose national formats are read, in `Country::ALL` order (a test holds them
/// to it); Sweden first, the default.
const COUNTRIES: &[Choice] = &[
    choice("SE", "Sweden (+46)", "Sverige (+46)"),
    choice("NO", "Norway (+47)", "Norge (+47)"),
    choice("DK", "Denmark (+45)", "Danmark (+45)"),
    choice("FI", "Finland (+358)", "Finland (+358)"),
    choice("IS", "Iceland (+354)", "Island (+354)"),
    choice("FO", "Faroe Islands (+298)", "Färöarna (+298)"),
    choice("GL", "Greenland (+299)", "Grönland (+299)"),
    choice("EE", "Estonia (+372)", "Estland (+372)"),
    choice("LV", "Latvia (+371)", "Lettland (+371)"),
    choice("PL", "Poland (+48)", "Polen (+48)"),
    choice("DE", "Germany (+49)", "Tyskland (+49)"),
    choice("NL", "Netherlands (+31)", "Nederländerna (+31)"),
    choice("FR", "France (+33)", "Frankrike (+33)"),
    choice("GB", "United Kingdom (+44)", "Storbritannien (+44)"),
];

const COUNTRY: FormOption = FormOption {
    key: "country",
    label: text("Numbers without a country code are in the format of", "Nummer utan landskod är i formatet för"),
    kind: OptionKind::Choice(COUNTRIES),
};

/// Every validator the page offers, in the page's order.
pub const ADDON_FORMS: &[AddonForm] = &[
    AddonForm {
        validator: Validator::Certificates,
        title: text(
            "Server certificates for Skype for Business or Lync",
            "Servercertifikat för Skype for Business eller Lync",
        ),
        sections: &[crate::section_id!("3.2.1"), crate::section_id!("3.2.2")],
        intro: text(
            "Each certificate's names, issuer, validity, key and purposes; whether it is a wildcard, carries both \
             Server and Client Authentication, is issued by a public CA or a private root, its chain's order and \
             completeness, and its expiry against the one month's notice.",
            "Varje certifikats namn, utfärdare, giltighet, nyckel och användningsområden; om det är ett \
             jokerteckencertifikat, har både Server Authentication och Client Authentication, är utfärdat av en \
             publik CA eller en privat rot, kedjans ordning och fullständighet, och när det går ut jämfört med en \
             månads varsel.",
        ),
        input: Input::Files {
            accept: ".pem,.crt,.cer,.der,.p7b,.b64,.txt",
            several: true,
            paste_label: text(
                "Or paste PEM or Base64: one certificate or a chain",
                "Eller klistra in PEM eller Base64: ett certifikat eller en kedja",
            ),
        },
        options: &[FormOption {
            key: "role",
            label: text("The certificates are for the", "Certifikaten är för"),
            kind: OptionKind::Choice(&[
                choice("front-end", "Front End servers", "Front End-servrarna"),
                choice("mediation", "Mediation servers", "Mediation-servrarna"),
            ]),
        }],
    },
    AddonForm {
        validator: Validator::Numbers,
        title: text("Phone numbers in E.164", "Telefonnummer i E.164"),
        sections: &[crate::section_id!("3.3"), crate::section_id!("3.2.2")],
        intro: text(
            "One number a line: a leading +, a country code, at most 15 digits, no separators. A national format \
             gets its E.164 form suggested.",
            "Ett nummer per rad: ett inledande +, en landskod, högst 15 siffror, inga avgränsare. För ett nummer i \
             nationellt format föreslås dess E.164-form.",
        ),
        input: Input::Files {
            accept: ".txt,.csv",
            several: false,
            paste_label: text("Or paste the numbers, one a line", "Eller klistra in numren, ett per rad"),
        },
        options: &[
            COUNTRY,
            FormOption {
                key: "for",
                label: text("The numbers are for", "Numren är för"),
                kind: OptionKind::Choice(INTEGRATIONS),
            },
        ],
    },
    AddonForm {
        validator: Validator::Users,
        title: text("AD user import or export (CSV or LDIF)", "Import eller export av AD-användare (CSV eller LDIF)"),
        sections: &[crate::section_id!("3.5")],
        intro: text(
            "CSV with , ; or tab, or LDIF, in UTF-8, UTF-16 or Windows-1252: every user's identifier (the mobile \
             number, else the fixed one) present, unique and in E.164, e-mail addresses for the export, each \
             problem with its line.",
            "CSV med , ; eller tabb, eller LDIF, i UTF-8, UTF-16 eller Windows-1252: att varje användares \
             identifierare (mobilnumret, annars det fasta numret) finns, är unik och i E.164, e-postadresser för \
             exporten, varje problem med sin rad.",
        ),
        input: Input::Files {
            accept: ".csv,.txt,.ldif,.ldf",
            several: false,
            paste_label: text("Or paste the file's text", "Eller klistra in filens text"),
        },
        options: &[
            FormOption {
                key: "direction",
                label: text("The file is", "Filen är"),
                kind: OptionKind::Choice(&[
                    choice(
                        "import",
                        "an import to Touchpoint Plus (users by number)",
                        "en import till Touchpoint Plus (användare efter nummer)",
                    ),
                    choice(
                        "export",
                        "an export from Touchpoint Plus (users by e-mail)",
                        "en export från Touchpoint Plus (användare efter e-post)",
                    ),
                ]),
            },
            COUNTRY,
            FormOption {
                key: "for",
                label: text("The numbers are held to E.164 for", "Numren ska vara i E.164 för"),
                kind: OptionKind::Choice(&[
                    choice(
                        "",
                        "neither: a number not in E.164 is a warning",
                        "ingen av dem: ett nummer som inte är i E.164 ger en varning",
                    ),
                    TEAMS,
                    S4B,
                ]),
            },
            FormOption {
                key: "map",
                label: text(
                    "Columns under other names (COLUMN=ROLE, one a line or separated by commas)",
                    "Kolumner med andra namn (KOLUMN=ROLL, en per rad eller åtskilda med kommatecken)",
                ),
                kind: OptionKind::Text {
                    hint: text(
                        "e.g. Cell=mobile, Work phone=fixed; roles: mobile, fixed, ip-phone, mail, upn, ignore",
                        "t.ex. Mobil=mobile, Arbetstelefon=fixed; roller: mobile, fixed, ip-phone, mail, upn, ignore",
                    ),
                },
            },
        ],
    },
    AddonForm {
        validator: Validator::Spf,
        title: text(
            "SPF record of the domain Touchpoint Plus sends mail as",
            "SPF-posten för domänen som Touchpoint Plus skickar e-post från",
        ),
        sections: &[crate::section_id!("2.4"), crate::section_id!("3.6")],
        intro: text(
            "RFC 7208's syntax, with the column of each error; more than one SPF record; Telia's include; +all and \
             ?all; the DNS lookups that can be counted without DNS. `sitecheck spf DOMAIN` on a computer of the \
             site follows the includes in DNS.",
            "Syntaxen enligt RFC 7208, med kolumnen för varje fel; fler än en SPF-post; Telias include; +all och \
             ?all; de DNS-uppslag som kan räknas utan DNS. `sitecheck spf DOMAIN` på en dator på platsen följer \
             inkluderingarna i DNS.",
        ),
        input: Input::Paste {
            label: text(
                "The domain's TXT records (from dig TXT or nslookup -type=TXT), one a line",
                "Domänens TXT-poster (från dig TXT eller nslookup -type=TXT), en per rad",
            ),
        },
        options: &[],
    },
    AddonForm {
        validator: Validator::ClientSecret,
        title: text("Office 365 client secret", "Klienthemlighet för Office 365"),
        sections: &[crate::section_id!("3.1.1")],
        intro: text(
            "The day it was created and its lifetime give its expiry and the days left; a reminder a month before \
             can be downloaded for a calendar.",
            "Dagen den skapades och dess livslängd ger när den går ut och hur många dagar som återstår; en \
             påminnelse en månad innan kan laddas ned till en kalender.",
        ),
        input: Input::None,
        options: &[
            FormOption { key: "created", label: text("Created on", "Skapad den"), kind: OptionKind::Date },
            FormOption {
                key: "lifetime",
                label: text("Lifetime", "Livslängd"),
                kind: OptionKind::Choice(&[
                    choice("6m", "6 months (Microsoft's recommendation)", "6 månader (Microsofts rekommendation)"),
                    choice("3m", "3 months", "3 månader"),
                    choice("12m", "12 months", "12 månader"),
                    choice("18m", "18 months", "18 månader"),
                    choice(
                        "24m",
                        "24 months (the longest Microsoft allows)",
                        "24 månader (det längsta Microsoft tillåter)",
                    ),
                ]),
            },
            FormOption {
                key: "days",
                label: text("Or a custom lifetime, in days", "Eller en egen livslängd, i dagar"),
                kind: OptionKind::Text {
                    hint: text(
                        "e.g. 400; left empty, the lifetime above counts",
                        "t.ex. 400; lämnas fältet tomt gäller livslängden ovan",
                    ),
                },
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

/// A file's name as the page shows it: pasted text is called so in each language.
pub fn file_title(name: &str) -> Bilingual {
    if name == PASTED { Bilingual::new(PASTED, "Inklistrad text") } else { Bilingual::same(name) }
}

/// A group of facts about what was read: a certificate, a file, a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactGroup {
    pub title: Bilingual,
    /// Label and value.
    pub rows: Vec<(Bilingual, Bilingual)>,
}

/// A fact's label and a value that reads the same in both languages (a count, a name).
fn fact(label: Text, value: impl Into<String>) -> (Bilingual, Bilingual) {
    (label.into(), Bilingual::same(value))
}

/// A finding and where in the input it points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedFinding {
    pub finding: Finding,
    pub file: Option<String>,
    pub line: Option<usize>,
}

/// "a.pem, line 4", "Line 4", or nothing: where a finding points, as the page says it.
pub fn place(file: Option<&str>, line: Option<usize>) -> Option<Bilingual> {
    match (file, line) {
        (Some(file), Some(line)) => {
            let title = file_title(file);
            let (en, sv) = (&title.en, &title.sv);
            Some(bilingual!("{en}, line {line}", "{sv}, rad {line}"))
        }
        (Some(file), None) => Some(file_title(file)),
        (None, Some(line)) => Some(bilingual!("Line {line}", "Rad {line}")),
        (None, None) => None,
    }
}

/// A file the report offers: the CA bundle for Telia, the reminder for a calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    pub label: Bilingual,
    pub file_name: String,
    pub mime: String,
    /// The file in the page's language, where it has words (the client secret's reminder).
    pub text: Bilingual,
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
                label: bilingual!("Download all {total} findings (JSON)", "Ladda ned alla {total} resultat (JSON)"),
                file_name: format!("sitecheck-{}-findings.json", self.validator),
                mime: "application/json".into(),
                text: Bilingual::each(|locale| findings_json_in(&self.findings, locale)),
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
    pub summary: Bilingual,
}

/// "Fail 2 · Warning 1 · Pass 40 (43 findings)": the worst first, each verdict by its label
/// (no plural to get wrong), and how many are drawn when not all are.
fn summary(counts: &[(&'static str, usize)], total: usize, shown: usize) -> Bilingual {
    if total == 0 {
        return Bilingual::new("Nothing to judge was found.", "Inget att bedöma hittades.");
    }
    let mut verdicts: Vec<(Verdict, usize)> = Verdict::ALL
        .iter()
        .copied()
        .zip(counts.iter().map(|(_, count)| *count))
        .filter(|(_, count)| *count > 0)
        .collect();
    verdicts.sort_by_key(|(verdict, _)| severity(*verdict));
    let listed = |locale: Locale| {
        verdicts
            .iter()
            .map(|(verdict, count)| format!("{} {count}", verdict.label_in(locale)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let (en, sv) = (listed(Locale::En), listed(Locale::Sv));
    let findings = if total == 1 { "1 finding".to_owned() } else { format!("{total} findings") };
    if shown < total {
        bilingual!(
            "{en} ({findings}; the {shown} worst are shown, all are in the download)",
            "{sv} ({total} resultat; de {shown} allvarligaste visas, alla finns i nedladdningen)"
        )
    } else {
        bilingual!("{en} ({findings})", "{sv} ({total} resultat)")
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

/// The findings as the pretty JSON array the CLI prints, English.
pub fn findings_json(findings: &[PlacedFinding]) -> String {
    findings_json_in(findings, crate::locale::Locale::En)
}

/// The same with its texts in that language (the page's download follows the page).
pub fn findings_json_in(findings: &[PlacedFinding], locale: crate::locale::Locale) -> String {
    let rows: Vec<FindingRow<'_>> =
        findings.iter().map(|placed| FindingRow::new(&placed.finding, placed.file.as_deref(), placed.line)).collect();
    crate::locale::written(crate::locale::Written::In(locale), || serde_json::to_string_pretty(&rows))
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

/// A problem with what was entered whose reason is another module's: the prefix and the
/// reason in each language.
fn prefixed(en: &str, sv: &str, reason: Bilingual) -> Bilingual {
    let (reason_en, reason_sv) = (&reason.en, &reason.sv);
    bilingual!("{en}{reason_en}", "{sv}{reason_sv}")
}

/// Runs a filled form over the files' bytes (`contents[i]` is `job.names[i]`): the report, or
/// every problem with what was entered.
pub fn run_file(job: &FileJob, contents: &[Vec<u8>]) -> Result<FileReport, Vec<Bilingual>> {
    let mut problems = Vec::new();
    let validator = Validator::parse(&job.validator);
    if validator.is_none() {
        let named = &job.validator;
        problems.push(bilingual!(
            "\"{named}\" is not a check of this page",
            "\"{named}\" är ingen kontroll på den här sidan"
        ));
    }
    let today = job
        .today
        .parse::<Date>()
        .map_err(|error| {
            problems.push(prefixed("today's date: ", "dagens datum: ", Bilingual::same(error.to_string())))
        })
        .ok();
    if job.names.len() != contents.len() {
        let (names, files) = (job.names.len(), contents.len());
        problems
            .push(bilingual!("{names} file names came with {files} files", "{names} filnamn kom med {files} filer"));
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
fn numbers(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    let country = chosen(job, Validator::Numbers, "country")
        .parse::<Country>()
        .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
        .ok();
    let integration = chosen(job, Validator::Numbers, "for")
        .parse::<Integration>()
        .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
        .ok();
    let (Some(country), Some(integration), [bytes]) = (country, integration, contents) else {
        problems.extend(one_file(contents));
        return None;
    };
    let report = validate_numbers(bytes, &NumbersOptions { country, integration }, today);
    let mut facts = Vec::new();
    if let Some(encoding) = report.encoding {
        facts.push(FactGroup {
            title: file_title(&job.names[0]),
            rows: vec![
                (text("Read as", "Läst som").into(), encoding.text().into()),
                fact(text("Numbers", "Nummer"), report.lines.len().to_string()),
                (text("In the format of", "I formatet för").into(), country.plan().name_text().into()),
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
fn users(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    let direction = chosen(job, Validator::Users, "direction")
        .parse::<Direction>()
        .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
        .ok();
    let country = chosen(job, Validator::Users, "country")
        .parse::<Country>()
        .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
        .ok();
    let integration = match chosen(job, Validator::Users, "for") {
        "" => Some(None),
        text => text
            .parse::<Integration>()
            .map(Some)
            .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
            .ok(),
    };
    let mut mapping = Vec::new();
    for text in entered(job, "map").split([',', '\n']).map(str::trim).filter(|text| !text.is_empty()) {
        match text.parse::<ColumnMapping>() {
            Ok(column) => mapping.push(column),
            Err(error) => {
                let (en, sv) = (error.message_in(Locale::En), error.message_in(Locale::Sv));
                problems.push(bilingual!("Columns under other names: {en}", "Kolumner med andra namn: {sv}"));
            }
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
        let columns: Vec<Bilingual> = file
            .columns
            .iter()
            .map(|column| match column.role {
                Some(role) => {
                    let (name, Text { en, sv }) = (&column.name, role.text());
                    bilingual!("{name} ({en})", "{name} ({sv})")
                }
                None => Bilingual::same(column.name.clone()),
            })
            .collect();
        let (read_as, encoding) = (file.read_as.text(), file.encoding.text());
        let (read_en, read_sv, encoding_en, encoding_sv) = (&read_as.en, &read_as.sv, encoding.en, encoding.sv);
        facts.push(FactGroup {
            title: file_title(&job.names[0]),
            rows: vec![
                (
                    text("Read as", "Läst som").into(),
                    bilingual!("{read_en} in {encoding_en}", "{read_sv} i {encoding_sv}"),
                ),
                fact(text("Records", "Poster"), file.records.to_string()),
                fact(text("Users", "Användare"), file.users.to_string()),
                fact(text("Other entries", "Andra poster"), file.not_users.to_string()),
                (text("Columns", "Kolumner").into(), Bilingual::join(&columns, ", ", ", ")),
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
fn spf(contents: &[Vec<u8>], problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    let [bytes] = contents else {
        problems.push(Bilingual::new("Paste the domain's TXT records", "Klistra in domänens TXT-poster"));
        return None;
    };
    let text_of_records = String::from_utf8_lossy(bytes);
    match validate_txt_records(&text_of_records) {
        Err(error) => {
            problems.push(Bilingual::each(|locale| error.message_in(locale)));
            None
        }
        Ok(report) => {
            let mut facts: Vec<FactGroup> = report
                .records
                .iter()
                .filter(|record| record.spf)
                .map(|record| FactGroup {
                    title: match record.line {
                        Some(line) => bilingual!("The SPF record on line {line}", "SPF-posten på rad {line}"),
                        None => Bilingual::new("The SPF record", "SPF-posten"),
                    },
                    rows: vec![
                        fact(text("Record", "Post"), record.text.clone()),
                        fact(text("Syntax errors", "Syntaxfel"), record.errors.len().to_string()),
                    ],
                })
                .collect();
            let lookups = &report.lookups;
            let (counted, limit) = (lookups.counted, lookups.limit);
            let mut value = bilingual!("{counted} of at most {limit}", "{counted} av högst {limit}");
            if !lookups.complete {
                value.push(&Bilingual::new(
                    ", and the includes' own, which need DNS",
                    ", och inkluderingarnas egna, som kräver DNS",
                ));
            }
            facts.push(FactGroup {
                title: Bilingual::new("DNS lookups", "DNS-uppslag"),
                rows: vec![(text("Counted without DNS", "Räknade utan DNS").into(), value)],
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
fn client_secret(job: &FileJob, today: Date, problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    let created = match entered(job, "created") {
        "" => {
            problems.push(Bilingual::new(
                "Created on: enter the day the secret was created, YYYY-MM-DD",
                "Skapad den: ange dagen då hemligheten skapades, ÅÅÅÅ-MM-DD",
            ));
            None
        }
        text => {
            // A date's own reason names the form it wants (YYYY-MM-DD), the same in both.
            text.parse::<Date>()
                .map_err(|error| {
                    problems.push(prefixed("Created on: ", "Skapad den: ", Bilingual::same(error.to_string())))
                })
                .ok()
        }
    };
    let lifetime = match entered(job, "days") {
        "" => chosen(job, Validator::ClientSecret, "lifetime").to_owned(),
        days => format!("{days} days"),
    };
    let lifetime = lifetime
        .parse::<SecretLifetime>()
        .map_err(|error| {
            problems.push(prefixed("Lifetime: ", "Livslängd: ", Bilingual::each(|locale| error.message_in(locale))))
        })
        .ok();
    let (Some(created), Some(lifetime)) = (created, lifetime) else {
        return None;
    };
    match validate_client_secret(&SecretInput { created, lifetime }, today) {
        Err(error) => {
            problems.push(Bilingual::each(|locale| error.message_in(locale)));
            None
        }
        Ok(report) => {
            let remind_on = report.remind_on;
            let reminder = Bilingual::each(|locale| report.ics_in(locale).to_owned());
            Some(FileReport {
                validator: Validator::ClientSecret.slug(),
                facts: vec![FactGroup {
                    title: Bilingual::new("The client secret", "Klienthemligheten"),
                    rows: vec![
                        fact(text("Created", "Skapad"), report.created.to_string()),
                        (
                            text("Lifetime", "Livslängd").into(),
                            Bilingual::each(|locale| report.lifetime.in_locale(locale)),
                        ),
                        fact(text("Expires", "Går ut"), report.expires.to_string()),
                        fact(text("Days left", "Dagar kvar"), report.days_left.to_string()),
                        fact(
                            text("Latest expiry allowed", "Senaste tillåtna utgångsdag"),
                            report.latest_allowed_expiry.to_string(),
                        ),
                        fact(text("Reminder on", "Påminnelse den"), remind_on.to_string()),
                    ],
                }],
                findings: report
                    .findings
                    .into_iter()
                    .map(|finding| PlacedFinding { finding, file: None, line: None })
                    .collect(),
                downloads: vec![Download {
                    label: bilingual!(
                        "Download a reminder for {remind_on} (.ics)",
                        "Ladda ned en påminnelse för {remind_on} (.ics)"
                    ),
                    file_name: format!("client-secret-reminder-{remind_on}.ics"),
                    mime: "text/calendar".into(),
                    text: reminder,
                }],
            })
        }
    }
}

/// Why the files given do not suit a check that reads one.
fn one_file(contents: &[Vec<u8>]) -> Option<Bilingual> {
    match contents.len() {
        1 => None,
        0 => Some(Bilingual::new("Choose a file, or paste its text", "Välj en fil, eller klistra in dess text")),
        _ => Some(Bilingual::new("This check reads one file at a time", "Den här kontrollen läser en fil i taget")),
    }
}

/// A one-file check's findings: by line, the file named in the facts (as the CLI writes them).
fn lines(findings: Vec<LineFinding>) -> Vec<PlacedFinding> {
    findings.into_iter().map(|found| PlacedFinding { finding: found.finding, file: None, line: found.line }).collect()
}

/// ", line 4" after a name, in both languages; nothing without a line.
#[cfg(feature = "certificates")]
fn at_line(line: Option<usize>) -> Bilingual {
    line.map(|line| bilingual!(", line {line}", ", rad {line}")).unwrap_or_default()
}

#[cfg(feature = "certificates")]
fn certificates(job: &FileJob, contents: &[Vec<u8>], today: Date, problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    use super::certificate::{CertificateOptions, CertificateSource, ServerRole, validate_certificates};
    let role = chosen(job, Validator::Certificates, "role")
        .parse::<ServerRole>()
        .map_err(|error| problems.push(Bilingual::each(|locale| error.message_in(locale))))
        .ok()?;
    if contents.is_empty() {
        problems.push(Bilingual::new(
            "Choose certificate files, or paste a certificate",
            "Välj certifikatfiler, eller klistra in ett certifikat",
        ));
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
            let mut rows = vec![fact(text("Subject", "Ämne"), certificate.subject.clone())];
            if !certificate.alternative_names.is_empty() {
                rows.push(fact(text("Names", "Namn"), certificate.alternative_names.join(", ")));
            }
            let (from, to) = (certificate.not_before, certificate.not_after);
            rows.extend([
                fact(text("Issuer", "Utfärdare"), certificate.issuer.clone()),
                (text("Valid", "Giltigt").into(), bilingual!("{from} to {to}", "{from} till {to}")),
                (text("Key", "Nyckel").into(), certificate.key_text()),
                (text("Purposes", "Användningsområden").into(), certificate.purposes.described()),
                (text("CA", "CA").into(), if certificate.is_ca { text("yes", "ja") } else { text("no", "nej") }.into()),
                fact(text("Serial", "Serienummer"), certificate.serial.clone()),
            ]);
            let at = at_line(certificate.line);
            let (name, source, at_en, at_sv) = (certificate.name(), &certificate.source, &at.en, &at.sv);
            FactGroup { title: bilingual!("{name} ({source}{at_en})", "{name} ({source}{at_sv})"), rows }
        })
        .collect();
    if !report.chains.is_empty() {
        facts.push(FactGroup {
            title: Bilingual::new("Chains", "Kedjor"),
            rows: report
                .chains
                .iter()
                .map(|chain| {
                    let path: Vec<&str> =
                        chain.certificates.iter().map(|index| report.certificates[*index].name()).collect();
                    let from = chain.certificates.first().map(|index| &report.certificates[*index].source);
                    let from = from.map(|source| format!(" ({source})")).unwrap_or_default();
                    (Bilingual::same(format!("{}{from}", path.join(" → "))), chain.end_described())
                })
                .collect(),
        });
    }
    if !report.unreadable.is_empty() {
        facts.push(FactGroup {
            title: Bilingual::new("Not read", "Inte lästa"),
            rows: report
                .unreadable
                .iter()
                .map(|problem| {
                    let at = at_line(problem.line);
                    let (source, at_en, at_sv) = (&problem.source, &at.en, &at.sv);
                    (bilingual!("{source}{at_en}", "{source}{at_sv}"), problem.message.clone())
                })
                .collect(),
        });
    }
    let downloads = report
        .bundle
        .as_ref()
        .map(|bundle| Download {
            label: Bilingual::new(
                "Download the root and intermediate certificates for Telia (Base64, PEM)",
                "Ladda ned rotcertifikatet och de mellanliggande certifikaten för Telia (Base64, PEM)",
            ),
            file_name: "touchpoint-plus-private-ca-bundle.pem".into(),
            mime: "application/x-pem-file".into(),
            text: Bilingual::same(bundle.pem.clone()),
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
fn certificates(_: &FileJob, _: &[Vec<u8>], _: Date, problems: &mut Vec<Bilingual>) -> Option<FileReport> {
    problems.push(Bilingual::new(
        "this build of sitecheck reads no certificates (core's `certificates` feature is off)",
        "den här versionen av sitecheck läser inga certifikat (cores funktion `certificates` är avstängd)",
    ));
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
