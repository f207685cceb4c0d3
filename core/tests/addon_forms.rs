//! The add-on forms the page draws (`addon::form`): the table's invariants, a filled form
//! through `run_file` against the validators called directly, every problem with what was
//! entered said at once, the report cut for the page, and findings read back from their JSON
//! as the page reads them.

mod translation;
use sitecheck_core::addon::certificate::{CertificateOptions, CertificateSource, ServerRole, validate_certificates};
use sitecheck_core::addon::form::{
    ADDON_FORMS, FileJob, Input, MAX_FILE_BYTES, OptionKind, PASTED, SHOWN_FINDINGS, Validator, finding_from_parts,
    findings_json, place, run_file, too_large,
};
use sitecheck_core::addon::numbers::{Country, Integration, NumbersOptions, validate_numbers};
use sitecheck_core::addon::users::{Direction, UsersOptions, validate_users};
use sitecheck_core::job::{Job, Outcome, Reply, Request, Sendable, answer};
use sitecheck_core::locale::{Bilingual, Locale, Written, written};
use sitecheck_core::units::Date;
use sitecheck_core::verdict::{Finding, Verdict};
use std::path::Path;
use translation::digit_runs;

const TODAY: Date = Date::new(2026, 6, 1);

fn job(validator: &str, options: &[(&str, &str)], names: &[&str]) -> FileJob {
    FileJob {
        validator: validator.to_owned(),
        today: TODAY.to_string(),
        options: options.iter().map(|(key, value)| (key.to_string(), value.to_string())).collect(),
        names: names.iter().map(|name| name.to_string()).collect(),
    }
}

fn certificate(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/certificates").join(name)).unwrap()
}

/// (requirement, verdict, line) of each finding, in order.
fn verdicts<'a>(
    findings: impl IntoIterator<Item = (&'a Finding, Option<usize>)>,
) -> Vec<(String, Verdict, Option<usize>)> {
    findings.into_iter().map(|(finding, line)| (finding.requirement.to_string(), finding.verdict, line)).collect()
}

#[test]
fn every_validator_has_one_form_and_every_form_a_validator() {
    for validator in
        [Validator::Certificates, Validator::Numbers, Validator::Users, Validator::Spf, Validator::ClientSecret]
    {
        assert_eq!(ADDON_FORMS.iter().filter(|form| form.validator == validator).count(), 1, "{validator:?}");
        assert_eq!(Validator::parse(validator.slug()), Some(validator));
        assert_eq!(validator.form().validator, validator);
    }
    assert_eq!(Validator::parse("telepathy"), None);
}

#[test]
fn option_keys_are_unique_within_a_form_and_choices_are_not_empty() {
    for form in ADDON_FORMS {
        for (index, option) in form.options.iter().enumerate() {
            assert!(
                form.options[..index].iter().all(|earlier| earlier.key != option.key),
                "{}: {}",
                form.title.en,
                option.key
            );
            if let OptionKind::Choice(choices) = option.kind {
                assert!(!choices.is_empty(), "{}", option.key);
            }
        }
        assert!(!form.sections.is_empty(), "{}", form.title.en);
    }
}

#[test]
fn the_country_choices_are_the_countries_read_in_their_order() {
    let OptionKind::Choice(choices) = Validator::Numbers.form().options[0].kind else { panic!("country is a choice") };
    let values: Vec<&str> = choices.iter().map(|choice| choice.value).collect();
    let countries: Vec<&str> = Country::ALL.iter().map(|country| country.iso()).collect();
    assert_eq!(values, countries);
    for (choice, country) in choices.iter().zip(Country::ALL) {
        assert_eq!(choice.value.parse::<Country>(), Ok(*country));
        let name = country.plan().name.trim_start_matches("the ");
        assert!(choice.label.en.starts_with(name), "{}", choice.label.en);
        assert!(choice.label.sv.starts_with(country.plan().name_sv), "{}", choice.label.sv);
        for label in [choice.label.en, choice.label.sv] {
            assert!(label.contains(&format!("(+{})", country.plan().calling_code)), "{label}");
        }
    }
}

