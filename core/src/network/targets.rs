//! Where the network checks point: the production endpoints the spec names, unless an
//! administrator's `config.json` (beside `index.html`, or given to the CLI) says otherwise.

use crate::limits;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::IpAddr;
use thiserror::Error;

/// A STUN or TURN server for the UDP media checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IceServer {
    /// `stun:host:port` or `turn:host:port`.
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credential: String,
}

/// The targets of the network checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Targets {
    /// Host names that must answer HTTPS (2.1: touchpoint.telia.se and its subdomains).
    pub https_hosts: Vec<String>,
    /// Where to reach the platform instead of what DNS says: for a lab or a test bench.
    pub platform_address: Option<IpAddr>,
    /// Port substitutions for a lab ("443": 18443); production uses the spec's ports.
    pub ports: BTreeMap<u16, u16>,
    pub ice_servers: Vec<IceServer>,
    /// Per-check time bound in milliseconds.
    pub timeout_ms: u64,
    /// Latency samples after warm-up.
    pub samples: usize,
}

impl Default for Targets {
    fn default() -> Targets {
        Targets {
            https_hosts: vec![limits::SERVICE_HOST.to_owned()],
            platform_address: None,
            ports: BTreeMap::new(),
            ice_servers: Vec::new(),
            timeout_ms: 3000,
            samples: 20,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("config.json is not valid: {0}")]
    Json(String),
    #[error("config.json has problems: {}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl Targets {
    /// Reads and checks a config file; every problem is named, not only the first.
    pub fn parse(text: &str) -> Result<Targets, ConfigError> {
        let targets: Targets = serde_json::from_str(text).map_err(|error| ConfigError::Json(error.to_string()))?;
        let mut problems = Vec::new();
        if targets.https_hosts.is_empty() {
            problems.push("https_hosts is empty: name at least one host to check".to_owned());
        }
        for host in &targets.https_hosts {
            let valid = !host.is_empty()
                && host.len() <= 253
                && host.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                });
            if !valid {
                problems.push(format!("\"{host}\" is not a host name"));
            }
        }
        for server in &targets.ice_servers {
            let scheme_ok =
                server.url.starts_with("stun:") || server.url.starts_with("turn:") || server.url.starts_with("turns:");
            if !scheme_ok {
                problems.push(format!("ice server \"{}\" must start with stun:, turn: or turns:", server.url));
            }
            if server.url.starts_with("turn") && (server.username.is_empty() || server.credential.is_empty()) {
                problems.push(format!("TURN server \"{}\" needs a username and a credential", server.url));
            }
        }
        for (from, to) in &targets.ports {
            if *from == 0 || *to == 0 {
                problems.push(format!("port mapping {from} → {to} uses port 0"));
            }
        }
        if !(100..=60_000).contains(&targets.timeout_ms) {
            problems.push(format!("timeout_ms is {}; use 100 to 60000", targets.timeout_ms));
        }
        if !(1..=1000).contains(&targets.samples) {
            problems.push(format!("samples is {}; use 1 to 1000", targets.samples));
        }
        if problems.is_empty() { Ok(targets) } else { Err(ConfigError::Invalid(problems)) }
    }

    /// The port to use for one the spec names.
    pub fn port(&self, spec_port: u16) -> u16 {
        self.ports.get(&spec_port).copied().unwrap_or(spec_port)
    }

    /// The HTTPS address of a host, on the lab's port for 443 where one is given.
    pub fn https_url(&self, host: &str) -> String {
        match self.port(443) {
            443 => format!("https://{host}/"),
            port => format!("https://{host}:{port}/"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_point_at_production() {
        let targets = Targets::default();
        assert_eq!(targets.https_hosts, ["touchpoint.telia.se"]);
        assert_eq!(targets.port(443), 443);
        assert_eq!(Targets::parse("{}"), Ok(targets));
    }

    #[test]
    fn a_lab_config_is_read() {
        let text = r#"{"https_hosts": ["tpp.lab.example"], "platform_address": "127.0.0.1", "ports": {"443": 18443},
            "ice_servers": [{"url": "turn:127.0.0.1:3478", "username": "u", "credential": "p"}], "timeout_ms": 500, "samples": 30}"#;
        let targets = Targets::parse(text).unwrap();
        assert_eq!(targets.port(443), 18443);
        assert_eq!(targets.port(5061), 5061);
        assert_eq!(targets.https_url("tpp.lab.example"), "https://tpp.lab.example:18443/");
        assert_eq!(Targets::default().https_url("touchpoint.telia.se"), "https://touchpoint.telia.se/");
        assert_eq!(targets.platform_address, Some("127.0.0.1".parse().unwrap()));
    }

    #[test]
    fn every_problem_is_named() {
        let check = |text: &str, expected: &[&str]| match Targets::parse(text) {
            Err(ConfigError::Invalid(problems)) => {
                for fragment in expected {
                    assert!(problems.iter().any(|problem| problem.contains(fragment)), "{fragment} in {problems:?}");
                }
                assert_eq!(problems.len(), expected.len(), "{problems:?}");
            }
            other => panic!("{text}: {other:?}"),
        };
        check(
            r#"{"https_hosts": ["bad host", ""], "ice_servers": [{"url": "http://x"}, {"url": "turn:x:1"}], "timeout_ms": 5, "samples": 0}"#,
            &["\"bad host\"", "\"\" is not", "must start with", "needs a username", "timeout_ms is 5", "samples is 0"],
        );
        check(r#"{"https_hosts": []}"#, &["https_hosts is empty"]);
        assert!(
            matches!(Targets::parse("{\"hosts\": 1}"), Err(ConfigError::Json(message)) if message.contains("unknown field `hosts`"))
        );
        assert!(matches!(Targets::parse("not json"), Err(ConfigError::Json(_))));
    }
}
