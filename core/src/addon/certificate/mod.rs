//! 3.2.1 and 3.2.2: the certificates of the S4B/Lync Front End and Mediation servers. They come
//! from a public CA, carry no wildcard, and have both the Server and the Client Authentication
//! purposes; with private certificates the add-on is bought, and the root and intermediates go
//! to Telia Base64-encoded, valid, and renewed at least a month before they expire.
//!
//! What cannot be known offline is said so. Signatures are not verified (x509-parser runs
//! without its `verify` feature, which would bring ring): chains are linked by issuer names and
//! key identifiers, and the evidence says so. "A public CA" is a name match of the root's or
//! the missing issuer's organisation against a short list
//! ([`public_ca::PUBLIC_CA_ORGANISATIONS`]), and its evidence says it is a name match, not a
//! verification; an issuer neither given nor listed needs a person's confirmation.
//!
//! Compiled only with the `certificates` feature, so that the app's first load never carries it.

mod chain;
mod describe;
mod input;
pub mod public_ca;

pub use chain::{Chain, ChainEnd, Issuance, LinkBasis, build_chains};
pub use describe::{Certificate, Purposes, describe};
pub use input::{Block, ReadError, pem_block, read_blocks};

use crate::addon::calendar::{days_between, shift};
use crate::limits;
use crate::requirement::RequirementId;
use crate::requirement_id;
use crate::units::Date;
use crate::verdict::{Finding, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which servers the certificates are for: it picks the requirements of 3.2.1 or 3.2.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServerRole {
    #[default]
    FrontEnd,
    Mediation,
}

/// A text that names no server role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a server role: front-end or mediation")]
pub struct UnknownRole(pub String);

impl std::str::FromStr for ServerRole {
    type Err = UnknownRole;

    fn from_str(text: &str) -> Result<ServerRole, UnknownRole> {
        match text.trim().to_ascii_lowercase().as_str() {
            "front-end" | "frontend" => Ok(ServerRole::FrontEnd),
            "mediation" => Ok(ServerRole::Mediation),
            _ => Err(UnknownRole(text.to_owned())),
        }
    }
}

/// The requirement of each check, for one role.
#[derive(Debug, Clone, Copy)]
struct RoleRequirements {
    public: RequirementId,
    no_wildcard: RequirementId,
    purposes: RequirementId,
    private: RequirementId,
    private_valid: RequirementId,
    private_notice: RequirementId,
}

impl ServerRole {
    pub const ALL: &[ServerRole] = &[ServerRole::FrontEnd, ServerRole::Mediation];

    pub const fn slug(self) -> &'static str {
        match self {
            ServerRole::FrontEnd => "front-end",
            ServerRole::Mediation => "mediation",
        }
    }

    /// The servers' name as the spec writes it.
    pub const fn label(self) -> &'static str {
        match self {
            ServerRole::FrontEnd => "Front End",
            ServerRole::Mediation => "Mediation",
        }
    }

    const fn requirements(self) -> RoleRequirements {
        match self {
            ServerRole::FrontEnd => RoleRequirements {
                public: requirement_id!("s4b.public-certificate"),
                no_wildcard: requirement_id!("s4b.no-wildcard"),
                purposes: requirement_id!("s4b.certificate-eku"),
                private: requirement_id!("s4b.private-certificate"),
                private_valid: requirement_id!("s4b.private-certificate-valid"),
                private_notice: requirement_id!("s4b.private-certificate-notice"),
            },
            ServerRole::Mediation => RoleRequirements {
                public: requirement_id!("s4b-voice.public-certificate"),
                no_wildcard: requirement_id!("s4b-voice.no-wildcard"),
                purposes: requirement_id!("s4b-voice.certificate-eku"),
                private: requirement_id!("s4b-voice.private-certificate"),
                private_valid: requirement_id!("s4b-voice.private-certificate-valid"),
                private_notice: requirement_id!("s4b-voice.private-certificate-notice"),
            },
        }
    }

    /// Every requirement the check reports on for this role.
    pub const fn requirement_ids(self) -> [RequirementId; 6] {
        let ids = self.requirements();
        [ids.public, ids.no_wildcard, ids.purposes, ids.private, ids.private_valid, ids.private_notice]
    }
}