/// Every choice is a value the validator reads: each one run through `run_file` gives a report.
#[test]
fn every_choice_is_taken_by_its_validator() {
    for form in ADDON_FORMS {
        for option in form.options {
            let OptionKind::Choice(choices) = option.kind else { continue };
            for choice in choices {
                let (names, files): (Vec<&str>, Vec<Vec<u8>>) = match form.validator {
                    Validator::Certificates => (vec!["leaf-both.pem"], vec![certificate("leaf-both.pem")]),
                    Validator::Numbers => (vec![PASTED], vec![b"+46812345678\n".to_vec()]),
                    Validator::Users => (vec![PASTED], vec![b"mobile;mail\n+46701234567;a@example.com\n".to_vec()]),
                    Validator::Spf => (vec![PASTED], vec![b"v=spf1 include:spf-b.telia.com -all".to_vec()]),
                    Validator::ClientSecret => (vec![], vec![]),
                };
                let mut options = vec![(option.key, choice.value)];
                if form.validator == Validator::ClientSecret {
                    options.push(("created", "2026-01-15"));
                }
                let outcome = run_file(&job(form.validator.slug(), &options, &names), &files);
                assert!(
                    outcome.is_ok(),
                    "{} {}={}: {:?}",
                    form.validator.slug(),
                    option.key,
                    choice.value,
                    outcome.err()
                );
            }
        }
    }
}

/// A choice that names an integration cites the section of that integration's E.164 rule.
#[test]
fn integration_choices_cite_their_requirements_section() {
    let mut seen = 0;
    for form in ADDON_FORMS {
        for option in form.options {
            let OptionKind::Choice(choices) = option.kind else { continue };
            for choice in choices {
                if let Ok(integration) = choice.value.parse::<Integration>() {
                    let section = integration.requirement().section();
                    for label in [choice.label.en, choice.label.sv] {
                        assert!(label.ends_with(&format!("({section})")), "{}: {label}", choice.value);
                    }
                    seen += 1;
                }
            }
        }
    }
    assert_eq!(seen, 4, "two integrations in the numbers form and in the users form");
}

#[test]
fn the_input_each_form_reads() {
    assert!(matches!(Validator::Certificates.form().input, Input::Files { several: true, .. }));
    assert!(matches!(Validator::Users.form().input, Input::Files { several: false, .. }));
    assert!(matches!(Validator::Spf.form().input, Input::Paste { .. }));
    assert_eq!(Validator::ClientSecret.form().input, Input::None);
}

#[test]
fn a_form_finds_what_the_validator_finds() {
    let numbers = b"08-123 45 67\n+46701234567\n\n070 123\n".to_vec();
    let report = run_file(&job("numbers", &[("for", "s4b")], &[PASTED]), std::slice::from_ref(&numbers)).unwrap();
    let direct = validate_numbers(
        &numbers,
        &NumbersOptions { country: Country::Sweden, integration: Integration::SkypeForBusiness },
        TODAY,
    );
    assert_eq!(
        verdicts(report.findings.iter().map(|placed| (&placed.finding, placed.line))),
        verdicts(direct.findings.iter().map(|found| (&found.finding, found.line)))
    );
    assert!(report.findings.iter().all(|placed| placed.file.is_none()), "one file: the line says where");

    let users = "mobile;mail\r\n070-123 45 67;a@example.com\r\n070-123 45 67;b@example.com\r\n".as_bytes().to_vec();
    let report = run_file(&job("users", &[("direction", "import")], &[PASTED]), std::slice::from_ref(&users)).unwrap();
    let options = UsersOptions {
        direction: Direction::Import,
        country: Country::Sweden,
        integration: None,
        mapping: Vec::new(),
        format: None,
    };
    let direct = validate_users(&users, &options, TODAY);
    assert_eq!(
        verdicts(report.findings.iter().map(|placed| (&placed.finding, placed.line))),
        verdicts(direct.findings.iter().map(|found| (&found.finding, found.line)))
    );
    let facts = &report.facts[0];
    assert_eq!(facts.title, Bilingual::new(PASTED, "Inklistrad text"));
    assert!(facts.rows.contains(&(Bilingual::new("Users", "Användare"), Bilingual::same("2"))), "{facts:?}");

    let files = ["chain-out-of-order.pem", "leaf-wildcard-san.pem"];
    let bytes: Vec<Vec<u8>> = files.iter().map(|name| certificate(name)).collect();
    let report = run_file(&job("cert", &[("role", "mediation")], &files), &bytes).unwrap();
    let sources: Vec<CertificateSource> = files
        .iter()
        .zip(&bytes)
        .map(|(name, bytes)| CertificateSource { name: name.to_string(), bytes: bytes.clone() })
        .collect();
    let direct = validate_certificates(&sources, &CertificateOptions { role: ServerRole::Mediation }, TODAY);
    assert_eq!(
        verdicts(report.findings.iter().map(|placed| (&placed.finding, placed.line))),
        verdicts(direct.findings.iter().map(|found| (&found.finding, found.line)))
    );
    assert_eq!(
        report.facts.iter().filter(|group| group.rows.iter().any(|(label, _)| label.en == "Subject")).count(),
        direct.certificates.len()
    );
    assert!(report.facts.iter().any(|group| group.title == Bilingual::new("Chains", "Kedjor")));
}

