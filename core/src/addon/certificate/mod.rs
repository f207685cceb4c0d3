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
pub use describe::{ANY_PURPOSE, Certificate, Purposes, describe, purpose_name};
pub use input::{Block, ReadError, pem_block, read_blocks};

use crate::addon::calendar::{days_between, period_text, shift};
use crate::limits;
use crate::locale::{Bilingual, Locale};
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

impl UnknownRole {
    /// The problem in that language; `Display` is the English.
    pub fn message_in(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.to_string(),
            Locale::Sv => format!("\"{}\" är ingen serverroll: front-end eller mediation", self.0),
        }
    }
}

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
    /// The problem in English (as `message.en`).
    pub problem: String,
    /// The problem in both languages.
    #[serde(skip)]
    pub message: Bilingual,
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
                        message: error.message(),
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

/// "1 CA certificate", "3 CA-certifikat": a count with its noun in both languages.
fn plural(count: usize, en: (&str, &str), sv: (&str, &str)) -> Bilingual {
    if count == 1 {
        Bilingual::new(format!("1 {}", en.0), format!("1 {}", sv.0))
    } else {
        Bilingual::new(format!("{count} {}", en.1), format!("{count} {}", sv.1))
    }
}

fn list(names: &[String]) -> String {
    names.join(", ")
}

