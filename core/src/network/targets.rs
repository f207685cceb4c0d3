//! Where the network checks point: the production endpoints the spec names, unless an
//! administrator's `config.json` (beside `index.html`, or given to the CLI) says otherwise.

use crate::bilingual;
use crate::limits;
use crate::locale::{Bilingual, Locale};
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

/// How an ICE server is reached, from its URL's scheme (RFC 7064 and RFC 7065).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IceScheme {
    /// `stun:`: the server tells the browser its public address.
    Stun,
    /// `turn:`: the server relays media, over UDP or TCP.
    Turn,
    /// `turns:`: the server relays media over TLS.
    Turns,
}

/// An ICE server URL of no scheme a browser accepts.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("ice server \"{0}\" must start with stun:, turn: or turns:")]
pub struct UnknownIceScheme(pub String);

impl UnknownIceScheme {
    /// The problem in both languages; `Display` is the English.
    pub fn message(&self) -> Bilingual {
        let url = &self.0;
        bilingual!(
            "ice server \"{url}\" must start with stun:, turn: or turns:",
            "ICE-servern \"{url}\" måste börja med stun:, turn: eller turns:"
        )
    }

    /// The problem in `locale`.
    pub fn message_in(&self, locale: Locale) -> String {
        self.message().get(locale).to_owned()
    }
}

impl IceScheme {
    pub const ALL: &[IceScheme] = &[IceScheme::Stun, IceScheme::Turn, IceScheme::Turns];

    /// The scheme as written before the colon.
    pub const fn name(self) -> &'static str {
        match self {
            IceScheme::Stun => "stun",
            IceScheme::Turn => "turn",
            IceScheme::Turns => "turns",
        }
    }

    /// Reads the scheme of `url`, as browsers write it: lower case, before the first colon.
    pub fn of(url: &str) -> Result<IceScheme, UnknownIceScheme> {
        let scheme = url.split_once(':').map(|(scheme, _)| scheme);
        IceScheme::ALL
            .iter()
            .copied()
            .find(|known| scheme == Some(known.name()))
            .ok_or_else(|| UnknownIceScheme(url.to_owned()))
    }

    /// A TURN server relays: gathering must give a relayed address, it needs credentials, and
    /// the media probes run through it.
    pub const fn relays(self) -> bool {
        matches!(self, IceScheme::Turn | IceScheme::Turns)
    }
}

impl IceServer {
    pub fn scheme(&self) -> Result<IceScheme, UnknownIceScheme> {
        IceScheme::of(&self.url)
    }

    /// Whether this is a TURN server; one of no known scheme is not.
    pub fn relays(&self) -> bool {
        self.scheme().is_ok_and(IceScheme::relays)
    }
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
    /// A newer dated release table for 2.8's mobile check than this build's.
    pub mobile_releases: Option<crate::policy::ReleaseTable>,
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
            mobile_releases: None,
        }
    }
}

/// Why a `config.json` cannot be used. `Display` is the English; [`ConfigError::message`]
/// has both languages.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// The file is no JSON of the targets' shape: the parser's message, in English.
    #[error("config.json is not valid: {0}")]
    Json(String),
    /// Every problem found, each in both languages.
    #[error("config.json has problems: {}", english(.0))]
    Invalid(Vec<Bilingual>),
}

fn english(problems: &[Bilingual]) -> String {
    Bilingual::join(problems, "; ", "; ").en
}

impl ConfigError {
    /// The whole message in both languages.
    pub fn message(&self) -> Bilingual {
        match self {
            // serde_json's message stays as it wrote it.
            ConfigError::Json(error) => {
                bilingual!("config.json is not valid: {error}", "config.json är inte giltig: {error}")
            }
            ConfigError::Invalid(problems) => {
                let joined = Bilingual::join(problems, "; ", "; ");
                let (en, sv) = (&joined.en, &joined.sv);
                bilingual!("config.json has problems: {en}", "config.json har problem: {sv}")
            }
        }
    }

    /// The whole message in `locale`.
    pub fn message_in(&self, locale: Locale) -> String {
        self.message().get(locale).to_owned()
    }
}