#[test]
fn a_private_chain_offers_its_bundle_and_a_secret_its_reminder() {
    let report = run_file(&job("cert", &[], &["chain-in-order.pem"]), &[certificate("chain-in-order.pem")]).unwrap();
    let bundle = report.downloads.iter().find(|download| download.file_name.ends_with(".pem")).expect("a bundle");
    assert!(bundle.text.en.starts_with("-----BEGIN CERTIFICATE-----"), "{}", bundle.text.en);
    assert_eq!(bundle.text.sv, bundle.text.en, "a certificate has no words");

    let report = run_file(&job("secret", &[("created", "2025-07-01"), ("lifetime", "12m")], &[]), &[]).unwrap();
    let reminder = &report.downloads[0];
    assert_eq!(reminder.mime, "text/calendar");
    assert!(reminder.text.en.contains("DTSTART;VALUE=DATE:20260601"), "{}", reminder.text.en);
    assert!(reminder.text.sv.contains("DTSTART;VALUE=DATE:20260601"), "{}", reminder.text.sv);
    assert_ne!(reminder.text.sv, reminder.text.en, "the reminder's words are Swedish");
    assert!(report.facts[0].rows.contains(&(Bilingual::new("Expires", "Går ut"), Bilingual::same("2026-07-01"))));
    let days = run_file(&job("secret", &[("created", "2025-07-01"), ("days", "800")], &[]), &[]).unwrap();
    assert!(days.findings.iter().any(|placed| placed.finding.verdict == Verdict::Fail), "800 days is over the cap");
}

/// Every problem with what was entered is said, not only the first.
fn problems(job: FileJob, files: &[Vec<u8>], expected: &[&str]) {
    let problems = run_file(&job, files).expect_err("refused");
    assert_eq!(problems.len(), expected.len(), "{problems:?}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.en.contains(expected), "{problem:?} should say {expected:?}");
    }
}

#[test]
fn what_cannot_be_taken_is_said_all_at_once() {
    problems(job("telepathy", &[], &[]), &[], &["\"telepathy\" is not a check"]);
    problems(
        FileJob { today: "2026-02-30".into(), ..job("numbers", &[], &[PASTED]) },
        &[b"+46812345678".to_vec()],
        &["today's date"],
    );
    problems(job("numbers", &[("country", "XX"), ("for", "fax")], &[PASTED]), &[b"1".to_vec()], &["XX", "fax"]);
    problems(job("numbers", &[], &[]), &[], &["Choose a file, or paste its text"]);
    problems(job("numbers", &[], &["a", "b"]), &[vec![], vec![]], &["one file at a time"]);
    problems(job("numbers", &[], &["a", "b"]), &[vec![]], &["2 file names came with 1 files"]);
    problems(
        job("users", &[("direction", "sideways"), ("map", "Cell=mobile, Work=phone-ish, nonsense")], &[PASTED]),
        &[b"x".to_vec()],
        &["sideways", "phone-ish", "nonsense"],
    );
    problems(job("spf", &[], &[]), &[], &["Paste the domain's TXT records"]);
    problems(job("secret", &[("lifetime", "forever")], &[]), &[], &["Created on: enter", "Lifetime:"]);
    problems(job("secret", &[("created", "2025-13-01")], &[]), &[], &["Created on:"]);
    problems(job("cert", &[("role", "edge")], &[]), &[], &["edge"]);
    problems(job("cert", &[], &[]), &[], &["Choose certificate files"]);
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    assert_eq!(too_large("a.csv", MAX_FILE_BYTES), None);
    let message = too_large("big.csv", 200 * 1024 * 1024).expect("refused");
    assert!(message.en.starts_with("big.csv is 200 MB; the check reads files of up to 64 MB"), "{message:?}");
    assert!(message.sv.starts_with("big.csv är 200 MB; kontrollen läser filer på upp till 64 MB"), "{message:?}");
    problems(job("users", &[], &["big.csv"]), &[vec![b'a'; MAX_FILE_BYTES as usize + 1]], &["big.csv is 65 MB"]);
}