/// "today" or "in 12 days".
fn when(left: i64) -> Bilingual {
    if left == 0 { Bilingual::new("today", "i dag") } else { crate::bilingual!("in {left} days", "om {left} dagar") }
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
        evidence: Bilingual,
        advice: Option<Bilingual>,
        about: Option<usize>,
    ) {
        let certificate = about.map(|index| &self.certificates[index]);
        self.findings.push(CertificateFinding {
            finding: Finding::new(id, verdict, evidence, advice),
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
        let role = self.role.label();
        let count =
            plural(self.certificates.len(), ("CA certificate", "CA certificates"), ("CA-certifikat", "CA-certifikat"));
        let (count_en, count_sv) = (&count.en, &count.sv);
        let evidence = crate::bilingual!(
            "No {role} server certificate was given, only {count_en}",
            "Inget servercertifikat för {role} angavs, bara {count_sv}"
        );
        let advice = Some(crate::bilingual!(
            "Add the {role} server certificate to check it too.",
            "Lägg till servercertifikatet för {role} för att kontrollera det också."
        ));
        self.push(self.ids.no_wildcard, Verdict::NeedsConfirmation, evidence.clone(), advice.clone(), None);
        self.push(self.ids.purposes, Verdict::NeedsConfirmation, evidence, advice, None);
    }

    fn wildcard(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let name = certificate.name();
        let role = self.role.label();
        let mut wildcards: Vec<String> = certificate
            .common_names
            .iter()
            .filter(|name| name.contains('*'))
            .map(|name| format!("CN={name}"))
            .collect();
        wildcards.extend(certificate.dns_names().filter(|name| name.contains('*')).map(|name| format!("DNS:{name}")));
        let dns: Vec<String> = certificate.dns_names().map(str::to_owned).collect();
        let (verdict, evidence, advice) = if !wildcards.is_empty() {
            let wildcards = list(&wildcards);
            (
                Verdict::Fail,
                crate::bilingual!("{name} has wildcard names: {wildcards}", "{name} har jokerteckennamn: {wildcards}"),
                Some(crate::bilingual!(
                    "Wildcard certificates are not supported: request one that names each {role} server and pool in full (FQDN) in its subject alternative names.",
                    "Jokerteckencertifikat stöds inte: begär ett som anger varje server och pool för {role} med fullständigt namn (FQDN) bland sina alternativa namn (subject alternative names)."
                )),
            )
        } else if certificate.alternative_names_unreadable {
            (
                Verdict::NeedsConfirmation,
                crate::bilingual!(
                    "The common name of {name} has no wildcard, but its subject alternative names could not be read",
                    "Det gemensamma namnet (CN) för {name} har inget jokertecken, men dess alternativa namn (subject alternative names) gick inte att läsa"
                ),
                Some(Bilingual::new(
                    "Check the subject alternative names in the certificate's details.",
                    "Kontrollera de alternativa namnen (subject alternative names) i certifikatets detaljer.",
                )),
            )
        } else if dns.is_empty() {
            (
                Verdict::Pass,
                crate::bilingual!(
                    "No wildcard in the common name of {name} or its no DNS names",
                    "Inget jokertecken i det gemensamma namnet (CN) för {name}, som inte har några DNS-namn"
                ),
                None,
            )
        } else {
            let dns = list(&dns);
            (
                Verdict::Pass,
                crate::bilingual!(
                    "No wildcard in the common name of {name} or its DNS names {dns}",
                    "Inget jokertecken i det gemensamma namnet (CN) för {name} eller i dess DNS-namn {dns}"
                ),
                None,
            )
        };
        self.push(self.ids.no_wildcard, verdict, evidence, advice, Some(leaf));
    }

    fn purposes(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let name = certificate.name();
        let request = Bilingual::new(
            "Request a new certificate whose extended key usage lists both Server Authentication (1.3.6.1.5.5.7.3.1) and Client Authentication (1.3.6.1.5.5.7.3.2).",
            "Begär ett nytt certifikat vars utökade nyckelanvändning (extended key usage) anger både Server Authentication (1.3.6.1.5.5.7.3.1) och Client Authentication (1.3.6.1.5.5.7.3.2).",
        );
        let (request_en, request_sv) = (&request.en, &request.sv);
        let (verdict, evidence, advice) = match &certificate.purposes {
            Purposes::Listed { server_authentication: true, client_authentication: true, .. } => (
                Verdict::Pass,
                crate::bilingual!(
                    "The extended key usage of {name} lists Server Authentication and Client Authentication",
                    "Den utökade nyckelanvändningen för {name} anger Server Authentication och Client Authentication"
                ),
                None,
            ),
            Purposes::Listed { server_authentication, client_authentication, any, other } => {
                let mut listed: Vec<Bilingual> = Vec::new();
                if *server_authentication {
                    listed.push(Bilingual::same("Server Authentication"));
                }
                if *client_authentication {
                    listed.push(Bilingual::same("Client Authentication"));
                }
                if *any {
                    listed.push(ANY_PURPOSE.into());
                }
                listed.extend(other.iter().map(|purpose| purpose_name(purpose)));
                let missing = match (server_authentication, client_authentication) {
                    (false, false) => {
                        Bilingual::new("both Server and Client Authentication", "både Server och Client Authentication")
                    }
                    (true, false) => Bilingual::same("Client Authentication"),
                    _ => Bilingual::same("Server Authentication"),
                };
                let listed = if listed.is_empty() {
                    Bilingual::new("nothing", "ingenting")
                } else {
                    Bilingual::join(&listed, ", ", ", ")
                };
                let (listed_en, listed_sv, missing_en, missing_sv) = (&listed.en, &listed.sv, &missing.en, &missing.sv);
                if *any {
                    (
                        Verdict::Warning,
                        crate::bilingual!(
                            "The extended key usage of {name} lists {listed_en}, not {missing_en} by name",
                            "Den utökade nyckelanvändningen för {name} anger {listed_sv}, inte {missing_sv} vid namn"
                        ),
                        Some(crate::bilingual!(
                            "Many TLS stacks accept \"any purpose\", but the spec asks for both purposes enabled. {request_en}",
                            "Många TLS-implementationer godtar \"valfritt syfte\", men specifikationen kräver att båda syftena är aktiverade. {request_sv}"
                        )),
                    )
                } else {
                    (
                        Verdict::Fail,
                        crate::bilingual!(
                            "The extended key usage of {name} lists {listed_en}: {missing_en} is missing",
                            "Den utökade nyckelanvändningen för {name} anger {listed_sv}: {missing_sv} saknas"
                        ),
                        Some(request),
                    )
                }
            }
            Purposes::Absent => (
                Verdict::Warning,
                crate::bilingual!(
                    "{name} has no extended key usage extension: it is not limited to any purpose (RFC 5280), but it does not enable Server and Client Authentication by name",
                    "{name} har inget tillägg för utökad nyckelanvändning: det är inte begränsat till något syfte (RFC 5280), men det aktiverar inte Server och Client Authentication vid namn"
                ),
                Some(crate::bilingual!(
                    "The spec asks for both purposes enabled. {request_en}",
                    "Specifikationen kräver att båda syftena är aktiverade. {request_sv}"
                )),
            ),
            Purposes::Unreadable => (
                Verdict::NeedsConfirmation,
                crate::bilingual!(
                    "The extended key usage extension of {name} could not be read",
                    "Tillägget för utökad nyckelanvändning i {name} gick inte att läsa"
                ),
                Some(Bilingual::new(
                    "Check Enhanced Key Usage in the certificate's details: both Server and Client Authentication must be listed.",
                    "Kontrollera Enhanced Key Usage (förbättrad nyckelanvändning) i certifikatets detaljer: både Server och Client Authentication måste finnas med.",
                )),
            ),
        };
        self.push(self.ids.purposes, verdict, evidence, advice, Some(leaf));
    }

    fn issuance(&mut self, chain: &Chain) {
        let bottom = chain.bottom();
        let name = self.name(bottom);
        let role = self.role.label();
        let (verdict, evidence, advice) = match (&chain.issuance, chain.server) {
            (Issuance::PublicByName { organisation, name: ca }, true) => (
                Verdict::Pass,
                crate::bilingual!(
                    "{name} is issued under {ca}: organisation \"{organisation}\" is on sitecheck's list of public CAs. A name match, not a verification: signatures are not checked offline",
                    "{name} är utfärdat under {ca}: organisationen \"{organisation}\" finns på sitechecks lista över publika CA:er. En namnmatchning, ingen verifiering: signaturer kontrolleras inte offline"
                ),
                None,
            ),
            (Issuance::Private { root }, true) => (
                Verdict::Warning,
                if *root == bottom {
                    crate::bilingual!(
                        "{name} is self-signed: it is its own root, not issued by a public CA",
                        "{name} är självsignerat: det är sin egen rot, inte utfärdat av en publik CA"
                    )
                } else {
                    let root = self.name(*root);
                    crate::bilingual!(
                        "{name} is issued under the private root {root}, not by a public CA",
                        "{name} är utfärdat under den privata roten {root}, inte av en publik CA"
                    )
                },
                Some(crate::bilingual!(
                    "Use {role} certificates from a public CA, or buy the add-on Skype For Business Private Certificate and send Telia the root and intermediate certificates (sitecheck's bundle).",
                    "Använd certifikat för {role} från en publik CA, eller köp tillägget Skype For Business Private Certificate och skicka rotcertifikatet och de mellanliggande certifikaten till Telia (sitechecks paket)."
                )),
            ),
            (Issuance::Unknown { issuer }, true) => (
                Verdict::NeedsConfirmation,
                if matches!(chain.end, ChainEnd::IssuerKeyDiffers { .. }) {
                    crate::bilingual!(
                        "{name} is issued by {issuer}; the certificate of that name given has another key, and the name is not on sitecheck's list of public CA names: a public CA?",
                        "{name} är utfärdat av {issuer}; det angivna certifikatet med det namnet har en annan nyckel, och namnet finns inte på sitechecks lista över namn på publika CA:er: en publik CA?"
                    )
                } else {
                    crate::bilingual!(
                        "{name} is issued by {issuer}, which is neither among the certificates given nor on sitecheck's list of public CA names: a public CA?",
                        "{name} är utfärdat av {issuer}, som varken finns bland de angivna certifikaten eller på sitechecks lista över namn på publika CA:er: en publik CA?"
                    )
                },
                Some(Bilingual::new(
                    "Add the intermediate and root certificates to decide, or confirm that this issuer is a public CA.",
                    "Lägg till de mellanliggande certifikaten och rotcertifikatet för att avgöra det, eller bekräfta att utfärdaren är en publik CA.",
                )),
            ),
            (issuance, false) => {
                let end = match issuance {
                    Issuance::PublicByName { organisation, name } => crate::bilingual!(
                        "at {name}, a public CA by name (\"{organisation}\")",
                        "vid {name}, en publik CA till namnet (\"{organisation}\")"
                    ),
                    Issuance::Private { root } => {
                        let root = self.name(*root);
                        crate::bilingual!("at the private root {root}", "vid den privata roten {root}")
                    }
                    Issuance::Unknown { issuer } => {
                        crate::bilingual!("below {issuer}, which was not given", "under {issuer}, som inte angavs")
                    }
                };
                let (end_en, end_sv) = (&end.en, &end.sv);
                (
                    Verdict::NeedsConfirmation,
                    crate::bilingual!(
                        "Only CA certificates were given; they end {end_en}",
                        "Bara CA-certifikat angavs; de slutar {end_sv}"
                    ),
                    Some(crate::bilingual!(
                        "Add the {role} server certificate to check who issued it.",
                        "Lägg till servercertifikatet för {role} för att kontrollera vem som utfärdade det."
                    )),
                )
            }
        };
        self.push(self.ids.public, verdict, evidence, advice, Some(bottom));
    }

    fn leaf_validity(&mut self, leaf: usize) {
        let certificate = &self.certificates[leaf];
        let (name, from, until, today) =
            (certificate.name(), certificate.not_before, certificate.not_after, self.today);
        let notice_from = shift(until, limits::CERTIFICATE_EXPIRY_NOTICE, -1).unwrap_or(until);
        let left = days_between(self.today, until);
        let role = self.role.label();
        let renew = Some(crate::bilingual!(
            "Renew the {role} certificate before it expires.",
            "Förnya certifikatet för {role} innan det går ut."
        ));
        let (verdict, evidence, advice) = if self.today < from {
            (
                Verdict::Fail,
                crate::bilingual!("{name} is not valid before {from}", "{name} är inte giltigt före {from}"),
                None,
            )
        } else if self.today > until {
            let ago = -left;
            (
                Verdict::Fail,
                crate::bilingual!(
                    "{name} expired on {until}, {ago} days ago",
                    "{name} gick ut {until}, för {ago} dagar sedan"
                ),
                renew,
            )
        } else if self.today >= notice_from {
            let when = when(left);
            let notice = period_text(limits::CERTIFICATE_EXPIRY_NOTICE);
            let (when_en, when_sv, notice_en, notice_sv) = (&when.en, &when.sv, &notice.en, &notice.sv);
            (
                Verdict::Warning,
                crate::bilingual!(
                    "{name} expires on {until}, {when_en}: within {notice_en}",
                    "{name} går ut {until}, {when_sv}: inom {notice_sv}"
                ),
                renew,
            )
        } else {
            (
                Verdict::Pass,
                crate::bilingual!(
                    "{name} is valid from {from} until {until}, {left} days from {today}",
                    "{name} är giltigt från {from} till {until}, {left} dagar från {today}"
                ),
                None,
            )
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
                crate::bilingual!(
                    "Issued under {name}, a public CA by name: the private certificate add-on does not apply",
                    "Utfärdat under {name}, en publik CA till namnet: tillägget för privata certifikat gäller inte"
                ),
                None,
            ),
            Issuance::Private { root } => {
                let members = self.ca_members(chain);
                let root_name = self.name(*root);
                let what = match members.len() {
                    0 | 1 if *root == bottom && chain.server => {
                        crate::bilingual!("{root_name} is self-signed", "{root_name} är självsignerat")
                    }
                    0 | 1 => crate::bilingual!(
                        "Private root {root_name}, no intermediates",
                        "Privat rot {root_name}, inga mellanliggande certifikat"
                    ),
                    count => {
                        let intermediates = plural(
                            count - 1,
                            ("intermediate", "intermediates"),
                            ("mellanliggande certifikat", "mellanliggande certifikat"),
                        );
                        let (intermediates_en, intermediates_sv) = (&intermediates.en, &intermediates.sv);
                        crate::bilingual!(
                            "Private root {root_name} and {intermediates_en}",
                            "Privat rot {root_name} och {intermediates_sv}"
                        )
                    }
                };
                let go = if members.len() == 1 {
                    Bilingual::new("this certificate goes", "detta certifikat ska skickas")
                } else {
                    Bilingual::new("these certificates go", "dessa certifikat ska skickas")
                };
                let encoded = if members.len() == 1 { "Base64-kodat" } else { "Base64-kodade" };
                let listed = list(&self.names(&members));
                let (what_en, what_sv, go_en, go_sv) = (&what.en, &what.sv, &go.en, &go.sv);
                (
                    Verdict::NeedsConfirmation,
                    crate::bilingual!(
                        "{what_en}: the add-on Skype For Business Private Certificate is needed, and {go_en} to Telia Base64-encoded: {listed}",
                        "{what_sv}: tillägget Skype For Business Private Certificate behövs, och {go_sv} till Telia {encoded}: {listed}"
                    ),
                    Some(Bilingual::new(
                        "Confirm that the add-on is bought, and send Telia sitecheck's bundle of these certificates (PEM is Base64).",
                        "Bekräfta att tillägget är köpt, och skicka sitechecks paket med dessa certifikat till Telia (PEM är Base64).",
                    )),
                )
            }
            Issuance::Unknown { issuer } => (
                Verdict::NeedsConfirmation,
                crate::bilingual!(
                    "If {issuer} is a private CA, the add-on Skype For Business Private Certificate is needed and its root and intermediate certificates go to Telia Base64-encoded",
                    "Om {issuer} är en privat CA behövs tillägget Skype For Business Private Certificate, och dess rotcertifikat och mellanliggande certifikat ska skickas till Telia Base64-kodade"
                ),
                Some(Bilingual::new(
                    "Add the root and intermediate certificates to make the bundle, or confirm that the issuer is a public CA.",
                    "Lägg till rotcertifikatet och de mellanliggande certifikaten för att skapa paketet, eller bekräfta att utfärdaren är en publik CA.",
                )),
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
        let today = self.today;
        // Every issuer must be a CA.
        for pair in chain.certificates.windows(2) {
            let (issued, issuer) = (pair[0], pair[1]);
            if !certificates[issuer].is_ca {
                let (issuer_name, issued_name) = (self.name(issuer), self.name(issued));
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!(
                        "{issuer_name} issued {issued_name} but its basic constraints do not make it a CA",
                        "{issuer_name} utfärdade {issued_name}, men dess grundläggande begränsningar (basic constraints) gör det inte till en CA"
                    ),
                    Some(Bilingual::new(
                        "Give the CA certificate that issued it; a server certificate cannot issue others.",
                        "Ange CA-certifikatet som utfärdade det; ett servercertifikat kan inte utfärda andra.",
                    )),
                    Some(issuer),
                );
            }
        }
        let top = chain.top();
        let top_name = self.name(top);
        match &chain.end {
            ChainEnd::IssuerKeyDiffers { issuer, given } => {
                let wanted = certificates[top].authority_key_id.clone().unwrap_or_default();
                let found = certificates[*given].subject_key_id.clone().unwrap_or_default();
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!(
                        "{top_name} names {issuer} as its issuer, and a certificate of that name was given, but with key identifier {found}, not {wanted}: another key of that CA (a renewed CA certificate?)",
                        "{top_name} anger {issuer} som utfärdare, och ett certifikat med det namnet angavs, men med nyckelidentifieraren {found}, inte {wanted}: en annan nyckel för den CA:n (ett förnyat CA-certifikat?)"
                    ),
                    Some(crate::bilingual!(
                        "Give the CA certificate whose subject key identifier is {wanted}.",
                        "Ange det CA-certifikat vars nyckelidentifierare för subjektet (subject key identifier) är {wanted}."
                    )),
                    Some(*given),
                );
            }
            ChainEnd::Loop => {
                let listed = list(&self.names(&chain.certificates));
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!(
                        "The certificates {listed} issue each other round in a loop",
                        "Certifikaten {listed} utfärdar varandra i en slinga"
                    ),
                    Some(Bilingual::new("Give the chain up to its root.", "Ange kedjan ända upp till roten.")),
                    Some(top),
                );
            }
            ChainEnd::IssuerMissing { issuer } if !unlinked.is_empty() => {
                let others: Vec<usize> = unlinked.iter().flat_map(|other| other.certificates.iter().copied()).collect();
                let (bottom_name, others) = (self.name(chain.bottom()), list(&self.names(&others)));
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!(
                        "The chain of {bottom_name} is incomplete: {top_name}'s issuer {issuer} is not among the certificates given, so {others} cannot be linked to it",
                        "Kedjan för {bottom_name} är ofullständig: utfärdaren {issuer} för {top_name} finns inte bland de angivna certifikaten, så {others} kan inte länkas till den"
                    ),
                    Some(crate::bilingual!("Add the certificate of {issuer}.", "Lägg till certifikatet för {issuer}.")),
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
            let (name, from, until) = (certificate.name(), certificate.not_before, certificate.not_after);
            if self.today < from {
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!("{name} is not valid before {from}", "{name} är inte giltigt före {from}"),
                    None,
                    Some(index),
                );
            } else if self.today > until {
                self.push(
                    id,
                    Verdict::Fail,
                    crate::bilingual!(
                        "The CA certificate {name} expired on {until}",
                        "CA-certifikatet {name} gick ut {until}"
                    ),
                    Some(Bilingual::new(
                        "Renew the CA certificate, reissue what it signed, and send Telia the new one.",
                        "Förnya CA-certifikatet, utfärda det som det signerade på nytt, och skicka det nya till Telia.",
                    )),
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
                crate::bilingual!(
                    "Issued under {name}, a public CA by name: no private certificates go to Telia",
                    "Utfärdat under {name}, en publik CA till namnet: inga privata certifikat ska skickas till Telia"
                ),
                None,
                Some(chain.bottom()),
            ),
            _ if problems => {}
            Issuance::Private { .. } if chain.certificates.len() == 1 => self.push(
                id,
                Verdict::Pass,
                crate::bilingual!(
                    "{top_name} is self-signed, its own root: a chain of one, valid on {today} (its signature is not verified offline)",
                    "{top_name} är självsignerat, sin egen rot: en kedja med ett certifikat, giltig {today} (dess signatur verifieras inte offline)"
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
                let path = self.names(&chain.certificates).join(" → ");
                let mut evidence = crate::bilingual!(
                    "The chain {path} is complete and in order, each issuer a CA, each CA certificate valid on {today}; linked by issuer names and key identifiers (signatures are not verified offline)",
                    "Kedjan {path} är fullständig och i ordning, varje utfärdare en CA, varje CA-certifikat giltigt {today}; länkad via utfärdarnamn och nyckelidentifierare (signaturer verifieras inte offline)"
                );
                if !by_name.is_empty() {
                    let by_name = list(&by_name);
                    evidence.push(&crate::bilingual!(
                        "; by name only, without key identifiers: {by_name}",
                        "; bara via namn, utan nyckelidentifierare: {by_name}"
                    ));
                }
                self.push(id, Verdict::Pass, evidence, None, Some(chain.top()));
            }
            Issuance::Unknown { issuer } => self.push(
                id,
                Verdict::NeedsConfirmation,
                crate::bilingual!(
                    "The chain stops at {top_name}: its issuer {issuer} was not given, so it cannot be checked",
                    "Kedjan slutar vid {top_name}: dess utfärdare {issuer} angavs inte, så den kan inte kontrolleras"
                ),
                Some(Bilingual::new(
                    "If the issuer is a private CA, add its certificates up to the root.",
                    "Om utfärdaren är en privat CA, lägg till dess certifikat ända upp till roten.",
                )),
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
            let (listed, upwards) = (list(&self.names(&as_listed)), list(&self.names(&in_chain)));
            self.push(
                id,
                Verdict::Warning,
                crate::bilingual!(
                    "{source} lists the chain out of order: {listed}; from the server certificate up, it is {upwards}",
                    "{source} listar kedjan i fel ordning: {listed}; från servercertifikatet och uppåt är den {upwards}"
                ),
                Some(Bilingual::new(
                    "List the server certificate first, then each issuer, the root last (sitecheck's bundle is in that order).",
                    "Lista servercertifikatet först, sedan varje utfärdare och roten sist (sitechecks paket har den ordningen).",
                )),
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
                    crate::bilingual!(
                        "Issued under {name}, a public CA by name: Telia needs no private certificates",
                        "Utfärdat under {name}, en publik CA till namnet: Telia behöver inga privata certifikat"
                    ),
                    None,
                    Some(chain.bottom()),
                );
                return;
            }
            Issuance::Unknown { issuer } => {
                self.push(
                    self.ids.private_notice,
                    Verdict::NeedsConfirmation,
                    crate::bilingual!(
                        "If {issuer} is a private CA, its certificates' expiry dates are needed: it was not given",
                        "Om {issuer} är en privat CA behövs utgångsdatumen för dess certifikat: den angavs inte"
                    ),
                    Some(Bilingual::new(
                        "Add the root and intermediate certificates to date them.",
                        "Lägg till rotcertifikatet och de mellanliggande certifikaten så att deras datum kan läsas.",
                    )),
                    Some(chain.top()),
                );
                return;
            }
        }
        let notice = period_text(limits::CERTIFICATE_EXPIRY_NOTICE);
        let (notice_en, notice_sv) = (&notice.en, &notice.sv);
        let send_now = || {
            Some(Bilingual::new(
                "Send Telia the renewed certificate now.",
                "Skicka det förnyade certifikatet till Telia nu.",
            ))
        };
        for index in self.ca_members(chain) {
            if !self.dated.insert(index) {
                continue;
            }
            let certificate = &self.certificates[index];
            let until = certificate.not_after;
            let due = shift(until, limits::CERTIFICATE_EXPIRY_NOTICE, -1).unwrap_or(until);
            let left = days_between(self.today, until);
            let name = certificate.name();
            let (verdict, evidence, advice) = if left < 0 {
                (
                    Verdict::Fail,
                    crate::bilingual!(
                        "{name} expired on {until}; its renewal was due at Telia by {due}",
                        "{name} gick ut {until}; det förnyade certifikatet skulle ha funnits hos Telia senast {due}"
                    ),
                    send_now(),
                )
            } else if self.today >= due {
                (
                    Verdict::Warning,
                    crate::bilingual!(
                        "{name} expires on {until}, in {left} days: the renewed certificate was due at Telia by {due}, {notice_en} before",
                        "{name} går ut {until}, om {left} dagar: det förnyade certifikatet skulle ha funnits hos Telia senast {due}, {notice_sv} före"
                    ),
                    send_now(),
                )
            } else {
                (
                    Verdict::Pass,
                    crate::bilingual!(
                        "{name} expires on {until}, in {left} days: send Telia the renewed certificate by {due}, {notice_en} before",
                        "{name} går ut {until}, om {left} dagar: skicka det förnyade certifikatet till Telia senast {due}, {notice_sv} före"
                    ),
                    Some(crate::bilingual!("Put {due} in a calendar.", "Skriv in {due} i en kalender.")),
                )
            };
            self.push(self.ids.private_notice, verdict, evidence, advice, Some(index));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::describe::Raw;
    use super::*;

    /// A certificate made up field by field, for what the fixtures cannot show: names that
    /// cannot be read, an issuer that is no CA, certificates issuing each other.
    fn made_up(name: &str, issuer: &str, is_ca: bool, purposes: Purposes, unreadable_names: bool) -> Certificate {
        Certificate {
            source: "made-up.pem".into(),
            line: Some(1),
            subject: format!("CN={name}"),
            common_names: vec![name.into()],
            alternative_names: Vec::new(),
            alternative_names_unreadable: unreadable_names,
            issuer: format!("CN={issuer}"),
            not_before: Date::new(2026, 1, 1),
            not_after: Date::new(2027, 1, 1),
            key: "RSA 2048 bits".into(),
            key_bits: Some(2048),
            purposes,
            is_ca,
            serial: "01".into(),
            subject_key_id: None,
            authority_key_id: None,
            raw: Raw {
                der: name.as_bytes().to_vec(),
                subject: name.as_bytes().to_vec(),
                issuer: issuer.as_bytes().to_vec(),
                ..Raw::default()
            },
        }
    }

    fn findings(certificates: &[Certificate]) -> Vec<Finding> {
        let chains = build_chains(certificates);
        let mut judge = Judge::new(certificates, &chains, ServerRole::FrontEnd, Date::new(2026, 6, 1));
        judge.all();
        judge.findings.into_iter().map(|found| found.finding).collect()
    }

    /// Swedish that says something else than the English, with its figures and no English words.
    fn assert_swedish(text: &Bilingual) {
        let digits = |text: &str| text.chars().filter(char::is_ascii_digit).collect::<String>();
        assert!(!text.sv.is_empty() && text.sv != text.en, "{text:?}");
        assert_eq!(digits(&text.en), digits(&text.sv), "{text:?}");
        for english in [" the ", " is ", " not ", " and ", " with ", " of "] {
            assert!(!text.sv.contains(english), "{english:?} in {:?}", text.sv);
        }
    }

    #[test]
    fn what_the_fixtures_cannot_show_is_in_swedish_too() {
        let leaf = made_up("fe01.contoso.example", "Issuer", false, Purposes::Unreadable, true);
        let not_a_ca = made_up("Issuer", "Root", false, Purposes::Absent, false);
        let unreadable = findings(&[leaf.clone(), not_a_ca]);
        let looping = findings(&[
            leaf,
            made_up("Issuer", "Other", true, Purposes::Absent, false),
            made_up("Other", "Issuer", true, Purposes::Absent, false),
        ]);
        let mut expected = vec![
            "subject alternative names could not be read",
            "extended key usage extension of fe01.contoso.example could not be read",
            "basic constraints do not make it a CA",
        ];
        for finding in &unreadable {
            expected.retain(|fragment| !finding.evidence.en.contains(fragment));
        }
        assert!(expected.is_empty(), "{expected:?} not in {unreadable:#?}");
        assert!(looping.iter().any(|finding| finding.evidence.en.contains("issue each other round in a loop")));
        for finding in unreadable.iter().chain(&looping) {
            assert_swedish(&finding.evidence);
            finding.advice.iter().for_each(assert_swedish);
        }
    }
}