/// How the check runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateOptions {
    pub role: ServerRole,
}

/// One file dropped or one text pasted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSource {
    /// The file name, or a label such as "pasted text".
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A part of the input that is not a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    pub source: String,
    pub line: Option<usize>,
    pub problem: String,
}

/// A finding, and the certificate it is about where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// Index into the report's certificates.
    pub certificate: Option<usize>,
    pub source: Option<String>,
    /// The line the certificate's PEM block begins on.
    pub line: Option<usize>,
}

/// The private root and intermediate certificates, ready to send to Telia.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaBundle {
    /// Indices into the report's certificates, each chain from its lowest CA up to the root.
    pub certificates: Vec<usize>,
    /// The certificates as PEM (Base64 between BEGIN and END lines).
    pub pem: String,
}

/// Everything the page shows about the certificates given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateReport {
    pub role: ServerRole,
    pub today: Date,
    pub certificates: Vec<Certificate>,
    pub chains: Vec<Chain>,
    pub unreadable: Vec<Unreadable>,
    pub findings: Vec<CertificateFinding>,
    /// Present when a chain is private.
    pub bundle: Option<CaBundle>,
}

/// Reads every source, links the certificates into chains, and judges them for `options.role`
/// as of `today`.
pub fn validate_certificates(
    sources: &[CertificateSource],
    options: &CertificateOptions,
    today: Date,
) -> CertificateReport {
    let mut certificates: Vec<Certificate> = Vec::new();
    let mut unreadable = Vec::new();
    for source in sources {
        for block in read_blocks(&source.bytes) {
            let described = block.and_then(|block| describe(&block.der, &source.name, block.line));
            match described {
                // The same certificate twice (a chain file and its parts) counts once.
                Ok(certificate) if certificates.iter().any(|seen| seen.der() == certificate.der()) => {}
                Ok(certificate) => certificates.push(certificate),
                Err(error) => {
                    unreadable.push(Unreadable {
                        source: source.name.clone(),
                        line: error.line(),
                        problem: error.to_string(),
                    });
                }
            }
        }
    }
    let chains = build_chains(&certificates);
    let findings = if certificates.is_empty() {
        Vec::new()
    } else {
        let mut judge = Judge::new(&certificates, &chains, options.role, today);
        judge.all();
        judge.findings
    };
    let bundle = ca_bundle(&certificates, &chains);
    CertificateReport { role: options.role, today, certificates, chains, unreadable, findings, bundle }
}

/// The certificates of the private chains that Telia must have, root and intermediates (and a
/// self-signed server certificate, its own root), each chain from its lowest CA up.
pub fn ca_bundle(certificates: &[Certificate], chains: &[Chain]) -> Option<CaBundle> {
    let mut members: Vec<usize> = Vec::new();
    for chain in chains.iter().filter(|chain| matches!(chain.issuance, Issuance::Private { .. })) {
        for (position, index) in chain.certificates.iter().enumerate() {
            let server_leaf = position == 0 && chain.server && !certificates[*index].self_signed();
            if !server_leaf && !members.contains(index) {
                members.push(*index);
            }
        }
    }
    if members.is_empty() {
        return None;
    }
    let pem = members.iter().map(|index| pem_block(certificates[*index].der())).collect();
    Some(CaBundle { certificates: members, pem })
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 { format!("1 {one}") } else { format!("{count} {many}") }
}

fn list(names: &[String]) -> String {
    names.join(", ")
}

struct Judge<'a> {
    certificates: &'a [Certificate],
    chains: &'a [Chain],
    role: ServerRole,
    ids: RoleRequirements,
    today: Date,
    findings: Vec<CertificateFinding>,
    /// CA certificates whose expiry notice was judged already (chains share them).
    dated: BTreeSet<usize>,
    /// CA certificates whose validity was judged already.
    validated: BTreeSet<usize>,
}