#[test]
fn the_page_gets_the_worst_findings_first_and_every_count() {
    let mut numbers = String::new();
    for index in 0..SHOWN_FINDINGS + 50 {
        numbers.push_str(&format!("+4681234{index:04}\n"));
    }
    numbers.push_str("08-123 45 67\nnot a number\n");
    let report = run_file(&job("numbers", &[], &[PASTED]), &[numbers.into_bytes()]).unwrap();
    let total = report.findings.len();
    assert_eq!(total, SHOWN_FINDINGS + 52);
    let page = report.for_page();
    assert_eq!(page.total, total);
    assert_eq!(page.report.findings.len(), SHOWN_FINDINGS);
    let verdicts: Vec<Verdict> = page.report.findings.iter().map(|placed| placed.finding.verdict).collect();
    assert_eq!(&verdicts[..2], &[Verdict::Fail, Verdict::Fail], "the two bad lines first");
    assert_eq!(page.report.findings[0].line, Some(SHOWN_FINDINGS + 51), "in their order");
    assert_eq!(
        page.counts,
        [("pass", SHOWN_FINDINGS + 50), ("fail", 2), ("warning", 0), ("needs-confirmation", 0), ("not-applicable", 0)]
    );
    assert_eq!(
        page.summary,
        Bilingual::new(
            format!(
                "Fail 2 · Pass {} ({total} findings; the {SHOWN_FINDINGS} worst are shown, all are in the download)",
                SHOWN_FINDINGS + 50
            ),
            format!(
                "Underkänt 2 · Godkänt {} ({total} resultat; de {SHOWN_FINDINGS} allvarligaste visas, alla finns i nedladdningen)",
                SHOWN_FINDINGS + 50
            )
        )
    );
    let download = page.report.downloads.last().expect("the findings as JSON");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&download.text.en).unwrap();
    assert_eq!(rows.len(), total);
    assert_eq!(rows[total - 1]["line"], total);
    assert_eq!(rows[0]["verdict"], "pass");
    // The Swedish file: the same rows, each text one Swedish string.
    let swedish: Vec<serde_json::Value> = serde_json::from_str(&download.text.sv).unwrap();
    assert_eq!(swedish.len(), total);
    assert_eq!(swedish[0]["verdict"], "pass");
    assert!(swedish[0]["evidence"].is_string(), "{}", swedish[0]);
    assert_ne!(swedish[0]["evidence"], rows[0]["evidence"]);
}

#[test]
fn places_in_words() {
    assert_eq!(place(Some("a.pem"), Some(4)), Some(Bilingual::new("a.pem, line 4", "a.pem, rad 4")));
    assert_eq!(place(Some("a.der"), None), Some(Bilingual::same("a.der")));
    assert_eq!(place(None, Some(4)), Some(Bilingual::new("Line 4", "Rad 4")));
    assert_eq!(place(None, None), None);
}

/// What the page does with the worker's JSON: every finding rebuilt equal to the one sent.
#[test]
fn findings_come_back_from_their_json_as_they_were() {
    let mut findings = Vec::new();
    let files = ["chain-out-of-order.pem", "leaf-expired.pem", "leaf-wildcard-cn.pem", "self-signed.pem"];
    let bytes: Vec<Vec<u8>> = files.iter().map(|name| certificate(name)).collect();
    findings.extend(run_file(&job("cert", &[], &files), &bytes).unwrap().findings);
    let users = b"mobile,mail\n0701234567,a@x.se\n,b@x.se\n".to_vec();
    findings.extend(run_file(&job("users", &[("direction", "export")], &[PASTED]), &[users]).unwrap().findings);
    let spf = b"v=spf1 +all\nv=spf1 include:spf-b.telia.com ?all".to_vec();
    findings.extend(run_file(&job("spf", &[], &[PASTED]), &[spf]).unwrap().findings);
    assert!(findings.iter().any(|placed| !placed.finding.advisories.is_empty()) || findings.len() > 10);
    for placed in findings {
        // As the worker writes it for the page: every text in both languages.
        let json = written(Written::Both, || serde_json::to_value(&placed.finding)).unwrap();
        let text = |key: &str| json[key].as_str().unwrap_or_else(|| panic!("{key} in {json}")).to_owned();
        let both = |value: &serde_json::Value| Some(Bilingual::new(value["en"].as_str()?, value["sv"].as_str()?));
        let advisories: Vec<String> =
            json["advisories"].as_array().unwrap().iter().map(|id| id.as_str().unwrap().to_owned()).collect();
        let rebuilt = finding_from_parts(
            &text("requirement"),
            &text("section"),
            &text("verdict"),
            both(&json["evidence"]).unwrap_or_else(|| panic!("evidence in {json}")),
            both(&json["advice"]),
            &advisories,
        );
        assert_eq!(rebuilt.as_ref(), Some(&placed.finding), "{json}");
    }
    assert_eq!(finding_from_parts("no.such", "3.5", "pass", Bilingual::default(), None, &[]), None);
    assert_eq!(finding_from_parts("ad.import-file", "3.5", "great", Bilingual::default(), None, &[]), None);
    assert_eq!(
        finding_from_parts("ad.import-file", "3.5", "pass", Bilingual::default(), None, &["no.such".into()]),
        None
    );
}

