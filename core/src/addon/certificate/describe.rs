//! One certificate as the page shows it and the checks read it: names, validity, key, purposes,
//! and the identifiers that link it to its issuer. Read with x509-parser, without its
//! signature verification (see `mod.rs`).

use super::input::ReadError;
use crate::locale::{Bilingual, Text};
use crate::units::Date;
use serde::Serialize;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate, X509Name};
use x509_parser::public_key::PublicKey;

/// What the extended key usage extension says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Purposes {
    /// No extension: RFC 5280 4.2.1.12 then puts no limit on the purposes.
    Absent,
    Listed {
        server_authentication: bool,
        client_authentication: bool,
        /// anyExtendedKeyUsage.
        any: bool,
        /// The other purposes, named where known, else as object identifiers.
        other: Vec<String>,
    },
    /// Present but not readable (damaged, or given twice).
    Unreadable,
}

/// anyExtendedKeyUsage, in words.
pub const ANY_PURPOSE: Text = Text { en: "any purpose", sv: "valfritt syfte" };

/// The names [`Purposes::Listed`]'s `other` gives the purposes it knows, in Swedish.
const OTHER_PURPOSES: [Text; 4] = [
    Text { en: "code signing", sv: "kodsignering" },
    Text { en: "e-mail protection", sv: "e-postskydd" },
    Text { en: "time stamping", sv: "tidsstämpling" },
    Text { en: "OCSP signing", sv: "OCSP-signering" },
];

/// One of `other`'s purposes in both languages: a known name translated, an object
/// identifier as it is.
pub fn purpose_name(purpose: &str) -> Bilingual {
    OTHER_PURPOSES
        .iter()
        .find(|known| known.en == purpose)
        .map_or_else(|| Bilingual::same(purpose), |known| Bilingual::from(*known))
}

impl Purposes {
    /// The extended key usages listed, in words, in both languages (`describe` is the English).
    pub fn described(&self) -> Bilingual {
        match self {
            Purposes::Absent => Bilingual::new(
                "none listed (no extended key usage extension)",
                "inga angivna (inget tillägg för utökad nyckelanvändning)",
            ),
            Purposes::Unreadable => Bilingual::new("unreadable", "oläsligt"),
            Purposes::Listed { server_authentication, client_authentication, any, other } => {
                let mut names: Vec<Bilingual> = Vec::new();
                for (listed, name) in [
                    (*server_authentication, Bilingual::same("Server Authentication")),
                    (*client_authentication, Bilingual::same("Client Authentication")),
                    (*any, ANY_PURPOSE.into()),
                ] {
                    if listed {
                        names.push(name);
                    }
                }
                names.extend(other.iter().map(|purpose| purpose_name(purpose)));
                Bilingual::join(&names, ", ", ", ")
            }
        }
    }

    /// The extended key usages listed, in words.
    pub fn describe(&self) -> String {
        match self {
            Purposes::Absent => "none listed (no extended key usage extension)".into(),
            Purposes::Unreadable => "unreadable".into(),
            Purposes::Listed { server_authentication, client_authentication, any, other } => {
                let mut names: Vec<String> = Vec::new();
                for (listed, name) in [
                    (*server_authentication, "Server Authentication"),
                    (*client_authentication, "Client Authentication"),
                    (*any, "any purpose"),
                ] {
                    if listed {
                        names.push(name.into());
                    }
                }
                names.extend(other.iter().cloned());
                names.join(", ")
            }
        }
    }
}

/// One certificate of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    /// The file (or "pasted text") it came from.
    pub source: String,
    /// The line its PEM block begins on; none for DER.
    pub line: Option<usize>,
    pub subject: String,
    pub common_names: Vec<String>,
    /// Subject alternative names, each with its kind: `DNS:fe01.contoso.com`, `IP:192.0.2.1`.
    pub alternative_names: Vec<String>,
    /// The subject alternative name extension is present but could not be read.
    pub alternative_names_unreadable: bool,
    pub issuer: String,
    pub not_before: Date,
    pub not_after: Date,
    /// "RSA 2048 bits", "EC P-256".
    pub key: String,
    pub key_bits: Option<u32>,
    pub purposes: Purposes,
    /// Basic constraints say it is a CA.
    pub is_ca: bool,
    pub serial: String,
    pub subject_key_id: Option<String>,
    pub authority_key_id: Option<String>,
    #[serde(skip)]
    pub(super) raw: Raw,
}

