//! Organisation names (the O attribute) that public certificate authorities put in their root
//! and issuing certificates. "Issued by a public CA" cannot be proven offline: this is a name
//! match, not a verification: a private CA may write any name, and a public CA missing here
//! is simply not recognised (its chains then need a person's confirmation).

/// Organisation names of public CAs, as their certificates write them. Compared without
/// regard to case.
pub const PUBLIC_CA_ORGANISATIONS: &[&str] = &[
    "Actalis S.p.A./03358520967",
    "Amazon",
    "Baltimore",
    "Buypass AS-983163327",
    "Certum",
    "COMODO CA Limited",
    "D-Trust GmbH",
    "Deutsche Telekom Security GmbH",
    "DigiCert Inc",
    "DigiCert, Inc.",
    "Entrust, Inc.",
    "GlobalSign",
    "GlobalSign nv-sa",
    "GoDaddy.com, Inc.",
    "Google Trust Services LLC",
    "Hellenic Academic and Research Institutions CA",
    "IdenTrust",
    "Internet Security Research Group",
    "Let's Encrypt",
    "Microsoft Corporation",
    "QuoVadis Limited",
    "SECOM Trust Systems CO.,LTD.",
    "Sectigo Limited",
    "SSL Corporation",
    "Starfield Technologies, Inc.",
    "SwissSign AG",
    "Telia Company AB",
    "Telia Finland Oyj",
    "TeliaSonera",
    "The USERTRUST Network",
    "Unizeto Technologies S.A.",
    "ZeroSSL",
];

/// The listed name `organisation` matches, if any.
pub fn public_ca_organisation(organisation: &str) -> Option<&'static str> {
    let organisation = organisation.trim();
    PUBLIC_CA_ORGANISATIONS.iter().copied().find(|listed| listed.eq_ignore_ascii_case(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_unique_without_case() {
        for (index, name) in PUBLIC_CA_ORGANISATIONS.iter().enumerate() {
            assert!(!name.is_empty() && name.trim() == *name, "{name:?}");
            let twins = PUBLIC_CA_ORGANISATIONS.iter().filter(|other| other.eq_ignore_ascii_case(name)).count();
            assert_eq!(twins, 1, "{name} is listed twice (the match ignores case)");
            assert_eq!(public_ca_organisation(name), Some(*name), "entry {index}");
        }
    }

    #[test]
    fn matching_ignores_case_and_spaces_only() {
        let check = |name: &str, expected: Option<&str>| assert_eq!(public_ca_organisation(name), expected, "{name}");
        check("DigiCert Inc", Some("DigiCert Inc"));
        check(" digicert inc ", Some("DigiCert Inc"));
        check("Let's Encrypt", Some("Let's Encrypt"));
        check("Contoso", None);
        check("DigiCert", None);
        check("", None);
    }
}