#[test]
fn a_file_job_travels_with_its_bytes() {
    let file_job = job("numbers", &[], &[PASTED]);
    let message = file_job.message(3).unwrap();
    let read: Request = serde_json::from_str(&message).unwrap();
    assert_eq!((read.id, read.job), (3, Job::File(file_job)), "the page writes what the worker reads");
    let reply: Reply = serde_json::from_str(&answer(&message, &[b"070-123 45 67".to_vec()])).unwrap();
    let Some(Outcome::File(json)) = reply.outcome else { panic!("{reply:?}") };
    let page: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["findings"][0]["finding"]["verdict"], "fail");
    assert_eq!(page["findings"][0]["line"], 1);
    // The page's own texts arrive in both languages, as `read_report` reads them.
    assert_eq!(page["summary"]["sv"], "Underkänt 1 (1 resultat)");
    assert_eq!(page["facts"][0]["title"]["sv"], "Inklistrad text");
    assert_eq!(page["facts"][0]["rows"][0][0]["sv"], "Läst som");
    assert_eq!(page["facts"][0]["rows"][1][1]["en"], "1");
    assert_eq!(page["downloads"][0]["label"]["sv"], "Ladda ned alla 1 resultat (JSON)");
    assert_eq!(page["counts"][1][0], "fail");
    let reply: Reply = serde_json::from_str(&answer(&message, &[])).unwrap();
    assert_eq!(
        reply.outcome,
        Some(Outcome::FileProblems(vec![Bilingual::new(
            "1 file names came with 0 files",
            "1 filnamn kom med 0 filer"
        )]))
    );
}

#[test]
fn the_json_rows_are_the_clis() {
    let report = run_file(&job("numbers", &[], &[PASTED]), &[b"+46812345678".to_vec()]).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&findings_json(&report.findings)).unwrap();
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["advice", "evidence", "id", "line", "section", "verdict"]);
}

/// The text without what it quotes ("…" and '…'): quoted input is the same in both languages.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let characters: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        if character == '"' {
            quoted = !quoted;
        } else if character == '\'' && characters.get(index + 2) == Some(&'\'') {
            // A quoted character: 'x'.
            index += 3;
            continue;
        } else if !quoted {
            out.push(character);
        }
        index += 1;
    }
    out
}

/// English words a Swedish text must not have (outside what it quotes).
const ENGLISH: &[&str] = &[
    " the ",
    " is ",
    " not ",
    " and ",
    " with ",
    " of ",
    " has ",
    " have ",
    " are ",
    " cannot ",
    " which ",
    " line ",
    " file ",
    " number ",
    " numbers ",
    " to ",
    " or ",
    " no ",
    " in E.164 format",
    " was ",
    " be ",
    " it ",
    " its ",
];

/// What the Swedish of a text must be: there, translated (unless `same` allows the English, for
/// a name), with the English's figures, and no English left in it.
fn assert_swedish(text: &Bilingual, same: bool, context: &str) {
    let Bilingual { en, sv } = text;
    assert!(!sv.trim().is_empty(), "{context}: no Swedish for {en:?}");
    assert!(same || en != sv, "{context}: the Swedish is the English: {en:?}");
    assert_eq!(digit_runs(en), digit_runs(sv), "{context}: the figures differ:\n{en}\n{sv}");
    let bare = format!(" {} ", unquoted(sv).replace(['(', ')', ',', ';', ':', '.'], " "));
    for word in ENGLISH {
        assert!(!bare.contains(word), "{context}: {word:?} is English, in {sv:?}");
    }
}

fn assert_findings_swedish<'a>(findings: impl IntoIterator<Item = &'a Finding>, context: &str) -> usize {
    let mut seen = 0;
    for finding in findings {
        let context = format!("{context}: {}", finding.evidence.en);
        assert_swedish(&finding.evidence, false, &context);
        if let Some(advice) = &finding.advice {
            assert_swedish(advice, false, &context);
        }
        seen += 1;
    }
    seen
}

