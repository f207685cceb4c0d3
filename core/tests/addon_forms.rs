//! The add-on forms the page draws (`addon::form`): the table's invariants, a filled form
//! through `run_file` against the validators called directly, every problem with what was
//! entered said at once, the report cut for the page, and findings read back from their JSON
//! as the page reads them.

use sitecheck_core::addon::certificate::{CertificateOptions, CertificateSource, ServerRole, validate_certificates};
use sitecheck_core::addon::form::{
    ADDON_FORMS, FileJob, Input, MAX_FILE_BYTES, OptionKind, PASTED, SHOWN_FINDINGS, Validator, finding_from_parts,
    findings_json, place, run_file, too_large,
};
use sitecheck_core::addon::numbers::{Country, Integration, NumbersOptions, validate_numbers};
use sitecheck_core::addon::users::{Direction, UsersOptions, validate_users};
use sitecheck_core::job::{Job, Outcome, Reply, Request, Sendable, answer};
use sitecheck_core::locale::{Bilingual, Written, written};
use sitecheck_core::units::Date;
use sitecheck_core::verdict::{Finding, Verdict};
use std::path::Path;

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
    assert!(bundle.text.starts_with("-----BEGIN CERTIFICATE-----"), "{}", bundle.text);

    let report = run_file(&job("secret", &[("created", "2025-07-01"), ("lifetime", "12m")], &[]), &[]).unwrap();
    let reminder = &report.downloads[0];
    assert_eq!(reminder.mime, "text/calendar");
    assert!(reminder.text.contains("DTSTART;VALUE=DATE:20260601"), "{}", reminder.text);
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
    let rows: Vec<serde_json::Value> = serde_json::from_str(&download.text).unwrap();
    assert_eq!(rows.len(), total);
    assert_eq!(rows[total - 1]["line"], total);
    assert_eq!(rows[0]["verdict"], "pass");
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
