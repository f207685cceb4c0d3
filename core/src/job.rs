//! What the page asks its worker and what comes back: the checks too heavy, or too large in
//! code, for the first load run in the worker (`worker/`), which the page starts the first
//! time one is used. Messages are JSON text: `{"id": 7, "job": {"coverage": {…}}}` in,
//! `{"id": 7, "outcome": {"coverage": {…}}}` or `{"id": 7, "error": "…"}` out. The enums are
//! externally tagged: an internally tagged one would pull serde's buffering deserializer into the
//! first load.

use crate::coverage::{CoverageReport, CoverageRequest};
use serde::{Deserialize, Serialize};

/// One request to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Job {
    /// Pasted firewall rules against the plan.
    Coverage(CoverageRequest),
}

/// The worker's answer to a job of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Coverage(CoverageReport),
}

impl Job {
    /// Which kind of check this is: a newer job of a kind replaces an older one's answer.
    pub fn kind(&self) -> JobKind {
        match self {
            Job::Coverage(_) => JobKind::Coverage,
        }
    }

    /// Runs the job; the worker calls this, and tests can.
    pub fn run(&self) -> Outcome {
        match self {
            Job::Coverage(request) => {
                Outcome::Coverage(crate::coverage::report(&request.plan, &request.text, &request.interfaces))
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JobKind {
    Coverage,
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
    pub error: Option<String>,
}

/// The worker's whole handling of one message: never a panic, always a reply (with id 0
/// when not even the id could be read).
pub fn answer(message: &str) -> String {
    let reply = match serde_json::from_str::<Request>(message) {
        Ok(request) => Reply { id: request.id, outcome: Some(request.job.run()), error: None },
        Err(error) => {
            let id = serde_json::from_str::<serde_json::Value>(message)
                .ok()
                .and_then(|value| value["id"].as_u64())
                .unwrap_or(0);
            Reply { id, outcome: None, error: Some(format!("the check got a request it cannot read: {error}")) }
        }
    };
    serde_json::to_string(&reply).unwrap_or_else(|error| {
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
        let reply: Reply = serde_json::from_str(&answer(&message)).unwrap();
        assert_eq!(reply.id, 7);
        assert_eq!(reply.outcome, Some(job.run()));
        assert_eq!(reply.error, None);
    }

    #[test]
    fn unreadable_requests_get_a_reason_not_a_panic() {
        let check = |message: &str, id: u64| {
            let reply: Reply = serde_json::from_str(&answer(message)).unwrap();
            assert_eq!((reply.id, reply.outcome), (id, None), "{message}");
            assert!(reply.error.unwrap().starts_with("the check got a request it cannot read"), "{message}");
        };
        check("", 0);
        check("not json", 0);
        check(r#"{"id": 4}"#, 4);
        check(r#"{"id": 5, "job": {"telepathy": {}}}"#, 5);
    }
}