/// Every finding the numbers and users checks can make, every problem a form can have, and
/// every text of the forms and their reports, in Swedish as well as English.
#[test]
fn every_add_on_text_is_in_swedish() {
    use sitecheck_core::addon::numbers::{
        COUNTRY_CALLING_CODES, E164Error, NUMBERING_PLANS, NumberError, UnknownCountry, UnknownIntegration,
    };
    use sitecheck_core::addon::users::{MappingError, UnknownDirection, UnknownRole};
    use std::collections::BTreeSet;
    let mut evidence = BTreeSet::new();
    let mut collect = |findings: Vec<&Finding>, context: &str| {
        assert_findings_swedish(findings.iter().copied(), context);
        for finding in findings {
            evidence.insert(finding.evidence.en.clone());
        }
    };

    // Numbers: every kind of line, in countries with and without a trunk prefix.
    let lines = "+4681234567\n+46812345\n+468123456789012\n08-123 45 67\n070-123\u{A0}45\u{A0}67\n0046 8 123 45 67\n\
                 +46 (0)8 123 45 67\n+46 08 123 45 67\ntel:+46-8-123-45-67\n0771-123 456\n+44 (0)20 7946 0958\n\
                 +46812 345\n+46 (0)08 123 45 67\nsaknas\n4,67012E+10\n+46 8 123 45 67 ext. 123\n08-123 45 67 x12\n\
                 ext. 12\n+0 123\n+999 123 456\n+4612345678901234\n+46\n08-123 45 67 +\n(08 123 45 67\n08*123\n\
                 701234567\n123\n+\n( )\n0812345\n";
    let lines = format!("{lines}{}\n", "a".repeat(80));
    for country in [Country::Sweden, Country::Norway, Country::Denmark, Country::UnitedKingdom] {
        for integration in [Integration::Teams, Integration::SkypeForBusiness] {
            let report = validate_numbers(lines.as_bytes(), &NumbersOptions { country, integration }, TODAY);
            collect(report.findings.iter().map(|found| &found.finding).collect(), "numbers");
        }
    }
    for country in [Country::Norway, Country::Denmark] {
        let report =
            validate_numbers(b"012345678\n3312 345\n", &NumbersOptions { country, ..Default::default() }, TODAY);
        collect(report.findings.iter().map(|found| &found.finding).collect(), "numbers");
    }
    let utf16_odd = [0xFF, 0xFE, b'a', 0, b'b'];
    let surrogate = [0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, b'b', 0];
    let files: [&[u8]; 7] =
        [b"", b"\n\n  \n", b"PK\x03\x04", b"ab\x00cdefgh", &utf16_odd, &surrogate, b"+46812345678\n\xC3\x85\n\xC5\n"];
    for bytes in files {
        let report = validate_numbers(bytes, &NumbersOptions::default(), TODAY);
        collect(report.findings.iter().map(|found| &found.finding).collect(), "a list of numbers");
    }

    // Users: every finding of an import and an export, CSV and LDIF.
    let import = "givenName;sn;mobile;telephoneNumber;ipPhone\n\
                  Åsa;Öberg;070-123 45 67;;\nBo;Ek;+46701234567;;\nRené;Berg;;;1234\nCia;Lind;;;\n\
                  Dan;Holm;;08-123 45 67;\nEva;Ny;saknas;;\nEva;Ny;saknas;;\nFia;Ros;0701234560;x;y;z\n;;;;\n";
    let export = "mail;mobile;displayName\nanna@example.se;070-123 45 67;Anna\nANNA@example.se;;Anna B\n;;Bo\n\
                  bo example.se;;Bo\nbo.example.se;;Bo\na@b@example.se;;Bo\n@example.se;;Bo\nbo@example;;Bo\n";
    let ldif = "version: 2\nmail: a@example.se\nthis is no attribute\n\ndn:: ***\nmobile:< file:///tmp/mobile.txt\n\n\
                dn: cn=x\nchangetype: rename\n\n \ndn: cn=y\nchangetype: modify\nmobile: +46701234567\n\
                replace: mobile\nmail: y@example.se\n\ndn: cn=z\nmobile:: ***\ntelephoneNumber:: //4AAQ==\n\n\
                dn: cn=old\nchangetype: delete\n";
    let pass = "mobile;mail\n+46701234567;a@example.se\n+46701234568;b@example.se\n";
    let modify = "dn: cn=anna\nchangetype: modify\nreplace: mobile\nmobile: +46701234567\n-\n\ndn: cn=bo\nmobile: +46701234568\nmail: bo@example.se\n";
    let mapping: Vec<_> = ["Mobiltelefon=mobile", "Tel=fixed"].iter().map(|pair| pair.parse().unwrap()).collect();
    let inputs: [&[u8]; 12] = [
        import.as_bytes(),
        export.as_bytes(),
        ldif.as_bytes(),
        pass.as_bytes(),
        modify.as_bytes(),
        b"Namn;Titel\nAnna;CEO\n",
        b"mobile\n",
        b"dn: CN=PC01\nobjectClass: computer\n",
        b"mobile,displayName\n+46701234567,Anna\n+46701234568,\"Bo\n",
        b"\"mobile\n",
        b"mobile;mail\n+46701234567;a@example.se\n\xC3\x85;\n\xC5;\n",
        b"PK\x03\x04",
    ];
    for bytes in inputs {
        for direction in [Direction::Import, Direction::Export] {
            for integration in [None, Some(Integration::Teams)] {
                for mapping in [Vec::new(), mapping.clone()] {
                    let options =
                        UsersOptions { direction, integration, mapping, country: Country::Sweden, format: None };
                    let report = validate_users(bytes, &options, TODAY);
                    let context = format!("users {}", String::from_utf8_lossy(bytes));
                    collect(report.findings.iter().map(|found| &found.finding).collect(), &context);
                }
            }
        }
    }
    // What the inputs were chosen to reach: each kind of finding at least once.
    for needle in [
        "is in E.164 format (+46 Sweden)",
        "is in E.164 format, but",
        "national format",
        "national number",
        "tel: link",
        "instead of +",
        "\"(0)\" after the country code",
        "the trunk prefix 0 follows",
        "written twice",
        "scientific notation",
        "letters",
        "(80 characters)",
        "extension",
        "cannot stand",
        "is not at the start",
        "brackets",
        "perhaps it is",
        "the Swedish trunk prefix",
        "the 8 digits of a Danish number",
        "the 8 to 12 digits of a Norwegian number",
        "no digits",
        "no country calling code starts with 0",
        "begins with no assigned",
        "at most 15",
        "no number after the country code",
        "The list of numbers is empty",
        "this is an Excel workbook",
        "NUL bytes",
        "odd number of bytes",
        "unpaired surrogate",
        "only blank lines",
        "mixes encodings",
        "has neither a mobile nor a fixed number",
        "is also the identifier of the user",
        "has no e-mail address",
        "it has a space",
        "it has no @",
        "more than one @",
        "nothing comes before the @",
        "its domain is not a domain name",
        "is also the address of the user",
        "The file has no user records",
        "entries that are not users",
        "No column or attribute is read as the mobile",
        "No column or attribute is read as the e-mail",
        "All 2 users have an identifier",
        "change records list only what they change",
        "users have an e-mail address",
        "identifiers are unique",
        "e-mail addresses are unique",
        "mobile and fixed numbers are in E.164 format",
        "The file cannot be read",
        "which is not a column of this file",
        "which is not a attribute of any record",
        "is never closed",
        "fields where the header has",
        "is not an attribute line",
        "does not begin with dn:",
        "the dn cannot be read",
        "is not version 1",
        "is not add, modify",
        "values follow an add:",
        "ends without its \"-\" line",
        "a continuation line",
        "not valid base64",
        "not UTF-8 text",
        "a reference to",
    ] {
        assert!(evidence.iter().any(|text| text.contains(needle)), "no finding says {needle:?}");
    }

    // Each reason of its own, whether or not a check reaches it.
    for error in [
        E164Error::Empty,
        E164Error::NoPlus,
        E164Error::Separator('-'),
        E164Error::NotADigit('x'),
        E164Error::NoDigits,
        E164Error::CountryCodeZero,
        E164Error::UnknownCountryCode("999".into()),
        E164Error::NoNationalNumber("46"),
        E164Error::TooLong(16),
    ] {
        assert_swedish(&error.text(), false, "E164Error");
    }
    assert_swedish(&NumberError::Empty.text(), false, "NumberError");
    let named = |message_in: &dyn Fn(Locale) -> String| Bilingual::new(message_in(Locale::En), message_in(Locale::Sv));
    let country = UnknownCountry("XX".into());
    assert_swedish(&named(&|locale| country.message_in(locale)), false, "UnknownCountry");
    let integration = UnknownIntegration("fax".into());
    assert_swedish(&named(&|locale| integration.message_in(locale)), false, "UnknownIntegration");
    let direction = UnknownDirection("sideways".into());
    assert_swedish(&named(&|locale| direction.message_in(locale)), false, "UnknownDirection");
    let role = UnknownRole("phone-ish".into());
    assert_swedish(&named(&|locale| role.message_in(locale)), false, "UnknownRole");
    let form = MappingError::Form("nonsense".into());
    assert_swedish(&named(&|locale| form.message_in(locale)), false, "MappingError");
    for code in COUNTRY_CALLING_CODES {
        assert_swedish(&code.name_text().into(), true, "a country calling code's name");
    }
    for plan in NUMBERING_PLANS {
        assert_swedish(&plan.name_text().into(), true, "a plan's country");
    }

    // The forms as the page draws them. A few labels are names in both languages.
    let names = ["Microsoft Teams (3.3)", "Finland (+358)"];
    for form in ADDON_FORMS {
        assert_swedish(&form.title.into(), false, "a form's title");
        assert_swedish(&form.intro.into(), false, "a form's introduction");
        match form.input {
            Input::Files { paste_label, .. } => assert_swedish(&paste_label.into(), false, "a paste label"),
            Input::Paste { label } => assert_swedish(&label.into(), false, "a paste label"),
            Input::None => {}
        }
        for option in form.options {
            assert_swedish(&option.label.into(), false, "an option's label");
            match option.kind {
                OptionKind::Choice(choices) => {
                    for choice in choices {
                        assert_swedish(&choice.label.into(), names.contains(&choice.label.en), "a choice");
                    }
                }
                OptionKind::Text { hint } => assert_swedish(&hint.into(), false, "a hint"),
                OptionKind::Date => {}
            }
        }
    }

    // Every problem with what was entered.
    let refused = [
        run_file(&job("telepathy", &[], &[]), &[]),
        run_file(&FileJob { today: "2026-02-30".into(), ..job("numbers", &[], &[PASTED]) }, &[b"1".to_vec()]),
        run_file(&job("numbers", &[("country", "XX"), ("for", "fax")], &[PASTED]), &[b"1".to_vec()]),
        run_file(&job("numbers", &[], &[]), &[]),
        run_file(&job("numbers", &[], &["a", "b"]), &[vec![], vec![]]),
        run_file(&job("numbers", &[], &["a", "b"]), &[vec![]]),
        run_file(
            &job("users", &[("direction", "sideways"), ("map", "Cell=mobile, Work=phone-ish, nonsense")], &[PASTED]),
            &[b"x".to_vec()],
        ),
        run_file(&job("users", &[("country", "XX"), ("for", "fax")], &[PASTED]), &[b"x".to_vec()]),
        run_file(&job("spf", &[], &[]), &[]),
        run_file(&job("secret", &[("lifetime", "forever")], &[]), &[]),
        run_file(&job("secret", &[("created", "2025-13-01")], &[]), &[]),
        run_file(&job("cert", &[], &[]), &[]),
        run_file(&job("users", &[], &["big.csv"]), &[vec![b'a'; MAX_FILE_BYTES as usize + 1]]),
    ];
    let mut problems = 0;
    for outcome in refused {
        for problem in outcome.expect_err("refused") {
            // Another module's reason after the prefix may still be English: only the prefix is
            // held to it here.
            let own = Bilingual::new(
                problem.en.split(": \"").next().unwrap_or_default(),
                problem.sv.split(": \"").next().unwrap_or_default(),
            );
            if ["today's date", "Created on", "Lifetime"].iter().any(|prefix| problem.en.starts_with(prefix)) {
                assert_ne!(problem.en, problem.sv, "{problem:?}");
            } else {
                assert_swedish(&own, false, "a problem");
            }
            problems += 1;
        }
    }
    assert!(problems >= 16, "{problems}");

    // The page's reports: summaries, facts' titles and labels, downloads.
    let mut numbers = String::new();
    for index in 0..SHOWN_FINDINGS + 1 {
        numbers.push_str(&format!("+4681234{index:04}\n"));
    }
    let reports = [
        run_file(&job("numbers", &[], &[PASTED]), &[numbers.into_bytes()]),
        run_file(&job("numbers", &[], &[PASTED]), &[b"+46812345678".to_vec()]),
        run_file(&job("users", &[], &["users.csv"]), &[import.as_bytes().to_vec()]),
        run_file(&job("users", &[], &[PASTED]), &[ldif.as_bytes().to_vec()]),
        run_file(&job("spf", &[], &[PASTED]), &[b"v=spf1 include:spf-b.telia.com include:a.example -all".to_vec()]),
        run_file(&job("secret", &[("created", "2026-01-15")], &[]), &[]),
        run_file(&job("cert", &[], &["chain-in-order.pem"]), &[certificate("chain-in-order.pem")]),
    ];
    for report in reports {
        let page = report.unwrap().for_page();
        assert_swedish(&page.summary, false, "a summary");
        for download in &page.report.downloads {
            assert_swedish(&download.label, false, "a download");
        }
        for group in &page.report.facts {
            let named = group.title.en == "users.csv" || group.title.en.contains(".pem");
            assert_swedish(&group.title, named, "a facts title");
            for (label, value) in &group.rows {
                // A chain's row is labelled by its certificates' names.
                assert_swedish(label, label.en == "CA" || label.en.contains(" → "), "a fact's label");
                assert!(!value.sv.is_empty() || value.en.is_empty(), "{label:?}");
            }
        }
    }
    let empty = run_file(&job("numbers", &[], &[PASTED]), &[b"".to_vec()]).unwrap();
    assert_swedish(&empty.for_page().summary, false, "a summary");
    for (file, line) in [(Some("a.pem"), Some(4)), (None, Some(4))] {
        assert_swedish(&place(file, line).unwrap(), false, "a place");
    }
}

/// The test above can fail: an English text passed off as Swedish is caught.
#[test]
#[should_panic(expected = "is English")]
fn an_untranslated_text_is_caught() {
    assert_swedish(&Bilingual::new("The file is empty", "Filen is empty"), false, "a deliberate mistake");
}

#[test]
#[should_panic(expected = "the figures differ")]
fn a_lost_figure_is_caught() {
    assert_swedish(&Bilingual::new("line 4 of 5", "rad 4"), false, "a deliberate mistake");
}