/// What linking and the bundle compare and copy, not shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Raw {
    pub der: Vec<u8>,
    pub subject: Vec<u8>,
    pub issuer: Vec<u8>,
    pub subject_key_id: Option<Vec<u8>>,
    pub authority_key_id: Option<Vec<u8>>,
    pub subject_organisations: Vec<String>,
    pub issuer_organisations: Vec<String>,
    pub issuer_common_names: Vec<String>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02X}")).collect::<Vec<_>>().join(":")
}

fn attributes<'a>(values: impl Iterator<Item = &'a x509_parser::x509::AttributeTypeAndValue<'a>>) -> Vec<String> {
    values.filter_map(|value| value.as_str().ok().map(str::to_owned)).collect()
}

fn organisations(name: &X509Name<'_>) -> Vec<String> {
    attributes(name.iter_organization())
}

/// The day of a certificate time, in UTC.
fn day(seconds: i64) -> Date {
    Date::from_days_since_epoch(seconds.div_euclid(86_400))
}

fn alternative_name(name: &GeneralName<'_>) -> String {
    match name {
        GeneralName::DNSName(dns) => format!("DNS:{dns}"),
        GeneralName::RFC822Name(mail) => format!("email:{mail}"),
        GeneralName::URI(uri) => format!("URI:{uri}"),
        GeneralName::IPAddress(octets) => match octets.len() {
            4 => format!("IP:{}", std::net::Ipv4Addr::new(octets[0], octets[1], octets[2], octets[3])),
            16 => {
                let mut address = [0u8; 16];
                address.copy_from_slice(octets);
                format!("IP:{}", std::net::Ipv6Addr::from(address))
            }
            _ => format!("IP:{}", hex(octets)),
        },
        GeneralName::DirectoryName(directory) => format!("DirName:{directory}"),
        other => format!("{other:?}").split('(').next().unwrap_or("other").to_owned(),
    }
}

fn key_description(certificate: &X509Certificate<'_>) -> (String, Option<u32>) {
    let info = certificate.public_key();
    let algorithm = info.algorithm.algorithm.to_id_string();
    match info.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            let bits = rsa.key_size() as u32;
            (format!("RSA {bits} bits"), Some(bits))
        }
        Ok(PublicKey::EC(point)) => {
            let curve = info.algorithm.parameters.as_ref().map(|parameters| parameters.data);
            let name = match curve {
                Some([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]) => "P-256",
                Some([0x2b, 0x81, 0x04, 0x00, 0x22]) => "P-384",
                Some([0x2b, 0x81, 0x04, 0x00, 0x23]) => "P-521",
                _ => "on another curve",
            };
            let bits = point.key_size() as u32;
            (format!("EC {name}"), (bits > 0).then_some(bits))
        }
        Ok(PublicKey::DSA(_)) => ("DSA".to_owned(), None),
        _ => match algorithm.as_str() {
            "1.3.101.112" => ("Ed25519".to_owned(), Some(256)),
            "1.3.101.113" => ("Ed448".to_owned(), Some(456)),
            other => (format!("algorithm {other}"), None),
        },
    }
}

fn purposes(certificate: &X509Certificate<'_>) -> Purposes {
    match certificate.extended_key_usage() {
        Ok(None) => Purposes::Absent,
        Ok(Some(extension)) => {
            let usage = extension.value;
            let mut other: Vec<String> = Vec::new();
            for (listed, name) in [
                (usage.code_signing, "code signing"),
                (usage.email_protection, "e-mail protection"),
                (usage.time_stamping, "time stamping"),
                (usage.ocsp_signing, "OCSP signing"),
            ] {
                if listed {
                    other.push(name.to_owned());
                }
            }
            other.extend(usage.other.iter().map(|oid| oid.to_id_string()));
            Purposes::Listed {
                server_authentication: usage.server_auth,
                client_authentication: usage.client_auth,
                any: usage.any,
                other,
            }
        }
        Err(_) => Purposes::Unreadable,
    }
}