impl Targets {
    /// Reads and checks a config file; every problem is named, not only the first.
    pub fn parse(text: &str) -> Result<Targets, ConfigError> {
        let targets: Targets = serde_json::from_str(text).map_err(|error| ConfigError::Json(error.to_string()))?;
        let mut problems: Vec<Bilingual> = Vec::new();
        if targets.https_hosts.is_empty() {
            problems.push(Bilingual::new(
                "https_hosts is empty: name at least one host to check",
                "https_hosts är tom: ange minst en värd att kontrollera",
            ));
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
                problems.push(bilingual!("\"{host}\" is not a host name", "\"{host}\" är inget värdnamn"));
            }
        }
        for server in &targets.ice_servers {
            match server.scheme() {
                Err(unknown) => problems.push(unknown.message()),
                Ok(scheme) if scheme.relays() && (server.username.is_empty() || server.credential.is_empty()) => {
                    let url = &server.url;
                    problems.push(bilingual!(
                        "TURN server \"{url}\" needs a username and a credential",
                        "TURN-servern \"{url}\" behöver ett användarnamn (username) och ett lösenord (credential)"
                    ));
                }
                Ok(_) => {}
            }
        }
        for (from, to) in &targets.ports {
            if *from == 0 || *to == 0 {
                problems.push(bilingual!(
                    "port mapping {from} → {to} uses port 0",
                    "portmappningen {from} → {to} använder port 0"
                ));
            }
        }
        let (timeout, samples) = (targets.timeout_ms, targets.samples);
        if !(100..=60_000).contains(&timeout) {
            problems.push(bilingual!(
                "timeout_ms is {timeout}; use 100 to 60000",
                "timeout_ms är {timeout}; använd 100 till 60000"
            ));
        }
        if !(1..=1000).contains(&samples) {
            problems
                .push(bilingual!("samples is {samples}; use 1 to 1000", "samples är {samples}; använd 1 till 1000"));
        }
        if let Some(table) = &targets.mobile_releases {
            problems.extend(table.problems_in_both().into_iter().map(|problem| {
                let (en, sv) = (&problem.en, &problem.sv);
                crate::bilingual!("mobile_releases: {en}", "mobile_releases: {sv}")
            }));
        }
        if problems.is_empty() { Ok(targets) } else { Err(ConfigError::Invalid(problems)) }
    }

    /// The release table 2.8's check reads: the config's, else this build's.
    pub fn release_table(&self) -> crate::policy::ReleaseTable {
        self.mobile_releases.clone().unwrap_or_else(crate::policy::ReleaseTable::builtin)
    }

    /// The port to use for one the spec names.
    pub fn port(&self, spec_port: u16) -> u16 {
        self.ports.get(&spec_port).copied().unwrap_or(spec_port)
    }

    /// The Content-Security-Policy the app runs under with these targets: nothing but its own
    /// files ('self'), WebAssembly compiled from them ('wasm-unsafe-eval', never 'unsafe-eval'
    /// or 'unsafe-inline'), and connections to the hosts the network checks time. Browsers do
    /// not hold WebRTC to `connect-src`, so the ICE servers need no entry. The server samples of
    /// the intranet package send it; the end-to-end tests run behind it.
    pub fn content_security_policy(&self) -> String {
        let mut connect = vec!["'self'".to_owned()];
        for host in &self.https_hosts {
            let origin = self.https_url(host).trim_end_matches('/').to_owned();
            if !connect.contains(&origin) {
                connect.push(origin);
            }
        }
        format!(
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src {}; \
             worker-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; \
             object-src 'none'",
            connect.join(" ")
        )
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
    fn a_newer_release_table_is_read_and_checked() {
        let text = r#"{"mobile_releases": {"checked": "2026-11-01", "releases": [
            {"platform": "android", "major": 15, "released": "2024-10-15"},
            {"platform": "android", "major": 16, "released": "2025-06-10"},
            {"platform": "android", "major": 17, "released": "2026-06-10"},
            {"platform": "ios", "major": 26, "released": "2025-09-15"},
            {"platform": "ios", "major": 27, "released": "2026-09-14"}]}}"#;
        let table = Targets::parse(text).unwrap().release_table();
        assert_eq!(table.checked, crate::units::Date::new(2026, 11, 1));
        assert_eq!(table.supported_majors(crate::policy::MobilePlatform::Ios, table.checked), [27, 26]);
        assert_eq!(Targets::default().release_table(), crate::policy::ReleaseTable::builtin());
        let late = text.replace("2026-11-01", "2026-07-01");
        let Err(ConfigError::Invalid(problems)) = Targets::parse(&late) else {
            panic!("a release after the check day")
        };
        let problems: Vec<&str> = problems.iter().map(|problem| problem.en.as_str()).collect();
        assert_eq!(
            problems,
            ["mobile_releases: iOS 27 is dated 2026-09-14, after the day the table was checked (2026-07-01)"]
        );
        assert!(matches!(
            Targets::parse(&text.replace("\"major\": 17", "\"major\": \"17\"")),
            Err(ConfigError::Json(_))
        ));
    }

    #[test]
    fn the_policy_allows_the_app_and_the_checked_hosts_only() {
        let policy = Targets::default().content_security_policy();
        assert!(
            policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"),
            "{policy}"
        );
        assert!(policy.contains("connect-src 'self' https://touchpoint.telia.se;"), "{policy}");
        for directive in [
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
            "worker-src 'self'",
        ] {
            assert!(policy.contains(directive), "{directive}: {policy}");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
        let lab = Targets::parse(
            r#"{"https_hosts": ["a.lab.example", "b.lab.example", "a.lab.example"], "ports": {"443": 18443}}"#,
        )
        .unwrap();
        assert!(
            lab.content_security_policy()
                .contains("connect-src 'self' https://a.lab.example:18443 https://b.lab.example:18443;"),
            "{}",
            lab.content_security_policy()
        );
    }

    #[test]
    fn ice_schemes_are_read_not_guessed() {
        let check = |url: &str, expected: Result<IceScheme, ()>| {
            assert_eq!(IceScheme::of(url).map_err(|_| ()), expected, "{url}");
        };
        check("stun:stun.example:3478", Ok(IceScheme::Stun));
        check("turn:127.0.0.1:3478?transport=udp", Ok(IceScheme::Turn));
        check("turns:relay.example:443?transport=tcp", Ok(IceScheme::Turns));
        // A prefix is not a scheme: "turnx:" and "stuns:" are neither.
        check("turnx:relay.example", Err(()));
        check("stuns:stun.example", Err(()));
        check("TURN:relay.example", Err(()));
        check("turn", Err(()));
        check("", Err(()));
        check("http://x", Err(()));
        let relays: Vec<bool> = IceScheme::ALL.iter().map(|scheme| scheme.relays()).collect();
        assert_eq!(relays, [false, true, true]);
        let server = |url: &str| IceServer { url: url.to_owned(), username: String::new(), credential: String::new() };
        assert!(server("turns:r:5349").relays() && !server("stun:s:3478").relays() && !server("turnx:r").relays());
    }

    #[test]
    fn every_problem_is_named() {
        let check = |text: &str, expected: &[&str]| match Targets::parse(text) {
            Err(ConfigError::Invalid(problems)) => {
                for fragment in expected {
                    assert!(problems.iter().any(|problem| problem.en.contains(fragment)), "{fragment} in {problems:?}");
                }
                assert_eq!(problems.len(), expected.len(), "{problems:?}");
            }
            other => panic!("{text}: {other:?}"),
        };
        check(
            r#"{"https_hosts": ["bad host", ""], "ice_servers": [{"url": "http://x"}, {"url": "turn:x:1"}, {"url": "turns:y:2"}, {"url": "turnx:z"}], "timeout_ms": 5, "samples": 0}"#,
            &[
                "\"bad host\"",
                "\"\" is not",
                "\"http://x\" must start with",
                "\"turn:x:1\" needs a username",
                "\"turns:y:2\" needs a username",
                "\"turnx:z\" must start with",
                "timeout_ms is 5",
                "samples is 0",
            ],
        );
        check(r#"{"https_hosts": []}"#, &["https_hosts is empty"]);
        assert!(
            matches!(Targets::parse("{\"hosts\": 1}"), Err(ConfigError::Json(message)) if message.contains("unknown field `hosts`"))
        );
        assert!(matches!(Targets::parse("not json"), Err(ConfigError::Json(_))));
    }
}
