//! Certificates linked into chains: each certificate's issuer is the given certificate whose
//! subject is its issuer name and, where both carry them, whose subject key identifier is its
//! authority key identifier (RFC 5280 4.2.1.1, 4.2.1.2). Signatures are not verified: the
//! links are what names and key identifiers say.

use super::describe::Certificate;
use super::public_ca::public_ca_organisation;
use crate::locale::Bilingual;
use serde::Serialize;

/// How a certificate was matched to its issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkBasis {
    /// Issuer name and key identifier both match.
    KeyIdentifier,
    /// The name matches; one side has no key identifier to compare.
    NameOnly,
}

/// Where a chain stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum ChainEnd {
    /// At a root: a certificate issued by itself.
    SelfSigned,
    /// The top certificate's issuer is not among those given.
    IssuerMissing { issuer: String },
    /// A certificate with the issuer's name was given, but with another key.
    IssuerKeyDiffers { issuer: String, given: usize },
    /// The certificates issue each other round in a circle.
    Loop,
}

/// Who issued the chain, as far as can be told offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Issuance {
    /// The root, or the missing issuer, names an organisation on the list of public CAs.
    /// A name match, not a verification.
    PublicByName { organisation: &'static str, name: String },
    /// The chain ends at a given self-signed root that is not a listed public CA.
    Private { root: usize },
    /// The chain ends below a CA that was not given and is not on the list.
    Unknown { issuer: String },
}

/// One chain, from its lowest certificate (the server certificate, where one was given) up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// Indices into the report's certificates, lowest first.
    pub certificates: Vec<usize>,
    /// `links[i]` joins `certificates[i]` to `certificates[i + 1]`.
    pub links: Vec<LinkBasis>,
    pub end: ChainEnd,
    pub issuance: Issuance,
    /// The lowest certificate is a server certificate, not a CA given on its own.
    pub server: bool,
}

impl Chain {
    /// Where the chain ends, in words: "a private root", "issuer X not given".
    pub fn describe_end(&self) -> String {
        match (&self.end, &self.issuance) {
            (_, Issuance::PublicByName { organisation, .. }) => format!("a public CA by name: \"{organisation}\""),
            (_, Issuance::Private { .. }) => "a private root".to_owned(),
            (ChainEnd::IssuerKeyDiffers { issuer, .. }, _) => format!("issuer {issuer} given with another key"),
            (ChainEnd::Loop, _) => "a loop".to_owned(),
            (_, Issuance::Unknown { issuer }) => format!("issuer {issuer} not given"),
        }
    }

    /// Where the chain ends, in both languages (`describe_end` is the English).
    pub fn end_described(&self) -> Bilingual {
        match (&self.end, &self.issuance) {
            (_, Issuance::PublicByName { organisation, .. }) => crate::bilingual!(
                "a public CA by name: \"{organisation}\"",
                "en publik CA till namnet: \"{organisation}\""
            ),
            (_, Issuance::Private { .. }) => Bilingual::new("a private root", "en privat rot"),
            (ChainEnd::IssuerKeyDiffers { issuer, .. }, _) => crate::bilingual!(
                "issuer {issuer} given with another key",
                "utfärdaren {issuer} angiven med en annan nyckel"
            ),
            (ChainEnd::Loop, _) => Bilingual::new("a loop", "en slinga"),
            (_, Issuance::Unknown { issuer }) => {
                crate::bilingual!("issuer {issuer} not given", "utfärdaren {issuer} inte angiven")
            }
        }
    }

    pub fn bottom(&self) -> usize {
        self.certificates[0]
    }

    pub fn top(&self) -> usize {
        *self.certificates.last().unwrap_or(&self.certificates[0])
    }
}

enum Issuer {
    Found(usize, LinkBasis),
    KeyDiffers(usize),
    Missing,
}

fn issuer_of(certificates: &[Certificate], index: usize) -> Issuer {
    let certificate = &certificates[index];
    let (mut name_only, mut key_differs) = (None, None);
    for (other_index, other) in certificates.iter().enumerate() {
        if other_index == index || other.raw.subject != certificate.raw.issuer {
            continue;
        }
        match (&certificate.raw.authority_key_id, &other.raw.subject_key_id) {
            (Some(authority), Some(subject)) if authority == subject => {
                return Issuer::Found(other_index, LinkBasis::KeyIdentifier);
            }
            (Some(_), Some(_)) => {
                key_differs.get_or_insert(other_index);
            }
            _ => {
                name_only.get_or_insert(other_index);
            }
        }
    }
    match (name_only, key_differs) {
        (Some(found), _) => Issuer::Found(found, LinkBasis::NameOnly),
        (None, Some(given)) => Issuer::KeyDiffers(given),
        (None, None) => Issuer::Missing,
    }
}

fn issuance(certificates: &[Certificate], top: usize, end: &ChainEnd) -> Issuance {
    let certificate = &certificates[top];
    let (organisations, name) = if *end == ChainEnd::SelfSigned {
        (&certificate.raw.subject_organisations, &certificate.subject)
    } else {
        (&certificate.raw.issuer_organisations, &certificate.issuer)
    };
    match organisations.iter().find_map(|organisation| public_ca_organisation(organisation)) {
        Some(organisation) => Issuance::PublicByName { organisation, name: name.clone() },
        None if *end == ChainEnd::SelfSigned => Issuance::Private { root: top },
        None => Issuance::Unknown { issuer: certificate.issuer.clone() },
    }
}

/// Every certificate in a chain: one chain from each certificate that issued none of the
/// others, in the order they were given.
pub fn build_chains(certificates: &[Certificate]) -> Vec<Chain> {
    let issuers: Vec<Issuer> = (0..certificates.len())
        .map(|index| if certificates[index].self_signed() { Issuer::Missing } else { issuer_of(certificates, index) })
        .collect();
    let issues_another = |candidate: usize| {
        issuers.iter().any(|issuer| matches!(issuer, Issuer::Found(found, _) if *found == candidate))
    };
    let mut starts: Vec<usize> = (0..certificates.len()).filter(|index| !issues_another(*index)).collect();
    let mut chains: Vec<Chain> = Vec::new();
    let mut covered = vec![false; certificates.len()];
    let mut next = 0;
    loop {
        let Some(&start) = starts.get(next) else {
            // Certificates only reached round a loop have no bottom: start from the first.
            match covered.iter().position(|covered| !covered) {
                Some(uncovered) => starts.push(uncovered),
                None => break,
            }
            continue;
        };
        next += 1;
        let mut chain = vec![start];
        let mut links = Vec::new();
        let mut current = start;
        let end = loop {
            if certificates[current].self_signed() {
                break ChainEnd::SelfSigned;
            }
            match issuers[current] {
                Issuer::Found(issuer, _) if chain.contains(&issuer) => break ChainEnd::Loop,
                Issuer::Found(issuer, basis) => {
                    chain.push(issuer);
                    links.push(basis);
                    current = issuer;
                }
                Issuer::KeyDiffers(given) => {
                    break ChainEnd::IssuerKeyDiffers { issuer: certificates[current].issuer.clone(), given };
                }
                Issuer::Missing => break ChainEnd::IssuerMissing { issuer: certificates[current].issuer.clone() },
            }
        };
        for index in &chain {
            covered[*index] = true;
        }
        let top = *chain.last().unwrap_or(&start);
        chains.push(Chain {
            issuance: issuance(certificates, top, &end),
            server: certificates[start].looks_like_server(),
            certificates: chain,
            links,
            end,
        });
    }
    chains
}