impl<'a> Judge<'a> {
    fn new(certificates: &'a [Certificate], chains: &'a [Chain], role: ServerRole, today: Date) -> Judge<'a> {
        Judge {
            certificates,
            chains,
            role,
            ids: role.requirements(),
            today,
            findings: Vec::new(),
            dated: BTreeSet::new(),
            validated: BTreeSet::new(),
        }
    }

    fn push(
        &mut self,
        id: RequirementId,
        verdict: Verdict,
        evidence: String,
        advice: Option<String>,
        about: Option<usize>,
    ) {
        let certificate = about.map(|index| &self.certificates[index]);
        self.findings.push(CertificateFinding {
            finding: Finding::new_english(id, verdict, evidence, advice),
            certificate: about,
            source: certificate.map(|certificate| certificate.source.clone()),
            line: certificate.and_then(|certificate| certificate.line),
        });
    }

    fn name(&self, index: usize) -> &'a str {
        self.certificates[index].name()
    }

    fn names(&self, indices: &[usize]) -> Vec<String> {
        indices.iter().map(|index| self.name(*index).to_owned()).collect()
    }

    fn all(&mut self) {
        let server_chains: Vec<&Chain> = self.chains.iter().filter(|chain| chain.server).collect();
        let ca_chains: Vec<&Chain> = self.chains.iter().filter(|chain| !chain.server).collect();
        if server_chains.is_empty() {
            self.no_server_certificate();
        }
        for chain in &server_chains {
            let leaf = chain.bottom();
            self.wildcard(leaf);
            self.purposes(leaf);
            self.issuance(chain);
            self.leaf_validity(leaf);
            self.private(chain);
            self.structure(chain, &ca_chains, true);
            self.notice(chain, true);
        }
        // CA certificates no server certificate links to: judged on their own when they are
        // all there is (a bundle prepared for Telia); else only their problems are told, and
        // the server chains' incompleteness names them.
        let standalone = server_chains.is_empty();
        for chain in &ca_chains {
            if standalone {
                self.issuance(chain);
                self.private(chain);
            }
            self.structure(chain, &[], standalone);
            self.notice(chain, standalone);
        }
    }

    fn no_server_certificate(&mut self) {
        let evidence = format!(
            "No {} server certificate was given, only {}",
            self.role.label(),
            plural(self.certificates.len(), "CA certificate", "CA certificates"),
        );
        let advice = Some(format!("Add the {} server certificate to check it too.", self.role.label()));
        self.push(self.ids.no_wildcard, Verdict::NeedsConfirmation, evidence.clone(), advice.clone(), None);
        self.push(self.ids.purposes, Verdict::NeedsConfirmation, evidence, advice, None);
    }

    fn wildcard(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let mut wildcards: Vec<String> = certificate
            .common_names
            .iter()
            .filter(|name| name.contains('*'))
            .map(|name| format!("CN={name}"))
            .collect();
        wildcards.extend(certificate.dns_names().filter(|name| name.contains('*')).map(|name| format!("DNS:{name}")));
        let dns: Vec<String> = certificate.dns_names().map(str::to_owned).collect();
        let (verdict, evidence, advice) = if !wildcards.is_empty() {
            (
                Verdict::Fail,
                format!("{} has wildcard names: {}", certificate.name(), list(&wildcards)),
                Some(format!(
                    "Wildcard certificates are not supported: request one that names each {} server and pool in full (FQDN) in its subject alternative names.",
                    self.role.label()
                )),
            )
        } else if certificate.alternative_names_unreadable {
            (
                Verdict::NeedsConfirmation,
                format!(
                    "The common name of {} has no wildcard, but its subject alternative names could not be read",
                    certificate.name()
                ),
                Some("Check the subject alternative names in the certificate's details.".into()),
            )
        } else {
            let names = if dns.is_empty() { "no DNS names".to_owned() } else { format!("DNS names {}", list(&dns)) };
            (Verdict::Pass, format!("No wildcard in the common name of {} or its {names}", certificate.name()), None)
        };
        self.push(self.ids.no_wildcard, verdict, evidence, advice, Some(leaf));
    }

    fn purposes(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let name = certificate.name();
        let request = "Request a new certificate whose extended key usage lists both Server Authentication (1.3.6.1.5.5.7.3.1) and Client Authentication (1.3.6.1.5.5.7.3.2).".to_owned();
        let (verdict, evidence, advice) = match &certificate.purposes {
            Purposes::Listed { server_authentication: true, client_authentication: true, .. } => {
                (Verdict::Pass, format!("The extended key usage of {name} lists Server Authentication and Client Authentication"), None)
            }
            Purposes::Listed { server_authentication, client_authentication, any, other } => {
                let mut listed: Vec<String> = Vec::new();
                if *server_authentication {
                    listed.push("Server Authentication".into());
                }
                if *client_authentication {
                    listed.push("Client Authentication".into());
                }
                if *any {
                    listed.push("any purpose".into());
                }
                listed.extend(other.iter().cloned());
                let missing = match (server_authentication, client_authentication) {
                    (false, false) => "both Server and Client Authentication",
                    (true, false) => "Client Authentication",
                    _ => "Server Authentication",
                };
                let listed = if listed.is_empty() { "nothing".to_owned() } else { list(&listed) };
                if *any {
                    (
                        Verdict::Warning,
                        format!("The extended key usage of {name} lists {listed}, not {missing} by name"),
                        Some(format!("Many TLS stacks accept \"any purpose\", but the spec asks for both purposes enabled. {request}")),
                    )
                } else {
                    (Verdict::Fail, format!("The extended key usage of {name} lists {listed}: {missing} is missing"), Some(request))
                }
            }
            Purposes::Absent => (
                Verdict::Warning,
                format!("{name} has no extended key usage extension: it is not limited to any purpose (RFC 5280), but it does not enable Server and Client Authentication by name"),
                Some(format!("The spec asks for both purposes enabled. {request}")),
            ),
            Purposes::Unreadable => (
                Verdict::NeedsConfirmation,
                format!("The extended key usage extension of {name} could not be read"),
                Some("Check Enhanced Key Usage in the certificate's details: both Server and Client Authentication must be listed.".into()),
            ),
        };
        self.push(self.ids.purposes, verdict, evidence, advice, Some(leaf));
    }

    fn issuance(&mut self, chain: &Chain) {
        let bottom = chain.bottom();
        let name = self.name(bottom);
        let (verdict, evidence, advice) = match (&chain.issuance, chain.server) {
            (Issuance::PublicByName { organisation, name: ca }, true) => (
                Verdict::Pass,
                format!(
                    "{name} is issued under {ca}: organisation \"{organisation}\" is on sitecheck's list of public CAs. A name match, not a verification: signatures are not checked offline"
                ),
                None,
            ),
            (Issuance::Private { root }, true) => (
                Verdict::Warning,
                if *root == bottom {
                    format!("{name} is self-signed: it is its own root, not issued by a public CA")
                } else {
                    format!("{name} is issued under the private root {}, not by a public CA", self.name(*root))
                },
                Some(format!(
                    "Use {} certificates from a public CA, or buy the add-on Skype For Business Private Certificate and send Telia the root and intermediate certificates (sitecheck's bundle).",
                    self.role.label()
                )),
            ),
            (Issuance::Unknown { issuer }, true) => (
                Verdict::NeedsConfirmation,
                if matches!(chain.end, ChainEnd::IssuerKeyDiffers { .. }) {
                    format!(
                        "{name} is issued by {issuer}; the certificate of that name given has another key, and the name is not on sitecheck's list of public CA names: a public CA?"
                    )
                } else {
                    format!(
                        "{name} is issued by {issuer}, which is neither among the certificates given nor on sitecheck's list of public CA names: a public CA?"
                    )
                },
                Some(
                    "Add the intermediate and root certificates to decide, or confirm that this issuer is a public CA."
                        .into(),
                ),
            ),
            (issuance, false) => (
                Verdict::NeedsConfirmation,
                format!(
                    "Only CA certificates were given; they end {}",
                    match issuance {
                        Issuance::PublicByName { organisation, name } =>
                            format!("at {name}, a public CA by name (\"{organisation}\")"),
                        Issuance::Private { root } => format!("at the private root {}", self.name(*root)),
                        Issuance::Unknown { issuer } => format!("below {issuer}, which was not given"),
                    }
                ),
                Some(format!("Add the {} server certificate to check who issued it.", self.role.label())),
            ),
        };
        self.push(self.ids.public, verdict, evidence, advice, Some(bottom));
    }

    fn leaf_validity(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let (name, from, until) = (certificate.name(), certificate.not_before, certificate.not_after);
        let notice_from = shift(until, limits::CERTIFICATE_EXPIRY_NOTICE, -1).unwrap_or(until);
        let left = days_between(self.today, until);
        let renew = Some(format!("Renew the {} certificate before it expires.", self.role.label()));
        let (verdict, evidence, advice) = if self.today < from {
            (Verdict::Fail, format!("{name} is not valid before {from}"), None)
        } else if self.today > until {
            (Verdict::Fail, format!("{name} expired on {until}, {} days ago", -left), renew)
        } else if self.today >= notice_from {
            let when = if left == 0 { "today".to_owned() } else { format!("in {left} days") };
            (
                Verdict::Warning,
                format!("{name} expires on {until}, {when}: within {}", limits::CERTIFICATE_EXPIRY_NOTICE),
                renew,
            )
        } else {
            (Verdict::Pass, format!("{name} is valid from {from} until {until}, {left} days from {}", self.today), None)
        };
        self.push(self.ids.public, verdict, evidence, advice, Some(leaf));
    }

    /// The CA certificates of a chain that Telia would need: all but a server certificate that
    /// another certificate issued.
    fn ca_members(&self, chain: &Chain) -> Vec<usize> {
        chain
            .certificates
            .iter()
            .enumerate()
            .filter(|(position, index)| !(*position == 0 && chain.server && !self.certificates[**index].self_signed()))
            .map(|(_, index)| *index)
            .collect()
    }

    fn private(&mut self, chain: &Chain) {
        let bottom = chain.bottom();
        let (verdict, evidence, advice) = match &chain.issuance {
            Issuance::PublicByName { name, .. } => (
                Verdict::NotApplicable,
                format!("Issued under {name}, a public CA by name: the private certificate add-on does not apply"),
                None,
            ),
            Issuance::Private { root } => {
                let members = self.ca_members(chain);
                let what = match members.len() {
                    0 | 1 if *root == bottom && chain.server => format!("{} is self-signed", self.name(*root)),
                    0 | 1 => format!("Private root {}, no intermediates", self.name(*root)),
                    count => format!(
                        "Private root {} and {}",
                        self.name(*root),
                        plural(count - 1, "intermediate", "intermediates")
                    ),
                };
                (
                    Verdict::NeedsConfirmation,
                    format!(
                        "{what}: the add-on Skype For Business Private Certificate is needed, and {} to Telia Base64-encoded: {}",
                        if members.len() == 1 { "this certificate goes" } else { "these certificates go" },
                        list(&self.names(&members)),
                    ),
                    Some("Confirm that the add-on is bought, and send Telia sitecheck's bundle of these certificates (PEM is Base64).".into()),
                )
            }
            Issuance::Unknown { issuer } => (
                Verdict::NeedsConfirmation,
                format!(
                    "If {issuer} is a private CA, the add-on Skype For Business Private Certificate is needed and its root and intermediate certificates go to Telia Base64-encoded"
                ),
                Some("Add the root and intermediate certificates to make the bundle, or confirm that the issuer is a public CA.".into()),
            ),
        };
        self.push(self.ids.private, verdict, evidence, advice, Some(bottom));
    }

    /// Links, order, completeness and the CA certificates' dates. For a public chain these
    /// go under the public-certificate requirement, for others under the private one. A chain
    /// that is not `standalone` reports only its problems.
    fn structure(&mut self, chain: &Chain, unlinked: &[&Chain], standalone: bool) {
        let id = match chain.issuance {
            Issuance::PublicByName { .. } => self.ids.public,
            _ => self.ids.private_valid,
        };
        let before = self.findings.len();
        let certificates = self.certificates;
        // Every issuer must be a CA.
        for pair in chain.certificates.windows(2) {
            let (issued, issuer) = (pair[0], pair[1]);
            if !certificates[issuer].is_ca {
                self.push(
                    id,
                    Verdict::Fail,
                    format!(
                        "{} issued {} but its basic constraints do not make it a CA",
                        self.name(issuer),
                        self.name(issued)
                    ),
                    Some("Give the CA certificate that issued it; a server certificate cannot issue others.".into()),
                    Some(issuer),
                );
            }
        }
        let top = chain.top();
        match &chain.end {
            ChainEnd::IssuerKeyDiffers { issuer, given } => {
                let wanted = certificates[top].authority_key_id.clone().unwrap_or_default();
                let found = certificates[*given].subject_key_id.clone().unwrap_or_default();
                self.push(
                    id,
                    Verdict::Fail,
                    format!(
                        "{} names {issuer} as its issuer, and a certificate of that name was given, but with key identifier {found}, not {wanted}: another key of that CA (a renewed CA certificate?)",
                        self.name(top)
                    ),
                    Some(format!("Give the CA certificate whose subject key identifier is {wanted}.")),
                    Some(*given),
                );
            }
            ChainEnd::Loop => self.push(
                id,
                Verdict::Fail,
                format!("The certificates {} issue each other round in a loop", list(&self.names(&chain.certificates))),
                Some("Give the chain up to its root.".into()),
                Some(top),
            ),
            ChainEnd::IssuerMissing { issuer } if !unlinked.is_empty() => {
                let others: Vec<usize> = unlinked.iter().flat_map(|other| other.certificates.iter().copied()).collect();
                self.push(
                    id,
                    Verdict::Fail,
                    format!(
                        "The chain of {} is incomplete: {}'s issuer {issuer} is not among the certificates given, so {} cannot be linked to it",
                        self.name(chain.bottom()),
                        self.name(top),
                        list(&self.names(&others)),
                    ),
                    Some(format!("Add the certificate of {issuer}.")),
                    Some(top),
                );
            }
            ChainEnd::IssuerMissing { .. } | ChainEnd::SelfSigned => {}
        }
        self.order(chain, id);
        // The dates of the CA certificates (a server certificate's are judged on their own).
        for index in self.ca_members(chain) {
            if index == chain.bottom() && chain.server {
                continue;
            }
            let certificate = &certificates[index];
            if !self.validated.insert(index) {
                continue;
            }
            if self.today < certificate.not_before {
                self.push(
                    id,
                    Verdict::Fail,
                    format!("{} is not valid before {}", certificate.name(), certificate.not_before),
                    None,
                    Some(index),
                );
            } else if self.today > certificate.not_after {
                self.push(
                    id,
                    Verdict::Fail,
                    format!("The CA certificate {} expired on {}", certificate.name(), certificate.not_after),
                    Some("Renew the CA certificate, reissue what it signed, and send Telia the new one.".into()),
                    Some(index),
                );
            }
        }
        if !standalone {
            return;
        }
        let problems = self.findings.len() > before;
        match &chain.issuance {
            Issuance::PublicByName { name, .. } => self.push(
                self.ids.private_valid,
                Verdict::NotApplicable,
                format!("Issued under {name}, a public CA by name: no private certificates go to Telia"),
                None,
                Some(chain.bottom()),
            ),
            _ if problems => {}
            Issuance::Private { .. } if chain.certificates.len() == 1 => self.push(
                id,
                Verdict::Pass,
                format!(
                    "{} is self-signed, its own root: a chain of one, valid on {} (its signature is not verified offline)",
                    self.name(chain.top()),
                    self.today
                ),
                None,
                Some(chain.top()),
            ),
            Issuance::Private { .. } => {
                let by_name: Vec<String> = chain
                    .links
                    .iter()
                    .enumerate()
                    .filter(|(_, basis)| **basis == LinkBasis::NameOnly)
                    .map(|(position, _)| {
                        format!("{} → {}", self.name(chain.certificates[position]), self.name(chain.certificates[position + 1]))
                    })
                    .collect();
                let path: Vec<String> = self.names(&chain.certificates);
                let mut evidence = format!(
                    "The chain {} is complete and in order, each issuer a CA, each CA certificate valid on {}; linked by issuer names and key identifiers (signatures are not verified offline)",
                    path.join(" → "),
                    self.today
                );
                if !by_name.is_empty() {
                    evidence.push_str(&format!("; by name only, without key identifiers: {}", list(&by_name)));
                }
                self.push(id, Verdict::Pass, evidence, None, Some(chain.top()));
            }
            Issuance::Unknown { issuer } => self.push(
                id,
                Verdict::NeedsConfirmation,
                format!("The chain stops at {}: its issuer {issuer} was not given, so it cannot be checked", self.name(chain.top())),
                Some("If the issuer is a private CA, add its certificates up to the root.".into()),
                Some(chain.top()),
            ),
        }
    }

    /// Within one file, a chain is listed from the server certificate up to the root.
    fn order(&mut self, chain: &Chain, id: RequirementId) {
        let sources: Vec<&str> = {
            let mut sources: Vec<&str> =
                chain.certificates.iter().map(|index| self.certificates[*index].source.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            sources
        };
        for source in sources {
            let in_chain: Vec<usize> =
                chain.certificates.iter().copied().filter(|index| self.certificates[*index].source == source).collect();
            // Indices follow the input's order.
            if in_chain.windows(2).all(|pair| pair[0] < pair[1]) {
                continue;
            }
            let mut as_listed = in_chain.clone();
            as_listed.sort_unstable();
            self.push(
                id,
                Verdict::Warning,
                format!(
                    "{source} lists the chain out of order: {}; from the server certificate up, it is {}",
                    list(&self.names(&as_listed)),
                    list(&self.names(&in_chain)),
                ),
                Some("List the server certificate first, then each issuer, the root last (sitecheck's bundle is in that order).".into()),
                Some(as_listed[0]),
            );
        }
    }

    /// At least a month's notice before a private root or intermediate expires. A chain that
    /// is not `standalone` is dated only where it is private.
    fn notice(&mut self, chain: &Chain, standalone: bool) {
        match &chain.issuance {
            Issuance::Private { .. } => {}
            _ if !standalone => return,
            Issuance::PublicByName { name, .. } => {
                self.push(
                    self.ids.private_notice,
                    Verdict::NotApplicable,
                    format!("Issued under {name}, a public CA by name: Telia needs no private certificates"),
                    None,
                    Some(chain.bottom()),
                );
                return;
            }
            Issuance::Unknown { issuer } => {
                self.push(
                    self.ids.private_notice,
                    Verdict::NeedsConfirmation,
                    format!("If {issuer} is a private CA, its certificates' expiry dates are needed: it was not given"),
                    Some("Add the root and intermediate certificates to date them.".into()),
                    Some(chain.top()),
                );
                return;
            }
        }
        for index in self.ca_members(chain) {
            if !self.dated.insert(index) {
                continue;
            }
            let certificate = &self.certificates[index];
            let until = certificate.not_after;
            let due = shift(until, limits::CERTIFICATE_EXPIRY_NOTICE, -1).unwrap_or(until);
            let left = days_between(self.today, until);
            let name = certificate.name();
            let notice = limits::CERTIFICATE_EXPIRY_NOTICE;
            let (verdict, evidence, advice) = if left < 0 {
                (
                    Verdict::Fail,
                    format!("{name} expired on {until}; its renewal was due at Telia by {due}"),
                    Some("Send Telia the renewed certificate now.".into()),
                )
            } else if self.today >= due {
                (
                    Verdict::Warning,
                    format!(
                        "{name} expires on {until}, in {left} days: the renewed certificate was due at Telia by {due}, {notice} before"
                    ),
                    Some("Send Telia the renewed certificate now.".into()),
                )
            } else {
                (
                    Verdict::Pass,
                    format!(
                        "{name} expires on {until}, in {left} days: send Telia the renewed certificate by {due}, {notice} before"
                    ),
                    Some(format!("Put {due} in a calendar.")),
                )
            };
            self.push(self.ids.private_notice, verdict, evidence, advice, Some(index));
        }
    }
}
