//! What the page asks its worker and what comes back: the checks too heavy, or too large in
//! code, for the first load run in the worker (`worker/`), which the page starts the first
//! time one is used. Messages are JSON text: `{"id": 7, "job": {"coverage": {…}}}` in,
//! `{"id": 7, "outcome": {"coverage": {…}}}` or `{"id": 7, "error": "…"}` out. The enums are
//! externally tagged: an internally tagged one would pull serde's buffering deserializer into the
//! first load.

use crate::addon::form::{FileJob, run_file};
use crate::coverage::{CoverageReport, CoverageRequest};
use crate::export::ExportRequest;
use crate::locale::{Bilingual, Written, written};
use serde::{Deserialize, Serialize};

/// One request to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Job {
    /// Pasted firewall rules against the plan.
    Coverage(CoverageRequest),
    /// An add-on validator's form; the files' bytes travel beside the message.
    File(FileJob),
    /// A firewall export file.
    Export(ExportRequest),
}

/// The worker's answer to a job of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Coverage(CoverageReport),
    /// The report (`addon::form::PageReport`) as JSON text: the page reads it with the
    /// browser's `JSON.parse`, so that its first load carries no deserializer for it.
    File(String),
    /// What was entered that the validator cannot take, each problem said in both languages.
    FileProblems(Vec<Bilingual>),
    /// The export file's text, or why there is none.
    Export(Result<String, String>),
}