/// Reads one DER certificate; `source` and `line` say where it came from.
pub fn describe(der: &[u8], source: &str, line: Option<usize>) -> Result<Certificate, ReadError> {
    let (_, certificate) = X509Certificate::from_der(der)
        .map_err(|error| ReadError::NotACertificate { line, reason: error.to_string() })?;
    let (mut subject_key_id, mut authority_key_id) = (None, None);
    for extension in certificate.extensions() {
        match extension.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(identifier) => subject_key_id = Some(identifier.0.to_vec()),
            ParsedExtension::AuthorityKeyIdentifier(authority) => {
                authority_key_id = authority.key_identifier.as_ref().map(|identifier| identifier.0.to_vec());
            }
            _ => {}
        }
    }
    let (alternative_names, alternative_names_unreadable) = match certificate.subject_alternative_name() {
        Ok(Some(extension)) => (extension.value.general_names.iter().map(alternative_name).collect(), false),
        Ok(None) => (Vec::new(), false),
        Err(_) => (Vec::new(), true),
    };
    let (key, key_bits) = key_description(&certificate);
    let validity = certificate.validity();
    Ok(Certificate {
        source: source.to_owned(),
        line,
        subject: certificate.subject().to_string(),
        common_names: attributes(certificate.subject().iter_common_name()),
        alternative_names,
        alternative_names_unreadable,
        issuer: certificate.issuer().to_string(),
        not_before: day(validity.not_before.timestamp()),
        not_after: day(validity.not_after.timestamp()),
        key,
        key_bits,
        purposes: purposes(&certificate),
        is_ca: certificate.is_ca(),
        serial: certificate.raw_serial_as_string().to_uppercase(),
        subject_key_id: subject_key_id.as_deref().map(hex),
        authority_key_id: authority_key_id.as_deref().map(hex),
        raw: Raw {
            der: der.to_vec(),
            subject: certificate.subject().as_raw().to_vec(),
            issuer: certificate.issuer().as_raw().to_vec(),
            subject_key_id,
            authority_key_id,
            subject_organisations: organisations(certificate.subject()),
            issuer_organisations: organisations(certificate.issuer()),
            issuer_common_names: attributes(certificate.issuer().iter_common_name()),
        },
    })
}

impl Certificate {
    /// The DNS names among the alternative names.
    pub fn dns_names(&self) -> impl Iterator<Item = &str> {
        self.alternative_names.iter().filter_map(|name| name.strip_prefix("DNS:"))
    }

    /// The key in both languages: "RSA 2048 bits", "RSA 2048 bitar" (`key` is the English).
    pub fn key_text(&self) -> Bilingual {
        let sv = if let Some(bits) = self.key.strip_prefix("RSA ").and_then(|rest| rest.strip_suffix(" bits")) {
            format!("RSA {bits} bitar")
        } else if self.key == "EC on another curve" {
            "EC på en annan kurva".to_owned()
        } else if let Some(oid) = self.key.strip_prefix("algorithm ") {
            format!("algoritm {oid}")
        } else {
            self.key.clone()
        };
        Bilingual::new(self.key.clone(), sv)
    }

    /// A short name for evidence: the first common name, else the subject.
    pub fn name(&self) -> &str {
        self.common_names.first().map_or(&self.subject, String::as_str)
    }

    /// The issuer's short name: its first common name, else the whole issuer.
    pub fn issuer_name(&self) -> &str {
        self.raw.issuer_common_names.first().map_or(&self.issuer, String::as_str)
    }

    /// Subject and issuer are the same name.
    pub fn self_issued(&self) -> bool {
        self.raw.subject == self.raw.issuer
    }

    /// Self-issued with its own key, as far as key identifiers tell (RFC 5280 3.2: a root).
    pub fn self_signed(&self) -> bool {
        self.self_issued()
            && match (&self.raw.subject_key_id, &self.raw.authority_key_id) {
                (Some(subject), Some(authority)) => subject == authority,
                _ => true,
            }
    }

    /// What the checks of a server certificate apply to: not a CA, or one that names a host
    /// or a TLS purpose (openssl's self-signed certificates say CA:TRUE).
    pub fn looks_like_server(&self) -> bool {
        let tls_purpose = matches!(
            self.purposes,
            Purposes::Listed { server_authentication: true, .. } | Purposes::Listed { client_authentication: true, .. }
        );
        !self.is_ca || self.dns_names().next().is_some() || tls_purpose
    }

    pub(super) fn der(&self) -> &[u8] {
        &self.raw.der
    }
}