impl Job {
    /// Runs the job over the files that came with it; the worker calls this, and tests can.
    pub fn run(&self, files: &[Vec<u8>]) -> Outcome {
        match self {
            Job::Coverage(request) => {
                Outcome::Coverage(crate::coverage::report(&request.plan, &request.text, &request.interfaces))
            }
            Job::File(job) => match run_file(job, files) {
                // Both languages, so that the page can switch without running it again.
                Ok(report) => match written(Written::Both, || serde_json::to_string(&report.for_page())) {
                    Ok(json) => Outcome::File(json),
                    Err(error) => Outcome::FileProblems(vec![crate::bilingual!(
                        "the report could not be written: {error}",
                        "rapporten gick inte att skriva: {error}"
                    )]),
                },
                Err(problems) => Outcome::FileProblems(problems),
            },
            Job::Export(request) => Outcome::Export(request.run()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    Coverage,
    /// Each validator's form is answered on its own.
    File(Option<crate::addon::form::Validator>),
    Export,
}

/// A job as a page writes it: `Request`'s JSON for one kind of job, so that each of the page's
/// binaries carries the serializer of the jobs it sends and no other (the first load sends
/// coverage jobs only; the add-on forms' binary, file jobs).
pub trait Sendable {
    fn kind(&self) -> JobKind;
    /// `{"id": …, "job": {"<kind>": …}}`, as `Request` reads it.
    fn message(&self, id: u64) -> Result<String, serde_json::Error>;
}

#[derive(Serialize)]
struct Sent<T> {
    id: u64,
    job: T,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum CoverageTagged<'a> {
    Coverage(&'a CoverageRequest),
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum FileTagged<'a> {
    File(&'a FileJob),
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum ExportTagged<'a> {
    Export(&'a ExportRequest),
}

impl Sendable for ExportRequest {
    fn kind(&self) -> JobKind {
        JobKind::Export
    }

    fn message(&self, id: u64) -> Result<String, serde_json::Error> {
        serde_json::to_string(&Sent { id, job: ExportTagged::Export(self) })
    }
}

impl Sendable for CoverageRequest {
    fn kind(&self) -> JobKind {
        JobKind::Coverage
    }

    fn message(&self, id: u64) -> Result<String, serde_json::Error> {
        serde_json::to_string(&Sent { id, job: CoverageTagged::Coverage(self) })
    }
}

impl Sendable for FileJob {
    fn kind(&self) -> JobKind {
        JobKind::File(crate::addon::form::Validator::parse(&self.validator))
    }

    fn message(&self, id: u64) -> Result<String, serde_json::Error> {
        serde_json::to_string(&Sent { id, job: FileTagged::File(self) })
    }
}

/// A job as it travels, with the number its answer carries back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u64,
    pub job: Job,
}

/// An answer as it travels: the outcome, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<crate::locale::Bilingual>,
}

/// The worker's whole handling of one message and the files that came with it: never a
/// panic, always a reply (with id 0 when not even the id could be read).
pub fn answer(message: &str, files: &[Vec<u8>]) -> String {
    let reply = match serde_json::from_str::<Request>(message) {
        Ok(request) => Reply { id: request.id, outcome: Some(request.job.run(files)), error: None },
        Err(error) => {
            let id = serde_json::from_str::<serde_json::Value>(message)
                .ok()
                .and_then(|value| value["id"].as_u64())
                .unwrap_or(0);
            let reason = error.to_string();
            Reply { id, outcome: None, error: Some(crate::interface::worker::unreadable_request(&reason)) }
        }
    };
    // Both languages: the page shows the answer in whichever it is switched to.
    written(Written::Both, || serde_json::to_string(&reply)).unwrap_or_else(|error| {
        serde_json::json!({ "id": reply.id, "error": format!("the answer could not be written: {error}") }).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::Interfaces;
    use crate::plan::Plan;

    #[test]
    fn a_job_travels_and_its_answer_comes_back_with_its_id() {
        let job = Job::Coverage(CoverageRequest {
            plan: Plan { softphone_pc_users: 5, ..Plan::default() },
            text:
                "table inet filter {\n chain forward {\n type filter hook forward priority 0; policy accept;\n }\n}\n"
                    .into(),
            interfaces: Interfaces::default(),
        });
        let message = serde_json::to_string(&Request { id: 7, job: job.clone() }).unwrap();
        let reply: Reply = serde_json::from_str(&answer(&message, &[])).unwrap();
        assert_eq!(reply.id, 7);
        let Job::Coverage(request) = &job else { unreachable!() };
        assert_eq!(request.message(7).unwrap(), message, "a page writes what the worker reads");
        assert_eq!(reply.outcome, Some(job.run(&[])));
        assert_eq!(reply.error, None);
    }

    /// An export made in the worker is the file core makes; a bad chain or format is said.
    #[test]
    fn an_export_travels_and_comes_back_as_the_file() {
        use crate::export::{ExportOptions, RuleFormat, export};
        let plan = Plan { softphone_pc_users: 5, ..Plan::default() };
        for format in RuleFormat::ALL {
            let request = ExportRequest {
                plan: plan.clone(),
                format: format.name().into(),
                nft_chain: "inet filter forward".into(),
            };
            let reply: Reply = serde_json::from_str(&answer(&request.message(3).unwrap(), &[])).unwrap();
            let options = ExportOptions { access: plan.access, ..ExportOptions::default() };
            let expected = export(&plan.firewall_rules(), &plan.addresses, format, &options);
            assert_eq!(reply.outcome, Some(Outcome::Export(Ok(expected))), "{}", format.name());
        }
        let check = |format: &str, chain: &str, said: &str| {
            let request = ExportRequest { plan: plan.clone(), format: format.into(), nft_chain: chain.into() };
            let problem = request.run().expect_err("refused");
            assert!(problem.contains(said), "{format} {chain}: {problem}");
        };
        check("fax", "inet filter forward", "\"fax\" is not an export format");
        check("nftables-add", "inet filter", "name the family, the table and the chain");
    }

    #[test]
    fn unreadable_requests_get_a_reason_not_a_panic() {
        let check = |message: &str, id: u64| {
            let reply: Reply = serde_json::from_str(&answer(message, &[])).unwrap();
            assert_eq!((reply.id, reply.outcome), (id, None), "{message}");
            let error = reply.error.unwrap();
            assert!(error.en.starts_with("the check got a request it cannot read"), "{message}");
            assert!(error.sv.starts_with("kontrollen fick en begäran"), "{message}");
        };
        check("", 0);
        check("not json", 0);
        check(r#"{"id": 4}"#, 4);
        check(r#"{"id": 5, "job": {"telepathy": {}}}"#, 5);
    }
}
